package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// workbookDate stands in for the workbook's creation and modification
// times: a plan has no date of its own, and the same plan must give the
// same bytes on every run.
const workbookDate = "2000-01-01T00:00:00Z"

// RenderPlanXLSX writes p as an Excel workbook: a summary sheet, then one
// sheet per table of SheetTables. Numbers are real numbers with currency,
// percentage and score formats; headers are bold and frozen; the capacity
// sheet's project rows are a Gantt chart drawn by conditional formatting.
// The same plan gives the same bytes.
func RenderPlanXLSX(w io.Writer, p *evaluate.Plan) error {
	if p == nil {
		return fmt.Errorf("no plan to render")
	}
	sheets := make([]sheet, 0, len(sheetBuilders))
	for _, b := range sheetBuilders {
		s, err := b.build(p)
		if err != nil {
			return err
		}
		if len(s.rows) == 0 && slices.Contains(optionalSheets, b.name) {
			continue
		}
		sheets = append(sheets, s)
	}
	return writeWorkbook(w, p.Roadmap.Name, p.Roadmap.Currency, planSummary(p), sheets)
}

// summaryRow is a line of a workbook's Summary sheet.
type summaryRow struct {
	key  string
	cell sheetCell
	kind cellKind
}

// writeWorkbook writes a workbook: a Summary sheet of rows, then each
// sheet, with amounts in currency.
func writeWorkbook(w io.Writer, title, currency string, summary []summaryRow, sheets []sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newSortedZip(w) })
	x := &xlsxWriter{f: f, currency: currency}
	if err := x.styles(); err != nil {
		return err
	}
	if err := x.summary(summary); err != nil {
		return err
	}
	for _, s := range sheets {
		if err := x.sheet(s); err != nil {
			return fmt.Errorf("sheet %q: %w", s.title, err)
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Created:  workbookDate,
		Modified: workbookDate,
		Creator:  "roadmap",
		Title:    title,
	}); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err := f.WriteTo(w)
	return err
}

type xlsxWriter struct {
	f        *excelize.File
	currency string
	style    map[cellKind]int
	header   int
	footer   map[cellKind]int
	bold     int
}

// currencyFormat is Excel's number format for whole amounts in the
// roadmap's currency: `"EUR" #,##0;"EUR" -#,##0`.
func currencyFormat(currency string) string {
	if currency == "" {
		return "#,##0;-#,##0"
	}
	q := `"` + strings.ReplaceAll(currency, `"`, "") + `" `
	return q + "#,##0;" + q + "-#,##0"
}

func (x *xlsxWriter) styles() error {
	money := currencyFormat(x.currency)
	ratio, score, number, integer := "0.0%", "0.00", "#,##0.##", "0"
	formats := map[cellKind]*string{
		kindMoney: &money, kindRatio: &ratio, kindScore: &score, kindNumber: &number, kindInteger: &integer,
	}
	x.style, x.footer = map[cellKind]int{}, map[cellKind]int{}
	for _, k := range []cellKind{kindText, kindMoney, kindRatio, kindScore, kindNumber, kindInteger, kindBool, kindGantt} {
		st := &excelize.Style{CustomNumFmt: formats[k]}
		if k == kindText {
			st.Alignment = &excelize.Alignment{Vertical: "top", WrapText: true}
		}
		if k == kindGantt {
			gantt := ";;;" // the fill is the bar; the 1 or 0 stays hidden
			st.CustomNumFmt = &gantt
		}
		id, err := x.f.NewStyle(st)
		if err != nil {
			return err
		}
		x.style[k] = id
		st.Font = &excelize.Font{Bold: true}
		st.Border = []excelize.Border{{Type: "top", Color: "000000", Style: 1}}
		if id, err = x.f.NewStyle(st); err != nil {
			return err
		}
		x.footer[k] = id
	}
	var err error
	x.header, err = x.f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E5E7EB"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	})
	if err != nil {
		return err
	}
	x.bold, err = x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	return err
}

// planSummary is the plan's headline figures.
func planSummary(p *evaluate.Plan) []summaryRow {
	t := p.Totals
	rows := []summaryRow{
		{"Roadmap", userCell(p.Roadmap.Name), kindText},
		{"Period", textCell(horizonText(p)), kindText},
		{"Strategy", textCell(strategyText(p)), kindText},
	}
	if sc := p.Scenario; sc != nil {
		rows = append(rows, summaryRow{"Scenario", userCell(scenarioText(sc)), kindText})
	}
	if f := forcedText(ForcedProjects(p)); f != "" {
		rows = append(rows, summaryRow{"Forced", textCell(f + " (--force-in, --force-out)"), kindText})
	}
	rows = append(rows, []summaryRow{
		{"Currency", textCell(p.Roadmap.Currency), kindText},
		{"Scheduled", intCell(t.Scheduled), kindInteger},
		{"Deferred", intCell(t.Deferred), kindInteger},
		{"Dropped", intCell(t.Dropped), kindInteger},
		{"Cost (scheduled, undiscounted)", numCell(t.Cost), kindMoney},
		{"Benefit", numCell(t.Benefit), kindMoney},
		{"NPV", numCell(t.NPV), kindMoney},
		{"Risk-adjusted NPV", numCell(t.RiskAdjustedNPV), kindMoney},
		{"NPV of the schedule", numCell(t.ScheduledNPV), kindMoney},
		{"Finish", textCell(finishText(p)), kindText},
		{"Peak", textCell(peakText(t)), kindText},
	}...)
	rows = append(rows, auditSummaryRows(p)...)
	if text := checksText(p.Checks); text != "" {
		rows = append(rows, summaryRow{"Checks", textCell(text), kindText})
	}
	return rows
}

// summary fills the first sheet with headline figures.
func (x *xlsxWriter) summary(rows []summaryRow) error {
	const name = "Summary"
	if err := x.f.SetSheetName("Sheet1", name); err != nil {
		return err
	}
	for i, r := range rows {
		key, _ := excelize.CoordinatesToCellName(1, i+1)
		val, _ := excelize.CoordinatesToCellName(2, i+1)
		if err := x.f.SetCellStr(name, key, r.key); err != nil {
			return err
		}
		if err := x.f.SetCellStyle(name, key, key, x.bold); err != nil {
			return err
		}
		if err := x.setCell(name, val, r.cell, x.style[r.kind]); err != nil {
			return err
		}
	}
	if err := x.f.SetColWidth(name, "A", "A", 32); err != nil {
		return err
	}
	return x.f.SetColWidth(name, "B", "B", 80)
}

// setCell writes one cell: a number, or text (user text neutralised
// against formula injection: excelize writes strings as strings, but a
// user who exports the sheet back to CSV should not get a formula).
func (x *xlsxWriter) setCell(sheetName, ref string, c sheetCell, style int) error {
	var err error
	switch {
	case c.isNum:
		err = x.f.SetCellFloat(sheetName, ref, c.num, -1, 64)
	case c.text != "":
		text := c.text
		if c.user {
			text = neutralizeFormula(text)
		}
		err = x.f.SetCellStr(sheetName, ref, text)
	}
	if err != nil {
		return err
	}
	return x.f.SetCellStyle(sheetName, ref, ref, style)
}

func (x *xlsxWriter) sheet(s sheet) error {
	// Excelize's stream writer: the cell API keeps every cell as a struct
	// until the end (the capacity sheet of 10,000 months x 300 rows took
	// over 1.2 GB and 24 s). The stream writers' sheets are written in
	// map order; sortedZip puts the entries in order again.
	if _, err := x.f.NewSheet(s.title); err != nil {
		return err
	}
	sw, err := x.f.NewStreamWriter(s.title)
	if err != nil {
		return err
	}
	cell := func(col, row int) string {
		ref, _ := excelize.CoordinatesToCellName(col, row)
		return ref
	}
	// Column widths from the content, within reason (before any row), a
	// run of equal widths as one range.
	widths := make([]float64, len(s.columns))
	for i, c := range s.columns {
		width := float64(max(len(c.header), 6)) + 2
		for _, r := range s.rows {
			if i < len(r) && !r[i].isNum {
				width = max(width, float64(min(len(r[i].text), 60))+2)
			}
		}
		if c.kind == kindMoney {
			width = max(width, 14)
		}
		widths[i] = width
	}
	// The stream writer writes its column ranges as they are listed, and
	// a range set puts itself, one entry per column, before those set
	// earlier: set from the last, so they come out in order, as Excel
	// requires.
	for j := len(widths); j > 0; {
		i := j - 1
		for i > 0 && widths[i-1] == widths[j-1] {
			i--
		}
		if err := sw.SetColWidth(i+1, j, widths[j-1]); err != nil {
			return err
		}
		j = i
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	values := make([]any, len(s.columns))
	header := make([]excelize.Cell, len(s.columns))
	for i, c := range s.columns {
		header[i] = excelize.Cell{StyleID: x.header, Value: c.header}
		values[i] = header[i]
	}
	if err := sw.SetRow("A1", values, excelize.RowOpts{StyleID: x.style[kindText]}); err != nil {
		return err
	}
	cells := make([]excelize.Cell, len(s.columns))
	write := func(rowNum int, row []sheetCell, style func(col int) int, gantt bool) error {
		for i := range s.columns {
			values[i] = nil
			if i >= len(row) {
				continue
			}
			c := row[i]
			var v any
			switch {
			case c.isNum:
				if gantt && c.num == 0 {
					continue // a Gantt cell out of flight: blank, as it shows
				}
				v = c.num
			case c.user:
				v = neutralizeFormula(c.text)
			case c.text != "":
				v = c.text
			default:
				continue
			}
			cells[i] = excelize.Cell{StyleID: style(i), Value: v}
			values[i] = &cells[i]
		}
		// A row style, so that the stream writer takes each cell's own
		// style without scanning the columns' (one entry per column) for
		// a default.
		return sw.SetRow(cell(1, rowNum), values, excelize.RowOpts{StyleID: x.style[kindText]})
	}
	var ganttRows []int
	body := func(col int) int { return x.style[s.columns[col].kind] }
	for i, row := range s.rows {
		gantt := isGanttRow(s, row)
		style := body
		if gantt {
			ganttRows = append(ganttRows, i+2)
			style = func(col int) int {
				if col >= 3 {
					return x.style[kindGantt]
				}
				return body(col)
			}
		}
		if err := write(i+2, row, style, gantt); err != nil {
			return err
		}
	}
	last := len(s.rows) + 1
	if len(s.footer) > 0 {
		if err := write(last+1, s.footer, func(col int) int { return x.footer[s.columns[col].kind] }, false); err != nil {
			return err
		}
	}
	if len(s.rows) > 0 {
		if err := x.f.AutoFilter(s.title, "A1:"+cell(len(s.columns), last), nil); err != nil {
			return err
		}
	}
	if err := x.gantt(s, ganttRows); err != nil {
		return err
	}
	return sw.Flush()
}

// isGanttRow is a project row of the capacity sheet.
func isGanttRow(s sheet, row []sheetCell) bool {
	return s.name == "capacity" && len(row) > 0 && row[0].text == "project"
}

// gantt colours the in-flight cells of the capacity sheet's project rows.
func (x *xlsxWriter) gantt(s sheet, rows []int) error {
	if len(rows) == 0 || len(s.columns) <= 3 {
		return nil
	}
	bar, err := x.f.NewConditionalStyle(&excelize.Style{
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2563EB"}},
	})
	if err != nil {
		return err
	}
	first, _ := excelize.CoordinatesToCellName(4, rows[0])
	last, _ := excelize.CoordinatesToCellName(len(s.columns), rows[len(rows)-1])
	return x.f.SetConditionalFormat(s.title, first+":"+last, []excelize.ConditionalFormatOptions{
		{Type: "cell", Criteria: "==", Format: &bar, Value: "1"},
	})
}
