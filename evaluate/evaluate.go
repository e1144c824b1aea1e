// Package evaluate turns a decoded roadmap into a Plan: vendor evaluations,
// finance, gates, scoring, scheduling, optimisation, capacity and checks.
// It does no I/O and reads no clock; long searches honour ctx.
package evaluate

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// Options tune an evaluation.
type Options struct {
	Optimize  bool          // also when cfg.Roadmap.Optimize is set
	Seed      int64         // for the optimiser
	TimeLimit time.Duration // optimiser budget; 0 means the default
	// Clock measures what TimeLimit counts (schedule.OptimizeInput.Clock):
	// the CLI gives the search's CPU time (internal/cputime), so that a
	// busy machine does not end the search sooner; nil counts wall-clock
	// time.
	Clock func() time.Duration
	// SearchBudget, when set, is a total of search time this plan's
	// optimiser shares with other plans' (compare's columns, frontier's
	// levels): the search gets at most TimeLimit, less when the total's
	// share is less.
	SearchBudget *SearchBudget
	// Progress, when set, is called now and then by long optimiser runs with
	// the fraction done (0..1).
	Progress func(done float64)

	// RankOrder schedules in rank order even when the roadmap sets
	// optimize = true (roadmap simulate re-plans every run in rank order).
	RankOrder bool
	// Objective overrides the roadmap's objective (score,
	// risk_adjusted_npv, npv, finish) and implies Optimize.
	Objective string

	// ForceIn and ForceOut are project ids to try in or out without
	// editing the files: a project forced in ranks right after the
	// mandatory ones and passes the alignment, departments, risk and value gates
	// (each it would fail is a warning), even when excluded = true; a
	// project forced out is dropped (gate "excluded").
	ForceIn, ForceOut []string

	// Baseline, when set, is the saved plan earned value is measured
	// against (plan --baseline): the plan gets earned_value figures,
	// which checks see.
	Baseline *Baseline
}

// How a project was forced (ProjectPlan.Forced).
const (
	ForcedIn  = "in"
	ForcedOut = "out"
)

// projectEval is one project's working state through the pipeline.
type projectEval struct {
	cfg    *hclspec.Project
	index  int             // in cfg.Projects
	teams  []string        // the teams of cfg.Effort, by id
	vendor *hclspec.Vendor // resolved vendor; nil when none or no winner
	fin    projectFinance

	alignment float64 // sum(goal weight x contribution) / sum of weights
	risk      float64 // 1 - product(1 - each risk)
	value     float64 // rNPV / (|rNPV| + value scale), -1..1
	score     float64

	status   string
	gate     string
	findings []Finding
	notes    []Note // where the schedule put it, and why

	forced string // ForcedIn, ForcedOut or ""
	// carriedBy is the forced-in or mandatory project that cannot run
	// without this one (carryForced), "" when none: it passes the soft
	// gates too. carriedMandatory says which of the two it is.
	carriedBy        string
	carriedMandatory bool

	// exposures are the ageing systems that raised its risk (see
	// systemExposure), for warnExposedReplacements.
	exposures []exposure

	rank  int // 1-based
	task  int // index in the schedule problem; -1 when dropped
	start int // first period; -1 unless scheduled

	life livingEval // its status in its life (see living.go)
}

func (pe *projectEval) dropped() bool { return pe.status == StatusDropped }

// pinned reports whether the project must run if it can: mandatory, or
// forced in.
func (pe *projectEval) pinned() bool { return pe.cfg.Mandatory || pe.forced == ForcedIn }

// softGate reports whether a project forced in passes the gate: what it
// would fail there is a warning.
func softGate(gate string) bool {
	switch gate {
	case GateExcluded, GateAlignment, GateDepartments, GateRisk, GateValue:
		return true
	}
	return false
}

// fail records a finding; the first failing gate decides the status.
func (pe *projectEval) fail(status, gate, msg string, rng hcl.Range) {
	if pe.forced == ForcedIn && softGate(gate) {
		pe.warn(gate, "forced in past this gate: "+msg, rng)
		return
	}
	if pe.carriedBy != "" && softGate(gate) {
		with := "forced in with"
		if pe.carriedMandatory {
			with = "runs with mandatory project"
		}
		pe.warn(gate, fmt.Sprintf("%s %q, which cannot run without it, past this gate: %s", with, pe.carriedBy, msg), rng)
		return
	}
	if pe.gate == "" {
		pe.gate = gate
		pe.status = status
	}
	pe.findings = append(pe.findings, Finding{Gate: gate, Severity: SeverityError, Message: clipFinding(msg), Range: sourceRange(rng)})
}

// dropNote is the message of the finding that dropped pe, without what
// it adds in parentheses ("" when none).
func (pe *projectEval) dropNote() string {
	for _, f := range pe.findings {
		if f.Gate == pe.gate && f.Severity == SeverityError {
			msg, _, _ := strings.Cut(f.Message, " (")
			return msg
		}
	}
	return ""
}

// warn records a finding that does not change the project's status.
func (pe *projectEval) warn(gate, msg string, rng hcl.Range) {
	pe.findings = append(pe.findings, Finding{Gate: gate, Severity: SeverityWarning, Message: clipFinding(msg), Range: sourceRange(rng)})
}

// maxFindingBytes bounds a finding's message. User strings in it are
// quoted clipped (hclspec.Quote), but a message may wrap another
// ("forced in past this gate: ...") and list ids, and each project's
// findings are repeated in its reasons in every output.
const maxFindingBytes = 2000

// clipFinding is msg cut to maxFindingBytes.
func clipFinding(msg string) string { return clipText(msg, maxFindingBytes) }

// evaluation holds the lookups every stage shares.
type evaluation struct {
	groupValues map[*projectEval]*groupValue // together groups judged as one investment (togetherValue)
	cfg         *hclspec.Config
	checkMeter  *hclspec.Meter // meters the check expressions
	roadmap     *hclspec.Roadmap
	cal         hclspec.Calendar
	ppy         int
	horizon     int
	currency    string

	goals       map[string]*hclspec.Goal
	departments map[string]*hclspec.Department
	teams       map[string]*hclspec.Team
	budgets     map[string]*hclspec.Budget
	vendors     map[string]*hclspec.Vendor
	systems     map[string]*hclspec.System
	providers   map[string][]*hclspec.System // by capability, in declaration order
	// credits maps the systems whose run cost frees the run budget of the
	// project retiring them (runCredit) to who gets it (runCredits, set
	// once the projects are forced in and out). retiredByDone is the done
	// project that retired each system it replaces (doneRetirements).
	// runOpex is the roadmap's only opex budget, "" when it has none or
	// several.
	credits       map[string]string
	retiredByDone map[string]*hclspec.Project
	runOpex       string
	// creditedBudgets marks the budgets a saving may make room in
	// (budgetsWithCredit), by index.
	creditedBudgets []bool

	vendorList    []VendorResult // by evaluation id
	vendorResults map[string]*VendorResult
	winners       map[string]*hclspec.Vendor

	projects []*projectEval // declaration order
	// index is each project id's index in cfg.Projects (and in projects:
	// every evaluation's projects have cfg.Projects' ids in order).
	index    map[string]int
	ranked   []*projectEval // rank order
	flagship *projectEval   // nil when no project is the flagship
	// contenders are the live projects the flagship is the first of
	// that can run (firstContender); nil when the roadmap names it.
	contenders []*projectEval
	// dues are the systems policy replace_before_end_of_support asks to
	// be replaced in time; policyPicks the choices rank order decided by
	// it, policyMisses the systems it fails although another option
	// would have replaced them in time (see keepPolicy).
	dues         []systemDue
	policyPicks  []policyPick
	policyMisses []policyMiss

	// valueScaleAmount is the money that earns half of the value score;
	// valueScaleBasis says where it came from.
	valueScaleAmount float64
	valueScaleBasis  string

	base  *problemBase
	diags hcl.Diagnostics

	// prep holds what Prepare computed once for the configured projects;
	// nil while Prepare runs. lean marks a Prepared.Schedule run, which
	// builds no plan.
	prep *Prepared
	lean bool

	// needed maps each choice option a mandatory, committed or forced-in
	// project needs to the first such project (neededOptions), worked out
	// once when the projects are ranked; neededVia words the links it
	// needs the option through ("depends_on", "depends_on "mid", together").
	needed    map[*projectEval]*projectEval
	neededVia map[*projectEval]string

	// rankOrderStart is each task's start in rank order when the
	// optimiser ran (choices say what rank order chose); nil otherwise.
	rankOrderStart []int
}

// Evaluate builds the plan of cfg. Diagnostics report check evaluation
// errors and other problems that only show once the plan exists.
func Evaluate(ctx context.Context, cfg *hclspec.Config, opts Options) (*Plan, hcl.Diagnostics) {
	prep, diags := Prepare(cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	plan, d := prep.Plan(ctx, cfg.Projects, opts)
	return plan, append(diags, d...)
}

// Plan builds the plan of the prepared roadmap with projects in place of
// its configured ones (the same projects in the same order; their numbers
// may differ): Evaluate passes cfg.Projects.
func (p *Prepared) Plan(ctx context.Context, projects []*hclspec.Project, opts Options) (*Plan, hcl.Diagnostics) {
	e := p.evaluationOf(projects)
	if d := e.force(opts); d.HasErrors() {
		return nil, d
	}
	prob, sch, optimization, ok := e.decide(ctx, opts)
	if !ok {
		return nil, e.diags
	}
	e.applySchedule(prob, sch)
	if err := e.explainSchedule(ctx, prob, sch); err != nil {
		e.diags = append(e.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Evaluation cancelled", Detail: err.Error()})
		return nil, e.diags
	}
	e.warnLateCommitted()
	e.warnKeptLinksOut()
	e.unkeepLeftOut()
	e.warnInFlightOverParallel(prob)
	e.warnValueDestroyers()
	e.warnSharedSavings()
	e.warnUncreditedRetirements()
	e.warnRetiredCapabilities()
	e.warnExposedReplacements()
	plan := e.buildPlan(optimization)
	plan.Roadmap.Objective = string(e.objectiveOf(opts))
	plan.Optimization = optimization
	if opts.Baseline != nil {
		if d := e.earnedValue(plan, opts.Baseline); d.HasErrors() {
			return nil, append(e.diags, d...)
		}
	}
	plan.Systems = auditSystems(e.cfg, plan) // the technology audit
	plan.Checks = append(plan.Checks, e.evaluateChecks(plan)...)
	plan.Checks = append(plan.Checks, e.evaluatePolicies(plan)...)
	plan.Checks = append(plan.Checks, e.warnBudgetOverruns(plan)...)
	hclspec.ExplainUnknownFunctions(e.diags)
	if d := e.checkPlanFinite(plan); d.HasErrors() {
		return nil, append(e.diags, d...)
	}
	return plan, e.diags
}

// decide runs the stages that settle every project's fate: finance,
// gates, scores, rank and the schedule (in rank order, or optimised). ok
// is false when ctx was cancelled first.
func (e *evaluation) decide(ctx context.Context, opts Options) (*schedule.Problem, *schedule.Schedule, *Optimization, bool) {
	e.credits = e.runCredits()
	e.creditedBudgets = e.budgetsWithCredit()
	e.computeFinance()
	e.applyGates()
	e.dropWithGroups()
	e.scoreProjects()
	e.rankProjects()
	if err := ctx.Err(); err != nil {
		e.diags = append(e.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Evaluation cancelled", Detail: err.Error()})
		return nil, nil, nil, false
	}
	prob := e.buildProblem()
	sch, optimization, err := e.scheduleProjects(ctx, prob, opts)
	if err != nil {
		e.diags = append(e.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Evaluation cancelled", Detail: err.Error()})
		return nil, nil, nil, false
	}
	return prob, sch, optimization, true
}

// newEvaluation indexes cfg; it fails only when cfg lacks what every stage
// needs (a roadmap block, a horizon). Its projects are cfg's; Prepared
// evaluations replace them (evaluationOf).
func newEvaluation(cfg *hclspec.Config) (*evaluation, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	if cfg == nil || cfg.Roadmap == nil {
		return nil, diags.Append(&hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Missing roadmap block",
			Detail:   "A roadmap needs exactly one roadmap block before it can be evaluated.",
		})
	}
	rm := cfg.Roadmap
	if rm.Horizon < 1 {
		return nil, diags.Append(&hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid horizon",
			Detail:   fmt.Sprintf("The horizon must be at least 1 period; got %d.", rm.Horizon),
			Subject:  rm.Ranges.Range("horizon", rm.DeclRange).Ptr(),
		})
	}
	cal := cfg.Calendar
	if cal.Unit == "" {
		cal.Unit = rm.Period
	}
	e := &evaluation{
		cfg:         cfg,
		roadmap:     rm,
		cal:         cal,
		ppy:         cal.PeriodsPerYear(),
		horizon:     rm.Horizon,
		currency:    rm.Currency,
		goals:       map[string]*hclspec.Goal{},
		departments: map[string]*hclspec.Department{},
		teams:       map[string]*hclspec.Team{},
		budgets:     map[string]*hclspec.Budget{},
		vendors:     map[string]*hclspec.Vendor{},
		systems:     make(map[string]*hclspec.System, len(cfg.Systems)),
	}
	e.providers = map[string][]*hclspec.System{}
	for _, s := range cfg.Systems {
		e.systems[s.ID] = s
		for _, c := range slices.Compact(slices.Sorted(slices.Values(s.Provides))) {
			e.providers[c] = append(e.providers[c], s)
		}
	}
	e.retiredByDone = doneRetirements(cfg)
	for _, g := range cfg.Goals {
		e.goals[g.ID] = g
	}
	for _, d := range cfg.Departments {
		e.departments[d.ID] = d
	}
	for _, t := range cfg.Teams {
		e.teams[t.ID] = t
	}
	var opex []string
	for _, b := range cfg.Budgets {
		e.budgets[b.ID] = b
		if budgetKind(b) == string(hclspec.Opex) {
			opex = append(opex, b.ID)
		}
	}
	if len(opex) == 1 {
		e.runOpex = opex[0]
	}
	for _, v := range cfg.Vendors {
		e.vendors[v.ID] = v
	}
	e.index = make(map[string]int, len(cfg.Projects))
	for i, p := range cfg.Projects {
		e.index[p.ID] = i
	}
	e.setProjects(cfg.Projects)
	e.base = e.buildProblemBase()
	return e, diags
}

// setProjects makes projects the evaluation's, in order.
func (e *evaluation) setProjects(projects []*hclspec.Project) {
	e.projects = make([]*projectEval, len(projects))
	evals := make([]projectEval, len(projects))
	for i, p := range projects {
		evals[i] = projectEval{cfg: p, index: i, task: -1, start: -1, findings: []Finding{}}
		pe := &evals[i]
		e.living(pe)
		pe.teams = e.prep.teamsOf(i, pe.cfg)
		e.projects[i] = pe
	}
}

// projectByID is the project with that id, nil when there is none.
func (e *evaluation) projectByID(id string) *projectEval {
	if i, ok := e.index[id]; ok {
		return e.projects[i]
	}
	return nil
}

// label is the label of period i.
func (e *evaluation) label(i int) string { return e.cal.Label(i) }

// evaluateVendors runs the vendor selections and resolves each project's
// vendor: a vendor directly, or its evaluation's winner.
func (e *evaluation) evaluateVendors() {
	results, winners, diags := evaluateVendors(e.cfg)
	e.diags = append(e.diags, diags...)
	e.vendorResults = map[string]*VendorResult{}
	for i := range results {
		e.vendorResults[results[i].Evaluation] = &results[i]
	}
	e.winners = winners
	e.vendorList = results
	e.resolveVendors()
}

// resolveVendors gives each project its vendor: a vendor directly, or its
// evaluation's winner.
func (e *evaluation) resolveVendors() {
	for _, pe := range e.projects {
		switch ref := pe.cfg.Vendor; ref.Kind {
		case hclspec.RefVendor:
			pe.vendor = e.vendors[ref.ID]
		case hclspec.RefEvaluation:
			pe.vendor = e.winners[ref.ID]
		}
	}
}

// computeFinance builds every project's cash flows as if it started at
// period 0 (ranking uses these figures).
// A configured project, unchanged, gets the figures Prepare computed (a
// simulation run re-computes only the projects whose numbers it drew).
func (e *evaluation) computeFinance() {
	returns := e.needReturns()
	for _, pe := range e.projects {
		if e.prep != nil && pe.cfg == e.cfg.Projects[pe.index] {
			pe.fin = e.prep.fin[pe.index]
			e.diags = append(e.diags, e.prep.finDiags[pe.index]...)
			continue
		}
		f, diags := projectFinanceOf(pe.cfg, pe.teams, pe.financeVendor(), e.teams, e.ppy, e.roadmap.DiscountRate, returns, e.savingOf(pe.cfg))
		pe.fin = f
		e.diags = append(e.diags, diags...)
	}
}

// needReturns reports whether projects' IRR and payback must be computed:
// for a plan, which reports them, and in a lean run only when a decision
// reads them (the hurdle's min_irr or max_payback).
func (e *evaluation) needReturns() bool {
	if !e.lean {
		return true
	}
	h := e.roadmap.Hurdle
	return h != nil && (h.MinIRR != nil || h.MaxPayback != nil)
}

// warnValueDestroyers gives every scheduled non-mandatory project with a
// negative risk-adjusted NPV a warning, unless the roadmap's hurdle sets a
// minimum risk-adjusted NPV (then the value gate has already judged it).
func (e *evaluation) warnValueDestroyers() {
	if h := e.roadmap.Hurdle; h != nil && h.MinRiskAdjustedNPV != nil {
		return
	}
	for _, pe := range e.ranked {
		p := pe.cfg
		if pe.status != StatusScheduled || p.Mandatory || money(pe.fin.RiskAdjustedNPV) >= 0 {
			continue
		}
		msg := fmt.Sprintf("destroys value: risk-adjusted NPV of %s", formatMoney(math.Round(pe.fin.RiskAdjustedNPV), e.currency))
		// A together group runs whole: a member is judged with it.
		if g := e.togetherValue(pe); g != nil {
			if g.hasMandatory() || money(g.rnpv) >= 0 {
				continue
			}
			msg = fmt.Sprintf("destroys value: with its together group (%s), risk-adjusted NPV of %s (%s on its own)",
				g.others(pe), formatMoney(math.Round(g.rnpv), e.currency), formatMoney(math.Round(pe.fin.RiskAdjustedNPV), e.currency))
		}
		pe.warn(GateValue, msg, p.Ranges.Range("benefit.per_year", p.Ranges.Range("benefit", p.DeclRange)))
	}
}
