package evaluate

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A mandatory project takes the dependencies it needs along at its turn
// (all or nothing), ahead of the flagship and lower ranks, under rank
// order and --optimize; so does a mandatory option with its together
// group, which then wins its choice. Before, the flagship took the room
// (m3: "must" deferred, policy.mandatory failed, --optimize kept it so
// as the flagship never starts later), or a lower group pulled the rival
// option first (m5: "m" dropped, "option r chosen", while r was chosen
// because m was out). The independent review of issue 15, N6 and N8.
func TestMandatoryTakesItsDependenciesAlong(t *testing.T) {
	m3 := `roadmap {
  start   = "2027-Q1"
  horizon = 5
}
goal "g" { weight = 1 }
team "t0" { capacity = 3 }
project "big" {
  duration = 2
  effort   = { t0 = 2 }
  goals    = { g = 0.8 }
}
project "dep" {
  duration = 1
  effort   = { t0 = 2 }
  goals    = { g = 0.1 }
}
project "must" {
  duration   = 3
  mandatory  = true
  depends_on = [project.dep]
}
`
	m5 := `roadmap {
  start   = "2027-Q1"
  horizon = 4
}
goal "g" { weight = 1 }
project "m" {
  duration   = 1
  mandatory  = true
  together   = [project.q]
  depends_on = [project.q]
}
project "q" {
  duration = 1
  goals    = { g = 0.4 }
}
project "r" {
  duration = 1
  goals    = { g = 0.3 }
}
choice "c" { options = [project.m, project.r] }
project "f" {
  duration = 1
  goals    = { g = 0.9 }
  together = [project.g2]
}
project "g2" {
  duration   = 1
  goals      = { g = 0.5 }
  depends_on = [project.r]
}
`
	fc := `roadmap {
  start   = "2027-Q1"
  horizon = 4
}
goal "g" { weight = 1 }
team "t" { capacity = 1 }
project "m" {
  duration  = 4
  effort    = { t = 1 }
  goals     = { g = 0.2 }
  mandatory = true
}
project "a" {
  duration = 1
  effort   = { t = 1 }
  goals    = { g = 0.9 }
}
project "b" {
  duration = 1
  goals    = { g = 0.5 }
}
choice "k" { options = [project.a, project.b] }
`
	// m4: m without a group; f's group needs r, the rival option.
	m4 := strings.Replace(strings.Replace(m5, "  together   = [project.q]\n  depends_on = [project.q]\n", "", 1),
		"project \"q\" {\n  duration = 1\n  goals    = { g = 0.4 }\n}\n", "", 1)
	for _, tc := range []struct {
		name    string
		src     string
		forceIn []string
		want    map[string]fate
		starts  map[string]string
		reasons map[string][]string // or the notes of a project scheduled
	}{
		{
			name: "m3", src: m3,
			want:    map[string]fate{"must": {StatusScheduled, ""}, "dep": {StatusScheduled, ""}, "big": {StatusScheduled, ""}},
			starts:  map[string]string{"dep": "2027-Q1", "must": "2027-Q2", "big": "2027-Q2"},
			reasons: map[string][]string{"dep": {`placed ahead of its rank (3): "must" (rank 1, mandatory) needs it, and is placed at its turn with the dependencies it needs`}},
		},
		{
			name: "m3, must forced in instead", src: strings.Replace(m3, "mandatory  = true", "", 1), forceIn: []string{"must"},
			want:    map[string]fate{"must": {StatusScheduled, ""}, "dep": {StatusScheduled, ""}, "big": {StatusScheduled, ""}},
			starts:  map[string]string{"dep": "2027-Q1", "must": "2027-Q2", "big": "2027-Q2"},
			reasons: map[string][]string{"dep": {`placed ahead of its rank (3): "must" (rank 1, forced in) needs it, and is placed at its turn with the dependencies it needs`}},
		},
		{
			// A forced-in option decides its choice whether or not it
			// fits (review qa15e E6: "b" ran in the what-if that
			// forces "a" in).
			name: "fc", src: fc, forceIn: []string{"a"},
			want:    map[string]fate{"m": {StatusScheduled, ""}, "a": {StatusDeferred, "schedule"}, "b": {StatusDropped, GateChoice}},
			reasons: map[string][]string{"b": {`option "a" of choice "k" is forced in`}},
		},
		{
			// Committed work outranks the flagship, so it takes its
			// lower-ranked prerequisite along too (review qa15e E5:
			// "must" was deferred in rank order, exit 0).
			name: "m3, must committed instead",
			src: strings.Replace(strings.Replace(m3, "mandatory  = true", `status     = "committed"`, 1),
				"horizon = 5\n", "horizon = 5\n  as_of   = \"2027-01-01\"\n", 1),
			want:    map[string]fate{"must": {StatusScheduled, ""}, "dep": {StatusScheduled, ""}, "big": {StatusScheduled, ""}},
			starts:  map[string]string{"dep": "2027-Q1", "must": "2027-Q2", "big": "2027-Q2"},
			reasons: map[string][]string{"dep": {`placed ahead of its rank (3): "must" (rank 1, committed) needs it, and is placed at its turn with the dependencies it needs`}},
		},
		{
			name: "m5", src: m5,
			want: map[string]fate{"m": {StatusScheduled, ""}, "q": {StatusScheduled, ""}, "r": {StatusDropped, GateChoice},
				"f": {StatusDropped, GateTogether}, "g2": {StatusDropped, GateViability}},
			starts: map[string]string{"q": "2027-Q1", "m": "2027-Q2"},
			reasons: map[string][]string{"r": {`option "m" of choice "c" is mandatory`},
				"g2": {`depends on dropped project "r" (option "m" of choice "c" is mandatory)`},
				"f":  {`runs together with "g2", which is dropped (depends on dropped project "r")`}},
		},
		{
			name: "m4", src: m4,
			want: map[string]fate{"m": {StatusScheduled, ""}, "r": {StatusDropped, GateChoice},
				"f": {StatusDropped, GateTogether}, "g2": {StatusDropped, GateViability}},
			starts: map[string]string{"m": "2027-Q1"},
			reasons: map[string][]string{"r": {`option "m" of choice "c" is mandatory`},
				"g2": {`depends on dropped project "r" (option "m" of choice "c" is mandatory)`},
				"f":  {`runs together with "g2", which is dropped (depends on dropped project "r")`}},
		},
	} {
		for _, optimize := range []bool{false, true} {
			opts := Options{Optimize: optimize, ForceIn: tc.forceIn}
			plan := evaluateWith(t, loadSource(t, tc.src), opts)
			if diff := cmp.Diff(tc.want, fates(plan)); diff != "" {
				t.Errorf("%s, optimize %v: outcomes (-want +got):\n%s", tc.name, optimize, diff)
			}
			for id, want := range tc.starts {
				if p := projectByID(t, plan, id); p.Start == nil || *p.Start != want {
					t.Errorf("%s, optimize %v: %s starts %v, want %s", tc.name, optimize, id, p.Start, want)
				}
			}
			for id, want := range tc.reasons {
				p := projectByID(t, plan, id)
				got := p.Reasons
				if p.Status == StatusScheduled {
					got = nil
					for _, n := range p.Notes {
						got = append(got, n.Message)
					}
				}
				if !cmp.Equal(got, want) {
					t.Errorf("%s, optimize %v: %s's reasons %q, want %q", tc.name, optimize, id, got, want)
				}
			}
			for _, c := range plan.Checks {
				if !c.Passed {
					t.Errorf("%s, optimize %v: check %s fails: %s", tc.name, optimize, c.ID, c.Message)
				}
			}
		}
	}
}
