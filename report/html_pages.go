package report

// Pieces shared by the standalone HTML pages of simulate, compare and
// frontier, so their look stays the same.

// svgChartTemplate defines "chart", which draws any svgChart.
const svgChartTemplate = `{{define "chart"}}{{if .Empty}}<p>Nothing to draw.</p>{{else}}<svg class="chart" id="{{.ID}}" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{{.Title}}" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}">
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
`

// analysisPageHead opens the page and its stylesheet.
const analysisPageHead = `<!DOCTYPE html>
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
`

// chartCSS styles notes, figures and the charts' common marks.
const chartCSS = `.note { color: #4b5563; font-size: 12px; }
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
`

// printCSSStart and printCSSEnd enclose the page's own print rules and
// close the head.
const printCSSStart = `@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 10pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
`

const printCSSEnd = `  header, main { padding-left: 0; padding-right: 0; }
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
`
