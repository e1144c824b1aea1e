package evaluate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A together project that brings nothing of its own (a pilot) runs just
// before the partner that needs it, so a better-ranked project gets the
// team it would have held idle (review qa17 U11); one with a benefit of
// its own keeps its earliest start.
func TestPilotRunsJustInTime(t *testing.T) {
	const src = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
}
goal "g" {
  weight = 1
}
team "infra" {
  capacity = 1
}
team "apps" {
  capacity = 1
}
project "platform" {
  goals     = { g = 1 }
  mandatory = true
  duration  = 4
  effort    = { infra = 1 }
}
project "rollout" {
  goals      = { g = 0.9 }
  depends_on = [project.pilot]
  duration   = 2
  effort     = { infra = 1 }
  benefit {
    per_year = 100000
  }
}
project "portal" {
  goals    = { g = 0.5 }
  duration = 2
  effort   = { apps = 1 }
  benefit {
    per_year = 10000
  }
}
project "pilot" {
  goals    = { g = 0.1 }
  together = [project.rollout]
  duration = 1
  effort   = { apps = 1 }
  %s
}
`
	for _, tt := range []struct {
		name, extra string
		want        map[string]string
		note        string
	}{
		{"no benefit", "", map[string]string{"platform": "2027-Q1", "rollout": "2028-Q1", "portal": "2027-Q1", "pilot": "2027-Q4"},
			`runs as late as fits before "rollout", which depends on it`},
		{"benefit of its own", "benefit {\n    per_year = 1000\n  }", map[string]string{"platform": "2027-Q1", "rollout": "2028-Q1", "portal": "2027-Q2", "pilot": "2027-Q1"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			plan := choicePlan(t, fmt.Sprintf(src, tt.extra), Options{})
			got := map[string]string{}
			for id := range tt.want {
				if p := projectByID(t, plan, id); p.Start != nil {
					got[id] = *p.Start
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("starts (-want +got):\n%s", diff)
			}
			var notes []string
			for _, n := range projectByID(t, plan, "pilot").Notes {
				if n.Kind == NoteTogether {
					notes = append(notes, n.Message)
				}
			}
			if tt.note == "" && len(notes) > 0 || tt.note != "" && (len(notes) != 1 || !strings.Contains(notes[0], tt.note)) {
				t.Errorf("pilot's together notes %q, want one with %q", notes, tt.note)
			}
			for _, n := range projectByID(t, plan, "rollout").Notes {
				if n.Kind == NoteDependency && tt.note != "" {
					t.Errorf("rollout says %q: it waited for infra, not for the pilot placed before it", n.Message)
				}
			}
		})
	}
}
