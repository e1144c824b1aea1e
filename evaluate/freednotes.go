package evaluate

import (
	"fmt"
	"slices"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
)

// freedNote is the note of a project rank order's second pass placed
// (schedule.Freed): deferred at its turn, it fits once the systems that
// projects ranked below it retire stop costing their run cost, or with a
// project the second pass placed that it needs or runs together with.
func (w *noteWriter) freedNote(f schedule.Freed) rangedNote {
	const prefix = "scheduled in a second pass"
	if f.Budget >= 0 && len(f.By) > 0 {
		const listed = 3
		var parts []string
		for _, c := range f.By[:min(len(f.By), listed)] {
			parts = append(parts, w.retiresText(w.tasks[c]))
		}
		if more := len(f.By) - listed; more > 0 {
			parts = append(parts, fmt.Sprintf("%d more", more))
		}
		n := w.newNote(NotePriority, w.project(f.By[0]), "", w.pe.cfg.DeclRange)
		n.Message = fmt.Sprintf("%s: room in %q freed when %s", prefix, w.prob.Budgets[f.Budget].ID, joinAnd(parts))
		return n
	}
	if f.After < 0 {
		return w.newNote(NotePriority, "", prefix+", on top of the whole schedule", w.pe.cfg.DeclRange)
	}
	other := w.project(f.After)
	msg := fmt.Sprintf("%s with %q, which it runs together with", prefix, other)
	if slices.Contains(w.prob.Tasks[w.i].Preds, f.After) {
		msg = fmt.Sprintf("%s, once its dependency %q was scheduled in it", prefix, other)
	}
	return w.newNote(NotePriority, other, msg, w.pe.cfg.DeclRange)
}

// retiresText words what a project with a credit retires and when:
// `"new_crm" retires system "old_crm" (2028-Q1)`.
func (w *noteWriter) retiresText(pe *projectEval) string {
	when := ""
	if live, ok := w.e.goLive(pe); ok {
		when = " (" + w.label(live) + ")"
	}
	var systems []string
	for _, id := range pe.cfg.Replaces {
		if s := w.e.system(id); s != nil && s.RunCostPerYear > 0 && w.e.creditedTo(pe, id) {
			systems = append(systems, fmt.Sprintf("%q", id))
		}
	}
	switch len(systems) {
	case 0:
		return fmt.Sprintf("%q goes live%s", pe.cfg.ID, when)
	case 1:
		return fmt.Sprintf("%q retires system %s%s", pe.cfg.ID, systems[0], when)
	}
	return fmt.Sprintf("%q retires systems %s%s", pe.cfg.ID, joinAnd(systems), when)
}

// retriedNote tells a deferred project that a budget with a credit in it
// leaves out that rank order's second pass tried it again on top of the
// whole schedule, room freed by retirements counted: its other notes
// name projects ranked below it and figures net of those credits.
func (w *noteWriter) retriedNote(ex schedule.Explanation) (rangedNote, bool) {
	if w.scheduled || !w.retried || w.out[w.i] {
		return rangedNote{}, false
	}
	obs := ex.Obstacles
	if ex.Trial != nil { // its together group's, or a choice option's, trial
		obs = append(slices.Clone(obs), ex.Trial.Why.Obstacles...)
	}
	for _, o := range obs {
		if o.Kind != schedule.ObstacleBudget || !w.creditIn(o.Index) {
			continue
		}
		msg := fmt.Sprintf("tried again in a second pass, after the projects placed in rank order, with the room their retirements free in %q: it still does not fit",
			w.prob.Budgets[o.Index].ID)
		return w.newNote(NotePriority, "", msg, w.pe.cfg.DeclRange), true
	}
	return rangedNote{}, false
}

// creditIn reports whether a placed project frees room in budget b from
// its go-live (its net run spend there is below 0).
func (w *noteWriter) creditIn(b int) bool {
	for j, pe := range w.tasks {
		if pe.status != StatusScheduled {
			continue
		}
		tk := &w.prob.Tasks[j]
		if tk.RunYear >= 0 && !slices.ContainsFunc(tk.Run, func(v float64) bool { return v < 0 }) {
			continue
		}
		if slices.ContainsFunc(tk.RunShares, func(sh schedule.BudgetShare) bool { return sh.Budget == b }) {
			return true
		}
	}
	return false
}
