package report

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/internal/safetext"
)

// DefaultWidth is the width the table format fits when Options.Width is 0.
const DefaultWidth = 120

// minWidth is the narrowest layout the table format attempts; narrower
// widths are treated as this.
const minWidth = 60

// ANSI styles, used only when Options.Color is set. They are the ones the
// CLI's guarded streams let through to a terminal.
const (
	ansiReset  = safetext.Reset
	ansiBold   = safetext.Bold
	ansiRed    = safetext.Red
	ansiGreen  = safetext.Green
	ansiYellow = safetext.Yellow
)

// renderTable writes the human-readable plan: a summary, the ranked
// roadmap, the cost-benefit table, the capacity plan, vendor evaluations,
// checks and, after --optimize, what the optimiser changed. Every line fits
// Options.Width columns.
func renderTable(w io.Writer, p *evaluate.Plan, o Options) error {
	if p == nil {
		return fmt.Errorf("no plan to render")
	}
	t := newPlanTable(p, o)
	t.w = w
	return t.render()
}

// tableBytes is renderTable's output.
func tableBytes(p *evaluate.Plan, o Options) ([]byte, error) {
	if p == nil {
		return nil, fmt.Errorf("no plan to render")
	}
	t := newPlanTable(p, o)
	if err := t.render(); err != nil {
		return nil, err
	}
	return t.buf.Bytes(), nil
}

func newPlanTable(p *evaluate.Plan, o Options) *tableRenderer {
	t := &tableRenderer{p: p, color: o.Color, width: o.Width}
	if t.width == 0 {
		t.width = DefaultWidth
	}
	t.width = max(t.width, minWidth)
	return t
}

// render renders the plan's sections in order. With t.w set, each
// section is written to it once rendered, so a large plan's table (12 MB
// at 10,000 projects) is never held whole.
func (t *tableRenderer) render() error {
	for _, section := range []func(){
		t.summary, t.ranking, t.choices, t.costBenefit, t.progress, t.earned,
		t.capacity, t.vendors, t.audit, t.runRate, t.checks, t.optimization,
	} {
		section()
		if t.err != nil {
			return t.err
		}
		if t.w != nil {
			if _, err := t.w.Write(t.buf.Bytes()); err != nil {
				return err
			}
			t.buf.Reset()
		}
	}
	return nil
}

type tableRenderer struct {
	p     *evaluate.Plan
	color bool
	width int
	buf   bytes.Buffer
	err   error
	w     io.Writer // where render writes each section; nil keeps all in buf
}

// style wraps s in an ANSI style when colour is on.
func (t *tableRenderer) style(code, s string) string {
	if !t.color || code == "" || s == "" {
		return s
	}
	return code + s + ansiReset
}

func (t *tableRenderer) heading(title string) {
	t.buf.WriteString("\n")
	t.buf.WriteString(t.style(ansiBold, title))
	t.buf.WriteString("\n")
}

// paragraph writes text wrapped to the width, each line indented.
func (t *tableRenderer) paragraph(indent, text string) {
	for _, line := range wrapText(text, t.width-displayWidth(indent)) {
		t.buf.WriteString(strings.TrimRight(indent+line, " "))
		t.buf.WriteString("\n")
	}
}

func (t *tableRenderer) summary() {
	p := t.p
	name := p.Roadmap.Name
	if name == "" {
		name = "(unnamed roadmap)"
	}
	for _, line := range wrapText("Roadmap: "+name, t.width) {
		t.buf.WriteString(t.style(ansiBold, line))
		t.buf.WriteString("\n")
	}
	rows := summaryRows(p)
	const keyWidth = 10
	for _, r := range rows {
		style := ""
		switch r[0] {
		case "Checks":
			style = checksStyle(p.Checks)
		case "Warnings":
			style = ansiYellow
		}
		lines := wrapText(r[1], t.width-2-keyWidth)
		for i, line := range lines {
			key := ""
			if i == 0 {
				key = r[0]
			}
			fmt.Fprintf(&t.buf, "  %-*s%s\n", keyWidth, key, t.style(style, line))
		}
	}
}

// checksStyle is red when an error check failed, yellow when only
// warnings did.
func checksStyle(checks []evaluate.CheckResult) string {
	style := ""
	for _, c := range checks {
		switch {
		case c.Passed:
		case c.Severity == "warning":
			if style == "" {
				style = ansiYellow
			}
		default:
			return ansiRed
		}
	}
	return style
}

func (t *tableRenderer) ranking() {
	t.heading("Ranked roadmap")
	if len(t.p.Projects) == 0 {
		t.paragraph("", "No projects.")
		return
	}
	g := grid{
		columns: []column{
			{header: "#", align: alignRight},
			{header: "Project", wrap: true},
			{header: "Status"},
			{header: "Score", align: alignRight},
			{header: "Align.", align: alignRight},
			{header: "Risk", align: alignRight},
			{header: "When", wrap: true},
			{header: "Reason", wrap: true},
		},
		keys: 2,
	}
	mandatory, flagship := false, false
	for _, pr := range t.p.Projects {
		id := pr.ID
		if pr.Mandatory {
			id += " *"
			mandatory = true
		}
		if pr.Flagship {
			id += " " + flagshipMark
			flagship = true
		}
		g.rows = append(g.rows, []string{
			fmt.Sprint(pr.Rank), id, pr.Status,
			formatRatio(pr.Score), formatRatio(pr.Alignment), formatRatio(pr.Risk),
			whenText(pr), reasonText(projectReasons(pr)),
		})
		g.styles = append(g.styles, []string{"", "", statusStyle(pr.Status)})
	}
	t.grid(g)
	if mandatory {
		t.paragraph("", "* mandatory: skips the alignment, departments, risk and value gates.")
	}
	if flagship {
		t.paragraph("", flagshipMark+" flagship: "+flagshipNote(t.p)+".")
	}
}

// reasonText puts each reason on its own line, bulleted when there are
// several.
func reasonText(reasons []string) string {
	if len(reasons) == 1 {
		return reasons[0]
	}
	lines := make([]string, len(reasons))
	for i, r := range reasons {
		lines[i] = "- " + r
	}
	return strings.Join(lines, "\n")
}

func statusStyle(status string) string {
	switch status {
	case evaluate.StatusScheduled:
		return ansiGreen
	case evaluate.StatusDeferred:
		return ansiYellow
	case evaluate.StatusDropped:
		return ansiRed
	}
	return ""
}

func (t *tableRenderer) costBenefit() {
	p := t.p
	title := "Cost-benefit"
	if p.Roadmap.Currency != "" {
		title += " (" + p.Roadmap.Currency + ")"
	}
	t.heading(title)
	if len(p.Projects) == 0 {
		t.paragraph("", "No projects.")
		return
	}
	g := grid{
		columns: []column{
			{header: "Project", wrap: true},
			{header: "Status"},
			{header: "Cost", align: alignRight},
			{header: "Benefit", align: alignRight},
			{header: "NPV", align: alignRight},
			{header: "Risk-adj. NPV", align: alignRight},
			{header: "ROI", align: alignRight},
			{header: "IRR", align: alignRight},
			{header: "Payback (" + periodUnits(p.Roadmap.Period) + ")", align: alignRight},
		},
		keys: 1,
	}
	savings := showsSaving(p)
	if savings {
		g.columns = slices.Insert(g.columns, 4, column{header: "Saving", align: alignRight})
	}
	for _, pr := range p.Projects {
		row := []string{
			pr.ID, pr.Status,
			formatAmount(pr.Cost), formatAmount(pr.Benefit), formatAmount(pr.NPV), formatAmount(pr.RiskAdjustedNPV),
			formatPercentPtr(pr.ROI), formatPercentPtr(pr.IRR), formatQuantityPtr(pr.PaybackPeriods),
		}
		if savings {
			row = slices.Insert(row, 4, savingText(pr))
		}
		g.rows = append(g.rows, row)
		g.styles = append(g.styles, []string{"", statusStyle(pr.Status)})
	}
	tot := p.Totals
	g.footer = []string{
		"Portfolio", "scheduled",
		formatAmount(tot.Cost), formatAmount(tot.Benefit), formatAmount(tot.NPV), formatAmount(tot.RiskAdjustedNPV),
		formatPercentPtr(portfolioROI(tot)), none, none,
	}
	if savings {
		g.footer = slices.Insert(g.footer, 4, formatAmount(scheduledSaving(p)))
	}
	t.grid(g)
	t.paragraph("", "Figures as if each project started at once; the portfolio row sums the scheduled projects. "+
		"NPV of the schedule, discounted to "+startLabel(p)+": "+formatMoney(tot.ScheduledNPV, p.Roadmap.Currency)+"."+savingNote(p, savings)+historyRowsNote(p))
}

// historyRowsNote says what the figures of done and cancelled projects
// are; "" when the plan has none.
func historyRowsNote(p *evaluate.Plan) string {
	if !slices.ContainsFunc(p.Projects, func(pr evaluate.ProjectPlan) bool {
		return pr.Status == evaluate.StatusDone || pr.Status == evaluate.StatusCancelled
	}) {
		return ""
	}
	return " Done and cancelled projects show the money that actually flows: a cancelled one its spend to date, sunk, and nothing more; " +
		"a done one its actual spend in place of its build estimate, with its run costs and benefit."
}

// showsSaving reports whether the cost-benefit table has a Saving column:
// some project replaces systems.
func showsSaving(p *evaluate.Plan) bool {
	return slices.ContainsFunc(p.Projects, func(pr evaluate.ProjectPlan) bool { return len(pr.Replaces) > 0 })
}

// savingText is a project's saving, "—" when it replaces nothing.
func savingText(pr evaluate.ProjectPlan) string {
	if len(pr.Replaces) == 0 {
		return none
	}
	return formatAmount(pr.Saving)
}

// scheduledSaving sums the saving of the scheduled projects, a system
// several replace counted once (less their shared_saving), as the
// portfolio's totals count it.
func scheduledSaving(p *evaluate.Plan) float64 {
	sum := 0.0
	for _, pr := range p.Projects {
		if pr.Status == evaluate.StatusScheduled {
			sum += pr.Saving - pr.SharedSaving
		}
	}
	return sum
}

// savingNote explains the Saving column; "" without it. When scheduled
// projects replace a system another retires first, it says the portfolio
// row leaves their shared saving out.
func savingNote(p *evaluate.Plan, savings bool) string {
	if !savings {
		return ""
	}
	note := " Saving is the run cost of the systems a project replaces, stopped from its go-live for its benefit years; it is part of Benefit."
	var ids []string
	shared := 0.0
	for _, pr := range p.Projects {
		if pr.Status == evaluate.StatusScheduled && pr.SharedSaving != 0 {
			ids = append(ids, pr.ID)
			shared += pr.SharedSaving
		}
	}
	if len(ids) > 0 {
		note += " A system several projects replace is retired once, by the first to go live: the portfolio row leaves out " +
			formatMoney(shared, p.Roadmap.Currency) + " of saving (and the NPV it makes) that " + strings.Join(ids, ", ") + " " +
			plural(len(ids), "counts as if it ran alone (see its warning).", "count as if they ran alone (see their warnings).")
	}
	return note
}

func startLabel(p *evaluate.Plan) string {
	if len(p.Periods) > 0 {
		return p.Periods[0].Label
	}
	if p.Roadmap.Start != "" {
		return p.Roadmap.Start
	}
	return "the start"
}

// capacity prints teams x periods, budgets x periods and the projects in
// flight, in chunks of as many periods as fit the width.
func (t *tableRenderer) capacity() {
	p := t.p
	t.heading("Capacity plan")
	if len(p.Periods) == 0 {
		t.paragraph("", "No periods.")
		return
	}
	type row struct {
		group, name string
		// project marks a timeline row, shown only in chunks where it
		// runs: its cells are "█" or empty, without style.
		project bool
		cell    func(pe evaluate.PeriodPlan) (text, style string)
	}
	var rows []row
	for i, id := range teamIDs(p) {
		group := ""
		if i == 0 {
			group = "Teams (FTE)"
		}
		rows = append(rows, row{group, id, false, func(pe evaluate.PeriodPlan) (string, string) {
			l, ok := pe.Teams[id]
			if !ok {
				return "", ""
			}
			style := ""
			if l.Used > l.Capacity {
				style = ansiRed
			} else if overloaded(l.Used, l.Capacity) {
				style = ansiYellow
			}
			return teamLoadText(pe, l), style
		}})
	}
	first := true
	for _, id := range budgetIDs(p) {
		group := ""
		if first {
			group = "Budgets"
			first = false
		}
		per := budgetPer(p, id)
		spend := func(pe evaluate.PeriodPlan) (string, string) {
			b, ok := pe.Budgets[id]
			if !ok {
				return "", ""
			}
			if per == "period" {
				return formatCompact(b.Spent) + "/" + formatCompact(b.Limit), budgetStyle(b.Spent, b.Limit)
			}
			return formatCompact(b.Spent), ""
		}
		rows = append(rows, row{group, id, false, spend})
		if per != "period" {
			name := "  " + per + " to date"
			if per == "" || per == "total" {
				name = "  to date"
			}
			rows = append(rows, row{"", name, false, func(pe evaluate.PeriodPlan) (string, string) {
				b, ok := pe.Budgets[id]
				if !ok {
					return "", ""
				}
				return formatCompact(b.WindowSpent) + "/" + formatCompact(b.Limit), budgetStyle(b.WindowSpent, b.Limit)
			}})
		}
	}
	rows = append(rows, row{"Projects", "in flight", false, func(pe evaluate.PeriodPlan) (string, string) {
		return fmt.Sprint(len(pe.Active)), ""
	}})
	active := activeProjects(p)
	inFlight := activeByPeriod(p)
	for _, id := range active {
		rows = append(rows, row{"", id, true, func(pe evaluate.PeriodPlan) (string, string) {
			if inFlight[pe.Index][id] {
				return "█", ""
			}
			return "", ""
		}})
	}

	// Column widths: the label columns are as wide as their widest entry
	// (wrapped if they alone would not fit); each period column as wide as
	// its label or widest cell.
	groupW, nameW := displayWidth("Capacity"), displayWidth("")
	for _, r := range rows {
		groupW = max(groupW, displayWidth(r.group))
		nameW = max(nameW, displayWidth(r.name))
	}
	labelBudget := t.width - 1 - 2*3 - (1 + 3 + 8) // leave room for one period column
	if groupW+nameW > labelBudget {
		nameW = max(8, labelBudget-groupW)
		groupW = max(4, labelBudget-nameW)
	}
	// The cells of the other rows, and where each project runs (one flag
	// per row and period: a large plan has thousands of project rows).
	cells := make([][]string, len(rows))
	cellStyles := make([][]string, len(rows))
	runs := make([]bool, len(rows)*len(p.Periods))
	periodW := make([]int, len(p.Periods))
	for j, pe := range p.Periods {
		periodW[j] = displayWidth(pe.Label)
	}
	for i, r := range rows {
		if r.project {
			for j := range p.Periods {
				if text, _ := r.cell(p.Periods[j]); text != "" {
					runs[i*len(p.Periods)+j] = true
					periodW[j] = max(periodW[j], displayWidth(text))
				}
			}
			continue
		}
		cells[i] = make([]string, len(p.Periods))
		cellStyles[i] = make([]string, len(p.Periods))
		for j, pe := range p.Periods {
			cells[i][j], cellStyles[i][j] = r.cell(pe)
			periodW[j] = max(periodW[j], displayWidth(cells[i][j]))
		}
	}

	// One width for every period, so the chunks line up.
	widest := 0
	for _, w := range periodW {
		widest = max(widest, w)
	}
	for j := range periodW {
		periodW[j] = widest
	}
	bar := strings.Repeat("█", widest) // a project's cell in a period it runs

	// As many periods per chunk as fit, spread evenly over the chunks
	// (8 periods that fit 6 at a time print as 4 and 4, not 6 and 2).
	fixed := 1 + (groupW + 3) + (nameW + 3)
	n := len(p.Periods)
	fit := max(1, (t.width-fixed)/(widest+3))
	chunks := (n + fit - 1) / fit
	per := (n + chunks - 1) / chunks
	for start := 0; start < n; {
		end := min(n, start+per)
		g := grid{columns: []column{
			{header: "", wrap: true, width: groupW},
			{header: "", wrap: true, width: nameW},
		}}
		for j := start; j < end; j++ {
			g.columns = append(g.columns, column{header: p.Periods[j].Label, align: alignRight, width: periodW[j]})
		}
		for i, r := range rows {
			run := runs[i*n : (i+1)*n]
			if r.project && !slices.Contains(run[start:end], true) {
				continue
			}
			line := make([]string, 2, 2+end-start)
			line[0], line[1] = r.group, r.name
			styles := make([]string, 2, 2+end-start)
			for j := start; j < end; j++ {
				text, style := "", ""
				switch {
				case run[j]:
					text = bar
				case !r.project:
					text, style = cells[i][j], cellStyles[i][j]
				}
				line = append(line, text)
				styles = append(styles, style)
			}
			g.rows = append(g.rows, line)
			g.styles = append(g.styles, styles)
		}
		if start > 0 {
			t.buf.WriteString("\n")
		}
		t.grid(g)
		start = end
	}
	t.paragraph("", "Team cells are used/capacity FTE; budget cells are spend in the period and, below, "+
		"spend to date in the budget's window against its limit; █ marks a project in flight."+historyNote(p))
}

// historyNote says, for a plan with a status date, that team use before
// it is not recorded; "" otherwise.
func historyNote(p *evaluate.Plan) string {
	if p.Roadmap.AsOf == nil || len(p.Periods) == 0 || !p.Periods[0].History {
		return ""
	}
	return " Periods before the status date " + *p.Roadmap.AsOf + " are history: team use there is not recorded (—)."
}

func budgetStyle(spent, limit float64) string {
	switch {
	case spent > limit:
		return ansiRed
	case overloaded(spent, limit):
		return ansiYellow
	}
	return ""
}

func (t *tableRenderer) vendors() {
	p := t.p
	t.heading("Vendor evaluations")
	if len(p.Vendors) == 0 {
		t.paragraph("", "No vendor evaluations.")
		return
	}
	tco := "TCO"
	if p.Roadmap.Currency != "" {
		tco += " (" + p.Roadmap.Currency + ")"
	}
	for i, v := range p.Vendors {
		if i > 0 {
			t.buf.WriteString("\n")
		}
		t.paragraph("", v.Evaluation+": "+evaluationText(v))
		criteria := criteriaOrder(v)
		g := grid{columns: []column{{header: "Vendor", wrap: true}}, keys: 1}
		for _, c := range criteria {
			header := c
			if wt, ok := v.Criteria[c]; ok {
				header += " ×" + formatQuantity(wt)
			}
			g.columns = append(g.columns, column{header: header, align: alignRight})
		}
		technical := showsTechnical(v)
		if technical {
			g.columns = append(g.columns, column{header: "Technical", align: alignRight})
		}
		g.columns = append(g.columns,
			column{header: "Score", align: alignRight},
			column{header: tco, align: alignRight},
			column{header: "Result"})
		for _, c := range v.Candidates {
			line := []string{c.Vendor}
			for _, crit := range criteria {
				s, ok := c.Scores[crit]
				if !ok {
					line = append(line, none)
					continue
				}
				line = append(line, formatRatio(s))
			}
			result := candidateResult(v, c)
			if technical {
				line = append(line, technicalText(c))
			}
			line = append(line, formatRatio(c.Score), formatAmount(c.TCO), result)
			styles := make([]string, len(line))
			switch result {
			case "winner":
				styles[len(line)-1] = ansiGreen
			case "below minimum":
				styles[len(line)-1] = ansiRed
			}
			g.rows = append(g.rows, line)
			g.styles = append(g.styles, styles)
		}
		t.grid(g)
	}
}

func (t *tableRenderer) checks() {
	t.heading("Checks")
	if len(t.p.Checks) == 0 {
		t.paragraph("", "No checks.")
		return
	}
	t.checkTable(t.p.Checks)
}

// checkTable prints check results and how many passed (plan and simulation).
func (t *tableRenderer) checkTable(checks []evaluate.CheckResult) {
	g := grid{columns: []column{
		{header: "Result"},
		{header: "Severity"},
		{header: "Check", wrap: true},
		{header: "Message", wrap: true},
	}}
	failed := 0
	for _, c := range checks {
		style := ansiGreen
		if !c.Passed {
			failed++
			style = ansiRed
			if c.Severity == "warning" {
				style = ansiYellow
			}
		}
		g.rows = append(g.rows, []string{checkResult(c), c.Severity, c.ID, c.Message})
		g.styles = append(g.styles, []string{style})
	}
	t.grid(g)
	t.paragraph("", fmt.Sprintf("%d of %d checks passed.", len(checks)-failed, len(checks)))
}

func (t *tableRenderer) optimization() {
	if t.p.Optimization == nil {
		return
	}
	t.heading("Optimisation")
	lines := optimizationLines(t.p)
	for _, line := range lines[:min(2, len(lines))] {
		t.paragraph("", line)
	}
	if rows := figureRows(t.p); len(rows) > 0 {
		g := grid{columns: []column{
			{header: "Figure", wrap: true},
			{header: "Rank order", align: alignRight},
			{header: "Optimised", align: alignRight},
			{header: "Change", wrap: true},
		}, keys: 1}
		for k, row := range rows {
			g.rows = append(g.rows, row)
			style := ""
			switch t.p.Optimization.Figures[k].Effect {
			case evaluate.EffectBetter:
				style = ansiGreen
			case evaluate.EffectWorse:
				style = ansiRed
			}
			g.styles = append(g.styles, []string{"", "", "", style})
		}
		t.grid(g)
	}
	for _, line := range lines[min(2, len(lines)):] {
		t.paragraph("", line)
	}
}

// column describes one column of a grid.
type column struct {
	header string
	align  alignment // default left
	wrap   bool      // may wrap at spaces when the table is too wide
	width  int       // fixed content width; 0: fit the contents
}

// grid is a table before layout: cells may hold newlines.
type grid struct {
	columns []column
	rows    [][]string
	styles  [][]string // ANSI style per cell; may be short or nil
	footer  []string
	// keys is how many leading columns identify a row. A table too wide
	// to fit without breaking words is split into several tables, each
	// repeating the key columns with as many of the others as fit.
	keys int
}

// untabbed is g with every tab in its text shown as a space: a tab has
// no width a table can line up (it is the terminal's to decide). What
// holds no tab is shared, not copied.
func (g grid) untabbed() grid {
	untab := func(cells []string) ([]string, bool) {
		if !slices.ContainsFunc(cells, hasTab) {
			return cells, false
		}
		out := slices.Clone(cells)
		for i, c := range out {
			out[i] = strings.ReplaceAll(c, "\t", " ")
		}
		return out, true
	}
	if slices.ContainsFunc(g.columns, func(c column) bool { return hasTab(c.header) }) {
		g.columns = slices.Clone(g.columns)
		for i := range g.columns {
			g.columns[i].header = strings.ReplaceAll(g.columns[i].header, "\t", " ")
		}
	}
	cloned := false
	for i, row := range g.rows {
		if u, changed := untab(row); changed {
			if !cloned {
				g.rows, cloned = slices.Clone(g.rows), true
			}
			g.rows[i] = u
		}
	}
	g.footer, _ = untab(g.footer)
	return g
}

func hasTab(s string) bool { return strings.IndexByte(s, '\t') >= 0 }

// subgrid is g with only the columns cols, in that order.
func (g grid) subgrid(cols []int) grid {
	pick := func(row []string) []string {
		if row == nil {
			return nil
		}
		out := make([]string, len(cols))
		for j, c := range cols {
			if c < len(row) {
				out[j] = row[c]
			}
		}
		return out
	}
	sub := grid{footer: pick(g.footer)}
	for _, c := range cols {
		sub.columns = append(sub.columns, g.columns[c])
	}
	for _, row := range g.rows {
		sub.rows = append(sub.rows, pick(row))
	}
	for _, st := range g.styles {
		sub.styles = append(sub.styles, pick(st))
	}
	return sub
}

// split divides g's non-key columns into consecutive groups that fit
// width next to the key columns without breaking words.
func (g grid) split(width int) []grid {
	var keys []int
	for i := range g.keys {
		keys = append(keys, i)
	}
	var parts []grid
	var group []int
	for c := g.keys; c < len(g.columns); c++ {
		try := append(append(append([]int(nil), keys...), group...), c)
		if _, fits := fitColumns(g.subgrid(try), width); fits || len(group) == 0 {
			group = append(group, c)
			continue
		}
		parts = append(parts, g.subgrid(append(append([]int(nil), keys...), group...)))
		group = []int{c}
	}
	return append(parts, g.subgrid(append(append([]int(nil), keys...), group...)))
}

// grid lays g out to fit t.width and draws it as a box.
func (t *tableRenderer) grid(g grid) {
	if t.err != nil {
		return
	}
	g = g.untabbed()
	widths, fits := fitColumns(g, t.width)
	if !fits && g.keys > 0 && len(g.columns) > g.keys+1 {
		for i, part := range g.split(t.width) {
			if i > 0 {
				t.buf.WriteString("\n")
			}
			t.grid(part)
		}
		return
	}
	wrapCell := func(s string, i int) string {
		if !strings.ContainsAny(s, "\t\n") && displayWidth(s) <= max(widths[i], 1) {
			return s // one line that fits, as wrapText would leave it
		}
		return strings.Join(wrapText(s, widths[i]), "\n")
	}
	aligns := make([]alignment, len(g.columns))
	headers := make([]string, len(g.columns))
	for i, c := range g.columns {
		aligns[i] = c.align
		headers[i] = wrapCell(c.header, i)
		if c.width > 0 && displayWidth(headers[i]) < widths[i] && !strings.Contains(headers[i], "\n") {
			// A box sizes a column by its contents: pad the header so
			// a fixed-width column is as wide in every chunk.
			pad := strings.Repeat(" ", widths[i]-displayWidth(headers[i]))
			if aligns[i] == alignRight {
				headers[i] = pad + headers[i]
			} else {
				headers[i] += pad
			}
		}
	}
	b := box{aligns: aligns}
	if hasText(headers) {
		b.header = headers
	}
	for r, row := range g.rows {
		cells := make([]string, len(g.columns))
		for i := range g.columns {
			if i >= len(row) {
				continue
			}
			cell := wrapCell(row[i], i)
			if r < len(g.styles) && i < len(g.styles[r]) {
				cell = t.styleLines(g.styles[r][i], cell)
			}
			cells[i] = cell
		}
		b.rows = append(b.rows, cells)
	}
	if g.footer != nil {
		b.footer = make([]string, len(g.columns))
		for i := range g.columns {
			if i < len(g.footer) {
				b.footer[i] = wrapCell(g.footer[i], i)
			}
		}
	}
	b.draw(&t.buf)
}

// styleLines styles each line of a multi-line cell on its own, so a table
// border never takes the colour of a wrapped cell.
func (t *tableRenderer) styleLines(code, cell string) string {
	if !t.color || code == "" {
		return cell
	}
	lines := strings.Split(cell, "\n")
	for i, l := range lines {
		lines[i] = t.style(code, l)
	}
	return strings.Join(lines, "\n")
}

func hasText(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return true
		}
	}
	return false
}

// fitColumns returns each column's content width so that the table,
// borders and padding included, fits width. First headers wrap down to
// their cells' width; then wrappable columns shrink, widest first, down to
// their longest word (at most 20 columns); as a last resort any column
// shrinks and its words break, and fits is false.
func fitColumns(g grid, width int) (widths []int, fits bool) {
	n := len(g.columns)
	natural := make([]int, n)   // one line per header and per cell line
	cellWidth := make([]int, n) // widest cell line
	wordFloor := make([]int, n) // narrowest without breaking a word or a number
	for i, c := range g.columns {
		natural[i] = max(1, displayWidth(c.header))
		wordFloor[i] = max(1, longestWord(c.header))
		measure := func(cell string) {
			for line := range strings.SplitSeq(cell, "\n") {
				cellWidth[i] = max(cellWidth[i], displayWidth(line))
				if c.wrap {
					wordFloor[i] = max(wordFloor[i], min(longestWord(line), 20))
				} else {
					wordFloor[i] = max(wordFloor[i], displayWidth(line))
				}
			}
		}
		for _, row := range g.rows {
			if i < len(row) {
				measure(row[i])
			}
		}
		if i < len(g.footer) {
			measure(g.footer[i])
		}
		natural[i] = max(natural[i], cellWidth[i])
		if c.width > 0 {
			natural[i] = c.width
		}
	}
	widths = append([]int(nil), natural...)
	total := func() int {
		sum := 1
		for _, w := range widths {
			sum += w + 3
		}
		return sum
	}
	shrink := func(floor func(i int) int) {
		for total() > width {
			best := -1
			for i := range widths {
				if widths[i] > floor(i) && (best < 0 || widths[i] > widths[best]) {
					best = i
				}
			}
			if best < 0 {
				return
			}
			widths[best]--
		}
	}
	// Wrap headers wider than their cells.
	shrink(func(i int) int { return min(natural[i], max(cellWidth[i], longestWord(g.columns[i].header), 1)) })
	// Wrap text columns at spaces.
	shrink(func(i int) int {
		if !g.columns[i].wrap {
			return widths[i]
		}
		return min(widths[i], wordFloor[i])
	})
	if total() <= width {
		return widths, true
	}
	// Break words in any column.
	shrink(func(int) int { return 1 })
	return widths, false
}

// wrapText wraps s at spaces to lines of at most width columns, breaking
// words longer than a line. Existing newlines are kept. It is linear in
// the length of s.
func wrapText(s string, width int) []string {
	width = max(width, 1)
	s = strings.ReplaceAll(s, "\t", " ") // as in table cells: the same bytes everywhere
	var lines []string
	for para := range strings.SplitSeq(s, "\n") {
		if displayWidth(para) <= width {
			lines = append(lines, para)
			continue
		}
		// Keep a bullet's indent on its continuation lines.
		indent := ""
		if strings.HasPrefix(para, "- ") && width > 6 {
			indent = "  "
		}
		var line strings.Builder
		lineW, hasWord := 0, false
		newLine := func() {
			lines = append(lines, line.String())
			line.Reset()
			line.WriteString(indent)
			lineW, hasWord = len(indent), false
		}
		for _, word := range strings.Fields(para) {
			wordW := displayWidth(word)
			if hasWord && lineW+1+wordW <= width {
				line.WriteByte(' ')
				line.WriteString(word)
				lineW += 1 + wordW
				continue
			}
			if hasWord {
				newLine()
			}
			if lineW+wordW <= width {
				line.WriteString(word)
				lineW += wordW
				hasWord = true
				continue
			}
			// A word longer than a line: break it rune by rune.
			for _, r := range word {
				rw := displayWidth(string(r))
				if lineW+rw > width && lineW > len(indent) {
					newLine()
				}
				line.WriteRune(r)
				lineW += rw
				hasWord = true
			}
		}
		lines = append(lines, line.String())
	}
	return lines
}

func longestWord(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		n = max(n, displayWidth(w))
	}
	return n
}

// displayWidth is the number of terminal columns s takes: ANSI escapes
// (CSI and OSC sequences) take none, a tab one (it is printed as a
// space), other characters their Unicode width with East Asian ambiguous
// characters narrow. It counts what tablewriter's twwidth counted
// (TestDisplayWidthMatchesTwwidth) without linking that package, whose
// initialisation allocated a 660 KB cache in every run of the CLI.
func displayWidth(s string) int {
	for i := range len(s) {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return i + escapedWidth(s[i:])
		}
	}
	return len(s) // printable ASCII: one column a byte
}

// escapedWidth is displayWidth beyond its printable-ASCII shortcut.
func escapedWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			if n := escapeLen(s[i:]); n > 0 {
				i += n
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\t' {
			w++
		} else {
			w += displaywidth.Options{}.Rune(r)
		}
		i += size
	}
	return w
}

// escapeLen is the length of the ANSI escape sequence s starts with, 0 if
// it starts with none: a CSI sequence (ESC [, parameter bytes 0x30-0x3f,
// intermediate bytes 0x20-0x2f, a final byte 0x40-0x7e) or an OSC
// sequence (ESC ], text without a newline, then BEL or ESC \). A tab
// counts as the space it is printed as.
func escapeLen(s string) int {
	if len(s) < 2 || s[0] != 0x1b {
		return 0
	}
	switch s[1] {
	case '[':
		j := 2
		for j < len(s) && inByteRange(s[j], 0x30, 0x3f) {
			j++
		}
		for j < len(s) && inByteRange(s[j], 0x20, 0x2f) {
			j++
		}
		if j < len(s) && inByteRange(s[j], 0x40, 0x7e) {
			return j + 1
		}
	case ']':
		for j := 2; j < len(s); j++ {
			switch {
			case s[j] == '\n':
				return 0
			case s[j] == 0x07:
				return j + 1
			case s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\':
				return j + 2
			}
		}
	}
	return 0
}

// inByteRange reports whether b, a tab read as a space, is in lo..hi.
func inByteRange(b, lo, hi byte) bool {
	if b == '\t' {
		b = ' '
	}
	return lo <= b && b <= hi
}
