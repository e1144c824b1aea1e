package evaluate

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// Prepared is a roadmap evaluated as far as no project's numbers reach:
// its lookups, teams and budgets as a schedule problem, and its vendor
// selections. Evaluate is Prepare followed by Plan; analyses that re-plan
// many times with other numbers (the Monte Carlo simulation) call Plan or
// Schedule once per variant, so they and a plain plan share every stage
// and can never disagree. A Prepared is read-only once made: its methods
// may run concurrently.
type Prepared struct {
	base *evaluation
	// The configured projects' effort teams by id, and their finance (as
	// if each started at period 0) with its diagnostics, by index in
	// cfg.Projects.
	teamIDs  [][]string
	fin      []projectFinance
	finDiags []hcl.Diagnostics
	// topo is the configured projects' indexes in topoOrder, nil when they
	// form a cycle; align their alignment (alignmentOf). Runs whose
	// projects keep the dependencies and goals reuse them.
	topo  []int
	align []float64
	// together is hclspec.TogetherGroups of the configured projects, as
	// indexes in cfg.Projects; runs whose projects keep their together
	// lists reuse it.
	together [][]int
}

// Prepare indexes cfg, runs its vendor evaluations and computes each
// project's cash flows and figures.
func Prepare(cfg *hclspec.Config) (*Prepared, hcl.Diagnostics) {
	e, diags := newEvaluation(cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	e.evaluateVendors()
	diags = append(diags, e.diags...)
	e.diags = nil
	p := &Prepared{
		base:     e,
		teamIDs:  make([][]string, len(e.projects)),
		fin:      make([]projectFinance, len(e.projects)),
		finDiags: make([]hcl.Diagnostics, len(e.projects)),
	}
	before := len(e.diags)
	order := e.topoOrder()
	if len(e.diags) == before { // no cycle
		p.topo = make([]int, len(order))
		for k, pe := range order {
			p.topo[k] = pe.index
		}
	}
	e.diags = e.diags[:before]
	for _, ids := range hclspec.TogetherGroups(cfg.Projects) {
		g := make([]int, len(ids))
		for k, id := range ids {
			g[k] = e.index[id]
		}
		p.together = append(p.together, g)
	}
	p.align = make([]float64, len(e.projects))
	for i, pe := range e.projects {
		p.align[i] = e.alignmentOf(pe.cfg)
		p.teamIDs[i] = pe.teams
		p.fin[i], p.finDiags[i] = projectFinanceOf(pe.cfg, pe.teams, pe.financeVendor(), e.teams, e.ppy, e.roadmap.DiscountRate, true, e.savingOf(pe.cfg))
	}
	return p, diags
}

// teamsOf is the teams of p.Effort in id order: the configured project's,
// computed once, when p has the same teams (a simulation's copies do).
func (p *Prepared) teamsOf(i int, proj *hclspec.Project) []string {
	if p != nil && i < len(p.teamIDs) {
		ids := p.teamIDs[i]
		same := len(ids) == len(proj.Effort)
		for _, id := range ids {
			if _, ok := proj.Effort[id]; !ok {
				same = false
				break
			}
		}
		if same {
			return ids
		}
	}
	return slices.Sorted(maps.Keys(proj.Effort))
}

// evaluationOf is a fresh evaluation of projects sharing p's lookups.
// projects must have cfg.Projects' ids in cfg.Projects' order.
func (p *Prepared) evaluationOf(projects []*hclspec.Project) *evaluation {
	e := *p.base
	e.diags = nil
	e.ranked = nil
	e.prep = p
	e.setProjects(projects)
	e.resolveVendors()
	return &e
}

// Run is one evaluation of a prepared roadmap as far as its schedule, in
// rank order: every decision a plan makes, without building the plan,
// its capacity plan or its checks.
type Run struct {
	e    *evaluation
	prob *schedule.Problem
}

// Schedule evaluates projects (see Plan) up to the rank-order schedule:
// finance, gates, scores, rank and schedule, as Plan does without
// optimisation. Diagnostics are the evaluation's (errors mean no run).
func (p *Prepared) Schedule(ctx context.Context, projects []*hclspec.Project) (*Run, hcl.Diagnostics) {
	return p.ScheduleForced(ctx, projects, nil, nil)
}

// ScheduleForced is Schedule with the projects forceIn and forceOut
// forced in and out as Options.ForceIn and Options.ForceOut force them in
// Plan, so an analysis re-plans with the same forced sets as the plan it
// explains. Unknown ids are errors, as in Plan.
func (p *Prepared) ScheduleForced(ctx context.Context, projects []*hclspec.Project, forceIn, forceOut []string) (*Run, hcl.Diagnostics) {
	if len(projects) != len(p.base.cfg.Projects) {
		panic(fmt.Sprintf("evaluate: Schedule of %d projects, the roadmap has %d", len(projects), len(p.base.cfg.Projects)))
	}
	e := p.evaluationOf(projects)
	if d := e.force(Options{ForceIn: forceIn, ForceOut: forceOut}); d.HasErrors() {
		return nil, d
	}
	e.lean = true
	prob, sch, _, ok := e.decide(ctx, Options{RankOrder: true})
	if !ok {
		return nil, e.diags
	}
	e.applySchedule(prob, sch)
	if e.diags.HasErrors() {
		return nil, e.diags
	}
	return &Run{e: e, prob: prob}, e.diags
}

// Outcome is one project's fate in a Run, with money rounded as in the plan.
type Outcome struct {
	Status string
	// Start and End are periods, End exclusive as end_period; -1 unless
	// scheduled.
	Start, End int
	Rank       int
	// Gate is what left it out: the gate that dropped it, "schedule" when
	// deferred, "" when scheduled; Finding is that gate's first finding
	// ("" when it has none, as for a deferral: Schedule explains none).
	Gate, Finding   string
	NPV             float64
	RiskAdjustedNPV float64
	Cost            float64
}

// Project is the outcome of project i (its index in cfg.Projects).
func (r *Run) Project(i int) Outcome {
	pe := r.e.projects[i]
	o := Outcome{
		Status:          pe.status,
		Start:           -1,
		End:             -1,
		Rank:            pe.rank,
		Gate:            pe.gate,
		NPV:             money(pe.fin.NPV),
		RiskAdjustedNPV: money(pe.fin.RiskAdjustedNPV),
		Cost:            money(pe.fin.Cost),
	}
	if pe.status == StatusScheduled {
		o.Start, o.End = pe.start, pe.start+max(pe.cfg.Duration, 1)
	}
	if a, ok := actualFiguresOf(pe); ok { // as the plan shows it
		o.NPV, o.RiskAdjustedNPV, o.Cost = money(a.npv), money(a.npv), money(a.cost)
	}
	for _, f := range pe.findings {
		if f.Gate == pe.gate && f.Severity == SeverityError {
			o.Finding = f.Message
			break
		}
	}
	return o
}

// RankIfKept is the rank project i would have had if no gate had dropped
// it - its rank, when none did: the live projects ranked before it there
// keep their ranks, those after move one down. What-if analyses of a
// dropped project (evaluate/shortfall) weigh it against the projects
// ranked above it.
func (r *Run) RankIfKept(i int) int {
	pe := r.e.projects[i]
	if !pe.dropped() || pe.gate == GateChoice {
		return pe.rank
	}
	ranked, _, _, _ := r.e.rankOrder(pe)
	return slices.Index(ranked, pe) + 1
}

// Totals are the run's totals as the plan's, without peak_parallel (which
// needs the capacity plan).
func (r *Run) Totals() Totals { return r.e.projectTotals() }

// Task is project i as the scheduler sees it with this run's numbers:
// duration, team demand and build spend per period against its budget.
// Analyses of a fixed schedule use it; it exists for dropped projects too.
func (r *Run) Task(i int) schedule.Task { return r.e.taskOf(r.e.projects[i]) }

// BudgetSpend adds to spent (budget x period, cfg.Budgets order and the
// horizon) what the budgets pay when each project i with starts[i] >= 0
// starts in that period with this run's numbers, as the plan's capacity
// plan counts its own starts: build spend while it runs, the spend to
// date before the status date, and from go-live (start + this run's
// duration; a done project's finish) the run costs of the placed and
// done projects on the opex budget paying them. Analyses replaying a
// fixed schedule use it.
func (r *Run) BudgetSpend(starts []int, spent [][]float64) {
	r.e.budgetSpend(spent, func(pe *projectEval) (int, bool) { return starts[pe.index], starts[pe.index] >= 0 })
}

// Resources are the teams as the scheduler sees them (capacity per
// period), in cfg.Teams order. Read only.
func (p *Prepared) Resources() []schedule.Resource { return p.base.base.resources }

// Budgets are the budgets' windows and limits, in cfg.Budgets order. Read
// only.
func (p *Prepared) Budgets() []schedule.Budget { return p.base.base.budgets }
