package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate/frontier"
)

// frontierSheetBuilders are the tables of a frontier as spreadsheets
// (frontier --format csv --table, and the sheets of --format xlsx).
var frontierSheetBuilders = []struct {
	name  string
	build func(*frontier.Frontier) sheet
}{
	{"levels", frontierLevelsSheet},
	{"projects", frontierProjectsSheet},
}

// FrontierTables lists the tables frontier --format csv prints.
func FrontierTables() []string {
	names := make([]string, 0, len(frontierSheetBuilders))
	for _, b := range frontierSheetBuilders {
		names = append(names, b.name)
	}
	return names
}

func renderFrontierCSV(w io.Writer, f *frontier.Frontier, o Options) error {
	table := o.Table
	if table == "" {
		table = "levels"
	}
	for _, b := range frontierSheetBuilders {
		if b.name == table {
			return writeSheetCSV(w, b.build(f))
		}
	}
	return fmt.Errorf("unknown table %q: use one of %s", table, strings.Join(FrontierTables(), ", "))
}

func renderFrontierXLSX(w io.Writer, f *frontier.Frontier, _ Options) error {
	var sheets []sheet
	for _, b := range frontierSheetBuilders {
		sheets = append(sheets, b.build(f))
	}
	summary := []summaryRow{
		{"Roadmap", userCell(f.Roadmap.Name), kindText},
		{"Resource", textCell(f.Resource.Kind + " " + f.Resource.ID), kindText},
		{"Title", userCell(f.Resource.Title), kindText},
		{"Unit", textCell(f.Resource.Unit), kindText},
		{"Today's level", numCell(f.Resource.Current), frontierLevelKind(f)},
		{"Objective", textCell(f.Objective), kindText},
		{"Seed", intCell(int(f.Seed)), kindInteger},
		{"Levels", intCell(len(f.Points)), kindInteger},
	}
	if forced := forcesText(f.ForceIn, f.ForceOut); forced != "" {
		summary = append(summary, summaryRow{"Forced", textCell("every level forces " + forced), kindText})
	}
	return writeWorkbook(w, f.Roadmap.Name+" frontier", f.Roadmap.Currency, summary, sheets)
}

// frontierLevelKind is how a level shows: money for a budget, a quantity
// (FTE) for a team.
func frontierLevelKind(f *frontier.Frontier) cellKind {
	if f.Resource.Kind == frontier.KindTeam {
		return kindNumber
	}
	return kindMoney
}

// frontierObjectiveKind is how the objective shows: money for the NPVs,
// a number for a score or a finish period.
func frontierObjectiveKind(f *frontier.Frontier) cellKind {
	if f.Objective == "npv" || f.Objective == "risk_adjusted_npv" {
		return kindMoney
	}
	return kindNumber
}

// frontierLevelsSheet has a row per level, in increasing level: the
// JSON's points with their marginal step. The marginal columns are per
// single unit of the resource (per currency unit of a budget, per FTE),
// the objective's named after it (score_per_unit, npv_per_unit ...); the
// NPV's follow unless the objective is NPV.
func frontierLevelsSheet(f *frontier.Frontier) sheet {
	level := frontierLevelKind(f)
	obj := frontierObjectiveKind(f)
	withNPV := f.Objective != "npv"
	s := sheet{name: "levels", title: "Levels", columns: []sheetColumn{
		{"level", level}, {"today", kindText}, {"plan_level", level}, {"behind_level", level},
		{"objective", obj}, {f.Objective + "_change", obj}, {f.Objective + "_per_unit", kindNumber},
		{"mandatory_scheduled", kindInteger}, {"scheduled", kindInteger}, {"deferred", kindInteger}, {"dropped", kindInteger},
		{"cost", kindMoney}, {"npv", kindMoney}, {"risk_adjusted_npv", kindMoney},
	}}
	if withNPV {
		s.columns = append(s.columns, sheetColumn{"npv_change", kindMoney}, sheetColumn{"npv_per_unit", kindNumber})
	}
	s.columns = append(s.columns, []sheetColumn{{"finish", kindText}, {"finish_period", kindInteger},
		{"entering", kindText}, {"leaving", kindText}, {"optimal", kindText}, {"time_limit_reached", kindText}}...)
	for k := range f.Points {
		p := &f.Points[k]
		change, perUnit, npvChange, npvPerUnit := sheetCell{}, sheetCell{}, sheetCell{}, sheetCell{}
		if m := p.Marginal; m != nil {
			change, npvChange = numCell(m.Objective), numCell(m.NPV)
			if m.Step > 0 {
				perUnit, npvPerUnit = numCell(m.ObjectivePerUnit), numCell(m.NPVPerUnit)
			}
		}
		finish := sheetCell{}
		if p.Finish != "" {
			finish = textCell(p.Finish)
		}
		row := []sheetCell{
			numCell(p.Level), boolCell(p.Current), numCell(p.PlanLevel), numPtrCell(p.BehindLevel),
			numCell(p.Objective), change, perUnit,
			intCell(p.MandatoryScheduled), intCell(p.Scheduled), intCell(p.Deferred), intCell(p.Dropped),
			numCell(p.Cost), numCell(p.NPV), numCell(p.RiskAdjustedNPV),
		}
		if withNPV {
			row = append(row, npvChange, npvPerUnit)
		}
		row = append(row, finish, intCell(p.FinishPeriod),
			textCell(strings.Join(p.Entering, " ")), textCell(strings.Join(p.Leaving, " ")),
			boolCell(p.Optimal), boolCell(p.TimeLimitReached))
		s.rows = append(s.rows, row)
	}
	return s
}

// frontierProjectsSheet has a row per project of each level's portfolio:
// level, project and start, levels in increasing order and projects in
// rank order within each.
func frontierProjectsSheet(f *frontier.Frontier) sheet {
	s := sheet{name: "projects", title: "Projects", columns: []sheetColumn{
		{"level", frontierLevelKind(f)}, {"today", kindText}, {"project", kindText}, {"start_period", kindInteger}, {"start", kindText},
		{"forced", kindText},
	}}
	for k := range f.Points {
		p := &f.Points[k]
		for _, pp := range p.Projects {
			s.rows = append(s.rows, []sheetCell{numCell(p.Level), boolCell(p.Current), textCell(pp.ID), intCell(pp.StartPeriod), textCell(pp.Start),
				textCell(forcedOf(pp.ID, f.ForceIn, nil))})
		}
	}
	return s
}
