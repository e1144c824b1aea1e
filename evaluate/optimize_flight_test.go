package evaluate

import (
	"context"
	"testing"
	"time"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// flightRoadmap has work in progress at the status date ("migration",
// worth less than it costs, retiring "fileserver") and proposed projects
// contending for one team, so the optimiser has moves to make.
const flightRoadmap = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-Q2"
}
goal "g" { weight = 1 }
team "infra" {
  capacity     = 2
  cost_per_fte = 10000
}
system "fileserver" {
  end_of_support = "2028-Q4"
  run_cost { per_year = 5000 }
}
project "migration" {
  goals    = { g = 0.4 }
  status   = "in_progress"
  started  = "2027-Q1"
  duration = 3
  effort   = { infra = 1 }
  replaces = [system.fileserver]
  cost { one_time = 90000 }
}
project "a" {
  goals    = { g = 1 }
  duration = 3
  effort   = { infra = 1 }
  benefit { per_year = 40000 }
}
project "b" {
  goals    = { g = 0.5 }
  duration = 1
  effort   = { infra = 1 }
  benefit { per_year = 60000 }
}
project "c" {
  goals    = { g = 0.6 }
  duration = 2
  effort   = { infra = 1 }
  benefit { per_year = 30000 }
}
`

// The optimiser's figures are the plan's: work in progress is no task of
// the search, but the totals count it, so the rank-order and optimised
// figures (and the bound) count it too (qa17 U1: 7 projects and an NPV
// EUR 86,825 above the headline's, the in-progress project's).
func TestOptimizeFiguresCountWorkInProgress(t *testing.T) {
	load := func() *hclspec.Config {
		cfg, diags := hclspec.NewLoader().LoadSources("flight", map[string][]byte{"main.hcl": []byte(flightRoadmap)}, hclspec.LoadOptions{})
		if diags.HasErrors() {
			t.Fatalf("load: %v", diags)
		}
		return cfg
	}
	rank, diags := Evaluate(context.Background(), load(), Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if rank.Totals.InProgress != 1 {
		t.Fatalf("in progress %d, want 1", rank.Totals.InProgress)
	}
	for _, objective := range hclspec.Objectives() {
		plan, diags := Evaluate(context.Background(), load(), Options{Seed: 1, TimeLimit: time.Minute, Objective: objective})
		if diags.HasErrors() || plan == nil || plan.Optimization == nil {
			t.Fatalf("%s: %v", objective, diags)
		}
		op := plan.Optimization
		for _, err := range figuresMatchPlans(op, rank, plan) {
			t.Errorf("%s: %s", objective, err)
		}
		if op.Bound == nil {
			continue
		}
		if objective == string(hclspec.ObjectiveFinish) && op.Best < *op.Bound || objective != string(hclspec.ObjectiveFinish) && op.Best > *op.Bound+1e-9 {
			t.Errorf("%s: optimised %v beyond the bound %v", objective, op.Best, *op.Bound)
		}
	}
}
