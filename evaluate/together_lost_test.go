package evaluate

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// TestGroupWhosePrerequisiteLostItsChoice: a together group that needs
// (through depends_on, directly or not) an option that lost its choice
// can never run: the member that needs it is dropped with gate
// viability, naming the dropped project it depends on, and its partners
// with gate together, naming it, in rank order and optimised. They used
// to say the option "does not fit".
func TestGroupWhosePrerequisiteLostItsChoice(t *testing.T) {
	src := func(indirect bool) string {
		needs := "project.o2"
		mid := ""
		if indirect {
			needs = "project.mid"
			mid = `project "mid" {
  duration   = 1
  goals      = { g = 0.05 }
  depends_on = [project.o2]
}
`
		}
		return fmt.Sprintf(`roadmap {
  start   = "2027-Q1"
  horizon = 8
}
goal "g" { weight = 1 }
project "o1" {
  duration = 1
  goals    = { g = 0.9 }
}
project "o2" {
  duration = 1
  goals    = { g = 0.1 }
}
project "a" {
  duration   = 1
  goals      = { g = 0.6 }
  depends_on = [%s]
  together   = [project.b]
}
project "b" {
  duration = 1
  goals    = { g = 0.5 }
}
%schoice "k" { options = [project.o1, project.o2] }
`, needs, mid)
	}
	const lost = `depends on dropped project "o2" (another option of choice "k" was chosen)`
	tests := []struct {
		name             string
		indirect         bool
		opts             Options
		reasonA, reasonB string
	}{
		{"direct", false, Options{}, lost, `runs together with "a", which is dropped (depends on dropped project "o2")`},
		{"direct, optimised", false, Options{Optimize: true, Seed: 1}, lost, `runs together with "a", which is dropped (depends on dropped project "o2")`},
		{"through another project", true, Options{}, `depends on dropped project "mid"`, `runs together with "a", which is dropped (depends on dropped project "mid")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags := hclspec.NewLoader().LoadSources("lost", map[string][]byte{"main.hcl": []byte(src(tt.indirect))}, hclspec.LoadOptions{})
			if diags.HasErrors() {
				t.Fatalf("load: %v", diags)
			}
			plan := evaluateWith(t, cfg, tt.opts)
			want := map[string]fate{"o1": {StatusScheduled, ""}, "o2": {StatusDropped, GateChoice},
				"a": {StatusDropped, GateViability}, "b": {StatusDropped, GateTogether}}
			if tt.indirect {
				want["mid"] = fate{StatusDropped, GateViability}
			}
			if diff := cmp.Diff(want, fates(plan)); diff != "" {
				t.Fatalf("outcomes (-want +got):\n%s", diff)
			}
			reasons := map[string][]string{}
			for _, p := range plan.Projects {
				reasons[p.ID] = p.Reasons
			}
			if diff := cmp.Diff([]string{tt.reasonA}, reasons["a"]); diff != "" {
				t.Errorf("a's reasons (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]string{tt.reasonB}, reasons["b"]); diff != "" {
				t.Errorf("b's reasons (-want +got):\n%s", diff)
			}
			if tt.indirect {
				if diff := cmp.Diff([]string{lost}, reasons["mid"]); diff != "" {
					t.Errorf("mid's reasons (-want +got):\n%s", diff)
				}
			}
		})
	}
}
