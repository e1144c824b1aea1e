package evaluate

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Committed work runs whenever it fits the horizon, in rank order and
// under every objective alike (issue 15, review qa15e):
//   - E5: a committed project takes its lower-ranked prerequisites along
//     at its turn, as a mandatory one does (rank order deferred it, exit 0,
//     while --optimize scheduled it);
//   - E9: committed work that cannot meet its deadline is scheduled late,
//     with a warning and policy.deadlines failing (an error under
//     deadlines = "error"), instead of being left out;
//   - a committed deadline rank order can meet keeps its window: the
//     deadline rule never lets a proposed project push it past it.
func TestCommittedWorkRuns(t *testing.T) {
	// qa15e c1: k committed needs q, ranked below the flagship f.
	const c1 = `
roadmap {
  start   = "2027-Q1"
  horizon = 4
  as_of   = "2027-01-01"
}

goal "g" {
  weight = 1
}

team "t" {
  capacity = 1
}

project "f" {
  goals    = { g = 0.9 }
  duration = 2
  effort   = { t = 1 }
}

project "k" {
  goals      = { g = 0.5 }
  duration   = 2
  status     = "committed"
  depends_on = [project.q]
}

project "q" {
  goals    = { g = 0.1 }
  duration = 1
  effort   = { t = 1 }
}
`
	// qa15e c2: k committed, 3 quarters from the status date 2027-Q3,
	// deadline 2027-Q4; an option of choice c.
	c2 := func(policy string) string {
		return `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-07-01"
` + policy + `}

goal "g" {
  weight = 1
}

project "k" {
  goals    = { g = 0.5 }
  duration = 3
  status   = "committed"
  deadline = "2027-Q4"
}

project "alt" {
  goals    = { g = 0.9 }
  duration = 1
}

choice "c" {
  options = [project.k, project.alt]
}
`
	}
	// k1 cannot meet its deadline and is scheduled late; k2, ranked
	// below it, meets its own: the deadline rule lets it go ahead of k1.
	const chain = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-01-01"
}

goal "g" {
  weight = 1
}

team "t" {
  capacity = 1
}

project "k1" {
  goals    = { g = 0.9 }
  duration = 3
  effort   = { t = 1 }
  status   = "committed"
  deadline = "2027-Q2"
}

project "k2" {
  goals    = { g = 0.5 }
  duration = 1
  effort   = { t = 1 }
  status   = "committed"
  deadline = "2027-Q2"
}
`
	// k meets its deadline 2027-Q1; f's deadline needs the team from
	// 2027-Q1 too: the deadline rule may not move f ahead of k.
	const kept = `
roadmap {
  start   = "2027-Q1"
  horizon = 5
  as_of   = "2027-01-01"
}

goal "g" {
  weight = 1
}

team "t" {
  capacity = 1
}

project "k" {
  goals    = { g = 0.1 }
  duration = 1
  effort   = { t = 1 }
  status   = "committed"
  deadline = "2027-Q1"
}

project "f" {
  goals    = { g = 0.9 }
  duration = 4
  effort   = { t = 1 }
  deadline = "2027-Q4"
}
`
	const late = "misses its deadline 2027-Q4 by 1 quarter (ends 2028-Q1): committed work is scheduled late, not left out"
	tests := []struct {
		name   string
		src    string
		starts map[string]string // "" = not scheduled
		warn   map[string]string // a warning finding each project has
		check  string            // policy.deadlines: "" passes or is absent, else severity: message
	}{
		{name: "E5 c1: k takes q along", src: c1,
			starts: map[string]string{"q": "2027-Q1", "k": "2027-Q2", "f": "2027-Q2"}},
		{name: "E9 c2: k scheduled late", src: c2(""),
			starts: map[string]string{"k": "2027-Q3", "alt": ""},
			warn:   map[string]string{"k": late},
			check:  `warning: "k" misses its deadline 2027-Q4 by 1 quarter: ends 2028-Q1 (committed: scheduled late, not left out)`},
		{name: "E9 c2, deadlines error", src: c2("  policy {\n    deadlines = \"error\"\n  }\n"),
			starts: map[string]string{"k": "2027-Q3", "alt": ""},
			warn:   map[string]string{"k": late},
			check:  `error: "k" misses its deadline 2027-Q4 by 1 quarter: ends 2028-Q1 (committed: scheduled late, not left out)`},
		{name: "E9 chain: k1 late, k2 goes ahead of it", src: chain,
			starts: map[string]string{"k1": "2027-Q2", "k2": "2027-Q1"},
			warn:   map[string]string{"k1": "misses its deadline 2027-Q2 by 2 quarters (ends 2027-Q4): committed work is scheduled late, not left out"},
			check:  `warning: "k1" misses its deadline 2027-Q2 by 2 quarters: ends 2027-Q4 (committed: scheduled late, not left out)`},
		// Mandatory work too (review qa17 U8): an obligation that cannot
		// meet its deadline is scheduled late, not left out with no date.
		{name: "mandatory chain: k1 late, k2 goes ahead of it", src: strings.ReplaceAll(chain, `status   = "committed"`, `mandatory = true`),
			starts: map[string]string{"k1": "2027-Q2", "k2": "2027-Q1"},
			warn:   map[string]string{"k1": "misses its deadline 2027-Q2 by 2 quarters (ends 2027-Q4): mandatory work is scheduled late, not left out"},
			check:  `warning: "k1" misses its deadline 2027-Q2 by 2 quarters: ends 2027-Q4 (mandatory: scheduled late, not left out)`},
		{name: "a committed deadline met keeps its window", src: kept,
			starts: map[string]string{"k": "2027-Q1", "f": ""},
			check:  `warning: "f" misses its deadline 2027-Q4: deferred, team "t" has no room for 1 FTE in 2027-Q1 (held by "k")`},
	}
	for _, tt := range tests {
		for _, objective := range []string{"", "score", "npv", "risk_adjusted_npv", "finish"} {
			name := tt.name + ", rank order"
			if objective != "" {
				name = tt.name + ", " + objective
			}
			t.Run(name, func(t *testing.T) {
				plan := choicePlan(t, tt.src, Options{Objective: objective})
				got, warn := map[string]string{}, map[string]string{}
				for _, pp := range plan.Projects {
					got[pp.ID] = ""
					if pp.Start != nil {
						got[pp.ID] = *pp.Start
					}
					for _, f := range pp.Findings {
						if f.Severity == SeverityWarning && strings.Contains(f.Message, "deadline") {
							warn[pp.ID] = f.Message
						}
					}
				}
				if diff := cmp.Diff(tt.starts, got); diff != "" {
					t.Errorf("starts (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(tt.warn, warn, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("deadline warnings (-want +got):\n%s", diff)
				}
				check := ""
				for _, c := range plan.Checks {
					if c.ID == "policy.deadlines" && !c.Passed {
						check = c.Severity + ": " + c.Message
					}
				}
				if check != tt.check {
					t.Errorf("policy.deadlines %q\nwant %q", check, tt.check)
				}
			})
		}
	}
}

// A project that cannot finish by its deadline from the status date says
// so; the reason read "3 periods after its dependencies end (2027-Q2)"
// for a project with no dependencies (review qa15e E9).
func TestDeadlineReasonFromStatusDate(t *testing.T) {
	const src = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-07-01"
}

goal "g" {
  weight = 1
}

project "k" {
  goals    = { g = 0.5 }
  duration = 3
  deadline = "2027-Q4"
}

project "after" {
  goals      = { g = 0.5 }
  duration   = 3
  deadline   = "2028-Q1"
  depends_on = [project.first]
}

project "first" {
  goals    = { g = 0.4 }
  duration = 2
}
`
	plan := choicePlan(t, src, Options{})
	want := map[string]string{
		"k":     "cannot finish by its deadline 2027-Q4: 3 periods from 2027-Q3, when plans start (status date 2027-07-01) would end 2028-Q1",
		"after": `cannot finish by its deadline 2028-Q1: 3 periods after its dependencies end (2027-Q4) would end 2028-Q3`,
	}
	for _, pp := range plan.Projects {
		w, ok := want[pp.ID]
		if !ok {
			continue
		}
		found := false
		for _, f := range pp.Findings {
			found = found || f.Message == w
		}
		if !found {
			t.Errorf("%s: findings %v, want one %q", pp.ID, pp.Findings, w)
		}
	}
}
