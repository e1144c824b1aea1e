package report

import (
	"fmt"
	"io"

	"github.com/roadmap-as-code/roadmap/evaluate/simulate"
)

// tornadoRows is how many estimates each tornado lists.
const tornadoRows = 10

// renderSimulationTable writes the simulation for a terminal: the
// headline figures, each project's chances and dates, project NPVs, the
// committed plan's budgets and teams, the tornados and the checks. Every
// line fits Options.Width columns.
func renderSimulationTable(w io.Writer, r *simulate.Result, o Options) error {
	t := &tableRenderer{color: o.Color, width: o.Width}
	if t.width == 0 {
		t.width = DefaultWidth
	}
	t.width = max(t.width, minWidth)
	s := &simTable{t: t, r: r}
	s.summary()
	s.projects()
	s.npv()
	s.budgets()
	s.teams()
	s.tornado("What drives the finish", func(e simulate.EstimateResult) float64 { return e.FinishCorrelation })
	s.tornado("What drives the NPV", func(e simulate.EstimateResult) float64 { return e.NPVCorrelation })
	s.checks()
	if t.err != nil {
		return t.err
	}
	_, err := w.Write(t.buf.Bytes())
	return err
}

type simTable struct {
	t *tableRenderer
	r *simulate.Result
}

func (s *simTable) summary() {
	t := s.t
	name := s.r.Roadmap.Name
	if name == "" {
		name = "(unnamed roadmap)"
	}
	for _, line := range wrapText("Simulation: "+name, t.width) {
		t.buf.WriteString(t.style(ansiBold, line))
		t.buf.WriteString("\n")
	}
	const keyWidth = 11
	for _, row := range simSummary(s.r) {
		style := ""
		if row[0] == "Checks" {
			style = checksStyle(s.r.Checks)
		}
		for i, line := range wrapText(row[1], t.width-2-keyWidth) {
			key := ""
			if i == 0 {
				key = row[0]
			}
			fmt.Fprintf(&t.buf, "  %-*s%s\n", keyWidth, key, t.style(style, line))
		}
	}
}

func (s *simTable) projects() {
	t := s.t
	t.heading("Projects")
	if len(s.r.Projects) == 0 {
		t.paragraph("", "No projects.")
		return
	}
	g := grid{
		columns: []column{
			{header: "#", align: alignRight},
			{header: "Project", wrap: true},
			{header: "Plan", wrap: true},
			{header: "Scheduled", align: alignRight},
			{header: "Start P50"},
			{header: "Finish P10"},
			{header: "P50"},
			{header: "P80"},
			{header: "P90"},
			{header: "Deadline"},
			{header: "Meets it", align: alignRight},
		},
		keys: 2,
	}
	mandatory := false
	for _, p := range s.r.Projects {
		id := p.ID
		if p.Mandatory {
			id += " *"
			mandatory = true
		}
		deadline, meets := "", ""
		if p.Deadline != nil {
			deadline = *p.Deadline
		}
		if p.ChanceMeetsDeadline != nil {
			meets = chance(*p.ChanceMeetsDeadline)
		}
		g.rows = append(g.rows, []string{
			fmt.Sprint(p.Rank), id, planWhen(p.Plan), chance(p.ChanceScheduled),
			simLabel(p.P50Start), simLabel(p.P10End), simLabel(p.P50End), simLabel(p.P80End), simLabel(p.P90End),
			deadline, meets,
		})
		g.styles = append(g.styles, []string{"", "", statusStyle(p.Plan.Status), chanceStyle(p.ChanceScheduled), "", "", "", "", "", "", chanceStylePtr(p.ChanceMeetsDeadline)})
	}
	t.grid(g)
	if mandatory {
		t.paragraph("", "* mandatory.")
	}
	t.paragraph("", "Finish is the last period a project runs in. "+simPercentileNote)
}

// chanceStyle colours a chance that something good happens: red below
// 50%, yellow below 80%.
func chanceStyle(x float64) string {
	switch {
	case x < 0.5:
		return ansiRed
	case x < 0.8:
		return ansiYellow
	}
	return ""
}

func chanceStylePtr(x *float64) string {
	if x == nil {
		return ""
	}
	return chanceStyle(*x)
}

// riskStyle colours a chance that something bad happens.
func riskStyle(x float64) string {
	switch {
	case x >= 0.5:
		return ansiRed
	case x >= 0.2:
		return ansiYellow
	}
	return ""
}

func (s *simTable) npv() {
	t, r := s.t, s.r
	title := "Project NPV"
	if r.Roadmap.Currency != "" {
		title += " (" + r.Roadmap.Currency + ")"
	}
	t.heading(title)
	if len(r.Projects) == 0 {
		t.paragraph("", "No projects.")
		return
	}
	g := grid{
		columns: []column{
			{header: "Project", wrap: true},
			{header: "Plan NPV", align: alignRight},
			{header: "P10", align: alignRight},
			{header: "P50", align: alignRight},
			{header: "P90", align: alignRight},
			{header: "Plan risk-adj.", align: alignRight},
			{header: "P10", align: alignRight},
			{header: "P50", align: alignRight},
			{header: "P90", align: alignRight},
		},
		keys: 1,
	}
	for _, p := range r.Projects {
		g.rows = append(g.rows, []string{
			p.ID,
			formatAmount(p.Plan.NPV), formatAmount(p.P10NPV), formatAmount(p.P50NPV), formatAmount(p.P90NPV),
			formatAmount(p.Plan.RiskAdjustedNPV), formatAmount(p.P10RiskAdjustedNPV), formatAmount(p.P50RiskAdjustedNPV), formatAmount(p.P90RiskAdjustedNPV),
		})
	}
	pf := r.Portfolio
	g.footer = []string{
		"Portfolio",
		formatAmount(pf.Plan.NPV), formatAmount(pf.NPV.P10), formatAmount(pf.NPV.P50), formatAmount(pf.NPV.P90),
		formatAmount(pf.Plan.RiskAdjustedNPV), formatAmount(pf.RiskAdjustedNPV.P10), formatAmount(pf.RiskAdjustedNPV.P50), formatAmount(pf.RiskAdjustedNPV.P90),
	}
	t.grid(g)
	t.paragraph("", "Each project's own NPV, as if it started at once; the portfolio row sums the projects each run schedules.")
}

func (s *simTable) budgets() {
	t, r := s.t, s.r
	title := "Budgets under the committed plan"
	if r.Roadmap.Currency != "" {
		title += " (" + r.Roadmap.Currency + ")"
	}
	t.heading(title)
	if len(r.Budgets) == 0 {
		t.paragraph("", "No budgets.")
		return
	}
	g := grid{
		columns: []column{
			{header: "Budget", wrap: true},
			{header: "Window"},
			{header: "Limit", align: alignRight},
			{header: "Plan", align: alignRight},
			{header: "P50", align: alignRight},
			{header: "P90", align: alignRight},
			{header: "Chance of overrun", align: alignRight},
		},
		keys: 2,
	}
	for _, b := range r.Budgets {
		for i, win := range b.Windows {
			id := ""
			if i == 0 {
				id = b.ID
			}
			g.rows = append(g.rows, []string{id, win.Window, formatAmount(win.Limit), formatAmount(win.PlanSpent),
				formatAmount(win.P50Spent), formatAmount(win.P90Spent), chance(win.ChanceOverrun)})
			g.styles = append(g.styles, []string{"", "", "", "", "", "", riskStyle(win.ChanceOverrun)})
		}
	}
	t.grid(g)
	t.paragraph("", simCommittedNote)
}

func (s *simTable) teams() {
	t, r := s.t, s.r
	t.heading("Teams under the committed plan")
	if len(r.Teams) == 0 {
		t.paragraph("", "No teams.")
		return
	}
	g := grid{
		columns: []column{
			{header: "Team", wrap: true},
			{header: "Plan peak", align: alignRight},
			{header: "P50 peak", align: alignRight},
			{header: "P90 peak", align: alignRight},
			{header: "Chance overloaded", align: alignRight},
		},
		keys: 1,
	}
	for _, tm := range r.Teams {
		g.rows = append(g.rows, []string{tm.ID, formatPercent(tm.PlanPeakUtilization), formatPercent(tm.P50PeakUtilization),
			formatPercent(tm.P90PeakUtilization), chance(tm.ChanceOverloaded)})
		g.styles = append(g.styles, []string{"", "", "", "", riskStyle(tm.ChanceOverloaded)})
	}
	t.grid(g)
	t.paragraph("", "Peak: the team's highest load in any period, as a share of its capacity.")
}

func (s *simTable) tornado(title string, corr func(simulate.EstimateResult) float64) {
	t := s.t
	t.heading(title)
	top := drivers(s.r, corr, tornadoRows)
	if len(top) == 0 {
		t.paragraph("", "No estimate moves it.")
		return
	}
	g := grid{
		columns: []column{
			{header: "Estimate"},
			{header: "Range", wrap: true},
			{header: "Correlation", align: alignRight},
			{header: ""},
		},
		keys: 1,
	}
	for _, e := range top {
		g.rows = append(g.rows, []string{estimateName(e), rangeText(e), signed(corr(e)), bar(corr(e), 10)})
	}
	t.grid(g)
	t.paragraph("", simTornadoNote)
}

func (s *simTable) checks() {
	t := s.t
	if len(s.r.Checks) == 0 {
		return
	}
	t.heading("Checks")
	t.checkTable(s.r.Checks)
}
