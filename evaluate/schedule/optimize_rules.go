package schedule

import (
	"math/rand/v2"
	"slices"
)

// Priority rules for activity lists (Kolisch 1996; Kolisch and Hartmann
// 1999). Each gives a value per task, lower first; ties go to the lower
// index.

// timing holds the critical-path figures of a problem without resource
// limits: earliest start, latest finish (against the horizon and each
// task's deadline) and the critical-path length.
type timing struct {
	es, lf []int
	cp     int
}

func computeTiming(p *Problem, succs [][]int, order []int) timing {
	n := len(p.Tasks)
	tm := timing{es: make([]int, n), lf: make([]int, n)}
	for _, i := range order {
		tk := &p.Tasks[i]
		es := max(tk.Earliest, 0)
		for _, q := range tk.Preds {
			es = max(es, tm.es[q]+p.Tasks[q].Duration)
		}
		tm.es[i] = es
		tm.cp = max(tm.cp, es+tk.Duration)
	}
	for k := len(order) - 1; k >= 0; k-- {
		i := order[k]
		lf := min(p.Tasks[i].Latest+1, p.Horizon)
		for _, j := range succs[i] {
			lf = min(lf, tm.lf[j]-p.Tasks[j].Duration)
		}
		tm.lf[i] = lf
	}
	return tm
}

type rule struct {
	name  string
	value func(i int) float64
}

// rules are the priority rules the optimiser seeds its search with.
func (e *engine) rules(tm timing) []rule {
	p := e.p
	totalSuccs := make([]int, e.n)
	// Transitive successor counts, by bitsets for modest sizes.
	if e.n <= 2000 {
		words := (e.n + 63) / 64
		reach := make([][]uint64, e.n)
		order := topoOrder(p, e.succs, nil)
		for k := len(order) - 1; k >= 0; k-- {
			i := order[k]
			r := make([]uint64, words)
			for _, j := range e.succs[i] {
				r[j/64] |= 1 << (j % 64)
				for w := range r {
					r[w] |= reach[j][w]
				}
			}
			reach[i] = r
			for _, w := range r {
				totalSuccs[i] += popcount(w)
			}
		}
	} else {
		for i := range e.succs {
			totalSuccs[i] = len(e.succs[i])
		}
	}
	// work is a task's share of everything it draws on, summed: team
	// time over each team's capacity in the horizon, spend over its
	// budget's total, periods over the room for tasks in flight.
	capTotal := make([]float64, len(p.Resources))
	for r := range p.Resources {
		for _, c := range p.Resources[r].Capacity {
			capTotal[r] += c
		}
	}
	budgetTotal := make([]float64, len(p.Budgets))
	for b := range p.Budgets {
		for _, l := range p.Budgets[b].Limit {
			budgetTotal[b] += l
		}
	}
	work := func(i int) float64 {
		tk := &p.Tasks[i]
		w := 0.0
		for _, d := range tk.Demand {
			w += d.Amount * float64(tk.Duration) / max(capTotal[d.Resource], eps)
		}
		for b := range p.Budgets {
			if share := tk.ShareOf(b); share > 0 {
				for _, v := range tk.Spend {
					w += share * v / max(budgetTotal[b], eps)
				}
			}
		}
		if p.MaxParallel > 0 {
			w += float64(tk.Duration) / float64(p.MaxParallel*p.Horizon)
		}
		return w
	}
	return []rule{
		{"LFT", func(i int) float64 { return float64(tm.lf[i]) }},
		{"LST", func(i int) float64 { return float64(tm.lf[i] - p.Tasks[i].Duration) }},
		{"MTS", func(i int) float64 { return -float64(totalSuccs[i]) }},
		{"GRPW", func(i int) float64 {
			g := p.Tasks[i].Duration
			for _, j := range e.succs[i] {
				g += p.Tasks[j].Duration
			}
			return -float64(g)
		}},
		{"MSLK", func(i int) float64 { return float64(tm.lf[i] - p.Tasks[i].Duration - tm.es[i]) }},
		{"SPT", func(i int) float64 { return float64(p.Tasks[i].Duration) }},
		{"GRD", func(i int) float64 { return -work(i) }},
		{"WEIGHT", func(i int) float64 { return -p.Tasks[i].Weight / (1e-9 + work(i)) }},
	}
}

func popcount(x uint64) int {
	c := 0
	for ; x != 0; x &= x - 1 {
		c++
	}
	return c
}

// ranks turns values into unique positions: lower value first, then
// tasks that must go first (must, when set), then lower index.
func ranks(values []float64, must []bool) []int {
	n := len(values)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	less := func(a, b int) bool {
		if must != nil && must[a] != must[b] {
			return must[a]
		}
		if values[a] != values[b] {
			return values[a] < values[b]
		}
		return a < b
	}
	sortIdx(idx, less)
	pos := make([]int, n)
	for k, i := range idx {
		pos[i] = k
	}
	return pos
}

// sampleList builds an activity list by regret-based biased random
// sampling (Drexl 1991) on priority values (lower first): among the tasks
// whose predecessors are listed, task j is drawn with probability
// proportional to (max value - value j + 1)^alpha.
//
// Each draw looks at every eligible task, so for large problems, where
// that grows quadratically, the list is instead the topological order by
// values perturbed with uniform noise over a third of their range.
func (e *engine) sampleList(rng *rand.Rand, values []float64, must []bool, out []int) []int {
	p := e.p
	if e.n > 500 {
		lo, hi := values[0], values[0]
		for _, v := range values {
			lo, hi = min(lo, v), max(hi, v)
		}
		noisy := make([]float64, e.n)
		for i, v := range values {
			noisy[i] = v + rng.Float64()*(hi-lo+1)/3
		}
		return append(out[:0], topoOrder(p, e.succs, ranks(noisy, must))...)
	}
	waiting := make([]int, e.n)
	var eligible []int
	for i := range p.Tasks {
		waiting[i] = len(p.Tasks[i].Preds)
		if waiting[i] == 0 {
			eligible = append(eligible, i)
		}
	}
	out = out[:0]
	weights := make([]float64, 0, e.n)
	for len(eligible) > 0 {
		cand := eligible
		if must != nil {
			// Tasks that must go first are drawn before the others.
			var m []int
			for _, i := range eligible {
				if must[i] {
					m = append(m, i)
				}
			}
			if len(m) > 0 {
				cand = m
			}
		}
		hi := values[cand[0]]
		for _, i := range cand {
			hi = max(hi, values[i])
		}
		weights = weights[:0]
		sum := 0.0
		for _, i := range cand {
			w := hi - values[i] + 1
			weights = append(weights, w)
			sum += w
		}
		r := rng.Float64() * sum
		pick := len(cand) - 1
		for k, w := range weights {
			if r < w {
				pick = k
				break
			}
			r -= w
		}
		i := cand[pick]
		out = append(out, i)
		for k, j := range eligible {
			if j == i {
				eligible = append(eligible[:k], eligible[k+1:]...)
				break
			}
		}
		for _, j := range e.succs[i] {
			waiting[j]--
			if waiting[j] == 0 {
				eligible = append(eligible, j)
			}
		}
	}
	return out
}

func sortIdx(idx []int, less func(a, b int) bool) {
	slices.SortFunc(idx, func(a, b int) int {
		switch {
		case less(a, b):
			return -1
		case less(b, a):
			return 1
		}
		return 0
	})
}
