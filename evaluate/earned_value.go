package evaluate

import (
	"fmt"
	"math"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate/earned"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// Earned value against a baseline (plan --baseline FILE): the plan saved
// earlier is the performance measurement baseline; this plan's status
// date and actuals say how much of it has been performed. See
// docs/evaluation.md, "Earned value", and evaluate/earned for the
// arithmetic.

// Baseline is a saved plan to measure earned value against, and where
// it came from (for messages and the plan's echo).
type Baseline struct {
	Plan   *Plan
	Source string // the file it was read from
}

// Baseline status of a project (EarnedValue.Baseline).
const (
	BaselinePlanned     = "planned"     // scheduled in the baseline as it is declared now
	BaselineReplanned   = "replanned"   // scheduled in the baseline, declared differently now
	BaselineAdded       = "added"       // not in the baseline
	BaselineUnscheduled = "unscheduled" // in the baseline, not scheduled there
)

// EarnedValue is a project's earned value at the status date against
// the baseline. A figure that cannot be computed is null, and Reasons
// (keyed by the figure's name) says why.
type EarnedValue struct {
	// Baseline is planned, replanned, added or unscheduled; Message says
	// it in words.
	Baseline string `json:"baseline"`
	Message  string `json:"message"`
	// Counted is true when the project's figures are in the portfolio's.
	Counted bool `json:"counted"`
	// PlannedStart and PlannedEnd are the baseline's first and last
	// periods of the project; null when it did not schedule it.
	PlannedStart *string `json:"planned_start"`
	PlannedEnd   *string `json:"planned_end"`
	// PercentComplete is the share of the work performed: 1 when done, 0
	// when not started, progress.percent_complete otherwise.
	PercentComplete *float64 `json:"percent_complete"`
	BAC             *float64 `json:"bac"`
	PV              *float64 `json:"pv"`
	EV              *float64 `json:"ev"`
	AC              float64  `json:"ac"`
	CV              *float64 `json:"cv"`
	SV              *float64 `json:"sv"`
	CPI             *float64 `json:"cpi"`
	SPI             *float64 `json:"spi"`
	EAC             *float64 `json:"eac"`
	VAC             *float64 `json:"vac"`
	// ForecastEnd is the last period forecast from the schedule
	// performance: from its start (started, else the baseline's), the
	// baseline's duration / SPI; the finished period when done.
	ForecastEnd *string           `json:"forecast_end"`
	Reasons     map[string]string `json:"reasons"`
}

// EarnedValuePlan is the portfolio's earned value: the sums over the
// counted projects, the indices of the sums, and the cumulative planned
// value and actual cost per period (the S-curve).
type EarnedValuePlan struct {
	Baseline BaselineInfo `json:"baseline"`
	// StatusDate is the status date's label and StatusPeriod its index:
	// the figures are of the work to the start of that period.
	StatusDate   string   `json:"status_date"`
	StatusPeriod int      `json:"status_period"`
	BAC          float64  `json:"bac"`
	PV           float64  `json:"pv"`
	EV           float64  `json:"ev"`
	AC           float64  `json:"ac"`
	CV           float64  `json:"cv"`
	SV           float64  `json:"sv"`
	CPI          *float64 `json:"cpi"`
	SPI          *float64 `json:"spi"`
	EAC          *float64 `json:"eac"`
	VAC          *float64 `json:"vac"`
	// PlannedEnd is the last period of the counted projects in the
	// baseline; ForecastEnd that period forecast from the portfolio's
	// SPI over the baseline's span (first planned start to PlannedEnd).
	PlannedEnd  *string           `json:"planned_end"`
	ForecastEnd *string           `json:"forecast_end"`
	Reasons     map[string]string `json:"reasons"`
	// Counted and NotCounted are the plan's projects, by rank, whose
	// figures are in the sums and the others (each says why in its
	// earned_value.message or reasons).
	Counted    []string `json:"counted"`
	NotCounted []string `json:"not_counted"`
	// Removed are the baseline's scheduled projects no longer in the
	// roadmap: their planned value is in none of the figures.
	Removed []RemovedProject    `json:"removed"`
	Periods []EarnedValuePeriod `json:"periods"`
}

// BaselineInfo says which plan the baseline is.
type BaselineInfo struct {
	Source         string  `json:"source"`
	Name           string  `json:"name"`
	AsOf           *string `json:"as_of"`
	RoadmapVersion string  `json:"roadmap_version"`
}

// RemovedProject is a project the baseline scheduled that the roadmap no
// longer has.
type RemovedProject struct {
	ID    string  `json:"id"`
	Title string  `json:"title"`
	BAC   float64 `json:"bac"`
	PV    float64 `json:"pv"` // planned by the status date
}

// EarnedValuePeriod is one period of the portfolio's S-curve: planned
// value to its end, and actual cost to its end for the periods before
// the status date (null from it on: not yet spent).
type EarnedValuePeriod struct {
	Index   int      `json:"index"`
	Label   string   `json:"label"`
	PV      float64  `json:"pv"`
	AC      *float64 `json:"ac"`
	History bool     `json:"history"`
}

// earnedValue measures plan against the baseline b: each project's
// earned_value and the plan's. Errors are returned as diagnostics and
// leave the plan without earned value.
func (e *evaluation) earnedValue(plan *Plan, b *Baseline) hcl.Diagnostics {
	if d := e.checkBaseline(plan, b); d.HasErrors() {
		return d
	}
	bl := b.Plan
	a := e.asOf()
	byID := map[string]*ProjectPlan{}
	for k := range bl.Projects {
		byID[bl.Projects[k].ID] = &bl.Projects[k]
	}
	n := e.horizon
	pvCurve := make([]float64, n)
	acCurve := make([]float64, n)
	port := &EarnedValuePlan{
		Baseline:     BaselineInfo{Source: b.Source, Name: bl.Roadmap.Name, AsOf: bl.Roadmap.AsOf, RoadmapVersion: bl.RoadmapVersion},
		StatusDate:   e.roadmap.AsOf,
		StatusPeriod: a,
		Counted:      []string{},
		NotCounted:   []string{},
		Removed:      []RemovedProject{},
		Reasons:      map[string]string{},
	}
	var bac, pv, ev, ac float64
	spanStart, spanEnd := -1, -1
	inPlan := map[string]bool{}
	for k := range plan.Projects {
		pp := &plan.Projects[k]
		inPlan[pp.ID] = true
		pe := e.projectByID(pp.ID)
		if pe == nil {
			continue
		}
		bp := byID[pp.ID]
		ev1, curve, bStart, bEnd := e.projectEarnedValue(pe, bp, bl)
		pp.EarnedValue = ev1
		if !ev1.Counted {
			port.NotCounted = append(port.NotCounted, pp.ID)
			continue
		}
		port.Counted = append(port.Counted, pp.ID)
		bac += *ev1.BAC
		pv += *ev1.PV
		ev += *ev1.EV
		ac += ev1.AC
		for t, x := range curve {
			pvCurve[min(max(t, 0), n-1)] += x
		}
		if start, end, ok := e.ranBefore(pe); ok && pe.actualCost() > 0 {
			per := pe.actualCost() / float64(end-start)
			for t := start; t < end; t++ {
				acCurve[min(max(t, 0), n-1)] += per
			}
		}
		if spanStart < 0 || bStart < spanStart {
			spanStart = bStart
		}
		spanEnd = max(spanEnd, bEnd)
	}
	for _, bp := range bl.Projects {
		if inPlan[bp.ID] {
			continue
		}
		curve, _, _, ok := e.baselineCurve(&bp, bl)
		if !ok {
			continue
		}
		port.Removed = append(port.Removed, RemovedProject{ID: bp.ID, Title: bp.Title, BAC: money(sum(curve)), PV: money(sumBefore(curve, a))})
	}
	port.BAC, port.PV, port.EV, port.AC = money(bac), money(pv), money(ev), money(ac)
	port.CV, port.SV = money(port.EV-port.AC), money(port.EV-port.PV)
	f := earned.Compute(earned.Inputs{PV: &port.PV, EV: &port.EV, AC: port.AC, BAC: port.BAC})
	port.CPI, port.SPI, port.EAC, port.VAC = ratioPtr(f.CPI), ratioPtr(f.SPI), moneyPtr(f.EAC), moneyPtr(f.VAC)
	for _, k := range []string{earned.CPI, earned.SPI, earned.EAC, earned.VAC} {
		if r, ok := f.Reasons[k]; ok {
			port.Reasons[k] = r
		}
	}
	if len(port.Counted) == 0 {
		port.Reasons[earned.PV] = "no project of the plan was scheduled in the baseline and can be measured against it"
	}
	if spanEnd > 0 {
		l := e.label(spanEnd - 1)
		port.PlannedEnd = &l
		if port.SPI == nil {
			port.Reasons[earned.ForecastEnd] = f.Reasons[earned.SPI]
		} else if m, why, ok := earned.ForecastPeriods(spanEnd-spanStart, *port.SPI); ok {
			l := e.label(spanStart + m - 1)
			port.ForecastEnd = &l
		} else {
			port.Reasons[earned.ForecastEnd] = why
		}
	}
	cumPV, cumAC := 0.0, 0.0
	for t := range n {
		cumPV += pvCurve[t]
		p := EarnedValuePeriod{Index: t, Label: e.label(t), PV: money(cumPV), History: t < a}
		if t < a {
			cumAC += acCurve[t]
			x := money(cumAC)
			p.AC = &x
		}
		port.Periods = append(port.Periods, p)
	}
	plan.EarnedValue = port
	return nil
}

// checkBaseline refuses a baseline earned value cannot be measured
// against: no status date, another roadmap, another period grid, a later
// status date, a stakeholder view.
func (e *evaluation) checkBaseline(plan *Plan, b *Baseline) hcl.Diagnostics {
	bl := b.Plan
	subject := e.roadmap.DeclRange.Ptr()
	fail := func(summary, detail string) hcl.Diagnostics {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: subject}}
	}
	if e.asOf() < 0 {
		return fail("Earned value needs a status date",
			fmt.Sprintf("--baseline %s measures the work performed by the status date: set roadmap { as_of = \"...\" } or pass --as-of.", b.Source))
	}
	if r := e.roadmap.Ranges.Range("as_of", hcl.Range{}); r.Filename != "" {
		subject = &r
	}
	if bl.Roadmap.Name != plan.Roadmap.Name {
		return fail("Baseline of another roadmap",
			fmt.Sprintf("%s is a plan of roadmap %q; this roadmap is %q. Save a baseline of this roadmap with roadmap plan --out, or check the roadmap's name.", b.Source, bl.Roadmap.Name, plan.Roadmap.Name))
	}
	if bl.Roadmap.Start != plan.Roadmap.Start || bl.Roadmap.Period != plan.Roadmap.Period {
		return fail("Baseline on another period grid",
			fmt.Sprintf("%s plans %s periods from %s; this roadmap plans %s periods from %s. Planned value per period needs the same start and period: re-save the baseline on this grid.",
				b.Source, bl.Roadmap.Period, bl.Roadmap.Start, plan.Roadmap.Period, plan.Roadmap.Start))
	}
	if bl.Roadmap.AsOfPeriod != nil && *bl.Roadmap.AsOfPeriod > e.asOf() {
		return fail("Baseline after the status date",
			fmt.Sprintf("%s was saved at the status date %s, after this plan's %s: a baseline is the plan of record the work is measured against, so it comes first.",
				b.Source, *bl.Roadmap.AsOf, e.roadmap.AsOf))
	}
	if bl.View != nil {
		return fail("Baseline is a stakeholder view",
			fmt.Sprintf("%s was saved from a plan narrowed to some stakeholders (--department, --goal, --team): save the whole plan as the baseline.", b.Source))
	}
	return nil
}

// projectEarnedValue is pe's earned value against its baseline entry bp
// (nil when the baseline has none), with its planned spend per period
// and its baseline span (start, exclusive end).
func (e *evaluation) projectEarnedValue(pe *projectEval, bp *ProjectPlan, bl *Plan) (*EarnedValue, []float64, int, int) {
	a := e.asOf()
	decl := pe.life.declared
	ev := &EarnedValue{AC: money(pe.actualCost()), Reasons: map[string]string{}}
	switch pe.life.lifecycle {
	case hclspec.Done:
		one := 1.0
		ev.PercentComplete = &one
	case hclspec.Proposed, hclspec.Committed:
		zero := 0.0
		ev.PercentComplete = &zero
	default:
		if pr := decl.Progress; pr != nil && pr.PercentComplete != nil {
			pc := ratio(*pr.PercentComplete)
			ev.PercentComplete = &pc
		}
	}
	var curve []float64
	bStart, bEnd := 0, 0
	unknown := func(why string) {
		ev.Reasons[earned.PV], ev.Reasons[earned.EV] = why, why
	}
	switch {
	case bp == nil:
		ev.Baseline = BaselineAdded
		ev.Message = "not in the baseline (added since): nothing to measure it against"
		unknown("not in the baseline")
	default:
		var ok bool
		curve, bStart, bEnd, ok = e.baselineCurve(bp, bl)
		if !ok {
			ev.Baseline = BaselineUnscheduled
			ev.Message = fmt.Sprintf("in the baseline but not scheduled there (%s): no budget to earn against", bp.Status)
			unknown("not scheduled in the baseline")
			break
		}
		ev.Baseline = BaselinePlanned
		ev.Message = "as in the baseline"
		if why := e.replanned(pe, bp, curve); why != "" {
			ev.Baseline = BaselineReplanned
			ev.Message = "re-planned since the baseline (" + why + "): measured against the baseline's budget and schedule"
		}
		s, l := e.label(bStart), e.label(bEnd-1)
		ev.PlannedStart, ev.PlannedEnd = &s, &l
		bac, pv := money(sum(curve)), money(sumBefore(curve, a))
		ev.BAC, ev.PV = &bac, &pv
		if ev.PercentComplete != nil {
			x := money(*ev.PercentComplete * bac)
			ev.EV = &x
		} else {
			ev.Reasons[earned.EV] = "no progress.percent_complete: the work performed is not known"
		}
	}
	f := earned.Compute(earned.Inputs{PV: ev.PV, EV: ev.EV, AC: ev.AC, BAC: derefOr(ev.BAC, 0), Reasons: ev.Reasons})
	ev.CV, ev.SV, ev.EAC, ev.VAC = moneyPtr(f.CV), moneyPtr(f.SV), moneyPtr(f.EAC), moneyPtr(f.VAC)
	ev.CPI, ev.SPI = ratioPtr(f.CPI), ratioPtr(f.SPI)
	ev.Reasons = f.Reasons
	switch {
	case pe.life.lifecycle == hclspec.Done && decl.HasFinished:
		l := e.label(decl.Finished)
		ev.ForecastEnd = &l
	case ev.SPI == nil:
		ev.Reasons[earned.ForecastEnd] = f.Reasons[earned.SPI]
	default:
		start := bStart
		if decl.HasStarted {
			start = decl.Started
		}
		if m, why, ok := earned.ForecastPeriods(bEnd-bStart, *ev.SPI); ok {
			l := e.label(start + m - 1)
			ev.ForecastEnd = &l
		} else {
			ev.Reasons[earned.ForecastEnd] = why
		}
	}
	if ev.Reasons[earned.ForecastEnd] == "" {
		delete(ev.Reasons, earned.ForecastEnd)
	}
	ev.Counted = ev.PV != nil && ev.EV != nil
	if pe.life.lifecycle == hclspec.Cancelled {
		ev.Counted = false
		ev.Message += "; cancelled: its unperformed budget left the plan and its actual cost is sunk, so the portfolio's figures leave it out"
	}
	return ev, curve, bStart, bEnd
}

// replanned says how pe's declared estimate differs from the one the
// baseline planned it at ("" when it does not): its build cost (budget
// at completion) or its duration.
func (e *evaluation) replanned(pe *projectEval, bp *ProjectPlan, curve []float64) string {
	decl := pe.life.declared
	var was float64
	wasDuration := -1
	switch {
	case bp.Progress != nil:
		// In progress or done at the baseline: its declared estimate then.
		was = bp.Progress.BudgetAtCompletion
		if bp.Started != nil && bp.Progress.PlannedEnd != nil {
			s, err1 := e.cal.FirstPeriod(*bp.Started)
			f, err2 := e.cal.FirstPeriod(*bp.Progress.PlannedEnd)
			if err1 == nil && err2 == nil {
				wasDuration = f - s + 1
			}
		}
	default:
		was = money(sum(curve))
		wasDuration = bp.Duration
	}
	now := money(e.originalBuildCost(pe))
	var why []string
	if math.Abs(now-was) >= 0.01 {
		why = append(why, fmt.Sprintf("build cost %s -> %s", formatMoney(was, e.currency), formatMoney(now, e.currency)))
	}
	if d := max(decl.Duration, 1); wasDuration > 0 && d != wasDuration {
		why = append(why, fmt.Sprintf("duration %d -> %d periods", wasDuration, d))
	}
	return strings.Join(why, ", ")
}

// baselineCurve is bp's planned build spend per period in the baseline
// bl (indexes may fall before 0), its span (start, exclusive end), and
// false when the baseline did not plan it: neither scheduled nor done.
//   - scheduled: its build outflows from its start (cash_flows of the
//     build periods, negated);
//   - in progress at the baseline's status date: its spend to date there,
//     spread evenly from started, then its remaining build outflows;
//   - done at the baseline's status date: its spend, spread evenly from
//     started to finished.
func (e *evaluation) baselineCurve(bp *ProjectPlan, bl *Plan) (curve []float64, start, end int, ok bool) {
	add := func(t int, x float64) {
		for len(curve) <= max(t-start, 0) {
			curve = append(curve, 0)
		}
		curve[max(t-start, 0)] += x
	}
	period := func(label *string, fallback int) int {
		if label == nil {
			return fallback
		}
		i, err := e.cal.FirstPeriod(*label)
		if err != nil {
			return fallback
		}
		return i
	}
	switch {
	case bp.Status == StatusDone && bp.Progress != nil:
		start = period(bp.Started, 0)
		end = max(period(bp.Finished, start)+1, start+1)
		for t := start; t < end; t++ {
			add(t, bp.Progress.ActualCost/float64(end-start))
		}
	case bp.Status == StatusScheduled && bp.StartPeriod != nil && bp.EndPeriod != nil:
		start, end = *bp.StartPeriod, *bp.EndPeriod
		from, build := start, bp.Duration
		if bp.Progress != nil && bl.Roadmap.AsOfPeriod != nil && bp.Lifecycle == string(hclspec.InProgress) {
			// Work in flight at the baseline's status date.
			asOf := *bl.Roadmap.AsOfPeriod
			start = period(bp.Started, start)
			ran := max(asOf-start, 1)
			for t := start; t < start+ran; t++ {
				add(t, bp.Progress.ActualCost/float64(ran))
			}
			from, build = asOf, bp.Progress.RemainingDuration
		}
		for k := 0; k < build && k < len(bp.CashFlows); k++ {
			add(from+k, -bp.CashFlows[k])
		}
	default:
		return nil, 0, 0, false
	}
	// The curve is indexed from start; rebase it onto period indexes.
	out := make([]float64, 0, len(curve))
	out = append(out, curve...)
	return shiftCurve(out, start), start, end, true
}

// shiftCurve returns curve (indexed from start) as a slice indexed by
// period, where a start before period 0 folds the earlier spend into
// period 0.
func shiftCurve(curve []float64, start int) []float64 {
	if start >= 0 {
		return append(make([]float64, start), curve...)
	}
	out := make([]float64, max(len(curve)+start, 1))
	for k, x := range curve {
		out[max(k+start, 0)] += x
	}
	return out
}

// sumBefore sums curve over the periods before t.
func sumBefore(curve []float64, t int) float64 {
	s := 0.0
	for k := 0; k < t && k < len(curve); k++ {
		s += curve[k]
	}
	return s
}

func derefOr(x *float64, d float64) float64 {
	if x == nil {
		return d
	}
	return *x
}
