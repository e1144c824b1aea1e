package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// examplePlan is the part of the JSON plan the example's story is about.
type examplePlan struct {
	Projects []exampleProject `json:"projects"`
	Totals   struct {
		FinishPeriod int `json:"finish_period"`
	} `json:"totals"`
	Checks []struct {
		ID     string `json:"id"`
		Passed bool   `json:"passed"`
	} `json:"checks"`
	Periods []struct {
		Teams map[string]struct {
			Capacity float64 `json:"capacity"`
			Used     float64 `json:"used"`
		} `json:"teams"`
	} `json:"periods"`
}

func planExample(t *testing.T, args ...string) examplePlan {
	t.Helper()
	return planExampleIn(t, exampleDir, args...)
}

func planExampleIn(t *testing.T, dir string, args ...string) examplePlan {
	t.Helper()
	res := runCLI(t, append(append([]string{"plan", "--format", "json"}, args...), dir)...)
	res.wantExit(t, 0)
	var p examplePlan
	if err := json.Unmarshal([]byte(res.Stdout), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestExampleTellsItsStory checks that examples/it-department plans the
// way its comments and README say: E is vetoed, B is not viable, A, C and
// D are viable but only two run at once, NIS2 makes its deadline.
func TestExampleTellsItsStory(t *testing.T) {
	p := planExample(t)
	byID := map[string]int{}
	for i, pr := range p.Projects {
		byID[pr.ID] = i
	}
	project := func(id string) int {
		i, ok := byID[id]
		if !ok {
			t.Fatalf("project %q missing from the plan", id)
		}
		return i
	}

	e := p.Projects[project("e_crm_replacement")]
	if e.Status != "dropped" || e.Gate != "departments" {
		t.Errorf("E: %s at %q, want dropped at the departments gate (%v)", e.Status, e.Gate, e.Reasons)
	}
	b := p.Projects[project("b_support_chatbot")]
	if b.Status != "dropped" || b.Gate != "viability" {
		t.Errorf("B: %s at %q, want dropped at the viability gate (%v)", b.Status, b.Gate, b.Reasons)
	}

	// A, C and D are all scheduled; two start at once, the third only when
	// one of them has finished.
	var starts []int
	ends := map[int]bool{}
	for _, id := range []string{"a_erp_upgrade", "c_customer_portal", "d_warehouse_scanning"} {
		pr := p.Projects[project(id)]
		if pr.Status != "scheduled" {
			t.Fatalf("%s: %s at %q (%v), want scheduled", id, pr.Status, pr.Gate, pr.Reasons)
		}
		starts = append(starts, *pr.StartPeriod)
		ends[*pr.EndPeriod] = true
	}
	slices.Sort(starts)
	if starts[0] != 0 || starts[1] != 0 || starts[2] == 0 || !ends[starts[2]] {
		t.Errorf("A, C, D start in periods %v, want two in period 0 and the third when one of them ends", starts)
	}
	// It is the apps team that holds the third back.
	if apps := p.Periods[0].Teams["apps"]; apps.Used != apps.Capacity {
		t.Errorf("apps team in period 0: %v of %v FTE used, want full", apps.Used, apps.Capacity)
	}

	nis2 := p.Projects[project("nis2_compliance")]
	if nis2.Status != "scheduled" || !nis2.Mandatory || project("nis2_compliance") != 0 {
		t.Errorf("NIS2: %s, mandatory %v, rank index %d; want scheduled, mandatory, first", nis2.Status, nis2.Mandatory, project("nis2_compliance"))
	}
	// zero_trust_access depends on sso_rollout.
	sso, zt := p.Projects[project("sso_rollout")], p.Projects[project("zero_trust_access")]
	if sso.EndPeriod == nil || zt.StartPeriod == nil || *zt.StartPeriod < *sso.EndPeriod {
		t.Errorf("zero_trust_access starts at %v, before sso_rollout ends at %v", zt.StartPeriod, sso.EndPeriod)
	}

	for _, c := range p.Checks {
		if !c.Passed {
			t.Errorf("check %s fails", c.ID)
		}
	}
}

// TestExampleScenario checks the variable file's scenario: with less risk
// appetite, A fails the risk gate and D runs next to C from the start.
func TestExampleScenario(t *testing.T) {
	p := planExample(t, "--var-file", filepath.Join(exampleDir, "example.vars.hcl"))
	got := map[string]string{}
	for _, pr := range p.Projects {
		if pr.ID[1] == '_' {
			start := "-"
			if pr.StartPeriod != nil {
				start = string(rune('0' + *pr.StartPeriod))
			}
			got[pr.ID] = pr.Status + " " + pr.Gate + " " + start
		}
	}
	want := map[string]string{
		"a_erp_upgrade":        "dropped risk -",
		"b_support_chatbot":    "dropped viability -",
		"c_customer_portal":    "scheduled  0",
		"d_warehouse_scanning": "scheduled  0",
		"e_crm_replacement":    "dropped departments -",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("candidates A-E (-want +got):\n%s", diff)
	}
}

// project returns the plan's project id.
func (p examplePlan) project(t *testing.T, id string) exampleProject {
	t.Helper()
	for _, pr := range p.Projects {
		if pr.ID == id {
			return pr
		}
	}
	t.Fatalf("project %q missing from the plan", id)
	return exampleProject{}
}

type exampleProject struct {
	ID          string   `json:"id"`
	Status      string   `json:"status"`
	Gate        string   `json:"gate"`
	Reasons     []string `json:"reasons"`
	StartPeriod *int     `json:"start_period"`
	EndPeriod   *int     `json:"end_period"`
	Mandatory   bool     `json:"mandatory"`
	Flagship    bool     `json:"flagship"`
	Risk        float64  `json:"risk"`
	NPV         float64  `json:"npv"`
	RiskAdjNPV  float64  `json:"risk_adjusted_npv"`
	Notes       []struct {
		Kind    string `json:"kind"`
		ID      string `json:"id"`
		Message string `json:"message"`
	} `json:"notes"`
}

// hasNote reports whether the project has a note of kind about id.
func hasNote(pr exampleProject, kind, id string) bool {
	for _, n := range pr.Notes {
		if n.Kind == kind && n.ID == id {
			return true
		}
	}
	return false
}

// planExampleUnder plans a copy of the example with another strategy.
func planExampleUnder(t *testing.T, strategy string) examplePlan {
	t.Helper()
	dir := t.TempDir()
	copyDir(t, exampleDir, dir)
	file := filepath.Join(dir, "roadmap.hcl")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const value = `strategy = "value"`
	if !strings.Contains(string(src), value) {
		t.Fatalf("roadmap.hcl no longer says %s", value)
	}
	src = []byte(strings.Replace(string(src), value, fmt.Sprintf("strategy = %q", strategy), 1))
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return planExampleIn(t, dir)
}

var aCD = []string{"a_erp_upgrade", "c_customer_portal", "d_warehouse_scanning"}

// boldSafe names, among A, C and D, the riskiest, the safest, and the
// most valuable (risk-adjusted NPV) as the plan computes them.
func boldSafe(t *testing.T, p examplePlan) (bold, safe, valuable string) {
	t.Helper()
	bold, safe, valuable = aCD[0], aCD[0], aCD[0]
	for _, id := range aCD[1:] {
		pr := p.project(t, id)
		if pr.Risk > p.project(t, bold).Risk {
			bold = id
		}
		if pr.Risk < p.project(t, safe).Risk {
			safe = id
		}
		if pr.RiskAdjNPV > p.project(t, valuable).RiskAdjNPV {
			valuable = id
		}
	}
	return bold, safe, valuable
}

// firstTwo checks that exactly the projects want of A, C and D start in
// the first quarter and the third waits for the apps team, then starts
// when one of them ends. It returns the schedule of the three.
func firstTwo(t *testing.T, strategy string, p examplePlan, want ...string) map[string]int {
	t.Helper()
	starts := map[string]int{}
	ends := map[int]bool{}
	for _, id := range aCD {
		pr := p.project(t, id)
		if pr.Status != "scheduled" {
			t.Fatalf("%s: %s %s at %q (%v), want scheduled", strategy, id, pr.Status, pr.Gate, pr.Reasons)
		}
		starts[id] = *pr.StartPeriod
		ends[*pr.EndPeriod] = true
	}
	for _, id := range aCD {
		pr := p.project(t, id)
		first := slices.Contains(want, id)
		switch {
		case first && starts[id] != 0:
			t.Errorf("%s: %s starts in period %d, want 0", strategy, id, starts[id])
		case !first && (starts[id] == 0 || !ends[starts[id]] || !hasNote(pr, "team", "apps")):
			t.Errorf("%s: %s starts in period %d (notes %v), want it to wait for the apps team until one of %v ends", strategy, id, starts[id], pr.Notes, want)
		}
	}
	return starts
}

// TestExampleStrategiesTellTheStory checks the seed's dilemma on the
// example, as its README tells it: A is the bold one (most valuable,
// riskiest), D the safe one and the least profitable; under value the two
// best scores run first, under safety the two safest and the bold one
// waits, under calculated_risk the most valuable is the flagship and the
// safest joins it.
func TestExampleStrategiesTellTheStory(t *testing.T) {
	value := planExample(t)
	bold, safe, valuable := boldSafe(t, value)
	if bold != "a_erp_upgrade" || valuable != "a_erp_upgrade" || safe != "d_warehouse_scanning" {
		t.Fatalf("bold %s, most valuable %s, safe %s; want A bold and most valuable, D safe", bold, valuable, safe)
	}
	for _, id := range aCD {
		pr := value.project(t, id)
		if id != safe && (pr.NPV <= value.project(t, safe).NPV || pr.RiskAdjNPV <= value.project(t, safe).RiskAdjNPV) {
			t.Errorf("the safe one %s is not the least profitable: %s has NPV %v, risk-adjusted %v", safe, id, pr.NPV, pr.RiskAdjNPV)
		}
	}
	if !value.project(t, "a_erp_upgrade").Flagship {
		t.Error("value: A, the best score of the live projects, is not the flagship")
	}
	valueStarts := firstTwo(t, "value", value, "a_erp_upgrade", "c_customer_portal")

	safety := planExampleUnder(t, "safety")
	safetyStarts := firstTwo(t, "safety", safety, safe, "c_customer_portal")

	calc := planExampleUnder(t, "calculated_risk")
	var flagship string
	most := ""
	for _, pr := range calc.Projects {
		if pr.Flagship {
			flagship = pr.ID
		}
		if !pr.Mandatory && pr.Status != "dropped" && (most == "" || pr.RiskAdjNPV > calc.project(t, most).RiskAdjNPV) {
			most = pr.ID
		}
	}
	if flagship != valuable || most != valuable {
		t.Errorf("calculated_risk: flagship %q, most valuable live project %q; want %s for both", flagship, most, valuable)
	}
	calcStarts := firstTwo(t, "calculated_risk", calc, valuable, safe)

	if maps.Equal(safetyStarts, calcStarts) || maps.Equal(valueStarts, safetyStarts) || maps.Equal(valueStarts, calcStarts) {
		t.Errorf("strategies give the same schedule of A, C, D: value %v, safety %v, calculated_risk %v", valueStarts, safetyStarts, calcStarts)
	}
}

// TestExampleTighterYearBindsABudget: the variable file's capex cut makes
// the capex budget hold a project back, and the plan says so.
func TestExampleTighterYearBindsABudget(t *testing.T) {
	p := planExample(t, "--var-file", filepath.Join(exampleDir, "example.vars.hcl"))
	itsm := p.project(t, "itsm_replacement")
	if itsm.Status != "scheduled" || !hasNote(itsm, "budget", "capex") {
		t.Errorf("itsm_replacement: %s, notes %v; want scheduled, having waited for budget capex", itsm.Status, itsm.Notes)
	}
	base := planExample(t).project(t, "itsm_replacement")
	if itsm.StartPeriod == nil || base.StartPeriod == nil || *itsm.StartPeriod <= *base.StartPeriod {
		t.Errorf("itsm_replacement starts in %v in the tighter year, %v in the plan; want later", itsm.StartPeriod, base.StartPeriod)
	}
}

// TestExampleBudgetCutWaitsForBudget: under budget_cut zero-trust access
// and the service desk replacement wait for 2028's capex, and say so
// (TestExampleScenariosStory checks the rest of the scenarios' story).
func TestExampleBudgetCutWaitsForBudget(t *testing.T) {
	cut := planExample(t, "--scenario", "budget_cut")
	for _, id := range []string{"zero_trust_access", "itsm_replacement"} {
		pr := cut.project(t, id)
		if pr.StartPeriod == nil || *pr.StartPeriod != 4 || !hasNote(pr, "budget", "capex") {
			t.Errorf("budget_cut: %s starts in %v (notes %v); want 2028-Q1 (period 4), waiting for budget capex", id, pr.StartPeriod, pr.Notes)
		}
	}
}
