package schedule

import "container/heap"

// Together groups are placed whole: when the first of a group's tasks
// comes up in a schedule generation pass, every member is placed then,
// each at its earliest fit after its predecessors, with the predecessors
// they need that are not decided yet (and those tasks' own groups). If
// one of them does not fit, none is placed and the group is out; the
// predecessors pulled along keep their own turn. So a group takes the
// priority of its best-placed member, as a project in a portfolio carries
// the enabling projects it cannot do without.

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
}

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
		ready: posHeap{pos: ident}}
}

// grouped reports whether task i belongs to a together group.
func (g *groupPlacer) grouped(i int) bool { return g != nil && g.groupOf[i] >= 0 }

// place places task i's group (i alone when it has none) on st, with
// every predecessor its members need that is not decided yet and the
// groups of those: each in a
// topological order (lowest index first), at its earliest fit after its
// predecessors. It returns the tasks placed, in that order, with start
// updated; or, when one does not fit, nothing placed (st and start as
// they were) and the miss.
func (g *groupPlacer) place(st *State, start []int, decided []bool, i int) ([]int, GroupMiss, bool) {
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
				return nil, GroupMiss{Group: group, Task: t, Cause: Blocker{Kind: BlockDependency, Index: q}}, false
			}
		}
	}
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
			return nil, GroupMiss{Group: group, Task: t, Cause: b, Placed: placed}, false
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
