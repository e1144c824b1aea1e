package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestPlanCSVTables: plan --format csv prints each table of the example;
// the output is the golden file and the default table is ranked.
func TestPlanCSVTables(t *testing.T) {
	for _, table := range []string{"ranked", "cost-benefit", "capacity", "cash-flows", "vendors"} {
		t.Run(table, func(t *testing.T) {
			res := runCLI(t, "plan", "--format", "csv", "--table", table, exampleDir)
			res.wantExit(t, 0)
			if res.Stderr != "" {
				t.Errorf("stderr: %s", res.Stderr)
			}
			assertGolden(t, filepath.Join("plan", "it-department."+table+".csv"), res.Stdout)
		})
	}
	def := runCLI(t, "plan", "--format", "csv", exampleDir)
	def.wantExit(t, 0)
	if want := readFile(t, filepath.Join("testdata", "plan", "it-department.ranked.csv")); def.Stdout != want {
		t.Errorf("--format csv without --table is not the ranked table")
	}
}

// TestShowCSVMatchesPlan: show of a saved plan prints the same CSV as plan.
func TestShowCSVMatchesPlan(t *testing.T) {
	saved := filepath.Join(t.TempDir(), "plan.json")
	runCLI(t, "plan", "--out", saved, "--format", "json", exampleDir).wantExit(t, 0)
	for _, table := range []string{"ranked", "capacity"} {
		planned := runCLI(t, "plan", "--format", "csv", "--table", table, exampleDir)
		shown := runCLI(t, "show", "--format", "csv", "--table", table, saved)
		shown.wantExit(t, 0)
		if planned.Stdout != shown.Stdout {
			t.Errorf("%s: show differs from plan", table)
		}
	}
}

// TestPlanXLSX: --out names the workbook, which reads back with a sheet
// per table; two runs give the same bytes; show writes the same workbook.
func TestPlanXLSX(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx")
	runCLI(t, "plan", "--format", "xlsx", "--out", first, exampleDir).wantExit(t, 0)
	runCLI(t, "plan", "--format", "xlsx", "--out", second, exampleDir).wantExit(t, 0)
	a, b := readFile(t, first), readFile(t, second)
	if a != b {
		t.Fatal("two runs wrote different workbooks")
	}
	f, err := excelize.OpenFile(first)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Summary,Ranked roadmap,Cost-benefit,Capacity,Cash flows,Vendors,Technology audit,Run rate,Run rate by year" {
		t.Errorf("sheets %s", got)
	}
	if v, _ := f.GetCellValue("Ranked roadmap", "B2"); v != "nis2_compliance" {
		t.Errorf("first ranked project %q", v)
	}
	// Piped to stdout (not a terminal), the bytes are the same.
	piped := runCLI(t, "plan", "--format", "xlsx", exampleDir)
	piped.wantExit(t, 0)
	if piped.Stdout != a {
		t.Errorf("the workbook on stdout differs from --out")
	}
	saved := filepath.Join(dir, "plan.json")
	runCLI(t, "plan", "--out", saved, "--format", "json", exampleDir).wantExit(t, 0)
	shown := filepath.Join(dir, "shown.xlsx")
	runCLI(t, "show", "--format", "xlsx", "--out", shown, saved).wantExit(t, 0)
	if readFile(t, shown) != a {
		t.Errorf("show wrote another workbook than plan")
	}
}

// TestSpreadsheetFlagErrors: flags that do not fit are refused before any
// evaluation, with a message saying what to do, and no file is written.
func TestSpreadsheetFlagErrors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name string
		run  cliRun
		want string
	}{
		{"table without csv", cliRun{Args: []string{"plan", "--table", "ranked", exampleDir}}, "--table chooses the table of --format csv"},
		{"unknown table", cliRun{Args: []string{"plan", "--format", "csv", "--table", "gantt", exampleDir}}, `unknown --table "gantt": use one of ranked, cost-benefit, capacity, cash-flows, vendors`},
		{"xlsx --out json", cliRun{Args: []string{"plan", "--format", "xlsx", "--out", filepath.Join(dir, "plan.json"), exampleDir}}, "give it the .xlsx extension"},
		{"xlsx to a terminal", cliRun{Args: []string{"plan", "--format", "xlsx", exampleDir}, OutIsTerminal: true}, "name it with --out FILE.xlsx or redirect standard output"},
		{"show xlsx to a terminal", cliRun{Args: []string{"show", "--format", "xlsx", savedPlan}, OutIsTerminal: true}, "name it with --out FILE.xlsx"},
		{"csv diff table", cliRun{Args: []string{"plan", "--format", "csv", "--table", "ranked", "--compare", savedPlan, exampleDir}}, `unknown --table "ranked" for a plan diff: use one of projects, totals`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := c.run.run(t)
			res.wantExit(t, 1)
			if !strings.Contains(res.Stderr, c.want) {
				t.Errorf("stderr %q does not say %q", res.Stderr, c.want)
			}
			if res.Stdout != "" {
				t.Errorf("stdout %q", res.Stdout)
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}

// TestShowOutWritesFile: show --out writes the rendering to a file.
func TestShowOutWritesFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ranked.csv")
	res := runCLI(t, "show", "--format", "csv", "--out", out, savedPlan)
	res.wantExit(t, 0)
	if res.Stdout != "" {
		t.Errorf("stdout %q", res.Stdout)
	}
	direct := runCLI(t, "show", "--format", "csv", savedPlan)
	if got := readFile(t, out); !bytes.Equal([]byte(got), []byte(direct.Stdout)) || !strings.HasPrefix(got, "rank,id,title") {
		t.Errorf("file %q", got)
	}
}

// TestSimulateSpreadsheets: simulate --format csv prints each table (the
// projects table is the golden file) and --format xlsx a workbook with a
// sheet per table whose cells match the CSV; the same seed gives the same
// bytes.
func TestSimulateSpreadsheets(t *testing.T) {
	const ranges = "../../examples/it-department-ranges"
	res := runCLI(t, "simulate", "--runs", "200", "--seed", "3", "--format", "csv", ranges)
	if res.Code > 1 {
		t.Fatalf("exit %d: %s", res.Code, res.Stderr)
	}
	assertGolden(t, filepath.Join("simulate", "it-department-ranges.projects.csv"), res.Stdout)
	for _, table := range []string{"portfolio", "budgets", "teams", "estimates"} {
		r := runCLI(t, "simulate", "--runs", "200", "--seed", "3", "--format", "csv", "--table", table, ranges)
		if r.Code > 1 || !strings.Contains(r.Stdout, "\r\n") {
			t.Errorf("%s: exit %d, %q", table, r.Code, r.Stdout)
		}
	}
	a := runCLI(t, "simulate", "--runs", "200", "--seed", "3", "--format", "xlsx", ranges)
	b := runCLI(t, "simulate", "--runs", "200", "--seed", "3", "--format", "xlsx", ranges)
	if a.Stdout != b.Stdout {
		t.Fatal("the same seed wrote different workbooks")
	}
	f, err := excelize.OpenReader(strings.NewReader(a.Stdout))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Summary,Projects,Portfolio,Budgets,Teams,Estimates" {
		t.Errorf("sheets %s", got)
	}
	rows, _ := f.GetRows("Projects")
	if len(rows) < 2 || rows[1][1] != strings.Split(strings.Split(res.Stdout, "\r\n")[1], ",")[1] {
		t.Errorf("first project differs from the CSV: %v", rows[:min(2, len(rows))])
	}
	bad := runCLI(t, "simulate", "--format", "json", "--table", "teams", ranges)
	bad.wantExit(t, 1)
	if !strings.Contains(bad.Stderr, "--table chooses the table of --format csv") {
		t.Errorf("stderr %q", bad.Stderr)
	}
}

// TestPlanDiffWorkbook: plan --compare --format xlsx --out F writes the
// diff as a workbook — a summary, a Projects sheet with each changed
// project's status, start and score before and after, and the totals —
// read back here cell by cell against the CSV tables of the same diff.
func TestPlanDiffWorkbook(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "base.json")
	runCLI(t, "plan", "--var", "capex=800000", "--out", base, exampleDir).wantExit(t, 0)

	book := filepath.Join(dir, "diff.xlsx")
	res := runCLI(t, "plan", "--compare", base, "--format", "xlsx", "--out", book, exampleDir)
	res.wantExit(t, 0)
	if res.Stdout != "" {
		t.Errorf("stdout: %q", res.Stdout)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Contains(got, "Projects") || !slices.Contains(got, "Totals") || got[0] != "Summary" {
		t.Fatalf("sheets %v", got)
	}
	for sheet, table := range map[string]string{"Projects": "projects", "Totals": "totals", "Team load": "teams"} {
		csvRes := runCLI(t, "plan", "--compare", base, "--format", "csv", "--table", table, exampleDir)
		csvRes.wantExit(t, 0)
		assertSheetIsCSV(t, f, sheet, csvRes.Stdout)
	}
	rows, _ := f.GetRows("Projects", excelize.Options{RawCellValue: true})
	header := rows[0]
	col := func(name string) int { return slices.Index(header, name) }
	found := false
	for _, r := range rows[1:] {
		if r[0] == "c_customer_portal" {
			found = true
			if r[col("status_before")] != "scheduled" || r[col("start_before")] != "2027-Q3" || r[col("start_after")] != "2027-Q1" ||
				r[col("score_before")] == "" || r[col("score_after")] == "" || r[col("score_before")] == r[col("score_after")] {
				t.Errorf("c_customer_portal row: %v", r)
			}
		}
	}
	if !found {
		t.Errorf("no row for c_customer_portal: %v", rows)
	}
	totals, _ := f.GetRows("Totals", excelize.Options{RawCellValue: true})
	if len(totals) != 4 || totals[1][0] != "before" || totals[2][0] != "after" || totals[3][0] != "change" {
		t.Errorf("totals: %v", totals)
	}

	again := filepath.Join(dir, "again.xlsx")
	runCLI(t, "plan", "--compare", base, "--format", "xlsx", "--out", again, exampleDir).wantExit(t, 0)
	if readFile(t, book) != readFile(t, again) {
		t.Error("the same diff gave two different workbooks")
	}
	bad := runCLI(t, "plan", "--compare", base, "--format", "xlsx", "--out", filepath.Join(dir, "diff.json"), exampleDir)
	bad.wantExit(t, 1)
	if !strings.Contains(bad.Stderr, "give it the .xlsx extension") {
		t.Errorf("stderr: %s", bad.Stderr)
	}
	bad = cliRun{Args: []string{"plan", "--compare", base, "--format", "xlsx", exampleDir}, OutIsTerminal: true}.run(t)
	bad.wantExit(t, 1)
	if !strings.Contains(bad.Stderr, "writes a binary file") {
		t.Errorf("stderr: %s", bad.Stderr)
	}
}

// TestSheetsNeutraliseCategories: a vendor category is text from the
// roadmap's files, so a leading @ (or =, +, -) gets the apostrophe in CSV
// and xlsx like titles do.
func TestSheetsNeutraliseCategories(t *testing.T) {
	dir := starterWith(t, `category = "backup"`, `category = "@backup"`, `category      = "backup"`, `category      = "@backup"`)
	res := runCLI(t, "plan", "--format", "csv", "--table", "vendors", dir)
	res.wantExit(t, 0)
	if !strings.Contains(res.Stdout, ",'@backup,") {
		t.Errorf("the category is not neutralised:\n%s", res.Stdout)
	}
}
