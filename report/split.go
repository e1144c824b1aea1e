package report

import (
	"bytes"
	"html/template"
	"io"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// SplitEntry is one page of plan --format html --split: a department's
// view and the file it was written to.
type SplitEntry struct {
	File string
	Plan *evaluate.Plan // narrowed by evaluate/views
}

// splitIndexTemplate is the index page of --split: a table of the
// departments with their projects and totals, each linking to its page.
const splitIndexTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="roadmap">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Name}} — plan by department</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #111827; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
</style>
</head>
<body>
<h1>{{.Name}}: the plan by department</h1>
<p>Each page shows the projects a department endorses, opposes or needs, with their totals and reasons. Whole plan: {{.Whole}}.</p>
<table>
<thead><tr><th scope="col">Department</th><th scope="col">Head</th><th scope="col" class="num">Projects</th><th scope="col">Status</th><th scope="col" class="num">Cost ({{.Currency}})</th><th scope="col" class="num">NPV ({{.Currency}})</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr><td><a href="{{.File}}">{{.Title}}</a></td><td>{{.Head}}</td><td class="num">{{.Projects}}</td><td>{{.Counts}}</td><td class="num">{{.Cost}}</td><td class="num">{{.NPV}}</td></tr>
{{- end}}
</tbody>
</table>
</body>
</html>
`

type splitRow struct {
	File, Title, Head, Counts, Cost, NPV string
	Projects                             int
}

// RenderSplitIndex writes the index page of --split.
func RenderSplitIndex(w io.Writer, whole *evaluate.Plan, entries []SplitEntry) error {
	whole, entries = displayCopy(whole), displayCopy(entries) // see display.go
	t, err := template.New("index").Parse(splitIndexTemplate)
	if err != nil {
		return err
	}
	data := struct {
		Name, Currency, Whole string
		Rows                  []splitRow
	}{Name: whole.Roadmap.Name, Currency: whole.Roadmap.Currency, Whole: countsText(whole.Totals)}
	for _, e := range entries {
		row := splitRow{File: e.File, Projects: len(e.Plan.Projects), Counts: countsText(e.Plan.Totals),
			Cost: formatAmount(e.Plan.Totals.Cost), NPV: formatAmount(e.Plan.Totals.NPV)}
		if v := e.Plan.View; v != nil && len(v.Stakeholders) > 0 {
			row.Title = v.Stakeholders[0].Title
			for _, d := range whole.Departments {
				if d.ID == v.Stakeholders[0].ID {
					row.Head = d.Head
				}
			}
		}
		data.Rows = append(data.Rows, row)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}
