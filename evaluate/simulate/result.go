package simulate

import "github.com/roadmap-as-code/roadmap/evaluate"

// FormatVersion is the version of the simulation's JSON format.
const FormatVersion = "1"

// Result is a simulation's summary and its JSON format (format_version
// "1"). Field names are stable; checks see the same names under
// simulation.*. Slices are never nil. Percentiles are empirical: P80 is
// the smallest value that at least 80% of the runs do not exceed. A date
// percentile is null when the project is not scheduled (so has no date)
// in that share of the runs.
type Result struct {
	FormatVersion string               `json:"format_version"`
	Roadmap       evaluate.RoadmapInfo `json:"roadmap"`
	Simulation    Settings             `json:"simulation"`
	// Periods are the labels of the horizon's periods, which the curves
	// are indexed by.
	Periods   []string               `json:"periods"`
	Projects  []ProjectResult        `json:"projects"` // in the plan's rank order
	Portfolio Portfolio              `json:"portfolio"`
	Budgets   []BudgetResult         `json:"budgets"`   // declaration order
	Teams     []TeamResult           `json:"teams"`     // declaration order
	Estimates []EstimateResult       `json:"estimates"` // by project (declaration order), then attribute
	Checks    []evaluate.CheckResult `json:"checks"`
}

// Settings say how the simulation ran.
type Settings struct {
	Runs int   `json:"runs"`
	Seed int64 `json:"seed"`
	// Estimate is the roadmap's estimate setting: which number of each
	// range the plan (the "plan" figures) used.
	Estimate string `json:"estimate"`
	// Sampling is "independent": every estimate is drawn on its own.
	Sampling string `json:"sampling"`
	// RangedEstimates is the number of ranged estimates sampled.
	RangedEstimates int `json:"ranged_estimates"`
	// ForceIn and ForceOut are the projects forced in and out of the plan
	// and of every run (--force-in, --force-out); [] when none.
	ForceIn  []string `json:"force_in"`
	ForceOut []string `json:"force_out"`
}

// PlanFigures are what the plan (every estimate at its plan value, rank
// order) decided for a project.
type PlanFigures struct {
	Status          string  `json:"status"`
	StartPeriod     *int    `json:"start_period"`
	EndPeriod       *int    `json:"end_period"` // exclusive
	Start           *string `json:"start"`
	End             *string `json:"end"` // label of the last period it runs in
	NPV             float64 `json:"npv"`
	RiskAdjustedNPV float64 `json:"risk_adjusted_npv"`
}

// ProjectResult is one project across the runs. Start and end
// percentiles count only the runs in which the project is scheduled; a
// run in which it is not counts as "not started" and "not finished"
// within the horizon, so P80 finish is the period by which it has
// finished in at least 80% of all runs, or null when it has not.
type ProjectResult struct {
	ID        string      `json:"id"`
	Title     string      `json:"title"`
	Rank      int         `json:"rank"` // in the plan
	Mandatory bool        `json:"mandatory"`
	Plan      PlanFigures `json:"plan"`

	ChanceScheduled float64 `json:"chance_scheduled"`
	// Deadline is the label of the last period the project may run in;
	// ChanceMeetsDeadline the share of runs in which it is scheduled and
	// ends by then. Both null without a deadline.
	Deadline            *string  `json:"deadline"`
	ChanceMeetsDeadline *float64 `json:"chance_meets_deadline"`

	P10Start       *string `json:"p10_start"`
	P50Start       *string `json:"p50_start"`
	P80Start       *string `json:"p80_start"`
	P90Start       *string `json:"p90_start"`
	P10StartPeriod *int    `json:"p10_start_period"`
	P50StartPeriod *int    `json:"p50_start_period"`
	P80StartPeriod *int    `json:"p80_start_period"`
	P90StartPeriod *int    `json:"p90_start_period"`
	P10End         *string `json:"p10_end"`
	P50End         *string `json:"p50_end"`
	P80End         *string `json:"p80_end"`
	P90End         *string `json:"p90_end"`
	P10EndPeriod   *int    `json:"p10_end_period"` // exclusive, as end_period
	P50EndPeriod   *int    `json:"p50_end_period"`
	P80EndPeriod   *int    `json:"p80_end_period"`
	P90EndPeriod   *int    `json:"p90_end_period"`

	// The project's own NPV and risk-adjusted NPV (as the plan's npv,
	// counted from its own start) across all runs.
	P10NPV              float64 `json:"p10_npv"`
	P50NPV              float64 `json:"p50_npv"`
	P90NPV              float64 `json:"p90_npv"`
	MeanNPV             float64 `json:"mean_npv"`
	P10RiskAdjustedNPV  float64 `json:"p10_risk_adjusted_npv"`
	P50RiskAdjustedNPV  float64 `json:"p50_risk_adjusted_npv"`
	P90RiskAdjustedNPV  float64 `json:"p90_risk_adjusted_npv"`
	MeanRiskAdjustedNPV float64 `json:"mean_risk_adjusted_npv"`

	// FinishCurve[t] is the share of runs in which the project has
	// finished by the end of period t (the S-curve).
	FinishCurve []float64 `json:"finish_curve"`
}

// Portfolio sums each run as the plan's totals do.
type Portfolio struct {
	Plan PortfolioPlan `json:"plan"`

	// Finish is the plan's finish_period (the largest end_period of the
	// scheduled projects) in each run.
	P10FinishPeriod  int     `json:"p10_finish_period"`
	P50FinishPeriod  int     `json:"p50_finish_period"`
	P80FinishPeriod  int     `json:"p80_finish_period"`
	P90FinishPeriod  int     `json:"p90_finish_period"`
	P10Finish        *string `json:"p10_finish"` // label of the last period; null when nothing is scheduled
	P50Finish        *string `json:"p50_finish"`
	P80Finish        *string `json:"p80_finish"`
	P90Finish        *string `json:"p90_finish"`
	MeanFinishPeriod float64 `json:"mean_finish_period"`
	// FinishCurve[t] is the share of runs in which every scheduled
	// project has finished by the end of period t.
	FinishCurve []float64 `json:"finish_curve"`

	NPV             Spread `json:"npv"`
	RiskAdjustedNPV Spread `json:"risk_adjusted_npv"`
	Cost            Spread `json:"cost"`
	Scheduled       Spread `json:"scheduled"` // projects scheduled

	// NPVHistogram is the distribution of npv in equal-width bins.
	NPVHistogram []Bin `json:"npv_histogram"`
}

// PortfolioPlan are the plan's totals.
type PortfolioPlan struct {
	FinishPeriod    int     `json:"finish_period"`
	Finish          *string `json:"finish"`
	NPV             float64 `json:"npv"`
	RiskAdjustedNPV float64 `json:"risk_adjusted_npv"`
	Cost            float64 `json:"cost"`
	Scheduled       int     `json:"scheduled"`
}

// Spread summarises one figure across the runs.
type Spread struct {
	P10    float64 `json:"p10"`
	P50    float64 `json:"p50"`
	P80    float64 `json:"p80"`
	P90    float64 `json:"p90"`
	Mean   float64 `json:"mean"`
	StdDev float64 `json:"std_dev"` // sample standard deviation (n - 1)
}

// Bin is one bar of a histogram: the share of runs with From <= x < To
// (the last bin includes To).
type Bin struct {
	From   float64 `json:"from"`
	To     float64 `json:"to"`
	Chance float64 `json:"chance"`
}

// BudgetResult is a budget under the committed plan: every project the
// plan schedules starts when the plan says (or when its dependencies
// finish, if they run late) and spends what the run samples.
type BudgetResult struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Per   string `json:"per"`
	// ChanceOverrun is the share of runs in which some window's spend
	// exceeds its limit.
	ChanceOverrun float64        `json:"chance_overrun"`
	Windows       []WindowResult `json:"windows"`
}

// WindowResult is one budget window (a year, a period, or the whole
// horizon) under the committed plan.
type WindowResult struct {
	Window        string  `json:"window"`
	Limit         float64 `json:"limit"`
	PlanSpent     float64 `json:"plan_spent"`
	P50Spent      float64 `json:"p50_spent"`
	P90Spent      float64 `json:"p90_spent"`
	ChanceOverrun float64 `json:"chance_overrun"`
}

// TeamResult is a team under the committed plan. Utilisation is load /
// capacity in a period; the peak is the largest over the horizon (periods
// with no capacity left out).
type TeamResult struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// ChanceOverloaded is the share of runs in which the committed plan
	// needs more than the team's capacity in some period.
	ChanceOverloaded    float64 `json:"chance_overloaded"`
	PlanPeakUtilization float64 `json:"plan_peak_utilization"`
	P50PeakUtilization  float64 `json:"p50_peak_utilization"`
	P90PeakUtilization  float64 `json:"p90_peak_utilization"`
}

// EstimateResult is one ranged estimate and how strongly it drives the
// portfolio's finish and NPV: Spearman's rank correlation between its
// samples and each figure over the runs (0 when either never varies).
type EstimateResult struct {
	Project      string  `json:"project"`
	Attribute    string  `json:"attribute"`
	Distribution string  `json:"distribution"`
	Low          float64 `json:"low"`
	Likely       float64 `json:"likely"`
	High         float64 `json:"high"`
	Mean         float64 `json:"mean"`
	// PlanValue is the number the plan uses (a duration in whole periods).
	PlanValue         float64 `json:"plan_value"`
	FinishCorrelation float64 `json:"finish_correlation"`
	NPVCorrelation    float64 `json:"npv_correlation"`
}
