package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// htmlEarned is the earned value section of the HTML page: the S-curve
// (cumulative PV over the horizon, AC to the status date, EV at it), the
// table of the text formats, and its notes.
type htmlEarned struct {
	Title   string
	Chart   evChart
	Headers []string
	Right   []bool
	Rows    [][]string
	Notes   []string
}

// evChart is the S-curve SVG.
type evChart struct {
	Width, Height string
	Title, Desc   string
	Grid          []svgLine
	Ticks         []svgText
	Headers       []svgText
	PV, AC        string // polyline points
	BAC           *svgLine
	BACLabel      *svgText
	Status        *svgLine
	StatusText    *svgText
	EV            *evPoint
	Legend        []legendItem
}

type evPoint struct{ CX, CY, Title string }

const (
	evLeft   = 90.0
	evTop    = 24.0
	evHeight = 240.0
	evBottom = 28.0
)

// buildHTMLEarned is the section of a plan with earned value; nil
// without.
func buildHTMLEarned(p *evaluate.Plan) *htmlEarned {
	v := p.EarnedValue
	if v == nil {
		return nil
	}
	id := func(s string) string { return s }
	he := &htmlEarned{Title: earnedTitle(p), Headers: earnedHeaders(), Right: earnedRight,
		Rows: earnedRows(p, id), Notes: earnedNotes(p, id, id)}
	he.Chart = buildEVChart(p)
	return he
}

func buildEVChart(p *evaluate.Plan) evChart {
	v := p.EarnedValue
	n := len(v.Periods)
	colW := columnWidth(n)
	width := evLeft + float64(n)*colW + 16
	height := evTop + evHeight + evBottom
	c := evChart{Width: px(width), Height: px(height)}
	top := v.BAC
	for _, per := range v.Periods {
		top = math.Max(top, per.PV)
		if per.AC != nil {
			top = math.Max(top, *per.AC)
		}
	}
	top = math.Max(math.Max(top, v.EV), v.AC)
	if top <= 0 {
		top = 1
	}
	step := niceStep(top / 4)
	top = math.Ceil(top/step) * step
	y := func(x float64) float64 { return evTop + evHeight*(1-x/top) }
	// x of the end of period i (cumulative figures are to its end).
	xEnd := func(i int) float64 { return evLeft + float64(i+1)*colW }
	for t := 0.0; t <= top+step/2; t += step {
		c.Grid = append(c.Grid, svgLine{X1: px(evLeft), Y1: px(y(t)), X2: px(width - 16), Y2: px(y(t)), Class: "grid"})
		c.Ticks = append(c.Ticks, svgText{X: px(evLeft - 6), Y: px(y(t) + 4), Anchor: "end", Class: "axis", Text: formatCompact(t)})
	}
	lstep := labelStep(colW, v.Periods[0].Label)
	for i, per := range v.Periods {
		if i%lstep == 0 {
			c.Headers = append(c.Headers, svgText{X: px(evLeft + float64(i)*colW + colW/2), Y: px(evTop + evHeight + 18), Anchor: "middle", Class: "axis", Text: per.Label})
		}
	}
	var pv, ac []string
	pv = append(pv, px(evLeft)+","+px(y(0)))
	ac = append(ac, px(evLeft)+","+px(y(0)))
	for i, per := range v.Periods {
		pv = append(pv, px(xEnd(i))+","+px(y(per.PV)))
		if per.AC != nil {
			ac = append(ac, px(xEnd(i))+","+px(y(*per.AC)))
		}
	}
	c.PV = strings.Join(pv, " ")
	if len(ac) > 1 {
		c.AC = strings.Join(ac, " ")
	}
	c.BAC = &svgLine{X1: px(evLeft), Y1: px(y(v.BAC)), X2: px(width - 16), Y2: px(y(v.BAC)), Class: "ev-bac"}
	c.BACLabel = &svgText{X: px(evLeft + 4), Y: px(y(v.BAC) - 4), Anchor: "start", Class: "axis", Text: "BAC " + formatAmount(v.BAC)}
	xs := evLeft + float64(v.StatusPeriod)*colW
	c.Status = &svgLine{X1: px(xs), Y1: px(evTop - 8), X2: px(xs), Y2: px(evTop + evHeight), Class: "status-date"}
	c.StatusText = &svgText{X: px(xs + 3), Y: px(evTop - 10), Anchor: "start", Class: "status-label", Text: "as of " + v.StatusDate}
	c.EV = &evPoint{CX: px(xs), CY: px(y(v.EV)), Title: fmt.Sprintf("EV %s at %s (PV %s, AC %s)", formatAmount(v.EV), v.StatusDate, formatAmount(v.PV), formatAmount(v.AC))}
	c.Title = fmt.Sprintf("Earned value S-curve at %s: planned value %s, earned value %s, actual cost %s", v.StatusDate,
		formatAmount(v.PV), formatAmount(v.EV), formatAmount(v.AC))
	c.Desc = "Cumulative planned value of the baseline per period (blue), cumulative actual cost to the status date (orange), " +
		"earned value at the status date (green dot), the budget at completion (grey dashed). The figures are in the table below."
	c.Legend = []legendItem{{Class: "swatch-box ev-pv", Label: "PV (baseline, cumulative)"}, {Class: "swatch-box ev-ac", Label: "AC (to date)"},
		{Class: "swatch-box ev-ev", Label: "EV (at the status date)"}}
	return c
}

// htmlEarnedTemplate is the earned value section.
const htmlEarnedTemplate = `{{define "earned"}}
<section id="earned-value" aria-labelledby="earned-value-h">
<h2 id="earned-value-h">{{.Title}}</h2>
{{- with .Chart}}
<figure>
<svg class="chart ev" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="ev-title ev-desc" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}">
<title id="ev-title">{{.Title}}</title>
<desc id="ev-desc">{{.Desc}}</desc>
{{- range .Grid}}
<line class="{{.Class}}" x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}"/>
{{- end}}
{{- range .Ticks}}
<text class="{{.Class}}" x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}">{{.Text}}</text>
{{- end}}
{{- range .Headers}}
<text class="{{.Class}}" x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}">{{.Text}}</text>
{{- end}}
{{- with .BAC}}
<line class="{{.Class}}" x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}"/>
{{- end}}
{{- with .BACLabel}}
<text class="{{.Class}}" x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}">{{.Text}}</text>
{{- end}}
<polyline class="ev-pv" points="{{.PV}}"/>
{{- if .AC}}
<polyline class="ev-ac" points="{{.AC}}"/>
{{- end}}
{{- with .Status}}
<line class="{{.Class}}" x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}"/>
{{- end}}
{{- with .StatusText}}
<text class="{{.Class}}" x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}">{{.Text}}</text>
{{- end}}
{{- with .EV}}
<circle class="ev-ev" cx="{{.CX}}" cy="{{.CY}}" r="5"><title>{{.Title}}</title></circle>
{{- end}}
</svg>
<figcaption>{{range .Legend}}<span class="legend"><span class="{{.Class}}"></span>{{.Label}}</span>{{end}}</figcaption>
</figure>
{{- end}}
{{- $right := .Right}}
<div class="wide"><table class="earned-value"><thead><tr>{{range $i, $h := .Headers}}<th scope="col"{{if index $right $i}} class="num"{{end}}>{{$h}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr>{{range $i, $c := .}}{{if eq $i 0}}<th scope="row"><code>{{$c}}</code></th>{{else}}<td{{if index $right $i}} class="num"{{end}}>{{$c}}</td>{{end}}{{end}}</tr>{{end}}</tbody></table></div>
{{- range .Notes}}
<p class="note">{{.}}</p>
{{- end}}
</section>
{{end}}`
