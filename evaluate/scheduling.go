package evaluate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// problemBase is the project-independent part of the schedule problem:
// team capacities per period and budget windows.
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
	for _, t := range e.cfg.Teams {
		capacity := make([]float64, e.horizon)
		for p := range capacity {
			capacity[p] = t.CapacityAt(p)
		}
		b.teamIndex[t.ID] = len(b.resources)
		b.resources = append(b.resources, schedule.Resource{ID: t.ID, Capacity: capacity})
		b.largest = append(b.largest, slices.Max(append([]float64{0}, capacity...)))
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
		b.budgetIndex[bg.ID] = len(b.budgets)
		b.budgets = append(b.budgets, sb)
	}
	return b
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
	}
	for _, pe := range e.ranked {
		if pe.dropped() {
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
			if dep, ok := e.byID[d]; ok && dep.task >= 0 {
				prob.Tasks[pe.task].Preds = append(prob.Tasks[pe.task].Preds, dep.task)
			}
		}
	}
	return prob
}

func (e *evaluation) taskOf(pe *projectEval) schedule.Task {
	p := pe.cfg
	tk := schedule.Task{
		ID:       p.ID,
		Duration: max(p.Duration, 1),
		Budget:   -1,
		Spend:    pe.fin.BuildSpend,
		Earliest: max(p.EarliestStart, 0),
		Latest:   e.horizon - 1,
	}
	if p.Deadline >= 0 && p.Deadline < tk.Latest {
		tk.Latest = p.Deadline
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
	return tk
}

// scheduleInRankOrder places the tasks with the serial schedule generation
// scheme, highest rank first.
func scheduleInRankOrder(prob *schedule.Problem) *schedule.Schedule {
	priority := make([]int, len(prob.Tasks))
	for i := range priority {
		priority[i] = i
	}
	return schedule.SerialSGS(prob, priority)
}

// applySchedule records each task's start, or defers it with the binding
// constraint named.
func (e *evaluation) applySchedule(prob *schedule.Problem, sch *schedule.Schedule) {
	tasks := make([]*projectEval, len(prob.Tasks))
	for _, pe := range e.ranked {
		if pe.task >= 0 {
			tasks[pe.task] = pe
		}
	}
	// The final loads, to say over which periods a team or max_parallel
	// was full for a deferred project.
	final := schedule.NewState(prob)
	for i, s := range sch.Start {
		if s >= 0 {
			final.Place(i, s)
		}
	}
	var mandatory []*projectEval
	for i, pe := range tasks {
		if s := sch.Start[i]; s >= 0 {
			pe.start = s
			pe.status = StatusScheduled
			continue
		}
		msg, rng := e.blockerReason(prob, final, tasks, pe, sch.Blocked[i])
		pe.fail(StatusDeferred, GateSchedule, msg, rng)
		if pe.cfg.Mandatory {
			mandatory = append(mandatory, pe)
		}
	}
	e.warnMandatoryDeferred(mandatory)
}

// warnMandatoryDeferred reports mandatory projects the schedule could not
// take in one warning (a large portfolio could otherwise print hundreds),
// pointing at the first of them.
func (e *evaluation) warnMandatoryDeferred(ps []*projectEval) {
	if len(ps) == 0 {
		return
	}
	const listed = 10
	var lines []string
	for _, pe := range ps[:min(len(ps), listed)] {
		lines = append(lines, fmt.Sprintf("%q: %s", pe.cfg.ID, pe.findings[len(pe.findings)-1].Message))
	}
	if len(ps) > listed {
		lines = append(lines, fmt.Sprintf("and %d more", len(ps)-listed))
	}
	summary, intro := "Mandatory project deferred", "A mandatory project could not be scheduled:"
	if len(ps) > 1 {
		summary, intro = "Mandatory projects deferred", fmt.Sprintf("%d mandatory projects could not be scheduled:", len(ps))
	}
	e.diags = append(e.diags, &hcl.Diagnostic{
		Severity: hcl.DiagWarning,
		Summary:  summary,
		Detail:   intro + "\n" + strings.Join(lines, "\n"),
		Subject:  ps[0].cfg.DeclRange.Ptr(),
	})
}

// blockerReason words the constraint that kept pe out of the schedule and
// points at the attribute behind it.
func (e *evaluation) blockerReason(prob *schedule.Problem, final *schedule.State, tasks []*projectEval, pe *projectEval, b schedule.Blocker) (string, hcl.Range) {
	p := pe.cfg
	tk := &prob.Tasks[pe.task]
	// The blocker holds the first period that failed for each start tried;
	// widen it to every period of the tried window where the constraint
	// is binding in the final plan.
	fullSpan := func(full func(t int) bool) string {
		from, to := -1, -1
		for t := b.From; t <= min(tk.Latest, e.horizon-1); t++ {
			if full(t) {
				if from < 0 {
					from = t
				}
				to = t
			}
		}
		if from < 0 {
			from, to = b.From, b.To
		}
		return periodSpan(e.label, from, to)
	}
	beforeDeadline := ""
	if p.Deadline >= 0 && p.Deadline < e.horizon-1 {
		beforeDeadline = " before its deadline " + e.label(p.Deadline)
	}
	switch b.Kind {
	case schedule.BlockResource:
		team := prob.Resources[b.Index].ID
		need := 0.0
		for _, d := range tk.Demand {
			if d.Resource == b.Index {
				need = d.Amount
			}
		}
		span := fullSpan(func(t int) bool { return final.Used(b.Index, t)+need > prob.Resources[b.Index].Capacity[t]+1e-9 })
		return fmt.Sprintf("team %q is full %s%s (needs %s FTE for %s)", team, span, beforeDeadline, formatNumber(need, 2), periods(tk.Duration)),
			keyRange(p, "effort", team)
	case schedule.BlockBudget:
		bg := &prob.Budgets[b.Index]
		windows := budgetWindows(bg, bg.Window[b.From], bg.Window[b.To])
		need := formatMoney(sum(tk.Spend), e.currency) + " of build spend"
		if share := tk.ShareOf(b.Index); share < 1 {
			need = fmt.Sprintf("%s, its %s share of %s of build spend", formatMoney(share*sum(tk.Spend), e.currency), formatPercent(share), formatMoney(sum(tk.Spend), e.currency))
		}
		return fmt.Sprintf("budget %q has no room in %s%s (needs %s)", bg.ID, windows, beforeDeadline, need),
			p.Ranges.Range("funding."+bg.ID, p.Ranges.Range("funding", p.Ranges.Range("cost.one_time", p.DeclRange)))
	case schedule.BlockParallel:
		span := fullSpan(func(t int) bool { return final.InFlight(t) >= prob.MaxParallel })
		return fmt.Sprintf("max_parallel %d reached %s%s", prob.MaxParallel, span, beforeDeadline),
			e.roadmap.Ranges.Range("max_parallel", e.roadmap.DeclRange)
	case schedule.BlockDependency:
		dep := tasks[b.Index].cfg.ID
		return fmt.Sprintf("depends on deferred project %q", dep), keyRange(p, "depends_on", dep)
	default: // window
		from := b.From
		var why string
		switch {
		case from > tk.Earliest:
			why = "after its dependencies end (" + e.label(from-1) + ")"
		case p.EarliestStart > 0:
			why = "from its earliest_start " + e.label(from)
		default:
			why = "from " + e.label(from)
		}
		ends := e.label(from + tk.Duration - 1)
		if p.Deadline >= 0 && p.Deadline < e.horizon {
			return fmt.Sprintf("cannot finish by deadline %s: %s %s would end %s", e.label(p.Deadline), periods(tk.Duration), why, ends),
				p.Ranges.Range("deadline", p.DeclRange)
		}
		rng := p.Ranges.Range("duration", p.DeclRange)
		if p.EarliestStart > 0 && from == tk.Earliest {
			rng = p.Ranges.Range("earliest_start", rng)
		}
		return fmt.Sprintf("cannot finish inside the horizon (last period %s): %s %s would end %s", e.label(e.horizon-1), periods(tk.Duration), why, ends), rng
	}
}

// budgetWindows names windows first..last of a budget: "2027", "2027..2028",
// or, for windows that are spans themselves, "2027-Q3..2028-Q2 and
// 2028-Q3..2029-Q2".
func budgetWindows(bg *schedule.Budget, first, last int) string {
	if first == last {
		return bg.Labels[first]
	}
	if !strings.Contains(bg.Labels[first], "..") {
		return bg.Labels[first] + ".." + bg.Labels[last]
	}
	names := make([]string, 0, last-first+1)
	for w := first; w <= last; w++ {
		names = append(names, bg.Labels[w])
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
