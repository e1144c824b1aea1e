// Package difftest builds small plans by hand for the tests of plan diffs
// and their renderers, so they do not depend on the evaluator.
package difftest

import (
	"fmt"
	"sort"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// Project describes one project of a hand-built plan. Start < 0 means not
// scheduled.
type Project struct {
	ID, Title      string
	Status, Gate   string
	Reasons        []string
	Start, Dur     int
	Cost, NPV, RNP float64 // cost, npv, risk-adjusted npv
	Vendor         string
	Effort         map[string]float64
	DependsOn      []string
}

// Spec describes a hand-built plan; Projects are in rank order.
type Spec struct {
	Name     string
	Horizon  int
	Teams    map[string]float64 // capacity per team
	Budget   float64            // one total budget "capex"
	Projects []Project
	Vendors  map[string]string // evaluation -> winner ("" for none)
	Checks   []evaluate.CheckResult
}

// Label is the label of quarter i counted from 2027-Q1.
func Label(i int) string { return fmt.Sprintf("%d-Q%d", 2027+i/4, i%4+1) }

// Build makes a plan from s: ranks, labels, period loads, budget spend and
// totals follow from the projects.
func Build(s Spec) *evaluate.Plan {
	p := &evaluate.Plan{
		FormatVersion: evaluate.FormatVersion,
		Roadmap: evaluate.RoadmapInfo{
			Name: s.Name, Currency: "EUR", Start: "2027-Q1", Period: "quarter",
			Horizon: s.Horizon, Strategy: "value", RiskAppetite: 1,
		},
		Projects: []evaluate.ProjectPlan{},
		Periods:  []evaluate.PeriodPlan{},
		Vendors:  []evaluate.VendorResult{},
		Checks:   append([]evaluate.CheckResult{}, s.Checks...),
		Goals:    []evaluate.GoalInfo{},
		Teams:    []evaluate.TeamInfo{},
		Budgets:  []evaluate.BudgetInfo{{ID: "capex", Title: "Capex", Amount: s.Budget, Per: "total"}},
	}
	for i := range s.Horizon {
		pp := evaluate.PeriodPlan{
			Index: i, Label: Label(i), Active: []string{},
			Teams:   map[string]evaluate.TeamLoad{},
			Budgets: map[string]evaluate.BudgetSpend{},
		}
		for team, c := range s.Teams {
			pp.Teams[team] = evaluate.TeamLoad{Capacity: c}
		}
		pp.Budgets["capex"] = evaluate.BudgetSpend{Limit: s.Budget, Window: "total"}
		p.Periods = append(p.Periods, pp)
	}
	teams := make([]string, 0, len(s.Teams))
	for t := range s.Teams {
		teams = append(teams, t)
	}
	sort.Strings(teams)
	for _, t := range teams {
		p.Teams = append(p.Teams, evaluate.TeamInfo{ID: t, Title: t, Capacity: s.Teams[t], CostPerFTE: 30000})
	}

	for rank, sp := range s.Projects {
		pr := evaluate.ProjectPlan{
			ID: sp.ID, Title: sp.Title, Rank: rank + 1, Status: sp.Status, Gate: sp.Gate,
			Reasons: append([]string{}, sp.Reasons...), Findings: []evaluate.Finding{},
			Cost: sp.Cost, NPV: sp.NPV, RiskAdjustedNPV: sp.RNP, Vendor: sp.Vendor,
			Duration: sp.Dur, DependsOn: append([]string{}, sp.DependsOn...), Goals: map[string]float64{},
			Effort: sp.Effort, CashFlows: []float64{},
		}
		if pr.Effort == nil {
			pr.Effort = map[string]float64{}
		}
		if sp.Start >= 0 && sp.Status == evaluate.StatusScheduled {
			start, end := sp.Start, sp.Start+sp.Dur
			first, last := Label(start), Label(end-1)
			pr.StartPeriod, pr.EndPeriod, pr.Start, pr.End = &start, &end, &first, &last
			snpv := sp.NPV * 0.9
			pr.ScheduledNPV = &snpv
			for k := start; k < end && k < s.Horizon; k++ {
				per := &p.Periods[k]
				per.Active = append(per.Active, sp.ID)
				for team, fte := range sp.Effort {
					l := per.Teams[team]
					l.Used += fte
					per.Teams[team] = l
				}
				b := per.Budgets["capex"]
				b.Spent += sp.Cost / float64(sp.Dur)
				per.Budgets["capex"] = b
			}
			t := &p.Totals
			t.Scheduled++
			t.Cost += sp.Cost
			t.Benefit += sp.Cost + sp.NPV
			t.NPV += sp.NPV
			t.RiskAdjustedNPV += sp.RNP
			t.ScheduledNPV += snpv
			t.FinishPeriod = max(t.FinishPeriod, end)
		} else if sp.Status == evaluate.StatusDeferred {
			p.Totals.Deferred++
		} else {
			p.Totals.Dropped++
		}
		p.Projects = append(p.Projects, pr)
	}
	spent := 0.0
	for i := range p.Periods {
		per := &p.Periods[i]
		b := per.Budgets["capex"]
		spent += b.Spent
		b.WindowSpent = spent
		per.Budgets["capex"] = b
		p.Totals.PeakParallel = max(p.Totals.PeakParallel, len(per.Active))
	}

	evals := make([]string, 0, len(s.Vendors))
	for e := range s.Vendors {
		evals = append(evals, e)
	}
	sort.Strings(evals)
	for _, e := range evals {
		v := evaluate.VendorResult{
			Evaluation: e, Category: e, Criteria: map[string]float64{"features": 1},
			MinimumScore: 3, Years: 3, Candidates: []evaluate.VendorCandidate{},
		}
		if w := s.Vendors[e]; w != "" {
			v.Winner = &w
		}
		p.Vendors = append(p.Vendors, v)
	}
	return p
}

// Before and After are two versions of a small IT roadmap whose differences
// cover every kind of change a diff reports:
//
//   - mobile_app is added; legacy_fax is removed;
//   - erp_upgrade is re-prioritised from rank 3 to rank 1;
//   - sso grows by a quarter, so crm_migration, which depends on it, is
//     delayed, and the CRM evaluation's winner flips from acme_crm to
//     other_crm, changing its cost;
//   - the platform team's capacity is cut, so wiki is deferred;
//   - finance now opposes self_service, so it is dropped;
//   - capex_headroom starts failing; intranet and backups do not change.
func Before() *evaluate.Plan {
	return Build(Spec{
		Name: "IT 2027", Horizon: 6, Budget: 1000000,
		Teams: map[string]float64{"platform": 6, "data": 2},
		Projects: []Project{
			{ID: "sso", Title: "Single sign-on", Status: "scheduled", Start: 0, Dur: 2, Cost: 120000, NPV: 80000, RNP: 70000, Effort: map[string]float64{"platform": 2}},
			{ID: "crm_migration", Title: "Move sales to a hosted CRM", Status: "scheduled", Start: 2, Dur: 2, Cost: 200000, NPV: 150000, RNP: 110000, Vendor: "acme_crm", Effort: map[string]float64{"platform": 2, "data": 1}, DependsOn: []string{"sso"}},
			{ID: "erp_upgrade", Title: "Upgrade the ERP", Status: "scheduled", Start: 0, Dur: 2, Cost: 180000, NPV: 90000, RNP: 60000, Effort: map[string]float64{"platform": 2}},
			{ID: "wiki", Title: "Company wiki", Status: "scheduled", Start: 1, Dur: 1, Cost: 30000, NPV: 20000, RNP: 18000, Effort: map[string]float64{"platform": 2}},
			{ID: "self_service", Title: "Self-service portal", Status: "scheduled", Start: 2, Dur: 1, Cost: 60000, NPV: 40000, RNP: 30000, Effort: map[string]float64{"platform": 1}},
			{ID: "backups", Title: "Off-site backups", Status: "scheduled", Start: 4, Dur: 1, Cost: 40000, NPV: 10000, RNP: 9000, Effort: map[string]float64{"platform": 1}},
			{ID: "legacy_fax", Title: "Fax gateway refresh", Status: "deferred", Gate: "schedule", Start: -1, Dur: 2, Cost: 50000, NPV: -5000, RNP: -8000, Reasons: []string{"platform is full 2027-Q1..2028-Q2"}},
			{ID: "intranet", Title: "New intranet", Status: "dropped", Gate: "alignment", Start: -1, Dur: 2, Cost: 90000, NPV: -20000, RNP: -30000, Reasons: []string{"contributes to no goal"}},
		},
		Vendors: map[string]string{"crm": "acme_crm", "backup": "tapeco"},
		Checks: []evaluate.CheckResult{
			{ID: "capex_headroom", Severity: "error", Passed: true, Range: &evaluate.SourceRange{Filename: "roadmap/checks.hcl", Line: 1, Column: 1, EndLine: 1, EndCol: 24}},
			{ID: "policy.max_team_utilization", Severity: "error", Passed: true},
			{ID: "wiki_soon", Severity: "warning", Passed: false, Message: "The wiki should start in 2027."},
		},
	})
}

// After is Before with the changes described there.
func After() *evaluate.Plan {
	return Build(Spec{
		Name: "IT 2027", Horizon: 6, Budget: 1000000,
		Teams: map[string]float64{"platform": 4, "data": 2},
		Projects: []Project{
			{ID: "erp_upgrade", Title: "Upgrade the ERP", Status: "scheduled", Start: 0, Dur: 2, Cost: 180000, NPV: 90000, RNP: 60000, Effort: map[string]float64{"platform": 2}},
			{ID: "sso", Title: "Single sign-on", Status: "scheduled", Start: 0, Dur: 3, Cost: 150000, NPV: 70000, RNP: 60000, Effort: map[string]float64{"platform": 2}},
			{ID: "crm_migration", Title: "Move sales to a hosted CRM", Status: "scheduled", Start: 3, Dur: 2, Cost: 230000, NPV: 140000, RNP: 100000, Vendor: "other_crm", Effort: map[string]float64{"platform": 2, "data": 1}, DependsOn: []string{"sso"}},
			{ID: "wiki", Title: "Company wiki", Status: "deferred", Gate: "schedule", Start: -1, Dur: 1, Cost: 30000, NPV: 20000, RNP: 18000, Reasons: []string{"platform is full 2027-Q1..2028-Q2"}},
			{ID: "mobile_app", Title: "Field service app", Status: "scheduled", Start: 2, Dur: 1, Cost: 70000, NPV: 45000, RNP: 35000, Effort: map[string]float64{"platform": 2}},
			{ID: "backups", Title: "Off-site backups", Status: "scheduled", Start: 4, Dur: 1, Cost: 40000, NPV: 10000, RNP: 9000, Effort: map[string]float64{"platform": 1}},
			{ID: "self_service", Title: "Self-service portal", Status: "dropped", Gate: "departments", Start: -1, Dur: 1, Cost: 60000, NPV: 40000, RNP: 30000, Reasons: []string{"opposed by department finance"}},
			{ID: "intranet", Title: "New intranet", Status: "dropped", Gate: "alignment", Start: -1, Dur: 2, Cost: 90000, NPV: -20000, RNP: -30000, Reasons: []string{"contributes to no goal"}},
		},
		Vendors: map[string]string{"crm": "other_crm", "backup": "tapeco"},
		Checks: []evaluate.CheckResult{
			{ID: "capex_headroom", Severity: "error", Passed: false, Message: "Keep 10% of capex unallocated.", Range: &evaluate.SourceRange{Filename: "roadmap/checks.hcl", Line: 1, Column: 1, EndLine: 1, EndCol: 24}},
			{ID: "policy.max_team_utilization", Severity: "error", Passed: true},
			{ID: "wiki_soon", Severity: "warning", Passed: false, Message: "The wiki should start in 2027."},
		},
	})
}
