package report

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// htmlPage is everything the HTML template shows, already formatted.
type htmlPage struct {
	Title        string
	Name         string
	Facts        []htmlFact
	Totals       []htmlFact
	Alerts       []string
	Optimization []htmlFact
	Gantt        ganttChart
	NotScheduled []htmlProject
	Heat         heatMap
	Budgets      htmlBudgets
	Bubbles      bubbleChart
	Projects     []htmlProject
	Vendors      []htmlVendor
	Checks       []htmlCheck
	Currency     string
	Audit        *htmlAudit // nil without systems
	// AsOf is the status date of a living plan, "" without one.
	AsOf string
	// Progress is the progress section of a living plan; nil when no
	// project has actuals.
	Progress *htmlProgress
	// Earned is the earned value section; nil without a baseline.
	Earned *htmlEarned
	// RunRate is the run-rate section; nil when the plan adds no run cost.
	RunRate *htmlRunRate
	Choices *htmlChoices // nil without choices and together groups
	Savings bool         // some project replaces systems: a Saving column
}

type htmlFact struct{ Label, Value string }

// htmlProgress is the progress section: each project with actuals, as
// the table and Markdown print it.
type htmlProgress struct {
	Title   string
	Headers []htmlCell
	Rows    [][]htmlCell
	Note    string
}

type htmlCell struct{ Text, Class string }

// buildHTMLProgress is the progress section, nil when no project has
// actuals.
func buildHTMLProgress(p *evaluate.Plan) *htmlProgress {
	rows := progressRows(p, func(id string) string { return id })
	if rows == nil {
		return nil
	}
	hp := &htmlProgress{Title: "Progress at " + *p.Roadmap.AsOf, Note: progressNoteOf(p)}
	class := func(k int) string {
		if progressRight[k] {
			return "num"
		}
		return ""
	}
	for k, h := range progressHeaders() {
		hp.Headers = append(hp.Headers, htmlCell{h, class(k)})
	}
	for _, r := range rows {
		var row []htmlCell
		for k, text := range r {
			row = append(row, htmlCell{text, class(k)})
		}
		hp.Rows = append(hp.Rows, row)
	}
	return hp
}

type htmlProject struct {
	Rank                                int
	ID, Title, Status, Gate             string
	Score, Alignment, Risk              string
	When, Deadline, DependsOn           string
	Cost, RiskAdjustedNPV, ROI, Payback string
	Saving                              string // "—" when it replaces no system
	Mandatory                           bool
	Flagship                            bool
	Reasons                             []string
}

type htmlBudgets struct {
	Periods []string
	History []bool // per period: before the status date
	Rows    []htmlBudgetRow
}

type htmlBudgetRow struct {
	ID, Title, Limit string
	Cells            []htmlBudgetCell
}

type htmlBudgetCell struct{ Text, Title, Class string }

type htmlVendor struct {
	Evaluation, Category, Winner, Minimum, Years string
	Criteria                                     []htmlFact // criterion, weight
	Rows                                         []htmlVendorRow
}

type htmlVendorRow struct {
	Vendor, Title, Score, TCO string
	Scores                    []string
	Winner, Eligible          bool
}

type htmlCheck struct {
	ID, Severity, Result, Message, Class string
}

// renderHTML writes one self-contained HTML page: inline CSS and SVG, no
// scripts, no fonts or requests beyond the file itself.
func renderHTML(w io.Writer, p *evaluate.Plan, o Options) error {
	page, err := buildHTMLPage(p)
	if err != nil {
		return err
	}
	t, err := template.New("page").Parse(htmlTemplate)
	if err == nil {
		t, err = t.Parse(htmlAuditTemplate)
	}
	if err == nil {
		t, err = t.Parse(htmlEarnedTemplate)
	}
	if err == nil {
		t, err = t.Parse(htmlChoicesTemplate)
	}
	if err == nil {
		t, err = t.Parse(htmlRunRateTemplate)
	}
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

func buildHTMLPage(p *evaluate.Plan) (*htmlPage, error) {
	cal, err := planCalendar(p)
	if err != nil {
		return nil, err
	}
	name := p.Roadmap.Name
	if name == "" {
		name = "Roadmap"
	}
	page := &htmlPage{Title: name + " — roadmap plan", Name: name, Currency: p.Roadmap.Currency}
	maxPar := "no limit"
	if p.Roadmap.MaxParallel > 0 {
		maxPar = fmt.Sprint(p.Roadmap.MaxParallel)
	}
	n := periodsToDraw(p)
	page.Facts = []htmlFact{
		{"Periods", fmt.Sprintf("%d × %s from %s to %s", p.Roadmap.Horizon, p.Roadmap.Period, labelOfPeriod(p, cal, 0), labelOfPeriod(p, cal, max(n, 1)-1))},
		{"Strategy", p.Roadmap.Strategy},
		{"Currency", p.Roadmap.Currency},
		{"Discount rate", fixed(p.Roadmap.DiscountRate*100, 1) + "% a year"},
		{"Risk appetite", fixed(p.Roadmap.RiskAppetite, 2)},
		{"Projects in parallel", maxPar},
	}
	var viewFacts []htmlFact
	for _, r := range append(scenarioRows(p), viewRows(p)...) {
		viewFacts = append(viewFacts, htmlFact{r[0], r[1]})
	}
	page.Facts = append(viewFacts, page.Facts...)
	if text := statusDateText(p); text != "" {
		page.Facts = append(page.Facts, htmlFact{"Status", text})
	}
	if text := flagshipText(p); text != "" {
		page.Facts = append(page.Facts, htmlFact{"Flagship", text})
	}
	t := p.Totals
	finish := "—"
	if t.Scheduled > 0 && t.FinishPeriod > 0 {
		finish = "end of " + labelOfPeriod(p, cal, t.FinishPeriod-1)
	}
	page.Totals = []htmlFact{
		{"Scheduled", fmt.Sprint(t.Scheduled)},
		{"Deferred", fmt.Sprint(t.Deferred)},
		{"Dropped", fmt.Sprint(t.Dropped)},
		{"Cost", formatAmount(t.Cost)},
		{"Benefit", formatAmount(t.Benefit)},
		{"NPV", formatAmount(t.NPV)},
		{"Risk-adjusted NPV", formatAmount(t.RiskAdjustedNPV)},
		{"NPV at roadmap start", formatAmount(t.ScheduledNPV)},
		{"Finish", finish},
		{"Peak in parallel", fmt.Sprint(t.PeakParallel)},
	}
	if t.DeadlinesMet+t.DeadlinesMissed > 0 {
		page.Totals = append(page.Totals, htmlFact{"Deadlines met", fmt.Sprint(t.DeadlinesMet)}, htmlFact{"Deadlines missed", fmt.Sprint(t.DeadlinesMissed)})
	}
	for _, c := range p.Checks {
		if !c.Passed {
			label := "Error"
			if c.Severity == "warning" {
				label = "Warning"
			}
			page.Alerts = append(page.Alerts, fmt.Sprintf("%s: check %s failed: %s", label, c.ID, c.Message))
		}
	}
	if op := p.Optimization; op != nil {
		bound := "unknown"
		if op.Bound != nil {
			bound = fixed(*op.Bound, 3)
		}
		page.Optimization = []htmlFact{
			{"Method", op.Method}, {"Seed", fmt.Sprint(op.Seed)}, {"Objective", op.Objective},
			{"Rank order", fixed(op.Baseline, 3)}, {"Best", fixed(op.Best, 3)}, {"Bound", bound},
			{"Schedules tried", fmt.Sprint(op.Schedules)},
		}
		for _, row := range figureRows(p) {
			page.Optimization = append(page.Optimization, htmlFact{row[0], fmt.Sprintf("%s in rank order, %s optimised (%s)", row[1], row[2], row[3])})
		}
		for _, c := range op.Changes {
			page.Optimization = append(page.Optimization, htmlFact{"Change", c})
		}
	}
	page.Gantt = buildGantt(p, cal)
	page.Heat = buildHeatMap(p, cal)
	page.Budgets = buildHTMLBudgets(p, cal, n)
	page.Bubbles = buildBubbles(p)
	for i := range p.Projects {
		hp := htmlProjectOf(p, &p.Projects[i])
		page.Projects = append(page.Projects, hp)
		if p.Projects[i].Status != evaluate.StatusScheduled {
			page.NotScheduled = append(page.NotScheduled, hp)
		}
	}
	page.Audit = buildHTMLAudit(p)
	if p.Roadmap.AsOf != nil {
		page.AsOf = *p.Roadmap.AsOf
	}
	page.Progress = buildHTMLProgress(p)
	page.Earned = buildHTMLEarned(p)
	page.RunRate = buildHTMLRunRate(p)
	page.Choices = buildHTMLChoices(p)
	page.Savings = showsSaving(p)
	for _, v := range p.Vendors {
		page.Vendors = append(page.Vendors, htmlVendorOf(v))
	}
	for _, c := range p.Checks {
		hc := htmlCheck{ID: c.ID, Severity: c.Severity, Message: c.Message, Result: "passed", Class: "pass"}
		if !c.Passed {
			hc.Result, hc.Class = "failed", "fail-"+c.Severity
		}
		page.Checks = append(page.Checks, hc)
	}
	return page, nil
}

func htmlProjectOf(p *evaluate.Plan, pr *evaluate.ProjectPlan) htmlProject {
	hp := htmlProject{Rank: pr.Rank, ID: pr.ID, Title: pr.Title, Status: pr.Status, Gate: pr.Gate,
		Score: fixed(pr.Score, 3), Alignment: fixed(pr.Alignment, 2), Risk: fixed(pr.Risk, 2),
		Cost: formatAmount(pr.Cost), RiskAdjustedNPV: formatAmount(pr.RiskAdjustedNPV), ROI: formatPercentPtr(pr.ROI),
		Payback: "never", Saving: savingText(*pr), Mandatory: pr.Mandatory, Flagship: pr.Flagship, Reasons: projectReasons(*pr), When: "—", Deadline: "—",
		DependsOn: strings.Join(sortedCopy(pr.DependsOn), ", ")}
	if pr.PaybackPeriods != nil {
		hp.Payback = fixed(*pr.PaybackPeriods, 1) + " " + p.Roadmap.Period + "s"
	}
	if pr.Start != nil && pr.End != nil {
		hp.When = *pr.Start
		if *pr.End != *pr.Start {
			hp.When += " – " + *pr.End
		}
	}
	if pr.Deadline != nil {
		hp.Deadline = *pr.Deadline
	}
	return hp
}

func buildHTMLBudgets(p *evaluate.Plan, cal hclspec.Calendar, n int) htmlBudgets {
	var hb htmlBudgets
	for i := 0; i < n; i++ {
		hb.Periods = append(hb.Periods, labelOfPeriod(p, cal, i))
		hb.History = append(hb.History, i < len(p.Periods) && p.Periods[i].History)
	}
	info := map[string]evaluate.BudgetInfo{}
	for _, b := range p.Budgets {
		info[b.ID] = b
	}
	for _, id := range budgetIDs(p) {
		b := info[id]
		row := htmlBudgetRow{ID: id, Title: b.Title}
		if b.Per != "" {
			row.Limit = formatAmount(b.Amount) + " per " + b.Per
		}
		for i := 0; i < n; i++ {
			var s evaluate.BudgetSpend
			if i < len(p.Periods) {
				s = p.Periods[i].Budgets[id]
			}
			cell := htmlBudgetCell{Text: formatCompact(s.Spent), Class: "num"}
			if s.Spent == 0 {
				cell.Text = "–"
			}
			if s.Limit > 0 {
				cell.Title = fmt.Sprintf("%s spent in %s; %s of %s used in window %s", formatAmount(s.Spent), hb.Periods[i],
					formatAmount(s.WindowSpent), formatAmount(s.Limit), s.Window)
				if s.WindowSpent >= 0.9*s.Limit {
					cell.Class += " tight"
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		hb.Rows = append(hb.Rows, row)
	}
	return hb
}

func htmlVendorOf(v evaluate.VendorResult) htmlVendor {
	hv := htmlVendor{Evaluation: v.Evaluation, Category: v.Category, Winner: "none reaches the minimum score",
		Minimum: fixed(v.MinimumScore, 2), Years: fixed(v.Years, 0)}
	if v.Winner != nil {
		hv.Winner = *v.Winner
	}
	// Heaviest criterion first, as in the table and Markdown reports.
	crit := criteriaOrder(v)
	for _, c := range crit {
		w := "—"
		if x, ok := v.Criteria[c]; ok {
			w = fixed(x, 2)
		}
		hv.Criteria = append(hv.Criteria, htmlFact{c, w})
	}
	for _, c := range v.Candidates {
		row := htmlVendorRow{Vendor: c.Vendor, Title: c.Title, Score: fixed(c.Score, 2), TCO: formatAmount(c.TCO),
			Eligible: c.Eligible, Winner: v.Winner != nil && *v.Winner == c.Vendor}
		for _, k := range crit {
			if s, ok := c.Scores[k]; ok {
				row.Scores = append(row.Scores, fixed(s, 2))
			} else {
				row.Scores = append(row.Scores, "—")
			}
		}
		hv.Rows = append(hv.Rows, row)
	}
	return hv
}
