package evaluate

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// The living roadmap: a status date (roadmap { as_of }), projects in
// their life (status, started, finished) and the actuals and forecasts of
// work under way (progress). See docs/evaluation.md, "A living roadmap".
//
// An in-progress project is evaluated as the work that remains: pe.cfg is
// a copy of the declared project (pe.declared) whose duration, one-time
// cost and effort are what is left from the status date, so its finance,
// score and capacity are forward-looking (what it has spent is sunk and
// decides nothing). It keeps its place: the scheduler gets it as Fixed
// load from the status date, ahead of every task.

// Plan statuses of projects that are history or paused.
const (
	StatusDone      = "done"
	StatusCancelled = "cancelled"
	StatusOnHold    = "on_hold"
)

// NoteStatusDate marks a start held back to the status date.
const NoteStatusDate = "status_date"

// GateLifecycle is the gate of findings about a project's life: a
// dependency cancelled or on hold, work under way past the horizon.
const GateLifecycle = "lifecycle"

// livingEval is a project's life as the plan sees it.
type livingEval struct {
	lifecycle hclspec.Lifecycle
	// declared is the project as written; pe.cfg is its remaining work
	// when it is in progress, declared itself otherwise.
	declared *hclspec.Project
	// fixed marks work in flight placed at the status date.
	fixed bool
	// elapsed is the periods from its start to the status date.
	elapsed int
}

// asOf is the status date's period, -1 without one.
func (e *evaluation) asOf() int {
	if e.roadmap.AsOf == "" {
		return -1
	}
	return e.roadmap.AsOfPeriod
}

// lifecycleOf is p's status, proposed when unset (a config built in code).
func lifecycleOf(p *hclspec.Project) hclspec.Lifecycle {
	if p.Status == "" {
		return hclspec.Proposed
	}
	return p.Status
}

// inHistory reports whether the project is done, cancelled or on hold:
// the plan schedules none of them.
func (pe *projectEval) inHistory() bool {
	switch pe.life.lifecycle {
	case hclspec.Done, hclspec.Cancelled, hclspec.OnHold:
		return true
	}
	return false
}

// keepsPlace reports whether the project keeps its place ahead of rank
// order: committed, or in progress.
func (pe *projectEval) keepsPlace() bool {
	return pe.life.lifecycle == hclspec.Committed || pe.life.lifecycle == hclspec.InProgress
}

// living sets up pe's life: for work in progress against a status date,
// pe.cfg becomes the remaining work.
func (e *evaluation) living(pe *projectEval) {
	p := pe.cfg
	pe.life = livingEval{lifecycle: lifecycleOf(p), declared: p}
	a := e.asOf()
	if pe.life.lifecycle != hclspec.InProgress || a < 0 {
		return
	}
	pe.life.fixed = true
	pe.life.elapsed = max(a-p.Started, 0)
	pe.cfg = remainingWork(p, a, pe.life.elapsed)
}

// remainingWork is the in-progress project p as the work left at the
// status date a, elapsed periods after its start:
//   - duration: progress.remaining_duration; else, from percent_complete,
//     the pace so far (elapsed / percent_complete periods in all, rounded
//     up); else what its duration leaves; at least one period;
//   - one-time cost: progress.remaining_cost; else the share of
//     cost.one_time not complete (1 - percent_complete, else the share of
//     the duration not elapsed);
//   - effort: progress.remaining_effort, else its effort.
//
// Ranged estimates of what is now forecast are dropped: the forecast is
// the number the plan keeps.
func remainingWork(p *hclspec.Project, a, elapsed int) *hclspec.Project {
	q := *p
	pr := p.Progress
	if pr == nil {
		pr = &hclspec.Progress{}
	}
	d := max(p.Duration, 1)
	switch {
	case pr.RemainingDuration > 0:
		q.Duration = pr.RemainingDuration
	case pr.PercentComplete != nil && *pr.PercentComplete > 0 && elapsed > 0:
		total := float64(elapsed) / *pr.PercentComplete
		q.Duration = max(1, int(math.Ceil(total-float64(elapsed)-1e-9)))
	default:
		q.Duration = max(1, d-elapsed)
	}
	switch {
	case pr.RemainingCost != nil:
		q.Cost.OneTime = *pr.RemainingCost
	case pr.PercentComplete != nil:
		q.Cost.OneTime = p.Cost.OneTime * (1 - *pr.PercentComplete)
	default:
		q.Cost.OneTime = p.Cost.OneTime * float64(max(d-elapsed, 0)) / float64(d)
	}
	if pr.RemainingEffort != nil {
		q.Effort = pr.RemainingEffort
	}
	q.EarliestStart = a
	q.Estimates = nil
	for _, est := range p.Estimates {
		if est.Attr == "duration" || est.Attr == "cost.one_time" || strings.HasPrefix(est.Attr, "effort") {
			continue
		}
		q.Estimates = append(q.Estimates, est)
	}
	return &q
}

// financeVendor is the vendor whose fees p's finance counts: for work in
// progress its one-time fee is paid (sunk), so only the annual fee is.
func (pe *projectEval) financeVendor() *hclspec.Vendor {
	if pe.vendor == nil || !pe.life.fixed {
		return pe.vendor
	}
	v := *pe.vendor
	v.OneTime = 0
	return &v
}

// lifecycleGates settles what the gates mean for a project's life, after
// they ran: a project done, cancelled or on hold is history whatever
// they say; one committed or in progress keeps its place, so what would
// have dropped it is a warning ("would fail the risk gate today"). A
// project depending on a cancelled or on-hold one cannot run.
func (e *evaluation) lifecycleGate(pe *projectEval) {
	switch {
	case pe.inHistory():
		pe.findings = pe.findings[:0]
		pe.gate = ""
		pe.status = map[hclspec.Lifecycle]string{hclspec.Done: StatusDone, hclspec.Cancelled: StatusCancelled, hclspec.OnHold: StatusOnHold}[pe.life.lifecycle]
		return
	}
	p := pe.cfg
	for _, d := range p.DependsOn {
		dep, ok := e.projectByIDOK(d)
		if !ok {
			continue
		}
		switch dep.life.lifecycle {
		case hclspec.Cancelled:
			pe.fail(StatusDropped, GateLifecycle, fmt.Sprintf("depends on cancelled project %q", d), keyRange(p, "depends_on", d))
		case hclspec.OnHold:
			pe.fail(StatusDropped, GateLifecycle, fmt.Sprintf("depends on project %q, which is on hold", d), keyRange(p, "depends_on", d))
		}
	}
	if pe.life.fixed && e.asOf()+p.Duration > e.horizon {
		pe.warn(GateLifecycle, fmt.Sprintf("work under way is forecast to run past the horizon, to %s", e.label(e.asOf()+p.Duration-1)),
			p.Ranges.Range("progress", p.DeclRange))
	}
	if !pe.keepsPlace() || pe.gate == "" {
		return
	}
	for k := range pe.findings {
		f := &pe.findings[k]
		if f.Severity == SeverityError {
			f.Severity = SeverityWarning
			f.Message = pe.keptMessage(f.Gate, f.Message)
		}
	}
	pe.status, pe.gate = "", ""
}

// keptMessage is what a gate that would drop a committed or started
// project says instead: "would fail the risk gate today (kept: in
// progress): risk 0.6 exceeds ...".
func (pe *projectEval) keptMessage(gate, msg string) string {
	text := fmt.Sprintf("would fail the %s gate today (kept: %s): %s", gate, pe.life.lifecycle.Words(), msg)
	if pe.forced == ForcedOut && (pe.life.lifecycle == hclspec.Committed || pe.life.lifecycle == hclspec.InProgress) {
		// What the manager trying a plan without it should do instead.
		text += `; --force-out does not stop work committed or under way: set status = "cancelled" or "on_hold" to plan without it`
	}
	return text
}

// warnKept records, once, what would drop a committed or started project
// after its gates ran (a dependency dropped with its together group).
func (pe *projectEval) warnKept(gate, msg string, rng hcl.Range) {
	msg = clipFinding(pe.keptMessage(gate, msg))
	for _, f := range pe.findings {
		if f.Gate == gate && f.Message == msg {
			return
		}
	}
	pe.warn(gate, msg, rng)
}

// warnKeptLinksOut warns each committed or started project whose
// together partner or dependency the schedule left out (an option another
// option of its choice was chosen over, or what needs or runs with one):
// such work keeps its place, as when a gate drops the partner
// (dropWithGroups), but its group or dependency is broken, and the plan
// says so once. Work in progress does not take the options it needs (it
// runs whatever its dependencies; committed work does, see
// neededOptions), so this is how a started project learns that its
// partner lost the choice.
func (e *evaluation) warnKeptLinksOut() {
	leftOut := func(pe *projectEval) bool { return pe != nil && pe.task >= 0 && pe.dropped() }
	for _, g := range e.groups() {
		for _, pe := range g {
			if !pe.keepsPlace() {
				continue
			}
			for _, m := range g {
				if m == pe || !leftOut(m) {
					continue
				}
				msg := fmt.Sprintf("runs together with %q, which is dropped", m.cfg.ID)
				if why := m.dropNote(); why != "" {
					msg += " (" + why + ")"
				}
				p := pe.cfg
				pe.warn(GateTogether, fmt.Sprintf("%s (kept: %s)", msg, pe.life.lifecycle.Words()),
					p.Ranges.Range("together."+m.cfg.ID, p.Ranges.Range("together", p.DeclRange)))
				break
			}
		}
	}
	for _, pe := range e.projects {
		if !pe.keepsPlace() {
			continue
		}
		for _, d := range pe.cfg.DependsOn {
			dep := e.projectByID(d)
			if !leftOut(dep) {
				continue
			}
			msg := fmt.Sprintf("depends on dropped project %q", d)
			if c := e.choiceOf(d); c != nil && dep.gate == GateChoice {
				msg += fmt.Sprintf(" (another option of choice %q was chosen)", c.ID)
			}
			pe.warnKept(GateViability, msg, keyRange(pe.cfg, "depends_on", d))
		}
	}
}

// unkeepLeftOut rewords what a committed project the schedule left out
// was told at its gates, "(kept: committed)": it is not kept (review
// qa18, LOW).
func (e *evaluation) unkeepLeftOut() {
	for _, pe := range e.projects {
		if !pe.keepsPlace() || pe.status == StatusScheduled || pe.status == "" {
			continue
		}
		w := pe.life.lifecycle.Words()
		for k := range pe.findings {
			f := &pe.findings[k]
			f.Message = strings.Replace(f.Message, "would fail the "+f.Gate+" gate today (kept: "+w+")",
				"fails the "+f.Gate+" gate ("+w+", but left out of the plan)", 1)
			f.Message = strings.Replace(f.Message, "(kept: "+w+")", "("+w+", but left out of the plan)", 1)
		}
	}
}

// fixedLoad is the load the scheduler gets before any task: every
// project's spend to date over the periods it ran before the status
// date (its funding budgets' windows count it), the remaining work of
// each project in progress from the status date (and its run costs
// after), and the run costs of done projects from their go-live.
func (e *evaluation) fixedLoad() []schedule.Fixed {
	a := e.asOf()
	if a < 0 {
		return nil
	}
	var out []schedule.Fixed
	for _, pe := range e.ranked {
		p := pe.life.declared
		if start, end, ok := e.ranBefore(pe); ok && pe.actualCost() > 0 {
			n := end - start
			f := schedule.Fixed{ID: p.ID, Start: start, Duration: n, Spend: make([]float64, n)}
			for k := range f.Spend {
				f.Spend[k] = pe.actualCost() / float64(n)
			}
			e.fundFixed(&f, p)
			out = append(out, f)
		}
		if pe.life.fixed {
			tk := e.taskOf(pe)
			f := schedule.Fixed{ID: p.ID, Start: a, Duration: tk.Duration, Demand: tk.Demand, Budget: tk.Budget,
				Shares: tk.Shares, Spend: tk.Spend, Run: tk.Run, RunShares: tk.RunShares, RunYear: tk.RunYear, Slot: true}
			out = append(out, f)
		}
		// A done project's run costs draw on its opex budget from its
		// go-live, the periods of history included.
		if live, ok := e.goLive(pe); ok && pe.life.lifecycle == hclspec.Done {
			if run, shares, year := e.runSpend(pe, live); len(shares) > 0 {
				out = append(out, schedule.Fixed{ID: p.ID, Start: live, Budget: -1, Run: run, RunShares: shares, RunYear: year})
			}
		}
	}
	return out
}

// fundFixed points f's spend at p's funding budgets.
func (e *evaluation) fundFixed(f *schedule.Fixed, p *hclspec.Project) {
	f.Budget = -1
	if len(p.FundingSplit) > 0 {
		for _, sh := range p.FundingShares() {
			if b, ok := e.base.budgetIndex[sh.Budget]; ok {
				f.Shares = append(f.Shares, schedule.BudgetShare{Budget: b, Share: sh.Share})
			}
		}
	} else if b, ok := e.base.budgetIndex[p.Funding]; ok && p.Funding != "" {
		f.Budget = b
	}
}

// actualCost is what the project has spent (progress.spent), 0 without
// progress.
func (pe *projectEval) actualCost() float64 {
	if pr := pe.life.declared.Progress; pr != nil {
		return pr.Spent
	}
	return 0
}

// fixedEnd is the exclusive end of an in-progress project's remaining
// work; -1 for other projects.
func (e *evaluation) fixedEnd(pe *projectEval) int {
	if !pe.life.fixed {
		return -1
	}
	return e.asOf() + max(pe.cfg.Duration, 1)
}

// releaseOf is the first period a task of pe may start in: its
// earliest_start, the status date, and the forecast end of any
// dependency still in progress.
func (e *evaluation) releaseOf(pe *projectEval) int {
	r := max(pe.cfg.EarliestStart, e.asOf(), 0)
	for _, d := range pe.cfg.DependsOn {
		if dep, ok := e.projectByIDOK(d); ok {
			r = max(r, e.fixedEnd(dep))
		}
	}
	return r
}

// applyFixed places the work in progress where the status date holds it.
func (e *evaluation) applyFixed() {
	for _, pe := range e.projects {
		if pe.life.fixed && !pe.inHistory() {
			pe.start = e.asOf()
			pe.status = StatusScheduled
		}
	}
}

// originalBuildCost is the build cost the declared project was approved
// at (budget at completion): its one-time cost, its teams' cost over its
// duration and its vendor's one-time fee.
func (e *evaluation) originalBuildCost(pe *projectEval) float64 {
	p := pe.life.declared
	c := p.Cost.OneTime
	for id, fte := range p.Effort {
		if t, ok := e.teams[id]; ok {
			c += fte * t.CostPerFTE * float64(max(p.Duration, 1))
		}
	}
	if pe.vendor != nil {
		c += pe.vendor.OneTime
	}
	return c
}

// ProgressPlan is a project's actuals and forecasts against its original
// estimate: actual cost (AC) + estimate to complete (ETC) = estimate at
// completion (EAC); variance at completion (VAC) = budget at completion
// (BAC, the original build estimate) - EAC, negative when over.
type ProgressPlan struct {
	ActualCost           float64  `json:"actual_cost"`
	PercentComplete      *float64 `json:"percent_complete"` // null when not given
	EstimateToComplete   float64  `json:"estimate_to_complete"`
	EstimateAtCompletion float64  `json:"estimate_at_completion"`
	BudgetAtCompletion   float64  `json:"budget_at_completion"`
	VarianceAtCompletion float64  `json:"variance_at_completion"`
	// RemainingDuration is the periods left from the status date (0 when
	// none is); PlannedEnd is the label of the last period of the
	// declared plan (started + duration), ForecastEnd that of the
	// forecast, SlipPeriods the difference (positive: late).
	RemainingDuration int     `json:"remaining_duration"`
	PlannedEnd        *string `json:"planned_end"`
	ForecastEnd       *string `json:"forecast_end"`
	SlipPeriods       int     `json:"slip_periods"`
}

// progressPlan is pe's progress entry; nil for a proposed or committed
// project, or without a status date.
func (e *evaluation) progressPlan(pe *projectEval) *ProgressPlan {
	p := pe.life.declared
	if e.asOf() < 0 || pe.life.lifecycle == hclspec.Proposed || pe.life.lifecycle == hclspec.Committed {
		return nil
	}
	pp := &ProgressPlan{ActualCost: money(pe.actualCost()), BudgetAtCompletion: money(e.originalBuildCost(pe))}
	if p.Progress != nil && p.Progress.PercentComplete != nil {
		pc := ratio(*p.Progress.PercentComplete)
		pp.PercentComplete = &pc
	}
	if pe.life.lifecycle == hclspec.Done {
		one := 1.0
		pp.PercentComplete = &one
	}
	if pe.life.fixed {
		pp.EstimateToComplete = money(sum(pe.fin.BuildSpend))
		pp.RemainingDuration = max(pe.cfg.Duration, 1)
	}
	pp.EstimateAtCompletion = money(pp.ActualCost + pp.EstimateToComplete)
	pp.VarianceAtCompletion = money(pp.BudgetAtCompletion - pp.EstimateAtCompletion)
	if p.HasStarted {
		planned := p.Started + max(p.Duration, 1)
		l := e.label(planned - 1)
		pp.PlannedEnd = &l
		var end int
		switch {
		case pe.life.fixed:
			end = e.fixedEnd(pe)
		case pe.life.lifecycle == hclspec.Done && p.HasFinished:
			end = p.Finished + 1
		default:
			return pp
		}
		f := e.label(end - 1)
		pp.ForecastEnd = &f
		pp.SlipPeriods = end - planned
	}
	return pp
}

// ranBefore is the run of periods start..end (end excluded, start maybe
// before the roadmap's first period) a project ran in before the status
// date: from its started date to its finished date when done, to the
// status date otherwise. Its spend to date is spread evenly over them.
func (e *evaluation) ranBefore(pe *projectEval) (start, end int, ok bool) {
	p := pe.life.declared
	a := e.asOf()
	if a < 0 || !p.HasStarted {
		return 0, 0, false
	}
	end = a
	if pe.life.lifecycle == hclspec.Done && p.HasFinished {
		end = min(p.Finished+1, a)
	}
	return p.Started, max(end, p.Started+1), true
}

// history marks the periods before the status date in the capacity plan
// and lists the projects that ran in them (historySpend counts their
// spend to date).
func (e *evaluation) history(periods []PeriodPlan) {
	a := e.asOf()
	if a < 0 {
		return
	}
	for t := range min(a, len(periods)) {
		periods[t].History = true
	}
	for _, pe := range e.ranked {
		start, end, ok := e.ranBefore(pe)
		if !ok {
			continue
		}
		for t := max(start, 0); t < min(end, len(periods)); t++ {
			periods[t].Active = append(periods[t].Active, pe.life.declared.ID)
		}
	}
}

// historySpend adds to spent (budget x period) each project's spend to
// date over the periods it ran before the status date, against its
// budgets.
func (e *evaluation) historySpend(spent [][]float64) {
	if e.asOf() < 0 {
		return
	}
	for _, pe := range e.ranked {
		start, end, ok := e.ranBefore(pe)
		if !ok {
			continue
		}
		per := pe.actualCost() / float64(end-start)
		shares := pe.life.declared.FundingShares()
		for t := max(start, 0); t < min(end, e.horizon); t++ {
			for _, sh := range shares {
				if b, ok := e.base.budgetIndex[sh.Budget]; ok {
					spent[b][t] += sh.Share * per
				}
			}
		}
	}
}

// projectByIDOK is the project with id, and whether there is one.
func (e *evaluation) projectByIDOK(id string) (*projectEval, bool) {
	pe := e.projectByID(id)
	return pe, pe != nil
}

// scheduleLateCommitted schedules committed work that cannot meet its
// deadline late rather than leave it out: committed work is a promise.
// Each committed task base leaves out loses its deadline window (its
// deadline is then checked, policy.deadlines, not a window: see
// softDeadlines) and rank order runs again, until none is left out that
// way. Committed tasks that meet their deadlines keep the window, so the
// deadline rule never moves them past it; nothing changes when every
// committed task is placed. After lateCommittedRounds passes every
// committed task left with a window loses it, so a chain of committed
// projects pushing each other late costs at most that many passes more.
func (e *evaluation) scheduleLateCommitted(ctx context.Context, prob *schedule.Problem, base *schedule.Schedule) (*schedule.Schedule, error) {
	tasks := e.taskProjects(prob)
	for round := 1; ; round++ {
		lifted := false
		for i, pe := range tasks {
			tk := &prob.Tasks[i]
			if tk.HasDeadline && pe.lateKind() != "" && (base.Start[i] < 0 || round > lateCommittedRounds) {
				tk.Latest, tk.HasDeadline = e.horizon-1, false
				lifted = true
			}
		}
		if !lifted {
			return base, nil
		}
		var err error
		if base, err = schedule.RankOrder(ctx, prob, schedule.DeadlineWork(len(prob.Tasks))); err != nil {
			return nil, err
		}
	}
}

// lateKind is "committed" or "mandatory" for work that is scheduled late
// rather than left out when it cannot meet its deadline: a promise, or an
// obligation (review qa17 U8: a mandatory project left out with no date
// at all while optional committed work kept its slot); "" otherwise.
func (pe *projectEval) lateKind() string {
	switch {
	case pe.life.lifecycle == hclspec.Committed:
		return "committed"
	case pe.cfg.Mandatory && !pe.inHistory() && pe.life.lifecycle != hclspec.InProgress:
		return "mandatory"
	}
	return ""
}

// lateCommittedRounds bounds the rank-order passes scheduleLateCommitted
// runs before it takes every committed deadline's window away.
const lateCommittedRounds = 4

// warnLateCommitted warns on each committed project scheduled to end
// after its deadline (scheduleLateCommitted).
func (e *evaluation) warnLateCommitted() {
	for _, pe := range e.ranked {
		p := pe.cfg
		kind := pe.lateKind()
		if kind == "" || pe.status != StatusScheduled || pe.start < 0 || p.Deadline < 0 {
			continue
		}
		last := pe.start + max(p.Duration, 1) - 1
		if last <= p.Deadline {
			continue
		}
		pe.warn(GateSchedule, fmt.Sprintf("misses its deadline %s by %s (ends %s): %s work is scheduled late, not left out",
			e.label(p.Deadline), periodsOf(last-p.Deadline, string(e.cal.Unit)), e.label(last), kind), p.Ranges.Range("deadline", p.DeclRange))
	}
	// Work in progress keeps its forecast: say so on its row when that
	// ends after its deadline (review qa18 Q18-10: only the summary and
	// the policy check said it).
	for _, pe := range e.inFlight() {
		p := pe.cfg
		if p.Deadline < 0 {
			continue
		}
		if last := e.fixedEnd(pe) - 1; last > p.Deadline {
			pe.warn(GateSchedule, fmt.Sprintf("forecast to end %s, %s after its deadline %s: work in progress keeps its forecast",
				e.label(last), periodsOf(last-p.Deadline, string(e.cal.Unit)), e.label(p.Deadline)), p.Ranges.Range("deadline", p.DeclRange))
		}
	}
}

// warnInFlightOverParallel warns, per team with a max_parallel, when the
// work in flight at the status date alone runs more of the team's
// projects at once than it allows (review qa15f/mp: two started projects
// on a team of max_parallel = 1 passed in silence). Such work keeps its
// place, as work in flight over a team's capacity does; new work on the
// team waits for a slot. The warning names the team, the projects (by
// rank) and the periods.
func (e *evaluation) warnInFlightOverParallel(prob *schedule.Problem) {
	for r, res := range prob.Resources {
		if res.MaxParallel <= 0 || r >= len(e.cfg.Teams) {
			continue
		}
		running := make([]int, prob.Horizon)
		var over []int // periods over the cap
		for _, f := range prob.Fixed {
			if !f.Slot || !usesResource(f.Demand, r) {
				continue
			}
			for t := max(f.Start, 0); t < min(f.Start+f.Duration, prob.Horizon); t++ {
				running[t]++
			}
		}
		for t, n := range running {
			if n > res.MaxParallel {
				over = append(over, t)
			}
		}
		if len(over) == 0 {
			continue
		}
		var ids []string
		for _, f := range prob.Fixed {
			if f.Slot && usesResource(f.Demand, r) && slices.ContainsFunc(over, func(t int) bool { return t >= f.Start && t < f.Start+f.Duration }) {
				ids = append(ids, clipText(f.ID, maxQuotedReason))
			}
		}
		team := e.cfg.Teams[r]
		e.diags = append(e.diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Work in progress over a team's max_parallel",
			Detail: fmt.Sprintf("Team %q runs at most %s at a time (max_parallel = %d), but its work in progress runs %d at once in %s (%s). Work under way keeps its place (it is not stopped); new work on the team waits for a free slot.",
				clipText(team.ID, maxQuotedReason), projectsCount(res.MaxParallel), res.MaxParallel, slices.Max(running), e.periodRuns(over), namesText(ids, 0)),
			Subject: team.Ranges.Range("max_parallel", team.DeclRange).Ptr(),
		})
	}
}

// usesResource reports whether demand takes some of resource r.
func usesResource(demand []schedule.Demand, r int) bool {
	return slices.ContainsFunc(demand, func(d schedule.Demand) bool { return d.Resource == r && d.Amount > 0 })
}

// projectsCount is "1 project", "2 projects".
func projectsCount(n int) string {
	if n == 1 {
		return "1 project"
	}
	return fmt.Sprintf("%d projects", n)
}

// periodRuns labels sorted periods as runs: "2027-Q2..2027-Q3, 2028-Q1",
// at most three runs, then how many more.
func (e *evaluation) periodRuns(periods []int) string {
	const listed = 3
	var runs []string
	more := 0
	for k := 0; k < len(periods); {
		j := k
		for j+1 < len(periods) && periods[j+1] == periods[j]+1 {
			j++
		}
		switch {
		case len(runs) == listed:
			more++
		case j == k:
			runs = append(runs, e.label(periods[k]))
		default:
			runs = append(runs, e.label(periods[k])+".."+e.label(periods[j]))
		}
		k = j + 1
	}
	if more > 0 {
		runs = append(runs, fmt.Sprintf("%d more", more))
	}
	return strings.Join(runs, ", ")
}
