package schedule

import (
	"cmp"
	"math"
	"slices"
)

// The optimiser's schedule generation: serial SGS forwards and backwards,
// parallel SGS and double justification. They check every constraint that
// State.violation checks, but skip ahead past the period that clashed (or
// the budget window closed to the task) instead of trying each start in
// turn, and name no Blocker.

// budgetFits reports whether task i's spend fits its budget when started
// at start.
func (s *State) budgetFits(i, start int) bool {
	_, _, ok := s.budgetRoom(i, start)
	return ok
}

// periodClash reports whether task i cannot run in period t next to the
// load already there (resources and the limit on tasks in flight).
func (s *State) periodClash(tk *Task, t int) bool {
	for _, d := range tk.Demand {
		if s.used[d.Resource][t]+d.Amount > s.capacity[d.Resource][t]+eps {
			return true
		}
	}
	if s.running != nil {
		for _, d := range tk.Demand {
			if s.running[d.Resource] != nil && d.Amount > 0 && s.running[d.Resource][t] >= s.p.Resources[d.Resource].MaxParallel {
				return true
			}
		}
	}
	return s.p.MaxParallel > 0 && s.inFlight[t] >= s.p.MaxParallel
}

// lastClash is -1 when task i fits at start, else a period t such that no
// start in [start, t] fits either: the latest period that clashes, or start
// itself when only the budget does.
func (s *State) lastClash(i, start int) int {
	tk := &s.p.Tasks[i]
	if s.otherOption(i) >= 0 {
		return max(start, s.p.Horizon) // no start fits
	}
	for t := start + tk.Duration - 1; t >= start; t-- {
		if s.periodClash(tk, t) {
			return t
		}
	}
	if !s.budgetFits(i, start) {
		return start
	}
	return -1
}

// firstClash is -1 when task i fits at start, else a period t such that no
// start in [t-Duration+1, start] fits: the earliest period that clashes, or
// when only the budget does, the first period of a window closed to the
// task (see closedWindow), else the task's last period.
func (s *State) firstClash(i, start int) int {
	return s.firstClashBelow(i, start, start+s.p.Tasks[i].Duration)
}

// firstClashBelow is firstClash when the periods from free up to the
// task's last one are known not to clash: only those before free are
// looked at again.
func (s *State) firstClashBelow(i, start, free int) int {
	tk := &s.p.Tasks[i]
	for t := start; t < min(start+tk.Duration, free); t++ {
		if s.periodClash(tk, t) {
			return t
		}
	}
	if b, t, ok := s.budgetRoom(i, start); !ok {
		if from, _, closed := s.closedWindow(tk, b, t); closed {
			return from // every start from from-Duration+1 to start runs in it
		}
		return start + tk.Duration - 1
	}
	return -1
}

// closedWindow reports whether budget b's window holding period t has
// less room left than any one period of task tk spends: then no start at
// which tk runs in that window fits. It answers only for a task spending
// from b alone, without run spend; from and to are the window's first and
// last periods. windowRoom sums the spend in each window the task runs in
// from 0, every term at least the least one, so the sum is too (rounding
// never makes a sum of terms >= 0 smaller than one of them), and compares
// as here.
func (s *State) closedWindow(tk *Task, b, t int) (from, to int, ok bool) {
	if tk.Budget != b || b < 0 || len(tk.Shares) > 0 || tk.hasRun() || (s.dated != nil && s.dated[b] != nil) {
		return 0, 0, false
	}
	least := math.Inf(1)
	for _, v := range tk.Spend[:tk.Duration] {
		least = min(least, v)
	}
	bg := &s.p.Budgets[b]
	w := bg.Window[t]
	if !(least >= 0) || s.spent[b][w]+least <= bg.Limit[w]+eps*(1+bg.Limit[w]) {
		return 0, 0, false
	}
	from, to = t, t
	for from > 0 && bg.Window[from-1] == w {
		from--
	}
	for to+1 < len(bg.Window) && bg.Window[to+1] == w {
		to++
	}
	return from, to, true
}

// lastStart is the latest start task i may have under its window and the
// horizon.
func (p *Problem) lastStart(i int) int {
	tk := &p.Tasks[i]
	return min(tk.Latest+1, p.Horizon) - tk.Duration
}

// earliestStart is the earliest start >= from at which task i fits, or -1.
func (s *State) earliestStart(i, from int) int {
	tk := &s.p.Tasks[i]
	if s.otherOption(i) >= 0 || s.steadyFull(i) {
		return -1
	}
	last := s.p.lastStart(i)
	// Periods are checked from a window's end backwards; a clash at t
	// moves the start to t+1, and the periods after t up to the old end,
	// checked already, need no second look (free: [start, free] has no
	// clash). lastClash's answer, without its repeated scans.
	free := -1
	for start := max(from, tk.Earliest, 0); start <= last; {
		end := start + tk.Duration - 1
		t := -1
		for u := end; u >= max(start, free+1); u-- {
			if s.periodClash(tk, u) {
				t = u
				break
			}
		}
		free = end
		if t >= 0 {
			start = t + 1
			continue
		}
		b, t, ok := s.budgetRoom(i, start)
		if ok {
			return start
		}
		if _, to, closed := s.closedWindow(tk, b, t); closed {
			start = to + 1 // every start up to to runs in the window
			continue
		}
		start++
	}
	return -1
}

// latestStart is the latest start <= to at which task i fits, or -1.
func (s *State) latestStart(i, to int) int {
	tk := &s.p.Tasks[i]
	if s.otherOption(i) >= 0 || s.steadyFull(i) {
		return -1
	}
	lo := max(tk.Earliest, 0)
	// firstClash's answer t moves the start to t-Duration, so the next
	// candidate ends at t-1 at the latest; the periods from the old start
	// to t-1 had no clash (the earliest clash was t, or none and only the
	// budget refused), so they need no second look.
	free := math.MaxInt
	for start := min(to, s.p.lastStart(i)); start >= lo; {
		t := s.firstClashBelow(i, start, free)
		if t < 0 {
			return start
		}
		free = start
		start = t - tk.Duration
	}
	return -1
}

// engine holds the scratch space of one optimisation run, so that
// evaluating a schedule allocates nothing.
type engine struct {
	p     *Problem
	n     int
	succs [][]int
	topo  []int // position of each task in a fixed topological order
	st    *State

	start []int // the schedule being built; -1 when not placed
	back  []int // backward pass starts
	ends  []int // scratch: the ends of the tasks placed
	prev  []int // the schedule before justification
	order []int // scratch list
	keys  []int // scratch sort keys

	// Scratch of sortByPeriod: byTopo[k] is the task at topological
	// position k or -1, counts a histogram of periods, sorted its output.
	byTopo, counts, sorted []int

	schedules int // SGS passes run, forwards and backwards

	// keepDeadline marks the tasks with a deadline that the baseline
	// meets; nil when there are none.
	keepDeadline []bool
	// keepable counts the Problem.Due sets a schedule could keep at all.
	keepable int

	// gp places together groups whole; nil without groups. decided is
	// its scratch: the tasks a forward pass has decided.
	gp      *groupPlacer
	decided []bool
	// nowhere caches fitsNowhere per task (0: not known yet, 1: fits
	// somewhere, 2: nowhere); nil when placed tasks can make room
	// (onlyTakesRoom). empty is the empty schedule it is answered on.
	nowhere []uint8
	empty   *State
}

func newEngine(p *Problem) *engine {
	n := len(p.Tasks)
	e := &engine{p: p, n: n, succs: make([][]int, n), st: NewState(p),
		start: make([]int, n), back: make([]int, n), ends: make([]int, n), order: make([]int, 0, n), keys: make([]int, n)}
	for i := range p.Tasks {
		for _, q := range p.Tasks[i].Preds {
			e.succs[q] = append(e.succs[q], i)
		}
	}
	e.topo = make([]int, n)
	for k, i := range topoOrder(p, e.succs, nil) {
		e.topo[i] = k
	}
	e.byTopo = make([]int, n)
	for k := range e.byTopo {
		e.byTopo[k] = -1
	}
	e.sorted = make([]int, 0, n)
	if e.gp = newGroupPlacer(p); e.gp != nil {
		e.decided = make([]bool, n)
	}
	if onlyTakesRoom(p) {
		e.nowhere = make([]uint8, n)
	}
	return e
}

// onlyTakesRoom reports whether placing a task never makes room for
// another: no spend, run spend or demand below 0 and no dated budget
// (whose savings credit room). Then a task that fits at no start in an
// empty schedule fits in none.
func onlyTakesRoom(p *Problem) bool {
	if p.DatedBudgets() != nil {
		return false
	}
	for i := range p.Tasks {
		tk := &p.Tasks[i]
		if tk.RunYear < 0 || slices.ContainsFunc(tk.Spend, neg) || slices.ContainsFunc(tk.Run, neg) ||
			slices.ContainsFunc(tk.Demand, func(d Demand) bool { return d.Amount < 0 }) {
			return false
		}
	}
	return true
}

func neg(x float64) bool { return x < 0 }

// fitsNowhere reports whether task i fits at no start even in an empty
// schedule (only the Fixed load), and so in no schedule (onlyTakesRoom):
// the decode leaves it, or its together group, out at once instead of
// trying its starts again in every schedule of the search (review qa17
// A7: a group with such a member searched its orders, up to
// groupSearchBudget placements, in each of 50,000 schedules; alone, a
// task with run costs tried each start against each budget window).
// Each task's answer is worked out once.
func (e *engine) fitsNowhere(i int) bool {
	if e.nowhere == nil {
		return false
	}
	if e.nowhere[i] == 0 {
		if e.empty == nil {
			e.empty = NewState(e.p)
		}
		e.nowhere[i] = 1
		if e.empty.earliestStart(i, 0) < 0 {
			e.nowhere[i] = 2
		}
	}
	return e.nowhere[i] == 2
}

// forward decodes an activity list (a precedence-feasible order of every
// task) with the serial SGS: each task at its earliest fit after its
// predecessors; a task that cannot fit, or whose predecessor is out, stays
// out. A together group is placed whole at the turn of the first of its
// tasks in the list (see groupPlacer), or left out.
func (e *engine) forward(list []int) {
	e.schedules++
	e.st.reset()
	if e.gp == nil {
		// A task decoded before its predecessor stays out, never placed
		// after a stale start.
		for i := range e.start {
			e.start[i] = -1
		}
		for _, i := range list {
			e.start[i] = e.placeEarliest(i)
		}
		return
	}
	clear(e.decided)
	for i := range e.start {
		e.start[i] = -1
	}
	for _, i := range list {
		if e.decided[i] {
			continue
		}
		if !e.gp.grouped(i) {
			e.start[i] = e.placeEarliest(i)
			e.decided[i] = true
			continue
		}
		group := e.gp.groupOf[i]
		_, ok := e.gp.collect(e.start, e.decided, i)
		if ok && slices.ContainsFunc(e.gp.closure, e.fitsNowhere) {
			ok = false // place would fail, after trying the orders
		}
		var placed []int
		if ok {
			placed, _, ok = e.gp.placeClosure(e.st, e.start, group)
		}
		if ok {
			for _, t := range placed {
				e.decided[t] = true
			}
			continue
		}
		for _, m := range e.p.Together[group] {
			e.decided[m] = true
		}
	}
}

// placeEarliest places task i at its earliest fit after its placed
// predecessors and returns the start, or -1 when it stays out.
func (e *engine) placeEarliest(i int) int {
	est := 0
	for _, q := range e.p.Tasks[i].Preds {
		if e.start[q] < 0 {
			return -1
		}
		est = max(est, e.start[q]+e.p.Tasks[q].Duration)
	}
	if e.fitsNowhere(i) {
		return -1
	}
	s := e.st.earliestStart(i, est)
	if s >= 0 {
		e.st.Place(i, s)
	}
	return s
}

// justify is double justification (Valls, Ballestín and Quintanilla 2005):
// a backward serial SGS over the placed tasks by non-increasing finish,
// each as late as it fits before its successors and the makespan, then a
// forward serial SGS by non-decreasing start in that schedule. The result
// is never longer; tasks that were out are then tried again in list order.
// It costs two schedules. When a pass cannot place a task (budgets break
// the argument that it always can), the schedule is left as it was.
func (e *engine) justify(list []int) {
	ms := e.makespan(e.start)
	if ms == 0 {
		return
	}
	e.prev = append(e.prev[:0], e.start...)
	// Backward: latest finish first.
	e.schedules++
	e.order = e.order[:0]
	for _, i := range list {
		if e.start[i] >= 0 {
			e.order = append(e.order, i)
			e.ends[i] = e.start[i] + e.p.Tasks[i].Duration
		}
	}
	e.sortByPeriod(e.order, e.ends)
	slices.Reverse(e.order)
	e.st.reset()
	for _, i := range e.order {
		lf := ms
		for _, j := range e.succs[i] {
			if e.start[j] >= 0 {
				lf = min(lf, e.back[j])
			}
		}
		s := e.st.latestStart(i, lf-e.p.Tasks[i].Duration)
		if s < 0 {
			e.undo()
			return
		}
		e.st.Place(i, s)
		e.back[i] = s
	}
	// Forward: earliest start first.
	e.schedules++
	e.sortByPeriod(e.order, e.back)
	e.st.reset()
	for _, i := range list {
		if e.start[i] >= 0 {
			e.start[i] = -2 // to be placed
		}
	}
	for _, i := range e.order {
		est := 0
		for _, q := range e.p.Tasks[i].Preds {
			est = max(est, e.start[q]+e.p.Tasks[q].Duration)
		}
		s := e.st.earliestStart(i, est)
		if s < 0 {
			e.undo()
			return
		}
		e.st.Place(i, s)
		e.start[i] = s
	}
	if e.makespan(e.start) > ms {
		// Budget windows can push a task later than it was.
		e.undo()
		return
	}
	// Room freed by the shift may take a task that was out (a together
	// group's member only with its whole group: not tried here).
	for _, i := range list {
		if e.start[i] == -1 && !e.gp.grouped(i) {
			e.start[i] = e.placeEarliest(i)
		}
	}
}

// undo puts back the schedule justify started from.
func (e *engine) undo() {
	copy(e.start, e.prev)
	e.restore()
}

// restore rebuilds the state from e.start.
func (e *engine) restore() {
	e.st.reset()
	for i, s := range e.start {
		if s >= 0 {
			e.st.Place(i, s)
		}
	}
}

func (e *engine) makespan(start []int) int {
	m := 0
	for i, s := range start {
		if s >= 0 {
			m = max(m, s+e.p.Tasks[i].Duration)
		}
	}
	return m
}

// parallel is the parallel SGS (Kelley 1963; Kolisch 1996): step through
// the periods and start, in priority order, every eligible task that fits
// there. prio ranks tasks (lower first). It counts one schedule.
func (e *engine) parallel(prio []int) {
	e.schedules++
	e.st.reset()
	n := e.n
	waiting := make([]int, n)
	ready := make([]int, n) // period from which a task's predecessors are done
	var eligible []int
	for i := range e.p.Tasks {
		e.start[i] = -1
		waiting[i] = len(e.p.Tasks[i].Preds)
		if waiting[i] == 0 {
			eligible = append(eligible, i)
		}
	}
	decided := 0
	release := func(i int) {
		decided++
		for _, j := range e.succs[i] {
			waiting[j]--
			if e.start[i] >= 0 {
				ready[j] = max(ready[j], e.start[i]+e.p.Tasks[i].Duration)
			}
			if waiting[j] == 0 {
				eligible = append(eligible, j)
			}
		}
	}
	for t := 0; decided < n; t++ {
		sortByKeyAsc(eligible, prio)
		var keep []int
		for k := 0; k < len(eligible); k++ {
			i := eligible[k]
			blocked := false
			for _, q := range e.p.Tasks[i].Preds {
				if e.start[q] < 0 {
					blocked = true
				}
			}
			switch {
			case blocked || t > e.p.lastStart(i):
				release(i)
			case t >= ready[i] && t >= e.p.Tasks[i].Earliest && e.st.lastClash(i, t) < 0:
				e.st.Place(i, t)
				e.start[i] = t
				release(i)
			default:
				keep = append(keep, i)
			}
		}
		eligible = keep
		if t > e.p.Horizon+1 {
			for _, i := range eligible {
				release(i)
			}
			eligible = nil
		}
	}
}

// listFromStarts is an activity list that the serial SGS turns back into
// (at most) the given schedule: placed tasks by start, then the rest in
// the order of list.
func (e *engine) listFromStarts(list, out []int) []int {
	out = out[:0]
	for _, i := range list {
		if e.start[i] >= 0 {
			out = append(out, i)
		}
	}
	e.sortByPeriod(out, e.start)
	for _, i := range list {
		if e.start[i] < 0 {
			out = append(out, i)
		}
	}
	return out
}

// sortByPeriod orders the tasks xs by period[i], ties by position in the
// topological order e.topo: the order of the keys period*(n+1)+topo, in
// time linear in the tasks and the span of periods (a radix sort: tasks
// by topological position, then a stable counting sort by period).
func (e *engine) sortByPeriod(xs, period []int) {
	if len(xs) < 2 {
		return
	}
	lo, hi := period[xs[0]], period[xs[0]]
	for _, i := range xs {
		lo, hi = min(lo, period[i]), max(hi, period[i])
	}
	span := hi - lo + 1
	if span > 4*len(xs)+64 || 8*len(xs) < e.n {
		// Few tasks over many periods, or few of many tasks: compare.
		for _, i := range xs {
			e.keys[i] = period[i]*(e.n+1) + e.topo[i]
		}
		sortByKeyAsc(xs, e.keys)
		return
	}
	for _, i := range xs {
		e.byTopo[e.topo[i]] = i
	}
	e.counts = slices.Grow(e.counts[:0], span+1)[:span+1]
	clear(e.counts)
	for _, i := range xs {
		e.counts[period[i]-lo+1]++
	}
	for k := 1; k <= span; k++ {
		e.counts[k] += e.counts[k-1]
	}
	e.sorted = e.sorted[:len(xs)]
	for k, i := range e.byTopo {
		if i < 0 {
			continue
		}
		e.byTopo[k] = -1
		slot := &e.counts[period[i]-lo]
		e.sorted[*slot] = i
		*slot++
	}
	copy(xs, e.sorted)
}

// seedList is the rank-order schedule's decision order as an activity
// list: the same order where it is precedence-feasible, else the nearest
// one that is. Rank order decides a task before a lower-ranked
// predecessor when it takes its turn ahead of it (a choice option tried
// at its rank, a lead task), and a list with a task before its
// predecessor decoded stale starts (review qa17 D10: the optimiser
// placed an option whose dependency was out). Tasks the order leaves out
// come last, by index.
func seedList(p *Problem, succs [][]int, order []int) []int {
	n := len(p.Tasks)
	pos := make([]int, n)
	for i := range pos {
		pos[i] = n + i
	}
	for k, i := range order {
		if pos[i] >= n {
			pos[i] = k
		}
	}
	return topoOrder(p, succs, pos)
}

// topoOrder is a topological order of the tasks that takes, among the
// tasks whose predecessors are all listed, the one with the lowest prio
// (index order when prio is nil).
func topoOrder(p *Problem, succs [][]int, prio []int) []int {
	n := len(p.Tasks)
	if prio == nil {
		prio = make([]int, n)
		for i := range prio {
			prio[i] = i
		}
	}
	waiting := make([]int, n)
	h := &posHeap{pos: prio}
	for i := range p.Tasks {
		waiting[i] = len(p.Tasks[i].Preds)
		if waiting[i] == 0 {
			h.items = append(h.items, i)
		}
	}
	h.init()
	out := make([]int, 0, n)
	for len(h.items) > 0 {
		i := h.pop()
		out = append(out, i)
		for _, j := range succs[i] {
			waiting[j]--
			if waiting[j] == 0 {
				h.push(j)
			}
		}
	}
	return out
}

// init, push and pop are container/heap's Init, Push and Pop on a
// posHeap, step for step (so the order is the same, ties included),
// without boxing each task index in an interface.
func (h *posHeap) init() {
	for i := len(h.items)/2 - 1; i >= 0; i-- {
		h.down(i, len(h.items))
	}
}

func (h *posHeap) push(x int) {
	h.items = append(h.items, x)
	h.up(len(h.items) - 1)
}

func (h *posHeap) pop() int {
	n := len(h.items) - 1
	h.Swap(0, n)
	h.down(0, n)
	x := h.items[n]
	h.items = h.items[:n]
	return x
}

func (h *posHeap) up(j int) {
	for {
		i := (j - 1) / 2 // parent
		if i == j || !h.Less(j, i) {
			break
		}
		h.Swap(i, j)
		j = i
	}
}

func (h *posHeap) down(i, n int) {
	for {
		j1 := 2*i + 1
		if j1 >= n || j1 < 0 {
			break
		}
		j := j1 // left child
		if j2 := j1 + 1; j2 < n && h.Less(j2, j1) {
			j = j2
		}
		if !h.Less(j, i) {
			break
		}
		h.Swap(i, j)
		i = j
	}
}

// sortByKeyAsc sorts tasks by key; keys are unique, so the order is too.
func sortByKeyAsc(xs, key []int) {
	slices.SortFunc(xs, func(a, b int) int { return cmp.Compare(key[a], key[b]) })
}
