package schedule

import (
	"math"
	"slices"
)

// finishBound is a lower bound on the makespan of any schedule that places
// every task: the longest path through the precedences (with earliest
// starts), and for each resource the first period by which its cumulative
// capacity covers all the work asked of it (likewise for the limit on
// tasks in flight). ok is false when no schedule can place every task.
func finishBound(p *Problem, tm timing) (lb int, ok bool) {
	lb = tm.cp
	for r := range p.Resources {
		work := 0.0
		for i := range p.Tasks {
			for _, d := range p.Tasks[i].Demand {
				if d.Resource == r {
					work += d.Amount * float64(p.Tasks[i].Duration)
				}
			}
		}
		if work <= eps {
			continue
		}
		t, covered := cumulativeCover(p.Resources[r].Capacity, work)
		if !covered {
			return 0, false
		}
		lb = max(lb, t)
	}
	if p.MaxParallel > 0 {
		work := 0
		for i := range p.Tasks {
			work += p.Tasks[i].Duration
		}
		lb = max(lb, (work+p.MaxParallel-1)/p.MaxParallel)
	}
	if lb > p.Horizon {
		return 0, false
	}
	return lb, true
}

// cumulativeCover is the smallest T with capacity[0..T) summing to work.
func cumulativeCover(capacity []float64, work float64) (int, bool) {
	sum := 0.0
	for t, c := range capacity {
		sum += c
		if sum+eps*(1+work) >= work {
			return t + 1, true
		}
	}
	return 0, false
}

// valueBound is an upper bound on the total weight any schedule places.
// Tasks that can never fit (their window is shorter than their chain of
// predecessors allows) are left out. Every constraint is then aggregated
// over the horizon - a resource's capacity over all periods, a budget over
// all its windows (each task's build spend and the least run spend it
// can have there, going live as late as it may) and, apart, its year once
// live (steady window), the limit on tasks in flight times the horizon - which
// gives a multidimensional knapsack whose linear relaxation bounds the
// value. That relaxation is bounded by surrogate relaxation: any
// non-negative combination of the constraints is one knapsack constraint,
// whose fractional optimum is found greedily by weight per unit (Dantzig
// 1957). The bound is the least over each constraint alone and over
// multipliers adjusted by subgradient steps towards the LP optimum, the
// surrogate dual (Glover 1975).
//
// Each aggregate holds for every feasible schedule: a window's spend
// never passes its limit, so neither does their sum; fixed load left out
// only loosens it. A budget with a credit (spend below 0, a retired
// system's run cost) is left out: a saving makes room for more than the
// limits summed (review Q5: with it in, the bound was below a feasible
// schedule, and the search could stop there as if optimal).
func valueBound(p *Problem, tm timing) float64 {
	n := len(p.Tasks)
	possible := make([]bool, n)
	for i := range p.Tasks {
		possible[i] = tm.es[i]+p.Tasks[i].Duration <= min(p.Tasks[i].Latest+1, p.Horizon) && tm.es[i] <= p.lastStart(i)
	}
	for _, i := range topoOrder(p, successors(p), nil) {
		for _, q := range p.Tasks[i].Preds {
			if !possible[q] {
				possible[i] = false
			}
		}
	}
	// The aggregated constraints: capacity and each task's use.
	type use struct {
		c int
		a float64
	}
	var capacity []float64
	uses := make([][]use, n)
	for r := range p.Resources {
		c := len(capacity)
		total := 0.0
		for _, v := range p.Resources[r].Capacity {
			total += v
		}
		capacity = append(capacity, total)
		for i := range p.Tasks {
			for _, d := range p.Tasks[i].Demand {
				if d.Resource == r && d.Amount > 0 && p.Tasks[i].Duration > 0 {
					uses[i] = append(uses[i], use{c, d.Amount * float64(p.Tasks[i].Duration)})
				}
			}
		}
	}
	for b := range p.Budgets {
		bg := &p.Budgets[b]
		if budgetCredited(p, b) {
			continue // a saving makes room: the spend may pass the limits summed
		}
		c := len(capacity)
		total := 0.0
		for _, l := range bg.Limit {
			total += l
		}
		capacity = append(capacity, total)
		if bg.HasSteady {
			capacity = append(capacity, bg.Steady)
		}
		for i := range p.Tasks {
			tk := &p.Tasks[i]
			sum := 0.0
			if share := tk.ShareOf(b); share > 0 {
				for _, v := range tk.Spend {
					sum += share * v
				}
			}
			// Its run spend inside the horizon is least when it goes
			// live last; its year once live counts in the steady window
			// whenever it goes live (review Q5: the bound left both out).
			rs := shareIn(tk.RunShares, b)
			if rs > 0 {
				live := p.lastStart(i) + tk.Duration
				for j := 0; j < len(tk.Run) && live+j < p.Horizon; j++ {
					sum += rs * tk.Run[j]
				}
			}
			if sum > 0 {
				uses[i] = append(uses[i], use{c, sum})
			}
			if bg.HasSteady && rs*tk.RunYear > 0 {
				uses[i] = append(uses[i], use{c + 1, rs * tk.RunYear})
			}
		}
	}
	if p.MaxParallel > 0 {
		c := len(capacity)
		capacity = append(capacity, float64(p.MaxParallel*p.Horizon))
		for i := range p.Tasks {
			if p.Tasks[i].Duration > 0 {
				uses[i] = append(uses[i], use{c, float64(p.Tasks[i].Duration)})
			}
		}
	}
	var items []int
	total := 0.0
	for i := range p.Tasks {
		if !possible[i] || p.Tasks[i].Weight <= 0 {
			continue
		}
		for _, u := range uses[i] {
			if capacity[u.c] <= eps {
				possible[i] = false // it needs a resource that is never there
			}
		}
		if possible[i] {
			items = append(items, i)
			total += p.Tasks[i].Weight
		}
	}
	m := len(capacity)
	if m == 0 || len(items) == 0 {
		return total
	}

	// surrogate is the fractional knapsack bound for multipliers lambda;
	// frac receives each item's share in its solution.
	size := make([]float64, n)
	weight := make([]float64, n) // the items' weights, dense for the sort
	for _, i := range items {
		weight[i] = p.Tasks[i].Weight
	}
	// order is kept from one call to the next: the multipliers move a
	// little each step, so the items are nearly in order already and the
	// sort (whose result does not depend on where it starts) is quicker.
	order := make([]int, 0, len(items))
	inOrder := make([]bool, n)
	free := make([]bool, n) // items of size ~0: in whole, outside the sort
	frac := make([]float64, n)
	ratios := &ratioOrder{weight: weight, size: size}
	surrogate := func(lambda []float64) float64 {
		capSum := 0.0
		for c, l := range lambda {
			capSum += l * capacity[c]
		}
		v := 0.0
		for _, i := range items {
			sz := 0.0
			for _, u := range uses[i] {
				sz += lambda[u.c] * u.a
			}
			size[i] = sz
			frac[i] = 0
			free[i] = sz <= 1e-12*(1+capSum)
			if free[i] {
				v += weight[i]
				frac[i] = 1
			}
		}
		kept := order[:0]
		for _, i := range order {
			if inOrder[i] = !free[i]; inOrder[i] {
				kept = append(kept, i)
			}
		}
		order = kept
		for _, i := range items {
			if !free[i] && !inOrder[i] {
				inOrder[i] = true
				order = append(order, i)
			}
		}
		// Higher weight per unit first; index breaks ties.
		sortRatio(order, ratios)
		left := capSum
		for _, i := range order {
			if size[i] <= left {
				v += weight[i]
				left -= size[i]
				frac[i] = 1
				continue
			}
			frac[i] = left / size[i]
			v += weight[i] * frac[i]
			break
		}
		return v
	}
	bound := total
	lambda := make([]float64, m)
	for c := range capacity {
		clear(lambda)
		lambda[c] = 1
		bound = min(bound, surrogate(lambda))
	}
	if m == 1 {
		return bound
	}
	for c := range lambda {
		lambda[c] = 0 // a constraint with no capacity is settled: its users are out
		if capacity[c] > eps {
			lambda[c] = 1 / capacity[c]
		}
	}
	// Each step sorts the items: about a million item-steps in all (200
	// steps up to 5,000 items, 100 at 10,000).
	iterations := max(20, min(200, 1_000_000/(len(items)+1)))
	load := make([]float64, m)
	for k := range iterations {
		bound = min(bound, surrogate(lambda))
		clear(load)
		for _, i := range items {
			for _, u := range uses[i] {
				load[u.c] += frac[i] * u.a
			}
		}
		// Weigh over-used constraints more, slack ones less.
		step := 1 / math.Sqrt(float64(k+1))
		norm := 0.0
		for c := range lambda {
			if capacity[c] <= eps {
				continue
			}
			g := (load[c] - capacity[c]) / capacity[c]
			lambda[c] *= math.Exp(step * max(-1, min(1, g)))
			norm += lambda[c] * capacity[c]
		}
		for c := range lambda {
			lambda[c] /= norm
		}
	}
	return bound
}

// budgetCredited reports whether some spend on budget b is below 0: a
// task's or a fixed load's run spend, or a year once live, net of the
// run cost of what it retires. Such a credit makes room in the windows
// from its go-live, so the spend placed may pass the limits summed.
func budgetCredited(p *Problem, b int) bool {
	neg := func(run []float64, year float64, shares []BudgetShare) bool {
		if shareIn(shares, b) <= 0 {
			return false
		}
		return year < 0 || slices.ContainsFunc(run, func(v float64) bool { return v < 0 })
	}
	for i := range p.Tasks {
		if tk := &p.Tasks[i]; neg(tk.Run, tk.RunYear, tk.RunShares) {
			return true
		}
	}
	for k := range p.Fixed {
		if f := &p.Fixed[k]; neg(f.Run, f.RunYear, f.RunShares) {
			return true
		}
	}
	return false
}

func successors(p *Problem) [][]int {
	succs := make([][]int, len(p.Tasks))
	for i := range p.Tasks {
		for _, q := range p.Tasks[i].Preds {
			succs[q] = append(succs[q], i)
		}
	}
	return succs
}

// roundBound trims float noise off a bound so it reads cleanly.
func roundBound(x float64) float64 {
	return math.Round(x*1e9) / 1e9
}

// CriticalPathLength is the makespan with unlimited resources: the length
// of the longest chain of precedences, counting earliest starts.
func CriticalPathLength(p *Problem) int {
	succs := successors(p)
	return computeTiming(p, succs, topoOrder(p, succs, nil)).cp
}
