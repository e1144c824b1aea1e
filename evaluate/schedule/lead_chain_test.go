package schedule

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// leadChain is n lead tasks of one period over horizon periods, each
// depending on the next one (so each comes before a predecessor in
// index order): a chain of mandatory projects ranked against their
// dependency order.
func leadChain(n, horizon int) *Problem {
	p := &Problem{Horizon: horizon, Tasks: make([]Task, n)}
	for i := range n {
		p.Tasks[i] = Task{ID: fmt.Sprint("t", i), Duration: 1, Budget: -1, Latest: horizon - 1, Lead: true}
		if i+1 < n {
			p.Tasks[i].Preds = []int{i + 1}
		}
	}
	return p
}

// A chain of lead tasks longer than the horizon: the leads that can
// never fit are not tried at their turn (review qa15g F14: each lead
// walked, and tried to place, everything it needs: 10,000 mandatory
// projects in a chain took 51 s to plan). Only the leads whose chain can
// fit are tried; the schedule is what trying them all gave.
func TestDoomedLeadsAreNotTried(t *testing.T) {
	const n, horizon = 300, 8
	p := leadChain(n, horizon)
	x := newPassExtras(p, identity(n), successors(p))
	if len(x.leads) != n-1 {
		t.Fatalf("%d leads, want %d", len(x.leads), n-1)
	}
	st := NewState(p)
	sch := &Schedule{Start: make([]int, n), Blocked: make([]Blocker, n)}
	for i := range sch.Start {
		sch.Start[i] = -1
	}
	decided := make([]bool, n)
	decide := func(i int) { decided[i] = true }
	placed := 0
	for _, l := range x.leads {
		x.leadTurn(st, sch, decided, l, func(i int) {
			decide(i)
			placed++
		})
	}
	// Tasks n-1 .. n-horizon fit (in periods 0..horizon-1); the first
	// lead in turn that can fit, n-horizon, places them all.
	if tried := x.pl.gen; tried > horizon {
		t.Errorf("place tried %d times for %d leads, want at most %d (the leads that can fit)", tried, n-1, horizon)
	}
	if placed != horizon {
		t.Errorf("%d tasks placed, want %d", placed, horizon)
	}
	for k := range horizon {
		if got := sch.Start[n-1-k]; got != k {
			t.Errorf("t%d starts in %d, want %d", n-1-k, got, k)
		}
	}
}

// lateLeads and doomedTasks agree with their definitions, walked task
// by task, on random graphs.
func TestLateLeadsAndDoomedTasksByDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		n := 1 + rng.IntN(30)
		horizon := 1 + rng.IntN(12)
		p := &Problem{Horizon: horizon, Tasks: make([]Task, n)}
		for i := range n {
			tk := Task{ID: fmt.Sprint(i), Duration: 1 + rng.IntN(3), Budget: -1, Earliest: rng.IntN(4), Latest: horizon - 1 - rng.IntN(3), Lead: rng.IntN(2) == 0}
			// Predecessors among higher indexes only: acyclic.
			for q := i + 1; q < n; q++ {
				if rng.IntN(n) < 2 {
					tk.Preds = append(tk.Preds, q)
				}
			}
			p.Tasks[i] = tk
		}
		pos := rng.Perm(n)
		topo := topoOrder(p, successors(p), nil)
		// ancestors lists i's predecessors, direct or not.
		ancestors := func(i int) []int {
			seen := map[int]bool{}
			stack := slices.Clone(p.Tasks[i].Preds)
			var out []int
			for len(stack) > 0 {
				q := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if !seen[q] {
					seen[q] = true
					out = append(out, q)
					stack = append(stack, p.Tasks[q].Preds...)
				}
			}
			return out
		}
		var want []int
		for i := range n {
			if p.Tasks[i].Lead && slices.ContainsFunc(ancestors(i), func(q int) bool { return pos[q] > pos[i] }) {
				want = append(want, i)
			}
		}
		slices.SortFunc(want, func(a, b int) int { return pos[a] - pos[b] })
		if got := lateLeads(p, pos, topo); !slices.Equal(got, want) {
			t.Fatalf("trial %d: lateLeads %v, want %v", trial, got, want)
		}
		// The earliest start by definition: the longest chain of
		// durations ending at i, from each task's Earliest.
		var est func(i int) int
		est = func(i int) int {
			e := max(p.Tasks[i].Earliest, 0)
			for _, q := range p.Tasks[i].Preds {
				e = max(e, est(q)+p.Tasks[q].Duration)
			}
			return e
		}
		doomed := doomedTasks(p, topo)
		for i := range n {
			want := est(i) > p.lastStart(i)
			for _, q := range ancestors(i) {
				want = want || est(q) > p.lastStart(q)
			}
			if doomed[i] != want {
				t.Fatalf("trial %d: task %d doomed %v, want %v", trial, i, doomed[i], want)
			}
		}
	}
}
