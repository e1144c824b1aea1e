package evaluate

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// Split funding: each budget pays its share of the build spend, in the
// scheduler's checks and in the capacity plan. capex (200,000 in total)
// pays 70% and opex (40,000 in total) 30% of each project's 100,000:
// a fits (70,000 + 30,000); c takes 20,000 more of capex; b's 70,000 would
// still fit capex, but its 30,000 no longer fits opex (10,000 left).
func TestSplitFunding(t *testing.T) {
	cfg := schedConfig(4, 10)
	addBudget(cfg, "capex", 200000, hclspec.PerTotal)
	addBudget(cfg, "opex", 40000, hclspec.PerTotal)
	for _, id := range []string{"a", "b"} {
		p := schedProject(cfg, id, 1, 1)
		p.Cost.OneTime = 100000
		p.FundingSplit = map[string]float64{"capex": 0.7, "opex": 0.3}
	}
	c := schedProject(cfg, "c", 1, 1)
	c.Cost.OneTime = 20000
	c.Funding = "capex"
	plan := mustEvaluate(t, cfg)

	got := outcomes(plan)
	want := map[string]outcome{
		"a": {StatusScheduled, 0, nil},
		"b": {StatusDeferred, -1, []string{
			`budget "opex" has no room for its 30% share of its build spend (EUR 30,000 of EUR 100,000) in total (spent by "a")`,
			"must finish inside the horizon (last period 2027-Q4), so it cannot start after 2027-Q4",
		}},
		"c": {StatusScheduled, 0, nil},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]float64{"capex": 0.7, "opex": 0.3}, projectByID(t, plan, "a").FundingShares); diff != "" {
		t.Errorf("a's funding_shares (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]float64{"capex": 1}, projectByID(t, plan, "c").FundingShares); diff != "" {
		t.Errorf("c's funding_shares (-want +got):\n%s", diff)
	}
	period0 := plan.Periods[0].Budgets
	if period0["capex"].Spent != 90000 || period0["opex"].Spent != 30000 {
		t.Errorf("period 0 spends capex %v and opex %v, want 90000 and 30000", period0["capex"].Spent, period0["opex"].Spent)
	}
	if errs := planViolations(cfg, plan); len(errs) > 0 {
		t.Errorf("plan violations: %v", errs)
	}
}

// A share too large for its budget alone drops the project at the
// resources gate, naming the budget and the share.
func TestSplitFundingShareTooLarge(t *testing.T) {
	cfg := schedConfig(4, 10)
	addBudget(cfg, "capex", 100000, hclspec.PerTotal)
	addBudget(cfg, "opex", 10000, hclspec.PerTotal)
	p := schedProject(cfg, "a", 1, 1)
	p.Cost.OneTime = 100000
	p.FundingSplit = map[string]float64{"capex": 0.8, "opex": 0.2}
	p.Ranges["funding.opex"] = rng(9)
	got := projectByID(t, mustEvaluate(t, cfg), "a")
	want := []Finding{{Gate: GateResources, Severity: SeverityError, Range: sourceRange(rng(9)),
		Message: `its 20% share of the build spend of EUR 20,000 exceeds budget "opex" (EUR 10,000 in total)`}}
	if diff := cmp.Diff(want, got.Findings); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

// With two or more budgets, a project that spends and names no funding
// pays from none of them: the loader refuses it, and a config built in
// code has it dropped rather than spending outside every budget.
func TestUnfundedSpendingWithTwoBudgets(t *testing.T) {
	cfg := schedConfig(4, 10)
	addBudget(cfg, "capex", 1e6, hclspec.PerTotal)
	addBudget(cfg, "opex", 1e6, hclspec.PerTotal)
	p := schedProject(cfg, "a", 1, 1)
	p.Cost.OneTime = 9e6
	schedProject(cfg, "free", 1, 1) // spends nothing: needs no budget
	plan := mustEvaluate(t, cfg)
	a := projectByID(t, plan, "a")
	if a.Status != StatusDropped || len(a.Reasons) != 1 || !strings.Contains(a.Reasons[0], "which budget pays?") {
		t.Errorf("a is %s %q, want dropped because no budget pays", a.Status, a.Reasons)
	}
	if got := projectByID(t, plan, "free").Status; got != StatusScheduled {
		t.Errorf("free is %s, want scheduled", got)
	}
	// planViolations notices a plan that schedules it anyway.
	for i := range plan.Projects {
		if plan.Projects[i].ID == "a" {
			start, end := 0, 1
			pr := &plan.Projects[i]
			pr.Status, pr.Gate, pr.Reasons, pr.Findings = StatusScheduled, "", nil, nil
			pr.StartPeriod, pr.EndPeriod = &start, &end
		}
	}
	found := false
	for _, e := range planViolations(cfg, plan) {
		found = found || strings.Contains(e, "outside every budget")
	}
	if !found {
		t.Error("planViolations did not notice spending outside every budget")
	}
}
