package report

import (
	"testing"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

func TestDelayNote(t *testing.T) {
	intp := func(i int) *int { return &i }
	strp := func(s string) *string { return &s }
	periods := []evaluate.PeriodPlan{
		{Index: 0, Label: "Q1", Teams: map[string]evaluate.TeamLoad{"apps": {Capacity: 6, Used: 6}, "data": {Capacity: 2, Used: 0}}},
		{Index: 1, Label: "Q2", Teams: map[string]evaluate.TeamLoad{"apps": {Capacity: 6, Used: 4}, "data": {Capacity: 2, Used: 2}}},
		{Index: 2, Label: "Q3", Teams: map[string]evaluate.TeamLoad{"apps": {Capacity: 6, Used: 5}, "data": {Capacity: 2, Used: 1}}},
	}
	dep := evaluate.ProjectPlan{ID: "sso", Status: evaluate.StatusScheduled, StartPeriod: intp(0), EndPeriod: intp(2)}
	early := evaluate.ProjectPlan{ID: "early", Status: evaluate.StatusScheduled, StartPeriod: intp(0), EndPeriod: intp(1)}
	cases := []struct {
		name string
		pr   evaluate.ProjectPlan
		want string
	}{
		{"starts at once", evaluate.ProjectPlan{Status: evaluate.StatusScheduled, StartPeriod: intp(0), Effort: map[string]float64{"apps": 3}}, ""},
		{"not scheduled", evaluate.ProjectPlan{Status: evaluate.StatusDeferred, Effort: map[string]float64{"apps": 3}}, ""},
		// apps had 0 free in Q1, 2 in Q2: both too little for 3.
		{"team full", evaluate.ProjectPlan{Status: evaluate.StatusScheduled, StartPeriod: intp(2), Effort: map[string]float64{"apps": 3}},
			"waited for apps: 3 FTE not free in Q1 – Q2"},
		// apps had room for 2 in Q2, so only data (full in Q2) explains the wait.
		{"only the binding team", evaluate.ProjectPlan{Status: evaluate.StatusScheduled, StartPeriod: intp(2), Effort: map[string]float64{"apps": 2, "data": 1}},
			"waited for data: 1 FTE not free in Q2"},
		// data was full in Q2, but sso only ended then: the dependency alone explains the wait.
		{"dependency", evaluate.ProjectPlan{Status: evaluate.StatusScheduled, StartPeriod: intp(2), DependsOn: []string{"sso"}, Effort: map[string]float64{"data": 1}},
			"starts when sso ends"},
		// sso ended after Q1; apps was full in Q2 too, so that is the wait, not Q1.
		{"team after the dependency", evaluate.ProjectPlan{Status: evaluate.StatusScheduled, StartPeriod: intp(2), DependsOn: []string{"early"}, Effort: map[string]float64{"apps": 3}},
			"waited for apps: 3 FTE not free in Q2"},
		{"no visible cause", evaluate.ProjectPlan{Status: evaluate.StatusScheduled, StartPeriod: intp(1), Effort: map[string]float64{"data": 2}}, ""},
		// apps was full in Q1 and Q2, but the project could not start before Q3 anyway.
		{"earliest_start, not the full team", evaluate.ProjectPlan{Status: evaluate.StatusScheduled, StartPeriod: intp(2),
			EarliestStart: strp("Q3"), EarliestStartPeriod: intp(2), Effort: map[string]float64{"apps": 3}},
			"starts no earlier than Q3 (earliest_start)"},
		// It could start from Q2; apps was full there, and only there counts.
		{"team after the earliest_start", evaluate.ProjectPlan{Status: evaluate.StatusScheduled, StartPeriod: intp(2),
			EarliestStart: strp("Q2"), EarliestStartPeriod: intp(1), Effort: map[string]float64{"apps": 3}},
			"waited for apps: 3 FTE not free in Q2"},
		{"earliest_start and a dependency", evaluate.ProjectPlan{Status: evaluate.StatusScheduled, StartPeriod: intp(2), DependsOn: []string{"sso"},
			EarliestStart: strp("Q3"), EarliestStartPeriod: intp(2), Effort: map[string]float64{"data": 1}},
			"starts when sso ends; starts no earlier than Q3 (earliest_start)"},
	}
	for _, c := range cases {
		p := &evaluate.Plan{Periods: periods, Projects: []evaluate.ProjectPlan{dep, early, c.pr},
			Teams: []evaluate.TeamInfo{{ID: "apps"}, {ID: "data"}}}
		if got := delayNote(p, c.pr); got != c.want {
			t.Errorf("%s: delayNote = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestDelayNoteBudget: a project that starts late because its budget's
// window had no room for its build spend says so; one whose budget had
// room says nothing about it.
func TestDelayNoteBudget(t *testing.T) {
	intp := func(i int) *int { return &i }
	// A yearly budget of 100 over four half-years: "2027" is full (90 spent
	// by others), "2028" holds the project's own 40.
	spend := func(window string, spent, windowSpent float64) map[string]evaluate.BudgetSpend {
		return map[string]evaluate.BudgetSpend{"capex": {Limit: 100, Spent: spent, Window: window, WindowSpent: windowSpent}}
	}
	periods := []evaluate.PeriodPlan{
		{Index: 0, Label: "2027-H1", Budgets: spend("2027", 90, 90)},
		{Index: 1, Label: "2027-H2", Budgets: spend("2027", 0, 90)},
		{Index: 2, Label: "2028-H1", Budgets: spend("2028", 40, 40)},
		{Index: 3, Label: "2028-H2", Budgets: spend("2028", 0, 40)},
	}
	cases := []struct {
		name string
		pr   evaluate.ProjectPlan
		want string
	}{
		{"budget full", evaluate.ProjectPlan{Status: evaluate.StatusScheduled, StartPeriod: intp(2), Duration: 1, Funding: "capex",
			CashFlows: []float64{-40, 10}}, "waited for budget capex: no room in 2027"},
		// 5 would have fitted next to the 90 of 2027: something else held it back.
		{"budget had room", evaluate.ProjectPlan{Status: evaluate.StatusScheduled, StartPeriod: intp(2), Duration: 1, Funding: "capex",
			CashFlows: []float64{-5, 10}}, ""},
		{"no budget", evaluate.ProjectPlan{Status: evaluate.StatusScheduled, StartPeriod: intp(2), Duration: 1, CashFlows: []float64{-40}}, ""},
	}
	for _, c := range cases {
		p := &evaluate.Plan{Periods: periods, Projects: []evaluate.ProjectPlan{c.pr}}
		if got := delayNote(p, c.pr); got != c.want {
			t.Errorf("%s: delayNote = %q, want %q", c.name, got, c.want)
		}
	}
	if got, want := joinWindows([]string{"a", "b", "c", "d"}), "a … d (4 windows)"; got != want {
		t.Errorf("joinWindows = %q, want %q", got, want)
	}
}

// TestDelayNoteMaxParallel: a project that waited for a free slot under
// max_parallel says so.
func TestDelayNoteMaxParallel(t *testing.T) {
	intp := func(i int) *int { return &i }
	p := &evaluate.Plan{Roadmap: evaluate.RoadmapInfo{MaxParallel: 2}, Periods: []evaluate.PeriodPlan{
		{Index: 0, Label: "Q1", Active: []string{"a", "b"}},
		{Index: 1, Label: "Q2", Active: []string{"a", "b"}},
		{Index: 2, Label: "Q3", Active: []string{"c"}},
	}}
	pr := evaluate.ProjectPlan{ID: "c", Status: evaluate.StatusScheduled, StartPeriod: intp(2)}
	if got, want := delayNote(p, pr), "waited for a slot: max_parallel 2 reached in Q1 – Q2"; got != want {
		t.Errorf("delayNote = %q, want %q", got, want)
	}
	p.Periods[0].Active = []string{"a"}
	if got, want := delayNote(p, pr), "waited for a slot: max_parallel 2 reached in Q2"; got != want {
		t.Errorf("delayNote = %q, want %q", got, want)
	}
}
