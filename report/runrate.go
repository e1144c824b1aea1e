package report

import (
	"fmt"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// The run-rate section in every text format: the recurring cost the
// plan's projects add a year, by budget, less the systems they retire,
// and what each budget year of the horizon pays.

// hasRunRate reports whether the plan adds or retires any run cost.
func hasRunRate(p *evaluate.Plan) bool {
	return len(p.RunRate.Projects) > 0 || len(p.RunRate.Systems) > 0
}

// runRateSummary is the section's first line: added, by budget, retired
// and net, a year.
func runRateSummary(p *evaluate.Plan) string {
	r := p.RunRate
	cur := p.Roadmap.Currency
	var by []string
	for _, b := range r.Budgets {
		if b.Budget == "" {
			by = append(by, formatAmount(b.PerYear)+" paid by no opex budget")
			continue
		}
		by = append(by, fmt.Sprintf("budget %s %s", b.Budget, formatAmount(b.PerYear)))
	}
	text := "Run costs added " + formatMoney(r.AddedPerYear, cur) + " a year"
	if len(by) > 0 {
		text += " (" + strings.Join(by, ", ") + ")"
	}
	text += ", retired systems " + formatMoney(r.RetiredPerYear, cur) + ", net " + formatMoney(r.NetPerYear, cur) + " a year once everything is live."
	return text
}

// runRateHeaders are the columns of the run-rate items.
func runRateHeaders() []string {
	return []string{"Item", "Status", "Budget", "From", "Per year"}
}

var runRateRight = []bool{false, false, false, false, true}

// runRateRows lists the projects adding run cost and the systems they
// retire (negative), in rank order.
func runRateRows(p *evaluate.Plan, id func(string) string) [][]string {
	var rows [][]string
	for _, pr := range p.RunRate.Projects {
		budget := pr.Budget
		if budget == "" {
			budget = none
		}
		rows = append(rows, []string{id(pr.ID), pr.Status, budget, pr.GoLive + afterHorizon(&pr.GoLivePeriod, p.Roadmap.Horizon), formatAmount(pr.PerYear)})
	}
	for _, s := range p.RunRate.Systems {
		rows = append(rows, []string{"system " + id(s.ID) + " (retired by " + id(s.RetiredBy) + ")", "retired", none, s.Retired + afterHorizon(&s.RetiredPeriod, p.Roadmap.Horizon), formatAmount(-s.PerYear)})
	}
	return rows
}

// runRateYearRows are the run costs paid in each budget year.
func runRateYearRows(p *evaluate.Plan) [][]string {
	var rows [][]string
	for _, y := range p.RunRate.Years {
		rows = append(rows, []string{y.Year, formatAmount(y.Added), formatAmount(-y.Retired), formatAmount(y.Net)})
	}
	return rows
}

// runRateNote says how the section counts: both sides run from go-live to
// the end of the horizon, whatever benefit.years says (it bounds the NPV).
const runRateNote = "Run costs are cost.per_year and the vendor's annual fee from go-live; the budget is the opex budget " +
	"they draw on (run_funding). A retired system's run cost stops when the project replacing it goes live. " +
	"Both run to the end of the horizon: benefit.years bounds the NPV, not the run cost. " +
	"Each year row is what that year of the horizon pays."

func runRateTitle(p *evaluate.Plan) string {
	if p.Roadmap.Currency != "" {
		return "Run rate (" + p.Roadmap.Currency + ")"
	}
	return "Run rate"
}

// runRate prints the run-rate section (table format).
func (t *tableRenderer) runRate() {
	if !hasRunRate(t.p) {
		return
	}
	t.heading(runRateTitle(t.p))
	t.paragraph("", runRateSummary(t.p))
	g := grid{keys: 1}
	for i, h := range runRateHeaders() {
		c := column{header: h, wrap: i == 0}
		if runRateRight[i] {
			c.align = alignRight
		}
		g.columns = append(g.columns, c)
	}
	g.rows = runRateRows(t.p, func(id string) string { return id })
	t.grid(g)
	y := grid{keys: 1}
	for i, h := range []string{"Year", "Added", "Retired", "Net"} {
		c := column{header: h}
		if i > 0 {
			c.align = alignRight
		}
		y.columns = append(y.columns, c)
	}
	y.rows = runRateYearRows(t.p)
	t.grid(y)
	t.paragraph("", runRateNote)
}

// runRate prints the run-rate section (Markdown).
func (m *markdownRenderer) runRate() {
	if !hasRunRate(m.p) {
		return
	}
	m.heading(2, runRateTitle(m.p))
	m.buf.WriteString(mdEscape(runRateSummary(m.p)) + "\n\n")
	m.table(runRateHeaders(), runRateRight, runRateRows(m.p, mdCode))
	m.buf.WriteString("\n")
	m.table([]string{"Year", "Added", "Retired", "Net"}, []bool{false, true, true, true}, runRateYearRows(m.p))
	fmt.Fprintf(&m.buf, "\n%s\n", mdEscape(runRateNote))
}

// htmlRunRate is the HTML run-rate section; nil when the plan adds no
// run cost.
type htmlRunRate struct {
	Title, Summary, Note string
	Headers              []string
	Rows                 [][]string
	Years                [][]string
}

func buildHTMLRunRate(p *evaluate.Plan) *htmlRunRate {
	if !hasRunRate(p) {
		return nil
	}
	return &htmlRunRate{Title: runRateTitle(p), Summary: runRateSummary(p), Note: runRateNote,
		Headers: runRateHeaders(), Rows: runRateRows(p, func(id string) string { return id }), Years: runRateYearRows(p)}
}

const htmlRunRateTemplate = `{{define "runrate"}}
<section id="run-rate" aria-labelledby="run-rate-h">
<h2 id="run-rate-h">{{.Title}}</h2>
<p>{{.Summary}}</p>
<div class="wide"><table class="run-rate"><thead><tr>{{range $i, $h := .Headers}}<th scope="col"{{if eq $i 4}} class="num"{{end}}>{{$h}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr>{{range $i, $c := .}}{{if eq $i 4}}<td class="num">{{$c}}</td>{{else}}<td>{{$c}}</td>{{end}}{{end}}</tr>{{end}}</tbody></table></div>
<div class="wide"><table class="run-rate-years"><thead><tr><th scope="col">Year</th><th scope="col" class="num">Added</th><th scope="col" class="num">Retired</th><th scope="col" class="num">Net</th></tr></thead>
<tbody>{{range .Years}}<tr>{{range $i, $c := .}}{{if eq $i 0}}<th scope="row">{{$c}}</th>{{else}}<td class="num">{{$c}}</td>{{end}}{{end}}</tr>{{end}}</tbody></table></div>
<p class="note">{{.Note}}</p>
</section>
{{end}}`
