package schedule

// hotTasks packs what a rank-order pass reads for every decision into
// a few flat arrays, for the common tasks and problems: no choices, no
// limit on tasks in flight (overall or per team), and a task spending
// from one budget at most, with no run spend (plain). The deadline rule
// spends its whole work budget on decisions, so their cost is what a
// crowded roadmap's plan takes; scattered Task fields (slices of their
// own) cost cache misses. Decisions on plain tasks follow EarliestFit and
// Place step by step, the same comparisons and sums in the same order.
type hotTasks struct {
	tasks   []hotTask
	demands []hotDemand
	preds   []int32
	spend   []float64
	// capacity holds the teams' capacities in one block, as State.load
	// their loads: team r's period t at r*horizon+t.
	capacity []float64
}

type hotTask struct {
	dur, earliest, last, latest int32 // last: the latest start (lastStart)
	budget                      int32 // -1: unfunded
	demands, demandsEnd         int32 // into hotTasks.demands
	preds, predsEnd             int32 // into hotTasks.preds
	spend                       int32 // into hotTasks.spend, dur entries
	plain                       bool
}

type hotDemand struct {
	row    int32 // the team's first period in hotTasks.capacity and State.load
	amount float64
}

// newHotTasks is nil for a problem with choices, limits on tasks in
// flight, dated budgets (their spend to date is kept per period) or a
// team's capacity shorter than the horizon.
func newHotTasks(p *Problem) *hotTasks {
	if len(p.Choices) > 0 || p.MaxParallel > 0 || p.DatedBudgets() != nil {
		return nil
	}
	for _, r := range p.Resources {
		if r.MaxParallel > 0 || len(r.Capacity) < p.Horizon {
			return nil
		}
	}
	h := &hotTasks{tasks: make([]hotTask, len(p.Tasks)), capacity: make([]float64, 0, len(p.Resources)*p.Horizon)}
	for _, r := range p.Resources {
		h.capacity = append(h.capacity, r.Capacity[:p.Horizon]...)
	}
	for i := range p.Tasks {
		tk := &p.Tasks[i]
		ht := hotTask{dur: int32(tk.Duration), earliest: int32(tk.Earliest), last: int32(p.lastStart(i)), latest: int32(tk.Latest),
			budget: int32(tk.Budget), plain: len(tk.Shares) == 0 && !tk.hasRun()}
		ht.demands = int32(len(h.demands))
		for _, d := range tk.Demand {
			h.demands = append(h.demands, hotDemand{int32(d.Resource * p.Horizon), d.Amount})
		}
		ht.demandsEnd = int32(len(h.demands))
		ht.preds = int32(len(h.preds))
		for _, q := range tk.Preds {
			h.preds = append(h.preds, int32(q))
		}
		ht.predsEnd = int32(len(h.preds))
		ht.spend = int32(len(h.spend))
		if ht.plain && tk.Budget >= 0 {
			h.spend = append(h.spend, tk.Spend[:tk.Duration]...)
		}
		h.tasks[i] = ht
	}
	return h
}

// release is releaseTime.
func (h *hotTasks) release(start []int, i int) (est, blockedBy int) {
	ht := &h.tasks[i]
	for _, q := range h.preds[ht.preds:ht.predsEnd] {
		if start[q] < 0 {
			return 0, int(q)
		}
		est = max(est, start[q]+int(h.tasks[q].dur))
	}
	return est, -1
}

// earliestFit is EarliestFit for a plain task i.
func (h *hotTasks) earliestFit(st *State, i, from int) (int, Blocker) {
	ht := &h.tasks[i]
	from = max(from, int(ht.earliest), 0)
	last := int(ht.last)
	if from > last {
		return -1, Blocker{Kind: BlockWindow, Index: -1, From: from, To: int(ht.latest)}
	}
	demands := h.demands[ht.demands:ht.demandsEnd]
	dur := int(ht.dur)
	load, capacity := st.load, h.capacity[:len(st.load)]
	// earliestStart: periods checked from a window's end backwards.
	free := -1
	for start := from; start <= last; {
		end := start + dur - 1
		t := -1
	periods:
		for u := end; u >= max(start, free+1); u-- {
			for _, d := range demands {
				if k := int(d.row) + u; load[k]+d.amount > capacity[k]+eps {
					t = u
					break periods
				}
			}
		}
		free = end
		if t >= 0 {
			start = t + 1
			continue
		}
		if ht.budget < 0 || h.budgetRoom(st, ht, start) {
			return start, Blocker{}
		}
		start++
	}
	b, _ := st.violation(i, from)
	return -1, b
}

// budgetRoom is windowRoom for a plain task's one budget.
func (h *hotTasks) budgetRoom(st *State, ht *hotTask, start int) bool {
	b := int(ht.budget)
	bg := &st.p.Budgets[b]
	spent := st.spent[b]
	spend := h.spend[ht.spend : ht.spend+ht.dur]
	for k := 0; k < len(spend); {
		w := bg.Window[start+k]
		sum := 0.0
		for ; k < len(spend) && bg.Window[start+k] == w; k++ {
			sum += 1 * spend[k]
		}
		if spent[w]+sum > bg.Limit[w]+eps*(1+bg.Limit[w]) {
			return false
		}
	}
	return true
}

// place is Place for a plain task i.
func (h *hotTasks) place(st *State, i, start int) {
	ht := &h.tasks[i]
	demands := h.demands[ht.demands:ht.demandsEnd]
	var window []int
	var spent, spend []float64
	if ht.budget >= 0 {
		window, spent = st.p.Budgets[ht.budget].Window, st.spent[ht.budget]
		spend = h.spend[ht.spend : ht.spend+ht.dur]
	}
	for k := 0; k < int(ht.dur); k++ {
		t := start + k
		for _, d := range demands {
			st.load[int(d.row)+t] += 1 * d.amount
		}
		st.inFlight[t]++
		if ht.budget >= 0 {
			spent[window[t]] += 1 * spend[k]
		}
	}
}
