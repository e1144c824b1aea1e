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
			"a": {`runs together with "b", which is dropped (option "c" chosen in choice "k")`},
			"b": {`option "c" chosen in choice "k"`},
			"c": nil, "d": nil,
			"e": {`depends on dropped project "a"`},
		}
		if diff := cmp.Diff(wantReasons, reasons, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("optimize %v: reasons (-want +got):\n%s", opts.Optimize, diff)
		}
	}
}

// A forced-in or mandatory project carries what it cannot run without
// past the soft gates: a together partner or a dependency over the risk
// appetite runs, with a warning naming the forced-in or mandatory
// project, instead of leaving it "forced in" yet dropped (the independent
// review's case k, issue 15 F11), or failing policy.mandatory. An
// excluded partner stays an error.
func TestForcedInCarriesWhatItNeeds(t *testing.T) {
	src := func(link string) string {
		return `roadmap {
  start         = "2027-Q1"
  horizon       = 6
  risk_appetite = 0.5
}
goal "g" { weight = 1 }
team "t" {
  capacity     = 10
  cost_per_fte = 10000
}
project "p3" {
  goals    = { g = 0.5 }
  duration = 1
  effort   = { t = 1 }
  ` + link + `
}
project "p4" {
  goals    = { g = 0.5 }
  duration = 1
  effort   = { t = 1 }
  risk { failure = 0.9 }
}
`
	}
	const warning = `forced in with "p3", which cannot run without it, past this gate: risk 0.9 exceeds the risk appetite of 0.5`
	// A mandatory project carries them too (it was dropped with its
	// partner, and policy.mandatory failed).
	const mandatoryWarning = `runs with mandatory project "p3", which cannot run without it, past this gate: risk 0.9 exceeds the risk appetite of 0.5`
	both := map[string]fate{"p3": {StatusScheduled, ""}, "p4": {StatusScheduled, ""}}
	for _, tc := range []struct {
		name, link string
		opts       Options
		want       map[string]fate
		warned     string
	}{
		{"together, not forced", "together = [project.p4]", Options{},
			map[string]fate{"p3": {StatusDropped, GateTogether}, "p4": {StatusDropped, GateRisk}}, ""},
		{"together, forced in", "together = [project.p4]", Options{ForceIn: []string{"p3"}}, both, warning},
		{"depends_on, forced in", "depends_on = [project.p4]", Options{ForceIn: []string{"p3"}}, both, warning},
		{"together, forced in, optimised", "together = [project.p4]", Options{ForceIn: []string{"p3"}, Optimize: true}, both, warning},
		{"together, mandatory", "together  = [project.p4]\n  mandatory = true", Options{}, both, mandatoryWarning},
		{"depends_on, mandatory, optimised", "depends_on = [project.p4]\n  mandatory  = true", Options{Optimize: true}, both, mandatoryWarning},
		{"mandatory and forced in", "depends_on = [project.p4]\n  mandatory  = true", Options{ForceIn: []string{"p3"}}, both, warning},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plan := evaluateWith(t, loadSource(t, src(tc.link)), tc.opts)
			if diff := cmp.Diff(tc.want, fates(plan)); diff != "" {
				t.Fatalf("outcomes (-want +got):\n%s", diff)
			}
			p4 := projectByID(t, plan, "p4")
			var warned string
			for _, f := range p4.Findings {
				if f.Gate == GateRisk && f.Severity == SeverityWarning {
					warned = f.Message
				}
			}
			if warned != tc.warned || p4.Forced != "" {
				t.Errorf("p4: warned %q (want %q), forced %q, findings %+v", warned, tc.warned, p4.Forced, p4.Findings)
			}
		})
	}
	cfg := loadSource(t, src("together = [project.p4]\n  excluded = false"))
	cfg.Projects[1].Excluded = true
	if _, diags := Evaluate(t.Context(), cfg, Options{ForceIn: []string{"p3"}}); !diags.HasErrors() || diags[0].Summary != "Forced-in project needs an excluded project" {
		t.Errorf("excluded partner: %v, want the error Forced-in project needs an excluded project", diags)
	}
}

// A group whose member needs an option that lost its choice can never
// run: the member is dropped as any project needing a dropped one (gate
// viability), its partners with it (gate together, naming the member and
// the option), one status for the whole group; the option is not named
// as a partner.
func TestGroupNeedingALosingOptionIsDropped(t *testing.T) {
	cfg := loadSource(t, `roadmap {
  start   = "2027-Q1"
  horizon = 8
}
goal "g" { weight = 1 }
project "c" {
  goals    = { g = 0.9 }
  duration = 1
}
project "b" {
  goals    = { g = 0.1 }
  duration = 1
}
project "a" {
  goals    = { g = 0.5 }
  duration = 1
  together = [project.x]
}
project "x" {
  goals      = { g = 0.5 }
  duration   = 1
  depends_on = [project.b]
}
choice "k" { options = [project.b, project.c] }
`)
	plan := evaluateWith(t, cfg, Options{})
	want := map[string]fate{"a": {StatusDropped, GateTogether}, "x": {StatusDropped, GateViability},
		"b": {StatusDropped, GateChoice}, "c": {StatusScheduled, ""}}
	if diff := cmp.Diff(want, fates(plan)); diff != "" {
		t.Fatalf("outcomes (-want +got):\n%s", diff)
	}
	for id, want := range map[string]string{
		"a": `runs together with "x", which is dropped (depends on dropped project "b")`,
		"x": `depends on dropped project "b" (another option of choice "k" was chosen)`,
	} {
		if got := projectByID(t, plan, id).Reasons; len(got) != 1 || got[0] != want {
			t.Errorf("%s's reasons %q, want %q", id, got, want)
		}
	}
}
