package evaluate

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// BudgetsCheckID is the built-in check a budget window overrun by work
// the plan cannot move fails: work in progress, which runs whatever the
// room, and the spend to date of work before the status date. The
// scheduler never overspends, so an overrun can only come from these; the
// check is present only when one does, a warning.
const BudgetsCheckID = "policy.budgets"

// budgetOverrun is one budget window whose spend to date passes its limit.
type budgetOverrun struct {
	budget int // index in e.base.budgets
	window int
	peak   int // the first period where the window's spend to date is highest
	spent  float64
	limit  float64
	// loads are the fixed loads spending in the window up to peak, most
	// first.
	loads []overrunLoad
}

type overrunLoad struct {
	pe    *projectEval
	spent float64
}

// budgetOverruns finds the budget windows whose spend to date in the
// capacity plan passes the limit at some period: the rule the scheduler
// keeps (at every period for a budget a saving is credited to; else the
// window's total, which is then its largest spend to date).
func (e *evaluation) budgetOverruns(plan *Plan) []budgetOverrun {
	var out []budgetOverrun
	for b, bg := range e.base.budgets {
		window, peak, top := -1, -1, 0.0
		flush := func() {
			if window < 0 || peak < 0 {
				return
			}
			lim := bg.Limit[window]
			if top > lim+0.005+1e-9*lim { // amounts are rounded to cents
				out = append(out, budgetOverrun{budget: b, window: window, peak: peak, spent: top, limit: lim})
			}
		}
		for t := range plan.Periods {
			if bg.Window[t] != window {
				flush()
				window, peak, top = bg.Window[t], -1, 0
			}
			if s := plan.Periods[t].Budgets[bg.ID].WindowSpent; peak < 0 || s > top {
				peak, top = t, s
			}
		}
		flush()
	}
	for i := range out {
		out[i].loads = e.overrunLoads(out[i])
	}
	return out
}

// overrunLoads is the spend of work in progress and of the history (the
// spend to date of projects that ran before the status date) in o's
// window up to its peak, by project, most first.
func (e *evaluation) overrunLoads(o budgetOverrun) []overrunLoad {
	bg := &e.base.budgets[o.budget]
	in := func(t int) bool { return t >= 0 && t <= o.peak && t < e.horizon && bg.Window[t] == o.window }
	var loads []overrunLoad
	for _, pe := range e.ranked {
		spent := 0.0
		if start, end, ok := e.ranBefore(pe); ok {
			per := pe.actualCost() / float64(end-start)
			for _, sh := range pe.life.declared.FundingShares() {
				if sh.Budget != bg.ID {
					continue
				}
				for t := max(start, 0); t < end; t++ {
					if in(t) {
						spent += sh.Share * per
					}
				}
			}
		}
		if pe.life.fixed && pe.status == StatusScheduled {
			for _, sh := range pe.cfg.FundingShares() {
				if sh.Budget != bg.ID {
					continue
				}
				for k := range max(pe.cfg.Duration, 1) {
					if k < len(pe.fin.BuildSpend) && in(pe.start+k) {
						spent += sh.Share * pe.fin.BuildSpend[k]
					}
				}
			}
		}
		if pe.life.fixed && pe.status == StatusScheduled || pe.status == StatusDone {
			if live, ok := e.goLiveFrom(pe, pe.start, pe.status == StatusScheduled); ok {
				run, shares, _ := e.runSpend(pe, live)
				for j, v := range run {
					for _, sh := range shares {
						if sh.Budget == o.budget && in(live+j) {
							spent += sh.Share * v
						}
					}
				}
			}
		}
		if spent > 0.005 {
			loads = append(loads, overrunLoad{pe: pe, spent: spent})
		}
	}
	slices.SortStableFunc(loads, func(a, b overrunLoad) int { return cmp.Compare(b.spent, a.spent) })
	return loads
}

// overrunText is "budget capex 2027: EUR 130,000 of 100,000 (+30,000
// over), from work in progress late_work"; a budget a saving is credited
// to says when: "by 2027-Q3".
func (e *evaluation) overrunText(o budgetOverrun) string {
	text := "budget " + e.overrunAmounts(o)
	if from := loadsText(o.loads); from != "" {
		text += ", from " + from
	}
	return text
}

// overrunAmounts is "capex 2027: EUR 130,000 of 100,000 (+30,000 over)".
func (e *evaluation) overrunAmounts(o budgetOverrun) string {
	bg := &e.base.budgets[o.budget]
	text := fmt.Sprintf("%s %s: %s of %s (+%s over)", bg.ID, bg.Labels[o.window],
		formatMoney(o.spent, e.roadmap.Currency), formatNumber(o.limit, 2), formatNumber(o.spent-o.limit, 2))
	if last := o.peak + 1; last < e.horizon && bg.Window[last] == o.window {
		text += " by " + e.label(o.peak)
	}
	return text
}

// loadsText names the loads by what they are: "work in progress a and b,
// done c".
func loadsText(loads []overrunLoad) string {
	byKind := map[string][]string{}
	var kinds []string
	for _, l := range loads {
		kind := "work in progress"
		if !(l.pe.life.fixed && l.pe.status == StatusScheduled) {
			kind = l.pe.life.lifecycle.Words()
			if l.pe.life.lifecycle == hclspec.InProgress {
				kind = "work in progress"
			}
		}
		if _, seen := byKind[kind]; !seen {
			kinds = append(kinds, kind)
		}
		byKind[kind] = append(byKind[kind], l.pe.cfg.ID)
	}
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		ids := byKind[k]
		if len(ids) > maxListedFailures {
			ids = append(ids[:maxListedFailures:maxListedFailures], fmt.Sprintf("%d more", len(ids)-maxListedFailures))
		}
		parts[i] = k + " " + joinAnd(ids)
	}
	return strings.Join(parts, ", ")
}

// warnBudgetOverruns adds to plan the check BudgetsCheckID when a budget
// window is overrun, at the first such budget's amount, and a warning to
// each project responsible, as a missed deadline of committed work is
// warned on the project and in policy.deadlines.
func (e *evaluation) warnBudgetOverruns(plan *Plan) []CheckResult {
	overruns := e.budgetOverruns(plan)
	if len(overruns) == 0 {
		return nil
	}
	index := make(map[string]int, len(plan.Projects))
	for i := range plan.Projects {
		index[plan.Projects[i].ID] = i
	}
	res := CheckResult{ID: BudgetsCheckID, Severity: SeverityWarning, Passed: false}
	var lines []string
	for _, o := range overruns {
		text := e.overrunText(o)
		lines = append(lines, text)
		decl := e.budgetDecl(o.budget)
		if res.Range == nil && decl != nil {
			res.Range = sourceRange(decl.Ranges.Range("amount", decl.DeclRange))
		}
		for _, l := range o.loads {
			i, ok := index[l.pe.cfg.ID]
			if !ok {
				continue
			}
			pp := &plan.Projects[i]
			msg := fmt.Sprintf("budget %s, overrun by work the plan cannot move; %s of it is this project's (check %s)",
				e.overrunAmounts(o), formatMoney(l.spent, e.roadmap.Currency), BudgetsCheckID)
			rng := l.pe.life.declared.DeclRange
			if pr := l.pe.life.declared.Progress; pr != nil {
				rng = l.pe.life.declared.Ranges.Range("progress.spent", pr.DeclRange)
			}
			pp.Findings = append(pp.Findings, Finding{Gate: GateSchedule, Severity: SeverityWarning, Message: clipFinding(msg), Range: sourceRange(rng)})
			plan.Totals.Warnings++
		}
	}
	res.Message = joinFailures(lines)
	return []CheckResult{res}
}

// budgetDecl is the declaration of budget b, nil when none (a budget made
// in code).
func (e *evaluation) budgetDecl(b int) *hclspec.Budget {
	id := e.base.budgets[b].ID
	for _, d := range e.cfg.Budgets {
		if d.ID == id {
			return d
		}
	}
	return nil
}
