package evaluate

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// TestKeptWorkDependingOnDroppedProjects: what a project depends on may be
// dropped (at its gates, or with its together group) while the project
// itself is done, committed or in progress. A done project is history and
// stays done; a committed or started one keeps its place, and the lost
// dependency is one warning ("would fail the viability gate today (kept:
// committed)"), as its own gates are. Review qa15d D14: a done project was
// shown dropped, with a "dropped" row in the run rate, and a committed one
// was dropped and "kept" at once, whenever the roadmap had a together
// group.
func TestKeptWorkDependingOnDroppedProjects(t *testing.T) {
	const header = `roadmap {
  start         = "2027-Q1"
  horizon       = 8
  as_of         = "2027-07-01"
  risk_appetite = 0.5
}

goal "g" {
  weight = 1
}
`
	// risky fails the risk gate, so its together partner p2 is dropped
	// with it (gate together); early fails the risk gate on its own.
	const dropped = `
project "risky" {
  duration = 1
  goals    = { g = 1 }
  together = [project.p2]
  risk {
    failure = 0.9
  }
}

project "p2" {
  duration = 1
  goals    = { g = 1 }
}

project "early" {
  duration = 1
  goals    = { g = 1 }
  risk {
    failure = 0.9
  }
}
`
	keptWarning := func(status, dep string) string {
		return `would fail the viability gate today (kept: ` + status + `): depends on dropped project "` + dep + `"`
	}
	tests := []struct {
		name string
		src  string
		want map[string]fate
		// warnings lists, per project, every warning it must carry exactly once.
		warnings map[string][]string
		// runRate is each run-rate project row's status.
		runRate map[string]string
	}{
		{
			name: "done project depending on a project dropped with its group",
			src: dropped + `
project "p3" {
  duration   = 2
  goals      = { g = 1 }
  status     = "done"
  started    = "2027-01-01"
  finished   = "2027-05-01"
  depends_on = [project.p2]
  cost {
    per_year = 4000
  }
}
`,
			want: map[string]fate{
				"risky": {StatusDropped, GateRisk}, "p2": {StatusDropped, GateTogether}, "early": {StatusDropped, GateRisk},
				"p3": {StatusDone, ""},
			},
			runRate: map[string]string{"p3": StatusDone},
		},
		{
			name: "done project depending on a project dropped at its gates",
			src: dropped + `
project "p3" {
  duration   = 2
  goals      = { g = 1 }
  status     = "done"
  started    = "2027-01-01"
  finished   = "2027-05-01"
  depends_on = [project.early]
  cost {
    per_year = 4000
  }
}
`,
			want: map[string]fate{
				"risky": {StatusDropped, GateRisk}, "p2": {StatusDropped, GateTogether}, "early": {StatusDropped, GateRisk},
				"p3": {StatusDone, ""},
			},
			runRate: map[string]string{"p3": StatusDone},
		},
		{
			name: "committed project depending on a project dropped with its group",
			src: dropped + `
project "c" {
  duration   = 1
  goals      = { g = 1 }
  status     = "committed"
  depends_on = [project.p2]
  cost {
    per_year = 4000
  }
}

project "after" {
  duration   = 1
  goals      = { g = 1 }
  depends_on = [project.c]
}
`,
			want: map[string]fate{
				"risky": {StatusDropped, GateRisk}, "p2": {StatusDropped, GateTogether}, "early": {StatusDropped, GateRisk},
				"c": {StatusScheduled, ""}, "after": {StatusScheduled, ""},
			},
			warnings: map[string][]string{"c": {keptWarning("committed", "p2")}},
			runRate:  map[string]string{"c": StatusScheduled},
		},
		{
			name: "committed project depending on projects dropped at their gates and with their group",
			src: dropped + `
project "c" {
  duration   = 1
  goals      = { g = 1 }
  status     = "committed"
  depends_on = [project.early, project.p2]
}
`,
			want: map[string]fate{
				"risky": {StatusDropped, GateRisk}, "p2": {StatusDropped, GateTogether}, "early": {StatusDropped, GateRisk},
				"c": {StatusScheduled, ""},
			},
			warnings: map[string][]string{"c": {keptWarning("committed", "early"), keptWarning("committed", "p2")}},
		},
		{
			name: "work in progress depending on a project dropped with its group",
			src: dropped + `
project "i" {
  duration   = 3
  goals      = { g = 1 }
  status     = "in_progress"
  started    = "2027-04-01"
  depends_on = [project.p2]
}
`,
			want: map[string]fate{
				"risky": {StatusDropped, GateRisk}, "p2": {StatusDropped, GateTogether}, "early": {StatusDropped, GateRisk},
				"i": {StatusScheduled, ""},
			},
			warnings: map[string][]string{"i": {keptWarning("in progress", "p2")}},
		},
		{
			// Review qa15d D14, second path (x5_283): the done member kept
			// its replacement in the run rate while the audit said the
			// system had none.
			name: "done member of a group whose partner is dropped retires a system",
			src: dropped + `
system "s0" {
  end_of_support = "2028-Q1"
  run_cost {
    per_year = 40000
  }
}

project "p4" {
  duration = 3
  goals    = { g = 1 }
  status   = "done"
  started  = "2027-01-01"
  finished = "2027-05-01"
  together = [project.early]
  replaces = [system.s0]
  cost {
    per_year = 12000
  }
}
`,
			want: map[string]fate{
				"risky": {StatusDropped, GateRisk}, "p2": {StatusDropped, GateTogether}, "early": {StatusDropped, GateRisk},
				"p4": {StatusDone, ""},
			},
			runRate: map[string]string{"p4": StatusDone},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := livingPlan(t, header+tt.src)
			if diff := cmp.Diff(tt.want, fates(plan)); diff != "" {
				t.Errorf("outcomes (-want +got):\n%s", diff)
			}
			for _, p := range plan.Projects {
				if p.Lifecycle == "done" && p.Status != StatusDone {
					t.Errorf("%s is done but has status %q", p.ID, p.Status)
				}
				got := map[string]int{}
				for _, f := range p.Findings {
					if f.Severity == SeverityWarning {
						got[f.Message]++
					} else if p.Lifecycle != "proposed" {
						t.Errorf("%s (%s) has an error finding: %s", p.ID, p.Lifecycle, f.Message)
					}
				}
				for _, w := range tt.warnings[p.ID] {
					if got[w] != 1 {
						t.Errorf("%s: warning %q %d times, want once; findings %+v", p.ID, w, got[w], p.Findings)
					}
				}
			}
			rows := map[string]string{}
			for _, r := range plan.RunRate.Projects {
				rows[r.ID] = r.Status
			}
			if diff := cmp.Diff(tt.runRate, rows, cmpEmptyMap); diff != "" {
				t.Errorf("run-rate rows (-want +got):\n%s", diff)
			}
			// One answer in every view: a system the run rate retires is
			// the audit's replacement, live in the same period.
			retired := map[string]RunRateSystem{}
			for _, s := range plan.RunRate.Systems {
				retired[s.ID] = s
			}
			for _, s := range plan.Systems {
				r, ok := retired[s.ID]
				switch {
				case ok != (s.Replacement != nil):
					t.Errorf("system %s: run rate retires it (%v), audit replacement %v", s.ID, ok, s.Replacement)
				case ok && (r.RetiredBy != *s.Replacement || s.GoLivePeriod == nil || r.RetiredPeriod != *s.GoLivePeriod):
					t.Errorf("system %s: run rate retired by %s from %d, audit replaced by %s from %v", s.ID, r.RetiredBy, r.RetiredPeriod, *s.Replacement, s.GoLivePeriod)
				}
			}
		})
	}
}

// cmpEmptyMap treats a nil and an empty map as equal.
var cmpEmptyMap = cmp.FilterValues(func(a, b map[string]string) bool { return len(a) == 0 && len(b) == 0 }, cmp.Ignore())

// TestCommittedWorkTakesTheOptionItNeeds: a committed project that
// depends on an option of a choice takes that option, in rank order as
// the optimiser does (it keeps committed work as it keeps mandatory
// work), as a mandatory project does. Before, rank order took the
// better-ranked rival and dropped the committed project ("depends on
// dropped project "o" (another option of choice "k" was chosen)"), while
// --optimize kept it.
func TestCommittedWorkTakesTheOptionItNeeds(t *testing.T) {
	const src = `roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-07-01"
}

goal "g" {
  weight = 1
}

team "t" {
  capacity     = 3
  cost_per_fte = 10000
}

project "o" {
  duration = 1
  effort   = { t = 1 }
  goals    = { g = 0.2 }
}

project "rival" {
  duration = 1
  effort   = { t = 1 }
  goals    = { g = 1 }
}

choice "k" {
  options = [project.o, project.rival]
}

project "c" {
  duration   = 2
  effort     = { t = 1 }
  goals      = { g = 0.5 }
  status     = "committed"
  depends_on = [project.o]
}

project "other" {
  duration = 1
  effort   = { t = 1 }
  goals    = { g = 0.4 }
}
`
	cfg, diags := hclspec.NewLoader().LoadSources("living", map[string][]byte{"main.hcl": []byte(src)}, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatalf("load: %v", diags)
	}
	for _, opts := range []Options{{}, {Optimize: true, Seed: 1, TimeLimit: time.Minute}} {
		t.Run(fmt.Sprintf("optimize=%v", opts.Optimize), func(t *testing.T) {
			plan, diags := Evaluate(context.Background(), cfg, opts)
			if plan == nil || diags.HasErrors() {
				t.Fatalf("evaluate: %v", diags)
			}
			want := map[string]fate{"o": {StatusScheduled, ""}, "rival": {StatusDropped, GateChoice}, "c": {StatusScheduled, ""}, "other": {StatusScheduled, ""}}
			if diff := cmp.Diff(want, fates(plan)); diff != "" {
				t.Errorf("outcomes (-want +got):\n%s", diff)
			}
			if got := projectOf(t, plan, "c"); got.Start == nil || projectOf(t, plan, "o").End == nil || *got.StartPeriod < *projectOf(t, plan, "o").EndPeriod {
				t.Errorf("c starts %v, before o ends", got.Start)
			}
			if !opts.Optimize {
				ch := plan.Choices[0]
				wantReason := `committed project "c" needs it (depends_on), so the choice takes it before the other options`
				if ch.DecidedBy != DecidedStatus || ch.Reason != wantReason {
					t.Errorf("choice decided by %q: %q; want %q: %q", ch.DecidedBy, ch.Reason, DecidedStatus, wantReason)
				}
				// The rival lost its choice to committed work: no flagship.
				if f := plan.Roadmap.Flagship; f == nil || *f != "other" {
					t.Errorf("flagship %v, want other", f)
				}
			}
		})
	}
}
