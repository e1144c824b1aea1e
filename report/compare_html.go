package report

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/scenario"
)

// renderComparisonHTML writes the comparison as one page: the NPV and
// risk-adjusted NPV of each scenario as bars, the headline table and the
// projects table, changes from the base highlighted.
func renderComparisonHTML(w io.Writer, c *scenario.Comparison, _ Options) error {
	name := c.Roadmap.Name
	if name == "" {
		name = "(unnamed roadmap)"
	}
	page := analysisPage{
		Title: compareTitle(c),
		Name:  compareTitle(c),
		Sub:   fmt.Sprintf("%d scenarios side by side with base, the roadmap without a scenario. Amounts in %s.", len(c.Scenarios)-1, c.Roadmap.Currency),
	}
	for _, col := range c.Scenarios[1:] {
		text := changesText(&col)
		if col.Description != "" {
			text = col.Description + " — " + text
		}
		page.Facts = append(page.Facts, htmlFact{Label: col.Name, Value: text})
	}
	if f := forcesText(c.ForceIn, c.ForceOut); f != "" {
		page.Facts = append(page.Facts, htmlFact{Label: "Forced", Value: "every column forces " + f})
	}

	head := []analysisCell{{Text: ""}}
	for _, col := range c.Scenarios {
		head = append(head, analysisCell{Text: col.Name, Class: "num"})
	}
	summary := analysisTable{Head: head}
	for _, r := range compareSummaryRows(c) {
		if r.label == "Changes" {
			continue
		}
		row := []analysisCell{{Text: r.label, Header: true}}
		for k, text := range r.cells {
			cell := analysisCell{Text: text, Class: "num"}
			switch {
			case r.style != nil && r.style[k] != "":
				cell.Class = "num bad"
			case r.changed[k]:
				cell.Class = "num changed"
			}
			row = append(row, cell)
		}
		summary.Rows = append(summary.Rows, row)
	}

	projects := analysisTable{Head: []analysisCell{{Text: "#", Class: "num"}, {Text: "Project"}}}
	for _, col := range c.Scenarios {
		projects.Head = append(projects.Head, analysisCell{Text: col.Name})
	}
	for _, pr := range c.Projects {
		sub := pr.Title
		if pr.Forced != "" {
			sub = strings.TrimPrefix(sub+" — forced "+pr.Forced, " — ")
		}
		row := []analysisCell{{Text: fmt.Sprint(pr.Cells[0].Rank), Class: "num"}, {Text: pr.ID, Code: true, Sub: sub}}
		for k, cell := range pr.Cells {
			ac := analysisCell{Text: compareCell(cell), Title: cell.Reason}
			if cell.Status != evaluate.StatusScheduled {
				ac.Badge = cell.Status
			}
			if k > 0 && cell.Changed {
				ac.Class = "changed"
			}
			row = append(row, ac)
		}
		projects.Rows = append(projects.Rows, row)
	}

	page.Sections = []analysisSection{
		{ID: "scenarios", Title: "Scenarios",
			Charts: []analysisChart{{Chart: compareValueChart(c), Legend: []legendItem{
				{Colour: "#0072B2", Label: "NPV"}, {Colour: "#56B4E9", Label: "risk-adjusted NPV"}}}},
			Tables: []analysisTable{summary},
			Note:   "Highlighted: differs from base. In brackets: the difference from base."},
		{ID: "projects", Title: "Projects", Tables: []analysisTable{projects},
			Note: "Each cell is the project's start, or its status when it is not scheduled (hover for the reason). Highlighted: a status, start or end that differs from base."},
	}
	return writeAnalysisPage(w, page)
}

// compareValueChart draws each scenario's NPV and risk-adjusted NPV as a
// pair of bars.
func compareValueChart(c *scenario.Comparison) svgChart {
	const (
		width, height = 760.0, 280.0
		left, right   = 72.0, 20.0
		top, bottom   = 16.0, 48.0
	)
	ch := svgChart{ID: "value", Width: px(width), Height: px(height),
		Title: "NPV and risk-adjusted NPV of each scenario",
		Desc:  "A pair of bars per scenario: NPV, then risk-adjusted NPV, of the scheduled projects."}
	lo, hi := 0.0, 0.0
	for _, col := range c.Scenarios {
		lo = math.Min(lo, math.Min(col.Totals.NPV, col.Totals.RiskAdjustedNPV))
		hi = math.Max(hi, math.Max(col.Totals.NPV, col.Totals.RiskAdjustedNPV))
	}
	if !(hi > lo) {
		hi = lo + 1
	}
	plotW, plotH := width-left-right, height-top-bottom
	y := func(v float64) float64 { return top + plotH*(hi-v)/(hi-lo) }
	for _, v := range []float64{lo, (lo + hi) / 2, hi} {
		ch.Lines = append(ch.Lines, svgLine{X1: px(left), Y1: px(y(v)), X2: px(left + plotW), Y2: px(y(v)), Class: "grid"})
		ch.Texts = append(ch.Texts, svgText{X: px(left - 6), Y: px(y(v) + 4), Anchor: "end", Class: "axis", Text: formatCompact(v)})
	}
	ch.Lines = append(ch.Lines, svgLine{X1: px(left), Y1: px(y(0)), X2: px(left + plotW), Y2: px(y(0)), Class: "zero"})
	slot := plotW / float64(len(c.Scenarios))
	bar := math.Min(36, slot*0.35)
	for k, col := range c.Scenarios {
		mid := left + slot*(float64(k)+0.5)
		for j, v := range []float64{col.Totals.NPV, col.Totals.RiskAdjustedNPV} {
			x := mid - bar + float64(j)*bar
			y0, y1 := y(math.Max(v, 0)), y(math.Min(v, 0))
			class := "bar-a"
			if j == 1 {
				class = "bar-b"
			}
			what := "NPV"
			if j == 1 {
				what = "risk-adjusted NPV"
			}
			ch.Rects = append(ch.Rects, svgRect{X: px(x), Y: px(y0), W: px(bar - 2), H: px(math.Max(y1-y0, 0.5)), Class: class,
				Title: fmt.Sprintf("%s: %s %s", col.Name, what, formatMoney(v, c.Roadmap.Currency))})
		}
		ch.Texts = append(ch.Texts, svgText{X: px(mid), Y: px(height - bottom + 18), Anchor: "middle", Class: "label", Text: col.Name})
	}
	ch.Texts = append(ch.Texts, svgText{X: px(left + plotW/2), Y: px(height - 8), Anchor: "middle", Class: "axis-title", Text: "Value of the scheduled projects (" + c.Roadmap.Currency + ")"})
	return ch
}
