package schedule

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDecodeSkipsWhatFitsNowhere: the optimiser's decode leaves a task
// that fits at no start in an empty schedule, or its together group, out
// at once (fitsNowhere), and decodes every list exactly as it does
// without that shortcut; a group with such a member costs no search.
func TestDecodeSkipsWhatFitsNowhere(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 4))
	skipped := 0
	for c := range 150 {
		sp := problemSpec{tasks: 6 + rng.IntN(12), horizon: 5 + rng.IntN(8), resources: 1 + rng.IntN(2),
			budgets: c%2 == 0, maxParallel: []int{0, 2}[c%2], windows: c%3 == 0, teamParallel: c%4 == 0,
			choices: c%5 == 0, together: c%3 > 0}
		p := randomProblem(rng, sp)
		// Some tasks that fit nowhere, members of groups or not: more than
		// a resource's capacity, or ending after their deadline whatever
		// their start.
		some := slices.Clone(p.Together)
		some = append(some, []int{rng.IntN(len(p.Tasks))})
		for _, g := range some {
			switch m := &p.Tasks[g[rng.IntN(len(g))]]; rng.IntN(3) {
			case 0:
				m.Demand = append(m.Demand, Demand{Resource: 0, Amount: 99})
			case 1:
				m.Latest = min(m.Earliest+m.Duration-2, p.Horizon-1)
			}
		}
		fast, plain := newEngine(p), newEngine(p)
		if fast.nowhere == nil {
			t.Fatalf("case %d: no shortcut for a problem whose tasks only take room", c)
		}
		plain.nowhere = nil
		succs := fast.succs
		for l := range 20 {
			prio := rng.Perm(len(p.Tasks))
			list := topoOrder(p, succs, prio)
			fast.forward(list)
			plain.forward(list)
			if diff := cmp.Diff(plain.start, fast.start); diff != "" {
				t.Fatalf("case %d list %d: the shortcut changed the decode (-without +with):\n%s", c, l, diff)
			}
		}
		for i := range p.Tasks {
			if fast.nowhere[i] == 2 {
				skipped++
			}
		}
	}
	if skipped == 0 {
		t.Fatal("no task was found to fit nowhere: the test tests nothing")
	}
}

// TestFitsNowhereNeedsTasksThatOnlyTakeRoom: a task that frees money (a
// run spend a year below 0) can make room for another, so the shortcut
// is off.
func TestFitsNowhereNeedsTasksThatOnlyTakeRoom(t *testing.T) {
	p := togetherWorstCase(1, 2, true)
	if e := newEngine(p); e.nowhere == nil || !e.fitsNowhere(1) || e.fitsNowhere(0) {
		t.Fatalf("b0 (2 FTE of a team of 1) should fit nowhere, a0 somewhere")
	}
	p.Tasks[2].RunYear = -1
	if e := newEngine(p); e.nowhere != nil || e.fitsNowhere(1) {
		t.Fatalf("shortcut on although a task frees room")
	}
}

// runCostGroups is review qa17 A7's roadmap (inputs/a9) as a problem:
// groups of four tasks, one of which has a run cost a year over its
// budget's steady window (it fits nowhere), and a few tasks alone; with
// withGroups false, the same tasks without groups.
func runCostGroups(groups int, withGroups bool) *Problem {
	const horizon = 23
	two := make([]float64, horizon)
	for t := range two {
		two[t] = 2
	}
	op := Budget{ID: "op", HasSteady: true, Steady: 1000}
	for t := range horizon {
		op.Window = append(op.Window, t/12)
	}
	op.Limit = []float64{1000, 1000}
	p := &Problem{Horizon: horizon, Resources: []Resource{{ID: "t", Capacity: two}}, Budgets: []Budget{op}}
	task := func(id string, dur int) Task {
		return Task{ID: id, Duration: dur, Budget: -1, Spend: make([]float64, dur), Latest: horizon - 1, Weight: 1,
			Demand: []Demand{{Resource: 0, Amount: 0.5}}}
	}
	for g := range groups {
		first := len(p.Tasks)
		for k := range 4 {
			tk := task(fmt.Sprintf("g%d_%d", g, k), 2+k%2)
			if k == 1 {
				tk.Run = slices.Repeat([]float64{250}, 40)
				tk.RunShares = []BudgetShare{{Budget: 0, Share: 1}}
				tk.RunYear = 3000
			}
			p.Tasks = append(p.Tasks, tk)
		}
		if withGroups {
			p.Together = append(p.Together, []int{first, first + 1, first + 2, first + 3})
		}
		for k := range 3 {
			tk := task(fmt.Sprintf("s%d_%d", g, k), 2)
			tk.Preds = []int{first + k}
			p.Tasks = append(p.Tasks, tk)
		}
	}
	return p
}

// BenchmarkOptimizeTogether is the optimiser on runCostGroups, 10
// groups of 4 whose member with a run cost fits nowhere (review qa17 A7:
// every schedule searched each group's orders, with every start of that
// member), against the same tasks without groups.
func BenchmarkOptimizeTogether(b *testing.B) {
	for _, withGroups := range []bool{false, true} {
		p := runCostGroups(10, withGroups)
		b.Run(fmt.Sprintf("tasks=%d/groups=%v", len(p.Tasks), withGroups), func(b *testing.B) {
			for b.Loop() {
				res := Optimize(context.Background(), p, OptimizeInput{Seed: 1, MaxSchedules: 5000})
				if res.Stopped != StopBudget {
					b.Fatal(res.Stopped)
				}
			}
		})
	}
}
