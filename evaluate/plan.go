package evaluate

import "encoding/json"

// FormatVersion is the version of the JSON plan format.
const FormatVersion = "1"

// Status of a project in the plan.
const (
	StatusScheduled = "scheduled"
	StatusDeferred  = "deferred"
	StatusDropped   = "dropped"
	// done, cancelled and on_hold: see living.go.
)

// Gate names, in the order they are applied.
const (
	GateExcluded    = "excluded" // excluded = true, or forced out
	GateAlignment   = "alignment"
	GateDepartments = "departments"
	GateViability   = "viability"
	GateResources   = "resources"
	GateRisk        = "risk"
	GateValue       = "value"    // the roadmap's hurdle, when it has one
	GateTogether    = "together" // a project it runs together with is dropped
	GateChoice      = "choice"   // another option of its choice was chosen
	GateSchedule    = "schedule" // not a gate proper: deferred while scheduling
)

// Plan is the evaluated roadmap and the JSON plan format (format_version
// "1"). Field names are stable: users' scripts depend on them. Slices are
// never nil so they encode as [] rather than null.
type Plan struct {
	FormatVersion string `json:"format_version"`
	// RoadmapVersion is the version of roadmap that made the plan. The CLI
	// sets it; Evaluate leaves it "" (omitted), as in plans saved before
	// it was added.
	RoadmapVersion string         `json:"roadmap_version,omitempty"`
	Roadmap        RoadmapInfo    `json:"roadmap"`
	Projects       []ProjectPlan  `json:"projects"` // in rank order
	Periods        []PeriodPlan   `json:"periods"`
	Vendors        []VendorResult `json:"vendors"` // by evaluation id
	Checks         []CheckResult  `json:"checks"`  // in declaration order
	Totals         Totals         `json:"totals"`
	// RunRate is the recurring cost the plan adds (see RunRate).
	RunRate      RunRate       `json:"run_rate"`
	Optimization *Optimization `json:"optimization,omitempty"`

	// Additions to DESIGN.md's fields, so a saved plan renders (show, html,
	// graph, diff) without its sources.
	Goals       []GoalInfo       `json:"goals"`
	Teams       []TeamInfo       `json:"teams"`
	Budgets     []BudgetInfo     `json:"budgets"`
	Departments []DepartmentInfo `json:"departments"`
	// Choices are the roadmap's choice blocks and the option each chose.
	Choices []ChoiceResult `json:"choices"`
	// TogetherGroups are the roadmap's together groups, each named once
	// (a project lists at most MaxTogetherListed partners): the members'
	// ids sorted, the groups by first id. Absent when there is none.
	TogetherGroups [][]string `json:"together_groups,omitempty"`
	// Systems is the technology audit of the installed base (system
	// blocks), in declaration order; see evaluate/audit.
	Systems []SystemAudit `json:"systems"`

	// Scenario names the scenario block the plan was made under (plan
	// --scenario); omitted for the roadmap as its variables make it.
	Scenario *ScenarioInfo `json:"scenario,omitempty"`
	// ForceIn and ForceOut are the projects the run forced in and out
	// (--force-in, --force-out), in rank order; each omitted when empty
	// (as scenario). The renderers derive them from the projects' Forced
	// when both are nil.
	ForceIn  []string `json:"force_in,omitempty"`
	ForceOut []string `json:"force_out,omitempty"`

	// View is set on a plan narrowed to the projects that concern some
	// stakeholders (plan --department, --goal, --team); see evaluate/views.
	View *View `json:"view,omitempty"`

	// EarnedValue is the portfolio's earned value against the baseline
	// of plan --baseline (see earned_value.go); omitted without one.
	EarnedValue *EarnedValuePlan `json:"earned_value,omitempty"`
}

// ScenarioInfo echoes the scenario a plan was made under.
type ScenarioInfo struct {
	Name        string             `json:"name"`
	Description string             `json:"description"`
	Variables   []ScenarioVariable `json:"variables"` // in source order
}

// ScenarioVariable is one variable a scenario sets: its value as JSON,
// and as the HCL literal --var would take.
type ScenarioVariable struct {
	Name  string          `json:"name"`
	Value json.RawMessage `json:"value"`
	Text  string          `json:"text"`
}

// SystemAudit is one system of the installed base in the technology
// audit: its support, its replacement and the gap between them.
type SystemAudit struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Owner    string   `json:"owner"` // department id, "" when none
	Vendor   string   `json:"vendor"`
	Provides []string `json:"provides"`
	// EndOfSupport is the date as written and EndOfSupportPeriod the
	// first period without support (0 when support ended before the
	// roadmap; at or past the horizon when it lasts beyond); both null
	// when the system has no end_of_support.
	EndOfSupport       *string `json:"end_of_support"`
	EndOfSupportPeriod *int    `json:"end_of_support_period"`
	// ReplacedBy are the projects that replace it, by rank; Replacement
	// the scheduled one that goes live first, GoLive and GoLivePeriod the
	// label and index of its first period live (its end_period); null
	// when none is scheduled.
	ReplacedBy   []string `json:"replaced_by"`
	Replacement  *string  `json:"replacement"`
	GoLive       *string  `json:"go_live"`
	GoLivePeriod *int     `json:"go_live_period"`
	// Gap is "none", "unsupported" (it runs GapPeriods periods past its
	// end of support before its replacement goes live) or
	// "no_replacement" (out of support inside the horizon and nothing
	// scheduled replaces it: GapPeriods to the end of the horizon).
	Gap            string  `json:"gap"`
	GapPeriods     int     `json:"gap_periods"`
	RunCostPerYear float64 `json:"run_cost_per_year"`
	Risk           float64 `json:"risk"` // its risk score, 1 - product(1 - each risk)
	Message        string  `json:"message"`
}

// Audit gaps.
const (
	GapNone          = "none"
	GapUnsupported   = "unsupported"
	GapNoReplacement = "no_replacement"
)

// ChoiceResult is one choice block: its options and the one scheduled.
type ChoiceResult struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Options []string `json:"options"` // project ids, as declared
	Chosen  *string  `json:"chosen"`  // the option scheduled; null when none is
	// DecidedBy says what picked the chosen option: "forced" (--force-in),
	// "mandatory", "status" (an option committed, in progress or done),
	// "strategy" (rank order: the best-ranked option that
	// fits), "optimizer" (--optimize), or "" when none is scheduled.
	// Reason words it; each other option's reasons are its project's.
	DecidedBy string `json:"decided_by"`
	Reason    string `json:"reason"`
	// Alternative is, with policy replace_before_end_of_support, another
	// option of the choice that would have replaced a system in time
	// where the plan leaves it unsupported; nil (absent) otherwise.
	Alternative *ChoiceAlternative `json:"alternative,omitempty"`
}

// ChoiceAlternative is an option that would have kept policy
// replace_before_end_of_support for a system the plan leaves unsupported:
// rank order tried it, and it goes live in time, but taking it costs
// what Cost says.
type ChoiceAlternative struct {
	Option       string `json:"option"`
	System       string `json:"system"`
	GoLive       string `json:"go_live"`        // period label
	GoLivePeriod int    `json:"go_live_period"` // 0-based
	Cost         string `json:"cost"`           // what taking it costs, in words
}

// What decided a choice (ChoiceResult.DecidedBy).
const (
	DecidedForced    = "forced"
	DecidedMandatory = "mandatory"
	DecidedStatus    = "status" // an option committed, in progress or done
	DecidedStrategy  = "strategy"
	DecidedOptimizer = "optimizer"
)

// DepartmentInfo echoes a department.
type DepartmentInfo struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Head  string   `json:"head"`
	Needs []string `json:"needs"`
}

// View describes a plan narrowed to its stakeholders' projects: who they
// are, and how each project that remains concerns them. Totals, periods
// and the project list of such a plan count those projects only.
type View struct {
	Stakeholders []Stakeholder `json:"stakeholders"`
	Projects     []ViewProject `json:"projects"` // in rank order
	Excluded     int           `json:"excluded"` // projects of the whole plan left out
	Whole        Totals        `json:"whole"`    // the whole plan's totals, for comparison
}

// Stakeholder is a department, goal or team a view is for.
type Stakeholder struct {
	Kind  string `json:"kind"` // department | goal | team
	ID    string `json:"id"`
	Title string `json:"title"`
	// FTEPeriods is the work a team puts into the scheduled projects of
	// the view (FTE x periods); 0 for other kinds.
	FTEPeriods float64 `json:"fte_periods"`
}

// ViewProject says how a project concerns the view's stakeholders.
type ViewProject struct {
	ID        string   `json:"id"`
	Relations []string `json:"relations"` // "endorsed by finance", "staffed by platform (2 FTE)", ...
}

// RoadmapInfo echoes the roadmap block.
type RoadmapInfo struct {
	Name         string  `json:"name"`
	Currency     string  `json:"currency"`
	Start        string  `json:"start"` // label of period 0
	Period       string  `json:"period"`
	Horizon      int     `json:"horizon"`
	Strategy     string  `json:"strategy"`
	DiscountRate float64 `json:"discount_rate"`
	RiskAppetite float64 `json:"risk_appetite"`
	MaxParallel  int     `json:"max_parallel"` // 0: no limit
	// Scoring is the score's weights and the value scale it used.
	Scoring ScoringInfo `json:"scoring"`
	// Flagship is the id of the flagship project: the first non-mandatory
	// project in rank order, or the one the roadmap names; null when none.
	Flagship *string `json:"flagship"`
	// FlagshipNamed is true when the roadmap block names the flagship.
	FlagshipNamed bool `json:"flagship_named"`
	// Objective is what --optimize maximises: --objective, the roadmap's
	// objective, or "score".
	Objective string `json:"objective"`
	// AsOf is the status date as written and AsOfPeriod the first period
	// planned from it (the ones before are history); both null without
	// a status date.
	AsOf       *string `json:"as_of"`
	AsOfPeriod *int    `json:"as_of_period"`
}

// ScoringInfo says how scores were computed: the weights of alignment,
// value and safety, and the risk-adjusted NPV that earns half of the
// value score, with what it was sized from.
type ScoringInfo struct {
	Alignment       float64 `json:"alignment"`
	Value           float64 `json:"value"`
	Safety          float64 `json:"safety"`
	ValueScale      float64 `json:"value_scale"`
	ValueScaleBasis string  `json:"value_scale_basis"`
}

// ProjectPlan is one project's outcome.
type ProjectPlan struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Rank    int      `json:"rank"` // 1-based over every project
	Status  string   `json:"status"`
	Gate    string   `json:"gate"`    // gate that dropped or deferred it; "" when scheduled
	Reasons []string `json:"reasons"` // the error findings' messages
	// Findings are the reasons with the gate and the source range
	// responsible, and any warnings.
	Findings []Finding `json:"findings"`
	// Notes say, constraint by constraint, why the project is where it is
	// in the schedule: for a deferred project every constraint that blocks
	// some start it could have had, for a scheduled one what it waited for.
	Notes []Note `json:"notes"`
	// Shortfall, for a deferred project of a plan made with --shortfall,
	// is what would get it scheduled; omitted otherwise.
	Shortfall *Shortfall `json:"shortfall,omitempty"`

	Score     float64 `json:"score"`
	Alignment float64 `json:"alignment"`
	Risk      float64 `json:"risk"`
	// ValueScore is the value term of the score: risk_adjusted_npv /
	// (|risk_adjusted_npv| + value_scale), -1..1.
	ValueScore float64 `json:"value_score"`

	StartPeriod *int    `json:"start_period"` // null unless scheduled
	EndPeriod   *int    `json:"end_period"`   // exclusive
	Start       *string `json:"start"`        // label of start_period
	End         *string `json:"end"`          // label of the last period it runs in

	Cost            float64 `json:"cost"`
	Benefit         float64 `json:"benefit"`
	NPV             float64 `json:"npv"`
	RiskAdjustedNPV float64 `json:"risk_adjusted_npv"`
	// ExpectedLoss is disruption x disruption_cost + security x
	// security_cost: the loss expected at go-live, undiscounted.
	ExpectedLoss   float64  `json:"expected_loss"`
	ScheduledNPV   *float64 `json:"scheduled_npv"` // null unless scheduled
	ROI            *float64 `json:"roi"`           // null when cost is 0
	IRR            *float64 `json:"irr"`           // annual; null when flows never change sign
	PaybackPeriods *float64 `json:"payback_periods"`

	// Additions.
	Duration  int  `json:"duration"`
	Mandatory bool `json:"mandatory"`
	// Flagship marks the flagship project (see RoadmapInfo.Flagship).
	Flagship bool `json:"flagship"`
	// Excluded echoes excluded = true; Forced is "in" or "out" when the
	// run forced the project (--force-in, --force-out), else "".
	Excluded bool   `json:"excluded"`
	Forced   string `json:"forced"`
	// Choice is the choice it is an option of, "" when none; Together the
	// other projects of its together group, by id, at most
	// MaxTogetherListed of them (the first), and TogetherCount how many
	// there are: each member listing all made a group of n quadratic in n
	// (review qa17 A5). Plan.TogetherGroups has the whole group.
	Choice        string   `json:"choice"`
	Together      []string `json:"together"`
	TogetherCount int      `json:"together_count,omitempty"` // absent when 0
	// Replaces are the systems it retires at go-live; Saving the part of
	// its benefit that is their run cost, stopped (undiscounted).
	Replaces []string `json:"replaces"`
	Saving   float64  `json:"saving"`
	// SharedSaving is the part of Saving from systems another project
	// retires first (it goes live earlier, or in the same period with a
	// better rank): the project's own figures count it, as if it ran
	// alone; the portfolio's totals and run rate credit it to that
	// project only.
	SharedSaving float64 `json:"shared_saving"`
	// SharedSavingNPV, SharedSavingRiskAdjustedNPV and
	// SharedSavingScheduledNPV are the parts of its npv, risk_adjusted_npv
	// and scheduled_npv that SharedSaving makes: what the totals (and a
	// stakeholder view's) leave out of its figures. 0 when SharedSaving is.
	SharedSavingNPV             float64  `json:"shared_saving_npv"`
	SharedSavingRiskAdjustedNPV float64  `json:"shared_saving_risk_adjusted_npv"`
	SharedSavingScheduledNPV    float64  `json:"shared_saving_scheduled_npv"`
	DependsOn                   []string `json:"depends_on"`
	// EndorsedBy and OpposedBy are department ids; Provides the
	// capabilities it adds (a department's needs can name them).
	EndorsedBy []string           `json:"endorsed_by"`
	OpposedBy  []string           `json:"opposed_by"`
	Provides   []string           `json:"provides"`
	Goals      map[string]float64 `json:"goals"`
	Effort     map[string]float64 `json:"effort"`
	Funding    string             `json:"funding"` // the one budget that pays; "" when none or split
	// RunFunding is the opex budget its run costs draw on from go-live;
	// "" when none does.
	RunFunding string `json:"run_funding"`
	// FundingShares is every budget that pays, with its share of the
	// build spend: {"capex": 1}, or a split such as {"capex": 0.7,
	// "opex": 0.3}; {} when none.
	FundingShares map[string]float64 `json:"funding_shares"`
	Vendor        string             `json:"vendor"`   // resolved vendor id, "" when none
	Deadline      *string            `json:"deadline"` // label of the last allowed period
	// EarliestStart is the label of the first period it may start in
	// (its earliest_start), EarliestStartPeriod that period's index; both
	// null when it has none.
	EarliestStart       *string   `json:"earliest_start"`
	EarliestStartPeriod *int      `json:"earliest_start_period"`
	CashFlows           []float64 `json:"cash_flows"`

	// Lifecycle is the project's declared status: proposed, committed,
	// in_progress, done, cancelled or on_hold. Started and Finished are
	// the labels of the periods of its started and finished dates (null
	// when unset); Progress its actuals and forecasts (null for proposed
	// and committed projects, and without a status date).
	Lifecycle string        `json:"lifecycle"`
	Started   *string       `json:"started"`
	Finished  *string       `json:"finished"`
	Progress  *ProgressPlan `json:"progress"`
	// EarnedValue is its earned value against the baseline of plan
	// --baseline; omitted without one.
	EarnedValue *EarnedValue `json:"earned_value,omitempty"`
}

// Finding is one reason a gate or the scheduler gave, with its source.
// An error finding dropped or deferred the project (the first one decides
// its status and gate); a warning leaves its status alone.
type Finding struct {
	Gate     string       `json:"gate"`
	Severity string       `json:"severity"` // error | warning
	Message  string       `json:"message"`
	Range    *SourceRange `json:"range,omitempty"`
}

// Finding severities.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// Kinds of schedule notes.
const (
	NoteTeam          = "team"           // the team has no room for its effort
	NoteHeadroom      = "headroom"       // room only above policy.max_team_utilization
	NoteBudget        = "budget"         // a budget window has no room for its build spend
	NoteMaxParallel   = "max_parallel"   // max_parallel projects already run
	NoteDependency    = "dependency"     // a dependency ends late, or is not scheduled
	NoteEarliestStart = "earliest_start" // not before its earliest_start
	NoteDeadline      = "deadline"       // it must finish by its deadline
	NoteHorizon       = "horizon"        // it must finish inside the horizon
	NotePriority      = "priority"       // the deadline rule: who went ahead of whom
	NoteOptimizer     = "optimizer"      // the optimiser placed it later than it could start
	NoteTeamParallel  = "team_parallel"  // the team already runs its max_parallel projects
	NoteChoice        = "choice"         // another option of its choice was chosen
	NoteTogether      = "together"       // its together group did not fit whole, or it runs just in time for it
)

// Note is one constraint that decided where a project is in the schedule,
// in a form scripts, checks and the plan diff can read.
type Note struct {
	Kind string `json:"kind"`
	// ID is what the kind refers to: the team (team, headroom), the budget
	// (budget), the dependency (dependency) or, for a priority note on a
	// project that let another go first, that project (on a project placed
	// ahead of its rank, or an option ranked with what needs it, the
	// project that needs it); "" otherwise.
	ID string `json:"id"`
	// Periods are where the constraint binds, as runs of periods, earliest
	// first (see docs/plan-output.md for each kind).
	Periods []PeriodRange `json:"periods"`
	// Windows are the budget windows without room (kind budget).
	Windows []string `json:"windows"`
	// HeldBy are the projects, by rank, holding the team, budget window or
	// slot in those periods (team, headroom, budget, max_parallel).
	HeldBy []string `json:"held_by"`
	// AheadOf are the projects a deadline project went ahead of (priority).
	AheadOf []string `json:"ahead_of"`
	// MorePeriods and MoreHeldBy count the runs and projects not listed:
	// a note lists at most 10 of each (noteListed).
	MorePeriods int `json:"more_periods"`
	MoreHeldBy  int `json:"more_held_by"`
	// MoreWindows counts the budget windows not listed in Windows (at
	// most 10 are, then "once live"); absent when none is left out.
	MoreWindows int    `json:"more_windows,omitempty"`
	Message     string `json:"message"`
}

// PeriodRange is a run of periods: start_period to end_period (exclusive),
// start and end the labels of the first and the last, as for projects.
type PeriodRange struct {
	StartPeriod int    `json:"start_period"`
	EndPeriod   int    `json:"end_period"`
	Start       string `json:"start"`
	End         string `json:"end"`
}

// SourceRange is an hcl.Range in JSON form (1-based line and column).
type SourceRange struct {
	Filename string `json:"filename"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	EndLine  int    `json:"end_line"`
	EndCol   int    `json:"end_column"`
}

// PeriodPlan is the capacity plan of one period.
type PeriodPlan struct {
	Index   int                    `json:"index"`
	Label   string                 `json:"label"`
	Active  []string               `json:"active"` // projects in flight, by rank
	Teams   map[string]TeamLoad    `json:"teams"`
	Budgets map[string]BudgetSpend `json:"budgets"`
	// History marks a period before the status date: what it shows is
	// the record (spend to date, the projects that ran), not a plan.
	History bool `json:"history"`
}

// TeamLoad is a team's capacity and use in one period, in FTE.
type TeamLoad struct {
	Capacity float64 `json:"capacity"`
	Used     float64 `json:"used"`
}

// BudgetSpend is a budget's limit and spend in one period. Limit is the
// amount of the window holding the period (the year, the period or the
// whole horizon); WindowSpent is the spend in that window up to and
// including this period.
type BudgetSpend struct {
	Limit       float64 `json:"limit"`
	Spent       float64 `json:"spent"`
	Window      string  `json:"window"` // "2027", "2027-Q1" or "total"
	WindowSpent float64 `json:"window_spent"`
}

// VendorResult is one evaluation's scoring matrix.
type VendorResult struct {
	Evaluation   string             `json:"evaluation"`
	Category     string             `json:"category"`
	Criteria     map[string]float64 `json:"criteria"`
	MinimumScore float64            `json:"minimum_score"`
	Years        float64            `json:"years"`
	Winner       *string            `json:"winner"`     // null when no candidate reaches the minimum
	Candidates   []VendorCandidate  `json:"candidates"` // best first
	// CostScale is the absolute scale the cost criterion was scored on;
	// null when cost is scored relative to the cheapest eligible bid.
	CostScale *CostScaleInfo `json:"cost_scale"`
}

// CostScaleInfo echoes an evaluation's cost_scale: the TCO that scores 5
// and the one that scores 0.
type CostScaleInfo struct {
	Best  float64 `json:"best"`
	Worst float64 `json:"worst"`
}

// VendorCandidate is one vendor's weighted score.
type VendorCandidate struct {
	Vendor string  `json:"vendor"`
	Title  string  `json:"title"`
	Score  float64 `json:"score"`
	// TechnicalScore is the weighted score over the criteria other than
	// cost, which minimum_score applies to; null when cost is the only
	// criterion.
	TechnicalScore *float64           `json:"technical_score"`
	TCO            float64            `json:"tco"`
	Scores         map[string]float64 `json:"scores"` // per criterion, incl. derived cost
	Eligible       bool               `json:"eligible"`
}

// CheckResult is the outcome of a check block or a built-in policy.
type CheckResult struct {
	ID       string       `json:"id"`
	Severity string       `json:"severity"` // error | warning
	Passed   bool         `json:"passed"`
	Message  string       `json:"message"` // error_message when failed, "" when passed
	Range    *SourceRange `json:"range,omitempty"`
}

// Totals sum the scheduled projects.
type Totals struct {
	Scheduled       int     `json:"scheduled"`
	Deferred        int     `json:"deferred"`
	Dropped         int     `json:"dropped"`
	Cost            float64 `json:"cost"`
	Benefit         float64 `json:"benefit"`
	NPV             float64 `json:"npv"`
	RiskAdjustedNPV float64 `json:"risk_adjusted_npv"`
	ScheduledNPV    float64 `json:"scheduled_npv"`
	FinishPeriod    int     `json:"finish_period"`
	PeakParallel    int     `json:"peak_parallel"`
	Score           float64 `json:"score"` // sum of scheduled projects' scores
	// Warnings counts the warning findings of every project.
	Warnings int `json:"warnings"`
	// DeadlinesMet counts the scheduled projects with a deadline (they
	// end by it); DeadlinesMissed the projects with a deadline that are
	// deferred, dropped or end after it (a deadline after the horizon
	// counts only when the project ends after it; an option whose choice
	// took another option counts in neither).
	DeadlinesMet    int `json:"deadlines_met"`
	DeadlinesMissed int `json:"deadlines_missed"`
	// The living roadmap: projects in progress (scheduled, and counted
	// there too), done, cancelled and on hold; what every project has
	// spent to date (actual_cost), what cancelled ones spent (sunk_cost)
	// and what work in progress still needs (estimate_to_complete).
	InProgress         int     `json:"in_progress"`
	Done               int     `json:"done"`
	Cancelled          int     `json:"cancelled"`
	OnHold             int     `json:"on_hold"`
	ActualCost         float64 `json:"actual_cost"`
	SunkCost           float64 `json:"sunk_cost"`
	EstimateToComplete float64 `json:"estimate_to_complete"`
}

// Optimization reports an --optimize run.
type Optimization struct {
	Method string `json:"method"`
	Seed   int64  `json:"seed"`
	// Objective is what the search maximised: score, risk_adjusted_npv,
	// npv, or finish (minimised). Baseline, Best and Bound are its value:
	// total score, money or the finish period.
	Objective string   `json:"objective"`
	Baseline  float64  `json:"baseline"` // rank-order objective
	Best      float64  `json:"best"`
	Bound     *float64 `json:"bound"`     // null when none is known
	Schedules int      `json:"schedules"` // schedules evaluated
	// Figures compares every headline figure under rank order and
	// optimised, so a gain on the objective never hides a loss elsewhere.
	Figures []FigureChange `json:"figures"`
	Changes []string       `json:"changes"` // what changed versus rank order, and why
	// TimeLimitReached is true when the time limit, not the schedule
	// budget or a proven bound, ended the search: the same seed may then
	// give another plan, on another machine or under another load.
	TimeLimitReached bool `json:"time_limit_reached"`
}

// FigureChange is one headline figure of the plan in rank order and
// optimised: Change is Optimized - RankOrder, Effect whether that is
// better, worse or the same (a later finish or a lower NPV is worse).
type FigureChange struct {
	// Figure is scheduled, mandatory_scheduled, score, npv,
	// risk_adjusted_npv or finish_period, as in totals.
	Figure    string  `json:"figure"`
	RankOrder float64 `json:"rank_order"`
	Optimized float64 `json:"optimized"`
	Change    float64 `json:"change"`
	Effect    string  `json:"effect"` // better | worse | same
}

// Effects of a figure's change.
const (
	EffectBetter = "better"
	EffectWorse  = "worse"
	EffectSame   = "same"
)

// GoalInfo echoes a goal.
type GoalInfo struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Weight float64 `json:"weight"`
}

// TeamInfo echoes a team.
type TeamInfo struct {
	ID         string  `json:"id"`
	Title      string  `json:"title"`
	Capacity   float64 `json:"capacity"`
	CostPerFTE float64 `json:"cost_per_fte"`
	// MaxParallel caps the projects using the team at once; 0: no limit.
	MaxParallel int `json:"max_parallel"`
}

// BudgetInfo echoes a budget.
type BudgetInfo struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Amount float64 `json:"amount"`
	Per    string  `json:"per"`
	Kind   string  `json:"kind"` // capex or opex
}
