package report

import (
	"testing"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

func TestDelayNote(t *testing.T) {
	intp := func(i int) *int { return &i }
	periods := []evaluate.PeriodPlan{
		{Index: 0, Label: "Q1", Teams: map[string]evaluate.TeamLoad{"apps": {Capacity: 6, Used: 6}, "data": {Capacity: 2, Used: 0}}},
		{Index: 1, Label: "Q2", Teams: map[string]evaluate.TeamLoad{"apps": {Capacity: 6, Used: 4}, "data": {Capacity: 2, Used: 2}}},
		{Index: 2, Label: "Q3", Teams: map[string]evaluate.TeamLoad{"apps": {Capacity: 6, Used: 5}, "data": {Capacity: 2, Used: 1}}},
	}
	dep := evaluate.ProjectPlan{ID: "sso", Status: evaluate.StatusScheduled, StartPeriod: intp(0), EndPeriod: intp(2)}
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
		{"dependency", evaluate.ProjectPlan{Status: evaluate.StatusScheduled, StartPeriod: intp(2), DependsOn: []string{"sso"}, Effort: map[string]float64{"data": 1}},
			"starts when sso ends; waited for data: 1 FTE not free in Q2"},
		{"no visible cause", evaluate.ProjectPlan{Status: evaluate.StatusScheduled, StartPeriod: intp(1), Effort: map[string]float64{"data": 2}}, ""},
	}
	for _, c := range cases {
		p := &evaluate.Plan{Periods: periods, Projects: []evaluate.ProjectPlan{dep, c.pr},
			Teams: []evaluate.TeamInfo{{ID: "apps"}, {ID: "data"}}}
		if got := delayNote(p, c.pr); got != c.want {
			t.Errorf("%s: delayNote = %q, want %q", c.name, got, c.want)
		}
	}
}
