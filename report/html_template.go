package report

// htmlTemplate is the page. It is one file on purpose: no scripts, fonts,
// images or style sheets are fetched, so it works offline and from disk.
// The ranked roadmap (table.projects) fits the page at 1280 px and up:
// its long cells wrap, ids break if they must, instead of the table
// growing past the page and hiding its Reasons column in a scroll box;
// e2e/layout_test.go measures that at 1280, 1440 and 1920 px and in print.
const htmlTemplate = `<!DOCTYPE html>
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
h3 { margin: 18px 0 8px; font-size: 16px; }
.sub { margin: 2px 0 0; color: #4b5563; }
nav { padding: 8px 32px; background: #f9fafb; border-bottom: 1px solid #e5e7eb; }
nav a { color: #1d4ed8; margin-right: 16px; }
main { padding: 0 32px 32px; max-width: 1680px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 0; }
.cards div { border: 1px solid #d1d5db; border-radius: 6px; padding: 8px 12px; min-width: 130px; }
.cards dt { color: #4b5563; font-size: 12px; }
.cards dd { margin: 0; font-size: 18px; font-weight: 600; font-variant-numeric: tabular-nums; }
.facts dd { font-size: 15px; }
.note { color: #4b5563; font-size: 12px; }
.alerts { border-left: 4px solid #b91c1c; background: #fef2f2; padding: 8px 12px 8px 28px; }
figure { margin: 8px 0; overflow-x: auto; break-inside: avoid; }
figcaption { margin-top: 6px; font-size: 12px; color: #374151; }
.legend { display: inline-block; margin-right: 14px; }
.swatch-box { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin-right: 4px; border: 1px solid #374151; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; }
svg .axis { font-size: 11px; fill: #374151; }
svg .axis-title { font-size: 12px; fill: #111827; font-weight: 600; }
svg .label { font-size: 12px; fill: #111827; }
svg .note { font-size: 11px; fill: #92400e; }
svg .grid { stroke: #e5e7eb; stroke-width: 1; }
svg .stripe { fill: #f9fafb; }
svg .frame { fill: none; stroke: #9ca3af; }
svg .zero { stroke: #4b5563; stroke-width: 1.2; }
svg .appetite { stroke: #b45309; stroke-width: 1.5; stroke-dasharray: 6 4; }
svg .gantt-bar { stroke: #111827; stroke-width: 0.5; }
svg .gantt-bar.mandatory { stroke-width: 2; }
svg .dep { fill: none; stroke: #374151; stroke-width: 1.3; }
svg .deadline { stroke: #b91c1c; stroke-width: 2; }
svg .deadline-mark { fill: #b91c1c; }
svg .heat-none { fill: #e5e7eb; }
svg .heat-idle { fill: #fff; stroke: #6b7280; stroke-dasharray: 3 3; }
svg .heat-low { fill: #dbeafe; }
svg .heat-mid { fill: #93c5fd; }
svg .heat-full { fill: #f59e0b; stroke: #92400e; stroke-width: 1.5; }
svg .heat-over { fill: #b91c1c; }
svg .cell-text { font-size: 11px; fill: #111827; font-variant-numeric: tabular-nums; }
svg .cell-text.t-over { fill: #fff; }
svg .cell-text.t-idle, svg .cell-text.t-none { fill: #4b5563; }
svg .bubble { stroke: #111827; stroke-width: 1; fill-opacity: 0.8; }
svg .bubble.status-deferred { fill: none; stroke: #b45309; stroke-width: 2; stroke-dasharray: 5 3; }
svg .bubble.status-dropped { fill: none; stroke: #b91c1c; stroke-width: 2; stroke-dasharray: 2 3; }
svg .bubble-label { font-size: 11px; fill: #111827; }
.swatch-box.heat-idle { background: #fff; border-style: dashed; }
.swatch-box.heat-low { background: #dbeafe; }
.swatch-box.heat-mid { background: #93c5fd; }
.swatch-box.heat-full { background: #f59e0b; }
.swatch-box.heat-over { background: #b91c1c; }
.swatch-box.b-deferred { border: 2px dashed #b45309; border-radius: 50%; }
.swatch-box.b-dropped { border: 2px dotted #b91c1c; border-radius: 50%; }
.swatch-box.b-scheduled { background: #0072B2; border-radius: 50%; }
table { border-collapse: collapse; margin: 6px 0 12px; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #d1d5db; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; }
td.num, th.num { text-align: right; }
td.tight { background: #fef3c7; }
td.when { white-space: nowrap; }
td.project { min-width: 9em; }
td.reasons { min-width: 12em; }
table.projects { width: 100%; font-size: 13px; }
table.projects td.when { white-space: normal; min-width: 5.5em; }
@media screen and (max-width: 1500px) { th, td { padding: 4px 5px; } }
table.projects code { overflow-wrap: anywhere; }
table.projects th { overflow-wrap: normal; }
.wide { overflow-x: auto; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 12px; font-weight: 600; }
.badge.scheduled, .badge.pass { background: #dcfce7; color: #14532d; }
.badge.deferred, .badge.fail-warning { background: #fef3c7; color: #78350f; }
.badge.dropped, .badge.fail-error { background: #fee2e2; color: #7f1d1d; }
.badge.mandatory { background: #e0e7ff; color: #312e81; }
.badge.flagship { background: #fce7f3; color: #831843; }
tr.winner td { font-weight: 600; background: #f0fdf4; }
ul.reasons { margin: 0; padding-left: 18px; overflow-wrap: anywhere; }
details { margin: 4px 0 12px; }
summary { cursor: pointer; color: #1d4ed8; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 10pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  nav, details { display: none; }
  header, main { padding-left: 0; padding-right: 0; }
  section { break-before: auto; }
  h2 { break-after: avoid; }
  tr, figure { break-inside: avoid; }
  figure { overflow: visible; }
  /* Wide tables fit the page instead of being cut at its edge. */
  .wide { overflow: visible; }
  .wide table { width: 100%; font-size: 8pt; }
  th, td { padding: 2px 4px; }
  td.project, td.reasons { min-width: 0; }
  td.when { white-space: normal; }
  a { color: inherit; text-decoration: none; }
}
table.lifecycle td { width: 1.6em; height: 1.2em; padding: 0; border: 1px solid #fff; }
table.lifecycle td.supported { background: #bbf7d0; }
table.lifecycle td.unsupported { background: #fca5a5; }
table.lifecycle td.retired { background: #e5e7eb; }
table.lifecycle th.period { font-weight: normal; font-size: 11px; writing-mode: vertical-rl; }
span.badge.ok { background: #dcfce7; } span.badge.warn { background: #fef3c7; } span.badge.bad { background: #fee2e2; }
{{- if .AsOf}}
svg .history-shade { fill: #f3f4f6; }
svg .status-date { stroke: #1d4ed8; stroke-width: 2; stroke-dasharray: 6 3; }
svg .status-label { font-size: 11px; fill: #1d4ed8; font-weight: 600; }
svg .gantt-bar.in-flight { stroke: #1d4ed8; stroke-width: 2; }
svg .gantt-bar.history { fill-opacity: 0.7; }
svg .gantt-bar.cancelled { stroke-dasharray: 4 3; fill-opacity: 0.35; }
svg .elapsed { fill: url(#gantt-elapsed); pointer-events: none; }
th.history { background: #e5e7eb; font-style: italic; }
.badge.done { background: #e5e7eb; color: #111827; } .badge.cancelled, .badge.on_hold { background: #f3f4f6; color: #4b5563; }
{{- end}}
{{- if .Earned}}
svg .ev-pv { fill: none; stroke: #0072B2; stroke-width: 2; }
svg .ev-ac { fill: none; stroke: #D55E00; stroke-width: 2; }
svg .ev-ev { fill: #009E73; stroke: #111827; }
svg .ev-bac { stroke: #6b7280; stroke-dasharray: 4 4; }
svg .ev-eac { stroke: #b91c1c; stroke-dasharray: 2 3; }
.swatch-box.ev-pv { background: #0072B2; } .swatch-box.ev-ac { background: #D55E00; } .swatch-box.ev-ev { background: #009E73; border-radius: 50%; }
{{- end}}
</style>
</head>
<body>
<header>
<h1>{{.Name}}</h1>
<p class="sub">Roadmap plan. Amounts in {{.Currency}}.</p>
</header>
<nav aria-label="Sections"><a href="#summary">Summary</a><a href="#timeline">Timeline</a><a href="#capacity">Capacity</a>{{if .Progress}}<a href="#progress">Progress</a>{{end}}{{if .Earned}}<a href="#earned-value">Earned value</a>{{end}}<a href="#cost-benefit">Cost-benefit</a><a href="#ranking">Ranked roadmap</a>{{if .Choices}}<a href="#choices">Choices</a>{{end}}<a href="#vendors">Vendors</a>{{if .Audit}}<a href="#audit">Technology audit</a>{{end}}{{if .RunRate}}<a href="#run-rate">Run rate</a>{{end}}<a href="#checks">Checks</a>{{if .Optimization}}<a href="#appendix">Appendix</a>{{end}}</nav>
<main>
<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<dl class="cards facts">{{range .Facts}}<div><dt>{{.Label}}</dt><dd>{{.Value}}</dd></div>{{end}}</dl>
<h3>Totals of the scheduled projects</h3>
<dl class="cards totals">{{range .Totals}}<div><dt>{{.Label}}</dt><dd>{{.Value}}</dd></div>{{end}}</dl>
{{- if .Alerts}}
<ul class="alerts">{{range .Alerts}}<li>{{.}}</li>{{end}}</ul>
{{- end}}
{{- if .Optimization}}
<p class="note">The schedule was optimised beyond rank order; how is in the <a href="#appendix">appendix</a>.</p>
{{- end}}
</section>
<section id="timeline" aria-labelledby="timeline-h">
<h2 id="timeline-h">Timeline</h2>
{{- with .Gantt}}
{{- if .Empty}}
<p>No project is scheduled.</p>
{{- else}}
<figure>
<svg class="chart gantt" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="gantt-title gantt-desc" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}">
<title id="gantt-title">{{.Title}}</title>
<desc id="gantt-desc">{{.Desc}}</desc>
<defs><marker id="gantt-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10z" fill="#374151"/></marker>
{{- if .Living}}<pattern id="gantt-elapsed" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="3" height="6" fill="#fff" fill-opacity="0.55"/></pattern>{{end}}</defs>
{{- range .Stripes}}
<rect class="{{.Class}}" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}"/>
{{- end}}
{{- with .History}}
<rect class="{{.Class}}" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}"/>
{{- end}}
{{- range .Grid}}
<line class="{{.Class}}" x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}"/>
{{- end}}
{{- range .Headers}}
<text class="{{.Class}}" x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}">{{.Text}}</text>
{{- end}}
{{- range .Labels}}
{{- if .Spans}}
<text class="{{.Class}}" text-anchor="{{.Anchor}}">{{range .Spans}}<tspan x="{{.X}}" y="{{.Y}}">{{.Text}}</tspan>{{end}}</text>
{{- else}}
<text class="{{.Class}}" x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}">{{.Text}}</text>
{{- end}}
{{- end}}
{{- range .Bars}}
<rect class="{{.Class}}" data-project="{{.ID}}" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" rx="3" fill="{{.Fill}}"><title>{{.Title}}</title></rect>
{{- end}}
{{- range .Elapsed}}
<rect class="{{.Class}}" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" rx="3"><title>{{.Title}}</title></rect>
{{- end}}
{{- range .Arrows}}
<path class="dep" d="{{.D}}" marker-end="url(#gantt-arrowhead)"><title>{{.Title}}</title></path>
{{- end}}
{{- with .StatusLine}}
<line class="{{.Class}}" x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}"/>
{{- end}}
{{- with .StatusText}}
<text class="{{.Class}}" x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}">{{.Text}}</text>
{{- end}}
{{- range .Deadlines}}
<g class="deadline-group"><title>{{.Title}}</title><line class="deadline" x1="{{.X}}" y1="{{.Y1}}" x2="{{.X}}" y2="{{.Y2}}"/><path class="deadline-mark" d="{{.Marker}}"/></g>
{{- end}}
</svg>
<figcaption>{{range .Legend}}<span class="legend"><span class="swatch-box" style="background: {{.Colour}}"></span>{{.Label}}</span>{{end}}<span class="legend">Thick outline: mandatory. Arrow: depends on. Red mark: deadline.</span>{{if .Living}}<span class="legend">Blue dashed line: the status date; shaded: history. Blue outline: in progress, hatched as far as it has run. Grey: done; faint dashed grey: cancelled.</span>{{end}}</figcaption>
</figure>
<details><summary>Timeline as a table</summary>
{{- $living := .Living}}
<table><thead><tr><th scope="col">Project</th><th scope="col">Title</th>{{if $living}}<th scope="col">Status</th>{{end}}<th scope="col">Goal</th><th scope="col">Start</th><th scope="col">End</th><th scope="col" class="num">Periods</th><th scope="col">Deadline</th><th scope="col">Depends on</th></tr></thead>
<tbody>{{range .Rows}}<tr><td><code>{{.ID}}</code></td><td>{{.Title}}</td>{{if $living}}<td>{{.Status}}</td>{{end}}<td>{{.Goal}}</td><td>{{.Start}}</td><td>{{.End}}</td><td class="num">{{.Duration}}</td><td>{{.Deadline}}</td><td>{{.DependsOn}}</td></tr>{{end}}</tbody></table>
</details>
{{- end}}
{{- end}}
<h3>Not scheduled</h3>
{{- if .NotScheduled}}
<table class="not-scheduled"><thead><tr><th scope="col" class="num">Rank</th><th scope="col">Project</th><th scope="col">Status</th><th scope="col">Gate</th><th scope="col">Deadline</th><th scope="col">Reasons</th></tr></thead>
<tbody>{{range .NotScheduled}}<tr><td class="num">{{.Rank}}</td><td>{{.Title}} <code>{{.ID}}</code></td><td><span class="badge {{.Status}}">{{.Status}}</span></td><td>{{.Gate}}</td><td>{{.Deadline}}</td><td><ul class="reasons">{{range .Reasons}}<li>{{.}}</li>{{end}}</ul></td></tr>{{end}}</tbody></table>
{{- else}}
<p>Every project is scheduled.</p>
{{- end}}
</section>
<section id="capacity" aria-labelledby="capacity-h">
<h2 id="capacity-h">Capacity</h2>
{{- with .Heat}}
{{- if .Empty}}
<p>The plan has no teams.</p>
{{- else}}
<figure>
<svg class="chart heatmap" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="heat-title heat-desc" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}">
<title id="heat-title">{{.Title}}</title>
<desc id="heat-desc">{{.Desc}}</desc>
{{- range .Headers}}
<text class="{{.Class}}" x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}">{{.Text}}</text>
{{- end}}
{{- range .Labels}}
{{- if .Spans}}
<text class="{{.Class}}" text-anchor="{{.Anchor}}">{{range .Spans}}<tspan x="{{.X}}" y="{{.Y}}">{{.Text}}</tspan>{{end}}</text>
{{- else}}
<text class="{{.Class}}" x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}">{{.Text}}</text>
{{- end}}
{{- end}}
{{- range .Cells}}
<rect class="{{.Class}}" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" rx="2"><title>{{.Title}}</title></rect>
{{- if .Text}}
<text class="cell-text t-{{.Level}}" x="{{.TextX}}" y="{{.TextY}}" text-anchor="middle">{{.Text}}</text>
{{- end}}
{{- end}}
</svg>
<figcaption><span class="legend"><span class="swatch-box heat-idle"></span>idle</span><span class="legend"><span class="swatch-box heat-low"></span>under 50%</span><span class="legend"><span class="swatch-box heat-mid"></span>50–85%</span><span class="legend"><span class="swatch-box heat-full"></span>85% or more</span><span class="legend"><span class="swatch-box heat-over"></span>over capacity</span><span class="legend">Cells read FTE used / capacity.</span></figcaption>
</figure>
{{- if .NearFull}}
<p>Near full or over capacity at least once: {{range $i, $t := .NearFull}}{{if $i}}, {{end}}<code>{{$t}}</code>{{end}}.</p>
{{- end}}
{{- if .Idle}}
<p>Idle for the whole horizon: {{range $i, $t := .Idle}}{{if $i}}, {{end}}<code>{{$t}}</code>{{end}}.</p>
{{- end}}
<details><summary>Capacity as a table</summary>
{{- $hist := .History}}
<div class="wide"><table><thead><tr><th scope="col">Team</th>{{range $i, $l := .PeriodLabels}}{{if index $hist $i}}<th scope="col" class="num history" title="history: before the status date">{{$l}}</th>{{else}}<th scope="col" class="num">{{$l}}</th>{{end}}{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr><th scope="row"><code>{{.ID}}</code></th>{{range .Cells}}<td class="num">{{.}}</td>{{end}}</tr>{{end}}
<tr><th scope="row">Projects in flight</th>{{range .Active}}<td class="num">{{.}}</td>{{end}}</tr></tbody></table></div>
</details>
{{- end}}
{{- end}}
{{- if .Budgets.Rows}}
<h3>Budget spend by period</h3>
{{- $bhist := .Budgets.History}}
<div class="wide"><table class="budgets"><thead><tr><th scope="col">Budget</th><th scope="col">Limit</th>{{range $i, $l := .Budgets.Periods}}{{if index $bhist $i}}<th scope="col" class="num history" title="history: before the status date">{{$l}}</th>{{else}}<th scope="col" class="num">{{$l}}</th>{{end}}{{end}}</tr></thead>
<tbody>{{range .Budgets.Rows}}<tr><th scope="row">{{if .Title}}{{.Title}} {{end}}<code>{{.ID}}</code></th><td>{{.Limit}}</td>{{range .Cells}}<td class="{{.Class}}"{{if .Title}} title="{{.Title}}"{{end}}>{{.Text}}</td>{{end}}</tr>{{end}}</tbody></table></div>
<p class="note">Highlighted cells: 90% or more of the budget's window (year, period or horizon) is spent by then.{{if .AsOf}} Shaded period headings are history, before the status date {{.AsOf}}: their spend is spend to date.{{end}}</p>
{{- end}}
</section>
{{- with .Progress}}
<section id="progress" aria-labelledby="progress-h">
<h2 id="progress-h">{{.Title}}</h2>
<div class="wide"><table class="progress"><thead><tr>{{range .Headers}}<th scope="col"{{if .Class}} class="{{.Class}}"{{end}}>{{.Text}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr>{{range $k, $c := .}}{{if eq $k 0}}<th scope="row"><code>{{$c.Text}}</code></th>{{else}}<td{{if $c.Class}} class="{{$c.Class}}"{{end}}>{{$c.Text}}</td>{{end}}{{end}}</tr>{{end}}</tbody></table></div>
<p class="note">{{.Note}}</p>
</section>
{{- end}}
{{- if .Earned}}{{template "earned" .Earned}}{{end}}
<section id="cost-benefit" aria-labelledby="cost-benefit-h">
<h2 id="cost-benefit-h">Cost-benefit</h2>
{{- with .Bubbles}}
{{- if .Empty}}
<p>The plan has no projects.</p>
{{- else}}
<figure>
<svg class="chart bubbles" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="bubble-title bubble-desc" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}">
<title id="bubble-title">{{.Title}}</title>
<desc id="bubble-desc">{{.Desc}}</desc>
{{- range .Grid}}
<line class="{{.Class}}" x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}"/>
{{- end}}
<rect class="{{.Frame.Class}}" x="{{.Frame.X}}" y="{{.Frame.Y}}" width="{{.Frame.W}}" height="{{.Frame.H}}"/>
{{- with .Zero}}
<line class="{{.Class}}" x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}"/>
{{- end}}
{{- with .Appetite}}
<line class="{{.Class}}" x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}"/>
{{- end}}
{{- with .AppetiteLabel}}
<text class="{{.Class}}" x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}">{{.Text}}</text>
{{- end}}
{{- range .Ticks}}
<text class="{{.Class}}" x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}">{{.Text}}</text>
{{- end}}
<text class="{{.AxisX.Class}}" x="{{.AxisX.X}}" y="{{.AxisX.Y}}" text-anchor="{{.AxisX.Anchor}}">{{.AxisX.Text}}</text>
<text class="{{.AxisY.Class}}" x="{{.AxisY.X}}" y="{{.AxisY.Y}}" text-anchor="{{.AxisY.Anchor}}" transform="rotate(-90 {{.AxisY.X}} {{.AxisY.Y}})">{{.AxisY.Text}}</text>
{{- range .Bubbles}}
<circle class="{{.Class}}" data-project="{{.ID}}" cx="{{.CX}}" cy="{{.CY}}" r="{{.R}}"{{if .Fill}} fill="{{.Fill}}"{{end}}><title>{{.Title}}</title></circle>
{{- end}}
{{- range .Bubbles}}
{{with .Label}}<text class="{{.Class}}" x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}">{{.Text}}</text>{{end}}
{{- end}}
</svg>
<figcaption><span class="legend"><span class="swatch-box b-scheduled"></span>scheduled (coloured by goal, as in the timeline)</span><span class="legend"><span class="swatch-box b-deferred"></span>deferred</span><span class="legend"><span class="swatch-box b-dropped"></span>dropped</span><span class="legend">Circle area grows with cost.</span></figcaption>
</figure>
{{- end}}
{{- end}}
</section>
<section id="ranking" aria-labelledby="ranking-h">
<h2 id="ranking-h">Ranked roadmap</h2>
<div class="wide"><table class="projects"><thead><tr><th scope="col" class="num">Rank</th><th scope="col">Project</th><th scope="col">Status</th><th scope="col" class="num">Score</th><th scope="col" class="num">Alignment</th><th scope="col" class="num">Risk</th><th scope="col">When</th><th scope="col">Deadline</th><th scope="col" class="num">Cost</th>{{if $.Savings}}<th scope="col" class="num" title="Run cost of the systems it replaces, stopped from its go-live; part of its benefit">Saving</th>{{end}}<th scope="col" class="num">Risk-adj. NPV</th><th scope="col" class="num">ROI</th><th scope="col">Payback</th><th scope="col">Depends on</th><th scope="col">Reasons</th></tr></thead>
<tbody>
{{- range .Projects}}
<tr id="project-{{.ID}}"><td class="num">{{.Rank}}</td><td class="project">{{.Title}} <code>{{.ID}}</code>{{if .Mandatory}} <span class="badge mandatory">mandatory</span>{{end}}{{if .Flagship}} <span class="badge flagship">flagship</span>{{end}}</td><td><span class="badge {{.Status}}">{{.Status}}</span>{{if .Gate}} <span class="note">({{.Gate}})</span>{{end}}</td><td class="num">{{.Score}}</td><td class="num">{{.Alignment}}</td><td class="num">{{.Risk}}</td><td class="when">{{.When}}</td><td class="when">{{.Deadline}}</td><td class="num">{{.Cost}}</td>{{if $.Savings}}<td class="num">{{.Saving}}</td>{{end}}<td class="num">{{.RiskAdjustedNPV}}</td><td class="num">{{.ROI}}</td><td>{{.Payback}}</td><td>{{.DependsOn}}</td><td class="reasons">{{if .Reasons}}<ul class="reasons">{{range .Reasons}}<li>{{.}}</li>{{end}}</ul>{{end}}</td></tr>
{{- end}}
</tbody></table></div>
</section>
{{- if .Choices}}{{template "choices" .Choices}}{{end}}
<section id="vendors" aria-labelledby="vendors-h">
<h2 id="vendors-h">Vendor evaluations</h2>
{{- range .Vendors}}
<h3>Evaluation <code>{{.Evaluation}}</code>{{if .Category}} ({{.Category}}){{end}}</h3>
<p>Winner: <strong>{{.Winner}}</strong>. Minimum score {{.Minimum}}; total cost of ownership over {{.Years}} years.</p>
<div class="wide"><table class="vendor-matrix"><thead><tr><th scope="col">Vendor</th>{{range .Criteria}}<th scope="col" class="num">{{.Label}}<br><span class="note">weight {{.Value}}</span></th>{{end}}<th scope="col" class="num">Score</th><th scope="col" class="num">TCO</th><th scope="col">Eligible</th></tr></thead>
<tbody>{{range .Rows}}<tr{{if .Winner}} class="winner"{{end}}><th scope="row">{{.Title}} <code>{{.Vendor}}</code>{{if .Winner}} ★ winner{{end}}</th>{{range .Scores}}<td class="num">{{.}}</td>{{end}}<td class="num">{{.Score}}</td><td class="num">{{.TCO}}</td><td>{{if .Eligible}}yes{{else}}no{{end}}</td></tr>{{end}}</tbody></table></div>
{{- else}}
<p>The plan has no vendor evaluations.</p>
{{- end}}
</section>
{{- if .Audit}}{{template "audit" .Audit}}{{end}}
{{- if .RunRate}}{{template "runrate" .RunRate}}{{end}}
<section id="checks" aria-labelledby="checks-h">
<h2 id="checks-h">Checks</h2>
{{- if .Checks}}
<table class="checks"><thead><tr><th scope="col">Check</th><th scope="col">Severity</th><th scope="col">Result</th><th scope="col">Message</th></tr></thead>
<tbody>{{range .Checks}}<tr><td><code>{{.ID}}</code></td><td>{{.Severity}}</td><td><span class="badge {{.Class}}">{{.Result}}</span></td><td>{{.Message}}</td></tr>{{end}}</tbody></table>
{{- else}}
<p>The plan has no checks.</p>
{{- end}}
</section>
{{- if .Optimization}}
<section id="appendix" aria-labelledby="appendix-h">
<h2 id="appendix-h">Appendix: optimisation</h2>
<table class="optimization"><tbody>{{range .Optimization}}<tr><th scope="row">{{.Label}}</th><td>{{.Value}}</td></tr>{{end}}</tbody></table>
</section>
{{- end}}
</main>
</body>
</html>
`

// htmlAuditTemplate is the technology audit section: the table, each
// system's story, and the lifecycle chart (a cell per period: supported,
// running out of support, retired once its replacement is live).
const htmlAuditTemplate = `{{define "audit"}}
<section id="audit" aria-labelledby="audit-h">
<h2 id="audit-h">Technology audit</h2>
<p>{{.Summary}}</p>
{{- if .Policy}}
<p><span class="badge {{.PolicyClass}}">{{.Policy}}</span></p>
{{- end}}
<div class="wide"><table class="audit"><thead><tr><th scope="col">System</th><th scope="col">Owner</th><th scope="col">End of support</th><th scope="col">Replacement</th><th scope="col">Go-live</th><th scope="col">Gap</th><th scope="col" class="num">Run cost / year</th><th scope="col" class="num">Risk</th></tr></thead>
<tbody>{{range .Rows}}{{$row := .}}<tr id="system-{{.ID}}">{{range $i, $c := .Cells}}{{if eq $i 5}}<td><span class="badge {{$row.GapClass}}">{{$c}}</span></td>{{else if ge $i 6}}<td class="num">{{$c}}</td>{{else}}<td>{{$c}}</td>{{end}}{{end}}</tr>{{end}}</tbody></table></div>
<ul>{{range .Rows}}<li><code>{{.ID}}</code>: {{.Message}}</li>{{end}}</ul>
<h3>Lifecycle</h3>
<div class="wide"><table class="lifecycle" aria-label="System lifecycle by period"><thead><tr><th scope="col">System</th>{{range .Periods}}<th scope="col" class="period">{{.}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr><th scope="row"><code>{{.ID}}</code></th>{{range .Life}}<td class="{{.Class}}" title="{{.Title}}"></td>{{end}}</tr>{{end}}</tbody></table></div>
<p class="note">Green: supported; red: running out of support; grey: retired, its replacement live.</p>
</section>
{{end}}`
