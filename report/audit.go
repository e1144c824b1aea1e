package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// The technology audit: a plan section in every format when the roadmap
// has systems (plan.Systems, filled by evaluate/audit), and the output of
// roadmap audit.

// AuditFormats are the formats of roadmap audit.
func AuditFormats() []string { return []string{"table", "json", "markdown", "html"} }

// auditHeaders are the columns of the audit table.
func auditHeaders(currency string) []string {
	cost := "Run cost / year"
	if currency != "" {
		cost += " (" + currency + ")"
	}
	return []string{"System", "Owner", "End of support", "Replacement", "Go-live", "Gap", cost, "Risk"}
}

// auditRow is one system's cells, in auditHeaders' order.
func auditRow(s evaluate.SystemAudit, unit string, horizon int) []string {
	name := s.ID
	if s.Title != "" {
		name = s.Title + " (" + s.ID + ")"
	}
	owner := orNone(s.Owner)
	eos := none
	if s.EndOfSupport != nil {
		eos = *s.EndOfSupport
	}
	repl := none
	switch {
	case s.Replacement != nil:
		repl = *s.Replacement
	case len(s.ReplacedBy) > 0:
		repl = strings.Join(s.ReplacedBy, ", ") + " (not scheduled)"
	}
	live := none
	if s.GoLive != nil {
		live = *s.GoLive + afterHorizon(s.GoLivePeriod, horizon)
	}
	return []string{name, owner, eos, repl, live, gapText(s, unit), formatAmount(s.RunCostPerYear), formatRatio(s.Risk)}
}

// afterHorizon is " (after the horizon)" for a go-live at or past the
// horizon, else "": the audit and the run rate label it alike.
func afterHorizon(period *int, horizon int) string {
	if period != nil && *period >= horizon {
		return " (after the horizon)"
	}
	return ""
}

func orNone(s string) string {
	if s == "" {
		return none
	}
	return s
}

// gapText is "none", "2 quarters unsupported" or "no replacement: 3
// quarters".
func gapText(s evaluate.SystemAudit, unit string) string {
	n := func(k int) string {
		if k == 1 {
			return "1 " + periodOr(unit)
		}
		return fmt.Sprintf("%d %ss", k, periodOr(unit))
	}
	switch s.Gap {
	case evaluate.GapUnsupported:
		return n(s.GapPeriods) + " unsupported"
	case evaluate.GapNoReplacement:
		return "no replacement: " + n(s.GapPeriods)
	}
	return "none"
}

func gapStyle(gap string) string {
	switch gap {
	case evaluate.GapUnsupported:
		return ansiYellow
	case evaluate.GapNoReplacement:
		return ansiRed
	}
	return ansiGreen
}

// auditSummary is "4 systems, 1 running out of support before a
// replacement goes live; run cost EUR 410,000 a year, EUR 250,000 of it
// retired by scheduled replacements (EUR 60,000 of it after the
// horizon)."
func auditSummary(p *evaluate.Plan) string {
	gaps, cost, retired, late := 0, 0.0, 0.0, 0.0
	for _, s := range p.Systems {
		cost += s.RunCostPerYear
		if s.Gap != evaluate.GapNone {
			gaps++
		}
		if s.Replacement != nil {
			retired += s.RunCostPerYear
			if s.GoLivePeriod != nil && *s.GoLivePeriod >= p.Roadmap.Horizon {
				late += s.RunCostPerYear
			}
		}
	}
	n := fmt.Sprintf("%d systems", len(p.Systems))
	if len(p.Systems) == 1 {
		n = "1 system"
	}
	cur := p.Roadmap.Currency
	text := fmt.Sprintf("%s, %d running out of support before a replacement goes live; run cost %s a year, %s of it retired by scheduled replacements",
		n, gaps, formatMoney(cost, cur), formatMoney(retired, cur))
	if late > 0 {
		text += " (" + formatMoney(late, cur) + " of it after the horizon)"
	}
	return text + "." + forcedNote(p)
}

// auditPolicy is the end-of-support policy's verdict in words, for the
// line under the audit's summary: "Policy replace_before_end_of_support:
// FAILED (3 systems with a gap)"; ok is false when it failed; text is ""
// when the roadmap does not set the policy. The Checks section and
// stderr carry the check's message.
func auditPolicy(p *evaluate.Plan) (text string, ok bool) {
	for _, c := range p.Checks {
		if c.ID != evaluate.ReplaceBeforeEndOfSupportCheck {
			continue
		}
		gaps := 0
		for _, s := range p.Systems {
			if s.Gap != evaluate.GapNone {
				gaps++
			}
		}
		if c.Passed {
			return "Policy replace_before_end_of_support: passed (no system with a gap)", true
		}
		return fmt.Sprintf("Policy replace_before_end_of_support: FAILED (%d %s with a gap)", gaps, plural(gaps, "system", "systems")), false
	}
	return "", true
}

// forcedNote is " The plan behind it forces a and b in; c out
// (--force-in, --force-out).", "" when the run forced none.
func forcedNote(p *evaluate.Plan) string {
	if f := forcesText(ForcedProjects(p)); f != "" {
		return " The plan behind it forces " + f + "."
	}
	return ""
}

// forcesText is what a run forces, with the flags: "a and b in; c out
// (--force-in, --force-out)", "a in (--force-in)"; "" for none.
func forcesText(in, out []string) string {
	var parts, flags []string
	if len(in) > 0 {
		parts, flags = append(parts, joinWords(in)+" in"), append(flags, "--force-in")
	}
	if len(out) > 0 {
		parts, flags = append(parts, joinWords(out)+" out"), append(flags, "--force-out")
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "; ") + " (" + strings.Join(flags, ", ") + ")"
}

// joinWords is "a", "a and b", "a, b and c".
func joinWords(words []string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// ForcedProjects are the projects the plan's run forced in and out
// (--force-in, --force-out), in rank order, never nil: the plan's
// ForceIn and ForceOut, or, when both are nil (a plan of a library
// caller, or saved before they were added), its projects' Forced.
func ForcedProjects(p *evaluate.Plan) (in, out []string) {
	if p.ForceIn != nil || p.ForceOut != nil {
		return append([]string{}, p.ForceIn...), append([]string{}, p.ForceOut...)
	}
	in, out = []string{}, []string{}
	for _, pr := range p.Projects {
		switch pr.Forced {
		case evaluate.ForcedIn:
			in = append(in, pr.ID)
		case evaluate.ForcedOut:
			out = append(out, pr.ID)
		}
	}
	return in, out
}

func (t *tableRenderer) audit() {
	if len(t.p.Systems) == 0 {
		return
	}
	t.heading("Technology audit")
	t.paragraph("", auditSummary(t.p))
	if text, ok := auditPolicy(t.p); text != "" {
		style := ansiGreen
		if !ok {
			style = ansiBold + ansiRed
		}
		t.buf.WriteString(t.style(style, text) + "\n")
	}
	g := grid{keys: 1}
	for i, h := range auditHeaders(t.p.Roadmap.Currency) {
		c := column{header: h, wrap: i == 0 || i == 3}
		if i >= 6 {
			c.align = alignRight
		}
		g.columns = append(g.columns, c)
	}
	for _, s := range t.p.Systems {
		g.rows = append(g.rows, auditRow(s, t.p.Roadmap.Period, t.p.Roadmap.Horizon))
		styles := make([]string, 8)
		styles[5] = gapStyle(s.Gap)
		g.styles = append(g.styles, styles)
	}
	t.grid(g)
	for _, s := range t.p.Systems {
		t.paragraph("  ", s.ID+": "+s.Message)
	}
}

func (m *markdownRenderer) audit() {
	if len(m.p.Systems) == 0 {
		return
	}
	m.heading(2, "Technology audit")
	m.buf.WriteString(mdEscape(auditSummary(m.p)) + "\n\n")
	if text, ok := auditPolicy(m.p); text != "" {
		text = mdEscape(text)
		if !ok {
			text = "**" + text + "**"
		}
		m.buf.WriteString(text + "\n\n")
	}
	var rows [][]string
	for _, s := range m.p.Systems {
		cells := auditRow(s, m.p.Roadmap.Period, m.p.Roadmap.Horizon)
		for i := range cells {
			cells[i] = mdEscape(cells[i])
		}
		if s.Gap != evaluate.GapNone {
			cells[5] = "**" + cells[5] + "**"
		}
		rows = append(rows, cells)
	}
	m.table(auditHeaders(m.p.Roadmap.Currency), []bool{false, false, false, false, false, false, true, true}, rows)
	m.buf.WriteString("\n")
	for _, s := range m.p.Systems {
		m.buf.WriteString("- " + mdCode(s.ID) + ": " + mdEscape(s.Message) + "\n")
	}
}

// htmlAudit is the audit section of the HTML page: the table and a
// lifecycle chart, one row per system and one cell per period: supported,
// unsupported, retired (its replacement is live) or after its support
// ends with nothing in place.
type htmlAudit struct {
	Summary string
	// Policy is auditPolicy's line, PolicyClass its badge: pass or
	// fail-error.
	Policy, PolicyClass string
	Periods             []string
	Rows                []htmlAuditRow
}

type htmlAuditRow struct {
	ID, Title, Gap, GapClass, Message string
	Cells                             []string // the table's cells
	Life                              []htmlAuditCell
}

type htmlAuditCell struct{ Class, Title string }

func buildHTMLAudit(p *evaluate.Plan) *htmlAudit {
	if len(p.Systems) == 0 {
		return nil
	}
	a := &htmlAudit{Summary: auditSummary(p)}
	if text, ok := auditPolicy(p); text != "" {
		a.Policy, a.PolicyClass = text, "pass"
		if !ok {
			a.PolicyClass = "fail-error"
		}
	}
	for _, pe := range p.Periods {
		a.Periods = append(a.Periods, pe.Label)
	}
	for _, s := range p.Systems {
		row := htmlAuditRow{ID: s.ID, Title: s.Title, Gap: gapText(s, p.Roadmap.Period), Message: s.Message, Cells: auditRow(s, p.Roadmap.Period, p.Roadmap.Horizon)}
		row.GapClass = map[string]string{evaluate.GapNone: "ok", evaluate.GapUnsupported: "warn", evaluate.GapNoReplacement: "bad"}[s.Gap]
		for t, label := range a.Periods {
			c := htmlAuditCell{Class: "supported", Title: label + ": supported"}
			retired := s.GoLivePeriod != nil && t >= *s.GoLivePeriod
			unsupported := s.EndOfSupportPeriod != nil && t >= *s.EndOfSupportPeriod
			switch {
			case retired:
				c = htmlAuditCell{Class: "retired", Title: label + ": retired, " + *s.Replacement + " is live"}
			case unsupported:
				c = htmlAuditCell{Class: "unsupported", Title: label + ": running out of support"}
			}
			row.Life = append(row.Life, c)
		}
		a.Rows = append(a.Rows, row)
	}
	return a
}

// AuditJSON is the JSON of roadmap audit (docs/schema/audit.json).
type AuditJSON struct {
	FormatVersion  string                 `json:"format_version"`
	Roadmap        string                 `json:"roadmap"`
	Currency       string                 `json:"currency"`
	Systems        []evaluate.SystemAudit `json:"systems"`
	Gaps           int                    `json:"gaps"`
	RunCostPerYear float64                `json:"run_cost_per_year"`
	Retired        float64                `json:"retired_per_year"`
	// Scenario is the scenario the plan behind the audit was made under
	// (--scenario), as the plan's; omitted without one.
	Scenario *evaluate.ScenarioInfo `json:"scenario,omitempty"`
	// AsOf is the status date the plan behind the audit was made from
	// (the roadmap's as_of, or --as-of), as the plan's roadmap.as_of;
	// null without one.
	AsOf *string `json:"as_of"`
	// ForceIn and ForceOut are the projects the plan was forced with
	// (--force-in, --force-out), in rank order; [] when none.
	ForceIn  []string               `json:"force_in"`
	ForceOut []string               `json:"force_out"`
	Checks   []evaluate.CheckResult `json:"checks"`
}

// noSystems is the audit of a roadmap without systems: what to add.
const noSystems = "The roadmap declares no systems. Declare the installed base with system blocks and name what retires each " +
	"with a project's replaces = [system.ID] (see docs/language.md#system)."

// RenderAudit writes the technology audit of plan (its Systems, filled by
// evaluate/audit) in format: table, json, markdown or html.
func RenderAudit(w io.Writer, p *evaluate.Plan, format string, o Options) error {
	if format != "json" {
		p = displayCopy(p) // as RenderPlan: escaped before it is laid out
	}
	var buf bytes.Buffer
	switch format {
	case "", "table":
		t := &tableRenderer{p: p, color: o.Color, width: o.Width}
		if t.width == 0 {
			t.width = DefaultWidth
		}
		t.width = max(t.width, minWidth)
		name := p.Roadmap.Name
		t.buf.WriteString(t.style(ansiBold, "Roadmap: "+name) + "\n")
		if sc := p.Scenario; sc != nil {
			// As plan's summary prints it.
			for i, line := range wrapText(scenarioText(sc), t.width-12) {
				key := ""
				if i == 0 {
					key = "Scenario"
				}
				fmt.Fprintf(&t.buf, "  %-10s%s\n", key, line)
			}
		}
		if p.Roadmap.AsOf != nil {
			fmt.Fprintf(&t.buf, "  %-10s%s\n", "Status", "as of "+*p.Roadmap.AsOf)
		}
		if len(p.Systems) == 0 {
			t.paragraph("", noSystems+forcedNote(p))
		} else {
			t.audit()
		}
		if t.err != nil {
			return t.err
		}
		buf.Write(t.buf.Bytes())
	case "markdown":
		m := &markdownRenderer{p: p}
		m.heading(1, p.Roadmap.Name)
		if sc := p.Scenario; sc != nil {
			m.buf.WriteString("- **Scenario:** " + mdEscape(scenarioText(sc)) + "\n")
		}
		if p.Roadmap.AsOf != nil {
			m.buf.WriteString("- **Status:** as of " + mdEscape(*p.Roadmap.AsOf) + "\n")
		}
		if p.Scenario != nil || p.Roadmap.AsOf != nil {
			m.buf.WriteString("\n")
		}
		if len(p.Systems) == 0 {
			m.buf.WriteString(mdEscape(noSystems+forcedNote(p)) + "\n")
		} else {
			m.audit()
		}
		buf.Write(m.buf.Bytes())
	case "json":
		out := AuditJSON{FormatVersion: evaluate.FormatVersion, Roadmap: p.Roadmap.Name, Currency: p.Roadmap.Currency,
			Systems: append([]evaluate.SystemAudit{}, p.Systems...), Scenario: p.Scenario, AsOf: p.Roadmap.AsOf, Checks: []evaluate.CheckResult{}}
		out.ForceIn, out.ForceOut = ForcedProjects(p)
		for _, s := range p.Systems {
			out.RunCostPerYear += s.RunCostPerYear
			if s.Gap != evaluate.GapNone {
				out.Gaps++
			}
			if s.Replacement != nil {
				out.Retired += s.RunCostPerYear
			}
		}
		for _, c := range p.Checks {
			if strings.HasPrefix(c.ID, "policy.replace_before_end_of_support") {
				out.Checks = append(out.Checks, c)
			}
		}
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
		_, err := w.Write(escapeJSONText(buf.Bytes())) // as the plan's JSON
		return err
	case "html":
		page, err := buildHTMLPage(p)
		if err != nil {
			return err
		}
		scenario := ""
		if p.Scenario != nil {
			scenario = scenarioText(p.Scenario)
		}
		return renderAuditHTML(w, page, scenario, forcedNote(p))
	default:
		return fmt.Errorf("unknown audit format %q: use one of %s", format, strings.Join(AuditFormats(), ", "))
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// renderAuditHTML writes a page holding the audit section alone, styled
// as the plan's page.
func renderAuditHTML(w io.Writer, page *htmlPage, scenario, forced string) error {
	style := htmlTemplate[strings.Index(htmlTemplate, "<style>") : strings.Index(htmlTemplate, "</style>")+len("</style>")]
	t, err := template.New("auditpage").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="roadmap">
<title>Technology audit: {{.Name}}</title>
` + style + `
</head>
<body>
<header>
<h1>Technology audit: {{.Name}}</h1>
<p class="sub">Amounts in {{.Currency}}.</p>
{{- if .Scenario}}
<p class="sub"><strong>Scenario</strong> {{.Scenario}}</p>
{{- end}}
{{- if .AsOf}}
<p class="sub"><strong>Status</strong> as of {{.AsOf}}</p>
{{- end}}
</header>
<main>
{{- if .Audit}}{{template "audit" .Audit}}{{else}}
<p>{{.NoSystems}}{{.Forced}}</p>
{{- end}}
</main>
</body>
</html>
`)
	if err == nil {
		t, err = t.Parse(htmlAuditTemplate)
	}
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	data := struct {
		*htmlPage
		Scenario, Forced, NoSystems string
	}{page, scenario, forced, noSystems}
	if err := t.Execute(&buf, data); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}
