package synth_test

import (
	"os"
	"path/filepath"
	"strings"
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

// With RunFunding, the projects' run costs draw on the opex budget "run"
// from go-live to the end of the horizon: it has spend in its late
// windows, and some projects wait for it (a schedule note names it).
func TestRunFundingRoadmapPlansRunCosts(t *testing.T) {
	c := synth.Sized(1000, 1)
	c.RunFunding = true
	dir := t.TempDir()
	for _, f := range synth.Generate(c) {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := load(t, dir)
	plan := evaluatePlan(t, cfg)
	if len(plan.RunRate.Projects) == 0 {
		t.Fatal("no project adds run costs")
	}
	onRun := 0
	for _, p := range plan.RunRate.Projects {
		if p.Budget == "run" {
			onRun++
		}
	}
	if onRun != len(plan.RunRate.Projects) {
		t.Errorf("%d of %d projects' run costs on budget run", onRun, len(plan.RunRate.Projects))
	}
	last := plan.Periods[len(plan.Periods)-1].Budgets["run"]
	if last.Spent <= 0 || last.Spent > last.Limit*(1+1e-9) {
		t.Errorf("budget run in the last period: %+v", last)
	}
	held := 0
	for _, p := range plan.Projects {
		for _, r := range p.Reasons {
			if strings.Contains(r, `budget "run"`) {
				held++
				break
			}
		}
	}
	if held == 0 {
		t.Error("no project waits for or is deferred by budget run")
	}
}
