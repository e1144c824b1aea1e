package schedule

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// buildOrBuy is the independent review's case: build (rank 1) depends on
// prep (rank 4: 4 periods at the team's whole capacity 2); ext (rank 2)
// depends on buy (rank 3, 1 FTE); build and buy are one choice.
func buildOrBuy(horizon int) *Problem {
	p := lineProblem(horizon, 2)
	p.task(2, 0, -1, 3) // 0 build
	p.task(1, 0, -1, 2) // 1 ext
	p.task(1, 1, -1)    // 2 buy
	p.task(4, 2, -1)    // 3 prep
	p.Choices = [][]int{{0, 2}}
	return p
}

// A better option that does not fit holds nothing: its prerequisite is
// taken out again and keeps its own turn, and the worse option runs, as
// it would without the choice. When the better option fits, its
// prerequisite stays ahead of its turn and the schedule says so.
func TestOptionTrialReleasesPrerequisites(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		horizon int
		want    []int
		trials  []Trial
		pulled  []Pull
	}{
		{
			// build cannot end inside 4 periods after prep: buy and ext
			// run; prep, after buy in rank order, finds no room.
			name: "better option does not fit", horizon: 4,
			want: []int{-1, 1, 0, -1},
			trials: []Trial{{Option: 0, Turn: 2, Miss: GroupMiss{Group: -1, Task: 0,
				Cause: Blocker{Kind: BlockWindow, Index: -1, From: 4, To: 3}, Placed: []TaskStart{{3, 0}}}}},
		},
		{
			name: "better option fits", horizon: 8,
			want:   []int{4, -1, -1, 0},
			pulled: []Pull{{Task: 3, Turn: 2, For: 0, Group: -1}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := buildOrBuy(tc.horizon)
			sch, err := RankOrder(ctx, p, DeadlineWork(len(p.Tasks)))
			if err != nil {
				t.Fatal(err)
			}
			if err := Verify(p, sch.Start); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(sch.Start, tc.want) {
				t.Fatalf("starts %v, want %v", sch.Start, tc.want)
			}
			if diff := cmp.Diff(tc.trials, sch.Trials, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("trials (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.pulled, sch.Pulled, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("pulled (-want +got):\n%s", diff)
			}
			// The serial SGS over the same order decides the same.
			if sgs := SerialSGS(p, identity(len(p.Tasks))); !slices.Equal(sgs.Start, tc.want) {
				t.Errorf("serial SGS starts %v, want %v", sgs.Start, tc.want)
			}
			// The optimiser finds nothing better than rank order.
			res := Optimize(ctx, p, OptimizeInput{Objective: ObjectiveValue, Seed: 1, BaselineSchedule: sch})
			if err := Verify(p, res.Schedule.Start); err != nil {
				t.Fatal(err)
			}
			if res.Improved {
				t.Errorf("optimiser improved on rank order: %v over %v", res.Schedule.Start, sch.Start)
			}
			exps, err := Explain(ctx, p, sch)
			if err != nil {
				t.Fatal(err)
			}
			if len(tc.trials) > 0 {
				// build is explained as the trial saw it: prep in
				// 0..3, so no start of build ends inside the horizon.
				tr := exps[0].Trial
				if tr == nil || tr.Task != 0 || tr.Turn != 2 || !slices.Equal(tr.Placed, []TaskStart{{3, 0}}) {
					t.Fatalf("build's trial %+v", tr)
				}
				if tr.Why.Release != 4 || !slices.ContainsFunc(tr.Why.Obstacles, func(o Obstacle) bool { return o.Kind == ObstacleHorizon }) {
					t.Errorf("build's trial explanation %+v, want release 4 and the horizon", tr.Why)
				}
				// prep, at its own turn, is held off by buy.
				if !slices.ContainsFunc(exps[3].Obstacles, func(o Obstacle) bool {
					return o.Kind == ObstacleResource && slices.Equal(o.Holders, []int{2})
				}) {
					t.Errorf("prep's explanation %+v, want the team held by buy", exps[3])
				}
			}
		})
	}
}

// The same holds for a together group: a member's prerequisite taken
// along is taken out again when the group does not fit, and keeps its
// own turn; a group that fits records what it pulled ahead.
func TestGroupReleasesPrerequisites(t *testing.T) {
	ctx := context.Background()
	p := lineProblem(4, 2)
	p.task(2, 0, -1, 3) // 0 a, with b; needs prep
	p.task(1, 1, -1)    // 1 b
	p.task(1, 1, -1)    // 2 c
	p.task(4, 2, -1)    // 3 prep
	p.Together = [][]int{{0, 1}}
	sch, err := RankOrder(ctx, p, DeadlineWork(len(p.Tasks)))
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{-1, -1, 0, -1}; !slices.Equal(sch.Start, want) {
		t.Fatalf("starts %v, want %v (prep released, c at its turn)", sch.Start, want)
	}
	if len(sch.Pulled) != 0 {
		t.Errorf("pulled %+v, want none", sch.Pulled)
	}
	exps, err := Explain(ctx, p, sch)
	if err != nil {
		t.Fatal(err)
	}
	// b placed first (its turn), then prep finds the team held by it.
	if tr := exps[1].Trial; tr == nil || tr.Task != 3 || !slices.Equal(tr.Placed, []TaskStart{{1, 0}}) ||
		!slices.ContainsFunc(tr.Why.Obstacles, func(o Obstacle) bool { return o.Kind == ObstacleResource && slices.Equal(o.Holders, []int{1}) }) {
		t.Errorf("b's group trial %+v, want prep held off by b", tr)
	}

	p = lineProblem(8, 2)
	p.task(2, 0, -1, 3)
	p.task(1, 1, -1)
	p.task(1, 1, -1)
	p.task(4, 1, -1)
	p.Together = [][]int{{0, 1}}
	sch, err = RankOrder(ctx, p, DeadlineWork(len(p.Tasks)))
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{4, 0, 1, 0}; !slices.Equal(sch.Start, want) {
		t.Fatalf("starts %v, want %v", sch.Start, want)
	}
	// At a's turn (the group's best-ranked member), though a waits for
	// prep.
	if want := []Pull{{Task: 3, Turn: 0, For: 0, Group: 0}}; !slices.Equal(sch.Pulled, want) {
		t.Errorf("pulled %+v, want %+v", sch.Pulled, want)
	}
}
