package evaluate

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// An option that a mandatory, committed or forced-in project needs
// through together (alone, or mixed with depends_on) decides its choice
// as one needed through depends_on does: the plan runs it, the choice
// says who needs it and through what, and the option it beat is no
// flagship (review qa15e E1, E8). Work in progress takes the option it
// needs as committed work does (review Q7: running work is at least as
// binding; it only warned that its partner or dependency was out, and
// the strategy took the other option). Rank order and every objective
// agree.
func TestOptionNeededThroughTogether(t *testing.T) {
	const head = `roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-07-01"
}

goal "g" {
  weight = 1
}

project "o1" {
  goals    = { g = 0.9 }
  duration = 1
}

project "o2" {
  goals    = { g = 0.5 }
  duration = 1
}

choice "k" {
  options = [project.o1, project.o2]
}
`
	// project writes a project block: id, then its extra lines.
	project := func(id string, lines ...string) string {
		return "\nproject \"" + id + "\" {\n  goals    = { g = 0.1 }\n  duration = 1\n" + strings.Join(lines, "\n") + "\n}\n"
	}
	const (
		mandatory = "  mandatory = true"
		committed = `  status = "committed"`
		started   = "  status = \"in_progress\"\n  started = \"2027-04-01\"\n  progress {\n    percent_complete = 0.5\n  }"
	)
	tests := []struct {
		name      string
		src       string
		forceIn   []string
		chosen    string
		decidedBy string
		reason    string // the choice's reason in every plan
		flagship  string // "" for none
		warning   map[string]string
	}{
		{
			name:      "mandatory, depends_on then together",
			src:       project("x", mandatory, "  depends_on = [project.mid]") + project("mid", "  together = [project.o2]"),
			chosen:    "o2",
			decidedBy: DecidedMandatory,
			reason:    `mandatory project "x" needs it (depends_on "mid", together), so the choice takes it before the other options`,
			flagship:  "mid",
		},
		{
			name:      "mandatory, together",
			src:       project("x", mandatory, "  together = [project.o2]"),
			chosen:    "o2",
			decidedBy: DecidedMandatory,
			reason:    `mandatory project "x" needs it (together), so the choice takes it before the other options`,
		},
		{
			name:      "mandatory, together then depends_on",
			src:       project("x", mandatory, "  together = [project.mid]") + project("mid", "  depends_on = [project.o2]"),
			chosen:    "o2",
			decidedBy: DecidedMandatory,
			reason:    `mandatory project "x" needs it (together "mid", depends_on), so the choice takes it before the other options`,
			flagship:  "mid",
		},
		{
			name: "mandatory, a long chain: three links named",
			src: project("x", mandatory, "  depends_on = [project.m1]") + project("m1", "  together = [project.m2]") +
				project("m2", "  depends_on = [project.m3]") + project("m3", "  depends_on = [project.m4]") + project("m4", "  together = [project.o2]"),
			chosen:    "o2",
			decidedBy: DecidedMandatory,
			reason:    `mandatory project "x" needs it (depends_on "m1", together "m2", depends_on "m3", 1 more link, together), so the choice takes it before the other options`,
			flagship:  "m1",
		},
		{
			name:      "forced in, depends_on then together",
			src:       project("x", "  depends_on = [project.mid]") + project("mid", "  together = [project.o2]"),
			forceIn:   []string{"x"},
			chosen:    "o2",
			decidedBy: DecidedForced,
			reason:    `"x", forced in (--force-in), needs it (depends_on "mid", together), so the choice takes it before the other options`,
			flagship:  "mid",
		},
		{
			name:      "committed, together",
			src:       project("a", committed, "  together = [project.o2]"),
			chosen:    "o2",
			decidedBy: DecidedStatus,
			reason:    `committed project "a" needs it (together), so the choice takes it before the other options`,
		},
		{
			name:      "in progress, together",
			src:       project("a", started, "  together = [project.o2]"),
			chosen:    "o2",
			decidedBy: DecidedStatus,
			reason:    `project "a", in progress, needs it (together), so the choice takes it before the other options`,
		},
		{
			name:      "in progress, depends_on",
			src:       project("a", started, "  depends_on = [project.o2]"),
			chosen:    "o2",
			decidedBy: DecidedStatus,
			reason:    `project "a", in progress, needs it (depends_on), so the choice takes it before the other options`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, diags := hclspec.NewLoader().LoadSources("needed", map[string][]byte{"main.hcl": []byte(head + tc.src)}, hclspec.LoadOptions{})
			if diags.HasErrors() {
				t.Fatalf("load: %v", diags)
			}
			runs := []Options{{ForceIn: tc.forceIn}}
			for _, obj := range []hclspec.Objective{hclspec.ObjectiveScore, hclspec.ObjectiveNPV, hclspec.ObjectiveRiskAdjustedNPV, hclspec.ObjectiveFinish} {
				runs = append(runs, Options{ForceIn: tc.forceIn, Optimize: true, Objective: string(obj), Seed: 1, TimeLimit: time.Minute})
			}
			for _, opts := range runs {
				plan, diags := Evaluate(context.Background(), cfg, opts)
				if plan == nil || diags.HasErrors() {
					t.Fatalf("objective %q: evaluate: %v", opts.Objective, diags)
				}
				ch := plan.Choices[0]
				if ch.Chosen == nil || *ch.Chosen != tc.chosen {
					t.Errorf("objective %q: chosen %v, want %s", opts.Objective, ch.Chosen, tc.chosen)
				}
				switch {
				case tc.decidedBy == "" && !opts.Optimize && ch.DecidedBy != DecidedStrategy:
					t.Errorf("rank order: decided by %q (%s), want the strategy", ch.DecidedBy, ch.Reason)
				case tc.decidedBy == "" && opts.Optimize && ch.DecidedBy != DecidedOptimizer:
					t.Errorf("objective %q: decided by %q (%s), want the optimiser", opts.Objective, ch.DecidedBy, ch.Reason)
				case tc.decidedBy != "" && (ch.DecidedBy != tc.decidedBy || ch.Reason != tc.reason):
					t.Errorf("objective %q: decided by %q: %q\nwant %q: %q", opts.Objective, ch.DecidedBy, ch.Reason, tc.decidedBy, tc.reason)
				}
				flagship := ""
				if f := plan.Roadmap.Flagship; f != nil {
					flagship = *f
				}
				if flagship != tc.flagship {
					t.Errorf("objective %q: flagship %q, want %q", opts.Objective, flagship, tc.flagship)
				}
				for _, p := range plan.Projects {
					var warnings []string
					for _, f := range p.Findings {
						if f.Severity == SeverityWarning && (f.Gate == GateTogether || f.Gate == GateViability) {
							warnings = append(warnings, f.Message)
						}
					}
					var want []string
					if w, ok := tc.warning[p.ID]; ok {
						want = []string{w}
					}
					if diff := cmp.Diff(want, warnings); diff != "" {
						t.Errorf("objective %q: %s's warnings (-want +got):\n%s", opts.Objective, p.ID, diff)
					}
					// The choice's losing option never runs; what needs
					// the chosen one does.
					if id := p.ID; (id == "o1" || id == "o2") && id != tc.chosen && p.Status != StatusDropped {
						t.Errorf("objective %q: %s is %s, want dropped", opts.Objective, id, p.Status)
					}
					if p.ID != "o1" && p.ID != "o2" && p.Status != StatusScheduled {
						t.Errorf("objective %q: %s is %s, want scheduled", opts.Objective, p.ID, p.Status)
					}
				}
			}
		})
	}
}
