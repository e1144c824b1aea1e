package schedule

import (
	"context"
	"fmt"
	"testing"
)

// TestOptimizeKeepsDue: the optimiser ranks schedules by the Due sets
// they keep right after their mandatory tasks, above the objective: of a
// choice between a heavier option that ends late and a lighter one that
// ends in time, it takes the one in time, and the preferred option goes
// first in a rank-order pass. Without Due (and without the preference)
// the heavier one wins, as the optimiser used to choose whatever the
// policy said.
func TestOptimizeKeepsDue(t *testing.T) {
	build := func(due, preferred bool) *Problem {
		p := &Problem{
			Horizon:   6,
			Resources: []Resource{{ID: "t", Capacity: []float64{1, 1, 1, 1, 1, 1}}},
			Tasks: []Task{
				{ID: "late", Duration: 4, Demand: []Demand{{0, 1}}, Budget: -1, Latest: 5, Weight: 10},
				{ID: "soon", Duration: 2, Demand: []Demand{{0, 1}}, Budget: -1, Latest: 5, Weight: 6, Preferred: preferred},
				{ID: "other", Duration: 2, Demand: []Demand{{0, 1}}, Budget: -1, Latest: 5, Weight: 1},
			},
			Choices: [][]int{{0, 1}},
		}
		if due {
			p.Due = []Due{{Tasks: []int{0, 1}, By: 1}}
		}
		return p
	}
	tests := []struct {
		due, preferred bool
		rank, opt      string // the option placed
	}{
		{false, false, "late", "late"},
		{true, false, "late", "soon"},
		{true, true, "soon", "soon"},
	}
	for _, tt := range tests {
		for _, obj := range []Objective{ObjectiveValue, ObjectiveFinish} {
			t.Run(fmt.Sprintf("due=%v/preferred=%v/%s", tt.due, tt.preferred, obj), func(t *testing.T) {
				p := build(tt.due, tt.preferred)
				base, err := RankOrder(context.Background(), p, DeadlineWork(len(p.Tasks)))
				if err != nil {
					t.Fatal(err)
				}
				if got := placedOption(p, base.Start); got != tt.rank {
					t.Errorf("rank order places %q, want %q", got, tt.rank)
				}
				search := *p
				search.Tasks = append([]Task(nil), p.Tasks...)
				for i := range search.Tasks {
					search.Tasks[i].Preferred = false
				}
				res := Optimize(context.Background(), &search, OptimizeInput{BaselineSchedule: base, Objective: obj, Seed: 1, MaxSchedules: 2000})
				if err := Verify(&search, res.Schedule.Start); err != nil {
					t.Fatalf("invalid schedule: %v", err)
				}
				want := tt.opt
				if obj == ObjectiveFinish && !tt.due {
					want = "soon" // the shorter option finishes first
				}
				if got := placedOption(p, res.Schedule.Start); got != want {
					t.Errorf("optimiser places %q, want %q (start %v)", got, want, res.Schedule.Start)
				}
				if tt.due && !p.Due[0].Kept(p, res.Schedule.Start) {
					t.Errorf("optimised schedule %v does not keep the due set", res.Schedule.Start)
				}
			})
		}
	}
}

func placedOption(p *Problem, start []int) string {
	for _, o := range p.Choices[0] {
		if start[o] >= 0 {
			return p.Tasks[o].ID
		}
	}
	return ""
}
