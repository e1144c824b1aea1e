package schedule

import (
	"math"
	"slices"
)

// genetic is the genetic algorithm of Hartmann (1998) over activity lists:
// two-point crossover that keeps lists precedence-feasible (for finish,
// half the pairs use the peak crossover of Valls, Ballestín and
// Quintanilla 2008 instead), swap mutation of neighbours that are not
// precedence-related, and survival of the best of parents and children. Every child is decoded by the serial SGS
// and improved by double justification (Valls et al. 2005); its list is
// then rewritten in the order of the improved schedule. The first
// generation holds the rank order, the priority rules and regret-based
// biased random samples on latest finish times.
func (s *search) genetic(baseOrder []int, tm timing, prio []int) {
	e := s.e
	n := e.n
	size := popSize(s.max, s.obj)
	var must []bool
	if s.obj == ObjectiveValue {
		must = e.mandatoryClosure()
	}
	pop := make([]indiv, 0, 2*size)
	seen := map[uint64]bool{}
	add := func(list []int) bool {
		if s.done(s.childCost()) {
			return false
		}
		x := indiv{list: list}
		s.evaluate(&x)
		if !seen[x.hash] {
			seen[x.hash] = true
			pop = append(pop, x)
		}
		return true
	}
	if !add(slices.Clone(baseOrder)) {
		return
	}
	values := make([]float64, n)
	rules := e.rules(tm)
	// Ties between tasks starting together break by the objective's main
	// rule, kept topological: value per unit of capacity for value (so a
	// crowded list drops the least valuable first), latest finish for
	// finish.
	tie := rules[0]
	if s.obj == ObjectiveValue {
		tie = rules[len(rules)-1]
	}
	for i := range values {
		values[i] = tie.value(i)
	}
	for k, i := range topoOrder(e.p, e.succs, ranks(values, nil)) {
		e.topo[i] = k
	}
	for _, r := range rules {
		for i := range values {
			values[i] = r.value(i)
		}
		if !add(topoOrder(e.p, e.succs, ranks(values, must))) {
			return
		}
	}
	// The parallel SGS with latest finish times reaches schedules the
	// serial one often misses (Kolisch 1996).
	for i := range values {
		values[i] = float64(tm.lf[i])
	}
	if s.done(4) {
		return
	}
	e.parallel(ranks(values, must))
	if !add(e.listFromStarts(topoOrder(e.p, e.succs, nil), nil)) {
		return
	}
	if s.obj == ObjectiveValue {
		// Sample around value per unit of capacity instead: the greedy
		// order of the knapsack relaxation.
		weight := rules[len(rules)-1]
		for i := range values {
			values[i] = weight.value(i)
		}
		pos := ranks(values, nil)
		for i := range values {
			values[i] = float64(pos[i])
		}
	}
	for tries := 0; len(pop) < size && tries < 3*size; tries++ {
		if !add(e.sampleList(s.rng, values, must, nil)) {
			return
		}
	}
	s.sortPop(pop)

	stamp := make([]int, n)
	var load []float64 // peakCrossover's scratch
	gen := 0
	stall := restartAfter(s.max, n, s.obj)
	climbFrom := climbAt(s.max, stall, s.obj)
	restartedAt := s.e.schedules
	for !s.done(s.childCost()) {
		if s.e.schedules >= climbFrom {
			from := s.best
			if from.list == nil {
				// The search never beat rank order's schedule, which has
				// no list: climb from the population's best.
				from = pop[0]
			}
			s.climb(from)
			return
		}
		if stall > 0 && s.e.schedules-max(s.bestAt, restartedAt) >= stall {
			// The population has converged on a schedule it cannot
			// improve: keep the best and start the rest afresh.
			restartedAt = s.e.schedules
			for _, x := range pop[1:] {
				delete(seen, x.hash)
			}
			pop = pop[:1]
			for tries := 0; len(pop) < size && tries < 3*size; tries++ {
				if !add(e.sampleList(s.rng, values, must, nil)) {
					break
				}
			}
			s.sortPop(pop)
			continue
		}
		perm := s.rng.Perm(len(pop))
		parents := len(pop)
		for k := 0; k+1 < len(perm); k += 2 {
			mother, father := pop[perm[k]].list, pop[perm[k+1]].list
			q1, q2 := s.rng.IntN(n+1), s.rng.IntN(n+1)
			if q1 > q2 {
				q1, q2 = q2, q1
			}
			// Under finish, half the pairs keep each parent's most
			// loaded stretch instead (drawn only then, so the value
			// objective's search is as it was).
			peak := s.obj == ObjectiveFinish && s.rng.Float64() < 0.5
			for side, pair := range [2][2][]int{{mother, father}, {father, mother}} {
				gen++
				var child []int
				if peak {
					child = s.peakCrossover(&pop[perm[k+side]], pair[1], stamp, gen, &load)
				} else {
					child = crossover(pair[0], pair[1], q1, q2, stamp, gen)
				}
				s.mutate(child, pop[perm[k]].start)
				if !add(child) {
					break
				}
			}
			if s.stopped != "" {
				break
			}
		}
		if len(pop) == parents && s.stopped == "" {
			// Every child was a copy: shake the population with samples.
			for range size / 2 {
				if !add(e.sampleList(s.rng, values, must, nil)) {
					break
				}
			}
		}
		s.sortPop(pop)
		if len(pop) > size {
			for _, x := range pop[size:] {
				delete(seen, x.hash)
			}
			pop = pop[:size]
		}
	}
}

// restartAfter is how many schedules without a better best make the
// search restart its population (keeping the best), 0 for never: a
// population converges within a few thousand schedules, after which
// most children are copies of their parents. Small budgets do not
// restart; larger problems, which improve for longer, wait longer: 50
// schedules a task for value, 100 for finish, whose population keeps
// finding shorter schedules for longer (on PSPLIB's 120-task instances
// restarting after 12,000 instead of 6,000 gained 0.19 points on 200 of
// them; 30 tasks keep the floor of 5,000 either way).
func restartAfter(budget, tasks int, obj Objective) int {
	if budget < 10000 {
		return 0
	}
	if obj == ObjectiveFinish {
		return max(5000, 100*tasks)
	}
	return max(5000, 50*tasks)
}

// climbAt is the number of schedules after which the genetic algorithm
// stops and climb spends the rest of the budget: under finish, when the
// budget is large enough to restart, the last quarter; never otherwise.
// On PSPLIB's 120-task instances the restarted populations find few
// better schedules by then, and a local search around the best finds
// more (docs/performance.md).
func climbAt(budget, stall int, obj Objective) int {
	if obj != ObjectiveFinish || stall == 0 {
		return math.MaxInt
	}
	return budget - budget/4
}

// climbMoves is how many insertion moves make one step of climb: on
// PSPLIB's 120-task instances two gained more than one (docs/performance.md).
const climbMoves = 2

// climb hill-climbs from x until the budget is spent: each step moves
// climbMoves tasks of the current list, each to another place between its
// last predecessor and its first successor (insertionMove), decodes and
// justifies the list as every child is, and keeps the result unless the
// schedule got worse, so the climb also walks across schedules of the
// same length.
func (s *search) climb(x indiv) {
	s.climbed = true
	cur := indiv{list: slices.Clone(x.list), start: slices.Clone(x.start), fit: x.fit}
	for !s.done(s.childCost()) {
		next := indiv{list: slices.Clone(cur.list)}
		for range climbMoves {
			s.insertionMove(next.list)
		}
		s.evaluate(&next)
		if s.compare(next.fit, cur.fit) <= 0 {
			cur = next
		}
	}
}

// insertionMove moves a random task of list to a random other position
// between its last predecessor and its first successor in list, so the
// list stays precedence-feasible; it leaves list as it is when the task
// has no other such position.
func (s *search) insertionMove(list []int) {
	n := len(list)
	if n < 2 {
		return
	}
	k := s.rng.IntN(n)
	t := list[k]
	lo, hi := 0, n-1
	for j := k - 1; j >= 0; j-- {
		if slices.Contains(s.e.p.Tasks[t].Preds, list[j]) {
			lo = j + 1
			break
		}
	}
	for j := k + 1; j < n; j++ {
		if slices.Contains(s.e.succs[t], list[j]) {
			hi = j - 1
			break
		}
	}
	if hi <= lo {
		return
	}
	to := lo + s.rng.IntN(hi-lo)
	if to >= k {
		to++
	}
	if to < k {
		copy(list[to+1:k+1], list[to:k])
	} else {
		copy(list[k:to], list[k+1:to+1])
	}
	list[to] = t
}

// popSize grows the population with the budget, as Hartmann (1998) does.
// Under finish, budgets over 10,000 get 100 instead of 60: with restarts
// after 100 schedules a task the larger population keeps finding shorter
// schedules (PSPLIB j120: 31.39% over the critical-path bound, 31.42% with
// 80, 31.50% with 60; docs/performance.md).
func popSize(budget int, obj Objective) int {
	switch {
	case budget <= 1500:
		return 20
	case budget <= 10000:
		return 40
	case obj == ObjectiveFinish:
		return 100
	default:
		return 60
	}
}

func (s *search) sortPop(pop []indiv) {
	slices.SortStableFunc(pop, func(a, b indiv) int { return s.compare(a.fit, b.fit) })
}

// crossover is Hartmann's two-point crossover: positions [0,q1) from the
// mother, [q1,q2) the father's next tasks not yet taken, the rest the
// mother's. Both parents are precedence-feasible, so the child is.
func crossover(mother, father []int, q1, q2 int, stamp []int, gen int) []int {
	n := len(mother)
	child := make([]int, 0, n)
	take := func(from []int, upto int) {
		for _, i := range from {
			if len(child) >= upto {
				return
			}
			if stamp[i] != gen {
				stamp[i] = gen
				child = append(child, i)
			}
		}
	}
	take(mother[:q1], q1)
	take(father, q2)
	take(mother, n)
	return child
}

// peakCrossover is the peak crossover of Valls, Ballestín and Quintanilla
// (2008): a child keeps the stretch of periods in which its mother uses
// her teams most (a peak, where her schedule is packed well) and takes
// the rest of its order from the father (peakChild). load is scratch
// space.
func (s *search) peakCrossover(mother *indiv, father []int, stamp []int, gen int, load *[]float64) []int {
	from, width := s.peakWindow(mother, load)
	return peakChild(mother, father, from, width, stamp, gen)
}

// peakWindow picks the mother's peak: a random tenth to half of her
// makespan, placed where her load, as a share of each team's capacity,
// sums highest (the earliest such stretch). width is 0 when her schedule
// is too short to have one.
func (s *search) peakWindow(mother *indiv, load *[]float64) (from, width int) {
	e := s.e
	ms := mother.fit.makespan
	if ms < 2 {
		return 0, 0
	}
	// u[t] is the load of periods [0, t).
	u := slices.Grow((*load)[:0], ms+1)[:ms+1]
	*load = u
	clear(u)
	for i, st := range mother.start {
		if st < 0 {
			continue
		}
		tk := &e.p.Tasks[i]
		for _, d := range tk.Demand {
			c := e.st.capacity[d.Resource]
			for t := st; t < min(st+tk.Duration, ms); t++ {
				if c[t] > 0 {
					u[t+1] += d.Amount / c[t]
				}
			}
		}
	}
	for t := 1; t <= ms; t++ {
		u[t] += u[t-1]
	}
	lo := max(1, ms/10)
	width = lo + s.rng.IntN(max(lo, ms/2)-lo+1)
	for t := 1; t+width <= ms; t++ {
		if u[t+width]-u[t] > u[from+width]-u[from]+1e-9 {
			from = t
		}
	}
	return from, width
}

// peakChild lists the tasks the mother starts before period from in the
// father's order, then those she starts in [from, from+width) in her
// order, then the rest in the father's order. Every task's predecessors
// start before it in her schedule, and both parents are
// precedence-feasible, so the child is.
func peakChild(mother *indiv, father []int, from, width int, stamp []int, gen int) []int {
	child := make([]int, 0, len(father))
	for _, i := range father {
		if st := mother.start[i]; st >= 0 && st < from {
			stamp[i] = gen
			child = append(child, i)
		}
	}
	for _, i := range mother.list {
		if st := mother.start[i]; st >= from && st < from+width {
			stamp[i] = gen
			child = append(child, i)
		}
	}
	for _, i := range father {
		if stamp[i] != gen {
			stamp[i] = gen
			child = append(child, i)
		}
	}
	return child
}

// mutate swaps neighbours that are not precedence-related, each with a
// small probability (Hartmann 1998); for the value objective it also moves
// a task the parent left out to a random earlier position after its last
// predecessor, so it gets a chance at the room: in effect an exchange
// with the tasks it then displaces.
func (s *search) mutate(list, parentStart []int) {
	n := len(list)
	const pSwap = 0.05
	for k := 0; k+1 < n; k++ {
		if s.rng.Float64() >= pSwap {
			continue
		}
		a, b := list[k], list[k+1]
		if !slices.Contains(s.e.p.Tasks[b].Preds, a) {
			list[k], list[k+1] = b, a
		}
	}
	if s.obj != ObjectiveValue {
		return
	}
	var out []int
	for k, i := range list {
		if parentStart[i] < 0 {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		return
	}
	from := out[s.rng.IntN(len(out))]
	task := list[from]
	lo := 0
	for k := from - 1; k >= 0; k-- {
		if slices.Contains(s.e.p.Tasks[task].Preds, list[k]) {
			lo = k + 1
			break
		}
	}
	to := lo + s.rng.IntN(from-lo+1)
	copy(list[to+1:from+1], list[to:from])
	list[to] = task
}

// mandatoryClosure marks the mandatory, Forced and Kept tasks and everything
// they depend on: the tasks that must be listed first.
func (e *engine) mandatoryClosure() []bool {
	must := make([]bool, e.n)
	var mark func(i int)
	mark = func(i int) {
		if must[i] {
			return
		}
		must[i] = true
		for _, q := range e.p.Tasks[i].Preds {
			mark(q)
		}
	}
	for i := range e.p.Tasks {
		if tk := &e.p.Tasks[i]; tk.Mandatory || tk.Forced || tk.Kept {
			mark(i)
		}
	}
	return must
}
