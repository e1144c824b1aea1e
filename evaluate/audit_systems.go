package evaluate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// ReplaceBeforeEndOfSupportCheck is the built-in check policy {
// replace_before_end_of_support = true } adds: it fails, as an error, when
// a system has a gap.
const ReplaceBeforeEndOfSupportCheck = "policy.replace_before_end_of_support"

// auditSystems audits each system of cfg against plan, in declaration order.
func auditSystems(cfg *hclspec.Config, plan *Plan) []SystemAudit {
	horizon := plan.Roadmap.Horizon
	label := func(i int) string {
		if i >= 0 && i < len(plan.Periods) {
			return plan.Periods[i].Label
		}
		return cfg.Calendar.Label(i)
	}
	// The projects that replace each system, in rank order.
	replacing := map[string][]int{}
	for i, p := range plan.Projects {
		for _, id := range p.Replaces {
			replacing[id] = append(replacing[id], i)
		}
	}
	finished := map[string]int{} // done projects: the period after they finished
	for _, p := range cfg.Projects {
		if p.Status == hclspec.Done && p.HasFinished {
			finished[p.ID] = p.Finished + 1
		}
	}
	out := make([]SystemAudit, 0, len(cfg.Systems))
	for _, s := range cfg.Systems {
		a := SystemAudit{ID: s.ID, Title: s.Title, Owner: s.Owner, Vendor: s.Vendor,
			Provides: append([]string{}, s.Provides...), ReplacedBy: []string{},
			RunCostPerYear: s.RunCostPerYear, Risk: ratio(s.Risk.Score()), Gap: GapNone}
		if s.EndOfSupportSet {
			text, period := s.EndOfSupportText, s.EndOfSupport
			a.EndOfSupport, a.EndOfSupportPeriod = &text, &period
		}
		// The replacing projects by rank; the scheduled or done one that
		// goes live first retires the system (a done one the period after
		// it finished, as the run rate counts it).
		for _, i := range slices.Compact(replacing[s.ID]) {
			p := plan.Projects[i]
			a.ReplacedBy = append(a.ReplacedBy, p.ID)
			end, live := finished[p.ID]
			if p.Status == StatusScheduled && p.EndPeriod != nil {
				end, live = *p.EndPeriod, true
			} else if p.Status != StatusDone {
				live = false
			}
			if !live {
				continue
			}
			if a.GoLivePeriod == nil || end < *a.GoLivePeriod {
				id := p.ID
				a.Replacement, a.GoLivePeriod = &id, &end
			}
		}
		// live is the go-live in a sentence: "2028-Q1, after the horizon"
		// past it (the run rate's period for the same event).
		live := ""
		if a.GoLivePeriod != nil {
			l := label(*a.GoLivePeriod)
			if *a.GoLivePeriod < 0 {
				l = "before " + label(0)
			}
			a.GoLive = &l
			live = l
			if *a.GoLivePeriod >= horizon {
				live += ", after the horizon"
			}
		}
		eos := -1
		if s.EndOfSupportSet && s.EndOfSupport < horizon {
			eos = s.EndOfSupport
		}
		switch {
		case eos < 0 && a.Replacement != nil:
			a.Message = fmt.Sprintf("replaced by %q, live from %s", *a.Replacement, live)
		case eos < 0 && s.EndOfSupportSet:
			a.Message = fmt.Sprintf("supported through %s, past the horizon", s.EndOfSupportText)
		case eos < 0:
			a.Message = "no end of support given"
		case a.Replacement != nil && *a.GoLivePeriod <= eos:
			a.Message = fmt.Sprintf("replaced by %q, live from %s; supported through %s: no gap", *a.Replacement, live, label(eos-1))
		case a.Replacement != nil:
			a.Gap = GapUnsupported
			a.GapPeriods = min(*a.GoLivePeriod, horizon) - eos
			a.Message = fmt.Sprintf("unsupported for %s (%s) until %q goes live in %s",
				periodsOf(a.GapPeriods, plan.Roadmap.Period), spanOf(label, eos, min(*a.GoLivePeriod, horizon)-1), *a.Replacement, live)
			a.Message += lateGoLiveText(plan, replacing[s.ID], *a.Replacement)
		default:
			a.Gap = GapNoReplacement
			a.GapPeriods = horizon - eos
			why := "no project replaces it"
			if len(a.ReplacedBy) > 0 {
				why = "no project that replaces it is scheduled (" + notScheduledText(plan, replacing[s.ID]) + ")"
			}
			from := "from " + label(eos)
			if eos == 0 {
				from = "from the roadmap's start (end of support " + s.EndOfSupportText + ")"
			}
			a.Message = fmt.Sprintf("out of support %s and %s: unsupported for %s, to the end of the horizon",
				from, why, periodsOf(a.GapPeriods, plan.Roadmap.Period))
		}
		if eos == 0 && a.Gap == GapUnsupported {
			a.Message = "out of support from the roadmap's start (end of support " + s.EndOfSupportText + "): " + a.Message
		}
		if a.Gap != GapNone {
			// Another option of a choice would have replaced it in time.
			for _, c := range plan.Choices {
				if alt := c.Alternative; alt != nil && alt.System == s.ID {
					a.Message += "; " + alt.Words(c.ID)
				}
			}
		}
		if also := alsoReplacing(plan, replacing[s.ID], a.Replacement); also != "" {
			a.Message += "; " + also
		}
		out = append(out, a)
	}
	return out
}

// replaceBeforeEndOfSupport is the policy's result: failed, as an error,
// when a system has a gap. The message is short, for a CI log or the
// Checks table: each system with its gap (the audit says why), then
// what would close a gap.
func replaceBeforeEndOfSupport(cfg *hclspec.Config, plan *Plan) CheckResult {
	res := CheckResult{ID: ReplaceBeforeEndOfSupportCheck, Severity: SeverityError, Passed: true}
	var gaps []string
	unit := plan.Roadmap.Period
	for _, s := range plan.Systems {
		switch s.Gap {
		case GapUnsupported:
			gaps = append(gaps, fmt.Sprintf("%s (%s unsupported)", s.ID, periodsOf(s.GapPeriods, unit)))
		case GapNoReplacement:
			gaps = append(gaps, fmt.Sprintf("%s (no replacement: %s)", s.ID, periodsOf(s.GapPeriods, unit)))
		}
	}
	if len(gaps) == 0 {
		return res
	}
	n := len(gaps)
	if n > maxListedFailures {
		gaps = append(gaps[:maxListedFailures:maxListedFailures], fmt.Sprintf("%d more", n-maxListedFailures))
	}
	res.Passed = false
	res.Message = fmt.Sprintf("%d %s out of support before a replacement goes live: %s; see the technology audit.",
		n, pluralOf(n, "system runs", "systems run"), joinAnd(gaps))
	if fix := closeGapsText(plan); fix != "" {
		res.Message += " To close a gap, " + fix + "."
	}
	rm := cfg.Roadmap
	rng := rm.Policies.Ranges.Range("replace_before_end_of_support", rm.Policies.DeclRange)
	res.Range = &SourceRange{Filename: rng.Filename, Line: rng.Start.Line, Column: rng.Start.Column, EndLine: rng.End.Line, EndCol: rng.End.Column}
	return res
}

// closeGapsText says what may close the plan's gaps: in rank order,
// planning with --optimize (it weighs systems' support before its
// objective); for a system nothing replaces, a project that does. ""
// when neither applies. (A deadline on a late replacement is no safe
// advice: one it cannot meet with the budgets it needs leaves it out.)
func closeGapsText(plan *Plan) string {
	var fixes []string
	if plan.Optimization == nil && slices.ContainsFunc(plan.Systems, func(s SystemAudit) bool {
		return s.Gap != GapNone && slices.ContainsFunc(s.ReplacedBy, func(id string) bool { return canRun(plan, id) })
	}) {
		fixes = append(fixes, "try --optimize, which weighs systems' support before its objective")
	}
	for _, s := range plan.Systems {
		if s.Gap != GapNone && len(s.ReplacedBy) == 0 {
			fixes = append(fixes, fmt.Sprintf("add a project with replaces = [system.%s]", s.ID))
			break
		}
	}
	for _, s := range plan.Systems {
		if s.Gap != GapNone && len(s.ReplacedBy) > 0 && !slices.ContainsFunc(s.ReplacedBy, func(id string) bool { return canRun(plan, id) }) {
			// A gate, a forced out or the lifecycle keeps every
			// replacement out: no schedule can place one.
			fixes = append(fixes, fmt.Sprintf("let a project that replaces %s run (none can now)", s.ID))
			break
		}
	}
	return joinOr(fixes)
}

// canRun reports whether project id may run in some schedule: scheduled,
// deferred, or left out only by a choice the optimiser may make another
// way (its own, or one of a project it needs or runs together with).
func canRun(plan *Plan, id string) bool {
	for _, p := range plan.Projects {
		if p.ID != id {
			continue
		}
		switch p.Status {
		case StatusScheduled, StatusDeferred:
			return true
		case StatusDropped:
			return p.Gate == GateChoice || p.Gate == GateViability || p.Gate == GateTogether
		}
		return false
	}
	return false
}

// maxParallelText is a team's max_parallel in words: "1 project", "2 projects".
func maxParallelText(n int) string {
	return fmt.Sprintf("%d %s", n, pluralOf(n, "project", "projects"))
}

func pluralOf(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// periods is "2 quarters", "1 month".
func periodsOf(n int, unit string) string {
	if unit == "" {
		unit = "period"
	}
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// spanText is "2027-Q4" or "2027-Q4..2028-Q1".
func spanOf(label func(int) string, first, last int) string {
	if last <= first {
		return label(first)
	}
	return label(first) + ".." + label(last)
}

// alsoReplacing names the other scheduled projects among replacing (plan
// project indexes) than replacement ("" when none): they retire nothing more.
func alsoReplacing(plan *Plan, replacing []int, replacement *string) string {
	if replacement == nil {
		return ""
	}
	var others []string
	for _, i := range slices.Compact(slices.Clone(replacing)) {
		if p := plan.Projects[i]; p.ID != *replacement && p.Status == StatusScheduled {
			others = append(others, strconv.Quote(p.ID))
		}
	}
	if len(others) == 0 {
		return ""
	}
	n := len(others)
	if n > namedAtMost {
		others = append(others[:namedAtMost], fmt.Sprintf("%d more", n-namedAtMost))
	}
	return joinAnd(others) + " also " + pluralOf(n, "replaces", "replace") + " it: the system is retired once, at the first go-live"
}

// notScheduledText names the replacing projects (plan project indexes)
// with why each is not scheduled: "e_crm: dropped, opposed by department
// \"sales\"".
//
// At most namedAtMost are named, each reason clipped to
// maxQuotedReason bytes: the message is per system, and a system that
// every option of a large choice replaces would repeat them all.
func notScheduledText(plan *Plan, replacing []int) string {
	var parts []string
	replacers := slices.Compact(slices.Clone(replacing))
	for _, i := range replacers[:min(len(replacers), namedAtMost)] {
		p := plan.Projects[i]
		part := strconv.Quote(p.ID) + ": " + p.Status
		if len(p.Reasons) > 0 {
			part += ", " + clipText(p.Reasons[0], maxQuotedReason)
		}
		parts = append(parts, part)
	}
	if more := len(replacers) - namedAtMost; more > 0 {
		parts = append(parts, fmt.Sprintf("and %d more, their reasons in the ranked roadmap", more))
	}
	return strings.Join(parts, "; ")
}

// A message that lists projects (a system's replacers, a choice's
// options passed over) names at most namedAtMost of them, each reason
// clipped to maxQuotedReason bytes, and counts the rest.
const (
	namedAtMost     = 3
	maxQuotedReason = 200
)

// clipText is s cut to at most n bytes at a rune boundary, with "..."
// when cut.
func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "..."
}

// lateText says why the replacement goes live when it does: what its
// start waited for, or that it starts at once and takes its duration.
func lateGoLiveText(plan *Plan, replacing []int, id string) string {
	for _, i := range replacing {
		p := plan.Projects[i]
		if p.ID != id || p.Start == nil {
			continue
		}
		if len(p.Notes) == 0 {
			return fmt.Sprintf(" (it starts in %s and takes %s)", *p.Start, periodsOf(p.Duration, plan.Roadmap.Period))
		}
		msgs := make([]string, len(p.Notes))
		for k, n := range p.Notes {
			msgs[k] = n.Message
		}
		return fmt.Sprintf(" (it starts in %s: %s)", *p.Start, strings.Join(msgs, "; "))
	}
	return ""
}
