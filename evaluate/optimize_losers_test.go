package evaluate

import (
	"slices"
	"strings"
	"testing"
)

// Under a value objective the optimiser leaves out an optional project
// worth less than nothing that nothing needs, rather than crowd it out:
// it chose a build-or-buy choice's worse option for the budget the longer
// build used (review qa18 Q18-1). Rank order runs it (no hurdle), and so
// does the optimiser under score.
func TestOptimizerLeavesOutValueLosers(t *testing.T) {
	const src = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
}

goal "g" {
  weight = 1
}

budget "capex" {
  amount = 1000
  per    = "year"
}

project "top" {
  goals    = { g = 1 }
  duration = 1
  benefit {
    per_year = 90000
  }
}

project "buy" {
  goals    = { g = 1 }
  duration = 2
  cost {
    one_time = 800
  }
  benefit {
    per_year = 1300
  }
}

project "build" {
  goals    = { g = 1 }
  duration = 4
  cost {
    one_time = 1600
  }
  benefit {
    per_year = 1300
  }
}

choice "k" {
  options = [project.buy, project.build]
}

project "neg" {
  goals    = { g = 0.5 }
  duration = 2
  cost {
    one_time = 1000
    per_year = 900
  }
}
`
	for _, tc := range []struct {
		objective string
		scheduled []string
		negGate   string
	}{
		{"", []string{"buy", "neg", "top"}, ""},
		{"score", []string{"buy", "neg", "top"}, ""},
		{"risk_adjusted_npv", []string{"buy", "top"}, GateValue},
		{"npv", []string{"buy", "top"}, GateValue},
	} {
		t.Run(tc.objective, func(t *testing.T) {
			plan := choicePlan(t, src, Options{Objective: tc.objective})
			var got []string
			for _, p := range plan.Projects {
				if p.Status == StatusScheduled {
					got = append(got, p.ID)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.scheduled) {
				t.Errorf("scheduled %v, want %v", got, tc.scheduled)
			}
			neg := projectOf(t, plan, "neg")
			if neg.Gate != tc.negGate {
				t.Errorf("neg at gate %q (%v), want %q", neg.Gate, neg.Reasons, tc.negGate)
			}
			if tc.negGate == "" {
				return
			}
			if len(neg.Reasons) != 1 || !strings.HasPrefix(neg.Reasons[0], "left out by the optimiser: its ") || len(neg.Notes) != 0 {
				t.Errorf("neg: reasons %q, notes %v", neg.Reasons, neg.Notes)
			}
			if c := plan.Optimization.Changes; len(c) == 0 || !strings.HasPrefix(c[0], `Leave out "neg" (rank 4, `) {
				t.Errorf("changes %q", c)
			}
		})
	}
}

// A chain of losers goes whole: the parent's only dependent is left out,
// so nothing needs the parent either (review qa19 F3: the child went and
// the parent ran alone at a loss).
func TestOptimizerLeavesOutAChainOfLosers(t *testing.T) {
	const src = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
}

goal "g" {
  weight = 1
}

project "top" {
  goals    = { g = 1 }
  duration = 1
  benefit {
    per_year = 90000
  }
}

project "parent" {
  goals    = { g = 0.5 }
  duration = 1
  cost {
    one_time = 9000
  }
}

project "child" {
  goals      = { g = 0.5 }
  duration   = 1
  depends_on = [project.parent]
  cost {
    one_time = 3000
  }
}
`
	plan := choicePlan(t, src, Options{Objective: "npv"})
	for _, id := range []string{"parent", "child"} {
		if p := projectOf(t, plan, id); p.Status != StatusDropped || p.Gate != GateValue {
			t.Errorf("%s is %s at gate %q, want dropped at gate value", id, p.Status, p.Gate)
		}
	}
}
