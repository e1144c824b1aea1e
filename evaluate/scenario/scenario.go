// Package scenario puts the plans of a roadmap's scenarios side by side
// (roadmap compare): the headline figures of each, and each project's
// status and start in each, with what differs from the roadmap without a
// scenario. Every plan is made by evaluate.Evaluate, as roadmap plan
// --scenario NAME makes it.
package scenario

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// MaxScenarios, MaxWork and MaxCells bound a comparison: each scenario is
// one load and one plan of the whole roadmap, so at most MaxScenarios
// scenarios, at most MaxWork scenarios x projects (100 scenarios of a
// 1,000-project roadmap, 10 of a 10,000-project one), and at most
// MaxCells scenarios x the plan's cells (hclspec.PlanCells: 60 projects
// with 830 years of monthly cash flows each are 600,000 cells a plan, and
// 99 scenarios of them took over 20 s and 923 MB, review qa18 B2).
const (
	MaxScenarios = 100
	MaxWork      = 100_000
	MaxCells     = 20_000_000
)

// Limit is how many scenarios a comparison of a roadmap of n projects
// may hold.
func Limit(n int) int { return max(1, min(MaxScenarios, MaxWork/max(n, 1))) }

// LimitFor is Limit for base, its plan's size counted too.
func LimitFor(base *hclspec.Config) int {
	return max(1, min(Limit(len(base.Projects)), MaxCells/max(hclspec.PlanCells(base), 1)))
}

// CheckCount refuses to compare more scenarios of base than LimitFor
// allows, with the first scenario past the limit as the subject. names
// are the scenarios asked for, in order.
func CheckCount(base *hclspec.Config, names []string) hcl.Diagnostics {
	limit := LimitFor(base)
	if len(names) <= limit {
		return nil
	}
	d := &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Too many scenarios to compare",
		Detail: fmt.Sprintf("Comparing %d scenarios would load and plan this roadmap of %d projects (%d cash-flow periods and capacity cells) %d times; it may compare at most %d at once "+
			"(%d for a small roadmap, fewer for a larger one). Name the ones to compare with --scenario.",
			len(names), len(base.Projects), hclspec.PlanCells(base), len(names)+1, limit, MaxScenarios),
	}
	for _, sc := range base.Scenarios {
		if sc.ID == names[limit] {
			d.Subject = sc.DeclRange.Ptr()
		}
	}
	return hcl.Diagnostics{d}
}

// FormatVersion is the version of the comparison's JSON format.
const FormatVersion = "1"

// Comparison is roadmap compare's result and its JSON format
// (format_version "1"). Columns are the scenarios, the base (the roadmap
// without a scenario) first; rows are the projects in the base's rank
// order. Slices are never nil.
type Comparison struct {
	FormatVersion string               `json:"format_version"`
	Roadmap       evaluate.RoadmapInfo `json:"roadmap"` // the base's
	Scenarios     []Column             `json:"scenarios"`
	Projects      []Row                `json:"projects"`
	// Teams and Budgets are the ids the columns' utilisation is given
	// for, in declaration order.
	Teams   []string `json:"teams"`
	Budgets []string `json:"budgets"`
	// ForceIn and ForceOut are the projects every column was forced with
	// (--force-in, --force-out), in base's rank order; [] when none.
	ForceIn  []string `json:"force_in"`
	ForceOut []string `json:"force_out"`

	// Plans are the columns' plans, for renderers that need more than
	// the comparison (not part of the JSON).
	Plans []*evaluate.Plan `json:"-"`
}

// Column is one scenario's plan in figures.
type Column struct {
	Name        string `json:"name"` // "base" for the roadmap without a scenario
	Description string `json:"description"`
	// Variables are the values the scenario sets ([] for the base).
	Variables []evaluate.ScenarioVariable `json:"variables"`
	Totals    evaluate.Totals             `json:"totals"`
	// Finish is the label of the last period a scheduled project runs in;
	// null when nothing is scheduled.
	Finish *string `json:"finish"`
	// Teams are each team's peak utilisation, in Comparison.Teams order.
	Teams []TeamPeak `json:"teams"`
	// Budgets are each budget's fullest window, in Comparison.Budgets order.
	Budgets []BudgetPeak `json:"budgets"`
	// ChecksPassed counts the checks that passed; ChecksFailed names the
	// others, errors and warnings alike.
	ChecksPassed int      `json:"checks_passed"`
	ChecksFailed []string `json:"checks_failed"`
	// Gaps are the systems of the technology audit that run out of
	// support before a replacement goes live (or have none), in
	// declaration order.
	Gaps []SystemGap `json:"gaps"`
	// Against the base: projects scheduled here and not there (Added),
	// scheduled there and not here (Removed), and scheduled in both at
	// another start (Moved), each in the base's rank order. Empty for the
	// base itself.
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
	Moved   []string `json:"moved"`
	// Changed counts the projects whose status, start or end differs from
	// the base.
	Changed int `json:"changed"`
	// Optimization is the plan's optimisation report when it was optimised.
	Optimization *evaluate.Optimization `json:"optimization,omitempty"`
}

// SystemGap is a system with a gap in support: "unsupported" or
// "no_replacement" for Periods periods (see evaluate.SystemAudit).
type SystemGap struct {
	ID      string `json:"id"`
	Gap     string `json:"gap"`
	Periods int    `json:"periods"`
}

// TeamPeak is a team's fullest period: load over capacity.
type TeamPeak struct {
	ID string `json:"id"`
	// Utilization is the largest used/capacity over the periods (0 when
	// the team is never used); Period its first period, null then.
	Utilization float64 `json:"utilization"`
	Period      *string `json:"period"`
	// FTEPeriods is the team's work in the plan: FTE x periods.
	FTEPeriods float64 `json:"fte_periods"`
}

// BudgetPeak is a budget's fullest window: spend over limit.
type BudgetPeak struct {
	ID          string  `json:"id"`
	Utilization float64 `json:"utilization"` // 0 when nothing is spent
	Window      *string `json:"window"`      // null when nothing is spent
	Spent       float64 `json:"spent"`       // in the whole horizon
}

// Row is one project across the scenarios.
type Row struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Cells are its outcome in each column, in Comparison.Scenarios order.
	Cells []Cell `json:"scenarios"`
	// Changed is true when some scenario's outcome differs from the base.
	Changed bool `json:"changed"`
	// Forced is "in" or "out" when every column forced the project
	// (--force-in, --force-out), else "", as the plan's projects[].forced.
	Forced string `json:"forced"`
}

// Cell is a project's outcome in one scenario.
type Cell struct {
	Status      string  `json:"status"`
	Rank        int     `json:"rank"`
	StartPeriod *int    `json:"start_period"` // null unless scheduled
	EndPeriod   *int    `json:"end_period"`   // exclusive
	Start       *string `json:"start"`
	End         *string `json:"end"`
	Gate        string  `json:"gate"`   // gate that dropped or deferred it
	Reason      string  `json:"reason"` // its first reason; "" when scheduled
	// Changed is true when status, start or end differ from the base's.
	Changed bool `json:"changed"`
}

// Compare evaluates every config - the roadmap loaded with each scenario
// applied (Config.Scenario), the base without one first - with opts, and
// compares the plans. Diagnostics are each evaluation's, in configs
// order; an error in any of them means no comparison. The configs are
// evaluated concurrently; the result is the same for any number of cores.
func Compare(ctx context.Context, configs []*hclspec.Config, opts evaluate.Options) (*Comparison, []hcl.Diagnostics) {
	plans := make([]*evaluate.Plan, len(configs))
	diags := make([]hcl.Diagnostics, len(configs))
	if len(configs) > 0 {
		names := make([]string, 0, len(configs)-1)
		for _, cfg := range configs[1:] {
			if cfg.Scenario != nil {
				names = append(names, cfg.Scenario.ID)
			}
		}
		if d := CheckCount(configs[0], names); d.HasErrors() {
			diags[0] = d
			return nil, diags
		}
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, cfg := range configs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			o := opts
			o.Progress = nil // one progress line cannot follow several searches
			plans[i], diags[i] = evaluate.Evaluate(ctx, cfg, o)
		}()
	}
	wg.Wait()
	for i := range configs {
		if diags[i].HasErrors() || plans[i] == nil {
			return nil, diags
		}
	}
	return Of(plans), diags
}

// Of compares plans made by evaluate.Evaluate from one roadmap, the base
// first.
func Of(plans []*evaluate.Plan) *Comparison {
	base := plans[0]
	c := &Comparison{
		FormatVersion: FormatVersion,
		Roadmap:       base.Roadmap,
		Scenarios:     make([]Column, len(plans)),
		Projects:      []Row{},
		Teams:         make([]string, 0, len(base.Teams)),
		Budgets:       make([]string, 0, len(base.Budgets)),
		ForceIn:       []string{},
		ForceOut:      []string{},
		Plans:         plans,
	}
	for _, t := range base.Teams {
		c.Teams = append(c.Teams, t.ID)
	}
	for _, b := range base.Budgets {
		c.Budgets = append(c.Budgets, b.ID)
	}
	// Every plan of a roadmap has the same projects; index each by id.
	index := make([]map[string]*evaluate.ProjectPlan, len(plans))
	for k, p := range plans {
		index[k] = make(map[string]*evaluate.ProjectPlan, len(p.Projects))
		for i := range p.Projects {
			index[k][p.Projects[i].ID] = &p.Projects[i]
		}
	}
	for _, bp := range base.Projects {
		row := Row{ID: bp.ID, Title: bp.Title, Cells: make([]Cell, len(plans)), Forced: bp.Forced}
		switch bp.Forced {
		case evaluate.ForcedIn:
			c.ForceIn = append(c.ForceIn, bp.ID)
		case evaluate.ForcedOut:
			c.ForceOut = append(c.ForceOut, bp.ID)
		}
		for k := range plans {
			pp, ok := index[k][bp.ID]
			if !ok {
				row.Cells[k] = Cell{Status: "absent"}
				row.Changed = true
				continue
			}
			cell := cellOf(pp)
			if k > 0 {
				cell.Changed = differs(&bp, pp)
				row.Changed = row.Changed || cell.Changed
			}
			row.Cells[k] = cell
		}
		c.Projects = append(c.Projects, row)
	}
	for k, p := range plans {
		c.Scenarios[k] = columnOf(p, c, k)
	}
	return c
}

func cellOf(pp *evaluate.ProjectPlan) Cell {
	cell := Cell{
		Status: pp.Status, Rank: pp.Rank, Gate: pp.Gate,
		StartPeriod: pp.StartPeriod, EndPeriod: pp.EndPeriod, Start: pp.Start, End: pp.End,
	}
	if len(pp.Reasons) > 0 {
		cell.Reason = pp.Reasons[0]
	}
	return cell
}

// differs reports whether a project's outcome in a scenario (b) differs
// from the base's (a): its status, start or end.
func differs(a, b *evaluate.ProjectPlan) bool {
	return a.Status != b.Status || !sameInt(a.StartPeriod, b.StartPeriod) || !sameInt(a.EndPeriod, b.EndPeriod)
}

func sameInt(a, b *int) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// columnOf sums up plan p, column k of c.
func columnOf(p *evaluate.Plan, c *Comparison, k int) Column {
	col := Column{
		Name:         hclspec.BaseScenario,
		Variables:    []evaluate.ScenarioVariable{},
		Totals:       p.Totals,
		Teams:        make([]TeamPeak, 0, len(c.Teams)),
		Budgets:      make([]BudgetPeak, 0, len(c.Budgets)),
		ChecksFailed: []string{},
		Gaps:         []SystemGap{},
		Added:        []string{},
		Removed:      []string{},
		Moved:        []string{},
		Optimization: p.Optimization,
	}
	if sc := p.Scenario; sc != nil {
		col.Name, col.Description = sc.Name, sc.Description
		col.Variables = append(col.Variables, sc.Variables...)
	}
	if p.Totals.Scheduled > 0 && p.Totals.FinishPeriod > 0 && p.Totals.FinishPeriod <= len(p.Periods) {
		label := p.Periods[p.Totals.FinishPeriod-1].Label
		col.Finish = &label
	}
	for _, id := range c.Teams {
		col.Teams = append(col.Teams, teamPeak(p, id))
	}
	for _, id := range c.Budgets {
		col.Budgets = append(col.Budgets, budgetPeak(p, id))
	}
	for _, ch := range p.Checks {
		if ch.Passed {
			col.ChecksPassed++
		} else {
			col.ChecksFailed = append(col.ChecksFailed, ch.ID)
		}
	}
	for _, s := range p.Systems {
		if s.Gap != evaluate.GapNone && s.Gap != "" {
			col.Gaps = append(col.Gaps, SystemGap{ID: s.ID, Gap: s.Gap, Periods: s.GapPeriods})
		}
	}
	if k == 0 {
		return col
	}
	for _, row := range c.Projects {
		base, here := row.Cells[0], row.Cells[k]
		if here.Changed {
			col.Changed++
		}
		switch {
		case here.Status == evaluate.StatusScheduled && base.Status != evaluate.StatusScheduled:
			col.Added = append(col.Added, row.ID)
		case here.Status != evaluate.StatusScheduled && base.Status == evaluate.StatusScheduled:
			col.Removed = append(col.Removed, row.ID)
		case here.Status == evaluate.StatusScheduled && here.Changed:
			col.Moved = append(col.Moved, row.ID)
		}
	}
	return col
}

// teamPeak is team id's fullest period in p.
func teamPeak(p *evaluate.Plan, id string) TeamPeak {
	tp := TeamPeak{ID: id}
	best := 0.0
	for _, per := range p.Periods {
		load, ok := per.Teams[id]
		if !ok {
			continue
		}
		tp.FTEPeriods += load.Used
		if load.Capacity <= 0 || load.Used <= 0 {
			continue
		}
		if u := load.Used / load.Capacity; u > best+1e-12 {
			best = u
			label := per.Label
			tp.Period = &label
		}
	}
	tp.Utilization = round(best, 1e4)
	tp.FTEPeriods = round(tp.FTEPeriods, 1e4)
	return tp
}

// budgetPeak is budget id's fullest window in p.
func budgetPeak(p *evaluate.Plan, id string) BudgetPeak {
	bp := BudgetPeak{ID: id}
	best := 0.0
	for _, per := range p.Periods {
		s, ok := per.Budgets[id]
		if !ok {
			continue
		}
		bp.Spent += s.Spent
		if s.Limit <= 0 || s.WindowSpent <= 0 {
			continue
		}
		if u := s.WindowSpent / s.Limit; u > best+1e-12 {
			best = u
			window := s.Window
			bp.Window = &window
		}
	}
	bp.Utilization = round(best, 1e4)
	bp.Spent = round(bp.Spent, 100)
	return bp
}

func round(x, scale float64) float64 { return math.Round(x*scale) / scale }
