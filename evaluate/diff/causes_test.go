package diff

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/diff/difftest"
)

// causePlans is a base plan where "a" runs in 2027-Q1 on platform and "x"
// in 2027-Q1..Q2, funded by capex, and an after plan where "x" is
// deferred; change edits the after plan (its inputs and x's notes).
func causePlans(change func(after *evaluate.Plan, x *evaluate.ProjectPlan)) (*evaluate.Plan, *evaluate.Plan) {
	spec := func(xStatus string, xStart int) difftest.Spec {
		return difftest.Spec{Name: "t", Horizon: 4, Budget: 1000, Teams: map[string]float64{"platform": 4},
			Projects: []difftest.Project{
				{ID: "a", Status: "scheduled", Start: 0, Dur: 1, Cost: 100, Effort: map[string]float64{"platform": 2}},
				{ID: "x", Status: xStatus, Start: xStart, Dur: 2, Cost: 300, Effort: map[string]float64{"platform": 2}},
			}}
	}
	before := difftest.Build(spec("scheduled", 0))
	after := difftest.Build(spec("deferred", -1))
	for _, p := range []*evaluate.Plan{before, after} {
		for i := range p.Projects {
			p.Projects[i].Funding = "capex"
			p.Projects[i].CashFlows = []float64{-p.Projects[i].Cost / 2, -p.Projects[i].Cost / 2}
		}
	}
	x := &after.Projects[1]
	x.Gate, x.Reasons = "schedule", []string{"r"}
	change(after, x)
	return before, after
}

func teamNote(heldBy ...string) evaluate.Note {
	return evaluate.Note{Kind: evaluate.NoteTeam, ID: "platform", HeldBy: heldBy,
		Periods: []evaluate.PeriodRange{{StartPeriod: 0, EndPeriod: 1, Start: "2027-Q1", End: "2027-Q1"}}}
}

func budgetNote(heldBy ...string) evaluate.Note {
	return evaluate.Note{Kind: evaluate.NoteBudget, ID: "capex", HeldBy: heldBy, Windows: []string{"total"},
		Periods: []evaluate.PeriodRange{{StartPeriod: 0, EndPeriod: 4, Start: "2027-Q1", End: "2027-Q4"}}}
}

func TestCauses(t *testing.T) {
	tests := []struct {
		name   string
		change func(after *evaluate.Plan, x *evaluate.ProjectPlan)
		want   []Cause
	}{
		{
			// The team is as busy as before; the budget was cut: blame
			// the budget alone.
			name: "budget cut, team unchanged",
			change: func(after *evaluate.Plan, x *evaluate.ProjectPlan) {
				after.Budgets[0].Amount = 200
				x.Notes = []evaluate.Note{teamNote("a"), budgetNote("a")}
			},
			want: []Cause{{Kind: "budget", ID: "capex", HeldBy: []string{},
				Input:   &Change{Field: "budgets.capex.amount", Before: 1000.0, After: 200.0},
				Message: `budget "capex" was cut from EUR 1,000 to EUR 200: no room in total`}},
		},
		{
			name: "budget cut, and a project added spends there",
			change: func(after *evaluate.Plan, x *evaluate.ProjectPlan) {
				after.Budgets[0].Amount = 200
				x.Notes = []evaluate.Note{budgetNote("a", "newcomer")}
			},
			want: []Cause{{Kind: "budget", ID: "capex", HeldBy: []string{"newcomer"},
				Input:   &Change{Field: "budgets.capex.amount", Before: 1000.0, After: 200.0},
				Message: `budget "capex" was cut from EUR 1,000 to EUR 200: no room in total; "newcomer" (added) now spends there`}},
		},
		{
			name: "team capacity cut",
			change: func(after *evaluate.Plan, x *evaluate.ProjectPlan) {
				after.Teams[0].Capacity = 3
				x.Notes = []evaluate.Note{teamNote("a")}
			},
			want: []Cause{{Kind: "team", ID: "platform", HeldBy: []string{},
				Input:   &Change{Field: "teams.platform.capacity", Before: 4.0, After: 3.0},
				Message: `team "platform" was cut from 4 to 3 FTE: no room for 2 FTE in 2027-Q1`}},
		},
		{
			name: "capacity cut in one period",
			change: func(after *evaluate.Plan, x *evaluate.ProjectPlan) {
				l := after.Periods[0].Teams["platform"]
				l.Capacity = 1
				after.Periods[0].Teams["platform"] = l
				x.Notes = []evaluate.Note{teamNote()}
			},
			want: []Cause{{Kind: "team", ID: "platform", HeldBy: []string{},
				Input:   &Change{Field: "teams.platform.capacity 2027-Q1", Before: 4.0, After: 1.0},
				Message: `team "platform" has 1 FTE in 2027-Q1 instead of 4: no room for 2 FTE in 2027-Q1`}},
		},
		{
			name: "its own effort grew",
			change: func(after *evaluate.Plan, x *evaluate.ProjectPlan) {
				x.Effort["platform"] = 3
				x.Notes = []evaluate.Note{teamNote("a")}
			},
			want: []Cause{{Kind: "team", ID: "platform", HeldBy: []string{},
				Input:   &Change{Field: "effort.platform", Before: 2.0, After: 3.0},
				Message: `it needs 3 FTE of team "platform" instead of 2: no room for 3 FTE in 2027-Q1`}},
		},
		{
			name: "a project added holds the team",
			change: func(after *evaluate.Plan, x *evaluate.ProjectPlan) {
				x.Notes = []evaluate.Note{teamNote("a", "newcomer")}
			},
			want: []Cause{{Kind: "team", ID: "platform", HeldBy: []string{"newcomer"},
				Message: `team "platform" has no room for 2 FTE in 2027-Q1: "newcomer" (added) now holds it`}},
		},
		{
			name: "max_parallel lowered",
			change: func(after *evaluate.Plan, x *evaluate.ProjectPlan) {
				after.Roadmap.MaxParallel = 1
				x.Notes = []evaluate.Note{{Kind: evaluate.NoteMaxParallel, HeldBy: []string{"a"},
					Periods: []evaluate.PeriodRange{{StartPeriod: 0, EndPeriod: 1, Start: "2027-Q1", End: "2027-Q1"}}}}
			},
			want: []Cause{{Kind: "max_parallel", HeldBy: []string{},
				Input:   &Change{Field: "max_parallel", Before: 0, After: 1},
				Message: "max_parallel was lowered from no limit to 1: reached in 2027-Q1"}},
		},
		{
			name: "its deadline moved",
			change: func(after *evaluate.Plan, x *evaluate.ProjectPlan) {
				x.Deadline = ptr("2027-Q1")
				x.Notes = []evaluate.Note{{Kind: evaluate.NoteDeadline, Message: "cannot finish by its deadline 2027-Q1"}}
			},
			want: []Cause{{Kind: "deadline", HeldBy: []string{},
				Input:   &Change{Field: "deadline", Before: nil, After: "2027-Q1"},
				Message: "its deadline moved from none to 2027-Q1"}},
		},
		{
			name: "nothing changed that the plans show",
			change: func(after *evaluate.Plan, x *evaluate.ProjectPlan) {
				x.Notes = []evaluate.Note{teamNote("a"), budgetNote("a")}
			},
			want: []Cause{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, after := causePlans(tt.change)
			d := Diff(before, after)
			var x *ProjectChange
			for i := range d.Projects {
				if d.Projects[i].ID == "x" {
					x = &d.Projects[i]
				}
			}
			if x == nil || x.Effect != EffectDefer {
				t.Fatalf("x not deferred in the diff: %+v", d.Projects)
			}
			if diff := cmp.Diff(tt.want, x.Causes); diff != "" {
				t.Errorf("causes (-want +got):\n%s", diff)
			}
			var msgs []string
			for _, c := range x.Causes {
				msgs = append(msgs, c.Message)
			}
			if len(msgs) > 0 && !cmp.Equal(msgs, x.Notes) {
				t.Errorf("notes %q, want the causes' messages %q", x.Notes, msgs)
			}
		})
	}
}

// A project that now starts later than before is explained the same way;
// one that starts earlier, or did not move, is not.
func TestCausesOfALaterStart(t *testing.T) {
	before := simple([]string{"a", "b"}, 0, 0)
	after := simple([]string{"a", "b"}, 0, 2)
	after.Teams[0].Capacity = 1
	after.Projects[1].Notes = []evaluate.Note{teamNote("a")}
	d := Diff(before, after)
	var b ProjectChange
	for _, p := range d.Projects {
		if p.ID == "b" {
			b = p
		}
	}
	if len(b.Causes) != 1 || b.Causes[0].Input == nil || b.Causes[0].Input.Field != "teams.platform.capacity" {
		t.Errorf("b's causes: %+v", b.Causes)
	}
	earlier := Diff(after, before)
	for _, p := range earlier.Projects {
		if len(p.Causes) != 0 {
			t.Errorf("%s starts earlier, yet has causes %+v", p.ID, p.Causes)
		}
	}
}

// A holder that ran elsewhere in the base and moved into the note's
// periods is new there; one that already ran there is not.
func TestCausesMovedHolder(t *testing.T) {
	for _, tc := range []struct {
		baseStart int
		want      []string
	}{{2, []string{"a"}}, {0, []string{}}} {
		before, after := causePlans(func(after *evaluate.Plan, x *evaluate.ProjectPlan) {
			x.Notes = []evaluate.Note{teamNote("a")}
		})
		a := &before.Projects[0]
		s, e := tc.baseStart, tc.baseStart+1
		a.StartPeriod, a.EndPeriod = &s, &e
		a.Start, a.End = &before.Periods[s].Label, &before.Periods[s].Label
		d := Diff(before, after)
		var got []Cause
		for _, p := range d.Projects {
			if p.ID == "x" {
				got = p.Causes
			}
		}
		var held []string
		for _, c := range got {
			held = append(held, c.HeldBy...)
		}
		if held == nil {
			held = []string{}
		}
		if diff := cmp.Diff(tc.want, held); diff != "" {
			t.Errorf("a ran from period %d in the base: new holders (-want +got):\n%s", tc.baseStart, diff)
		}
		if len(tc.want) > 0 && (len(got) != 1 || got[0].Message != `team "platform" has no room for 2 FTE in 2027-Q1: "a" now holds it`) {
			t.Errorf("causes %+v", got)
		}
	}
}

// A cause names at most three budget windows, however many the note has
// (a monthly roadmap over decades has hundreds of yearly windows).
func TestCauseWindowsAreCapped(t *testing.T) {
	before, after := causePlans(func(after *evaluate.Plan, x *evaluate.ProjectPlan) {
		after.Budgets[0].Amount = 200
		n := budgetNote()
		n.Windows = []string{"2027", "2028", "2029", "2030", "2031"}
		x.Notes = []evaluate.Note{n}
	})
	d := Diff(before, after)
	for _, p := range d.Projects {
		if p.ID != "x" {
			continue
		}
		want := `budget "capex" was cut from EUR 1,000 to EUR 200: no room in 2027, 2028, 2029 and 2 more windows`
		if len(p.Causes) != 1 || p.Causes[0].Message != want {
			t.Errorf("causes %+v, want one: %s", p.Causes, want)
		}
	}
}
