package report

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate/frontier"
)

// renderFrontierHTML writes the frontier as one page: the curves of score
// and NPV against the level with today's level marked, and the table.
func renderFrontierHTML(w io.Writer, f *frontier.Frontier, _ Options) error {
	page := analysisPage{Title: frontierTitle(f), Name: frontierTitle(f), Sub: frontierIntro(f)}
	page.Facts = []htmlFact{
		{Label: "Resource", Value: fmt.Sprintf("%s %s (%s)", f.Resource.Kind, f.Resource.ID, f.Resource.Unit)},
		{Label: "Today", Value: frontierLevel(f, f.Resource.Current)},
		{Label: "Levels", Value: fmt.Sprintf("%d, from %s to %s", len(f.Points), frontierLevel(f, f.Points[0].Level), frontierLevel(f, f.Points[len(f.Points)-1].Level))},
	}
	xs := make([]float64, len(f.Points))
	objective := make([]float64, len(f.Points))
	npv := make([]float64, len(f.Points))
	for k, p := range f.Points {
		xs[k], objective[k], npv[k] = p.Level, p.Objective, p.NPV
	}
	xLabel := fmt.Sprintf("%s %s (%s)", strings.ToUpper(f.Resource.Kind[:1])+f.Resource.Kind[1:], f.Resource.ID, f.Resource.Unit)
	xFmt := func(v float64) string { return formatCompact(v) }
	if f.Resource.Kind == frontier.KindTeam {
		xFmt = formatQuantity
	}
	charts := []analysisChart{
		{Chart: frontierChart("objective", "The objective ("+f.Objective+") of the best portfolio at each level", xs, objective, f.Resource.Current, xLabel,
			"Objective: "+f.Objective, xFmt, func(v float64) string { return frontierObjective(f, v, false) }),
			Legend: []legendItem{{Colour: "#0072B2", Label: f.Objective}, {Colour: "#009E73", Label: "today's level"}}},
		{Chart: frontierChart("npv", "NPV of the best portfolio at each level", xs, npv, f.Resource.Current, xLabel, "NPV ("+f.Roadmap.Currency+")", xFmt, formatCompact),
			Legend: []legendItem{{Colour: "#0072B2", Label: "NPV of the scheduled projects"}, {Colour: "#009E73", Label: "today's level"}}},
	}
	headers, right, rows := frontierRows(f)
	table := analysisTable{}
	for k, h := range headers {
		c := analysisCell{Text: h}
		if right[k] {
			c.Class = "num"
		}
		table.Head = append(table.Head, c)
	}
	for k, r := range rows {
		var row []analysisCell
		for j, text := range r {
			c := analysisCell{Text: text}
			if right[j] {
				c.Class = "num"
			}
			if f.Points[k].Current {
				c.Class = strings.TrimSpace(c.Class + " changed")
			}
			if j == 0 {
				c.Header = true
			}
			row = append(row, c)
		}
		table.Rows = append(table.Rows, row)
	}
	page.Sections = []analysisSection{
		{ID: "curve", Title: "Frontier", Charts: charts,
			Note: "Each point is the best portfolio the optimiser found at that level; the dashed line is today's level."},
		{ID: "levels", Title: "Levels", Tables: []analysisTable{table}, Note: frontierFootnote(f) + " Today's level highlighted."},
	}
	return writeAnalysisPage(w, page)
}

// frontierChart draws ys against xs as a line with a marker per point and
// a dashed vertical line at today.
func frontierChart(id, title string, xs, ys []float64, today float64, xTitle, yTitle string, xFmt, yFmt func(float64) string) svgChart {
	const (
		width, height = 760.0, 300.0
		left, right   = 72.0, 24.0
		top, bottom   = 16.0, 52.0
	)
	ch := svgChart{ID: id, Width: px(width), Height: px(height), Title: title,
		Desc: fmt.Sprintf("%s at %d levels from %s to %s; today's level %s.", yTitle, len(xs), xFmt(xs[0]), xFmt(xs[len(xs)-1]), xFmt(today))}
	x0, x1 := xs[0], xs[len(xs)-1]
	if !(x1 > x0) {
		x1 = x0 + 1
	}
	lo, hi := math.Min(0, ys[0]), ys[0]
	for _, y := range ys {
		lo, hi = math.Min(lo, y), math.Max(hi, y)
	}
	if !(hi > lo) {
		hi = lo + 1
	}
	plotW, plotH := width-left-right, height-top-bottom
	X := func(v float64) float64 { return left + plotW*(v-x0)/(x1-x0) }
	Y := func(v float64) float64 { return top + plotH*(hi-v)/(hi-lo) }
	for _, v := range []float64{lo, (lo + hi) / 2, hi} {
		ch.Lines = append(ch.Lines, svgLine{X1: px(left), Y1: px(Y(v)), X2: px(left + plotW), Y2: px(Y(v)), Class: "grid"})
		ch.Texts = append(ch.Texts, svgText{X: px(left - 6), Y: px(Y(v) + 4), Anchor: "end", Class: "axis", Text: yFmt(v)})
	}
	ch.Lines = append(ch.Lines, svgLine{X1: px(left), Y1: px(Y(lo)), X2: px(left + plotW), Y2: px(Y(lo)), Class: "zero"})
	for k, v := range []float64{x0, (x0 + x1) / 2, x1} {
		anchor := []string{"start", "middle", "end"}[k]
		ch.Texts = append(ch.Texts, svgText{X: px(X(v)), Y: px(height - bottom + 16), Anchor: anchor, Class: "axis", Text: xFmt(v)})
	}
	var d strings.Builder
	for k := range xs {
		cmd := "L"
		if k == 0 {
			cmd = "M"
		}
		fmt.Fprintf(&d, "%s%s %s ", cmd, px(X(xs[k])), px(Y(ys[k])))
	}
	ch.Paths = append(ch.Paths, svgPath{D: strings.TrimSpace(d.String()), Class: "curve"})
	for k := range xs {
		cx, cy := X(xs[k]), Y(ys[k])
		class := "point"
		if xs[k] == today {
			class = "today-mark"
		}
		// A circle of radius 4 as a path: the chart template draws paths.
		ch.Paths = append(ch.Paths, svgPath{Class: class,
			D:     fmt.Sprintf("M%s %s a4 4 0 1 0 8 0 a4 4 0 1 0 -8 0", px(cx-4), px(cy)),
			Title: fmt.Sprintf("%s: %s", xFmt(xs[k]), yFmt(ys[k]))})
	}
	if today >= x0 && today <= x1 {
		ch.Lines = append(ch.Lines, svgLine{X1: px(X(today)), Y1: px(top), X2: px(X(today)), Y2: px(top + plotH), Class: "today"})
		ch.Texts = append(ch.Texts, svgText{X: px(X(today) + 4), Y: px(top + 10), Anchor: "start", Class: "note", Text: "today " + xFmt(today)})
	}
	ch.Texts = append(ch.Texts, svgText{X: px(left + plotW/2), Y: px(height - 10), Anchor: "middle", Class: "axis-title", Text: xTitle + " → " + yTitle})
	return ch
}
