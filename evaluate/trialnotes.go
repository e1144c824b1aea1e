package evaluate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// pulledByTask indexes the tasks a pass placed ahead of their own turn.
func pulledByTask(sch *schedule.Schedule) map[int]schedule.Pull {
	out := map[int]schedule.Pull{}
	for _, pl := range sch.Pulled {
		out[pl.Task] = pl
	}
	return out
}

// whyText words an explanation of task t, as its own notes would, in
// one line: what kept it from every start. Notes on when a dependency
// in skip ends are left out (the caller names those runs).
func (w *noteWriter) whyText(t int, ex schedule.Explanation, skip []schedule.TaskStart) string {
	sub := *w
	sub.i, sub.pe, sub.scheduled = t, w.tasks[t], false
	sub.retried = false // the project's own notes say so, once
	var msgs []string
	for _, n := range sub.notes(ex, deadlineRule{}) {
		if n.Kind == NoteDependency && len(n.Periods) > 0 && slices.ContainsFunc(skip, func(ts schedule.TaskStart) bool { return w.project(ts.Task) == n.ID }) {
			continue
		}
		msgs = append(msgs, n.Message)
	}
	return strings.Join(msgs, "; ")
}

// placedText names the tasks an attempt placed first, with their runs:
// `"prep" in 2027-Q1..2027-Q4`, at most three, then how many more.
func (w *noteWriter) placedText(placed []schedule.TaskStart) string {
	const listed = 3
	var parts []string
	for _, ts := range placed[:min(len(placed), listed)] {
		end := ts.Start + w.prob.Tasks[ts.Task].Duration - 1
		parts = append(parts, fmt.Sprintf("%q (%s)", w.project(ts.Task), periodSpan(w.e.label, ts.Start, max(end, ts.Start))))
	}
	if n := len(placed) - listed; n > 0 {
		return strings.Join(parts, ", ") + fmt.Sprintf(" and %d more", n)
	}
	return joinAnd(parts)
}

// trial is the note of a choice option tried before a worse option's
// turn, with the dependencies it needed placed first, that did not fit:
// what did not fit and why, and that nothing it took along was kept.
func (w *noteWriter) trial(tr *schedule.TrialExplanation) rangedNote {
	p := w.pe.cfg
	turn := w.project(tr.Turn)
	c := w.e.choiceOf(p.ID)
	rng := p.DeclRange
	choice := "its choice"
	if c != nil {
		rng = c.Ranges.Range("options."+p.ID, c.DeclRange)
		choice = fmt.Sprintf("choice %q", c.ID)
	}
	var ids []string
	for _, ts := range tr.Placed {
		ids = append(ids, w.project(ts.Task))
	}
	released := ""
	switch len(ids) {
	case 0:
	case 1:
		released = fmt.Sprintf("%q goes back to its own rank", ids[0])
	default:
		released = namesText(ids, 0) + " go back to their own rank"
	}
	var msg string
	switch {
	case tr.Task == w.i && len(tr.Placed) > 0:
		msg = fmt.Sprintf("tried before option %q of %s with %s placed first, and does not fit: %s; so %s",
			turn, choice, w.placedText(tr.Placed), w.whyText(tr.Task, tr.Why, tr.Placed), released)
	case tr.Task == w.i:
		msg = fmt.Sprintf("tried before option %q of %s, and does not fit: %s", turn, choice, w.whyText(tr.Task, tr.Why, nil))
	case len(tr.Placed) > 0:
		msg = fmt.Sprintf("tried before option %q of %s with the dependencies it needs placed first (%s), and its dependency %q does not fit: %s; so %s",
			turn, choice, w.placedText(tr.Placed), w.project(tr.Task), w.whyText(tr.Task, tr.Why, nil), released)
	default:
		msg = fmt.Sprintf("tried before option %q of %s with the dependencies it needs placed first, and its dependency %q does not fit: %s",
			turn, choice, w.project(tr.Task), w.whyText(tr.Task, tr.Why, nil))
	}
	n := w.newNote(NotePriority, turn, msg, rng)
	n.AheadOf = []string{turn}
	return n
}

// pulledNote says why a project starts ahead of its rank: a project
// ranked above it needs it, and was placed at an earlier turn (a choice
// tries its better option first; a together group is placed whole; a
// mandatory, committed or forced-in project takes its dependencies
// along).
func (w *noteWriter) pulledNote(pl schedule.Pull) rangedNote {
	by, turn := w.tasks[pl.For], w.tasks[pl.Turn]
	needs, what := "needs it", "the dependencies it needs"
	if links := w.togetherLinks(by); links != "" && (pl.Group < 0 || links != "together") {
		needs, what = "needs it ("+links+")", "what it needs"
	}
	var msg string
	switch {
	case pl.Group < 0 && pl.For == pl.Turn:
		// A mandatory, committed or forced-in project placed at its
		// turn with the dependencies it needs (schedule.Task.Lead).
		why := "forced in"
		switch {
		case by.cfg.Mandatory:
			why = "mandatory"
		case by.life.lifecycle == hclspec.Committed:
			why = "committed"
		}
		msg = fmt.Sprintf("placed ahead of its rank (%d): %q (rank %d, %s) %s, and is placed at its turn with %s",
			w.pe.rank, by.cfg.ID, by.rank, why, needs, what)
	case pl.Group >= 0:
		msg = fmt.Sprintf("placed ahead of its rank (%d): %q (rank %d) %s, and its together group is placed whole at the turn of %q (rank %d)",
			w.pe.rank, by.cfg.ID, by.rank, needs, turn.cfg.ID, turn.rank)
	default:
		choice := "its choice"
		if c := w.e.choiceOf(by.cfg.ID); c != nil {
			choice = fmt.Sprintf("choice %q", c.ID)
		}
		msg = fmt.Sprintf("placed ahead of its rank (%d): %q (rank %d) %s, and %s tries %q before option %q (rank %d)",
			w.pe.rank, by.cfg.ID, by.rank, needs, choice, by.cfg.ID, turn.cfg.ID, turn.rank)
	}
	n := w.newNote(NotePriority, by.cfg.ID, msg, keyRange(by.cfg, "depends_on", w.pe.cfg.ID))
	n.AheadOf = []string{turn.cfg.ID}
	return n
}

// togetherLinks words how by needs the writer's project when a together
// link is on the way (neededLinks: "depends_on "d", together"), "" when
// depends_on alone leads there (review Q8: "needs it" did not name the
// together link). The walk is breadth first from by, to the first path.
func (w *noteWriter) togetherLinks(by *projectEval) string {
	if len(w.groupOf) == 0 || by == w.pe {
		return ""
	}
	from := map[*projectEval]link{by: {}}
	walked := map[*projectEval]bool{} // groups, by first member
	for queue := []*projectEval{by}; len(queue) > 0; queue = queue[1:] {
		pe := queue[0]
		if pe == w.pe {
			if links := neededLinks(from, pe); links != "depends_on" {
				return links
			}
			return ""
		}
		for _, d := range pe.cfg.DependsOn {
			if dep, ok := w.e.projectByIDOK(d); ok {
				if _, seen := from[dep]; !seen {
					from[dep] = link{prev: pe, kind: "depends_on"}
					queue = append(queue, dep)
				}
			}
		}
		if g := w.groupOf[pe]; len(g) > 0 && !walked[g[0]] {
			walked[g[0]] = true
			for _, m := range g {
				if _, seen := from[m]; !seen {
					from[m] = link{prev: pe, kind: "together"}
					queue = append(queue, m)
				}
			}
		}
	}
	return ""
}
