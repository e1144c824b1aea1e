package schedule

import (
	"slices"
)

// A schedule generation pass decides a choice's options best first, even
// across dependencies: when an option's turn comes while a better option
// of its choice is still undecided (it waits for a predecessor ranked
// lower), the better option is tried first, then and there, with the
// predecessors it needs that are not decided yet (placed first, each at
// its earliest fit, as a together group takes its members' predecessors
// along). If it fits, all of them stay placed; if not, all of them are
// taken out again, the better option is out (Schedule.Trials says why),
// and the predecessors keep their own turn: capacity is never held for
// an option that does not run, and the worse option gets its chance at
// its own turn. Whatever a pass places ahead of its own turn because a
// task placed then needs it is listed in Schedule.Pulled.

// passExtras decides, in a schedule generation pass, the tasks that take
// others along: together groups (placed whole) and choice options (tried
// best first). It is nil when the problem has neither.
type passExtras struct {
	p   *Problem
	pl  *groupPlacer
	pos []int // a task's turn in the pass: lower first
	// better lists, for each option, the better options of its choice
	// that it may be tried after, best first: not those that depend on
	// it, directly or not (the two cannot both run, and the better one
	// cannot be tried without it). nil without choices.
	better [][]int
	// leads are the Lead tasks with a predecessor, direct or not, that
	// comes after them in the pass (pos), first first: each takes its
	// turn at its own place (leadTurn).
	leads []int
	// preferred: some option is Preferred (preferredFirst).
	preferred bool
	// doomed marks the tasks no pass can place (doomedTasks); nil
	// without leads.
	doomed []bool
}

func newPassExtras(p *Problem, pos []int, succs [][]int) *passExtras {
	topo := topoOrder(p, succs, nil)
	leads := lateLeads(p, pos, topo)
	pl := newPassPlacer(p)
	if pl == nil && len(leads) > 0 {
		pl = newPlacer(p)
	}
	if pl == nil {
		return nil
	}
	pl.justInTime = true
	x := &passExtras{p: p, pl: pl, pos: pos, leads: leads}
	if len(leads) > 0 {
		x.doomed = doomedTasks(p, topo)
	}
	if len(p.Choices) > 0 {
		x.better = make([][]int, len(p.Tasks))
		for _, opts := range p.Choices {
			byPos := slices.Clone(opts)
			slices.SortFunc(byPos, func(a, b int) int {
				if pa, pb := p.Tasks[a].Preferred, p.Tasks[b].Preferred; pa != pb {
					if pa {
						return -1
					}
					return 1
				}
				return pos[a] - pos[b]
			})
			x.preferred = x.preferred || p.Tasks[byPos[0]].Preferred
			for k, o := range byPos {
				for _, b := range byPos[:k] {
					if !reaches(succs, o, b) {
						x.better[o] = append(x.better[o], b)
					}
				}
			}
		}
	}
	return x
}

// lateLeads lists the tasks that take their turn at their own place
// with a predecessor, direct or not, after them in pos, in pos order:
// Lead tasks, and the first member in pos of each together group (the
// group keeps the turn of its best-ranked member, even when that member
// depends on a partner or a project ranked lower). topo is a
// topological order of the tasks: the latest turn among each task's
// predecessors, direct or not, is found in one pass over it (walking
// each lead's predecessors anew was quadratic in a chain of leads).
func lateLeads(p *Problem, pos, topo []int) []int {
	var leads []int
	first := make([]bool, len(p.Tasks))
	for _, members := range p.Together {
		best := members[0]
		for _, m := range members[1:] {
			if pos[m] < pos[best] {
				best = m
			}
		}
		first[best] = true
	}
	latest := make([]int, len(p.Tasks)) // the latest pos among a task's predecessors, -1 for none
	for i := range latest {
		latest[i] = -1
	}
	for _, i := range topo {
		for _, q := range p.Tasks[i].Preds {
			latest[i] = max(latest[i], pos[q], latest[q])
		}
	}
	for i := range p.Tasks {
		if (p.Tasks[i].Lead || first[i]) && latest[i] > pos[i] {
			leads = append(leads, i)
		}
	}
	slices.SortFunc(leads, func(a, b int) int { return pos[a] - pos[b] })
	return leads
}

// doomedTasks marks the tasks that no pass can place: started at the
// earliest its Earliest and its predecessors' durations (direct or not)
// allow, it would still start after its last start; or it needs such a
// task. topo is a topological order of the tasks.
func doomedTasks(p *Problem, topo []int) []bool {
	est := make([]int, len(p.Tasks))
	doomed := make([]bool, len(p.Tasks))
	for _, i := range topo {
		tk := &p.Tasks[i]
		est[i] = max(tk.Earliest, 0)
		for _, q := range tk.Preds {
			est[i] = max(est[i], est[q]+p.Tasks[q].Duration)
			doomed[i] = doomed[i] || doomed[q]
		}
		doomed[i] = doomed[i] || est[i] > p.lastStart(i)
	}
	return doomed
}

// nextLead is the lead task whose turn comes before task i, the next
// one a pass would decide (any lead left when i is -1): x.leads[*k] or
// after, skipping those decided already, or -1 when none. *k moves past
// it.
func (x *passExtras) nextLead(decided []bool, k *int, i int) int {
	if x == nil {
		return -1
	}
	for ; *k < len(x.leads); *k++ {
		l := x.leads[*k]
		if decided[l] {
			continue
		}
		if i >= 0 && x.pos[l] > x.pos[i] {
			return -1
		}
		*k++
		return l
	}
	return -1
}

// leadTurn places lead task l, at its turn, with the predecessors it
// needs that are not decided yet (and their together groups, and l's
// own), each at its earliest fit, dependencies first: all of them, or
// none. When they do not all fit, nothing is decided: l waits for its
// predecessors and is decided at its next turn like any task, so the
// rule never places less than a pass without it would.
func (x *passExtras) leadTurn(st *State, sch *Schedule, decided []bool, l int, decide func(int)) {
	undecided := false
	for _, q := range x.p.Tasks[l].Preds {
		undecided = undecided || !decided[q]
	}
	if !undecided {
		return // its own turn comes as it is eligible
	}
	x.preferredFirst(st, sch, decided, l, decide)
	if x.doomed[l] {
		// place would fail, after walking all l needs: a chain of
		// leads that cannot fit the horizon walked it at every lead.
		return
	}
	placed, _, ok := x.pl.place(st, sch.Start, decided, l)
	if !ok {
		return
	}
	targets, group := []int{l}, -1
	if g := x.pl.groupOf[l]; g >= 0 {
		targets, group = x.p.Together[g], g
	}
	x.pulled(sch, placed, targets, group, l)
	sch.Late = append(sch.Late, x.pl.late...)
	for _, t := range placed {
		decide(t)
	}
}

// preferredFirst gives a preferred option (Task.Preferred) its place
// before lead task l takes along an option of the same choice: for each
// option l needs through predecessors not decided yet, whose choice has
// a preferred option not decided either, that option is tried first, as
// at the needed option's own turn (tryBetter). When it is placed, the
// needed option is out, and so l cannot be placed with it: a pass that
// prefers an option (evaluate's end-of-support and deadline trials) sees
// what taking it costs, whatever ranks first.
func (x *passExtras) preferredFirst(st *State, sch *Schedule, decided []bool, l int, decide func(int)) {
	if !x.preferred {
		return
	}
	seen := map[int]bool{l: true}
	stack := slices.Clone(x.p.Tasks[l].Preds)
	var options []int
	for len(stack) > 0 {
		q := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[q] || decided[q] {
			continue
		}
		seen[q] = true
		if b := x.better[q]; len(b) > 0 && x.p.Tasks[b[0]].Preferred {
			options = append(options, q)
		}
		stack = append(stack, x.p.Tasks[q].Preds...)
	}
	slices.SortFunc(options, func(a, b int) int { return x.pos[a] - x.pos[b] })
	for _, o := range options {
		if b := x.better[o][0]; !decided[o] && !decided[b] && !seen[b] && st.otherOption(o) < 0 {
			x.tryOption(st, sch, decided, b, o, decide)
		}
	}
}

// grouped reports whether task i belongs to a together group.
func (x *passExtras) grouped(i int) bool { return x != nil && x.pl.grouped(i) }

// tryBetter tries, when task i's turn comes, the better options of its
// choice that are not decided yet, best first, until one is placed (then
// i will be left out by the choice) or none is left.
func (x *passExtras) tryBetter(st *State, sch *Schedule, decided []bool, i int, decide func(int)) {
	if x == nil || x.better == nil || len(x.better[i]) == 0 || st.otherOption(i) >= 0 {
		return
	}
	for _, b := range x.better[i] {
		if !decided[b] && x.tryOption(st, sch, decided, b, i, decide) {
			return
		}
	}
}

// tryOption tries option b at the turn of turn, a worse option of its
// choice: b's together group whole, or b with the predecessors it needs
// that are not decided yet. It reports whether b was placed; if not, b
// is out (Trials or Apart says why).
func (x *passExtras) tryOption(st *State, sch *Schedule, decided []bool, b, turn int, decide func(int)) bool {
	if x.pl.grouped(b) {
		return x.decideGroup(st, sch, decided, b, turn, decide)
	}
	placed, miss, ok := x.pl.place(st, sch.Start, decided, b)
	if ok {
		x.pulled(sch, placed, []int{b}, -1, turn)
		sch.Late = append(sch.Late, x.pl.late...)
		for _, t := range placed {
			decide(t)
		}
		return true
	}
	sch.Trials = append(sch.Trials, Trial{Option: b, Turn: turn, Miss: miss})
	if miss.Task == b {
		sch.Blocked[b] = miss.Cause
	} else {
		sch.Blocked[b] = Blocker{Kind: BlockDependency, Index: miss.Task}
	}
	decide(b)
	return false
}

// decideGroup places task i's together group whole at the turn of task
// turn (i itself, or a worse option of i's choice), with the
// predecessors its members need, or leaves the group out (Blocked,
// Apart). decide is called for every task decided that way, in order. It
// reports whether the group was placed.
func (x *passExtras) decideGroup(st *State, sch *Schedule, decided []bool, i, turn int, decide func(int)) bool {
	placed, miss, ok := x.pl.place(st, sch.Start, decided, i)
	if ok {
		g := x.pl.groupOf[i]
		x.pulled(sch, placed, x.p.Together[g], g, turn)
		sch.Late = append(sch.Late, x.pl.late...)
		for _, t := range placed {
			decide(t)
		}
		return true
	}
	miss = x.pl.lostChoice(st, decided, miss)
	sch.Apart = append(sch.Apart, miss)
	for _, m := range x.p.Together[miss.Group] {
		if !decided[m] {
			sch.Blocked[m] = groupBlocker(miss, m)
			decide(m)
		}
	}
	return false
}

// pulled records the tasks of placed, besides targets (the tasks placed
// for their own sake: a group's members, an option), that come after
// turn in the pass's order: they were placed ahead of their own turn.
// Each is credited to the first target, in turn order, that needs it.
func (x *passExtras) pulled(sch *Schedule, placed, targets []int, group, turn int) {
	var ahead []int
	for _, t := range placed {
		if !slices.Contains(targets, t) && x.pos[t] > x.pos[turn] {
			ahead = append(ahead, t)
		}
	}
	if len(ahead) == 0 {
		return
	}
	byPos := slices.Clone(targets)
	slices.SortFunc(byPos, func(a, b int) int { return x.pos[a] - x.pos[b] })
	in := map[int]bool{}
	for _, t := range placed {
		in[t] = true
	}
	for _, t := range ahead {
		by := byPos[0]
		for _, m := range byPos {
			if needs(x.p, in, m, t) {
				by = m
				break
			}
		}
		sch.Pulled = append(sch.Pulled, Pull{Task: t, Turn: turn, For: by, Group: group})
	}
}

// needs reports whether task m depends on task t, directly or through
// tasks of in.
func needs(p *Problem, in map[int]bool, m, t int) bool {
	seen := map[int]bool{m: true}
	stack := []int{m}
	for len(stack) > 0 {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, q := range p.Tasks[j].Preds {
			if q == t {
				return true
			}
			if in[q] && !seen[q] {
				seen[q] = true
				stack = append(stack, q)
			}
		}
	}
	return false
}
