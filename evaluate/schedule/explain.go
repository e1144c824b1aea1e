package schedule

import (
	"context"
	"slices"
)

// ObstacleKind names what keeps a task from a start.
type ObstacleKind string

const (
	ObstacleResource   ObstacleKind = "resource"   // the resource has no room for the task's demand
	ObstacleHeadroom   ObstacleKind = "headroom"   // room within Nominal, none within Capacity
	ObstacleBudget     ObstacleKind = "budget"     // a budget window has no room for its spend
	ObstacleParallel   ObstacleKind = "parallel"   // MaxParallel tasks already run
	ObstacleDependency ObstacleKind = "dependency" // a predecessor ends late, or is out
	ObstacleEarliest   ObstacleKind = "earliest"   // before the task's Earliest
	ObstacleDeadline   ObstacleKind = "deadline"   // it would end after its Latest
	ObstacleHorizon    ObstacleKind = "horizon"    // it would end after the horizon
	ObstacleFree       ObstacleKind = "free"       // nothing blocks these starts: it was placed later by choice
	// ObstacleTeamParallel: the resource (Index) already runs its
	// MaxParallel tasks.
	ObstacleTeamParallel ObstacleKind = "team_parallel"
	// ObstacleChoice: another option of the task's choice (Index) is
	// placed; it blocks every start.
	ObstacleChoice ObstacleKind = "choice"
	// ObstacleTogether: the task's together group (Index) was left out
	// whole; Schedule.Apart says which task did not fit.
	ObstacleTogether ObstacleKind = "together"
	// ObstacleLate: a member of a together group placed as late as fits
	// before Index, the first task to start of those that need it
	// (Schedule.Late), rather than at any of the starts listed.
	ObstacleLate ObstacleKind = "late"
)

// maxRechecks bounds the starts of one task that Explain checks again
// with the scheduler's own test.
const maxRechecks = 64

// Span is a run of periods (or starts) First..Last, both included.
type Span struct{ First, Last int }

// MaxListed caps the spans and the holders an Obstacle lists; the ones
// left out are counted, so a huge roadmap cannot make explanations huge.
// A plan's note lists at most 10 of each and counts the rest (evaluate's
// noteListed), so more are never read.
const MaxListed = 10

// Obstacle is one constraint that keeps a task from some of its starts.
type Obstacle struct {
	Kind ObstacleKind
	// Index is the resource, budget or predecessor; -1 for the others.
	Index int
	// Periods are where it binds, earliest first: the periods a resource
	// or the limit on tasks in flight has no room, the periods of the
	// budget windows without room, a predecessor's run, the periods
	// before Earliest or after Latest; for ObstacleFree the starts left
	// free.
	Periods     []Span
	MorePeriods int   // spans not listed (beyond MaxListed)
	Windows     []int // budget windows without room
	// Holders are the tasks, by index, that hold the resource, the
	// budget window or a slot in those periods when the task was decided.
	Holders     []int
	MoreHolders int
	// Fixed are the fixed loads (indices into Problem.Fixed) other than
	// spend to date that hold it too: work in flight at the status date,
	// a done project's run costs. History is the spend to date (fixed
	// loads that take no slot and have no run spend) in a budget
	// obstacle's windows.
	Fixed   []int
	History float64
	// Alone marks a budget obstacle the task's own spend causes: at every
	// start it blocks, the task alone spends more in a window than its
	// limit, whatever the others spend.
	Alone  bool
	Starts int // the candidate starts it blocks
}

// Explanation says why a task starts where it does, or is out.
type Explanation struct {
	// Release is the first start its predecessors and Earliest allow; -1
	// when a predecessor is out.
	Release int
	// First..Last are the candidate starts examined: up to the start
	// before its own for a placed task, up to its last possible start for
	// one left out. Each of them is blocked by at least one obstacle.
	First, Last int
	Obstacles   []Obstacle
	// Trial, for a task left out when it was tried with others that did
	// not all fit (a together group, or a choice option tried ahead of a
	// worse option's turn: Schedule.Apart and Schedule.Trials), explains
	// the one that did not fit on top of what the attempt had placed.
	Trial *TrialExplanation
}

// TrialExplanation is why an attempt to place tasks together failed:
// Task (the task explained, a member of its group, or a predecessor
// placed first) did not fit on top of Placed, the tasks the attempt had
// placed before it (and the tasks placed before the attempt), for the
// obstacles of Why. For a choice option, Turn is the worse option whose
// turn it was; -1 for a together group.
type TrialExplanation struct {
	Task   int
	Turn   int
	Placed []TaskStart
	Why    Explanation
}

// Explain replays sch in its decision order (Order) and lists, for every
// task, each constraint that kept it from each candidate start, on top of
// the tasks placed before it: what a left-out task could not get past,
// and what a placed task waited for. The work for a task is linear in the
// periods its candidate starts span (times its demands and the runs of
// equal values in its budget spend), not their product; holders are
// found in one pass over the tasks sharing the constraint.
func Explain(ctx context.Context, p *Problem, sch *Schedule) ([]Explanation, error) {
	x := newExplainer(p, sch)
	out := make([]Explanation, len(p.Tasks))
	trials := map[int]*Trial{}
	for k := range sch.Trials {
		trials[sch.Trials[k].Option] = &sch.Trials[k]
	}
	apart := map[int]*GroupMiss{}
	for k := range sch.Apart {
		apart[sch.Apart[k].Group] = &sch.Apart[k]
	}
	groupWhy := map[int]*TrialExplanation{}
	kept, err := keptLosses(ctx, p, sch)
	if err != nil {
		return nil, err
	}
	for k, i := range x.order {
		if k%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		ex, isKept := kept[i]
		if isKept {
			out[i] = ex
		} else if tr, ok := trials[i]; ok && sch.Start[i] < 0 {
			out[i] = Explanation{Release: -1, First: 0, Last: -1, Trial: x.explainTrial(tr.Miss, tr.Turn)}
		} else {
			out[i] = x.explain(i)
		}
		if bl := sch.Blocked[i]; sch.Start[i] < 0 && bl.Kind == BlockTogether && !isKept {
			if m, ok := apart[bl.Index]; ok {
				if groupWhy[bl.Index] == nil {
					groupWhy[bl.Index] = x.explainTrial(*m, -1)
				}
				out[i].Trial = groupWhy[bl.Index]
			}
		}
		if s := sch.Start[i]; s >= 0 {
			x.st.Place(i, s)
			x.placed[i] = true
		}
	}
	return out, nil
}

type explainer struct {
	p        *Problem
	sch      *Schedule
	start    []int     // each task's start: the schedule's, or a trial's
	blocked  []Blocker // the schedule's Blocked, cleared for a trial's task
	st       *State
	order    []int
	placed   []bool  // placed before the task being explained
	byRes    [][]int // tasks using each resource, by index
	byBudget [][]int // tasks funded by each budget, by index
	geom     []budgetGeom
	prefix   [][]float64 // per task, running sums of its spend (lazily)
	// fixedWin is, per budget (lazily), each fixed load's spend by window
	// (the steady window included), so that naming the fixed loads in a
	// budget obstacle costs its windows, not its periods.
	fixedWin [][]fixedSpend
	count    []int // appendPeriodObstacle's running counts, reused
	// late is the Schedule.Late entry of each task placed just in time.
	late   map[int]Late
	hasRun bool // p.hasRun(), asked once: it scans every task
}

// fixedSpend is a fixed load's spend from one budget, by window.
type fixedSpend struct {
	f       int
	history bool // spend to date: no slot and no run spend
	windows []windowSpend
}

type windowSpend struct {
	w     int
	spend float64
}

// budgetGeom is where a budget's windows lie.
type budgetGeom struct {
	start, end []int // periods of each window, end excluded
	uniform    int   // the length of every window but the last, 0 when they differ
}

func newExplainer(p *Problem, sch *Schedule) *explainer {
	n := len(p.Tasks)
	x := &explainer{p: p, sch: sch, st: NewState(p), placed: make([]bool, n),
		start: slices.Clone(sch.Start), blocked: slices.Clone(sch.Blocked),
		byRes: make([][]int, len(p.Resources)), byBudget: make([][]int, len(p.Budgets)),
		prefix: make([][]float64, n), hasRun: p.hasRun()}
	for _, l := range sch.Late {
		if x.late == nil {
			x.late = map[int]Late{}
		}
		x.late[l.Task] = l
	}
	seen := make([]bool, n)
	for _, i := range sch.Order {
		if i >= 0 && i < n && !seen[i] {
			seen[i] = true
			x.order = append(x.order, i)
		}
	}
	for i := range n {
		if !seen[i] {
			x.order = append(x.order, i)
		}
	}
	for i := range p.Tasks {
		for _, d := range p.Tasks[i].Demand {
			if d.Amount > 0 && (len(x.byRes[d.Resource]) == 0 || x.byRes[d.Resource][len(x.byRes[d.Resource])-1] != i) {
				x.byRes[d.Resource] = append(x.byRes[d.Resource], i)
			}
		}
		for _, b := range p.Tasks[i].budgets() {
			x.byBudget[b] = append(x.byBudget[b], i)
		}
	}
	for b := range p.Budgets {
		x.geom = append(x.geom, geometryOf(&p.Budgets[b], p.Horizon))
	}
	return x
}

func geometryOf(bg *Budget, horizon int) budgetGeom {
	g := budgetGeom{start: make([]int, len(bg.Limit)), end: make([]int, len(bg.Limit))}
	for w := range g.start {
		g.start[w] = -1
	}
	for t := range horizon {
		w := bg.Window[t]
		if g.start[w] < 0 {
			g.start[w] = t
		}
		g.end[w] = t + 1
	}
	if len(g.start) > 0 && g.start[0] == 0 {
		g.uniform = g.end[0]
		for w := range g.start {
			if g.start[w] != w*g.uniform || (w < len(g.start)-1 && g.end[w] != (w+1)*g.uniform) {
				g.uniform = 0
				break
			}
		}
	}
	return g
}

// explainTrial explains m.Task on top of the tasks placed so far and
// m.Placed, as the attempt saw it, then takes m.Placed out again.
func (x *explainer) explainTrial(m GroupMiss, turn int) *TrialExplanation {
	type saved struct {
		start  int
		placed bool
	}
	keep := map[int]saved{}
	save := func(t int) {
		if _, ok := keep[t]; !ok {
			keep[t] = saved{x.start[t], x.placed[t]}
		}
	}
	for _, ts := range m.Placed {
		save(ts.Task)
		x.st.Place(ts.Task, ts.Start)
		x.start[ts.Task], x.placed[ts.Task] = ts.Start, true
	}
	save(m.Task)
	x.start[m.Task], x.placed[m.Task] = -1, false
	bl := x.blocked[m.Task]
	x.blocked[m.Task] = Blocker{}
	why := x.explain(m.Task)
	x.blocked[m.Task] = bl
	for _, ts := range m.Placed {
		x.st.Remove(ts.Task, ts.Start)
	}
	for t, v := range keep {
		x.start[t], x.placed[t] = v.start, v.placed
	}
	return &TrialExplanation{Task: m.Task, Turn: turn, Placed: slices.Clone(m.Placed), Why: why}
}

func (x *explainer) explain(i int) Explanation {
	p := x.p
	tk := &p.Tasks[i]
	start := x.start[i]
	ex := Explanation{Release: -1, First: 0, Last: -1}
	if start < 0 {
		bl := x.blocked[i]
		if bl.Kind == BlockTogether {
			ex.Obstacles = []Obstacle{{Kind: ObstacleTogether, Index: bl.Index}}
			return ex
		}
		// An option whose window is empty (its deadline before its
		// earliest start) never runs whatever its choice takes: say why
		// (review qa18 Q4).
		if o := x.st.otherOption(i); o >= 0 && bl.Kind != BlockDependency && p.lastStart(i) >= max(tk.Earliest, 0) {
			ex.Obstacles = []Obstacle{{Kind: ObstacleChoice, Index: o, Holders: []int{o}}}
			return ex
		}
	}
	depEnd := 0
	var out []int
	for _, q := range tk.Preds {
		if x.start[q] < 0 {
			out = append(out, q)
			continue
		}
		depEnd = max(depEnd, x.predEnd(q))
	}
	if len(out) > 0 {
		slices.Sort(out)
		for _, q := range slices.Compact(out) {
			ex.Obstacles = append(ex.Obstacles, Obstacle{Kind: ObstacleDependency, Index: q})
		}
		return ex
	}
	earliest := max(tk.Earliest, 0)
	release := max(earliest, depEnd)
	ex.Release = release
	if depEnd == release && depEnd > 0 {
		preds := slices.Clone(tk.Preds)
		slices.Sort(preds)
		for _, q := range slices.Compact(preds) {
			if l, ok := x.late[q]; ok && l.From != x.start[q] {
				continue // it was placed after, to fit before the task
			}
			if qs := x.start[q]; qs+p.Tasks[q].Duration == depEnd {
				ex.Obstacles = append(ex.Obstacles, Obstacle{Kind: ObstacleDependency, Index: q, Periods: []Span{{qs, depEnd - 1}}})
			}
		}
	}
	if earliest == release && earliest > 0 {
		ex.Obstacles = append(ex.Obstacles, Obstacle{Kind: ObstacleEarliest, Index: -1, Periods: []Span{{0, earliest - 1}}})
	}
	ex.First, ex.Last = release, p.lastStart(i)
	if start >= 0 {
		ex.Last = start - 1
	}
	if l, ok := x.late[i]; ok && start >= 0 {
		// Placed as late as fits before Before: the starts before its
		// earliest fit were blocked then, and still are with the tasks
		// of its group placed since (none of them frees room); the
		// starts from there were passed over.
		if last := min(ex.Last, l.From-1); last >= ex.First && tk.Duration > 0 {
			ex.Obstacles = append(ex.Obstacles, x.startObstacles(i, ex.First, last)...)
		}
		if first := max(ex.First, l.From); ex.Last >= first {
			ex.Obstacles = append(ex.Obstacles, Obstacle{Kind: ObstacleLate, Index: l.Before,
				Periods: []Span{{first, ex.Last}}, Starts: ex.Last - first + 1})
		}
	} else if ex.Last >= ex.First && tk.Duration > 0 {
		ex.Obstacles = append(ex.Obstacles, x.startObstacles(i, ex.First, ex.Last)...)
	}
	if start < 0 {
		end := Obstacle{Kind: ObstacleHorizon, Index: -1}
		if tk.HasDeadline || tk.Latest < p.Horizon-1 {
			end.Kind = ObstacleDeadline
			if tk.Latest+1 <= p.Horizon-1 {
				end.Periods = []Span{{tk.Latest + 1, p.Horizon - 1}}
			}
		}
		ex.Obstacles = append(ex.Obstacles, end)
	}
	return ex
}

// predEnd is the end of predecessor q as the task after it counted it:
// for a member placed just in time (Schedule.Late), the end of its
// earliest fit, which the tasks of its group placed before it counted.
func (x *explainer) predEnd(q int) int {
	if l, ok := x.late[q]; ok {
		return l.From + x.p.Tasks[q].Duration
	}
	return x.start[q] + x.p.Tasks[q].Duration
}

// startObstacles lists what blocks task i's starts a..b in the current
// state: each resource short of room, the limit on tasks in flight, the
// budget; starts none of them blocks are ObstacleFree.
func (x *explainer) startObstacles(i, a, b int) []Obstacle {
	p, st := x.p, x.st
	tk := &p.Tasks[i]
	d := tk.Duration
	lo, hi := a, b+d-1 // the periods the candidate runs cover
	covered := make([]bool, b-a+1)
	var obs []Obstacle
	full := make([]bool, hi-lo+1)
	head := make([]bool, hi-lo+1)
	for _, dm := range tk.Demand {
		if dm.Amount <= 0 {
			continue
		}
		res := &p.Resources[dm.Resource]
		clear(full)
		clear(head)
		for t := lo; t <= hi; t++ {
			u := st.used[dm.Resource][t] + dm.Amount
			if u <= res.Capacity[t]+eps {
				continue
			}
			if res.Nominal != nil && u <= res.Nominal[t]+eps {
				head[t-lo] = true
			} else {
				full[t-lo] = true
			}
		}
		obs = x.appendPeriodObstacle(obs, ObstacleResource, dm.Resource, full, a, b, d, covered, x.byRes[dm.Resource])
		obs = x.appendPeriodObstacle(obs, ObstacleHeadroom, dm.Resource, head, a, b, d, covered, x.byRes[dm.Resource])
	}
	for _, dm := range tk.Demand {
		if dm.Amount <= 0 || st.running == nil || st.running[dm.Resource] == nil {
			continue
		}
		clear(full)
		limit := p.Resources[dm.Resource].MaxParallel
		for t := lo; t <= hi; t++ {
			full[t-lo] = st.running[dm.Resource][t] >= limit
		}
		obs = x.appendPeriodObstacle(obs, ObstacleTeamParallel, dm.Resource, full, a, b, d, covered, x.byRes[dm.Resource])
	}
	if p.MaxParallel > 0 {
		clear(full)
		for t := lo; t <= hi; t++ {
			full[t-lo] = st.inFlight[t] >= p.MaxParallel
		}
		obs = x.appendPeriodObstacle(obs, ObstacleParallel, -1, full, a, b, d, covered, nil)
	}
	if x.hasRun || st.dated != nil {
		for _, bi := range tk.budgets() {
			if o, ok := x.budgetObstacleAll(i, bi, a, b, covered); ok {
				obs = append(obs, o)
			}
		}
	} else {
		for _, f := range fundings(tk) {
			if o, ok := x.budgetObstacle(i, f, a, b, covered); ok {
				obs = append(obs, o)
			}
		}
	}
	var free spanList
	rechecks := 0
	for k, c := range covered {
		if c {
			continue
		}
		// Rounding at an exact budget limit can make the sums above
		// disagree with the scheduler's own test; that test decides, for
		// a bounded number of starts.
		if rechecks < maxRechecks {
			rechecks++
			if bl, ok := st.violation(i, a+k); !ok {
				obs = mergeBlocker(obs, bl, a+k)
				continue
			}
		}
		free.add(a + k)
	}
	if free.n > 0 {
		o := Obstacle{Kind: ObstacleFree, Index: -1, Starts: free.n, Periods: free.spans, MorePeriods: free.more}
		obs = append(obs, o)
	}
	return obs
}

// appendPeriodObstacle adds an obstacle for the periods lo..hi marked in
// bad (lo = a, hi = b+d-1) when it blocks any start a..b, with the tasks
// of users (all placed tasks when nil) that run in a bad period.
func (x *explainer) appendPeriodObstacle(obs []Obstacle, kind ObstacleKind, index int, bad []bool, a, b, d int, covered []bool, users []int) []Obstacle {
	// Reused: a fresh slice per obstacle of every late task was most of
	// what explaining a large plan allocated.
	if cap(x.count) < len(bad)+1 {
		x.count = make([]int, len(bad)+1)
	}
	count := x.count[:len(bad)+1]
	count[0] = 0
	for k, v := range bad {
		count[k+1] = count[k]
		if v {
			count[k+1]++
		}
	}
	if count[len(bad)] == 0 {
		return obs
	}
	o := Obstacle{Kind: kind, Index: index}
	for s := a; s <= b; s++ {
		if count[s-a+d] > count[s-a] {
			o.Starts++
			covered[s-a] = true
		}
	}
	var spans spanList
	for k, v := range bad {
		if v {
			spans.add(a + k)
		}
	}
	o.Periods, o.MorePeriods = spans.spans, spans.more
	holds := func(j int) bool {
		s := x.start[j]
		from, to := max(s, a), min(s+x.p.Tasks[j].Duration, a+len(bad)) // periods from..to-1
		return from < to && count[to-a] > count[from-a]
	}
	if users == nil {
		for j := range x.p.Tasks {
			if x.placed[j] && holds(j) {
				o.addHolder(j)
			}
		}
	} else {
		for _, j := range users {
			if x.placed[j] && holds(j) {
				o.addHolder(j)
			}
		}
	}
	for f := range x.p.Fixed {
		fx := &x.p.Fixed[f]
		if !fixedUses(fx, kind, index) {
			continue
		}
		from, to := max(fx.Start, a), min(fx.Start+fx.Duration, a+len(bad))
		if from < to && count[to-a] > count[from-a] {
			o.Fixed = append(o.Fixed, f)
		}
	}
	return append(obs, o)
}

// fixedUses reports whether fixed load f takes what a period obstacle of
// kind on index counts: effort of the resource, or a slot.
func fixedUses(f *Fixed, kind ObstacleKind, index int) bool {
	if kind == ObstacleParallel {
		return f.Slot
	}
	if kind == ObstacleTeamParallel && !f.Slot {
		return false
	}
	for _, d := range f.Demand {
		if d.Resource == index && d.Amount > 0 {
			return true
		}
	}
	return false
}

// fixedInWindows sets o's Fixed and History from the fixed loads that
// spend from budget bi in the windows badWin marks: history (no slot, no
// run spend) is summed, the others are named.
func (x *explainer) fixedInWindows(o *Obstacle, bi int, badWin []bool) {
	for _, fs := range x.fixedSpends(bi) {
		spent := 0.0
		for _, ws := range fs.windows {
			if badWin[ws.w] {
				spent += ws.spend
			}
		}
		switch {
		case spent <= 0:
		case fs.history:
			o.History += spent
		default:
			o.Fixed = append(o.Fixed, fs.f)
		}
	}
}

// fixedSpends is x.fixedWin[bi], worked out on first use.
func (x *explainer) fixedSpends(bi int) []fixedSpend {
	if x.fixedWin == nil {
		x.fixedWin = make([][]fixedSpend, len(x.p.Budgets))
	}
	if x.fixedWin[bi] != nil {
		return x.fixedWin[bi]
	}
	p := x.p
	bg := &p.Budgets[bi]
	out := []fixedSpend{}
	byWin := make([]float64, bg.slots())
	for f := range p.Fixed {
		fx := &p.Fixed[f]
		clear(byWin)
		share := shareIn(fx.Shares, bi)
		if fx.Budget == bi {
			share = 1
		}
		for k := range min(fx.Duration, len(fx.Spend)) {
			if t := fx.Start + k; t >= 0 && t < p.Horizon {
				byWin[bg.Window[t]] += share * fx.Spend[k]
			}
		}
		run := shareIn(fx.RunShares, bi)
		for j, v := range fx.Run {
			if t := fx.Start + fx.Duration + j; t >= 0 && t < p.Horizon {
				byWin[bg.Window[t]] += run * v
			}
		}
		if bg.HasSteady {
			byWin[len(bg.Limit)] += run * fx.RunYear
		}
		fs := fixedSpend{f: f, history: !fx.Slot && len(fx.Run) == 0 && fx.RunYear == 0}
		for w, v := range byWin {
			if v > 0 {
				fs.windows = append(fs.windows, windowSpend{w, v})
			}
		}
		if len(fs.windows) > 0 {
			out = append(out, fs)
		}
	}
	x.fixedWin[bi] = out
	return out
}

func (o *Obstacle) addHolder(j int) {
	if len(o.Holders) < MaxListed {
		o.Holders = append(o.Holders, j)
	} else {
		o.MoreHolders++
	}
}

// setWindows records a budget obstacle's windows without room (those
// badWin marks, in order) and its periods, capped.
func (o *Obstacle) setWindows(badWin []bool, spans spanList) {
	for w, v := range badWin {
		if v {
			o.Windows = append(o.Windows, w)
		}
	}
	o.Periods, o.MorePeriods = spans.spans, spans.more
}

// spanList collects runs of periods, added in increasing order: the
// first MaxListed runs, and how many more. An obstacle lists no more, so
// it never builds the rest (every run of every waited period, for every
// late task, was built and then cut: review qa15g F13).
type spanList struct {
	spans []Span
	more  int // runs not listed
	n     int // periods added
	last  int // the last period added, when n > 0
}

func (l *spanList) add(t int) {
	switch {
	case l.n > 0 && l.last == t-1:
		if l.more == 0 {
			l.spans[len(l.spans)-1].Last = t
		}
	case len(l.spans) < MaxListed:
		l.spans = append(l.spans, Span{First: t, Last: t})
	default:
		l.more++
	}
	l.n++
	l.last = t
}

// mergeBlocker counts start s against the obstacle bl names, adding one
// when there is none yet.
func mergeBlocker(obs []Obstacle, bl Blocker, s int) []Obstacle {
	kind := map[BlockKind]ObstacleKind{BlockResource: ObstacleResource, BlockBudget: ObstacleBudget, BlockParallel: ObstacleParallel,
		BlockTeamParallel: ObstacleTeamParallel, BlockChoice: ObstacleChoice}[bl.Kind]
	for k := range obs {
		if obs[k].Kind == kind && obs[k].Index == bl.Index {
			obs[k].Starts++
			return obs
		}
	}
	return append(obs, Obstacle{Kind: kind, Index: bl.Index, Starts: 1, Periods: []Span{{bl.From, bl.To}}})
}

// fundings are the budgets paying task tk and the share each pays.
func fundings(tk *Task) []BudgetShare {
	if len(tk.Shares) > 0 {
		return tk.Shares
	}
	if tk.Budget >= 0 {
		return []BudgetShare{{Budget: tk.Budget, Share: 1}}
	}
	return nil
}

// spendPrefix is task i's running spend: prefix[k] is the spend of its
// first k periods.
func (x *explainer) spendPrefix(i int) []float64 {
	if x.prefix[i] == nil {
		x.prefix[i] = sharePrefix(&x.p.Tasks[i], 1)
	}
	return x.prefix[i]
}

// sharePrefix is the running sum of share x tk's spend, added up in the
// order the scheduler adds it.
func sharePrefix(tk *Task, share float64) []float64 {
	pr := make([]float64, tk.Duration+1)
	for k := range tk.Duration {
		pr[k+1] = pr[k] + share*tk.Spend[k]
	}
	return pr
}

// budgetObstacle marks the starts a..b of task i its budget blocks and
// names the windows without room. A start's spend falls in a first
// window, a last one and whole windows between; with windows of equal
// length the spend a whole window gets depends only on its offset from
// the start, and takes few distinct values (one per run of equal spend,
// plus the offsets that straddle two runs), so each start costs one test
// per distinct value.
func (x *explainer) budgetObstacle(i int, f BudgetShare, a, b int, covered []bool) (Obstacle, bool) {
	p, st := x.p, x.st
	tk := &p.Tasks[i]
	d := tk.Duration
	bi := f.Budget
	bg := &p.Budgets[bi]
	g := &x.geom[bi]
	pr := x.spendPrefix(i)
	if f.Share != 1 {
		pr = sharePrefix(tk, f.Share)
	}
	over := func(w int, spend float64) bool {
		return st.spent[bi][w]+spend > bg.Limit[w]+eps*(1+bg.Limit[w])
	}
	badWin := make([]bool, len(bg.Limit))
	blocked := make([]bool, b-a+1)
	// alone: a start whose own spend passes a window's limit; a start
	// whose whole build falls in one window is judged, others are not.
	alone := true
	for s := a; s <= b; s++ {
		wf, wl := bg.Window[s], bg.Window[s+d-1]
		if wf == wl {
			if over(wf, pr[d]) {
				badWin[wf], blocked[s-a] = true, true
				alone = alone && pr[d] > bg.Limit[wf]+eps*(1+bg.Limit[wf])
			}
			continue
		}
		alone = false
		if over(wf, pr[g.end[wf]-s]) {
			badWin[wf], blocked[s-a] = true, true
		}
		if over(wl, pr[d]-pr[g.start[wl]-s]) {
			badWin[wl], blocked[s-a] = true, true
		}
		if g.uniform == 0 {
			for w := wf + 1; w < wl; w++ {
				if over(w, pr[g.end[w]-s]-pr[g.start[w]-s]) {
					badWin[w], blocked[s-a] = true, true
				}
			}
		}
	}
	if L := g.uniform; L > 0 && d > L {
		x.interiorWindows(i, f.Share, a, b, L, over, badWin, blocked)
	}
	o := Obstacle{Kind: ObstacleBudget, Index: bi}
	for k, v := range blocked {
		if v {
			o.Starts++
			covered[k] = true
		}
	}
	if o.Starts == 0 {
		return o, false
	}
	o.Alone = alone && o.Starts == b-a+1
	x.fixedInWindows(&o, bi, badWin)
	// The windows' periods within the runs examined, and who spends there.
	lo, hi := a, b+d-1
	inBad := make([]int, hi-lo+2) // running count of periods in a bad window
	var spans spanList
	for t := lo; t <= hi; t++ {
		inBad[t-lo+1] = inBad[t-lo]
		if badWin[bg.Window[t]] {
			inBad[t-lo+1]++
			spans.add(t)
		}
	}
	o.setWindows(badWin, spans)
	for _, j := range x.byBudget[bi] {
		if !x.placed[j] {
			continue
		}
		s, dj := x.start[j], p.Tasks[j].Duration
		from, to := max(s, lo), min(s+dj, hi+1)
		if from >= to || inBad[to-lo] == inBad[from-lo] {
			continue
		}
		pj := x.spendPrefix(j)
		if p.Tasks[j].ShareOf(bi) <= 0 {
			continue
		}
		for t := from; t < to; {
			w := bg.Window[t]
			end := min(g.end[w], to)
			if badWin[w] && pj[end-s] > pj[t-s] {
				o.addHolder(j)
				break
			}
			t = end
		}
	}
	return o, true
}

// budgetObstacleAll is budgetObstacle for a problem with run spend (a
// task's spend after it ends): each start's spend per window of budget bi
// is summed directly, its build and its run, and the holders are the
// placed tasks spending from bi in a window without room.
func (x *explainer) budgetObstacleAll(i, bi, a, b int, covered []bool) (Obstacle, bool) {
	p, st := x.p, x.st
	tk := &p.Tasks[i]
	bg := &p.Budgets[bi]
	badWin := make([]bool, bg.slots())
	o := Obstacle{Kind: ObstacleBudget, Index: bi}
	// The steady window blocks every start alike: the run rate once
	// live does not depend on when.
	steadyFull := !st.steadyRoom(tk, bi)
	alone := true // every start blocked is blocked by the task's own spend
	for s := a; s <= b; s++ {
		n := tk.spendSpan(s, p.Horizon)
		blocked, byItself := steadyFull, false
		if steadyFull {
			badWin[len(bg.Limit)] = true
			byItself = shareIn(tk.RunShares, bi)*tk.RunYear > bg.Steady+eps*(1+bg.Steady)
		}
		var pr []float64 // a long span's running sum (longSpan)
		if n > longSpan {
			pr = st.spanPrefix(tk, bi, false)
		}
		for k := 0; k < n; {
			w := bg.Window[s+k]
			sum := 0.0
			if pr != nil {
				end := min(st.geom[bi].end[w]-s, n)
				sum, k = pr[end]-pr[k], end
			}
			for ; k < n && bg.Window[s+k] == w; k++ {
				sum += tk.spendOn(bi, k)
			}
			over := sum > 0 && st.spent[bi][w]+sum > bg.Limit[w]+eps*(1+bg.Limit[w])
			if st.dated != nil && st.dated[bi] != nil {
				over = st.datedWindowOver(tk, bi, w, s)
			}
			if over {
				badWin[w], blocked = true, true
				byItself = byItself || sum > bg.Limit[w]+eps*(1+bg.Limit[w])
			}
		}
		if blocked {
			o.Starts++
			covered[s-a] = true
			alone = alone && byItself
		}
	}
	o.Alone = alone
	if o.Starts == 0 {
		return o, false
	}
	var spans spanList
	for t := range p.Horizon {
		if badWin[bg.Window[t]] {
			spans.add(t)
		}
	}
	o.setWindows(badWin, spans)
	x.fixedInWindows(&o, bi, badWin)
	for _, j := range x.byBudget[bi] {
		if !x.placed[j] {
			continue
		}
		tj, s := &p.Tasks[j], x.start[j]
		if steadyFull && shareIn(tj.RunShares, bi)*tj.RunYear > 0 {
			o.addHolder(j)
			continue
		}
		for k := range tj.spendSpan(s, p.Horizon) {
			if badWin[bg.Window[s+k]] && tj.spendOn(bi, k) > 0 {
				o.addHolder(j)
				break
			}
		}
	}
	return o, true
}

// hasRun reports whether any task or fixed load spends after it ends.
func (p *Problem) hasRun() bool {
	for i := range p.Tasks {
		if p.Tasks[i].hasRun() {
			return true
		}
	}
	for i := range p.Fixed {
		if len(p.Fixed[i].Run) > 0 || p.Fixed[i].RunYear != 0 {
			return true
		}
	}
	return false
}

// interiorWindows marks the starts a..b whose spend overflows a window
// lying wholly inside the run, for windows of length L starting at 0.
func (x *explainer) interiorWindows(i int, share float64, a, b, L int, over func(int, float64) bool, badWin, blocked []bool) {
	tk := &x.p.Tasks[i]
	d := tk.Duration
	// Spend of a whole window at each offset o = 0..d-L, summed in the
	// order the scheduler sums it; equal runs of spend give equal sums.
	sums := make([]float64, d-L+1)
	runEnd := make([]int, d) // end of the run of equal spend holding k
	for k := d - 1; k >= 0; k-- {
		runEnd[k] = k + 1
		if k+1 < d && tk.Spend[k+1] == tk.Spend[k] {
			runEnd[k] = runEnd[k+1]
		}
	}
	cache := map[float64]float64{}
	for o := range sums {
		if runEnd[o] >= o+L {
			v, ok := cache[tk.Spend[o]]
			if !ok {
				for range L {
					v += share * tk.Spend[o]
				}
				cache[tk.Spend[o]] = v
			}
			sums[o] = v
			continue
		}
		v := 0.0
		for k := o; k < o+L; k++ {
			v += share * tk.Spend[k]
		}
		sums[o] = v
	}
	nw := len(badWin)
	bad := make([]bool, nw)
	count := make([]int, nw+1)
	for o0 := 0; o0 < len(sums); {
		o1 := o0
		for o1+1 < len(sums) && sums[o1+1] == sums[o0] {
			o1++
		}
		for w := range nw {
			bad[w] = over(w, sums[o0])
			count[w+1] = count[w]
			if bad[w] {
				count[w+1]++
			}
		}
		if count[nw] > 0 {
			for s := a; s <= b; s++ {
				wf, wl := s/L, (s+d-1)/L
				from, to := max(wf+1, ceilDiv(s+o0, L)), min(wl-1, (s+o1)/L)
				if from <= to && count[to+1] > count[from] {
					blocked[s-a] = true
				}
			}
			for w := range nw {
				// Starts for which w is whole inside the run at an offset
				// in o0..o1.
				if bad[w] && max(a, (w+1)*L-d+1, w*L-o1) <= min(b, w*L-1, w*L-o0) {
					badWin[w] = true
				}
			}
		}
		o0 = o1 + 1
	}
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }
