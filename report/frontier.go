package report

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate/frontier"
)

// frontierRenderers maps a frontier --format name to its renderer.
var frontierRenderers = renderers[frontier.Frontier]{
	"table":    renderFrontierTable,
	"json":     renderFrontierJSON,
	"markdown": renderFrontierMarkdown,
	"html":     renderFrontierHTML,
	"csv":      renderFrontierCSV,
	"xlsx":     renderFrontierXLSX,
}

// FrontierFormats lists the formats RenderFrontier accepts, sorted.
func FrontierFormats() []string { return frontierRenderers.formats() }

// RenderFrontier writes f in the named format.
func RenderFrontier(w io.Writer, f *frontier.Frontier, format string, o Options) error {
	return frontierRenderers.render(w, f, format, o, "frontier", "")
}

// MarshalFrontier is the frontier's JSON, indented, with a final newline.
func MarshalFrontier(f *frontier.Frontier) ([]byte, error) {
	return marshalIndented(f, "frontier")
}

func renderFrontierJSON(w io.Writer, f *frontier.Frontier, _ Options) error {
	data, err := MarshalFrontier(f)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

func frontierTitle(f *frontier.Frontier) string {
	name := f.Roadmap.Name
	if name == "" {
		name = "(unnamed roadmap)"
	}
	return fmt.Sprintf("Efficient frontier: %s, %s %q", name, f.Resource.Kind, f.Resource.ID)
}

// frontierLevel formats a level in the resource's unit.
func frontierLevel(f *frontier.Frontier, v float64) string {
	if f.Resource.Kind == frontier.KindTeam {
		return formatQuantity(v) + " FTE"
	}
	return formatAmount(v)
}

// frontierIntro is the paragraph under the title.
func frontierIntro(f *frontier.Frontier) string {
	what := fmt.Sprintf("the amount of budget %q", f.Resource.ID)
	if f.Resource.Kind == frontier.KindTeam {
		what = fmt.Sprintf("the capacity of team %q", f.Resource.ID)
	}
	if f.Resource.Title != "" {
		what += " (" + f.Resource.Title + ")"
	}
	return fmt.Sprintf("The best portfolio the optimiser finds (seed %d, objective %s) for each level of %s, in %s; today's level is %s. "+
		"%s; every level keeps today's value scale so scores compare.",
		f.Seed, f.Objective, what, f.Resource.Unit, frontierLevel(f, f.Resource.Current), frontierObjectiveText(f))
}

// frontierObjectiveText says what the objective column holds.
func frontierObjectiveText(f *frontier.Frontier) string {
	switch f.Objective {
	case "npv":
		return "The objective is the NPV of the scheduled projects"
	case "risk_adjusted_npv":
		return "The objective is the risk-adjusted NPV of the scheduled projects"
	case "finish":
		return "The objective is the finish (the end period of the last project, earlier is better, with as many projects as can run)"
	}
	return "The objective is the total score of the scheduled projects"
}

// frontierObjective formats a value (or, signed, a change) of the
// frontier's objective.
func frontierObjective(f *frontier.Frontier, v float64, signed bool) string {
	var s string
	switch f.Objective {
	case "npv", "risk_adjusted_npv":
		s = formatAmount(v)
	case "finish":
		s = formatQuantity(v)
		if !signed {
			s += " periods"
		}
	default:
		s = formatNumber3(v)
	}
	if signed && v > 0 && s != "0" && s != "0.000" {
		s = "+" + s
	}
	return s
}

// frontierObjectiveLabel names the frontier's objective in a header.
func frontierObjectiveLabel(f *frontier.Frontier) string {
	switch f.Objective {
	case "npv":
		return "NPV"
	case "risk_adjusted_npv":
		return "Risk-adj. NPV"
	case "finish":
		return "Finish (periods)"
	}
	return "Score"
}

// frontierUnit is the amount of the resource the marginal column counts
// per: one FTE; one currency unit when the objective is money, else a
// round amount a tenth of today's level (or of the highest level), so a
// score per unit reads "0.231 per EUR 100,000" rather than "0.000002".
func frontierUnit(f *frontier.Frontier) (float64, string) {
	if f.Resource.Kind == frontier.KindTeam {
		return 1, "FTE"
	}
	cur := f.Roadmap.Currency
	money := func(v float64) string {
		if cur == "" {
			return formatAmount(v)
		}
		return cur + " " + formatAmount(v)
	}
	if f.Objective == "npv" || f.Objective == "risk_adjusted_npv" {
		if cur == "" {
			return 1, "unit"
		}
		return 1, cur
	}
	ref := f.Resource.Current
	if ref <= 0 && len(f.Points) > 0 {
		ref = f.Points[len(f.Points)-1].Level
	}
	unit := 1.0
	if ref >= 100 {
		unit = math.Pow(10, math.Floor(math.Log10(ref))-1)
	}
	return unit, money(unit)
}

// frontierPerUnitHeader is the marginal column's header: the objective
// per unit of the resource ("Score per EUR 100,000", "NPV per FTE").
func frontierPerUnitHeader(f *frontier.Frontier) string {
	_, unit := frontierUnit(f)
	return frontierObjectiveLabel(f) + " per " + unit
}

// frontierPerUnit formats what one more unit of the resource (see
// frontierUnit) bought, in the objective's units.
func frontierPerUnit(f *frontier.Frontier, p *frontier.Point) string {
	if p.Marginal == nil || p.Marginal.Step == 0 {
		return ""
	}
	unit, _ := frontierUnit(f)
	v := p.Marginal.Objective / p.Marginal.Step * unit
	switch f.Objective {
	case "npv", "risk_adjusted_npv":
		if f.Resource.Kind == frontier.KindTeam {
			return formatAmount(v)
		}
		return formatRatio(v)
	case "finish":
		return formatQuantity(v)
	}
	return formatNumber3(v)
}

// frontierMoves is "+a +b -c", the projects entering and leaving.
func frontierMoves(p *frontier.Point) string {
	var parts []string
	for _, id := range p.Entering {
		parts = append(parts, "+"+id)
	}
	for _, id := range p.Leaving {
		parts = append(parts, "-"+id)
	}
	return strings.Join(parts, " ")
}

// frontierNotes are the remarks of a point: today's level, a portfolio
// carried from a lower level, a search cut by the time limit, mandatory
// projects left out.
func frontierNotes(f *frontier.Frontier, p *frontier.Point) []string {
	var notes []string
	if p.Current {
		notes = append(notes, "today")
	}
	if p.PlanLevel != p.Level {
		notes = append(notes, "as at "+frontierLevel(f, p.PlanLevel))
	}
	if p.BehindLevel != nil {
		notes = append(notes, "below the portfolio at "+frontierLevel(f, *p.BehindLevel))
	}
	if p.TimeLimitReached {
		notes = append(notes, "time limit")
	}
	if len(p.MandatoryMissed) > 0 {
		notes = append(notes, "misses mandatory "+strings.Join(p.MandatoryMissed, ", "))
	}
	return notes
}

// frontierRows are the cells of each point, shared by table and Markdown.
func frontierRows(f *frontier.Frontier) (headers []string, right []bool, rows [][]string) {
	headers = []string{"Level", "Objective", "Change", "Scheduled", "NPV", "Risk-adj. NPV", frontierPerUnitHeader(f), "Finish", "Enter / leave"}
	right = []bool{true, true, true, true, true, true, true, false, false}
	for k := range f.Points {
		p := &f.Points[k]
		delta := ""
		if p.Marginal != nil {
			delta = frontierObjective(f, p.Marginal.Objective, true)
		}
		finish := p.Finish
		if finish == "" {
			finish = none
		}
		level := frontierLevel(f, p.Level)
		if notes := frontierNotes(f, p); len(notes) > 0 {
			level += " (" + strings.Join(notes, "; ") + ")"
		}
		rows = append(rows, []string{
			level,
			frontierObjective(f, p.Objective, false),
			delta,
			fmt.Sprint(p.Scheduled),
			formatAmount(p.NPV),
			formatAmount(p.RiskAdjustedNPV),
			frontierPerUnit(f, p),
			finish,
			frontierMoves(p),
		})
	}
	return headers, right, rows
}

// formatNumber3 formats a score with three decimals.
func formatNumber3(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return none
	}
	s := fmt.Sprintf("%.3f", v)
	if s == "-0.000" {
		s = "0.000"
	}
	return s
}

// frontierFootnote explains the table's columns.
func frontierFootnote(f *frontier.Frontier) string {
	unit := "one " + f.Roadmap.Currency + " more of the budget"
	if n, u := frontierUnit(f); n != 1 {
		unit = u + " more of the budget"
	}
	if f.Resource.Kind == frontier.KindTeam {
		unit = "one FTE more in the team"
	}
	missed := ""
	if slices.ContainsFunc(f.Points, func(p frontier.Point) bool { return len(p.MandatoryMissed) > 0 }) {
		missed = "\"misses mandatory P\": the portfolio leaves out mandatory project P, so policy.mandatory fails there, whatever its figures. "
	}
	return fmt.Sprintf("Change is the objective's change since the level before; %s is what %s bought there, on the objective (its change / the level's change); "+
		"Scheduled counts the projects in the portfolio. "+
		"\"as at L\": the optimiser found no better portfolio at this level than at L, which still fits; it is kept so more never plans worse. %s"+
		"Every point is the plan of the roadmap at its level: roadmap plan --optimize --seed %d%s with the amount changed; today's is exactly that plan, "+
		"even when a lower level's portfolio is worth more (\"below the portfolio at L\").", frontierPerUnitHeader(f), unit, missed, f.Seed, forceFlags(f.ForceIn, f.ForceOut))
}

// forceFlags are the --force-in and --force-out flags that force in and
// out, " --force-in a --force-out b", or "".
func forceFlags(in, out []string) string {
	var b strings.Builder
	for _, id := range in {
		b.WriteString(" --force-in " + id)
	}
	for _, id := range out {
		b.WriteString(" --force-out " + id)
	}
	return b.String()
}

func renderFrontierTable(w io.Writer, f *frontier.Frontier, o Options) error {
	t := &tableRenderer{color: o.Color, width: o.Width}
	if t.width == 0 {
		t.width = DefaultWidth
	}
	t.width = max(t.width, minWidth)
	for _, line := range wrapText(frontierTitle(f), t.width) {
		t.buf.WriteString(t.style(ansiBold, line))
		t.buf.WriteString("\n")
	}
	t.paragraph("", frontierIntro(f))
	t.heading("Levels")
	headers, right, rows := frontierRows(f)
	g := grid{keys: 1}
	for k, h := range headers {
		c := column{header: h, wrap: k == 0 || k == 8}
		if right[k] {
			c.align = alignRight
		}
		g.columns = append(g.columns, c)
	}
	for k, r := range rows {
		g.rows = append(g.rows, r)
		styles := make([]string, len(r))
		if f.Points[k].Current {
			for j := range styles {
				styles[j] = ansiBold
			}
		}
		g.styles = append(g.styles, styles)
	}
	t.grid(g)
	t.paragraph("", frontierFootnote(f))
	if t.err != nil {
		return t.err
	}
	_, err := w.Write(t.buf.Bytes())
	return err
}

func renderFrontierMarkdown(w io.Writer, f *frontier.Frontier, _ Options) error {
	m := &markdownRenderer{}
	fmt.Fprintf(&m.buf, "# %s\n\n%s\n", mdEscape(frontierTitle(f)), mdEscape(frontierIntro(f)))
	m.heading(2, "Levels")
	headers, right, rows := frontierRows(f)
	for k := range headers {
		headers[k] = mdEscape(headers[k])
	}
	for k, r := range rows {
		for j := range r {
			r[j] = mdEscape(r[j])
			if f.Points[k].Current && r[j] != "" {
				r[j] = bold(r[j])
			}
		}
	}
	m.table(headers, right, rows)
	fmt.Fprintf(&m.buf, "\n%s Today's level in bold.\n", mdEscape(frontierFootnote(f)))
	_, err := w.Write(m.buf.Bytes())
	return err
}
