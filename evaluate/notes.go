package evaluate

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// applySchedule records each task's start, or defers it (gate
// "schedule"); explainSchedule then says why.
func (e *evaluation) applySchedule(prob *schedule.Problem, sch *schedule.Schedule) {
	out := outOfPlan(prob, sch)
	lost := lostChoice(prob, sch)
	for i, pe := range e.taskProjects(prob) {
		if s := sch.Start[i]; s >= 0 {
			pe.start = s
			pe.status = StatusScheduled
		} else if pe.gate == "" && (sch.Blocked[i].Kind == schedule.BlockChoice || lost[i]) {
			pe.status, pe.gate = StatusDropped, GateChoice
		} else if pe.gate == "" && out[i] && sch.Blocked[i].Kind == schedule.BlockTogether && outPred(prob, out, i) >= 0 {
			pe.status, pe.gate = StatusDropped, GateViability // needs an option left out, with its group
		} else if pe.gate == "" && out[i] && sch.Blocked[i].Kind == schedule.BlockTogether {
			pe.status, pe.gate = StatusDropped, GateTogether // runs together with an option left out
		} else if pe.gate == "" && out[i] {
			pe.status, pe.gate = StatusDropped, GateViability // needs an option left out
		} else if pe.gate == "" {
			pe.status, pe.gate = StatusDeferred, GateSchedule
		}
	}
	e.applyFixed()
}

// lostChoice marks the options not placed whose choice placed a better
// ranked one (a lower task index): dropped by the choice whatever else
// blocked them first (review qa17 D13: an option whose dependency ends
// too late was "deferred"). A better-ranked option left out for room
// stays deferred.
func lostChoice(prob *schedule.Problem, sch *schedule.Schedule) []bool {
	lost := make([]bool, len(prob.Tasks))
	for _, opts := range prob.Choices {
		first := -1
		for _, i := range opts {
			if sch.Start[i] >= 0 && (first < 0 || i < first) {
				first = i
			}
		}
		for _, i := range opts {
			lost[i] = first >= 0 && i > first && sch.Start[i] < 0
		}
	}
	return lost
}

// explainSchedule gives every project the notes that explain where the
// schedule put it: schedule.Explain replays the schedule and lists each
// constraint that blocked each start the project could have had. A
// deferred project's notes are also its findings.
func (e *evaluation) explainSchedule(ctx context.Context, prob *schedule.Problem, sch *schedule.Schedule) error {
	tasks := e.taskProjects(prob)
	exps, err := schedule.Explain(ctx, prob, sch)
	if err != nil {
		return err
	}
	rule := deadlineRuleByTask(sch)
	apart := map[int]schedule.GroupMiss{}
	for _, m := range sch.Apart {
		apart[m.Group] = m
	}
	out := outOfPlan(prob, sch)
	pulled := pulledByTask(sch)
	freed := map[int]schedule.Freed{}
	for _, f := range sch.Freed {
		freed[f.Task] = f
	}
	var groupOf map[*projectEval][]*projectEval
	if len(pulled) > 0 {
		groupOf = map[*projectEval][]*projectEval{}
		for _, g := range e.groups() {
			for _, pe := range g {
				groupOf[pe] = g
			}
		}
	}
	labels := make([]string, e.horizon)
	dated := prob.DatedBudgets()
	for i, pe := range tasks {
		if sch.Start[i] < 0 && pe.gate == GateValue {
			pe.notes = []Note{} // left out by the optimiser for the objective: nothing blocked it
			continue
		}
		nw := noteWriter{e: e, prob: prob, tasks: tasks, i: i, pe: pe, scheduled: sch.Start[i] >= 0, apart: apart, out: out, pulled: pulled,
			freed: freed, retried: sch.Retried, groupOf: groupOf, labels: labels, dated: dated}
		notes := nw.notes(exps[i], rule)
		pe.notes = make([]Note, 0, len(notes))
		for _, n := range notes {
			pe.notes = append(pe.notes, n.Note)
			switch {
			case nw.scheduled:
			case n.Kind == NoteChoice:
				pe.fail(StatusDropped, GateChoice, n.Message, n.rng)
			case out[i] && n.Kind == NoteDependency:
				pe.fail(StatusDropped, GateViability, n.Message, n.rng)
			case out[i] && n.Kind == NoteTogether:
				pe.fail(StatusDropped, GateTogether, n.Message, n.rng)
			default:
				pe.fail(StatusDeferred, GateSchedule, n.Message, n.rng)
			}
		}
	}
	return nil
}

// outPred is the first direct dependency of task i that can never run
// in this plan (outOfPlan), or -1.
func outPred(prob *schedule.Problem, out []bool, i int) int {
	for _, q := range prob.Tasks[i].Preds {
		if out[q] {
			return q
		}
	}
	return -1
}

// outOfPlan marks the unscheduled tasks that can never run in this plan:
// an option another option of its choice was chosen over, what depends
// on one, directly or not, and what runs together with one. The others
// only wait for room.
func outOfPlan(prob *schedule.Problem, sch *schedule.Schedule) []bool {
	out := make([]bool, len(prob.Tasks))
	if len(prob.Choices) == 0 {
		return out
	}
	for i := range out {
		out[i] = sch.Start[i] < 0 && sch.Blocked[i].Kind == schedule.BlockChoice
	}
	for changed := true; changed; {
		changed = false
		for i, tk := range prob.Tasks {
			if out[i] || sch.Start[i] >= 0 {
				continue
			}
			for _, q := range tk.Preds {
				if out[q] {
					out[i], changed = true, true
					break
				}
			}
		}
		for _, g := range prob.Together {
			if !slices.ContainsFunc(g, func(m int) bool { return out[m] }) {
				continue
			}
			for _, m := range g {
				if !out[m] && sch.Start[m] < 0 {
					out[m], changed = true, true
				}
			}
		}
	}
	return out
}

// deadlineRule indexes the deadline rule's moves and misses by task.
type deadlineRule struct {
	moved  map[int]*schedule.DeadlineMove   // the task that went first
	with   map[int][]*schedule.DeadlineMove // predecessors that went with it
	ahead  map[int][]*schedule.DeadlineMove // tasks it went ahead of
	missed map[int]*schedule.DeadlineMiss
}

func deadlineRuleByTask(sch *schedule.Schedule) deadlineRule {
	r := deadlineRule{moved: map[int]*schedule.DeadlineMove{}, with: map[int][]*schedule.DeadlineMove{},
		ahead: map[int][]*schedule.DeadlineMove{}, missed: map[int]*schedule.DeadlineMiss{}}
	for k := range sch.Moves {
		m := &sch.Moves[k]
		r.moved[m.Task] = m
		for _, a := range m.With {
			r.with[a] = append(r.with[a], m)
		}
		for _, a := range m.Ahead {
			r.ahead[a] = append(r.ahead[a], m)
		}
	}
	for k := range sch.Misses {
		r.missed[sch.Misses[k].Task] = &sch.Misses[k]
	}
	return r
}

// noteWriter words one project's notes.
type noteWriter struct {
	e         *evaluation
	prob      *schedule.Problem
	tasks     []*projectEval
	i         int
	pe        *projectEval
	scheduled bool
	apart     map[int]schedule.GroupMiss      // by together group
	out       []bool                          // by task: can never run in this plan (outOfPlan)
	pulled    map[int]schedule.Pull           // by task: placed ahead of its turn
	freed     map[int]schedule.Freed          // by task: placed by rank order's second pass
	retried   bool                            // rank order's second pass ran (schedule.Schedule.Retried)
	groupOf   map[*projectEval][]*projectEval // together groups, when a task is pulled
	labels    []string                        // period labels made so far, shared by every task's writer
	dated     []bool                          // by budget: spend to date counts (schedule.Problem.DatedBudgets)
}

// label is period t's label, made once per plan for the periods of the
// horizon: the notes of a large plan label up to 200 periods each, and
// formatting them anew was a quarter of explaining the schedule.
func (w *noteWriter) label(t int) string {
	if t < 0 || t >= len(w.labels) {
		return w.e.label(t)
	}
	if w.labels[t] == "" {
		w.labels[t] = w.e.label(t)
	}
	return w.labels[t]
}

// rangedNote is a note with the source range its finding points at.
type rangedNote struct {
	Note
	rng hcl.Range
}

// notes are the project's notes in a fixed order. A deferred project:
// a dependency not scheduled; else the constraints that block its starts,
// most starts blocked first; what bounds its starts (dependencies,
// earliest_start, then deadline or horizon); the deadline rule. When no
// start is left at all, the bound that leaves none comes first. A
// scheduled project: the project that needs it, for an option ranked
// with it (neededNote); what bounds its first start, what it waited for
// (most starts first), the deadline rule or the optimiser's choice.
func (w *noteWriter) notes(ex schedule.Explanation, rule deadlineRule) []rangedNote {
	if tr := ex.Trial; tr != nil && tr.Turn >= 0 && !w.scheduled {
		return []rangedNote{w.trial(tr)}
	}
	var out, release, blocking, end, choice []rangedNote
	for _, o := range ex.Obstacles {
		switch o.Kind {
		case schedule.ObstacleDependency:
			if ex.Release < 0 {
				out = append(out, w.dependencyOut(o))
			} else {
				release = append(release, w.dependency(o))
			}
		case schedule.ObstacleChoice:
			out = append(out, w.choice(o))
		case schedule.ObstacleTogether:
			out = append(out, w.together(o, ex.Trial))
		case schedule.ObstacleEarliest:
			release = append(release, w.earliest())
		case schedule.ObstacleDeadline, schedule.ObstacleHorizon:
			end = append(end, w.end(o, ex))
		case schedule.ObstacleLate:
			choice = append(choice, w.late(o))
		case schedule.ObstacleFree:
			if _, moved := rule.moved[w.i]; !moved {
				choice = append(choice, w.optimizer(o))
			}
		default:
			blocking = append(blocking, w.blocking(o))
		}
	}
	order := blockingOrder(ex.Obstacles)
	sorted := make([]rangedNote, len(blocking))
	for k, idx := range order {
		sorted[k] = blocking[idx]
	}
	var notes []rangedNote
	if w.scheduled {
		notes = w.neededNote() // why it ranks where it does, first
	}
	notes = append(notes, out...)
	if !w.scheduled && ex.Release >= 0 && ex.First > ex.Last {
		notes = append(notes, end...)
		notes = append(notes, release...)
		end = nil
	} else {
		if w.scheduled {
			notes = append(notes, release...)
			notes = append(notes, sorted...)
		} else {
			notes = append(notes, sorted...)
			notes = append(notes, release...)
		}
	}
	notes = append(notes, end...)
	notes = append(notes, w.priority(ex, rule)...)
	if pl, ok := w.pulled[w.i]; ok && w.scheduled {
		notes = append(notes, w.pulledNote(pl))
	}
	if f, ok := w.freed[w.i]; ok && w.scheduled {
		notes = append(notes, w.freedNote(f))
	}
	if n, ok := w.retriedNote(ex); ok {
		notes = append(notes, n)
	}
	return append(notes, choice...)
}

// blockingOrder sorts the indexes of the blocking obstacles (resource,
// headroom, budget, parallel) by starts blocked, most first; ties keep
// Explain's order.
func blockingOrder(obs []schedule.Obstacle) []int {
	var starts []int
	for _, o := range obs {
		switch o.Kind {
		case schedule.ObstacleResource, schedule.ObstacleHeadroom, schedule.ObstacleBudget, schedule.ObstacleParallel, schedule.ObstacleTeamParallel:
			starts = append(starts, o.Starts)
		}
	}
	order := make([]int, len(starts))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int { return starts[b] - starts[a] })
	return order
}

func (w *noteWriter) project(j int) string { return w.tasks[j].cfg.ID }

func (w *noteWriter) projects(js []int) []string {
	ids := make([]string, len(js))
	for k, j := range js {
		ids[k] = w.project(j)
	}
	return ids
}

// neededNote says why an option ranks with the mandatory, committed or
// forced-in project that needs it (e.needed), ahead of the strategy's
// order (review Q6: it ranked 1 with no reason): that project decides its
// choice. None for other projects.
func (w *noteWriter) neededNote() []rangedNote {
	by := w.e.needed[w.pe]
	if by == nil {
		return nil
	}
	choice := "its choice"
	if c := w.e.choiceOf(w.pe.cfg.ID); c != nil {
		choice = fmt.Sprintf("choice %q", c.ID)
	}
	_, msg := w.e.neededReason(w.pe, choice)
	return []rangedNote{w.newNote(NotePriority, by.cfg.ID, msg, by.cfg.DeclRange)}
}

func (w *noteWriter) newNote(kind, id, msg string, rng hcl.Range) rangedNote {
	return rangedNote{Note: Note{Kind: kind, ID: id, Periods: []PeriodRange{}, Windows: []string{}, HeldBy: []string{}, AheadOf: []string{}, Message: msg}, rng: rng}
}

// noteListed caps the runs of periods and the projects a note lists in
// periods and held_by; more_periods and more_held_by count the rest. The
// message names three of each and the count, so ten are enough to read,
// and 10,000 projects waiting for one team no longer write 100 holders
// and 100 runs each (review qa15g F13: 913 MB of JSON).
const noteListed = 10

// setPeriods lists the first noteListed of spans in n and counts the
// rest, more included (runs the explanation did not list).
func (w *noteWriter) setPeriods(n *rangedNote, spans []schedule.Span, more int) {
	if len(spans) > noteListed {
		more += len(spans) - noteListed
		spans = spans[:noteListed]
	}
	n.Periods = w.periodRanges(spans)
	n.MorePeriods = more
}

func (w *noteWriter) periodRanges(spans []schedule.Span) []PeriodRange {
	out := make([]PeriodRange, len(spans))
	for k, s := range spans {
		out[k] = PeriodRange{StartPeriod: s.First, EndPeriod: s.Last + 1, Start: w.label(s.First), End: w.label(s.Last)}
	}
	return out
}

// spansText names runs of periods: "2027-Q1..2027-Q3, 2028-Q1", at most
// three of them, then how many more.
func (w *noteWriter) spansText(spans []schedule.Span, more int) string {
	const listed = 3
	var parts []string
	for _, s := range spans[:min(len(spans), listed)] {
		parts = append(parts, periodSpan(w.label, s.First, s.Last))
	}
	if n := len(spans) - listed + more; n > 0 {
		return strings.Join(parts, ", ") + fmt.Sprintf(" and %s more %s of periods", formatNumber(float64(n), 0), pluralOf(n, "run", "runs"))
	}
	return joinAnd(parts)
}

// namesText quotes project ids: `"a", "b" and "c"`, at most three, then
// how many more.
func namesText(ids []string, more int) string {
	const listed = 3
	quoted := quoteAll(ids[:min(len(ids), listed)])
	if n := len(ids) - listed + more; n > 0 {
		return strings.Join(quoted, ", ") + " and " + formatNumber(float64(n), 0) + " more"
	}
	return joinAnd(quoted)
}

// joinAnd is "a", "a and b", "a, b and c".
func joinAnd(parts []string) string {
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// joinOr is "a", "a; or b", "a; b; or c": alternatives that may hold
// commas of their own.
func joinOr(parts []string) string {
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], "; ") + "; or " + parts[len(parts)-1]
}

// heldBy fills a note's holders and says who they are: ` (held by "a")`.
// Work in flight at the status date and a done project's run costs hold
// room too (` (held by "a" and "b" (in progress))`), and a budget window's
// spend to date is counted (`, and EUR 565,000 spent before the status
// date`): the note names everything that fills the room (qa15f F4).
func (w *noteWriter) heldBy(n *rangedNote, o schedule.Obstacle, verb string) string {
	// The message names the first three and counts the others: only they
	// are quoted (a note of 10,000 waiting projects quoted 100 each).
	const listed = 3
	ids := w.projects(o.Holders)
	quoted := quoteAll(ids[:min(len(ids), listed)])
	for _, f := range o.Fixed {
		id := w.prob.Fixed[f].ID
		if slices.Contains(ids, id) {
			continue
		}
		what := "in progress"
		if pe := w.e.projectByID(id); pe != nil && pe.life.lifecycle == hclspec.Done {
			what = "done, its run costs"
		}
		ids = append(ids, id)
		if len(quoted) < listed {
			quoted = append(quoted, fmt.Sprintf("%q (%s)", id, what))
		}
	}
	n.HeldBy, n.MoreHeldBy = ids, o.MoreHolders
	if len(ids) > noteListed {
		n.HeldBy, n.MoreHeldBy = ids[:noteListed], n.MoreHeldBy+len(ids)-noteListed
	}
	text := ""
	if len(ids) > 0 {
		text = verb + " " + joinAnd(quoted)
		if more := len(ids) - len(quoted) + o.MoreHolders; more > 0 {
			text = verb + " " + strings.Join(quoted, ", ") + " and " + formatNumber(float64(more), 0) + " more"
		}
	}
	if o.History > 0 {
		history := formatMoney(o.History, w.e.currency) + " spent before the status date"
		if text != "" {
			history = ", and " + history
		}
		text += history
	}
	if text == "" {
		return ""
	}
	return " (" + text + ")"
}

// waited words a constraint: "team "x" has no room ..." for a deferred
// project, "waited for team "x": no room ..." for a scheduled one.
func (w *noteWriter) waited(what, verb, msg string) string {
	if w.scheduled {
		return "waited for " + what + ": " + msg
	}
	return what + " " + verb + " " + msg
}

func (w *noteWriter) blocking(o schedule.Obstacle) rangedNote {
	p := w.pe.cfg
	tk := &w.prob.Tasks[w.i]
	when := w.spansText(o.Periods, o.MorePeriods)
	var n rangedNote
	switch o.Kind {
	case schedule.ObstacleResource, schedule.ObstacleHeadroom:
		team := w.prob.Resources[o.Index].ID
		need := 0.0
		for _, d := range tk.Demand {
			if d.Resource == o.Index {
				need += d.Amount
			}
		}
		kind, verb, what := NoteTeam, "has", fmt.Sprintf("no room for %s FTE in %s", formatNumber(need, 2), when)
		if o.Kind == schedule.ObstacleHeadroom {
			kind, verb = NoteHeadroom, "is"
			what = fmt.Sprintf("at its %s headroom limit (policy.max_team_utilization) in %s: %s FTE more would pass it",
				formatPercent(w.e.headroom()), when, formatNumber(need, 2))
		}
		n = w.newNote(kind, team, "", keyRange(p, "effort", team))
		n.Message = w.waited(fmt.Sprintf("team %q", team), verb, what+w.heldBy(&n, o, "held by"))
	case schedule.ObstacleBudget:
		bg := &w.prob.Budgets[o.Index]
		n = w.newNote(NoteBudget, bg.ID, "", p.Ranges.Range("funding."+bg.ID, p.Ranges.Range("funding", p.Ranges.Range("cost.one_time", p.DeclRange))))
		var labels []string
		steady := false
		for _, win := range o.Windows {
			if bg.IsSteady(win) {
				steady = true
				continue
			}
			labels = append(labels, bg.Labels[win])
		}
		n.Windows = labels
		if len(labels) > noteListed {
			// A per-period budget has a window per period.
			n.Windows, n.MoreWindows = labels[:noteListed], len(labels)-noteListed
		}
		if steady {
			n.Windows = append(slices.Clip(n.Windows), steadyLabel)
		}
		spend := "its build spend of " + formatMoney(sum(tk.Spend), w.e.currency)
		runs := len(tk.Run) > 0 && slices.ContainsFunc(tk.RunShares, func(sh schedule.BudgetShare) bool { return sh.Budget == o.Index })
		run := "its run costs of " + formatMoney(w.pe.runPerYear(), w.e.currency) + " a year from go-live"
		if runs && tk.ShareOf(o.Index)*sum(tk.Spend) == 0 {
			// Its opex budget: the run costs from go-live.
			n.rng = p.Ranges.Range("run_funding", p.Ranges.Range("cost.per_year", p.DeclRange))
			spend = run
		} else if runs {
			spend += " and " + run
		} else if share := tk.ShareOf(o.Index); share < 1 {
			spend = fmt.Sprintf("its %s share of its build spend (%s of %s)", formatPercent(share),
				formatMoney(share*sum(tk.Spend), w.e.currency), formatMoney(sum(tk.Spend), w.e.currency))
		}
		room := "no room"
		if w.dated != nil && w.dated[o.Index] {
			room = "no room to date" // a saving frees room from when it starts (DatedBudgets)
		}
		what := fmt.Sprintf("%s for %s in %s", room, spend, windowsText(labels))
		switch {
		case steady:
			what = w.steadyText(bg, spend, labels) + w.heldBy(&n, o, "spent by")
		case o.Alone && room == "no room":
			// Its own spend passes the window's amount: nobody else is
			// in the way (qa15f L25). Not so where savings are credited:
			// others' savings make room (qa17-dom D9).
			limit := 0.0
			for _, win := range o.Windows {
				limit = max(limit, bg.Limit[win])
			}
			what += fmt.Sprintf(": on its own it spends more there than the %s the budget has for the window, whatever the others spend",
				formatMoney(limit, w.e.currency))
		default:
			what += w.heldBy(&n, o, "spent by")
		}
		n.Message = w.waited(fmt.Sprintf("budget %q", bg.ID), "has", what)
	case schedule.ObstacleTeamParallel:
		team := w.prob.Resources[o.Index].ID
		n = w.newNote(NoteTeamParallel, team, "", keyRange(p, "effort", team))
		what := fmt.Sprintf("team %q runs its max_parallel of %s in %s", team, maxParallelText(w.prob.Resources[o.Index].MaxParallel), when) + w.heldBy(&n, o, "held by")
		n.Message = what
		if w.scheduled {
			n.Message = fmt.Sprintf("waited for a slot in team %q: ", team) + what
		}
	default: // parallel
		n = w.newNote(NoteMaxParallel, "", "", w.e.roadmap.Ranges.Range("max_parallel", w.e.roadmap.DeclRange))
		what := fmt.Sprintf("max_parallel %d is reached in %s", w.prob.MaxParallel, when) + w.heldBy(&n, o, "held by")
		n.Message = what
		if w.scheduled {
			n.Message = "waited for a slot: " + what
		}
	}
	w.setPeriods(&n, o.Periods, o.MorePeriods)
	return n
}

// steadyLabel names a budget's steady window (a year once everything
// placed is live) in a note's windows.
const steadyLabel = "once live"

// steadyText words a budget without room in its steady window: the run
// rate once live, which goes on after the horizon, passes what the
// budget pays a year.
func (w *noteWriter) steadyText(bg *schedule.Budget, spend string, labels []string) string {
	if pe := w.pe; pe.runPerYear() > 0 && w.e.runCredit(pe) > 0 {
		spend += fmt.Sprintf(" (%s net of the systems it retires)", formatMoney(pe.runPerYear()-w.e.runCredit(pe), w.e.currency))
	}
	when := "a year once live"
	if len(labels) > 0 {
		when = windowsText(labels) + ", nor in a year once live"
	}
	return fmt.Sprintf("no room for %s in %s: it pays %s a year, and run costs go on after the horizon, so a later go-live does not help",
		spend, when, formatMoney(bg.Steady, w.e.currency))
}

// windowsText names budget windows: "2027", "2027 and 2028", or the
// first three and how many more.
func windowsText(labels []string) string {
	const listed = 3
	if len(labels) > listed {
		return strings.Join(labels[:listed], ", ") + fmt.Sprintf(" and %d more windows", len(labels)-listed)
	}
	return joinAnd(labels)
}

func (w *noteWriter) dependencyOut(o schedule.Obstacle) rangedNote {
	dep := w.project(o.Index)
	if w.out != nil && w.out[o.Index] {
		msg := fmt.Sprintf("depends on dropped project %q", dep)
		if c := w.e.choiceOf(dep); c != nil && w.tasks[o.Index].gate == GateChoice {
			msg += fmt.Sprintf(" (another option of choice %q was chosen)", c.ID)
		}
		return w.newNote(NoteDependency, dep, msg, keyRange(w.pe.cfg, "depends_on", dep))
	}
	return w.newNote(NoteDependency, dep, fmt.Sprintf("depends on deferred project %q", dep), keyRange(w.pe.cfg, "depends_on", dep))
}

func (w *noteWriter) dependency(o schedule.Obstacle) rangedNote {
	dep := w.project(o.Index)
	end := w.e.label(o.Periods[0].Last)
	msg := fmt.Sprintf("cannot start before %q ends (%s)", dep, end)
	if w.scheduled {
		msg = fmt.Sprintf("starts when %q ends (%s)", dep, end)
	}
	n := w.newNote(NoteDependency, dep, msg, keyRange(w.pe.cfg, "depends_on", dep))
	w.setPeriods(&n, o.Periods, o.MorePeriods)
	return n
}

// late says that a together project placed just in time for the
// partner that needs it (schedule.Late) passed over its earlier starts.
func (w *noteWriter) late(o schedule.Obstacle) rangedNote {
	by := w.project(o.Index)
	msg := fmt.Sprintf("runs as late as fits before %q, which depends on it: it brings no benefit of its own and only prepares its together group, so it does not start earlier (%s)",
		by, w.spansText(o.Periods, o.MorePeriods))
	n := w.newNote(NoteTogether, by, msg, w.pe.cfg.Ranges.Range("together", w.pe.cfg.DeclRange))
	w.setPeriods(&n, o.Periods, o.MorePeriods)
	return n
}

func (w *noteWriter) earliest() rangedNote {
	p := w.pe.cfg
	if release := w.prob.Tasks[w.i].Earliest; release > max(p.EarliestStart, 0) {
		return w.heldBack(release)
	}
	label := w.e.label(p.EarliestStart)
	msg := "cannot start before its earliest_start " + label
	if w.scheduled {
		msg = "starts no earlier than " + label + " (earliest_start)"
	}
	n := w.newNote(NoteEarliestStart, "", msg, p.Ranges.Range("earliest_start", p.DeclRange))
	n.Periods = w.periodRanges([]schedule.Span{{First: 0, Last: p.EarliestStart - 1}})
	return n
}

// end words what bounds a deferred project's starts from above: its
// deadline, or the horizon.
func (w *noteWriter) end(o schedule.Obstacle, ex schedule.Explanation) rangedNote {
	p := w.pe.cfg
	tk := &w.prob.Tasks[w.i]
	d := tk.Duration
	last := w.e.label(w.e.horizon - 1)
	var msg string
	rng := p.Ranges.Range("duration", p.DeclRange)
	kind := NoteHorizon
	if o.Kind == schedule.ObstacleDeadline {
		kind = NoteDeadline
		rng = p.Ranges.Range("deadline", p.DeclRange)
	}
	if ex.First > ex.Last {
		from := ex.Release
		var why string
		switch {
		case from > max(p.EarliestStart, w.e.asOf(), 0):
			why = "after its dependencies end (" + w.e.label(from-1) + ")"
		case from > max(p.EarliestStart, 0):
			why = "from " + w.e.label(from) + ", when plans start (status date " + w.e.roadmap.AsOf + ")"
		case p.EarliestStart > 0:
			why = "from its earliest_start " + w.e.label(from)
		default:
			why = "from " + w.e.label(from)
		}
		ends := w.e.label(from + d - 1)
		if kind == NoteDeadline {
			msg = fmt.Sprintf("cannot finish by its deadline %s: %s %s would end %s", w.e.label(tk.Latest), periods(d), why, ends)
		} else {
			msg = fmt.Sprintf("cannot finish inside the horizon (last period %s): %s %s would end %s", last, periods(d), why, ends)
		}
	} else if kind == NoteDeadline {
		msg = fmt.Sprintf("must finish by its deadline %s, so it cannot start after %s", w.e.label(tk.Latest), w.e.label(ex.Last))
	} else {
		msg = fmt.Sprintf("must finish inside the horizon (last period %s), so it cannot start after %s", last, w.e.label(ex.Last))
	}
	n := w.newNote(kind, "", msg, rng)
	w.setPeriods(&n, o.Periods, o.MorePeriods)
	return n
}

func (w *noteWriter) optimizer(o schedule.Obstacle) rangedNote {
	msg := fmt.Sprintf("the optimiser starts it later than it could: nothing blocked a start in %s", w.spansText(o.Periods, o.MorePeriods))
	n := w.newNote(NoteOptimizer, "", msg, w.pe.cfg.DeclRange)
	w.setPeriods(&n, o.Periods, o.MorePeriods)
	return n
}

// noRoomText says which constraint has less room left in the whole
// horizon than the project needs.
func (w *noteWriter) noRoomText(m *schedule.DeadlineMiss) string {
	unit := string(w.e.cal.Unit)
	switch m.NoRoom.Kind {
	case schedule.ObstacleResource:
		return fmt.Sprintf("team %q has %s FTE-%ss left in the whole horizon and it needs %s",
			w.prob.Resources[m.NoRoom.Index].ID, formatNumber(m.Free, 2), unit, formatNumber(m.Need, 2))
	case schedule.ObstacleBudget:
		return fmt.Sprintf("budget %q has %s left in the whole horizon and it needs %s of it",
			w.prob.Budgets[m.NoRoom.Index].ID, formatMoney(m.Free, w.e.currency), formatMoney(m.Need, w.e.currency))
	}
	return fmt.Sprintf("max_parallel leaves %s project-%ss in the whole horizon and it needs %s", formatNumber(m.Free, 0), unit, formatNumber(m.Need, 0))
}

// priority words the deadline rule's part in this project's place: it
// went first, went with a project that did, let one go first, or could
// not meet its deadline even going first.
func (w *noteWriter) priority(ex schedule.Explanation, rule deadlineRule) []rangedNote {
	p := w.pe.cfg
	deadline := func(task int) string { return w.e.label(w.prob.Tasks[task].Latest) }
	var notes []rangedNote
	if m, ok := rule.moved[w.i]; ok {
		msg := "goes first to meet its deadline " + deadline(w.i)
		n := w.newNote(NotePriority, "", "", p.Ranges.Range("deadline", p.DeclRange))
		if len(m.Ahead) > 0 {
			n.AheadOf = w.projects(m.Ahead)
			msg = fmt.Sprintf("goes ahead of %s to meet its deadline %s", namesText(n.AheadOf, 0), deadline(w.i))
		}
		if len(m.Rejected) > 0 {
			msg += fmt.Sprintf("; starting in %s would push out %s", w.spansText(m.Rejected, 0), namesText(w.projects(m.PushedOut), 0))
		}
		n.Message = msg
		w.setPeriods(&n, m.Rejected, 0)
		notes = append(notes, n)
	}
	for _, m := range rule.with[w.i] {
		d := w.project(m.Task)
		notes = append(notes, w.newNote(NotePriority, d,
			fmt.Sprintf("goes first with %q, which depends on it, so that %q meets its deadline %s", d, d, deadline(m.Task)),
			keyRange(w.tasks[m.Task].cfg, "depends_on", p.ID)))
	}
	for _, m := range rule.ahead[w.i] {
		d := w.project(m.Task)
		notes = append(notes, w.newNote(NotePriority, d,
			fmt.Sprintf("lets %q go first to meet its deadline %s", d, deadline(m.Task)), p.DeclRange))
	}
	if m, ok := rule.missed[w.i]; ok {
		var msg string
		switch {
		case m.NoRoom != nil:
			msg = "going ahead of the projects ranked above it cannot help: " + w.noRoomText(m)
		case m.OutOfBudget && len(m.Tried) > 0:
			msg = fmt.Sprintf("going ahead of the projects ranked above it, each start tried (%s) would push out %s; the deadline rule's work budget ran out before its later starts",
				w.spansText(m.Tried, 0), namesText(w.projects(m.PushedOut), 0))
		case m.OutOfBudget:
			msg = "was not tried ahead of the projects ranked above it: the deadline rule's work budget ran out"
		case len(m.PushedOut) > 0:
			msg = fmt.Sprintf("going ahead of the projects ranked above it does not help: each start where it fits (%s) would push out %s",
				w.spansText(m.Tried, 0), namesText(w.projects(m.PushedOut), 0))
		case ex.Release >= 0 && ex.First > ex.Last:
			// No start at all: the deadline note says why.
		default:
			msg = "does not fit before its deadline even going ahead of the projects ranked above it"
		}
		if msg != "" {
			n := w.newNote(NotePriority, "", msg, p.Ranges.Range("deadline", p.DeclRange))
			w.setPeriods(&n, m.Tried, 0)
			notes = append(notes, n)
		}
	}
	return notes
}

// heldBack words a release later than the project's earliest_start: the
// status date (nothing new starts before it), or the forecast end of a
// dependency still in progress.
func (w *noteWriter) heldBack(release int) rangedNote {
	p := w.pe.cfg
	for _, d := range p.DependsOn {
		if dep, ok := w.e.projectByIDOK(d); ok && w.e.fixedEnd(dep) == release {
			end := w.e.label(release - 1)
			msg := fmt.Sprintf("cannot start before %q, in progress, ends (forecast %s)", d, end)
			if w.scheduled {
				msg = fmt.Sprintf("starts when %q, in progress, ends (forecast %s)", d, end)
			}
			n := w.newNote(NoteDependency, d, msg, keyRange(p, "depends_on", d))
			n.Periods = w.periodRanges([]schedule.Span{{First: w.e.asOf(), Last: release - 1}})
			return n
		}
	}
	msg := "nothing new starts before the status date " + w.e.roadmap.AsOf
	if label := w.e.label(release); label != w.e.roadmap.AsOf {
		msg += " (plans start in " + label + ")"
	}
	n := w.newNote(NoteStatusDate, "", msg, w.e.roadmap.Ranges.Range("as_of", w.e.roadmap.DeclRange))
	n.Periods = w.periodRanges([]schedule.Span{{First: 0, Last: release - 1}})
	return n
}
