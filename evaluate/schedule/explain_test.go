package schedule

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// explainProblem is a random problem for Explain: long tasks, budgets
// whose windows are one period, a few periods or the whole horizon, spend
// in runs of equal values (as finance gives) or irregular, headroom on
// some resources.
func explainProblem(rng *rand.Rand) *Problem {
	h := 4 + rng.IntN(10)
	p := &Problem{Horizon: h}
	if rng.IntN(3) == 0 {
		p.MaxParallel = 1 + rng.IntN(3)
	}
	for r := range 1 + rng.IntN(2) {
		nominal := make([]float64, h)
		for t := range nominal {
			nominal[t] = float64(2 + rng.IntN(3))
		}
		res := Resource{ID: fmt.Sprintf("r%d", r), Capacity: nominal}
		if rng.IntN(2) == 0 {
			res.Nominal = nominal
			res.Capacity = make([]float64, h)
			for t, c := range nominal {
				res.Capacity[t] = c * 0.75
			}
		}
		if rng.IntN(4) == 0 {
			res.MaxParallel = 1 + rng.IntN(2)
		}
		p.Resources = append(p.Resources, res)
	}
	for b := range rng.IntN(3) {
		L := []int{1, 2, 3, h}[rng.IntN(4)]
		bg := Budget{ID: fmt.Sprintf("b%d", b)}
		for t := range h {
			bg.Window = append(bg.Window, t/L)
		}
		for w := 0; w <= (h-1)/L; w++ {
			bg.Limit = append(bg.Limit, float64(2+rng.IntN(10)))
			bg.Labels = append(bg.Labels, fmt.Sprintf("w%d", w))
		}
		p.Budgets = append(p.Budgets, bg)
	}
	for i := range 2 + rng.IntN(7) {
		d := 1 + rng.IntN(min(h, 8))
		tk := Task{ID: fmt.Sprintf("t%d", i), Duration: d, Budget: -1, Latest: h - 1}
		for r := range p.Resources {
			if rng.IntN(3) > 0 {
				tk.Demand = append(tk.Demand, Demand{Resource: r, Amount: float64(1+rng.IntN(4)) / 2})
			}
		}
		for q := range i {
			if rng.IntN(6) == 0 {
				tk.Preds = append(tk.Preds, q)
			}
		}
		if rng.IntN(4) == 0 {
			tk.Earliest = rng.IntN(3)
		}
		if rng.IntN(4) == 0 {
			tk.Latest = min(h-1, tk.Earliest+d-1+rng.IntN(4))
			tk.HasDeadline = true
		}
		if len(p.Budgets) > 1 && rng.IntN(4) == 0 { // split funding
			tk.Shares = []BudgetShare{{Budget: 0, Share: 0.7}, {Budget: 1, Share: 0.3}}
		} else if len(p.Budgets) > 0 && rng.IntN(4) > 0 {
			tk.Budget = rng.IntN(len(p.Budgets))
		}
		if len(fundings(&tk)) > 0 {
			first, rest := float64(rng.IntN(4)), float64(rng.IntN(3))
			for k := range d {
				switch {
				case rng.IntN(5) == 0: // irregular
					tk.Spend = append(tk.Spend, float64(rng.IntN(4)))
				case k == 0:
					tk.Spend = append(tk.Spend, first+rest)
				default:
					tk.Spend = append(tk.Spend, rest)
				}
			}
		}
		p.Tasks = append(p.Tasks, tk)
	}
	return p
}

// blockedBy is, by brute force, every constraint that keeps task i from
// start s next to the tasks in start: keys "resource/r", "headroom/r",
// "budget/b", "parallel/-1", each with the periods (resource, headroom,
// parallel) or windows (budget) where it binds.
func blockedBy(p *Problem, start []int, i, s int) map[string][]int {
	tk := &p.Tasks[i]
	out := map[string][]int{}
	used := func(r, t int) float64 {
		u := 0.0
		for j, sj := range start {
			if sj >= 0 && sj <= t && t < sj+p.Tasks[j].Duration {
				for _, d := range p.Tasks[j].Demand {
					if d.Resource == r {
						u += d.Amount
					}
				}
			}
		}
		return u
	}
	for _, d := range tk.Demand {
		res := &p.Resources[d.Resource]
		for t := s; t < s+tk.Duration; t++ {
			u := used(d.Resource, t) + d.Amount
			switch {
			case u <= res.Capacity[t]+eps:
			case res.Nominal != nil && u <= res.Nominal[t]+eps:
				out[fmt.Sprintf("headroom/%d", d.Resource)] = append(out[fmt.Sprintf("headroom/%d", d.Resource)], t)
			default:
				out[fmt.Sprintf("resource/%d", d.Resource)] = append(out[fmt.Sprintf("resource/%d", d.Resource)], t)
			}
		}
	}
	for _, d := range tk.Demand {
		if limit := p.Resources[d.Resource].MaxParallel; limit > 0 && d.Amount > 0 {
			for t := s; t < s+tk.Duration; t++ {
				n := 0
				for j, sj := range start {
					if sj >= 0 && sj <= t && t < sj+p.Tasks[j].Duration {
						for _, dj := range p.Tasks[j].Demand {
							if dj.Resource == d.Resource && dj.Amount > 0 {
								n++
							}
						}
					}
				}
				if n >= limit {
					k := fmt.Sprintf("team_parallel/%d", d.Resource)
					out[k] = append(out[k], t)
				}
			}
		}
	}
	if p.MaxParallel > 0 {
		for t := s; t < s+tk.Duration; t++ {
			n := 0
			for j, sj := range start {
				if sj >= 0 && sj <= t && t < sj+p.Tasks[j].Duration {
					n++
				}
			}
			if n >= p.MaxParallel {
				out["parallel/-1"] = append(out["parallel/-1"], t)
			}
		}
	}
	for _, f := range fundings(tk) {
		b := f.Budget
		bg := &p.Budgets[b]
		spent := make([]float64, len(bg.Limit))
		for j, sj := range start {
			if share := p.Tasks[j].ShareOf(b); sj >= 0 && share > 0 {
				for k, x := range p.Tasks[j].Spend {
					spent[bg.Window[sj+k]] += share * x
				}
			}
		}
		mine := make([]float64, len(bg.Limit))
		for k, x := range tk.Spend {
			mine[bg.Window[s+k]] += f.Share * x
		}
		for w := range mine {
			if bg.Window[s] <= w && w <= bg.Window[s+tk.Duration-1] && spent[w]+mine[w] > bg.Limit[w]+1e-6*(1+bg.Limit[w]) {
				out[fmt.Sprintf("budget/%d", b)] = append(out[fmt.Sprintf("budget/%d", b)], w)
			}
		}
	}
	return out
}

// Explain agrees with brute force: replaying each schedule in its order,
// every candidate start of every task is blocked by exactly the
// constraints the obstacles name (a placed task's earlier starts too),
// with the same periods and budget windows, and the holders are exactly
// the tasks placed before it that use the constraint where it binds.
func TestExplainAgreesWithBruteForce(t *testing.T) {
	kinds := map[string]int{}
	for seed := uint64(1); seed <= 500; seed++ {
		rng := rand.New(rand.NewPCG(seed, 11))
		p := explainProblem(rng)
		sch, err := RankOrder(context.Background(), p, DeadlineWork(len(p.Tasks)))
		if err != nil {
			t.Fatal(err)
		}
		if err := Verify(p, sch.Start); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		exps, err := Explain(context.Background(), p, sch)
		if err != nil {
			t.Fatal(err)
		}
		moved := map[int]bool{}
		for _, m := range sch.Moves {
			moved[m.Task] = true
		}
		before := make([]int, len(p.Tasks)) // starts of the tasks decided so far
		for i := range before {
			before[i] = -1
		}
		for _, i := range sch.Order {
			ex := exps[i]
			tk := &p.Tasks[i]
			// The candidate starts, from the predecessors' ends.
			release := max(tk.Earliest, 0)
			out := false
			for _, q := range tk.Preds {
				if sch.Start[q] < 0 {
					out = true
				} else {
					release = max(release, sch.Start[q]+p.Tasks[q].Duration)
				}
			}
			last := min(tk.Latest+1, p.Horizon) - tk.Duration
			if sch.Start[i] >= 0 {
				last = sch.Start[i] - 1
			}
			switch {
			case out && ex.Release != -1:
				t.Errorf("seed %d task %d: a predecessor is out, release %d", seed, i, ex.Release)
			case !out && (ex.Release != release || ex.First != release || ex.Last != last):
				t.Errorf("seed %d task %d: candidates %d..%d (release %d), want %d..%d", seed, i, ex.First, ex.Last, ex.Release, release, last)
			}
			if out {
				before[i] = sch.Start[i]
				continue
			}
			want := map[string]struct {
				starts  int
				periods []int
			}{}
			free := 0
			for s := release; s <= last; s++ {
				bl := blockedBy(p, before, i, s)
				if len(bl) == 0 {
					free++
				}
				for k, where := range bl {
					w := want[k]
					w.starts++
					w.periods = append(w.periods, where...)
					want[k] = w
				}
			}
			got := map[string]struct {
				starts  int
				periods []int
			}{}
			gotFree := 0
			for _, o := range ex.Obstacles {
				kinds[string(o.Kind)]++
				if o.Kind == ObstacleFree {
					gotFree = o.Starts
					continue
				}
				if o.Kind != ObstacleResource && o.Kind != ObstacleHeadroom && o.Kind != ObstacleBudget && o.Kind != ObstacleParallel && o.Kind != ObstacleTeamParallel {
					continue
				}
				var where []int
				if o.Kind == ObstacleBudget {
					where = o.Windows
				} else {
					for _, sp := range o.Periods {
						for t := sp.First; t <= sp.Last; t++ {
							where = append(where, t)
						}
					}
				}
				got[fmt.Sprintf("%s/%d", o.Kind, o.Index)] = struct {
					starts  int
					periods []int
				}{o.Starts, where}
				checkHolders(t, seed, p, before, i, o)
			}
			for k, w := range want {
				slices.Sort(w.periods)
				w.periods = slices.Compact(w.periods)
				want[k] = w
			}
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(struct {
				starts  int
				periods []int
			}{})); diff != "" {
				t.Errorf("seed %d task %d (start %d, candidates %d..%d): obstacles (-brute force +Explain):\n%s", seed, i, sch.Start[i], release, last, diff)
			}
			if gotFree != free {
				t.Errorf("seed %d task %d: %d free starts, brute force %d", seed, i, gotFree, free)
			}
			if free > 0 && !moved[i] {
				t.Errorf("seed %d task %d: %d starts free in rank order, and the deadline rule did not move it", seed, i, free)
			}
			before[i] = sch.Start[i]
		}
	}
	for _, k := range []ObstacleKind{ObstacleResource, ObstacleHeadroom, ObstacleBudget, ObstacleParallel, ObstacleTeamParallel, ObstacleDependency,
		ObstacleEarliest, ObstacleDeadline, ObstacleHorizon} {
		if kinds[string(k)] < 10 {
			t.Errorf("only %d %s obstacles over 500 problems", kinds[string(k)], k)
		}
	}
	t.Logf("obstacles by kind: %v", kinds)
}

// checkHolders: o's holders are exactly the tasks placed before (in
// before) that use its resource, spend in its windows or run, in a period
// where it binds.
func checkHolders(t *testing.T, seed uint64, p *Problem, before []int, i int, o Obstacle) {
	t.Helper()
	binds := map[int]bool{}
	for _, sp := range o.Periods {
		for x := sp.First; x <= sp.Last; x++ {
			binds[x] = true
		}
	}
	var want []int
	for j, sj := range before {
		if sj < 0 || j == i {
			continue
		}
		tj := &p.Tasks[j]
		holds := false
		for k := range tj.Duration {
			tt := sj + k
			if !binds[tt] {
				continue
			}
			switch o.Kind {
			case ObstacleResource, ObstacleHeadroom, ObstacleTeamParallel:
				for _, d := range tj.Demand {
					holds = holds || (d.Resource == o.Index && d.Amount > 0)
				}
			case ObstacleBudget:
				holds = holds || (tj.ShareOf(o.Index) > 0 && tj.Spend[k] > 0)
			case ObstacleParallel:
				holds = true
			}
		}
		if holds {
			want = append(want, j)
		}
	}
	if o.MoreHolders == 0 && !slices.Equal(want, o.Holders) {
		t.Errorf("seed %d task %d: %s %d held by %v, brute force %v", seed, i, o.Kind, o.Index, o.Holders, want)
	}
}

// The optimiser's schedules explain too: a task it placed later than it
// could have is free at those starts, a task it left out is blocked at
// every start next to all the placed ones.
func TestExplainOptimisedSchedules(t *testing.T) {
	free := 0
	for seed := uint64(1); seed <= 150; seed++ {
		rng := rand.New(rand.NewPCG(seed, 13))
		p := explainProblem(rng)
		for i := range p.Tasks {
			p.Tasks[i].Weight = float64(1 + rng.IntN(5))
		}
		res := Optimize(context.Background(), p, OptimizeInput{Seed: int64(seed), MaxSchedules: 300})
		exps, err := Explain(context.Background(), p, res.Schedule)
		if err != nil {
			t.Fatal(err)
		}
		for i, ex := range exps {
			for _, o := range ex.Obstacles {
				if o.Kind != ObstacleFree {
					continue
				}
				free++
				if res.Schedule.Start[i] < 0 {
					t.Errorf("seed %d: task %d left out with free starts %v", seed, i, o.Periods)
				}
			}
		}
	}
	t.Logf("%d tasks placed later than they could start", free)
}
