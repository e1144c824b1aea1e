package diff

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// Cause is what the diff blames for a project that leaves the schedule or
// starts later: one of the constraints in the project's schedule notes
// (its kind and id are the note's) that binds now where it did not, with
// the input change behind it when the two plans show one (a team's
// capacity, a budget's amount, max_parallel, the project's own effort,
// spend, duration, deadline or earliest start, a dependency's end), and
// the projects that hold it now but did not before.
type Cause struct {
	Kind    string   `json:"kind"`
	ID      string   `json:"id"`
	Input   *Change  `json:"input"`   // null when no input of the two plans changed
	HeldBy  []string `json:"held_by"` // holders new since the base: added, moved or newly scheduled
	Message string   `json:"message"`
}

// causer compares the two plans for one diff.
type causer struct {
	before, after     *evaluate.Plan
	bByID, aByID      map[string]*evaluate.ProjectPlan
	bPeriod, aPeriod  map[string]int // period label -> index
	bTeams, aTeams    map[string]evaluate.TeamInfo
	bBudgets, aBudget map[string]evaluate.BudgetInfo
}

func newCauser(before, after *evaluate.Plan, bByID, aByID map[string]*evaluate.ProjectPlan) *causer {
	c := &causer{before: before, after: after, bByID: bByID, aByID: aByID,
		bPeriod: map[string]int{}, aPeriod: map[string]int{},
		bTeams: map[string]evaluate.TeamInfo{}, aTeams: map[string]evaluate.TeamInfo{},
		bBudgets: map[string]evaluate.BudgetInfo{}, aBudget: map[string]evaluate.BudgetInfo{}}
	// By position: a saved plan's indices are not trusted to index.
	for i, p := range before.Periods {
		c.bPeriod[p.Label] = i
	}
	for i, p := range after.Periods {
		c.aPeriod[p.Label] = i
	}
	for _, t := range before.Teams {
		c.bTeams[t.ID] = t
	}
	for _, t := range after.Teams {
		c.aTeams[t.ID] = t
	}
	for _, b := range before.Budgets {
		c.bBudgets[b.ID] = b
	}
	for _, b := range after.Budgets {
		c.aBudget[b.ID] = b
	}
	return c
}

// startsLater reports whether a starts after b (both scheduled), by the
// after plan's period order, or by label when a label is not in it.
func (c *causer) startsLater(b, a *evaluate.ProjectPlan) bool {
	if a.Start == nil || b.Start == nil {
		return false
	}
	ia, okA := c.aPeriod[*a.Start]
	ib, okB := c.aPeriod[*b.Start]
	if okA && okB {
		return ia > ib
	}
	return len(*a.Start) == len(*b.Start) && *a.Start > *b.Start
}

// causes explains why project a (b in the base) left the schedule or
// starts later: for each of its notes, the input change and the new
// holders behind it. Constraints with an input change come first; notes
// where nothing changed are left out, so a team that was as busy before
// is not blamed for a budget cut.
func (c *causer) causes(b, a *evaluate.ProjectPlan) []Cause {
	deferred := a.Status == evaluate.StatusDeferred && b.Status == evaluate.StatusScheduled
	later := a.Status == evaluate.StatusScheduled && b.Status == evaluate.StatusScheduled && c.startsLater(b, a)
	if !deferred && !later {
		return []Cause{}
	}
	var withInput, holdersOnly []Cause
	seen := map[string]bool{}
	for _, n := range a.Notes {
		cause, ok := c.noteCause(b, a, n)
		key := cause.Kind + "/" + cause.ID + "/" + cause.Message
		if !ok || seen[key] {
			continue
		}
		seen[key] = true
		if cause.Input != nil {
			withInput = append(withInput, cause)
		} else {
			holdersOnly = append(holdersOnly, cause)
		}
	}
	out := append(withInput, holdersOnly...)
	if out == nil {
		return []Cause{}
	}
	return out
}

// noteCause is the cause one note of a gives, and whether it has one.
func (c *causer) noteCause(b, a *evaluate.ProjectPlan, n evaluate.Note) (Cause, bool) {
	cause := Cause{Kind: n.Kind, ID: n.ID, HeldBy: []string{}}
	where := c.labels(n.Periods)
	runs := runsText(n.Periods)
	switch n.Kind {
	case evaluate.NoteTeam, evaluate.NoteHeadroom:
		team := fmt.Sprintf("team %q", n.ID)
		room := fmt.Sprintf("no room for %s FTE in %s", num(a.Effort[n.ID]), runs)
		switch bt, at := c.bTeams[n.ID], c.aTeams[n.ID]; {
		case bt.ID != "" && at.Capacity < bt.Capacity:
			cause.Input = &Change{Field: "teams." + n.ID + ".capacity", Before: bt.Capacity, After: at.Capacity}
			cause.Message = fmt.Sprintf("%s was cut from %s to %s FTE: %s", team, num(bt.Capacity), num(at.Capacity), room)
		case a.Effort[n.ID] > b.Effort[n.ID]:
			cause.Input = &Change{Field: "effort." + n.ID, Before: b.Effort[n.ID], After: a.Effort[n.ID]}
			cause.Message = fmt.Sprintf("it needs %s FTE of %s instead of %s: %s", num(a.Effort[n.ID]), team, num(b.Effort[n.ID]), room)
		default:
			if label, bc, ac, ok := c.capacityCut(n.ID, where); ok {
				cause.Input = &Change{Field: "teams." + n.ID + ".capacity " + label, Before: bc, After: ac}
				cause.Message = fmt.Sprintf("%s has %s FTE in %s instead of %s: %s", team, num(ac), label, num(bc), room)
			}
		}
		cause.HeldBy = c.newHolders(n, where, func(p *evaluate.ProjectPlan) bool { return p.Effort[n.ID] > 0 })
		cause.Message = c.withHolders(cause, team+" has "+room, "holds it", "hold it")
		if n.Kind == evaluate.NoteHeadroom && cause.Message != "" {
			cause.Message += " under its headroom limit"
		}
	case evaluate.NoteBudget:
		budget := fmt.Sprintf("budget %q", n.ID)
		room := "no room in " + windowsText(n.Windows)
		bb, ab := c.bBudgets[n.ID], c.aBudget[n.ID]
		bSpend, aSpend := buildSpend(b)*share(b, n.ID), buildSpend(a)*share(a, n.ID)
		switch {
		case bb.ID != "" && ab.Amount < bb.Amount:
			cause.Input = &Change{Field: "budgets." + n.ID + ".amount", Before: bb.Amount, After: ab.Amount}
			per := map[string]string{"year": " a year", "period": " a period"}[ab.Per]
			cause.Message = fmt.Sprintf("%s was cut from %s to %s%s: %s", budget, c.money(bb.Amount), c.money(ab.Amount), per, room)
		case share(b, n.ID) == 0:
			cause.Input = &Change{Field: "funding", Before: fundingText(b), After: fundingText(a)}
			cause.Message = fmt.Sprintf("it is now funded by %s, which has %s", budget, room)
		case aSpend > bSpend*(1+1e-9)+1e-9:
			cause.Input = &Change{Field: "build_spend." + n.ID, Before: bSpend, After: aSpend}
			cause.Message = fmt.Sprintf("its build spend on %s grew from %s to %s: %s", budget, c.money(bSpend), c.money(aSpend), room)
		}
		cause.HeldBy = c.newHolders(n, where, func(p *evaluate.ProjectPlan) bool { return share(p, n.ID) > 0 })
		cause.Message = c.withHolders(cause, budget+" has "+room, "spends there", "spend there")
	case evaluate.NoteMaxParallel:
		if bm, am := c.before.Roadmap.MaxParallel, c.after.Roadmap.MaxParallel; am > 0 && (bm == 0 || am < bm) {
			cause.Input = &Change{Field: "max_parallel", Before: bm, After: am}
			cause.Message = fmt.Sprintf("max_parallel was lowered from %s to %d: reached in %s", maxParallelText(bm), am, runs)
		}
		cause.HeldBy = c.newHolders(n, where, func(*evaluate.ProjectPlan) bool { return true })
		cause.Message = c.withHolders(cause, fmt.Sprintf("max_parallel %d is reached in %s", c.after.Roadmap.MaxParallel, runs), "runs there", "run there")
	case evaluate.NoteDependency:
		dep := c.aByID[n.ID]
		db := c.bByID[n.ID]
		if dep == nil || db == nil {
			break
		}
		switch {
		case dep.Status != evaluate.StatusScheduled && db.Status == evaluate.StatusScheduled:
			cause.Input = &Change{Field: "projects." + n.ID + ".status", Before: db.Status, After: dep.Status}
			cause.Message = fmt.Sprintf("it depends on %s, which is now %s", n.ID, dep.Status)
		case dep.End != nil && db.End != nil && *dep.End != *db.End && c.endsLater(db, dep):
			cause.Input = &Change{Field: "projects." + n.ID + ".end", Before: *db.End, After: *dep.End}
			cause.Message = fmt.Sprintf("starts after %s, which now ends %s instead of %s", n.ID, *dep.End, *db.End)
		}
	case evaluate.NoteDeadline:
		if !sameLabel(b.Deadline, a.Deadline) {
			cause.Input = &Change{Field: "deadline", Before: deref(b.Deadline), After: deref(a.Deadline)}
			cause.Message = fmt.Sprintf("its deadline moved from %s to %s", labelText(b.Deadline), labelText(a.Deadline))
		} else if a.Duration > b.Duration {
			cause.Input = &Change{Field: "duration", Before: b.Duration, After: a.Duration}
			cause.Message = fmt.Sprintf("its duration grew from %d to %d periods: %s", b.Duration, a.Duration, n.Message)
		}
	case evaluate.NoteEarliestStart:
		if !sameLabel(b.EarliestStart, a.EarliestStart) {
			cause.Input = &Change{Field: "earliest_start", Before: deref(b.EarliestStart), After: deref(a.EarliestStart)}
			cause.Message = fmt.Sprintf("its earliest_start moved from %s to %s", labelText(b.EarliestStart), labelText(a.EarliestStart))
		}
	case evaluate.NoteHorizon:
		if bh, ah := c.before.Roadmap.Horizon, c.after.Roadmap.Horizon; ah < bh {
			cause.Input = &Change{Field: "horizon", Before: bh, After: ah}
			cause.Message = fmt.Sprintf("the horizon shrank from %d to %d periods: %s", bh, ah, n.Message)
		} else if a.Duration > b.Duration {
			cause.Input = &Change{Field: "duration", Before: b.Duration, After: a.Duration}
			cause.Message = fmt.Sprintf("its duration grew from %d to %d periods: %s", b.Duration, a.Duration, n.Message)
		}
	case evaluate.NotePriority:
		// A deadline project that now goes first: new to the plan, or with
		// a deadline that moved.
		d, db := c.aByID[n.ID], c.bByID[n.ID]
		if d == nil {
			break // no such project (a plan saved by hand)
		}
		switch {
		case db == nil:
			cause.HeldBy = []string{n.ID}
			cause.Message = fmt.Sprintf("%s (added) goes first to meet its deadline %s", n.ID, labelText(d.Deadline))
		case d != nil && !sameLabel(db.Deadline, d.Deadline):
			cause.Input = &Change{Field: "projects." + n.ID + ".deadline", Before: deref(db.Deadline), After: deref(d.Deadline)}
			cause.Message = fmt.Sprintf("%s goes first to meet its deadline, now %s instead of %s", n.ID, labelText(d.Deadline), labelText(db.Deadline))
		}
	}
	return cause, cause.Message != ""
}

// labels are the period labels a note's runs cover.
func (c *causer) labels(ranges []evaluate.PeriodRange) []string {
	var out []string
	for _, r := range ranges {
		for t := max(r.StartPeriod, 0); t < r.EndPeriod && t < len(c.after.Periods); t++ {
			out = append(out, c.after.Periods[t].Label)
		}
	}
	return out
}

// capacityCut finds a period among labels where the team has less
// capacity than in the base (a capacity_by_period change).
func (c *causer) capacityCut(team string, labels []string) (label string, before, after float64, ok bool) {
	for _, l := range labels {
		bi, okB := c.bPeriod[l]
		ai, okA := c.aPeriod[l]
		if !okB || !okA {
			continue
		}
		bl, okB := c.before.Periods[bi].Teams[team]
		al, okA := c.after.Periods[ai].Teams[team]
		if okB && okA && al.Capacity < bl.Capacity-1e-9 {
			return l, bl.Capacity, al.Capacity, true
		}
	}
	return "", 0, 0, false
}

// newHolders are the note's holders that did not hold the same thing in
// any of those periods in the base: added projects, projects newly
// scheduled or moved there, or that use it now (uses says whether a base
// project uses the team, budget or slot).
func (c *causer) newHolders(n evaluate.Note, labels []string, uses func(*evaluate.ProjectPlan) bool) []string {
	out := []string{}
	if len(n.HeldBy) == 0 {
		return out
	}
	runs := c.baseRuns(labels)
	for _, h := range n.HeldBy {
		b := c.bByID[h]
		if b == nil || b.Status != evaluate.StatusScheduled || !uses(b) || !runsIn(b, runs) {
			out = append(out, h)
		}
	}
	return out
}

// baseRuns are the base plan's period indices of labels, as runs [start, end).
func (c *causer) baseRuns(labels []string) [][2]int {
	var runs [][2]int
	for _, l := range labels {
		i, ok := c.bPeriod[l]
		if !ok {
			continue
		}
		if n := len(runs); n > 0 && runs[n-1][1] == i {
			runs[n-1][1]++
		} else {
			runs = append(runs, [2]int{i, i + 1})
		}
	}
	return runs
}

// runsIn reports whether base project b runs in one of the runs.
func runsIn(b *evaluate.ProjectPlan, runs [][2]int) bool {
	if b.StartPeriod == nil || b.EndPeriod == nil {
		return false
	}
	for _, r := range runs {
		if *b.StartPeriod < r[1] && r[0] < *b.EndPeriod {
			return true
		}
	}
	return false
}

func (c *causer) endsLater(b, a *evaluate.ProjectPlan) bool {
	ia, okA := c.aPeriod[*a.End]
	ib, okB := c.aPeriod[*b.End]
	if okA && okB {
		return ia > ib
	}
	return len(*a.End) == len(*b.End) && *a.End > *b.End
}

// withHolders words a cause with the projects that hold the constraint
// now and did not before: after the input change when there is one
// ("...; "a" (added) now holds it"), else after what has no room.
func (c *causer) withHolders(cause Cause, room, one, many string) string {
	if len(cause.HeldBy) == 0 {
		return cause.Message
	}
	verb := many
	if len(cause.HeldBy) == 1 {
		verb = one
	}
	who := c.holdersText(cause.HeldBy) + " now " + verb
	if cause.Input != nil {
		return cause.Message + "; " + who
	}
	return room + ": " + who
}

// holdersText is `"mobile_app" (added)` or `"a", "b" and "c"`.
func (c *causer) holdersText(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = strconv.Quote(id)
		if c.bByID[id] == nil {
			names[i] += " (added)"
		}
	}
	const listed = 3
	if len(names) > listed {
		return strings.Join(names[:listed], ", ") + fmt.Sprintf(" and %d more", len(names)-listed)
	}
	return joinAnd(names)
}

// runsText names a note's runs of periods: "2027-Q1..2027-Q3, 2028-Q1",
// at most three, then how many more.
func runsText(ranges []evaluate.PeriodRange) string {
	const listed = 3
	var parts []string
	for _, r := range ranges[:min(len(ranges), listed)] {
		part := r.Start
		if r.End != r.Start {
			part += ".." + r.End
		}
		parts = append(parts, part)
	}
	text := strings.Join(parts, ", ")
	if len(ranges) > listed {
		n := len(ranges) - listed
		text += fmt.Sprintf(" and %d more %s", n, plural(n, "run", "runs"))
	}
	if text == "" {
		return "its periods"
	}
	return text
}

// windowsText names budget windows: "2027", "2027 and 2028", or the
// first three and how many more.
func windowsText(labels []string) string {
	const listed = 3
	if len(labels) > listed {
		return strings.Join(labels[:listed], ", ") + fmt.Sprintf(" and %d more windows", len(labels)-listed)
	}
	if len(labels) == 0 {
		return "its windows"
	}
	return joinAnd(labels)
}

// money is "EUR 1,200,000" in the after plan's currency.
func (c *causer) money(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	s = strings.TrimSuffix(s, ".00")
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	if cur := c.after.Roadmap.Currency; cur != "" {
		return cur + " " + out
	}
	return out
}

// buildSpend is a project's spend over its build periods, from its cash
// flows (no benefit accrues while it is built).
func buildSpend(p *evaluate.ProjectPlan) float64 {
	s := 0.0
	for k := 0; k < p.Duration && k < len(p.CashFlows); k++ {
		s += max(0, -p.CashFlows[k])
	}
	return s
}

// share is the share of p's build spend budget id pays.
func share(p *evaluate.ProjectPlan, id string) float64 {
	if p.FundingShares != nil {
		if s, ok := p.FundingShares[id]; ok {
			return s
		}
		if len(p.FundingShares) > 0 {
			return 0
		}
	}
	if p.Funding == id {
		return 1
	}
	return 0
}

func fundingText(p *evaluate.ProjectPlan) string {
	if len(p.FundingShares) > 1 {
		var parts []string
		for _, id := range slices.Sorted(maps.Keys(p.FundingShares)) {
			parts = append(parts, fmt.Sprintf("%s %s%%", id, num(100*p.FundingShares[id])))
		}
		return strings.Join(parts, ", ")
	}
	return p.Funding
}

func maxParallelText(n int) string {
	if n == 0 {
		return "no limit"
	}
	return strconv.Itoa(n)
}

func labelText(s *string) string {
	if s == nil {
		return "none"
	}
	return *s
}

// num prints a number without trailing zeros.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
