package report

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// renderMarkdown writes the plan as GitHub-flavoured Markdown: the same
// sections as the table format, as headings and pipe tables, for pull
// request comments and wikis. It ignores Options: Markdown has no width
// and no colour; cells over 80% of a capacity are bold.
func renderMarkdown(w io.Writer, p *evaluate.Plan, o Options) error {
	if p == nil {
		return fmt.Errorf("no plan to render")
	}
	m := &markdownRenderer{p: p}
	m.summary()
	m.ranking()
	m.choices()
	m.costBenefit()
	m.progress()
	m.earned()
	m.timeline() // report/mermaid.go
	m.capacity()
	m.vendors()
	m.audit()
	m.runRate()
	m.checks()
	m.optimization()
	_, err := w.Write(m.buf.Bytes())
	return err
}

type markdownRenderer struct {
	p   *evaluate.Plan
	buf bytes.Buffer
}

func (m *markdownRenderer) heading(level int, title string) {
	if !bytes.HasSuffix(m.buf.Bytes(), []byte("\n\n")) {
		m.buf.WriteString("\n")
	}
	fmt.Fprintf(&m.buf, "%s %s\n\n", strings.Repeat("#", level), mdEscape(title))
}

// table writes a pipe table; right[i] right-aligns column i. Cells are
// written as given: escape them with mdEscape or mdCode first.
func (m *markdownRenderer) table(headers []string, right []bool, rows [][]string) {
	m.buf.WriteString("|")
	for _, h := range headers {
		fmt.Fprintf(&m.buf, " %s |", h)
	}
	m.buf.WriteString("\n|")
	for i := range headers {
		if i < len(right) && right[i] {
			m.buf.WriteString(" ---: |")
		} else {
			m.buf.WriteString(" --- |")
		}
	}
	m.buf.WriteString("\n")
	for _, row := range rows {
		m.buf.WriteString("|")
		for i := range headers {
			cell := ""
			if i < len(row) {
				cell = row[i]
			}
			if cell == "" {
				fmt.Fprint(&m.buf, " |")
				continue
			}
			fmt.Fprintf(&m.buf, " %s |", cell)
		}
		m.buf.WriteString("\n")
	}
}

func (m *markdownRenderer) summary() {
	p := m.p
	name := p.Roadmap.Name
	if name == "" {
		name = "(unnamed roadmap)"
	}
	fmt.Fprintf(&m.buf, "# Roadmap: %s\n\n", mdEscape(name))
	items := summaryRows(p)
	for _, it := range items {
		fmt.Fprintf(&m.buf, "- **%s:** %s\n", it[0], mdEscape(it[1]))
	}
}

func (m *markdownRenderer) ranking() {
	m.heading(2, "Ranked roadmap")
	if len(m.p.Projects) == 0 {
		m.buf.WriteString("No projects.\n")
		return
	}
	var rows [][]string
	mandatory, flagship := false, false
	for _, pr := range m.p.Projects {
		project := mdProject(pr)
		if pr.Mandatory {
			project += " \\*"
			mandatory = true
		}
		if pr.Flagship {
			project += " " + flagshipMark
			flagship = true
		}
		status := pr.Status
		if pr.Status == evaluate.StatusDropped {
			status = "**" + status + "**"
		}
		rows = append(rows, []string{
			fmt.Sprint(pr.Rank), project, status,
			formatRatio(pr.Score), formatRatio(pr.Alignment), formatRatio(pr.Risk),
			mdEscape(whenText(pr)), mdReasons(projectReasons(pr)),
		})
	}
	m.table([]string{"#", "Project", "Status", "Score", "Alignment", "Risk", "When", "Reason"},
		[]bool{true, false, false, true, true, true}, rows)
	if mandatory {
		m.buf.WriteString("\n\\* mandatory: skips the alignment, departments, risk and value gates.\n")
	}
	if flagship {
		m.buf.WriteString("\n" + flagshipMark + " flagship: " + mdEscape(flagshipNote(m.p)) + ".\n")
	}
}

// mdProject is "`id` Title", or the id alone when the title is empty or
// the same.
func mdProject(pr evaluate.ProjectPlan) string {
	if pr.Title == "" || pr.Title == pr.ID {
		return mdCode(pr.ID)
	}
	return mdCode(pr.ID) + " " + mdEscape(pr.Title)
}

func mdReasons(reasons []string) string {
	if len(reasons) == 1 {
		return mdEscape(reasons[0])
	}
	parts := make([]string, len(reasons))
	for i, r := range reasons {
		parts[i] = "• " + mdEscape(r)
	}
	return strings.Join(parts, "<br>")
}

func (m *markdownRenderer) costBenefit() {
	p := m.p
	title := "Cost-benefit"
	if p.Roadmap.Currency != "" {
		title += " (" + p.Roadmap.Currency + ")"
	}
	m.heading(2, title)
	if len(p.Projects) == 0 {
		m.buf.WriteString("No projects.\n")
		return
	}
	savings := showsSaving(p)
	var rows [][]string
	for _, pr := range p.Projects {
		row := []string{
			mdCode(pr.ID), pr.Status,
			formatAmount(pr.Cost), formatAmount(pr.Benefit), formatAmount(pr.NPV), formatAmount(pr.RiskAdjustedNPV),
			formatPercentPtr(pr.ROI), formatPercentPtr(pr.IRR), formatQuantityPtr(pr.PaybackPeriods),
		}
		if savings {
			row = slices.Insert(row, 4, savingText(pr))
		}
		rows = append(rows, row)
	}
	tot := p.Totals
	footer := []string{
		"**Portfolio**", "scheduled",
		bold(formatAmount(tot.Cost)), bold(formatAmount(tot.Benefit)), bold(formatAmount(tot.NPV)), bold(formatAmount(tot.RiskAdjustedNPV)),
		bold(formatPercentPtr(portfolioROI(tot))), none, none,
	}
	headers := []string{"Project", "Status", "Cost", "Benefit", "NPV", "Risk-adj. NPV", "ROI", "IRR",
		"Payback (" + periodUnits(p.Roadmap.Period) + ")"}
	right := []bool{false, false, true, true, true, true, true, true, true}
	if savings {
		footer = slices.Insert(footer, 4, bold(formatAmount(scheduledSaving(p))))
		headers = slices.Insert(headers, 4, "Saving")
		right = slices.Insert(right, 4, true)
	}
	rows = append(rows, footer)
	m.table(headers, right, rows)
	fmt.Fprintf(&m.buf, "\nFigures as if each project started at once; the portfolio row sums the scheduled projects. "+
		"NPV of the schedule, discounted to %s: %s.%s\n", mdEscape(startLabel(p)), formatMoney(tot.ScheduledNPV, p.Roadmap.Currency), mdEscape(savingNote(p, savings)+historyRowsNote(p)))
}

func bold(s string) string {
	if s == none || s == "" {
		return s
	}
	return "**" + s + "**"
}

func (m *markdownRenderer) capacity() {
	p := m.p
	m.heading(2, "Capacity plan")
	if len(p.Periods) == 0 {
		m.buf.WriteString("No periods.\n")
		return
	}
	labels := make([]string, 0, len(p.Periods)+1)
	right := []bool{false}
	for _, pe := range p.Periods {
		labels = append(labels, mdEscape(pe.Label))
		right = append(right, true)
	}

	if teams := teamIDs(p); len(teams) > 0 {
		m.heading(3, "Teams (FTE used/capacity)")
		var rows [][]string
		for _, id := range teams {
			row := []string{mdCode(id)}
			for _, pe := range p.Periods {
				l, ok := pe.Teams[id]
				if !ok {
					row = append(row, "")
					continue
				}
				cell := teamLoadText(pe, l)
				if overloaded(l.Used, l.Capacity) {
					cell = bold(cell)
				}
				row = append(row, cell)
			}
			rows = append(rows, row)
		}
		m.table(append([]string{"Team"}, labels...), right, rows)
		m.buf.WriteString("\nBold: over 80% of capacity." + historyNote(p) + "\n")
	}

	if budgets := budgetIDs(p); len(budgets) > 0 {
		m.heading(3, "Budgets (spend; spend to date/limit)")
		var rows [][]string
		for _, id := range budgets {
			per := budgetPer(p, id)
			spend := []string{mdCode(id)}
			toDate := []string{mdCode(id) + " to date"}
			if per == "year" {
				toDate[0] = mdCode(id) + " year to date"
			}
			for _, pe := range p.Periods {
				b, ok := pe.Budgets[id]
				if !ok {
					spend = append(spend, "")
					toDate = append(toDate, "")
					continue
				}
				if per == "period" {
					cell := formatCompact(b.Spent) + "/" + formatCompact(b.Limit)
					if overloaded(b.Spent, b.Limit) {
						cell = bold(cell)
					}
					spend = append(spend, cell)
					continue
				}
				spend = append(spend, formatCompact(b.Spent))
				cell := formatCompact(b.WindowSpent) + "/" + formatCompact(b.Limit)
				if overloaded(b.WindowSpent, b.Limit) {
					cell = bold(cell)
				}
				toDate = append(toDate, cell)
			}
			rows = append(rows, spend)
			if per != "period" {
				rows = append(rows, toDate)
			}
		}
		m.table(append([]string{"Budget"}, labels...), right, rows)
	}

	m.heading(3, "Projects in flight")
	count := []string{"**in flight**"}
	for _, pe := range p.Periods {
		count = append(count, fmt.Sprint(len(pe.Active)))
	}
	rows := [][]string{count}
	inFlight := activeByPeriod(p)
	for _, id := range activeProjects(p) {
		row := []string{mdCode(id)}
		for _, pe := range p.Periods {
			if inFlight[pe.Index][id] {
				row = append(row, "█")
			} else {
				row = append(row, "")
			}
		}
		rows = append(rows, row)
	}
	m.table(append([]string{"Project"}, labels...), right, rows)
}

func (m *markdownRenderer) vendors() {
	p := m.p
	m.heading(2, "Vendor evaluations")
	if len(p.Vendors) == 0 {
		m.buf.WriteString("No vendor evaluations.\n")
		return
	}
	tco := "TCO"
	if p.Roadmap.Currency != "" {
		tco += " (" + p.Roadmap.Currency + ")"
	}
	for _, v := range p.Vendors {
		m.heading(3, v.Evaluation)
		m.buf.WriteString(mdEscape(evaluationText(v)) + ".\n\n")
		criteria := criteriaOrder(v)
		headers := []string{"Vendor"}
		right := []bool{false}
		for _, c := range criteria {
			h := mdEscape(c)
			if wt, ok := v.Criteria[c]; ok {
				h += " ×" + formatQuantity(wt)
			}
			headers = append(headers, h)
			right = append(right, true)
		}
		technical := showsTechnical(v)
		if technical {
			headers = append(headers, "Technical")
			right = append(right, true)
		}
		headers = append(headers, "Score", tco, "Result")
		right = append(right, true, true, false)
		var rows [][]string
		for _, c := range v.Candidates {
			row := []string{mdCode(c.Vendor)}
			for _, crit := range criteria {
				s, ok := c.Scores[crit]
				if !ok {
					row = append(row, none)
					continue
				}
				row = append(row, formatRatio(s))
			}
			result := candidateResult(v, c)
			if result == "winner" {
				result = "**winner**"
			}
			if technical {
				row = append(row, technicalText(c))
			}
			row = append(row, formatRatio(c.Score), formatAmount(c.TCO), result)
			rows = append(rows, row)
		}
		m.table(headers, right, rows)
	}
}

func (m *markdownRenderer) checks() {
	m.heading(2, "Checks")
	if len(m.p.Checks) == 0 {
		m.buf.WriteString("No checks.\n")
		return
	}
	m.checkTable(m.p.Checks)
}

// checkTable writes check results and how many passed (plan and simulation).
func (m *markdownRenderer) checkTable(checks []evaluate.CheckResult) {
	var rows [][]string
	failed := 0
	for _, c := range checks {
		result := checkResult(c)
		if !c.Passed {
			failed++
			result = "**" + result + "**"
		}
		rows = append(rows, []string{result, mdEscape(c.Severity), mdCode(c.ID), mdEscape(c.Message)})
	}
	m.table([]string{"Result", "Severity", "Check", "Message"}, nil, rows)
	fmt.Fprintf(&m.buf, "\n%d of %d checks passed.\n", len(checks)-failed, len(checks))
}

func (m *markdownRenderer) optimization() {
	if m.p.Optimization == nil {
		return
	}
	m.heading(2, "Optimisation")
	lines := optimizationLines(m.p)
	for _, line := range lines[:min(2, len(lines))] {
		m.buf.WriteString("- " + mdEscape(line) + "\n")
	}
	if rows := figureRows(m.p); len(rows) > 0 {
		m.buf.WriteString("\n")
		for k, row := range rows {
			for i := range row {
				row[i] = mdEscape(row[i])
			}
			if m.p.Optimization.Figures[k].Effect == evaluate.EffectWorse {
				row[3] = "**" + row[3] + "**"
			}
		}
		m.table([]string{"Figure", "Rank order", "Optimised", "Change"}, []bool{false, true, true, false}, rows)
		m.buf.WriteString("\n")
	}
	for _, line := range lines[min(2, len(lines)):] {
		m.buf.WriteString("- " + mdEscape(line) + "\n")
	}
}
