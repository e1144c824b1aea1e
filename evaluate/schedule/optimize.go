package schedule

import (
	"cmp"
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"time"
)

// Objective is what Optimize improves.
type Objective string

const (
	// ObjectiveValue maximises the total weight of the placed tasks, with
	// every mandatory task placed; ties go to the earlier finish.
	ObjectiveValue Objective = "value"
	// ObjectiveFinish minimises the makespan with every task placed.
	ObjectiveFinish Objective = "finish"
)

// DefaultMaxSchedules is the schedule budget when OptimizeInput leaves it 0.
const DefaultMaxSchedules = 50000

// BudgetFor is the schedule budget `roadmap plan --optimize` gives a
// problem of the given number of tasks. It is sized so that a search
// normally ends on its budget well inside the default time limit,
// keeping the plan the same for the same seed on any machine, and within
// about a second of CPU: DefaultMaxSchedules (50,000, the budget the RCPSP
// literature compares heuristics at) up to 120 tasks; then 6,600,000/n -
// 5,000 schedules (about six million task placements: 28,000 at 200
// tasks, 8,200 at 500) until that falls to two million placements (at
// 920 tasks), 2,000 at 1,000 and 200 at 10,000, never fewer.
func BudgetFor(tasks int) int {
	n := max(tasks, 1)
	return min(DefaultMaxSchedules, max(200, 2_000_000/n, 6_600_000/n-5_000))
}

// StopReason says why a search ended.
type StopReason string

const (
	StopBudget   StopReason = "budget"   // the schedule budget was spent
	StopDeadline StopReason = "deadline" // ctx was done or the time limit passed
	StopBound    StopReason = "bound"    // the best reached the bound: optimal
	StopComplete StopReason = "complete" // exhaustive search covered every list
)

// OptimizeInput configures Optimize.
type OptimizeInput struct {
	// Objective; "" picks finish when every task must run (all mandatory,
	// or rank order already places them all) and value otherwise.
	Objective Objective
	// Baseline is the rank order: every task index once, first first. nil
	// means index order.
	Baseline []int
	// BaselineSchedule, when set, is the rank-order schedule to improve on
	// (RankOrder's, with its deadline rule); otherwise the serial SGS over
	// Baseline gives it.
	BaselineSchedule *Schedule
	Seed             int64
	// MaxSchedules bounds the schedules generated (each forward or
	// backward SGS pass counts one); 0 means DefaultMaxSchedules.
	MaxSchedules int
	// TimeLimit bounds the run besides ctx, as measured by Clock; 0 means
	// ctx alone.
	TimeLimit time.Duration
	// Clock measures what TimeLimit counts. The search reads it on its own
	// goroutine, held on one OS thread while the search runs, so a clock
	// of the calling thread's CPU time (internal/cputime) counts the
	// search's own CPU time, however busy the machine. nil counts
	// wall-clock time.
	Clock func() time.Duration
	// Progress, when set, is called now and then during the search.
	Progress func(Progress)
}

// Progress is a snapshot of a running search.
type Progress struct {
	Schedules    int
	MaxSchedules int
	Best         float64       // objective value of the best schedule so far
	Spent        time.Duration // time counted against TimeLimit so far
	TimeLimit    time.Duration
}

// OptimizeResult is the outcome of Optimize. Baseline, Best and Bound are
// objective values: total weight for value, makespan for finish.
type OptimizeResult struct {
	Objective Objective
	Method    string
	Baseline  float64
	Best      float64
	Bound     *float64 // nil when none is known
	Optimal   bool     // Best is proven optimal
	Improved  bool     // Best is strictly better than the baseline
	Schedules int      // schedules generated, the baseline's included
	BestAt    int      // schedules generated when the best was found
	Stopped   StopReason
	// Schedule is the best schedule: the baseline's own when nothing
	// better was found. Unplaced tasks carry their Blocker.
	Schedule         *Schedule
	BaselineSchedule *Schedule
}

// exhaustiveLimit caps the activity lists exhaustive search enumerates.
const exhaustiveLimit = 40320

// Optimize searches for a better schedule than rank order. Small instances
// (at most exhaustiveLimit precedence-feasible lists, no budgets) are
// solved exactly by enumerating every activity list: the serial SGS over
// all of them reaches an optimal schedule for both objectives. Larger ones
// run a genetic algorithm over activity lists (Hartmann 1998) seeded with
// priority rules and biased random sampling, each child decoded by the
// serial SGS and improved by double justification (Valls et al. 2005).
// The search is deterministic for a given Seed as long as the schedule
// budget, not ctx or TimeLimit, ends it. The time limit is checked every
// few schedules (checkEvery), as is Progress called.
func Optimize(ctx context.Context, p *Problem, in OptimizeInput) OptimizeResult {
	return optimize(ctx, p, in, exhaustiveLimit)
}

// optimize is Optimize with the cap on exhaustive search as a parameter,
// so tests can run the genetic algorithm on small cases too.
func optimize(ctx context.Context, p *Problem, in OptimizeInput, listLimit int) OptimizeResult {
	clock := in.Clock
	if clock != nil {
		// A thread's CPU clock counts this goroutine only while it stays
		// on that thread.
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
	} else {
		t0 := time.Now()
		clock = func() time.Duration { return time.Since(t0) }
	}
	clockStart := clock()
	maxSchedules := in.MaxSchedules
	if maxSchedules <= 0 {
		maxSchedules = DefaultMaxSchedules
	}
	n := len(p.Tasks)
	prio := make([]int, n)
	if in.Baseline != nil {
		for k, i := range in.Baseline {
			prio[i] = k
		}
	} else {
		for i := range prio {
			prio[i] = i
		}
	}
	base := in.BaselineSchedule
	if base == nil {
		base = SerialSGS(p, prioOrder(prio))
	}
	e := newEngine(p)
	e.schedules = 1
	for i, st := range base.Start {
		if st >= 0 && p.Tasks[i].HasDeadline {
			if e.keepDeadline == nil {
				e.keepDeadline = make([]bool, n)
			}
			e.keepDeadline[i] = true
		}
	}
	for _, d := range p.Due {
		if d.keepable(p) {
			e.keepable++
		}
	}
	topo := topoOrder(p, e.succs, nil)
	res := OptimizeResult{Objective: in.Objective, BaselineSchedule: base, Schedule: base}
	if len(topo) < n {
		// A dependency cycle: nothing to search (the loader rejects these).
		res.Method = "rank order"
		res.Schedules = e.schedules
		return res
	}
	baseFit := e.fitnessOf(base.Start)
	if res.Objective == "" {
		res.Objective = ObjectiveValue
		if baseFit.placed == n || baseFit.mandatoryTotal == n {
			res.Objective = ObjectiveFinish
		}
	}
	s := &search{e: e, ctx: ctx, obj: res.Objective, max: maxSchedules, progress: in.Progress,
		rng:   rand.New(rand.NewPCG(uint64(in.Seed), 0x9e3779b97f4a7c15)),
		clock: clock, clockStart: clockStart, limit: max(in.TimeLimit, 0), checkEvery: checkEvery(n)}
	s.lastCheck = -s.checkEvery // the first call to done checks
	tm := computeTiming(p, e.succs, topo)
	switch res.Objective {
	case ObjectiveFinish:
		if lb, ok := finishBound(p, tm); ok {
			s.bound = float64(lb)
			s.hasBound = true
		}
	default:
		s.bound = roundBound(valueBound(p, tm))
		s.hasBound = true
	}
	s.best = indiv{start: slices.Clone(base.Start), fit: baseFit}
	res.Baseline = s.objectiveValue(baseFit)
	if !s.atBound() {
		exact := len(p.Budgets) == 0 && len(p.Together) == 0 // see exhaustive
		cut := false                                         // the time limit stopped exhaustive search
		switch {
		case countLists(p, e.succs, min(listLimit, maxSchedules-1)) < 0:
			res.Method = "genetic algorithm over activity lists with double justification"
			s.genetic(seedList(p, e.succs, base.Order), tm, prio)
		case exact:
			res.Method = "exhaustive search over activity lists (serial SGS)"
			s.exhaustive(topo)
			cut = s.stopped == StopDeadline
		default:
			// With budgets or together groups the lists do not reach
			// every schedule: search them all, then let the genetic
			// algorithm spend the rest.
			res.Method = "exhaustive search over activity lists, then a genetic algorithm with double justification"
			s.exhaustive(topo)
			cut = s.stopped == StopDeadline
			if s.stopped == StopComplete && !s.atBound() {
				s.stopped = ""
				s.genetic(seedList(p, e.succs, base.Order), tm, prio)
			}
		}
		if s.stopped == StopComplete && !exact {
			s.stopped = StopBudget
		}
		if s.climbed {
			res.Method += ", then a hill climb from the best"
		}
		if cut {
			// The enumeration did not finish: it searched only part of
			// the lists, and nothing else ran.
			res.Method = "exhaustive search over activity lists (stopped by the time limit)"
		}
	} else {
		res.Method = "rank order (already at the bound)"
	}
	res.Schedules = e.schedules
	res.BestAt = max(s.bestAt, 1)
	res.Stopped = s.stopped
	res.Best = s.objectiveValue(s.best.fit)
	if s.hasBound {
		b := s.bound
		res.Bound = &b
	}
	res.Optimal = s.atBound() || s.stopped == StopComplete
	if s.atBound() {
		res.Stopped = StopBound
	}
	if s.better(s.best.fit, baseFit) {
		// The final schedule takes any room the search left unused; with
		// negative weights that can cost more than the search gained, so
		// it must still beat rank order to replace it.
		final := e.finalSchedule(s.best.start)
		if fit := e.fitnessOf(final.Start); s.better(fit, baseFit) {
			res.Improved = true
			res.Schedule = final
			res.Best = s.objectiveValue(fit)
			if s.better(s.best.fit, fit) {
				res.Optimal = false // the room taken cost some of the optimum
			}
		} else {
			res.Best = res.Baseline
			res.Optimal = false
		}
	} else {
		res.Best = res.Baseline
	}
	if res.Optimal {
		// A proven optimum is the tightest bound.
		b := res.Best
		res.Bound = &b
	}
	return res
}

// prioOrder lists task indexes by priority position.
func prioOrder(prio []int) []int {
	out := make([]int, len(prio))
	for i, k := range prio {
		out[k] = i
	}
	return out
}

// fitness summarises a schedule for comparison.
type fitness struct {
	mandatory      int // mandatory tasks placed
	mandatoryTotal int
	forced         int // Forced tasks placed
	forcedTotal    int
	due            int // Problem.Due sets kept
	kept           int // Kept tasks placed, starting by their KeepStart
	keptTotal      int
	deadlines      int // tasks placed of those whose deadline rank order meets
	placed         int
	weight         float64
	makespan       int
}

func (e *engine) fitnessOf(start []int) fitness {
	var f fitness
	for i, s := range start {
		tk := &e.p.Tasks[i]
		if tk.Mandatory {
			f.mandatoryTotal++
		}
		if tk.Forced {
			f.forcedTotal++
		}
		if tk.Kept {
			f.keptTotal++
		}
		if s < 0 {
			continue
		}
		if tk.Kept && s <= tk.KeepStart {
			f.kept++
		}
		f.placed++
		if e.keepDeadline != nil && e.keepDeadline[i] {
			f.deadlines++
		}
		f.weight += tk.Weight
		f.makespan = max(f.makespan, s+tk.Duration)
		if tk.Mandatory {
			f.mandatory++
		}
		if tk.Forced {
			f.forced++
		}
	}
	f.weight -= sharedLoss(e.p, start)
	for _, d := range e.p.Due {
		if d.Kept(e.p, start) {
			f.due++
		}
	}
	return f
}

// sharedLoss is what the placed tasks of start count twice of p's shared
// values: for each set, the parts of the placed tasks but the one that
// ends first.
func sharedLoss(p *Problem, start []int) float64 {
	loss := 0.0
	for _, sh := range p.Shared {
		first, end := -1, 0
		for k, i := range sh.Tasks {
			if start[i] < 0 {
				continue
			}
			if e := start[i] + p.Tasks[i].Duration; first < 0 || e < end {
				first, end = k, e
			}
		}
		for k, i := range sh.Tasks {
			if start[i] >= 0 && k != first {
				loss += sh.Value[k]
			}
		}
	}
	return loss
}

// search is one optimisation run's state.
type search struct {
	e        *engine
	ctx      context.Context
	obj      Objective
	max      int
	rng      *rand.Rand
	progress func(Progress)
	bound    float64
	hasBound bool
	best     indiv
	bestAt   int // schedules generated when best was found
	stopped  StopReason

	// The time limit, as counted by clock from clockStart (0: none),
	// checked with progress every checkEvery schedules.
	clock                 func() time.Duration
	clockStart, limit     time.Duration
	checkEvery, lastCheck int

	climbed      bool // the genetic algorithm handed the rest of the budget to climb
	noJustify    bool // justification switched off (value objective)
	justified    int  // justifications tried
	justifyGains int  // of which placed more weight
}

// childCost is the most schedules one child may take.
func (s *search) childCost() int {
	if s.noJustify {
		return 1
	}
	return 3
}

type indiv struct {
	list  []int
	start []int
	fit   fitness
	hash  uint64
}

// better reports whether a is strictly better than b.
func (s *search) better(a, b fitness) bool {
	return s.compare(a, b) < 0
}

// compare orders fitnesses best first: mandatory tasks placed, then the
// Forced tasks placed, then the Problem.Due sets kept (a policy the user
// switched on), then the Kept tasks kept, then the deadlines rank order
// meets that are still met (the optimiser never misses one of them), then
// the objective.
func (s *search) compare(a, b fitness) int {
	if c := cmp.Compare(b.mandatory, a.mandatory); c != 0 {
		return c
	}
	if c := cmp.Compare(b.forced, a.forced); c != 0 {
		return c
	}
	if c := cmp.Compare(b.due, a.due); c != 0 {
		return c
	}
	if c := cmp.Compare(b.kept, a.kept); c != 0 {
		return c
	}
	if c := cmp.Compare(b.deadlines, a.deadlines); c != 0 {
		return c
	}
	if s.obj == ObjectiveFinish {
		if c := cmp.Compare(b.placed, a.placed); c != 0 {
			return c
		}
		if c := cmp.Compare(a.makespan, b.makespan); c != 0 {
			return c
		}
		return cmpWeight(b.weight, a.weight)
	}
	if c := cmpWeight(b.weight, a.weight); c != 0 {
		return c
	}
	if c := cmp.Compare(a.makespan, b.makespan); c != 0 {
		return c
	}
	return cmp.Compare(b.placed, a.placed)
}

func cmpWeight(a, b float64) int {
	if math.Abs(a-b) <= 1e-9*(1+math.Abs(a)+math.Abs(b)) {
		return 0
	}
	return cmp.Compare(a, b)
}

func (s *search) objectiveValue(f fitness) float64 {
	if s.obj == ObjectiveFinish {
		return float64(f.makespan)
	}
	return roundBound(f.weight)
}

// atBound reports whether the best schedule provably cannot be beaten.
func (s *search) atBound() bool {
	if !s.hasBound {
		return false
	}
	f := s.best.fit
	if f.kept < f.keptTotal || f.forced < f.forcedTotal || f.due < s.e.keepable {
		return false
	}
	if s.obj == ObjectiveFinish {
		return f.placed == s.e.n && float64(f.makespan) <= s.bound
	}
	return f.mandatory == f.mandatoryTotal && f.weight >= s.bound-1e-9*(1+math.Abs(s.bound))
}

// done reports whether the search must stop before spending cost more
// schedules, and records why.
func (s *search) done(cost int) bool {
	if s.stopped != "" {
		return true
	}
	switch {
	case s.e.schedules+cost > s.max:
		s.stopped = StopBudget
	case s.ctx.Err() != nil:
		s.stopped = StopDeadline
	case s.atBound():
		s.stopped = StopBound
	}
	if s.e.schedules-s.lastCheck >= s.checkEvery {
		s.lastCheck = s.e.schedules
		spent := s.clock() - s.clockStart
		if s.stopped == "" && s.limit > 0 && spent >= s.limit {
			s.stopped = StopDeadline
		}
		if s.progress != nil {
			s.progress(Progress{Schedules: s.e.schedules, MaxSchedules: s.max, Best: s.objectiveValue(s.best.fit),
				Spent: spent, TimeLimit: s.limit})
		}
	}
	return s.stopped != ""
}

// checkEvery is how many schedules pass between two readings of the
// clock: every 250 on small problems, more often on large ones (every 5
// at 10,000 tasks), about every 50,000 task placements.
func checkEvery(tasks int) int {
	return max(1, min(250, 50_000/max(tasks, 1)))
}

// offer makes x the best when it beats it.
func (s *search) offer(x *indiv) {
	if s.better(x.fit, s.best.fit) {
		s.best = indiv{list: slices.Clone(x.list), start: slices.Clone(x.start), fit: x.fit}
		s.bestAt = s.e.schedules
	}
}

// evaluate decodes x.list with the serial SGS and double justification,
// and rewrites the list in the order of the improved schedule's starts.
// For finish, justification is repeated as long as it shortens the
// schedule.
//
// For the value objective justification pays only when the room it frees
// takes another task; when it has not done so in its first 200 tries it
// is switched off and the budget goes to more children.
func (s *search) evaluate(x *indiv) {
	e := s.e
	e.forward(x.list)
	if !s.noJustify {
		var before fitness
		if s.obj == ObjectiveValue {
			before = e.fitnessOf(e.start)
		}
		ms := e.makespan(e.start)
		e.justify(x.list)
		if s.obj == ObjectiveFinish {
			// Justify again while it shortens the schedule (Tormos and
			// Lova 2001 iterate forward-backward improvement likewise).
			for m := e.makespan(e.start); m < ms && e.schedules+2 <= s.max; m = e.makespan(e.start) {
				ms = m
				e.justify(x.list)
			}
		}
		if s.obj == ObjectiveValue {
			s.justified++
			if cmpWeight(e.fitnessOf(e.start).weight, before.weight) > 0 {
				s.justifyGains++
			}
			if s.justified >= 200 && s.justifyGains == 0 {
				s.noJustify = true
			}
		}
	}
	x.fit = e.fitnessOf(e.start)
	x.list = e.listFromStarts(x.list, x.list[:0:0])
	x.start = append(x.start[:0], e.start...)
	x.hash = hashStarts(x.start)
	s.offer(x)
}

// hashStarts fingerprints a schedule (FNV-1a over its starts) so the
// population keeps one copy of each.
func hashStarts(start []int) uint64 {
	h := uint64(14695981039346656037)
	for _, v := range start {
		h ^= uint64(int64(v))
		h *= 1099511628211
	}
	return h
}

// countLists counts the precedence-feasible activity lists, or returns -1
// once there are more than limit (or too many tasks to try).
func countLists(p *Problem, succs [][]int, limit int) int {
	n := len(p.Tasks)
	if n > 12 || limit <= 0 {
		return -1
	}
	predMask := make([]int, n)
	for i := range p.Tasks {
		for _, q := range p.Tasks[i].Preds {
			predMask[i] |= 1 << q
		}
	}
	ways := make([]int, 1<<n)
	ways[0] = 1
	for m := 0; m < 1<<n; m++ {
		if ways[m] == 0 {
			continue
		}
		for i := 0; i < n; i++ {
			if m&(1<<i) == 0 && predMask[i]&m == predMask[i] {
				ways[m|1<<i] = min(ways[m|1<<i]+ways[m], limit+1)
			}
		}
	}
	if c := ways[1<<n-1]; c <= limit {
		return c
	}
	return -1
}

// exhaustive decodes every precedence-feasible activity list. Without
// budgets that finds an optimum of either objective: take an optimal
// schedule and list its tasks by start, then the rest; the serial SGS
// places each of them no later than there, because in every period the
// tasks already placed use no more than they did in the optimal schedule
// (Sprecher, Kolisch and Drexl 1995). A budget window sums over periods,
// so moving a task earlier can crowd it, and the argument fails; so it
// does for together groups, placed whole at the turn of their first task.
// A choice keeps it: the options left out come after the placed tasks.
func (s *search) exhaustive(topo []int) {
	e := s.e
	n := e.n
	waiting := make([]int, n)
	for i := range e.p.Tasks {
		waiting[i] = len(e.p.Tasks[i].Preds)
	}
	list := make([]int, 0, n)
	used := make([]bool, n)
	var rec func() bool
	rec = func() bool {
		if len(list) == n {
			if s.done(1) {
				return false
			}
			x := indiv{list: slices.Clone(list)}
			e.forward(x.list)
			x.fit = e.fitnessOf(e.start)
			x.start = slices.Clone(e.start)
			s.offer(&x)
			return true
		}
		for _, i := range topo {
			if used[i] || waiting[i] > 0 {
				continue
			}
			used[i] = true
			list = append(list, i)
			for _, j := range e.succs[i] {
				waiting[j]--
			}
			ok := rec()
			for _, j := range e.succs[i] {
				waiting[j]++
			}
			list = list[:len(list)-1]
			used[i] = false
			if !ok {
				return false
			}
		}
		return true
	}
	if rec() {
		s.stopped = StopComplete
	}
}

// finalSchedule places the given starts and names, for every task left
// out, the constraint that keeps it out.
func (e *engine) finalSchedule(start []int) *Schedule {
	p := e.p
	st := NewState(p)
	sch := &Schedule{Start: slices.Clone(start), Blocked: make([]Blocker, e.n)}
	for i, s := range start {
		if s >= 0 {
			st.Place(i, s)
		}
	}
	var decided []bool // for together groups: every task, so none is pulled along
	if e.gp != nil {
		decided = make([]bool, e.n)
		for i := range decided {
			decided[i] = true
		}
	}
	for _, i := range topoOrder(p, e.succs, nil) {
		if sch.Start[i] >= 0 || sch.Blocked[i].Kind != "" {
			continue
		}
		if e.gp.grouped(i) {
			// The whole group, in room the search left unused, or the
			// reason it does not fit.
			if _, miss, ok := e.gp.place(st, sch.Start, decided, i); !ok {
				miss = e.gp.lostChoice(st, nil, miss)
				sch.Apart = append(sch.Apart, miss)
				for _, m := range p.Together[miss.Group] {
					sch.Blocked[m] = groupBlocker(miss, m)
				}
			}
			continue
		}
		est, blockedBy := p.releaseTime(sch, i)
		if blockedBy >= 0 {
			sch.Blocked[i] = Blocker{Kind: BlockDependency, Index: blockedBy}
			continue
		}
		if s, b := st.EarliestFit(i, est); s >= 0 {
			// Room the search left unused: take it.
			st.Place(i, s)
			sch.Start[i] = s
		} else {
			sch.Blocked[i] = b
		}
	}
	keys := make([]int, e.n)
	for i := range sch.Start {
		sch.Order = append(sch.Order, i)
		k := sch.Start[i]
		if k < 0 {
			k = p.Horizon + 1
		}
		keys[i] = k*(e.n+1) + e.topo[i]
	}
	sortByKeyAsc(sch.Order, keys)
	return sch
}
