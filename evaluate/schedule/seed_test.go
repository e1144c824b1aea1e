package schedule

import (
	"context"
	"testing"
)

// Rank order may decide a task before a lower-ranked predecessor (here
// the option p7, ranked first, is deferred at its turn before p1 comes
// up), so its decision order is no activity list. The optimiser seeded
// its search with it and placed p7 without p1 (review qa17 D10).
func TestOptimizeSeedsWithPrecedenceFeasibleList(t *testing.T) {
	p := &Problem{Horizon: 4, Budgets: []Budget{{ID: "capex", Window: []int{0, 0, 0, 0}, Limit: []float64{80000}, Labels: []string{"2027"}},
		{ID: "opex", Window: []int{0, 1, 2, 3}, Limit: []float64{10000, 10000, 10000, 10000}, Labels: []string{"a", "b", "c", "d"}, HasSteady: true, Steady: 40000}},
		Tasks: []Task{
			{ID: "p7", Duration: 2, Budget: 1, Spend: []float64{10000, 10000}, Run: []float64{10000, 10000}, RunShares: []BudgetShare{{1, 1}}, RunYear: 40000, Preds: []int{2}, Latest: 3, Weight: 0.658},
			{ID: "p3", Duration: 1, Budget: 1, Spend: []float64{0}, Run: []float64{10000, 10000, 10000}, RunShares: []BudgetShare{{1, 1}}, RunYear: 40000, Latest: 3, Weight: 0.48},
			{ID: "p1", Duration: 1, Budget: 0, Spend: []float64{50000}, Run: []float64{5000, 5000, 5000}, RunShares: []BudgetShare{{1, 1}}, RunYear: 20000, Latest: 3, Weight: 0.054},
		},
		Choices: [][]int{{0, 1}}}
	base := &Schedule{Start: []int{-1, 0, -1}, Blocked: make([]Blocker, 3), Order: []int{0, 1, 2}}
	if err := Verify(p, base.Start); err != nil {
		t.Fatalf("baseline: %v", err)
	}
	for _, obj := range []Objective{ObjectiveValue, ObjectiveFinish} {
		for seed := range int64(5) {
			res := Optimize(context.Background(), p, OptimizeInput{BaselineSchedule: base, Objective: obj, Seed: seed, MaxSchedules: 500})
			if err := Verify(p, res.Schedule.Start); err != nil {
				t.Errorf("%s, seed %d: %v (starts %v)", obj, seed, err, res.Schedule.Start)
			}
		}
	}
	if got := seedList(p, [][]int{nil, nil, {0}}, []int{0, 1, 2}); got[0] != 1 || got[1] != 2 || got[2] != 0 {
		t.Errorf("seedList = %v, want [1 2 0]", got)
	}
}
