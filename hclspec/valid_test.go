package hclspec

import (
	"github.com/roadmap-as-code/roadmap/estimate"

	"os"
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
		Stack:    []string{"vm", "sso", "postgres"},
		Scoring:  Scoring{Alignment: 0.5, Value: 0.3, Safety: 0.2},
		Estimate: estimate.Likely, AsOfPeriod: -1,
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
	wantBudgets := []*Budget{{ID: "capex", Amount: 1200000, Per: PerYear, Kind: Capex}}
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
			EarliestStart: -1, Deadline: -1, Status: Proposed,
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
			EarliestStart: 1, Deadline: 5, Status: Proposed,
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
		Estimate: estimate.Likely, AsOfPeriod: -1,
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
	wantBudgets := []*Budget{{ID: "run", Title: "Run budget", Amount: 173000, Per: PerTotal, Kind: Capex}}
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

// TestLoadSources loads the same roadmap from memory, as plan diffs do for
// another git revision, and expects the same Config as from disk.
func TestLoadSources(t *testing.T) {
	dir := filepath.Join("testdata", "valid", "monthly")
	fromDisk := loadValid(t, "monthly", LoadOptions{})
	sources := map[string][]byte{}
	for _, name := range []string{"main.hcl", "staging.vars.hcl", "notes.txt"} {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if os.IsNotExist(err) {
			src = []byte("not a roadmap file")
		} else if err != nil {
			t.Fatal(err)
		}
		sources[filepath.Join(dir, name)] = src
	}
	fromMemory, diags := NewLoader().LoadSources(dir, sources, LoadOptions{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", formatDiagnostics(dir, diags))
	}
	if _, ok := fromMemory.Files[filepath.Join(dir, "main.hcl")]; !ok {
		t.Errorf("Files = %v, want main.hcl for snippets", fromMemory.Files)
	}
	fromDisk.Files, fromMemory.Files = nil, nil
	if diff := cmp.Diff(fromDisk, fromMemory, ignoreSource,
		cmp.Comparer(func(a, b cty.Value) bool { return a.RawEquals(b) }),
		cmp.Comparer(func(a, b cty.Type) bool { return a.Equals(b) })); diff != "" {
		t.Errorf("LoadSources differs from LoadDir (-disk +memory):\n%s", diff)
	}
}

func TestLoadDefaults(t *testing.T) {
	cfg := loadValid(t, "defaults", LoadOptions{})
	want := &Config{
		Dir: filepath.Join("testdata", "valid", "defaults"),
		Roadmap: &Roadmap{
			Name:     "defaults", // the directory's name
			Currency: "USD", Start: "2027-Q1", Period: Quarter, Horizon: 8,
			Strategy: StrategyValue, RiskAppetite: 1, Stack: []string{},
			Scoring:  Scoring{Alignment: 0.5, Value: 0.3, Safety: 0.2},
			Estimate: estimate.Likely, AsOfPeriod: -1,
		},
		Budgets: []*Budget{
			{ID: "capex", Amount: 100, Per: PerYear, Kind: Capex},
			{ID: "opex", Amount: 50, Per: PerPeriod, Kind: Capex},
		},
		Teams:       []*Team{{ID: "ops", Capacity: 2, CapacityByPeriod: map[int]float64{}}},
		Vendors:     []*Vendor{{ID: "tool", Provides: []string{}, Scores: map[string]float64{}}},
		Evaluations: []*Evaluation{{ID: "tools", Candidates: []string{"tool"}, Criteria: map[string]float64{"cost": 1}, Years: 3}},
		Projects: []*Project{{
			ID: "minimal", Duration: 1, Benefit: Benefit{Years: 5},
			// Two budgets: no default funding.
			Funding: "", EarliestStart: -1, Deadline: -1, Status: Proposed,
		}},
		Checks: []*Check{{ID: "always", Severity: "error"}},
	}
	got := *cfg
	got.Calendar, got.Files = Calendar{}, nil
	if diff := cmp.Diff(want, &got, ignoreSource); diff != "" {
		t.Errorf("defaults (-want +got):\n%s", diff)
	}
	if cfg.Calendar.Label(7) != "2028-Q4" {
		t.Errorf("last period = %s, want 2028-Q4", cfg.Calendar.Label(7))
	}
}

func TestWeeklyCapacityLabels(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.hcl"), `
roadmap {
  start   = "2027-01-06"
  period  = "week"
  horizon = 10
}

team "ops" {
  capacity           = 2
  capacity_by_period = { "2027-W03" = 1, "2027-W10" = 0 }
}

project "p" {
  duration       = "1 month"
  earliest_start = "2027-W02"
}
`)
	cfg, diags := NewLoader().LoadDir(dir, LoadOptions{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", formatDiagnostics(dir, diags))
	}
	// Period 0 is ISO week 2027-W01 (Monday 4 January); W03 is period 2.
	if diff := cmp.Diff(map[int]float64{2: 1, 9: 0}, cfg.Teams[0].CapacityByPeriod); diff != "" {
		t.Errorf("capacity_by_period (-want +got):\n%s", diff)
	}
	// One month is 52/12 = 4.33 weeks, rounded up to 5.
	if p := cfg.Projects[0]; p.Duration != 5 || p.EarliestStart != 1 {
		t.Errorf("duration %d earliest %d, want 5 and 1", p.Duration, p.EarliestStart)
	}
}

// TestNullMeansUnset: as in Terraform, null leaves an optional attribute at
// its default, references included.
func TestNullMeansUnset(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.hcl"), `
roadmap {
  start    = "2027-01"
  currency = null
}

budget "only" {
  amount = 10
}

vendor "b" {
  category = "crm"
}

vendor "a" {
  category = "crm"
}

evaluation "crm" {
  category   = "crm"
  candidates = null
  criteria   = { cost = 1 }
}

project "p" {
  duration    = 1
  endorsed_by = null
  funding     = null
  vendor      = null
}
`)
	cfg, diags := NewLoader().LoadDir(dir, LoadOptions{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", formatDiagnostics(dir, diags))
	}
	p := cfg.Projects[0]
	if cfg.Roadmap.Currency != "USD" || p.Funding != "only" || p.Vendor != (VendorRef{}) || len(p.EndorsedBy) != 0 {
		t.Errorf("currency %q funding %q vendor %v endorsed %v; want defaults", cfg.Roadmap.Currency, p.Funding, p.Vendor, p.EndorsedBy)
	}
	if diff := cmp.Diff([]string{"a", "b"}, cfg.Evaluations[0].Candidates); diff != "" {
		t.Errorf("candidates (-want +got):\n%s", diff)
	}
}

func TestLoadDecisionAttributes(t *testing.T) {
	cfg := loadValid(t, "decisions", LoadOptions{})
	if cfg.Roadmap.Objective != ObjectiveRiskAdjustedNPV || cfg.Roadmap.Flagship != "p" {
		t.Errorf("objective %q flagship %q, want risk_adjusted_npv and p", cfg.Roadmap.Objective, cfg.Roadmap.Flagship)
	}
	wantScoring := Scoring{Alignment: 0.5, Value: 0.3, Safety: 0.2, ValueScale: 2000000}
	if diff := cmp.Diff(wantScoring, cfg.Roadmap.Scoring); diff != "" {
		t.Errorf("scoring (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(&CostScale{Best: 50000, Worst: 400000}, cfg.Evaluations[0].CostScale); diff != "" {
		t.Errorf("cost_scale (-want +got):\n%s", diff)
	}
	zero, irr, payback := 0.0, 0.08, 12.0 // 3 years of quarters
	wantHurdle := &Hurdle{MinRiskAdjustedNPV: &zero, MinIRR: &irr, MaxPayback: &payback}
	if diff := cmp.Diff(wantHurdle, cfg.Roadmap.Hurdle, ignoreSource); diff != "" {
		t.Errorf("hurdle (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]float64{"capex": 0.7, "opex": 0.3}, cfg.Projects[0].FundingSplit); diff != "" {
		t.Errorf("funding split (-want +got):\n%s", diff)
	}
	wantShares := []FundingShare{{Budget: "capex", Share: 0.7}, {Budget: "opex", Share: 0.3}}
	if diff := cmp.Diff(wantShares, cfg.Projects[0].FundingShares()); diff != "" {
		t.Errorf("funding shares (-want +got):\n%s", diff)
	}
	wantRisk := Risk{Disruption: 0.1, DisruptionCost: 500000, Security: 0.05, SecurityCost: 2000000}
	if diff := cmp.Diff(wantRisk, cfg.Projects[0].Risk); diff != "" {
		t.Errorf("risk (-want +got):\n%s", diff)
	}
}
