package evaluate

import (
	"slices"
)

// Adjustment is a change of a roadmap's capacity or money that what-if
// analyses (evaluate/shortfall) try without editing it: FTE added to one
// team's capacity in some periods, money added to one window of one
// budget, a team's or the roadmap's max_parallel. Zero
// values change nothing.
type Adjustment struct {
	Team string
	// TeamFTE is the FTE added to Team's capacity, by period. With
	// policy.max_team_utilization the schedule may use that share of it.
	TeamFTE map[int]float64

	Budget string
	// Window is the index of the budget's window (year, period or 0 for
	// total); one past the last, an opex budget's year once live
	// (schedule.Budget.IsSteady).
	Window int
	Amount float64 // added to that window's limit
	// TeamParallel, when above 0, is Team's max_parallel.
	TeamParallel int
	// MaxParallel, when above 0, is the roadmap's max_parallel.
	MaxParallel int
}

// Adjusted is p with adj applied to its teams' capacities and budgets'
// limits. Everything else - lookups, vendor selections, each project's
// finance - is p's, shared: Schedule and Plan of the result are the same
// evaluation as p's with more room. Unknown ids change nothing.
func (p *Prepared) Adjusted(adj Adjustment) *Prepared {
	q := *p
	e := *p.base
	b := *p.base.base
	if r, ok := b.teamIndex[adj.Team]; ok && len(adj.TeamFTE) > 0 {
		b.resources = slices.Clone(b.resources)
		b.largest = slices.Clone(b.largest)
		res := b.resources[r]
		limit := e.headroom()
		capacity := slices.Clone(res.Capacity)
		var nominal []float64
		if res.Nominal != nil {
			nominal = slices.Clone(res.Nominal)
		}
		for t, fte := range adj.TeamFTE {
			if t < 0 || t >= len(capacity) {
				continue
			}
			if nominal != nil {
				nominal[t] += fte
				capacity[t] += fte * limit
			} else {
				capacity[t] += fte
			}
		}
		res.Capacity, res.Nominal = capacity, nominal // MaxParallel kept
		b.resources[r] = res
		b.largest[r] = slices.Max(append([]float64{0}, capacity...))
	}
	if r, ok := b.teamIndex[adj.Team]; ok && adj.TeamParallel > 0 {
		b.resources = slices.Clone(b.resources)
		b.resources[r].MaxParallel = adj.TeamParallel
	}
	if adj.MaxParallel > 0 {
		rm := *e.roadmap
		rm.MaxParallel = adj.MaxParallel
		e.roadmap = &rm
	}
	if k, ok := b.budgetIndex[adj.Budget]; ok && adj.Amount != 0 {
		b.budgets = slices.Clone(b.budgets)
		bg := b.budgets[k]
		switch {
		case adj.Window >= 0 && adj.Window < len(bg.Limit):
			bg.Limit = slices.Clone(bg.Limit)
			bg.Limit[adj.Window] += adj.Amount
			b.budgets[k] = bg
		case bg.IsSteady(adj.Window):
			bg.Steady += adj.Amount // a year once live, after the horizon
			b.budgets[k] = bg
		}
	}
	e.base = &b
	q.base = &e
	return &q
}

// Headroom is the share of each team's capacity the schedule may use:
// policy.max_team_utilization, or 1.
func (p *Prepared) Headroom() float64 { return p.base.headroom() }

// Shortfall says what would get a deferred or dropped project scheduled
// where it ranks (roadmap plan --shortfall): the smallest change of each
// kind found, each verified by planning again with it applied; or why no
// change of teams, budgets or deadline can.
type Shortfall struct {
	// Answer is what the search found: AnswerFound (Fixes lists the
	// changes), AnswerNone (searched, no single change does),
	// AnswerDependency (a project it depends on is not scheduled),
	// AnswerGate (dropped by a gate no change of teams, budgets or its
	// deadline gets it past: the project's gate), AnswerSkipped (not
	// searched: the shortfall's work limit).
	Answer string `json:"answer"`
	Fixes  []Fix  `json:"fixes"`
	// Reason says why there are no fixes, "" when there are.
	Reason string `json:"reason"`
}

// Answers of a Shortfall.
const (
	AnswerFound      = "found"
	AnswerNone       = "none"
	AnswerDependency = "dependency"
	AnswerGate       = "gate"
	AnswerSkipped    = "skipped"
)

// Kinds of Fix.
const (
	FixTeam     = "team"
	FixBudget   = "budget"
	FixDeadline = "deadline"
	// FixTeamParallel raises a team's max_parallel, FixMaxParallel the
	// roadmap's.
	FixTeamParallel = "team_parallel"
	FixMaxParallel  = "max_parallel"
)

// Fix is one change that schedules the project.
type Fix struct {
	Kind string `json:"kind"` // team | budget | deadline | team_parallel | max_parallel
	ID   string `json:"id"`   // the team or budget; "" for deadline and max_parallel
	// Team: the periods FTE are added in, the most added in one period,
	// the FTE-periods in all and their cost at the team's cost_per_fte.
	Periods    []PeriodRange `json:"periods"`
	FTE        float64       `json:"fte"`
	FTEPeriods float64       `json:"fte_periods"`
	// Budget: the window and the money added to it. Team: the cost of
	// the FTE added.
	Window string  `json:"window"`
	Amount float64 `json:"amount"`
	// Budget: the budget's amount and the amount that provides the
	// window's money, the edit a roadmap can make (a budget has one
	// amount for every window; Start and Displaces are then the plan's
	// with that amount). NewBudgetAmount is nil when no amount found does
	// it alone.
	BudgetAmount    *float64 `json:"budget_amount"`
	NewBudgetAmount *float64 `json:"new_budget_amount"`
	// team_parallel, max_parallel: the max_parallel that lets it run, and
	// the one the roadmap sets.
	MaxParallel     int `json:"max_parallel"`
	MaxParallelFrom int `json:"max_parallel_from"`
	// Deadline: the later deadline that lets it run, and its period.
	Deadline       *string `json:"deadline"`
	DeadlinePeriod *int    `json:"deadline_period"`
	// Where the project starts with the change (as re-planned).
	StartPeriod int    `json:"start_period"`
	Start       string `json:"start"`
	// Projects the plan schedules that the change pushes out (deferred
	// or dropped when it is made), in rank order.
	Displaces []string `json:"displaces"`
	Message   string   `json:"message"`
}
