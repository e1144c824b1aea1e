package evaluate

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// An opex budget pays a project's run costs every year once it is live,
// after the horizon too (qa15e E4): a per-year or per-period budget is
// checked for a year once everything placed is live, so a later go-live
// is no way around a run rate the budget cannot pay. The run cost of a
// system that only the project can retire frees the same budget from its
// go-live (qa15e E7). Rank order and the optimiser read the same
// constraint. Each row is worked by hand: quarters, 2027-Q1..2028-Q4, a
// capex budget pays the builds, projects take one quarter.
func TestOpexBudgetPaysTheRunRateOnceLive(t *testing.T) {
	const header = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
}

goal "g" {
  weight = 1
}

budget "capex" {
  amount = 1000000
  per    = "year"
}
`
	project := func(id string, run int, extra string) string {
		return `
project "` + id + `" {
  goals    = { g = 0.9 }
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
	opex := func(amount int, per string) string {
		return `
budget "opex" {
  kind   = "opex"
  amount = ` + strconv.Itoa(amount) + `
  per    = "` + per + `"
}
`
	}
	system := `
system "old" {
  run_cost {
    per_year = 60000
  }
}
`
	bigSystem := `
system "old" {
  run_cost {
    per_year = 240000
  }
}
`
	// ops is paid from opex, 75,000 at once, ranks below kill and has no
	// run cost.
	ops := func(id string) string {
		return `
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
	for _, tt := range []struct {
		name string
		src  string
		// want is each project's start ("" for deferred); steady names the
		// one whose note says the budget cannot pay its run rate once live.
		want   map[string]string
		steady string
	}{
		// 100,000 a year on a 50,000-a-year budget: before, it went live in
		// 2028-Q2 (paying 50,000 in 2028, inside the horizon); now no
		// go-live fits.
		{"run cost above the yearly amount", header + opex(50000, "year") + project("saas", 100000, ""),
			map[string]string{"saas": ""}, "saas"},
		// 12,500 a quarter is 50,000 a year.
		{"per period: a year of periods", header + opex(12500, "period") + project("saas", 100000, ""),
			map[string]string{"saas": ""}, "saas"},
		// A total budget has no year after the horizon: the run costs
		// inside it decide (50,000 buys 2 quarters of 100,000 a year).
		{"per total: only the horizon", header + opex(50000, "total") + project("saas", 100000, ""),
			map[string]string{"saas": "2028-Q2"}, ""},
		// 40,000 + 40,000 a year once both are live passes 50,000: the
		// second no longer goes live in the last quarter.
		{"two run costs", header + opex(50000, "year") + project("a", 40000, "") + project("b", 40000, ""),
			map[string]string{"a": "2027-Q1", "b": ""}, "b"},
		// 100,000 a year less the 60,000 of the system it retires is
		// 40,000 a year net: it fits at once.
		{"retired system frees the budget", header + opex(50000, "year") + system + project("saas", 100000, "replaces = [system.old]"),
			map[string]string{"saas": "2027-Q1"}, ""},
		// Options of one choice: only one can retire it.
		{"options of one choice", header + opex(50000, "year") + system + project("saas", 100000, "replaces = [system.old]") +
			project("alt", 100000, "replaces = [system.old]") + `
choice "c" {
  options = [project.saas, project.alt]
}
`, map[string]string{"alt": "2027-Q1", "saas": ""}, ""}, // alt ranks first on the tie
		// Two projects that can both run retire it: the first to go live
		// does, which depends on the schedule, so it frees no budget.
		{"two replacers free nothing", header + opex(50000, "year") + system + project("saas", 100000, "replaces = [system.old]") +
			project("kill", 0, "replaces = [system.old]"),
			map[string]string{"saas": "", "kill": "2027-Q1"}, "saas"},
		// Spend to date counts, not a window's total (qa16 Q1): kill goes
		// live in 2027-Q2 and frees 60,000 a quarter of "old" from then
		// on. ops1 and ops2 spend 75,000 of opex each at once. Both in
		// 2027-Q1 is 150,000 spent to date against 100,000 (before, the
		// year's total, 150,000 - 180,000, let both in); ops2 in 2027-Q2
		// is 75,000 + 75,000 - 60,000 = 90,000 by then.
		{"a saving pays only for spend after it", header + opex(100000, "year") + bigSystem + project("kill", 0, "replaces = [system.old]") +
			ops("ops1") + ops("ops2"),
			map[string]string{"kill": "2027-Q1", "ops1": "2027-Q1", "ops2": "2027-Q2"}, ""},
		// A third: 165,000 to date in 2027-Q2, 105,000 in 2027-Q3 (a
		// quarter's saving with no spend), 45,000 in 2027-Q4.
		{"a saving pays for spend after it, a quarter at a time", header + opex(100000, "year") + bigSystem + project("kill", 0, "replaces = [system.old]") +
			ops("ops1") + ops("ops2") + ops("ops3"),
			map[string]string{"kill": "2027-Q1", "ops1": "2027-Q1", "ops2": "2027-Q2", "ops3": "2027-Q4"}, ""},
	} {
		for _, objective := range []string{"", "score"} {
			t.Run(tt.name+"/"+objective, func(t *testing.T) {
				cfg, diags := hclspec.NewLoader().LoadSources("opex", map[string][]byte{"main.hcl": []byte(tt.src)}, hclspec.LoadOptions{})
				if diags.HasErrors() {
					t.Fatalf("load: %v", diags)
				}
				plan, diags := Evaluate(context.Background(), cfg, Options{Objective: objective})
				if plan == nil || diags.HasErrors() {
					t.Fatalf("evaluate: %v", diags)
				}
				for id, want := range tt.want {
					p := projectOf(t, plan, id)
					got := ""
					if p.Start != nil {
						got = *p.Start
					}
					if got != want {
						t.Errorf("%s starts %q, want %q (status %s, notes %+v)", id, got, want, p.Status, p.Notes)
					}
				}
				if tt.steady == "" {
					return
				}
				p := projectOf(t, plan, tt.steady)
				found := false
				for _, n := range p.Notes {
					if n.Kind == NoteBudget && n.ID == "opex" && len(n.Windows) > 0 && n.Windows[len(n.Windows)-1] == steadyLabel {
						found = strings.Contains(n.Message, "a year once live: it pays USD 50,000 a year, and run costs go on after the horizon")
					}
				}
				if !found {
					t.Errorf("%s's notes %+v; want a budget note on opex's year once live", tt.steady, p.Notes)
				}
			})
		}
	}
}
