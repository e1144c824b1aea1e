package evaluate

import (
	"context"
	"encoding/json"
	"math"
	"testing"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// Configs the loader would reject can still reach Evaluate from code: it
// must answer with diagnostics or a sound plan, never a panic or NaN.
func TestEvaluateOddConfigs(t *testing.T) {
	tests := []struct {
		name      string
		cfg       func() *hclspec.Config
		wantError bool
	}{
		{"nil config", func() *hclspec.Config { return nil }, true},
		{"no roadmap", func() *hclspec.Config { return &hclspec.Config{} }, true},
		{"zero horizon", func() *hclspec.Config { c := quarterly(1); c.Roadmap.Horizon = 0; return c }, true},
		{"unknown team and budget", func() *hclspec.Config {
			c := quarterly(4)
			p := addProject(c, newProject("p", 1))
			p.Effort["ghost"] = 1
			p.Funding = "nowhere"
			return c
		}, false},
		{"non-finite money", func() *hclspec.Config {
			c := quarterly(4)
			p := addProject(c, newProject("p", 1))
			p.Cost.OneTime = math.Inf(1)
			p.Benefit.PerYear = math.NaN()
			return c
		}, true},
		{"zero duration and negative years", func() *hclspec.Config {
			c := quarterly(4)
			p := addProject(c, newProject("p", 0))
			p.Benefit.Years = -1
			return c
		}, false},
		{"deadline before earliest start", func() *hclspec.Config {
			c := quarterly(4)
			p := addProject(c, newProject("p", 1))
			p.EarliestStart, p.Deadline = 3, 1
			return c
		}, false},
		{"earliest start past the horizon", func() *hclspec.Config {
			c := quarterly(4)
			addProject(c, newProject("p", 1)).EarliestStart = 40
			return c
		}, false},
		{"unknown dependency and a cycle", func() *hclspec.Config {
			c := quarterly(4)
			addProject(c, newProject("a", 1)).DependsOn = []string{"b", "ghost"}
			addProject(c, newProject("b", 1)).DependsOn = []string{"a"}
			return c
		}, true},
		{"capacity override outside the horizon", func() *hclspec.Config {
			c := quarterly(2)
			addTeam(c, "t", 1, 0).CapacityByPeriod = map[int]float64{-1: 5, 99: 5}
			addProject(c, newProject("p", 1)).Effort["t"] = 1
			return c
		}, false},
		{"evaluation without criteria or candidates", func() *hclspec.Config {
			c := quarterly(2)
			c.Evaluations = []*hclspec.Evaluation{{ID: "e", Candidates: []string{"ghost"}}}
			addProject(c, newProject("p", 1)).Vendor = hclspec.VendorRef{Kind: hclspec.RefEvaluation, ID: "e"}
			return c
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, diags := Evaluate(context.Background(), tt.cfg(), Options{})
			if diags.HasErrors() != tt.wantError {
				t.Errorf("errors = %v, want %v: %v", diags.HasErrors(), tt.wantError, diags)
			}
			if plan == nil {
				if !diags.HasErrors() {
					t.Error("no plan and no error")
				}
				return
			}
			if _, err := json.Marshal(plan); err != nil {
				t.Errorf("plan does not encode: %v", err)
			}
		})
	}
}

func TestEvaluateCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	plan, diags := Evaluate(ctx, quarterly(4), Options{})
	if plan != nil || !diags.HasErrors() {
		t.Errorf("cancelled evaluation gave plan %v, diagnostics %v", plan, diags)
	}
}
