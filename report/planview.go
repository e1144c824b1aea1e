package report

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
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

// summaryRows are the plan's headline, as key and text, in the order the
// table and Markdown formats print them.
func summaryRows(p *evaluate.Plan) [][2]string {
	cur := p.Roadmap.Currency
	rows := [][2]string{
		{"Period", horizonText(p)},
	}
	if text := statusDateText(p); text != "" {
		rows = append(rows, [2]string{"Status", text})
	}
	rows = append(rows, [2]string{"Strategy", strategyText(p)})
	if text := scoringText(p); text != "" {
		rows = append(rows, [2]string{"Scoring", text})
	}
	if text := flagshipText(p); text != "" {
		rows = append(rows, [2]string{"Flagship", text})
	}
	rows = append(rows, [][2]string{
		{"Projects", countsText(p.Totals)},
		{"Cost", formatMoney(p.Totals.Cost, cur) + " (scheduled projects, undiscounted)"},
		{"Benefit", formatMoney(p.Totals.Benefit, cur)},
		{"NPV", formatMoney(p.Totals.NPV, cur) + ", risk-adjusted " + formatMoney(p.Totals.RiskAdjustedNPV, cur)},
		{"Finish", finishText(p)},
		{"Peak", peakText(p.Totals)},
	}...)
	if text := warningsText(p); text != "" {
		rows = append(rows, [2]string{"Warnings", text})
	}
	if text := deadlinesText(p); text != "" {
		rows = append(rows, [2]string{"Deadlines", text})
	}
	if text := overrunSummary(p.Checks); text != "" {
		rows = append(rows, [2]string{"Overrun", text})
	}
	if text := checksText(p.Checks); text != "" {
		rows = append(rows, [2]string{"Checks", text})
	}
	return append(append(scenarioRows(p), viewRows(p)...), rows...)
}

// overrunSummary is the message of the failing budget overrun check:
// "budget capex 2027: EUR 130,000 of 100,000 (+30,000 over), from work in
// progress late_work"; "" when no budget is overrun.
func overrunSummary(checks []evaluate.CheckResult) string {
	for _, c := range checks {
		if c.ID == evaluate.BudgetsCheckID && !c.Passed {
			return c.Message
		}
	}
	return ""
}

// scenarioRows say what a plan was made under: the scenario ("budget_cut:
// Finance cuts capex by 30% (capex = 1050000)") and the projects forced in
// and out ("in build_crm; out m365_mail", as simulate words it). Nil
// without either: a forced plan is a what-if, and says so.
func scenarioRows(p *evaluate.Plan) [][2]string {
	var rows [][2]string
	if sc := p.Scenario; sc != nil {
		rows = append(rows, [2]string{"Scenario", scenarioText(sc)})
	}
	if f := forcedText(ForcedProjects(p)); f != "" {
		rows = append(rows, [2]string{"Forced", f})
	}
	return rows
}

// scenarioText is a scenario's name, description and values on one line.
func scenarioText(sc *evaluate.ScenarioInfo) string {
	text := sc.Name
	if sc.Description != "" {
		text += ": " + sc.Description
	}
	if values := scenarioValuesText(sc); values != "" {
		text += " (" + values + ")"
	}
	return text
}

// scenarioValuesText is "capex = 1050000, risk_appetite = 0.3".
func scenarioValuesText(sc *evaluate.ScenarioInfo) string {
	parts := make([]string, len(sc.Variables))
	for i, v := range sc.Variables {
		parts[i] = v.Name + " = " + shortValueText(v)
	}
	return strings.Join(parts, ", ")
}

// shortValueText is a scenario value as HCL, a number that does not end
// (var.capex * 2 / 3) cut to six significant digits: "666.667".
func shortValueText(v evaluate.ScenarioVariable) string {
	if len(v.Text) <= 12 {
		return v.Text
	}
	var f float64
	if err := json.Unmarshal(v.Value, &f); err != nil {
		return v.Text
	}
	if math.Abs(f) >= 1e6 {
		return strconv.FormatFloat(math.Round(f), 'f', 0, 64)
	}
	return strconv.FormatFloat(f, 'g', 6, 64)
}

// viewRows describe a stakeholder view (plan --department, --goal,
// --team): whose it is, how much of the plan it holds, and how each of
// its projects concerns them. Nil for a whole plan.
func viewRows(p *evaluate.Plan) [][2]string {
	v := p.View
	if v == nil {
		return nil
	}
	var who []string
	for _, st := range v.Stakeholders {
		text := st.Kind + " " + st.ID
		if st.Title != "" && st.Title != st.ID {
			text += " (" + st.Title + ")"
		}
		if st.Kind == "team" {
			text += fmt.Sprintf(", %s FTE-%s in scheduled projects", formatQuantity(st.FTEPeriods), periodOr(p.Roadmap.Period))
		}
		who = append(who, text)
	}
	n := len(v.Projects)
	rows := [][2]string{
		{"View", strings.Join(who, "; ")},
		{"Scope", fmt.Sprintf("%d of the plan's %d projects concern them; the figures below count these only (whole plan: %s, NPV %s)",
			n, n+v.Excluded, countsText(v.Whole), formatMoney(v.Whole.NPV, p.Roadmap.Currency))},
	}
	var concerns []string
	for _, vp := range v.Projects {
		concerns = append(concerns, vp.ID+": "+strings.Join(vp.Relations, ", "))
	}
	if len(concerns) > 0 {
		rows = append(rows, [2]string{"Concerns", strings.Join(concerns, "; ")})
	}
	return rows
}

func periodOr(unit string) string {
	if unit == "" {
		return "period"
	}
	return unit
}

// scoringText is "alignment 0.5, value 0.3, safety 0.2; value scale EUR
// 1,500,000 (yearly amount of budget "capex")", or "" for a saved plan
// from before scores were absolute.
func scoringText(p *evaluate.Plan) string {
	s := p.Roadmap.Scoring
	if s.ValueScale <= 0 {
		return ""
	}
	text := fmt.Sprintf("alignment %s, value %s, safety %s; value scale %s",
		formatQuantity(s.Alignment), formatQuantity(s.Value), formatQuantity(s.Safety), formatMoney(s.ValueScale, p.Roadmap.Currency))
	if s.ValueScaleBasis != "" {
		text += " (" + s.ValueScaleBasis + ")"
	}
	return text
}

// flagshipMark marks the flagship in the ranked roadmap.
const flagshipMark = "★"

// flagshipText is the summary's line on the flagship: "c_customer_portal
// (rank 2, 2027-Q1 – 2027-Q3)"; "" when there is none. A flagship
// deferred for its deadline says so, and with --shortfall the deadline
// that works (review qa18 Q18-13: the board's first priority left out,
// its system with no replacement, and the summary only said "deferred").
func flagshipText(p *evaluate.Plan) string {
	if p.Roadmap.Flagship == nil {
		return ""
	}
	id := *p.Roadmap.Flagship
	for _, pr := range p.Projects {
		if pr.ID != id {
			continue
		}
		when := whenText(pr)
		if pr.Status != evaluate.StatusScheduled {
			when = pr.Status
		}
		if pr.Status == evaluate.StatusDeferred && pr.Deadline != nil &&
			slices.ContainsFunc(pr.Notes, func(n evaluate.Note) bool { return n.Kind == evaluate.NoteDeadline }) {
			when = "deferred: cannot meet its deadline " + *pr.Deadline
			if pr.Shortfall != nil {
				for _, f := range pr.Shortfall.Fixes {
					if f.Kind == evaluate.FixDeadline && f.Deadline != nil {
						when += fmt.Sprintf("; fits with a deadline of %s, starting %s", *f.Deadline, f.Start)
					}
				}
			}
		}
		text := fmt.Sprintf("%s (rank %d, %s)", id, pr.Rank, when)
		if p.Roadmap.FlagshipNamed {
			text += ", named by the roadmap"
		}
		return text
	}
	return id
}

// flagshipNote explains the flagship mark.
func flagshipNote(p *evaluate.Plan) string {
	what := "the first project in rank order that is not mandatory, the highest priority"
	// Work in progress, committed and forced-in projects rank ahead of it
	// too: name those the plan has.
	var ahead []string
	for _, c := range []struct{ word, lifecycle, forced string }{
		{"in progress", "in_progress", ""}, {"committed", "committed", ""}, {"forced in", "", "in"},
	} {
		if slices.ContainsFunc(p.Projects, func(pr evaluate.ProjectPlan) bool {
			return c.lifecycle != "" && pr.Lifecycle == c.lifecycle || c.forced != "" && pr.Forced == c.forced
		}) {
			ahead = append(ahead, c.word)
		}
	}
	not := "mandatory"
	if len(ahead) > 0 {
		words := append([]string{"mandatory"}, ahead...)
		not = strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
		what = "the first project in rank order that is not " + not + ", the highest priority"
	}
	if needed := neededOptionsAbove(p); len(needed) > 0 {
		what = fmt.Sprintf("the first project in rank order that is not %s, nor an option a mandatory, committed, in-progress or forced-in project needs (%s: the choice takes it before its other options, see its reason), the highest priority",
			not, strings.Join(needed, ", "))
	}
	if p.Roadmap.FlagshipNamed {
		what = "the project the roadmap names as its highest priority"
	}
	who := "a mandatory or forced-in project"
	if slices.ContainsFunc(p.Checks, func(c evaluate.CheckResult) bool { return c.ID == evaluate.ReplaceBeforeEndOfSupportCheck }) {
		who = "a mandatory or forced-in project, or a system kept in support (policy replace_before_end_of_support),"
	}
	return what + "; the optimiser keeps its start unless " + who + " needs the room"
}

// neededOptionsAbove names the options ranked above the flagship because
// a mandatory, committed or forced-in project needs them, with their
// choice ("o2 of choice x"), at most three, then how many more: they rank
// with that project, are no flagship, and decide their choice (review Q6:
// the legend did not say why they, and the options they beat, were
// passed over).
func neededOptionsAbove(p *evaluate.Plan) []string {
	flagRank := -1
	byID := make(map[string]*evaluate.ProjectPlan, len(p.Projects))
	for i := range p.Projects {
		pr := &p.Projects[i]
		byID[pr.ID] = pr
		if pr.Flagship {
			flagRank = pr.Rank
		}
	}
	var out []string
	more := 0
	for _, c := range p.Choices {
		if c.Chosen == nil {
			continue
		}
		switch c.DecidedBy {
		case evaluate.DecidedMandatory, evaluate.DecidedForced, evaluate.DecidedStatus:
		default:
			continue
		}
		pr := byID[*c.Chosen]
		if pr == nil || pr.Mandatory || pr.Forced == evaluate.ForcedIn || flagRank < 0 || pr.Rank > flagRank ||
			(pr.Lifecycle != "" && pr.Lifecycle != "proposed") {
			continue
		}
		if len(out) == 3 {
			more++
			continue
		}
		out = append(out, fmt.Sprintf("%s of choice %s", pr.ID, c.ID))
	}
	if more > 0 {
		out = append(out, fmt.Sprintf("%d more", more))
	}
	return out
}

// countsText is "4 scheduled, 1 deferred, 2 dropped".
func countsText(t evaluate.Totals) string {
	text := fmt.Sprintf("%d scheduled, %d deferred, %d dropped", t.Scheduled, t.Deferred, t.Dropped)
	for _, c := range []struct {
		n    int
		word string
	}{{t.Done, "done"}, {t.Cancelled, "cancelled"}, {t.OnHold, "on hold"}} {
		if c.n > 0 {
			text += fmt.Sprintf(", %d %s", c.n, c.word)
		}
	}
	return text
}

// finishText is "2028-Q3 (end of period 7 of 8)", or "—" when nothing is
// scheduled.
func finishText(p *evaluate.Plan) string {
	if p.Totals.Scheduled == 0 || p.Totals.FinishPeriod <= 0 {
		return none
	}
	last := p.Totals.FinishPeriod - 1
	if p.Totals.FinishPeriod > p.Roadmap.Horizon {
		// Work in progress forecast past the horizon: the label is its end's.
		label := fmt.Sprintf("period %d", last)
		for _, pp := range p.Projects {
			if pp.EndPeriod != nil && *pp.EndPeriod == p.Totals.FinishPeriod && pp.End != nil {
				label = *pp.End
			}
		}
		return fmt.Sprintf("%s (end of period %d of %d, past the horizon)", label, p.Totals.FinishPeriod, p.Roadmap.Horizon)
	}
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

// projectReasons are what the ranking prints for a project: its reasons
// (a deferred project's are its schedule notes), then for a scheduled
// project the notes that say what it waited for; "forced in" first for a
// project the run forced in. A plan saved before
// plans carried notes shows only its reasons.
func projectReasons(pr evaluate.ProjectPlan) []string {
	out := []string{}
	if pr.Forced == evaluate.ForcedIn {
		out = append(out, "forced in")
	}
	out = append(out, pr.Reasons...)
	if pr.Status == evaluate.StatusScheduled {
		for _, n := range pr.Notes {
			out = append(out, n.Message)
		}
	}
	for _, f := range pr.Findings {
		if f.Severity == evaluate.SeverityWarning {
			out = append(out, "warning: "+f.Message)
		}
	}
	if sf := pr.Shortfall; sf != nil {
		for _, fix := range sf.Fixes {
			out = append(out, "what it would take: "+fix.Message)
		}
		if sf.Reason != "" {
			out = append(out, "what it would take: "+sf.Reason)
		}
	}
	return out
}

// warningsText names the projects with warning findings: "2 projects:
// zero_trust_access, edr_rollout (see their reasons)", at most ten named;
// "" when there are none.
func warningsText(p *evaluate.Plan) string {
	const named = 10
	var ids []string
	for _, pr := range p.Projects {
		if slices.ContainsFunc(pr.Findings, func(f evaluate.Finding) bool { return f.Severity == evaluate.SeverityWarning }) {
			ids = append(ids, pr.ID)
		}
	}
	if len(ids) == 0 {
		return ""
	}
	noun, their := "projects", "their"
	if len(ids) == 1 {
		noun, their = "project", "its"
	}
	list := strings.Join(ids[:min(len(ids), named)], ", ")
	if len(ids) > named {
		list += fmt.Sprintf(" and %d more", len(ids)-named)
	}
	return fmt.Sprintf("%d %s: %s (see %s reasons)", len(ids), noun, list, their)
}

// deadlinesText sums up deadlines: "2 met, 1 missed: "hotfix" (2027-Q3)";
// "" when no project has a deadline that counts.
func deadlinesText(p *evaluate.Plan) string {
	t := p.Totals
	if t.DeadlinesMet+t.DeadlinesMissed == 0 {
		return ""
	}
	text := fmt.Sprintf("%d met, %d missed", t.DeadlinesMet, t.DeadlinesMissed)
	var missed []string
	for _, pr := range p.Projects {
		if pr.Deadline == nil {
			continue
		}
		last, inHorizon := periodIndex(p, *pr.Deadline)
		deferred := pr.Status != evaluate.StatusScheduled && inHorizon
		late := pr.Status == evaluate.StatusScheduled && inHorizon && pr.EndPeriod != nil && *pr.EndPeriod-1 > last
		if deferred || late {
			missed = append(missed, fmt.Sprintf("%s (%s)", pr.ID, *pr.Deadline))
		}
	}
	if len(missed) > 0 {
		const listed = 5
		more := ""
		if len(missed) > listed {
			more = fmt.Sprintf(" and %d more", len(missed)-listed)
			missed = missed[:listed]
		}
		text += ": " + strings.Join(missed, ", ") + more
	}
	return text
}

// periodIndex is the index of the period labelled label, and whether the
// plan lists it.
func periodIndex(p *evaluate.Plan, label string) (int, bool) {
	for _, pe := range p.Periods {
		if pe.Label == label {
			return pe.Index, true
		}
	}
	return 0, false
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
	return appendSortedKeys(ids, p.Periods, func(pe evaluate.PeriodPlan) []string { return slices.Sorted(maps.Keys(pe.Teams)) })
}

// budgetIDs is teamIDs for budgets.
func budgetIDs(p *evaluate.Plan) []string {
	ids := make([]string, 0, len(p.Budgets))
	for _, b := range p.Budgets {
		ids = append(ids, b.ID)
	}
	return appendSortedKeys(ids, p.Periods, func(pe evaluate.PeriodPlan) []string { return slices.Sorted(maps.Keys(pe.Budgets)) })
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
	return append(ids, slices.Sorted(maps.Keys(active))...)
}

// activeByPeriod maps each period's index to the set of projects in flight.
func activeByPeriod(p *evaluate.Plan) map[int]map[string]bool {
	sets := make(map[int]map[string]bool, len(p.Periods))
	for _, pe := range p.Periods {
		set := make(map[string]bool, len(pe.Active))
		for _, id := range pe.Active {
			set[id] = true
		}
		sets[pe.Index] = set
	}
	return sets
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
	names := slices.Sorted(maps.Keys(v.Criteria))
	sort.SliceStable(names, func(i, j int) bool { return v.Criteria[names[i]] > v.Criteria[names[j]] })
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		seen[n] = true
	}
	var extra []string
	for _, c := range v.Candidates {
		for _, k := range slices.Sorted(maps.Keys(c.Scores)) {
			if !seen[k] {
				seen[k] = true
				extra = append(extra, k)
			}
		}
	}
	sort.Strings(extra)
	return append(names, extra...)
}

// showsTechnical reports whether an evaluation's technical score (its
// criteria other than cost, which minimum_score applies to) differs from
// its score, so it is worth a column of its own.
func showsTechnical(v evaluate.VendorResult) bool {
	if _, ok := v.Criteria["cost"]; !ok {
		return false
	}
	for _, c := range v.Candidates {
		if c.TechnicalScore != nil {
			return true
		}
	}
	return false
}

// technicalText is a candidate's technical score, or "—".
func technicalText(c evaluate.VendorCandidate) string {
	if c.TechnicalScore == nil {
		return none
	}
	return formatRatio(*c.TechnicalScore)
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
	minimum := "minimum score " + formatQuantity(v.MinimumScore)
	if showsTechnical(v) {
		minimum += " on the criteria other than cost"
	}
	parts = append(parts, minimum)
	if cs := v.CostScale; cs != nil {
		parts = append(parts, fmt.Sprintf("cost scored from 5 at a TCO of %s to 0 at %s", formatAmount(cs.Best), formatAmount(cs.Worst)))
	}
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

// optimizationLines describes an --optimize run: the method, the
// objective in rank order and optimised, then what moved. The other
// headline figures are in figureRows.
func optimizationLines(p *evaluate.Plan) []string {
	o := p.Optimization
	noun := "schedules"
	if o.Schedules == 1 {
		noun = "schedule"
	}
	lines := []string{
		fmt.Sprintf("Method %s, seed %d, %s %s evaluated.", o.Method, o.Seed, formatAmount(float64(o.Schedules)), noun),
	}
	if len(o.Figures) == 0 {
		// A plan saved before the figures were reported.
		bound := ""
		if o.Bound != nil {
			bound = fmt.Sprintf(" (bound %s)", formatQuantity(*o.Bound))
		}
		lines = append(lines, fmt.Sprintf("Objective %s: rank order %s, the optimiser %s%s.",
			o.Objective, formatQuantity(o.Baseline), formatQuantity(o.Best), bound))
		return append(lines, o.Changes...)
	}
	figure := objectiveFigureName(o.Objective)
	for _, f := range o.Figures {
		if f.Figure != figure {
			continue
		}
		text := fmt.Sprintf("Objective %s (%s): %s in rank order, %s optimised (%s)",
			o.Objective, objectiveMeaning(o.Objective), figureValue(p, f.Figure, f.RankOrder), figureValue(p, f.Figure, f.Optimized), changeText(p, f))
		text += worseBecause(o, f)
		if o.Bound != nil {
			word := "at most"
			if f.Figure == evaluate.FigureFinishPeriod {
				word = "no earlier than"
			}
			text += fmt.Sprintf("; %s %s is possible", word, figureValue(p, f.Figure, *o.Bound))
		}
		lines = append(lines, text+".")
	}
	return append(lines, o.Changes...)
}

// worseBecause says why an optimised plan is worse on its objective than
// rank order: it schedules mandatory, committed or forced-in projects
// rank order leaves out, and those come before the objective. ""
// otherwise.
func worseBecause(o *evaluate.Optimization, objective evaluate.FigureChange) string {
	if objective.Effect != evaluate.EffectWorse {
		return ""
	}
	var more []string
	for _, f := range o.Figures {
		what := map[string]string{evaluate.FigureMandatoryScheduled: "mandatory", evaluate.FigureForcedInScheduled: "forced-in",
			evaluate.FigureCommittedScheduled: "committed"}[f.Figure]
		if what == "" || f.Change <= 0 {
			continue
		}
		n := int(f.Change)
		noun := "projects"
		if n == 1 {
			noun = "project"
		}
		more = append(more, fmt.Sprintf("%d more %s %s", n, what, noun))
	}
	if len(more) == 0 {
		return ""
	}
	return ": it schedules " + strings.Join(more, " and ") + " than rank order, and those come before the objective"
}

// objectiveFigureName is the headline figure an objective is measured by.
func objectiveFigureName(objective string) string {
	switch objective {
	case "npv":
		return evaluate.FigureNPV
	case "risk_adjusted_npv":
		return evaluate.FigureRiskAdjustedNPV
	case "finish":
		return evaluate.FigureFinishPeriod
	}
	return evaluate.FigureScore
}

// objectiveMeaning says what an objective asks for.
func objectiveMeaning(objective string) string {
	switch objective {
	case "npv":
		return "most NPV scheduled"
	case "risk_adjusted_npv":
		return "most risk-adjusted NPV scheduled"
	case "finish":
		return "most projects, earliest finish"
	}
	return "most total score scheduled"
}

// figureLabels name the headline figures in the table and Markdown.
var figureLabels = map[string]string{
	evaluate.FigureScheduled:          "Projects scheduled",
	evaluate.FigureMandatoryScheduled: "Mandatory projects scheduled",
	evaluate.FigureForcedInScheduled:  "Forced-in projects scheduled",
	evaluate.FigureCommittedScheduled: "Committed projects scheduled",
	evaluate.FigureScore:              "Total score",
	evaluate.FigureNPV:                "NPV",
	evaluate.FigureRiskAdjustedNPV:    "Risk-adjusted NPV",
	evaluate.FigureFinishPeriod:       "Finish",
}

// figureValue writes a headline figure: a count, a score, money or the
// period the plan finishes in ("2028-Q1").
func figureValue(p *evaluate.Plan, figure string, x float64) string {
	switch figure {
	case evaluate.FigureNPV, evaluate.FigureRiskAdjustedNPV:
		return formatMoney(x, p.Roadmap.Currency)
	case evaluate.FigureScore:
		return strconv.FormatFloat(x, 'f', 3, 64)
	case evaluate.FigureFinishPeriod:
		if x <= 0 {
			return none
		}
		return periodLabel(p, int(x)-1)
	}
	return formatQuantity(x)
}

// changeText is a figure's change with its sign and what it means: "+1,
// better", "-2,301,000, worse", "1 period earlier, better", "no change".
func changeText(p *evaluate.Plan, f evaluate.FigureChange) string {
	if f.Effect == evaluate.EffectSame {
		return "no change"
	}
	var amount string
	switch f.Figure {
	case evaluate.FigureFinishPeriod:
		n := int(math.Abs(f.Change))
		unit := p.Roadmap.Period
		if unit == "" {
			unit = "period"
		}
		dir := "later"
		if f.Change < 0 {
			dir = "earlier"
		}
		amount = periodCount(n, unit) + " " + dir
	case evaluate.FigureNPV, evaluate.FigureRiskAdjustedNPV:
		amount = signPrefix(f.Change) + formatAmount(math.Abs(f.Change))
	case evaluate.FigureScore:
		amount = signPrefix(f.Change) + strconv.FormatFloat(math.Abs(f.Change), 'f', 3, 64)
	default:
		amount = signPrefix(f.Change) + formatQuantity(math.Abs(f.Change))
	}
	return amount + ", " + f.Effect
}

func signPrefix(x float64) string {
	if x < 0 {
		return "-"
	}
	return "+"
}

// figureRows are the headline figures in rank order and optimised, one
// row each: label, rank order, optimised, change.
func figureRows(p *evaluate.Plan) [][]string {
	var rows [][]string
	for _, f := range p.Optimization.Figures {
		label, ok := figureLabels[f.Figure]
		if !ok {
			label = f.Figure
		}
		rows = append(rows, []string{label, figureValue(p, f.Figure, f.RankOrder), figureValue(p, f.Figure, f.Optimized), changeText(p, f)})
	}
	return rows
}
