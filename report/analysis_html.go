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

const analysisHTMLTemplate = `{{define "chart"}}{{if .Empty}}<p>Nothing to draw.</p>{{else}}<svg class="chart" id="{{.ID}}" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{{.Title}}" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}">
<title>{{.Title}}</title>{{if .Desc}}<desc>{{.Desc}}</desc>{{end}}
{{- range .Lines}}
<line class="{{.Class}}" x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}"/>
{{- end}}
{{- range .Rects}}
<rect class="{{.Class}}" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}">{{if .Title}}<title>{{.Title}}</title>{{end}}</rect>
{{- end}}
{{- range .Paths}}
<path class="{{.Class}}" d="{{.D}}">{{if .Title}}<title>{{.Title}}</title>{{end}}</path>
{{- end}}
{{- range .Texts}}
<text class="{{.Class}}" x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}">{{.Text}}</text>
{{- end}}
</svg>{{end}}{{end -}}
{{define "cell"}}{{if .Badge}}<span class="badge {{.Badge}}">{{.Text}}</span>{{else if .Code}}<code>{{.Text}}</code>{{else}}{{.Text}}{{end}}{{if .Sub}}<br><span class="sub-cell">{{.Sub}}</span>{{end}}{{end -}}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="roadmap">
<title>{{.Title}}</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111827; background: #fff; }
header { padding: 20px 32px 12px; border-bottom: 1px solid #d1d5db; }
h1 { margin: 0; font-size: 26px; }
h2 { margin: 28px 0 10px; font-size: 20px; border-bottom: 2px solid #e5e7eb; padding-bottom: 4px; }
.sub { margin: 2px 0 0; color: #4b5563; }
nav { padding: 8px 32px; background: #f9fafb; border-bottom: 1px solid #e5e7eb; }
nav a { color: #1d4ed8; margin-right: 16px; }
main { padding: 0 32px 32px; max-width: 1400px; }
.note { color: #4b5563; font-size: 12px; }
figure { margin: 8px 0; overflow-x: auto; break-inside: avoid; }
figcaption { margin-top: 6px; font-size: 12px; color: #374151; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; }
svg .axis { font-size: 11px; fill: #374151; }
svg .axis-title { font-size: 12px; fill: #111827; font-weight: 600; }
svg .label { font-size: 12px; fill: #111827; }
svg .note { font-size: 11px; fill: #374151; }
svg .grid { stroke: #e5e7eb; stroke-width: 1; }
svg .zero { stroke: #4b5563; stroke-width: 1.2; }
svg .curve { fill: none; stroke: #0072B2; stroke-width: 2.5; }
svg .curve2 { fill: none; stroke: #E69F00; stroke-width: 2; stroke-dasharray: 6 3; }
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
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 10pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  nav { display: none; }
  header, main { padding-left: 0; padding-right: 0; }
  h2 { break-after: avoid; }
  tr, figure { break-inside: avoid; }
  .wide { overflow: visible; }
}
</style>
</head>
<body>
<header>
<h1>{{.Name}}</h1>
<p class="sub">{{.Sub}}</p>
</header>
<nav aria-label="Sections">{{range .Sections}}<a href="#{{.ID}}">{{.Title}}</a>{{end}}</nav>
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
