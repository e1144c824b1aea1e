package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// The living roadmap in every text format: a summary row on the status
// date and a progress section with each project's actuals and forecasts.

// statusDateText is the summary row on the status date: what is history,
// how many projects are under way, done, cancelled or on hold, and the
// money spent, sunk and still to spend; "" without a status date.
func statusDateText(p *evaluate.Plan) string {
	if p.Roadmap.AsOf == nil {
		return ""
	}
	t := p.Totals
	cur := p.Roadmap.Currency
	text := "as of " + *p.Roadmap.AsOf
	if p.Roadmap.AsOfPeriod != nil && *p.Roadmap.AsOfPeriod > 0 {
		text += fmt.Sprintf("; %s on is planned, the periods before are history", periodLabel(p, *p.Roadmap.AsOfPeriod))
	}
	text += fmt.Sprintf("; %d in progress, %d done, %d cancelled, %d on hold", t.InProgress, t.Done, t.Cancelled, t.OnHold)
	text += "; spent to date " + formatMoney(t.ActualCost, cur)
	if t.SunkCost != 0 {
		text += " (sunk in cancelled projects " + formatMoney(t.SunkCost, cur) + ")"
	}
	text += ", to complete the work under way " + formatMoney(t.EstimateToComplete, cur)
	return text
}

// progressHeaders are the columns of the progress section.
func progressHeaders() []string {
	return []string{"Project", "Status", "Started", "Complete", "Actual", "To complete", "At completion", "Original", "Variance", "Planned end", "Forecast end", "Slip"}
}

// progressRight says which progress columns are right-aligned.
var progressRight = []bool{false, false, false, true, true, true, true, true, true, false, false, true}

// progressRows are the progress section's rows: every project with
// actuals, in rank order; nil when none has.
func progressRows(p *evaluate.Plan, id func(string) string) [][]string {
	var rows [][]string
	for _, pr := range p.Projects {
		g := pr.Progress
		if g == nil {
			continue
		}
		complete := none
		if g.PercentComplete != nil {
			complete = formatPercentPtr(g.PercentComplete)
		}
		slip := none
		if g.ForecastEnd != nil {
			slip = fmt.Sprintf("%+d", g.SlipPeriods)
		}
		// Cancelled work delivered nothing: what it did not spend of its
		// estimate is no saving.
		variance := formatAmount(g.VarianceAtCompletion)
		if pr.Lifecycle == string(hclspec.Cancelled) {
			variance = none
		}
		rows = append(rows, []string{
			id(pr.ID), strings.ReplaceAll(pr.Lifecycle, "_", " "), strOr(pr.Started), complete,
			formatAmount(g.ActualCost), formatAmount(g.EstimateToComplete), formatAmount(g.EstimateAtCompletion),
			formatAmount(g.BudgetAtCompletion), variance,
			strOr(g.PlannedEnd), strOr(g.ForecastEnd), slip,
		})
	}
	return rows
}

// progressNote explains the progress section's figures.
const progressNote = "Actual + to complete = at completion; variance = original estimate - at completion (negative: over). " +
	"Slip is in periods against the declared plan. The plan's figures for work in progress (cost, NPV, score) are " +
	"forward-looking: what it has spent is sunk and decides nothing."

// progressNoteOf is progressNote, and why a cancelled project has no
// variance when the plan has one.
func progressNoteOf(p *evaluate.Plan) string {
	if slices.ContainsFunc(p.Projects, func(pr evaluate.ProjectPlan) bool {
		return pr.Progress != nil && pr.Lifecycle == string(hclspec.Cancelled)
	}) {
		return progressNote + " Cancelled work has no variance: it delivered nothing, so what it did not spend is no saving."
	}
	return progressNote
}

func strOr(s *string) string {
	if s == nil {
		return none
	}
	return *s
}

// progress prints the progress section (table format).
func (t *tableRenderer) progress() {
	rows := progressRows(t.p, func(id string) string { return id })
	if rows == nil {
		return
	}
	title := "Progress at " + *t.p.Roadmap.AsOf
	if t.p.Roadmap.Currency != "" {
		title += " (" + t.p.Roadmap.Currency + ")"
	}
	t.heading(title)
	g := grid{keys: 1}
	for i, h := range progressHeaders() {
		c := column{header: h, wrap: i == 0}
		if progressRight[i] {
			c.align = alignRight
		}
		g.columns = append(g.columns, c)
	}
	g.rows = rows
	t.grid(g)
	t.paragraph("", progressNoteOf(t.p))
}

// progress prints the progress section (Markdown).
func (m *markdownRenderer) progress() {
	rows := progressRows(m.p, mdCode)
	if rows == nil {
		return
	}
	title := "Progress at " + *m.p.Roadmap.AsOf
	if m.p.Roadmap.Currency != "" {
		title += " (" + m.p.Roadmap.Currency + ")"
	}
	m.heading(2, title)
	// The cells other than the id are figures, calendar labels and the
	// status: nothing Markdown would read.
	m.table(progressHeaders(), progressRight, rows)
	fmt.Fprintf(&m.buf, "\n%s\n", mdEscape(progressNoteOf(m.p)))
}

// formatIndex prints a performance index (CPI, SPI) with two decimals.
func formatIndex(x float64) string {
	return strconv.FormatFloat(x, 'f', 2, 64)
}

// derefAny is *x as an any, nil for a nil pointer.
func derefAny(x *float64) any {
	if x == nil {
		return nil
	}
	return *x
}
