package evaluate

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// Who gets the credit of a retired system (qa17-dom D1, D2, D6, D12):
// only replacers that can run in this plan count as rivals; a done
// project that retired it is the retirer, whoever else replaces it; a
// retirement before the roadmap starts frees nothing. Quarters,
// 2027-Q1..2028-Q4, opex 50,000 a year; "old" costs 60,000 a year; every
// project takes one quarter, paid from capex.
func TestRunCreditGoesToWhoCanRetire(t *testing.T) {
	header := func(asOf string) string {
		return `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "` + asOf + `"
}
goal "g" {
  weight = 1
}
budget "capex" {
  amount = 1000000
  per    = "year"
}
budget "opex" {
  kind   = "opex"
  amount = 50000
  per    = "year"
}
system "old" {
  run_cost {
    per_year = 60000
  }
}
`
	}
	project := func(id string, g float64, run int, extra string) string {
		return `
project "` + id + `" {
  goals    = { g = ` + strconv.FormatFloat(g, 'f', -1, 64) + ` }
  duration = 1
  funding  = budget.capex
  ` + extra + `
  cost {
    one_time = 10000
    per_year = ` + strconv.Itoa(run) + `
  }
  benefit {
    per_year = 150000
  }
}
`
	}
	replaces := "replaces = [system.old]\n"
	for _, tt := range []struct {
		name     string
		src      string
		forceOut []string
		// want is each project's start ("" when not scheduled); saving
		// each listed project's saving in the plan.
		want   map[string]string
		saving map[string]float64
	}{
		// D2: later (rank 1, no run cost) is the only replacer that can
		// run: done1 is cancelled. saas's 60,000 a year less later's
		// credit of 60,000 from 2027-Q4 is 0 net once live <= 50,000: it
		// fits in 2027-Q3 (before, the cancelled rival made two
		// replacers, no credit, and saas was deferred).
		{"a cancelled rival does not count",
			header("2027-Q3") + project("done1", 0.5, 0, replaces+`status = "cancelled"
  started = "2027-Q1"`) + project("later", 0.95, 0, replaces) + project("saas", 0.4, 60000, ""),
			nil, map[string]string{"later": "2027-Q3", "saas": "2027-Q3"}, nil},
		{"an on-hold rival does not count",
			header("2027-Q3") + project("done1", 0.5, 0, replaces+`status = "on_hold"
  started = "2027-Q1"`) + project("later", 0.95, 0, replaces) + project("saas", 0.4, 60000, ""),
			nil, map[string]string{"later": "2027-Q3", "saas": "2027-Q3"}, nil},
		{"an excluded rival does not count",
			header("2027-Q3") + project("rival", 0.5, 0, replaces+"excluded = true") + project("later", 0.95, 0, replaces) +
				project("saas", 0.4, 60000, ""),
			nil, map[string]string{"later": "2027-Q3", "saas": "2027-Q3"}, nil},
		{"a rival forced out does not count",
			header("2027-Q3") + project("rival", 0.5, 0, replaces) + project("later", 0.95, 0, replaces) +
				project("saas", 0.4, 60000, ""),
			[]string{"rival"}, map[string]string{"later": "2027-Q3", "saas": "2027-Q3"}, nil},
		// A rival that may run still blocks it: later or rival may go live
		// first, so no budget is credited and saas (60,000 a year) never
		// fits 50,000.
		{"a rival that may run still counts",
			header("2027-Q3") + project("rival", 0.5, 0, replaces) + project("later", 0.95, 0, replaces) +
				project("saas", 0.4, 60000, ""),
			nil, map[string]string{"later": "2027-Q3", "rival": "2027-Q3", "saas": ""}, nil},
		// D1: done1 finished in 2027-Q1 and retired old from 2027-Q2: its
		// 40,000 a year less 60,000 is -20,000 net; saas's 20,000 a year
		// makes 0 <= 50,000, so it fits in 2027-Q3 (before: deferred).
		// later replaces a system already gone: no saving in its figures
		// (150,000 a year x 5 years of benefit, nothing of old's).
		{"a done retirer keeps the credit",
			header("2027-Q3") + project("done1", 0.5, 40000, replaces+`status = "done"
  started = "2027-Q1"
  finished = "2027-Q1"`) + project("later", 0.3, 0, replaces) + project("saas", 0.9, 20000, ""),
			nil, map[string]string{"saas": "2027-Q3", "later": "2027-Q3"}, map[string]float64{"later": 0}},
		// D12: done1 finished in 2026-Q2, so old stopped in 2026-Q3,
		// before the roadmap starts: the 2027 budgets never paid it, so it
		// frees nothing. done1's own 40,000 a year runs in the horizon
		// and is charged; saas's 20,000 more is 60,000 > 50,000: deferred
		// (before: the saving made it -20,000 + 20,000 = 0 and it ran).
		{"a retirement before the start frees nothing",
			header("2027-Q1") + project("done1", 0.5, 40000, replaces+`status = "done"
  started = "2026-Q1"
  finished = "2026-Q2"`) + project("saas", 0.9, 20000, ""),
			nil, map[string]string{"saas": ""}, nil},
	} {
		for _, objective := range []string{"", "score"} {
			t.Run(tt.name+"/"+objective, func(t *testing.T) {
				cfg, diags := hclspec.NewLoader().LoadSources("credit", map[string][]byte{"main.hcl": []byte(tt.src)}, hclspec.LoadOptions{})
				if diags.HasErrors() {
					t.Fatalf("load: %v", diags)
				}
				plan, diags := Evaluate(context.Background(), cfg, Options{Objective: objective, ForceOut: tt.forceOut})
				if plan == nil || diags.HasErrors() {
					t.Fatalf("evaluate: %v", diags)
				}
				for id, want := range tt.want {
					p := projectOf(t, plan, id)
					got := ""
					if p.Start != nil && p.Status == StatusScheduled {
						got = *p.Start
					}
					if got != want {
						t.Errorf("%s starts %q, want %q (status %s, notes %+v)", id, got, want, p.Status, p.Notes)
					}
				}
				for id, want := range tt.saving {
					if got := projectOf(t, plan, id).Saving; got != want {
						t.Errorf("%s saving %v, want %v", id, got, want)
					}
				}
			})
		}
	}
}

// A replacer with no run cost and no run_funding, in a roadmap with two
// opex budgets, frees neither: the loader says so (qa17-dom D6).
func TestSavingWithTwoOpexBudgetsAsksWhichOne(t *testing.T) {
	const base = `
roadmap {
  start   = "2027-Q1"
  horizon = 4
}
goal "g" {
  weight = 1
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
budget "opex2" {
  kind   = "opex"
  amount = 100000
  per    = "year"
}
system "old" {
  run_cost {
    per_year = 240000
  }
}
`
	kill := func(extra string) string {
		return `
project "kill" {
  goals    = { g = 0.9 }
  duration = 1
  funding  = budget.capex
  replaces = [system.old]
  ` + extra + `
  cost {
    one_time = 10000
  }
  benefit {
    per_year = 150000
  }
}
`
	}
	for _, tt := range []struct {
		name, src string
		warn      bool
	}{
		{"no run_funding", base + kill(""), true},
		{"run_funding names it", base + kill("run_funding = budget.opex"), false},
		{"excluded", base + kill("excluded = true"), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := hclspec.NewLoader().LoadSources("o2", map[string][]byte{"main.hcl": []byte(tt.src)}, hclspec.LoadOptions{})
			if diags.HasErrors() {
				t.Fatalf("load: %v", diags)
			}
			var got *hcl.Diagnostic
			for _, d := range diags {
				if d.Summary == "Which opex budget does the saving free?" {
					got = d
				}
			}
			if (got != nil) != tt.warn {
				t.Fatalf("diagnostics %v; want the saving warning: %v", diags, tt.warn)
			}
			if got != nil && (got.Severity != hcl.DiagWarning || got.Subject == nil || got.Subject.Start.Line != 33 ||
				!strings.Contains(got.Detail, `system "old"`)) {
				t.Errorf("warning %+v at %v", got, got.Subject)
			}
		})
	}
}

// The resources gate does not drop a project by the amount of a budget a
// saving is credited to: the saving makes room the gate's "on its own,
// wherever it starts" test cannot see, so the scheduler decides (qa17-dom
// D5), and its notes there do not say "whatever the others spend" (D9).
// Quarters, 2027-Q1..2027-Q4. kill (capex) retires "old", 240,000 a year
// = 60,000 a quarter, from 2027-Q2; ops1..ops4 spend 75,000 of opex at
// once.
func TestGateLeavesACreditedBudgetToTheScheduler(t *testing.T) {
	src := func(opex string) string {
		s := `
roadmap {
  start   = "2027-Q1"
  horizon = 4
}
goal "g" {
  weight = 1
}
budget "capex" {
  amount = 1000000
  per    = "year"
}
budget "opex" {
  kind = "opex"
  ` + opex + `
}
system "old" {
  run_cost {
    per_year = 240000
  }
}
project "kill" {
  goals    = { g = 0.9 }
  duration = 1
  funding  = budget.capex
  replaces = [system.old]
  cost {
    one_time = 10000
  }
  benefit {
    per_year = 150000
  }
}
`
		for _, id := range []string{"ops1", "ops2", "ops3", "ops4"} {
			s += `
project "` + id + `" {
  goals    = { g = 0.3 }
  duration = 1
  funding  = budget.opex
  cost {
    one_time = 75000
  }
  benefit {
    per_year = 150000
  }
}
`
		}
		return s
	}
	for _, tt := range []struct {
		name, opex string
		want       map[string]string // start, "deferred" or "dropped"
	}{
		// 60,000 a year, spend to date: ops1 in Q2 75 - 60 = 15; ops2 in
		// Q3 15 - 60 + 75 = 30; ops3 in Q4 45; ops4 would make 120.
		// Before, the gate dropped all four (75,000 > 60,000 a year).
		{"per year", `amount = 60000
  per    = "year"`, map[string]string{"ops1": "2027-Q2", "ops2": "2027-Q3", "ops3": "2027-Q4", "ops4": "deferred"}},
		// 20,000 a year: ops1 in Q2 (to date 15); ops2 in Q3 would make
		// 30 > 20; to date -45 by Q3, so ops2 in Q4 makes -45 + 75 - 60
		// = -30; ops3 there too would make 45 > 20.
		{"per year, small", `amount = 20000
  per    = "year"`, map[string]string{"ops1": "2027-Q2", "ops2": "2027-Q4", "ops3": "deferred", "ops4": "deferred"}},
		// 40,000 a quarter plus 60,000 of saving from Q2: 75 - 60 = 15 <=
		// 40 in each of Q2, Q3 and Q4. Before: dropped, 75,000 in one
		// period exceeds 40,000 per period.
		{"per period", `amount = 40000
  per    = "period"`, map[string]string{"ops1": "2027-Q2", "ops2": "2027-Q3", "ops3": "2027-Q4", "ops4": "deferred"}},
	} {
		for _, objective := range []string{"", "score"} {
			t.Run(tt.name+"/"+objective, func(t *testing.T) {
				cfg, diags := hclspec.NewLoader().LoadSources("fr", map[string][]byte{"main.hcl": []byte(src(tt.opex))}, hclspec.LoadOptions{})
				if diags.HasErrors() {
					t.Fatalf("load: %v", diags)
				}
				plan, diags := Evaluate(context.Background(), cfg, Options{Objective: objective})
				if plan == nil || diags.HasErrors() {
					t.Fatalf("evaluate: %v", diags)
				}
				for id, want := range tt.want {
					p := projectOf(t, plan, id)
					got := p.Status
					if p.Status == StatusScheduled {
						got = *p.Start
					}
					if got != want {
						t.Errorf("%s is %q, want %q (notes %+v)", id, got, want, p.Notes)
					}
					for _, n := range p.Notes {
						if strings.Contains(n.Message, "whatever the others spend") {
							t.Errorf("%s's note %q: others' savings make room", id, n.Message)
						}
					}
				}
			})
		}
	}
}

// The loader's "System replaced by two projects" warning counts only
// replacers that can still retire the system: not one cancelled, on hold,
// excluded or done (qa17-dom D1, D2; the plan warns a replacer of a
// system a done project retired).
func TestReplacedTwiceCountsRivalsThatCanRun(t *testing.T) {
	const base = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-Q3"
}
goal "g" {
  weight = 1
}
system "old" {
  run_cost {
    per_year = 60000
  }
}
project "later" {
  goals    = { g = 0.3 }
  duration = 1
  replaces = [system.old]
  cost {
    one_time = 10000
  }
}
project "rival" {
  goals    = { g = 0.5 }
  duration = 1
  replaces = [system.old]
`
	for _, tt := range []struct {
		name, extra string
		warn        bool
	}{
		{"proposed", "", true},
		{"cancelled", `status = "cancelled"
  started = "2027-Q1"`, false},
		{"on hold", `status = "on_hold"
  started = "2027-Q1"`, false},
		{"excluded", "excluded = true", false},
		{"done", `status = "done"
  started = "2027-Q1"
  finished = "2027-Q1"`, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := base + "  " + tt.extra + "\n}\n"
			_, diags := hclspec.NewLoader().LoadSources("twice", map[string][]byte{"main.hcl": []byte(src)}, hclspec.LoadOptions{})
			if diags.HasErrors() {
				t.Fatalf("load: %v", diags)
			}
			warned := false
			for _, d := range diags {
				warned = warned || d.Summary == "System replaced by two projects"
			}
			if warned != tt.warn {
				t.Errorf("diagnostics %v; want the warning: %v", diags, tt.warn)
			}
		})
	}
}

// A system retired before the roadmap starts never cost the horizon's
// budgets (it frees nothing, qa17-dom D12), so the run rate's year rows
// retire nothing for it; one retired inside the horizon counts from its
// go-live. old costs 60,000 a year; done1 runs 40,000 a year.
func TestRunRateYearsSkipARetirementBeforeTheStart(t *testing.T) {
	src := func(started, finished string) string {
		return `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-Q3"
}
goal "g" {
  weight = 1
}
budget "opex" {
  kind   = "opex"
  amount = 500000
  per    = "year"
}
system "old" {
  run_cost {
    per_year = 60000
  }
}
project "done1" {
  goals    = { g = 1 }
  duration = 1
  replaces = [system.old]
  status   = "done"
  started  = "` + started + `"
  finished = "` + finished + `"
  cost {
    per_year = 40000
  }
}
`
	}
	for _, tt := range []struct {
		name              string
		started, finished string
		want              []RunRateYear
	}{
		{"before the start", "2026-Q1", "2026-Q2", []RunRateYear{
			{Year: "2027", Added: 40000, Retired: 0, Net: 40000},
			{Year: "2028", Added: 40000, Retired: 0, Net: 40000},
		}},
		{"live at the start", "2026-Q3", "2026-Q4", []RunRateYear{
			{Year: "2027", Added: 40000, Retired: 0, Net: 40000},
			{Year: "2028", Added: 40000, Retired: 0, Net: 40000},
		}},
		// Live from 2027-Q2: three quarters of 2027.
		{"inside the horizon", "2027-Q1", "2027-Q1", []RunRateYear{
			{Year: "2027", Added: 30000, Retired: 45000, Net: -15000},
			{Year: "2028", Added: 40000, Retired: 60000, Net: -20000},
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			plan := livingPlan(t, src(tt.started, tt.finished))
			if diff := cmp.Diff(tt.want, plan.RunRate.Years); diff != "" {
				t.Errorf("run rate years (-want +got):\n%s", diff)
			}
			if plan.RunRate.RetiredPerYear != 60000 {
				t.Errorf("retired a year %v, want 60,000 (the rate lists the retirement)", plan.RunRate.RetiredPerYear)
			}
		})
	}
}
