// Package hclspec owns the roadmap language: its schema, loading a directory
// of HCL files, variables, locals, functions, decoding into the typed model
// below, validation diagnostics with source ranges, and formatting.
package hclspec

import (
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/roadmap-as-code/roadmap/estimate"
)

// Config is a fully decoded and validated roadmap directory. Slices keep
// declaration order (files in lexical order, blocks in file order); every
// id has been checked unique and every reference resolved.
type Config struct {
	Dir      string
	Roadmap  *Roadmap
	Calendar Calendar

	Variables   []*Variable
	Goals       []*Goal
	Departments []*Department
	Teams       []*Team
	Budgets     []*Budget
	Vendors     []*Vendor
	Evaluations []*Evaluation
	Projects    []*Project
	Choices     []*Choice
	Systems     []*System
	Checks      []*Check
	// Scenarios are the roadmap's scenario blocks, in declaration order;
	// Scenario is the one the load applied (LoadOptions.Scenario), nil
	// for none.
	Scenarios []*Scenario
	Scenario  *Scenario

	// VariableValues and LocalValues are the final values of var.* and
	// local.*, used to build the context in which checks are evaluated.
	VariableValues map[string]cty.Value
	LocalValues    map[string]cty.Value

	// Files holds every parsed file by name, for diagnostic snippets.
	Files map[string]*hcl.File
}

// Ranges maps an attribute name ("opposed_by", "effort", "cost.one_time")
// to the range of its expression, so later stages can point at the exact
// attribute responsible for a finding. Map keys and references have their
// own entries: "goals.<goal>", "effort.<team>", "depends_on.<project>",
// "endorsed_by.<department>", "opposed_by.<department>",
// "capacity_by_period.<label>", "scores.<criterion>", "criteria.<criterion>".
type Ranges map[string]hcl.Range

// Range returns the range of the named attribute, or def when it is absent.
func (r Ranges) Range(name string, def hcl.Range) hcl.Range {
	if rng, ok := r[name]; ok {
		return rng
	}
	return def
}

// PeriodUnit is the length of one planning period.
type PeriodUnit string

const (
	Week    PeriodUnit = "week"
	Month   PeriodUnit = "month"
	Quarter PeriodUnit = "quarter"
	Year    PeriodUnit = "year"
)

// Strategy orders the ranked roadmap.
type Strategy string

const (
	StrategyValue          Strategy = "value"
	StrategySafety         Strategy = "safety"
	StrategyCalculatedRisk Strategy = "calculated_risk"
)

// Objective is what the optimiser maximises.
type Objective string

const (
	ObjectiveScore           Objective = "score"
	ObjectiveRiskAdjustedNPV Objective = "risk_adjusted_npv"
	ObjectiveNPV             Objective = "npv"
	ObjectiveFinish          Objective = "finish"
)

// Objectives lists the objectives, in the order the docs give them.
func Objectives() []string {
	return []string{string(ObjectiveScore), string(ObjectiveRiskAdjustedNPV), string(ObjectiveNPV), string(ObjectiveFinish)}
}

// Roadmap is the single roadmap block.
type Roadmap struct {
	Name         string
	Currency     string // ISO 4217, default "USD"
	Start        string // as written: "2027-01", "2027-Q1", "2027-01-04"
	Period       PeriodUnit
	Horizon      int     // periods planned, >= 1
	DiscountRate float64 // annual
	Strategy     Strategy
	RiskAppetite float64 // 0..1, default 1
	MaxParallel  int     // 0 means no limit
	Stack        []string
	Scoring      Scoring
	Optimize     bool
	Policies     Policies
	// Hurdle is the value gate's thresholds; nil when there is none.
	Hurdle *Hurdle
	// Objective is what --optimize maximises: score, risk_adjusted_npv,
	// npv or finish; "" for the default (score).
	Objective Objective
	// Flagship is the project named as the flagship; "" when the rank
	// order decides (the first non-mandatory project).
	Flagship string
	// Estimate is the number of each ranged estimate a plan uses: its
	// likely value (default), its mean or its 80th percentile.
	Estimate estimate.Point
	// AsOf is the status date as written ("2027-Q3"; --as-of overrides
	// the file), "" when the roadmap has none. AsOfPeriod is the first
	// period that starts on or after it: nothing new starts before it,
	// and the periods before it are history. -1 without a status date.
	AsOf       string
	AsOfPeriod int

	DeclRange hcl.Range
	Ranges    Ranges
}

// Scoring holds the weights of the score (the defaults are 0.5/0.3/0.2)
// and the money scale of its value term.
type Scoring struct {
	Alignment float64
	Value     float64
	Safety    float64
	// ValueScale is the risk-adjusted NPV that scores half of full value
	// (value = rNPV / (|rNPV| + ValueScale)); 0 means the default, sized
	// from the budgets or the teams (see evaluate).
	ValueScale float64
}

// Hurdle holds the thresholds of the value gate, each nil when unset: a
// non-mandatory project whose figures miss one is dropped.
type Hurdle struct {
	MinRiskAdjustedNPV *float64 // money
	MinIRR             *float64 // annual rate
	MaxPayback         *float64 // periods
	DeclRange          hcl.Range
}

// Policies are the built-in checks users can switch on in the roadmap
// block's policy block. Zero values mean "off".
type Policies struct {
	MaxTeamUtilization float64 // e.g. 0.9: no team above 90% in any period
	RequireGoal        bool    // every scheduled project linked to a goal
	MaxBudgetShare     float64 // e.g. 0.95: no budget window spent above 95%
	// ReplaceBeforeEndOfSupport makes a system that runs unsupported (its
	// replacement goes live after its end of support, or none does) an
	// error of the technology audit.
	ReplaceBeforeEndOfSupport bool
	// Deadlines is the severity of a missed deadline: "warning" (also
	// when unset) or "error".
	Deadlines string
	DeclRange hcl.Range
	Ranges    Ranges
}

// Variable is a declared input variable.
type Variable struct {
	Name        string
	Type        cty.Type
	Default     cty.Value // cty.NilVal when there is none
	Description string
	DeclRange   hcl.Range
}

// Goal is a strategic goal projects contribute to.
type Goal struct {
	ID        string
	Title     string
	Weight    float64 // > 0
	Term      string  // short | medium | long, optional
	DeclRange hcl.Range
	Ranges    Ranges
}

// Department is a stakeholder that endorses or opposes projects.
type Department struct {
	ID        string
	Title     string
	Head      string
	Needs     []string
	DeclRange hcl.Range
	Ranges    Ranges
}

// Team is a pool of people with a capacity in FTE per period.
type Team struct {
	ID       string
	Title    string
	Capacity float64 // FTE available each period
	// CapacityByPeriod overrides Capacity, keyed by 0-based period index.
	CapacityByPeriod map[int]float64
	CostPerFTE       float64 // cost of one FTE for one period
	// MaxParallel caps the projects using the team (effort above 0) in
	// any one period; 0 means no limit.
	MaxParallel int
	DeclRange   hcl.Range
	Ranges      Ranges
}

// CapacityAt is the team's capacity in period p.
func (t *Team) CapacityAt(p int) float64 {
	if c, ok := t.CapacityByPeriod[p]; ok {
		return c
	}
	return t.Capacity
}

// BudgetPer is the window a budget amount applies to.
type BudgetPer string

const (
	PerYear   BudgetPer = "year"
	PerPeriod BudgetPer = "period"
	PerTotal  BudgetPer = "total"
)

// BudgetKind says what a budget pays for: capital spending (the builds;
// the default) or operating spending (run costs after go-live).
type BudgetKind string

const (
	Capex BudgetKind = "capex"
	Opex  BudgetKind = "opex"
)

// Budget is money projects draw their build-period outflows from, or,
// for an opex budget, also their run costs after go-live.
type Budget struct {
	ID        string
	Title     string
	Amount    float64
	Per       BudgetPer
	Kind      BudgetKind
	DeclRange hcl.Range
	Ranges    Ranges
}

// Vendor is a supplier a project can buy from.
type Vendor struct {
	ID        string
	Title     string
	Category  string
	OneTime   float64
	Annual    float64
	Provides  []string
	Scores    map[string]float64 // criterion -> 0..5
	DeclRange hcl.Range
	Ranges    Ranges
}

// Evaluation is a vendor selection over candidates of one category.
type Evaluation struct {
	ID       string
	Title    string
	Category string
	// Candidates are vendor ids: the listed ones, or else every vendor of
	// Category, sorted by id.
	Candidates   []string
	Criteria     map[string]float64 // criterion -> weight
	MinimumScore float64
	Years        float64 // TCO window, default 3
	// CostScale, when set, scores the cost criterion on an absolute linear
	// scale of TCO instead of relative to the cheapest eligible candidate.
	CostScale *CostScale
	DeclRange hcl.Range
	Ranges    Ranges
}

// CostScale maps a TCO onto a cost score: Best or less scores 5, Worst or
// more scores 0, linearly in between.
type CostScale struct {
	Best  float64
	Worst float64
}

// VendorRefKind says what a project's vendor attribute points at.
type VendorRefKind string

const (
	RefVendor     VendorRefKind = "vendor"
	RefEvaluation VendorRefKind = "evaluation"
)

// VendorRef is a project's vendor.x or evaluation.x; zero when absent.
type VendorRef struct {
	Kind VendorRefKind
	ID   string
}

// Project is a candidate project.
type Project struct {
	ID         string
	Title      string
	Goals      map[string]float64 // goal id -> contribution 0..1
	EndorsedBy []string           // department ids
	OpposedBy  []string           // department ids
	DependsOn  []string           // project ids
	Requires   []string           // capabilities
	Provides   []string           // capabilities
	Vendor     VendorRef
	Duration   int                // periods, >= 1
	Effort     map[string]float64 // team id -> FTE per period
	Funding    string             // budget id; "" when none applies or the funding is split
	// FundingSplit is funding = { capex = 0.7, opex = 0.3 }: budget id to
	// share of the build spend, the shares summing to 1; nil unless split.
	FundingSplit map[string]float64
	Cost         Cost
	Benefit      Benefit
	Risk         Risk
	// EarliestStart and Deadline are 0-based period indexes, or -1 when
	// unset. Deadline is the last period the project may run in.
	EarliestStart int
	Deadline      int
	Mandatory     bool
	// Excluded forces the project out of the plan.
	Excluded bool
	// Replaces lists the systems the project retires at go-live (system
	// ids, as written): their run cost stops then.
	Replaces []string
	// Together lists the projects that run with this one or not at all
	// (project ids, as written; the relation is symmetric and transitive).
	Together []string
	// RunFunding is the opex budget its run costs and its vendor's annual
	// fee draw on from go-live: run_funding, else the only opex budget;
	// "" when none pays them.
	RunFunding string
	// Status is where the project is in its life; proposed by default.
	Status Lifecycle
	// Started and Finished are the periods holding the started and
	// finished dates (Started may be before the roadmap's first period,
	// so negative); HasStarted and HasFinished say whether they are set.
	Started, Finished       int
	HasStarted, HasFinished bool
	// Progress holds the actuals and forecasts of work under way; nil
	// when the project has no progress block.
	Progress *Progress
	// Estimates are the numbers above given as ranges, sorted by Attr;
	// each plain field holds the number the plan uses.
	Estimates []Estimate
	DeclRange hcl.Range
	Ranges    Ranges // also "cost.one_time", "benefit.per_year", "risk.failure", ...
}

// Lifecycle is a project's status in its life, as the roadmap declares it.
type Lifecycle string

const (
	Proposed   Lifecycle = "proposed"    // a candidate: gates, rank and schedule decide
	Committed  Lifecycle = "committed"   // approved, not started: planned ahead of rank order
	InProgress Lifecycle = "in_progress" // under way: keeps its place, forecasts from progress
	Done       Lifecycle = "done"        // finished: history
	Cancelled  Lifecycle = "cancelled"   // stopped: its spend is sunk, its capacity released
	OnHold     Lifecycle = "on_hold"     // paused: holds no capacity and no budget
)

// Words is the status as a sentence says it ("in progress").
func (l Lifecycle) Words() string { return strings.ReplaceAll(string(l), "_", " ") }

// AProject words a project with this status: "a cancelled project", "a
// project on hold".
func (l Lifecycle) AProject() string {
	switch l {
	case OnHold:
		return "a project on hold"
	case InProgress:
		return "a project in progress"
	}
	return "a " + string(l) + " project"
}

// DecidesChoice reports a status that decides its choice: a committed,
// started or finished option is the one its choice runs.
func (l Lifecycle) DecidesChoice() bool {
	return l == Committed || l == InProgress || l == Done
}

// Lifecycles lists every status, in the order of a project's life.
func Lifecycles() []string {
	return []string{string(Proposed), string(Committed), string(InProgress), string(Done), string(Cancelled), string(OnHold)}
}

// Progress is what a project under way has spent and what it still needs.
// Unset forecasts are nil (RemainingDuration 0): the evaluation then
// takes them from the plan (see docs/evaluation.md).
type Progress struct {
	Spent           float64  // actual cost to date (AC), every kind of spend
	PercentComplete *float64 // share of the work done, 0..1
	// RemainingDuration is the periods still needed from the status date.
	RemainingDuration int
	// RemainingEffort is FTE per period per team for the rest of the work.
	RemainingEffort map[string]float64
	// RemainingCost is the spend still needed besides the teams' time:
	// what is left of cost.one_time.
	RemainingCost *float64
	DeclRange     hcl.Range
}

// LongestDuration is the most periods the project can run: its duration,
// or the top of its duration's range.
func (p *Project) LongestDuration() int {
	d := p.Duration
	for _, e := range p.Estimates {
		if e.Attr == "duration" {
			d = max(d, WholePeriods(e.Dist.High))
		}
	}
	return d
}

// FundingShare is the share of a project's build spend one budget pays.
type FundingShare struct {
	Budget string
	Share  float64
}

// FundingShares lists the budgets paying for p's build, by budget id: its
// split, or its one budget with share 1, or nothing.
func (p *Project) FundingShares() []FundingShare {
	if len(p.FundingSplit) > 0 {
		out := make([]FundingShare, 0, len(p.FundingSplit))
		for _, id := range slices.Sorted(maps.Keys(p.FundingSplit)) {
			out = append(out, FundingShare{Budget: id, Share: p.FundingSplit[id]})
		}
		return out
	}
	if p.Funding != "" {
		return []FundingShare{{Budget: p.Funding, Share: 1}}
	}
	return nil
}

// Cost is a project's own build cost and run cost.
type Cost struct {
	OneTime float64 // spread evenly over the build periods
	PerYear float64 // run cost after go-live
}

// Benefit is what a project returns after go-live.
type Benefit struct {
	PerYear     float64
	RampPeriods int     // periods to reach full benefit, default 0
	Years       float64 // years of benefit counted, default 5
}

// Risk holds the probabilities of a project's risks, each 0..1, and what
// a disruption or a security incident would cost if it happened.
type Risk struct {
	Disruption float64
	Security   float64
	Failure    float64
	// DisruptionCost and SecurityCost are the losses, in money, should the
	// risk materialise at go-live; 0 when not estimated.
	DisruptionCost float64
	SecurityCost   float64
}

// Score is 1 - product(1 - each risk).
func (r Risk) Score() float64 {
	return 1 - (1-r.Disruption)*(1-r.Security)*(1-r.Failure)
}

// Choice is one decision between projects, such as build or buy: at most
// one of its options runs.
type Choice struct {
	ID        string
	Title     string
	Options   []string // project ids, as written
	DeclRange hcl.Range
	Ranges    Ranges // also "options.<id>"
}

// Check is a policy evaluated against the plan.
type Check struct {
	ID           string
	Condition    hcl.Expression
	ErrorMessage hcl.Expression
	Severity     string // error | warning
	// Simulation is true when the check reads simulation.*: only roadmap
	// simulate evaluates it; plan leaves it out.
	Simulation bool
	DeclRange  hcl.Range
	Ranges     Ranges
}
