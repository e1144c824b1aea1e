package schedule

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// yearBudget is a budget of limit a window, windows of 4 periods.
func yearBudget(horizon int, limit float64) Budget {
	bg := Budget{ID: "opex", Window: make([]int, horizon)}
	for t := range bg.Window {
		bg.Window[t] = t / 4
	}
	for range (horizon + 3) / 4 {
		bg.Limit = append(bg.Limit, limit)
	}
	return bg
}

// saver spends nothing and saves per a period from its end on.
func saver(id string, dur int, per float64, horizon int) Task {
	tk := Task{ID: id, Duration: dur, Budget: -1, Spend: make([]float64, dur), Latest: horizon - 1,
		RunShares: []BudgetShare{{Budget: 0, Share: 1}}, RunYear: -4 * per}
	for range horizon {
		tk.Run = append(tk.Run, -per)
	}
	return tk
}

// spender spends x in its one period from budget 0.
func spender(id string, x float64, horizon int) Task {
	return Task{ID: id, Duration: 1, Budget: 0, Spend: []float64{x}, Latest: horizon - 1}
}

// A saving frees a window's budget only from the period it starts in
// (qa16 Q1): spend to date, not the window's total, stays within the
// limit. Worked by hand: a window of 4 periods with 100 each, the
// saver live from period 1 saving 60 a period.
func TestDatedBudgetSpendToDate(t *testing.T) {
	const h = 8
	p := &Problem{Horizon: h, Budgets: []Budget{yearBudget(h, 100)},
		Tasks: []Task{saver("kill", 1, 60, h), spender("a", 75, h), spender("b", 75, h), spender("c", 75, h)}}
	sch, err := RankOrder(context.Background(), p, DeadlineWork(len(p.Tasks)))
	if err != nil {
		t.Fatal(err)
	}
	// a at 0 (75 to date); b at 1 (75 + 75 - 60 = 90); c: 165 by period
	// 1, 105 by period 2 (a saving alone), 45 by period 3.
	if diff := cmp.Diff([]int{0, 0, 1, 3}, sch.Start); diff != "" {
		t.Errorf("starts (-want +got):\n%s", diff)
	}
	if err := Verify(p, sch.Start); err != nil {
		t.Errorf("Verify: %v", err)
	}
	// The window's total is 225 - 180 = 45, but 150 is spent by period 0.
	if err := Verify(p, []int{0, 0, 0, 3}); err == nil {
		t.Error("Verify accepts 150 spent to date against 100")
	}
	for _, obj := range []Objective{ObjectiveFinish, ObjectiveValue} {
		res := Optimize(context.Background(), p, OptimizeInput{Objective: obj, Seed: 1, MaxSchedules: 500})
		if err := Verify(p, res.Schedule.Start); err != nil {
			t.Errorf("%s: Verify: %v", obj, err)
		}
	}
}

// State's test of a start (Fits) and Verify agree on random problems,
// most with savings, a third with spans longer than longSpan: placing a task keeps a schedule Verify accepts exactly
// when Fits says it fits. Rank order and the optimiser give schedules
// Verify accepts.
func TestDatedBudgetFitsAgreesWithVerify(t *testing.T) {
	dated, rejected := 0, 0
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 7))
		h := 4 + rng.IntN(9)
		long := seed%3 == 0 // spans past longSpan: the running-sum paths
		if long {
			h = longSpan + 10 + rng.IntN(40)
		}
		p := &Problem{Horizon: h, Budgets: []Budget{yearBudget(h, float64(50+rng.IntN(100)))}}
		if long && rng.IntN(2) == 0 { // one window: the whole horizon
			clear(p.Budgets[0].Window)
			p.Budgets[0].Limit = []float64{float64(500 + rng.IntN(3000))}
		}
		if rng.IntN(2) == 0 {
			p.Budgets[0].HasSteady, p.Budgets[0].Steady = true, float64(rng.IntN(150))
		}
		n := 3 + rng.IntN(6)
		for i := range n {
			id := fmt.Sprint("t", i)
			dur := 1 + rng.IntN(3)
			if long && rng.IntN(3) == 0 {
				dur = longSpan + 1 + rng.IntN(8)
			}
			tk := Task{ID: id, Duration: dur, Budget: 0, Latest: h - 1}
			for range dur {
				tk.Spend = append(tk.Spend, float64(rng.IntN(60)))
			}
			if rng.IntN(3) == 0 { // a saver, net of its own run cost
				per := float64(20 - rng.IntN(80))
				tk.RunShares, tk.RunYear = []BudgetShare{{Budget: 0, Share: 1}}, 4*per
				for range h {
					tk.Run = append(tk.Run, per)
				}
			}
			p.Tasks = append(p.Tasks, tk)
		}
		if p.DatedBudgets() != nil {
			dated++
		}
		st := NewState(p)
		start := make([]int, n)
		for i := range start {
			start[i] = -1
		}
		for _, i := range rng.Perm(n) {
			for s := range h - p.Tasks[i].Duration + 1 {
				start[i] = s
				verr := Verify(p, start)
				start[i] = -1
				if fits := st.Fits(i, s); fits != (verr == nil) {
					t.Fatalf("seed %d: task %d at %d: Fits %v, Verify %v (starts %v)", seed, i, s, fits, verr, start)
				}
				if verr != nil {
					rejected++
				}
			}
			if s, _ := st.EarliestFit(i, 0); s >= 0 {
				st.Place(i, s)
				start[i] = s
			}
		}
		sch, err := RankOrder(context.Background(), p, DeadlineWork(n))
		if err != nil {
			t.Fatal(err)
		}
		if err := Verify(p, sch.Start); err != nil {
			t.Fatalf("seed %d: rank order: %v", seed, err)
		}
		res := Optimize(context.Background(), p, OptimizeInput{Objective: ObjectiveValue, Seed: int64(seed), MaxSchedules: 200})
		if err := Verify(p, res.Schedule.Start); err != nil {
			t.Fatalf("seed %d: optimiser: %v", seed, err)
		}
	}
	if dated < 150 || rejected < 100 {
		t.Errorf("%d problems with savings, %d starts rejected: too few to test", dated, rejected)
	}
}
