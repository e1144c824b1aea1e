package report

import (
	"fmt"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate/diff"
)

// The run rate in a plan diff: the run cost a year both plans add, retire
// and net once everything is live, and the budget years whose run cost
// differs. As in the plan's run-rate tables, retired run costs are
// negative, so added + retired = net.

const diffRunRateHeading = "Run rate (run costs a year once everything is live, then by budget year)"

// diffRunRateRow is one full-year figure: its label, both values (with
// cents when whole units would hide the difference), the change and
// whether there is one.
type diffRunRateRow struct {
	label, before, after, delta string
	changed                     bool
}

// diffRunRateRows are the added, retired and net run costs a year.
func diffRunRateRows(r diff.RunRateDiff) []diffRunRateRow {
	changed := map[string]bool{}
	for _, c := range r.Changes {
		changed[c.Field] = true
	}
	row := func(field, label string, b, a float64) diffRunRateRow {
		if !changed[field] {
			return diffRunRateRow{label: label, before: diffMoney(b), after: diffMoney(a)}
		}
		before, after, _ := strings.Cut(diffMoneyPair(b, a), " → ")
		return diffRunRateRow{label: label, before: before, after: after, delta: diffSignedDelta(a - b), changed: true}
	}
	return []diffRunRateRow{
		row("added_per_year", "added", r.Before.AddedPerYear, r.After.AddedPerYear),
		row("retired_per_year", "retired", -r.Before.RetiredPerYear, -r.After.RetiredPerYear),
		row("net_per_year", "net", r.Before.NetPerYear, r.After.NetPerYear),
	}
}

// diffRunRateYearCells are a year's added, retired (negative) and net run
// costs: "before → after" where they differ, one value where not; a side
// outside the horizon reads "(none)".
func diffRunRateYearCells(y diff.RunRateYearChange) [3]string {
	figures := func(c *diff.RunRateYear) ([3]float64, bool) {
		if c == nil {
			return [3]float64{}, false
		}
		return [3]float64{c.Added, -c.Retired, c.Net}, true
	}
	b, bok := figures(y.Before)
	a, aok := figures(y.After)
	var out [3]string
	for i := range out {
		switch {
		case !bok:
			out[i] = diffMoney(a[i])
		case !aok:
			out[i] = diffMoney(b[i]) + " → (none)"
		case diffSameFloat(b[i], a[i]):
			out[i] = diffMoney(a[i])
		default:
			out[i] = diffMoneyPair(b[i], a[i])
		}
	}
	return out
}

// runRate writes the run rate's changes.
func (t *diffText) runRate(d *diff.PlanDiff) {
	r := d.RunRate
	if !r.Changed() {
		return
	}
	t.line("")
	t.heading(diffRunRateHeading + ":")
	for _, row := range diffRunRateRows(r) {
		sym, value := " ", row.after
		if row.changed {
			sym, value = "~", row.before+" → "+row.after+" ("+row.delta+")"
		}
		t.line("%s%s %-18s %s", t.indent, t.symbol(sym), row.label, value)
	}
	for _, y := range r.Years {
		c := diffRunRateYearCells(y)
		t.entry(diffCellSymbol(y.Before != nil, y.After != nil),
			fmt.Sprintf("%-18s added %s; retired %s; net %s", y.Year, c[0], c[1], c[2]))
	}
}

// diffMarkdownRunRate is the run rate's changes as Markdown tables, ""
// when it did not change. Rows stop where fits says no more fit.
func diffMarkdownRunRate(r diff.RunRateDiff, fits func(string) bool) string {
	if !r.Changed() {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n**" + diffRunRateHeading + "**\n\n| Run rate | Before | After |\n|---|--:|--:|\n")
	for _, row := range diffRunRateRows(r) {
		after := row.after
		if row.changed {
			after = "**" + after + "**"
		}
		fmt.Fprintf(&b, "| %s a year | %s | %s |\n", row.label, row.before, after)
	}
	if !fits(b.String()) {
		return "" // the full diff has it
	}
	if len(r.Years) > 0 {
		b.WriteString("\n| Year | Added | Retired | Net |\n|---|--:|--:|--:|\n")
		for i, y := range r.Years {
			c := diffRunRateYearCells(y)
			for j := range c {
				if before, after, ok := strings.Cut(c[j], " → "); ok {
					c[j] = before + " → **" + after + "**"
				}
			}
			row := fmt.Sprintf("| %s | %s | %s | %s |\n", mdEscape(clipText(y.Year, diffIDRunes)), c[0], c[1], c[2])
			if !fits(b.String() + row) {
				fmt.Fprintf(&b, "| … %d more: see the full diff | | | |\n", len(r.Years)-i)
				break
			}
			b.WriteString(row)
		}
	}
	return b.String()
}

// diffRunRateSheet has three rows, before, after and the change, of the
// run cost a year once everything is live; none when it did not change.
func diffRunRateSheet(d *diff.PlanDiff) sheet {
	s := sheet{name: "run-rate", title: "Run rate", columns: []sheetColumn{
		{"plan", kindText}, {"added_per_year", kindMoney}, {"retired_per_year", kindMoney}, {"net_per_year", kindMoney},
	}}
	r := d.RunRate
	if !r.Changed() {
		return s
	}
	row := func(label string, t diff.RunRateTotals) []sheetCell {
		return []sheetCell{textCell(label), numCell(t.AddedPerYear), numCell(0 - t.RetiredPerYear), numCell(t.NetPerYear)}
	}
	b, a := r.Before, r.After
	s.rows = append(s.rows, row("before", b), row("after", a),
		[]sheetCell{textCell("change"), changeCell(a.AddedPerYear-b.AddedPerYear, 2),
			changeCell(b.RetiredPerYear-a.RetiredPerYear, 2), changeCell(a.NetPerYear-b.NetPerYear, 2)})
	return s
}

// diffRunRateYearsSheet lists the budget years whose run cost differs,
// retired run costs negative as in the plan's sheet.
func diffRunRateYearsSheet(d *diff.PlanDiff) sheet {
	s := sheet{name: "run-rate-years", title: "Run rate by year", columns: []sheetColumn{
		{"year", kindText},
		{"added_before", kindMoney}, {"added_after", kindMoney},
		{"retired_before", kindMoney}, {"retired_after", kindMoney},
		{"net_before", kindMoney}, {"net_after", kindMoney}, {"net_change", kindMoney},
	}}
	for _, y := range d.RunRate.Years {
		var bc, ac [3]sheetCell
		var bn, an float64
		if c := y.Before; c != nil {
			bc, bn = [3]sheetCell{numCell(c.Added), numCell(0 - c.Retired), numCell(c.Net)}, c.Net
		}
		if c := y.After; c != nil {
			ac, an = [3]sheetCell{numCell(c.Added), numCell(0 - c.Retired), numCell(c.Net)}, c.Net
		}
		s.rows = append(s.rows, []sheetCell{textCell(y.Year), bc[0], ac[0], bc[1], ac[1], bc[2], ac[2], changeCell(an-bn, 2)})
	}
	return s
}
