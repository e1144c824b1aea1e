package evaluate

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// --optimize never schedules fewer mandatory projects than rank order to
// fit one forced in: forcing is a what-if below what is required. Before,
// the search counted forced-in projects as mandatory and deferred "must"
// for the forced pair (the independent review of issue 15, H3: x175).
func TestOptimizeKeepsMandatoryBeforeForcedIn(t *testing.T) {
	src := `roadmap {
  start   = "2027-Q1"
  horizon = 5
}
goal "g" { weight = 1 }
team "t0" { capacity = 2 }
project "must" {
  duration  = 3
  effort    = { t0 = 2 }
  goals     = { g = 0.2 }
  mandatory = true
}
project "wish" {
  duration = 3
  goals    = { g = 0.2 }
  together = [project.mate]
}
project "mate" {
  duration = 3
  effort   = { t0 = 2 }
  goals    = { g = 0.8 }
}
`
	for _, tc := range []struct {
		name string
		src  string
		want map[string]fate
	}{
		{
			name: "no room for both",
			src:  src,
			want: map[string]fate{"must": {StatusScheduled, ""}, "wish": {StatusDeferred, GateSchedule}, "mate": {StatusDeferred, GateSchedule}},
		},
		{
			name: "room for both",
			src:  strings.Replace(src, "horizon = 5", "horizon = 6", 1),
			want: map[string]fate{"must": {StatusScheduled, ""}, "wish": {StatusScheduled, ""}, "mate": {StatusScheduled, ""}},
		},
	} {
		for _, objective := range []string{"", "score", "npv", "finish"} {
			opts := Options{Optimize: true, Objective: objective, ForceIn: []string{"wish"}}
			plan := evaluateWith(t, loadSource(t, tc.src), opts)
			if diff := cmp.Diff(tc.want, fates(plan)); diff != "" {
				t.Errorf("%s, objective %q: outcomes (-want +got):\n%s", tc.name, objective, diff)
			}
			for _, c := range plan.Checks {
				if !c.Passed {
					t.Errorf("%s, objective %q: check %s fails: %s", tc.name, objective, c.ID, c.Message)
				}
			}
		}
	}
}
