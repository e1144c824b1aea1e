package evaluate

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

func optimized(t *testing.T, cfg *hclspec.Config, seed int64) *Plan {
	t.Helper()
	plan, diags := Evaluate(context.Background(), cfg, Options{Optimize: true, Seed: seed, TimeLimit: time.Minute})
	if diags.HasErrors() || plan == nil {
		t.Fatalf("Evaluate: %v", diags)
	}
	if plan.Optimization == nil {
		t.Fatal("no optimization report with Optimize set")
	}
	return plan
}

// Rank order gives the whole team to "a" for the horizon; "b" and "c"
// after one another score more together.
func TestOptimizeValue(t *testing.T) {
	cfg := schedConfig(4, 2)
	schedProject(cfg, "a", 4, 2)
	schedProject(cfg, "b", 2, 2)
	schedProject(cfg, "c", 2, 2)
	rank := mustEvaluate(t, cfg)
	if rank.Optimization != nil {
		t.Error("optimization reported without Optimize")
	}
	plan := optimized(t, cfg, 1)
	got := map[string]outcome{}
	for id, o := range outcomes(plan) {
		o.Reasons = nil
		got[id] = o
	}
	want := map[string]outcome{"a": {StatusDeferred, -1, nil}, "b": {StatusScheduled, 0, nil}, "c": {StatusScheduled, 2, nil}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	op := plan.Optimization
	if op.Objective != "value" || op.Baseline != rank.Totals.Score || op.Best != plan.Totals.Score || op.Best <= op.Baseline {
		t.Errorf("objective %s baseline %v best %v; want value, rank order's %v, the plan's %v", op.Objective, op.Baseline, op.Best, rank.Totals.Score, plan.Totals.Score)
	}
	if op.Bound == nil || *op.Bound != op.Best {
		t.Errorf("bound %v, want the best %v: exhaustive search proves it", op.Bound, op.Best)
	}
	wantChanges := []string{
		"Total score 1.873 instead of 0.945 in rank order (+0.928), within the same capacity and budgets.",
		`Schedule "b" (rank 2, score 0.94) in 2027-Q1..2027-Q2: rank order deferred it.`,
		`Schedule "c" (rank 3, score 0.933) in 2027-Q3..2027-Q4: rank order deferred it.`,
		`Defer "a" (rank 1, score 0.945), planned for 2027-Q1..2027-Q4 in rank order, to make room for "b", "c" (score 1.873 together).`,
	}
	if diff := cmp.Diff(wantChanges, op.Changes); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
	if pa := projectByID(t, plan, "a"); pa.Gate != GateSchedule || len(pa.Reasons) == 0 {
		t.Errorf("a deferred with gate %q and reasons %v; want the schedule gate and a reason", pa.Gate, pa.Reasons)
	}
}

// Rank order starts "b" (the whole team) as soon as "a" leaves room, which
// pushes the long "c" to the end; the optimum runs "c" beside "a" first.
func TestOptimizeFinish(t *testing.T) {
	cfg := schedConfig(8, 2)
	schedProject(cfg, "a", 1, 1)
	schedProject(cfg, "b", 2, 2)
	schedProject(cfg, "c", 3, 1)
	rank := mustEvaluate(t, cfg)
	if rank.Totals.FinishPeriod != 6 {
		t.Fatalf("rank order finishes at %d, the test expects 6", rank.Totals.FinishPeriod)
	}
	plan := optimized(t, cfg, 1)
	op := plan.Optimization
	if op.Objective != "finish" || op.Baseline != 6 || op.Best != 5 || plan.Totals.FinishPeriod != 5 {
		t.Errorf("objective %s baseline %v best %v finish %d; want finish 6 5 5", op.Objective, op.Baseline, op.Best, plan.Totals.FinishPeriod)
	}
	if op.Bound == nil || *op.Bound != 5 {
		t.Errorf("bound %v, want 5 (proven by exhaustive search)", op.Bound)
	}
	if plan.Totals.Scheduled != 3 {
		t.Errorf("%d scheduled, want all 3", plan.Totals.Scheduled)
	}
	want := []string{
		"Finishes at the end of 2028-Q1 instead of 2028-Q2: 1 period sooner, with the same projects.",
		`Start "c" in 2027-Q1 instead of 2027-Q4 (3 periods earlier).`,
		`Start "b" in 2027-Q4 instead of 2027-Q2 (2 periods later, leaving its teams to "c").`,
	}
	if diff := cmp.Diff(want, op.Changes); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
}

func TestOptimizeFromRoadmapBlock(t *testing.T) {
	cfg := schedConfig(4, 2)
	schedProject(cfg, "a", 4, 2)
	schedProject(cfg, "b", 2, 2)
	cfg.Roadmap.Optimize = true
	plan := mustEvaluate(t, cfg)
	if plan.Optimization == nil {
		t.Fatal("optimize = true in the roadmap block did not optimise")
	}
	if plan.Optimization.Changes == nil || len(plan.Optimization.Changes) == 0 {
		t.Error("no changes reported, not even that nothing changed")
	}
}

// Over random roadmaps the optimised plan keeps every limit, never scores
// less (or finishes later) than rank order, keeps the mandatory projects
// and the met deadlines of rank order, explains itself truthfully, and is
// the same for the same seed.
func TestOptimizePropertiesOverRandomRoadmaps(t *testing.T) {
	runs := 80
	if testing.Short() {
		runs = 30
	}
	for seed := uint64(1); seed <= uint64(runs); seed++ {
		cfg := randomConfig(seed)
		rank, diags := Evaluate(context.Background(), cfg, Options{})
		if diags.HasErrors() {
			t.Fatalf("seed %d: %v", seed, diags)
		}
		opts := Options{Optimize: true, Seed: int64(seed), TimeLimit: time.Minute}
		plan, diags := Evaluate(context.Background(), randomConfig(seed), opts)
		if diags.HasErrors() || plan == nil || plan.Optimization == nil {
			t.Fatalf("seed %d: %v", seed, diags)
		}
		for _, err := range planViolations(cfg, plan) {
			t.Errorf("seed %d (optimised): %s", seed, err)
		}
		op := plan.Optimization
		switch op.Objective {
		case "value":
			if plan.Totals.Score+1e-6 < rank.Totals.Score {
				t.Errorf("seed %d: optimised score %v below rank order's %v", seed, plan.Totals.Score, rank.Totals.Score)
			}
		case "finish":
			if plan.Totals.Scheduled < rank.Totals.Scheduled || (plan.Totals.Scheduled == rank.Totals.Scheduled && plan.Totals.FinishPeriod > rank.Totals.FinishPeriod) {
				t.Errorf("seed %d: optimised plan schedules %d finishing %d, rank order %d finishing %d", seed,
					plan.Totals.Scheduled, plan.Totals.FinishPeriod, rank.Totals.Scheduled, rank.Totals.FinishPeriod)
			}
		default:
			t.Errorf("seed %d: objective %q", seed, op.Objective)
		}
		for _, p := range rank.Projects {
			if p.Mandatory && p.Status == StatusScheduled && projectByID(t, plan, p.ID).Status != StatusScheduled {
				t.Errorf("seed %d: mandatory %s scheduled in rank order but not after optimising", seed, p.ID)
			}
			if p.Deadline != nil && p.Status == StatusScheduled && projectByID(t, plan, p.ID).Status != StatusScheduled {
				t.Errorf("seed %d: %s meets its deadline in rank order, misses it after optimising", seed, p.ID)
			}
		}
		if plan.Totals.DeadlinesMissed > rank.Totals.DeadlinesMissed {
			t.Errorf("seed %d: %d deadlines missed after optimising, %d in rank order", seed, plan.Totals.DeadlinesMissed, rank.Totals.DeadlinesMissed)
		}
		for _, err := range noteViolations(cfg, plan) {
			t.Errorf("seed %d (optimised): %s", seed, err)
		}
		if op.Bound != nil && op.Objective == "value" && op.Best > *op.Bound+1e-6 {
			t.Errorf("seed %d: best %v above the bound %v", seed, op.Best, *op.Bound)
		}
		if seed%10 == 0 {
			again, _ := Evaluate(context.Background(), randomConfig(seed), opts)
			a, _ := json.Marshal(plan)
			b, _ := json.Marshal(again)
			if !bytes.Equal(a, b) {
				t.Errorf("seed %d: the same seed gave different optimised plans", seed)
			}
		}
	}
}

func TestOptimizeReportsProgress(t *testing.T) {
	// Fifteen projects of assorted sizes on two teams: not all fit, and
	// budgets rule out exhaustive search, so the search runs its budget.
	cfg := schedConfig(6, 3)
	addTeam(cfg, "data", 2, 0)
	addBudget(cfg, "capex", 1e6, hclspec.PerTotal)
	for k := range 15 {
		p := schedProject(cfg, string(rune('a'+k)), 1+k%3, float64(1+k%2))
		p.Effort["data"] = float64(k % 3)
		p.Funding = "capex"
	}
	var calls []float64
	plan, diags := Evaluate(context.Background(), cfg, Options{Optimize: true, Seed: 1, TimeLimit: time.Minute,
		Progress: func(done float64) { calls = append(calls, done) }})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if plan.Optimization.Schedules < 1000 {
		t.Fatalf("the search stopped after %d schedules (%v); the test needs a longer one", plan.Optimization.Schedules, plan.Optimization.Changes)
	}
	if len(calls) == 0 {
		t.Errorf("no progress reported over %d schedules", plan.Optimization.Schedules)
	}
	for k, d := range calls {
		if d < 0 || d > 1 || (k > 0 && d < calls[k-1]) {
			t.Fatalf("progress %v: not a rising fraction", calls)
		}
	}
}

// A time limit that ends the search is said in the changes, and the plan
// is still a valid one (rank order at worst).
func TestOptimizeTimeLimitIsReported(t *testing.T) {
	cfg := randomConfig(7)
	for seed := uint64(8); len(cfg.Projects) < 10; seed++ {
		cfg = randomConfig(seed)
	}
	plan, diags := Evaluate(context.Background(), cfg, Options{Optimize: true, Seed: 1, TimeLimit: time.Nanosecond})
	if diags.HasErrors() || plan == nil {
		t.Fatal(diags)
	}
	for _, err := range planViolations(cfg, plan) {
		t.Error(err)
	}
	op := plan.Optimization
	if op.Best != op.Baseline && op.Bound != nil && op.Best != *op.Bound {
		// Only a search that stopped on the bound at once may differ.
		t.Errorf("best %v differs from rank order %v after no time at all", op.Best, op.Baseline)
	}
	last := op.Changes[len(op.Changes)-1]
	atBound := strings.Contains(op.Method, "already at the bound")
	if !strings.Contains(last, "time limit") && !atBound {
		t.Errorf("changes do not mention the time limit: %q", op.Changes)
	}
	if op.TimeLimitReached == atBound {
		t.Errorf("time_limit_reached = %v with method %q", op.TimeLimitReached, op.Method)
	}
}

// A search that ends on its budget or a bound says the time limit did not
// end it: the same seed gives the same plan.
func TestOptimizeWithinTimeLimitIsReproducible(t *testing.T) {
	cfg := schedConfig(4, 2)
	schedProject(cfg, "a", 4, 2)
	schedProject(cfg, "b", 2, 2)
	schedProject(cfg, "c", 2, 2)
	plan := optimized(t, cfg, 1)
	if plan.Optimization.TimeLimitReached {
		t.Errorf("time_limit_reached on a search of %d schedules: %q", plan.Optimization.Schedules, plan.Optimization.Changes)
	}
}

// TestNoImprovementOneSchedule: the "no change" line counts schedules in
// the singular when there was one.
func TestNoImprovementOneSchedule(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{
		{1, "No better plan than rank order found in 1 schedule: no change."},
		{2000, "No better plan than rank order found in 2,000 schedules: no change."},
	} {
		res := schedule.OptimizeResult{Schedules: tt.n, BaselineSchedule: &schedule.Schedule{}, Schedule: &schedule.Schedule{}}
		got := (&evaluation{}).optimizationChanges(nil, nil, res)
		if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
			t.Errorf("%d schedules (-want +got):\n%s", tt.n, diff)
		}
	}
}
