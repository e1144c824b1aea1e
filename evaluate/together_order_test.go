package evaluate

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// loadSource loads one main.hcl.
func loadSource(t *testing.T, src string) *hclspec.Config {
	t.Helper()
	cfg, diags := hclspec.NewLoader().LoadSources("src", map[string][]byte{"main.hcl": []byte(src)}, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatalf("load: %v", diags)
	}
	return cfg
}

// A together group with a mandatory member fits when its members' long
// dependency goes first: rank order placed the member without
// dependencies first, the dependency no longer fitted, the group was
// deferred and policy.mandatory failed, though --optimize met it (the
// independent review's case w3, issue 15 F15).
func TestTogetherGroupWithMandatoryMemberFits(t *testing.T) {
	cfg := loadSource(t, `roadmap {
  start   = "2027-Q1"
  horizon = 6
}
goal "g" { weight = 1 }
team "t" {
  capacity     = 2
  cost_per_fte = 10000
  max_parallel = 2
}
team "u" {
  capacity     = 1
  cost_per_fte = 10000
}
project "p0" {
  goals    = { g = 0.02 }
  duration = 3
  effort   = { u = 1 }
}
project "p1" {
  goals      = { g = 0.8 }
  duration   = 2
  depends_on = [project.p0]
  together   = [project.p2]
  mandatory  = true
}
project "p2" {
  goals    = { g = 0.22 }
  duration = 1
  effort   = { t = 1, u = 1 }
}
project "p5" {
  goals     = { g = 0.62 }
  duration  = 2
  effort    = { t = 2 }
  mandatory = true
}
`)
	for _, opts := range []Options{{}, {Optimize: true}} {
		plan := evaluateWith(t, cfg, opts)
		want := map[string]fate{"p0": {StatusScheduled, ""}, "p1": {StatusScheduled, ""}, "p2": {StatusScheduled, ""}, "p5": {StatusScheduled, ""}}
		if diff := cmp.Diff(want, fates(plan)); diff != "" {
			t.Errorf("optimize %v: outcomes (-want +got):\n%s", opts.Optimize, diff)
		}
		for _, c := range plan.Checks {
			if !c.Passed {
				t.Errorf("optimize %v: check %s fails: %s", opts.Optimize, c.ID, c.Message)
			}
		}
	}
}

// An option that loses its choice while its together group comes up is
// dropped with gate choice, like any option that loses, and its partner
// with gate together, under rank order and --optimize: it was "deferred
// ... does not fit itself: option "c" of its choice is chosen" (the
// independent review's case r, issue 15 F12).
func TestOptionLosingThroughItsGroupIsDropped(t *testing.T) {
	cfg := loadSource(t, `roadmap {
  start   = "2027-Q1"
  horizon = 8
}
goal "g" { weight = 1 }
project "a" {
  goals    = { g = 0.1 }
  duration = 1
  together = [project.b]
}
project "b" {
  goals    = { g = 0.5 }
  duration = 1
}
project "c" {
  goals    = { g = 0.6 }
  duration = 1
}
project "d" {
  mandatory = true
  duration  = 1
  together  = [project.c]
}
project "e" {
  goals      = { g = 0.1 }
  duration   = 1
  depends_on = [project.a]
}
choice "k" { options = [project.b, project.c] }
`)
	for _, opts := range []Options{{}, {Optimize: true}} {
		plan := evaluateWith(t, cfg, opts)
		want := map[string]fate{"a": {StatusDropped, GateTogether}, "b": {StatusDropped, GateChoice},
			"c": {StatusScheduled, ""}, "d": {StatusScheduled, ""}, "e": {StatusDropped, GateViability}}
		if diff := cmp.Diff(want, fates(plan)); diff != "" {
			t.Errorf("optimize %v: outcomes (-want +got):\n%s", opts.Optimize, diff)
		}
		reasons := map[string][]string{}
		for _, p := range plan.Projects {
			reasons[p.ID] = p.Reasons
		}
		wantReasons := map[string][]string{
			"a": {`runs together with "b", which is dropped (option c chosen in choice k)`},
			"b": {"option c chosen in choice k"},
			"c": nil, "d": nil,
			"e": {`depends on dropped project "a"`},
		}
		if diff := cmp.Diff(wantReasons, reasons, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("optimize %v: reasons (-want +got):\n%s", opts.Optimize, diff)
		}
	}
}
