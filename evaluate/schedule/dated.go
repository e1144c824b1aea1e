package schedule

import (
	"fmt"
	"math"
)

// Dated budgets. A task may spend below 0 in a budget: a project that
// retires a system frees that system's run cost from its go-live, and its
// run spend is net of it. A window's total would then let a saving late in
// the window pay for spend earlier in it. In a budget some load spends
// below 0 in, spend to date is what counts: at no period of a window may
// the window's spend so far pass its limit. With no spend below 0 the
// largest spend to date of a window is its total, so the rule is the
// window rule; only the budgets with a saving keep spend per period.

// DatedBudgets marks the budgets some task or fixed load spends below 0
// in, where spend to date counts; nil when none does.
func (p *Problem) DatedBudgets() []bool {
	var out []bool
	mark := func(b int) {
		if out == nil {
			out = make([]bool, len(p.Budgets))
		}
		out[b] = true
	}
	scan := func(spend []float64, budget int, shares []BudgetShare) {
		for _, v := range spend {
			if v < 0 {
				if budget >= 0 && len(shares) == 0 {
					mark(budget)
				}
				for _, sh := range shares {
					if sh.Share > 0 {
						mark(sh.Budget)
					}
				}
				return
			}
		}
	}
	for i := range p.Tasks {
		tk := &p.Tasks[i]
		scan(tk.Spend, tk.Budget, tk.Shares)
		scan(tk.Run, -1, tk.RunShares)
	}
	for i := range p.Fixed {
		f := &p.Fixed[i]
		scan(f.Spend, f.Budget, f.Shares)
		scan(f.Run, -1, f.RunShares)
	}
	return out
}

// datedRows is an empty spend row per period for each dated budget, nil
// for the others; nil when no budget is dated.
func (p *Problem) datedRows() [][]float64 {
	marks := p.DatedBudgets()
	if marks == nil {
		return nil
	}
	rows := make([][]float64, len(p.Budgets))
	for b, m := range marks {
		if m {
			rows[b] = make([]float64, p.Horizon)
		}
	}
	return rows
}

// addDated adds sign x a load's spend to the dated budgets' rows: from
// start, dur periods of build spend (by budget or shares), then its run
// spend by runShares; periods outside the horizon are left out.
func addDated(rows [][]float64, start, dur int, spend []float64, budget int, shares []BudgetShare, run []float64, runShares []BudgetShare, sign float64) {
	put := func(b, t int, v float64) {
		if b >= 0 && b < len(rows) && rows[b] != nil && t >= 0 && t < len(rows[b]) {
			rows[b][t] += sign * v
		}
	}
	for k := 0; k < dur && k < len(spend); k++ {
		if len(shares) == 0 {
			put(budget, start+k, spend[k])
		}
		for _, sh := range shares {
			put(sh.Budget, start+k, sh.Share*spend[k])
		}
	}
	for j, v := range run {
		for _, sh := range runShares {
			put(sh.Budget, start+dur+j, sh.Share*v)
		}
	}
}

// datedWindowOver reports whether task tk started at start takes dated
// budget b past the limit of window w: at some period of w the window's
// spend to date, tk's included, is above the limit while tk's own spend
// to date in w is above 0 (a task may not add to an overflow, and one
// that only saves never causes it).
func (s *State) datedWindowOver(tk *Task, b, w, start int) bool {
	bg := &s.p.Budgets[b]
	g := &s.geom[b]
	row := s.dated[b]
	n := tk.spendSpan(start, s.p.Horizon)
	lim := bg.Limit[w] + eps*(1+bg.Limit[w])
	// Two answers without a walk through the window (a long window
	// walked at every start tried was quadratic: review qa17 A1): over
	// when its total is; within when the most the window has spent to
	// date plus all tk spends there (its savings left out) is.
	if k0, k1 := max(g.start[w]-start, 0), min(g.end[w]-start, n); k1 > k0 {
		pr := s.spanPrefix(tk, b, false)
		if sum := pr[k1] - pr[k0]; sum > 0 && s.spent[b][w]+sum > lim {
			return true
		}
		pos := s.spanPrefix(tk, b, true)
		if s.rowPeak(b, w)+pos[k1]-pos[k0] <= lim {
			return false
		}
	}
	cum, own := 0.0, 0.0
	for t := g.start[w]; t < g.end[w]; t++ {
		v := 0.0
		if k := t - start; k >= 0 && k < n {
			v = tk.spendOn(b, k)
		}
		cum += row[t] + v
		own += v
		if own > 0 && cum > lim {
			return true
		}
	}
	return false
}

// datedRoom is windowRoomAll for a dated budget b: each window tk spends
// in keeps its spend to date within its limit, and the steady window has
// room; when not, t is the last period of the first window that overflows.
func (s *State) datedRoom(tk *Task, b, start int) (t int, ok bool) {
	bg := &s.p.Budgets[b]
	g := &s.geom[b]
	n := tk.spendSpan(start, s.p.Horizon)
	for k := 0; k < n; {
		w := bg.Window[start+k]
		if s.datedWindowOver(tk, b, w, start) {
			return g.end[w] - 1, false
		}
		k = g.end[w] - start
	}
	if !s.steadyRoom(tk, b) {
		return s.p.Horizon - 1, false
	}
	return 0, true
}

// budgetRoomDated is budgetRoom for a problem with dated budgets: the
// budgets tk's build and run spend come from, each by its own rule.
func (s *State) budgetRoomDated(tk *Task, start int) (b, t int, ok bool) {
	room := func(b int) (int, bool) {
		switch {
		case s.dated[b] != nil:
			return s.datedRoom(tk, b, start)
		case tk.hasRun():
			return s.windowRoomAll(tk, b, start)
		default:
			return s.windowRoom(tk, b, tk.ShareOf(b), start)
		}
	}
	if len(tk.Shares) == 0 && tk.Budget >= 0 {
		if t, ok := room(tk.Budget); !ok {
			return tk.Budget, t, false
		}
	}
	for _, sh := range tk.Shares {
		if t, ok := room(sh.Budget); !ok {
			return sh.Budget, t, false
		}
	}
	for _, sh := range tk.RunShares {
		if t, ok := room(sh.Budget); !ok {
			return sh.Budget, t, false
		}
	}
	return 0, 0, true
}

// verifyDatedStarts is verifyDated for the tasks placed at start (start
// < 0: out) and the problem's fixed load.
func (p *Problem) verifyDatedStarts(start []int) error {
	rows := p.datedRows()
	if rows == nil {
		return nil
	}
	fixed := p.datedRows()
	for i := range p.Fixed {
		f := &p.Fixed[i]
		addDated(rows, f.Start, f.Duration, f.Spend, f.Budget, f.Shares, f.Run, f.RunShares, 1)
		addDated(fixed, f.Start, f.Duration, f.Spend, f.Budget, f.Shares, f.Run, f.RunShares, 1)
	}
	for i, s := range start {
		if s >= 0 {
			tk := &p.Tasks[i]
			addDated(rows, s, tk.Duration, tk.Spend, tk.Budget, tk.Shares, tk.Run, tk.RunShares, 1)
		}
	}
	return p.verifyDated(rows, fixed)
}

// verifyDated checks, for Verify, each dated budget's spend to date in
// every window against its limit, or against the fixed load's own spend
// to date where that alone passes it. rows and fixed are the spend per
// period with and without the tasks.
func (p *Problem) verifyDated(rows, fixed [][]float64) error {
	for b, row := range rows {
		if row == nil {
			continue
		}
		bg := &p.Budgets[b]
		g := geometryOf(bg, p.Horizon)
		for w := range bg.Limit {
			if g.start[w] < 0 {
				continue
			}
			cum, fx := 0.0, 0.0
			for t := g.start[w]; t < g.end[w]; t++ {
				cum += row[t]
				fx += fixed[b][t]
				if lim := max(bg.Limit[w], fx); cum > lim+1e-6*(1+lim) {
					return fmt.Errorf("budget %s over its limit in window %d by period %d: spend to date %g > %g", bg.ID, w, t, cum, lim)
				}
			}
		}
	}
	return nil
}

// longSpan is the number of periods from which a task's spend per window
// is read off a running sum (spanPrefix) instead of added up anew at each
// start tried: a run cost over a 10,000-period horizon made each start
// cost the whole span, 45 s for 60 projects (review qa17 A1). Shorter
// spans keep the plain sums, so their plans cannot change by rounding.
const longSpan = 64

type prefixKey struct {
	tk  *Task
	b   int
	pos bool
}

// spanPrefix is tk's running spend from budget b over its build and run
// (pos: only what it spends above 0 in a period): element k is the spend
// of its first k periods. Made once per state.
func (s *State) spanPrefix(tk *Task, b int, pos bool) []float64 {
	key := prefixKey{tk, b, pos}
	if pr, ok := s.prefixes[key]; ok {
		return pr
	}
	n := tk.Duration + len(tk.Run)
	pr := make([]float64, n+1)
	for k := range n {
		v := tk.spendOn(b, k)
		if pos {
			v = max(v, 0)
		}
		pr[k+1] = pr[k] + v
	}
	if s.prefixes == nil {
		s.prefixes = map[prefixKey][]float64{}
	}
	s.prefixes[key] = pr
	return pr
}

// windowRoomLong is windowRoom (withRun false: any sum counts) or
// windowRoomAll (withRun: a window tk saves in, or spends nothing in, is
// no overflow of its) over the first n periods of a long span, one
// running-sum difference per window.
func (s *State) windowRoomLong(tk *Task, b, start, n int, withRun bool) (t int, ok bool) {
	bg := &s.p.Budgets[b]
	g := &s.geom[b]
	pr := s.spanPrefix(tk, b, false)
	for k := 0; k < n; {
		w := bg.Window[start+k]
		end := min(g.end[w]-start, n)
		sum := pr[end] - pr[k]
		if (!withRun || sum > 0) && s.spent[b][w]+sum > bg.Limit[w]+eps*(1+bg.Limit[w]) {
			return start + end - 1, false
		}
		k = end
	}
	if withRun && !s.steadyRoom(tk, b) {
		return s.p.Horizon - 1, false
	}
	return 0, true
}

// rowPeak is the most dated budget b's window w has spent to date at any
// of its periods, kept until the next change to b's spend.
func (s *State) rowPeak(b, w int) float64 {
	if s.peaks == nil {
		s.peaks = make([][]float64, len(s.dated))
		s.peakOK = make([][]bool, len(s.dated))
	}
	if s.peaks[b] == nil {
		s.peaks[b] = make([]float64, len(s.p.Budgets[b].Limit))
		s.peakOK[b] = make([]bool, len(s.p.Budgets[b].Limit))
	}
	if !s.peakOK[b][w] {
		g := &s.geom[b]
		cum, peak := 0.0, math.Inf(-1)
		for t := g.start[w]; t < g.end[w]; t++ {
			cum += s.dated[b][t]
			peak = max(peak, cum)
		}
		s.peaks[b][w], s.peakOK[b][w] = peak, true
	}
	return s.peaks[b][w]
}

// datedChanged forgets the window peaks of the dated budgets.
func (s *State) datedChanged() {
	for _, ok := range s.peakOK {
		clear(ok)
	}
}
