package evaluate

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// rankProjects orders every project and numbers it from 1. Work in
// progress and committed projects keep their place ahead of rank order
// (at a status date; mandatory ones first in each group, then those forced in); then the projects still in the
// running: mandatory ones (with the choice options they need, see neededOptions), then those forced in (--force-in: a what-if never delays what is required), then the
// rest, each group in the strategy's order. Dropped
// projects follow, in the same order, so the rank of a live project is
// its priority in scheduling and the dropped ones still show where they
// would have stood; done, cancelled and on-hold projects come last.
//
//   - value: highest score first;
//   - safety: lowest risk first (the "easy way"), then highest score;
//   - calculated_risk: the project with the highest risk-adjusted NPV first
//     as the flagship, then the rest lowest risk first (the "harder way").
//
// The first project of the second group is the flagship, under every
// strategy; roadmap { flagship = project.x } names it by hand and puts it
// there (under calculated_risk, in place of the most valuable project,
// which then ranks by its risk like the rest).
//
// Figures compare as rounded in the plan; remaining ties break on id, so the order is deterministic.
func (e *evaluation) rankProjects() {
	var firstLive, live int
	var named *projectEval
	e.needed = e.neededOptions()
	e.ranked, firstLive, live, named = e.rankOrder(nil)
	for i, pe := range e.ranked {
		pe.rank = i + 1
	}
	switch {
	case named != nil:
		e.flagship = named
		if named.dropped() {
			e.diags = append(e.diags, &hcl.Diagnostic{
				Severity: hcl.DiagWarning,
				Summary:  "Flagship dropped",
				Detail:   fmt.Sprintf("The roadmap names %q its flagship, but it fails the %s gate: %s.", named.cfg.ID, named.gate, named.findings[0].Message),
				Subject:  e.roadmap.Ranges.Range("flagship", e.roadmap.DeclRange).Ptr(),
			})
		}
	case live > 0:
		e.contenders = e.ranked[firstLive : firstLive+live]
		e.flagship = e.firstContender(e.contenders)
	}
}

// firstContender is the first of the live projects that can still run:
// not an option whose choice is decided before scheduling (another
// option is committed, in progress or done, or a mandatory or forced-in
// project needs another option: see e.needed), nor one rank order
// dropped for an option that keeps policy replace_before_end_of_support
// (keepPolicy, which picks the flagship again). Such options keep
// their place in rank order but are no flagship. Nil when none is left.
func (e *evaluation) firstContender(live []*projectEval) *projectEval {
	needed := e.needed
	for _, pe := range live {
		if pe.dropped() || e.lostToPolicy(pe) {
			continue
		}
		// An option whose rival a mandatory or forced-in project needs, or
		// is itself mandatory or forced in, has lost its choice already.
		lost := false
		if c := e.choiceOf(pe.cfg.ID); c != nil {
			for _, id := range c.Options {
				if o := e.projectByID(id); o != nil && o != pe && (needed[o] != nil || o.pinned() && !o.dropped()) {
					lost = true
				}
			}
		}
		if !lost {
			return pe
		}
	}
	return nil
}

// rankOrder is rankProjects' order, with kept ranked as if no gate had
// dropped it and it were in the running (nil: none). It also returns the index of the first live
// project (after those in progress, committed and mandatory), how many
// are live, and the flagship the roadmap names (nil when none). It
// changes nothing.
func (e *evaluation) rankOrder(kept *projectEval) (ranked []*projectEval, firstLive, liveN int, named *projectEval) {
	var inProgress, committed, mandatory, forcedIn, live, dropped, history []*projectEval
	needed := e.needed
	for _, pe := range e.projects {
		switch {
		case pe.inHistory() && pe != kept:
			history = append(history, pe)
		case pe.life.lifecycle == hclspec.InProgress:
			inProgress = append(inProgress, pe)
		case pe.life.lifecycle == hclspec.Committed:
			committed = append(committed, pe)
		case pe.dropped() && pe.gate != GateChoice && pe != kept:
			// (a choice drops an option after ranking: it keeps its place)
			dropped = append(dropped, pe)
		case pe.cfg.Mandatory || needed[pe] != nil && needed[pe].bindsOptions():
			mandatory = append(mandatory, pe)
		case pe.forced == ForcedIn || needed[pe] != nil:
			forcedIn = append(forcedIn, pe)
		default:
			live = append(live, pe)
		}
	}
	strategy := e.roadmap.Strategy
	ranked = make([]*projectEval, 0, len(e.projects))
	ranked = append(ranked, pinnedFirst(inProgress, strategy)...)
	ranked = append(ranked, pinnedFirst(committed, strategy)...)
	ranked = append(ranked, orderByStrategy(mandatory, strategy)...)
	ranked = append(ranked, orderByStrategy(forcedIn, strategy)...)
	firstLive = len(ranked)
	named = e.projectByID(e.roadmap.Flagship)
	if named != nil && (!named.dropped() || named == kept) && !named.pinned() && !named.keepsPlace() && !named.inHistory() {
		rest := make([]*projectEval, 0, len(live))
		for _, pe := range live {
			if pe != named {
				rest = append(rest, pe)
			}
		}
		if strategy == hclspec.StrategyCalculatedRisk {
			strategy = hclspec.StrategySafety // the flagship is chosen: the rest go safest first
		}
		ranked = append(ranked, named)
		ranked = append(ranked, orderByStrategy(rest, strategy)...)
		strategy = e.roadmap.Strategy
	} else {
		ranked = append(ranked, orderByStrategy(live, strategy)...)
	}
	ranked = append(ranked, orderByStrategy(dropped, strategy)...)
	ranked = append(ranked, orderByStrategy(history, strategy)...)
	return ranked, firstLive, len(live), named
}

// orderByStrategy returns ps in the strategy's order (see rankProjects).
func orderByStrategy(ps []*projectEval, strategy hclspec.Strategy) []*projectEval {
	out := append([]*projectEval(nil), ps...)
	byScore := func(a, b *projectEval) bool {
		if sa, sb := ratio(a.score), ratio(b.score); sa != sb {
			return sa > sb
		}
		return a.cfg.ID < b.cfg.ID
	}
	bySafety := func(a, b *projectEval) bool {
		if ra, rb := ratio(a.risk), ratio(b.risk); ra != rb {
			return ra < rb
		}
		return byScore(a, b)
	}
	switch strategy {
	case hclspec.StrategySafety:
		sort.SliceStable(out, func(i, j int) bool { return bySafety(out[i], out[j]) })
	case hclspec.StrategyCalculatedRisk:
		if len(out) == 0 {
			return out
		}
		flag := 0
		for i, pe := range out {
			v, fv := money(pe.fin.RiskAdjustedNPV), money(out[flag].fin.RiskAdjustedNPV)
			if v > fv || (v == fv && pe.cfg.ID < out[flag].cfg.ID) {
				flag = i
			}
		}
		out[0], out[flag] = out[flag], out[0]
		rest := out[1:]
		sort.SliceStable(rest, func(i, j int) bool { return bySafety(rest[i], rest[j]) })
	default:
		sort.SliceStable(out, func(i, j int) bool { return byScore(out[i], out[j]) })
	}
	return out
}

// pinnedFirst orders a group of projects that keep their place: the
// mandatory ones first, then those forced in, then the rest, each part in
// the strategy's order.
func pinnedFirst(group []*projectEval, strategy hclspec.Strategy) []*projectEval {
	var mandatory, forcedIn, rest []*projectEval
	for _, pe := range group {
		switch {
		case pe.cfg.Mandatory:
			mandatory = append(mandatory, pe)
		case pe.forced == ForcedIn:
			forcedIn = append(forcedIn, pe)
		default:
			rest = append(rest, pe)
		}
	}
	out := append(orderByStrategy(mandatory, strategy), orderByStrategy(forcedIn, strategy)...)
	return append(out, orderByStrategy(rest, strategy)...)
}

// neededOptions maps each choice option a mandatory, committed, in
// progress or forced-in project needs (itself, or through depends_on and together,
// directly or not, the two mixed) to the first such project, mandatory
// committed and in-progress ones first (bindsOptions: the optimiser
// keeps committed work as it keeps mandatory work, and running work is
// at least as binding), and records in e.neededVia the links it needs
// the option through (neededLinks). That option ranks with what needs
// it, so rank order decides its choice for it, as scheduling does: a
// project is placed with its together group and its dependencies. Nil
// without choices.
func (e *evaluation) neededOptions() map[*projectEval]*projectEval {
	e.neededVia = nil
	if len(e.cfg.Choices) == 0 {
		return nil
	}
	isOption := map[*projectEval]bool{}
	for _, c := range e.cfg.Choices {
		for _, id := range c.Options {
			if pe, ok := e.projectByIDOK(id); ok {
				isOption[pe] = true
			}
		}
	}
	groupOf := map[*projectEval][]*projectEval{}
	for _, g := range e.groups() {
		for _, pe := range g {
			groupOf[pe] = g
		}
	}
	needed := map[*projectEval]*projectEval{}
	e.neededVia = map[*projectEval]string{}
	for _, mandatoryPass := range []bool{true, false} {
		// A project an earlier walk of this pass reached has had every
		// option it needs credited already (to an earlier project): each
		// pass visits each project once, and a group once.
		from := map[*projectEval]link{}
		walkedGroup := map[*projectEval]bool{} // by first member
		for _, by := range e.projects {
			if by.dropped() || by.inHistory() || mandatoryPass != by.bindsOptions() || (!by.bindsOptions() && by.forced != ForcedIn) {
				continue
			}
			if _, seen := from[by]; seen {
				continue
			}
			from[by] = link{}
			queue := []*projectEval{by}
			for k := 0; k < len(queue); k++ {
				pe := queue[k]
				if pe != by && isOption[pe] && needed[pe] == nil {
					needed[pe] = by
					e.neededVia[pe] = neededLinks(from, pe)
				}
				for _, d := range pe.cfg.DependsOn {
					if dep, ok := e.projectByIDOK(d); ok {
						if _, seen := from[dep]; !seen {
							from[dep] = link{prev: pe, kind: "depends_on"}
							queue = append(queue, dep)
						}
					}
				}
				if g := groupOf[pe]; len(g) > 0 && !walkedGroup[g[0]] {
					walkedGroup[g[0]] = true
					for _, m := range g {
						if _, seen := from[m]; !seen {
							from[m] = link{prev: pe, kind: "together"}
							queue = append(queue, m)
						}
					}
				}
			}
		}
	}
	return needed
}

// link is how a walk of neededOptions reached a project: from prev,
// through depends_on or together (prev nil: where the walk began).
type link struct {
	prev *projectEval
	kind string
}

// neededLinks words the links from the project a walk began at to pe:
// "depends_on" when they are all depends_on, else each link with the
// project it leads to ("depends_on "mid", together"), at most three
// projects named.
func neededLinks(from map[*projectEval]link, pe *projectEval) string {
	var hops []link // from pe back to where the walk began
	for l := from[pe]; l.prev != nil; l = from[l.prev] {
		hops = append(hops, link{prev: pe, kind: l.kind})
		pe = l.prev
	}
	slices.Reverse(hops) // hops[i].prev is now where link i leads
	if !slices.ContainsFunc(hops, func(l link) bool { return l.kind != "depends_on" }) {
		return "depends_on"
	}
	const named = 3
	words := make([]string, 0, named+2)
	for i, l := range hops[:len(hops)-1] {
		if i == named {
			words = append(words, moreLinks(len(hops)-1-named))
			break
		}
		words = append(words, fmt.Sprintf("%s %q", l.kind, clipText(l.prev.cfg.ID, maxQuotedReason)))
	}
	words = append(words, hops[len(hops)-1].kind)
	return strings.Join(words, ", ")
}

// requires reports whether the plan must run pe if it can, ahead of the
// strategy's choices: mandatory, or committed (approved work the
// optimiser keeps). Work in progress runs whatever its dependencies.
func (pe *projectEval) requires() bool {
	return pe.cfg.Mandatory || pe.life.lifecycle == hclspec.Committed
}

// bindsOptions reports whether the choice options pe needs are taken for
// it before the strategy's choices: mandatory or committed (requires), or
// work in progress, which is at least as binding as committed work.
func (pe *projectEval) bindsOptions() bool {
	return pe.requires() || pe.life.lifecycle == hclspec.InProgress
}

// moreLinks counts the links neededLinks leaves unnamed.
func moreLinks(n int) string {
	if n == 1 {
		return "1 more link"
	}
	return fmt.Sprintf("%d more links", n)
}
