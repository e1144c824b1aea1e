package schedule

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

// portfolio is a roadmap-shaped problem: teams with a few FTE, projects of
// one to six periods on one to three teams, short dependency chains, a
// yearly budget.
func portfolio(projects, teams, periods int) *Problem {
	rng := rand.New(rand.NewPCG(1, 2))
	p := &Problem{Horizon: periods}
	for r := range teams {
		c := make([]float64, periods)
		base := float64(4 + rng.IntN(9))
		for t := range c {
			c[t] = base
		}
		p.Resources = append(p.Resources, Resource{ID: fmt.Sprintf("team%d", r), Capacity: c})
	}
	b := Budget{ID: "capex"}
	for t := range periods {
		b.Window = append(b.Window, t/12)
	}
	for w := 0; w <= (periods-1)/12; w++ {
		b.Limit = append(b.Limit, float64(projects)*45000)
	}
	p.Budgets = []Budget{b}
	for i := range projects {
		tk := Task{ID: fmt.Sprintf("p%d", i), Duration: 1 + rng.IntN(6), Budget: 0, Latest: periods - 1, Weight: rng.Float64()}
		for _, r := range rng.Perm(teams)[:1+rng.IntN(3)] {
			tk.Demand = append(tk.Demand, Demand{Resource: r, Amount: float64(1 + rng.IntN(4))})
		}
		for range tk.Duration {
			tk.Spend = append(tk.Spend, float64(20000+rng.IntN(80000)))
		}
		if i > 0 && rng.IntN(5) < 2 {
			tk.Preds = append(tk.Preds, i-1-rng.IntN(min(i, 40)))
		}
		p.Tasks = append(p.Tasks, tk)
	}
	return p
}

type scale struct{ projects, teams, periods int }

// scales are the portfolio sizes of the scale benchmarks.
func scales() []scale { return []scale{{100, 6, 24}, {1000, 20, 40}, {10000, 100, 80}} }

// BenchmarkSerialSGS is rank-order scheduling at 100, 1,000 and 10,000
// projects; time per project should stay roughly flat.
func BenchmarkSerialSGS(b *testing.B) {
	for _, sc := range scales() {
		p := portfolio(sc.projects, sc.teams, sc.periods)
		order := make([]int, len(p.Tasks))
		for i := range order {
			order[i] = i
		}
		b.Run(fmt.Sprintf("projects=%d", sc.projects), func(b *testing.B) {
			var placed int
			for b.Loop() {
				s := SerialSGS(p, order)
				placed = 0
				for _, st := range s.Start {
					if st >= 0 {
						placed++
					}
				}
			}
			b.ReportMetric(float64(placed), "placed")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(sc.projects), "ns/project")
		})
	}
}

// BenchmarkOptimizeSchedules is the cost of one optimiser schedule
// (forward pass plus double justification) at each scale.
func BenchmarkOptimizeSchedules(b *testing.B) {
	for _, sc := range scales() {
		p := portfolio(sc.projects, sc.teams, sc.periods)
		b.Run(fmt.Sprintf("projects=%d", sc.projects), func(b *testing.B) {
			for b.Loop() {
				Optimize(context.Background(), p, OptimizeInput{Seed: 1, MaxSchedules: 300})
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/300, "ns/schedule")
		})
	}
}
