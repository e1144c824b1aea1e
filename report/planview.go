package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// This file holds what the table and Markdown renderers say alike, so the
// two formats tell the same story in the same words.

// periodUnits is the plural of a period word: "quarter" -> "quarters".
func periodUnits(unit string) string {
	if unit == "" {
		return "periods"
	}
	return unit + "s"
}

// periodCount says n periods: "1 quarter", "8 quarters".
func periodCount(n int, unit string) string {
	if unit == "" {
		unit = "period"
	}
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %s", n, periodUnits(unit))
}

// periodLabel returns the label of period i, or "period i" when the plan
// does not list it.
func periodLabel(p *evaluate.Plan, i int) string {
	for _, pe := range p.Periods {
		if pe.Index == i {
			return pe.Label
		}
	}
	return fmt.Sprintf("period %d", i)
}

// horizonText is "2027-Q1 – 2028-Q4 (8 quarters)".
func horizonText(p *evaluate.Plan) string {
	n := p.Roadmap.Horizon
	count := periodCount(n, p.Roadmap.Period)
	if len(p.Periods) == 0 {
		if p.Roadmap.Start == "" {
			return count
		}
		return fmt.Sprintf("from %s (%s)", p.Roadmap.Start, count)
	}
	first, last := p.Periods[0].Label, p.Periods[len(p.Periods)-1].Label
	if first == last {
		return fmt.Sprintf("%s (%s)", first, count)
	}
	return fmt.Sprintf("%s – %s (%s)", first, last, count)
}

// strategyText is "value, risk appetite 0.60, at most 3 in parallel,
// discount rate 8.0% a year".
func strategyText(p *evaluate.Plan) string {
	r := p.Roadmap
	strategy := r.Strategy
	if strategy == "" {
		strategy = "value"
	}
	switch strategy {
	case "value":
		strategy += " (best score first)"
	case "safety":
		strategy += " (lowest risk first)"
	case "calculated_risk":
		strategy += " (highest value first, then lowest risk)"
	}
	parts := []string{strategy}
	parts = append(parts, "risk appetite "+formatRatio(r.RiskAppetite))
	if r.MaxParallel > 0 {
		parts = append(parts, fmt.Sprintf("at most %d in parallel", r.MaxParallel))
	}
	parts = append(parts, "discount rate "+formatPercent(r.DiscountRate)+" a year")
	return strings.Join(parts, ", ")
}

// countsText is "4 scheduled, 1 deferred, 2 dropped".
func countsText(t evaluate.Totals) string {
	return fmt.Sprintf("%d scheduled, %d deferred, %d dropped", t.Scheduled, t.Deferred, t.Dropped)
}

// finishText is "2028-Q3 (end of period 7 of 8)", or "—" when nothing is
// scheduled.
func finishText(p *evaluate.Plan) string {
	if p.Totals.Scheduled == 0 || p.Totals.FinishPeriod <= 0 {
		return none
	}
	last := p.Totals.FinishPeriod - 1
	return fmt.Sprintf("%s (end of period %d of %d)", periodLabel(p, last), p.Totals.FinishPeriod, p.Roadmap.Horizon)
}

// peakText is "3 projects in parallel".
func peakText(t evaluate.Totals) string {
	if t.PeakParallel == 1 {
		return "1 project at a time"
	}
	return fmt.Sprintf("%d projects in parallel", t.PeakParallel)
}

// whenText is the periods a project runs in: "2027-Q2 – 2027-Q4", or the
// single label, or "—" when it is not scheduled.
func whenText(pr evaluate.ProjectPlan) string {
	if pr.Start == nil {
		return none
	}
	if pr.End == nil || *pr.End == *pr.Start {
		return *pr.Start
	}
	return *pr.Start + " – " + *pr.End
}

// delayNote explains, from the plan alone, why a scheduled project starts
// after the first period: the dependency it waited for, its
// earliest_start, and each team, slot or budget that had no room for it in
// the periods just before it started (counting only periods it could
// otherwise have started in). It is "" when the plan shows no such cause.
func delayNote(p *evaluate.Plan, pr evaluate.ProjectPlan) string {
	if pr.Status != evaluate.StatusScheduled || pr.StartPeriod == nil || *pr.StartPeriod <= 0 {
		return ""
	}
	start := *pr.StartPeriod
	var notes []string
	var lastDep string
	lastEnd := -1
	for _, dep := range pr.DependsOn {
		for _, other := range p.Projects {
			if other.ID == dep && other.EndPeriod != nil && *other.EndPeriod > lastEnd {
				lastDep, lastEnd = dep, *other.EndPeriod
			}
		}
	}
	if lastEnd == start {
		notes = append(notes, "starts when "+lastDep+" ends")
	}
	// Periods before its dependencies end, or before its earliest_start,
	// explain nothing: it could not have started there anyway.
	earliest := max(0, lastEnd)
	if es := pr.EarliestStartPeriod; es != nil {
		earliest = max(earliest, *es)
		if *es == start {
			label := periodLabel(p, start)
			if pr.EarliestStart != nil {
				label = *pr.EarliestStart
			}
			notes = append(notes, "starts no earlier than "+label+" (earliest_start)")
		}
	}
	byIndex := make(map[int]evaluate.PeriodPlan, len(p.Periods))
	for _, pe := range p.Periods {
		byIndex[pe.Index] = pe
	}
	for _, team := range teamIDs(p) {
		effort := pr.Effort[team]
		if effort <= 0 {
			continue
		}
		first := start
		for j := start - 1; j >= earliest; j-- {
			load, ok := byIndex[j].Teams[team]
			if !ok || load.Capacity-load.Used >= effort-1e-9 {
				break
			}
			first = j
		}
		if first < start {
			when := periodLabel(p, first)
			if first < start-1 {
				when += " – " + periodLabel(p, start-1)
			}
			notes = append(notes, fmt.Sprintf("waited for %s: %s FTE not free in %s", team, formatQuantity(effort), when))
		}
	}
	if limit := p.Roadmap.MaxParallel; limit > 0 {
		first := start
		for j := start - 1; j >= earliest && len(byIndex[j].Active) >= limit; j-- {
			first = j
		}
		if first < start {
			when := periodLabel(p, first)
			if first < start-1 {
				when += " – " + periodLabel(p, start-1)
			}
			notes = append(notes, fmt.Sprintf("waited for a slot: max_parallel %d reached in %s", limit, when))
		}
	}
	if windows := budgetWait(p, pr, byIndex, earliest); len(windows) > 0 {
		notes = append(notes, fmt.Sprintf("waited for budget %s: no room in %s", pr.Funding, joinWindows(windows)))
	}
	return strings.Join(notes, "; ")
}

// budgetWait lists, earliest first, the windows of the project's budget
// that had no room for its build spend had it started in the periods just
// before its start, read from the plan: each window's final spend, less
// the project's own, plus what it would have spent there.
func budgetWait(p *evaluate.Plan, pr evaluate.ProjectPlan, byIndex map[int]evaluate.PeriodPlan, earliest int) []string {
	b, start := pr.Funding, *pr.StartPeriod
	if b == "" || pr.Duration <= 0 || len(pr.CashFlows) < pr.Duration {
		return nil
	}
	total, limit := map[string]float64{}, map[string]float64{}
	for _, pe := range p.Periods {
		if u, ok := pe.Budgets[b]; ok {
			total[u.Window] = max(total[u.Window], u.WindowSpent)
			limit[u.Window] = u.Limit
		}
	}
	// spendFrom is the build spend per window of the project started in period at.
	spendFrom := func(at int) (map[string]float64, bool) {
		spend := map[string]float64{}
		for k := range pr.Duration {
			u, ok := byIndex[at+k].Budgets[b]
			if !ok {
				return nil, false
			}
			spend[u.Window] += max(0, -pr.CashFlows[k])
		}
		return spend, true
	}
	own, ok := spendFrom(start)
	if !ok {
		return nil
	}
	var windows []string
	seen := map[string]bool{}
	for j := start - 1; j >= earliest; j-- {
		spend, ok := spendFrom(j)
		if !ok {
			break
		}
		var full []string
		for w, need := range spend {
			if need > 0 && total[w]-own[w]+need > limit[w]*(1+1e-9)+1e-6 {
				full = append(full, w)
			}
		}
		if len(full) == 0 {
			break
		}
		for _, w := range full {
			if !seen[w] {
				seen[w] = true
				windows = append(windows, w)
			}
		}
	}
	// Earliest first: windows in the order the periods name them.
	var ordered []string
	for _, pe := range p.Periods {
		if u, ok := pe.Budgets[b]; ok && seen[u.Window] {
			ordered = append(ordered, u.Window)
			delete(seen, u.Window)
		}
	}
	return ordered
}

// joinWindows names budget windows: "2027", "2027 and 2028", or the first
// and last of many ("2027-01 … 2027-06, 6 periods").
func joinWindows(w []string) string {
	switch {
	case len(w) == 1:
		return w[0]
	case len(w) <= 3:
		return strings.Join(w[:len(w)-1], ", ") + " and " + w[len(w)-1]
	}
	return fmt.Sprintf("%s … %s (%d windows)", w[0], w[len(w)-1], len(w))
}

// projectReasons are a project's reasons, or for a scheduled project that
// starts late, why it waited.
func projectReasons(p *evaluate.Plan, pr evaluate.ProjectPlan) []string {
	if len(pr.Reasons) > 0 {
		return pr.Reasons
	}
	if note := delayNote(p, pr); note != "" {
		return []string{note}
	}
	return nil
}

// portfolioROI is (benefit - cost) / cost of the scheduled projects, nil
// when they cost nothing.
func portfolioROI(t evaluate.Totals) *float64 {
	if t.Cost == 0 {
		return nil
	}
	roi := (t.Benefit - t.Cost) / t.Cost
	return &roi
}

// teamIDs lists the teams of the capacity plan: the plan's teams in their
// order, then any other team a period mentions, sorted.
func teamIDs(p *evaluate.Plan) []string {
	ids := make([]string, 0, len(p.Teams))
	for _, t := range p.Teams {
		ids = append(ids, t.ID)
	}
	return appendSortedKeys(ids, p.Periods, func(pe evaluate.PeriodPlan) []string { return sortedKeys(pe.Teams) })
}

// budgetIDs is teamIDs for budgets.
func budgetIDs(p *evaluate.Plan) []string {
	ids := make([]string, 0, len(p.Budgets))
	for _, b := range p.Budgets {
		ids = append(ids, b.ID)
	}
	return appendSortedKeys(ids, p.Periods, func(pe evaluate.PeriodPlan) []string { return sortedKeys(pe.Budgets) })
}

func appendSortedKeys(ids []string, periods []evaluate.PeriodPlan, keys func(evaluate.PeriodPlan) []string) []string {
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		seen[id] = true
	}
	var extra []string
	for _, pe := range periods {
		for _, k := range keys(pe) {
			if !seen[k] {
				seen[k] = true
				extra = append(extra, k)
			}
		}
	}
	sort.Strings(extra)
	return append(ids, extra...)
}

// budgetPer returns a budget's window ("year", "period", "total"), "" when
// the plan does not describe it.
func budgetPer(p *evaluate.Plan, id string) string {
	for _, b := range p.Budgets {
		if b.ID == id {
			return b.Per
		}
	}
	return ""
}

// activeProjects lists the projects in flight in any period, in rank
// order, then any the project list lacks, sorted.
func activeProjects(p *evaluate.Plan) []string {
	active := make(map[string]bool)
	for _, pe := range p.Periods {
		for _, id := range pe.Active {
			active[id] = true
		}
	}
	var ids []string
	for _, pr := range p.Projects {
		if active[pr.ID] {
			ids = append(ids, pr.ID)
			delete(active, pr.ID)
		}
	}
	return append(ids, sortedKeys(active)...)
}

// isActive reports whether project id is in flight in period pe.
func isActive(pe evaluate.PeriodPlan, id string) bool {
	for _, a := range pe.Active {
		if a == id {
			return true
		}
	}
	return false
}

// overloaded reports whether used is above 80% of capacity.
func overloaded(used, capacity float64) bool {
	if capacity <= 0 {
		return used > 0
	}
	return used > 0.8*capacity
}

// criteriaOrder lists an evaluation's criteria by weight, heaviest first,
// then by name, and any criterion a candidate scored that has no weight.
func criteriaOrder(v evaluate.VendorResult) []string {
	names := sortedKeys(v.Criteria)
	sort.SliceStable(names, func(i, j int) bool { return v.Criteria[names[i]] > v.Criteria[names[j]] })
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		seen[n] = true
	}
	var extra []string
	for _, c := range v.Candidates {
		for _, k := range sortedKeys(c.Scores) {
			if !seen[k] {
				seen[k] = true
				extra = append(extra, k)
			}
		}
	}
	sort.Strings(extra)
	return append(names, extra...)
}

// candidateResult is "winner", "eligible" or "below minimum".
func candidateResult(v evaluate.VendorResult, c evaluate.VendorCandidate) string {
	switch {
	case v.Winner != nil && *v.Winner == c.Vendor:
		return "winner"
	case c.Eligible:
		return "eligible"
	}
	return "below minimum"
}

// evaluationText describes an evaluation in one line.
func evaluationText(v evaluate.VendorResult) string {
	parts := []string{}
	if v.Category != "" {
		parts = append(parts, "category "+v.Category)
	}
	parts = append(parts, "minimum score "+formatQuantity(v.MinimumScore))
	if v.Years > 0 {
		years := formatQuantity(v.Years) + " years"
		if v.Years == 1 {
			years = "1 year"
		}
		parts = append(parts, "TCO over "+years)
	}
	winner := "no winner: no candidate reaches the minimum score"
	if v.Winner != nil {
		winner = "winner " + *v.Winner
	}
	return strings.Join(parts, ", ") + "; " + winner
}

// checksText sums up the checks: "3 passed", or "1 of 3 passed; failed:
// no_red_projects (error), late (warning)"; "" when there are none.
func checksText(checks []evaluate.CheckResult) string {
	if len(checks) == 0 {
		return ""
	}
	var failed []string
	for _, c := range checks {
		if !c.Passed {
			failed = append(failed, fmt.Sprintf("%s (%s)", c.ID, c.Severity))
		}
	}
	if len(failed) == 0 {
		return fmt.Sprintf("%d passed", len(checks))
	}
	return fmt.Sprintf("%d of %d passed; failed: %s", len(checks)-len(failed), len(checks), strings.Join(failed, ", "))
}

// checkResult is "pass" or "FAIL".
func checkResult(c evaluate.CheckResult) string {
	if c.Passed {
		return "pass"
	}
	return "FAIL"
}

// optimizationLines describes an --optimize run.
func optimizationLines(o *evaluate.Optimization) []string {
	lines := []string{
		fmt.Sprintf("Method %s, seed %d, %s schedules evaluated.", o.Method, o.Seed, formatAmount(float64(o.Schedules))),
	}
	bound := ""
	if o.Bound != nil {
		bound = fmt.Sprintf(" (bound %s)", formatQuantity(*o.Bound))
	}
	switch o.Objective {
	case "finish":
		lines = append(lines, fmt.Sprintf("Objective finish: rank order finishes after %s periods, the optimiser after %s%s.",
			formatQuantity(o.Baseline), formatQuantity(o.Best), bound))
	default:
		lines = append(lines, fmt.Sprintf("Objective %s: rank order scores %s, the optimiser %s%s.",
			o.Objective, formatQuantity(o.Baseline), formatQuantity(o.Best), bound))
	}
	return append(lines, o.Changes...)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
