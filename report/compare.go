package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/scenario"
)

// comparisonRenderers maps a compare --format name to its renderer.
var comparisonRenderers = renderers[scenario.Comparison]{
	"table":    renderComparisonTable,
	"json":     renderComparisonJSON,
	"markdown": renderComparisonMarkdown,
	"html":     renderComparisonHTML,
	"csv":      renderComparisonCSV,
	"xlsx":     renderComparisonXLSX,
}

// ComparisonFormats lists the formats RenderComparison accepts, sorted.
func ComparisonFormats() []string { return comparisonRenderers.formats() }

// RenderComparison writes c in the named format.
func RenderComparison(w io.Writer, c *scenario.Comparison, format string, o Options) error {
	return comparisonRenderers.render(w, c, format, o, "comparison", "")
}

func renderComparisonJSON(w io.Writer, c *scenario.Comparison, _ Options) error {
	data, err := MarshalComparison(c)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// MarshalComparison returns the JSON form of c as `compare --format json`
// prints it and `compare --out` saves it.
func MarshalComparison(c *scenario.Comparison) ([]byte, error) {
	if c == nil {
		return nil, errors.New("no comparison to write")
	}
	return marshalIndented(c, "comparison")
}

// marshalIndented is the JSON of v as every roadmap JSON output writes
// it: two-space indent, a trailing newline, no HTML escaping, terminal
// controls as JSON escapes.
func marshalIndented(v any, what string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encoding the %s as JSON: %w", what, err)
	}
	compact := bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})
	out := indentJSON(make([]byte, 0, len(compact)*2), compact, "  ")
	return escapeJSONText(append(out, '\n')), nil
}

// compareRow is one line of the scenarios' headline table: a label and a
// text per column; changed marks the columns that differ from the base.
type compareRow struct {
	label   string
	cells   []string
	changed []bool
	style   []string // table style per cell, may be nil
}

// compareSummaryRows are the headline figures of each column, with the
// difference from the base in brackets.
func compareSummaryRows(c *scenario.Comparison) []compareRow {
	cur := c.Roadmap.Currency
	n := len(c.Scenarios)
	row := func(label string, text func(k int, col *scenario.Column) string, differs func(base, col *scenario.Column) bool) compareRow {
		r := compareRow{label: label, cells: make([]string, n), changed: make([]bool, n)}
		base := &c.Scenarios[0]
		for k := range c.Scenarios {
			col := &c.Scenarios[k]
			r.cells[k] = text(k, col)
			if k > 0 && differs != nil {
				r.changed[k] = differs(base, col)
			}
		}
		return r
	}
	count := func(label string, get func(t evaluate.Totals) int) compareRow {
		return row(label, func(k int, col *scenario.Column) string {
			v := get(col.Totals)
			if k == 0 {
				return fmt.Sprint(v)
			}
			return fmt.Sprint(v) + deltaInt(v-get(c.Scenarios[0].Totals))
		}, func(base, col *scenario.Column) bool { return get(base.Totals) != get(col.Totals) })
	}
	amount := func(label string, get func(t evaluate.Totals) float64) compareRow {
		return row(label, func(k int, col *scenario.Column) string {
			v := get(col.Totals)
			if k == 0 {
				return formatAmount(v)
			}
			return formatAmount(v) + deltaAmount(v-get(c.Scenarios[0].Totals))
		}, func(base, col *scenario.Column) bool {
			return formatAmount(get(base.Totals)) != formatAmount(get(col.Totals))
		})
	}
	rows := []compareRow{
		row("Sets", func(_ int, col *scenario.Column) string {
			if len(col.Variables) == 0 {
				return none
			}
			return scenarioValuesText(&evaluate.ScenarioInfo{Variables: col.Variables})
		}, nil),
		count("Scheduled", func(t evaluate.Totals) int { return t.Scheduled }),
		count("Deferred", func(t evaluate.Totals) int { return t.Deferred }),
		count("Dropped", func(t evaluate.Totals) int { return t.Dropped }),
		amount("Cost ("+cur+")", func(t evaluate.Totals) float64 { return t.Cost }),
		amount("NPV", func(t evaluate.Totals) float64 { return t.NPV }),
		amount("Risk-adj. NPV", func(t evaluate.Totals) float64 { return t.RiskAdjustedNPV }),
		row("Finish", func(k int, col *scenario.Column) string {
			if col.Finish == nil {
				return none
			}
			text := *col.Finish
			if k > 0 && c.Scenarios[0].Finish != nil {
				text += deltaPeriods(col.Totals.FinishPeriod - c.Scenarios[0].Totals.FinishPeriod)
			}
			return text
		}, func(base, col *scenario.Column) bool { return base.Totals.FinishPeriod != col.Totals.FinishPeriod }),
	}
	// Without scoring.value_scale the scale follows the largest budget: a
	// scenario that changes it re-scores every project.
	if len(c.Plans) == n && slices.ContainsFunc(c.Plans, func(p *evaluate.Plan) bool {
		return p != nil && c.Plans[0] != nil && p.Roadmap.Scoring.ValueScale != c.Plans[0].Roadmap.Scoring.ValueScale
	}) {
		scale := func(k int) float64 {
			if c.Plans[k] == nil {
				return 0
			}
			return c.Plans[k].Roadmap.Scoring.ValueScale
		}
		rows = append(rows, row("Value scale", func(k int, _ *scenario.Column) string {
			text := formatAmount(scale(k))
			if k > 0 && scale(k) != scale(0) {
				text += " (scores moved)"
			}
			return text
		}, nil))
		last := &rows[len(rows)-1]
		for k := 1; k < n; k++ {
			last.changed[k] = scale(k) != scale(0)
		}
	}
	hasDeadlines := false
	for _, col := range c.Scenarios {
		hasDeadlines = hasDeadlines || col.Totals.DeadlinesMet+col.Totals.DeadlinesMissed > 0
	}
	if hasDeadlines {
		deadlines := row("Deadlines", func(_ int, col *scenario.Column) string {
			text := fmt.Sprintf("%d met", col.Totals.DeadlinesMet)
			if col.Totals.DeadlinesMissed > 0 {
				text += fmt.Sprintf(", %d missed", col.Totals.DeadlinesMissed)
			}
			return text
		}, func(base, col *scenario.Column) bool {
			return base.Totals.DeadlinesMissed != col.Totals.DeadlinesMissed || base.Totals.DeadlinesMet != col.Totals.DeadlinesMet
		})
		deadlines.style = make([]string, n)
		for k, col := range c.Scenarios {
			if col.Totals.DeadlinesMissed > 0 {
				deadlines.style[k] = ansiRed
			}
		}
		rows = append(rows, deadlines)
	}
	// A column whose optimiser search the time limit ended says so: its
	// plan may differ on another machine.
	if slices.ContainsFunc(c.Scenarios, func(col scenario.Column) bool {
		return col.Optimization != nil && col.Optimization.TimeLimitReached
	}) {
		search := row("Optimiser", func(_ int, col *scenario.Column) string {
			op := col.Optimization
			if op == nil {
				return none
			}
			text := formatAmount(float64(op.Schedules)) + " schedules"
			if op.Schedules == 1 {
				text = "1 schedule"
			}
			if op.TimeLimitReached {
				return "time limit reached after " + text
			}
			return text
		}, nil)
		search.style = make([]string, n)
		for k, col := range c.Scenarios {
			if col.Optimization != nil && col.Optimization.TimeLimitReached {
				search.style[k] = ansiRed
			}
		}
		rows = append(rows, search)
	}
	for i, id := range c.Teams {
		rows = append(rows, row("Peak "+id, func(_ int, col *scenario.Column) string {
			tp := col.Teams[i]
			if tp.Period == nil {
				return "0%"
			}
			return formatWholePercent(tp.Utilization) + " " + *tp.Period
		}, func(base, col *scenario.Column) bool {
			return base.Teams[i].Utilization != col.Teams[i].Utilization
		}))
	}
	for i, id := range c.Budgets {
		rows = append(rows, row("Budget "+id, func(_ int, col *scenario.Column) string {
			bp := col.Budgets[i]
			if bp.Window == nil {
				return "0%"
			}
			return formatWholePercent(bp.Utilization) + " " + *bp.Window
		}, func(base, col *scenario.Column) bool {
			return base.Budgets[i].Utilization != col.Budgets[i].Utilization
		}))
	}
	if slices.ContainsFunc(c.Plans, func(p *evaluate.Plan) bool { return p != nil && len(p.Systems) > 0 }) {
		// The technology audit: systems out of support before a
		// replacement goes live, or with none, and their periods so.
		gaps := row("Gaps", func(_ int, col *scenario.Column) string {
			// How many systems, and how long in all: the systems are in
			// the JSON and CSV (and roadmap audit).
			if len(col.Gaps) == 0 {
				return none
			}
			total := 0
			for _, g := range col.Gaps {
				total += g.Periods
			}
			return fmt.Sprintf("%d (%s)", len(col.Gaps), periodCount(total, c.Roadmap.Period))
		}, func(base, col *scenario.Column) bool { return !slices.Equal(base.Gaps, col.Gaps) })
		gaps.style = make([]string, n)
		for k, col := range c.Scenarios {
			if len(col.Gaps) > 0 {
				gaps.style[k] = ansiRed
			}
		}
		rows = append(rows, gaps)
	}
	checks := row("Checks", func(_ int, col *scenario.Column) string {
		if col.ChecksPassed == 0 && len(col.ChecksFailed) == 0 {
			return none
		}
		text := fmt.Sprintf("%d passed", col.ChecksPassed)
		if len(col.ChecksFailed) > 0 {
			text += fmt.Sprintf(", %d failed: %s", len(col.ChecksFailed), strings.Join(col.ChecksFailed, ", "))
		}
		return text
	}, func(base, col *scenario.Column) bool {
		return strings.Join(base.ChecksFailed, ",") != strings.Join(col.ChecksFailed, ",")
	})
	checks.style = make([]string, n)
	for k, col := range c.Scenarios {
		if len(col.ChecksFailed) > 0 {
			checks.style[k] = ansiRed
		}
	}
	rows = append(rows, checks)
	rows = append(rows, row("Changes", func(k int, col *scenario.Column) string {
		if k == 0 {
			return none
		}
		return changesText(col)
	}, nil))
	return rows
}

// changesText is "3 projects: leaves out a, b; schedules c; moves d", or
// "same schedule".
func changesText(col *scenario.Column) string {
	if col.Changed == 0 {
		return "same schedule"
	}
	var parts []string
	if len(col.Removed) > 0 {
		parts = append(parts, "leaves out "+strings.Join(col.Removed, ", "))
	}
	if len(col.Added) > 0 {
		parts = append(parts, "schedules "+strings.Join(col.Added, ", "))
	}
	if len(col.Moved) > 0 {
		parts = append(parts, "moves "+strings.Join(col.Moved, ", "))
	}
	head := "1 project"
	if col.Changed != 1 {
		head = fmt.Sprintf("%d projects", col.Changed)
	}
	if len(parts) == 0 {
		return head + " change status"
	}
	return head + ": " + strings.Join(parts, "; ")
}

// formatWholePercent is a utilisation as a whole percentage: "83%".
func formatWholePercent(v float64) string {
	return fmt.Sprintf("%.0f%%", v*100)
}

// deltaInt is " (+1)", " (-2)" or "".
func deltaInt(d int) string {
	if d == 0 {
		return ""
	}
	if d > 0 {
		return fmt.Sprintf(" (+%d)", d)
	}
	return fmt.Sprintf(" (%d)", d)
}

// deltaAmount is " (+146,500)", " (-20,000)" or "" when it rounds to 0.
func deltaAmount(d float64) string {
	text := formatAmount(d)
	if text == "0" {
		return ""
	}
	if !strings.HasPrefix(text, "-") {
		text = "+" + text
	}
	return " (" + text + ")"
}

// deltaPeriods is " (+1)" periods later, " (-2)" earlier, or "".
func deltaPeriods(d int) string { return deltaInt(d) }

// compareCell is a project's outcome in one column: its start for a
// scheduled project, else its status.
func compareCell(cell scenario.Cell) string {
	if cell.Status == evaluate.StatusScheduled && cell.Start != nil {
		return *cell.Start
	}
	return cell.Status
}

// compareTitle is the heading of a comparison.
func compareTitle(c *scenario.Comparison) string {
	name := c.Roadmap.Name
	if name == "" {
		name = "(unnamed roadmap)"
	}
	return "Scenarios: " + name
}

// compareForced is "Every column forces a in; b out (--force-in,
// --force-out).", "" when the comparison forced none.
func compareForced(c *scenario.Comparison) string {
	if f := forcesText(c.ForceIn, c.ForceOut); f != "" {
		return "Every column forces " + f + "."
	}
	return ""
}

// forcedMark is " (forced in)", " (forced out)" or "" after a project's id.
func forcedMark(forced string) string {
	if forced == "" {
		return ""
	}
	return " (forced " + forced + ")"
}

// compareNote explains the marks of the projects table.
const compareNote = "Each cell is the project's start, or its status when it is not scheduled; * marks a status, start or end that differs from base (the roadmap without a scenario)."

func renderComparisonTable(w io.Writer, c *scenario.Comparison, o Options) error {
	t := &tableRenderer{color: o.Color, width: o.Width}
	if t.width == 0 {
		t.width = DefaultWidth
	}
	t.width = max(t.width, minWidth)
	for _, line := range wrapText(compareTitle(c), t.width) {
		t.buf.WriteString(t.style(ansiBold, line))
		t.buf.WriteString("\n")
	}
	for _, col := range c.Scenarios[1:] {
		if col.Description != "" {
			t.paragraph("  ", col.Name+": "+col.Description)
		}
	}
	if f := compareForced(c); f != "" {
		t.paragraph("", f)
	}

	t.heading("Scenarios")
	g := grid{columns: []column{{header: ""}}, keys: 1}
	for _, col := range c.Scenarios {
		g.columns = append(g.columns, column{header: col.Name, align: alignRight, wrap: true})
	}
	for _, r := range compareSummaryRows(c) {
		cells := append([]string{r.label}, r.cells...)
		styles := make([]string, len(cells))
		for k := range r.cells {
			switch {
			case r.style != nil && r.style[k] != "":
				styles[k+1] = r.style[k]
			case r.changed[k]:
				styles[k+1] = ansiYellow
			}
		}
		g.rows = append(g.rows, cells)
		g.styles = append(g.styles, styles)
	}
	t.grid(g)

	t.heading("Projects")
	pg := grid{columns: []column{{header: "#", align: alignRight}, {header: "Project", wrap: true}}, keys: 2}
	for _, col := range c.Scenarios {
		pg.columns = append(pg.columns, column{header: col.Name})
	}
	for _, row := range c.Projects {
		cells := []string{fmt.Sprint(row.Cells[0].Rank), row.ID + forcedMark(row.Forced)}
		styles := []string{"", ""}
		for k, cell := range row.Cells {
			text := compareCell(cell)
			style := statusStyle(cell.Status)
			if k > 0 && cell.Changed {
				text += " *"
				style = ansiYellow
			}
			cells = append(cells, text)
			styles = append(styles, style)
		}
		pg.rows = append(pg.rows, cells)
		pg.styles = append(pg.styles, styles)
	}
	t.grid(pg)
	t.paragraph("", compareNote)
	if t.err != nil {
		return t.err
	}
	_, err := w.Write(t.buf.Bytes())
	return err
}

func renderComparisonMarkdown(w io.Writer, c *scenario.Comparison, _ Options) error {
	m := &markdownRenderer{}
	fmt.Fprintf(&m.buf, "# %s\n\n", mdEscape(compareTitle(c)))
	for _, col := range c.Scenarios[1:] {
		fmt.Fprintf(&m.buf, "- **%s**", mdEscape(col.Name))
		if col.Description != "" {
			fmt.Fprintf(&m.buf, ": %s", mdEscape(col.Description))
		}
		if len(col.Variables) > 0 {
			fmt.Fprintf(&m.buf, " (%s)", mdEscape(scenarioValuesText(&evaluate.ScenarioInfo{Variables: col.Variables})))
		}
		fmt.Fprintf(&m.buf, " — %s\n", mdEscape(changesText(&col)))
	}
	if f := compareForced(c); f != "" {
		fmt.Fprintf(&m.buf, "\n%s\n", mdEscape(f))
	}

	m.heading(2, "Scenarios")
	headers := []string{""}
	right := []bool{false}
	for _, col := range c.Scenarios {
		headers = append(headers, mdEscape(col.Name))
		right = append(right, true)
	}
	var rows [][]string
	for _, r := range compareSummaryRows(c) {
		if r.label == "Changes" {
			continue // listed above
		}
		cells := []string{mdEscape(r.label)}
		for k, text := range r.cells {
			cell := mdEscape(text)
			if r.changed[k] {
				cell = bold(cell)
			}
			cells = append(cells, cell)
		}
		rows = append(rows, cells)
	}
	m.table(headers, right, rows)

	m.heading(2, "Projects")
	headers = []string{"#", "Project"}
	right = []bool{true, false}
	for _, col := range c.Scenarios {
		headers = append(headers, mdEscape(col.Name))
		right = append(right, false)
	}
	rows = rows[:0]
	for _, row := range c.Projects {
		cells := []string{fmt.Sprint(row.Cells[0].Rank), mdCode(row.ID) + mdEscape(forcedMark(row.Forced))}
		for k, cell := range row.Cells {
			text := mdEscape(compareCell(cell))
			if k > 0 && cell.Changed {
				text = bold(text) + " \\*"
			}
			cells = append(cells, text)
		}
		rows = append(rows, cells)
	}
	m.table(headers, right, rows)
	fmt.Fprintf(&m.buf, "\n%s\n", mdEscape(strings.Replace(compareNote, "* marks", "bold and * mark", 1)))
	_, err := w.Write(m.buf.Bytes())
	return err
}
