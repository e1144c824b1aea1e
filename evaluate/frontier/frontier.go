// Package frontier draws a roadmap's efficient frontier (roadmap
// frontier): for each level of one resource - a budget's amount or a
// team's capacity - the best portfolio the optimiser finds under the
// roadmap's objective, its value, NPV, the marginal value of the step and
// the projects that enter or leave. Every point is the plan
// evaluate.Evaluate makes of the roadmap at that level (At), optimised
// with the same seed, so a point and a plan never disagree.
package frontier

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// FormatVersion is the version of the frontier's JSON format.
const FormatVersion = "1"

// The resources a frontier can vary.
const (
	KindBudget = "budget" // the budget's amount, per its window
	KindTeam   = "team"   // the team's capacity in FTE
)

// MaxSteps bounds Request.Steps: each level is one optimised plan.
const MaxSteps = 200

// Request says which resource to vary and over which levels: Steps equal
// steps from From to To, so Steps+1 levels, both ends included. The
// resource's current level is added when it lies inside and off the grid.
type Request struct {
	Kind  string
	ID    string
	From  float64
	To    float64
	Steps int
	// FromSpent raises From to what a budget's windows have already
	// spent by the status date (a living roadmap), when that is more:
	// no level can undo spend on record. Without it, levels below that
	// spend are kept and Compute warns.
	FromSpent bool
}

// Frontier is roadmap frontier's result and its JSON format
// (format_version "1"). Points are in increasing level. Slices are never
// nil.
type Frontier struct {
	FormatVersion string               `json:"format_version"`
	Roadmap       evaluate.RoadmapInfo `json:"roadmap"` // the plan's at the current level
	Resource      Resource             `json:"resource"`
	// Objective is what the optimiser maximises and a portfolio is worth:
	// the roadmap's objective or Options.Objective - score (total score of
	// the scheduled projects), risk_adjusted_npv, npv, or finish (the
	// finish period, minimised). Every level keeps the current plan's
	// value_scale, so scores compare.
	Objective string `json:"objective"`
	Seed      int64  `json:"seed"`
	// ForceIn and ForceOut are the projects forced in and out at every
	// level (--force-in, --force-out); [] when none.
	ForceIn  []string `json:"force_in"`
	ForceOut []string `json:"force_out"`
	Points   []Point  `json:"points"`
}

// Resource is the resource varied.
type Resource struct {
	Kind  string `json:"kind"` // budget | team
	ID    string `json:"id"`
	Title string `json:"title"`
	// Unit is what a level counts: the currency per budget window
	// ("EUR per year") or "FTE" per period.
	Unit    string  `json:"unit"`
	Current float64 `json:"current"` // the level in the roadmap as loaded
}

// Point is the best portfolio found at one level.
type Point struct {
	Level   float64 `json:"level"`
	Current bool    `json:"current"` // the roadmap's own level
	// PlanLevel is the level whose optimised plan this portfolio is: Level,
	// or a lower level when the optimiser found nothing as good at Level
	// (that portfolio still fits with more, so the frontier never falls).
	PlanLevel float64 `json:"plan_level"`
	// Objective is the portfolio's value on the frontier's objective: total
	// score, risk-adjusted NPV, NPV, or the finish period;
	// MandatoryScheduled counts the mandatory projects among them (the
	// optimiser keeps every one it can before weighing the objective).
	Objective          float64 `json:"objective"`
	MandatoryScheduled int     `json:"mandatory_scheduled"`
	// MandatoryMissed are the mandatory projects the portfolio leaves out
	// (deferred or dropped), in rank order: a level where policy.mandatory
	// fails. [] when none.
	MandatoryMissed []string `json:"mandatory_missed"`
	Scheduled       int      `json:"scheduled"`
	Deferred        int      `json:"deferred"`
	Dropped         int      `json:"dropped"`
	Cost            float64  `json:"cost"`
	NPV             float64  `json:"npv"`
	RiskAdjustedNPV float64  `json:"risk_adjusted_npv"`
	FinishPeriod    int      `json:"finish_period"` // exclusive end of the last project; 0 when none
	Finish          string   `json:"finish"`        // label of the last period worked in; "" when none
	// BehindLevel, on today's point only, is the lower level whose
	// portfolio is worth more than the optimiser's plan at today's level:
	// today's point is always the plan roadmap plan --optimize makes (same
	// objective, seed and time limit), so it is not carried up like the
	// others, and the levels above it carry the better one. Null otherwise.
	BehindLevel *float64 `json:"behind_level"`
	// Marginal is the step from the point before; null at the first.
	Marginal *Marginal `json:"marginal"`
	// Entering and Leaving are the projects scheduled here but not at the
	// point before, and the other way round, in rank order.
	Entering []string `json:"entering"`
	Leaving  []string `json:"leaving"`
	// Projects are the scheduled projects in rank order, with their start.
	Projects []PointProject `json:"projects"`
	// Optimal is true when the optimiser proved no portfolio is better at
	// PlanLevel; TimeLimitReached when its time limit, not its budget of
	// schedules, ended the search (the seed then no longer fixes the
	// result).
	Optimal          bool `json:"optimal"`
	TimeLimitReached bool `json:"time_limit_reached"`
}

// Marginal is what one step of the resource bought.
type Marginal struct {
	Step            float64 `json:"step"` // level difference
	Objective       float64 `json:"objective"`
	NPV             float64 `json:"npv"`
	RiskAdjustedNPV float64 `json:"risk_adjusted_npv"`
	// ObjectivePerUnit and NPVPerUnit divide by Step: score and NPV per
	// unit of the resource (per currency unit of budget, per FTE).
	ObjectivePerUnit float64 `json:"objective_per_unit"`
	NPVPerUnit       float64 `json:"npv_per_unit"`
}

// PointProject is a scheduled project of a point.
type PointProject struct {
	ID          string `json:"id"`
	StartPeriod int    `json:"start_period"`
	Start       string `json:"start"`
}

// Check validates r against cfg: a known resource, finite levels of at
// least 0, From below To, 1..MaxSteps steps.
func Check(cfg *hclspec.Config, r Request) hcl.Diagnostics {
	var diags hcl.Diagnostics
	bad := func(summary, detail string) {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail})
	}
	switch r.Kind {
	case KindBudget:
		if budgetOf(cfg, r.ID) == nil {
			var ids []string
			for _, b := range cfg.Budgets {
				ids = append(ids, b.ID)
			}
			bad("Unknown budget", unknownDetail("budget", r.ID, ids))
		}
	case KindTeam:
		if teamOf(cfg, r.ID) == nil {
			var ids []string
			for _, t := range cfg.Teams {
				ids = append(ids, t.ID)
			}
			bad("Unknown team", unknownDetail("team", r.ID, ids))
		}
	default:
		bad("Unknown resource kind", fmt.Sprintf("A frontier varies a budget or a team, not %q.", r.Kind))
	}
	if !finite(r.From) || !finite(r.To) || r.From < 0 || r.To < 0 {
		bad("Invalid levels", fmt.Sprintf("The levels must be numbers of at least 0; got from %g to %g.", r.From, r.To))
	} else if r.From >= r.To {
		bad("Invalid levels", fmt.Sprintf("The first level (%g) must be below the last (%g).", r.From, r.To))
	}
	if r.Steps < 1 || r.Steps > MaxSteps {
		bad("Invalid steps", fmt.Sprintf("The steps must be 1 to %d (each level is one optimised plan); got %d.", MaxSteps, r.Steps))
	}
	return diags
}

func unknownDetail(kind, id string, ids []string) string {
	detail := fmt.Sprintf("The roadmap has no %s %q.", kind, id)
	if near := hclspec.Nearest(id, ids); near != "" {
		detail += fmt.Sprintf(" Did you mean %q?", near)
	}
	if len(ids) == 0 {
		return detail + fmt.Sprintf(" It declares no %s.", kind+"s")
	}
	return detail + fmt.Sprintf(" Its %ss: %s.", kind, joinIDs(ids))
}

func joinIDs(ids []string) string {
	out := ""
	for k, id := range ids {
		if k > 0 {
			out += ", "
		}
		out += id
	}
	return out
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func budgetOf(cfg *hclspec.Config, id string) *hclspec.Budget {
	for _, b := range cfg.Budgets {
		if b.ID == id {
			return b
		}
	}
	return nil
}

func teamOf(cfg *hclspec.Config, id string) *hclspec.Team {
	for _, t := range cfg.Teams {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// Current is the resource's level in cfg: the budget's amount or the
// team's capacity.
func Current(cfg *hclspec.Config, kind, id string) float64 {
	switch kind {
	case KindBudget:
		if b := budgetOf(cfg, id); b != nil {
			return b.Amount
		}
	case KindTeam:
		if t := teamOf(cfg, id); t != nil {
			return t.Capacity
		}
	}
	return 0
}

// At is cfg with the resource at level and the value scale fixed at
// valueScale (scores then do not move with a budget's amount, which
// sizes the scale when scoring.value_scale is unset): what every point
// of a frontier evaluates. A team's capacity_by_period entries keep their
// difference from its capacity (at least 0). cfg is not changed.
func At(cfg *hclspec.Config, kind, id string, level, valueScale float64) *hclspec.Config {
	c := *cfg
	rm := *cfg.Roadmap
	rm.Scoring.ValueScale = valueScale
	c.Roadmap = &rm
	switch kind {
	case KindBudget:
		c.Budgets = slices.Clone(cfg.Budgets)
		for k, b := range c.Budgets {
			if b.ID == id {
				nb := *b
				nb.Amount = level
				c.Budgets[k] = &nb
			}
		}
	case KindTeam:
		c.Teams = slices.Clone(cfg.Teams)
		for k, t := range c.Teams {
			if t.ID != id {
				continue
			}
			nt := *t
			delta := level - t.Capacity
			nt.Capacity = level
			if len(t.CapacityByPeriod) > 0 {
				nt.CapacityByPeriod = make(map[int]float64, len(t.CapacityByPeriod))
				for p, v := range t.CapacityByPeriod {
					nt.CapacityByPeriod[p] = max(0, v+delta)
				}
			}
			c.Teams[k] = &nt
		}
	}
	return &c
}

// Levels are the levels of r: Steps+1 evenly spaced from From to To, and
// current when it lies strictly inside and off the grid. The second
// result marks current's index, -1 when it is outside.
func Levels(r Request, current float64) ([]float64, int) {
	levels := make([]float64, 0, r.Steps+2)
	for k := 0; k <= r.Steps; k++ {
		levels = append(levels, r.From+(r.To-r.From)*float64(k)/float64(r.Steps))
	}
	levels[r.Steps] = r.To // exact, whatever the rounding
	if current < r.From || current > r.To {
		return levels, -1
	}
	for k, l := range levels {
		if math.Abs(l-current) <= 1e-9*math.Max(1, math.Abs(current)) {
			levels[k] = current
			return levels, k
		}
	}
	k, _ := slices.BinarySearch(levels, current)
	return slices.Insert(levels, k, current), k
}

// Compute evaluates cfg at every level of r with the optimiser (opts'
// seed and time limit; Optimize is forced on), in parallel, then keeps
// the frontier monotone: a level whose portfolio is worse than the one
// below takes that one (it still fits). Diagnostics are the evaluations'
// (each once); the frontier is nil on errors or when ctx ends.
func Compute(ctx context.Context, cfg *hclspec.Config, r Request, opts evaluate.Options) (*Frontier, hcl.Diagnostics) {
	if diags := Check(cfg, r); diags.HasErrors() {
		return nil, diags
	}
	opts.Optimize = true
	opts.RankOrder = false
	opts.Progress = nil
	current := Current(cfg, r.Kind, r.ID)
	base, diags := evaluate.Evaluate(ctx, cfg, evaluate.Options{RankOrder: true, Objective: opts.Objective, ForceIn: opts.ForceIn, ForceOut: opts.ForceOut})
	if diags.HasErrors() || base == nil {
		return nil, diags
	}
	scale := evaluate.ValueScale(cfg)
	if spent, window := SpentToDate(base, r); spent > r.From {
		switch {
		case r.FromSpent && spent < r.To:
			r.From = spent
		default:
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Levels below the spend to date",
				Detail: fmt.Sprintf("Budget %s has already spent %s in its %s window by the status date %s, so the levels below that cannot be met: their plans start with the window overrun. Give --from %s or more to try only levels that can.",
					r.ID, evaluate.FormatMoney(spent, base.Roadmap.Currency), window, deref(base.Roadmap.AsOf), number(spent))})
		}
	}
	levels, cur := Levels(r, current)
	if opts.SearchBudget != nil {
		opts.SearchBudget.SetColumns(len(levels)) // a search per level
	}

	plans := make([]*evaluate.Plan, len(levels))
	planDiags := make([]hcl.Diagnostics, len(levels))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(levels)) {
		wg.Go(func() {
			for k := range next {
				at := cfg // today's level: the roadmap as plan --optimize plans it
				if k != cur {
					at = At(cfg, r.Kind, r.ID, levels[k], scale)
				}
				plans[k], planDiags[k] = evaluate.Evaluate(ctx, at, opts)
			}
		})
	}
	for k := range levels {
		next <- k
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Frontier cancelled", Detail: err.Error()})
	}
	seen := map[string]bool{}
	for _, d := range diags {
		seen[diagKey(d)] = true
	}
	failed := false
	for k, ds := range planDiags {
		for _, d := range ds {
			if !seen[diagKey(d)] {
				seen[diagKey(d)] = true
				diags = append(diags, d)
			}
		}
		failed = failed || plans[k] == nil || ds.HasErrors()
	}
	if failed {
		return nil, diags
	}

	f := &Frontier{
		FormatVersion: FormatVersion,
		Roadmap:       base.Roadmap,
		Resource:      resourceOf(cfg, r, base, current),
		Objective:     plans[0].Roadmap.Objective,
		Seed:          opts.Seed,
		ForceIn:       append([]string{}, opts.ForceIn...),
		ForceOut:      append([]string{}, opts.ForceOut...),
		Points:        make([]Point, len(levels)),
	}
	for k, plan := range plans {
		f.Points[k] = pointOf(plan, levels[k], f.Objective)
		f.Points[k].Current = k == cur
	}
	keepMonotone(f.Points, f.Objective)
	if cur >= 0 && f.Points[cur].BehindLevel != nil {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Today's plan is not the best found",
			Detail: fmt.Sprintf("At today's level the optimiser's plan (the one roadmap plan --optimize makes, with seed %d) is worth less than the portfolio found at the lower level %g, which fits today too. "+
				"The frontier shows today's plan and carries the better portfolio above it; a longer --time-limit or another --seed may find it for the plan too.", opts.Seed, *f.Points[cur].BehindLevel)})
	}
	for k := range f.Points {
		p := &f.Points[k]
		if k == 0 {
			continue
		}
		prev := &f.Points[k-1]
		m := &Marginal{
			Step:            p.Level - prev.Level,
			Objective:       round(p.Objective-prev.Objective, 1e6),
			NPV:             round(p.NPV-prev.NPV, 100),
			RiskAdjustedNPV: round(p.RiskAdjustedNPV-prev.RiskAdjustedNPV, 100),
		}
		if m.Step > 0 {
			m.ObjectivePerUnit = round((p.Objective-prev.Objective)/m.Step, 1e9)
			m.NPVPerUnit = round((p.NPV-prev.NPV)/m.Step, 1e6)
		}
		p.Marginal = m
		p.Entering, p.Leaving = moves(prev.Projects, p.Projects, plans[0])
	}
	return f, diags
}

// SpentToDate is the most a budget's windows have spent by the status
// date in plan (periods marked history), and that window; 0 for a team,
// or a roadmap without history.
func SpentToDate(plan *evaluate.Plan, r Request) (float64, string) {
	if r.Kind != KindBudget {
		return 0, ""
	}
	spent, window := 0.0, ""
	for _, p := range plan.Periods {
		if b, ok := p.Budgets[r.ID]; ok && p.History && b.WindowSpent > spent {
			spent, window = b.WindowSpent, b.Window
		}
	}
	return spent, window
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// number writes x as a whole number or with the digits it needs.
func number(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// keepMonotone gives a point whose portfolio is worth less than the best
// below it that one instead: it fits the larger level too, so the
// optimiser simply missed it there. Today's point keeps its own plan
// (the plan roadmap plan --optimize makes) and, when a lower level's is
// worth more, names that level in BehindLevel.
func keepMonotone(points []Point, objective string) {
	if len(points) == 0 {
		return
	}
	best := points[0]
	for k := 1; k < len(points); k++ {
		p := &points[k]
		switch {
		case !Less(*p, best, objective):
			best = *p
		case p.Current:
			level := best.PlanLevel
			p.BehindLevel = &level
		default:
			carried := best
			carried.Level, carried.Current, carried.BehindLevel = p.Level, p.Current, nil
			*p = carried
		}
	}
}

// Less reports whether point a's portfolio is worth less than b's as the
// optimiser weighs them: fewer mandatory projects; or the same and less
// of the objective; for finish, fewer projects or the same and a later
// finish.
func Less(a, b Point, objective string) bool {
	if a.MandatoryScheduled != b.MandatoryScheduled {
		return a.MandatoryScheduled < b.MandatoryScheduled
	}
	if objective == string(hclspec.ObjectiveFinish) {
		if a.Scheduled != b.Scheduled {
			return a.Scheduled < b.Scheduled
		}
		return a.FinishPeriod > b.FinishPeriod
	}
	return a.Objective < b.Objective-1e-9*(1+math.Abs(b.Objective))
}

func diagKey(d *hcl.Diagnostic) string {
	where := ""
	if d.Subject != nil {
		where = d.Subject.String()
	}
	return fmt.Sprintf("%d|%s|%s|%s", d.Severity, d.Summary, d.Detail, where)
}

func resourceOf(cfg *hclspec.Config, r Request, plan *evaluate.Plan, current float64) Resource {
	res := Resource{Kind: r.Kind, ID: r.ID, Current: current}
	switch r.Kind {
	case KindBudget:
		b := budgetOf(cfg, r.ID)
		res.Title = b.Title
		per := b.Per
		if per == "" {
			per = hclspec.PerYear
		}
		res.Unit = fmt.Sprintf("%s per %s", plan.Roadmap.Currency, per)
		if per == hclspec.PerTotal {
			res.Unit = plan.Roadmap.Currency + " in total"
		}
	case KindTeam:
		res.Title = teamOf(cfg, r.ID).Title
		res.Unit = "FTE"
	}
	return res
}

// objectiveValue is the plan's value on objective.
func objectiveValue(plan *evaluate.Plan, objective string) float64 {
	switch hclspec.Objective(objective) {
	case hclspec.ObjectiveNPV:
		return plan.Totals.NPV
	case hclspec.ObjectiveRiskAdjustedNPV:
		return plan.Totals.RiskAdjustedNPV
	case hclspec.ObjectiveFinish:
		return float64(plan.Totals.FinishPeriod)
	}
	return plan.Totals.Score
}

// pointOf reads a point off the plan at level.
func pointOf(plan *evaluate.Plan, level float64, objective string) Point {
	p := Point{
		Level:           level,
		PlanLevel:       level,
		Objective:       objectiveValue(plan, objective),
		Scheduled:       plan.Totals.Scheduled,
		Deferred:        plan.Totals.Deferred,
		Dropped:         plan.Totals.Dropped,
		Cost:            plan.Totals.Cost,
		NPV:             plan.Totals.NPV,
		RiskAdjustedNPV: plan.Totals.RiskAdjustedNPV,
		FinishPeriod:    plan.Totals.FinishPeriod,
		Entering:        []string{},
		Leaving:         []string{},
		Projects:        []PointProject{},
		MandatoryMissed: []string{},
	}
	for _, pp := range plan.Projects {
		if pp.Mandatory && (pp.Status == evaluate.StatusDeferred || pp.Status == evaluate.StatusDropped) {
			p.MandatoryMissed = append(p.MandatoryMissed, pp.ID)
		}
		if pp.Status != evaluate.StatusScheduled {
			continue
		}
		if pp.Mandatory {
			p.MandatoryScheduled++
		}
		p.Projects = append(p.Projects, PointProject{ID: pp.ID, StartPeriod: *pp.StartPeriod, Start: *pp.Start})
		if *pp.EndPeriod == p.FinishPeriod {
			p.Finish = *pp.End
		}
	}
	if o := plan.Optimization; o != nil {
		p.TimeLimitReached = o.TimeLimitReached
		if o.Bound != nil {
			if o.Objective == string(hclspec.ObjectiveFinish) {
				p.Optimal = o.Best <= *o.Bound
			} else {
				p.Optimal = o.Best >= *o.Bound-1e-9*(1+math.Abs(*o.Bound))
			}
		}
	}
	return p
}

// moves lists the projects scheduled in to but not in from (entering) and
// the other way round (leaving), in the rank order of ref.
func moves(from, to []PointProject, ref *evaluate.Plan) (entering, leaving []string) {
	in := func(list []PointProject, id string) bool {
		return slices.ContainsFunc(list, func(p PointProject) bool { return p.ID == id })
	}
	entering, leaving = []string{}, []string{}
	for _, p := range to {
		if !in(from, p.ID) {
			entering = append(entering, p.ID)
		}
	}
	for _, p := range from {
		if !in(to, p.ID) {
			leaving = append(leaving, p.ID)
		}
	}
	rank := map[string]int{}
	for k, pp := range ref.Projects {
		rank[pp.ID] = k
	}
	byRank := func(a, b string) int { return cmp.Compare(rank[a], rank[b]) }
	slices.SortFunc(entering, byRank)
	slices.SortFunc(leaving, byRank)
	return entering, leaving
}

func round(x, scale float64) float64 { return math.Round(x*scale) / scale }
