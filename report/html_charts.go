package report

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// The chart models below hold every coordinate as a formatted string, so the
// template only places values and the bytes stay deterministic.

// svgText is a text label.
type svgText struct {
	X, Y, Anchor, Class, Text string
	// Spans, when set, draw the text on several lines (a long label
	// wrapped rather than cut); Text then holds it whole.
	Spans []svgText
}

// svgLine is a straight line.
type svgLine struct {
	X1, Y1, X2, Y2, Class string
}

// svgRect is a rectangle with an optional tooltip.
type svgRect struct {
	X, Y, W, H, Class, Fill, Title string
}

// legendItem is one entry of a chart's HTML legend.
type legendItem struct {
	Class, Colour, Label string
}

// ganttChart is the Gantt SVG.
type ganttChart struct {
	Width, Height string
	Title, Desc   string
	Headers       []svgText
	Grid          []svgLine
	Stripes       []svgRect
	Labels        []svgText
	Bars          []ganttBar
	Deadlines     []ganttDeadline
	Arrows        []ganttArrow
	Legend        []legendItem
	Rows          []ganttRow // the text alternative
	Empty         bool
	// A living plan (a status date): the history columns shaded, the
	// status date as a line, the part of work in flight done so far.
	Living     bool
	History    *svgRect
	StatusLine *svgLine
	StatusText *svgText
	Elapsed    []svgRect
}

type ganttBar struct {
	ID, X, Y, W, H, Fill, Class, Title string
}

type ganttDeadline struct {
	X, Y1, Y2, Marker, Title string
}

type ganttArrow struct {
	D, Title string
}

// ganttRow is one row of the Gantt's data table.
type ganttRow struct {
	ID, Title, Goal, Start, End, Deadline, DependsOn string
	Duration                                         int
	Status                                           string // lifecycle, in a living plan
}

const (
	chartFont    = 12.0
	ganttHeaderH = 30.0
	ganttRowH    = 26.0
	ganttBarH    = 16.0
)

// columnWidth fits n periods into about 900 px, within readable bounds.
func columnWidth(n int) float64 {
	if n <= 0 {
		return 60
	}
	return math.Max(14, math.Min(96, math.Floor(900/float64(n))))
}

// labelStep shows every step-th period label so labels never collide.
func labelStep(colW float64, label string) int {
	need := float64(len(label))*7 + 8
	return max(1, int(math.Ceil(need/colW)))
}

func px(v float64) string { return fixed(v, 1) }

func buildGantt(p *evaluate.Plan, cal hclspec.Calendar) ganttChart {
	n := periodsToDraw(p)
	colW := columnWidth(n)
	rows := scheduledByStart(p)
	asOf := -1
	if p.Roadmap.AsOfPeriod != nil {
		asOf = *p.Roadmap.AsOfPeriod
	}
	spans := map[string][2]int{}
	for _, pr := range rows {
		spans[pr.ID] = [2]int{*pr.StartPeriod, *pr.EndPeriod}
	}
	if asOf >= 0 {
		// Done and cancelled projects are history: drawn where they ran.
		hist := historyBars(p, cal, asOf)
		for _, pr := range hist {
			spans[pr.pr.ID] = [2]int{pr.start, pr.end}
		}
		rows = append(historyProjects(hist), rows...)
	}
	order := goalOrder(p)
	g := ganttChart{Empty: len(rows) == 0, Living: asOf >= 0}
	var titles []string
	for _, pr := range rows {
		titles = append(titles, projectTitle(pr))
	}
	ganttLabelW, wrapped := labelColumn(titles)
	width := ganttLabelW + float64(n)*colW + 12
	height := ganttHeaderH + float64(max(len(rows), 1))*ganttRowH + 8
	g.Width, g.Height = px(width), px(height)
	first, last := labelOfPeriod(p, cal, 0), labelOfPeriod(p, cal, n-1)
	g.Title = fmt.Sprintf("Gantt chart: %d scheduled projects, %s to %s", len(rows), first, last)
	g.Desc = "One bar per scheduled project across the planning periods, coloured by the goal it serves most. " +
		"Arrows run from a dependency's end to the start of the project that needs it; red marks are deadlines. " +
		"The same data is in the table below the chart."

	step := labelStep(colW, first)
	for i := 0; i < n; i++ {
		x := ganttLabelW + float64(i)*colW
		if i%step == 0 {
			g.Headers = append(g.Headers, svgText{X: px(x + colW/2), Y: px(ganttHeaderH - 10), Anchor: "middle", Class: "axis", Text: labelOfPeriod(p, cal, i)})
		}
	}
	for i := 0; i <= n; i++ {
		x := px(ganttLabelW + float64(i)*colW)
		g.Grid = append(g.Grid, svgLine{X1: x, Y1: px(ganttHeaderH - 4), X2: x, Y2: px(height - 8), Class: "grid"})
	}
	rowY := map[string]float64{}
	barEnd := map[string]float64{}
	barStart := map[string]float64{}
	for r, pr := range rows {
		y := ganttHeaderH + float64(r)*ganttRowH
		rowY[pr.ID] = y + ganttRowH/2
		if r%2 == 1 {
			g.Stripes = append(g.Stripes, svgRect{X: "0", Y: px(y), W: px(width), H: px(ganttRowH), Class: "stripe"})
		}
		g.Labels = append(g.Labels, rowLabel(ganttLabelW-8, y+ganttRowH/2, projectTitle(pr), wrapped[r]))
		s, e := spans[pr.ID][0], spans[pr.ID][1]
		x0 := ganttLabelW + float64(s)*colW + 1
		x1 := ganttLabelW + float64(e)*colW - 1
		barStart[pr.ID], barEnd[pr.ID] = x0, x1
		goal := primaryGoal(pr, order)
		class := "gantt-bar"
		if pr.Mandatory {
			class += " mandatory"
		}
		start, end := labelOfPeriod(p, cal, s), labelOfPeriod(p, cal, e-1)
		tip := fmt.Sprintf("%s: %s to %s, rank %d", projectName(pr), start, end, pr.Rank)
		if pr.Mandatory {
			tip += ", mandatory"
		}
		if pr.Flagship {
			tip += ", flagship"
		}
		fill := goalColour(goal, order)
		if g.Living {
			switch pr.Lifecycle {
			case "done", "cancelled":
				class += " history " + pr.Lifecycle
				fill = historyColour
				tip = fmt.Sprintf("%s: %s, ran %s to %s", projectName(pr), pr.Lifecycle, start, end)
			case "in_progress":
				class += " in-flight"
				tip += ", in progress"
				if pr.Progress != nil && pr.Progress.PercentComplete != nil {
					tip += " (" + formatPercentPtr(pr.Progress.PercentComplete) + " complete)"
				}
				if asOf > s {
					xa := ganttLabelW + float64(min(asOf, e))*colW
					g.Elapsed = append(g.Elapsed, svgRect{X: px(x0), Y: px(y + (ganttRowH-ganttBarH)/2), W: px(math.Max(xa-x0, 1)), H: px(ganttBarH),
						Class: "elapsed", Title: fmt.Sprintf("%s: under way since %s", pr.ID, start)})
				}
			case "committed":
				tip += ", committed"
			}
		}
		g.Bars = append(g.Bars, ganttBar{ID: pr.ID, X: px(x0), Y: px(y + (ganttRowH-ganttBarH)/2), W: px(math.Max(x1-x0, 2)), H: px(ganttBarH),
			Fill: fill, Class: class, Title: tip})
		row := ganttRow{ID: pr.ID, Title: pr.Title, Goal: "none", Start: start, End: end, Duration: e - s, DependsOn: strings.Join(pr.DependsOn, ", "),
			Status: strings.ReplaceAll(pr.Lifecycle, "_", " ")}
		if goal != "" {
			row.Goal = goalTitle(p, goal)
		}
		if pr.Deadline != nil {
			row.Deadline = *pr.Deadline
			if d, err := cal.LastPeriod(*pr.Deadline); err == nil && d >= 0 && d < n {
				x := ganttLabelW + float64(d+1)*colW
				g.Deadlines = append(g.Deadlines, ganttDeadline{X: px(x), Y1: px(y + 2), Y2: px(y + ganttRowH - 2),
					Marker: fmt.Sprintf("M%s %sl-5 -6h10z", px(x), px(y+8)), Title: fmt.Sprintf("Deadline of %s: end of %s", pr.ID, *pr.Deadline)})
			}
		}
		g.Rows = append(g.Rows, row)
	}
	for _, pr := range rows {
		for _, dep := range sortedCopy(pr.DependsOn) {
			if _, ok := rowY[dep]; !ok {
				continue
			}
			x1, y1 := barEnd[dep], rowY[dep]
			x2, y2 := barStart[pr.ID]-1, rowY[pr.ID]
			mid := x1 + 6
			if x2-x1 > 12 {
				mid = x1 + (x2-x1)/2
			}
			g.Arrows = append(g.Arrows, ganttArrow{
				D:     fmt.Sprintf("M%s %sH%sV%sH%s", px(x1), px(y1), px(mid), px(y2), px(x2)),
				Title: fmt.Sprintf("%s depends on %s", pr.ID, dep)})
		}
	}
	if g.Living && asOf <= n {
		x := ganttLabelW + float64(asOf)*colW
		if asOf > 0 {
			g.History = &svgRect{X: px(ganttLabelW), Y: px(ganttHeaderH - 4), W: px(x - ganttLabelW), H: px(height - ganttHeaderH - 4), Class: "history-shade"}
		}
		g.StatusLine = &svgLine{X1: px(x), Y1: px(ganttHeaderH - 4), X2: px(x), Y2: px(height - 4), Class: "status-date"}
		g.StatusText = &svgText{X: px(x + 3), Y: px(ganttHeaderH - 20), Anchor: "start", Class: "status-label", Text: "as of " + *p.Roadmap.AsOf}
		g.Desc += " The periods before the status date " + *p.Roadmap.AsOf + " are history (shaded; a line marks the status date): grey bars are done or cancelled projects, " +
			"hatching the part of work in progress done so far."
	}
	used := map[string]bool{}
	for _, pr := range rows {
		if g.Living && (pr.Lifecycle == "done" || pr.Lifecycle == "cancelled") {
			continue
		}
		used[primaryGoal(pr, order)] = true
	}
	for _, id := range order {
		if used[id] {
			g.Legend = append(g.Legend, legendItem{Class: "swatch", Colour: goalColour(id, order), Label: goalTitle(p, id)})
		}
	}
	if used[""] {
		g.Legend = append(g.Legend, legendItem{Class: "swatch", Colour: noGoalColour, Label: "No goal"})
	}
	return g
}

// historyColour fills the bars of done and cancelled projects.
const historyColour = "#9CA3AF"

// historyBar is a done or cancelled project where it ran: from its
// started period to its finished one (done) or to the status date
// (cancelled), clipped to the chart.
type historyBar struct {
	pr         *evaluate.ProjectPlan
	start, end int
}

// historyBars are the plan's done and cancelled projects with a start,
// earliest first.
func historyBars(p *evaluate.Plan, cal hclspec.Calendar, asOf int) []historyBar {
	var out []historyBar
	for i := range p.Projects {
		pr := &p.Projects[i]
		if (pr.Lifecycle != "done" && pr.Lifecycle != "cancelled") || pr.Started == nil {
			continue
		}
		s, err := cal.FirstPeriod(*pr.Started)
		if err != nil {
			continue
		}
		e := asOf
		if pr.Finished != nil {
			if f, err := cal.FirstPeriod(*pr.Finished); err == nil {
				e = f + 1
			}
		}
		s, e = max(s, 0), min(e, asOf)
		if e <= s {
			continue
		}
		out = append(out, historyBar{pr: pr, start: s, end: e})
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].start != out[b].start {
			return out[a].start < out[b].start
		}
		return out[a].pr.ID < out[b].pr.ID
	})
	return out
}

func historyProjects(hs []historyBar) []*evaluate.ProjectPlan {
	out := make([]*evaluate.ProjectPlan, len(hs))
	for i, h := range hs {
		out[i] = h.pr
	}
	return out
}

func sortedCopy(s []string) []string {
	c := append([]string(nil), s...)
	sort.Strings(c)
	return c
}

// heatMap is the teams x periods capacity SVG.
type heatMap struct {
	Width, Height string
	Title, Desc   string
	Headers       []svgText
	Labels        []svgText
	Cells         []heatCell
	Rows          []heatRow // the text alternative
	PeriodLabels  []string
	History       []bool // per period: before the status date
	Active        []int
	Idle          []string
	NearFull      []string
	Empty         bool
}

type heatCell struct {
	X, Y, W, H, Class, Level, Title string
	TextX, TextY, Text              string
}

type heatRow struct {
	ID, Title string
	Cells     []string
}

const (
	heatHeaderH = 30.0
	heatRowH    = 30.0
)

// heatLevel classifies a team's use of its capacity in one period.
func heatLevel(used, capacity float64) string {
	switch {
	case capacity <= 0 && used <= 0:
		return "none"
	case used > capacity+1e-9:
		return "over"
	case used <= 0:
		return "idle"
	case used >= 0.85*capacity-1e-9:
		return "full"
	case used >= 0.5*capacity:
		return "mid"
	}
	return "low"
}

func buildHeatMap(p *evaluate.Plan, cal hclspec.Calendar) heatMap {
	n := periodsToDraw(p)
	colW := columnWidth(n)
	teams := teamIDs(p)
	h := heatMap{Empty: len(teams) == 0}
	title := map[string]string{}
	for _, t := range p.Teams {
		title[t.ID] = t.Title
	}
	names := make([]string, len(teams))
	for i, id := range teams {
		names[i] = id
		if title[id] != "" && title[id] != id {
			names[i] = title[id] + " (" + id + ")"
		}
	}
	heatLabelW, wrapped := labelColumn(names)
	width := heatLabelW + float64(n)*colW + 12
	height := heatHeaderH + float64(max(len(teams), 1))*heatRowH + 8
	h.Width, h.Height = px(width), px(height)
	h.Title = fmt.Sprintf("Capacity heat map: %d teams by %d periods, FTE used against capacity", len(teams), n)
	h.Desc = "Each cell is one team in one period: light when little of its capacity is used, orange when 85% or more is used, red when over capacity, white with a dashed border when idle. " +
		"The same data is in the table below the chart."
	step := labelStep(colW, labelOfPeriod(p, cal, 0))
	for i := 0; i < n; i++ {
		lbl := labelOfPeriod(p, cal, i)
		h.PeriodLabels = append(h.PeriodLabels, lbl)
		h.History = append(h.History, i < len(p.Periods) && p.Periods[i].History)
		active := 0
		if i < len(p.Periods) {
			active = len(p.Periods[i].Active)
		}
		h.Active = append(h.Active, active)
		if i%step == 0 {
			h.Headers = append(h.Headers, svgText{X: px(heatLabelW + float64(i)*colW + colW/2), Y: px(heatHeaderH - 10), Anchor: "middle", Class: "axis", Text: lbl})
		}
	}
	showText := colW >= 44
	for r, id := range teams {
		y := heatHeaderH + float64(r)*heatRowH
		h.Labels = append(h.Labels, rowLabel(heatLabelW-8, y+heatRowH/2, names[r], wrapped[r]))
		row := heatRow{ID: id, Title: title[id]}
		anyUse, full := false, false
		for i := 0; i < n; i++ {
			var load evaluate.TeamLoad
			if i < len(p.Periods) {
				load = p.Periods[i].Teams[id]
			}
			lvl := heatLevel(load.Used, load.Capacity)
			anyUse = anyUse || load.Used > 0
			full = full || lvl == "full" || lvl == "over"
			x := heatLabelW + float64(i)*colW
			var pe evaluate.PeriodPlan
			if i < len(p.Periods) {
				pe = p.Periods[i]
			}
			txt := teamLoadText(pe, load)
			row.Cells = append(row.Cells, txt)
			title := fmt.Sprintf("%s in %s: %s of %s FTE used (%s)", id, h.PeriodLabels[i], formatQuantity(load.Used), formatQuantity(load.Capacity), heatWords(lvl))
			if pe.History {
				title = fmt.Sprintf("%s in %s: history, use not recorded; capacity %s FTE", id, h.PeriodLabels[i], formatQuantity(load.Capacity))
			}
			c := heatCell{X: px(x + 1), Y: px(y + 1), W: px(colW - 2), H: px(heatRowH - 2), Class: "heat-cell heat-" + lvl, Level: lvl, Title: title}
			if showText {
				c.TextX, c.TextY, c.Text = px(x+colW/2), px(y+heatRowH/2+4), txt
			}
			h.Cells = append(h.Cells, c)
		}
		h.Rows = append(h.Rows, row)
		if !anyUse {
			h.Idle = append(h.Idle, id)
		}
		if full {
			h.NearFull = append(h.NearFull, id)
		}
	}
	return h
}

// teamLoadText is a team's cell of the capacity plan, "3/5" FTE used of
// capacity; in a period before the status date use is not recorded (the
// plan keeps no actual FTE), so "—/5".
func teamLoadText(pe evaluate.PeriodPlan, l evaluate.TeamLoad) string {
	if pe.History && l.Used == 0 {
		return "—/" + formatQuantity(l.Capacity)
	}
	return formatQuantity(l.Used) + "/" + formatQuantity(l.Capacity)
}

func heatWords(level string) string {
	switch level {
	case "none":
		return "no capacity"
	case "over":
		return "over capacity"
	case "idle":
		return "idle"
	case "full":
		return "near full"
	case "mid":
		return "half used or more"
	}
	return "under half used"
}

// bubbleChart is the cost-benefit SVG: risk-adjusted NPV against risk.
type bubbleChart struct {
	Width, Height string
	Title, Desc   string
	Frame         svgRect
	Ticks         []svgText
	Grid          []svgLine
	Zero          *svgLine
	Appetite      *svgLine
	AppetiteLabel *svgText
	Bubbles       []bubble
	AxisX, AxisY  svgText
	Empty         bool
}

type bubble struct {
	ID, CX, CY, R, Class, Fill, Title string
	Label                             *svgText // nil past maxBubbleLabels
}

// maxBubbleLabels is how many bubbles, best ranked first, get a printed
// label; past that a chart is too crowded to read them, and placing them
// would cost time quadratic in the projects. Every bubble keeps its title.
const maxBubbleLabels = 60

const (
	bubbleW      = 760.0
	bubbleH      = 420.0
	bubbleLeft   = 86.0
	bubbleRight  = 130.0
	bubbleTop    = 16.0
	bubbleBottom = 52.0
	bubbleMaxR   = 26.0
	bubbleMinR   = 4.0
)

// niceStep is a 1-2-5 step giving about five ticks over span.
func niceStep(span float64) float64 {
	if span <= 0 {
		return 1
	}
	raw := span / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			return m * mag
		}
	}
	return 10 * mag
}

func buildBubbles(p *evaluate.Plan) bubbleChart {
	b := bubbleChart{Width: px(bubbleW), Height: px(bubbleH), Empty: len(p.Projects) == 0}
	b.Title = fmt.Sprintf("Cost-benefit chart: risk-adjusted NPV against risk for %d projects", len(p.Projects))
	b.Desc = "Each circle is a project: further right is riskier, higher is more valuable after risk, a larger circle costs more. " +
		"Filled circles are scheduled, dashed outlines are deferred (orange) or dropped (red). The dashed vertical line is the risk appetite. " +
		"The figures are in the ranked roadmap table."
	lo, hi, maxCost := 0.0, 0.0, 0.0
	for _, pr := range p.Projects {
		lo, hi = math.Min(lo, pr.RiskAdjustedNPV), math.Max(hi, pr.RiskAdjustedNPV)
		maxCost = math.Max(maxCost, pr.Cost)
	}
	step := niceStep(hi - lo)
	lo, hi = math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	if hi-lo < step {
		hi = lo + step
	}
	plotW, plotH := bubbleW-bubbleLeft-bubbleRight, bubbleH-bubbleTop-bubbleBottom
	sx := func(risk float64) float64 { return bubbleLeft + math.Max(0, math.Min(1, risk))*plotW }
	sy := func(v float64) float64 { return bubbleTop + (hi-v)/(hi-lo)*plotH }
	b.Frame = svgRect{X: px(bubbleLeft), Y: px(bubbleTop), W: px(plotW), H: px(plotH), Class: "frame"}
	for i := 0; i <= 5; i++ {
		r := float64(i) / 5
		x := sx(r)
		b.Grid = append(b.Grid, svgLine{X1: px(x), Y1: px(bubbleTop), X2: px(x), Y2: px(bubbleTop + plotH), Class: "grid"})
		b.Ticks = append(b.Ticks, svgText{X: px(x), Y: px(bubbleTop + plotH + 16), Anchor: "middle", Class: "axis", Text: fixed(r, 1)})
	}
	for i := 0; ; i++ {
		v := lo + float64(i)*step
		if v > hi+step/1e6 {
			break
		}
		y := sy(v)
		b.Grid = append(b.Grid, svgLine{X1: px(bubbleLeft), Y1: px(y), X2: px(bubbleLeft + plotW), Y2: px(y), Class: "grid"})
		b.Ticks = append(b.Ticks, svgText{X: px(bubbleLeft - 6), Y: px(y + 4), Anchor: "end", Class: "axis", Text: formatCompact(v)})
	}
	if lo < 0 && hi > 0 {
		y := px(sy(0))
		b.Zero = &svgLine{X1: px(bubbleLeft), Y1: y, X2: px(bubbleLeft + plotW), Y2: y, Class: "zero"}
	}
	if a := p.Roadmap.RiskAppetite; a > 0 && a < 1 {
		x := px(sx(a))
		b.Appetite = &svgLine{X1: x, Y1: px(bubbleTop), X2: x, Y2: px(bubbleTop + plotH), Class: "appetite"}
		b.AppetiteLabel = &svgText{X: px(sx(a) + 4), Y: px(bubbleTop + 12), Anchor: "start", Class: "note", Text: "risk appetite " + fixed(a, 2)}
	}
	b.AxisX = svgText{X: px(bubbleLeft + plotW/2), Y: px(bubbleH - 10), Anchor: "middle", Class: "axis-title", Text: "Risk (0 = safe, 1 = certain trouble)"}
	b.AxisY = svgText{X: px(18), Y: px(bubbleTop + plotH/2), Anchor: "middle", Class: "axis-title", Text: "Risk-adjusted NPV (" + p.Roadmap.Currency + ")"}

	order := goalOrder(p)
	idx := make([]int, len(p.Projects))
	for i := range idx {
		idx[i] = i
	}
	// Large bubbles first so small ones stay on top and clickable.
	sort.SliceStable(idx, func(a, c int) bool {
		pa, pc := p.Projects[idx[a]], p.Projects[idx[c]]
		if pa.Cost != pc.Cost {
			return pa.Cost > pc.Cost
		}
		return pa.ID < pc.ID
	})
	radius := func(pr *evaluate.ProjectPlan) float64 {
		r := bubbleMinR
		if maxCost > 0 {
			r += (bubbleMaxR - bubbleMinR) * math.Sqrt(math.Max(0, pr.Cost)/maxCost)
		}
		return r
	}
	var placed []labelBox
	if l := b.AppetiteLabel; l != nil {
		// Bubble labels keep clear of the risk appetite's label too.
		x := sx(p.Roadmap.RiskAppetite) + 4
		placed = append(placed, labelBox{x, bubbleTop + 2, x + textWidth(l.Text, 11), bubbleTop + 14})
	}
	var circles []labelCircle
	for _, i := range idx {
		pr := &p.Projects[i]
		circles = append(circles, labelCircle{sx(pr.Risk), sy(pr.RiskAdjustedNPV), radius(pr)})
	}
	for _, i := range idx {
		pr := &p.Projects[i]
		cx, cy, r := sx(pr.Risk), sy(pr.RiskAdjustedNPV), radius(pr)
		bb := bubble{ID: pr.ID, CX: px(cx), CY: px(cy), R: px(r), Class: "bubble status-" + pr.Status,
			Title: fmt.Sprintf("%s, %s: risk %s, risk-adjusted NPV %s, cost %s", projectName(pr), pr.Status,
				fixed(pr.Risk, 2), formatAmount(pr.RiskAdjustedNPV), formatAmount(pr.Cost))}
		if pr.Status == evaluate.StatusScheduled {
			bb.Fill = goalColour(primaryGoal(pr, order), order)
		}
		if pr.Rank <= maxBubbleLabels {
			// A label that fits nowhere is left out rather than drawn over
			// another: the bubble's tooltip and the table still name it.
			if l, ok := placeBubbleLabel(&placed, circles, labelCircle{cx, cy, r}, pr.ID); ok {
				bb.Label = &l
			}
		}
		b.Bubbles = append(b.Bubbles, bb)
	}
	return b
}

// labelBox is the estimated extent of a placed chart label.
type labelBox struct{ x0, y0, x1, y1 float64 }

func (a labelBox) overlaps(b labelBox) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// labelCircle is a bubble, for keeping labels off it.
type labelCircle struct{ cx, cy, r float64 }

// covers reports whether the box reaches into the circle.
func (c labelCircle) covers(b labelBox) bool {
	nx, ny := math.Max(b.x0, math.Min(c.cx, b.x1)), math.Max(b.y0, math.Min(c.cy, b.y1))
	return (nx-c.cx)*(nx-c.cx)+(ny-c.cy)*(ny-c.cy) < c.r*c.r
}

// textWidth estimates the width of text in px at the given font size,
// on the generous side (system sans-serif fonts, digits and underscores
// included), so boxes built from it hold the drawn text.
func textWidth(text string, size float64) float64 {
	return float64(len([]rune(text)))*size*0.62 + 2
}

// placeBubbleLabel puts a bubble's label next to it: right, left, below,
// above, then the diagonals and the same spots further out, taking the
// first spot inside the chart that covers no earlier label and no other
// bubble. ok is false when there is none.
func placeBubbleLabel(placed *[]labelBox, circles []labelCircle, own labelCircle, text string) (svgText, bool) {
	const size, h = 11.0, 13.0
	w := textWidth(text, size)
	cx, cy, r := own.cx, own.cy, own.r
	type spot struct {
		x, y   float64 // text anchor point (baseline)
		anchor string
	}
	var spots []spot
	for _, gap := range []float64{3, 10, 20} {
		d := r + gap
		spots = append(spots,
			spot{cx + d, cy + 4, "start"},
			spot{cx - d, cy + 4, "end"},
			spot{cx, cy + d + h - 2, "middle"},
			spot{cx, cy - d - 2, "middle"},
			spot{cx + d*0.71, cy - d*0.71, "start"},
			spot{cx + d*0.71, cy + d*0.71 + h - 3, "start"},
			spot{cx - d*0.71, cy - d*0.71, "end"},
			spot{cx - d*0.71, cy + d*0.71 + h - 3, "end"},
		)
	}
	for _, s := range spots {
		x0 := s.x
		switch s.anchor {
		case "end":
			x0 = s.x - w
		case "middle":
			x0 = s.x - w/2
		}
		box := labelBox{x0, s.y - h + 3, x0 + w, s.y + 3}
		if box.x0 < 0 || box.x1 > bubbleW || box.y0 < 0 || box.y1 > bubbleH {
			continue
		}
		free := true
		for _, b := range *placed {
			if box.overlaps(b) {
				free = false
				break
			}
		}
		for _, c := range circles {
			if free && c != own && c.covers(box) {
				free = false
			}
		}
		if free {
			*placed = append(*placed, box)
			return svgText{X: px(s.x), Y: px(s.y), Anchor: s.anchor, Class: "bubble-label", Text: text}, true
		}
	}
	return svgText{}, false
}
