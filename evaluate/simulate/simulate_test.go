package simulate

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// loadDir loads a roadmap directory, replacing old with new in its
// files' text first (old "" replaces nothing).
func loadDir(t *testing.T, dir, old, new string) *hclspec.Config {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	sources := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if old != "" {
			data = []byte(strings.ReplaceAll(string(data), old, new))
		}
		sources[filepath.Join(dir, e.Name())] = data
	}
	cfg, diags := hclspec.NewLoader().LoadSources(dir, sources, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return cfg
}

// loadSource loads a one-file roadmap.
func loadSource(t *testing.T, src string) *hclspec.Config {
	t.Helper()
	cfg, diags := hclspec.NewLoader().LoadSources("t", map[string][]byte{"t/main.hcl": []byte(src)}, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return cfg
}

func simulate(t *testing.T, cfg *hclspec.Config, opts Options) *Result {
	t.Helper()
	res, diags := Simulate(context.Background(), cfg, opts)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return res
}

func planOf(t *testing.T, cfg *hclspec.Config) *evaluate.Plan {
	t.Helper()
	plan, diags := evaluate.Evaluate(context.Background(), cfg, evaluate.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return plan
}

// TestPinnedRunsReproduceThePlan: with every estimate pinned to the value
// roadmap plan uses, every run must be the plan: each project's dates in
// every percentile, its NPVs, the portfolio's totals, and the committed
// plan's team loads and budget spend. It holds for each estimate setting.
func TestPinnedRunsReproduceThePlan(t *testing.T) {
	cases := []struct {
		name     string
		cfg      func(t *testing.T) *hclspec.Config
		estimate string
	}{
		{"it-department", func(t *testing.T) *hclspec.Config { return loadDir(t, "../../examples/it-department", "", "") }, "likely"},
	}
	for _, point := range []string{"likely", "mean", "p80"} {
		cases = append(cases, struct {
			name     string
			cfg      func(t *testing.T) *hclspec.Config
			estimate string
		}{"it-department-ranges/" + point, func(t *testing.T) *hclspec.Config {
			return loadDir(t, "../../examples/it-department-ranges", `estimate = "likely"`, fmt.Sprintf("estimate = %q", point))
		}, point})
	}
	// A hurdle on IRR and payback: lean runs then compute them too.
	cases = append(cases, struct {
		name     string
		cfg      func(t *testing.T) *hclspec.Config
		estimate string
	}{"it-department-ranges/hurdle", func(t *testing.T) *hclspec.Config {
		return loadDir(t, "../../examples/it-department-ranges", `estimate = "likely"`,
			"estimate = \"likely\"\n  hurdle {\n    min_irr     = 0.3\n    max_payback = 11\n  }")
	}, "likely"})
	// Split funding: the committed plan's spend follows the shares.
	cases = append(cases, struct {
		name     string
		cfg      func(t *testing.T) *hclspec.Config
		estimate string
	}{"it-department-ranges/split-funding", func(t *testing.T) *hclspec.Config {
		cfg := loadDir(t, "../../examples/it-department-ranges", "funding  = budget.security\n\n  cost {\n    one_time = pert(30000",
			"funding  = { security = 0.4, capex = 0.6 }\n\n  cost {\n    one_time = pert(30000")
		for _, p := range cfg.Projects {
			if p.ID == "sso_rollout" && len(p.FundingSplit) == 0 {
				t.Fatal("sso_rollout's funding is not split")
			}
		}
		return cfg
	}, "likely"})
	// A living roadmap: work in progress started before the status date
	// (its start percentiles are when it started, as in the plan), done,
	// cancelled and committed projects.
	cases = append(cases, struct {
		name     string
		cfg      func(t *testing.T) *hclspec.Config
		estimate string
	}{"it-department-midyear", func(t *testing.T) *hclspec.Config {
		return loadDir(t, "../../examples/it-department-midyear", "", "")
	}, "likely"})
	// Run costs on an opex budget: the committed plan's opex windows hold
	// each project's cost.per_year and its vendor's annual fee from
	// go-live (sampled in the ranges example), work in progress's from its
	// forecast go-live and a done project's from its finish, as the plan's
	// capacity plan counts them.
	const opex = "budget \"opex\" {\n  kind   = \"opex\"\n  amount = %d\n  per    = \"year\"\n}\n\nbudget \"security\" {"
	for _, dir := range []string{"it-department-ranges", "it-department-midyear"} {
		cases = append(cases, struct {
			name     string
			cfg      func(t *testing.T) *hclspec.Config
			estimate string
		}{dir + "/opex", func(t *testing.T) *hclspec.Config {
			return loadDir(t, "../../examples/"+dir, `budget "security" {`, fmt.Sprintf(opex, 400000))
		}, "likely"})
	}
	// The review's inputs (qa15d H6): a SaaS run cost in a range, and the
	// installed base with a vendor's annual fee, a choice and replaced
	// systems.
	cases = append(cases, struct {
		name     string
		cfg      func(t *testing.T) *hclspec.Config
		estimate string
	}{"run-cost-range", func(t *testing.T) *hclspec.Config { return loadSource(t, runCostRange) }, "likely"},
		struct {
			name     string
			cfg      func(t *testing.T) *hclspec.Config
			estimate string
		}{"installed-base", func(t *testing.T) *hclspec.Config { return loadSource(t, installedBase) }, "likely"},
		// qa18 Q7: work in progress forecast to end after the horizon
		// (its end and the portfolio's finish lie past the last period).
		struct {
			name     string
			cfg      func(t *testing.T) *hclspec.Config
			estimate string
		}{"late-in-progress", func(t *testing.T) *hclspec.Config { return loadSource(t, lateInProgress) }, "likely"})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := tc.cfg(t)
			if string(cfg.Roadmap.Estimate) != tc.estimate {
				t.Fatalf("estimate = %q", cfg.Roadmap.Estimate)
			}
			plan := planOf(t, cfg)
			res := simulate(t, cfg, Options{Runs: 40, Seed: 3, Workers: 2, pinned: true})
			comparePinned(t, cfg, plan, res)
			// An opex budget's windows must hold run costs, or the case
			// tests nothing about them.
			for b, cb := range cfg.Budgets {
				if cb.Kind != hclspec.Opex {
					continue
				}
				total := 0.0
				for _, w := range res.Budgets[b].Windows {
					total += w.PlanSpent
				}
				if total == 0 {
					t.Errorf("opex budget %s: the plan spends nothing from it", cb.ID)
				}
			}
		})
	}
}

// lateInProgress is qa18 Q7's sp1: at the status date 2027-Q3 the work
// under way needs 3 more quarters, to 2028-Q1, past a horizon of 4.
const lateInProgress = `
roadmap {
  start   = "2027-Q1"
  horizon = 4
  as_of   = "2027-Q3"
}

project "late" {
  duration = 2
  status   = "in_progress"
  started  = "2027-Q1"
  progress {
    spent              = 10000
    remaining_duration = 3
  }
  cost {
    one_time = 20000
  }
  benefit {
    per_year = triangular(50000, 100000, 150000)
  }
}

project "next" {
  duration = 1
  cost {
    one_time = pert(5000, 10000, 20000)
  }
  benefit {
    per_year = 30000
  }
}
`

// runCostRange is qa15d's s3: an opex budget of 100,000 a year and a
// SaaS whose run cost is pert(50000, 90000, 200000) a year from 2027-Q2.
const runCostRange = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
}

budget "capex" {
  amount = 1000000
  per    = "year"
}

budget "opex" {
  kind   = "opex"
  amount = 100000
  per    = "year"
}

project "saas" {
  duration = 1
  funding  = budget.capex
  cost {
    one_time = 10000
    per_year = pert(50000, 90000, 200000)
  }
}
`

// installedBase is qa15d's u1 in short: two opex budgets (run_funding
// picks one), a vendor's annual fee, a choice and replaced systems.
const installedBase = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
}

team "apps" {
  capacity     = 5
  cost_per_fte = 30000
}

budget "capex" {
  amount = 1500000
  per    = "year"
}

budget "opex" {
  kind   = "opex"
  amount = 400000
  per    = "year"
}

budget "licences" {
  kind   = "opex"
  amount = 100000
  per    = "total"
}

vendor "saleshub" {
  provides = ["crm"]
  one_time = 20000
  annual   = 90000
}

system "erp_legacy" {
  provides       = ["erp"]
  end_of_support = "2027-Q3"
  run_cost {
    per_year = 120000
  }
}

system "crm_legacy" {
  provides = ["crm"]
  run_cost {
    per_year = 80000
  }
}

project "erp_upgrade" {
  duration    = 3
  effort      = { apps = 2 }
  funding     = budget.capex
  run_funding = budget.opex
  replaces    = [system.erp_legacy]
  cost {
    one_time = 200000
    per_year = 60000
  }
  benefit {
    per_year = 50000
  }
}

project "build_crm" {
  duration    = 4
  effort      = { apps = 3 }
  funding     = budget.capex
  run_funding = budget.opex
  replaces    = [system.crm_legacy]
  cost {
    one_time = 100000
    per_year = 30000
  }
  benefit {
    per_year = 150000
  }
}

project "buy_crm" {
  duration    = 2
  effort      = { apps = 1 }
  vendor      = vendor.saleshub
  funding     = budget.capex
  run_funding = budget.licences
  replaces    = [system.crm_legacy]
  cost {
    one_time = 30000
  }
  benefit {
    per_year = 160000
  }
}

choice "crm" {
  options = [project.build_crm, project.buy_crm]
}
`

func comparePinned(t *testing.T, cfg *hclspec.Config, plan *evaluate.Plan, res *Result) {
	t.Helper()
	if len(res.Projects) != len(plan.Projects) {
		t.Fatalf("%d projects, plan has %d", len(res.Projects), len(plan.Projects))
	}
	deadline := map[string]int{}
	for _, p := range cfg.Projects {
		deadline[p.ID] = p.Deadline
	}
	for i, pp := range plan.Projects {
		pr := res.Projects[i]
		if pr.ID != pp.ID || pr.Rank != pp.Rank {
			t.Fatalf("project %d is %s rank %d, plan has %s rank %d", i, pr.ID, pr.Rank, pp.ID, pp.Rank)
		}
		scheduled := pp.Status == evaluate.StatusScheduled
		want := PlanFigures{Status: pp.Status, StartPeriod: pp.StartPeriod, EndPeriod: pp.EndPeriod, Start: pp.Start, End: pp.End, NPV: pp.NPV, RiskAdjustedNPV: pp.RiskAdjustedNPV}
		if diff := cmp.Diff(want, pr.Plan); diff != "" {
			t.Errorf("%s plan figures (-want +got):\n%s", pp.ID, diff)
		}
		if got := pr.ChanceScheduled; got != map[bool]float64{true: 1, false: 0}[scheduled] {
			t.Errorf("%s: chance scheduled %v, plan status %s", pp.ID, got, pp.Status)
		}
		for _, got := range []*int{pr.P10StartPeriod, pr.P50StartPeriod, pr.P80StartPeriod, pr.P90StartPeriod} {
			if diff := cmp.Diff(pp.StartPeriod, got); diff != "" {
				t.Errorf("%s start percentile (-plan +got):\n%s", pp.ID, diff)
			}
		}
		for _, got := range []*int{pr.P10EndPeriod, pr.P50EndPeriod, pr.P80EndPeriod, pr.P90EndPeriod} {
			if diff := cmp.Diff(pp.EndPeriod, got); diff != "" {
				t.Errorf("%s end percentile (-plan +got):\n%s", pp.ID, diff)
			}
		}
		for _, got := range []*string{pr.P10End, pr.P50End, pr.P80End, pr.P90End} {
			if diff := cmp.Diff(pp.End, got); diff != "" {
				t.Errorf("%s end label (-plan +got):\n%s", pp.ID, diff)
			}
		}
		for _, got := range []float64{pr.P10NPV, pr.P50NPV, pr.P90NPV, pr.MeanNPV} {
			if got != pp.NPV {
				t.Errorf("%s NPV percentile %v, plan %v", pp.ID, got, pp.NPV)
			}
		}
		for _, got := range []float64{pr.P10RiskAdjustedNPV, pr.P50RiskAdjustedNPV, pr.P90RiskAdjustedNPV, pr.MeanRiskAdjustedNPV} {
			if got != pp.RiskAdjustedNPV {
				t.Errorf("%s risk-adjusted NPV percentile %v, plan %v", pp.ID, got, pp.RiskAdjustedNPV)
			}
		}
		if d := deadline[pp.ID]; d >= 0 {
			met := 0.0
			if scheduled && *pp.EndPeriod-1 <= d {
				met = 1
			}
			if pr.ChanceMeetsDeadline == nil || *pr.ChanceMeetsDeadline != met {
				t.Errorf("%s: chance of meeting the deadline %v, want %v", pp.ID, pr.ChanceMeetsDeadline, met)
			}
		}
	}
	pf, tot := res.Portfolio, plan.Totals
	for _, got := range []int{pf.P10FinishPeriod, pf.P50FinishPeriod, pf.P80FinishPeriod, pf.P90FinishPeriod} {
		if got != tot.FinishPeriod {
			t.Errorf("finish percentile %d, plan %d", got, tot.FinishPeriod)
		}
	}
	pinnedSpread := func(v float64) Spread { return Spread{P10: v, P50: v, P80: v, P90: v, Mean: v} }
	for name, c := range map[string]struct {
		got  Spread
		want float64
	}{"npv": {pf.NPV, tot.NPV}, "risk_adjusted_npv": {pf.RiskAdjustedNPV, tot.RiskAdjustedNPV}, "cost": {pf.Cost, tot.Cost}, "scheduled": {pf.Scheduled, float64(tot.Scheduled)}} {
		if diff := cmp.Diff(pinnedSpread(c.want), c.got); diff != "" {
			t.Errorf("portfolio %s (-plan +got):\n%s", name, diff)
		}
	}
	for _, tr := range res.Teams {
		if tr.ChanceOverloaded != 0 || tr.P50PeakUtilization != tr.PlanPeakUtilization || tr.P90PeakUtilization != tr.PlanPeakUtilization {
			t.Errorf("team %s under the committed plan: %+v", tr.ID, tr)
		}
	}
	for _, br := range res.Budgets {
		if br.ChanceOverrun != 0 {
			t.Errorf("budget %s overruns in a pinned run", br.ID)
		}
		for _, w := range br.Windows {
			if w.P50Spent != w.PlanSpent || w.P90Spent != w.PlanSpent || w.ChanceOverrun != 0 {
				t.Errorf("budget %s window %s under the committed plan: %+v", br.ID, w.Window, w)
			}
		}
	}
	for _, e := range res.Estimates {
		if e.FinishCorrelation != 0 || e.NPVCorrelation != 0 {
			t.Errorf("pinned estimate %s.%s correlates: %+v", e.Project, e.Attribute, e)
		}
	}
}

// TestDeterministicAcrossWorkers: a seed gives the same result whatever
// the number of workers; another seed gives another.
func TestDeterministicAcrossWorkers(t *testing.T) {
	cfg := loadDir(t, "../../examples/it-department-ranges", "", "")
	one := simulate(t, cfg, Options{Runs: 300, Seed: 7, Workers: 1})
	for _, w := range []int{2, 3, 8} {
		if diff := cmp.Diff(one, simulate(t, cfg, Options{Runs: 300, Seed: 7, Workers: w})); diff != "" {
			t.Errorf("%d workers differ from 1 (-1 +%d):\n%s", w, w, diff)
		}
	}
	if cmp.Equal(one, simulate(t, cfg, Options{Runs: 300, Seed: 8, Workers: 2})) {
		t.Error("seeds 7 and 8 gave the same result")
	}
}

func TestSimulationChecks(t *testing.T) {
	cfg := loadDir(t, "../../examples/it-department-ranges", "", "")
	plan := planOf(t, cfg)
	for _, c := range plan.Checks {
		if c.ID == "nis2_on_time" || c.ID == "security_programme_holds" {
			t.Errorf("plan evaluated simulation check %s", c.ID)
		}
	}
	res := simulate(t, cfg, Options{Runs: 200, Seed: 1})
	var ids []string
	for _, c := range res.Checks {
		ids = append(ids, c.ID)
	}
	want := []string{"nis2_before_audit", "focus", "nis2_on_time", "security_programme_holds", "policy.require_goal", "policy.deadlines", "policy.mandatory"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("checks (-want +got):\n%s", diff)
	}
	// Pinned, NIS2 always meets its deadline.
	pinned := simulate(t, cfg, Options{Runs: 10, Seed: 1, pinned: true})
	for _, c := range pinned.Checks {
		if c.ID == "nis2_on_time" && !c.Passed {
			t.Errorf("nis2_on_time failed with pinned estimates: %s", c.Message)
		}
	}
}

func TestOptionsAndLimits(t *testing.T) {
	cfg := loadDir(t, "../../examples/it-department-ranges", "", "")
	// 100 projects of 3 ranges keep over 500 figures a run: a million runs
	// would keep 500 million.
	var b strings.Builder
	b.WriteString("roadmap {\n  start = \"2027-01\"\n}\n")
	for i := range 100 {
		fmt.Fprintf(&b, "project \"p%d\" {\n  duration = pert(1, 2, 3)\n  cost {\n    one_time = uniform(1, 2)\n    per_year = uniform(1, 2)\n  }\n}\n", i)
	}
	big := loadSource(t, b.String())
	// Review qa17 A9: 10,000 months x 99 teams cost 25 ms a run (the
	// horizon is now at most 1,000 periods).
	b.Reset()
	b.WriteString("roadmap {\n  start = \"2027-01\"\n  period = \"month\"\n  horizon = 1000\n}\n")
	for i := range 99 {
		fmt.Fprintf(&b, "team \"t%d\" {\n  capacity = 1\n}\nproject \"p%d\" {\n  duration = pert(50, 100, 150)\n  effort = { t%d = 1 }\n}\n", i, i, i)
	}
	long := loadSource(t, b.String())
	for _, tt := range []struct {
		cfg     *hclspec.Config
		runs    int
		summary string
	}{{cfg, -1, "Invalid number of runs"}, {cfg, MaxRuns + 1, "Invalid number of runs"}, {big, MaxRuns, "Too many runs for this roadmap"}, {long, 2001, "Simulation too large"}} {
		_, diags := Simulate(context.Background(), tt.cfg, Options{Runs: tt.runs})
		if !diags.HasErrors() || diags[len(diags)-1].Summary != tt.summary {
			t.Errorf("runs %d: %v, want %q", tt.runs, diags, tt.summary)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if res, diags := Simulate(ctx, cfg, Options{Runs: 100}); res != nil || !diags.HasErrors() {
		t.Errorf("a cancelled simulation returned %v, %v", res, diags)
	}
}

func TestWarnings(t *testing.T) {
	cfg := loadDir(t, "../../examples/it-department", "", "")
	_, diags := Simulate(context.Background(), cfg, Options{Runs: 10})
	if !hasWarning(diags, "No ranged estimates") {
		t.Errorf("no warning for a roadmap without ranges: %v", diags)
	}
	cfg = loadDir(t, "../../examples/it-department-ranges", `estimate = "likely"`, "optimize = true")
	_, diags = Simulate(context.Background(), cfg, Options{Runs: 10})
	if !hasWarning(diags, "Simulation plans in rank order") {
		t.Errorf("no warning for optimize = true: %v", diags)
	}
}

func hasWarning(diags hcl.Diagnostics, summary string) bool {
	for _, d := range diags {
		if d.Severity == hcl.DiagWarning && d.Summary == summary {
			return true
		}
	}
	return false
}

// TestDocumentedChecksWork: the check blocks docs/simulation.md shows
// evaluate against the ranged example without errors.
func TestDocumentedChecksWork(t *testing.T) {
	data, err := os.ReadFile("../../docs/simulation.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(data), "## Checks on the simulation")
	_, snippet, _ := strings.Cut(rest, "```hcl\n")
	snippet, _, _ = strings.Cut(snippet, "```")
	dir := "../../examples/it-department-ranges"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	sources := map[string][]byte{"docs/checks.hcl": []byte(snippet)}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		sources[filepath.Join(dir, e.Name())] = b
	}
	cfg, diags := hclspec.NewLoader().LoadSources(dir, sources, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	res, diags := Simulate(context.Background(), cfg, Options{Runs: 200, Seed: 1})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	found := 0
	for _, c := range res.Checks {
		switch c.ID {
		case "nis2_likely_on_time", "portfolio_pays", "erp_by_summer":
			found++
			if !c.Passed && (c.Message == "" || strings.Contains(c.Message, "could not be evaluated")) {
				t.Errorf("check %s: %q", c.ID, c.Message)
			}
		}
	}
	if found != 3 {
		t.Errorf("found %d of the documented checks", found)
	}
}

func TestSimulationParts(t *testing.T) {
	for _, tt := range []struct {
		conditions []string
		want       map[string]bool
		used       bool
	}{
		{[]string{"plan.totals.npv > 0"}, map[string]bool{}, false},
		{[]string{"simulation.portfolio.npv.p10 > 0", "plan.totals.npv > 0"}, map[string]bool{"portfolio": true}, true},
		{[]string{`simulation["teams"].platform.chance_overloaded < 0.5`, "simulation.projects.a.chance_scheduled > 0"}, map[string]bool{"teams": true, "projects": true}, true},
		{[]string{"simulation[var.part] != null"}, nil, true},
	} {
		var checks []*hclspec.Check
		for i, src := range tt.conditions {
			expr, diags := hclsyntax.ParseExpression([]byte(src), "t.hcl", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			checks = append(checks, &hclspec.Check{ID: fmt.Sprint(i), Condition: expr, Simulation: strings.Contains(src, "simulation")})
		}
		parts, used := simulationParts(checks)
		if used != tt.used || !cmp.Equal(tt.want, parts) {
			t.Errorf("%v: parts %v, used %v; want %v, %v", tt.conditions, parts, used, tt.want, tt.used)
		}
	}
}

// Planning each run counts in the work bound, ten units a project and
// period (review qa18 B1: 60 deferred projects over 1,000 months cost 15
// ms a run, unbounded); a roadmap with no ranged estimate is planned
// once, so its runs count only the capacity plan they book.
func TestWorkCountsPlanning(t *testing.T) {
	roadmap := func(ranged bool) *hclspec.Config {
		var b strings.Builder
		b.WriteString("roadmap {\n  start = \"2027-01\"\n  period = \"month\"\n  horizon = 1000\n}\n")
		for i := range 60 {
			d := "1"
			if ranged && i == 0 {
				d = "pert(1, 2, 3)"
			}
			fmt.Fprintf(&b, "project \"p%d\" {\n  duration = %s\n}\n", i, d)
		}
		return loadSource(t, b.String())
	}
	// 1,000 x (1 + 10 x 60) = 601,000 a run: 332 runs fit.
	for _, tc := range []struct {
		ranged bool
		runs   int
		tooBig bool
	}{{true, 332, false}, {true, 333, true}, {false, 10000, false}} {
		res, diags := Simulate(context.Background(), roadmap(tc.ranged), Options{Runs: tc.runs})
		got := diags.HasErrors() && diags[len(diags)-1].Summary == "Simulation too large"
		if got != tc.tooBig || (!tc.tooBig && res == nil) {
			t.Errorf("ranged %v, %d runs: too large %v (%v), want %v", tc.ranged, tc.runs, got, diags, tc.tooBig)
		}
	}
}
