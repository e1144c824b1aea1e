package schedule

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// u11 is review qa17 U11's shape: "a" holds the only infra slot for
// four periods; the rollout (rank 2) needs infra and its pilot; the
// portal (rank 3) needs the apps team the pilot (rank 4, together with
// the rollout, nothing of its own) needs too.
func u11(justInTime bool) *Problem {
	const h = 8
	one := slices.Repeat([]float64{1}, h)
	task := func(id string, dur, r int, preds ...int) Task {
		return Task{ID: id, Duration: dur, Budget: -1, Latest: h - 1, Preds: preds, Weight: 1,
			Demand: []Demand{{Resource: r, Amount: 1}}}
	}
	p := &Problem{Horizon: h, Resources: []Resource{{ID: "infra", Capacity: one}, {ID: "apps", Capacity: one}},
		Tasks:    []Task{task("a", 4, 0), task("rollout", 2, 0, 3), task("portal", 2, 1), task("pilot", 1, 1)},
		Together: [][]int{{1, 3}}}
	p.Tasks[3].JustInTime = justInTime
	return p
}

// TestPilotRunsJustBeforeItsRollout: a together member that only
// prepares its partner runs as late as fits before it, so the portal
// ranked between them gets the apps team at once (review qa17 U11: the
// pilot sat idle before its rollout and delayed a better-ranked
// project). Without JustInTime the pilot keeps its earliest fit.
func TestPilotRunsJustBeforeItsRollout(t *testing.T) {
	for _, tt := range []struct {
		justInTime bool
		want       []int // a, rollout, portal, pilot
		late       []Late
	}{
		{true, []int{0, 4, 0, 3}, []Late{{Task: 3, From: 0, Before: 1}}},
		{false, []int{0, 4, 1, 0}, nil},
	} {
		p := u11(tt.justInTime)
		sch, err := RankOrder(context.Background(), p, DeadlineWork(len(p.Tasks)))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, sch.Start); diff != "" {
			t.Errorf("JustInTime %v: starts (-want +got):\n%s", tt.justInTime, diff)
		}
		if diff := cmp.Diff(tt.late, sch.Late); diff != "" {
			t.Errorf("JustInTime %v: Late (-want +got):\n%s", tt.justInTime, diff)
		}
		if err := Verify(p, sch.Start); err != nil {
			t.Fatal(err)
		}
		if !tt.justInTime {
			continue
		}
		exps, err := Explain(context.Background(), p, sch)
		if err != nil {
			t.Fatal(err)
		}
		// The pilot passed over 0..2; the rollout waited for the infra
		// slot "a" holds from the pilot's earliest end, not for the pilot.
		want := []Obstacle{{Kind: ObstacleLate, Index: 1, Periods: []Span{{0, 2}}, Starts: 3}}
		if diff := cmp.Diff(want, exps[3].Obstacles); diff != "" {
			t.Errorf("pilot's obstacles (-want +got):\n%s", diff)
		}
		got := exps[1]
		if got.Release != 1 || got.First != 1 || got.Last != 3 || len(got.Obstacles) != 1 ||
			got.Obstacles[0].Kind != ObstacleResource || got.Obstacles[0].Index != 0 || !slices.Equal(got.Obstacles[0].Holders, []int{0}) {
			t.Errorf("rollout's explanation %+v, want infra held by a at 1..3", got)
		}
	}
}

// TestJustInTimeKeepsGroupsAndReasons runs rank order on random problems
// with together groups whose members are JustInTime: every schedule
// passes Verify; a member placed late starts after its predecessors and
// ends by the start of each task that needs it; and Explain's replay is
// true: every start it examines before a task's own (from the release
// it reports) is blocked by the tasks decided before it, except the
// starts a late member passed over (ObstacleLate), and rank order leaves
// no start free otherwise (no ObstacleFree but for the deadline rule's
// moves).
func TestJustInTimeKeepsGroupsAndReasons(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 8))
	lates, passed := 0, 0
	for c := range 800 {
		sp := problemSpec{tasks: 5 + rng.IntN(14), horizon: 6 + rng.IntN(10), resources: 1 + rng.IntN(2),
			budgets: c%2 == 0, maxParallel: []int{0, 0, 3}[c%3], windows: c%4 == 0, teamParallel: c%3 == 1,
			choices: c%5 == 0, together: true}
		p := randomProblem(rng, sp)
		// Groups whose members depend on one another, as a pilot and its
		// rollout do.
		for _, g := range p.Together {
			for k := 1; k < len(g); k++ {
				if rng.IntN(3) > 0 && !slices.Contains(p.Tasks[g[k]].Preds, g[k-1]) {
					p.Tasks[g[k]].Preds = append(p.Tasks[g[k]].Preds, g[k-1])
				}
			}
		}
		for i := range p.Tasks {
			p.Tasks[i].JustInTime = rng.IntN(4) > 0
		}
		for _, q := range []*Problem{p, shuffled(rng, p)} {
			sch, err := RankOrder(context.Background(), q, DeadlineWork(len(q.Tasks)))
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("case %d", c)
			if err := Verify(q, sch.Start); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			late := map[int]Late{}
			for _, l := range sch.Late {
				late[l.Task] = l
				lates++
				tk := &q.Tasks[l.Task]
				if sch.Start[l.Task] > l.From {
					passed++
				}
				for j := range q.Tasks {
					if slices.Contains(q.Tasks[j].Preds, l.Task) && sch.Start[j] >= 0 && sch.Start[l.Task]+tk.Duration > sch.Start[j] {
						t.Errorf("%s: late task %d ends after %d starts", name, l.Task, j)
					}
				}
			}
			exps, err := Explain(context.Background(), q, sch)
			if err != nil {
				t.Fatal(err)
			}
			moved := map[int]bool{}
			for _, m := range sch.Moves {
				moved[m.Task] = true
			}
			before := slices.Repeat([]int{-1}, len(q.Tasks))
			for _, i := range sch.Order {
				ex := exps[i]
				if sch.Start[i] >= 0 && ex.Release >= 0 {
					passedFrom := sch.Start[i]
					for _, o := range ex.Obstacles {
						switch o.Kind {
						case ObstacleLate:
							passedFrom = o.Periods[0].First
						case ObstacleFree:
							if !moved[i] {
								t.Errorf("%s: task %d left free starts %v in rank order", name, i, o.Periods)
							}
						}
					}
					if _, ok := late[i]; !ok && passedFrom != sch.Start[i] {
						t.Errorf("%s: task %d passed over starts without being late", name, i)
					}
					for s := ex.First; s < passedFrom && !moved[i]; s++ {
						if len(blockedBy(q, before, i, s)) == 0 {
							t.Errorf("%s: task %d: start %d is free when it was decided, yet it starts at %d", name, i, s, sch.Start[i])
						}
					}
				}
				before[i] = sch.Start[i]
			}
		}
	}
	if lates < 100 || passed < 20 {
		t.Errorf("%d members placed late, %d of them after their earliest fit: too few to test them", lates, passed)
	}
}
