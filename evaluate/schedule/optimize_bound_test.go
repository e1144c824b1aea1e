package schedule

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

// valueBound is an upper bound: no feasible schedule places more weight
// (review Q5). Random problems with an opex-like budget - run spend from
// go-live, a steady window (the year once live), credits below 0 in some
// - each scheduled by serial SGS passes over random lists, every
// schedule checked by Verify; the bound must be at least each one's
// weight. With credits the build spend passes the limits summed (a
// saving pays for it), so such a budget is left out of the bound.
func TestValueBoundAboveFeasibleSchedules(t *testing.T) {
	for seed := range 300 {
		rng := rand.New(rand.NewPCG(uint64(seed), 17))
		p := randomRunProblem(rng, seed%3 == 0)
		tm := computeTiming(p, successors(p), topoOrder(p, successors(p), nil))
		bound := valueBound(p, tm)
		e := newEngine(p)
		for range 30 {
			list := topoOrder(p, e.succs, rng.Perm(len(p.Tasks)))
			e.forward(list)
			start := append([]int(nil), e.start...)
			if err := Verify(p, start); err != nil {
				t.Fatalf("seed %d: SGS schedule not feasible: %v", seed, err)
			}
			w := 0.0
			for i, s := range start {
				if s >= 0 && p.Tasks[i].Weight > 0 {
					w += p.Tasks[i].Weight
				}
			}
			if w > bound+1e-9*(1+bound) {
				t.Fatalf("seed %d: a feasible schedule places weight %v above the bound %v (starts %v)", seed, w, bound, start)
			}
		}
		// The optimiser's best too (its search stops at the bound).
		res := Optimize(context.Background(), p, OptimizeInput{Objective: ObjectiveValue, Seed: int64(seed), MaxSchedules: 500})
		if err := Verify(p, res.Schedule.Start); err != nil {
			t.Fatalf("seed %d: optimised schedule not feasible: %v", seed, err)
		}
		if res.Best > bound+1e-9*(1+bound) || res.Bound == nil || *res.Bound < res.Best-1e-9*(1+res.Best) {
			t.Fatalf("seed %d: the optimiser's best %v, bound %v (valueBound %v)", seed, res.Best, res.Bound, bound)
		}
	}
}

// randomRunProblem is a problem with one budget paying build and run
// spend, with a steady window; with credits, some tasks free room from
// their go-live (run spend and a year once live below 0).
func randomRunProblem(rng *rand.Rand, credits bool) *Problem {
	h := 4 + rng.IntN(5)
	p := &Problem{Horizon: h}
	b := Budget{ID: "opex", HasSteady: true, Steady: float64(rng.IntN(12))}
	for t := range h {
		b.Window = append(b.Window, t/4)
	}
	for w := 0; w <= (h-1)/4; w++ {
		b.Limit = append(b.Limit, float64(2+rng.IntN(10)))
		b.Labels = append(b.Labels, fmt.Sprintf("y%d", w))
	}
	p.Budgets = append(p.Budgets, b)
	for i := range 3 + rng.IntN(6) {
		tk := Task{ID: fmt.Sprintf("t%d", i), Duration: 1 + rng.IntN(2), Budget: 0, Latest: h - 1, Weight: float64(1 + rng.IntN(8))}
		for range tk.Duration {
			tk.Spend = append(tk.Spend, float64(rng.IntN(5)))
		}
		run := float64(rng.IntN(3))
		if credits && rng.IntN(4) == 0 {
			run = -float64(1 + rng.IntN(4))
		}
		if run != 0 {
			tk.RunShares = []BudgetShare{{Budget: 0, Share: 1}}
			for range h {
				tk.Run = append(tk.Run, run)
			}
			tk.RunYear = 4 * run
		}
		if rng.IntN(3) == 0 {
			tk.Earliest = rng.IntN(h / 2)
		}
		p.Tasks = append(p.Tasks, tk)
	}
	return p
}

// The bound counts an opex budget's year once live and the run spend a
// task must have inside the horizon (review Q5): one window of 6 over 4
// periods and a year once live of 4, no build spend. Each task weighs 1
// and takes one period.
func TestValueBoundCountsRunSpend(t *testing.T) {
	three := []float64{3, 3, 3, 3}
	for _, tt := range []struct {
		name    string
		run     []float64 // each task's run spend per period from go-live
		runYear float64
		latest  int
		want    float64
	}{
		// 4 a year once live each: the year takes one (2 before).
		{"a year once live", nil, 4, 3, 1},
		// 3 a period from go-live: live at the end of the horizon, it
		// spends nothing inside it.
		{"run spend avoidable by going live last", three, 0, 3, 2},
		// Done by period 1: live from period 2 at the latest, 6 each.
		{"run spend it must have", three, 0, 1, 1},
		// A credit makes room: the budget is left out of the bound.
		{"a credit", []float64{-3, -3, -3, -3}, -8, 1, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := &Problem{Horizon: 4, Budgets: []Budget{{ID: "opex", Window: []int{0, 0, 0, 0}, Limit: []float64{6}, Labels: []string{"y"}, HasSteady: true, Steady: 4}}}
			for i := range 2 {
				p.Tasks = append(p.Tasks, Task{ID: fmt.Sprint(i), Duration: 1, Budget: 0, Spend: []float64{0}, Latest: tt.latest, Weight: 1,
					Run: tt.run, RunYear: tt.runYear, RunShares: []BudgetShare{{Budget: 0, Share: 1}}})
			}
			if tt.name == "a credit" {
				p.Tasks[1].Run, p.Tasks[1].RunYear = three, 12
			}
			succs := successors(p)
			if got := valueBound(p, computeTiming(p, succs, topoOrder(p, succs, nil))); got != tt.want {
				t.Errorf("value bound %v, want %v", got, tt.want)
			}
		})
	}
}
