package evaluate

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// DefaultTimeLimit bounds an optimiser run when Options.TimeLimit is 0.
const DefaultTimeLimit = 5 * time.Second

// maxChangeLines caps the changes an optimised plan lists; the rest are
// counted in a last line.
const maxChangeLines = 20

// scheduleProjects places the candidates in rank order and, with
// --optimize or optimize = true, lets the optimiser look for a plan that
// does better on the objective (score, risk-adjusted NPV, NPV or finish),
// every mandatory project in, and the flagship starting no later than
// rank order starts it. It returns the schedule to apply and the report,
// nil without optimisation.
func (e *evaluation) scheduleProjects(ctx context.Context, prob *schedule.Problem, opts Options) (*schedule.Schedule, *Optimization, error) {
	base, err := schedule.RankOrder(ctx, prob, schedule.DeadlineWork(len(prob.Tasks)))
	if err != nil {
		return nil, nil, err
	}
	if base, err = e.scheduleLateCommitted(ctx, prob, base); err != nil {
		return nil, nil, err
	}
	e.policyPicks, e.policyMisses = nil, nil
	if e.dues = e.replacementDue(prob); len(e.dues) > 0 {
		if base, err = e.keepPolicy(ctx, prob, base, e.dues); err != nil {
			return nil, nil, err
		}
	}
	if base, err = e.keepDeadlines(ctx, prob, base); err != nil {
		return nil, nil, err
	}
	if e.flagship != nil && e.lostToPolicy(e.flagship) && e.contenders != nil {
		e.flagship = e.firstContender(e.contenders)
	}
	if err := e.decidedAlternatives(ctx, prob, base); err != nil {
		return nil, nil, err
	}
	if opts.RankOrder || (!opts.Optimize && !e.roadmap.Optimize && opts.Objective == "") {
		return base, nil, nil
	}
	e.rankOrderStart = base.Start
	objective := e.objectiveOf(opts)
	tasks := e.taskProjects(prob)
	// The optimiser's copy of the problem: weights, what must stay in,
	// and the flagship held to its rank-order start at the latest.
	search := *prob
	search.Tasks = slices.Clone(prob.Tasks)
	allPlaced := true
	var losers []*projectEval // optional projects that lower the sum
	loss := 0.0
	missed := false // rank order leaves out a project that must run
	for _, d := range e.dues {
		search.Due = append(search.Due, d.due)
	}
	search.Due = append(search.Due, e.deadlineDues(prob)...)
	for i, pe := range tasks {
		tk := &search.Tasks[i]
		tk.Preferred = false // rank order's preference; the optimiser weighs the policy itself (Due)
		tk.Weight = objectiveWeight(pe, objective)
		// Mandatory (and committed) projects outrank forced-in ones: a
		// what-if never trades a mandatory project for one it forces in.
		// An option work in progress needs must run too: the started
		// work runs whatever its dependencies, so nothing else keeps it.
		tk.Mandatory = pe.cfg.Mandatory || pe.life.lifecycle == hclspec.Committed ||
			e.needed[pe] != nil && e.needed[pe].life.lifecycle == hclspec.InProgress
		tk.Forced = !tk.Mandatory && pe.forced == ForcedIn
		missed = missed || (tk.Mandatory || tk.Forced) && base.Start[i] < 0
	}
	for i, pe := range tasks {
		tk := &search.Tasks[i]
		if pe == e.flagship && base.Start[i] >= 0 {
			if missed || len(search.Due) > 0 {
				// Mandatory, then forced-in projects, then the systems
				// the policy keeps in support rank above the flagship:
				// it keeps its start unless one of them needs the room.
				tk.Kept, tk.KeepStart = true, base.Start[i]
			} else {
				tk.Latest = min(tk.Latest, base.Start[i]+tk.Duration-1)
				tk.Mandatory = true
			}
		}
		allPlaced = allPlaced && base.Start[i] >= 0
	}
	search.Shared = e.sharedObjective(tasks, objective)
	for i, pe := range tasks {
		if tk := &search.Tasks[i]; objective != hclspec.ObjectiveFinish && !tk.Mandatory && !tk.Forced && tk.Weight < 0 {
			losers = append(losers, pe)
			loss -= tk.Weight
		}
	}
	// Under a value objective the optimiser leaves out what only lowers
	// the sum, rather than crowding it out with a worse plan (review qa18
	// Q18-1: it chose a choice's worse option for the budget it used).
	leftOut := valueLosers(&search, objective)
	baseline := base
	if len(leftOut) > 0 {
		trimmed := *base
		trimmed.Start = slices.Clone(base.Start)
		for _, i := range leftOut {
			search.Tasks[i].Earliest = search.Horizon // fits nowhere
			trimmed.Start[i] = -1
		}
		baseline = &trimmed
	}
	// When every project already runs in rank order, a sum over them
	// cannot grow: what is left to improve is the finish.
	searchObjective := schedule.ObjectiveValue
	if objective == hclspec.ObjectiveFinish || allPlaced {
		searchObjective = schedule.ObjectiveFinish
	}
	limit := opts.TimeLimit
	if limit <= 0 {
		limit = DefaultTimeLimit
	}
	// A share of a total shorter than the search's own limit: the stop
	// names the total (--total-time-limit).
	short := false
	if b := opts.SearchBudget; b != nil {
		limit, short = b.take(limit)
		limit = max(limit, time.Nanosecond) // 0 would mean no limit
	}
	in := schedule.OptimizeInput{
		BaselineSchedule: baseline,
		Objective:        searchObjective,
		Seed:             opts.Seed,
		MaxSchedules:     scheduleBudget(len(prob.Tasks)),
		TimeLimit:        limit,
		Clock:            opts.Clock,
	}
	if opts.Progress != nil {
		opts.Progress(0) // the search starts
		in.Progress = func(p schedule.Progress) {
			// Whichever runs out first ends the search.
			done := float64(p.Schedules) / float64(max(p.MaxSchedules, 1))
			if p.TimeLimit > 0 {
				done = max(done, float64(p.Spent)/float64(p.TimeLimit))
			}
			opts.Progress(min(1, done))
		}
	}
	res := optimizeWithin(ctx, &search, in, opts.SearchBudget)
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if !res.Improved {
		res.Schedule = baseline // with the deadline rule's record
	}
	for _, i := range leftOut {
		if res.Schedule.Start[i] < 0 {
			pe := tasks[i]
			pe.fail(StatusDropped, GateValue, fmt.Sprintf("left out by the optimiser: its %s of %s lowers the total, the objective (rank order runs it, as no hurdle drops it)",
				objectiveNoun(objective), formatMoney(math.Round(search.Tasks[i].Weight), e.currency)),
				pe.cfg.Ranges.Range("benefit.per_year", pe.cfg.Ranges.Range("benefit", pe.cfg.DeclRange)))
		}
	}
	figures := e.headlineFigures(prob, tasks, base.Start, res.Schedule.Start)
	opt := &Optimization{
		Method:    res.Method,
		Seed:      opts.Seed,
		Objective: string(objective),
		Schedules: res.Schedules,
		Figures:   figures,
		Changes:   e.optimizationChanges(&search, tasks, res, objective, allPlaced, losers, base.Start, leftOut),
	}
	for _, f := range figures {
		if f.Figure == objectiveFigure(objective) {
			opt.Baseline, opt.Best = f.RankOrder, f.Optimized
		}
	}
	if res.Stopped == schedule.StopDeadline && ctx.Err() == nil {
		opt.TimeLimitReached = true
		if short {
			opt.Changes = append(opt.Changes, fmt.Sprintf(
				"The total time limit of %s (--total-time-limit, every search together) ended the search, at its share of what was left, after %s of %s schedules: a longer --total-time-limit may find more, and the same seed may then give another plan.",
				opts.SearchBudget.Total(), formatNumber(float64(res.Schedules), 0), formatNumber(float64(in.MaxSchedules), 0)))
		} else {
			opt.Changes = append(opt.Changes, fmt.Sprintf(
				"The time limit of %s ended the search after %s of %s schedules: a longer --time-limit may find more, and the same seed may then give another plan.",
				limit, formatNumber(float64(res.Schedules), 0), formatNumber(float64(in.MaxSchedules), 0)))
		}
	}
	switch {
	case allPlaced && objective != hclspec.ObjectiveFinish:
		// Every project runs already: rank order's sum is the most there is.
		// Every optional project that lowers it could be left out.
		b := objectiveRound(objective, opt.Baseline+loss)
		if len(search.Shared) > 0 {
			b = objectiveRound(objective, e.flightObjective(objective, allPlacedBound(&search, loss, losers, tasks)))
		}
		opt.Bound = &b
	case res.Bound != nil && (searchObjective == schedule.ObjectiveValue || !slices.Contains(res.Schedule.Start, -1)):
		// A finish bound holds for schedules that place every project.
		b := objectiveRound(objective, e.flightObjective(objective, *res.Bound))
		opt.Bound = &b
	}
	return res.Schedule, opt, nil
}

// supportGained is the system task i keeps in support in best and not in base
// (policy replace_before_end_of_support), "" when none.
func (e *evaluation) supportGained(prob *schedule.Problem, i int, base, best []int) string {
	for _, d := range e.dues {
		if slices.Contains(d.due.Tasks, i) && !d.due.Kept(prob, base) && d.due.Kept(prob, best) {
			return d.sys.ID
		}
	}
	return ""
}

// valueLosers lists the tasks the optimiser leaves out under a value
// objective (npv, risk_adjusted_npv): optional ones worth less than
// nothing that nothing else needs. Kept are a task another depends on or
// runs together with, an option of a choice, a task sharing a saving, one
// that keeps a system in support or has a deadline (tiers above the
// objective), the flagship, and mandatory, committed and forced-in work.
func valueLosers(p *schedule.Problem, objective hclspec.Objective) []int {
	if objective != hclspec.ObjectiveNPV && objective != hclspec.ObjectiveRiskAdjustedNPV {
		return nil
	}
	// dependents counts each task's dependents still in: one whose
	// dependents are all left out may be left out too (a chain of
	// losers goes whole, review qa19 F3).
	dependents := make([]int, len(p.Tasks))
	for i := range p.Tasks {
		for _, q := range p.Tasks[i].Preds {
			dependents[q]++
		}
	}
	needed := make([]bool, len(p.Tasks))
	for _, sets := range [][][]int{p.Together, p.Choices} {
		for _, set := range sets {
			for _, i := range set {
				needed[i] = true
			}
		}
	}
	for _, sh := range p.Shared {
		for _, i := range sh.Tasks {
			needed[i] = true
		}
	}
	for _, d := range p.Due {
		for _, i := range d.Tasks {
			needed[i] = true
		}
	}
	loser := func(i int) bool {
		tk := &p.Tasks[i]
		return tk.Weight < 0 && dependents[i] == 0 && !needed[i] && !tk.Mandatory && !tk.Forced && !tk.Kept && !tk.HasDeadline && tk.Earliest < p.Horizon
	}
	left := make([]bool, len(p.Tasks))
	var stack []int
	for i := range p.Tasks {
		if loser(i) {
			left[i] = true
			stack = append(stack, i)
		}
	}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, q := range p.Tasks[i].Preds {
			if dependents[q]--; !left[q] && loser(q) {
				left[q] = true
				stack = append(stack, q)
			}
		}
	}
	var out []int
	for i, l := range left {
		if l {
			out = append(out, i)
		}
	}
	return out
}

// sharedObjective makes the optimiser's objective count the saving of a
// system several projects replace once, as the plan's totals do: the
// first of them to go live earns it (schedule.Shared, one set per system
// with two or more task replacers, in rank order); a system a done
// project retired already is in no task's figures (savingOf). Only the
// money objectives count savings; score and finish weigh
// each project's score, which rates it as if it ran alone, as its rank.
func (e *evaluation) sharedObjective(tasks []*projectEval, objective hclspec.Objective) []schedule.Shared {
	if len(e.cfg.Systems) == 0 || (objective != hclspec.ObjectiveNPV && objective != hclspec.ObjectiveRiskAdjustedNPV) {
		return nil
	}
	// part is what system s's saving adds to pe's objective figure: the
	// figures are linear in the saving.
	part := func(pe *projectEval, s *hclspec.System) float64 {
		without, _ := projectFinanceOf(pe.cfg, pe.teams, pe.financeVendor(), e.teams, e.ppy, e.roadmap.DiscountRate, false, e.savingOf(pe.cfg)-s.RunCostPerYear)
		if objective == hclspec.ObjectiveNPV {
			return pe.fin.NPV - without.NPV
		}
		return pe.fin.RiskAdjustedNPV - without.RiskAdjustedNPV
	}
	var out []schedule.Shared
	for _, s := range e.cfg.Systems {
		if _, done := e.retiredByDone[s.ID]; s.RunCostPerYear <= 0 || done {
			continue // a done project retired it: no task's figures count it (savingOf)
		}
		var sh schedule.Shared
		for _, pe := range e.ranked {
			if !slices.Contains(pe.cfg.Replaces, s.ID) {
				continue
			}
			if pe.task >= 0 && pe.task < len(tasks) && tasks[pe.task] == pe {
				sh.Tasks = append(sh.Tasks, pe.task)
				sh.Value = append(sh.Value, part(pe, s))
			}
		}
		if len(sh.Tasks) > 1 {
			out = append(out, sh)
		}
	}
	return out
}

// allPlacedBound is the most the objective can be when every task of p
// is placed (as in rank order), plus loss, what leaving out the optional
// tasks that lower it adds: the weights, less each shared set's parts but
// its largest (one task of the set keeps its part, whichever goes live
// first). A loser in a set could give its part back too, so it is added.
func allPlacedBound(p *schedule.Problem, loss float64, losers, tasks []*projectEval) float64 {
	total := loss
	for i := range p.Tasks {
		total += p.Tasks[i].Weight
	}
	for _, sh := range p.Shared {
		most := 0.0
		for k, i := range sh.Tasks {
			total -= sh.Value[k]
			most = max(most, sh.Value[k])
			if slices.Contains(losers, tasks[i]) {
				total += sh.Value[k]
			}
		}
		total += most
	}
	return total
}

// objectiveOf is --objective, else the roadmap's objective, else score.
func (e *evaluation) objectiveOf(opts Options) hclspec.Objective {
	switch {
	case opts.Objective != "":
		return hclspec.Objective(opts.Objective)
	case e.roadmap.Objective != "":
		return e.roadmap.Objective
	}
	return hclspec.ObjectiveScore
}

// objectiveWeight is what one scheduled project adds to the objective.
func objectiveWeight(pe *projectEval, objective hclspec.Objective) float64 {
	switch objective {
	case hclspec.ObjectiveNPV:
		return pe.fin.NPV
	case hclspec.ObjectiveRiskAdjustedNPV:
		return pe.fin.RiskAdjustedNPV
	case hclspec.ObjectiveFinish:
		return pe.score // ties on the finish go to the higher total score
	}
	return pe.score
}

// Headline figures, in the order the plan lists them.
const (
	FigureScheduled          = "scheduled"
	FigureMandatoryScheduled = "mandatory_scheduled"
	FigureForcedInScheduled  = "forced_in_scheduled" // listed when a project is forced in
	// FigureCommittedScheduled counts the committed projects that are not
	// mandatory (the optimiser keeps them as it keeps mandatory ones),
	// listed when one is planned.
	FigureCommittedScheduled = "committed_scheduled"
	FigureScore              = "score"
	FigureNPV                = "npv"
	FigureRiskAdjustedNPV    = "risk_adjusted_npv"
	FigureFinishPeriod       = "finish_period"
)

// objectiveFigure is the headline figure an objective is measured by.
func objectiveFigure(objective hclspec.Objective) string {
	switch objective {
	case hclspec.ObjectiveNPV:
		return FigureNPV
	case hclspec.ObjectiveRiskAdjustedNPV:
		return FigureRiskAdjustedNPV
	case hclspec.ObjectiveFinish:
		return FigureFinishPeriod
	}
	return FigureScore
}

// objectiveRound rounds an objective value as the plan rounds its figure.
func objectiveRound(objective hclspec.Objective, x float64) float64 {
	switch objective {
	case hclspec.ObjectiveNPV, hclspec.ObjectiveRiskAdjustedNPV:
		return money(x)
	}
	return ratio(x)
}

// headlineFigures compares the plan's headline figures under rank order
// and under the optimised schedule, each summed exactly as the plan's
// totals sum them (scheduled projects in rank order) and rounded the same
// way, so the changes match what the two plans print.
func (e *evaluation) headlineFigures(prob *schedule.Problem, tasks []*projectEval, base, best []int) []FigureChange {
	type sums struct {
		scheduled, mandatory, forced, committed, finish int
		score, npv, rnpv                                float64
	}
	// Work in progress is no task: the status date holds it in place in
	// both plans, and the totals count it, so the figures do too.
	flight := e.inFlight()
	sum := func(start []int) sums {
		var s sums
		for _, pe := range flight {
			s.scheduled++
			if pe.cfg.Mandatory {
				s.mandatory++
			}
			if pe.forced == ForcedIn {
				s.forced++
			}
			s.score += pe.score
			s.npv += pe.fin.NPV
			s.rnpv += pe.fin.RiskAdjustedNPV
			s.finish = max(s.finish, e.fixedEnd(pe))
		}
		for i, pe := range tasks {
			if start[i] < 0 {
				continue
			}
			s.scheduled++
			if pe.cfg.Mandatory {
				s.mandatory++
			}
			if pe.forced == ForcedIn {
				s.forced++
			}
			if pe.life.lifecycle == hclspec.Committed && !pe.cfg.Mandatory {
				s.committed++
			}
			s.score += pe.score
			s.npv += pe.fin.NPV
			s.rnpv += pe.fin.RiskAdjustedNPV
			s.finish = max(s.finish, start[i]+prob.Tasks[i].Duration)
		}
		// As the totals: a system two scheduled projects replace is
		// retired once, by the first to go live.
		if len(e.cfg.Systems) > 0 {
			goLive := func(pe *projectEval) (int, bool) {
				if i := pe.task; i >= 0 && i < len(start) {
					return start[i] + prob.Tasks[i].Duration, start[i] >= 0
				}
				if pe.status == StatusDone {
					return e.goLive(pe)
				}
				if slices.Contains(flight, pe) {
					return e.fixedEnd(pe), true
				}
				return 0, false
			}
			retiredBy := e.retirements(goLive)
			for _, pe := range flight {
				if sh := e.sharedSavingOf(pe, retiredBy); sh != nil {
					s.npv -= sh.npv
					s.rnpv -= sh.rnpv
				}
			}
			for i, pe := range tasks {
				if start[i] < 0 {
					continue
				}
				if sh := e.sharedSavingOf(pe, retiredBy); sh != nil {
					s.npv -= sh.npv
					s.rnpv -= sh.rnpv
				}
			}
		}
		return s
	}
	b, o := sum(base), sum(best)
	figures := []FigureChange{
		newFigureChange(FigureScheduled, float64(b.scheduled), float64(o.scheduled), true, ratio),
		newFigureChange(FigureMandatoryScheduled, float64(b.mandatory), float64(o.mandatory), true, ratio),
	}
	if slices.ContainsFunc(tasks, func(pe *projectEval) bool { return pe.forced == ForcedIn }) {
		figures = append(figures, newFigureChange(FigureForcedInScheduled, float64(b.forced), float64(o.forced), true, ratio))
	}
	if slices.ContainsFunc(tasks, func(pe *projectEval) bool { return pe.life.lifecycle == hclspec.Committed && !pe.cfg.Mandatory }) {
		figures = append(figures, newFigureChange(FigureCommittedScheduled, float64(b.committed), float64(o.committed), true, ratio))
	}
	figures = append(figures,
		newFigureChange(FigureScore, ratio(b.score), ratio(o.score), true, ratio),
		newFigureChange(FigureNPV, money(b.npv), money(o.npv), true, money),
		newFigureChange(FigureRiskAdjustedNPV, money(b.rnpv), money(o.rnpv), true, money),
		newFigureChange(FigureFinishPeriod, float64(b.finish), float64(o.finish), false, ratio),
	)
	return figures
}

// inFlight is the work in progress the plan places at the status date
// (applyFixed), in rank order.
func (e *evaluation) inFlight() []*projectEval {
	var out []*projectEval
	for _, pe := range e.ranked {
		if pe.life.fixed && !pe.inHistory() {
			out = append(out, pe)
		}
	}
	return out
}

// flightObjective is what the work in progress adds to the objective,
// which the search leaves out (it is no task): its weights, or for the
// finish its forecast end.
func (e *evaluation) flightObjective(objective hclspec.Objective, x float64) float64 {
	for _, pe := range e.inFlight() {
		if objective == hclspec.ObjectiveFinish {
			x = max(x, float64(e.fixedEnd(pe)))
		} else {
			x += objectiveWeight(pe, objective)
		}
	}
	return x
}

// newFigureChange compares a figure; higherIsBetter says which way is a
// gain (an earlier finish is better, a lower NPV worse).
func newFigureChange(figure string, rankOrder, optimized float64, higherIsBetter bool, round func(float64) float64) FigureChange {
	f := FigureChange{Figure: figure, RankOrder: rankOrder, Optimized: optimized, Change: round(optimized - rankOrder), Effect: EffectSame}
	switch {
	case f.Change == 0:
	case (f.Change > 0) == higherIsBetter:
		f.Effect = EffectBetter
	default:
		f.Effect = EffectWorse
	}
	return f
}

// scheduleBudget sizes the search (schedule.BudgetFor): it normally ends
// on its budget of schedules well inside the default time limit.
func scheduleBudget(tasks int) int {
	return schedule.BudgetFor(tasks)
}

// schedulesText is "1 schedule" or "2,000 schedules".
func schedulesText(n int) string {
	if n == 1 {
		return "1 schedule"
	}
	return formatNumber(float64(n), 0) + " schedules"
}

// taskProjects maps task indexes back to projects.
func (e *evaluation) taskProjects(prob *schedule.Problem) []*projectEval {
	tasks := make([]*projectEval, len(prob.Tasks))
	for _, pe := range e.ranked {
		if pe.task >= 0 {
			tasks[pe.task] = pe
		}
	}
	return tasks
}

// optimizationChanges says, project by project, what the optimised plan
// does differently from rank order and why. The headline figures are in
// Optimization.Figures; these lines explain the moves behind them.
func (e *evaluation) optimizationChanges(prob *schedule.Problem, tasks []*projectEval, res schedule.OptimizeResult, objective hclspec.Objective, allPlaced bool, losers []*projectEval, rankOrder []int, leftOut []int) []string {
	base, best := res.BaselineSchedule.Start, res.Schedule.Start
	noun := objectiveNoun(objective)
	// The policy's systems come before the finish: say so when the
	// optimised plan keeps more of them in support.
	looked := "it looked for an earlier finish with the same projects"
	if res.Improved && len(e.dues) > 0 && keptCount(prob, e.dues, best) > keptCount(prob, e.dues, base) {
		looked = "it kept more systems in support (policy replace_before_end_of_support), then looked for an earlier finish, with the same projects"
	}
	var lines []string
	switch {
	case allPlaced && objective != hclspec.ObjectiveFinish && len(losers) > 0 && len(leftOut) == 0:
		ids := make([]string, len(losers))
		for k, pe := range losers {
			ids[k] = fmt.Sprintf("%q", pe.cfg.ID)
		}
		lines = append(lines, fmt.Sprintf("Every project already runs in rank order. Leaving out %s would raise the total %s, but the optimiser never leaves out a project that fits: %s.", joinAnd(ids), noun, looked))
	case allPlaced && objective != hclspec.ObjectiveFinish && len(leftOut) > 0:
		lines = append(lines, fmt.Sprintf("Every project already runs in rank order: the optimiser leaves out the ones that lower the total %s, then %s.", noun, strings.TrimPrefix(looked, "it ")))
	case allPlaced && objective != hclspec.ObjectiveFinish:
		lines = append(lines, fmt.Sprintf("Every project already runs in rank order, so the total %s cannot grow: the optimiser %s.", noun, strings.TrimPrefix(looked, "it ")))
	}
	if res.Improved && len(e.dues) > 0 {
		if k, b := keptCount(prob, e.dues, best), keptCount(prob, e.dues, base); k > b {
			var gained []string
			for _, d := range e.dues {
				if !d.due.Kept(prob, base) && d.due.Kept(prob, best) {
					gained = append(gained, d.sys.ID)
				}
			}
			lines = append(lines, fmt.Sprintf("It keeps %d more %s in support than rank order (%s), as policy replace_before_end_of_support asks: that comes before the objective, and may cost some of it.",
				k-b, pluralOf(k-b, "system", "systems"), namesText(gained, 0)))
		}
	}
	// The projects left out for the objective come first: rank order
	// runs them, as no hurdle drops them (valueLosers).
	for _, i := range leftOut {
		if rankOrder[i] < 0 || best[i] >= 0 {
			continue
		}
		pe := tasks[i]
		lines = append(lines, fmt.Sprintf("Leave out %q (rank %d, %s), planned for %s in rank order: it lowers the total %s, the objective, and nothing needs it.",
			pe.cfg.ID, pe.rank, e.worthText(objective, objectiveWeight(pe, objective)),
			periodSpan(e.label, rankOrder[i], rankOrder[i]+prob.Tasks[i].Duration-1), noun))
	}
	if !res.Improved {
		without, change := "", "no change"
		if len(leftOut) > 0 {
			without, change = " without them", "no other change"
		}
		switch {
		case res.Optimal && res.Objective == schedule.ObjectiveFinish:
			return append(lines, fmt.Sprintf("Rank order%s already finishes as early as possible: %s.", without, change))
		case res.Optimal:
			return append(lines, fmt.Sprintf("Rank order%s already schedules the most total %s possible: %s.", without, noun, change))
		case without != "":
			return append(lines, fmt.Sprintf("No better plan than rank order without them found in %s: no other change.", schedulesText(res.Schedules)))
		default:
			return append(lines, fmt.Sprintf("No better plan than rank order found in %s: no change.", schedulesText(res.Schedules)))
		}
	}
	worth := func(list []int) float64 {
		w := 0.0
		for _, i := range list {
			w += objectiveWeight(tasks[i], objective)
		}
		return w
	}

	// Tasks in rank order (task index is rank order among candidates).
	var added, removed, earlier, later []int
	for i := range tasks {
		switch {
		case base[i] < 0 && best[i] >= 0:
			added = append(added, i)
		case base[i] >= 0 && best[i] < 0:
			removed = append(removed, i)
		case base[i] >= 0 && best[i] < base[i]:
			earlier = append(earlier, i)
		case base[i] >= 0 && best[i] > base[i]:
			later = append(later, i)
		}
	}
	span := func(i, start int) string {
		return periodSpan(e.label, start, start+prob.Tasks[i].Duration-1)
	}
	names := func(list []int) string {
		quoted := make([]string, len(list))
		for k, i := range list {
			quoted[k] = fmt.Sprintf("%q", tasks[i].cfg.ID)
		}
		return strings.Join(quoted, ", ")
	}
	// conflicts lists the tasks of others that share a team or budget with
	// task i and whose new run overlaps [from, to).
	conflicts := func(i, from, to int, others []int) []int {
		var out []int
		for _, j := range others {
			s := best[j]
			if s < 0 || s >= to || s+prob.Tasks[j].Duration <= from || !shareConstraint(prob, i, j) {
				continue
			}
			out = append(out, j)
		}
		return out
	}
	var changes []string
	for _, i := range added {
		if len(changes) > maxChangeLines {
			break // counted below, not shown
		}
		pe := tasks[i]
		why := "rank order deferred it"
		if sys := e.supportGained(prob, i, base, best); sys != "" {
			// The policy's tier comes before the objective (Due).
			why += fmt.Sprintf("; it keeps system %q in support, and policy replace_before_end_of_support comes before the objective", sys)
		}
		if prob.Tasks[i].HasDeadline && e.deadlinesRule() {
			// The rule's tier comes before the objective (deadlineDues).
			why += fmt.Sprintf("; it meets its deadline %s, and policy deadlines = \"error\" comes before the objective", e.label(pe.cfg.Deadline))
		}
		changes = append(changes, fmt.Sprintf("Schedule %q (rank %d, %s) in %s: %s.",
			pe.cfg.ID, pe.rank, e.worthText(objective, objectiveWeight(pe, objective)), span(i, best[i]), why))
	}
	for _, i := range removed {
		if len(changes) > maxChangeLines {
			break // counted below, not shown
		}
		pe := tasks[i]
		why := fmt.Sprintf("so that projects worth more %s in total fit", noun)
		if c := conflicts(i, base[i], base[i]+prob.Tasks[i].Duration, added); len(c) > 0 {
			why = fmt.Sprintf("to make room for %s (%s together)", names(c), e.worthText(objective, worth(c)))
		}
		if sys, other := e.savingEarnedBy(pe, tasks, best, prob.Shared != nil); sys != "" {
			why += fmt.Sprintf("; its saving from system %q counts once, with %q", sys, other)
		}
		changes = append(changes, fmt.Sprintf("Defer %q (rank %d, %s), planned for %s in rank order, %s.",
			pe.cfg.ID, pe.rank, e.worthText(objective, objectiveWeight(pe, objective)), span(i, base[i]), why))
	}
	for _, i := range earlier {
		if len(changes) > maxChangeLines {
			break // counted below, not shown
		}
		pe := tasks[i]
		why := ""
		if sys := e.supportGained(prob, i, base, best); sys != "" {
			why = fmt.Sprintf(", so system %q stays in support: policy replace_before_end_of_support", sys)
		}
		changes = append(changes, fmt.Sprintf("Start %q in %s instead of %s (%s earlier%s).",
			pe.cfg.ID, e.label(best[i]), e.label(base[i]), periods(base[i]-best[i]), why))
	}
	movedIn := slices.Concat(earlier, added) // the tasks a later start may have made room for
	for _, i := range later {
		if len(changes) > maxChangeLines {
			break // counted below, not shown
		}
		pe := tasks[i]
		why := ""
		if c := conflicts(i, base[i], base[i]+prob.Tasks[i].Duration, movedIn); len(c) > 0 {
			sort.Ints(c)
			why = fmt.Sprintf(", leaving its teams to %s", names(c[:min(len(c), 3)]))
			if len(c) > 3 {
				why += fmt.Sprintf(" and %d more", len(c)-3)
			}
		}
		changes = append(changes, fmt.Sprintf("Start %q in %s instead of %s (%s later%s).",
			pe.cfg.ID, e.label(best[i]), e.label(base[i]), periods(best[i]-base[i]), why))
	}
	if total := len(added) + len(removed) + len(earlier) + len(later); total > maxChangeLines {
		changes = append(changes[:maxChangeLines], fmt.Sprintf("... and %d more changes.", total-maxChangeLines))
	}
	return append(lines, changes...)
}

// savingEarnedBy names a system pe replaces that another project placed
// in start also replaces, and that project: the saving counts once
// (shared, when the objective counts shared savings); "" when none.
func (e *evaluation) savingEarnedBy(pe *projectEval, tasks []*projectEval, start []int, shared bool) (system, by string) {
	if !shared {
		return "", ""
	}
	for _, id := range pe.cfg.Replaces {
		if s := e.system(id); s == nil || s.RunCostPerYear <= 0 {
			continue
		}
		for j, q := range tasks {
			if q != pe && start[j] >= 0 && slices.Contains(q.cfg.Replaces, id) {
				return id, q.cfg.ID
			}
		}
	}
	return "", ""
}

// objectiveNoun names what an objective sums: "score", "NPV", ...
func objectiveNoun(objective hclspec.Objective) string {
	switch objective {
	case hclspec.ObjectiveNPV:
		return "NPV"
	case hclspec.ObjectiveRiskAdjustedNPV:
		return "risk-adjusted NPV"
	}
	return "score"
}

// worthText is what a project (or several) brings to the objective:
// "score 0.94", "NPV EUR 120,000".
func (e *evaluation) worthText(objective hclspec.Objective, x float64) string {
	switch objective {
	case hclspec.ObjectiveNPV, hclspec.ObjectiveRiskAdjustedNPV:
		return objectiveNoun(objective) + " " + formatMoney(math.Round(x), e.currency)
	}
	return "score " + formatNumber(x, 3)
}

// shareConstraint reports whether tasks i and j draw on a common team or
// budget, or compete for max_parallel.
func shareConstraint(prob *schedule.Problem, i, j int) bool {
	a, b := &prob.Tasks[i], &prob.Tasks[j]
	if prob.MaxParallel > 0 {
		return true
	}
	for k := range prob.Budgets {
		if a.ShareOf(k) > 0 && b.ShareOf(k) > 0 {
			return true
		}
	}
	for _, d := range a.Demand {
		for _, f := range b.Demand {
			if d.Resource == f.Resource {
				return true
			}
		}
	}
	return false
}

// optimizeWithin runs the search and gives back to b (when set) what it
// did not spend of its limit, read on the clock the search reads.
func optimizeWithin(ctx context.Context, p *schedule.Problem, in schedule.OptimizeInput, b *SearchBudget) schedule.OptimizeResult {
	if b == nil {
		return schedule.Optimize(ctx, p, in)
	}
	clock := in.Clock
	if clock != nil {
		runtime.LockOSThread() // a thread's clock counts this goroutine only while it stays there
		defer runtime.UnlockOSThread()
	} else {
		t0 := time.Now()
		clock = func() time.Duration { return time.Since(t0) }
	}
	start := clock()
	res := schedule.Optimize(ctx, p, in)
	b.give(in.TimeLimit, clock()-start)
	return res
}
