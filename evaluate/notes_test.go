package evaluate

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

func periodRange(e func(int) string, from, to int) PeriodRange {
	return PeriodRange{StartPeriod: from, EndPeriod: to + 1, Start: e(from), End: e(to)}
}

func note(kind, id, msg string, periods []PeriodRange, heldBy, aheadOf, windows []string) Note {
	nonNil := func(s []string) []string {
		if s == nil {
			return []string{}
		}
		return s
	}
	if periods == nil {
		periods = []PeriodRange{}
	}
	return Note{Kind: kind, ID: id, Periods: periods, Windows: nonNil(windows), HeldBy: nonNil(heldBy), AheadOf: nonNil(aheadOf), Message: msg}
}

// The notes in full, as the JSON plan carries them.
func TestScheduleNotes(t *testing.T) {
	q := func(i int) string { return fmt.Sprintf("%d-Q%d", 2027+i/4, i%4+1) }
	tests := []struct {
		name  string
		setup func() *hclspec.Config
		want  map[string][]Note
	}{
		{
			name: "the deadline rule, both sides",
			setup: func() *hclspec.Config {
				cfg := schedConfig(4, 1)
				schedProject(cfg, "a", 2, 1)
				schedProject(cfg, "b", 1, 1).Deadline = 1
				return cfg
			},
			want: map[string][]Note{
				"a": {
					note(NoteTeam, "platform", `waited for team "platform": no room for 1 FTE in 2027-Q1 (held by "b")`,
						[]PeriodRange{periodRange(q, 0, 0)}, []string{"b"}, nil, nil),
					note(NotePriority, "b", `lets "b" go first to meet its deadline 2027-Q2`, nil, nil, nil, nil),
				},
				"b": {note(NotePriority, "", `goes ahead of "a" to meet its deadline 2027-Q2`, nil, nil, []string{"a"}, nil)},
			},
		},
		{
			// c is kept out by the team in 2027-Q1..Q2 and by the budget
			// in 2028 (a's and b's spend); it depends on a too.
			name: "every constraint of a deferred project",
			setup: func() *hclspec.Config {
				cfg := schedConfig(8, 1)
				addBudget(cfg, "capex", 100000, hclspec.PerYear)
				a := schedProject(cfg, "a", 2, 1)
				a.Funding, a.Cost.OneTime = "capex", 20000
				b := schedProject(cfg, "b", 1, 0)
				b.Funding, b.Cost.OneTime, b.EarliestStart = "capex", 90000, 4
				d := schedProject(cfg, "d", 4, 1)
				d.EarliestStart = 2
				c := schedProject(cfg, "c", 3, 1)
				c.Funding, c.Cost.OneTime, c.DependsOn, c.Deadline = "capex", 30000, []string{"a"}, 6
				return cfg
			},
			want: map[string][]Note{
				"b": {note(NoteEarliestStart, "", "starts no earlier than 2028-Q1 (earliest_start)", []PeriodRange{periodRange(q, 0, 3)}, nil, nil, nil)},
				"c": {
					note(NoteTeam, "platform", `team "platform" has no room for 1 FTE in 2027-Q3..2028-Q2 (held by "d")`,
						[]PeriodRange{periodRange(q, 2, 5)}, []string{"d"}, nil, nil),
					note(NoteBudget, "capex", `budget "capex" has no room for its build spend of EUR 30,000 in 2028 (spent by "b")`,
						[]PeriodRange{periodRange(q, 4, 6)}, []string{"b"}, nil, []string{"2028"}),
					note(NoteDependency, "a", `cannot start before "a" ends (2027-Q2)`, []PeriodRange{periodRange(q, 0, 1)}, nil, nil, nil),
					note(NoteDeadline, "", "must finish by its deadline 2028-Q3, so it cannot start after 2028-Q1",
						[]PeriodRange{periodRange(q, 7, 7)}, nil, nil, nil),
					note(NotePriority, "", `going ahead of the projects ranked above it cannot help: team "platform" has 2 FTE-quarters left in the whole horizon and it needs 3`,
						nil, nil, nil, nil),
				},
				"d": {note(NoteEarliestStart, "", "starts no earlier than 2027-Q3 (earliest_start)", []PeriodRange{periodRange(q, 0, 1)}, nil, nil, nil)},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := mustEvaluate(t, tt.setup())
			got := map[string][]Note{}
			for _, p := range plan.Projects {
				if len(p.Notes) > 0 {
					got[p.ID] = p.Notes
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
		})
	}
}

// noteViolations checks a plan's notes against the plan and cfg alone:
// a deferred project's reasons are its notes; every project named as
// holding a team, budget or slot really is scheduled there and uses it,
// and the constraint really binds in every period listed; a scheduled
// project's waits lie before its start; notes name real dependencies,
// deadlines and earliest starts.
func noteViolations(cfg *hclspec.Config, plan *Plan) []string {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	byID := map[string]ProjectPlan{}
	for _, p := range plan.Projects {
		byID[p.ID] = p
	}
	limit := cfg.Roadmap.Policies.MaxTeamUtilization
	if limit <= 0 || limit >= 1 {
		limit = 1
	}
	runsIn := func(p ProjectPlan, t int) bool {
		return p.Status == StatusScheduled && *p.StartPeriod <= t && t < *p.EndPeriod
	}
	for _, p := range plan.Projects {
		src := cfgProject(cfg, p.ID)
		if p.Status == StatusDeferred {
			var msgs []string
			for _, n := range p.Notes {
				msgs = append(msgs, n.Message)
			}
			if !slices.Equal(msgs, p.Reasons) || len(msgs) == 0 {
				bad("%s is deferred with reasons %q and notes %q", p.ID, p.Reasons, msgs)
			}
		}
		if p.Status == StatusDropped && len(p.Notes) > 0 {
			bad("%s is dropped but has notes", p.ID)
		}
		for _, n := range p.Notes {
			var periods []int
			for _, r := range n.Periods {
				if r.EndPeriod <= r.StartPeriod || plan.Periods[r.StartPeriod].Label != r.Start || plan.Periods[r.EndPeriod-1].Label != r.End {
					bad("%s: note %s has a bad range %+v", p.ID, n.Kind, r)
				}
				for t := r.StartPeriod; t < r.EndPeriod; t++ {
					periods = append(periods, t)
				}
			}
			if p.Status == StatusScheduled && (n.Kind == NoteTeam || n.Kind == NoteHeadroom || n.Kind == NoteBudget || n.Kind == NoteMaxParallel) {
				for _, t := range periods {
					if t >= *p.StartPeriod && n.Kind != NoteBudget {
						bad("%s starts in %d but waited for %s in %d", p.ID, *p.StartPeriod, n.Kind, t)
					}
				}
			}
			for _, h := range n.HeldBy {
				holder, ok := byID[h]
				holds := false
				for _, t := range periods {
					holds = holds || (ok && runsIn(holder, t))
				}
				if !holds {
					bad("%s: %s note says %s holds it in %v, but it does not run there", p.ID, n.Kind, h, periods)
				}
				switch n.Kind {
				case NoteTeam, NoteHeadroom:
					if holder.Effort[n.ID] <= 0 {
						bad("%s: %s holds team %s without using it", p.ID, h, n.ID)
					}
				case NoteBudget:
					if holder.Funding != n.ID && holder.FundingShares[n.ID] <= 0 {
						bad("%s: %s holds budget %s but is funded by %q %v", p.ID, h, n.ID, holder.Funding, holder.FundingShares)
					}
				}
			}
			switch n.Kind {
			case NoteTeam, NoteHeadroom:
				need := src.Effort[n.ID]
				for _, t := range periods {
					load := plan.Periods[t].Teams[n.ID]
					if load.Used+need <= load.Capacity*limit+1e-9 {
						bad("%s: team %s is said to have no room for %g in %d, but uses %g of %g", p.ID, n.ID, need, t, load.Used, load.Capacity)
					}
					if n.Kind == NoteHeadroom && limit == 1 {
						bad("%s: a headroom note without the policy", p.ID)
					}
				}
			case NoteMaxParallel:
				for _, t := range periods {
					if len(plan.Periods[t].Active) < cfg.Roadmap.MaxParallel {
						bad("%s: max_parallel %d said reached in %d, with %d running", p.ID, cfg.Roadmap.MaxParallel, t, len(plan.Periods[t].Active))
					}
				}
			case NoteDependency:
				if !slices.Contains(src.DependsOn, n.ID) {
					bad("%s: dependency note on %s, not a dependency", p.ID, n.ID)
				}
			case NoteDeadline:
				if src.Deadline < 0 {
					bad("%s: deadline note without a deadline", p.ID)
				}
			case NoteEarliestStart:
				if src.EarliestStart <= 0 {
					bad("%s: earliest_start note without one", p.ID)
				}
			case NotePriority:
				for _, a := range n.AheadOf {
					if byID[a].Status != StatusScheduled {
						bad("%s went ahead of %s, which is %s", p.ID, a, byID[a].Status)
					}
				}
			}
		}
	}
	return errs
}

// Over random roadmaps, the notes tell the truth about the plan; with
// headroom no team is ever used above it; and a plan is the same twice.
func TestNotesOverRandomRoadmaps(t *testing.T) {
	kinds := map[string]int{}
	for seed := uint64(1); seed <= propertyRuns; seed++ {
		cfg := randomConfig(seed)
		plan, diags := Evaluate(context.Background(), cfg, Options{})
		if diags.HasErrors() || plan == nil {
			t.Fatalf("seed %d: %v", seed, diags)
		}
		for _, err := range noteViolations(cfg, plan) {
			t.Errorf("seed %d: %s", seed, err)
		}
		if u := cfg.Roadmap.Policies.MaxTeamUtilization; u > 0 {
			for _, c := range plan.Checks {
				if c.ID == "policy.max_team_utilization" && !c.Passed {
					t.Errorf("seed %d: headroom %g planned within, yet %s", seed, u, c.Message)
				}
			}
		}
		for _, p := range plan.Projects {
			for _, n := range p.Notes {
				kinds[n.Kind]++
			}
		}
	}
	for _, k := range []string{NoteTeam, NoteHeadroom, NoteBudget, NoteMaxParallel, NoteDependency, NoteEarliestStart, NoteDeadline, NoteHorizon, NotePriority} {
		if kinds[k] < 10 {
			t.Errorf("only %d %s notes over %d roadmaps", kinds[k], k, propertyRuns)
		}
	}
	t.Logf("notes by kind: %v", kinds)
}

// The checker above must be able to fail.
func TestNoteViolationsCatchesFalseNotes(t *testing.T) {
	cfg := schedConfig(4, 1)
	schedProject(cfg, "a", 2, 1)
	schedProject(cfg, "b", 2, 1)
	plan := mustEvaluate(t, cfg)
	if errs := noteViolations(cfg, plan); len(errs) != 0 {
		t.Fatalf("sound plan reported: %v", errs)
	}
	b := &plan.Projects[1]
	if len(b.Notes) != 1 || b.Notes[0].Kind != NoteTeam {
		t.Fatalf("b's notes: %+v", b.Notes)
	}
	b.Notes[0].HeldBy = []string{"b"} // b does not run in 2027-Q1..Q2
	if errs := noteViolations(cfg, plan); len(errs) == 0 {
		t.Error("a false holder not reported")
	}
	b.Notes[0].HeldBy = []string{"a"}
	b.Notes[0].Periods = []PeriodRange{{StartPeriod: 2, EndPeriod: 3, Start: "2027-Q3", End: "2027-Q3"}} // b's own start
	if errs := noteViolations(cfg, plan); len(errs) == 0 {
		t.Error("a wait at the project's own start not reported")
	}
}
