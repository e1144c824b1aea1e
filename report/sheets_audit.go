package report

import (
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// The technology audit, the choices and together groups, and the run rate
// as spreadsheet tables (plan --format csv --table systems|choices|
// together|run-rate|run-rate-years, and the workbook's sheets of the same
// names): the same figures as the plan's other formats, as numbers.

// systemsSheet is the technology audit: a row per system, in declaration
// order.
func systemsSheet(p *evaluate.Plan) (sheet, error) {
	s := sheet{name: "systems", title: "Technology audit", columns: []sheetColumn{
		{"id", kindText}, {"title", kindText}, {"owner", kindText}, {"vendor", kindText}, {"provides", kindText},
		{"end_of_support", kindText}, {"end_of_support_period", kindInteger},
		{"replaced_by", kindText}, {"replacement", kindText}, {"go_live", kindText}, {"go_live_period", kindInteger},
		{"gap", kindText}, {"gap_periods", kindInteger}, {"run_cost_per_year", kindMoney}, {"risk", kindScore},
		{"message", kindText},
	}}
	for _, a := range p.Systems {
		s.rows = append(s.rows, []sheetCell{
			textCell(a.ID), userCell(a.Title), textCell(a.Owner), userCell(a.Vendor), userCell(strings.Join(a.Provides, " ")),
			userPtrCell(a.EndOfSupport), intPtrCell(a.EndOfSupportPeriod),
			textCell(strings.Join(a.ReplacedBy, " ")), strPtrCell(a.Replacement), strPtrCell(a.GoLive), intPtrCell(a.GoLivePeriod),
			textCell(a.Gap), intCell(a.GapPeriods), numCell(a.RunCostPerYear), numCell(a.Risk),
			userCell(a.Message),
		})
	}
	return s, nil
}

// userPtrCell is optional text from the roadmap's files.
func userPtrCell(v *string) sheetCell {
	if v == nil {
		return sheetCell{}
	}
	return userCell(*v)
}

// choicesSheet has a row per option of each choice block: its status,
// whether it is the one chosen, what decided the choice, and why.
func choicesSheet(p *evaluate.Plan) (sheet, error) {
	s := sheet{name: "choices", title: "Choices", columns: []sheetColumn{
		{"choice", kindText}, {"choice_title", kindText}, {"option", kindText}, {"status", kindText},
		{"chosen", kindBool}, {"decided_by", kindText}, {"reason", kindText},
	}}
	for _, c := range choiceViews(p) {
		decided := ""
		for _, r := range p.Choices {
			if r.ID == c.ID {
				decided = r.DecidedBy
			}
		}
		for _, o := range c.Rows {
			status, by := o.Status, ""
			if o.Chosen {
				// choiceViews says "chosen"; the sheet keeps the project's
				// status and a column of its own.
				if pr := projectByID(p, o.ID); pr != nil {
					status = pr.Status
				}
				by = decided
			}
			s.rows = append(s.rows, []sheetCell{textCell(c.ID), userCell(c.Title), textCell(o.ID), textCell(status),
				boolCell(o.Chosen), textCell(by), userCell(o.Reason)})
		}
	}
	return s, nil
}

// togetherSheet has a row per member of each together group.
func togetherSheet(p *evaluate.Plan) (sheet, error) {
	s := sheet{name: "together", title: "Together groups", columns: []sheetColumn{
		{"group", kindText}, {"project", kindText}, {"status", kindText}, {"reason", kindText},
	}}
	for _, rows := range togetherViews(p) {
		name := groupName(rows)
		for _, o := range rows {
			s.rows = append(s.rows, []sheetCell{textCell(name), textCell(o.ID), textCell(o.Status), userCell(o.Reason)})
		}
	}
	return s, nil
}

// runRateSheet lists what the run rate is made of: the projects adding run
// cost from their go-live, then the systems they retire (a negative
// amount), as the run-rate section of the other formats.
func runRateSheet(p *evaluate.Plan) (sheet, error) {
	s := sheet{name: "run-rate", title: "Run rate", columns: []sheetColumn{
		{"item", kindText}, {"id", kindText}, {"status", kindText}, {"budget", kindText},
		{"from", kindText}, {"from_period", kindInteger}, {"per_year", kindMoney}, {"retired_by", kindText},
	}}
	r := p.RunRate
	for _, pr := range r.Projects {
		s.rows = append(s.rows, []sheetCell{textCell("project"), textCell(pr.ID), textCell(pr.Status), textCell(pr.Budget),
			textCell(pr.GoLive), intCell(pr.GoLivePeriod), numCell(pr.PerYear), {}})
	}
	for _, sys := range r.Systems {
		s.rows = append(s.rows, []sheetCell{textCell("system"), textCell(sys.ID), textCell("retired"), {},
			textCell(sys.Retired), intCell(sys.RetiredPeriod), changeCell(-sys.PerYear, 2), textCell(sys.RetiredBy)})
	}
	if len(s.rows) > 0 {
		s.footer = []sheetCell{textCell("net"), {}, {}, {}, {}, {}, numCell(r.NetPerYear), {}}
	}
	return s, nil
}

// runRateYearsSheet is the run cost each budget year of the horizon pays:
// added by the projects live in it, less the systems they retire.
func runRateYearsSheet(p *evaluate.Plan) (sheet, error) {
	s := sheet{name: "run-rate-years", title: "Run rate by year", columns: []sheetColumn{
		{"year", kindText}, {"added", kindMoney}, {"retired", kindMoney}, {"net", kindMoney},
	}}
	for _, y := range p.RunRate.Years {
		s.rows = append(s.rows, []sheetCell{textCell(y.Year), numCell(y.Added), changeCell(-y.Retired, 2), numCell(y.Net)})
	}
	return s, nil
}

// auditSummaryRows are the workbook Summary's lines on the installed base
// and the run rate, when the plan has any.
func auditSummaryRows(p *evaluate.Plan) []summaryRow {
	var rows []summaryRow
	if len(p.Systems) > 0 {
		gaps := 0
		for _, a := range p.Systems {
			if a.Gap != evaluate.GapNone {
				gaps++
			}
		}
		rows = append(rows,
			summaryRow{"Systems", intCell(len(p.Systems)), kindInteger},
			summaryRow{"Systems with a gap in support", intCell(gaps), kindInteger})
	}
	if hasRunRate(p) {
		r := p.RunRate
		rows = append(rows,
			summaryRow{"Run costs added a year", numCell(r.AddedPerYear), kindMoney},
			summaryRow{"Run costs retired a year", numCell(r.RetiredPerYear), kindMoney},
			summaryRow{"Run costs, net a year", numCell(r.NetPerYear), kindMoney})
	}
	return rows
}
