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

// valueBound is an upper bound on the total weight any schedule places:
// tasks that can never fit (their window, with their predecessors' chain,
// is too short) are left out, then each constraint alone - a resource over
// the whole horizon, a budget over all its windows, the limit on tasks in
// flight - is relaxed to a fractional knapsack (Dantzig 1957) solved
// greedily by weight per unit used. The bound is the least of them.
func valueBound(p *Problem, tm timing) float64 {
	n := len(p.Tasks)
	possible := make([]bool, n)
	for i := range p.Tasks {
		possible[i] = tm.es[i]+p.Tasks[i].Duration <= min(p.Tasks[i].Latest+1, p.Horizon) && tm.es[i] <= p.lastStart(i)
	}
	// A task whose predecessor is impossible is impossible too; es is
	// already ordered so one pass in topological order settles it.
	for _, i := range topoOrder(p, successors(p), nil) {
		for _, q := range p.Tasks[i].Preds {
			if !possible[q] {
				possible[i] = false
			}
		}
	}
	total := 0.0
	for i := range p.Tasks {
		if possible[i] {
			total += max(p.Tasks[i].Weight, 0)
		}
	}
	bound := total
	knap := func(capacity float64, use func(i int) float64) {
		type item struct {
			w, u float64
		}
		var items []item
		free := 0.0
		for i := range p.Tasks {
			if !possible[i] || p.Tasks[i].Weight <= 0 {
				continue
			}
			u := use(i)
			if u <= eps {
				free += p.Tasks[i].Weight
				continue
			}
			items = append(items, item{p.Tasks[i].Weight, u})
		}
		slices.SortStableFunc(items, func(a, b item) int {
			// Higher weight per unit first.
			x, y := a.w*b.u, b.w*a.u
			switch {
			case x > y:
				return -1
			case x < y:
				return 1
			}
			return 0
		})
		v := free
		left := capacity
		for _, it := range items {
			if it.u <= left {
				v += it.w
				left -= it.u
				continue
			}
			v += it.w * left / it.u
			break
		}
		bound = min(bound, v)
	}
	for r := range p.Resources {
		capacity := 0.0
		for _, c := range p.Resources[r].Capacity {
			capacity += c
		}
		knap(capacity, func(i int) float64 {
			u := 0.0
			for _, d := range p.Tasks[i].Demand {
				if d.Resource == r {
					u += d.Amount * float64(p.Tasks[i].Duration)
				}
			}
			return u
		})
	}
	for b := range p.Budgets {
		capacity := 0.0
		for _, l := range p.Budgets[b].Limit {
			capacity += l
		}
		knap(capacity, func(i int) float64 {
			if p.Tasks[i].Budget != b {
				return 0
			}
			u := 0.0
			for _, s := range p.Tasks[i].Spend {
				u += s
			}
			return u
		})
	}
	if p.MaxParallel > 0 {
		knap(float64(p.MaxParallel*p.Horizon), func(i int) float64 { return float64(p.Tasks[i].Duration) })
	}
	return bound
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
