package evaluate

import (
	"context"
	"fmt"
	"time"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
)

// DefaultTimeLimit bounds an optimiser run when Options.TimeLimit is 0, as
// the CLI's --time-limit does by default.
const DefaultTimeLimit = 5 * time.Second

// optimizeSchedule searches beyond rank order (docs/optimization.md) and
// returns the best schedule with the report of the search. The baseline is
// sch, the rank-order schedule; the result is never worse than it.
func (e *evaluation) optimizeSchedule(ctx context.Context, prob *schedule.Problem, baseline *schedule.Schedule, opts Options) (*schedule.Schedule, *Optimization) {
	in := schedule.OptimizeInput{Seed: opts.Seed, TimeLimit: opts.TimeLimit}
	if in.TimeLimit <= 0 {
		in.TimeLimit = DefaultTimeLimit
	}
	if opts.Progress != nil {
		in.Progress = func(p schedule.Progress) {
			if p.MaxSchedules > 0 {
				opts.Progress(min(1, float64(p.Schedules)/float64(p.MaxSchedules)))
			}
		}
	}
	res := schedule.Optimize(ctx, prob, in)
	best := res.Schedule
	if best == nil {
		best = baseline
	}
	opt := &Optimization{
		Method:    res.Method,
		Seed:      opts.Seed,
		Objective: string(res.Objective),
		Baseline:  ratio(res.Baseline),
		Best:      ratio(res.Best),
		Bound:     ratioPtr(res.Bound),
		Schedules: res.Schedules,
		Changes:   e.scheduleChanges(prob, baseline, best, res),
	}
	return best, opt
}

// scheduleChanges says what the optimised schedule changes versus rank
// order, and why: the objective first, then each project that moved, came
// in or went out, in rank order.
func (e *evaluation) scheduleChanges(prob *schedule.Problem, base, best *schedule.Schedule, res schedule.OptimizeResult) []string {
	changes := []string{}
	if !res.Improved {
		return changes
	}
	switch res.Objective {
	case schedule.ObjectiveFinish:
		changes = append(changes, fmt.Sprintf("finishes by %s instead of %s in rank order",
			e.label(int(res.Best)-1), e.label(int(res.Baseline)-1)))
	default:
		changes = append(changes, fmt.Sprintf("total score of the scheduled projects %s instead of %s in rank order",
			formatNumber(res.Best, 4), formatNumber(res.Baseline, 4)))
	}
	span := func(i, start int) string {
		return periodSpan(e.label, start, start+prob.Tasks[i].Duration-1)
	}
	for i := range prob.Tasks {
		id := prob.Tasks[i].ID
		b, s := base.Start[i], best.Start[i]
		switch {
		case b == s:
		case b < 0:
			changes = append(changes, fmt.Sprintf("%q is scheduled %s; in rank order it was deferred", id, span(i, s)))
		case s < 0:
			changes = append(changes, fmt.Sprintf("%q is deferred to make room for projects worth more together; in rank order it ran %s", id, span(i, b)))
		default:
			changes = append(changes, fmt.Sprintf("%q runs %s instead of %s", id, span(i, s), span(i, b)))
		}
	}
	return changes
}
