package hclspec

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// ignoreSource drops what only points back at the source, so the tests
// compare decoded values.
var ignoreSource = cmp.Options{
	cmpopts.IgnoreTypes(hcl.Range{}, Ranges{}),
	cmpopts.IgnoreFields(Check{}, "Condition", "ErrorMessage"),
	cmpopts.EquateEmpty(),
}

func loadValid(t *testing.T, name string, opts LoadOptions) *Config {
	t.Helper()
	l := NewLoader()
	cfg, diags := l.LoadDir(filepath.Join("testdata", "valid", name), opts)
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", formatDiagnostics("", diags))
	}
	if len(cfg.Files) == 0 {
		t.Error("Config.Files is empty; diagnostics could not show snippets")
	}
	return cfg
}

func TestLoadDesignExample(t *testing.T) {
	cfg := loadValid(t, "design", LoadOptions{})

	wantRoadmap := &Roadmap{
		Name: "IT 2027", Currency: "EUR", Start: "2027-01", Period: Quarter, Horizon: 8,
		DiscountRate: 0.08, Strategy: StrategyValue, RiskAppetite: 0.6, MaxParallel: 3,
		Stack:   []string{"vm", "sso", "postgres"},
		Scoring: Scoring{Alignment: 0.5, Value: 0.3, Safety: 0.2},
	}
	if diff := cmp.Diff(wantRoadmap, cfg.Roadmap, ignoreSource); diff != "" {
		t.Errorf("roadmap (-want +got):\n%s", diff)
	}
	if got := cfg.Calendar.Label(0); got != "2027-Q1" {
		t.Errorf("first period label = %q, want 2027-Q1", got)
	}

	wantTeams := []*Team{
		{ID: "platform", Capacity: 6, CapacityByPeriod: map[int]float64{2: 4}, CostPerFTE: 32000},
		{ID: "data", Capacity: 3, CapacityByPeriod: map[int]float64{}, CostPerFTE: 32000},
	}
	if diff := cmp.Diff(wantTeams, cfg.Teams, ignoreSource); diff != "" {
		t.Errorf("teams (-want +got):\n%s", diff)
	}
	wantBudgets := []*Budget{{ID: "capex", Amount: 1200000, Per: PerYear}}
	if diff := cmp.Diff(wantBudgets, cfg.Budgets, ignoreSource); diff != "" {
		t.Errorf("budgets (-want +got):\n%s", diff)
	}
	wantEvaluations := []*Evaluation{{
		ID: "crm", Category: "crm", Candidates: []string{"acme_crm", "other_crm"},
		Criteria:     map[string]float64{"features": 0.4, "support": 0.2, "compatibility": 0.2, "cost": 0.2},
		MinimumScore: 3, Years: 3,
	}}
	if diff := cmp.Diff(wantEvaluations, cfg.Evaluations, ignoreSource); diff != "" {
		t.Errorf("evaluations (-want +got):\n%s", diff)
	}

	wantProjects := []*Project{
		{
			ID: "sso", Title: "Single sign-on everywhere",
			Goals:  map[string]float64{"cut_costs": 0.3},
			Effort: map[string]float64{"platform": 2},
			// "6 months" in quarters is exactly 2.
			Duration: 2, Funding: "capex", // the only budget
			Cost:          Cost{OneTime: 50000},
			Benefit:       Benefit{Years: 5},
			EarliestStart: -1, Deadline: -1,
		},
		{
			ID: "crm_migration", Title: "Move sales to a hosted CRM",
			Goals:      map[string]float64{"grow_revenue": 1, "cut_costs": 0.4},
			EndorsedBy: []string{"sales"}, OpposedBy: []string{}, DependsOn: []string{"sso"},
			Requires: []string{"sso", "crm"}, Provides: []string{"customer_360"},
			Vendor:   VendorRef{Kind: RefEvaluation, ID: "crm"},
			Duration: 3, Effort: map[string]float64{"platform": 2, "data": 1}, Funding: "capex",
			Cost:    Cost{OneTime: 150000, PerYear: 20000},
			Benefit: Benefit{PerYear: 400000, RampPeriods: 2, Years: 5},
			Risk:    Risk{Disruption: 0.2, Security: 0.1, Failure: 0.25},
			// 2027-Q2 is period 1; the last day of 2028-Q2 is in period 5.
			EarliestStart: 1, Deadline: 5,
		},
	}
	if diff := cmp.Diff(wantProjects, cfg.Projects, ignoreSource); diff != "" {
		t.Errorf("projects (-want +got):\n%s", diff)
	}

	if len(cfg.Checks) != 1 || cfg.Checks[0].ID != "capex_headroom" || cfg.Checks[0].Severity != "error" || cfg.Checks[0].Condition == nil {
		t.Errorf("checks = %+v, want capex_headroom with its condition", cfg.Checks)
	}
	if got := cfg.LocalValues["fte_quarter"].AsBigFloat().String(); got != "32000" {
		t.Errorf("local.fte_quarter = %s, want 32000", got)
	}

	// Ranges point at the exact attribute, for later diagnostics.
	crm := cfg.Projects[1]
	rng := crm.Ranges["opposed_by"]
	if rng.Filename == "" || rng.Start.Line != 13 {
		t.Errorf("opposed_by range = %v, want line 13 of projects.hcl", rng)
	}
	if rng := crm.Ranges["effort.data"]; rng.Start.Line != 19 {
		t.Errorf("effort.data range = %v, want line 19", rng)
	}
}

func TestLoadMonthlyRoadmap(t *testing.T) {
	cfg := loadValid(t, "monthly", LoadOptions{})
	wantRoadmap := &Roadmap{
		Name: "IT PLAN", Currency: "USD", Start: "2027-03-15", Period: Month, Horizon: 12,
		DiscountRate: 0.05, Strategy: StrategyCalculatedRisk, RiskAppetite: 1,
		Stack: []string{}, Optimize: true,
		Scoring:  Scoring{Alignment: 0.6, Value: 0.2, Safety: 0.2},
		Policies: Policies{MaxTeamUtilization: 0.9, RequireGoal: true, MaxBudgetShare: 0.95},
	}
	if diff := cmp.Diff(wantRoadmap, cfg.Roadmap, ignoreSource); diff != "" {
		t.Errorf("roadmap (-want +got):\n%s", diff)
	}
	wantTeams := []*Team{
		// 2027-08 is period 5 from 2027-03; 2028-02 (period 11) is the last.
		{ID: "apps", Title: "Application team", Capacity: 4, CapacityByPeriod: map[int]float64{5: 2, 11: 0}, CostPerFTE: 10000},
		{ID: "ops", Capacity: 2, CapacityByPeriod: map[int]float64{}},
	}
	if diff := cmp.Diff(wantTeams, cfg.Teams, ignoreSource); diff != "" {
		t.Errorf("teams (-want +got):\n%s", diff)
	}
	// npv(0.1, [100, 100]) = 90.91 + 82.64 = 173.55, floored, x 1000.
	wantBudgets := []*Budget{{ID: "run", Title: "Run budget", Amount: 173000, Per: PerTotal}}
	if diff := cmp.Diff(wantBudgets, cfg.Budgets, ignoreSource); diff != "" {
		t.Errorf("budgets (-want +got):\n%s", diff)
	}
	// No candidates listed: every itsm vendor, sorted by id.
	if diff := cmp.Diff([]string{"a_saas", "b_saas"}, cfg.Evaluations[0].Candidates); diff != "" {
		t.Errorf("candidates (-want +got):\n%s", diff)
	}
	desk, patching := cfg.Projects[0], cfg.Projects[1]
	// 10 weeks = 10 x 12/52 = 2.3 months, rounded up to 3. 2027-Q2 starts
	// in April (period 1); December 2027 is period 9.
	if desk.Duration != 3 || desk.EarliestStart != 1 || desk.Deadline != 9 || desk.Cost.OneTime != 3000 {
		t.Errorf("desk = duration %d, earliest %d, deadline %d, one_time %v; want 3, 1, 9, 3000",
			desk.Duration, desk.EarliestStart, desk.Deadline, desk.Cost.OneTime)
	}
	if desk.Vendor != (VendorRef{Kind: RefEvaluation, ID: "itsm"}) || desk.Funding != "run" {
		t.Errorf("desk vendor %v funding %q", desk.Vendor, desk.Funding)
	}
	if diff := cmp.Diff(map[string]float64{"ops": 1, "apps": 0.5}, patching.Effort); diff != "" {
		t.Errorf("patching effort (-want +got):\n%s", diff)
	}
	if patching.Duration != 3 || !patching.Mandatory {
		t.Errorf("patching = duration %d mandatory %v, want 3 true", patching.Duration, patching.Mandatory)
	}

	// The variable file next to the roadmap is used only when named.
	cfg = loadValid(t, "monthly", LoadOptions{VarFiles: []string{filepath.Join("testdata", "valid", "monthly", "staging.vars.hcl")}})
	if cfg.Roadmap.Horizon != 18 {
		t.Errorf("horizon with staging.vars.hcl = %d, want 18", cfg.Roadmap.Horizon)
	}
}

func TestCheckConditionEvaluates(t *testing.T) {
	cfg := loadValid(t, "design", LoadOptions{})
	plan := cty.ObjectVal(map[string]cty.Value{
		"totals": cty.ObjectVal(map[string]cty.Value{"cost": cty.NumberIntVal(2000000)}),
	})
	// capex 1200000 x 2 x 0.9 = 2160000, so a cost of 2000000 passes.
	v, diags := cfg.Checks[0].Condition.Value(cfg.EvalContext(map[string]cty.Value{"plan": plan}))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	if !v.True() {
		t.Errorf("condition = %#v, want true", v)
	}
}
