package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate/simulate"
)

// renderSimulationMarkdown writes the simulation as GitHub-flavoured
// Markdown: the table format's sections as headings and pipe tables, and
// the portfolio's finish S-curve as a Mermaid chart.
func renderSimulationMarkdown(w io.Writer, r *simulate.Result, _ Options) error {
	m := &markdownRenderer{}
	s := &simMarkdown{m: m, r: r}
	s.summary()
	s.curve()
	s.projects()
	s.npv()
	s.budgets()
	s.teams()
	s.tornado("What drives the finish", func(e simulate.EstimateResult) float64 { return e.FinishCorrelation })
	s.tornado("What drives the NPV", func(e simulate.EstimateResult) float64 { return e.NPVCorrelation })
	s.checks()
	_, err := w.Write(m.buf.Bytes())
	return err
}

type simMarkdown struct {
	m *markdownRenderer
	r *simulate.Result
}

func (s *simMarkdown) summary() {
	name := s.r.Roadmap.Name
	if name == "" {
		name = "(unnamed roadmap)"
	}
	fmt.Fprintf(&s.m.buf, "# Simulation: %s\n\n", mdEscape(name))
	for _, row := range simSummary(s.r) {
		fmt.Fprintf(&s.m.buf, "- **%s:** %s\n", row[0], mdEscape(row[1]))
	}
}

// curve is the chance that the whole portfolio has finished by the end of
// each period, as a Mermaid line chart.
func (s *simMarkdown) curve() {
	r := s.r
	s.m.heading(2, "When the portfolio finishes")
	if len(r.Periods) == 0 {
		return
	}
	labels := make([]string, len(r.Periods))
	values := make([]string, len(r.Periods))
	for i, l := range r.Periods {
		labels[i] = `"` + mermaidText(l) + `"`
		values[i] = fmt.Sprintf("%.1f", 100*r.Portfolio.FinishCurve[i])
	}
	var b strings.Builder
	b.WriteString("```mermaid\nxychart-beta\n")
	b.WriteString("    title \"Chance every scheduled project has finished (%)\"\n")
	fmt.Fprintf(&b, "    x-axis [%s]\n", strings.Join(labels, ", "))
	b.WriteString("    y-axis \"Chance (%)\" 0 --> 100\n")
	fmt.Fprintf(&b, "    line [%s]\n", strings.Join(values, ", "))
	b.WriteString("```\n")
	s.m.buf.WriteString(b.String())
	pf := r.Portfolio
	fmt.Fprintf(&s.m.buf, "\nThe plan finishes in %s; in half the runs the portfolio is done by %s, in 80%% by %s.\n",
		mdEscape(simLabel(pf.Plan.Finish)), mdEscape(simLabel(pf.P50Finish)), mdEscape(simLabel(pf.P80Finish)))
}

func (s *simMarkdown) projects() {
	r := s.r
	s.m.heading(2, "Projects")
	if len(r.Projects) == 0 {
		s.m.buf.WriteString("No projects.\n")
		return
	}
	var rows [][]string
	for _, p := range r.Projects {
		id := mdCode(p.ID)
		if p.Mandatory {
			id += " (mandatory)"
		}
		deadline, meets := "", ""
		if p.Deadline != nil {
			deadline = mdEscape(*p.Deadline)
		}
		if p.ChanceMeetsDeadline != nil {
			meets = chance(*p.ChanceMeetsDeadline)
			if *p.ChanceMeetsDeadline < 0.8 {
				meets = bold(meets)
			}
		}
		rows = append(rows, []string{
			fmt.Sprint(p.Rank), id + " " + mdEscape(p.Title), mdEscape(planWhen(p.Plan)), chance(p.ChanceScheduled),
			mdEscape(simLabel(p.P50Start)), mdEscape(simLabel(p.P10End)), mdEscape(simLabel(p.P50End)),
			mdEscape(simLabel(p.P80End)), mdEscape(simLabel(p.P90End)), deadline, meets,
		})
	}
	s.m.table([]string{"#", "Project", "Plan", "Scheduled", "Start P50", "Finish P10", "P50", "P80", "P90", "Deadline", "Meets it"},
		[]bool{true, false, false, true, false, false, false, false, false, false, true}, rows)
	s.m.buf.WriteString("\nFinish is the last period a project runs in. " + mdEscape(simPercentileNote) + "\n")
}

func (s *simMarkdown) npv() {
	r := s.r
	title := "Project NPV"
	if r.Roadmap.Currency != "" {
		title += " (" + r.Roadmap.Currency + ")"
	}
	s.m.heading(2, title)
	var rows [][]string
	for _, p := range r.Projects {
		rows = append(rows, []string{mdCode(p.ID),
			formatAmount(p.Plan.NPV), formatAmount(p.P10NPV), formatAmount(p.P50NPV), formatAmount(p.P90NPV),
			formatAmount(p.Plan.RiskAdjustedNPV), formatAmount(p.P10RiskAdjustedNPV), formatAmount(p.P50RiskAdjustedNPV), formatAmount(p.P90RiskAdjustedNPV)})
	}
	pf := r.Portfolio
	rows = append(rows, []string{bold("Portfolio"),
		bold(formatAmount(pf.Plan.NPV)), bold(formatAmount(pf.NPV.P10)), bold(formatAmount(pf.NPV.P50)), bold(formatAmount(pf.NPV.P90)),
		bold(formatAmount(pf.Plan.RiskAdjustedNPV)), bold(formatAmount(pf.RiskAdjustedNPV.P10)), bold(formatAmount(pf.RiskAdjustedNPV.P50)), bold(formatAmount(pf.RiskAdjustedNPV.P90))})
	s.m.table([]string{"Project", "Plan NPV", "P10", "P50", "P90", "Plan risk-adj.", "P10", "P50", "P90"},
		[]bool{false, true, true, true, true, true, true, true, true}, rows)
	s.m.buf.WriteString("\nEach project's own NPV, as if it started at once; the portfolio row sums the projects each run schedules.\n")
}

func (s *simMarkdown) budgets() {
	r := s.r
	title := "Budgets under the committed plan"
	if r.Roadmap.Currency != "" {
		title += " (" + r.Roadmap.Currency + ")"
	}
	s.m.heading(2, title)
	if len(r.Budgets) == 0 {
		s.m.buf.WriteString("No budgets.\n")
		return
	}
	var rows [][]string
	for _, b := range r.Budgets {
		for _, win := range b.Windows {
			c := chance(win.ChanceOverrun)
			if win.ChanceOverrun >= 0.2 {
				c = bold(c)
			}
			rows = append(rows, []string{mdCode(b.ID), mdEscape(win.Window), formatAmount(win.Limit), formatAmount(win.PlanSpent),
				formatAmount(win.P50Spent), formatAmount(win.P90Spent), c})
		}
	}
	s.m.table([]string{"Budget", "Window", "Limit", "Plan", "P50", "P90", "Chance of overrun"},
		[]bool{false, false, true, true, true, true, true}, rows)
	s.m.buf.WriteString("\n" + mdEscape(simCommittedNote) + "\n")
}

func (s *simMarkdown) teams() {
	r := s.r
	s.m.heading(2, "Teams under the committed plan")
	if len(r.Teams) == 0 {
		s.m.buf.WriteString("No teams.\n")
		return
	}
	var rows [][]string
	for _, tm := range r.Teams {
		c := chance(tm.ChanceOverloaded)
		if tm.ChanceOverloaded >= 0.2 {
			c = bold(c)
		}
		rows = append(rows, []string{mdCode(tm.ID), formatPercent(tm.PlanPeakUtilization), formatPercent(tm.P50PeakUtilization),
			formatPercent(tm.P90PeakUtilization), c})
	}
	s.m.table([]string{"Team", "Plan peak", "P50 peak", "P90 peak", "Chance overloaded"}, []bool{false, true, true, true, true}, rows)
	s.m.buf.WriteString("\nPeak: the team's highest load in any period, as a share of its capacity.\n")
}

func (s *simMarkdown) tornado(title string, corr func(simulate.EstimateResult) float64) {
	s.m.heading(2, title)
	top := drivers(s.r, corr, tornadoRows)
	if len(top) == 0 {
		s.m.buf.WriteString("No estimate moves it.\n")
		return
	}
	var rows [][]string
	for _, e := range top {
		rows = append(rows, []string{mdCode(estimateName(e)), mdEscape(rangeText(e)), signed(corr(e)), bar(corr(e), 10)})
	}
	s.m.table([]string{"Estimate", "Range", "Correlation", ""}, []bool{false, false, true, false}, rows)
	s.m.buf.WriteString("\n" + mdEscape(simTornadoNote) + "\n")
}

func (s *simMarkdown) checks() {
	if len(s.r.Checks) == 0 {
		return
	}
	s.m.heading(2, "Checks")
	s.m.checkTable(s.r.Checks)
}
