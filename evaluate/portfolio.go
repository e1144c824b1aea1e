package evaluate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// force marks the projects opts forces in or out, and reports ids that
// name no project or are forced both ways.
func (e *evaluation) force(opts Options) hcl.Diagnostics {
	var diags hcl.Diagnostics
	mark := func(ids []string, how, what string) {
		for _, id := range ids {
			pe := e.projectByID(id)
			if pe == nil {
				detail := fmt.Sprintf("There is no project %q to force %s.", id, how)
				if near := hclspec.Nearest(id, e.projectIDs()); near != "" {
					detail += fmt.Sprintf(" Did you mean %q?", near)
				}
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unknown project " + what, Detail: detail})
				continue
			}
			if pe.forced != "" && pe.forced != how {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Project forced in and out",
					Detail: fmt.Sprintf("Project %q is forced both in and out; force it one way.", id)})
				continue
			}
			pe.forced = how
		}
	}
	mark(opts.ForceIn, ForcedIn, "to force in")
	mark(opts.ForceOut, ForcedOut, "to force out")
	if diags.HasErrors() {
		return diags
	}
	if diags = e.forceContradictions(); diags.HasErrors() {
		return diags
	}
	e.carryForced()
	return diags
}

// carryForced marks what each forced-in project, then each mandatory
// one, cannot run without (through depends_on and together,
// transitively) as carried in by it: such a project passes the soft gates
// as the forced-in or mandatory one does, with a warning naming it, so
// forcing a project in, or making it mandatory, never leaves it out
// because a partner or dependency failed the risk, alignment,
// departments or value gate (an excluded or forced-out one is an error,
// see forceContradictions and the loader).
//
// One walk serves every root: a project an earlier root reached is
// already carried (or cannot be), and so is all it needs, so the walk
// skips it (walking each root's needs anew was quadratic in a chain of
// mandatory projects: 10,000 took 51 s).
func (e *evaluation) carryForced() {
	walk := e.newNeedsWalk()
	for _, mandatory := range []bool{false, true} {
		for _, pe := range e.projects {
			if mandatory && !(pe.cfg.Mandatory && pe.forced == "") || !mandatory && pe.forced != ForcedIn {
				continue
			}
			for _, id := range walk.from(pe) {
				if id == pe.cfg.ID {
					continue
				}
				if n := e.projectByID(id); n != nil && n.forced == "" && !n.cfg.Mandatory && n.carriedBy == "" {
					n.carriedBy, n.carriedMandatory = pe.cfg.ID, mandatory
				}
			}
		}
	}
}

// groupIDs maps each project in a together group to its group, by id.
func (e *evaluation) groupIDs() map[string][]string {
	groupOf := map[string][]string{}
	for _, g := range e.groups() {
		ids := make([]string, len(g))
		for k, pe := range g {
			ids[k] = pe.cfg.ID
		}
		for _, id := range ids {
			groupOf[id] = ids
		}
	}
	return groupOf
}

// needsWalk walks what projects need, remembering across roots what it
// has reached.
type needsWalk struct {
	e       *evaluation
	groupOf map[string][]string
	seen    map[string]bool // projects reached, by id
	taken   map[string]bool // groups walked, by first id
}

func (e *evaluation) newNeedsWalk() *needsWalk {
	return &needsWalk{e: e, groupOf: e.groupIDs(), seen: map[string]bool{}, taken: map[string]bool{}}
}

// from lists what pe needs that no earlier call reached, pe first (none
// when an earlier call reached pe: it reached all pe needs too), in the
// order needs lists them.
func (w *needsWalk) from(pe *projectEval) []string {
	e, seen, taken, groupOf := w.e, w.seen, w.taken, w.groupOf
	if seen[pe.cfg.ID] {
		return nil
	}
	seen[pe.cfg.ID] = true
	queue := []string{pe.cfg.ID}
	for k := 0; k < len(queue); k++ {
		q := e.projectByID(queue[k])
		if q == nil {
			continue
		}
		for _, n := range q.cfg.DependsOn {
			if !seen[n] {
				seen[n] = true
				queue = append(queue, n)
			}
		}
		// A group is taken whole at its first member: walking it again at
		// each member made a group's walk cost the square of its size.
		if g := groupOf[q.cfg.ID]; len(g) > 0 && !taken[g[0]] {
			taken[g[0]] = true
			for _, n := range g {
				if !seen[n] {
					seen[n] = true
					queue = append(queue, n)
				}
			}
		}
	}
	return queue
}

// forceContradictions reports forced-in projects that cannot run: one
// that needs (through depends_on and together, transitively) a project
// forced out, excluded, on hold or cancelled, and forced-in projects (with what they need,
// and the mandatory and committed projects) that take two options of one
// choice.
func (e *evaluation) forceContradictions() hcl.Diagnostics {
	var diags hcl.Diagnostics
	groupOf := e.groupIDs()
	// Forced-in projects share one walk, and mandatory and committed
	// ones another: what an earlier root reached is skipped with all it
	// needs, so a chain of them costs its length, not its square (review
	// qa15g F10: 2,000 forced-in projects along a chain of 10,000 took
	// 16 s). A problem under a project two forced-in ones need is
	// reported once, for the first of them. A forced-in project is always
	// checked itself, even when an earlier one needs it.
	forcedWalk := &needsWalk{e: e, groupOf: groupOf, seen: map[string]bool{}, taken: map[string]bool{}}
	shared := &needsWalk{e: e, groupOf: groupOf, seen: map[string]bool{}, taken: map[string]bool{}}
	needs := func(pe *projectEval) []string {
		if pe.forced == ForcedIn {
			ids := forcedWalk.from(pe)
			if len(ids) == 0 {
				ids = []string{pe.cfg.ID}
			}
			return ids
		}
		return shared.from(pe)
	}
	// taken is, per choice, the first option some project in the run
	// needs, and who needs it.
	type taker struct{ option, by string }
	taken := map[string]taker{}
	reported := map[string]bool{}
	for _, pe := range e.projects {
		forced := pe.forced == ForcedIn
		// Committed and started work keep their place even forced out,
		// and take the options they need as a mandatory project does.
		committed := pe.keepsPlace()
		if !forced && !(pe.cfg.Mandatory && pe.forced == "") && !committed {
			continue
		}
		for _, id := range needs(pe) {
			n := e.projectByID(id)
			if n == nil {
				continue
			}
			if forced && id != pe.cfg.ID && n.forced == ForcedOut {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Forced-in project needs a project forced out",
					Detail: fmt.Sprintf("Project %q is forced in, but it cannot run without %q (through depends_on or together), which is forced out. Force one of them the other way, or leave one out of the flags.", pe.cfg.ID, id)})
			}
			if forced && id != pe.cfg.ID && n.cfg.Excluded && n.forced == "" {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Forced-in project needs an excluded project",
					Detail:  fmt.Sprintf("Project %q is forced in, but it cannot run without %q (through depends_on or together), which is excluded (excluded = true). Force %q in too.", pe.cfg.ID, id, id),
					Subject: n.cfg.Ranges.Range("excluded", n.cfg.DeclRange).Ptr()})
			}
			if l := n.life.lifecycle; forced && (l == hclspec.OnHold || l == hclspec.Cancelled) {
				d := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Forced-in project is " + l.Words(),
					Detail: fmt.Sprintf("Project %q is forced in, but it is %s: forcing does not change a status. Leave it out of --force-in, or change its status.",
						id, l.Words()),
					Subject: n.cfg.Ranges.Range("status", n.cfg.DeclRange).Ptr()}
				if id != pe.cfg.ID {
					d.Summary = "Forced-in project needs " + l.AProject()
					d.Detail = fmt.Sprintf("Project %q is forced in, but it cannot run without %q (through depends_on or together), which is %s: forcing does not change a status. Leave %q out of --force-in, or change %q's status.",
						pe.cfg.ID, id, l.Words(), pe.cfg.ID, id)
				}
				diags = append(diags, d)
			}
			c := e.choiceOf(id)
			if c == nil {
				continue
			}
			if d := e.decidedOption(c); forced && d != nil && d.cfg.ID != id && !reported[c.ID] {
				reported[c.ID] = true
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Forced-in project needs an option its choice ruled out",
					Detail: fmt.Sprintf("%s, but option %q of choice %q is %s, and that decides the choice: its other options never run. Leave %q out of --force-in, or change %q's status.",
						needText(pe.cfg.ID, id, pe), d.cfg.ID, c.ID, d.life.lifecycle.Words(), pe.cfg.ID, d.cfg.ID),
					Subject: d.cfg.Ranges.Range("status", d.cfg.DeclRange).Ptr()})
				continue
			}
			first, ok := taken[c.ID]
			if !ok {
				taken[c.ID] = taker{id, pe.cfg.ID}
				continue
			}
			byForce := forced || e.projectByID(first.by).forced == ForcedIn
			if first.option == id || !byForce || reported[c.ID] {
				continue
			}
			reported[c.ID] = true
			firstBy := e.projectByID(first.by)
			d := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Two options of one choice forced in",
				Detail: fmt.Sprintf("%s and %s, but they are options of choice %q, of which at most one runs. Force in one option only.",
					needText(first.by, first.option, firstBy), needText(pe.cfg.ID, id, pe), c.ID),
				Subject: c.Ranges.Range("options", c.DeclRange).Ptr()}
			// One side forced, the other mandatory or committed: the advice
			// is about the flag or that project, not a second flag.
			if bound, flag := firstBy, pe; !forced || firstBy.forced != ForcedIn {
				if !forced {
					bound, flag = pe, firstBy
				}
				remedy := fmt.Sprintf("change %q's status", bound.cfg.ID)
				if bound.cfg.Mandatory {
					remedy = fmt.Sprintf("make %q not mandatory", bound.cfg.ID)
				}
				d.Summary = "Forced-in project against an option that must run"
				d.Detail = fmt.Sprintf("%s and %s, but they are options of choice %q, of which at most one runs, and %q, %s, decides it. Leave %q out of --force-in, or %s.",
					needText(first.by, first.option, firstBy), needText(pe.cfg.ID, id, pe), c.ID, bound.cfg.ID, takesHow(bound), flag.cfg.ID, remedy)
			}
			diags = append(diags, d)
		}
	}
	return diags
}

// needText words how a project in the run takes option: forced in itself,
// mandatory, committed, or needing it.
func needText(by, option string, pe *projectEval) string {
	if by == option {
		return fmt.Sprintf("%q is %s", option, takesHow(pe))
	}
	return fmt.Sprintf("%q is %s and needs %q", by, takesHow(pe), option)
}

// takesHow words why a project in the run takes the options it needs.
func takesHow(pe *projectEval) string {
	switch {
	case pe == nil || pe.forced == ForcedIn:
		return "forced in"
	case pe.cfg.Mandatory:
		return "mandatory"
	case pe.life.lifecycle == hclspec.InProgress:
		return "in progress"
	}
	return "committed"
}

func (e *evaluation) projectIDs() []string {
	ids := make([]string, len(e.projects))
	for i, pe := range e.projects {
		ids[i] = pe.cfg.ID
	}
	return ids
}

// excludedGate: the project is not excluded (excluded = true) nor forced
// out. A project forced in passes it.
func (e *evaluation) excludedGate(pe *projectEval) bool {
	p := pe.cfg
	switch {
	case pe.forced == ForcedOut:
		pe.fail(StatusDropped, GateExcluded, "forced out", p.DeclRange)
		return false
	case p.Excluded:
		pe.fail(StatusDropped, GateExcluded, "excluded (excluded = true)", p.Ranges.Range("excluded", p.DeclRange))
		return false
	}
	return true
}

// keepsTogether is whether e has a Prepared whose projects have the same
// together lists as e's, index for index.
func (e *evaluation) keepsTogether() bool {
	if e.prep == nil || e.prep.base == e {
		return false
	}
	base := e.prep.base.projects
	if len(base) != len(e.projects) {
		return false
	}
	for i, pe := range e.projects {
		if !slices.Equal(pe.cfg.Together, base[i].cfg.Together) {
			return false
		}
	}
	return true
}

// decidedOption is the option of c whose status settles it, or nil.
func (e *evaluation) decidedOption(c *hclspec.Choice) *projectEval {
	for _, id := range c.Options {
		if d, ok := e.projectByIDOK(id); ok && d.decidesChoice() {
			return d
		}
	}
	return nil
}

// pinnedOption is the option of c forced in, or else mandatory, that
// decides it before scheduling (choiceStatusGate), or nil.
func (e *evaluation) pinnedOption(c *hclspec.Choice) *projectEval {
	var mandatory *projectEval
	for _, id := range c.Options {
		d, ok := e.projectByIDOK(id)
		switch {
		case !ok:
		case d.forced == ForcedIn:
			return d
		case mandatory == nil && d.cfg.Mandatory && d.forced == "":
			mandatory = d
		}
	}
	return mandatory
}

// decidesChoice reports whether pe's status settles its choice: work
// committed to, under way or finished. On hold and cancelled settle
// nothing: the other options stay open. Excluding such work or forcing
// it out does not stop it (it keeps its place, with a warning), so it
// still settles the choice.
func (pe *projectEval) decidesChoice() bool {
	return pe.life.lifecycle.DecidesChoice()
}

// choiceStatusGate drops an option of a choice another option of which
// is committed, in progress or done, forced in or mandatory (gate
// choice): that option is the choice's, whatever rank order or the
// optimiser would pick, and whether or not it fits: a what-if that
// forces an option in, or a mandate, rules the others out.
func (e *evaluation) choiceStatusGate(pe *projectEval) bool {
	if pe.decidesChoice() {
		return true
	}
	c := e.choiceOf(pe.cfg.ID)
	if c == nil {
		return true
	}
	for _, id := range c.Options {
		d, ok := e.projectByIDOK(id)
		if !ok || d == pe {
			continue
		}
		var word string
		switch {
		case d.decidesChoice():
			word = d.life.lifecycle.Words()
		case d.forced == ForcedIn:
			word = "forced in"
		case d.cfg.Mandatory && d.forced == "":
			word = "mandatory"
		default:
			continue
		}
		pe.fail(StatusDropped, GateChoice, fmt.Sprintf("option %q of choice %q is %s", id, c.ID, word),
			c.Ranges.Range("options."+pe.cfg.ID, c.DeclRange))
		return false
	}
	return true
}

// cfgProjects are the evaluation's projects' configurations.
func (e *evaluation) cfgProjects() []*hclspec.Project {
	cfgs := make([]*hclspec.Project, len(e.projects))
	for i, pe := range e.projects {
		cfgs[i] = pe.cfg
	}
	return cfgs
}

// choiceResults are the choices with the option each scheduled, what
// decided it and why.
func (e *evaluation) choiceResults(opt *Optimization) []ChoiceResult {
	out := make([]ChoiceResult, 0, len(e.cfg.Choices))
	for _, c := range e.cfg.Choices {
		r := ChoiceResult{ID: c.ID, Title: c.Title, Options: append([]string{}, c.Options...)}
		var chosen *projectEval
		for _, id := range c.Options {
			if pe := e.projectByID(id); pe != nil && (pe.status == StatusScheduled || pe.status == StatusDone && pe.decidesChoice()) {
				chosen = pe
				r.Chosen = &pe.cfg.ID
				break
			}
		}
		r.DecidedBy, r.Reason = e.choiceReason(c, chosen, opt)
		if r.Alternative = e.choiceAlternative(c); r.Alternative != nil {
			r.Reason += "; " + r.Alternative.Words(c.ID)
		}
		out = append(out, r)
	}
	return out
}

// choiceReason says what picked chosen among c's options (nil: none is
// scheduled) and why.
func (e *evaluation) choiceReason(c *hclspec.Choice, chosen *projectEval, opt *Optimization) (string, string) {
	if chosen == nil {
		return "", "no option is scheduled"
	}
	switch {
	case chosen.forced == ForcedIn:
		return DecidedForced, "forced in (--force-in)"
	case chosen.cfg.Mandatory:
		return DecidedMandatory, "mandatory"
	case e.needed[chosen] != nil:
		return e.neededReason(chosen, "the choice")
	case chosen.decidesChoice():
		word := chosen.life.lifecycle.Words()
		return DecidedStatus, fmt.Sprintf("%s (status): the other options are dropped", word)
	case opt != nil && chosen == e.flagship && chosen.task >= 0 && e.rankOrderStart != nil && e.rankOrderStart[chosen.task] >= 0:
		// The optimiser holds the flagship to its rank-order start: it
		// did not weigh the other options on the objective.
		why := fmt.Sprintf("the flagship: the optimiser keeps it, starting no later than in rank order, so no other option of choice %q can run", c.ID)
		if pk, ok := e.policyPickOf(c, chosen); ok {
			why += "; rank order took it for the policy: " + e.policyPickReason(pk)
		}
		return DecidedOptimizer, why
	case opt != nil:
		why := fmt.Sprintf("the optimiser chose it (objective %s)", opt.Objective)
		if kept := e.keptInSupport(chosen); kept != "" {
			why += "; " + kept
		}
		inRankOrder := ""
		for _, id := range c.Options {
			if pe := e.projectByID(id); pe != nil && pe.task >= 0 && e.rankOrderStart != nil && e.rankOrderStart[pe.task] >= 0 {
				inRankOrder = id
			}
		}
		switch inRankOrder {
		case chosen.cfg.ID:
			why += "; rank order chose it too"
			if _, ok := e.policyPickOf(c, chosen); ok {
				why += ", for the policy"
			}
		case "":
			why += "; rank order scheduled no option"
		default:
			why += fmt.Sprintf("; rank order chose %q", inRankOrder)
		}
		return DecidedOptimizer, why
	}
	if pk, ok := e.policyPickOf(c, chosen); ok {
		return DecidedStrategy, e.policyPickReason(pk)
	}
	// Rank order schedules the best-ranked option that fits: say which
	// options ranked above it and did not run, and why.
	strategy := strategyOrDefault(e.roadmap.Strategy)
	if passed := e.passedOver(c, chosen); len(passed) > 0 {
		return DecidedStrategy, fmt.Sprintf("the best-ranked option that runs (rank %d under the %s strategy); %s", chosen.rank, strategy, strings.Join(passed, "; "))
	}
	return DecidedStrategy, fmt.Sprintf("the best-ranked option (rank %d under the %s strategy)", chosen.rank, strategy)
}

// neededReason says what decides the choice of pe, an option a
// mandatory, committed or forced-in project needs (e.needed), and why:
// "mandatory project "x" needs it (depends_on), so the choice takes it
// before the other options"; choice names the choice ("the choice", or
// choice "c" where the choice is not said already).
func (e *evaluation) neededReason(pe *projectEval, choice string) (string, string) {
	by, via := e.needed[pe], e.neededVia[pe]
	if by.cfg.Mandatory {
		return DecidedMandatory, fmt.Sprintf("mandatory project %q needs it (%s), so %s takes it before the other options", by.cfg.ID, via, choice)
	}
	if by.life.lifecycle == hclspec.Committed {
		return DecidedStatus, fmt.Sprintf("committed project %q needs it (%s), so %s takes it before the other options", by.cfg.ID, via, choice)
	}
	if by.life.lifecycle == hclspec.InProgress {
		return DecidedStatus, fmt.Sprintf("project %q, in progress, needs it (%s), so %s takes it before the other options", by.cfg.ID, via, choice)
	}
	return DecidedForced, fmt.Sprintf("%q, forced in (--force-in), needs it (%s), so %s takes it before the other options", by.cfg.ID, via, choice)
}

// passedOver words the options of c that rank above chosen, the option
// rank order took, but did not run: deferred ones ranked above it, and
// those a gate dropped or a status (cancelled, on hold) took out that
// would have ranked above it otherwise (rankOrder with them kept).
// Options ranked below chosen are not named: it was the better anyway.
//
// At most three are named, each reason clipped to maxQuotedReason bytes;
// the rest are counted (a choice of 1,000 options made a 64 MB reason).
func (e *evaluation) passedOver(c *hclspec.Choice, chosen *projectEval) []string {
	var passed []string
	more := 0
	for _, id := range c.Options {
		pe := e.projectByID(id)
		if pe == nil || pe == chosen || pe.gate == GateChoice || pe.status == StatusScheduled {
			continue
		}
		rank := fmt.Sprintf("rank %d", pe.rank)
		if pe.dropped() || pe.inHistory() {
			ranked, _, _, _ := e.rankOrder(pe)
			at := slices.Index(ranked, pe)
			if at > slices.Index(ranked, chosen) {
				continue
			}
			rank = fmt.Sprintf("would rank %d", at+1)
		} else if pe.rank > chosen.rank {
			continue
		}
		more++
		if len(passed) == namedAtMost {
			continue
		}
		more--
		why := strings.ReplaceAll(pe.status, "_", " ")
		for _, f := range pe.findings {
			if f.Severity == SeverityError {
				why += ": " + clipText(f.Message, maxQuotedReason)
				break
			}
		}
		passed = append(passed, fmt.Sprintf("%q (%s) is %s", id, rank, why))
	}
	if more > 0 {
		passed = append(passed, fmt.Sprintf("and %d more ranked above it did not run, their reasons in the ranked roadmap", more))
	}
	return passed
}

// groups are the together groups of the evaluation's projects
// (hclspec.TogetherGroups): the prepared roadmap's, worked out once, while
// every project keeps its configured together list (a simulation's copies
// do).
func (e *evaluation) groups() [][]*projectEval {
	var out [][]*projectEval
	if e.keepsTogether() {
		for _, idx := range e.prep.together {
			g := make([]*projectEval, len(idx))
			for k, i := range idx {
				g[k] = e.projects[i]
			}
			out = append(out, g)
		}
		return out
	}
	for _, ids := range hclspec.TogetherGroups(e.cfgProjects()) {
		g := make([]*projectEval, 0, len(ids))
		for _, id := range ids {
			g = append(g, e.projectByID(id))
		}
		out = append(out, g)
	}
	return out
}

// dropWithGroups drops, after the gates, every project that runs together
// with a dropped, cancelled or on-hold one (gate together), and what
// depends on those (gate viability), until nothing changes. Done projects
// are history and committed or started ones keep their place (a warning),
// as at the gates.
func (e *evaluation) dropWithGroups() {
	groups := e.groups()
	if len(groups) == 0 {
		return
	}
	order := e.topoOrder()
	// A member that is dropped, cancelled or on hold takes its group out:
	// proposed partners are dropped; committed or started ones keep their
	// place with a warning, as for their own gates; done ones are history.
	outWord := func(pe *projectEval) string {
		switch {
		case pe.dropped():
			return "dropped"
		case pe.life.lifecycle == hclspec.Cancelled || pe.life.lifecycle == hclspec.OnHold:
			return pe.life.lifecycle.Words()
		}
		return ""
	}
	warned := map[*projectEval]bool{}
	for changed := true; changed; {
		changed = false
		for _, g := range groups {
			var out *projectEval
			for _, pe := range g {
				if outWord(pe) != "" {
					out = pe
					break
				}
			}
			if out == nil {
				continue
			}
			for _, pe := range g {
				if pe == out || outWord(pe) != "" || pe.status == StatusDone || pe.life.lifecycle == hclspec.Done {
					continue
				}
				p := pe.cfg
				msg := fmt.Sprintf("runs together with %q, which is %s", out.cfg.ID, outWord(out))
				if why := out.dropNote(); out.dropped() && why != "" && (out.gate == GateViability || out.gate == GateChoice) {
					msg += " (" + why + ")"
				}
				rng := p.Ranges.Range("together."+out.cfg.ID, p.Ranges.Range("together", p.DeclRange))
				if pe.keepsPlace() {
					if !warned[pe] {
						warned[pe] = true
						pe.warn(GateTogether, fmt.Sprintf("%s (kept: %s)", msg, pe.life.lifecycle.Words()), rng)
					}
					continue
				}
				pe.fail(StatusDropped, GateTogether, msg, rng)
				changed = true
			}
		}
		// What depends on a project dropped here goes too, as at the
		// viability gate: done work is history and stays done; committed
		// or started work keeps its place with a warning.
		for _, pe := range order {
			if pe.dropped() || pe.inHistory() {
				continue
			}
			p := pe.cfg
			for _, d := range p.DependsOn {
				dep := e.projectByID(d)
				if dep == nil || !dep.dropped() {
					continue
				}
				msg, rng := fmt.Sprintf("depends on dropped project %q", d), keyRange(p, "depends_on", d)
				if pe.keepsPlace() {
					pe.warnKept(GateViability, msg, rng)
					continue
				}
				pe.fail(StatusDropped, GateViability, msg, rng)
				changed = true
				break
			}
		}
	}
}

// addPortfolioConstraints gives the problem the choices and together
// groups among its tasks, and each task's choice and group for the notes.
func (e *evaluation) addPortfolioConstraints(prob *schedule.Problem) {
	for _, c := range e.cfg.Choices {
		var opts []int
		for _, id := range c.Options {
			if pe := e.projectByID(id); pe != nil && pe.task >= 0 {
				opts = append(opts, pe.task)
			}
		}
		if len(opts) >= 2 {
			slices.Sort(opts)
			prob.Choices = append(prob.Choices, opts)
		}
	}
	for _, g := range e.groups() {
		var members []int
		for _, pe := range g {
			if pe.task >= 0 {
				members = append(members, pe.task)
			}
		}
		if len(members) >= 2 {
			slices.Sort(members)
			prob.Together = append(prob.Together, members)
		}
	}
}

// choiceOf is the choice project id is an option of, or nil.
func (e *evaluation) choiceOf(id string) *hclspec.Choice {
	for _, c := range e.cfg.Choices {
		if slices.Contains(c.Options, id) {
			return c
		}
	}
	return nil
}

// MaxTogetherListed is the most partners a project's together list in
// the plan names; Plan.TogetherGroups names every group whole, once.
const MaxTogetherListed = 10

// togetherWith lists the other projects of id's together group (group,
// sorted; nil when it is in none), the first MaxTogetherListed by id, and
// says how many there are.
func togetherWith(group []string, id string) ([]string, int) {
	out := []string{}
	for _, x := range group {
		if x != id && len(out) < MaxTogetherListed {
			out = append(out, x)
		}
	}
	return out, max(len(group)-1, 0)
}

// causeText words why a task did not fit, from its Blocker.
func (w *noteWriter) causeText(b schedule.Blocker) string {
	when := ""
	if b.From >= 0 && b.To >= b.From && b.To < w.e.horizon && b.Kind != schedule.BlockDependency && b.Kind != schedule.BlockChoice {
		when = " in " + w.e.label(b.From)
		if b.To > b.From {
			when = " in " + w.e.label(b.From) + ".." + w.e.label(b.To)
		}
	}
	switch b.Kind {
	case schedule.BlockResource:
		return fmt.Sprintf("team %q has no room%s", w.prob.Resources[b.Index].ID, when)
	case schedule.BlockTeamParallel:
		return fmt.Sprintf("team %q already runs its max_parallel of %s%s", w.prob.Resources[b.Index].ID, maxParallelText(w.prob.Resources[b.Index].MaxParallel), when)
	case schedule.BlockBudget:
		return fmt.Sprintf("budget %q has no room%s", w.prob.Budgets[b.Index].ID, when)
	case schedule.BlockParallel:
		return fmt.Sprintf("max_parallel %d is reached%s", w.prob.MaxParallel, when)
	case schedule.BlockDependency:
		return fmt.Sprintf("its dependency %q is not scheduled", w.prob.Tasks[b.Index].ID)
	case schedule.BlockChoice:
		return fmt.Sprintf("option %q of its choice is chosen", w.prob.Tasks[b.Index].ID)
	default:
		return "no start fits its earliest start, deadline and the horizon"
	}
}

// choice is the note of an option left out because another option of its
// choice was chosen.
func (w *noteWriter) choice(o schedule.Obstacle) rangedNote {
	p := w.pe.cfg
	chosen := w.prob.Tasks[o.Index].ID
	c := w.e.choiceOf(p.ID)
	n := rangedNote{Note: Note{Kind: NoteChoice, ID: chosen, Periods: []PeriodRange{}, Windows: []string{}, HeldBy: []string{chosen}, AheadOf: []string{}}, rng: p.DeclRange}
	if c != nil {
		n.rng = c.Ranges.Range("options."+p.ID, c.DeclRange)
		n.Message = fmt.Sprintf("option %q chosen in choice %q", chosen, c.ID)
	} else {
		n.Message = fmt.Sprintf("option %q chosen instead", chosen)
	}
	return n
}

// together is the note of a together group's member left out because the
// whole group did not fit.
func (w *noteWriter) together(o schedule.Obstacle, tr *schedule.TrialExplanation) rangedNote {
	p := w.pe.cfg
	members := w.prob.Together[o.Index]
	var others []string
	for _, m := range members {
		if m != w.i {
			others = append(others, fmt.Sprintf("%q", w.prob.Tasks[m].ID))
		}
	}
	n := rangedNote{Note: Note{Kind: NoteTogether, Periods: []PeriodRange{}, Windows: []string{}, HeldBy: []string{}, AheadOf: []string{}},
		rng: p.Ranges.Range("together", p.DeclRange)}
	msg := fmt.Sprintf("runs together with %s, and the group does not fit whole", strings.Join(others, ", "))
	if miss, ok := w.apart[o.Index]; ok && miss.Task != w.i && slices.Contains(members, miss.Task) && miss.Cause.Kind == schedule.BlockChoice && w.out != nil && w.out[miss.Task] {
		// The member lost its choice: it is dropped, and so is the group,
		// as at the gates.
		n.ID = w.prob.Tasks[miss.Task].ID
		n.rng = p.Ranges.Range("together."+n.ID, n.rng)
		n.Message = fmt.Sprintf("runs together with %q, which is dropped (option %q chosen in choice %q)", n.ID,
			w.prob.Tasks[miss.Cause.Index].ID, w.choiceID(n.ID))
		return n
	}
	if miss, ok := w.apart[o.Index]; ok && !slices.Contains(members, miss.Task) && w.out != nil && w.out[miss.Task] {
		// A dependency the group would take along is out of the plan (it
		// lost its choice, or needs a project that did): the member
		// needing it is dropped with it, and the group with the member.
		if q := outPred(w.prob, w.out, w.i); q >= 0 {
			return w.dependencyOut(schedule.Obstacle{Kind: schedule.ObstacleDependency, Index: q})
		}
		for _, m := range members {
			if q := outPred(w.prob, w.out, m); q >= 0 && m != w.i {
				n.ID = w.prob.Tasks[m].ID
				n.rng = p.Ranges.Range("together."+n.ID, n.rng)
				n.Message = fmt.Sprintf("runs together with %q, which is dropped (depends on dropped project %q)", n.ID, w.prob.Tasks[q].ID)
				return n
			}
		}
	}
	if miss, ok := w.apart[o.Index]; ok {
		n.ID = w.prob.Tasks[miss.Task].ID
		// What kept the member that did not fit from each start, on top
		// of what the group had placed before it, worded as its notes.
		cause, first := w.causeText(miss.Cause), ""
		if tr != nil && tr.Task == miss.Task {
			if why := w.whyText(tr.Task, tr.Why, tr.Placed); why != "" {
				cause = why
			}
			if len(tr.Placed) > 0 {
				first = fmt.Sprintf(" with %s placed first", w.placedText(tr.Placed))
			}
		}
		if miss.Task == w.i {
			msg = fmt.Sprintf("runs together with %s, and it does not fit itself%s: %s", strings.Join(others, ", "), first, cause)
		} else {
			msg = fmt.Sprintf("runs together with %s, and %q does not fit%s: %s", strings.Join(others, ", "), n.ID, first, cause)
		}
	}
	n.Message = msg
	return n
}

// choiceID is the id of the choice project id is an option of, "" when
// none.
func (w *noteWriter) choiceID(id string) string {
	if c := w.e.choiceOf(id); c != nil {
		return c.ID
	}
	return ""
}
