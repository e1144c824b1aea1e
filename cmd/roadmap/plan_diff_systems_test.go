package main

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// systemsDiffDir writes two versions of testdata/installed-base into a
// temporary directory, saves v1's plan there as base.json and changes
// into it, so the diff names its sides "base.json" and "v2". v1 is the
// roadmap without system fax; v2 keeps fax (a system nothing replaces),
// moves the ERP's end of support from 2027-Q3 to 2027-Q1 (a gap opens
// though no project moves) and turns the goals around so choice crm takes
// build_crm instead of buy_crm (its system's replacement, go-live and the
// run rate move).
func systemsDiffDir(t *testing.T) string {
	t.Helper()
	src := readFile(t, filepath.Join(installedBaseDir, "roadmap.hcl"))
	i, j := strings.Index(src, `system "fax" {`), strings.Index(src, `project "erp_upgrade" {`)
	if i < 0 || j < i {
		t.Fatal("installed-base no longer declares system fax before erp_upgrade")
	}
	v1 := src[:i] + src[j:]
	v2 := src
	for _, r := range []struct{ block, old, new string }{
		{`system "erp_legacy" {`, `end_of_support = "2027-Q3"`, `end_of_support = "2027-Q1"`},
		{`project "build_crm" {`, `goals    = { grow = 0.5 }`, `goals    = { grow = 1 }`},
		{`project "buy_crm" {`, `goals    = { grow = 0.8 }`, `goals    = { grow = 0.1 }`},
	} {
		v2 = replaceInBlock(t, v2, r.block, r.old, r.new)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"v1/roadmap.hcl": v1, "v2/roadmap.hcl": v2})
	t.Chdir(dir)
	runCLI(t, "plan", "v1", "--out", "base.json").wantExit(t, 0)
	return dir
}

// replaceInBlock replaces old with new inside the block of src that opens
// with header; the test fails when the block or old in it is missing.
func replaceInBlock(t *testing.T, src, header, old, new string) string {
	t.Helper()
	i := strings.Index(src, header)
	if i < 0 {
		t.Fatalf("installed-base has no %s", header)
	}
	end := strings.Index(src[i:], "\n}\n")
	if end < 0 {
		t.Fatalf("%s is not closed", header)
	}
	end += i
	k := strings.Index(src[i:end], old)
	if k < 0 {
		t.Fatalf("%s no longer has %s", header, old)
	}
	k += i
	return src[:k] + new + src[k+len(old):]
}

// The plan diff shows the technology audit, the choices and the run
// rate: v2 shortens the ERP's support (a gap opens though no project
// moves), flips choice crm from buy to build (its system's replacement and
// go-live move; build_crm's build spend on the opex budget defers the data
// platform pair), adds a system nothing replaces, and so adds 52,000 a
// year less run cost (buy_crm's 40,000, data_rollout's 12,000).
func TestPlanDiffSystemsAndChoices(t *testing.T) {
	golden := map[string]string{}
	for _, f := range []string{"table", "markdown", "json"} {
		golden[f] = planDiffGolden(t, "systems."+f)
	}
	for _, f := range []string{"systems", "choices", "run-rate", "run-rate-years"} {
		golden["csv "+f] = planDiffGolden(t, "systems."+f+".csv")
	}
	systemsDiffDir(t)
	for name, path := range golden {
		t.Run(name, func(t *testing.T) {
			format, table, _ := strings.Cut(name, " ")
			args := []string{"plan", "v2", "--compare", "base.json", "--format", format, "--detailed-exitcode"}
			if table != "" {
				args = append(args, "--table", table)
			}
			res := runCLI(t, args...)
			res.wantExit(t, 2)
			assertGolden(t, path, res.Stdout)
		})
	}
}

// A change to a system alone (its end of support two quarters earlier)
// is a change of the plan: exit 2 with --detailed-exitcode, and the
// summary line says a gap opens. Before the audit was part of the diff,
// it read "No changes" and exited 0.
func TestPlanDiffEndOfSupportAloneIsAChange(t *testing.T) {
	dir := systemsDiffDir(t)
	src := readFile(t, filepath.Join(dir, "v1", "roadmap.hcl"))
	moved := replaceInBlock(t, src, `system "erp_legacy" {`, `end_of_support = "2027-Q3"`, `end_of_support = "2027-Q1"`)
	writeFiles(t, dir, map[string]string{"eos/roadmap.hcl": moved})

	res := runCLI(t, "plan", "eos", "--compare", "base.json", "--detailed-exitcode")
	res.wantExit(t, 2)
	want := "Plan: 0 to schedule, 0 to defer, 0 to reschedule, 0 dropped. 1 system gains a support gap. No project changes; systems changed.\n"
	if !strings.HasSuffix(res.Stdout, want) {
		t.Errorf("stdout ends:\n%s\nwant:\n%s", lastLine(res.Stdout), want)
	}
	if !strings.Contains(res.Stdout, "end of support:    2027-Q3 → 2027-Q1") {
		t.Errorf("the end of support change is not shown:\n%s", res.Stdout)
	}

	// The same roadmap against its own plan: no change, exit 0.
	runCLI(t, "plan", "v1", "--compare", "base.json", "--detailed-exitcode").wantExit(t, 0)
}

func lastLine(s string) string {
	s = strings.TrimSuffix(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:] + "\n"
}

// The run rate in a diff workbook: v2's choice drops buy_crm (run cost
// 40,000 a year) and defers data_rollout (12,000), so the workbook has
// the Run rate and Run rate by year sheets, cell for cell their CSV
// tables, and the Summary gives the net change a year.
func TestPlanDiffRunRateWorkbook(t *testing.T) {
	dir := systemsDiffDir(t)
	book := filepath.Join(dir, "diff.xlsx")
	runCLI(t, "plan", "v2", "--compare", "base.json", "--format", "xlsx", "--out", book).wantExit(t, 0)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sheet, table := range map[string]string{"Run rate": "run-rate", "Run rate by year": "run-rate-years"} {
		res := runCLI(t, "plan", "v2", "--compare", "base.json", "--format", "csv", "--table", table)
		res.wantExit(t, 0)
		assertSheetIsCSV(t, f, sheet, res.Stdout)
	}
	summary, err := f.GetRows("Summary", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	got := ""
	for _, r := range summary {
		if len(r) >= 2 && r[0] == "Run costs, net a year, change" {
			got = r[1]
		}
	}
	if got != "-52000" {
		t.Errorf("Summary run costs net change = %q, want -52000", got)
	}

	// A diff whose run rate is the same has no run-rate sheets.
	same := filepath.Join(dir, "same.xlsx")
	runCLI(t, "plan", "v1", "--compare", "base.json", "--format", "xlsx", "--out", same).wantExit(t, 0)
	g, err := excelize.OpenFile(same)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if sheets := g.GetSheetList(); slices.Contains(sheets, "Run rate") || slices.Contains(sheets, "Run rate by year") {
		t.Errorf("no change, yet sheets %v", sheets)
	}
}

// The run rate alone moving is a change of the plan (--detailed-exitcode
// 2): v1 against its own plan saved without a run rate (as by a version
// before it) differs only there, and the summary line says so.
func TestPlanDiffRunRateAloneIsAChange(t *testing.T) {
	dir := systemsDiffDir(t)
	var plan map[string]any
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(dir, "base.json"))), &plan); err != nil {
		t.Fatal(err)
	}
	if _, ok := plan["run_rate"]; !ok {
		t.Fatal("the saved plan has no run_rate to take out")
	}
	delete(plan, "run_rate")
	old, err := json.Marshal(plan)
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"old.json": string(old)})

	res := runCLI(t, "plan", "v1", "--compare", "old.json", "--detailed-exitcode")
	res.wantExit(t, 2)
	want := "Plan: 0 to schedule, 0 to defer, 0 to reschedule, 0 dropped. No project changes; run rate changed.\n"
	if !strings.HasSuffix(res.Stdout, want) {
		t.Errorf("stdout ends:\n%s\nwant:\n%s", lastLine(res.Stdout), want)
	}
	for _, line := range []string{
		"  ~ added              0 → 82,000 (+82,000)",
		"  + 2028               added 53,000; retired -160,000; net -107,000",
	} {
		if !strings.Contains(res.Stdout, line+"\n") {
			t.Errorf("stdout lacks %q:\n%s", line, res.Stdout)
		}
	}
	runCLI(t, "plan", "v1", "--compare", "base.json", "--detailed-exitcode").wantExit(t, 0)
}

// assertSheetIsCSV checks that a workbook's sheet holds, cell for cell,
// the CSV table text (header and at least one row; the sheet's trailing
// empty cells are not stored).
func assertSheetIsCSV(t *testing.T, f *excelize.File, sheet, text string) {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s: %v (sheets %v)", sheet, err, f.GetSheetList())
	}
	records, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) < 2 {
		t.Fatalf("%s: no rows in the CSV", sheet)
	}
	for i := range rows {
		for i < len(records) && len(rows[i]) < len(records[i]) {
			rows[i] = append(rows[i], "")
		}
	}
	if diff := cmp.Diff(records, rows); diff != "" {
		t.Errorf("%s sheet differs from the CSV table (-csv +xlsx):\n%s", sheet, diff)
	}
}
