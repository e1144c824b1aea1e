// Package diff compares two plans of a roadmap: what a change to its sources
// does to the schedule, the money, team load, budget spend, vendor winners
// and checks. PlanDiff is also the JSON diff format (format_version "1",
// documented in docs/ci.md).
package diff

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// FormatVersion is the version of the JSON diff format.
const FormatVersion = "1"

// Kinds of project, vendor and roadmap-level changes.
const (
	KindAdded   = "added"   // present after, absent before (in the sources)
	KindRemoved = "removed" // present before, absent after
	KindChanged = "changed" // present on both sides, something differs
)

// Effects a project change has on the schedule; the summary counts them.
const (
	EffectSchedule   = "schedule"   // becomes scheduled
	EffectDefer      = "defer"      // becomes deferred
	EffectReschedule = "reschedule" // scheduled on both sides, moved in time
	EffectDrop       = "drop"       // becomes dropped
	EffectFinish     = "finish"     // becomes done (a living roadmap)
	EffectCancel     = "cancel"     // becomes cancelled
	EffectHold       = "hold"       // put on hold
	EffectRemove     = "remove"     // removed from the sources
	EffectNone       = ""           // same status and periods; other fields changed
)

// Kinds of check changes.
const (
	CheckStartsFailing = "starts_failing"
	CheckStopsFailing  = "stops_failing"
	// CheckFailsMore: the budget overrun check (evaluate.BudgetsCheckID)
	// failing before and after with another message: an overrun that
	// appeared in another window or grew.
	CheckFailsMore = "fails_more"
)

// PlanDiff is the difference between two plans. Every list holds changes
// only; unchanged projects are counted in Summary.Unchanged. Slices are
// never nil so they encode as [] rather than null.
type PlanDiff struct {
	FormatVersion string              `json:"format_version"`
	Changed       bool                `json:"changed"`
	Before        Side                `json:"before"`
	After         Side                `json:"after"`
	Summary       Summary             `json:"summary"`
	Roadmap       []Change            `json:"roadmap"`  // settings of the roadmap block
	Projects      []ProjectChange     `json:"projects"` // after-rank order, then removed ones in before-rank order
	Teams         []TeamLoadChange    `json:"teams"`    // by team, then period label
	Budgets       []BudgetSpendChange `json:"budgets"`  // by budget, then period label
	Vendors       []VendorChange      `json:"vendors"`  // by evaluation
	Checks        []CheckChange       `json:"checks"`   // by check id
	// Systems are the technology audit's changes (after order, then
	// removed ones); Choices the choice blocks whose chosen option changed.
	Systems []SystemChange `json:"systems"`
	Choices []ChoiceChange `json:"choices"` // by choice id
	Totals  TotalsDiff     `json:"totals"`
	// RunRate is the run cost a year both plans add, retire and net, and
	// the budget years whose run cost differs.
	RunRate RunRateDiff `json:"run_rate"`

	// The plans compared, for renderers that draw them (a Gantt chart).
	// Either may be an empty plan; neither is part of the JSON.
	BeforePlan *evaluate.Plan `json:"-"`
	AfterPlan  *evaluate.Plan `json:"-"`
}

// Side describes one of the two plans.
type Side struct {
	// Source says where the plan came from: a git revision, a file name,
	// "working tree". Diff leaves it empty; the caller fills it in.
	Source   string `json:"source"`
	Name     string `json:"name"`     // the roadmap's name
	Currency string `json:"currency"` // the roadmap's currency
}

// Summary counts the changes. ToSchedule, ToDefer and Dropped count projects
// whose status becomes scheduled, deferred or dropped (a project added to the
// sources counts by its new status); ToReschedule counts projects scheduled
// on both sides whose start or end moved. Finished, Cancelled and OnHold
// count projects that become done, cancelled or on hold (a living roadmap).
type Summary struct {
	ToSchedule    int `json:"to_schedule"`
	ToDefer       int `json:"to_defer"`
	ToReschedule  int `json:"to_reschedule"`
	Dropped       int `json:"dropped"`
	Finished      int `json:"finished"`
	Cancelled     int `json:"cancelled"`
	OnHold        int `json:"on_hold"`
	Added         int `json:"added"`     // projects added to the sources
	Removed       int `json:"removed"`   // projects removed from the sources
	Changed       int `json:"changed"`   // projects listed in Projects
	Unchanged     int `json:"unchanged"` // projects on both sides with no listed change
	ChecksFailing int `json:"checks_failing"`
	ChecksFixed   int `json:"checks_fixed"`
	VendorWinners int `json:"vendor_winners"` // evaluations whose winner changed
	// Systems counts the systems listed in Systems; GapsOpened those with
	// a gap after the change and none before, GapsClosed the reverse.
	Systems    int `json:"systems"`
	GapsOpened int `json:"gaps_opened"`
	GapsClosed int `json:"gaps_closed"`
	Choices    int `json:"choices"` // choices whose chosen option changed
}

// Change is one field's before and after value: a string, a number, a list
// of strings or null.
type Change struct {
	Field  string `json:"field"`
	Before any    `json:"before"`
	After  any    `json:"after"`
}

// ProjectChange is one project listed in the diff.
type ProjectChange struct {
	ID      string        `json:"id"`
	Title   string        `json:"title"`
	Kind    string        `json:"kind"`   // added | removed | changed
	Effect  string        `json:"effect"` // schedule | defer | reschedule | drop | remove | ""
	Before  *ProjectState `json:"before"` // null when added
	After   *ProjectState `json:"after"`  // null when removed
	Changes []Change      `json:"changes"`
	// Notes explain a change where the plans show why: the messages of
	// Causes, or for a plan saved without schedule notes, a project that
	// now starts later because a project it depends on ends later.
	Notes []string `json:"notes"`
	// Causes are what the diff blames for a project that leaves the
	// schedule or starts later, from its schedule notes (see Cause).
	Causes []Cause `json:"causes"`
}

// ProjectState is what the diff compares of a project.
type ProjectState struct {
	Rank            int      `json:"rank"`
	Status          string   `json:"status"`
	Gate            string   `json:"gate"`
	Reasons         []string `json:"reasons"`
	StartPeriod     *int     `json:"start_period"`
	EndPeriod       *int     `json:"end_period"`
	Start           *string  `json:"start"`
	End             *string  `json:"end"`
	Cost            float64  `json:"cost"`
	NPV             float64  `json:"npv"`
	RiskAdjustedNPV float64  `json:"risk_adjusted_npv"`
	Vendor          string   `json:"vendor"`
	// Lifecycle is the project's declared status, omitted when proposed
	// (the default, and plans saved before the living roadmap); CPI and SPI its cost and schedule
	// performance indices against a baseline (plan --baseline), omitted
	// when the plan has none.
	Lifecycle string   `json:"lifecycle,omitempty"`
	CPI       *float64 `json:"cpi,omitempty"`
	SPI       *float64 `json:"spi,omitempty"`
	// ActualCost, PercentComplete and ForecastEnd are its progress
	// (actual_cost, percent_complete, forecast_end), omitted when it has
	// none.
	ActualCost      *float64 `json:"actual_cost,omitempty"`
	PercentComplete *float64 `json:"percent_complete,omitempty"`
	ForecastEnd     *string  `json:"forecast_end,omitempty"`
}

// TeamLoadChange is a team's load in one period that differs. Before or
// After is null when the team or the period exists on one side only.
type TeamLoadChange struct {
	Team   string             `json:"team"`
	Period string             `json:"period"`
	Before *evaluate.TeamLoad `json:"before"`
	After  *evaluate.TeamLoad `json:"after"`
}

// BudgetSpendChange is a budget's spend or limit in one period that differs.
type BudgetSpendChange struct {
	Budget string                `json:"budget"`
	Period string                `json:"period"`
	Before *evaluate.BudgetSpend `json:"before"`
	After  *evaluate.BudgetSpend `json:"after"`
}

// VendorChange is a vendor evaluation whose winner changed, or that was
// added or removed. Before and After are the winners, null when none.
type VendorChange struct {
	Evaluation string  `json:"evaluation"`
	Kind       string  `json:"kind"`
	Before     *string `json:"before"`
	After      *string `json:"after"`
}

// CheckChange is a check that starts or stops failing. A check absent on
// one side has a null passed value there.
type CheckChange struct {
	ID           string                `json:"id"`
	Severity     string                `json:"severity"`
	Kind         string                `json:"kind"` // starts_failing | stops_failing | fails_more
	BeforePassed *bool                 `json:"before_passed"`
	AfterPassed  *bool                 `json:"after_passed"`
	Message      string                `json:"message"` // the failure message
	Range        *evaluate.SourceRange `json:"range,omitempty"`
}

// TotalsDiff holds the totals of both plans and the fields that differ.
type TotalsDiff struct {
	Before  evaluate.Totals `json:"before"`
	After   evaluate.Totals `json:"after"`
	Changes []Change        `json:"changes"`
}

// Empty returns a plan with no projects, for a side that does not exist
// (a roadmap directory absent at a git revision).
func Empty() *evaluate.Plan {
	return &evaluate.Plan{
		FormatVersion: evaluate.FormatVersion,
		Projects:      []evaluate.ProjectPlan{},
		Periods:       []evaluate.PeriodPlan{},
		Vendors:       []evaluate.VendorResult{},
		Checks:        []evaluate.CheckResult{},
		Goals:         []evaluate.GoalInfo{},
		Teams:         []evaluate.TeamInfo{},
		Budgets:       []evaluate.BudgetInfo{},
	}
}

// Diff compares before with after. A nil plan counts as an empty one.
func Diff(before, after *evaluate.Plan) *PlanDiff {
	if before == nil {
		before = Empty()
	}
	if after == nil {
		after = Empty()
	}
	d := &PlanDiff{
		FormatVersion: FormatVersion,
		Before:        Side{Name: before.Roadmap.Name, Currency: before.Roadmap.Currency},
		After:         Side{Name: after.Roadmap.Name, Currency: after.Roadmap.Currency},
		Roadmap:       diffRoadmap(before.Roadmap, after.Roadmap),
		Teams:         diffTeams(before, after),
		Budgets:       diffBudgets(before, after),
		Vendors:       diffVendors(before, after),
		Checks:        diffChecks(before, after),
		Systems:       diffSystems(before, after),
		Choices:       diffChoices(before, after),
		Totals:        diffTotals(before, after),
		RunRate:       diffRunRate(before, after),
		BeforePlan:    before,
		AfterPlan:     after,
	}
	d.Projects, d.Summary.Unchanged = diffProjects(before, after)
	d.summarise()
	d.Changed = len(d.Roadmap)+len(d.Projects)+len(d.Teams)+len(d.Budgets)+
		len(d.Vendors)+len(d.Checks)+len(d.Systems)+len(d.Choices)+len(d.Totals.Changes) > 0 ||
		d.RunRate.Changed()
	return d
}

func (d *PlanDiff) summarise() {
	s := &d.Summary
	for _, p := range d.Projects {
		s.Changed++
		switch p.Kind {
		case KindAdded:
			s.Added++
		case KindRemoved:
			s.Removed++
		}
		switch p.Effect {
		case EffectSchedule:
			s.ToSchedule++
		case EffectDefer:
			s.ToDefer++
		case EffectReschedule:
			s.ToReschedule++
		case EffectDrop:
			s.Dropped++
		case EffectFinish:
			s.Finished++
		case EffectCancel:
			s.Cancelled++
		case EffectHold:
			s.OnHold++
		}
	}
	for _, c := range d.Checks {
		switch c.Kind {
		case CheckStartsFailing:
			s.ChecksFailing++
		case CheckStopsFailing:
			s.ChecksFixed++
		}
	}
	s.VendorWinners = len(d.Vendors)
	s.Systems, s.Choices = len(d.Systems), len(d.Choices)
	for _, c := range d.Systems {
		if c.GapOpens() {
			s.GapsOpened++
		}
		if c.GapCloses() {
			s.GapsClosed++
		}
	}
}

// FieldValueScale is the roadmap change of the score's value scale
// (roadmap.scoring.value_scale).
const FieldValueScale = "value_scale"

func diffRoadmap(b, a evaluate.RoadmapInfo) []Change {
	var cs changes
	// An empty side (a directory absent at a revision) has no settings to
	// compare with: its projects all show as added or removed instead.
	if b == (evaluate.RoadmapInfo{}) || a == (evaluate.RoadmapInfo{}) {
		return cs.list()
	}
	cs.str("name", b.Name, a.Name)
	cs.str("currency", b.Currency, a.Currency)
	cs.str("start", b.Start, a.Start)
	cs.str("period", b.Period, a.Period)
	cs.int("horizon", b.Horizon, a.Horizon)
	cs.str("strategy", b.Strategy, a.Strategy)
	cs.num("discount_rate", b.DiscountRate, a.DiscountRate)
	cs.num("risk_appetite", b.RiskAppetite, a.RiskAppetite)
	cs.int("max_parallel", b.MaxParallel, a.MaxParallel)
	cs.label("as_of", b.AsOf, a.AsOf)
	// Without scoring.value_scale the scale follows the largest budget:
	// a budget change then moves every project's score, and ranks with it.
	if b.Scoring.ValueScale > 0 && a.Scoring.ValueScale > 0 {
		cs.num(FieldValueScale, b.Scoring.ValueScale, a.Scoring.ValueScale)
	}
	return cs.list()
}

func diffTotals(before, after *evaluate.Plan) TotalsDiff {
	b, a := before.Totals, after.Totals
	var cs changes
	cs.int("scheduled", b.Scheduled, a.Scheduled)
	cs.int("deferred", b.Deferred, a.Deferred)
	cs.int("dropped", b.Dropped, a.Dropped)
	cs.num("cost", b.Cost, a.Cost)
	cs.num("benefit", b.Benefit, a.Benefit)
	cs.num("npv", b.NPV, a.NPV)
	cs.num("risk_adjusted_npv", b.RiskAdjustedNPV, a.RiskAdjustedNPV)
	cs.num("scheduled_npv", b.ScheduledNPV, a.ScheduledNPV)
	cs.int("finish_period", b.FinishPeriod, a.FinishPeriod)
	cs.int("peak_parallel", b.PeakParallel, a.PeakParallel)
	if bv, av := before.EarnedValue, after.EarnedValue; bv != nil || av != nil {
		// The portfolio's indices against the baseline (plan --baseline).
		cs.optNum("cpi", portfolioIndex(bv, true), portfolioIndex(av, true))
		cs.optNum("spi", portfolioIndex(bv, false), portfolioIndex(av, false))
	}
	return TotalsDiff{Before: b, After: a, Changes: cs.list()}
}

// portfolioIndex is the portfolio's CPI (cpi) or SPI; nil without
// earned value or when it has none.
func portfolioIndex(ev *evaluate.EarnedValuePlan, cpi bool) *float64 {
	switch {
	case ev == nil:
		return nil
	case cpi:
		return ev.CPI
	}
	return ev.SPI
}

// diffProjects lists the projects that changed and counts the others.
func diffProjects(before, after *evaluate.Plan) ([]ProjectChange, int) {
	bs, as := byRank(before.Projects), byRank(after.Projects)
	bIndex := make(map[string]*evaluate.ProjectPlan, len(bs))
	for _, p := range bs {
		bIndex[p.ID] = p
	}
	aIndex := make(map[string]bool, len(as))
	aByID := make(map[string]*evaluate.ProjectPlan, len(as))
	for _, p := range as {
		aIndex[p.ID] = true
		aByID[p.ID] = p
	}
	moved := rankMovers(bs, as, bIndex)
	why := newCauser(before, after, bIndex, aByID)

	out := []ProjectChange{}
	unchanged := 0
	for _, a := range as {
		b, ok := bIndex[a.ID]
		if !ok {
			out = append(out, ProjectChange{
				ID: a.ID, Title: a.Title, Kind: KindAdded,
				Effect: effect(nil, a), After: state(a), Changes: []Change{}, Notes: []string{}, Causes: []Cause{},
			})
			continue
		}
		cs := projectChanges(b, a, moved[a.ID])
		if len(cs) == 0 {
			unchanged++
			continue
		}
		causes := why.causes(b, a)
		notes := dependencyNotes(b, a, bIndex, aByID)
		if len(causes) > 0 {
			notes = make([]string, len(causes))
			for i, c := range causes {
				notes[i] = c.Message
			}
		}
		out = append(out, ProjectChange{
			ID: a.ID, Title: a.Title, Kind: KindChanged, Effect: effect(b, a),
			Before: state(b), After: state(a), Changes: cs, Notes: notes, Causes: causes,
		})
	}
	for _, b := range bs {
		if !aIndex[b.ID] {
			out = append(out, ProjectChange{
				ID: b.ID, Title: b.Title, Kind: KindRemoved, Effect: EffectRemove,
				Before: state(b), Changes: []Change{}, Notes: []string{}, Causes: []Cause{},
			})
		}
	}
	return out, unchanged
}

// dependencyNotes explains a later start by a dependency that ends later:
// the project now starts right after it, and it ends later than before.
func dependencyNotes(b, a *evaluate.ProjectPlan, before, after map[string]*evaluate.ProjectPlan) []string {
	notes := []string{}
	// Labels of one period unit sort in time order.
	if a.StartPeriod == nil || a.Start == nil || b.Start == nil ||
		len(*a.Start) != len(*b.Start) || *a.Start <= *b.Start {
		return notes
	}
	for _, id := range a.DependsOn {
		da, db := after[id], before[id]
		if da == nil || db == nil || da.EndPeriod == nil || da.End == nil || db.End == nil {
			continue
		}
		if *da.EndPeriod == *a.StartPeriod && *da.End != *db.End {
			notes = append(notes, fmt.Sprintf("starts after %s, which now ends %s instead of %s", id, *da.End, *db.End))
		}
	}
	return notes
}

// byRank returns pointers to ps ordered by rank, then id.
func byRank(ps []evaluate.ProjectPlan) []*evaluate.ProjectPlan {
	out := make([]*evaluate.ProjectPlan, len(ps))
	for i := range ps {
		out[i] = &ps[i]
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Rank != out[j].Rank {
			return out[i].Rank < out[j].Rank
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// rankMovers finds the projects on both sides whose order relative to the
// others changed: those outside a longest run of projects that kept their
// relative order. A project whose rank number only shifted because others
// were added, removed or moved is not a mover. Among equally long runs, the
// one keeping more otherwise unchanged projects wins (a move is blamed on
// projects listed anyway), then the one keeping the projects ranked higher
// before, so a project promoted past others is the one reported.
func rankMovers(bs, as []*evaluate.ProjectPlan, bIndex map[string]*evaluate.ProjectPlan) map[string]bool {
	bPos := make(map[string]int, len(bs))
	for i, p := range bs {
		bPos[p.ID] = i
	}
	var common []string // in after order
	var seq []int       // their positions before
	var weight []int
	for _, p := range as {
		b, ok := bIndex[p.ID]
		if !ok {
			continue
		}
		common = append(common, p.ID)
		seq = append(seq, bPos[p.ID])
		// Length first: one more project kept outweighs any number of
		// unchanged ones.
		w := len(as) + 1
		if len(projectChanges(b, p, false)) == 0 {
			w++
		}
		weight = append(weight, w)
	}
	n := len(seq)
	total := make([]int, n)
	prev := make([]int, n)
	best := -1
	for i := range n {
		total[i], prev[i] = weight[i], -1
		for j := range i {
			if seq[j] >= seq[i] {
				continue
			}
			if t := total[j] + weight[i]; t > total[i] || (t == total[i] && seq[j] < seq[prev[i]]) {
				total[i], prev[i] = t, j
			}
		}
		if best < 0 || total[i] > total[best] || (total[i] == total[best] && seq[i] < seq[best]) {
			best = i
		}
	}
	kept := make([]bool, n)
	for i := best; i >= 0; i = prev[i] {
		kept[i] = true
	}
	movers := map[string]bool{}
	for i, id := range common {
		if !kept[i] {
			movers[id] = true
		}
	}
	return movers
}

func effect(b, a *evaluate.ProjectPlan) string {
	before := ""
	if b != nil {
		before = b.Status
	}
	switch {
	case a.Status == before && a.Status == evaluate.StatusScheduled:
		if !sameLabel(b.Start, a.Start) || !sameLabel(b.End, a.End) {
			return EffectReschedule
		}
		return EffectNone
	case a.Status == before:
		return EffectNone
	case a.Status == evaluate.StatusScheduled:
		return EffectSchedule
	case a.Status == evaluate.StatusDeferred:
		return EffectDefer
	case a.Status == evaluate.StatusDropped:
		return EffectDrop
	case a.Status == evaluate.StatusDone:
		return EffectFinish
	case a.Status == evaluate.StatusCancelled:
		return EffectCancel
	case a.Status == evaluate.StatusOnHold:
		return EffectHold
	}
	return EffectNone
}

func state(p *evaluate.ProjectPlan) *ProjectState {
	reasons := p.Reasons
	if reasons == nil {
		reasons = []string{}
	}
	st := &ProjectState{
		Rank: p.Rank, Status: p.Status, Gate: p.Gate, Reasons: reasons,
		StartPeriod: p.StartPeriod, EndPeriod: p.EndPeriod, Start: p.Start, End: p.End,
		Cost: p.Cost, NPV: p.NPV, RiskAdjustedNPV: p.RiskAdjustedNPV, Vendor: p.Vendor,
		CPI: cpiOf(p), SPI: spiOf(p),
	}
	if p.Lifecycle != "proposed" {
		st.Lifecycle = p.Lifecycle
	}
	if g := p.Progress; g != nil {
		ac := g.ActualCost
		st.ActualCost, st.PercentComplete, st.ForecastEnd = &ac, g.PercentComplete, g.ForecastEnd
	}
	return st
}

func cpiOf(p *evaluate.ProjectPlan) *float64 {
	if p.EarnedValue == nil {
		return nil
	}
	return p.EarnedValue.CPI
}

func spiOf(p *evaluate.ProjectPlan) *float64 {
	if p.EarnedValue == nil {
		return nil
	}
	return p.EarnedValue.SPI
}

// projectChanges lists what differs between two versions of a project, in a
// fixed order. Periods compare by label, so moving the roadmap's start does
// not move projects that stay put in the calendar.
func projectChanges(b, a *evaluate.ProjectPlan, rankMoved bool) []Change {
	var cs changes
	cs.str("status", b.Status, a.Status)
	cs.str("gate", b.Gate, a.Gate)
	if rankMoved && b.Rank != a.Rank { // "rank: 10 -> 10" says nothing (review qa18 Q18-16b)
		cs.add("rank", b.Rank, a.Rank)
	}
	cs.label("start", b.Start, a.Start)
	cs.label("end", b.End, a.End)
	cs.num("cost", b.Cost, a.Cost)
	cs.num("npv", b.NPV, a.NPV)
	cs.num("risk_adjusted_npv", b.RiskAdjustedNPV, a.RiskAdjustedNPV)
	cs.str("vendor", b.Vendor, a.Vendor)
	if b.Lifecycle != "" && a.Lifecycle != "" {
		cs.str("lifecycle", b.Lifecycle, a.Lifecycle)
	}
	if bg, ag := b.Progress, a.Progress; bg != nil && ag != nil {
		// Work in flight at both status dates: its progress.
		cs.optNum("percent_complete", bg.PercentComplete, ag.PercentComplete)
		cs.num("actual_cost", bg.ActualCost, ag.ActualCost)
		cs.num("estimate_at_completion", bg.EstimateAtCompletion, ag.EstimateAtCompletion)
		cs.num("variance_at_completion", bg.VarianceAtCompletion, ag.VarianceAtCompletion)
		cs.label("forecast_end", bg.ForecastEnd, ag.ForecastEnd)
		cs.int("slip_periods", bg.SlipPeriods, ag.SlipPeriods)
	}
	if b.EarnedValue != nil || a.EarnedValue != nil {
		cs.optNum("cpi", cpiOf(b), cpiOf(a))
		cs.optNum("spi", spiOf(b), spiOf(a))
	}
	// A new reason for the same outcome (dropped by another gate's finding,
	// deferred by another team's capacity) is worth a reviewer's eye.
	if b.Status == a.Status && b.Gate == a.Gate && !slices.Equal(b.Reasons, a.Reasons) {
		cs.add("reasons", nonNil(b.Reasons), nonNil(a.Reasons))
	}
	return cs.list()
}

// diffTeams lists the team cells whose load changed. A period that is
// history on either side (before a status date) is left out: team use
// is not recorded there, so "6 -> 0" would be the plan becoming the
// record, not a change.
func diffTeams(before, after *evaluate.Plan) []TeamLoadChange {
	b, a := teamLoads(before), teamLoads(after)
	for _, p := range [2]*evaluate.Plan{before, after} {
		for _, per := range p.Periods {
			if per.History {
				for id := range per.Teams {
					delete(b, cell{id, per.Label})
					delete(a, cell{id, per.Label})
				}
			}
		}
	}
	return diffCells(b, a,
		func(b, a evaluate.TeamLoad) bool { return sameNum(b.Capacity, a.Capacity) && sameNum(b.Used, a.Used) },
		func(l evaluate.TeamLoad) bool { return l.Used == 0 },
		func(k cell, b, a *evaluate.TeamLoad) TeamLoadChange {
			return TeamLoadChange{Team: k.id, Period: k.period, Before: b, After: a}
		})
}

func diffBudgets(before, after *evaluate.Plan) []BudgetSpendChange {
	return diffCells(budgetSpends(before), budgetSpends(after),
		func(b, a evaluate.BudgetSpend) bool { return sameNum(b.Spent, a.Spent) && sameNum(b.Limit, a.Limit) },
		func(s evaluate.BudgetSpend) bool { return s.Spent == 0 },
		func(k cell, b, a *evaluate.BudgetSpend) BudgetSpendChange {
			return BudgetSpendChange{Budget: k.id, Period: k.period, Before: b, After: a}
		})
}

// diffCells lists, in key order, the cells whose value changed. A cell
// present on one side only and idle there is no news.
func diffCells[V, C any](before, after map[cell]V, same func(b, a V) bool, idle func(V) bool, change func(k cell, b, a *V) C) []C {
	out := []C{}
	for _, k := range unionKeys(before, after) {
		b, bok := before[k]
		a, aok := after[k]
		if bok && aok && same(b, a) {
			continue
		}
		if (!bok && idle(a)) || (!aok && idle(b)) {
			continue
		}
		var bp, ap *V
		if bok {
			bp = &b
		}
		if aok {
			ap = &a
		}
		out = append(out, change(k, bp, ap))
	}
	return out
}

// cell is a (team or budget, period label) pair.
type cell struct{ id, period string }

func teamLoads(p *evaluate.Plan) map[cell]evaluate.TeamLoad {
	m := map[cell]evaluate.TeamLoad{}
	for _, per := range p.Periods {
		for id, l := range per.Teams {
			m[cell{id, per.Label}] = l
		}
	}
	return m
}

func budgetSpends(p *evaluate.Plan) map[cell]evaluate.BudgetSpend {
	m := map[cell]evaluate.BudgetSpend{}
	for _, per := range p.Periods {
		for id, s := range per.Budgets {
			m[cell{id, per.Label}] = s
		}
	}
	return m
}

// unionKeys returns the keys of both maps sorted by id, then period label
// (period labels sort chronologically within one period unit).
func unionKeys[V any](a, b map[cell]V) []cell {
	seen := map[cell]bool{}
	var keys []cell
	for _, m := range []map[cell]V{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].id != keys[j].id {
			return keys[i].id < keys[j].id
		}
		return keys[i].period < keys[j].period
	})
	return keys
}

func diffVendors(before, after *evaluate.Plan) []VendorChange {
	bm := map[string]*evaluate.VendorResult{}
	for i := range before.Vendors {
		bm[before.Vendors[i].Evaluation] = &before.Vendors[i]
	}
	am := map[string]*evaluate.VendorResult{}
	for i := range after.Vendors {
		am[after.Vendors[i].Evaluation] = &after.Vendors[i]
	}
	out := []VendorChange{}
	for _, id := range unionIDs(bm, am) {
		b, a := bm[id], am[id]
		switch {
		case b == nil:
			out = append(out, VendorChange{Evaluation: id, Kind: KindAdded, After: a.Winner})
		case a == nil:
			out = append(out, VendorChange{Evaluation: id, Kind: KindRemoved, Before: b.Winner})
		case !sameLabel(b.Winner, a.Winner):
			out = append(out, VendorChange{Evaluation: id, Kind: KindChanged, Before: b.Winner, After: a.Winner})
		}
	}
	return out
}

func diffChecks(before, after *evaluate.Plan) []CheckChange {
	bm := map[string]*evaluate.CheckResult{}
	for i := range before.Checks {
		bm[before.Checks[i].ID] = &before.Checks[i]
	}
	am := map[string]*evaluate.CheckResult{}
	for i := range after.Checks {
		am[after.Checks[i].ID] = &after.Checks[i]
	}
	out := []CheckChange{}
	for _, id := range unionIDs(bm, am) {
		b, a := bm[id], am[id]
		failedBefore := b != nil && !b.Passed
		failedAfter := a != nil && !a.Passed
		if failedBefore && failedAfter && id == evaluate.BudgetsCheckID && a.Message != b.Message && overrunGrew(b.Message, a.Message) {
			out = append(out, CheckChange{ID: id, Kind: CheckFailsMore, BeforePassed: &b.Passed, AfterPassed: &a.Passed,
				Severity: a.Severity, Message: a.Message, Range: a.Range})
			continue
		}
		if failedBefore == failedAfter {
			continue
		}
		c := CheckChange{ID: id}
		if b != nil {
			c.BeforePassed = &b.Passed
		}
		if a != nil {
			c.AfterPassed = &a.Passed
		}
		if failedAfter {
			c.Kind, c.Severity, c.Message, c.Range = CheckStartsFailing, a.Severity, a.Message, a.Range
		} else {
			c.Kind, c.Severity, c.Message, c.Range = CheckStopsFailing, b.Severity, b.Message, b.Range
			if a != nil {
				c.Severity, c.Range = a.Severity, a.Range
			}
		}
		out = append(out, c)
	}
	return out
}

// overrunGrew reports whether the budget overrun check's message after
// names a window before did not, or a window over by more: its windows
// are "budget ID WINDOW: ... (+AMOUNT over)".
func overrunGrew(before, after string) bool {
	over := func(msg string) map[string]float64 {
		out := map[string]float64{}
		for _, m := range overrunPattern().FindAllStringSubmatch(msg, -1) {
			v, err := strconv.ParseFloat(strings.ReplaceAll(m[2], ",", ""), 64)
			if err == nil {
				out[m[1]] = v
			}
		}
		return out
	}
	b := over(before)
	for w, v := range over(after) {
		if old, ok := b[w]; !ok || v > old {
			return true
		}
	}
	return false
}

var overrunPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`budget (\S+ \S+): [^;]*?\(\+([0-9,.]+) over\)`)
})

func unionIDs[V any](a, b map[string]V) []string {
	var ids []string
	for id := range a {
		ids = append(ids, id)
	}
	for id := range b {
		if _, ok := a[id]; !ok {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// changes collects Change values; its methods add one only when the values
// differ.
type changes []Change

func (cs *changes) add(field string, b, a any) {
	*cs = append(*cs, Change{Field: field, Before: b, After: a})
}

func (cs *changes) str(field, b, a string) {
	if b != a {
		cs.add(field, b, a)
	}
}

func (cs *changes) int(field string, b, a int) {
	if b != a {
		cs.add(field, b, a)
	}
}

func (cs *changes) num(field string, b, a float64) {
	if !sameNum(b, a) {
		cs.add(field, b, a)
	}
}

// optNum compares optional numbers; a missing one is null.
func (cs *changes) optNum(field string, b, a *float64) {
	switch {
	case b == nil && a == nil:
	case b == nil || a == nil:
		cs.add(field, derefNum(b), derefNum(a))
	default:
		cs.num(field, *b, *a)
	}
}

func derefNum(x *float64) any {
	if x == nil {
		return nil
	}
	return *x
}

// label compares optional labels; a missing one is null.
func (cs *changes) label(field string, b, a *string) {
	if !sameLabel(b, a) {
		cs.add(field, deref(b), deref(a))
	}
}

func (cs changes) list() []Change {
	if cs == nil {
		return []Change{}
	}
	return cs
}

func deref(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

func sameLabel(a, b *string) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// sameNum treats numbers equal to within rounding noise: sums taken in
// another order must not show as changes.
func sameNum(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// SummaryLine is the closing line of a diff, in Terraform's manner:
// "Plan: 2 to schedule, 1 to defer, 3 to reschedule, 0 dropped." (with
// ", 1 finished, 1 cancelled, 1 on hold" when a living roadmap has them) or
// "No changes. The roadmap plan is up to date." Projects removed from the
// sources, checks that start or stop failing and systems that gain or lose
// a gap in support are added when there are any.
func (d *PlanDiff) SummaryLine() string {
	if !d.Changed {
		return "No changes. The roadmap plan is up to date."
	}
	s := d.Summary
	var b strings.Builder
	b.WriteString("Plan: ")
	b.WriteString(itoa(s.ToSchedule) + " to schedule, ")
	b.WriteString(itoa(s.ToDefer) + " to defer, ")
	b.WriteString(itoa(s.ToReschedule) + " to reschedule, ")
	b.WriteString(itoa(s.Dropped) + " dropped")
	for _, n := range []struct {
		count int
		what  string
	}{{s.Finished, "finished"}, {s.Cancelled, "cancelled"}, {s.OnHold, "on hold"}} {
		if n.count > 0 {
			b.WriteString(", " + itoa(n.count) + " " + n.what)
		}
	}
	if s.Removed > 0 {
		b.WriteString(", " + itoa(s.Removed) + " removed")
	}
	inPlace := 0
	for _, p := range d.Projects {
		if p.Kind == KindChanged && p.Effect == EffectNone {
			inPlace++
		}
	}
	if inPlace > 0 {
		b.WriteString(", " + itoa(inPlace) + " changed")
	}
	b.WriteString(".")
	var extra []string
	if s.ChecksFailing > 0 {
		extra = append(extra, plural(s.ChecksFailing, "check starts", "checks start")+" failing")
	}
	if s.ChecksFixed > 0 {
		extra = append(extra, plural(s.ChecksFixed, "check stops", "checks stop")+" failing")
	}
	if s.GapsOpened > 0 {
		extra = append(extra, plural(s.GapsOpened, "system gains a support gap", "systems gain a support gap"))
	}
	if s.GapsClosed > 0 {
		extra = append(extra, plural(s.GapsClosed, "system loses its support gap", "systems lose their support gap"))
	}
	if len(extra) > 0 {
		b.WriteString(" " + strings.Join(extra, ", ") + ".")
	}
	if len(d.Projects) == 0 && len(d.Checks) == 0 {
		// Say what did change, so the line never reads like "nothing".
		var areas []string
		for _, a := range []struct {
			n    int
			name string
		}{
			{len(d.Roadmap), "roadmap settings"}, {len(d.Teams), "team load"},
			{len(d.Budgets), "budget spend"}, {len(d.Vendors), "vendor winners"},
			{len(d.Systems), "systems"}, {len(d.Choices), "choices"},
			{len(d.Totals.Changes), "totals"},
			{len(d.RunRate.Changes) + len(d.RunRate.Years), "run rate"},
		} {
			if a.n > 0 {
				areas = append(areas, a.name)
			}
		}
		b.WriteString(" No project changes; " + joinAnd(areas) + " changed.")
	}
	return b.String()
}

// joinAnd joins words as in English: "a", "a and b", "a, b and c".
func joinAnd(words []string) string {
	switch len(words) {
	case 0:
		return "nothing"
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}

func itoa(n int) string { return strconv.Itoa(n) }
