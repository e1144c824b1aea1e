package synth_test

import (
	"testing"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/internal/synth"
)

// TestGeneratedRoadmapsLoadAndPlan feeds generated roadmaps to the real
// loader and evaluator: no error diagnostics, and a plan with every
// outcome a real portfolio shows.
func TestGeneratedRoadmapsLoadAndPlan(t *testing.T) {
	for _, n := range []int{100, 1000} {
		cfg := load(t, writeRoadmap(t, n))
		if len(cfg.Projects) != n || len(cfg.Teams) != synth.Sized(n, 1).Teams {
			t.Fatalf("%d projects and %d teams loaded, want %d and %d", len(cfg.Projects), len(cfg.Teams), n, synth.Sized(n, 1).Teams)
		}
		plan := evaluatePlan(t, cfg)
		tot := plan.Totals
		if tot.Scheduled < n/4 || tot.Deferred < n/10 || tot.Dropped < n/20 {
			t.Errorf("%d projects: %d scheduled, %d deferred, %d dropped; want a mix", n, tot.Scheduled, tot.Deferred, tot.Dropped)
		}
		gates := map[string]int{}
		for _, p := range plan.Projects {
			gates[p.Gate]++
		}
		for _, g := range []string{evaluate.GateAlignment, evaluate.GateDepartments, evaluate.GateViability, evaluate.GateRisk, evaluate.GateSchedule} {
			if gates[g] == 0 {
				t.Errorf("%d projects: none stopped at gate %s (%v)", n, g, gates)
			}
		}
		if len(plan.Vendors) == 0 {
			t.Errorf("%d projects: no vendor evaluations in the plan", n)
		}
	}
}
