package schedule

import (
	"context"
	"slices"
)

// Freed is a task placed by RankOrder's second pass (retryFreed). When
// Budget >= 0, the room it needed in that budget is there because of the
// credits of By (placed tasks whose run spend there is below 0: the run
// cost of what they retire stops at their go-live), which came after
// its turn: without any one of them (or, when no one alone decides it,
// without all of them) it would not fit where it starts. When Budget is
// -1, After is a task the second pass placed first that it needs or
// runs together with (-1 when neither explains it).
type Freed struct {
	Task   int
	Budget int
	By     []int
	After  int
}

// hasCredit reports whether tk frees room in a budget from its go-live:
// run spend below 0 in some period or a year once live.
func (tk *Task) hasCredit() bool {
	if tk.RunYear < 0 {
		return true
	}
	for _, v := range tk.Run {
		if v < 0 {
			return true
		}
	}
	return false
}

// maxFreedPasses bounds the second passes retryFreed runs: each one after
// the first places a task with a credit the one before did not.
const maxFreedPasses = 8

// retryFreed is rank order's second pass. The first decides each task at
// its turn, on top of the tasks ranked above it; a task ranked below that
// carries a credit frees room in its run budget only at its own turn, too
// late for the tasks deferred before it. So when a placed task carries a
// credit and a task is out, every task out is tried again, in rank order,
// against the whole schedule (every placed task keeps its start): a pass
// with the placed tasks pinned, in their order. A task the second pass
// places with a credit of its own may make room for one it tried before:
// the pass runs again (at most maxFreedPasses times, and while work is
// left). The tasks still out are then left out by the second pass, on
// top of the whole schedule, even when it places none: their reasons
// count every credit (Schedule.Retried). Plans without a credit are left
// as they are.
// moved marks the tasks the deadline rule moved (they keep their starts).
func (r *rankPass) retryFreed(ctx context.Context, sch *Schedule, work int, moved []bool) (*Schedule, error) {
	p := r.p
	first := sch
	for pass := 0; pass < maxFreedPasses && (pass == 0 || r.work < work); pass++ {
		credit, out := false, false
		for i, s := range sch.Start {
			credit = credit || s >= 0 && p.Tasks[i].hasCredit()
			out = out || s < 0
		}
		if !credit || !out {
			break
		}
		pins := make([]pin, 0, len(p.Tasks))
		pinned := make([]bool, len(p.Tasks))
		for _, i := range append(slices.Clone(sch.Order), identity(len(p.Tasks))...) {
			if sch.Start[i] >= 0 && !pinned[i] {
				pinned[i] = true
				pins = append(pins, pin{i, sch.Start[i]})
			}
		}
		next, _, err := r.run(ctx, pins, nil)
		if err != nil {
			return nil, err
		}
		placed, newCredit := false, false
		for i, s := range next.Start {
			if s >= 0 && sch.Start[i] < 0 {
				placed = true
				newCredit = newCredit || p.Tasks[i].hasCredit()
			}
		}
		if !placed && pass > 0 {
			break
		}
		// The pulls of the tasks pinned stay true; the pass's own trials
		// and groups left out replace the earlier ones, which it tried
		// again.
		var pulled []Pull
		for _, pl := range sch.Pulled {
			if next.Start[pl.Task] >= 0 {
				pulled = append(pulled, pl)
			}
		}
		next.Pulled = append(pulled, next.Pulled...)
		var late []Late
		for _, l := range sch.Late {
			if next.Start[l.Task] >= 0 {
				late = append(late, l)
			}
		}
		next.Late = append(late, next.Late...)
		keepChoiceLoss(first, next)
		next.Retried = true
		sch = next
		if !newCredit {
			break
		}
	}
	if sch.Retried {
		var err error
		if sch, err = r.displaceForLeads(ctx, first, sch, work, moved); err != nil {
			return nil, err
		}
		sch.Freed = freedBy(p, first, sch)
	}
	return sch, nil
}

// displaceForLeads: a lead task (mandatory, committed or forced in) the
// second pass still leaves out may take the room of placed tasks ranked
// below it that need not run: those that are not lead tasks, carry no
// credit, were not moved by the deadline rule and neither run with
// (together) nor come before (depends_on) a task that stays. They are
// decided again in rank order after it, with every other placed task
// pinned; the pass is kept only when it places the lead task. Without it,
// an optional task ranked below took the room a lead task's credit opened
// only after its turn (review qa18 Q1).
func (r *rankPass) displaceForLeads(ctx context.Context, first, sch *Schedule, work int, moved []bool) (*Schedule, error) {
	p := r.p
	for m := range p.Tasks {
		if !p.Tasks[m].Lead || sch.Start[m] >= 0 || r.work >= work {
			continue
		}
		stay := make([]bool, len(p.Tasks))
		loose := false
		for i, s := range sch.Start {
			if s < 0 {
				continue
			}
			tk := &p.Tasks[i]
			stay[i] = i < m || tk.Lead || tk.hasCredit() || moved[i]
			loose = loose || !stay[i]
		}
		if !loose {
			continue
		}
		for changed := true; changed; {
			changed = false
			for i, s := range sch.Start {
				if s < 0 || !stay[i] {
					continue
				}
				for _, q := range p.Tasks[i].Preds {
					if sch.Start[q] >= 0 && !stay[q] {
						stay[q], changed = true, true
					}
				}
				for _, g := range p.Together {
					if !slices.Contains(g, i) {
						continue
					}
					for _, q := range g {
						if sch.Start[q] >= 0 && !stay[q] {
							stay[q], changed = true, true
						}
					}
				}
			}
		}
		var pins []pin
		for _, i := range sch.Order {
			if sch.Start[i] >= 0 && stay[i] {
				pins = append(pins, pin{i, sch.Start[i]})
			}
		}
		if len(pins) == len(slices.DeleteFunc(slices.Clone(sch.Start), func(s int) bool { return s < 0 })) {
			continue
		}
		next, _, err := r.run(ctx, pins, nil)
		if err != nil {
			return nil, err
		}
		if next.Start[m] < 0 {
			continue
		}
		var pulled []Pull
		for _, pl := range sch.Pulled {
			if next.Start[pl.Task] >= 0 && stay[pl.Task] {
				pulled = append(pulled, pl)
			}
		}
		next.Pulled = append(pulled, next.Pulled...)
		keepChoiceLoss(first, next)
		next.Retried = true
		sch = next
		r.displaced++
	}
	return sch, nil
}

// keepChoiceLoss keeps, for an option rank order's first pass left out
// before its choice took another option (it did not fit when tried first),
// the first pass's blocker and trial: the second pass, with the other
// option pinned, finds only the choice in its way, and the reason it lost
// was gone (review qa17 D11: the best-ranked option read "dropped: option
// p3 chosen").
func keepChoiceLoss(first, next *Schedule) {
	for i, s := range next.Start {
		if s >= 0 || first.Start[i] >= 0 || next.Blocked[i].Kind != BlockChoice || first.Blocked[i].Kind == BlockChoice {
			continue
		}
		next.Blocked[i] = first.Blocked[i]
		next.Kept, next.First = append(next.Kept, i), first
		for _, tr := range first.Trials {
			if tr.Option == i && !slices.ContainsFunc(next.Trials, func(t Trial) bool { return t.Option == i }) {
				next.Trials = append(next.Trials, tr)
			}
		}
	}
}

// keptLosses explains the options keepChoiceLoss kept (Schedule.Kept)
// as rank order's first pass decided them: replaying it, on top of the
// tasks it had placed then (review qa17 D11: replayed on the final
// schedule, they read "option "p3" chosen"). nil when none.
func keptLosses(ctx context.Context, p *Problem, sch *Schedule) (map[int]Explanation, error) {
	first := sch.First
	if first == nil || len(sch.Kept) == 0 {
		return nil, nil
	}
	want := map[int]bool{}
	for _, i := range sch.Kept {
		want[i] = sch.Start[i] < 0 && first.Start[i] < 0
	}
	trials := map[int]*Trial{}
	for k := range first.Trials {
		trials[first.Trials[k].Option] = &first.Trials[k]
	}
	apart := map[int]*GroupMiss{}
	for k := range first.Apart {
		apart[first.Apart[k].Group] = &first.Apart[k]
	}
	x := newExplainer(p, first)
	out := make(map[int]Explanation, len(want))
	for k, i := range x.order {
		if k%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if want[i] {
			if tr, ok := trials[i]; ok {
				out[i] = Explanation{Release: -1, First: 0, Last: -1, Trial: x.explainTrial(tr.Miss, tr.Turn)}
			} else {
				ex := x.explain(i)
				if bl := first.Blocked[i]; bl.Kind == BlockTogether && apart[bl.Index] != nil {
					ex.Trial = x.explainTrial(*apart[bl.Index], -1)
				}
				out[i] = ex
			}
			want[i] = false
		}
		if s := first.Start[i]; s >= 0 {
			x.st.Place(i, s)
			x.placed[i] = true
		}
	}
	return out, nil
}

// maxCreditTrials bounds the credits freedBy takes away one at a time for
// one task; beyond it, they are taken away all together only.
const maxCreditTrials = 32

// freedBy says, for each task placed in final but not in first, where
// its room came from (Freed), in final's decision order.
func freedBy(p *Problem, first, final *Schedule) []Freed {
	n := len(p.Tasks)
	turn := make([]int, n) // each task's position in first's order; n when never decided
	for i := range turn {
		turn[i] = n
	}
	for k, i := range first.Order {
		turn[i] = min(turn[i], k)
	}
	// A copy of the problem with, for each placed task with a credit, a
	// twin without its run spend: swapping the twin in takes the credit
	// away and keeps everything else.
	q := *p
	q.Tasks = slices.Clone(p.Tasks)
	twin := map[int]int{}
	var credits []int
	for i, s := range final.Start {
		if s >= 0 && p.Tasks[i].hasCredit() {
			tk := p.Tasks[i]
			tk.Run, tk.RunShares, tk.RunYear, tk.Preds = nil, nil, 0, nil
			twin[i] = len(q.Tasks)
			q.Tasks = append(q.Tasks, tk)
			credits = append(credits, i)
		}
	}
	st := NewState(&q)
	for i, s := range final.Start {
		if s >= 0 {
			st.Place(i, s)
		}
	}
	swap := func(cs []int, off bool) {
		for _, c := range cs {
			if off {
				st.Remove(c, final.Start[c])
				st.Place(twin[c], final.Start[c])
			} else {
				st.Remove(twin[c], final.Start[c])
				st.Place(c, final.Start[c])
			}
		}
	}
	var out []Freed
	for _, i := range final.Order {
		s := final.Start[i]
		if s < 0 || first.Start[i] >= 0 {
			continue
		}
		f := Freed{Task: i, Budget: -1, After: -1}
		budgets := p.Tasks[i].budgets()
		var cands []int // credits that came after i's turn, in a budget i draws on
		for _, c := range credits {
			if c == i || first.Start[c] >= 0 && turn[c] < turn[i] {
				continue
			}
			if slices.ContainsFunc(p.Tasks[c].RunShares, func(sh BudgetShare) bool { return slices.Contains(budgets, sh.Budget) }) {
				cands = append(cands, c)
			}
		}
		st.Remove(i, s)
		budgetOut := func() int {
			if b, ok := st.violation(i, s); !ok && b.Kind == BlockBudget {
				return b.Index
			}
			return -1
		}
		for _, c := range cands[:min(len(cands), maxCreditTrials)] {
			swap([]int{c}, true)
			if b := budgetOut(); b >= 0 && (f.Budget < 0 || b == f.Budget) {
				f.Budget = b
				f.By = append(f.By, c)
			}
			swap([]int{c}, false)
		}
		if f.Budget < 0 && len(cands) > 0 {
			swap(cands, true)
			if b := budgetOut(); b >= 0 {
				f.Budget = b
				for _, c := range cands {
					if slices.ContainsFunc(p.Tasks[c].RunShares, func(sh BudgetShare) bool { return sh.Budget == b }) {
						f.By = append(f.By, c)
					}
				}
			}
			swap(cands, false)
		}
		st.Place(i, s)
		if f.Budget < 0 {
			f.After = secondPassNeed(p, first, final, i)
		}
		out = append(out, f)
	}
	return out
}

// secondPassNeed is a task placed in final but not in first that task i
// needs (a predecessor) or runs together with, the first such in rank
// order; -1 when none.
func secondPassNeed(p *Problem, first, final *Schedule, i int) int {
	late := func(j int) bool { return j != i && final.Start[j] >= 0 && first.Start[j] < 0 }
	best := -1
	for _, q := range p.Tasks[i].Preds {
		if late(q) && (best < 0 || q < best) {
			best = q
		}
	}
	if best >= 0 {
		return best
	}
	for _, g := range p.Together {
		if slices.Contains(g, i) {
			for _, j := range g {
				if late(j) {
					return j
				}
			}
		}
	}
	return -1
}
