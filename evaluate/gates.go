package evaluate

import (
	"container/heap"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// riskEps absorbs float noise when a risk score is compared with the appetite.
const riskEps = 1e-9

// applyGates runs every project through every gate, in order: excluded,
// alignment, departments, viability, resources, risk and value (DESIGN.md
// section 4).
// Every failure is a finding, so a project dropped for one reason still
// shows the others it would meet next; its status and gate come from the
// first. Mandatory projects skip alignment, departments, risk and value.
// Projects are visited dependencies first, so "depends on dropped project"
// is decided.
func (e *evaluation) applyGates() {
	gates := []func(*projectEval) bool{e.excludedGate, e.choiceStatusGate, e.alignmentGate, e.departmentsGate, e.viabilityGate, e.resourcesGate, e.riskGate, e.valueGate}
	for _, pe := range e.topoOrder() {
		pe.alignment = e.alignmentFor(pe)
		pe.risk = pe.cfg.Risk.Score()
		e.systemExposure(pe)
		for _, gate := range gates {
			gate(pe)
		}
		e.lifecycleGate(pe)
	}
}

// topoOrder lists projects so each comes after its dependencies, otherwise
// in declaration order (Kahn's algorithm taking the lowest index first).
func (e *evaluation) topoOrder() []*projectEval {
	if order := e.preparedTopoOrder(); order != nil {
		return order
	}
	n := len(e.projects)
	waiting := make([]int, n)
	succs := make([][]int, n)
	for _, pe := range e.projects {
		for _, d := range pe.cfg.DependsOn {
			if dep := e.projectByID(d); dep != nil && dep != pe {
				waiting[pe.index]++
				succs[dep.index] = append(succs[dep.index], pe.index)
			}
		}
	}
	ready := &intHeap{}
	for i := range n {
		if waiting[i] == 0 {
			ready.push(i)
		}
	}
	order := make([]*projectEval, 0, n)
	done := make([]bool, n)
	for ready.len() > 0 {
		i := ready.pop()
		done[i] = true
		order = append(order, e.projects[i])
		for _, j := range succs[i] {
			waiting[j]--
			if waiting[j] == 0 {
				ready.push(j)
			}
		}
	}
	if len(order) < n {
		// The loader rejects cycles; a config built in code may not have.
		var cyc []string
		for i, pe := range e.projects {
			if !done[i] {
				cyc = append(cyc, pe.cfg.ID)
				order = append(order, pe)
			}
		}
		e.diags = append(e.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Dependency cycle",
			Detail:   fmt.Sprintf("Projects %s depend on each other in a cycle.", strings.Join(quoteAll(cyc), ", ")),
		})
	}
	return order
}

// preparedTopoOrder is topoOrder from the order Prepare computed, when the
// projects depend on the configured ones' dependencies (a simulation's
// copies share them) and those have no cycle; else nil.
func (e *evaluation) preparedTopoOrder() []*projectEval {
	if e.prep == nil || e.prep.topo == nil {
		return nil
	}
	for i, pe := range e.projects {
		if !slices.Equal(pe.cfg.DependsOn, e.cfg.Projects[i].DependsOn) {
			return nil
		}
	}
	order := make([]*projectEval, len(e.prep.topo))
	for k, i := range e.prep.topo {
		order[k] = e.projects[i]
	}
	return order
}

// alignmentFor is alignmentOf(pe.cfg), as Prepare computed it when pe's
// goals are the configured project's very map (a simulation's copies
// share it).
func (e *evaluation) alignmentFor(pe *projectEval) float64 {
	if e.prep != nil && pe.index < len(e.prep.align) && sameMap(pe.cfg.Goals, e.cfg.Projects[pe.index].Goals) {
		return e.prep.align[pe.index]
	}
	return e.alignmentOf(pe.cfg)
}

// sameMap reports whether a and b are the same map (not merely equal).
func sameMap(a, b map[string]float64) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}

// alignmentOf is sum(goal weight x contribution) / sum of all goal weights.
func (e *evaluation) alignmentOf(p *hclspec.Project) float64 {
	total, sum := 0.0, 0.0
	for _, g := range e.cfg.Goals {
		total += g.Weight
		sum += g.Weight * p.Goals[g.ID]
	}
	if total <= 0 {
		return 0
	}
	return sum / total
}

// alignmentGate: the project contributes to at least one goal. A roadmap
// that declares no goals cannot judge fit, so the gate passes everything.
func (e *evaluation) alignmentGate(pe *projectEval) bool {
	p := pe.cfg
	if p.Mandatory || len(e.cfg.Goals) == 0 {
		return true
	}
	for _, g := range e.cfg.Goals {
		if p.Goals[g.ID] > 0 {
			return true
		}
	}
	msg := "contributes to no goal"
	if len(p.Goals) > 0 {
		msg = "contributes nothing to any goal: every contribution in goals is 0"
	}
	pe.fail(StatusDropped, GateAlignment, msg, p.Ranges.Range("goals", p.DeclRange))
	return false
}

// departmentsGate: no department opposes the project and at least one
// endorses it. A roadmap without departments needs no endorsement.
func (e *evaluation) departmentsGate(pe *projectEval) bool {
	p := pe.cfg
	if p.Mandatory {
		return true
	}
	ok := true
	for _, id := range p.OpposedBy {
		pe.fail(StatusDropped, GateDepartments, "opposed by "+e.departmentName(id), keyRange(p, "opposed_by", id))
		ok = false
	}
	if len(p.EndorsedBy) == 0 && len(e.cfg.Departments) > 0 {
		pe.fail(StatusDropped, GateDepartments, "endorsed by no department", p.Ranges.Range("endorsed_by", p.DeclRange))
		ok = false
	}
	return ok
}

// departmentName is `department "finance" (CFO office)`.
func (e *evaluation) departmentName(id string) string {
	s := fmt.Sprintf("department %q", id)
	if d, ok := e.departments[id]; ok {
		if d.Head != "" {
			s += " (" + d.Head + ")"
		} else if d.Title != "" {
			s += " (" + d.Title + ")"
		}
	}
	return s
}

// viabilityGate: its dependencies are not dropped, its vendor evaluation
// has a winner, and every capability it requires is in the stack, provided
// by its vendor, or by a project it depends on (directly or not).
func (e *evaluation) viabilityGate(pe *projectEval) bool {
	p := pe.cfg
	ok := true
	for _, d := range p.DependsOn {
		if dep := e.projectByID(d); dep != nil && dep.dropped() {
			msg := fmt.Sprintf("depends on dropped project %q", d)
			if why := dep.dropNote(); dep.gate == GateChoice && why != "" {
				msg += " (" + why + ")"
			}
			pe.fail(StatusDropped, GateViability, msg, keyRange(p, "depends_on", d))
			ok = false
		}
	}
	if p.Vendor.Kind == hclspec.RefEvaluation && pe.vendor == nil {
		msg := fmt.Sprintf("vendor evaluation %q has no winner", p.Vendor.ID)
		if res, found := e.vendorResults[p.Vendor.ID]; found {
			msg = noWinnerMessage(res)
		}
		pe.fail(StatusDropped, GateViability, msg, p.Ranges.Range("vendor", p.DeclRange))
		ok = false
	}
	if p.Vendor.Kind == hclspec.RefVendor && pe.vendor == nil {
		pe.fail(StatusDropped, GateViability, fmt.Sprintf("vendor %q is not declared", p.Vendor.ID), p.Ranges.Range("vendor", p.DeclRange))
		ok = false
	}
	for _, c := range p.Requires {
		if !e.capabilityAvailable(pe, c) && !e.candidateWouldProvide(pe, c) {
			pe.fail(StatusDropped, GateViability,
				fmt.Sprintf("requires capability %s, which is not in the stack, not provided by its vendor and not provided by a project it depends on", hclspec.Quote(c)),
				p.Ranges.Range("requires", p.DeclRange))
			ok = false
		}
	}
	return ok
}

// capabilityAvailable reports whether c is in the stack, provided by pe's
// vendor, by a project pe depends on, directly or not (or by that
// project's vendor), or by a system of the installed base.
func (e *evaluation) capabilityAvailable(pe *projectEval, c string) bool {
	if contains(e.roadmap.Stack, c) || (pe.vendor != nil && contains(pe.vendor.Provides, c)) {
		return true
	}
	if e.providedByProjects(pe, c) {
		return true
	}
	return len(e.providers[c]) > 0
}

// providedByProjects reports whether a project pe depends on, directly or
// not, provides c (or its vendor does).
func (e *evaluation) providedByProjects(pe *projectEval, c string) bool {
	seen := map[string]bool{}
	stack := append([]string(nil), pe.cfg.DependsOn...)
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[id] {
			continue
		}
		seen[id] = true
		dep := e.projectByID(id)
		if dep == nil {
			continue
		}
		if contains(dep.cfg.Provides, c) || (dep.vendor != nil && contains(dep.vendor.Provides, c)) {
			return true
		}
		stack = append(stack, dep.cfg.DependsOn...)
	}
	return false
}

// candidateWouldProvide reports whether pe's vendor evaluation has no
// winner but a candidate providing c: the missing winner is then the one
// reason worth reporting, not its consequence.
func (e *evaluation) candidateWouldProvide(pe *projectEval, c string) bool {
	if pe.cfg.Vendor.Kind != hclspec.RefEvaluation || pe.vendor != nil {
		return false
	}
	res, ok := e.vendorResults[pe.cfg.Vendor.ID]
	if !ok {
		return false
	}
	for _, cand := range res.Candidates {
		if v, ok := e.vendors[cand.Vendor]; ok && contains(v.Provides, c) {
			return true
		}
	}
	return false
}

// resourcesGate: the project fits at all, alone in an empty plan: no
// team's effort above that team's capacity, its build spend within its
// budget, and some run of duration periods in the horizon where both hold.
// Time limits (earliest_start, deadline, a horizon shorter than the
// project) are left to the scheduler, which defers rather than drops.
func (e *evaluation) resourcesGate(pe *projectEval) bool {
	p := pe.cfg
	// The ranges findings point at, looked up only for a finding.
	effortRange := func() hcl.Range { return p.Ranges.Range("effort", p.DeclRange) }
	fundingRange := func() hcl.Range { return p.Ranges.Range("funding", p.Ranges.Range("cost.one_time", p.DeclRange)) }
	ok := true
	for _, id := range pe.teams {
		need := p.Effort[id]
		r, found := e.base.teamIndex[id]
		if !found {
			pe.fail(StatusDropped, GateResources, fmt.Sprintf("needs team %q, which is not declared", id), keyRange(p, "effort", id))
			ok = false
			continue
		}
		if most := e.base.largest[r]; need > most+1e-9 {
			capacity := fmt.Sprintf("its largest capacity of %s FTE", formatNumber(most, 2))
			if h := e.headroom(); h < 1 {
				capacity = fmt.Sprintf("the %s FTE its %s headroom limit leaves of its largest capacity (policy.max_team_utilization)",
					formatNumber(most, 2), formatPercent(h))
			}
			pe.fail(StatusDropped, GateResources,
				fmt.Sprintf("needs %s FTE of team %q per period, more than %s", formatNumber(need, 2), id, capacity),
				keyRange(p, "effort", id))
			ok = false
		}
	}
	var funding []fundingShare
	total, most := 0.0, 0.0
	for _, x := range pe.fin.BuildSpend {
		total += x
		most = math.Max(most, x)
	}
	shares := p.FundingShares()
	if len(shares) == 0 && len(e.cfg.Budgets) >= 2 && total > 0 {
		// The loader refuses this; a config built in code may not have.
		pe.fail(StatusDropped, GateResources,
			fmt.Sprintf("spends %s on its build but names no funding, and the roadmap has %d budgets: which budget pays?", formatMoney(total, e.currency), len(e.cfg.Budgets)),
			p.DeclRange)
		return false
	}
	for _, sh := range shares {
		rng := func() hcl.Range { return p.Ranges.Range("funding."+sh.Budget, fundingRange()) }
		idx, found := e.base.budgetIndex[sh.Budget]
		if !found {
			pe.fail(StatusDropped, GateResources, fmt.Sprintf("is funded by budget %q, which is not declared", sh.Budget), rng())
			ok = false
			continue
		}
		funding = append(funding, fundingShare{budget: idx, share: sh.Share})
		bg := e.budgets[sh.Budget]
		what := "build spend"
		if sh.Share < 1 {
			what = fmt.Sprintf("its %s share of the build spend", formatPercent(sh.Share))
		}
		// The schedule's limits: the amount, unless a what-if analysis
		// added to a window (Prepared.Adjusted).
		limit := slices.Max(append([]float64{0}, e.base.budgets[idx].Limit...))
		if e.creditedBudgets[idx] {
			continue // savings make room: the scheduler decides
		}
		switch budgetPer(bg) {
		case hclspec.PerTotal:
			if sh.Share*total > limit*(1+1e-9)+1e-9 {
				pe.fail(StatusDropped, GateResources,
					fmt.Sprintf("%s of %s exceeds budget %q (%s in total)", what, formatMoney(sh.Share*total, e.currency), bg.ID, formatMoney(bg.Amount, e.currency)),
					rng())
				ok = false
			}
		case hclspec.PerPeriod:
			if sh.Share*most > limit*(1+1e-9)+1e-9 {
				pe.fail(StatusDropped, GateResources,
					fmt.Sprintf("%s of %s in one period exceeds budget %q (%s per period)", what, formatMoney(sh.Share*most, e.currency), bg.ID, formatMoney(bg.Amount, e.currency)),
					rng())
				ok = false
			}
		}
	}
	if !ok {
		return false
	}
	d := max(p.Duration, 1)
	if d > e.horizon {
		return true // the scheduler defers it: it cannot finish inside the horizon
	}
	if e.fitsAloneSomewhere(pe, funding) {
		return true
	}
	// Say which constraint leaves no room: a team whose capacity never holds
	// for d periods in a row, else a budget's windows, else all together.
	for _, id := range pe.teams {
		r := e.base.teamIndex[id]
		if !e.teamFitsSomewhere(r, p.Effort[id], d) {
			within := ""
			if h := e.headroom(); h < 1 {
				within = fmt.Sprintf(" within its %s headroom limit", formatPercent(h))
			}
			pe.fail(StatusDropped, GateResources,
				fmt.Sprintf("team %q never has %s FTE for %s in a row%s", id, formatNumber(p.Effort[id], 2), periods(d), within),
				keyRange(p, "effort", id))
			return false
		}
	}
	for _, f := range funding {
		bg := e.cfg.Budgets[f.budget]
		if budgetPer(bg) == hclspec.PerTotal || e.budgetFitsSomewhere(pe, []fundingShare{f}) {
			continue
		}
		what := "build spend of " + formatMoney(total, e.currency)
		if f.share < 1 {
			what = fmt.Sprintf("its %s share of the build spend (%s)", formatPercent(f.share), formatMoney(f.share*total, e.currency))
		}
		pe.fail(StatusDropped, GateResources,
			fmt.Sprintf("%s cannot fit budget %q (%s per %s) wherever it starts", what, bg.ID, formatMoney(bg.Amount, e.currency), budgetPer(bg)),
			p.Ranges.Range("funding."+bg.ID, fundingRange()))
		return false
	}
	pe.fail(StatusDropped, GateResources, "no run of periods in the horizon has room in both its teams and its budget", effortRange())
	return false
}

// fundingShare is one budget (by index) paying a share of a project's
// build spend.
type fundingShare struct {
	budget int
	share  float64
}

// fitsAloneSomewhere reports whether pe fits some start in the horizon in
// an otherwise empty plan, ignoring earliest_start and deadline.
func (e *evaluation) fitsAloneSomewhere(pe *projectEval, funding []fundingShare) bool {
	d := max(pe.cfg.Duration, 1)
	for s := 0; s+d <= e.horizon; s++ {
		if e.teamsFitAt(pe, s) && e.budgetsFitAt(pe, funding, s) {
			return true
		}
	}
	return false
}

func (e *evaluation) teamsFitAt(pe *projectEval, s int) bool {
	d := max(pe.cfg.Duration, 1)
	for id, need := range pe.cfg.Effort {
		capacity := e.base.resources[e.base.teamIndex[id]].Capacity
		for t := s; t < s+d; t++ {
			if need > capacity[t]+1e-9 {
				return false
			}
		}
	}
	return true
}

func (e *evaluation) teamFitsSomewhere(r int, need float64, d int) bool {
	run := 0
	for _, c := range e.base.resources[r].Capacity {
		if need <= c+1e-9 {
			run++
			if run >= d {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// budgetsFitAt reports whether each funding budget has room for its share
// of pe's build spend started at s, in an otherwise empty plan. A budget
// a saving is credited to (creditedBudgets) may fit more than its amount
// once the saver is placed: it always fits here.
func (e *evaluation) budgetsFitAt(pe *projectEval, funding []fundingShare, s int) bool {
	for _, f := range funding {
		if e.creditedBudgets[f.budget] {
			continue // savings make room: the scheduler decides
		}
		bg := &e.base.budgets[f.budget]
		spent := map[int]float64{}
		for k, x := range pe.fin.BuildSpend {
			spent[bg.Window[s+k]] += f.share * x
		}
		for w, x := range spent {
			if x > bg.Limit[w]+1e-9*(1+bg.Limit[w]) {
				return false
			}
		}
	}
	return true
}

func (e *evaluation) budgetFitsSomewhere(pe *projectEval, funding []fundingShare) bool {
	d := max(pe.cfg.Duration, 1)
	for s := 0; s+d <= e.horizon; s++ {
		if e.budgetsFitAt(pe, funding, s) {
			return true
		}
	}
	return false
}

// riskGate: risk score <= risk_appetite.
func (e *evaluation) riskGate(pe *projectEval) bool {
	p := pe.cfg
	if p.Mandatory || pe.risk <= e.roadmap.RiskAppetite+riskEps {
		return true
	}
	// Point at the largest risk, the one most worth arguing about.
	attr, most := "risk.disruption", p.Risk.Disruption
	if p.Risk.Security > most {
		attr, most = "risk.security", p.Risk.Security
	}
	if p.Risk.Failure > most {
		attr = "risk.failure"
	}
	pe.fail(StatusDropped, GateRisk,
		fmt.Sprintf("risk %s exceeds the risk appetite of %s", formatNumber(pe.risk, 4), formatNumber(e.roadmap.RiskAppetite, 4)),
		p.Ranges.Range(attr, p.Ranges.Range("risk", p.DeclRange)))
	return false
}

// valueGate: the roadmap's hurdle, when it has one: risk-adjusted NPV at
// least min_risk_adjusted_npv, IRR at least min_irr, payback within
// max_payback periods. Every threshold missed is a finding.
func (e *evaluation) valueGate(pe *projectEval) bool {
	h := e.roadmap.Hurdle
	p := pe.cfg
	if h == nil || p.Mandatory {
		return true
	}
	f := &pe.fin
	rnpv, irr, payback := f.RiskAdjustedNPV, f.IRR, f.Payback
	// Nothing to invest, only returns (such as a replacement that runs
	// cheaper than the system it retires): an unbounded rate.
	free := f.NPV > 0 && (f.Cost == 0 || noOutlay(f.Flows))
	// A together group runs all or none, so it is judged as one
	// investment: a pilot with no benefit of its own passes with the
	// rollout it runs with, and fails with it.
	subject := ""
	if g := e.togetherValue(pe); g != nil {
		if g.hasMandatory() {
			return true
		}
		rnpv, irr, payback, free = g.rnpv, g.irr, g.payback, g.free
		subject = "with its together group (" + g.others(pe) + "), "
	}
	fail := func(msg string) {
		if subject != "" {
			msg = subject + msg
		}
		pe.fail(StatusDropped, GateValue, msg, p.Ranges.Range("benefit.per_year", p.Ranges.Range("benefit", p.DeclRange)))
	}
	ok := true
	if m := h.MinRiskAdjustedNPV; m != nil && money(rnpv) < money(*m) {
		fail(fmt.Sprintf("risk-adjusted NPV of %s is below the hurdle of %s",
			formatMoney(rnpv, e.currency), formatMoney(*m, e.currency)))
		ok = false
	}
	if m := h.MinIRR; m != nil {
		switch {
		case irr == nil && free:
			// An unbounded rate.
		case irr == nil:
			fail(fmt.Sprintf("has no IRR (its cash flows never change sign), so it cannot reach the hurdle of %s", formatPercent(*m)))
			ok = false
		case ratio(*irr) < ratio(*m):
			fail(fmt.Sprintf("IRR of %s is below the hurdle of %s", formatPercent(*irr), formatPercent(*m)))
			ok = false
		}
	}
	if m := h.MaxPayback; m != nil {
		switch {
		case payback == nil:
			fail(fmt.Sprintf("never pays back, so it misses the hurdle of %s", e.periodsText(*m)))
			ok = false
		case ratio(*payback) > ratio(*m):
			fail(fmt.Sprintf("pays back after %s, later than the hurdle of %s", e.periodsText(*payback), e.periodsText(*m)))
			ok = false
		}
	}
	return ok
}

// noOutlay: no flow is negative, so nothing is ever invested.
func noOutlay(flows []float64) bool {
	for _, x := range flows {
		if x < 0 {
			return false
		}
	}
	return true
}

// periodsText is "2.5 quarters" in the roadmap's period unit.
func (e *evaluation) periodsText(n float64) string {
	unit := string(e.cal.Unit)
	if unit == "" {
		unit = "period"
	}
	if n == 1 {
		return "1 " + unit
	}
	return formatNumber(n, 2) + " " + unit + "s"
}

// keyRange is the range of one key or reference of a project attribute
// ("effort.platform", "depends_on.sso"), else of the attribute, else of
// the block.
func keyRange(p *hclspec.Project, attr, key string) hcl.Range {
	return p.Ranges.Range(attr+"."+key, p.Ranges.Range(attr, p.DeclRange))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func quoteAll(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = fmt.Sprintf("%q", id)
	}
	return out
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// intHeap is a min-heap of ints, for deterministic topological orders.
type intHeap struct{ items intSlice }

type intSlice []int

func (s intSlice) Len() int           { return len(s) }
func (s intSlice) Less(a, b int) bool { return s[a] < s[b] }
func (s intSlice) Swap(a, b int)      { s[a], s[b] = s[b], s[a] }
func (s *intSlice) Push(x any)        { *s = append(*s, x.(int)) }
func (s *intSlice) Pop() any {
	old := *s
	x := old[len(old)-1]
	*s = old[:len(old)-1]
	return x
}

func (h *intHeap) len() int   { return len(h.items) }
func (h *intHeap) push(x int) { heap.Push(&h.items, x) }
func (h *intHeap) pop() int   { return heap.Pop(&h.items).(int) }
