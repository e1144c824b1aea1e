package schedule

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// lineProblem is one resource of capacity c over horizon periods; tasks
// are added with task().
func lineProblem(horizon int, c float64) *Problem {
	capacity := make([]float64, horizon)
	for t := range capacity {
		capacity[t] = c
	}
	return &Problem{Horizon: horizon, Resources: []Resource{{ID: "team", Capacity: capacity}}}
}

// task adds a task of duration d using amount of the resource; deadline
// < 0 means none.
func (p *Problem) task(d int, amount float64, deadline int, preds ...int) *Problem {
	tk := Task{ID: fmt.Sprintf("t%d", len(p.Tasks)), Duration: d, Budget: -1, Latest: p.Horizon - 1, Preds: preds,
		Demand: []Demand{{Resource: 0, Amount: amount}}}
	if deadline >= 0 {
		tk.Latest, tk.HasDeadline = deadline, true
	}
	p.Tasks = append(p.Tasks, tk)
	return p
}

func TestRankOrderDeadlineRule(t *testing.T) {
	tests := []struct {
		name   string
		p      *Problem
		work   int
		start  []int
		moves  []DeadlineMove
		misses []DeadlineMiss
	}{
		{
			name:  "nothing missed: rank order as it is",
			p:     lineProblem(4, 1).task(2, 1, -1).task(1, 1, 3),
			start: []int{0, 2},
		},
		{
			name:  "a deadline task goes ahead of one that can finish later",
			p:     lineProblem(4, 1).task(2, 1, -1).task(1, 1, 1),
			start: []int{1, 0},
			moves: []DeadlineMove{{Task: 1, Start: 0, Ahead: []int{0}}},
		},
		{
			// Going first in period 0 or 1 would push t0 past its own
			// deadline: t2 takes period 2, and t1 (no deadline) moves.
			name:  "the earliest start that keeps every other task",
			p:     lineProblem(5, 1).task(2, 1, 1).task(1, 1, -1).task(1, 1, 2),
			start: []int{0, 3, 2},
			moves: []DeadlineMove{{Task: 2, Start: 2, Ahead: []int{1}, Rejected: []Span{{0, 1}}, PushedOut: []int{0}}},
		},
		{
			name:   "left out when every start pushes out another deadline",
			p:      lineProblem(8, 1).task(2, 1, -1).task(2, 1, 2).task(2, 1, 3),
			start:  []int{0, -1, 2},
			misses: []DeadlineMiss{{Task: 1, PushedOut: []int{2}, Tried: []Span{{0, 1}}}},
		},
		{
			// t1 needs t2, ranked below t0: both go first.
			name:  "its predecessors go first with it",
			p:     lineProblem(4, 1).task(2, 1, -1).task(1, 1, 2, 2).task(1, 1, -1),
			start: []int{2, 1, 0},
			moves: []DeadlineMove{{Task: 1, Start: 1, With: []int{2}, Ahead: []int{0}}},
		},
		{
			name:   "nowhere to go, even first",
			p:      lineProblem(4, 1).task(1, 2, 1),
			start:  []int{-1},
			misses: []DeadlineMiss{{Task: 0}},
		},
		{
			name:   "out of work budget",
			p:      lineProblem(4, 1).task(2, 1, -1).task(1, 1, 1),
			work:   1,
			start:  []int{0, -1},
			misses: []DeadlineMiss{{Task: 1, OutOfBudget: true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			work := tt.work
			if work == 0 {
				work = DeadlineWork(len(tt.p.Tasks))
			}
			sch, err := RankOrder(context.Background(), tt.p, work)
			if err != nil {
				t.Fatal(err)
			}
			if err := Verify(tt.p, sch.Start); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.start, sch.Start); diff != "" {
				t.Errorf("starts (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.moves, sch.Moves); diff != "" {
				t.Errorf("moves (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.misses, sch.Misses); diff != "" {
				t.Errorf("misses (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRankOrderStopsWhenCancelled(t *testing.T) {
	p := lineProblem(8, 1)
	for range 600 {
		p.task(1, 1, -1)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := RankOrder(ctx, p, DeadlineWork(len(p.Tasks))); err == nil {
		t.Error("RankOrder ran to the end on a cancelled context")
	}
	if _, err := Explain(ctx, p, SerialSGS(p, identity(len(p.Tasks)))); err == nil {
		t.Error("Explain ran to the end on a cancelled context")
	}
}

// placeInOrder is an independent serial SGS for the tests: tasks in index
// order (the random problems list predecessors first), each at the
// earliest start Verify accepts next to the ones already placed, on top
// of the starts already in start (the pinned tasks, left as they are).
func placeInOrder(p *Problem, start []int, pinned []bool) []int {
	out := slices.Clone(start)
	for i := range p.Tasks {
		if pinned[i] {
			continue
		}
		out[i] = -1
		tk := &p.Tasks[i]
		est := max(tk.Earliest, 0)
		ok := true
		for _, q := range tk.Preds {
			if out[q] < 0 {
				ok = false
			} else {
				est = max(est, out[q]+p.Tasks[q].Duration)
			}
		}
		if !ok {
			continue
		}
		for s := est; s+tk.Duration <= min(tk.Latest+1, p.Horizon); s++ {
			out[i] = s
			if Verify(p, out) == nil {
				break
			}
			out[i] = -1
		}
	}
	return out
}

// Over random small problems with one deadline task, checked by brute
// force: the task is left out only when no start before its deadline,
// taken first, lets every task rank order placed still be placed around
// it (scheduled again in rank order); otherwise it gets the earliest such
// start. Every schedule passes Verify.
func TestRankOrderDeadlineRuleByBruteForce(t *testing.T) {
	moved, missed, pushing := 0, 0, 0
	const runs = 800
	for seed := uint64(1); seed <= runs; seed++ {
		rng := rand.New(rand.NewPCG(seed, 7))
		sp := problemSpec{tasks: 2 + rng.IntN(5), horizon: 3 + rng.IntN(5), resources: 1 + rng.IntN(2),
			budgets: rng.IntN(3) == 0, windows: rng.IntN(2) == 0}
		if rng.IntN(3) == 0 {
			sp.maxParallel = 1 + rng.IntN(2)
		}
		p := randomProblem(rng, sp)
		for i := range p.Tasks {
			p.Tasks[i].HasDeadline = false
		}
		d := rng.IntN(len(p.Tasks))
		dt := &p.Tasks[d]
		dt.Preds = nil // its predecessors would go first with it: another test
		dt.Latest = min(p.Horizon-1, max(dt.Earliest, 0)+dt.Duration-1+rng.IntN(3))
		dt.HasDeadline = true

		plain := SerialSGS(p, identity(len(p.Tasks)))
		sch, err := RankOrder(context.Background(), p, DeadlineWork(len(p.Tasks)))
		if err != nil {
			t.Fatal(err)
		}
		if err := Verify(p, sch.Start); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if plain.Start[d] >= 0 {
			if diff := cmp.Diff(plain.Start, sch.Start); diff != "" {
				t.Errorf("seed %d: the deadline was met, yet the schedule changed (-plain +rule):\n%s", seed, diff)
			}
			continue
		}
		want := -1
		for s := max(dt.Earliest, 0); s+dt.Duration-1 <= dt.Latest && s+dt.Duration <= p.Horizon; s++ {
			start := make([]int, len(p.Tasks))
			for i := range start {
				start[i] = -1
			}
			start[d] = s
			if Verify(p, start) != nil {
				continue
			}
			pinned := make([]bool, len(p.Tasks))
			pinned[d] = true
			got := placeInOrder(p, start, pinned)
			keeps := true
			for i, ps := range plain.Start {
				if ps >= 0 && got[i] < 0 {
					keeps = false
				}
			}
			if keeps {
				want = s
				break
			}
			pushing++
		}
		if sch.Start[d] != want {
			t.Errorf("seed %d: the deadline task starts at %d, brute force finds %d\nproblem %+v", seed, sch.Start[d], want, p.Tasks)
			continue
		}
		if want < 0 {
			missed++
			if len(sch.Misses) != 1 || sch.Misses[0].Task != d {
				t.Errorf("seed %d: misses %+v, want task %d", seed, sch.Misses, d)
			}
			continue
		}
		moved++
		for i, ps := range plain.Start {
			if ps >= 0 && sch.Start[i] < 0 {
				t.Errorf("seed %d: task %d placed in rank order, out after the rule", seed, i)
			}
		}
	}
	// The generator must exercise both outcomes and the rejected starts.
	if moved < 40 || missed < 40 || pushing < 40 {
		t.Errorf("only %d moved, %d missed, %d rejected starts over %d problems", moved, missed, pushing, runs)
	}
	t.Logf("%d moved, %d missed, %d rejected starts", moved, missed, pushing)
}
