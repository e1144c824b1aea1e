package evaluate

import (
	"slices"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// RunRate is the recurring cost the roadmap adds: every scheduled (and
// done) project's run cost a year from go-live, cost.per_year plus its
// vendor's annual fee, split by the opex budget paying it (run_funding),
// less the run cost of the systems those projects retire (replaces).
// The figures are full-year rates once everything is live, whatever the
// horizon; years[] is what each budget year of the horizon actually pays.
// Both sides run from go-live to the end of the horizon: a live project's
// run cost, like a retired system's saving, does not stop when the
// business case's benefit.years end.
type RunRate struct {
	AddedPerYear   float64          `json:"added_per_year"`
	RetiredPerYear float64          `json:"retired_per_year"`
	NetPerYear     float64          `json:"net_per_year"`
	Budgets        []RunRateBudget  `json:"budgets"`
	Projects       []RunRateProject `json:"projects"`
	Systems        []RunRateSystem  `json:"systems"`
	Years          []RunRateYear    `json:"years"`
}

// RunRateBudget is the run cost a year one budget pays; Budget "" is the
// run cost no opex budget pays (a roadmap without one).
type RunRateBudget struct {
	Budget  string  `json:"budget"`
	PerYear float64 `json:"per_year"`
}

// RunRateProject is one project's run cost a year from its go-live.
type RunRateProject struct {
	ID           string  `json:"id"`
	Status       string  `json:"status"` // scheduled or done
	Budget       string  `json:"budget"` // "" when no opex budget pays
	PerYear      float64 `json:"per_year"`
	GoLive       string  `json:"go_live"`
	GoLivePeriod int     `json:"go_live_period"` // may be the horizon: live after it
}

// RunRateSystem is a system retired by a scheduled or done project: its
// run cost a year stops at that project's go-live. A system several
// projects replace is retired once, by the first to go live (the better
// ranked on a tie), as the audit counts it.
type RunRateSystem struct {
	ID            string  `json:"id"`
	PerYear       float64 `json:"per_year"`
	RetiredBy     string  `json:"retired_by"`
	Retired       string  `json:"retired"`
	RetiredPeriod int     `json:"retired_period"`
}

// RunRateYear is the run cost paid in one budget year of the horizon:
// added by the projects live in it, retired with the systems they replace.
type RunRateYear struct {
	Year    string  `json:"year"`
	Added   float64 `json:"added"`
	Retired float64 `json:"retired"`
	Net     float64 `json:"net"`
}

// runSpend is pe's run spend per period from period from (its go-live,
// or the earliest it can be) to the end of the horizon, the budget paying
// it, and its run spend a year once live, which counts in that budget's
// steady window (after the horizon, see schedule.Budget); nil, nil, 0
// when no opex budget pays. The run costs are cost.per_year and its
// vendor's annual fee a year, every period while the system is live:
// benefit.years bounds the business case (NPV), not what the organisation
// pays to run what it built. The run cost of the systems pe alone can
// retire (runCredit) frees the same budget from go-live: the figures are
// net, and may be below 0.
func (e *evaluation) runSpend(pe *projectEval, from int) ([]float64, []schedule.BudgetShare, float64) {
	id := e.runBudgetOf(pe)
	b, ok := e.base.budgetIndex[id]
	if id == "" || !ok {
		return nil, nil, 0
	}
	c := pe.runPerYear() - e.runCredit(pe)
	if c == 0 {
		return nil, nil, 0
	}
	shares := []schedule.BudgetShare{{Budget: b, Share: 1}}
	if from >= e.horizon {
		return nil, shares, c
	}
	run := make([]float64, e.horizon-from)
	for j := range run {
		run[j] = c / float64(e.ppy)
	}
	return run, shares, c
}

// runBudgetOf is the opex budget paying pe's run costs and freed by the
// systems it retires: its run_funding, or the roadmap's only opex budget;
// "" when none.
func (e *evaluation) runBudgetOf(pe *projectEval) string {
	if pe.cfg.RunFunding != "" {
		return pe.cfg.RunFunding
	}
	if pe.runPerYear() > 0 || e.runCredit(pe) > 0 {
		return e.runOpex
	}
	return ""
}

// runCredit is the run cost a year of the systems pe retires that no
// other project of the plan can retire first (creditedTo): from pe's
// go-live the opex budget paying pe's run costs no longer pays theirs, so
// it has that much more room.
func (e *evaluation) runCredit(pe *projectEval) float64 {
	total := 0.0
	for _, id := range pe.cfg.Replaces {
		if s := e.system(id); s != nil && e.creditedTo(pe, id) {
			total += s.RunCostPerYear
		}
	}
	return total
}

// creditedTo reports whether system id's run cost frees pe's run budget
// (see runCredits).
func (e *evaluation) creditedTo(pe *projectEval, id string) bool {
	g, ok := e.credits[id]
	return ok && (g == e.creditGroup(pe) || g == "project:"+pe.cfg.ID)
}

// creditGroup is who may retire a system for pe: its choice (only one
// option of a choice runs), else pe itself.
func (e *evaluation) creditGroup(pe *projectEval) string {
	for _, c := range e.cfg.Choices {
		if slices.Contains(c.Options, pe.cfg.ID) {
			return "choice:" + c.ID
		}
	}
	return "project:" + pe.cfg.ID
}

// runCredits is, for each system with a run cost whose retirement frees a
// budget, who gets the credit (a creditGroup). A done project that
// retired it is the retirer, whatever else replaces it: its go-live is a
// fact (the first such go-live, when two did). Its saving frees the
// budget only from a go-live inside the horizon: a system retired before
// the roadmap starts never cost the horizon's budgets anything, so it
// frees nothing (retiredByDone). Otherwise the system is credited when
// the projects that can run in this plan and replace it are one project,
// or options of one choice: with two that may both run, the first to go
// live retires it, which depends on the schedule, so it frees no budget
// (the run rate still nets it). A replacer cancelled, on hold, excluded
// or forced out cannot run and does not count; one a gate or a choice
// drops still does, since that depends on the plan.
func (e *evaluation) runCredits() map[string]string {
	groups := map[string][]string{}
	for _, pe := range e.projects {
		if !pe.canRetire() {
			continue
		}
		g := e.creditGroup(pe)
		for _, id := range pe.cfg.Replaces {
			if !slices.Contains(groups[id], g) {
				groups[id] = append(groups[id], g)
			}
		}
	}
	out := map[string]string{}
	for _, s := range e.cfg.Systems {
		if s.RunCostPerYear <= 0 {
			continue
		}
		if d, ok := e.retiredByDone[s.ID]; ok {
			if d.Finished+1 > 0 {
				out[s.ID] = "project:" + d.ID
			}
			continue
		}
		if len(groups[s.ID]) == 1 {
			out[s.ID] = groups[s.ID][0]
		}
	}
	return out
}

// budgetsWithCredit marks the budgets (by index) some project's saving
// may make room in: a project that can run, or a done one, whose credit
// passes its own run costs, so its net run spend is below 0. The
// resources gate leaves such a budget to the scheduler (qa17-dom D5).
func (e *evaluation) budgetsWithCredit() []bool {
	out := make([]bool, len(e.cfg.Budgets))
	for _, pe := range e.projects {
		if !pe.canRetire() && pe.life.lifecycle != hclspec.Done {
			continue
		}
		if b, ok := e.base.budgetIndex[e.runBudgetOf(pe)]; ok && e.runCredit(pe) > pe.runPerYear() {
			out[b] = true
		}
	}
	return out
}

// canRetire reports whether pe may retire the systems it replaces in some
// plan: not cancelled, on hold, excluded or forced out, nor done (a done
// project retired them already, see retiredByDone).
func (pe *projectEval) canRetire() bool {
	switch pe.life.lifecycle {
	case hclspec.Done, hclspec.Cancelled, hclspec.OnHold:
		return false
	}
	return !pe.cfg.Excluded && pe.forced != ForcedOut
}

// doneRetirements is, for each system a done project replaces, the done
// project that retired it: the first to go live (after its finished
// period), the first declared on a tie.
func doneRetirements(cfg *hclspec.Config) map[string]*hclspec.Project {
	out := map[string]*hclspec.Project{}
	for _, p := range cfg.Projects {
		if lifecycleOf(p) != hclspec.Done || !p.HasFinished {
			continue
		}
		for _, id := range p.Replaces {
			if d, ok := out[id]; !ok || p.Finished < d.Finished {
				out[id] = p
			}
		}
	}
	return out
}

// goLive is the period pe goes live in (may be the horizon or later), and
// whether it does: scheduled projects at the end of their build, done
// ones after their finished period.
func (e *evaluation) goLive(pe *projectEval) (int, bool) {
	return e.goLiveFrom(pe, pe.start, pe.status == StatusScheduled)
}

// goLiveFrom is goLive with pe placed at start (when placed) instead of
// where the evaluation scheduled it.
func (e *evaluation) goLiveFrom(pe *projectEval, start int, placed bool) (int, bool) {
	switch {
	case placed:
		return start + max(pe.cfg.Duration, 1), true
	case pe.life.lifecycle == hclspec.Done && pe.life.declared.HasFinished:
		return pe.life.declared.Finished + 1, true
	}
	return 0, false
}

// runPerYear is p's run cost a year: cost.per_year and its vendor's
// annual fee.
func (pe *projectEval) runPerYear() float64 {
	c := pe.cfg.Cost.PerYear
	if pe.vendor != nil {
		c += pe.vendor.Annual
	}
	return c
}

// runRate sums the run cost the plan's projects add, by budget and year.
func (e *evaluation) runRate() RunRate {
	rr := RunRate{Budgets: []RunRateBudget{}, Projects: []RunRateProject{}, Systems: []RunRateSystem{}, Years: []RunRateYear{}}
	byBudget := map[string]float64{}
	var order []string
	nYears := (e.horizon + e.ppy - 1) / e.ppy
	added, retired := make([]float64, nYears), make([]float64, nYears)
	fppy := float64(e.ppy)
	retiredBy := e.retirements(e.goLive)
	for _, pe := range e.ranked {
		live, ok := e.goLive(pe)
		if !ok {
			continue
		}
		if c := pe.runPerYear(); c > 0 {
			budget := pe.cfg.RunFunding
			if _, ok := byBudget[budget]; !ok {
				order = append(order, budget)
			}
			byBudget[budget] += c
			rr.AddedPerYear += c
			rr.Projects = append(rr.Projects, RunRateProject{ID: pe.cfg.ID, Status: pe.status, Budget: budget, PerYear: money(c),
				GoLive: e.label(live), GoLivePeriod: live})
			for t := max(live, 0); t < e.horizon; t++ {
				added[t/e.ppy] += c / fppy
			}
		}
		for _, id := range pe.cfg.Replaces {
			s := e.system(id)
			if s == nil || s.RunCostPerYear <= 0 || retiredBy[id] != pe {
				continue // retired by the first replacement to go live
			}
			rr.RetiredPerYear += s.RunCostPerYear
			rr.Systems = append(rr.Systems, RunRateSystem{ID: id, PerYear: money(s.RunCostPerYear), RetiredBy: pe.cfg.ID,
				Retired: e.label(live), RetiredPeriod: live})
			// Retired before the start (live at period 0 or before), it
			// never cost the horizon's budgets: the years retire nothing,
			// as runCredits frees nothing for it (qa17-dom D12).
			for t := live; live > 0 && t < e.horizon; t++ {
				retired[t/e.ppy] += s.RunCostPerYear / fppy
			}
		}
	}
	for _, b := range order {
		rr.Budgets = append(rr.Budgets, RunRateBudget{Budget: b, PerYear: money(byBudget[b])})
	}
	for w := range nYears {
		rr.Years = append(rr.Years, RunRateYear{Year: e.yearLabel(w), Added: money(added[w]), Retired: money(retired[w]), Net: money(added[w] - retired[w])})
	}
	rr.NetPerYear = money(rr.AddedPerYear - rr.RetiredPerYear)
	rr.AddedPerYear, rr.RetiredPerYear = money(rr.AddedPerYear), money(rr.RetiredPerYear)
	return rr
}

// budgetKind is b's kind as the plan reports it: capex when unset.
func budgetKind(b *hclspec.Budget) string {
	if b.Kind == "" {
		return string(hclspec.Capex)
	}
	return string(b.Kind)
}
