package main

import (
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// installedBaseDir has systems (one replaced in time, one by the option
// a choice takes, one with no replacement; a title a spreadsheet would
// run as a formula), a choice, a together group and run costs on an opex
// budget. The plan's audit tables, the checks and console tests read it;
// the plan diff tests derive their two versions from it
// (systemsDiffDir).
var installedBaseDir = filepath.Join("testdata", "installed-base")

// auditTables are the plan's tables of the technology audit, choices and
// together groups, and the run rate, with their workbook sheets.
var auditTables = []struct{ table, sheet string }{
	{"systems", "Technology audit"},
	{"choices", "Choices"},
	{"together", "Together groups"},
	{"run-rate", "Run rate"},
	{"run-rate-years", "Run rate by year"},
}

// TestPlanCSVAuditTables: plan --format csv --table systems|choices|
// together|run-rate|run-rate-years print what the other formats' sections
// show; text from the roadmap that starts like a formula is escaped.
func TestPlanCSVAuditTables(t *testing.T) {
	for _, tt := range auditTables {
		t.Run(tt.table, func(t *testing.T) {
			res := runCLI(t, "plan", "--format", "csv", "--table", tt.table, installedBaseDir)
			res.wantExit(t, 0)
			assertGolden(t, filepath.Join("plan", "audit-sheets."+tt.table+".csv"), res.Stdout)
		})
	}
	res := runCLI(t, "plan", "--format", "csv", "--table", "systems", installedBaseDir)
	if !strings.Contains(res.Stdout, `"'=HYPERLINK(`) {
		t.Errorf("a title starting with = is not escaped:\n%s", res.Stdout)
	}
}

// TestPlanWorkbookAuditSheets: the workbook has a sheet per table of the
// audit, the choices and the run rate, cell for cell the CSV table, and
// its Summary counts the systems with a gap and the run rate.
func TestPlanWorkbookAuditSheets(t *testing.T) {
	book := filepath.Join(t.TempDir(), "plan.xlsx")
	runCLI(t, "plan", "--format", "xlsx", "--out", book, installedBaseDir).wantExit(t, 0)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := "Summary,Ranked roadmap,Cost-benefit,Capacity,Cash flows,Vendors,Technology audit,Choices,Together groups,Run rate,Run rate by year"
	if got := strings.Join(f.GetSheetList(), ","); got != want {
		t.Errorf("sheets %s\nwant   %s", got, want)
	}
	for _, tt := range auditTables {
		rows, err := f.GetRows(tt.sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		res := runCLI(t, "plan", "--format", "csv", "--table", tt.table, installedBaseDir)
		records, err := csv.NewReader(strings.NewReader(res.Stdout)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(records) < 2 {
			t.Fatalf("%s: no rows in the CSV", tt.table)
		}
		// The run rate's sheet ends with its net: a footer the CSV
		// leaves out.
		if tt.table == "run-rate" && len(rows) == len(records)+1 {
			if rows[len(rows)-1][0] != "net" {
				t.Errorf("run rate footer %v", rows[len(rows)-1])
			}
			rows = rows[:len(records)]
		}
		if len(rows) != len(records) {
			t.Fatalf("%s: %d rows in the sheet, %d in the CSV:\n%v\n%v", tt.sheet, len(rows), len(records), rows, records)
		}
		for i := range records {
			for len(rows[i]) < len(records[i]) {
				rows[i] = append(rows[i], "")
			}
		}
		if diff := cmp.Diff(records, rows); diff != "" {
			t.Errorf("%s sheet differs from the CSV table (-csv +xlsx):\n%s", tt.sheet, diff)
		}
	}
	summary, err := f.GetRows("Summary", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range summary {
		if len(r) >= 2 {
			got[r[0]] = r[1]
		}
	}
	for key, value := range map[string]string{
		"Systems": "3", "Systems with a gap in support": "1",
		"Run costs added a year": "82000", "Run costs retired a year": "200000", "Run costs, net a year": "-118000",
	} {
		if got[key] != value {
			t.Errorf("Summary %q = %q, want %q", key, got[key], value)
		}
	}
}
