// Package report renders plans, diffs and diagnostics as text: table,
// JSON, Markdown, HTML, Mermaid, DOT and CI formats. It does no evaluation.
package report

import (
	"bytes"
	"io"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// Options are what a renderer may know about where its output goes.
type Options struct {
	Color bool // ANSI colour allowed (a terminal, no --no-color/NO_COLOR)
	Width int  // terminal width in columns; 0 means 120
	// Version is roadmap's version, for formats that name their tool
	// (SARIF); "" leaves it out.
	Version string
	// Table is the table the csv format prints (one of SheetTables);
	// "" is "ranked".
	Table string
	// Root is where CI results without a source range are located: the
	// roadmap directory (or the saved plan) the command read. SARIF needs a
	// location on every result; "" stands for the current directory.
	Root string
}

// planRenderers maps a --format name to its renderer.
var planRenderers = renderers[evaluate.Plan]{
	"table":    renderTable,
	"json":     renderJSON,
	"markdown": renderMarkdown,
	"html":     renderHTML,
	"mermaid":  renderMermaid,
	"github":   renderPlanGitHub,
	"sarif":    renderPlanSARIF,
	"junit":    renderPlanJUnit,
	"csv": func(w io.Writer, p *evaluate.Plan, o Options) error {
		table := o.Table
		if table == "" {
			table = "ranked"
		}
		return RenderPlanCSV(w, p, table)
	},
	"xlsx": func(w io.Writer, p *evaluate.Plan, _ Options) error { return RenderPlanXLSX(w, p) },
}

// BinaryFormat reports whether a format's output is binary (xlsx): the CLI
// writes it to a file or a pipe, never to a terminal.
func BinaryFormat(format string) bool { return format == "xlsx" }

// PlanFormats lists the formats RenderPlan accepts, sorted.
func PlanFormats() []string { return planRenderers.formats() }

// RenderPlanBytes returns p in the named format, as RenderPlan writes it:
// for commands that print only a finished rendering. The JSON and the
// table are the renderers' own bytes, with no copy.
func RenderPlanBytes(p *evaluate.Plan, format string, o Options) ([]byte, error) {
	switch {
	case format == "json":
		return MarshalPlan(p)
	case format == "table" && p != nil:
		return tableBytes(displayCopy(p), o) // as planRenderers.render calls renderTable
	}
	var buf bytes.Buffer
	if err := RenderPlan(&buf, p, format, o); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// RenderPlan writes p in the named format.
func RenderPlan(w io.Writer, p *evaluate.Plan, format string, o Options) error {
	return planRenderers.render(w, p, format, o, "plan", "")
}
