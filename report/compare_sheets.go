package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/scenario"
)

// comparisonSheetBuilders are the tables of a comparison as spreadsheets
// (compare --format csv --table, and the sheets of --format xlsx).
var comparisonSheetBuilders = []struct {
	name  string
	build func(*scenario.Comparison) sheet
}{
	{"scenarios", comparisonScenariosSheet},
	{"projects", comparisonProjectsSheet},
}

// ComparisonTables lists the tables compare --format csv prints.
func ComparisonTables() []string {
	names := make([]string, 0, len(comparisonSheetBuilders))
	for _, b := range comparisonSheetBuilders {
		names = append(names, b.name)
	}
	return names
}

func renderComparisonCSV(w io.Writer, c *scenario.Comparison, o Options) error {
	table := o.Table
	if table == "" {
		table = "scenarios"
	}
	for _, b := range comparisonSheetBuilders {
		if b.name == table {
			return writeSheetCSV(w, b.build(c))
		}
	}
	return fmt.Errorf("unknown table %q: use one of %s", table, strings.Join(ComparisonTables(), ", "))
}

func renderComparisonXLSX(w io.Writer, c *scenario.Comparison, _ Options) error {
	var sheets []sheet
	for _, b := range comparisonSheetBuilders {
		sheets = append(sheets, b.build(c))
	}
	summary := []summaryRow{
		{"Roadmap", userCell(c.Roadmap.Name), kindText},
		{"Currency", textCell(c.Roadmap.Currency), kindText},
		{"Scenarios", intCell(len(c.Scenarios) - 1), kindInteger},
	}
	for _, col := range c.Scenarios[1:] {
		summary = append(summary, summaryRow{col.Name, userCell(strings.TrimPrefix(col.Description+" — "+changesText(&col), " — ")), kindText})
	}
	if f := forcesText(c.ForceIn, c.ForceOut); f != "" {
		summary = append(summary, summaryRow{"Forced", textCell("every column forces " + f), kindText})
	}
	return writeWorkbook(w, c.Roadmap.Name+" scenarios", c.Roadmap.Currency, summary, sheets)
}

// comparisonScenariosSheet has a row per scenario, base first.
func comparisonScenariosSheet(c *scenario.Comparison) sheet {
	s := sheet{name: "scenarios", title: "Scenarios", columns: []sheetColumn{
		{"scenario", kindText}, {"description", kindText}, {"variables", kindText},
		{"scheduled", kindInteger}, {"deferred", kindInteger}, {"dropped", kindInteger},
		{"cost", kindMoney}, {"benefit", kindMoney}, {"npv", kindMoney}, {"risk_adjusted_npv", kindMoney},
		{"finish", kindText}, {"finish_period", kindInteger},
	}}
	for _, id := range c.Teams {
		s.columns = append(s.columns, sheetColumn{"peak_utilization_" + id, kindRatio})
	}
	for _, id := range c.Budgets {
		s.columns = append(s.columns, sheetColumn{"peak_budget_" + id, kindRatio})
	}
	s.columns = append(s.columns, sheetColumn{"checks_failed", kindText}, sheetColumn{"systems_with_gap", kindText}, sheetColumn{"changed", kindInteger},
		sheetColumn{"removed", kindText}, sheetColumn{"added", kindText}, sheetColumn{"moved", kindText},
		sheetColumn{"force_in", kindText}, sheetColumn{"force_out", kindText})
	for _, col := range c.Scenarios {
		t := col.Totals
		row := []sheetCell{
			userCell(col.Name), userCell(col.Description), userCell(scenarioValuesText(&evaluate.ScenarioInfo{Variables: col.Variables})),
			intCell(t.Scheduled), intCell(t.Deferred), intCell(t.Dropped),
			numCell(t.Cost), numCell(t.Benefit), numCell(t.NPV), numCell(t.RiskAdjustedNPV),
			strPtrCell(col.Finish), intCell(t.FinishPeriod),
		}
		for _, tp := range col.Teams {
			row = append(row, numCell(tp.Utilization))
		}
		for _, bp := range col.Budgets {
			row = append(row, numCell(bp.Utilization))
		}
		row = append(row, userCell(strings.Join(col.ChecksFailed, " ")), textCell(gapIDs(col.Gaps)), intCell(col.Changed),
			userCell(strings.Join(col.Removed, " ")), userCell(strings.Join(col.Added, " ")), userCell(strings.Join(col.Moved, " ")),
			textCell(strings.Join(c.ForceIn, " ")), textCell(strings.Join(c.ForceOut, " ")))
		s.rows = append(s.rows, row)
	}
	return s
}

// comparisonProjectsSheet has a row per project: its status, start and
// end in each scenario.
func comparisonProjectsSheet(c *scenario.Comparison) sheet {
	s := sheet{name: "projects", title: "Projects", columns: []sheetColumn{
		{"rank", kindInteger}, {"id", kindText}, {"title", kindText}, {"changed", kindText}, {"forced", kindText},
	}}
	for _, col := range c.Scenarios {
		s.columns = append(s.columns, sheetColumn{col.Name + "_status", kindText},
			sheetColumn{col.Name + "_start", kindText}, sheetColumn{col.Name + "_end", kindText})
	}
	for _, pr := range c.Projects {
		row := []sheetCell{intCell(pr.Cells[0].Rank), textCell(pr.ID), userCell(pr.Title), boolCell(pr.Changed), textCell(pr.Forced)}
		for _, cell := range pr.Cells {
			row = append(row, textCell(cell.Status), strPtrCell(cell.Start), strPtrCell(cell.End))
		}
		s.rows = append(s.rows, row)
	}
	return s
}

// gapIDs are the ids of systems with a gap, space-separated.
func gapIDs(gaps []scenario.SystemGap) string {
	ids := make([]string, len(gaps))
	for i, g := range gaps {
		ids[i] = g.ID
	}
	return strings.Join(ids, " ")
}
