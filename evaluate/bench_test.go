package evaluate

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// largeConfig is a seeded synthetic portfolio of n projects over the given
// teams and periods, with dependencies, budgets and a check over every
// project.
func largeConfig(n, teams, periods int) *hclspec.Config {
	r := rand.New(rand.NewPCG(uint64(n), 7))
	cfg := newConfig(hclspec.Month, "2027-01", periods)
	cfg.Roadmap.DiscountRate = 0.08
	cfg.Roadmap.RiskAppetite = 0.6
	for i := range 5 {
		addGoal(cfg, fmt.Sprintf("goal%d", i), float64(1+i%3))
	}
	for i := range teams {
		addTeam(cfg, fmt.Sprintf("team%03d", i), float64(4+r.IntN(12)), 10000)
	}
	addBudget(cfg, "capex", 5e6*float64(n)/100, hclspec.PerYear)
	addBudget(cfg, "opex", 1e6*float64(n)/100, hclspec.PerPeriod)
	for i := range n {
		p := addProject(cfg, newProject(fmt.Sprintf("p%05d", i), 1+r.IntN(8)))
		p.Goals[fmt.Sprintf("goal%d", r.IntN(5))] = float64(1+r.IntN(4)) / 4
		for range 1 + r.IntN(3) {
			p.Effort[fmt.Sprintf("team%03d", r.IntN(teams))] = float64(1 + r.IntN(3))
		}
		if i > 0 && r.IntN(3) == 0 {
			p.DependsOn = []string{fmt.Sprintf("p%05d", i-1-r.IntN(min(i, 20)))}
		}
		p.Funding = []string{"capex", "opex"}[r.IntN(2)]
		p.Cost = hclspec.Cost{OneTime: float64(r.IntN(20)) * 10000, PerYear: float64(r.IntN(5)) * 5000}
		p.Benefit = hclspec.Benefit{PerYear: float64(r.IntN(30)) * 10000, RampPeriods: r.IntN(4), Years: 3}
		p.Risk = hclspec.Risk{Disruption: r.Float64() / 3, Failure: r.Float64() / 3}
	}
	expr, diags := hclsyntax.ParseExpression([]byte(`length([for p in plan.projects : p if p.status == "scheduled"]) == plan.totals.scheduled`), "bench.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		panic(diags)
	}
	cfg.Checks = []*hclspec.Check{{ID: "count", Condition: expr, Severity: "error"}}
	return cfg
}

func BenchmarkEvaluate(b *testing.B) {
	for _, size := range []struct{ n, teams, periods int }{{100, 10, 24}, {1000, 20, 40}, {10000, 100, 80}} {
		b.Run(fmt.Sprintf("projects=%d", size.n), func(b *testing.B) {
			cfg := largeConfig(size.n, size.teams, size.periods)
			b.ReportAllocs()
			for b.Loop() {
				if _, diags := Evaluate(context.Background(), cfg, Options{}); diags.HasErrors() {
					b.Fatal(diags)
				}
			}
		})
	}
}
