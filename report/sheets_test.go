package report

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// TestCSVGolden: every table of every fixture plan, as CSV.
func TestCSVGolden(t *testing.T) {
	for _, name := range fixturePlans {
		p := loadFixture(t, name)
		for _, table := range SheetTables() {
			t.Run(name+"/"+table, func(t *testing.T) {
				var buf bytes.Buffer
				if err := RenderPlan(&buf, p, "csv", Options{Table: table}); err != nil {
					t.Fatal(err)
				}
				assertGolden(t, name+"."+table+".csv", buf.Bytes())
				// Every record has the header's width, and CSV reads it back.
				r := csv.NewReader(bytes.NewReader(buf.Bytes()))
				if _, err := r.ReadAll(); err != nil {
					t.Errorf("the CSV does not read back: %v", err)
				}
			})
		}
	}
}

// TestCSVDefaultTableIsRanked: --format csv without --table prints the
// ranked roadmap.
func TestCSVDefaultTableIsRanked(t *testing.T) {
	p := loadFixture(t, "it2027")
	var def, ranked bytes.Buffer
	if err := RenderPlan(&def, p, "csv", Options{}); err != nil {
		t.Fatal(err)
	}
	if err := RenderPlanCSV(&ranked, p, "ranked"); err != nil {
		t.Fatal(err)
	}
	if def.String() != ranked.String() {
		t.Errorf("default table differs from ranked")
	}
	if err := RenderPlanCSV(&def, p, "gantt"); err == nil || !strings.Contains(err.Error(), `unknown table "gantt"`) {
		t.Errorf("unknown table: err %v", err)
	}
}

// TestCSVNumbersUnformatted: money, ratios and missing figures as a
// spreadsheet reads them.
func TestCSVNumbersUnformatted(t *testing.T) {
	irr := 0.286
	p := &evaluate.Plan{
		Roadmap: evaluate.RoadmapInfo{Currency: "EUR", Start: "2027-Q1", Period: "quarter", Horizon: 1},
		Projects: []evaluate.ProjectPlan{
			{ID: "a", Title: "A", Status: "dropped", Cost: 1234567.5, NPV: -25000, IRR: &irr},
			{ID: "b", Title: "B", Status: "dropped", Cost: 1e21},
		},
	}
	var buf bytes.Buffer
	if err := RenderPlanCSV(&buf, p, "cost-benefit"); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"id", "title", "status", "cost", "benefit", "npv", "risk_adjusted_npv", "scheduled_npv", "roi", "irr", "payback_periods", "saving", "shared_saving"},
		{"a", "A", "dropped", "1234567.5", "0", "-25000", "0", "", "", "0.286", "", "0", "0"},
		{"b", "B", "dropped", "1000000000000000000000", "0", "0", "0", "", "", "", "", "0", "0"},
	}
	if diff := cmp.Diff(want, records); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestFormulaInjectionNeutralised: user text a spreadsheet would run as a
// formula gets a leading apostrophe, in CSV and xlsx; numbers and
// ordinary text are left alone.
func TestFormulaInjectionNeutralised(t *testing.T) {
	cases := map[string]string{
		`=HYPERLINK("http://x","y")`: `'=HYPERLINK("http://x","y")`,
		"+1+2":                       "'+1+2",
		"-2+3":                       "'-2+3",
		"@SUM(A1)":                   "'@SUM(A1)",
		"\tx":                        "'\tx",
		"\rx":                        "'\rx",
		"Plain title":                "Plain title",
		"a=b":                        "a=b",
		"":                           "",
	}
	for in, want := range cases {
		if got := neutralizeFormula(in); got != want {
			t.Errorf("neutralizeFormula(%q) = %q, want %q", in, got, want)
		}
	}

	p := &evaluate.Plan{
		Roadmap:  evaluate.RoadmapInfo{Currency: "EUR", Start: "2027-Q1", Period: "quarter", Horizon: 1},
		Projects: []evaluate.ProjectPlan{{ID: "evil", Title: "=cmd|'/C calc'!A0", Rank: 1, Status: "dropped", NPV: -5}},
	}
	var buf bytes.Buffer
	if err := RenderPlanCSV(&buf, p, "cost-benefit"); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := records[1][1]; got != "'=cmd|'/C calc'!A0" {
		t.Errorf("title cell %q is not neutralised", got)
	}
	if got := records[1][5]; got != "-5" {
		t.Errorf("a negative number %q must stay a number", got)
	}

	buf.Reset()
	if err := RenderPlanXLSX(&buf, p); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, _ := f.GetCellValue("Cost-benefit", "B2")
	if got != "'=cmd|'/C calc'!A0" {
		t.Errorf("xlsx title cell %q is not neutralised", got)
	}
	if formula, _ := f.GetCellFormula("Cost-benefit", "B2"); formula != "" {
		t.Errorf("xlsx cell holds a formula %q", formula)
	}
}

// TestXLSXReadBack: the workbook holds one sheet per table with the same
// cells as the CSV tables (numbers as numbers), a summary, frozen headers,
// currency formats and the Gantt's conditional format.
func TestXLSXReadBack(t *testing.T) {
	p := loadFixture(t, "it2027")
	var buf bytes.Buffer
	if err := RenderPlan(&buf, p, "xlsx", Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	wantSheets := []string{"Summary", "Ranked roadmap", "Cost-benefit", "Capacity", "Cash flows", "Vendors"}
	if diff := cmp.Diff(wantSheets, f.GetSheetList()); diff != "" {
		t.Fatalf("sheets (-want +got):\n%s", diff)
	}
	// The fixture has no systems, choices, together groups or run costs:
	// the workbook leaves those sheets out.
	for i, title := range wantSheets[1:] {
		table := SheetTables()[i]
		var csvBuf bytes.Buffer
		if err := RenderPlanCSV(&csvBuf, p, table); err != nil {
			t.Fatal(err)
		}
		want, err := csv.NewReader(&csvBuf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		// Raw values: numbers as stored, not as formatted.
		got, err := f.GetRows(title, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		s, _ := planSheet(p, table)
		if len(s.footer) > 0 {
			got = got[:len(got)-1] // the footer is the xlsx sheet's own
		}
		// GetRows drops trailing empty cells; pad to the header's width.
		for j := range got {
			for len(got[j]) < len(want[0]) {
				got[j] = append(got[j], "")
			}
		}
		if title == "Capacity" {
			// A Gantt cell out of flight is blank in the workbook.
			for _, r := range want {
				for j := 3; r[0] == "project" && j < len(r); j++ {
					if r[j] == "0" {
						r[j] = ""
					}
				}
			}
		}
		normalizeNumbers(want)
		normalizeNumbers(got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-csv +xlsx):\n%s", title, diff)
		}
		panes, err := f.GetPanes(title)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header not frozen: %+v %v", title, panes, err)
		}
	}

	// The cost column is money in EUR; the ROI column a percentage.
	styleID, _ := f.GetCellStyle("Cost-benefit", "D2")
	style, err := f.GetStyle(styleID)
	if err != nil || style.CustomNumFmt == nil || !strings.Contains(*style.CustomNumFmt, `"EUR"`) {
		t.Errorf("cost cell style: %+v %v", style, err)
	}
	styleID, _ = f.GetCellStyle("Cost-benefit", "I2")
	if style, _ := f.GetStyle(styleID); style.CustomNumFmt == nil || *style.CustomNumFmt != "0.0%" {
		t.Errorf("ROI cell style: %+v", style)
	}
	// The formatted value carries the currency.
	if v, _ := f.GetCellValue("Cost-benefit", "D2"); !strings.HasPrefix(v, "EUR ") {
		t.Errorf("formatted cost %q", v)
	}
	// The footer sums the scheduled projects.
	rows, _ := f.GetRows("Cost-benefit", excelize.Options{RawCellValue: true})
	footer := rows[len(rows)-1]
	if footer[0] != "Portfolio" || footer[3] != strconv.FormatFloat(p.Totals.Cost, 'f', -1, 64) {
		t.Errorf("footer %q, want Portfolio and cost %v", footer, p.Totals.Cost)
	}
	// The Gantt: a conditional format over the project rows.
	formats, err := f.GetConditionalFormats("Capacity")
	if err != nil || len(formats) != 1 {
		t.Fatalf("conditional formats %v %v", formats, err)
	}
	for rng, opts := range formats {
		if !strings.HasPrefix(rng, "D") || len(opts) != 1 || opts[0].Value != "1" {
			t.Errorf("Gantt format %s %+v", rng, opts)
		}
	}
	summary, _ := f.GetRows("Summary")
	if summary[0][0] != "Roadmap" || summary[0][1] != p.Roadmap.Name {
		t.Errorf("summary starts %q", summary[0])
	}
}

// normalizeNumbers rewrites every cell that is a number with 12
// significant digits, so "1e+06" from one reader and "1000000" from
// another compare, and Excel's 15 digits match Go's 17.
func normalizeNumbers(rows [][]string) {
	for _, r := range rows {
		for i, c := range r {
			if v, err := strconv.ParseFloat(c, 64); err == nil && c != "" {
				r[i] = strconv.FormatFloat(v, 'g', 12, 64)
			}
		}
	}
}

// TestXLSXDeterministic: the same plan gives the same bytes.
func TestXLSXDeterministic(t *testing.T) {
	for _, name := range fixturePlans {
		p := loadFixture(t, name)
		var first []byte
		for i := range 5 {
			var buf bytes.Buffer
			if err := RenderPlanXLSX(&buf, p); err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = buf.Bytes()
				continue
			}
			if !bytes.Equal(first, buf.Bytes()) {
				t.Fatalf("%s: run %d wrote other bytes", name, i+1)
			}
		}
		f, err := excelize.OpenReader(bytes.NewReader(first))
		if err != nil {
			t.Fatal(err)
		}
		props, err := f.GetDocProps()
		f.Close()
		if err != nil || props.Created != workbookDate || props.Modified != workbookDate {
			t.Errorf("%s: doc props %+v %v", name, props, err)
		}
	}
}

// TestEveryCSVTextNeutralised: a saved plan is hostile in every string,
// ids, statuses and labels included (review qa15g F2). Every string of
// the example's plan is made to start like a formula; no text field of
// any CSV table may then start like one.
func TestEveryCSVTextNeutralised(t *testing.T) {
	rows := map[string]int{}
	for _, dir := range []string{"../examples/it-department", "../evaluate/testdata/portfolio"} {
		p := evaluatedDir(t, dir)
		// An unknown period or start is refused, not printed.
		period, start := p.Roadmap.Period, p.Roadmap.Start
		prefixStrings(reflect.ValueOf(p).Elem(), `=HYPERLINK("https://x","y")`)
		p.Roadmap.Period, p.Roadmap.Start = period, start
		for _, table := range SheetTables() {
			var buf bytes.Buffer
			if err := RenderPlanCSV(&buf, p, table); err != nil {
				t.Fatalf("%s %s: %v", dir, table, err)
			}
			records, err := csv.NewReader(&buf).ReadAll()
			if err != nil {
				t.Fatalf("%s %s: %v", dir, table, err)
			}
			rows[table] += len(records) - 1
			for r, rec := range records {
				for c, field := range rec {
					if field == "" {
						continue
					}
					if _, err := strconv.ParseFloat(field, 64); err == nil {
						continue
					}
					if strings.ContainsRune("=+-@\t\r", rune(field[0])) {
						t.Errorf("%s %s row %d column %d: %q starts like a formula", dir, table, r, c, field)
					}
				}
			}
		}
	}
	for _, table := range SheetTables() {
		if rows[table] == 0 {
			t.Errorf("%s: no rows checked", table)
		}
	}
}

// evaluatedDir is the plan of the roadmap in dir.
func evaluatedDir(t *testing.T, dir string) *evaluate.Plan {
	t.Helper()
	cfg, diags := hclspec.NewLoader().LoadDir(dir, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatalf("load %s: %s", dir, diags.Error())
	}
	p, diags := evaluate.Evaluate(context.Background(), cfg, evaluate.Options{})
	if diags.HasErrors() {
		t.Fatalf("evaluate %s: %s", dir, diags.Error())
	}
	return p
}

// prefixStrings puts prefix before every string reachable from v.
func prefixStrings(v reflect.Value, prefix string) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(prefix + v.String())
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			prefixStrings(v.Elem(), prefix)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				prefixStrings(v.Field(i), prefix)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			prefixStrings(v.Index(i), prefix)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			prefixStrings(e, prefix)
			v.SetMapIndex(k, e)
		}
	}
}

// TestXLSXColumnsInOrder: every sheet lists its column widths in order,
// without overlaps, as Excel requires (the stream writer writes them as
// excelize lists them, which is not in order by itself).
func TestXLSXColumnsInOrder(t *testing.T) {
	p := loadFixture(t, "it2027")
	var buf bytes.Buffer
	if err := RenderPlanXLSX(&buf, p); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	col := regexp.MustCompile(`<col min="(\d+)" max="(\d+)"`)
	sheets := 0
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		last := 0
		for _, m := range col.FindAllStringSubmatch(string(data), -1) {
			lo, _ := strconv.Atoi(m[1])
			hi, _ := strconv.Atoi(m[2])
			if lo <= last || hi < lo {
				t.Errorf("%s: columns %d-%d after %d", f.Name, lo, hi, last)
			}
			last = hi
		}
		if last > 0 {
			sheets++
		}
	}
	if sheets < 5 {
		t.Errorf("%d sheets with column widths, want every table's", sheets)
	}
}
