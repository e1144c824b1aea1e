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

// diffCommentLimit keeps a comment inside GitHub's limit of 65,536
// characters, with room to spare. The summary and the table come first; the
// folded full diff gets what is left, and the Gantt chart only if it fits.
const diffCommentLimit = 60000

// diffTableRows caps the table of project changes; the rest are in the
// folded full diff.
const diffTableRows = 60

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
	if !d.Changed {
		line("Roadmap %s: %s → %s.", diffQuoteName(d.After.Name, d.Before.Name),
			diffMarkdownCode(diffSideName(d.Before)), diffMarkdownCode(diffSideName(d.After)))
		line("")
		line("%s", DiffCommentMarker)
		_, err := io.WriteString(w, b.String())
		return err
	}
	line("Roadmap %s: %s → %s. %s unchanged.", diffQuoteName(d.After.Name, d.Before.Name),
		diffMarkdownCode(diffSideName(d.Before)), diffMarkdownCode(diffSideName(d.After)),
		diffCountNoun(d.Summary.Unchanged, "project", "projects"))

	if len(d.Projects) > 0 {
		line("")
		line("| | Project | Change | Before | After |")
		line("|:-:|---|---|---|---|")
		for i, p := range d.Projects {
			if i == diffTableRows {
				line("| | … | %d more: see the full diff | | |", len(d.Projects)-i)
				break
			}
			name := diffMarkdownCode(p.ID)
			if p.Title != "" && p.Title != p.ID {
				name += " " + diffMarkdownCell(p.Title)
			}
			line("| %s | %s | %s | %s | %s |", diffProjectSymbol(p), name, diffMarkdownCell(diffChangeWord(p)),
				diffMarkdownCell(diffStateCell(p.Before, p)), diffMarkdownCell(diffStateCell(p.After, p)))
		}
	}

	if len(d.Vendors) > 0 {
		line("")
		line("**Vendor winners**")
		line("")
		for _, v := range d.Vendors {
			line("- %s", diffMarkdownVendor(v))
		}
	}
	if len(d.Checks) > 0 {
		line("")
		line("**Checks**")
		line("")
		for _, c := range d.Checks {
			verb := "starts failing"
			if c.Kind == diff.CheckStopsFailing {
				verb = "stops failing"
			}
			item := fmt.Sprintf("- %s (%s) **%s**", diffMarkdownCode(c.ID), c.Severity, verb)
			if c.Kind == diff.CheckStartsFailing && c.Message != "" {
				item += ": " + diffMarkdownInline(c.Message)
			}
			line("%s", item)
		}
	}
	if n := len(d.Teams) + len(d.Budgets); n > 0 {
		line("")
		line("Team load changes in %s, budget spend changes in %s: see the details.",
			diffCountNoun(len(d.Teams), "cell", "cells"), diffCountNoun(len(d.Budgets), "cell", "cells"))
	}

	line("")
	line("| Totals | Before | After |")
	line("|---|--:|--:|")
	for _, row := range diffTotalsRows(d) {
		after := row.after
		if row.changed {
			after = "**" + after + "**"
		}
		line("| %s | %s | %s |", row.label, row.before, after)
	}

	// The full diff, in a diff code block so GitHub colours + and - lines.
	t := &diffText{indent: ""}
	t.write(d)
	details := strings.ReplaceAll(t.b.String(), "```", "ʼʼʼ")
	const folding = 200 // the <details> lines, the fences and the marker
	if room := diffCommentLimit - b.Len() - folding; len(details) > room {
		cut := strings.LastIndexByte(details[:max(room, 0)], '\n')
		details = details[:cut+1] + "... (truncated: run `roadmap plan --base` locally for the rest)\n"
	}
	line("")
	line("<details><summary>Full plan diff</summary>")
	line("")
	line("```diff")
	b.WriteString(details)
	line("```")
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
	if s.Status != "scheduled" && len(s.Reasons) > 0 && (p.Kind != diff.KindChanged || s == p.After) {
		parts = append(parts, s.Reasons[0])
	}
	if s == p.After {
		parts = append(parts, p.Notes...)
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
		return diffMarkdownCode(*w)
	}
	switch v.Kind {
	case diff.KindAdded:
		return diffMarkdownCode(v.Evaluation) + " (added): winner " + winner(v.After)
	case diff.KindRemoved:
		return diffMarkdownCode(v.Evaluation) + " (removed; winner was " + winner(v.Before) + ")"
	}
	return diffMarkdownCode(v.Evaluation) + ": " + winner(v.Before) + " → " + winner(v.After)
}

// diffMarkdownCell makes text safe inside a table cell.
func diffMarkdownCell(s string) string {
	s = strings.ReplaceAll(s, "\r", "")
	s = strings.ReplaceAll(s, "\n", " ")
	return diffMarkdownInline(strings.ReplaceAll(s, "|", `\|`))
}

// diffMarkdownInline escapes what would otherwise become markup or HTML.
func diffMarkdownInline(s string) string {
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`)
	return r.Replace(s)
}

// diffMarkdownCode wraps s in a code span.
func diffMarkdownCode(s string) string {
	if strings.Contains(s, "`") {
		return "`` " + s + " ``"
	}
	return "`" + s + "`"
}
