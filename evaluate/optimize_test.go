package evaluate

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// optimizeConfig: "big" ranks first and takes the whole team for the whole
// horizon; "left" and "right" together are worth more.
func optimizeConfig() *hclspec.Config {
	cfg := schedConfig(2, 2)
	big := schedProject(cfg, "big", 2, 2)
	big.Benefit.PerYear = 3000000
	for _, id := range []string{"left", "right"} {
		p := schedProject(cfg, id, 2, 1)
		p.Benefit.PerYear = 2000000
	}
	return cfg
}

func TestOptimizeBeatsRankOrder(t *testing.T) {
	cfg := optimizeConfig()
	rank := mustEvaluate(t, cfg)
	if got := outcomes(rank); got["big"].Status != StatusScheduled || got["left"].Status != StatusDeferred {
		t.Fatalf("rank order: %v, want big in and left out", got)
	}
	if rank.Optimization != nil {
		t.Error("optimization reported without --optimize")
	}
	plan, diags := Evaluate(context.Background(), cfg, Options{Optimize: true, Seed: 3, TimeLimit: time.Minute})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	want := map[string]outcome{
		"big":   {StatusDeferred, -1, `team "platform" is full 2027-Q1..2027-Q2 (needs 2 FTE for 2 periods)`},
		"left":  {StatusScheduled, 0, ""},
		"right": {StatusScheduled, 0, ""},
	}
	if diff := cmp.Diff(want, outcomes(plan)); diff != "" {
		t.Errorf("optimised outcomes (-want +got):\n%s", diff)
	}
	o := plan.Optimization
	if o == nil {
		t.Fatal("no optimization report")
	}
	// Scores: big (value 1) 1.0; left and right (value 0) 0.5 + 0.2 = 0.7.
	if o.Objective != "value" || o.Baseline != 1 || o.Best != 1.4 || o.Seed != 3 || o.Best != plan.Totals.Score {
		t.Errorf("optimization %+v, totals score %v", o, plan.Totals.Score)
	}
	wantChanges := []string{
		"total score of the scheduled projects 1.4 instead of 1 in rank order",
		`"big" is deferred to make room for projects worth more together; in rank order it ran 2027-Q1..2027-Q2`,
		`"left" is scheduled 2027-Q1..2027-Q2; in rank order it was deferred`,
		`"right" is scheduled 2027-Q1..2027-Q2; in rank order it was deferred`,
	}
	if diff := cmp.Diff(wantChanges, o.Changes); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
	if errs := planViolations(cfg, plan); len(errs) > 0 {
		t.Errorf("optimised plan breaks limits: %v", errs)
	}
	// optimize = true in the roadmap block does the same.
	cfg.Roadmap.Optimize = true
	again, _ := Evaluate(context.Background(), cfg, Options{Seed: 3, TimeLimit: time.Minute})
	a, _ := json.Marshal(plan)
	b, _ := json.Marshal(again)
	if string(a) != string(b) {
		t.Error("optimize = true in the roadmap gave a different plan from --optimize")
	}
}

// The optimised plan keeps every limit over random roadmaps.
func TestOptimizedPlansKeepLimits(t *testing.T) {
	improved := 0
	for seed := uint64(1); seed <= 150; seed++ {
		cfg := randomConfig(seed)
		plan, diags := Evaluate(context.Background(), cfg, Options{Optimize: true, Seed: int64(seed), TimeLimit: time.Minute})
		if diags.HasErrors() || plan == nil || plan.Optimization == nil {
			t.Fatalf("seed %d: %v", seed, diags)
		}
		for _, err := range planViolations(cfg, plan) {
			t.Errorf("seed %d: %s", seed, err)
		}
		if o := plan.Optimization; len(o.Changes) > 0 {
			improved++
		}
	}
	t.Logf("%d of 150 plans improved on rank order", improved)
}
