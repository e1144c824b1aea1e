package evaluate

import (
	"fmt"
	"strings"
)

// policyEps absorbs rounding when a share is compared with a policy limit.
const policyEps = 1e-9

// evaluatePolicies turns the roadmap's built-in policies into check
// results, ids "policy.<name>", severity error (a policy the user switched
// on is a rule, not a hint). Each failing message names what broke it.
func (e *evaluation) evaluatePolicies(plan *Plan) []CheckResult {
	pol := e.roadmap.Policies
	var out []CheckResult
	if pol.MaxTeamUtilization > 0 {
		out = append(out, e.policyResult("max_team_utilization", maxTeamUtilization(plan, pol.MaxTeamUtilization)))
	}
	if pol.RequireGoal {
		out = append(out, e.policyResult("require_goal", requireGoal(plan)))
	}
	if pol.MaxBudgetShare > 0 {
		out = append(out, e.policyResult("max_budget_share", maxBudgetShare(plan, pol.MaxBudgetShare)))
	}
	if res, ok := e.deadlinesCheck(plan); ok {
		out = append(out, res)
	}
	if res, ok := e.mandatoryCheck(plan); ok {
		out = append(out, res)
	}
	if pol.ReplaceBeforeEndOfSupport {
		out = append(out, replaceBeforeEndOfSupport(e.cfg, plan))
	}
	return out
}

// maxListedFailures caps the projects a built-in check's message names.
const maxListedFailures = 10

// joinFailures joins failure lines, at most maxListedFailures of them.
func joinFailures(lines []string) string {
	if len(lines) > maxListedFailures {
		n := len(lines) - maxListedFailures
		lines = append(lines[:maxListedFailures:maxListedFailures], fmt.Sprintf("and %d more", n))
	}
	return strings.Join(lines, "; ")
}

// firstReason is a project's first reason, or "".
func firstReason(p ProjectPlan) string {
	if len(p.Reasons) > 0 {
		return p.Reasons[0]
	}
	return ""
}

// deadlinesCheck is policy.deadlines, present when a project has a
// deadline inside the horizon: it fails when one of them is deferred,
// dropped (a gate's verdict still misses the date) or ends after it. An
// option whose choice took another option misses nothing: its deadline
// was its own, and the choice went the other way. A warning, or an error with policy { deadlines =
// "error" }; a mandatory project's missed deadline also fails
// policy.mandatory.
func (e *evaluation) deadlinesCheck(plan *Plan) (CheckResult, bool) {
	pol := e.roadmap.Policies
	res := CheckResult{ID: "policy.deadlines", Severity: "warning", Passed: true}
	if pol.Deadlines == "error" {
		res.Severity = "error"
	}
	found := false
	var failures []string
	for _, pp := range plan.Projects {
		pe := e.projectByID(pp.ID)
		p := pe.cfg
		if p.Deadline < 0 || p.Deadline >= e.horizon {
			continue
		}
		if !found {
			found = true
			res.Range = sourceRange(pol.Ranges.Range("deadlines", p.Ranges.Range("deadline", p.DeclRange)))
		}
		if e.choiceTakenByOther(pe) {
			continue
		}
		var miss string
		switch {
		case pp.Status == StatusDeferred:
			miss = fmt.Sprintf("%q misses its deadline %s: deferred, %s", pp.ID, e.label(p.Deadline), firstReason(pp))
		case pp.Status == StatusDropped:
			miss = fmt.Sprintf("%q misses its deadline %s: dropped by the %s gate, %s", pp.ID, e.label(p.Deadline), pp.Gate, firstReason(pp))
		case pp.EndPeriod != nil && *pp.EndPeriod-1 > p.Deadline:
			miss = fmt.Sprintf("%q misses its deadline %s by %s: ends %s", pp.ID, e.label(p.Deadline),
				periodsOf(*pp.EndPeriod-1-p.Deadline, string(e.cal.Unit)), *pp.End)
			if k := pe.lateKind(); k != "" {
				miss += " (" + k + ": scheduled late, not left out)"
			}
		default:
			continue
		}
		if len(failures) == 0 {
			res.Range = sourceRange(p.Ranges.Range("deadline", p.DeclRange))
		}
		failures = append(failures, miss)
	}
	if len(failures) > 0 {
		res.Passed = false
		res.Message = joinFailures(failures)
	}
	return res, found
}

// choiceTakenByOther reports whether pe is an option of a choice another
// option of which runs (scheduled, or decided by its status).
func (e *evaluation) choiceTakenByOther(pe *projectEval) bool {
	if pe.status == StatusScheduled || pe.decidesChoice() {
		return false
	}
	c := e.choiceOf(pe.cfg.ID)
	if c == nil {
		return false
	}
	for _, id := range c.Options {
		if o := e.projectByID(id); o != nil && o != pe && (o.status == StatusScheduled || o.decidesChoice()) {
			return true
		}
	}
	return false
}

// mandatoryCheck is policy.mandatory, present when a project is
// mandatory: an error when a mandatory project is deferred, dropped or
// ends after its deadline.
func (e *evaluation) mandatoryCheck(plan *Plan) (CheckResult, bool) {
	res := CheckResult{ID: "policy.mandatory", Severity: "error", Passed: true}
	found := false
	var failures []string
	for _, pp := range plan.Projects {
		if !pp.Mandatory {
			continue
		}
		p := e.projectByID(pp.ID).cfg
		if !found {
			found = true
			res.Range = sourceRange(p.Ranges.Range("mandatory", p.DeclRange))
		}
		var fail string
		switch {
		case pp.Status == StatusDeferred:
			fail = fmt.Sprintf("mandatory project %q is deferred: %s", pp.ID, firstReason(pp))
		case pp.Status == StatusDropped:
			fail = fmt.Sprintf("mandatory project %q is dropped by the %s gate: %s", pp.ID, pp.Gate, firstReason(pp))
		case p.Deadline >= 0 && pp.EndPeriod != nil && *pp.EndPeriod-1 > p.Deadline:
			fail = fmt.Sprintf("mandatory project %q ends %s, after its deadline %s", pp.ID, *pp.End, e.label(p.Deadline))
		default:
			continue
		}
		if len(failures) == 0 {
			res.Range = sourceRange(p.Ranges.Range("mandatory", p.DeclRange))
		}
		failures = append(failures, fail)
	}
	if len(failures) > 0 {
		res.Passed = false
		res.Message = joinFailures(failures)
	}
	return res, found
}

func (e *evaluation) policyResult(name string, failures []string) CheckResult {
	pol := e.roadmap.Policies
	res := CheckResult{
		ID:       "policy." + name,
		Severity: "error",
		Passed:   len(failures) == 0,
		Range:    sourceRange(pol.Ranges.Range(name, pol.DeclRange)),
	}
	if !res.Passed {
		res.Message = strings.Join(failures, "; ")
	}
	return res
}

// maxTeamUtilization: no team above limit x capacity in any period.
func maxTeamUtilization(plan *Plan, limit float64) []string {
	var out []string
	for _, t := range plan.Teams {
		var over []int
		most := 0.0
		for _, p := range plan.Periods {
			u := utilisation(p.Teams[t.ID])
			if u > limit+policyEps {
				over = append(over, p.Index)
				most = max(most, u)
			}
		}
		if len(over) > 0 {
			out = append(out, fmt.Sprintf("team %q is used above %s of its capacity in %s (up to %s)",
				t.ID, formatPercent(limit), spans(plan, over), formatPercent(most)))
		}
	}
	return out
}

// requireGoal: every scheduled project contributes to some goal.
func requireGoal(plan *Plan) []string {
	var ids []string
	for _, p := range plan.Projects {
		if p.Status != StatusScheduled {
			continue
		}
		linked := false
		for _, c := range p.Goals {
			linked = linked || c > 0
		}
		if !linked {
			ids = append(ids, p.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return []string{fmt.Sprintf("scheduled project %s contributes to no goal", strings.Join(quoteAll(ids), ", "))}
}

// maxBudgetShare: no budget window spent above share x its limit.
func maxBudgetShare(plan *Plan, share float64) []string {
	var out []string
	for _, b := range plan.Budgets {
		// A window's final spend is its window_spent in its last period.
		var windows []string
		final := map[string]BudgetSpend{}
		for _, p := range plan.Periods {
			s, ok := p.Budgets[b.ID]
			if !ok {
				continue
			}
			if _, seen := final[s.Window]; !seen {
				windows = append(windows, s.Window)
			}
			final[s.Window] = s
		}
		for _, w := range windows {
			s := final[w]
			if s.WindowSpent <= 0 {
				continue
			}
			if s.Limit <= 0 || s.WindowSpent/s.Limit > share+policyEps {
				out = append(out, fmt.Sprintf("budget %q is %s spent in %s, above the %s limit",
					b.ID, formatPercent(s.WindowSpent/s.Limit), w, formatPercent(share)))
			}
		}
	}
	return out
}

// spans compresses period indexes into label runs: "2027-Q1..2027-Q2, 2027-Q4".
func spans(plan *Plan, idx []int) string {
	label := func(i int) string { return plan.Periods[i].Label }
	var parts []string
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && idx[j+1] == idx[j]+1 {
			j++
		}
		parts = append(parts, periodSpan(label, idx[i], idx[j]))
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
