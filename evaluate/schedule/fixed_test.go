package schedule

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// addRandomFixed gives p fixed load: work in flight from period 0 (with
// demand, sometimes more than the capacity) and spend to date.
func addRandomFixed(rng *rand.Rand, p *Problem) {
	for k := range 1 + rng.IntN(2) {
		f := Fixed{ID: fmt.Sprintf("f%d", k), Start: rng.IntN(2) - 1, Duration: 1 + rng.IntN(3), Budget: -1, Slot: true}
		for r := range p.Resources {
			if rng.IntN(2) == 0 {
				f.Demand = append(f.Demand, Demand{Resource: r, Amount: float64(1 + rng.IntN(5))})
			}
		}
		if len(p.Budgets) > 0 {
			f.Budget = 0
			for range f.Duration {
				f.Spend = append(f.Spend, float64(rng.IntN(6)))
			}
		}
		p.Fixed = append(p.Fixed, f)
	}
}

// The optimiser and rank order schedule around fixed load: Verify accepts
// what they produce, and the optimiser still finds the exhaustive optimum
// (judged by Verify alone).
func TestFixedLoadSchedulesAreFeasibleAndOptimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 12))
	for c := range 30 {
		sp := problemSpec{tasks: 5, horizon: 6, resources: 1 + c%2, maxParallel: []int{0, 2}[c%2], budgets: c%3 == 0, mandatory: 0.2}
		p := randomProblem(rng, sp)
		addRandomFixed(rng, p)
		ro, err := RankOrder(context.Background(), p, DeadlineWork(len(p.Tasks)))
		if err != nil {
			t.Fatal(err)
		}
		if err := Verify(p, ro.Start); err != nil {
			t.Fatalf("case %d: rank order: %v", c, err)
		}
		if c%3 == 0 {
			continue // with budgets the SGS does not reach every optimum
		}
		want := bruteForce(p, ObjectiveValue)
		res := optimize(context.Background(), p, OptimizeInput{Objective: ObjectiveValue, Seed: 1, MaxSchedules: 3000}, exhaustiveLimit)
		if err := Verify(p, res.Schedule.Start); err != nil {
			t.Fatalf("case %d: optimised: %v", c, err)
		}
		got := (&engine{p: p, n: len(p.Tasks)}).fitnessOf(res.Schedule.Start)
		got.makespan, want.makespan, got.placed, want.placed = 0, 0, 0, 0
		if (&search{obj: ObjectiveValue}).compare(got, want) != 0 {
			t.Errorf("case %d: optimiser found %+v, exhaustive search %+v", c, got, want)
		}
	}
}

// Verify tolerates an overload that fixed load alone causes, and rejects
// a task that adds to it.
func TestVerifyFixedOverload(t *testing.T) {
	p := &Problem{
		Horizon:   3,
		Resources: []Resource{{ID: "team", Capacity: []float64{2, 2, 2}}},
		Budgets:   []Budget{{ID: "capex", Window: []int{0, 0, 0}, Limit: []float64{10}, Labels: []string{"total"}}},
		Fixed: []Fixed{{ID: "late", Start: 0, Duration: 2, Demand: []Demand{{Resource: 0, Amount: 3}},
			Budget: 0, Spend: []float64{6, 6}, Slot: true}},
		Tasks: []Task{{ID: "next", Duration: 1, Demand: []Demand{{Resource: 0, Amount: 1}}, Budget: -1, Latest: 2}},
	}
	if err := Verify(p, []int{-1}); err != nil {
		t.Errorf("fixed overload alone: %v", err)
	}
	if err := Verify(p, []int{2}); err != nil {
		t.Errorf("task after the fixed load: %v", err)
	}
	err := Verify(p, []int{1})
	if err == nil || !strings.Contains(err.Error(), "over capacity in period 1") {
		t.Errorf("task on top of the overload: got %v", err)
	}
	sch := SerialSGS(p, []int{0})
	if sch.Start[0] != 2 {
		t.Errorf("serial SGS placed the task at %d, want 2 (after the fixed load)", sch.Start[0])
	}
	// A funded task finds the budget spent by the fixed load.
	p.Tasks[0].Budget, p.Tasks[0].Spend = 0, []float64{1}
	if sch := SerialSGS(p, []int{0}); sch.Start[0] != -1 {
		t.Errorf("funded task placed at %d, want out: the budget is spent", sch.Start[0])
	}
	if b, ok := NewState(p).violation(0, 2); ok || b.Kind != BlockBudget {
		t.Errorf("funded task at 2: %+v, want blocked by the budget", b)
	}
	if err := Verify(p, []int{2}); err == nil {
		t.Error("Verify accepted spend on top of a budget the fixed load overspent")
	}
}
