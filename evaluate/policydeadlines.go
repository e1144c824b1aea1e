package evaluate

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
)

// With policy { deadlines = "error" } a missed deadline fails the plan,
// so the policy counts when a choice picks an option, as
// replace_before_end_of_support does: rank order takes, of a choice
// whose option leaves deadlines missed, another option with which more
// deadlines are met (when that costs no mandatory or forced-in project
// and keeps as many systems in support); the optimiser ranks a schedule
// by the deadlines it meets in the same tier as the systems it keeps in
// support (deadlineDues). An option whose choice took another option
// misses nothing (choiceTakenByOther).

// deadlinesRule reports whether a missed deadline is an error.
func (e *evaluation) deadlinesRule() bool { return e.roadmap.Policies.Deadlines == "error" }

// missedDeadlines lists the tasks with a deadline start leaves out, but
// options of a choice start places another option of, and the committed
// tasks start places to end after their deadlines (softDeadlines).
func (e *evaluation) missedDeadlines(prob *schedule.Problem, start []int) []int {
	var out []int
	soft := e.softDeadlines(prob)
	for i := range prob.Tasks {
		if soft[i] >= 0 {
			if start[i] < 0 || start[i]+prob.Tasks[i].Duration-1 > soft[i] {
				out = append(out, i)
			}
			continue
		}
		if !prob.Tasks[i].HasDeadline || start[i] >= 0 {
			continue
		}
		taken := false
		for _, opts := range prob.Choices {
			if slices.Contains(opts, i) {
				for _, o := range opts {
					taken = taken || start[o] >= 0
				}
			}
		}
		if !taken {
			out = append(out, i)
		}
	}
	return out
}

// softDeadlines is, for each task, the deadline of a committed or
// mandatory project
// inside the horizon that is no window of the task (rank order could not
// meet it, so it is scheduled late: scheduleLateCommitted), or -1.
func (e *evaluation) softDeadlines(prob *schedule.Problem) []int {
	out := make([]int, len(prob.Tasks))
	for i, pe := range e.taskProjects(prob) {
		out[i] = -1
		if d := pe.cfg.Deadline; d >= 0 && d < e.horizon && !prob.Tasks[i].HasDeadline && pe.lateKind() != "" {
			out[i] = d
		}
	}
	return out
}

// deadlineDues are, under the rule, the deadlines as schedule.Due sets
// for the optimiser: a task's own (it ends by its deadline, a committed
// task's too), or, for an option of a choice, any option of that choice
// placed.
func (e *evaluation) deadlineDues(prob *schedule.Problem) []schedule.Due {
	if !e.deadlinesRule() {
		return nil
	}
	var out []schedule.Due
	for i, d := range e.softDeadlines(prob) {
		if d >= 0 {
			out = append(out, schedule.Due{Tasks: []int{i}, By: d})
		}
	}
	for i, tk := range prob.Tasks {
		if !tk.HasDeadline {
			continue
		}
		d := schedule.Due{Tasks: []int{i}, By: tk.Latest}
		for _, opts := range prob.Choices {
			if slices.Contains(opts, i) {
				d = schedule.Due{Tasks: opts, By: prob.Horizon - 1}
			}
		}
		out = append(out, d)
	}
	return out
}

// keepDeadlines is rank order under the rule: while cur misses
// deadlines, for each choice (in rank order of its placed option) whose
// option no mandatory or forced-in project decided and the
// end-of-support policy did not pick, it tries the options left out,
// best-ranked first, each preferred to the other options of its choice
// in a new rank order pass; the first with which fewer deadlines are
// missed, no mandatory or forced-in project is lost and as many systems
// stay in support is kept (e.policyPicks records it).
func (e *evaluation) keepDeadlines(ctx context.Context, prob *schedule.Problem, cur *schedule.Schedule) (*schedule.Schedule, error) {
	if !e.deadlinesRule() || len(prob.Choices) == 0 {
		return cur, nil
	}
	missed := e.missedDeadlines(prob, cur.Start)
	if len(missed) == 0 {
		return cur, nil
	}
	tasks := e.taskProjects(prob)
	for _, opts := range prob.Choices {
		placed := -1
		for _, o := range opts {
			if cur.Start[o] >= 0 {
				placed = o
			}
		}
		if placed < 0 || tasks[placed].pinned() || e.needed[tasks[placed]] != nil || e.lostToPolicy(tasks[placed]) {
			continue
		}
		if _, picked := e.policyPickOfTask(tasks[placed]); picked {
			continue
		}
		for _, t := range opts {
			if cur.Start[t] >= 0 {
				continue
			}
			trial := *prob
			trial.Tasks = slices.Clone(prob.Tasks)
			for _, o := range opts {
				trial.Tasks[o].Preferred = o == t
			}
			sch, err := schedule.RankOrder(ctx, &trial, schedule.DeadlineWork(len(trial.Tasks)))
			if err != nil {
				return nil, err
			}
			now := e.missedDeadlines(&trial, sch.Start)
			if sch.Start[t] < 0 || len(now) >= len(missed) ||
				pinnedPlaced(tasks, sch.Start) < pinnedPlaced(tasks, cur.Start) ||
				keptCount(&trial, e.dues, sch.Start) < keptCount(prob, e.dues, cur.Start) {
				continue
			}
			var kept []*projectEval
			for _, m := range missed {
				if !slices.Contains(now, m) {
					kept = append(kept, tasks[m])
				}
			}
			e.policyPicks = append(e.policyPicks, policyPick{chosen: tasks[t], best: tasks[placed], deadlines: kept})
			prob.Tasks = trial.Tasks
			cur, missed = sch, now
			break
		}
		if len(missed) == 0 {
			break
		}
	}
	return cur, nil
}

// policyPickOfTask is the pick that chose pe, if any.
func (e *evaluation) policyPickOfTask(pe *projectEval) (policyPick, bool) {
	for _, pk := range e.policyPicks {
		if pk.chosen == pe {
			return pk, true
		}
	}
	return policyPick{}, false
}

// deadlinePickReason words pk, a pick for the deadlines rule, for the
// choice's row.
func (e *evaluation) deadlinePickReason(pk policyPick) string {
	var ds []string
	for _, pe := range pk.deadlines {
		ds = append(ds, fmt.Sprintf("%q (%s)", pe.cfg.ID, e.label(pe.cfg.Deadline)))
	}
	what, verb := "the deadline of", "is"
	if len(ds) > 1 {
		what, verb = "the deadlines of", "are"
	}
	return fmt.Sprintf("with it %s %s %s met (policy deadlines = \"error\"), which %q, the option rank order takes otherwise (rank %d under the %s strategy), would miss",
		what, strings.Join(ds, " and "), verb, pk.best.cfg.ID, pk.best.rank, strategyOrDefault(e.roadmap.Strategy))
}
