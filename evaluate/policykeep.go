package evaluate

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// With policy { replace_before_end_of_support = true } the policy counts
// when a choice picks an option, as max_team_utilization is planned
// within: rank order takes, of a choice whose best-ranked option would go
// live after the end of support of a system it replaces, the
// best-ranked other option that goes live in time (when that costs no
// mandatory project and keeps more systems in support than the plan
// without it); the optimiser ranks a schedule by the systems it keeps in
// support right after its mandatory projects (schedule.Problem.Due).

// systemDue is a system the policy asks to be replaced in time: its task
// replacers, one of which must go live by its end of support.
type systemDue struct {
	sys *hclspec.System
	due schedule.Due
}

// policyPick is a choice rank order decided by the policy: chosen goes
// live in time for sys where best, the best-ranked option, would not
// (bestEnd: its go-live in the plan without the policy, -1 when it did
// not run there).
type policyPick struct {
	sys                *hclspec.System
	chosen, best       *projectEval
	chosenEnd, bestEnd int
	// deadlines, for a pick of policy { deadlines = "error" } (sys is
	// nil), are the projects whose deadlines chosen lets them meet.
	deadlines []*projectEval
}

// policyMiss is a system the policy fails for although another option
// of a choice would have replaced it in time: option would go live at
// end, but taking it (instead of the option the plan runs) costs what
// why says.
type policyMiss struct {
	sys    *hclspec.System
	option *projectEval
	end    int
	why    string
}

// replacementDue lists, when the policy is on, the systems that run out
// of support inside the horizon and that no done or in-flight project
// retires by then, with the tasks that replace them (in rank order).
func (e *evaluation) replacementDue(prob *schedule.Problem) []systemDue {
	if !e.roadmap.Policies.ReplaceBeforeEndOfSupport {
		return nil
	}
	var out []systemDue
	for _, s := range e.cfg.Systems {
		if !s.EndOfSupportSet || s.EndOfSupport <= 0 || s.EndOfSupport >= e.horizon {
			continue
		}
		d := schedule.Due{By: s.EndOfSupport - 1}
		kept := false
		for _, pe := range e.ranked {
			if pe.dropped() || !slices.Contains(pe.cfg.Replaces, s.ID) {
				continue
			}
			if pe.task >= 0 {
				d.Tasks = append(d.Tasks, pe.task)
				continue
			}
			if live, ok := e.liveUnscheduled(pe); ok && live <= s.EndOfSupport {
				kept = true
			}
		}
		if !kept && len(d.Tasks) > 0 {
			out = append(out, systemDue{sys: s, due: d})
		}
	}
	return out
}

// liveUnscheduled is the go-live of a project the schedule does not
// place: done (the period after it finished; before the roadmap when
// that is not given) or in flight at the status date.
func (e *evaluation) liveUnscheduled(pe *projectEval) (int, bool) {
	switch {
	case pe.life.lifecycle == hclspec.Done:
		if pe.cfg.HasFinished {
			return pe.cfg.Finished + 1, true
		}
		return -1, true
	case pe.life.fixed:
		return e.asOf() + max(pe.cfg.Duration, 1), true
	}
	return 0, false
}

// keptCount is how many of dues start keeps.
func keptCount(prob *schedule.Problem, dues []systemDue, start []int) int {
	n := 0
	for _, d := range dues {
		if d.due.Kept(prob, start) {
			n++
		}
	}
	return n
}

// pinnedPlaced is how many mandatory, committed or forced-in tasks start
// places.
func pinnedPlaced(tasks []*projectEval, start []int) int {
	n := 0
	for i, pe := range tasks {
		if (pe.pinned() || pe.requires()) && start[i] >= 0 {
			n++
		}
	}
	return n
}

// pinnedLost words the mandatory, committed and forced-in tasks placed
// in before but not in after ("mandatory project "x" would not run").
func pinnedLost(tasks []*projectEval, before, after []int) string {
	var lost []string
	for i, pe := range tasks {
		if !(pe.pinned() || pe.requires()) || before[i] < 0 || after[i] >= 0 {
			continue
		}
		switch {
		case pe.cfg.Mandatory:
			lost = append(lost, fmt.Sprintf("mandatory project %q", pe.cfg.ID))
		case pe.requires():
			lost = append(lost, fmt.Sprintf("committed project %q", pe.cfg.ID))
		default:
			lost = append(lost, fmt.Sprintf("%q, forced in (--force-in),", pe.cfg.ID))
		}
	}
	return strings.Join(lost, " and ") + " would not run"
}

// keepPolicy is rank order under the policy: for each system base leaves
// unsupported, in declaration order, it tries the choice options that
// replace it and do not run, best-ranked first, each preferred to the
// other options of its choice (schedule.Task.Preferred) in a new rank
// order pass; the first that goes live in time, costs no mandatory
// project and keeps more systems in support is kept (the preference
// holds for the systems after it). It returns the schedule, with prob's
// tasks marked, and records the choices decided so (e.policyPicks) and
// the options that would have kept a system but cost more (e.policyMisses).
func (e *evaluation) keepPolicy(ctx context.Context, prob *schedule.Problem, base *schedule.Schedule, dues []systemDue) (*schedule.Schedule, error) {
	tasks := e.taskProjects(prob)
	choiceOf := make([]int, len(prob.Tasks))
	for i := range choiceOf {
		choiceOf[i] = -1
	}
	for c, opts := range prob.Choices {
		for _, i := range opts {
			choiceOf[i] = c
		}
	}
	placedOption := func(start []int, c int) int {
		for _, o := range prob.Choices[c] {
			if start[o] >= 0 {
				return o
			}
		}
		return -1
	}
	end := func(start []int, i int) int {
		if start[i] < 0 {
			return -1
		}
		return start[i] + prob.Tasks[i].Duration
	}
	cur := base
	for _, d := range dues {
		if d.due.Kept(prob, cur.Start) {
			continue
		}
		var miss *policyMiss
		for _, t := range d.due.Tasks {
			c := choiceOf[t]
			if c < 0 || cur.Start[t] >= 0 || placedOption(cur.Start, c) < 0 {
				continue
			}
			trial := *prob
			trial.Tasks = slices.Clone(prob.Tasks)
			for _, o := range prob.Choices[c] {
				trial.Tasks[o].Preferred = o == t
			}
			sch, err := schedule.RankOrder(ctx, &trial, schedule.DeadlineWork(len(trial.Tasks)))
			if err != nil {
				return nil, err
			}
			if !d.due.Kept(&trial, sch.Start) {
				continue
			}
			why := ""
			switch {
			case pinnedPlaced(tasks, sch.Start) < pinnedPlaced(tasks, cur.Start):
				why = pinnedLost(tasks, cur.Start, sch.Start)
			case keptCount(&trial, dues, sch.Start) <= keptCount(prob, dues, cur.Start):
				var lost []string
				for _, o := range dues {
					if o.due.Kept(prob, cur.Start) && !o.due.Kept(&trial, sch.Start) {
						lost = append(lost, o.sys.ID)
					}
				}
				why = fmt.Sprintf("system %s would run out of support before a replacement goes live", strings.Join(quoteAll(lost), ", "))
			}
			if why != "" {
				if miss == nil {
					miss = &policyMiss{sys: d.sys, option: tasks[t], end: end(sch.Start, t), why: why}
				}
				continue
			}
			best := placedOption(cur.Start, c)
			e.policyPicks = append(e.policyPicks, policyPick{sys: d.sys, chosen: tasks[t], best: tasks[best],
				chosenEnd: end(sch.Start, t), bestEnd: end(cur.Start, best)})
			prob.Tasks = trial.Tasks
			cur, miss = sch, nil
			break
		}
		if miss != nil {
			e.policyMisses = append(e.policyMisses, *miss)
		}
	}
	return cur, nil
}

// decidedAlternatives records in e.policyMisses, for each system the
// policy covers that base leaves without a replacement in time, an
// option of a choice that replaces it in time although its choice was
// decided before scheduling by another option's status (committed or in
// progress), or by forcing it in or its mandate: a rank-order pass with that option first, in place of the
// decided one (its work in flight stopped), says when it would go live.
// The plan does not change: the status decides. Options that need a
// dropped project, or run together with others, are not tried. A choice
// a need decides (a mandatory, committed or forced-in project needs an
// option: e.needed) is keepPolicy's: its other options are tasks, tried
// preferred, and the miss names what needs the option.
func (e *evaluation) decidedAlternatives(ctx context.Context, prob *schedule.Problem, base *schedule.Schedule) error {
	if !e.roadmap.Policies.ReplaceBeforeEndOfSupport {
		return nil
	}
	grouped := map[*projectEval]bool{}
	for _, g := range e.groups() {
		for _, pe := range g {
			grouped[pe] = len(g) > 1
		}
	}
	for _, s := range e.cfg.Systems {
		if !s.EndOfSupportSet || s.EndOfSupport <= 0 || s.EndOfSupport >= e.horizon || e.keptBy(s, prob, base.Start) {
			continue
		}
		for _, c := range e.cfg.Choices {
			d := e.decidedOption(c)
			if d == nil {
				d = e.pinnedOption(c)
			}
			if d == nil || (d.life.lifecycle != hclspec.Committed && d.life.lifecycle != hclspec.InProgress && !d.pinned()) {
				continue
			}
			for _, id := range c.Options {
				pe := e.projectByID(id)
				if pe == nil || pe == d || pe.gate != GateChoice || !slices.Contains(pe.cfg.Replaces, s.ID) || grouped[pe] {
					continue
				}
				trial, ok := e.instead(prob, pe, d)
				if !ok {
					continue
				}
				sch, err := schedule.RankOrder(ctx, trial, schedule.DeadlineWork(len(trial.Tasks)))
				if err != nil {
					return err
				}
				end := sch.Start[0] + trial.Tasks[0].Duration
				if sch.Start[0] < 0 || end > s.EndOfSupport {
					continue
				}
				why := fmt.Sprintf("%q, %s, would not run", d.cfg.ID, d.life.lifecycle.Words())
				switch {
				case d.life.lifecycle == hclspec.InProgress:
					why = fmt.Sprintf("%q, in progress, would stop", d.cfg.ID)
				case d.forced == ForcedIn:
					why = fmt.Sprintf("%q, forced in (--force-in), would not run", d.cfg.ID)
				case d.cfg.Mandatory && d.life.lifecycle != hclspec.Committed:
					why = fmt.Sprintf("mandatory project %q would not run", d.cfg.ID)
				}
				// Beyond d itself, what taking pe costs.
				shifted := slices.Clone(sch.Start[1:])
				if d.task >= 0 {
					shifted[d.task] = base.Start[d.task]
				}
				if tasks := e.taskProjects(prob); pinnedPlaced(tasks, shifted) < pinnedPlaced(tasks, base.Start) {
					why += " and " + pinnedLost(tasks, base.Start, shifted)
				}
				e.policyMisses = append(e.policyMisses, policyMiss{sys: s, option: pe, end: end, why: why})
				break
			}
		}
	}
	return nil
}

// keptBy reports whether start, or work done or in flight, replaces s
// by its end of support.
func (e *evaluation) keptBy(s *hclspec.System, prob *schedule.Problem, start []int) bool {
	for _, pe := range e.projects {
		if !slices.Contains(pe.cfg.Replaces, s.ID) {
			continue
		}
		if pe.task >= 0 && start[pe.task] >= 0 && start[pe.task]+prob.Tasks[pe.task].Duration <= s.EndOfSupport {
			return true
		}
		if live, ok := e.liveUnscheduled(pe); ok && live <= s.EndOfSupport {
			return true
		}
	}
	return false
}

// instead is prob with option pe as task 0, first in rank order, in
// place of d, the option whose status decided their choice: a committed
// d becomes an option pe is preferred to, an in-progress d's remaining
// work is taken out. Every other task moves one index up. ok is false
// when pe depends on a project that does not run.
func (e *evaluation) instead(prob *schedule.Problem, pe, d *projectEval) (*schedule.Problem, bool) {
	tk := e.taskOf(pe)
	for _, id := range pe.cfg.DependsOn {
		dep := e.projectByID(id)
		switch {
		case dep == nil:
		case dep.task >= 0:
			tk.Preds = append(tk.Preds, dep.task+1)
		case dep.dropped():
			return nil, false
		}
	}
	tk.Preferred = true
	up := func(is []int) []int {
		out := make([]int, len(is))
		for k, i := range is {
			out[k] = i + 1
		}
		return out
	}
	trial := *prob
	trial.Tasks = make([]schedule.Task, 0, len(prob.Tasks)+1)
	trial.Tasks = append(trial.Tasks, tk)
	for _, t := range prob.Tasks {
		t.Preds = up(t.Preds)
		trial.Tasks = append(trial.Tasks, t)
	}
	trial.Choices = nil
	for _, opts := range prob.Choices {
		trial.Choices = append(trial.Choices, up(opts))
	}
	trial.Together = nil
	for _, g := range prob.Together {
		trial.Together = append(trial.Together, up(g))
	}
	trial.Due = nil
	for _, du := range prob.Due {
		trial.Due = append(trial.Due, schedule.Due{Tasks: up(du.Tasks), By: du.By})
	}
	trial.Shared = nil
	for _, sh := range prob.Shared {
		trial.Shared = append(trial.Shared, schedule.Shared{Tasks: up(sh.Tasks), Value: sh.Value})
	}
	if d.task >= 0 {
		trial.Choices = append(trial.Choices, []int{0, d.task + 1})
		for k, opts := range trial.Choices[:len(trial.Choices)-1] {
			if slices.Contains(opts, d.task+1) {
				trial.Choices[k] = append([]int{0}, opts...)
				trial.Choices = trial.Choices[:len(trial.Choices)-1]
				break
			}
		}
	} else {
		trial.Fixed = slices.DeleteFunc(slices.Clone(prob.Fixed), func(f schedule.Fixed) bool { return f.ID == d.cfg.ID && f.Slot })
	}
	return &trial, true
}

// policyPickOf is the pick that decided choice c in rank order, if any.
func (e *evaluation) policyPickOf(c *hclspec.Choice, chosen *projectEval) (policyPick, bool) {
	for _, pk := range e.policyPicks {
		if pk.chosen == chosen && slices.Contains(c.Options, chosen.cfg.ID) {
			return pk, true
		}
	}
	return policyPick{}, false
}

// policyPickReason words pk for the choice's row.
func (e *evaluation) policyPickReason(pk policyPick) string {
	if pk.sys == nil {
		return e.deadlinePickReason(pk)
	}
	why := fmt.Sprintf("%q goes live in %s", pk.chosen.cfg.ID, e.inTimeText(pk.chosenEnd, pk.sys, "policy replace_before_end_of_support"))
	best := fmt.Sprintf("%q, the best-ranked option (rank %d under the %s strategy),", pk.best.cfg.ID, pk.best.rank, strategyOrDefault(e.roadmap.Strategy))
	switch {
	case !slices.Contains(pk.best.cfg.Replaces, pk.sys.ID):
		why += fmt.Sprintf("; %s does not replace %q", best, pk.sys.ID)
	case pk.bestEnd >= 0:
		why += fmt.Sprintf("; %s would go live in %s", best, e.label(pk.bestEnd))
	default:
		why += fmt.Sprintf("; %s would not replace it in time", best)
	}
	return why
}

// keptInSupport words how chosen, scheduled, keeps in support a system
// the policy asks to be replaced in time (e.dues), which the optimiser
// weighs before its objective; "" when it keeps none.
func (e *evaluation) keptInSupport(chosen *projectEval) string {
	if chosen.status != StatusScheduled || chosen.start < 0 {
		return ""
	}
	live := chosen.start + max(chosen.cfg.Duration, 1)
	for _, d := range e.dues {
		if slices.Contains(chosen.cfg.Replaces, d.sys.ID) && live <= d.sys.EndOfSupport {
			return "it goes live in " + e.inTimeText(live, d.sys, "policy replace_before_end_of_support, which the optimiser weighs before its objective")
		}
	}
	return ""
}

// inTimeText words a go-live in period live that keeps sys in support:
// `2027-Q3, as soon as the support of system "old" ends (supported
// through 2027-Q2; why): no gap` when it goes live the period its support
// ends, else `2027-Q2, before the support of system "old" ends
// (supported through 2027-Q3; why)` (qa15f L27: "goes live in 2027-Q3,
// before ... (supported through 2027-Q2)" read as a contradiction).
func (e *evaluation) inTimeText(live int, sys *hclspec.System, why string) string {
	if live == sys.EndOfSupport {
		return fmt.Sprintf("%s, as soon as the support of system %q ends (supported through %s; %s): no gap",
			e.label(live), sys.ID, e.label(sys.EndOfSupport-1), why)
	}
	return fmt.Sprintf("%s, before the support of system %q ends (supported through %s; %s)",
		e.label(live), sys.ID, e.label(sys.EndOfSupport-1), why)
}

// choiceAlternative is, for choice c, the option that would have
// replaced a system in time the plan leaves unsupported (a policyMiss),
// nil when there is none or the plan replaces that system in time after
// all (the optimiser may).
func (e *evaluation) choiceAlternative(c *hclspec.Choice) *ChoiceAlternative {
	for _, m := range e.policyMisses {
		if !slices.Contains(c.Options, m.option.cfg.ID) || e.replacedInTime(m.sys) {
			continue
		}
		return &ChoiceAlternative{Option: m.option.cfg.ID, System: m.sys.ID, GoLive: e.label(m.end), GoLivePeriod: m.end, Cost: m.why}
	}
	return nil
}

// replacedInTime reports whether a scheduled project replaces sys by its
// end of support.
func (e *evaluation) replacedInTime(sys *hclspec.System) bool {
	for _, pe := range e.projects {
		if pe.status == StatusScheduled && pe.start >= 0 && slices.Contains(pe.cfg.Replaces, sys.ID) &&
			pe.start+max(pe.cfg.Duration, 1) <= sys.EndOfSupport {
			return true
		}
	}
	return false
}

// Words words a, an alternative of choice, for the choice's reason and
// the technology audit.
func (a *ChoiceAlternative) Words(choice string) string {
	return fmt.Sprintf("%q, another option of choice %q, would go live in %s, in time for the end of support of system %q, but then %s",
		a.Option, choice, a.GoLive, a.System, a.Cost)
}

// lostToPolicy reports whether rank order dropped pe, the best-ranked
// option of its choice, for another that keeps the policy.
func (e *evaluation) lostToPolicy(pe *projectEval) bool {
	for _, pk := range e.policyPicks {
		if pk.best == pe {
			return true
		}
	}
	return false
}
