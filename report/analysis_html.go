package report

import (
	"bytes"
	"html/template"
	"io"
)

// analysisPage is a self-contained HTML page of one analysis (roadmap
// compare, roadmap frontier): facts, charts and tables, inline CSS and
// SVG, no scripts and nothing fetched, as the plan's page.
type analysisPage struct {
	Title, Name, Sub string
	Facts            []htmlFact
	Sections         []analysisSection
}

// analysisSection is a titled part of the page: its charts, then its
// tables, then a note.
type analysisSection struct {
	ID, Title string
	Intro     string
	Charts    []analysisChart
	Tables    []analysisTable
	Note      string
}

type analysisChart struct {
	Chart   svgChart
	Caption string
	Legend  []legendItem
}

type analysisTable struct {
	Caption string
	Head    []analysisCell
	Rows    [][]analysisCell
}

// analysisCell is one table cell: Class "num" right-aligns it, "changed"
// highlights it, "bad" marks a failure; Badge draws Text as a status
// badge; Code sets Text in monospace; Sub is a smaller second line.
type analysisCell struct {
	Text, Class, Badge, Title, Sub string
	Code, Header                   bool
}

func writeAnalysisPage(w io.Writer, page analysisPage) error {
	t, err := template.New("analysis").Parse(analysisHTMLTemplate)
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

const analysisHTMLTemplate = svgChartTemplate + `{{define "cell"}}{{if .Badge}}<span class="badge {{.Badge}}">{{.Text}}</span>{{else if .Code}}<code>{{.Text}}</code>{{else}}{{.Text}}{{end}}{{if .Sub}}<br><span class="sub-cell">{{.Sub}}</span>{{end}}{{end -}}
` + analysisPageHead + chartCSS + `svg .curve2 { fill: none; stroke: #E69F00; stroke-width: 2; stroke-dasharray: 6 3; }
svg .point { fill: #0072B2; stroke: #fff; stroke-width: 1; }
svg .today { stroke: #009E73; stroke-width: 2; stroke-dasharray: 4 3; }
svg .today-mark { fill: #009E73; stroke: #064e3b; stroke-width: 1; }
svg .bar-a { fill: #0072B2; }
svg .bar-b { fill: #56B4E9; }
svg .bar-neg { fill: #D55E00; }
table { border-collapse: collapse; margin: 6px 0 12px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #d1d5db; padding: 4px 8px; text-align: left; vertical-align: middle; }
th { background: #f3f4f6; font-weight: 600; }
td.num, th.num { text-align: right; }
td.changed { background: #fef3c7; font-weight: 600; }
td.bad { background: #fee2e2; font-weight: 600; }
td.good { background: #dcfce7; }
.sub-cell { color: #4b5563; font-size: 12px; font-weight: normal; }
.wide { overflow-x: auto; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 12px; font-weight: 600; }
.badge.scheduled { background: #dcfce7; color: #14532d; }
.badge.deferred { background: #fef3c7; color: #78350f; }
.badge.dropped { background: #fee2e2; color: #7f1d1d; }
.legend { display: inline-block; margin-right: 14px; }
.swatch { display: inline-block; width: 18px; height: 10px; vertical-align: middle; margin-right: 4px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; }
` + printCSSStart + `  nav { display: none; }
` + printCSSEnd + `<nav aria-label="Sections">{{range .Sections}}<a href="#{{.ID}}">{{.Title}}</a>{{end}}</nav>
<main>
{{- if .Facts}}
<table><tbody>{{range .Facts}}<tr><th scope="row">{{.Label}}</th><td>{{.Value}}</td></tr>{{end}}</tbody></table>
{{- end}}
{{- range .Sections}}
<section id="{{.ID}}" aria-labelledby="{{.ID}}-h">
<h2 id="{{.ID}}-h">{{.Title}}</h2>
{{- if .Intro}}
<p>{{.Intro}}</p>
{{- end}}
{{- range .Charts}}
<figure>{{template "chart" .Chart}}{{if or .Caption .Legend}}
<figcaption>{{range .Legend}}<span class="legend"><span class="swatch {{.Class}}" style="background: {{.Colour}}"></span>{{.Label}}</span>{{end}}{{.Caption}}</figcaption>{{end}}
</figure>
{{- end}}
{{- range .Tables}}
<div class="wide"><table>{{if .Caption}}<caption>{{.Caption}}</caption>{{end}}<thead><tr>{{range .Head}}<th scope="col"{{if .Class}} class="{{.Class}}"{{end}}>{{.Text}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr>{{range .}}{{if .Header}}<th scope="row"{{if .Class}} class="{{.Class}}"{{end}}>{{template "cell" .}}</th>{{else}}<td{{if .Class}} class="{{.Class}}"{{end}}{{if .Title}} title="{{.Title}}"{{end}}>{{template "cell" .}}</td>{{end}}{{end}}</tr>
{{end}}</tbody></table></div>
{{- end}}
{{- if .Note}}
<p class="note">{{.Note}}</p>
{{- end}}
</section>
{{- end}}
</main>
</body>
</html>
`
