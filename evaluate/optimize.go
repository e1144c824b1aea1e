package evaluate

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
)

// DefaultTimeLimit bounds an optimiser run when Options.TimeLimit is 0.
const DefaultTimeLimit = 5 * time.Second

// maxChangeLines caps the changes an optimised plan lists; the rest are
// counted in a last line.
const maxChangeLines = 20

// scheduleProjects places the candidates in rank order and, with
// --optimize or optimize = true, lets the optimiser look for a better
// plan: more total score when not everything fits, an earlier finish when
// everything must run. It returns the schedule to apply and the report,
// nil without optimisation.
func (e *evaluation) scheduleProjects(ctx context.Context, prob *schedule.Problem, opts Options) (*schedule.Schedule, *Optimization, error) {
	base, err := schedule.RankOrder(ctx, prob, schedule.DeadlineWork(len(prob.Tasks)))
	if err != nil {
		return nil, nil, err
	}
	if opts.RankOrder || (!opts.Optimize && !e.roadmap.Optimize) {
		return base, nil, nil
	}
	tasks := e.taskProjects(prob)
	for i, pe := range tasks {
		prob.Tasks[i].Weight = pe.score
		prob.Tasks[i].Mandatory = pe.cfg.Mandatory
	}
	limit := opts.TimeLimit
	if limit <= 0 {
		limit = DefaultTimeLimit
	}
	in := schedule.OptimizeInput{
		BaselineSchedule: base,
		Seed:             opts.Seed,
		MaxSchedules:     scheduleBudget(len(prob.Tasks)),
		TimeLimit:        limit,
	}
	if opts.Progress != nil {
		opts.Progress(0) // the search starts
		in.Progress = func(p schedule.Progress) {
			opts.Progress(min(1, float64(p.Schedules)/float64(max(p.MaxSchedules, 1))))
		}
	}
	res := schedule.Optimize(ctx, prob, in)
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	opt := &Optimization{
		Method:    res.Method,
		Seed:      opts.Seed,
		Objective: string(res.Objective),
		Baseline:  ratio(res.Baseline),
		Best:      ratio(res.Best),
		Schedules: res.Schedules,
		Changes:   e.optimizationChanges(prob, tasks, res),
	}
	if res.Stopped == schedule.StopDeadline && ctx.Err() == nil {
		opt.TimeLimitReached = true
		opt.Changes = append(opt.Changes, fmt.Sprintf(
			"The time limit of %s ended the search after %s of %s schedules: a longer --time-limit may find more, and the same seed may then give another plan.",
			limit, formatNumber(float64(res.Schedules), 0), formatNumber(float64(in.MaxSchedules), 0)))
	}
	if res.Bound != nil {
		b := ratio(*res.Bound)
		opt.Bound = &b
	}
	if !res.Improved {
		// The baseline itself, with the deadline rule's record.
		return base, opt, nil
	}
	return res.Schedule, opt, nil
}

// scheduleBudget sizes the search so that it normally ends on its budget
// of schedules well inside the default time limit - keeping the plan the
// same for the same seed on any machine - with about two million task
// placements (under a second of CPU): 20,000 schedules at 100 projects,
// 2,000 at 1,000.
func scheduleBudget(tasks int) int {
	return min(schedule.DefaultMaxSchedules, max(500, 2_000_000/max(tasks, 1)))
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
// does differently from rank order and why.
func (e *evaluation) optimizationChanges(prob *schedule.Problem, tasks []*projectEval, res schedule.OptimizeResult) []string {
	base, best := res.BaselineSchedule.Start, res.Schedule.Start
	if !res.Improved {
		switch {
		case res.Optimal && res.Objective == schedule.ObjectiveFinish:
			return []string{"Rank order already finishes as early as possible: no change."}
		case res.Optimal:
			return []string{"Rank order already schedules the most total score possible: no change."}
		default:
			return []string{fmt.Sprintf("No better plan than rank order found in %s: no change.", schedulesText(res.Schedules))}
		}
	}
	var lines []string
	if res.Objective == schedule.ObjectiveFinish {
		lines = append(lines, fmt.Sprintf("Finishes at the end of %s instead of %s: %s sooner, with the same projects.",
			e.label(int(res.Best)-1), e.label(int(res.Baseline)-1), periods(int(res.Baseline-res.Best))))
	} else {
		lines = append(lines, fmt.Sprintf("Total score %s instead of %s in rank order (+%s), within the same capacity and budgets.",
			formatNumber(res.Best, 3), formatNumber(res.Baseline, 3), formatNumber(res.Best-res.Baseline, 3)))
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
		pe := tasks[i]
		changes = append(changes, fmt.Sprintf("Schedule %q (rank %d, score %s) in %s: rank order deferred it.",
			pe.cfg.ID, pe.rank, formatNumber(pe.score, 3), span(i, best[i])))
	}
	for _, i := range removed {
		pe := tasks[i]
		why := "so that projects worth more in total fit"
		if c := conflicts(i, base[i], base[i]+prob.Tasks[i].Duration, added); len(c) > 0 {
			worth := 0.0
			for _, j := range c {
				worth += tasks[j].score
			}
			why = fmt.Sprintf("to make room for %s (score %s together)", names(c), formatNumber(worth, 3))
		}
		changes = append(changes, fmt.Sprintf("Defer %q (rank %d, score %s), planned for %s in rank order, %s.",
			pe.cfg.ID, pe.rank, formatNumber(pe.score, 3), span(i, base[i]), why))
	}
	for _, i := range earlier {
		pe := tasks[i]
		changes = append(changes, fmt.Sprintf("Start %q in %s instead of %s (%s earlier).",
			pe.cfg.ID, e.label(best[i]), e.label(base[i]), periods(base[i]-best[i])))
	}
	for _, i := range later {
		pe := tasks[i]
		why := ""
		if c := conflicts(i, base[i], base[i]+prob.Tasks[i].Duration, append(append([]int{}, earlier...), added...)); len(c) > 0 {
			sort.Ints(c)
			why = fmt.Sprintf(", leaving its teams to %s", names(c[:min(len(c), 3)]))
			if len(c) > 3 {
				why += fmt.Sprintf(" and %d more", len(c)-3)
			}
		}
		changes = append(changes, fmt.Sprintf("Start %q in %s instead of %s (%s later%s).",
			pe.cfg.ID, e.label(best[i]), e.label(base[i]), periods(best[i]-base[i]), why))
	}
	if len(changes) > maxChangeLines {
		n := len(changes) - maxChangeLines
		changes = append(changes[:maxChangeLines], fmt.Sprintf("... and %d more changes.", n))
	}
	return append(lines, changes...)
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
