package evaluate

import (
	"slices"
	"strconv"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// problemBase is the project-independent part of the schedule problem:
// team capacities per period and budget windows. With
// policy.max_team_utilization the resources' Capacity is that share of
// each team's capacity (what the scheduler and the optimiser may use) and
// Nominal the whole of it (what the plan reports).
type problemBase struct {
	resources   []schedule.Resource
	largest     []float64 // each resource's largest capacity in any period
	teamIndex   map[string]int
	budgets     []schedule.Budget
	budgetIndex map[string]int
}

// buildProblemBase turns teams into resources (capacity per period, with
// capacity_by_period overrides) and budgets into spending windows: a
// budget per year has one window per year counted from the roadmap's start
// (the first ppy periods are year one), per period one window per period,
// per total one window for the whole horizon.
func (e *evaluation) buildProblemBase() *problemBase {
	b := &problemBase{teamIndex: map[string]int{}, budgetIndex: map[string]int{}}
	limit := e.headroom()
	for _, t := range e.cfg.Teams {
		capacity := make([]float64, e.horizon)
		for p := range capacity {
			capacity[p] = t.CapacityAt(p)
		}
		res := schedule.Resource{ID: t.ID, Capacity: capacity, MaxParallel: t.MaxParallel}
		if limit < 1 {
			res.Nominal = capacity
			res.Capacity = make([]float64, e.horizon)
			for p, c := range capacity {
				res.Capacity[p] = c * limit
			}
		}
		b.teamIndex[t.ID] = len(b.resources)
		b.resources = append(b.resources, res)
		b.largest = append(b.largest, slices.Max(append([]float64{0}, res.Capacity...)))
	}
	for _, bg := range e.cfg.Budgets {
		sb := schedule.Budget{ID: bg.ID, Window: make([]int, e.horizon)}
		switch budgetPer(bg) {
		case hclspec.PerPeriod:
			for t := range e.horizon {
				sb.Window[t] = t
				sb.Labels = append(sb.Labels, e.label(t))
			}
		case hclspec.PerTotal:
			sb.Labels = []string{"total"}
		default: // per year
			for t := range e.horizon {
				sb.Window[t] = t / e.ppy
			}
			for w := 0; w*e.ppy < e.horizon; w++ {
				sb.Labels = append(sb.Labels, e.yearLabel(w))
			}
		}
		sb.Limit = make([]float64, len(sb.Labels))
		for w := range sb.Limit {
			sb.Limit[w] = bg.Amount
		}
		// An opex budget pays a year of run costs after the horizon too:
		// what is live then costs its run rate every year on.
		if budgetKind(bg) == string(hclspec.Opex) && budgetPer(bg) != hclspec.PerTotal {
			sb.HasSteady, sb.Steady = true, bg.Amount
			if budgetPer(bg) == hclspec.PerPeriod {
				sb.Steady = bg.Amount * float64(e.ppy)
			}
		}
		b.budgetIndex[bg.ID] = len(b.budgets)
		b.budgets = append(b.budgets, sb)
	}
	return b
}

// headroom is the share of each team's capacity the schedule may use:
// policy.max_team_utilization, or 1 when it is off.
func (e *evaluation) headroom() float64 {
	if u := e.roadmap.Policies.MaxTeamUtilization; u > 0 && u < 1 {
		return u
	}
	return 1
}

// nominalCapacity is team r's whole capacity in each period.
func (b *problemBase) nominalCapacity(r int) []float64 {
	if n := b.resources[r].Nominal; n != nil {
		return n
	}
	return b.resources[r].Capacity
}

// budgetPer is the budget's window, "year" when unset (the language's
// default).
func budgetPer(b *hclspec.Budget) hclspec.BudgetPer {
	if b.Per == "" {
		return hclspec.PerYear
	}
	return b.Per
}

// yearLabel names budget year w (0-based from the roadmap's start): the
// calendar year when the roadmap starts on one ("2027"), otherwise the
// span of periods ("2027-Q2..2028-Q1").
func (e *evaluation) yearLabel(w int) string {
	first := w * e.ppy
	t := e.cal.PeriodDate(first)
	aligned := false
	switch e.cal.Unit {
	case hclspec.Year:
		aligned = true
	case hclspec.Week:
		_, wk := t.ISOWeek()
		aligned = wk == 1
	default:
		aligned = t.Month() == 1
	}
	if aligned {
		if e.cal.Unit == hclspec.Week {
			y, _ := t.ISOWeek()
			return strconv.Itoa(y)
		}
		return strconv.Itoa(t.Year())
	}
	return e.label(first) + ".." + e.label(first+e.ppy-1)
}

// buildProblem makes one task per project still in the running, in rank
// order, so rank order is simply the identity priority.
func (e *evaluation) buildProblem() *schedule.Problem {
	prob := &schedule.Problem{
		Horizon:     e.horizon,
		Resources:   e.base.resources,
		Budgets:     e.base.budgets,
		MaxParallel: e.roadmap.MaxParallel,
		Tasks:       make([]schedule.Task, 0, len(e.ranked)),
	}
	prob.Fixed = e.fixedLoad()
	for _, pe := range e.ranked {
		if pe.dropped() || pe.inHistory() || pe.life.fixed {
			continue
		}
		pe.task = len(prob.Tasks)
		prob.Tasks = append(prob.Tasks, e.taskOf(pe))
	}
	for _, pe := range e.ranked {
		if pe.task < 0 {
			continue
		}
		for _, d := range pe.cfg.DependsOn {
			if dep := e.projectByID(d); dep != nil && dep.task >= 0 {
				prob.Tasks[pe.task].Preds = append(prob.Tasks[pe.task].Preds, dep.task)
			}
		}
	}
	e.addPortfolioConstraints(prob)
	return prob
}

func (e *evaluation) taskOf(pe *projectEval) schedule.Task {
	p := pe.cfg
	tk := schedule.Task{
		ID:       p.ID,
		Duration: max(p.Duration, 1),
		Budget:   -1,
		Spend:    pe.fin.BuildSpend,
		Earliest: e.releaseOf(pe),
		Latest:   e.horizon - 1,
		// A mandatory, forced-in or committed project takes the
		// dependencies it needs along at its turn.
		Lead: pe.pinned() || pe.life.lifecycle == hclspec.Committed,
	}
	// A together project that brings nothing of its own (a pilot) runs
	// just in time for the partners that need it.
	tk.JustInTime = !tk.Lead && pe.fin.Benefit == 0 && len(p.Replaces) == 0
	if p.Deadline >= 0 && p.Deadline <= tk.Latest {
		tk.Latest = p.Deadline
		tk.HasDeadline = true
	}
	for _, id := range pe.teams {
		if p.Effort[id] > 0 {
			tk.Demand = append(tk.Demand, schedule.Demand{Resource: e.base.teamIndex[id], Amount: p.Effort[id]})
		}
	}
	if len(p.FundingSplit) > 0 {
		for _, sh := range p.FundingShares() {
			if b, ok := e.base.budgetIndex[sh.Budget]; ok {
				tk.Shares = append(tk.Shares, schedule.BudgetShare{Budget: b, Share: sh.Share})
			}
		}
	} else if b, ok := e.base.budgetIndex[p.Funding]; ok && p.Funding != "" {
		tk.Budget = b
	}
	// Run spend is indexed from the end of the build; a start at 0 needs
	// the most of it.
	tk.Run, tk.RunShares, tk.RunYear = e.runSpend(pe, max(p.Duration, 1))
	return tk
}
