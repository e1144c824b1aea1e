package report

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// fixed formats v with prec decimals and never prints "-0".
func fixed(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.TrimLeft(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	return s
}

// planCalendar rebuilds the plan's calendar from its echoed roadmap block,
// so renderers can turn period indexes and labels into dates.
func planCalendar(p *evaluate.Plan) (hclspec.Calendar, error) {
	unit := hclspec.PeriodUnit(p.Roadmap.Period)
	switch unit {
	case hclspec.Week, hclspec.Month, hclspec.Quarter, hclspec.Year:
	default:
		return hclspec.Calendar{}, fmt.Errorf("plan has unknown period %q", p.Roadmap.Period)
	}
	from, _, err := hclspec.ParseDateSpan(p.Roadmap.Start)
	if err != nil {
		return hclspec.Calendar{}, fmt.Errorf("plan start: %w", err)
	}
	return hclspec.NewCalendar(unit, from), nil
}

// labelOfPeriod is the label of period i, from the plan when it has it.
func labelOfPeriod(p *evaluate.Plan, cal hclspec.Calendar, i int) string {
	if i >= 0 && i < len(p.Periods) && p.Periods[i].Index == i {
		return p.Periods[i].Label
	}
	return cal.Label(i)
}

// periodsToDraw is the number of periods to draw: the horizon, or more when
// the plan lists more periods or a project runs past them.
func periodsToDraw(p *evaluate.Plan) int {
	n := max(p.Roadmap.Horizon, len(p.Periods))
	for _, pr := range p.Projects {
		if pr.EndPeriod != nil {
			n = max(n, *pr.EndPeriod)
		}
	}
	return n
}

// paletteColour is the i-th goal colour. Every colour has at least 3:1
// contrast against white, as WCAG asks of graphics.
func paletteColour(i int) string {
	palette := [...]string{"#0072B2", "#D55E00", "#009E73", "#7B3294", "#CC3377", "#A6611A", "#1B7837", "#4D4D4D"}
	return palette[i%len(palette)]
}

// noGoalColour marks projects that serve no goal (mandatory ones).
const noGoalColour = "#6B7280"

// goalOrder lists goal ids: the plan's goals in declaration order, then any
// goal only projects name, sorted.
func goalOrder(p *evaluate.Plan) []string {
	seen := map[string]bool{}
	var ids []string
	for _, g := range p.Goals {
		if !seen[g.ID] {
			seen[g.ID] = true
			ids = append(ids, g.ID)
		}
	}
	var extra []string
	for _, pr := range p.Projects {
		for g := range pr.Goals {
			if !seen[g] {
				seen[g] = true
				extra = append(extra, g)
			}
		}
	}
	sort.Strings(extra)
	return append(ids, extra...)
}

// projectTitle is a project's title, or its id when it has none (title is
// optional): charts need a label, and an empty Mermaid task name is a
// syntax error.
func projectTitle(pr *evaluate.ProjectPlan) string {
	if pr.Title == "" {
		return pr.ID
	}
	return pr.Title
}

// projectName is "title (id)" for tooltips, or the bare id when the project
// has no title of its own.
func projectName(pr *evaluate.ProjectPlan) string {
	if pr.Title == "" || pr.Title == pr.ID {
		return pr.ID
	}
	return pr.Title + " (" + pr.ID + ")"
}

// goalTitle is a goal's title, or its id when the plan has none.
func goalTitle(p *evaluate.Plan, id string) string {
	for _, g := range p.Goals {
		if g.ID == id && g.Title != "" {
			return g.Title
		}
	}
	return id
}

// primaryGoal is the goal a project contributes most to ("" for none);
// ties go to the goal declared first.
func primaryGoal(pr *evaluate.ProjectPlan, order []string) string {
	best, bestV := "", 0.0
	for _, g := range order {
		if v := pr.Goals[g]; v > bestV {
			best, bestV = g, v
		}
	}
	return best
}

// goalColour is the colour of goal id given the goal order.
func goalColour(id string, order []string) string {
	for i, g := range order {
		if g == id {
			return paletteColour(i)
		}
	}
	return noGoalColour
}

// scheduledByStart lists the scheduled projects by start period, then rank.
func scheduledByStart(p *evaluate.Plan) []*evaluate.ProjectPlan {
	var out []*evaluate.ProjectPlan
	for i := range p.Projects {
		pr := &p.Projects[i]
		if pr.Status == evaluate.StatusScheduled && pr.StartPeriod != nil && pr.EndPeriod != nil {
			out = append(out, pr)
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if *out[a].StartPeriod != *out[b].StartPeriod {
			return *out[a].StartPeriod < *out[b].StartPeriod
		}
		if out[a].Rank != out[b].Rank {
			return out[a].Rank < out[b].Rank
		}
		return out[a].ID < out[b].ID
	})
	return out
}

// labelColumn sizes the label column of the Gantt chart and the heat
// map for labels written whole: one line each when they fit 360 px, else
// wrapped onto two lines at word boundaries, the column widening (up to
// 520 px) until every label fits in two. It returns the width and each
// label's lines. Labels are never cut: a board reads the whole title.
func labelColumn(labels []string) (width float64, lines [][]string) {
	const size, pad, least, most, widest = 12.0, 16.0, 120.0, 360.0, 520.0
	width = least
	for _, l := range labels {
		width = math.Max(width, math.Min(most, textWidth(l, size)+pad))
	}
	for {
		lines = make([][]string, len(labels))
		fits := true
		for i, l := range labels {
			lines[i] = wrapWords(l, width-pad, size)
			if len(lines[i]) > 2 {
				fits = false
			}
		}
		if fits || width >= widest {
			break
		}
		width = math.Min(widest, width+20)
	}
	for _, ls := range lines {
		for _, l := range ls {
			width = math.Max(width, textWidth(l, size)+pad)
		}
	}
	return math.Round(width), lines
}

// wrapWords breaks s into lines no wider than max px, at spaces; a word
// wider than a line is broken where it must be.
func wrapWords(s string, maxW, size float64) []string {
	if textWidth(s, size) <= maxW {
		return []string{s}
	}
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		for textWidth(word, size) > maxW {
			fit := max(1, int((maxW-2)/(size*0.62)))
			if line != "" {
				lines = append(lines, line)
				line = ""
			}
			r := []rune(word)
			lines = append(lines, string(r[:min(fit, len(r))]))
			word = string(r[min(fit, len(r)):])
		}
		switch {
		case word == "":
		case line == "":
			line = word
		case textWidth(line+" "+word, size) <= maxW:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// rowLabel is a chart row's label right-aligned at x, centred on the row
// at mid: one line, or two lines around the middle.
func rowLabel(x, mid float64, text string, lines []string) svgText {
	l := svgText{X: px(x), Y: px(mid + 4), Anchor: "end", Class: "label", Text: text}
	if len(lines) <= 1 {
		return l
	}
	top := mid + 4 - float64(len(lines)-1)*13/2
	for i, line := range lines {
		l.Spans = append(l.Spans, svgText{X: px(x), Y: px(top + float64(i)*13), Text: line})
	}
	return l
}
