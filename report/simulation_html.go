package report

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate/simulate"
)

// renderSimulationHTML writes the simulation as one self-contained HTML
// page, as the plan's: inline CSS and SVG, no scripts and nothing fetched.
// Charts: the portfolio's finish S-curve, the NPV histogram, each
// project's finish range (P10..P90 with P50, the plan and the deadline),
// a small S-curve per project, and the two tornados.
func renderSimulationHTML(w io.Writer, r *simulate.Result, _ Options) error {
	page := buildSimPage(r)
	t, err := template.New("sim").Parse(simHTMLTemplate)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, page); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// svgChart is one SVG figure, every coordinate already formatted.
type svgChart struct {
	ID, Width, Height, Title, Desc string
	Rects                          []svgRect
	Lines                          []svgLine
	Texts                          []svgText
	Paths                          []svgPath
	Empty                          bool
}

type svgPath struct {
	D, Class, Title string
}

type simPage struct {
	Title, Name, Sub string
	Facts            []htmlFact
	Cards            []htmlFact
	Curve, Histogram svgChart
	Ranges           svgChart
	Projects         []simHTMLProject
	Portfolio        []string // NPV row of the portfolio
	Budgets          []simHTMLWindow
	Teams            []simHTMLTeam
	Finish, NPV      svgChart // tornados
	FinishRows       []simHTMLDriver
	NPVRows          []simHTMLDriver
	Checks           []htmlCheck
	Notes            struct{ Percentile, Committed, Tornado string }
	Currency         string
}

type simHTMLProject struct {
	Rank                                         int
	ID, Title, Plan, Status, Scheduled, StartP50 string
	EndP10, EndP50, EndP80, EndP90, Deadline     string
	Meets, MeetsClass, ScheduledClass            string
	NPV                                          []string // plan, P10, P50, P90, plan risk-adj., P10, P50, P90
	Mandatory                                    bool
	Curve                                        svgChart
}

type simHTMLWindow struct {
	ID, Window, Limit, Plan, P50, P90, Chance, Class string
}

type simHTMLTeam struct {
	ID, Title, Plan, P50, P90, Chance, Class string
}

type simHTMLDriver struct {
	Name, Range, Correlation string
}

func buildSimPage(r *simulate.Result) simPage {
	name := r.Roadmap.Name
	if name == "" {
		name = "(unnamed roadmap)"
	}
	cur := r.Roadmap.Currency
	pf := r.Portfolio
	page := simPage{
		Title:    "Simulation: " + name,
		Name:     name,
		Sub:      fmt.Sprintf("Monte Carlo simulation: %s runs, seed %d. Amounts in %s.", formatAmount(float64(r.Simulation.Runs)), r.Simulation.Seed, cur),
		Currency: cur,
	}
	for _, row := range simSummary(r) {
		page.Facts = append(page.Facts, htmlFact{Label: row[0], Value: row[1]})
	}
	page.Cards = []htmlFact{
		{Label: "Finish, plan", Value: simLabel(pf.Plan.Finish)},
		{Label: "Finish, P50", Value: simLabel(pf.P50Finish)},
		{Label: "Finish, P80", Value: simLabel(pf.P80Finish)},
		{Label: "NPV, plan", Value: formatCompact(pf.Plan.NPV)},
		{Label: "NPV, P10", Value: formatCompact(pf.NPV.P10)},
		{Label: "NPV, P50", Value: formatCompact(pf.NPV.P50)},
		{Label: "NPV, P90", Value: formatCompact(pf.NPV.P90)},
	}
	page.Notes.Percentile = simPercentileNote
	page.Notes.Committed = simCommittedNote
	page.Notes.Tornado = simTornadoNote
	page.Curve = finishCurveChart(r)
	page.Histogram = npvHistogramChart(r)
	page.Ranges = finishRangeChart(r)
	for _, p := range r.Projects {
		hp := simHTMLProject{
			Rank: p.Rank, ID: p.ID, Title: p.Title, Plan: planWhen(p.Plan), Status: p.Plan.Status,
			Scheduled: chance(p.ChanceScheduled), ScheduledClass: chanceClass(p.ChanceScheduled),
			StartP50: simLabel(p.P50Start),
			EndP10:   simLabel(p.P10End), EndP50: simLabel(p.P50End), EndP80: simLabel(p.P80End), EndP90: simLabel(p.P90End),
			Mandatory: p.Mandatory,
			NPV: []string{formatAmount(p.Plan.NPV), formatAmount(p.P10NPV), formatAmount(p.P50NPV), formatAmount(p.P90NPV),
				formatAmount(p.Plan.RiskAdjustedNPV), formatAmount(p.P10RiskAdjustedNPV), formatAmount(p.P50RiskAdjustedNPV), formatAmount(p.P90RiskAdjustedNPV)},
			Curve: sparkline(p.ID, p.FinishCurve),
		}
		if p.Deadline != nil {
			hp.Deadline = *p.Deadline
		}
		if p.ChanceMeetsDeadline != nil {
			hp.Meets, hp.MeetsClass = chance(*p.ChanceMeetsDeadline), chanceClass(*p.ChanceMeetsDeadline)
		}
		page.Projects = append(page.Projects, hp)
	}
	page.Portfolio = []string{formatAmount(pf.Plan.NPV), formatAmount(pf.NPV.P10), formatAmount(pf.NPV.P50), formatAmount(pf.NPV.P90),
		formatAmount(pf.Plan.RiskAdjustedNPV), formatAmount(pf.RiskAdjustedNPV.P10), formatAmount(pf.RiskAdjustedNPV.P50), formatAmount(pf.RiskAdjustedNPV.P90)}
	for _, b := range r.Budgets {
		for i, win := range b.Windows {
			id := ""
			if i == 0 {
				id = b.ID
			}
			page.Budgets = append(page.Budgets, simHTMLWindow{ID: id, Window: win.Window, Limit: formatAmount(win.Limit),
				Plan: formatAmount(win.PlanSpent), P50: formatAmount(win.P50Spent), P90: formatAmount(win.P90Spent),
				Chance: chance(win.ChanceOverrun), Class: riskClass(win.ChanceOverrun)})
		}
	}
	for _, tm := range r.Teams {
		page.Teams = append(page.Teams, simHTMLTeam{ID: tm.ID, Title: tm.Title, Plan: formatPercent(tm.PlanPeakUtilization),
			P50: formatPercent(tm.P50PeakUtilization), P90: formatPercent(tm.P90PeakUtilization),
			Chance: chance(tm.ChanceOverloaded), Class: riskClass(tm.ChanceOverloaded)})
	}
	finish := func(e simulate.EstimateResult) float64 { return e.FinishCorrelation }
	npv := func(e simulate.EstimateResult) float64 { return e.NPVCorrelation }
	page.Finish, page.FinishRows = tornadoChart("tornado-finish", "What drives the finish", drivers(r, finish, tornadoRows), finish)
	page.NPV, page.NPVRows = tornadoChart("tornado-npv", "What drives the NPV", drivers(r, npv, tornadoRows), npv)
	for _, c := range r.Checks {
		hc := htmlCheck{ID: c.ID, Severity: c.Severity, Result: checkResult(c), Message: c.Message, Class: "pass"}
		if !c.Passed {
			hc.Class = "fail-" + c.Severity
		}
		page.Checks = append(page.Checks, hc)
	}
	return page
}

// chanceClass marks a chance of something good: low below 50%, mid below
// 80%.
func chanceClass(x float64) string {
	switch {
	case x < 0.5:
		return "bad"
	case x < 0.8:
		return "warn"
	}
	return ""
}

// riskClass marks a chance of something bad.
func riskClass(x float64) string {
	switch {
	case x >= 0.5:
		return "bad"
	case x >= 0.2:
		return "warn"
	}
	return ""
}

const (
	simChartW   = 760.0
	simChartH   = 260.0
	simMarginL  = 56.0
	simMarginR  = 20.0
	simMarginT  = 16.0
	simMarginB  = 44.0
	simRowH     = 22.0
	simLabelW   = 200.0
	sparkW      = 120.0
	sparkH      = 22.0
	tornadoBarW = 220.0
)

// periodAxis places period ends on x: the end of period t (t = 0..n-1) at
// x(t + 1), the roadmap's start at x(0).
type periodAxis struct {
	left, width float64
	n           int
}

func (a periodAxis) x(t float64) float64 { return a.left + a.width*t/float64(a.n) }

// periodTicks labels the axis with every step-th period, centred on it.
func periodTicks(c *svgChart, a periodAxis, labels []string, y float64) {
	step := max(1, int(math.Ceil(float64(len(labels))*60/a.width)))
	for t, l := range labels {
		if t%step != 0 {
			continue
		}
		c.Texts = append(c.Texts, svgText{X: px(a.x(float64(t) + 0.5)), Y: px(y), Anchor: "middle", Class: "axis", Text: l})
	}
}

// finishCurveChart is the chance that every scheduled project has finished
// by the end of each period, with the plan's finish and the P50 and P80.
func finishCurveChart(r *simulate.Result) svgChart {
	pf := r.Portfolio
	n := len(r.Periods)
	c := svgChart{ID: "curve", Width: px(simChartW), Height: px(simChartH), Title: "Chance the portfolio has finished, by period",
		Desc: fmt.Sprintf("S-curve over %d runs: plan finishes %s, P50 %s, P80 %s.", r.Simulation.Runs, simLabel(pf.Plan.Finish), simLabel(pf.P50Finish), simLabel(pf.P80Finish))}
	if n == 0 {
		c.Empty = true
		return c
	}
	plotH := simChartH - simMarginT - simMarginB
	a := periodAxis{left: simMarginL, width: simChartW - simMarginL - simMarginR, n: n}
	y := func(p float64) float64 { return simMarginT + plotH*(1-p) }
	percentAxis(&c, y, a.left, a.left+a.width)
	periodTicks(&c, a, r.Periods, simChartH-simMarginB+16)
	c.Texts = append(c.Texts, svgText{X: px(a.left + a.width/2), Y: px(simChartH - 6), Anchor: "middle", Class: "axis-title", Text: "Finished by the end of"})
	// A step curve: the chance holds through each period and rises at its end.
	var d strings.Builder
	fmt.Fprintf(&d, "M%s %s", px(a.x(0)), px(y(0)))
	for t := range n {
		fmt.Fprintf(&d, "H%s V%s", px(a.x(float64(t+1))), px(y(pf.FinishCurve[t])))
	}
	c.Paths = append(c.Paths, svgPath{D: d.String(), Class: "curve", Title: "Chance finished"})
	marker := func(period int, class, label string) {
		if period <= 0 {
			return
		}
		x := px(a.x(float64(period)))
		c.Lines = append(c.Lines, svgLine{X1: x, Y1: px(y(1)), X2: x, Y2: px(y(0)), Class: class})
		c.Texts = append(c.Texts, svgText{X: x, Y: px(simMarginT - 4), Anchor: "middle", Class: "note", Text: label})
	}
	marker(pf.P50FinishPeriod, "p50", "P50")
	marker(pf.P80FinishPeriod, "p80", "P80")
	marker(pf.Plan.FinishPeriod, "plan", "plan")
	return c
}

// percentAxis draws 0..100% on y with grid lines from x0 to x1.
func percentAxis(c *svgChart, y func(float64) float64, x0, x1 float64) {
	for _, p := range []float64{0, 0.25, 0.5, 0.75, 1} {
		c.Lines = append(c.Lines, svgLine{X1: px(x0), Y1: px(y(p)), X2: px(x1), Y2: px(y(p)), Class: "grid"})
		c.Texts = append(c.Texts, svgText{X: px(x0 - 6), Y: px(y(p) + 4), Anchor: "end", Class: "axis", Text: fmt.Sprintf("%.0f%%", 100*p)})
	}
}

// npvHistogramChart draws the portfolio NPV's histogram with the plan,
// P10, P50 and P90 marked.
func npvHistogramChart(r *simulate.Result) svgChart {
	pf := r.Portfolio
	bins := pf.NPVHistogram
	c := svgChart{ID: "histogram", Width: px(simChartW), Height: px(simChartH), Title: "Portfolio NPV across the runs",
		Desc: fmt.Sprintf("Histogram of %d runs: P10 %s, P50 %s, P90 %s, plan %s.", r.Simulation.Runs,
			formatMoney(pf.NPV.P10, r.Roadmap.Currency), formatMoney(pf.NPV.P50, r.Roadmap.Currency), formatMoney(pf.NPV.P90, r.Roadmap.Currency), formatMoney(pf.Plan.NPV, r.Roadmap.Currency))}
	if len(bins) == 0 {
		c.Empty = true
		return c
	}
	lo, hi := math.Min(bins[0].From, pf.Plan.NPV), math.Max(bins[len(bins)-1].To, pf.Plan.NPV)
	if !(hi > lo) {
		lo, hi = lo-1, hi+1
	}
	most := 0.0
	for _, b := range bins {
		most = math.Max(most, b.Chance)
	}
	plotW, plotH := simChartW-simMarginL-simMarginR, simChartH-simMarginT-simMarginB
	x := func(v float64) float64 { return simMarginL + plotW*(v-lo)/(hi-lo) }
	y := func(p float64) float64 { return simMarginT + plotH*(1-p/most) }
	for _, f := range []float64{0, 0.5, 1} {
		v := f * most
		c.Lines = append(c.Lines, svgLine{X1: px(simMarginL), Y1: px(y(v)), X2: px(simMarginL + plotW), Y2: px(y(v)), Class: "grid"})
		c.Texts = append(c.Texts, svgText{X: px(simMarginL - 6), Y: px(y(v) + 4), Anchor: "end", Class: "axis", Text: formatPercent(v)})
	}
	for _, b := range bins {
		x0, x1 := x(b.From), x(b.To)
		c.Rects = append(c.Rects, svgRect{X: px(x0), Y: px(y(b.Chance)), W: px(math.Max(1, x1-x0-1)), H: px(y(0) - y(b.Chance)), Class: "hist",
			Title: fmt.Sprintf("%s to %s: %s of the runs", formatAmount(b.From), formatAmount(b.To), chance(b.Chance))})
	}
	for _, v := range []float64{lo, (lo + hi) / 2, hi} {
		c.Texts = append(c.Texts, svgText{X: px(x(v)), Y: px(simChartH - simMarginB + 16), Anchor: "middle", Class: "axis", Text: formatCompact(v)})
	}
	c.Texts = append(c.Texts, svgText{X: px(simMarginL + plotW/2), Y: px(simChartH - 6), Anchor: "middle", Class: "axis-title", Text: "NPV (" + r.Roadmap.Currency + ")"})
	for _, m := range []struct {
		v            float64
		class, label string
	}{{pf.NPV.P10, "p80", "P10"}, {pf.NPV.P50, "p50", "P50"}, {pf.NPV.P90, "p80", "P90"}, {pf.Plan.NPV, "plan", "plan"}} {
		xs := px(x(m.v))
		c.Lines = append(c.Lines, svgLine{X1: xs, Y1: px(y(most)), X2: xs, Y2: px(y(0)), Class: m.class})
		c.Texts = append(c.Texts, svgText{X: xs, Y: px(simMarginT - 4), Anchor: "middle", Class: "note", Text: m.label})
	}
	return c
}

// finishRangeChart draws one row per project: a bar from its P10 to its
// P90 finish, a tick at the P50, a diamond at the plan's finish and a red
// line at its deadline. A percentile beyond the horizon (not scheduled in
// that share of the runs) runs the bar to the chart's right edge, hatched.
func finishRangeChart(r *simulate.Result) svgChart {
	n := len(r.Periods)
	rows := len(r.Projects)
	h := simMarginT + float64(rows)*simRowH + simMarginB
	c := svgChart{ID: "ranges", Width: px(simChartW), Height: px(h), Title: "When each project finishes",
		Desc: "Per project: the P10 to P90 finish as a bar, the P50 as a tick, the plan's finish as a diamond, the deadline as a red line."}
	if n == 0 || rows == 0 {
		c.Empty = true
		return c
	}
	a := periodAxis{left: simLabelW, width: simChartW - simLabelW - simMarginR, n: n}
	bottom := simMarginT + float64(rows)*simRowH
	for t := 0; t <= n; t++ {
		c.Lines = append(c.Lines, svgLine{X1: px(a.x(float64(t))), Y1: px(simMarginT), X2: px(a.x(float64(t))), Y2: px(bottom), Class: "grid"})
	}
	periodTicks(&c, a, r.Periods, bottom+16)
	c.Texts = append(c.Texts, svgText{X: px(a.left + a.width/2), Y: px(h - 6), Anchor: "middle", Class: "axis-title", Text: "Finish (last period it runs in)"})
	end := func(p *int) float64 {
		if p == nil {
			return float64(n)
		}
		return float64(*p)
	}
	for i, p := range r.Projects {
		top := simMarginT + float64(i)*simRowH
		mid := top + simRowH/2
		label := p.ID
		if len([]rune(label)) > 26 {
			label = string([]rune(label)[:25]) + "…"
		}
		c.Texts = append(c.Texts, svgText{X: px(simLabelW - 8), Y: px(mid + 4), Anchor: "end", Class: "label", Text: label})
		if p.ChanceScheduled == 0 {
			c.Texts = append(c.Texts, svgText{X: px(a.left + 4), Y: px(mid + 4), Anchor: "start", Class: "note", Text: "never scheduled"})
			continue
		}
		// Bars cover whole periods: from the start of the P10 finish period
		// to the end of the P90 one.
		from, to := end(p.P10EndPeriod)-1, end(p.P90EndPeriod)
		if p.P10EndPeriod == nil {
			from = float64(n)
		}
		class := "range"
		if p.P90EndPeriod == nil {
			class = "range open"
		}
		title := fmt.Sprintf("%s: P10 %s, P50 %s, P90 %s; plan %s; scheduled in %s of the runs", p.ID,
			simLabel(p.P10End), simLabel(p.P50End), simLabel(p.P90End), planWhen(p.Plan), chance(p.ChanceScheduled))
		if p.P10EndPeriod == nil {
			// Scheduled in fewer than one run in ten: no P10 to draw from.
			c.Texts = append(c.Texts, svgText{X: px(a.x(float64(n)) - 4), Y: px(mid + 4), Anchor: "end", Class: "note",
				Text: "scheduled in only " + chance(p.ChanceScheduled) + " of the runs"})
		} else if to > from {
			c.Rects = append(c.Rects, svgRect{X: px(a.x(from)), Y: px(top + 5), W: px(a.x(to) - a.x(from)), H: px(simRowH - 10), Class: class, Title: title})
		}
		if p.P50EndPeriod != nil {
			x := px(a.x(float64(*p.P50EndPeriod) - 0.5))
			c.Lines = append(c.Lines, svgLine{X1: x, Y1: px(top + 2), X2: x, Y2: px(top + simRowH - 2), Class: "p50"})
		}
		if p.Plan.EndPeriod != nil {
			x, yy := a.x(float64(*p.Plan.EndPeriod)-0.5), mid
			c.Paths = append(c.Paths, svgPath{D: fmt.Sprintf("M%s %sL%s %sL%s %sL%s %sz", px(x), px(yy-6), px(x+6), px(yy), px(x), px(yy+6), px(x-6), px(yy)),
				Class: "plan-mark", Title: p.ID + ": plan finishes " + simLabel(p.Plan.End)})
		}
		if p.Deadline != nil {
			for t, l := range r.Periods {
				if l == *p.Deadline {
					x := px(a.x(float64(t + 1)))
					c.Lines = append(c.Lines, svgLine{X1: x, Y1: px(top + 1), X2: x, Y2: px(top + simRowH - 1), Class: "deadline"})
				}
			}
		}
	}
	return c
}

// sparkline is a small S-curve of one project's chance of having finished.
func sparkline(id string, curve []float64) svgChart {
	c := svgChart{ID: "spark-" + id, Width: px(sparkW), Height: px(sparkH), Title: "Chance " + id + " has finished, by period"}
	n := len(curve)
	if n == 0 {
		c.Empty = true
		return c
	}
	a := periodAxis{left: 1, width: sparkW - 2, n: n}
	y := func(p float64) float64 { return 1 + (sparkH-2)*(1-p) }
	var d strings.Builder
	fmt.Fprintf(&d, "M%s %s", px(a.x(0)), px(y(0)))
	for t := range n {
		fmt.Fprintf(&d, "H%s V%s", px(a.x(float64(t+1))), px(y(curve[t])))
	}
	c.Lines = append(c.Lines, svgLine{X1: px(1), Y1: px(y(0)), X2: px(sparkW - 1), Y2: px(y(0)), Class: "grid"})
	c.Paths = append(c.Paths, svgPath{D: d.String(), Class: "curve"})
	return c
}

// tornadoChart draws each estimate's correlation as a bar left (negative)
// or right (positive) of zero, strongest on top.
func tornadoChart(id, title string, top []simulate.EstimateResult, corr func(simulate.EstimateResult) float64) (svgChart, []simHTMLDriver) {
	h := simMarginT + float64(len(top))*simRowH + 30
	width := simLabelW + 2*tornadoBarW + 60
	c := svgChart{ID: id, Width: px(width), Height: px(h), Title: title, Desc: simTornadoNote}
	var rows []simHTMLDriver
	if len(top) == 0 {
		c.Empty = true
		return c, rows
	}
	zero := simLabelW + tornadoBarW + 10
	bottom := simMarginT + float64(len(top))*simRowH
	for _, v := range []float64{-1, -0.5, 0, 0.5, 1} {
		x := px(zero + v*tornadoBarW)
		class := "grid"
		if v == 0 {
			class = "zero"
		}
		c.Lines = append(c.Lines, svgLine{X1: x, Y1: px(simMarginT), X2: x, Y2: px(bottom), Class: class})
		c.Texts = append(c.Texts, svgText{X: x, Y: px(bottom + 16), Anchor: "middle", Class: "axis", Text: signed(v)})
	}
	for i, e := range top {
		v := corr(e)
		top := simMarginT + float64(i)*simRowH
		name := estimateName(e)
		label := name
		if len([]rune(label)) > 30 {
			label = string([]rune(label)[:29]) + "…"
		}
		c.Texts = append(c.Texts, svgText{X: px(simLabelW - 8), Y: px(top + simRowH/2 + 4), Anchor: "end", Class: "label", Text: label})
		x0, x1 := zero, zero+v*tornadoBarW
		class := "up"
		if v < 0 {
			x0, x1, class = x1, zero, "down"
		}
		c.Rects = append(c.Rects, svgRect{X: px(x0), Y: px(top + 4), W: px(math.Max(1, x1-x0)), H: px(simRowH - 8), Class: class,
			Title: fmt.Sprintf("%s %s: %s", name, rangeText(e), signed(v))})
		rows = append(rows, simHTMLDriver{Name: name, Range: rangeText(e), Correlation: signed(v)})
	}
	return c, rows
}

// simHTMLTemplate is the page; "chart" draws any svgChart.
const simHTMLTemplate = svgChartTemplate + analysisPageHead + `.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 12px; }
.cards div { border: 1px solid #d1d5db; border-radius: 6px; padding: 8px 12px; min-width: 120px; }
.cards dt { color: #4b5563; font-size: 12px; }
.cards dd { margin: 0; font-size: 18px; font-weight: 600; font-variant-numeric: tabular-nums; }
` + chartCSS + `svg .p50 { stroke: #111827; stroke-width: 2; }
svg .p80 { stroke: #6b7280; stroke-width: 1.5; stroke-dasharray: 5 3; }
svg .plan { stroke: #009E73; stroke-width: 2; stroke-dasharray: 2 2; }
svg .plan-mark { fill: #009E73; stroke: #064e3b; stroke-width: 1; }
svg .hist { fill: #56B4E9; stroke: #0072B2; stroke-width: 0.5; }
svg .range { fill: #56B4E9; stroke: #0072B2; stroke-width: 1; }
svg .range.open { fill: #fde68a; stroke: #b45309; stroke-dasharray: 4 2; }
svg .deadline { stroke: #b91c1c; stroke-width: 2.5; }
svg .up { fill: #D55E00; }
svg .down { fill: #0072B2; }
table { border-collapse: collapse; margin: 6px 0 12px; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #d1d5db; padding: 4px 8px; text-align: left; vertical-align: middle; }
th { background: #f3f4f6; font-weight: 600; }
td.num, th.num { text-align: right; }
td.warn { background: #fef3c7; }
td.bad { background: #fee2e2; font-weight: 600; }
tr.total td { font-weight: 600; background: #f9fafb; }
.wide { overflow-x: auto; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 12px; font-weight: 600; }
.badge.scheduled, .badge.pass { background: #dcfce7; color: #14532d; }
.badge.deferred, .badge.fail-warning { background: #fef3c7; color: #78350f; }
.badge.dropped, .badge.fail-error { background: #fee2e2; color: #7f1d1d; }
.badge.mandatory { background: #e0e7ff; color: #312e81; }
.legend { display: inline-block; margin-right: 14px; }
.swatch { display: inline-block; width: 18px; height: 0; vertical-align: middle; margin-right: 4px; border-top: 3px solid; }
details { margin: 4px 0 12px; }
summary { cursor: pointer; color: #1d4ed8; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; }
` + printCSSStart + `  nav, details { display: none; }
` + printCSSEnd + `<nav aria-label="Sections"><a href="#summary">Summary</a><a href="#portfolio">Portfolio</a><a href="#projects">Projects</a><a href="#committed">Budgets and teams</a><a href="#drivers">Drivers</a>{{if .Checks}}<a href="#checks">Checks</a>{{end}}</nav>
<main>
<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<dl class="cards">{{range .Cards}}<div><dt>{{.Label}}</dt><dd>{{.Value}}</dd></div>{{end}}</dl>
<table><tbody>{{range .Facts}}<tr><th scope="row">{{.Label}}</th><td>{{.Value}}</td></tr>{{end}}</tbody></table>
</section>
<section id="portfolio" aria-labelledby="portfolio-h">
<h2 id="portfolio-h">Portfolio</h2>
<figure>{{template "chart" .Curve}}
<figcaption><span class="legend"><span class="swatch" style="border-color: #0072B2"></span>chance every scheduled project has finished</span><span class="legend"><span class="swatch" style="border-color: #111827"></span>P50</span><span class="legend"><span class="swatch" style="border-color: #6b7280; border-top-style: dashed"></span>P80</span><span class="legend"><span class="swatch" style="border-color: #009E73; border-top-style: dotted"></span>plan</span></figcaption>
</figure>
<figure>{{template "chart" .Histogram}}
<figcaption>Share of the runs in each NPV band; the portfolio NPV sums the projects each run schedules, each from its own start. Lines: P10, P50, P90 and the plan.</figcaption>
</figure>
</section>
<section id="projects" aria-labelledby="projects-h">
<h2 id="projects-h">Projects</h2>
<figure>{{template "chart" .Ranges}}
<figcaption>Bar: P10 to P90 finish (yellow, dashed: the project is not scheduled in at least 10% of the runs, so its P90 lies beyond the horizon). Tick: P50. Diamond: the plan. Red line: deadline.</figcaption>
</figure>
<div class="wide"><table><thead><tr><th scope="col" class="num">#</th><th scope="col">Project</th><th scope="col">Plan</th><th scope="col" class="num">Scheduled</th><th scope="col">Start P50</th><th scope="col">Finish P10</th><th scope="col">P50</th><th scope="col">P80</th><th scope="col">P90</th><th scope="col">Deadline</th><th scope="col" class="num">Meets it</th><th scope="col">Chance finished, by period</th></tr></thead>
<tbody>{{range .Projects}}<tr><td class="num">{{.Rank}}</td><td>{{.Title}} <code>{{.ID}}</code>{{if .Mandatory}} <span class="badge mandatory">mandatory</span>{{end}}</td><td><span class="badge {{.Status}}">{{.Plan}}</span></td><td class="num {{.ScheduledClass}}">{{.Scheduled}}</td><td>{{.StartP50}}</td><td>{{.EndP10}}</td><td>{{.EndP50}}</td><td>{{.EndP80}}</td><td>{{.EndP90}}</td><td>{{.Deadline}}</td><td class="num {{.MeetsClass}}">{{.Meets}}</td><td>{{template "chart" .Curve}}</td></tr>{{end}}</tbody></table></div>
<p class="note">Finish is the last period a project runs in. {{.Notes.Percentile}}</p>
<h3>NPV ({{.Currency}})</h3>
<div class="wide"><table><thead><tr><th scope="col">Project</th><th scope="col" class="num">Plan NPV</th><th scope="col" class="num">P10</th><th scope="col" class="num">P50</th><th scope="col" class="num">P90</th><th scope="col" class="num">Plan risk-adj.</th><th scope="col" class="num">P10</th><th scope="col" class="num">P50</th><th scope="col" class="num">P90</th></tr></thead>
<tbody>{{range .Projects}}<tr><td><code>{{.ID}}</code></td>{{range .NPV}}<td class="num">{{.}}</td>{{end}}</tr>{{end}}
<tr class="total"><td>Portfolio</td>{{range .Portfolio}}<td class="num">{{.}}</td>{{end}}</tr></tbody></table></div>
</section>
<section id="committed" aria-labelledby="committed-h">
<h2 id="committed-h">Budgets and teams under the committed plan</h2>
<p class="note">{{.Notes.Committed}}</p>
{{- if .Budgets}}
<table><thead><tr><th scope="col">Budget</th><th scope="col">Window</th><th scope="col" class="num">Limit</th><th scope="col" class="num">Plan</th><th scope="col" class="num">P50</th><th scope="col" class="num">P90</th><th scope="col" class="num">Chance of overrun</th></tr></thead>
<tbody>{{range .Budgets}}<tr><td>{{if .ID}}<code>{{.ID}}</code>{{end}}</td><td>{{.Window}}</td><td class="num">{{.Limit}}</td><td class="num">{{.Plan}}</td><td class="num">{{.P50}}</td><td class="num">{{.P90}}</td><td class="num {{.Class}}">{{.Chance}}</td></tr>{{end}}</tbody></table>
{{- else}}
<p>No budgets.</p>
{{- end}}
{{- if .Teams}}
<table><thead><tr><th scope="col">Team</th><th scope="col" class="num">Plan peak</th><th scope="col" class="num">P50 peak</th><th scope="col" class="num">P90 peak</th><th scope="col" class="num">Chance overloaded</th></tr></thead>
<tbody>{{range .Teams}}<tr><td>{{if .Title}}{{.Title}} {{end}}<code>{{.ID}}</code></td><td class="num">{{.Plan}}</td><td class="num">{{.P50}}</td><td class="num">{{.P90}}</td><td class="num {{.Class}}">{{.Chance}}</td></tr>{{end}}</tbody></table>
<p class="note">Peak: the team's highest load in any period, as a share of its capacity.</p>
{{- else}}
<p>No teams.</p>
{{- end}}
</section>
<section id="drivers" aria-labelledby="drivers-h">
<h2 id="drivers-h">What drives the spread</h2>
<p class="note">{{.Notes.Tornado}}</p>
<h3>Finish</h3>
<figure>{{template "chart" .Finish}}</figure>
{{- if .FinishRows}}
<details><summary>As a table</summary><table><thead><tr><th scope="col">Estimate</th><th scope="col">Range</th><th scope="col" class="num">Correlation</th></tr></thead>
<tbody>{{range .FinishRows}}<tr><td><code>{{.Name}}</code></td><td>{{.Range}}</td><td class="num">{{.Correlation}}</td></tr>{{end}}</tbody></table></details>
{{- end}}
<h3>NPV</h3>
<figure>{{template "chart" .NPV}}</figure>
{{- if .NPVRows}}
<details><summary>As a table</summary><table><thead><tr><th scope="col">Estimate</th><th scope="col">Range</th><th scope="col" class="num">Correlation</th></tr></thead>
<tbody>{{range .NPVRows}}<tr><td><code>{{.Name}}</code></td><td>{{.Range}}</td><td class="num">{{.Correlation}}</td></tr>{{end}}</tbody></table></details>
{{- end}}
</section>
{{- if .Checks}}
<section id="checks" aria-labelledby="checks-h">
<h2 id="checks-h">Checks</h2>
<table><thead><tr><th scope="col">Result</th><th scope="col">Severity</th><th scope="col">Check</th><th scope="col">Message</th></tr></thead>
<tbody>{{range .Checks}}<tr><td><span class="badge {{.Class}}">{{.Result}}</span></td><td>{{.Severity}}</td><td><code>{{.ID}}</code></td><td>{{.Message}}</td></tr>{{end}}</tbody></table>
</section>
{{- end}}
</main>
</body>
</html>
`
