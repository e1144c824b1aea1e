package evaluate

import (
	"slices"
	"strings"
	"testing"
)

// A note names everything that fills the room it waited for (qa15f F4):
// work in progress holds a team slot and its budget spend like a placed
// project, and a budget window's spend to date is counted; a project that
// overflows a window on its own says so instead of blaming the others
// (qa15f L25). Worked by hand, quarters from 2027-Q1, capex 300,000 a
// year:
//
//	ip: in progress since 2027-Q1, 50% done at the status date 2027-Q3,
//	  so 2 quarters remain (2027-Q3..Q4), 200,000 spent to date (2027),
//	  to complete 50,000 + 1 FTE x 10,000 x 2 = 70,000 in 2027.
//	p: 1 quarter, 150,000 + 10,000: 2027 holds 270,000 already, and team
//	  infra runs its max_parallel 1 (ip) to 2027-Q4: p starts 2028-Q1.
//	big: 4 quarters, 120,000 on a 100,000-a-year budget, deadline
//	  2027-Q4: it must start in 2027-Q1 and spend it all in 2027.
func TestNotesNameWorkInProgressAndHistory(t *testing.T) {
	for _, tt := range []struct {
		name, src, project, kind string
		want                     []string // parts of the note's message
		heldBy                   []string
	}{
		{"slot held by work in progress", notesLiving, "p", NoteTeamParallel,
			[]string{`waited for a slot in team "infra": team "infra" runs its max_parallel of 1 project in 2027-Q3..2027-Q4 (held by "ip" (in progress))`},
			[]string{"ip"}},
		{"budget spent before the status date", notesLiving, "p", NoteBudget,
			[]string{`waited for budget "capex": no room for its build spend of EUR 160,000 in 2027 (spent by "ip" (in progress), and EUR 200,000 spent before the status date)`},
			[]string{"ip"}},
		{"over the window on its own", notesAlone, "big", NoteBudget,
			[]string{`budget "capex" has no room for its build spend of EUR 120,000 in 2027: on its own it spends more there than the EUR 100,000 the budget has for the window, whatever the others spend`},
			[]string{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := projectOf(t, livingPlan(t, tt.src), tt.project)
			var found *Note
			for k := range p.Notes {
				if p.Notes[k].Kind == tt.kind {
					found = &p.Notes[k]
				}
			}
			if found == nil {
				t.Fatalf("%s: no %s note in %+v", tt.project, tt.kind, p.Notes)
			}
			for _, w := range tt.want {
				if !strings.Contains(found.Message, w) {
					t.Errorf("note %q\nwant it to say %q", found.Message, w)
				}
			}
			if !slices.Equal(found.HeldBy, tt.heldBy) {
				t.Errorf("held_by %q, want %q", found.HeldBy, tt.heldBy)
			}
		})
	}
}

const notesLiving = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  currency = "EUR"
  as_of   = "2027-Q3"
}

team "infra" {
  capacity     = 4
  cost_per_fte = 10000
  max_parallel = 1
}

budget "capex" {
  amount = 300000
  per    = "year"
}

project "ip" {
  duration = 4
  effort   = { infra = 1 }
  status   = "in_progress"
  started  = "2027-Q1"
  cost {
    one_time = 100000
  }
  progress {
    spent            = 200000
    percent_complete = 0.5
  }
}

project "p" {
  duration = 1
  effort   = { infra = 1 }
  cost {
    one_time = 150000
  }
  benefit {
    per_year = 400000
  }
}
`

const notesAlone = `
roadmap {
  start    = "2027-Q1"
  horizon  = 8
  currency = "EUR"
}

budget "capex" {
  amount = 100000
  per    = "year"
}

project "other" {
  duration = 1
  cost {
    one_time = 10000
  }
  benefit {
    per_year = 400000
  }
}

project "big" {
  duration = 4
  deadline = "2027-Q4"
  cost {
    one_time = 120000
  }
  benefit {
    per_year = 100000
  }
}
`
