package schedule

import (
	"container/heap"
	"slices"
)

// Together groups are placed whole: when the first of a group's tasks
// comes up in a schedule generation pass, every member is placed then,
// each at its earliest fit after its predecessors, with the predecessors
// they need that are not decided yet (and those tasks' own groups). If
// one of them does not fit, none is placed and the group is out; the
// predecessors pulled along keep their own turn. So a group takes the
// priority of its best-placed member, as a project in a portfolio carries
// the enabling projects it cannot do without.
//
// The tasks of a group's closure are placed one at a time, so the order
// matters: a member without predecessors placed first at its earliest fit
// can take the room a long predecessor of another member needs. The
// placer tries the lowest index first; when that does not fit, it
// searches the other orders (each task at its earliest fit after its
// predecessors), longest chain first, until one fits or
// groupSearchBudget placements were tried. If any placement of the
// closure fits beside what is already placed, moving its tasks one by one
// to earlier starts while they fit ends in a left-justified one, and
// placing the tasks in the order of those starts, each at its earliest
// fit, gives exactly that placement (team capacity, team and portfolio
// limits in flight, windows and precedence never get tighter when a task
// moves earlier). So the search finds a placement whenever one exists,
// unless it runs out of budget (not with 5 tasks or fewer) or a budget
// binds: spend moved into an earlier budget window can overflow it, so
// with budgets the search is a good try, not a guarantee.

// groupIndex is each task's together group, -1 for none.
func groupIndex(p *Problem) []int {
	of := make([]int, len(p.Tasks))
	for i := range of {
		of[i] = -1
	}
	for g, members := range p.Together {
		for _, i := range members {
			of[i] = g
		}
	}
	return of
}

// groupPlacer places together groups whole on a State. Its scratch space
// is reused from one group to the next.
type groupPlacer struct {
	p       *Problem
	groupOf []int
	stamp   []int // stamp[i] == gen: task i is in the closure being built
	gen     int
	waiting []int
	closure []int
	ready   posHeap
	// For the search over orders (search): each closure task's chain
	// (its duration plus the longest chain of its successors in the
	// closure) and whether it is placed.
	chain  []int
	onPath []bool
	tries  int
	// justInTime places Task.JustInTime members last (placeJustInTime):
	// schedule generation passes do, the optimiser's decode does not.
	// late lists the members the last place call placed that way; jit,
	// from and topo are its scratch, succs each task's dependents.
	justInTime bool
	late       []Late
	jit        []bool
	from       []int
	topo       []int
	succs      [][]int
}

// groupSearchBudget bounds the placements the search over a closure's
// orders tries once the first order failed.
const groupSearchBudget = 512

// newGroupPlacer is nil when p has no together groups.
func newGroupPlacer(p *Problem) *groupPlacer {
	if len(p.Together) == 0 {
		return nil
	}
	return newPlacer(p)
}

// newPassPlacer is the placer of a schedule generation pass: it places
// together groups, and choice options with the predecessors they need
// (optionTrials); nil when p has neither.
func newPassPlacer(p *Problem) *groupPlacer {
	if len(p.Together) == 0 && len(p.Choices) == 0 {
		return nil
	}
	return newPlacer(p)
}

func newPlacer(p *Problem) *groupPlacer {
	n := len(p.Tasks)
	ident := identity(n)
	return &groupPlacer{p: p, groupOf: groupIndex(p), stamp: make([]int, n), waiting: make([]int, n),
		ready: posHeap{pos: ident}, chain: make([]int, n), onPath: make([]bool, n)}
}

// grouped reports whether task i belongs to a together group.
func (g *groupPlacer) grouped(i int) bool { return g != nil && g.groupOf[i] >= 0 }

// place places task i's group (i alone when it has none) on st, with
// every predecessor its members need that is not decided yet and the
// groups of those: each in a
// topological order (lowest index first, else the first order search
// finds that fits), at its earliest fit after its
// predecessors. It returns the tasks placed, in that order, with start
// updated; or, when no order fits, nothing placed (st and start as
// they were) and the miss of the lowest-index order.
func (g *groupPlacer) place(st *State, start []int, decided []bool, i int) ([]int, GroupMiss, bool) {
	if miss, ok := g.collect(start, decided, i); !ok {
		return nil, miss, false
	}
	g.late = g.late[:0]
	if g.justInTime {
		if order, ok := g.placeJustInTime(st, start); ok {
			return order, GroupMiss{}, true
		}
	}
	return g.placeClosure(st, start, g.groupOf[i])
}

// collect builds the closure of task i's group (g.closure): its members,
// the predecessors they need that are not decided yet, and those tasks'
// groups. It fails with the miss when a decided predecessor is out.
func (g *groupPlacer) collect(start []int, decided []bool, i int) (GroupMiss, bool) {
	p := g.p
	group := g.groupOf[i]
	g.gen++
	g.closure = g.closure[:0]
	add := func(t int) {
		if g.stamp[t] == g.gen {
			return
		}
		g.stamp[t] = g.gen
		g.closure = append(g.closure, t)
		if gr := g.groupOf[t]; gr >= 0 {
			for _, m := range p.Together[gr] {
				if g.stamp[m] != g.gen {
					g.stamp[m] = g.gen
					g.closure = append(g.closure, m)
				}
			}
		}
	}
	add(i)
	for k := 0; k < len(g.closure); k++ {
		t := g.closure[k]
		for _, q := range p.Tasks[t].Preds {
			switch {
			case g.stamp[q] == g.gen:
			case !decided[q]:
				add(q)
			case start[q] < 0:
				return GroupMiss{Group: group, Task: t, Cause: Blocker{Kind: BlockDependency, Index: q}}, false
			}
		}
	}
	return GroupMiss{}, true
}

// placeClosure places the closure collect built, as place does.
func (g *groupPlacer) placeClosure(st *State, start []int, group int) ([]int, GroupMiss, bool) {
	p := g.p
	// Kahn's algorithm over the closure, lowest index first.
	h := &g.ready
	h.items = h.items[:0]
	for _, t := range g.closure {
		g.waiting[t] = 0
		for _, q := range p.Tasks[t].Preds {
			if g.stamp[q] == g.gen {
				g.waiting[t]++
			}
		}
		if g.waiting[t] == 0 {
			h.items = append(h.items, t)
		}
	}
	heap.Init(h)
	order := make([]int, 0, len(g.closure))
	for h.Len() > 0 {
		t := heap.Pop(h).(int)
		est := 0
		for _, q := range p.Tasks[t].Preds {
			est = max(est, start[q]+p.Tasks[q].Duration)
		}
		s, b := st.EarliestFit(t, est)
		if s < 0 {
			placed := make([]TaskStart, len(order))
			for k, u := range order {
				placed[k] = TaskStart{u, start[u]}
				st.Remove(u, start[u])
				start[u] = -1
			}
			miss := GroupMiss{Group: group, Task: t, Cause: b, Placed: placed}
			if len(g.closure) > 1 {
				if order, ok := g.search(st, start); ok {
					return order, GroupMiss{}, true
				}
			}
			return nil, miss, false
		}
		st.Place(t, s)
		start[t] = s
		order = append(order, t)
		for _, j := range g.succsInClosure(t) {
			g.waiting[j]--
			if g.waiting[j] == 0 {
				heap.Push(h, j)
			}
		}
	}
	return order, GroupMiss{}, true
}

// A member of a together group that only prepares its partners (a
// pilot: Task.JustInTime, no run spend, and every task that depends on
// it placed with the group) runs as late as fits before them, not at its
// earliest fit, where it would hold a team, budget or slot idle for
// months that a better-ranked project placed after the group could use
// (review qa17 U11). placeJustInTime places the closure in the order
// place uses, each task at its earliest fit after its predecessors, but
// leaves such members out, counting for their dependents their end at
// that earliest fit; then it places them, the last in that order first,
// each at the latest start that fits before the first of its dependents
// to start and after its own predecessors. No task of the closure may
// free room (a credit): then leaving a member out only leaves more room,
// so every other task of the closure starts no later than it would with
// the member placed first, and none of them moves afterwards. When a
// member fits no start there, nothing is placed and place places the
// closure as before: a group fits whenever it did, and a member keeps
// its window (deadline) either way. Explain replays the members last,
// as placed: the starts before their earliest fit were blocked, the
// others passed over (ObstacleLate).

// placeJustInTime places the closure with its just-in-time members last,
// as above, and returns the tasks in the order placed (g.late lists the
// members placed last); false, with st and start as they were, when the
// closure has no such member or a task of it fits no start that way.
func (g *groupPlacer) placeJustInTime(st *State, start []int) ([]int, bool) {
	p := g.p
	if g.jit == nil {
		n := len(p.Tasks)
		g.jit, g.from, g.succs = make([]bool, n), make([]int, n), make([][]int, n)
		for i := range p.Tasks {
			for _, q := range p.Tasks[i].Preds {
				g.succs[q] = append(g.succs[q], i)
			}
		}
	}
	some := false
	for _, t := range g.closure {
		if p.Tasks[t].hasCredit() {
			return nil, false // it frees room: placing it may let others fit
		}
		g.jit[t] = g.justInTimeMember(t)
		some = some || g.jit[t]
	}
	if !some {
		return nil, false
	}
	// The closure's order, as placeClosure takes it: Kahn's algorithm,
	// lowest index first.
	h := &g.ready
	h.items = h.items[:0]
	for _, t := range g.closure {
		g.waiting[t] = 0
		for _, q := range p.Tasks[t].Preds {
			if g.stamp[q] == g.gen {
				g.waiting[t]++
			}
		}
		if g.waiting[t] == 0 {
			h.items = append(h.items, t)
		}
	}
	heap.Init(h)
	g.topo = g.topo[:0]
	for h.Len() > 0 {
		t := heap.Pop(h).(int)
		g.topo = append(g.topo, t)
		for _, j := range g.succs[t] {
			if g.stamp[j] == g.gen {
				g.waiting[j]--
				if g.waiting[j] == 0 {
					heap.Push(h, j)
				}
			}
		}
	}
	// end is a predecessor's end as its dependents count it: a
	// just-in-time member not placed yet ends where its earliest fit
	// would have it end.
	end := func(q int) int {
		if g.jit[q] && g.stamp[q] == g.gen && start[q] < 0 {
			return g.from[q] + p.Tasks[q].Duration
		}
		return start[q] + p.Tasks[q].Duration
	}
	release := func(t int) int {
		est := 0
		for _, q := range p.Tasks[t].Preds {
			est = max(est, end(q))
		}
		return est
	}
	order := make([]int, 0, len(g.topo))
	undo := func() {
		for _, u := range order {
			st.Remove(u, start[u])
			start[u] = -1
		}
		g.late = g.late[:0]
	}
	for _, t := range g.topo {
		s, _ := st.EarliestFit(t, release(t))
		if s < 0 {
			undo()
			return nil, false
		}
		if g.jit[t] {
			g.from[t] = s
			continue
		}
		st.Place(t, s)
		start[t] = s
		order = append(order, t)
	}
	for k := len(g.topo) - 1; k >= 0; k-- {
		t := g.topo[k]
		if !g.jit[t] {
			continue
		}
		tk := &p.Tasks[t]
		before := -1
		for _, j := range g.succs[t] {
			if before < 0 || start[j] < start[before] || start[j] == start[before] && j < before {
				before = j
			}
		}
		lo := max(release(t), tk.Earliest, 0)
		s := -1
		for c := min(start[before]-tk.Duration, p.lastStart(t)); c >= lo; c-- {
			if st.Fits(t, c) {
				s = c
				break
			}
		}
		if s < 0 {
			undo()
			return nil, false
		}
		st.Place(t, s)
		start[t] = s
		order = append(order, t)
		g.late = append(g.late, Late{Task: t, From: g.from[t], Before: before})
	}
	return order, true
}

// justInTimeMember reports whether closure task t is placed just in
// time: a member of a together group, Task.JustInTime, without run spend
// (its go-live then changes no budget window the tasks after it see),
// with dependents, every one of them in the closure.
func (g *groupPlacer) justInTimeMember(t int) bool {
	tk := &g.p.Tasks[t]
	if g.groupOf[t] < 0 || !tk.JustInTime || tk.hasRun() || len(g.succs[t]) == 0 {
		return false
	}
	for _, j := range g.succs[t] {
		if g.stamp[j] != g.gen {
			return false
		}
	}
	return true
}

// succsInClosure lists the tasks of the closure that have t as a
// predecessor.
func (g *groupPlacer) succsInClosure(t int) []int {
	var out []int
	for _, j := range g.closure {
		for _, q := range g.p.Tasks[j].Preds {
			if q == t {
				out = append(out, j)
				break
			}
		}
	}
	return out
}

// search looks for an order of the closure, predecessors first, in which
// every task fits at its earliest fit after its predecessors: depth
// first, at each step the ready task with the longest chain first (ties:
// lowest index), dropping an order as soon as one task does not fit or
// would start before the task placed before it (every left-justified
// placement is reached in the order of its starts, so the others add
// nothing). It places the tasks of the first order that fits and returns
// them in that order; otherwise it leaves st and start as they were.
func (g *groupPlacer) search(st *State, start []int) ([]int, bool) {
	p := g.p
	// Chains, successors before predecessors: repeat until stable (the
	// closure is small and acyclic).
	for _, t := range g.closure {
		g.chain[t] = p.Tasks[t].Duration
		g.onPath[t] = false
	}
	for changed := true; changed; {
		changed = false
		for _, t := range g.closure {
			for _, q := range p.Tasks[t].Preds {
				if g.stamp[q] == g.gen && g.chain[q] < p.Tasks[q].Duration+g.chain[t] {
					g.chain[q] = p.Tasks[q].Duration + g.chain[t]
					changed = true
				}
			}
		}
	}
	cand := slices.Clone(g.closure)
	slices.SortFunc(cand, func(a, b int) int {
		if g.chain[a] != g.chain[b] {
			return g.chain[b] - g.chain[a]
		}
		return a - b
	})
	order := make([]int, 0, len(cand))
	g.tries = 0
	var dfs func() bool
	dfs = func() bool {
		if len(order) == len(cand) {
			return true
		}
		for _, t := range cand {
			if g.onPath[t] || g.tries >= groupSearchBudget {
				continue
			}
			est, ready := 0, true
			for _, q := range p.Tasks[t].Preds {
				if g.stamp[q] == g.gen && !g.onPath[q] {
					ready = false
					break
				}
				est = max(est, start[q]+p.Tasks[q].Duration)
			}
			if !ready {
				continue
			}
			g.tries++
			s, _ := st.EarliestFit(t, est)
			if s < 0 || len(order) > 0 && s < start[order[len(order)-1]] {
				continue
			}
			st.Place(t, s)
			start[t] = s
			g.onPath[t] = true
			order = append(order, t)
			if dfs() {
				return true
			}
			order = order[:len(order)-1]
			g.onPath[t] = false
			st.Remove(t, s)
			start[t] = -1
		}
		return false
	}
	if dfs() {
		for _, t := range order {
			g.onPath[t] = false
		}
		return order, true
	}
	return nil, false
}

// lostChoice is miss, or, when a member of miss's group is an option of
// a choice whose other option is placed already, a miss naming that
// member (the first one) and the option chosen: the group can never run,
// whatever the order, and the member has lost its choice like any
// option (Blocked says BlockChoice), not failed to fit.
func (g *groupPlacer) lostChoice(st *State, decided []bool, miss GroupMiss) GroupMiss {
	if miss.Group < 0 {
		return miss
	}
	for _, m := range g.p.Together[miss.Group] {
		if o := st.otherOption(m); o >= 0 && (decided == nil || !decided[m]) {
			return GroupMiss{Group: miss.Group, Task: m, Cause: Blocker{Kind: BlockChoice, Index: o, From: -1, To: -1}}
		}
	}
	return miss
}

// groupBlocker is what keeps member m of a group left out by miss out:
// the choice it lost, or its group.
func groupBlocker(miss GroupMiss, m int) Blocker {
	if m == miss.Task && miss.Cause.Kind == BlockChoice {
		return miss.Cause
	}
	return Blocker{Kind: BlockTogether, Index: miss.Group}
}
