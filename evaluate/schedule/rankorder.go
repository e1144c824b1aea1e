package schedule

import (
	"container/heap"
	"context"
	"math"
	"slices"
)

// DeadlineMove is the deadline rule at work: Task could not meet its
// deadline in rank order, so it went first, at Start, with the
// predecessors it needed (With, placed first too), and every task placed
// before still fits. Ahead lists the tasks that start later because of
// it (the ones it went ahead of); Rejected the earlier starts that fit
// but would have left out a task placed before, and PushedOut those
// tasks.
type DeadlineMove struct {
	Task      int
	Start     int
	With      []int
	Ahead     []int
	Rejected  []Span
	PushedOut []int
}

// DeadlineMiss is a deadline task the rule could not place. PushedOut
// lists, for the starts where it fit when going first, a task placed
// before that would then have been left out; empty when it fits no start
// even going first. OutOfBudget is set when the rule's work budget ran
// out before the task was tried.
type DeadlineMiss struct {
	Task        int
	PushedOut   []int
	Tried       []Span // the starts where it fit going first
	OutOfBudget bool
	// NoRoom, when set, is a resource, budget or the limit on tasks in
	// flight (its Kind and Index) whose room over the whole horizon, once
	// every task placed keeps its place somewhere, is less than the task
	// needs: no start can work, so none was tried. Free is that room and
	// Need what the task needs (FTE-periods, money, task-periods).
	NoRoom     *Obstacle
	Free, Need float64
	// Together is set when the task, or a predecessor it would take
	// along, belongs to a together group: the rule moves single tasks
	// only, so it was not tried.
	Together bool
}

// DeadlineWork bounds the deadline rule of RankOrder: the task decisions
// its extra passes may take together, so a roadmap full of missed
// deadlines still plans in bounded time (about 0.3 s on a 2-core VM,
// whatever its size; 15 full passes over 10,000 tasks). Placing a task
// costs time in proportion to its duration, so a decision on a task
// longer than decisionPeriods periods counts one more per
// decisionPeriods periods (decisionCost).
func DeadlineWork(tasks int) int {
	return 100_000 + 5*tasks
}

// decisionPeriods is the task duration one unit of DeadlineWork covers.
const decisionPeriods = 64

// decisionCost is the share of DeadlineWork a decision on task i takes: 1
// for a task of up to decisionPeriods periods, one more per
// decisionPeriods periods beyond.
func decisionCost(p *Problem, i int) int {
	return 1 + (p.Tasks[i].Duration-1)/decisionPeriods
}

// pin is a task fixed at a start before a pass begins.
type pin struct{ task, start int }

// RankOrder places the tasks in index order (the rank order) with the
// serial schedule generation scheme, then applies the deadline rule (a
// task with a deadline (HasDeadline) that is left out goes ahead of the
// tasks ranked above it - placed first, with its unplaced or later
// predecessors, at the earliest start before its deadline where the
// other tasks, scheduled again in rank order around it, all still fit
// (every task placed before stays placed, so those it goes ahead of can
// still finish later, each by its own deadline). Deadline tasks are tried
// in rank order; a task moved stays fixed for the ones after it), then,
// when a placed task carries a credit, the second pass of retryFreed.
// work bounds the task decisions the rule may spend (DeadlineWork); ctx
// is checked as tasks are placed.
func RankOrder(ctx context.Context, p *Problem, work int) (*Schedule, error) {
	return rankOrder(ctx, newRankPass(p), work)
}

// rankOrder is RankOrder with r's passes.
func rankOrder(ctx context.Context, r *rankPass, work int) (*Schedule, error) {
	p := r.p
	n := len(p.Tasks)
	sch, _, err := r.run(ctx, nil, nil)
	if err != nil {
		return nil, err
	}
	var pins []pin
	pinned := make([]bool, n)
	var moves []DeadlineMove
	var misses []DeadlineMiss
	pending := 0 // deadline tasks left out, still to try
	for d := range n {
		if p.Tasks[d].HasDeadline && sch.Start[d] < 0 {
			pending++
		}
	}
	room := newRoomScan(p, sch, r.st.dated)
	for d := range n {
		if !p.Tasks[d].HasDeadline || sch.Start[d] >= 0 {
			continue
		}
		room.advance(d)
		// Each task still to try gets an equal share of the work left, so
		// the first ones cannot take it all: every one gets at least its
		// earliest start tried while any work is left.
		left := work - r.work
		if left <= 0 {
			misses = append(misses, DeadlineMiss{Task: d, OutOfBudget: true})
			continue
		}
		limit := r.work + left/max(pending, 1)
		pending--
		if r.extras.grouped(d) {
			misses = append(misses, DeadlineMiss{Task: d, Together: true})
			continue
		}
		if miss, short := noRoom(p, room.room, d); short {
			misses = append(misses, miss)
			continue
		}
		next, move, miss, err := r.tryAhead(ctx, sch, pins, pinned, d, limit)
		if err != nil {
			return nil, err
		}
		if next == nil {
			misses = append(misses, miss)
			continue
		}
		for _, a := range append(slices.Clone(move.With), d) {
			pins = append(pins, pin{a, next.Start[a]})
			pinned[a] = true
		}
		moves = append(moves, move)
		sch = next
		room = newRoomScan(p, sch, r.st.dated)
	}
	if sch, err = r.retryFreed(ctx, sch, work, pinned); err != nil {
		return nil, err
	}
	// A later move, or the second pass, may have placed a task that
	// missed before.
	for _, m := range misses {
		if sch.Start[m.Task] < 0 {
			sch.Misses = append(sch.Misses, m)
		}
	}
	sch.Moves = moves
	return sch, nil
}

// roomLeft is what a schedule leaves free over the whole horizon: per
// resource FTE-periods, per budget money, and task-periods under the
// limit on tasks in flight.
type roomLeft struct {
	resource []float64
	budget   []float64
	parallel float64
}

// roomScan is the room that the tasks which must keep their places
// leave in the whole horizon when task d goes ahead: per resource
// FTE-periods, per budget money, and task-periods under the limit on
// tasks in flight. Those tasks are the placed ones ranked above d and the
// placed lead tasks (mandatory, forced-in, committed); a task ranked below
// d is scheduled again around it in rank order, as it would have been
// had d fitted at its turn. advance moves d forward in rank order.
type roomScan struct {
	p    *Problem
	sch  *Schedule
	room roomLeft
	next int // the tasks ranked above next are counted
}

// newRoomScan counts capacity, fixed load and the placed lead tasks;
// dated is a State's rows of the dated budgets (State.dated), which get
// no bound.
func newRoomScan(p *Problem, sch *Schedule, dated [][]float64) *roomScan {
	r := roomLeft{resource: make([]float64, len(p.Resources)), budget: make([]float64, len(p.Budgets)),
		parallel: float64(p.MaxParallel * p.Horizon)}
	for k := range p.Resources {
		for _, c := range p.Resources[k].Capacity {
			r.resource[k] += c
		}
	}
	for b := range p.Budgets {
		for _, l := range p.Budgets[b].Limit {
			r.budget[b] += l
		}
	}
	// Fixed load takes room up to the limits only: an overload it alone
	// causes takes no room from other periods.
	fixedUsed, fixedSpent, fixedInFlight, _ := p.fixedLoad()
	for k := range fixedUsed {
		for t, u := range fixedUsed[k] {
			r.resource[k] -= min(u, p.Resources[k].Capacity[t])
		}
	}
	for b := range fixedSpent {
		for w, x := range fixedSpent[b][:len(p.Budgets[b].Limit)] { // not the steady window
			r.budget[b] -= min(x, p.Budgets[b].Limit[w])
		}
	}
	if p.MaxParallel > 0 {
		for _, c := range fixedInFlight {
			r.parallel -= float64(min(c, p.MaxParallel))
		}
	}
	rs := &roomScan{p: p, sch: sch, room: r}
	for i, s := range sch.Start {
		if s >= 0 && p.Tasks[i].Lead {
			rs.take(i)
		}
	}
	// A dated budget's savings give room that depends on when their
	// tasks go live: no bound from it.
	for b, row := range dated {
		if row != nil {
			rs.room.budget[b] = math.Inf(1)
		}
	}
	return rs
}

// advance counts the placed tasks ranked above d that are not lead tasks
// (those are counted already).
func (rs *roomScan) advance(d int) {
	for ; rs.next < d; rs.next++ {
		if rs.sch.Start[rs.next] >= 0 && !rs.p.Tasks[rs.next].Lead {
			rs.take(rs.next)
		}
	}
}

// take subtracts task i's whole demand.
func (rs *roomScan) take(i int) {
	tk := &rs.p.Tasks[i]
	r := &rs.room
	for _, d := range tk.Demand {
		r.resource[d.Resource] -= d.Amount * float64(tk.Duration)
	}
	for _, f := range fundings(tk) { // a dated budget's Inf stays Inf
		for _, x := range tk.Spend {
			r.budget[f.Budget] -= f.Share * x
		}
	}
	r.parallel -= float64(tk.Duration)
}

// noRoom checks a necessary condition of the deadline rule, cheaply: the
// tasks placed must all stay placed, so whatever the order, each
// resource, budget and the limit on tasks in flight must have room for
// task d in the horizon as a whole. It returns the miss when one has not.
func noRoom(p *Problem, room roomLeft, d int) (DeadlineMiss, bool) {
	tk := &p.Tasks[d]
	miss := DeadlineMiss{Task: d}
	short := func(kind ObstacleKind, index int, free, need float64) bool {
		if need > free+eps*(1+math.Abs(free)) {
			miss.NoRoom, miss.Free, miss.Need = &Obstacle{Kind: kind, Index: index}, max(free, 0), need
			return true
		}
		return false
	}
	for _, dm := range tk.Demand {
		if dm.Amount > 0 && short(ObstacleResource, dm.Resource, room.resource[dm.Resource], dm.Amount*float64(tk.Duration)) {
			return miss, true
		}
	}
	for _, f := range fundings(tk) {
		need := 0.0
		for _, x := range tk.Spend {
			need += f.Share * x
		}
		if short(ObstacleBudget, f.Budget, room.budget[f.Budget], need) {
			return miss, true
		}
	}
	if p.MaxParallel > 0 && short(ObstacleParallel, -1, room.parallel, float64(tk.Duration)) {
		return miss, true
	}
	return miss, false
}

// rankPass runs serial SGS passes with tasks pinned first, counting the
// task decisions (work) across passes.
type rankPass struct {
	p     *Problem
	st    *State // a pass's state
	pinSt *State // the pins alone, to try a start cheaply
	succs [][]int
	work  int // DeadlineWork spent (decisionCost)
	// displaced counts the passes displaceForLeads kept (tests).
	displaced int
	steps     int // task decisions, for checks of ctx

	// Scratch space of a pass, reused: a pass that is thrown away
	// allocates nothing.
	ident    []int // task i at position i: index order is rank order
	preds    []int // each task's number of predecessors
	extras   *passExtras
	scratch  Schedule
	decided  []bool
	waiting  []int
	eligible rankQueue
	// order is the order a pass with orderPins pinned decides the other
	// tasks in (see orderFor).
	order, orderPins []int
	orderKnown       bool
	// never lists the tasks such a pass never decides (waiting for a
	// task that never is).
	never []int
	// queued makes every pass use the queue, as with groups or choices (tests).
	queued bool
	// hot packs the tasks for passes in order; nil when the problem is
	// not plain (hot.go).
	hot *hotTasks
}

func newRankPass(p *Problem) *rankPass {
	r := &rankPass{p: p, st: NewState(p), succs: make([][]int, len(p.Tasks)), ident: identity(len(p.Tasks))}
	for i := range p.Tasks {
		for _, q := range p.Tasks[i].Preds {
			r.succs[q] = append(r.succs[q], i)
		}
	}
	r.extras = newPassExtras(p, r.ident, r.succs)
	if r.extras == nil {
		r.hot = newHotTasks(p)
	}
	r.preds = make([]int, len(p.Tasks))
	for i := range p.Tasks {
		r.preds[i] = len(p.Tasks[i].Preds)
	}
	return r
}

// tryAhead applies the deadline rule to task d, left out of sch: it
// returns the new schedule and the move, or nil and the miss. It starts
// no pass after the first once r.work reaches limit.
func (r *rankPass) tryAhead(ctx context.Context, sch *Schedule, pins []pin, pinned []bool, d int, limit int) (*Schedule, DeadlineMove, DeadlineMiss, error) {
	p := r.p
	miss := DeadlineMiss{Task: d}
	// The predecessors d needs that are not fixed yet go first with it,
	// dependencies first, each at its earliest fit on top of the pins.
	with := r.unpinnedAncestors(d, pinned)
	for _, a := range with {
		if r.extras.grouped(a) {
			miss.Together = true
			return nil, DeadlineMove{}, miss, nil
		}
	}
	if r.pinSt == nil {
		r.pinSt = NewState(p)
	}
	st := r.pinSt
	st.reset()
	start := make([]int, len(p.Tasks))
	for i := range start {
		start[i] = -1
	}
	for _, pn := range pins {
		st.Place(pn.task, pn.start)
		start[pn.task] = pn.start
	}
	trial := slices.Clone(pins)
	for _, a := range with {
		est := 0
		for _, q := range p.Tasks[a].Preds {
			est = max(est, start[q]+p.Tasks[q].Duration)
		}
		s, _ := st.EarliestFit(a, est)
		r.work += decisionCost(p, a)
		if s < 0 {
			return nil, DeadlineMove{}, miss, nil // a predecessor fits nowhere even first
		}
		st.Place(a, s)
		start[a] = s
		trial = append(trial, pin{a, s})
	}
	release := max(p.Tasks[d].Earliest, 0)
	for _, q := range p.Tasks[d].Preds {
		release = max(release, start[q]+p.Tasks[q].Duration)
	}
	// The tasks placed that must stay placed: those ranked above d and
	// the lead tasks. One ranked below is placed again in rank order
	// around d, and may then not fit: d outranks it.
	keep := make([]bool, len(p.Tasks))
	for i, s := range sch.Start {
		keep[i] = s >= 0 && (i < d || p.Tasks[i].Lead || pinned[i])
	}
	var rejected []Span
	var pushedOut []int
	for s := release; s <= p.lastStart(d); s++ {
		// The next start where d fits on top of the pins, jumping past
		// clashes rather than testing every start.
		if s, _ = st.EarliestFit(d, s); s < 0 {
			break
		}
		if len(rejected) > 0 && r.work >= limit {
			miss.OutOfBudget = true
			break
		}
		next, out, err := r.run(ctx, append(slices.Clone(trial), pin{d, s}), keep)
		if err != nil {
			return nil, DeadlineMove{}, miss, err
		}
		if out < 0 {
			move := DeadlineMove{Task: d, Start: s, With: with, Rejected: rejected, PushedOut: pushedOut}
			for i, old := range sch.Start {
				if old >= 0 && next.Start[i] > old && i != d && !slices.Contains(with, i) {
					move.Ahead = append(move.Ahead, i)
				}
			}
			return next, move, DeadlineMiss{}, nil
		}
		rejected = addSpan(rejected, s)
		if !slices.Contains(pushedOut, out) {
			pushedOut = append(pushedOut, out)
			slices.Sort(pushedOut)
		}
	}
	miss.Tried, miss.PushedOut = rejected, pushedOut
	return nil, DeadlineMove{}, miss, nil
}

// unpinnedAncestors lists d's predecessors, transitively, that are not
// pinned, in a topological order that takes the lowest index first.
func (r *rankPass) unpinnedAncestors(d int, pinned []bool) []int {
	p := r.p
	seen := map[int]bool{}
	stack := slices.Clone(p.Tasks[d].Preds)
	for len(stack) > 0 {
		q := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[q] || pinned[q] {
			continue
		}
		seen[q] = true
		stack = append(stack, p.Tasks[q].Preds...)
	}
	waiting := map[int]int{}
	h := &posHeap{pos: r.ident}
	for q := range seen {
		for _, pq := range p.Tasks[q].Preds {
			if seen[pq] {
				waiting[q]++
			}
		}
		if waiting[q] == 0 {
			h.items = append(h.items, q)
		}
	}
	heap.Init(h)
	var out []int
	for h.Len() > 0 {
		q := heap.Pop(h).(int)
		out = append(out, q)
		for _, j := range r.succs[q] {
			if seen[j] {
				waiting[j]--
				if waiting[j] == 0 {
					heap.Push(h, j)
				}
			}
		}
	}
	return out
}

func identity(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// addSpan adds period t to spans kept in increasing order, t never below
// the last one.
func addSpan(spans []Span, t int) []Span {
	if k := len(spans) - 1; k >= 0 && spans[k].Last == t-1 {
		spans[k].Last = t
		return spans
	}
	return append(spans, Span{First: t, Last: t})
}

// ctxEvery is how many task decisions pass between checks of ctx.
const ctxEvery = 256

// run is one serial SGS pass: pins first, in their order, then every other
// task in rank (index) order, each at its earliest fit after its
// predecessors. With keep, the pass stops at
// the first task with keep set that stays out and returns it as out
// (otherwise out is -1).
func (r *rankPass) run(ctx context.Context, pins []pin, keep []bool) (sch *Schedule, out int, err error) {
	r.initScratch()
	if r.extras == nil && !r.queued {
		return r.runInOrder(ctx, pins, keep, r.orderFor(pins))
	}
	p := r.p
	st := r.st
	st.reset()
	sch = &r.scratch
	sch.Order = sch.Order[:0]
	sch.Apart = sch.Apart[:0]
	sch.Trials = sch.Trials[:0]
	sch.Pulled = sch.Pulled[:0]
	sch.Late = sch.Late[:0]
	clear(sch.Blocked)
	clear(r.decided)
	copy(r.waiting, r.preds)
	for i := range sch.Start {
		sch.Start[i] = -1
	}
	decided, waiting := r.decided, r.waiting
	for _, pn := range pins {
		st.Place(pn.task, pn.start)
		sch.Start[pn.task] = pn.start
		sch.Order = append(sch.Order, pn.task)
		decided[pn.task] = true
	}
	// A task waits for its predecessors (and its choice's previous
	// option) not decided yet; a pin never becomes eligible.
	for _, pn := range pins {
		for _, j := range r.succs[pn.task] {
			waiting[j]--
		}
	}
	for _, pn := range pins {
		waiting[pn.task] = -1
	}
	eligible := &r.eligible
	eligible.reset()
	out = -1
	nextLead := 0
	decide := func(i int) {
		decided[i] = true
		sch.Order = append(sch.Order, i)
		if out < 0 && keep != nil && keep[i] && sch.Start[i] < 0 {
			out = i
		}
		for _, j := range r.succs[i] {
			if decided[j] {
				continue
			}
			waiting[j]--
			if waiting[j] == 0 {
				eligible.push(j)
			}
		}
	}
	for {
		if l := r.extras.nextLead(decided, &nextLead, eligible.peek()); l >= 0 {
			r.steps++
			r.work += decisionCost(p, l)
			r.extras.leadTurn(st, sch, decided, l, decide)
			if out >= 0 {
				return sch, out, nil
			}
			continue
		}
		i := eligible.pop()
		if i < 0 {
			break
		}
		if r.steps%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, -1, err
			}
		}
		r.steps++
		r.work += decisionCost(p, i)
		if decided[i] {
			continue
		}
		r.extras.tryBetter(st, sch, decided, i, decide)
		switch {
		case out >= 0 || decided[i]:
		case r.extras.grouped(i):
			r.extras.decideGroup(st, sch, decided, i, i, decide)
		default:
			decideAlone(p, st, sch, i)
			decide(i)
		}
		if out >= 0 {
			return sch, out, nil
		}
	}
	return cloneSchedule(sch), -1, nil
}

func (r *rankPass) initScratch() {
	if r.scratch.Start == nil {
		n := len(r.p.Tasks)
		r.scratch = Schedule{Start: make([]int, n), Blocked: make([]Blocker, n), Order: make([]int, 0, n)}
		r.decided, r.waiting = make([]bool, n), make([]int, n)
		r.eligible = rankQueue{late: make([]int, 0, n), waiting: r.waiting}
	}
}

// orderFor is the order in which a pass with pins decides the other
// tasks: the lowest index first among those whose predecessors are
// decided. It depends on the pinned tasks only, not on where anything
// starts, so the passes that try one deadline task at one start after
// another share it. Not for together groups or choices, which decide
// several tasks at once (passExtras).
func (r *rankPass) orderFor(pins []pin) []int {
	same := r.orderKnown && len(pins) == len(r.orderPins)
	for k := 0; same && k < len(pins); k++ {
		same = pins[k].task == r.orderPins[k]
	}
	if same {
		return r.order
	}
	r.orderPins = r.orderPins[:0]
	for _, pn := range pins {
		r.orderPins = append(r.orderPins, pn.task)
	}
	decided, waiting := r.decided, r.waiting
	clear(decided)
	copy(waiting, r.preds)
	for _, pn := range pins {
		decided[pn.task] = true
	}
	for _, pn := range pins {
		for _, j := range r.succs[pn.task] {
			waiting[j]--
		}
	}
	for _, pn := range pins {
		waiting[pn.task] = -1
	}
	release := func(j int) {
		if !decided[j] {
			waiting[j]--
			if waiting[j] == 0 {
				r.eligible.push(j)
			}
		}
	}
	r.eligible.reset()
	r.order = r.order[:0]
	for {
		i := r.eligible.pop()
		if i < 0 {
			break
		}
		decided[i] = true
		r.order = append(r.order, i)
		for _, j := range r.succs[i] {
			release(j)
		}
	}
	r.never = r.never[:0]
	for i := range decided {
		if !decided[i] {
			r.never = append(r.never, i)
		}
	}
	r.orderKnown = true
	return r.order
}

// runInOrder is run without together groups or choices: pins first, then the tasks
// in order (orderFor), each at its earliest fit after its predecessors.
// The pass writes every task's Start and Blocked (the ones never decided
// too), so a pass cut short by keep leaves the ones after out stale: only
// out is of use then.
func (r *rankPass) runInOrder(ctx context.Context, pins []pin, keep []bool, order []int) (sch *Schedule, out int, err error) {
	p := r.p
	st := r.st
	st.reset()
	sch = &r.scratch
	sch.Order = sch.Order[:0]
	sch.Apart = sch.Apart[:0]
	for _, i := range r.never {
		sch.Start[i], sch.Blocked[i] = -1, Blocker{}
	}
	for _, pn := range pins {
		st.Place(pn.task, pn.start)
		sch.Start[pn.task] = pn.start
		sch.Blocked[pn.task] = Blocker{}
		sch.Order = append(sch.Order, pn.task)
	}
	for _, i := range order {
		if r.steps%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, -1, err
			}
		}
		r.steps++
		sch.Order = append(sch.Order, i)
		if hot := r.hot; hot != nil && hot.tasks[i].plain {
			r.work += 1 + (int(hot.tasks[i].dur)-1)/decisionPeriods // decisionCost
			est, blockedBy := hot.release(sch.Start, i)
			if blockedBy >= 0 {
				sch.Start[i] = -1
				sch.Blocked[i] = Blocker{Kind: BlockDependency, Index: blockedBy}
			} else if start, b := hot.earliestFit(st, i, est); start >= 0 {
				hot.place(st, i, start)
				sch.Start[i] = start
				sch.Blocked[i] = Blocker{}
			} else {
				sch.Start[i] = -1
				sch.Blocked[i] = b
			}
			if keep != nil && keep[i] && sch.Start[i] < 0 {
				return sch, i, nil
			}
			continue
		}
		r.work += decisionCost(p, i)
		est, blockedBy := p.releaseTime(sch, i)
		if blockedBy >= 0 {
			sch.Start[i] = -1
			sch.Blocked[i] = Blocker{Kind: BlockDependency, Index: blockedBy}
		} else if start, b := st.EarliestFit(i, est); start >= 0 {
			st.Place(i, start)
			sch.Start[i] = start
			sch.Blocked[i] = Blocker{}
		} else {
			sch.Start[i] = -1
			sch.Blocked[i] = b
		}
		if keep != nil && keep[i] && sch.Start[i] < 0 {
			return sch, i, nil
		}
	}
	return cloneSchedule(sch), -1, nil
}

// cloneSchedule copies a schedule out of a pass's scratch space.
func cloneSchedule(s *Schedule) *Schedule {
	return &Schedule{Start: slices.Clone(s.Start), Blocked: slices.Clone(s.Blocked), Order: slices.Clone(s.Order),
		Apart: slices.Clone(s.Apart), Trials: slices.Clone(s.Trials), Pulled: slices.Clone(s.Pulled), Late: slices.Clone(s.Late)}
}

// rankQueue hands out a pass's eligible tasks (every predecessor
// decided) lowest index first, as a heap of them would, but mostly by
// scanning the indexes in order: only a task that becomes eligible after
// the scan went past it (a predecessor ranked below it) goes on a heap.
// A task decided while eligible (with its together group) is still
// handed out, as the heap would; pins never are (waiting -1).
type rankQueue struct {
	next    int   // the scan's next index
	late    []int // min-heap of eligible tasks below next
	waiting []int // the pass's undecided predecessors per task
}

func (q *rankQueue) reset() {
	q.next = 0
	q.late = q.late[:0]
}

// push adds task j, which just became eligible.
func (q *rankQueue) push(j int) {
	if j >= q.next {
		return // the scan will find it
	}
	h := append(q.late, j)
	for k := len(h) - 1; k > 0; {
		parent := (k - 1) / 2
		if h[parent] <= h[k] {
			break
		}
		h[parent], h[k] = h[k], h[parent]
		k = parent
	}
	q.late = h
}

// peek is the task pop would take, or -1.
func (q *rankQueue) peek() int {
	for q.next < len(q.waiting) && q.waiting[q.next] != 0 {
		q.next++
	}
	if len(q.late) > 0 && (q.next >= len(q.waiting) || q.late[0] < q.next) {
		return q.late[0]
	}
	if q.next < len(q.waiting) {
		return q.next
	}
	return -1
}

// pop takes the eligible task with the lowest index, or -1 when none is.
func (q *rankQueue) pop() int {
	for q.next < len(q.waiting) && q.waiting[q.next] != 0 {
		q.next++
	}
	if len(q.late) > 0 && (q.next >= len(q.waiting) || q.late[0] < q.next) {
		h := q.late
		top := h[0]
		last := len(h) - 1
		h[0] = h[last]
		h = h[:last]
		for k := 0; ; {
			c := 2*k + 1
			if c >= len(h) {
				break
			}
			if c+1 < len(h) && h[c+1] < h[c] {
				c++
			}
			if h[k] <= h[c] {
				break
			}
			h[k], h[c] = h[c], h[k]
			k = c
		}
		q.late = h
		return top
	}
	if q.next < len(q.waiting) {
		q.next++
		return q.next - 1
	}
	return -1
}
