package evaluate

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// TestChoiceTakesOptionMandatoryNeeds: an option a mandatory or
// forced-in project needs through depends_on (directly or not) is the
// one its choice takes, though another option ranks better: rank order
// used to take the better option, drop the needed one and what needs it,
// and fail policy.mandatory.
func TestChoiceTakesOptionMandatoryNeeds(t *testing.T) {
	src := func(mandatory bool) string {
		return fmt.Sprintf(`roadmap {
  start   = "2027-Q1"
  horizon = 8
}
goal "g" { weight = 1 }
team "t" {
  capacity     = 4
  cost_per_fte = 10000
}
project "o1" {
  goals    = { g = 0.6 }
  duration = 1
  effort   = { t = 1 }
}
project "o2" {
  goals    = { g = 0.5 }
  duration = 1
  effort   = { t = 1 }
}
project "mid" {
  goals      = { g = 0.1 }
  duration   = 1
  depends_on = [project.o2]
}
project "dep2" {
  goals      = { g = 0.1 }
  duration   = 1
  depends_on = [project.mid]
  mandatory  = %t
}
choice "x" { options = [project.o1, project.o2] }
`, mandatory)
	}
	tests := []struct {
		name      string
		mandatory bool
		opts      Options
		decided   string
		reason    string
	}{
		{"mandatory", true, Options{}, DecidedMandatory, `mandatory project "dep2" needs it (depends_on), so the choice takes it before the other options`},
		{"forced in", false, Options{ForceIn: []string{"dep2"}}, DecidedForced, `"dep2", forced in (--force-in), needs it (depends_on), so the choice takes it before the other options`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags := hclspec.NewLoader().LoadSources("needs", map[string][]byte{"main.hcl": []byte(src(tt.mandatory))}, hclspec.LoadOptions{})
			if diags.HasErrors() {
				t.Fatalf("load: %v", diags)
			}
			plan := evaluateWith(t, cfg, tt.opts)
			want := map[string]fate{"o1": {StatusDropped, GateChoice}, "o2": {StatusScheduled, ""},
				"mid": {StatusScheduled, ""}, "dep2": {StatusScheduled, ""}}
			if diff := cmp.Diff(want, fates(plan)); diff != "" {
				t.Fatalf("outcomes (-want +got):\n%s", diff)
			}
			got := plan.Choices[0]
			if got.Chosen == nil || *got.Chosen != "o2" || got.DecidedBy != tt.decided || got.Reason != tt.reason {
				t.Errorf("choice x: chosen %v, decided by %q, reason %q; want o2, %q, %q", got.Chosen, got.DecidedBy, got.Reason, tt.decided, tt.reason)
			}
			noDroppedFlagship(t, plan)
			for _, c := range plan.Checks {
				if !c.Passed && c.Severity == SeverityError {
					t.Errorf("check %s fails: %s", c.ID, c.Message)
				}
			}
		})
	}
}
