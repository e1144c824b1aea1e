package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate/diff"
)

// DiffCommentMarker is a hidden line in every Markdown diff, so a bot can
// find the comment it posted before and update it instead of adding one.
const DiffCommentMarker = "<!-- roadmap-plan-diff -->"

// A comment must fit GitHub's limit of 65,536 characters, whatever the
// roadmap holds: diffCommentLimit counts bytes, never fewer than
// characters, with room to spare. The summary line and the totals always
// fit; the table and lists of changes come next, each row or item only if
// it fits, then a note of how many were left out; the folded full diff
// gets the rest, cut at a line with a note; the Gantt chart is added only
// if it fits whole. User text is clipped to a few hundred characters per
// cell, so one giant title cannot crowd out the rest.
const (
	diffCommentLimit = 60000
	diffTableRows    = 60   // rows of the table of project changes
	diffFullDiffMin  = 4000 // bytes kept for the full diff however long the lists are
	diffNameRunes    = 200  // a roadmap name or revision
	diffIDRunes      = 100  // an id in a cell
	diffCellRunes    = 300  // a title, a cell, a list item
	diffLineRunes    = 1000 // a line of the full diff
)

// renderDiffMarkdown writes a pull-request comment: the summary line first,
// a compact table of project changes, the other changes as lists, the full
// text diff folded in <details>, and the marker last.
func renderDiffMarkdown(w io.Writer, d *diff.PlanDiff, o Options) error {
	var b strings.Builder
	line := func(format string, args ...any) {
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}
	line("**%s**", d.SummaryLine())
	line("")
	revisions := fmt.Sprintf("Roadmap %s: %s → %s.", diffMarkdownName(d),
		mdCode(clipText(diffSideName(d.Before), diffNameRunes)), mdCode(clipText(diffSideName(d.After), diffNameRunes)))
	if !d.Changed {
		line("%s", revisions)
		line("")
		line("%s", DiffCommentMarker)
		_, err := io.WriteString(w, b.String())
		return err
	}
	line("%s %s unchanged.", revisions, diffCountNoun(d.Summary.Unchanged, "project", "projects"))
	for _, c := range d.Roadmap {
		if text, ok := diffValueScale(d, c); ok {
			line("")
			line("%s.", mdEscape(strings.ToUpper(text[:1])+text[1:]))
		}
	}

	var totals strings.Builder
	totals.WriteString("\n| Totals | Before | After |\n|---|--:|--:|\n")
	for _, row := range diffTotalsRows(d) {
		after := row.after
		if row.changed {
			after = "**" + after + "**"
		}
		fmt.Fprintf(&totals, "| %s | %s | %s |\n", row.label, row.before, after)
	}
	const folding = 300 // the <details> lines, the fences, the notes and the marker
	// The lists stop where the totals and the least of the full diff would
	// no longer fit.
	listRoom := diffCommentLimit - totals.Len() - folding - diffFullDiffMin
	fits := func(s string) bool { return b.Len()+len(s)+folding <= listRoom }

	if len(d.Projects) > 0 {
		line("")
		line("| | Project | Change | Before | After |")
		line("|:-:|---|---|---|---|")
		for i, p := range d.Projects {
			name := mdCode(clipText(p.ID, diffIDRunes))
			if p.Title != "" && p.Title != p.ID {
				name += " " + mdEscape(clipText(p.Title, diffCellRunes))
			}
			row := fmt.Sprintf("| %s | %s | %s | %s | %s |\n", diffProjectSymbol(p), name,
				mdEscape(clipText(diffChangeWord(p), diffCellRunes)),
				diffMarkdownCell(diffStateCell(p.Before, p)), diffMarkdownCell(diffStateCell(p.After, p)))
			if i == diffTableRows || !fits(row) {
				line("| | … | %d more: see the full diff | | |", len(d.Projects)-i)
				break
			}
			b.WriteString(row)
		}
	}

	// items writes a list under a bold heading, as many items as fit.
	items := func(heading string, list []string) {
		if len(list) == 0 {
			return
		}
		line("")
		line("**%s**", heading)
		line("")
		for i, it := range list {
			item := "- " + it + "\n"
			if !fits(item) {
				line("- … %d more: see the full diff", len(list)-i)
				break
			}
			b.WriteString(item)
		}
	}
	vendors := make([]string, len(d.Vendors))
	for i, v := range d.Vendors {
		vendors[i] = diffMarkdownVendor(v)
	}
	choices := make([]string, len(d.Choices))
	for i, c := range d.Choices {
		choices[i] = diffChoice(c, func(s string) string { return mdCode(clipText(s, diffIDRunes)) })
	}
	items("Choices", choices)
	items("Vendor winners", vendors)
	systems := make([]string, len(d.Systems))
	for i, c := range d.Systems {
		systems[i] = diffMarkdownSystem(c)
	}
	items("Systems (technology audit)", systems)
	checks := make([]string, len(d.Checks))
	for i, c := range d.Checks {
		verb := "starts failing"
		switch c.Kind {
		case diff.CheckStopsFailing:
			verb = "stops failing"
		case diff.CheckFailsMore:
			verb = "fails more"
		}
		item := fmt.Sprintf("%s (%s) **%s**", mdCode(clipText(c.ID, diffIDRunes)), mdEscape(c.Severity), verb)
		if (c.Kind == diff.CheckStartsFailing || c.Kind == diff.CheckFailsMore) && c.Message != "" {
			item += ": " + diffMarkdownCell(c.Message)
		}
		checks[i] = item
	}
	items("Checks", checks)
	if n := len(d.Teams) + len(d.Budgets); n > 0 {
		line("")
		line("Team load changes in %s, budget spend changes in %s: see the details.",
			diffCountNoun(len(d.Teams), "cell", "cells"), diffCountNoun(len(d.Budgets), "cell", "cells"))
	}
	b.WriteString(diffMarkdownRunRate(d.RunRate, fits))
	b.WriteString(totals.String())

	// The full diff, in a diff code block so GitHub colours + and - lines.
	// Its fence is longer than any run of backticks in it, so no title can
	// close it.
	t := &diffText{indent: ""}
	t.write(d)
	details := clipLines(t.b.String(), diffLineRunes)
	fence := mdFence(details) // cutting the text below cannot lengthen a run
	const truncated = "... (cut to fit a GitHub comment: run the same roadmap plan locally for the rest)\n"
	if room := diffCommentLimit - b.Len() - folding - 2*len(fence); len(details) > room {
		cut := max(room-len(truncated), 0)
		cut = strings.LastIndexByte(details[:cut], '\n') + 1
		details = details[:cut] + truncated
	}
	line("")
	line("<details><summary>Full plan diff</summary>")
	line("")
	line("%sdiff", fence)
	b.WriteString(details)
	line("%s", fence)
	line("")
	line("</details>")
	if g := diffGantt(d); g != "" && b.Len()+len(g)+folding < diffCommentLimit {
		line("")
		line("<details><summary>Schedule after this change</summary>")
		line("")
		b.WriteString(g)
		line("")
		line("</details>")
	}
	line("")
	line("%s", DiffCommentMarker)
	_, err := io.WriteString(w, b.String())
	return err
}

// diffMarkdownName is the roadmap's name, quoted and clipped.
func diffMarkdownName(d *diff.PlanDiff) string {
	name := d.After.Name
	if name == "" {
		name = d.Before.Name
	}
	return `"` + mdEscape(clipText(name, diffNameRunes)) + `"`
}

// clipLines clips every line of text to n runes.
func clipLines(text string, n int) string {
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		body := strings.TrimSuffix(l, "\n")
		if clipped := clipText(body, n); clipped != body {
			lines[i] = clipped + l[len(body):]
		}
	}
	return strings.Join(lines, "")
}

// diffGantt is the Mermaid Gantt chart of the plan after the change, or ""
// when it schedules nothing.
func diffGantt(d *diff.PlanDiff) string {
	p := d.AfterPlan
	if p == nil || p.Totals.Scheduled == 0 {
		return ""
	}
	return mermaidGantt(p)
}

// diffChangeWord is the table's Change column.
func diffChangeWord(p diff.ProjectChange) string {
	switch p.Kind {
	case diff.KindAdded:
		return "added, " + p.After.Status
	case diff.KindRemoved:
		return "removed"
	}
	switch p.Effect {
	case diff.EffectSchedule:
		return "scheduled"
	case diff.EffectDefer:
		return "deferred"
	case diff.EffectDrop:
		return "dropped"
	case diff.EffectReschedule:
		return "rescheduled"
	case diff.EffectFinish:
		return "finished"
	case diff.EffectCancel:
		return "cancelled"
	case diff.EffectHold:
		return "put on hold"
	}
	fields := make([]string, 0, len(p.Changes))
	for _, c := range p.Changes {
		fields = append(fields, diffFieldLabel(c.Field))
	}
	return strings.Join(fields, ", ")
}

// diffStateCell is a compact state: status, rank, periods, then the money
// fields that changed.
func diffStateCell(s *diff.ProjectState, p diff.ProjectChange) string {
	if s == nil {
		return "—"
	}
	parts := []string{"#" + fmt.Sprint(s.Rank) + " " + diffStatusText(s)}
	if s.Start != nil {
		parts[0] += ", " + diffPeriodRange(s)
	}
	if s == p.After {
		parts = append(parts, p.Notes...)
	}
	if s.Status != "scheduled" && len(s.Reasons) > 0 && (p.Kind != diff.KindChanged || s == p.After) && (s != p.After || len(p.Notes) == 0) {
		parts = append(parts, s.Reasons[0])
	}
	for _, c := range p.Changes {
		var v float64
		switch c.Field {
		case "cost":
			v = s.Cost
		case "npv":
			v = s.NPV
		case "risk_adjusted_npv":
			v = s.RiskAdjustedNPV
		case "vendor":
			parts = append(parts, "vendor "+diffOrNone(s.Vendor))
			continue
		case "percent_complete":
			parts = append(parts, diffShare(derefAny(s.PercentComplete))+" complete")
			continue
		case "actual_cost":
			if s.ActualCost != nil {
				parts = append(parts, "spent "+diffMoney(*s.ActualCost))
			}
			continue
		case "forecast_end":
			parts = append(parts, "forecast end "+strOr(s.ForecastEnd))
			continue
		case "lifecycle":
			// The declared status as the change has it (a state leaves
			// "proposed" out), unless the plan's status says it already
			// ("done; done").
			life, _ := c.Before.(string)
			if s == p.After {
				life, _ = c.After.(string)
			}
			if life != "" && life != s.Status {
				parts = append(parts, strings.ReplaceAll(life, "_", " "))
			}
			continue
		case "cpi", "spi":
			x := s.CPI
			if c.Field == "spi" {
				x = s.SPI
			}
			parts = append(parts, strings.ToUpper(c.Field)+" "+diffIndex(derefAny(x)))
			continue
		default:
			continue
		}
		parts = append(parts, diffFieldLabel(c.Field)+" "+diffMoney(v))
	}
	return strings.Join(parts, "; ")
}

func diffMarkdownVendor(v diff.VendorChange) string {
	winner := func(w *string) string {
		if w == nil {
			return "no winner"
		}
		return mdCode(clipText(*w, diffIDRunes))
	}
	evaluation := mdCode(clipText(v.Evaluation, diffIDRunes))
	switch v.Kind {
	case diff.KindAdded:
		return evaluation + " (added): winner " + winner(v.After)
	case diff.KindRemoved:
		return evaluation + " (removed; winner was " + winner(v.Before) + ")"
	}
	return evaluation + ": " + winner(v.Before) + " → " + winner(v.After)
}

// diffMarkdownCell is user text for a table cell or a list item: clipped,
// on one line, escaped.
func diffMarkdownCell(s string) string {
	s = strings.ReplaceAll(s, "\r", "")
	s = strings.ReplaceAll(s, "\n", " ")
	return mdEscape(clipText(s, diffCellRunes))
}
