package evaluate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// system is the system with id, or nil.
func (e *evaluation) system(id string) *hclspec.System {
	return e.systems[id]
}

// savingOf is the run cost per year of the systems p replaces: it stops
// when p goes live, a saving p's finance counts. A system a done project
// other than p retired already saves p nothing (alreadyRetired).
func (e *evaluation) savingOf(p *hclspec.Project) float64 {
	total := 0.0
	for _, id := range p.Replaces {
		if s := e.system(id); s != nil && e.alreadyRetired(p, id) == nil {
			total += s.RunCostPerYear
		}
	}
	return total
}

// alreadyRetired is the done project that retired system id, when it is
// not p: p replaces a system that is gone; nil otherwise.
func (e *evaluation) alreadyRetired(p *hclspec.Project, id string) *hclspec.Project {
	if d, ok := e.retiredByDone[id]; ok && d.ID != p.ID {
		return d
	}
	return nil
}

// unsupportedIn reports whether system s runs out of support inside the
// horizon (or already does when the roadmap starts).
func (e *evaluation) unsupportedIn(s *hclspec.System) bool {
	return s.EndOfSupportSet && s.EndOfSupport < e.horizon
}

// systemExposure applies the rule for projects that run on an ageing
// system: when a capability pe requires is available only from systems
// (not the stack, its vendor or a project it depends on), and every
// system providing it is out of support inside the horizon and not
// replaced by pe itself, the riskiest of them adds its risk to pe's:
// risk = 1 - (1 - risk) x (1 - the system's risk score). A warning finding
// (gate risk) says so. Each system counts once.
func (e *evaluation) systemExposure(pe *projectEval) {
	if len(e.cfg.Systems) == 0 {
		return
	}
	p := pe.cfg
	counted := map[string]bool{}
	for _, c := range p.Requires {
		if contains(e.roadmap.Stack, c) || (pe.vendor != nil && contains(pe.vendor.Provides, c)) || e.providedByProjects(pe, c) {
			continue
		}
		var worst *hclspec.System
		exposed := true
		for _, s := range e.providers[c] {
			if !e.unsupportedIn(s) || slices.Contains(p.Replaces, s.ID) {
				exposed = false
				break
			}
			if worst == nil || s.Risk.Score() > worst.Risk.Score() {
				worst = s
			}
		}
		if !exposed || worst == nil || counted[worst.ID] || worst.Risk.Score() <= 0 {
			continue
		}
		counted[worst.ID] = true
		before := pe.risk
		pe.risk = 1 - (1-pe.risk)*(1-worst.Risk.Score())
		when := "before the roadmap starts"
		if worst.EndOfSupport > 0 {
			when = "from " + e.label(worst.EndOfSupport)
		}
		// The rule judges the systems as they are, before the schedule:
		// the sentence says what the project requires, not what it runs
		// on (warnExposedReplacements adds what the plan does about it).
		msg := fmt.Sprintf("requires capability %s, which only out-of-support systems provide: %q, out of support %s; its risk %s raises the project's from %s to %s",
			hclspec.Quote(c), worst.ID, when, formatNumber(worst.Risk.Score(), 2), formatNumber(before, 2), formatNumber(pe.risk, 2))
		if len(e.providers[c]) == 1 {
			msg = fmt.Sprintf("requires capability %s, which only system %q provides, out of support %s: its risk %s raises the project's from %s to %s",
				hclspec.Quote(c), worst.ID, when, formatNumber(worst.Risk.Score(), 2), formatNumber(before, 2), formatNumber(pe.risk, 2))
		}
		pe.warn(GateRisk, msg, p.Ranges.Range("requires", p.DeclRange))
		pe.exposures = append(pe.exposures, exposure{system: worst, capability: c, message: msg})
	}
}

// exposure is an ageing system that raised a project's risk, and the
// warning that says so.
type exposure struct {
	system     *hclspec.System
	capability string
	message    string
}

// warnExposedReplacements completes, once the plan is scheduled, each
// warning that an ageing system raised a project's risk (systemExposure)
// with the projects planned to replace that system: the rule judges the
// systems as they are, before the schedule (the gates come first), so a
// system the plan retires before its support ends still counts, and the
// warning says so rather than leave a reader to think a retired system is
// a risk.
func (e *evaluation) warnExposedReplacements() {
	var retiredBy map[string]*projectEval
	for _, pe := range e.ranked {
		for _, x := range pe.exposures {
			if retiredBy == nil {
				retiredBy = e.retirements(e.goLive)
			}
			extra := e.replacementText(pe, x, retiredBy[x.system.ID])
			if extra == "" {
				continue
			}
			for k := range pe.findings {
				if f := &pe.findings[k]; f.Gate == GateRisk && f.Message == x.message {
					f.Message += extra
					break
				}
			}
		}
	}
}

// replacementText is what the exposure warning x of pe adds about its
// system's replacement: the project retiring it (r, from retirements),
// when, and how that compares with pe's own start, with the depends_on
// that would let pe count on the replacement; or the replacing projects
// that do not go live; "" when no other project replaces the system.
func (e *evaluation) replacementText(pe *projectEval, x exposure, r *projectEval) string {
	s := x.system
	if r != nil && r != pe {
		live, _ := e.goLive(r)
		when := fmt.Sprintf("from %s in this plan", e.label(live))
		if live >= e.horizon {
			when += " (after the horizon)"
		}
		text := fmt.Sprintf("; %q replaces %q %s, after its support ends", r.cfg.ID, s.ID, when)
		if live <= s.EndOfSupport {
			text = fmt.Sprintf("; %q replaces %q %s, before its support ends", r.cfg.ID, s.ID, when)
		}
		if start, ok := pe.plannedStart(); ok && start >= live {
			text += fmt.Sprintf(", and this project starts after that (%s)", e.label(start))
		}
		text += ", but the risk gate judges the systems as they are, before the schedule"
		if contains(r.cfg.Provides, x.capability) || (r.vendor != nil && contains(r.vendor.Provides, x.capability)) {
			text += fmt.Sprintf(": to run it on what %q provides, add depends_on = [project.%s]", r.cfg.ID, r.cfg.ID)
		}
		return text
	}
	var others []string
	for _, q := range e.ranked {
		if q != pe && slices.Contains(q.cfg.Replaces, s.ID) {
			others = append(others, fmt.Sprintf("%q (%s)", q.cfg.ID, q.status))
		}
	}
	if len(others) == 0 {
		return ""
	}
	return fmt.Sprintf("; %s, which would replace %q, does not go live in this plan", strings.Join(others, " and "), s.ID)
}

// plannedStart is pe's start in the plan when it is scheduled.
func (pe *projectEval) plannedStart() (int, bool) {
	return pe.start, pe.status == StatusScheduled
}

// retirements is, for each system some project replaces, the project that
// retires it: of the replacing projects that go live (goLive reports when,
// and whether), the first to go live, the better ranked on a tie. Later
// replacements retire nothing more.
func (e *evaluation) retirements(goLive func(*projectEval) (int, bool)) map[string]*projectEval {
	by := map[string]*projectEval{}
	when := map[string]int{}
	for _, pe := range e.ranked {
		if len(pe.cfg.Replaces) == 0 {
			continue
		}
		live, ok := goLive(pe)
		if !ok {
			continue
		}
		for _, id := range pe.cfg.Replaces {
			if t, seen := when[id]; !seen || live < t {
				by[id], when[id] = pe, live
			}
		}
	}
	return by
}

// sharedSaving is the part of pe's saving from systems another project
// retires first (retiredBy, from retirements): pe's own figures count it,
// as if pe ran alone, but the portfolio credits it to that project. The
// money is the run cost a year, the systems' ids and the project that
// retires each, in pe's replaces order.
type sharedSaving struct {
	pe      *projectEval
	perYear float64
	systems []string
	by      []*projectEval
	// benefit, npv and rnpv are the part of pe's benefit, NPV and
	// risk-adjusted NPV that this saving makes (pe's figures less its
	// figures without it).
	benefit, npv, rnpv float64
}

// sharedSavingOf is pe's shared saving given retiredBy, nil when pe
// retires every system it replaces (or replaces none, or none with a run
// cost).
func (e *evaluation) sharedSavingOf(pe *projectEval, retiredBy map[string]*projectEval) *sharedSaving {
	var s *sharedSaving
	for _, id := range pe.cfg.Replaces {
		sys, first := e.system(id), retiredBy[id]
		if sys == nil || sys.RunCostPerYear <= 0 || first == nil || first == pe || e.alreadyRetired(pe.cfg, id) != nil {
			continue
		}
		if s == nil {
			s = &sharedSaving{pe: pe}
		}
		s.perYear += sys.RunCostPerYear
		s.systems = append(s.systems, id)
		s.by = append(s.by, first)
	}
	if s == nil {
		return nil
	}
	// The figures are linear in the saving: the difference of pe's
	// finance with and without it is what it adds.
	without, _ := projectFinanceOf(pe.cfg, pe.teams, pe.financeVendor(), e.teams, e.ppy, e.roadmap.DiscountRate, false, e.savingOf(pe.cfg)-s.perYear)
	s.benefit = pe.fin.Benefit - without.Benefit
	s.npv = pe.fin.NPV - without.NPV
	s.rnpv = pe.fin.RiskAdjustedNPV - without.RiskAdjustedNPV
	return s
}

// sharedSavings are the shared savings (see sharedSavingOf) of the plan's
// scheduled projects, in rank order.
func (e *evaluation) sharedSavings() []*sharedSaving {
	if len(e.cfg.Systems) == 0 {
		return nil
	}
	retiredBy := e.retirements(e.goLive)
	var out []*sharedSaving
	for _, pe := range e.ranked {
		if pe.status != StatusScheduled {
			continue
		}
		if s := e.sharedSavingOf(pe, retiredBy); s != nil {
			out = append(out, s)
		}
	}
	return out
}

// warnSharedSavings gives each scheduled project whose saving the
// portfolio credits to another project a warning naming that project, and
// each project still to run that replaces a system a done project retired
// already a warning that it saves nothing from it.
func (e *evaluation) warnSharedSavings() {
	for _, pe := range e.ranked {
		if pe.inHistory() {
			continue
		}
		for _, id := range pe.cfg.Replaces {
			s, d := e.system(id), e.alreadyRetired(pe.cfg, id)
			if s == nil || s.RunCostPerYear <= 0 || d == nil {
				continue
			}
			pe.warn(GateValue, fmt.Sprintf("replaces system %q, which done project %q retired already (live from %s): this project's figures count no saving from it, and no budget is credited for it",
				id, d.ID, e.label(d.Finished+1)),
				pe.cfg.Ranges.Range("replaces."+id, pe.cfg.Ranges.Range("replaces", pe.cfg.DeclRange)))
		}
	}
	for _, s := range e.sharedSavings() {
		pe := s.pe
		for k, id := range s.systems {
			first := s.by[k]
			live, _ := e.goLive(first)
			pe.warn(GateValue, fmt.Sprintf("saving from system %q (%s a year) credited to %q, which retires it first (live from %s): this project's figures count it as if it ran alone; the portfolio totals and the run rate count it once, with %q",
				id, formatMoney(e.system(id).RunCostPerYear, e.currency), first.cfg.ID, e.label(live), first.cfg.ID),
				pe.cfg.Ranges.Range("replaces."+id, pe.cfg.Ranges.Range("replaces", pe.cfg.DeclRange)))
		}
	}
}

// warnUncreditedRetirements gives each scheduled project that retires
// systems with a run cost, which other projects (not options of the same
// choice) may retire too, one warning that its opex budget gets no room
// for them (runCredits: which goes live first depends on the schedule,
// so none frees the budget; review Q3: the plan said nothing). A system
// a done project retired has its own warning (warnSharedSavings).
// None when no opex budget pays the project's run costs.
func (e *evaluation) warnUncreditedRetirements() {
	if len(e.cfg.Systems) == 0 {
		return
	}
	var replacers map[string][]string
	for _, pe := range e.ranked {
		if pe.status != StatusScheduled || len(pe.cfg.Replaces) == 0 {
			continue
		}
		budget := pe.cfg.RunFunding
		if budget == "" {
			budget = e.runOpex
		}
		var ids []string
		total := 0.0
		for _, id := range pe.cfg.Replaces {
			if s := e.system(id); s != nil && s.RunCostPerYear > 0 && !e.creditedTo(pe, id) && e.alreadyRetired(pe.cfg, id) == nil && budget != "" {
				ids = append(ids, id)
				total += s.RunCostPerYear
			}
		}
		if len(ids) == 0 {
			continue
		}
		if replacers == nil {
			replacers = map[string][]string{}
			for _, o := range e.projects {
				if !o.canRetire() {
					continue // cannot run: no rival (runCredits)
				}
				for _, id := range o.cfg.Replaces {
					replacers[id] = append(replacers[id], o.cfg.ID)
				}
			}
		}
		clip := func(ids []string) []string {
			out := make([]string, len(ids))
			for k, id := range ids {
				out[k] = clipText(id, maxQuotedReason)
			}
			return out
		}
		what := "systems " + namesText(clip(ids), 0)
		who := "other projects replace them too, not as options of one choice with this project, so which retires each first"
		if len(ids) == 1 {
			others := slices.DeleteFunc(slices.Clone(replacers[ids[0]]), func(o string) bool { return o == pe.cfg.ID })
			what = fmt.Sprintf("system %q", clipText(ids[0], maxQuotedReason))
			who = fmt.Sprintf("%s %s it too, not as an option of one choice with this project, so which retires it first", namesText(clip(others), 0), replaceVerb(len(others)))
		}
		pe.warn(GateValue, fmt.Sprintf("retiring %s frees no room in opex budget %q (%s a year not credited): %s depends on the schedule",
			what, clipText(budget, maxQuotedReason), formatMoney(total, e.currency), who),
			pe.cfg.Ranges.Range("replaces", pe.cfg.DeclRange))
	}
}

// replaceVerb is "replaces" for one project, "replace" for more.
func replaceVerb(n int) string {
	if n == 1 {
		return "replaces"
	}
	return "replace"
}

// warnRetiredCapabilities gives a scheduled project a warning for each
// capability it requires that, when it starts, only retired systems would
// provide: every system providing it is retired (see retirements) by a
// project that goes live at or before this one's start and does not
// provide the capability itself, and neither the stack, its vendor nor a
// project it depends on provides it. The schedule cannot keep such a
// project ahead of the retirement, so the plan warns rather than moves it.
func (e *evaluation) warnRetiredCapabilities() {
	if len(e.cfg.Systems) == 0 {
		return
	}
	retiredBy := e.retirements(e.goLive)
	for _, pe := range e.ranked {
		p := pe.cfg
		if pe.status != StatusScheduled || len(p.Requires) == 0 {
			continue
		}
		for _, c := range p.Requires {
			providers := e.providers[c]
			if len(providers) == 0 || contains(e.roadmap.Stack, c) || (pe.vendor != nil && contains(pe.vendor.Provides, c)) || e.providedByProjects(pe, c) {
				continue
			}
			var gone []string
			available := false
			for _, s := range providers {
				r := retiredBy[s.ID]
				if r == nil || r == pe {
					available = true
					break
				}
				live, _ := e.goLive(r)
				if live > pe.start || contains(r.cfg.Provides, c) || (r.vendor != nil && contains(r.vendor.Provides, c)) {
					available = true
					break
				}
				gone = append(gone, fmt.Sprintf("%q retires %q from %s", r.cfg.ID, s.ID, e.label(live)))
			}
			if available {
				continue
			}
			only, verb := "system", "provides"
			if len(providers) > 1 {
				only, verb = "systems", "provide"
			}
			ids := make([]string, len(providers))
			for k, s := range providers {
				ids[k] = fmt.Sprintf("%q", s.ID)
			}
			pe.warn(GateViability, fmt.Sprintf("requires capability %s, which only %s %s %s, but %s, before this project starts in %s, without providing %s itself: the capability is gone when it starts (list it in the replacing project's provides, or plan this project before the retirement)",
				hclspec.Quote(c), only, strings.Join(ids, ", "), verb, strings.Join(gone, " and "), e.label(pe.start), hclspec.Quote(c)),
				keyRange(p, "requires", c))
		}
	}
}
