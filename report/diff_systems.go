package report

import (
	"strconv"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/diff"
)

// The technology audit and the choices in a plan diff: the text, Markdown
// and spreadsheet pieces.

// diffSystemSymbol is - for a system that goes out of support before a
// replacement (a gap opens) or is removed, + for one whose gap closes or
// that is added, ~ otherwise.
func diffSystemSymbol(c diff.SystemChange) string {
	switch {
	case c.GapOpens():
		return "-"
	case c.GapCloses():
		return "+"
	case c.Kind == diff.KindAdded:
		return "+"
	case c.Kind == diff.KindRemoved:
		return "-"
	}
	return "~"
}

// diffSystemName is a system's id and, when it has one, its quoted title.
func diffSystemName(id, title string) string {
	if title != "" && title != id {
		return id + " " + strconv.Quote(title)
	}
	return id
}

// diffSystemValue renders "before → after" for a field of a system.
func diffSystemValue(c diff.Change) string {
	switch c.Field {
	case "run_cost_per_year":
		b, a := c.Before.(float64), c.After.(float64)
		return diffMoneyPair(b, a) + " (" + diffSignedDelta(a-b) + ")"
	case "gap":
		return diffGapWord(c.Before) + " → " + diffGapWord(c.After)
	}
	return diffOrNone(c.Before) + " → " + diffOrNone(c.After)
}

// diffGapWord is an audit gap in words.
func diffGapWord(v any) string {
	s, _ := v.(string)
	switch s {
	case evaluate.GapUnsupported:
		return "unsupported before its replacement"
	case evaluate.GapNoReplacement:
		return "no replacement"
	case "":
		return "(none)"
	}
	return s
}

// diffSystemChanges lists a changed system's fields as "label: before →
// after".
func diffSystemChanges(c diff.SystemChange) []string {
	out := make([]string, 0, len(c.Changes))
	for _, ch := range c.Changes {
		out = append(out, diffFieldLabel(ch.Field)+": "+diffSystemValue(ch))
	}
	return out
}

// diffSystemSummary is one line for an added or removed system: its end of
// support and its audit message.
func diffSystemSummary(s *evaluate.SystemAudit) string {
	parts := []string{"end of support " + strOr(s.EndOfSupport)}
	if s.RunCostPerYear != 0 {
		parts = append(parts, "run cost "+diffMoney(s.RunCostPerYear)+" a year")
	}
	if s.Message != "" {
		parts = append(parts, s.Message)
	}
	return strings.Join(parts, "; ")
}

// systems writes the technology audit's changes.
func (t *diffText) systems(d *diff.PlanDiff) {
	if len(d.Systems) == 0 {
		return
	}
	t.line("")
	t.heading("Systems (technology audit):")
	for _, c := range d.Systems {
		name := diffSystemName(c.ID, c.Title)
		switch c.Kind {
		case diff.KindAdded:
			t.entry(diffSystemSymbol(c), name+" (added)")
			t.detail("audit", diffSystemSummary(c.After))
		case diff.KindRemoved:
			t.entry(diffSystemSymbol(c), name+" (removed; was: "+diffSystemSummary(c.Before)+")")
		default:
			t.entry(diffSystemSymbol(c), name)
			for _, ch := range c.Changes {
				t.detail(diffFieldLabel(ch.Field), diffSystemValue(ch))
			}
			if c.After.Message != c.Before.Message && c.After.Message != "" {
				t.detail("audit", c.After.Message)
			}
		}
	}
}

// diffChoice is a choice change on one line.
func diffChoice(c diff.ChoiceChange, code func(string) string) string {
	chosen := func(s *string) string {
		if s == nil {
			return "no option runs"
		}
		return code(*s)
	}
	decided := ""
	if w := diffDecidedWords[c.DecidedBy]; w != "" {
		decided = " (" + w + ")"
	}
	switch c.Kind {
	case diff.KindAdded:
		return code(c.ID) + " (added): " + chosen(c.After) + decided
	case diff.KindRemoved:
		return code(c.ID) + " (removed; chose " + chosen(c.Before) + ")"
	}
	return code(c.ID) + ": " + chosen(c.Before) + " → " + chosen(c.After) + decided
}

// diffDecidedWords say what decided a choice (ChoiceResult.DecidedBy).
var diffDecidedWords = map[string]string{
	evaluate.DecidedForced:    "forced in",
	evaluate.DecidedMandatory: "a mandatory project needs it",
	evaluate.DecidedStatus:    "decided by its status",
	evaluate.DecidedStrategy:  "the best-ranked option that fits",
	evaluate.DecidedOptimizer: "chosen by the optimiser",
}

// choices writes the choices whose chosen option changed.
func (t *diffText) choices(d *diff.PlanDiff) {
	if len(d.Choices) == 0 {
		return
	}
	t.line("")
	t.heading("Choices:")
	for _, c := range d.Choices {
		t.entry(diffCellSymbol(c.Kind != diff.KindAdded, c.Kind != diff.KindRemoved), diffChoice(c, func(s string) string { return s }))
	}
}

// diffMarkdownSystem is a system change as a Markdown list item.
func diffMarkdownSystem(c diff.SystemChange) string {
	name := mdCode(clipText(c.ID, diffIDRunes))
	if c.Title != "" && c.Title != c.ID {
		name += " " + mdEscape(clipText(c.Title, diffCellRunes))
	}
	verb := ""
	switch {
	case c.GapOpens():
		verb = " **gap opens**"
	case c.GapCloses():
		verb = " **gap closes**"
	}
	switch c.Kind {
	case diff.KindAdded:
		return name + " (added)" + verb + ": " + diffMarkdownCell(diffSystemSummary(c.After))
	case diff.KindRemoved:
		return name + " (removed)" + verb
	}
	text := strings.Join(diffSystemChanges(c), "; ")
	if c.After.Message != c.Before.Message && c.After.Message != "" {
		text += ". Now: " + c.After.Message
	}
	return name + verb + ": " + diffMarkdownCell(text)
}

// diffSystemsSheet lists the systems whose audit changed.
func diffSystemsSheet(d *diff.PlanDiff) sheet {
	s := sheet{name: "systems", title: "Systems", columns: []sheetColumn{
		{"id", kindText}, {"title", kindText}, {"change", kindText},
		{"end_of_support_before", kindText}, {"end_of_support_after", kindText},
		{"replacement_before", kindText}, {"replacement_after", kindText},
		{"go_live_before", kindText}, {"go_live_after", kindText},
		{"gap_before", kindText}, {"gap_after", kindText},
		{"gap_periods_before", kindInteger}, {"gap_periods_after", kindInteger},
		{"run_cost_per_year_before", kindMoney}, {"run_cost_per_year_after", kindMoney},
		{"message_after", kindText},
	}}
	side := func(a *evaluate.SystemAudit) []sheetCell {
		if a == nil {
			return make([]sheetCell, 6)
		}
		return []sheetCell{strPtrCell(a.EndOfSupport), strPtrCell(a.Replacement), strPtrCell(a.GoLive),
			textCell(a.Gap), intCell(a.GapPeriods), numCell(a.RunCostPerYear)}
	}
	for _, c := range d.Systems {
		b, a := side(c.Before), side(c.After)
		msg := sheetCell{}
		if c.After != nil {
			msg = userCell(c.After.Message)
		}
		row := []sheetCell{textCell(c.ID), userCell(c.Title), textCell(c.Kind)}
		for i := range b {
			row = append(row, b[i], a[i])
		}
		s.rows = append(s.rows, append(row, msg))
	}
	return s
}

// diffChoicesSheet lists the choices whose chosen option changed.
func diffChoicesSheet(d *diff.PlanDiff) sheet {
	s := sheet{name: "choices", title: "Choices", columns: []sheetColumn{
		{"choice", kindText}, {"title", kindText}, {"change", kindText},
		{"chosen_before", kindText}, {"chosen_after", kindText}, {"decided_by", kindText},
	}}
	for _, c := range d.Choices {
		s.rows = append(s.rows, []sheetCell{textCell(c.ID), userCell(c.Title), textCell(c.Kind),
			strPtrCell(c.Before), strPtrCell(c.After), textCell(c.DecidedBy)})
	}
	return s
}
