package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/diff"
)

// A plan diff as spreadsheets (plan --base/--compare --format csv|xlsx):
// a sheet per table that changed — the projects with their before and
// after status, start, score and money, then team loads, budget spend,
// vendor winners, choices, systems, the run rate, checks and roadmap settings — and the totals, before,
// after and the change, always.

// diffSheetBuilders are the tables of a plan diff, in workbook order.
var diffSheetBuilders = []struct {
	name  string
	build func(*diff.PlanDiff) sheet
}{
	{"projects", diffProjectsSheet},
	{"totals", diffTotalsSheet},
	{"teams", diffTeamsSheet},
	{"budgets", diffBudgetsSheet},
	{"vendors", diffVendorsSheet},
	{"choices", diffChoicesSheet},
	{"systems", diffSystemsSheet},
	{"run-rate", diffRunRateSheet},
	{"run-rate-years", diffRunRateYearsSheet},
	{"checks", diffChecksSheet},
	{"settings", diffSettingsSheet},
}

// DiffSheetTables lists the tables of a plan diff's CSV format (--table;
// the default is projects), in workbook order.
func DiffSheetTables() []string {
	names := make([]string, 0, len(diffSheetBuilders))
	for _, b := range diffSheetBuilders {
		names = append(names, b.name)
	}
	return names
}

func renderDiffCSV(w io.Writer, d *diff.PlanDiff, o Options) error {
	table := o.Table
	if table == "" {
		table = "projects"
	}
	for _, b := range diffSheetBuilders {
		if b.name == table {
			return writeSheetCSV(w, b.build(d))
		}
	}
	return fmt.Errorf("unknown table %q for a plan diff: use one of %s", table, strings.Join(DiffSheetTables(), ", "))
}

// renderDiffXLSX writes the diff as a workbook: a summary, the totals, and
// a sheet for each other table that has rows. The same diff gives the
// same bytes.
func renderDiffXLSX(w io.Writer, d *diff.PlanDiff, _ Options) error {
	var sheets []sheet
	for _, b := range diffSheetBuilders {
		s := b.build(d)
		if len(s.rows) > 0 || b.name == "totals" {
			sheets = append(sheets, s)
		}
	}
	title := d.After.Name + ": " + d.Before.Source + " → " + d.After.Source
	return writeWorkbook(w, title, d.After.Currency, diffSummary(d), sheets)
}

func diffSummary(d *diff.PlanDiff) []summaryRow {
	s := d.Summary
	changed := "no"
	if d.Changed {
		changed = "yes"
	}
	return []summaryRow{
		{"Roadmap", userCell(d.After.Name), kindText},
		{"Before", userCell(d.Before.Source), kindText},
		{"After", userCell(d.After.Source), kindText},
		{"Currency", textCell(d.After.Currency), kindText},
		{"Plan changed", textCell(changed), kindText},
		{"Projects newly scheduled", intCell(s.ToSchedule), kindInteger},
		{"Projects newly deferred", intCell(s.ToDefer), kindInteger},
		{"Projects rescheduled", intCell(s.ToReschedule), kindInteger},
		{"Projects newly dropped", intCell(s.Dropped), kindInteger},
		{"Projects added", intCell(s.Added), kindInteger},
		{"Projects removed", intCell(s.Removed), kindInteger},
		{"Projects changed", intCell(s.Changed), kindInteger},
		{"Projects unchanged", intCell(s.Unchanged), kindInteger},
		{"Checks now failing", intCell(s.ChecksFailing), kindInteger},
		{"Checks fixed", intCell(s.ChecksFixed), kindInteger},
		{"Vendor winners changed", intCell(s.VendorWinners), kindInteger},
		{"Choices changed", intCell(s.Choices), kindInteger},
		{"Systems changed", intCell(s.Systems), kindInteger},
		{"Systems gaining a gap", intCell(s.GapsOpened), kindInteger},
		{"Systems losing their gap", intCell(s.GapsClosed), kindInteger},
		{"Run costs, net a year, change", changeCell(d.RunRate.NetChange(), 2), kindMoney},
	}
}

// projectScores are each project's score in a plan, by id.
func projectScores(p *evaluate.Plan) map[string]float64 {
	scores := map[string]float64{}
	if p != nil {
		for _, pr := range p.Projects {
			scores[pr.ID] = pr.Score
		}
	}
	return scores
}

func diffProjectsSheet(d *diff.PlanDiff) sheet {
	s := sheet{name: "projects", title: "Projects", columns: []sheetColumn{
		{"id", kindText}, {"title", kindText}, {"change", kindText}, {"effect", kindText},
		{"status_before", kindText}, {"status_after", kindText},
		{"rank_before", kindInteger}, {"rank_after", kindInteger},
		{"start_before", kindText}, {"start_after", kindText},
		{"end_before", kindText}, {"end_after", kindText},
		{"score_before", kindScore}, {"score_after", kindScore},
		{"cost_before", kindMoney}, {"cost_after", kindMoney}, {"cost_change", kindMoney},
		{"npv_before", kindMoney}, {"npv_after", kindMoney}, {"npv_change", kindMoney},
		{"risk_adjusted_npv_before", kindMoney}, {"risk_adjusted_npv_after", kindMoney},
		{"what_changed", kindText}, {"notes", kindText},
	}}
	scoresBefore, scoresAfter := projectScores(d.BeforePlan), projectScores(d.AfterPlan)
	state := func(st *diff.ProjectState, scores map[string]float64, id string) []sheetCell {
		if st == nil {
			return make([]sheetCell, 7)
		}
		score := sheetCell{}
		if v, ok := scores[id]; ok {
			score = numCell(v)
		}
		return []sheetCell{textCell(st.Status), intCell(st.Rank), strPtrCell(st.Start), strPtrCell(st.End), score,
			numCell(st.Cost), numCell(st.NPV)}
	}
	delta := func(b, a *diff.ProjectState, f func(*diff.ProjectState) float64) sheetCell {
		switch {
		case b == nil && a == nil:
			return sheetCell{}
		case b == nil:
			return changeCell(f(a), 2)
		case a == nil:
			return changeCell(-f(b), 2)
		}
		return changeCell(f(a)-f(b), 2)
	}
	rnpv := func(st *diff.ProjectState) sheetCell {
		if st == nil {
			return sheetCell{}
		}
		return numCell(st.RiskAdjustedNPV)
	}
	for _, p := range d.Projects {
		b, a := state(p.Before, scoresBefore, p.ID), state(p.After, scoresAfter, p.ID)
		var changes []string
		for _, c := range p.Changes {
			changes = append(changes, diffFieldLabel(c.Field)+": "+diffChangeValue(c))
		}
		row := []sheetCell{textCell(p.ID), userCell(p.Title), textCell(p.Kind), textCell(p.Effect),
			b[0], a[0], b[1], a[1], b[2], a[2], b[3], a[3], b[4], a[4],
			b[5], a[5], delta(p.Before, p.After, func(s *diff.ProjectState) float64 { return s.Cost }),
			b[6], a[6], delta(p.Before, p.After, func(s *diff.ProjectState) float64 { return s.NPV }),
			rnpv(p.Before), rnpv(p.After),
			userCell(strings.Join(changes, "; ")), userCell(strings.Join(p.Notes, "; ")),
		}
		s.rows = append(s.rows, row)
	}
	return s
}

// diffTotalsSheet has three rows: before, after and the change.
func diffTotalsSheet(d *diff.PlanDiff) sheet {
	s := sheet{name: "totals", title: "Totals", columns: []sheetColumn{
		{"plan", kindText}, {"scheduled", kindInteger}, {"deferred", kindInteger}, {"dropped", kindInteger},
		{"cost", kindMoney}, {"benefit", kindMoney}, {"npv", kindMoney}, {"risk_adjusted_npv", kindMoney},
		{"scheduled_npv", kindMoney}, {"score", kindScore}, {"finish", kindText}, {"peak_parallel", kindInteger},
	}}
	row := func(label string, t evaluate.Totals, finish string) []sheetCell {
		return []sheetCell{textCell(label), intCell(t.Scheduled), intCell(t.Deferred), intCell(t.Dropped),
			numCell(t.Cost), numCell(t.Benefit), numCell(t.NPV), numCell(t.RiskAdjustedNPV),
			numCell(t.ScheduledNPV), numCell(t.Score), textCell(finish), intCell(t.PeakParallel)}
	}
	b, a := d.Totals.Before, d.Totals.After
	s.rows = append(s.rows,
		row("before", b, diffFinish(d.BeforePlan, b.FinishPeriod)),
		row("after", a, diffFinish(d.AfterPlan, a.FinishPeriod)),
		[]sheetCell{textCell("change"), intCell(a.Scheduled - b.Scheduled), intCell(a.Deferred - b.Deferred), intCell(a.Dropped - b.Dropped),
			changeCell(a.Cost-b.Cost, 2), changeCell(a.Benefit-b.Benefit, 2), changeCell(a.NPV-b.NPV, 2), changeCell(a.RiskAdjustedNPV-b.RiskAdjustedNPV, 2),
			changeCell(a.ScheduledNPV-b.ScheduledNPV, 2), changeCell(a.Score-b.Score, 6), textCell(""), intCell(a.PeakParallel - b.PeakParallel)},
	)
	return s
}

func diffTeamsSheet(d *diff.PlanDiff) sheet {
	s := sheet{name: "teams", title: "Team load", columns: []sheetColumn{
		{"team", kindText}, {"period", kindText},
		{"capacity_before", kindNumber}, {"used_before", kindNumber},
		{"capacity_after", kindNumber}, {"used_after", kindNumber}, {"used_change", kindNumber},
	}}
	for _, t := range d.Teams {
		var capB, usedB, capA, usedA sheetCell
		var ub, ua float64
		if t.Before != nil {
			capB, usedB, ub = numCell(t.Before.Capacity), numCell(t.Before.Used), t.Before.Used
		}
		if t.After != nil {
			capA, usedA, ua = numCell(t.After.Capacity), numCell(t.After.Used), t.After.Used
		}
		s.rows = append(s.rows, []sheetCell{textCell(t.Team), textCell(t.Period), capB, usedB, capA, usedA, changeCell(ua-ub, 6)})
	}
	return s
}

func diffBudgetsSheet(d *diff.PlanDiff) sheet {
	s := sheet{name: "budgets", title: "Budget spend", columns: []sheetColumn{
		{"budget", kindText}, {"period", kindText},
		{"limit_before", kindMoney}, {"spent_before", kindMoney},
		{"limit_after", kindMoney}, {"spent_after", kindMoney}, {"spent_change", kindMoney},
	}}
	for _, b := range d.Budgets {
		var limB, spB, limA, spA sheetCell
		var sb, sa float64
		if b.Before != nil {
			limB, spB, sb = numCell(b.Before.Limit), numCell(b.Before.Spent), b.Before.Spent
		}
		if b.After != nil {
			limA, spA, sa = numCell(b.After.Limit), numCell(b.After.Spent), b.After.Spent
		}
		s.rows = append(s.rows, []sheetCell{textCell(b.Budget), textCell(b.Period), limB, spB, limA, spA, changeCell(sa-sb, 2)})
	}
	return s
}

func diffVendorsSheet(d *diff.PlanDiff) sheet {
	s := sheet{name: "vendors", title: "Vendors", columns: []sheetColumn{
		{"evaluation", kindText}, {"change", kindText}, {"winner_before", kindText}, {"winner_after", kindText},
	}}
	for _, v := range d.Vendors {
		s.rows = append(s.rows, []sheetCell{textCell(v.Evaluation), textCell(v.Kind), strPtrCell(v.Before), strPtrCell(v.After)})
	}
	return s
}

func diffChecksSheet(d *diff.PlanDiff) sheet {
	s := sheet{name: "checks", title: "Checks", columns: []sheetColumn{
		{"id", kindText}, {"severity", kindText}, {"change", kindText},
		{"passed_before", kindBool}, {"passed_after", kindBool}, {"message", kindText},
	}}
	passed := func(p *bool) sheetCell {
		if p == nil {
			return sheetCell{}
		}
		return boolCell(*p)
	}
	for _, c := range d.Checks {
		s.rows = append(s.rows, []sheetCell{textCell(c.ID), textCell(c.Severity), textCell(c.Kind),
			passed(c.BeforePassed), passed(c.AfterPassed), userCell(c.Message)})
	}
	return s
}

func diffSettingsSheet(d *diff.PlanDiff) sheet {
	s := sheet{name: "settings", title: "Roadmap settings", columns: []sheetColumn{
		{"setting", kindText}, {"before", kindText}, {"after", kindText},
	}}
	for _, c := range d.Roadmap {
		s.rows = append(s.rows, []sheetCell{textCell(c.Field), userCell(diffPlainValue(c.Before)), userCell(diffPlainValue(c.After))})
	}
	return s
}

// changeCell is a difference of two figures rounded to digits decimals,
// so float noise (34567.78000000003) does not reach the sheet.
func changeCell(v float64, digits int) sheetCell {
	return numCell(*roundedPtr(&v, digits) + 0) // + 0 turns -0 into 0
}
