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

// pinnedPlaced is how many mandatory or forced-in tasks start places.
func pinnedPlaced(tasks []*projectEval, start []int) int {
	n := 0
	for i, pe := range tasks {
		if pe.pinned() && start[i] >= 0 {
			n++
		}
	}
	return n
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
				why = "a mandatory project would not run"
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
	why := fmt.Sprintf("%q goes live in %s, before the support of system %q ends (supported through %s; policy replace_before_end_of_support)",
		pk.chosen.cfg.ID, e.label(pk.chosenEnd), pk.sys.ID, e.label(pk.sys.EndOfSupport-1))
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
			return fmt.Sprintf("it goes live in %s, before the support of system %q ends (supported through %s; policy replace_before_end_of_support, which the optimiser weighs before its objective)",
				e.label(live), d.sys.ID, e.label(d.sys.EndOfSupport-1))
		}
	}
	return ""
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
	return fmt.Sprintf("%q, another option of choice %q, would go live in %s, before the support of system %q ends, but then %s",
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
