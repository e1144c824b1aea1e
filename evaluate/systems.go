package evaluate

import (
	"fmt"
	"slices"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// system is the system with id, or nil.
func (e *evaluation) system(id string) *hclspec.System {
	return e.systems[id]
}

// savingOf is the run cost per year of the systems p replaces: it stops
// when p goes live, a saving p's finance counts.
func (e *evaluation) savingOf(p *hclspec.Project) float64 {
	total := 0.0
	for _, id := range p.Replaces {
		if s := e.system(id); s != nil {
			total += s.RunCostPerYear
		}
	}
	return total
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
		pe.warn(GateRisk, fmt.Sprintf("runs on system %q (capability %q), out of support %s: its risk %s raises the project's from %s to %s",
			worst.ID, c, when, formatNumber(worst.Risk.Score(), 4), formatNumber(before, 4), formatNumber(pe.risk, 4)),
			p.Ranges.Range("requires", p.DeclRange))
	}
}
