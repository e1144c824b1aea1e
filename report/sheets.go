package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// This file turns a plan into plain tables for spreadsheets: the CSV
// format prints one of them, the xlsx format puts each on its own sheet.
// Numbers stay numbers (no thousands separators, no currency, ratios as
// fractions), so finance can compute with them.
//
// Other commands' results become spreadsheets the same way: build their
// tables as []sheet, print one with writeSheetCSV, or all of them with
// writeWorkbook, and add the format to that command's renderers, as
// report/simulation_sheets.go does for simulate (and compare can).

// cellKind says how a spreadsheet shows a number.
type cellKind int

const (
	kindText    cellKind = iota
	kindMoney            // currency format
	kindRatio            // a fraction shown as a percentage (ROI, IRR)
	kindScore            // 0..1 with two decimals (score, alignment, risk)
	kindNumber           // any other quantity (FTE, periods)
	kindInteger          // counts, ranks, period indexes
	kindBool             // true / false
	kindGantt            // 1 when a project is in flight, else 0
)

// sheetCell is one cell: text, or a number that may be missing (an IRR
// that never changes sign is an empty cell, never a made-up figure).
type sheetCell struct {
	text  string
	num   float64
	isNum bool
	// user marks text taken from the roadmap's files (titles, reasons,
	// messages): a spreadsheet must never run it as a formula.
	user bool
}

func textCell(s string) sheetCell { return sheetCell{text: s} }
func userCell(s string) sheetCell { return sheetCell{text: s, user: true} }
func numCell(v float64) sheetCell { return sheetCell{num: v, isNum: true} }
func intCell(v int) sheetCell     { return numCell(float64(v)) }

func numPtrCell(v *float64) sheetCell {
	if v == nil {
		return sheetCell{}
	}
	return numCell(*v)
}

func intPtrCell(v *int) sheetCell {
	if v == nil {
		return sheetCell{}
	}
	return intCell(*v)
}

func strPtrCell(v *string) sheetCell {
	if v == nil {
		return sheetCell{}
	}
	return textCell(*v)
}

func boolCell(b bool) sheetCell { return textCell(strconv.FormatBool(b)) }

type sheetColumn struct {
	header string
	kind   cellKind
}

// sheet is one table of a plan.
type sheet struct {
	name    string // the --table name
	title   string // the worksheet's name (at most 31 characters)
	columns []sheetColumn
	rows    [][]sheetCell
	// footer sums the scheduled projects; the xlsx sheet shows it, the CSV
	// leaves it out so every row is a record.
	footer []sheetCell
}

// sheetBuilders are the tables of a plan, in workbook order.
var sheetBuilders = []struct {
	name  string
	build func(*evaluate.Plan) (sheet, error)
}{
	{"ranked", rankedSheet},
	{"cost-benefit", costBenefitSheet},
	{"capacity", capacitySheet},
	{"cash-flows", cashFlowsSheet},
	{"vendors", vendorsSheet},
	// The workbook has these only when they have rows.
	{"systems", systemsSheet},
	{"choices", choicesSheet},
	{"together", togetherSheet},
	{"run-rate", runRateSheet},
	{"run-rate-years", runRateYearsSheet},
}

// optionalSheets are the tables a workbook leaves out when they are empty
// (a roadmap without systems, choices, together groups or run costs).
var optionalSheets = []string{"systems", "choices", "together", "run-rate", "run-rate-years"}

// SheetTables lists the tables the CSV format prints (--table), in
// workbook order.
func SheetTables() []string {
	names := make([]string, 0, len(sheetBuilders))
	for _, b := range sheetBuilders {
		names = append(names, b.name)
	}
	return names
}

func planSheet(p *evaluate.Plan, table string) (sheet, error) {
	for _, b := range sheetBuilders {
		if b.name == table {
			return b.build(p)
		}
	}
	return sheet{}, fmt.Errorf("unknown table %q: use one of %s", table, strings.Join(SheetTables(), ", "))
}

// RenderPlanCSV writes one table of p as CSV (RFC 4180: comma-separated,
// CRLF line ends, fields quoted when needed).
func RenderPlanCSV(w io.Writer, p *evaluate.Plan, table string) error {
	if p == nil {
		return fmt.Errorf("no plan to render")
	}
	s, err := planSheet(p, table)
	if err != nil {
		return err
	}
	return writeSheetCSV(w, s)
}

func writeSheetCSV(w io.Writer, s sheet) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	header := make([]string, len(s.columns))
	for i, c := range s.columns {
		header[i] = neutralizeFormula(c.header)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	record := make([]string, len(s.columns))
	for _, row := range s.rows {
		for i := range record {
			record[i] = ""
			if i < len(row) {
				record[i] = csvField(row[i])
			}
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvField is a cell as CSV text: numbers in full precision without
// grouping, every text neutralised against formula injection (ids,
// statuses and labels of a saved plan are as hostile as its reasons).
func csvField(c sheetCell) string {
	if c.isNum {
		return plainNumber(c.num)
	}
	return neutralizeFormula(c.text)
}

// plainNumber prints v the shortest way that reads back as v, never in
// exponent form and never as "-0".
func plainNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// neutralizeFormula puts an apostrophe before text a spreadsheet would
// read as a formula (OWASP's "CSV injection"): text starting with =, +,
// -, @, a tab or a carriage return. Spreadsheets show the text as it was
// and hide the apostrophe.
func neutralizeFormula(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// reasonsText joins a project's reasons into one cell.
func reasonsText(reasons []string) string {
	return strings.Join(reasons, "; ")
}

func rankedSheet(p *evaluate.Plan) (sheet, error) {
	s := sheet{name: "ranked", title: "Ranked roadmap", columns: []sheetColumn{
		{"rank", kindInteger}, {"id", kindText}, {"title", kindText}, {"status", kindText}, {"gate", kindText},
		{"mandatory", kindBool}, {"score", kindScore}, {"alignment", kindScore}, {"risk", kindScore},
		{"start", kindText}, {"end", kindText}, {"start_period", kindInteger}, {"end_period", kindInteger},
		{"deadline", kindText}, {"reasons", kindText},
	}}
	relations := map[string]string{}
	if p.View != nil {
		s.columns = append(s.columns, sheetColumn{"concerns", kindText})
		for _, vp := range p.View.Projects {
			relations[vp.ID] = strings.Join(vp.Relations, "; ")
		}
	}
	for _, pr := range p.Projects {
		row := []sheetCell{
			intCell(pr.Rank), textCell(pr.ID), userCell(pr.Title), textCell(pr.Status), textCell(pr.Gate),
			boolCell(pr.Mandatory), numCell(pr.Score), numCell(pr.Alignment), numCell(pr.Risk),
			strPtrCell(pr.Start), strPtrCell(pr.End), intPtrCell(pr.StartPeriod), intPtrCell(pr.EndPeriod),
			strPtrCell(pr.Deadline), userCell(reasonsText(projectReasons(pr))),
		}
		if p.View != nil {
			row = append(row, textCell(relations[pr.ID]))
		}
		s.rows = append(s.rows, row)
	}
	return s, nil
}

func costBenefitSheet(p *evaluate.Plan) (sheet, error) {
	s := sheet{name: "cost-benefit", title: "Cost-benefit", columns: []sheetColumn{
		{"id", kindText}, {"title", kindText}, {"status", kindText},
		{"cost", kindMoney}, {"benefit", kindMoney}, {"npv", kindMoney}, {"risk_adjusted_npv", kindMoney},
		{"scheduled_npv", kindMoney}, {"roi", kindRatio}, {"irr", kindRatio}, {"payback_periods", kindNumber},
		{"saving", kindMoney}, {"shared_saving", kindMoney}, // last, so the columns before keep their places
	}}
	for _, pr := range p.Projects {
		s.rows = append(s.rows, []sheetCell{
			textCell(pr.ID), userCell(pr.Title), textCell(pr.Status),
			numCell(pr.Cost), numCell(pr.Benefit), numCell(pr.NPV), numCell(pr.RiskAdjustedNPV),
			numPtrCell(pr.ScheduledNPV), numPtrCell(pr.ROI), numPtrCell(pr.IRR), numPtrCell(pr.PaybackPeriods),
			numCell(pr.Saving), numCell(pr.SharedSaving),
		})
	}
	t := p.Totals
	s.footer = []sheetCell{
		textCell("Portfolio"), textCell("scheduled projects"), textCell("scheduled"),
		numCell(t.Cost), numCell(t.Benefit), numCell(t.NPV), numCell(t.RiskAdjustedNPV),
		numCell(t.ScheduledNPV), numPtrCell(roundedPtr(portfolioROI(t), 6)), {}, {},
		numCell(scheduledSaving(p)), {},
	}
	return s, nil
}

// capacitySheet is the capacity plan with a column per period: each
// team's capacity and use, each budget's limit and spend, the projects in
// flight, and a row per scheduled project with 1 in the periods it runs
// (the Gantt chart of the xlsx workbook).
func capacitySheet(p *evaluate.Plan) (sheet, error) {
	s := sheet{name: "capacity", title: "Capacity", columns: []sheetColumn{
		{"kind", kindText}, {"id", kindText}, {"measure", kindText},
	}}
	for _, pe := range p.Periods {
		s.columns = append(s.columns, sheetColumn{pe.Label, kindNumber})
	}
	row := func(kind, id, measure string, value func(evaluate.PeriodPlan) (float64, bool)) []sheetCell {
		r := []sheetCell{textCell(kind), textCell(id), textCell(measure)}
		for _, pe := range p.Periods {
			if v, ok := value(pe); ok {
				r = append(r, numCell(v))
			} else {
				r = append(r, sheetCell{})
			}
		}
		return r
	}
	for _, id := range teamIDs(p) {
		team := func(f func(evaluate.TeamLoad) float64) func(evaluate.PeriodPlan) (float64, bool) {
			return func(pe evaluate.PeriodPlan) (float64, bool) {
				l, ok := pe.Teams[id]
				return f(l), ok
			}
		}
		s.rows = append(s.rows,
			row("team", id, "capacity_fte", team(func(l evaluate.TeamLoad) float64 { return l.Capacity })),
			row("team", id, "used_fte", team(func(l evaluate.TeamLoad) float64 { return l.Used })))
	}
	for _, id := range budgetIDs(p) {
		budget := func(f func(evaluate.BudgetSpend) float64) func(evaluate.PeriodPlan) (float64, bool) {
			return func(pe evaluate.PeriodPlan) (float64, bool) {
				b, ok := pe.Budgets[id]
				return f(b), ok
			}
		}
		s.rows = append(s.rows,
			row("budget", id, "spent", budget(func(b evaluate.BudgetSpend) float64 { return b.Spent })),
			row("budget", id, "window_spent", budget(func(b evaluate.BudgetSpend) float64 { return b.WindowSpent })),
			row("budget", id, "limit", budget(func(b evaluate.BudgetSpend) float64 { return b.Limit })))
	}
	s.rows = append(s.rows, row("portfolio", "", "in_flight", func(pe evaluate.PeriodPlan) (float64, bool) {
		return float64(len(pe.Active)), true
	}))
	inFlight := activeByPeriod(p)
	for _, id := range activeProjects(p) {
		s.rows = append(s.rows, row("project", id, "active", func(pe evaluate.PeriodPlan) (float64, bool) {
			if inFlight[pe.Index][id] {
				return 1, true
			}
			return 0, true
		}))
	}
	return s, nil
}

// cashFlowsColumns bounds the periods of the cash-flow table: Excel's
// 16,384 columns less the fixed ones.
const cashFlowsColumns = 16384 - 8

// cashFlowsSheet lays each project's cash flows out by calendar period:
// a scheduled project from its start, any other as if it started in the
// first period (the basis of the cost-benefit table). The footer sums the
// scheduled projects: the portfolio's cash flow.
func cashFlowsSheet(p *evaluate.Plan) (sheet, error) {
	s := sheet{name: "cash-flows", title: "Cash flows", columns: []sheetColumn{
		{"id", kindText}, {"title", kindText}, {"status", kindText}, {"basis", kindText}, {"start", kindText},
	}}
	n := 0
	for _, pr := range p.Projects {
		n = max(n, flowOffset(pr)+len(pr.CashFlows))
	}
	if n > cashFlowsColumns {
		return s, fmt.Errorf("the cash flows span %d periods, more than a spreadsheet has columns (%d)", n, cashFlowsColumns)
	}
	if n > 0 {
		cal, err := planCalendar(p)
		if err != nil {
			return s, err
		}
		for i := range n {
			s.columns = append(s.columns, sheetColumn{labelOfPeriod(p, cal, i), kindMoney})
		}
	}
	fixed := len(s.columns) - n
	total := make([]float64, n)
	for _, pr := range p.Projects {
		basis, start := "if started at once", sheetCell{}
		if pr.Status == evaluate.StatusScheduled && pr.StartPeriod != nil {
			basis, start = "scheduled", strPtrCell(pr.Start)
		}
		r := []sheetCell{textCell(pr.ID), userCell(pr.Title), textCell(pr.Status), textCell(basis), start}
		off := flowOffset(pr)
		for i := range n {
			k := i - off
			if k < 0 || k >= len(pr.CashFlows) {
				r = append(r, sheetCell{})
				continue
			}
			r = append(r, numCell(pr.CashFlows[k]))
			if basis == "scheduled" {
				total[i] += pr.CashFlows[k]
			}
		}
		s.rows = append(s.rows, r)
	}
	s.footer = make([]sheetCell, fixed, fixed+n)
	s.footer[0], s.footer[1], s.footer[3] = textCell("Portfolio"), textCell("scheduled projects"), textCell("scheduled")
	for _, v := range total {
		s.footer = append(s.footer, numCell(math.Round(v*100)/100))
	}
	return s, nil
}

// flowOffset is the calendar period of a project's first cash flow.
func flowOffset(pr evaluate.ProjectPlan) int {
	if pr.Status == evaluate.StatusScheduled && pr.StartPeriod != nil && *pr.StartPeriod > 0 {
		return *pr.StartPeriod
	}
	return 0
}

// vendorsSheet is every evaluation's scoring matrix, one row per
// candidate, with a column per criterion used by any evaluation.
func vendorsSheet(p *evaluate.Plan) (sheet, error) {
	s := sheet{name: "vendors", title: "Vendors", columns: []sheetColumn{
		{"evaluation", kindText}, {"category", kindText}, {"vendor", kindText}, {"title", kindText},
		{"result", kindText}, {"score", kindNumber}, {"tco", kindMoney},
	}}
	var criteria []string
	for _, v := range p.Vendors {
		for _, c := range criteriaOrder(v) {
			if !slices.Contains(criteria, c) {
				criteria = append(criteria, c)
			}
		}
	}
	for _, c := range criteria {
		s.columns = append(s.columns, sheetColumn{"score_" + c, kindNumber}, sheetColumn{"weight_" + c, kindNumber})
	}
	for _, v := range p.Vendors {
		for _, c := range v.Candidates {
			r := []sheetCell{
				textCell(v.Evaluation), userCell(v.Category), textCell(c.Vendor), userCell(c.Title),
				textCell(candidateResult(v, c)), numCell(c.Score), numCell(c.TCO),
			}
			for _, crit := range criteria {
				score, weight := sheetCell{}, sheetCell{}
				if x, ok := c.Scores[crit]; ok {
					score = numCell(x)
				}
				if x, ok := v.Criteria[crit]; ok {
					weight = numCell(x)
				}
				r = append(r, score, weight)
			}
			s.rows = append(s.rows, r)
		}
	}
	return s, nil
}

// roundedPtr rounds *v to digits decimals, as the JSON plan rounds ratios.
func roundedPtr(v *float64, digits int) *float64 {
	if v == nil {
		return nil
	}
	scale := math.Pow(10, float64(digits))
	r := math.Round(*v*scale) / scale
	return &r
}
