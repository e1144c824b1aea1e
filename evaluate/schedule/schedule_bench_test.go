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

// BenchmarkRankOrder is rank-order scheduling with the deadline rule at
// each scale, a fifth of the projects with a deadline in the first half
// of the horizon (many of them missed, so the rule runs its extra passes
// up to its work budget).
func BenchmarkRankOrder(b *testing.B) {
	for _, sc := range scales() {
		p := portfolio(sc.projects, sc.teams, sc.periods)
		rng := rand.New(rand.NewPCG(3, 4))
		for i := range p.Tasks {
			if rng.IntN(5) == 0 {
				p.Tasks[i].Latest = p.Tasks[i].Duration - 1 + rng.IntN(sc.periods/2)
				p.Tasks[i].HasDeadline = true
			}
		}
		b.Run(fmt.Sprintf("projects=%d", sc.projects), func(b *testing.B) {
			var moves, misses int
			for b.Loop() {
				s, err := RankOrder(context.Background(), p, DeadlineWork(len(p.Tasks)))
				if err != nil {
					b.Fatal(err)
				}
				moves, misses = len(s.Moves), len(s.Misses)
			}
			b.ReportMetric(float64(moves), "moves")
			b.ReportMetric(float64(misses), "misses")
		})
	}
}

// deferredAcross is the case issue 11 found quadratic: a task of
// horizon/2 periods that fits nowhere because one task holds its team for
// the whole horizon and a per-period budget has no room, so every one of
// its horizon/2 starts is blocked.
func deferredAcross(horizon int) *Problem {
	full := make([]float64, horizon)
	for t := range full {
		full[t] = 1
	}
	b := Budget{ID: "opex"}
	for t := range horizon {
		b.Window = append(b.Window, t)
		b.Limit = append(b.Limit, 100)
		b.Labels = append(b.Labels, fmt.Sprint(t))
	}
	year := Budget{ID: "capex"}
	for t := range horizon {
		year.Window = append(year.Window, t/12)
	}
	for w := 0; w <= (horizon-1)/12; w++ {
		year.Limit = append(year.Limit, 1000)
		year.Labels = append(year.Labels, fmt.Sprint(w))
	}
	p := &Problem{Horizon: horizon, Resources: []Resource{{ID: "team", Capacity: full}}, Budgets: []Budget{b, year}}
	spend := func(d int, first, rest float64) []float64 {
		s := make([]float64, d)
		for k := range s {
			s[k] = rest
		}
		s[0] = first
		return s
	}
	p.Tasks = []Task{
		{ID: "holder", Duration: horizon, Budget: 0, Spend: spend(horizon, 90, 90), Latest: horizon - 1, Demand: []Demand{{0, 1}}},
		{ID: "yearly", Duration: horizon, Budget: 1, Spend: spend(horizon, 80, 80), Latest: horizon - 1},
		{ID: "deferred", Duration: horizon / 2, Budget: 0, Spend: spend(horizon/2, 30, 20), Latest: horizon - 1, Demand: []Demand{{0, 1}}},
		{ID: "deferred_yearly", Duration: horizon / 2, Budget: 1, Spend: spend(horizon/2, 30, 20), Latest: horizon - 1},
	}
	return p
}

// BenchmarkExplainDeferred schedules deferredAcross in rank order and
// explains it, at growing horizons: the cost per period should stay flat
// (linear in the horizon). Before Explain, the scheduler tried every
// start of a deferred task over its whole duration to name one blocker:
// 0.36 ms, 9.4 ms and 281 ms at these horizons, growing with its square.
func BenchmarkExplainDeferred(b *testing.B) {
	for _, h := range []int{500, 2000, 8000} {
		p := deferredAcross(h)
		b.Run(fmt.Sprintf("horizon=%d", h), func(b *testing.B) {
			for b.Loop() {
				sch, err := RankOrder(context.Background(), p, DeadlineWork(len(p.Tasks)))
				if err != nil {
					b.Fatal(err)
				}
				if sch.Start[2] >= 0 || sch.Start[3] >= 0 {
					b.Fatalf("horizon %d: the deferred tasks were placed", h)
				}
				if _, err := Explain(context.Background(), p, sch); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(h), "ns/period")
		})
	}
}

// longDeadlines is 100 tasks of horizon/10 to horizon/2 periods on a team
// of 2, each with a deadline: most miss it and the deadline rule tries them
// all, over starts and passes whose cost grows with the tasks' duration.
func longDeadlines(horizon int) *Problem {
	rng := rand.New(rand.NewPCG(3, 4))
	c := make([]float64, horizon)
	for t := range c {
		c[t] = 2
	}
	p := &Problem{Horizon: horizon, Resources: []Resource{{ID: "team", Capacity: c}}}
	for i := range 100 {
		d := horizon/10 + rng.IntN(horizon/2-horizon/10)
		p.Tasks = append(p.Tasks, Task{ID: fmt.Sprint("t", i), Duration: d, Latest: d - 1 + rng.IntN(horizon-d+1),
			HasDeadline: true, Budget: -1, Demand: []Demand{{0, 1}}})
	}
	return p
}

// BenchmarkRankOrderLongDeadlines is the deadline rule on longDeadlines at
// growing horizons: the work budget counts a decision on a long task as
// several (decisionCost), and the starts tried jump past clashes, so the
// time per run stays about flat (the work budget bounds it) instead of
// growing with the horizon. Counting every decision as one and testing
// every start, it took 1.0 s, 5.8 s and 17 s (2-core VM, shared).
func BenchmarkRankOrderLongDeadlines(b *testing.B) {
	for _, h := range []int{500, 2000, 8000} {
		p := longDeadlines(h)
		b.Run(fmt.Sprintf("horizon=%d", h), func(b *testing.B) {
			for b.Loop() {
				if _, err := RankOrder(context.Background(), p, DeadlineWork(len(p.Tasks))); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(h), "ns/period")
		})
	}
}

// togetherWorstCase is the together groups' worst case for rank order:
// each of groups groups has two members on the group's own team of one
// FTE: the first has no prerequisite, so its turn comes first and the
// group is placed then; the second needs two FTE (it never fits) and two
// chains of chain one-period tasks, ranked after the members, which the
// group takes along. The first order fails at the second member, and the
// search over the orders of the closure (the interleavings of the two
// chains and the first member, each task fitting) spends its whole budget
// before the group is left out. Without groups, the same tasks are
// placed one by one.
func togetherWorstCase(groups, chain int, withGroups bool) *Problem {
	horizon := 2*chain + 4
	p := &Problem{Horizon: horizon}
	one := make([]float64, horizon)
	for t := range one {
		one[t] = 1
	}
	task := func(id string, r int, amount float64) Task {
		return Task{ID: id, Duration: 1, Budget: -1, Latest: horizon - 1, Weight: 1,
			Demand: []Demand{{Resource: r, Amount: amount}}}
	}
	for g := range groups {
		p.Resources = append(p.Resources, Resource{ID: fmt.Sprintf("team%d", g), Capacity: one})
		p.Tasks = append(p.Tasks, task(fmt.Sprintf("a%d", g), g, 1), task(fmt.Sprintf("b%d", g), g, 2))
		if withGroups {
			p.Together = append(p.Together, []int{2 * g, 2*g + 1})
		}
	}
	for g := range groups {
		for c := range 2 {
			prev := -1
			for k := range chain {
				tk := task(fmt.Sprintf("c%d_%d_%d", g, c, k), g, 1)
				if prev >= 0 {
					tk.Preds = []int{prev}
				}
				prev = len(p.Tasks)
				p.Tasks = append(p.Tasks, tk)
			}
			p.Tasks[2*g+1].Preds = append(p.Tasks[2*g+1].Preds, prev)
		}
	}
	return p
}

// TestTogetherWorstCaseSpendsTheSearch: togetherWorstCase is the worst
// case BenchmarkRankOrderTogether claims: every group's order search
// spends its whole budget and the group is left out, its chains placed
// at their own turns.
func TestTogetherWorstCaseSpendsTheSearch(t *testing.T) {
	p := togetherWorstCase(3, 8, true)
	r := newRankPass(p)
	sch, _, err := r.run(context.Background(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.extras.pl.tries != groupSearchBudget {
		t.Errorf("the last group's search tried %d placements, want the whole budget %d", r.extras.pl.tries, groupSearchBudget)
	}
	if len(sch.Apart) != 3 {
		t.Errorf("%d groups left out, want 3", len(sch.Apart))
	}
	for i, s := range sch.Start {
		if want := i >= 6; (s >= 0) != want {
			t.Errorf("task %s placed %v, want %v", p.Tasks[i].ID, s >= 0, want)
		}
	}
}

// BenchmarkRankOrderTogether is rank order on togetherWorstCase (55
// groups, chains of 8: 990 tasks) against the same tasks without
// together groups: the cost of the groups' order search at its worst.
func BenchmarkRankOrderTogether(b *testing.B) {
	for _, withGroups := range []bool{false, true} {
		p := togetherWorstCase(55, 8, withGroups)
		b.Run(fmt.Sprintf("tasks=%d/groups=%v", len(p.Tasks), withGroups), func(b *testing.B) {
			for b.Loop() {
				if _, err := RankOrder(context.Background(), p, DeadlineWork(len(p.Tasks))); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
