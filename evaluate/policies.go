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
	return out
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
