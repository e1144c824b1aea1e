package report

import (
	"fmt"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// Earned value against a baseline (plan --baseline) in the text formats:
// a row per project, the portfolio's, and what could not be measured.

func earnedHeaders() []string {
	return []string{"Project", "Baseline", "Complete", "BAC", "PV", "EV", "AC", "CV", "SV", "CPI", "SPI", "EAC", "Planned end", "Forecast end"}
}

var earnedRight = []bool{false, false, true, true, true, true, true, true, true, true, true, true, false, false}

// earnedRows are the section's rows: every project with earned value,
// in rank order, then the portfolio (the counted projects).
func earnedRows(p *evaluate.Plan, id func(string) string) [][]string {
	amount := func(x *float64) string {
		if x == nil {
			return none
		}
		return formatAmount(*x)
	}
	index := func(x *float64) string {
		if x == nil {
			return none
		}
		return formatIndex(*x)
	}
	var rows [][]string
	for _, pr := range p.Projects {
		ev := pr.EarnedValue
		if ev == nil {
			continue
		}
		base := ev.Baseline
		if !ev.Counted {
			base += " (not counted)"
		}
		rows = append(rows, []string{id(pr.ID), base, formatPercentPtr(ev.PercentComplete),
			amount(ev.BAC), amount(ev.PV), amount(ev.EV), formatAmount(ev.AC), amount(ev.CV), amount(ev.SV),
			index(ev.CPI), index(ev.SPI), amount(ev.EAC), strOr(ev.PlannedEnd), strOr(ev.ForecastEnd)})
	}
	if v := p.EarnedValue; v != nil {
		rows = append(rows, []string{"portfolio", fmt.Sprintf("%d counted", len(v.Counted)), none,
			formatAmount(v.BAC), formatAmount(v.PV), formatAmount(v.EV), formatAmount(v.AC), formatAmount(v.CV), formatAmount(v.SV),
			index(v.CPI), index(v.SPI), amount(v.EAC), strOr(v.PlannedEnd), strOr(v.ForecastEnd)})
	}
	return rows
}

// earnedTitle is the section's heading.
func earnedTitle(p *evaluate.Plan) string {
	v := p.EarnedValue
	title := "Earned value at " + v.StatusDate + " against " + v.Baseline.Source
	if v.Baseline.AsOf != nil {
		title += " (baseline as of " + *v.Baseline.AsOf + ")"
	}
	if p.Roadmap.Currency != "" {
		title += " (" + p.Roadmap.Currency + ")"
	}
	return title
}

// earnedNotes are the lines under the table: the definitions, then each
// figure that could not be computed and why, the projects re-planned or
// not in the baseline, and those removed since.
func earnedNotes(p *evaluate.Plan, id, esc func(string) string) []string {
	notes := []string{esc(earnedNote)}
	for _, pr := range p.Projects {
		ev := pr.EarnedValue
		if ev == nil {
			continue
		}
		var parts []string
		if ev.Baseline != evaluate.BaselinePlanned {
			parts = append(parts, ev.Message)
		}
		// One reason per distinct cause, naming the figures it leaves out.
		var order []string
		byReason := map[string][]string{}
		for _, k := range []string{"pv", "ev", "cpi", "spi", "eac", "forecast_end"} {
			r, ok := ev.Reasons[k]
			if !ok {
				continue
			}
			if _, seen := byReason[r]; !seen {
				order = append(order, r)
			}
			byReason[r] = append(byReason[r], figureName(k))
		}
		for _, r := range order {
			parts = append(parts, fmt.Sprintf("no %s: %s", strings.Join(byReason[r], ", "), r))
		}
		if len(parts) > 0 {
			notes = append(notes, id(pr.ID)+": "+esc(strings.Join(parts, "; ")+"."))
		}
	}
	v := p.EarnedValue
	for _, r := range v.Removed {
		notes = append(notes, id(r.ID)+": "+esc(fmt.Sprintf("in the baseline (BAC %s, PV %s), no longer in the roadmap; in none of the figures.",
			formatAmount(r.BAC), formatAmount(r.PV))))
	}
	for _, k := range []string{"pv", "cpi", "spi", "forecast_end"} {
		if r, ok := v.Reasons[k]; ok {
			notes = append(notes, esc(fmt.Sprintf("portfolio: no %s: %s.", figureName(k), r)))
		}
	}
	return notes
}

// figureName is how the notes name an earned value figure: "CPI",
// "forecast end".
func figureName(k string) string {
	if k == "forecast_end" {
		return "forecast end"
	}
	return strings.ToUpper(k)
}

// earnedNote explains the figures (ANSI/EIA-748).
const earnedNote = "PV: the baseline's budgeted cost of the work scheduled before the status date; EV = complete x BAC (the baseline's budget); " +
	"AC: spent to date. CV = EV - AC, SV = EV - PV (negative: over cost, behind). CPI = EV / AC, SPI = EV / PV (below 1: over cost, behind). " +
	"EAC = BAC / CPI. Forecast end: the planned duration / SPI from the start. The portfolio sums the counted projects."

// earned prints the earned value section (table format).
func (t *tableRenderer) earned() {
	if t.p.EarnedValue == nil {
		return
	}
	t.heading(earnedTitle(t.p))
	g := grid{keys: 1}
	for i, h := range earnedHeaders() {
		c := column{header: h, wrap: i == 0}
		if earnedRight[i] {
			c.align = alignRight
		}
		g.columns = append(g.columns, c)
	}
	g.rows = earnedRows(t.p, func(id string) string { return id })
	t.grid(g)
	same := func(s string) string { return s }
	for _, n := range earnedNotes(t.p, same, same) {
		t.paragraph("", n)
	}
}

// earned prints the earned value section (Markdown).
func (m *markdownRenderer) earned() {
	if m.p.EarnedValue == nil {
		return
	}
	m.heading(2, earnedTitle(m.p))
	rows := earnedRows(m.p, mdCode)
	for _, r := range rows {
		r[1] = mdEscape(r[1])
	}
	m.table(earnedHeaders(), earnedRight, rows)
	m.buf.WriteString("\n")
	for _, n := range earnedNotes(m.p, mdCode, mdEscape) {
		fmt.Fprintf(&m.buf, "- %s\n", n)
	}
}
