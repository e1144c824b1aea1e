package schedule

import (
	"container/heap"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
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
			// t2, ranked below t1, is placed again around it and left
			// out; its own turn of the rule then places it ahead of t0.
			name:  "a task ranked below is placed again around it",
			p:     lineProblem(8, 1).task(2, 1, -1).task(2, 1, 2).task(2, 1, 3),
			start: []int{4, 0, 2},
			moves: []DeadlineMove{{Task: 1, Ahead: []int{0}}, {Task: 2, Start: 2, Ahead: []int{0}}},
		},
		{
			// t1 may not push out t0, ranked above it, which meets its
			// own deadline only where it is.
			name:   "left out when every start pushes out a task ranked above",
			p:      lineProblem(8, 1).task(2, 1, 2).task(2, 1, 2),
			start:  []int{0, -1},
			misses: []DeadlineMiss{{Task: 1, PushedOut: []int{0}, Tried: []Span{{0, 1}}}},
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
// taken first, lets every task ranked above it that rank order placed
// still be placed around it (scheduled again in rank order); otherwise it
// gets the earliest such start. A task ranked below may be left out: it
// would have been, had the deadline task fitted at its turn. Every
// schedule passes Verify.
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
			for i, ps := range plain.Start[:d] {
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
		for i, ps := range plain.Start[:d] {
			if ps >= 0 && sch.Start[i] < 0 {
				t.Errorf("seed %d: task %d, ranked above, placed in rank order, out after the rule", seed, i)
			}
		}
	}
	// The generator must exercise both outcomes and the rejected starts.
	if moved < 40 || missed < 40 || pushing < 40 {
		t.Errorf("only %d moved, %d missed, %d rejected starts over %d problems", moved, missed, pushing, runs)
	}
	t.Logf("%d moved, %d missed, %d rejected starts", moved, missed, pushing)
}

// A rank-order pass, with or without pins, decides the tasks in the order
// and at the starts of a heap of the eligible tasks (pins first, then
// again and again the lowest-index task whose predecessors are all
// decided, at its earliest fit, or with its together group), and counts
// the same work. The problems' tasks are shuffled so that predecessors
// are ranked below their successors too.
func TestRankPassMatchesHeap(t *testing.T) {
	late := 0
	for seed := uint64(1); seed <= 400; seed++ {
		rng := rand.New(rand.NewPCG(seed, 11))
		sp := problemSpec{tasks: 2 + rng.IntN(14), horizon: 3 + rng.IntN(8), resources: 1 + rng.IntN(2),
			budgets: rng.IntN(3) == 0, windows: rng.IntN(2) == 0,
			teamParallel: rng.IntN(3) == 0, choices: rng.IntN(3) == 0, together: rng.IntN(2) == 0}
		p := shuffled(rng, randomProblem(rng, sp))
		if rng.IntN(2) == 0 {
			// Lead tasks, ranked above predecessors of theirs at times.
			for i := range p.Tasks {
				p.Tasks[i].Lead = rng.IntN(3) == 0
			}
		}
		var pins []pin
		if rng.IntN(2) == 0 {
			// Pin a task without predecessors or group at its earliest fit.
			st := NewState(p)
			gp := newGroupPlacer(p)
			for i := range p.Tasks {
				if len(p.Tasks[i].Preds) == 0 && !gp.grouped(i) {
					if s, _ := st.EarliestFit(i, 0); s >= 0 {
						pins = append(pins, pin{i, s})
					}
					break
				}
			}
		}
		want, wantWork := rankPassByHeap(p, pins)
		r := newRankPass(p)
		for pass := range 2 { // the second pass reuses the scratch space
			before := r.work
			got, out, err := r.run(context.Background(), pins, nil)
			if err != nil || out != -1 {
				t.Fatalf("seed %d: out %d, err %v", seed, out, err)
			}
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("seed %d pass %d: (-heap +pass):\n%s", seed, pass, diff)
			}
			if r.work-before != wantWork {
				t.Fatalf("seed %d pass %d: work %d, the heap's %d", seed, pass, r.work-before, wantWork)
			}
		}
		for k, i := range want.Order[1:] {
			if i < want.Order[k] {
				late++
			}
		}
	}
	if late < 50 {
		t.Errorf("only %d tasks decided after a higher index: the problems do not exercise the late queue", late)
	}
}

// shuffled is p with its tasks in a random order (references renumbered).
func shuffled(rng *rand.Rand, p *Problem) *Problem {
	perm := rng.Perm(len(p.Tasks)) // old index -> new index
	renumber := func(ids []int) []int {
		out := slices.Clone(ids)
		for k, i := range out {
			out[k] = perm[i]
		}
		return out
	}
	q := *p
	q.Tasks = make([]Task, len(p.Tasks))
	for i, tk := range p.Tasks {
		tk.Preds = renumber(tk.Preds)
		q.Tasks[perm[i]] = tk
	}
	q.Choices, q.Together = nil, nil
	for _, c := range p.Choices {
		q.Choices = append(q.Choices, renumber(c))
	}
	for _, g := range p.Together {
		q.Together = append(q.Together, renumber(g))
	}
	return &q
}

// rankPassByHeap is a rank-order pass with a heap of the eligible tasks
// (a task waits for its predecessors; choice options, together groups
// and lead tasks ranked above predecessors of theirs are decided as in
// every pass, by passExtras),
// and the tasks it took off the heap (the work).
func rankPassByHeap(p *Problem, pins []pin) (*Schedule, int) {
	n := len(p.Tasks)
	sch := &Schedule{Start: make([]int, n), Blocked: make([]Blocker, n), Order: []int{}, Apart: []GroupMiss{}}
	decided, waiting, succs := make([]bool, n), make([]int, n), make([][]int, n)
	for i := range sch.Start {
		sch.Start[i] = -1
		for _, q := range p.Tasks[i].Preds {
			succs[q] = append(succs[q], i)
		}
	}
	st := NewState(p)
	for _, pn := range pins {
		st.Place(pn.task, pn.start)
		sch.Start[pn.task] = pn.start
		sch.Order = append(sch.Order, pn.task)
		decided[pn.task] = true
	}
	h := &posHeap{pos: identity(n)}
	for i := range n {
		for _, q := range p.Tasks[i].Preds {
			if !decided[q] {
				waiting[i]++
			}
		}
		if !decided[i] && waiting[i] == 0 {
			h.items = append(h.items, i)
		}
	}
	heap.Init(h)
	decide := func(i int) {
		decided[i] = true
		sch.Order = append(sch.Order, i)
		for _, j := range succs[i] {
			if !decided[j] {
				waiting[j]--
				if waiting[j] == 0 {
					heap.Push(h, j)
				}
			}
		}
	}
	x := newPassExtras(p, identity(n), succs)
	work := 0
	nextLead := 0
	for {
		next := -1
		if h.Len() > 0 {
			next = h.items[0]
		}
		if l := x.nextLead(decided, &nextLead, next); l >= 0 {
			work += decisionCost(p, l)
			x.leadTurn(st, sch, decided, l, decide)
			continue
		}
		if next < 0 {
			break
		}
		i := heap.Pop(h).(int)
		work += decisionCost(p, i)
		if decided[i] {
			continue
		}
		x.tryBetter(st, sch, decided, i, decide)
		switch {
		case decided[i]:
		case x.grouped(i):
			x.decideGroup(st, sch, decided, i, i, decide)
		default:
			decideAlone(p, st, sch, i)
			decide(i)
		}
	}
	return sch, work
}

func TestDecisionCost(t *testing.T) {
	for _, tc := range []struct{ duration, want int }{{1, 1}, {64, 1}, {65, 2}, {128, 2}, {129, 3}, {10000, 157}} {
		p := &Problem{Tasks: []Task{{Duration: tc.duration}}}
		if got := decisionCost(p, 0); got != tc.want {
			t.Errorf("decisionCost of a %d-period task = %d, want %d", tc.duration, got, tc.want)
		}
	}
}

// Without together groups a pass decides the tasks in an order computed
// once per set of pins (orderFor) instead of with the queue, and without
// choices and limits in flight it decides plain tasks from packed arrays
// (hot.go) instead of EarliestFit and Place: RankOrder's
// schedules, moves, misses, work and decisions are the same either way,
// over problems whose deadline rule runs many passes, cut short or not,
// with the same pins and with new ones, and runs out of work at times:
// random problems of every kind of constraint (half of them with one
// team per task) and crowded portfolios where many passes share pins.
func TestRankOrderInOrderMatchesQueue(t *testing.T) {
	moves, passes := 0, 0 // passes: in whole passes' decisions
	for seed := uint64(1); seed <= 400; seed++ {
		rng := rand.New(rand.NewPCG(seed, 17))
		sp := problemSpec{tasks: 10 + rng.IntN(50), horizon: 8 + rng.IntN(24), resources: 1 + rng.IntN(8),
			budgets: rng.IntN(2) == 0, windows: rng.IntN(2) == 0,
			teamParallel: rng.IntN(4) == 0, choices: rng.IntN(4) == 0, together: rng.IntN(6) == 0}
		if rng.IntN(4) == 0 {
			sp.maxParallel = 2 + rng.IntN(3)
		}
		p := shuffled(rng, randomProblem(rng, sp))
		oneTeam := rng.IntN(2) == 0
		for i := range p.Tasks {
			tk := &p.Tasks[i]
			for k := range tk.Demand {
				tk.Demand[k].Amount *= 0.1 * float64(3+rng.IntN(9))
			}
			if oneTeam && len(tk.Demand) > 1 {
				tk.Demand = tk.Demand[rng.IntN(len(tk.Demand)):][:1]
			}
			if rng.IntN(3) == 0 {
				tk.HasDeadline = true
				tk.Latest = min(p.Horizon-1, max(tk.Earliest, 0)+tk.Duration-1+rng.IntN(4))
			}
		}
		work := DeadlineWork(len(p.Tasks))
		if rng.IntN(4) == 0 {
			work = 10 + rng.IntN(100) // the rule runs out of work
		}
		queued := newRankPass(p)
		queued.queued = true
		want, err := rankOrder(context.Background(), queued, work)
		if err != nil {
			t.Fatal(err)
		}
		inOrder := newRankPass(p)
		got, err := rankOrder(context.Background(), inOrder, work)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("seed %d: (-queue +in order):\n%s", seed, diff)
		}
		if inOrder.work != queued.work || inOrder.steps != queued.steps {
			t.Fatalf("seed %d: work %d and %d decisions in order, %d and %d with the queue", seed, inOrder.work, inOrder.steps, queued.work, queued.steps)
		}
		moves += len(got.Moves)
		passes += inOrder.steps / len(p.Tasks)
	}
	for seed := uint64(1); seed <= 150; seed++ {
		rng := rand.New(rand.NewPCG(seed, 19))
		p := shuffled(rng, crowdedPortfolio(rng))
		queued := newRankPass(p)
		queued.queued = true
		want, err := rankOrder(context.Background(), queued, DeadlineWork(len(p.Tasks)))
		if err != nil {
			t.Fatal(err)
		}
		inOrder := newRankPass(p)
		got, err := rankOrder(context.Background(), inOrder, DeadlineWork(len(p.Tasks)))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("portfolio %d: (-queue +in order):\n%s", seed, diff)
		}
		if inOrder.work != queued.work || inOrder.steps != queued.steps {
			t.Fatalf("portfolio %d: work %d and %d decisions in order, %d and %d with the queue", seed, inOrder.work, inOrder.steps, queued.work, queued.steps)
		}
		moves += len(got.Moves)
		passes += inOrder.steps / len(p.Tasks)
	}
	// The problems must make the rule move tasks and run many passes.
	if moves < 100 || passes < 2000 {
		t.Errorf("%d moves, %d passes' worth of decisions", moves, passes)
	}
	t.Logf("%d moves, %d passes' worth of decisions", moves, passes)
}

// crowdedPortfolio is a portfolio like a generated roadmap's, crowded:
// teams of fractional capacity, tasks on one or two of them, a budget
// (and sometimes a second one sharing tasks, run spend after a task, a
// limit on tasks in flight), dependencies, and deadlines that many tasks
// miss, so that the deadline rule tries many starts.
func crowdedPortfolio(rng *rand.Rand) *Problem {
	periods, teams, n := 12+rng.IntN(30), 3+rng.IntN(14), 40+rng.IntN(120)
	p := &Problem{Horizon: periods}
	if rng.IntN(5) == 0 {
		p.MaxParallel = n / 8
	}
	for r := range teams {
		c := make([]float64, periods)
		for t := range c {
			c[t] = 2 + 0.5*float64(rng.IntN(9))
		}
		p.Resources = append(p.Resources, Resource{ID: fmt.Sprintf("team%d", r), Capacity: c})
	}
	budgets := 1 + rng.IntN(2)
	for b := range budgets {
		bg := Budget{ID: fmt.Sprintf("b%d", b)}
		for t := range periods {
			bg.Window = append(bg.Window, t/4)
		}
		for w := 0; w <= (periods-1)/4; w++ {
			bg.Limit = append(bg.Limit, float64(n)*float64(5000+rng.IntN(20000)))
			bg.Labels = append(bg.Labels, fmt.Sprintf("w%d", w))
		}
		p.Budgets = append(p.Budgets, bg)
	}
	for i := range n {
		tk := Task{ID: fmt.Sprintf("p%d", i), Duration: 1 + rng.IntN(5), Budget: 0, Latest: periods - 1}
		for _, r := range rng.Perm(teams)[:1+rng.IntN(2)] {
			tk.Demand = append(tk.Demand, Demand{Resource: r, Amount: 0.5 + 0.25*float64(rng.IntN(8))})
		}
		for range tk.Duration {
			tk.Spend = append(tk.Spend, float64(20000+rng.IntN(80000)))
		}
		if budgets > 1 && rng.IntN(3) == 0 {
			tk.Budget, tk.Shares = -1, []BudgetShare{{Budget: 0, Share: 0.25}, {Budget: 1, Share: 0.75}}
		}
		if rng.IntN(6) == 0 {
			tk.Run = []float64{5000, 5000, 5000}
			tk.RunShares = []BudgetShare{{Budget: budgets - 1, Share: 1}}
		}
		if i > 0 && rng.IntN(5) < 2 {
			tk.Preds = append(tk.Preds, rng.IntN(i))
		}
		if rng.IntN(4) == 0 {
			tk.HasDeadline = true
			tk.Latest = min(periods-1, tk.Duration-1+rng.IntN(periods/2))
		}
		p.Tasks = append(p.Tasks, tk)
	}
	return p
}
