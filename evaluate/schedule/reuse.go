package schedule

// The deadline rule's passes reuse the decisions of the last complete
// pass (ref) where they cannot change.
//
// A pass the rule runs (tryAhead) has ref's pins and a few more (the task
// going ahead and the predecessors it takes along), then decides the other
// tasks in rank order as ref did. Task i's decision in the new pass is
// ref's when
//   - the pass has decided so far the same tasks, in the same order, as
//     ref did (the new pins aside), so every load the two passes share was
//     added in the same order and holds the same float;
//   - i's release (its predecessors' ends) is the same;
//   - no load is lower in the new pass than in ref on i's resources, nor
//     on the tasks in flight when they are limited, in the periods ref's
//     search read: from i's release to the end of ref's start, or of i's
//     last possible start when it stayed out. Cells are marked
//     conservatively: every period of a new pin (at both its places) and
//     of a task decided differently, on each of its resources, as changed,
//     and as lower where the load was ref's (or is negative). Float sums
//     are monotone, so a cell only added to holds at least ref's load;
//   - where a cell changed, ref's start still fits (checked) or, when i
//     stayed out, the Blocker is found again;
//   - ref's search for i refused no start on a budget alone (budgets differ
//     wherever a new pin spends), and the budgets have room for ref's
//     start in the new pass (checked);
//   - i is in no choice (whose placed option may differ) and no together
//     group (those always search).
//
// Then every start ref's search refused clashes again where it clashed
// (at least as much), ref's start fits, and the search would find ref's
// start and Blocker.
// TestReuseMatchesSearch checks that passes are the same with and without
// reuse.

// dirtyCells marks, per resource and for the tasks in flight (the last
// row), the periods whose load may differ from ref's (changed), and among
// them those where it may be lower (lower).
type dirtyCells struct {
	words          int // uint64 words per row
	changed, lower []uint64
}

func newDirtyCells(p *Problem) dirtyCells {
	w := (p.Horizon + 63) / 64
	rows := len(p.Resources) + 1
	return dirtyCells{words: w, changed: make([]uint64, w*rows), lower: make([]uint64, w*rows)}
}

func (c *dirtyCells) clear() {
	clear(c.changed)
	clear(c.lower)
}

// mark marks periods [from, to) of row changed, and lower when the load
// there may have gone down.
func (c *dirtyCells) mark(row, from, to int, lower bool) {
	setBits(c.changed[row*c.words:], from, to)
	if lower {
		setBits(c.lower[row*c.words:], from, to)
	}
}

// setBits sets bits [from, to) of bits.
func setBits(bits []uint64, from, to int) {
	for t := from; t < to; {
		w, b := t/64, uint(t%64)
		n := min(to-t, 64-int(b))
		bits[w] |= ^uint64(0) >> (64 - uint(n)) << b
		t += n
	}
}

// anyBit reports whether a bit in [from, to) of bits is set.
func anyBit(bits []uint64, from, to int) bool {
	for t := from; t < to; {
		w, b := t/64, uint(t%64)
		n := min(to-t, 64-int(b))
		if bits[w]&(^uint64(0)>>(64-uint(n))<<b) != 0 {
			return true
		}
		t += n
	}
	return false
}

// reuse is a pass's use of ref.
type reuse struct {
	r   *rankPass
	ref *Schedule
	on  bool // off once the pass's order leaves ref's, or without ref
	k   int  // ref.Order's next entry to match
}

// startReuse prepares a pass with pins to reuse ref, when ref is the last
// complete pass and its pins are the first of pins. The pass's state and
// pin marks (waiting -1) are set.
func (r *rankPass) startReuse(ref *Schedule, pins []pin) *reuse {
	rs := &r.reuse
	*rs = reuse{r: r, ref: ref}
	if ref == nil || ref != r.ref || r.noReuse || r.refPins > len(pins) {
		return rs
	}
	for k, pn := range pins[:r.refPins] {
		if ref.Order[k] != pn.task || ref.Start[pn.task] != pn.start {
			return rs
		}
	}
	if r.dirty.changed == nil {
		r.dirty = newDirtyCells(r.p)
	}
	r.dirty.clear()
	for _, pn := range pins[r.refPins:] {
		r.markTask(pn.task, pn.start, false)
		r.markTask(pn.task, ref.Start[pn.task], true)
	}
	rs.on, rs.k = true, r.refPins
	return rs
}

// markTask marks the cells task i loads when started at start (none when
// start < 0): the pass has its load there and ref has not, or the other
// way round (removed).
func (r *rankPass) markTask(i, start int, removed bool) {
	if start < 0 {
		return
	}
	tk := &r.p.Tasks[i]
	end := start + tk.Duration
	for _, d := range tk.Demand {
		r.dirty.mark(d.Resource, start, end, removed || d.Amount < 0)
	}
	r.dirty.mark(len(r.p.Resources), start, end, removed)
}

// nextRef is the task ref decided next, past the pass's pins; -1 at the end.
func (rs *reuse) nextRef() int {
	order := rs.ref.Order
	for rs.k < len(order) && rs.r.waiting[order[rs.k]] < 0 {
		rs.k++
	}
	if rs.k < len(order) {
		return order[rs.k]
	}
	return -1
}

// decided follows the pass as it decides task i at start (-1: out).
func (rs *reuse) decided(i, start int) {
	if !rs.on {
		return
	}
	if rs.nextRef() != i {
		rs.on = false
		return
	}
	rs.k++
	if old := rs.ref.Start[i]; old != start {
		rs.r.markTask(i, old, true)
		rs.r.markTask(i, start, false)
	}
}

// take is ref's decision for task i released at est, when it cannot
// change: the start (-1: out, with the Blocker) and ok.
func (rs *reuse) take(st *State, i, est int) (start int, b Blocker, ok bool) {
	r := rs.r
	if !rs.on || rs.nextRef() != i || r.refBudget[i] || (st.choiceOf != nil && st.choiceOf[i] >= 0) {
		return 0, Blocker{}, false
	}
	p := r.p
	if refEst, blockedBy := p.releaseTime(rs.ref, i); blockedBy >= 0 || refEst != est {
		return 0, Blocker{}, false
	}
	tk := &p.Tasks[i]
	from, last := max(est, tk.Earliest, 0), p.lastStart(i)
	if from > last {
		return 0, Blocker{}, false // no search to save
	}
	start = rs.ref.Start[i]
	end := last + tk.Duration
	if start >= 0 {
		end = start + tk.Duration
	}
	c := &r.dirty
	changed := false
	check := func(row int) bool {
		base := row * c.words
		if anyBit(c.lower[base:], from, end) {
			return false
		}
		changed = changed || anyBit(c.changed[base:], from, end)
		return true
	}
	for _, d := range tk.Demand {
		if !check(d.Resource) {
			return 0, Blocker{}, false
		}
	}
	if p.MaxParallel > 0 && !check(len(p.Resources)) {
		return 0, Blocker{}, false
	}
	b = rs.ref.Blocked[i]
	switch {
	case start >= 0 && changed:
		// Loads only went up: the starts ref refused are refused still;
		// ref's start must still fit.
		if st.lastClash(i, start) >= 0 {
			return 0, Blocker{}, false
		}
	case start >= 0:
		if !st.budgetFits(i, start) {
			return 0, Blocker{}, false
		}
	case changed:
		// Every start is refused still, maybe first by another clash.
		b, _ = st.violation(i, from)
	}
	r.reused++
	return start, b, true
}

// earliestFitNoting is EarliestFit, also reporting whether a start was
// refused by a budget alone (see reuse).
func (s *State) earliestFitNoting(i, from int) (int, Blocker, bool) {
	tk := &s.p.Tasks[i]
	from = max(from, tk.Earliest, 0)
	last := s.p.lastStart(i)
	if from > last {
		return -1, Blocker{Kind: BlockWindow, Index: -1, From: from, To: tk.Latest}, false
	}
	budgetOnly := false
	if s.otherOption(i) < 0 {
		for start := from; start <= last; {
			t := -1
			for u := start + tk.Duration - 1; u >= start; u-- {
				if s.periodClash(tk, u) {
					t = u
					break
				}
			}
			if t < 0 {
				if s.budgetFits(i, start) {
					return start, Blocker{}, budgetOnly
				}
				budgetOnly, t = true, start
			}
			start = t + 1
		}
	}
	b, _ := s.violation(i, from)
	return -1, b, budgetOnly
}
