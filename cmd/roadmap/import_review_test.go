package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// importSheet writes sheet to a file named name and imports it into a
// copy of the example (with its projects), or into a new directory when
// fresh; it returns the result and the directory.
func importSheet(t *testing.T, name, sheet string, fresh bool, args ...string) (cliResult, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(sheet), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "new")
	if !fresh {
		dir = copyExampleWithout(t)
	} else {
		args = append(args, "--start", "2027-Q1")
	}
	return runCLI(t, append([]string{"import", "csv", path, "--out", dir}, args...)...), dir
}

// TestImportConvertsEverySpreadsheetNumber: one rule for every habit —
// thousands separators (commas, points in a decimal-comma file, spaces),
// %, k/M, currency symbols and decimal commas are converted, each one
// reported with its row, column and value; the comma's meaning comes from
// the file's separator (semicolons: Excel with a decimal comma).
func TestImportConvertsEverySpreadsheetNumber(t *testing.T) {
	t.Run("comma-separated", func(t *testing.T) {
		sheet := "id,title,duration,cost.one_time,benefit.per_year,risk.failure,cost.per_year\n" +
			"a,A,2,\"80,000\",120k,15%,€1,200\n" +
			"b,B,2,1.2M,\"1 400 000\",\"0,2\",\"$5,000\"\n"
		res, dir := importSheet(t, "ideas.csv", strings.Replace(sheet, "€1,200", "\"€1,200\"", 1), true)
		res.wantExit(t, 0)
		for _, want := range []string{
			"Imported 2 projects from ",
			"Read 8 numbers written as in a spreadsheet (with a decimal point):",
			`row 2, column D ("cost.one_time"): "80,000" read as 80000`,
			`row 2, column E ("benefit.per_year"): "120k" read as 120000`,
			`row 2, column F ("risk.failure"): "15%" read as 0.15`,
			`row 2, column G ("cost.per_year"): "€1,200" read as 1200`,
			`row 3, column F ("risk.failure"): "0,2" read as 0.2`,
			`row 3, column D ("cost.one_time"): "1.2M" read as 1200000`,
			`row 3, column E ("benefit.per_year"): "1 400 000" read as 1400000`,
			`row 3, column G ("cost.per_year"): "$5,000" read as 5000`,
		} {
			if !strings.Contains(res.Stdout, want) {
				t.Errorf("stdout does not say %q:\n%s", want, res.Stdout)
			}
		}
		hcl := readFile(t, filepath.Join(dir, "ideas.hcl"))
		for _, want := range []string{"one_time = 80000", "per_year = 120000", "failure = 0.15", "per_year = 1200", "failure = 0.2", "one_time = 1200000", "per_year = 1400000"} {
			if !strings.Contains(strings.Join(strings.Fields(hcl), " "), want) {
				t.Errorf("ideas.hcl has no %q:\n%s", want, hcl)
			}
		}
	})
	t.Run("semicolon-separated, BOM and CRLF", func(t *testing.T) {
		sheet := "\ufeffid;title;duration;cost.one_time;benefit.per_year;risk.failure\r\n" +
			"a;A;2;80,000;1.400.000;12,5%\r\n"
		res, dir := importSheet(t, "europe.csv", sheet, true)
		res.wantExit(t, 0)
		for _, want := range []string{
			"Imported 1 project from ",
			"(with a decimal comma)",
			`row 2, column D ("cost.one_time"): "80,000" read as 80`,
			`row 2, column E ("benefit.per_year"): "1.400.000" read as 1400000`,
			`row 2, column F ("risk.failure"): "12,5%" read as 0.125`,
		} {
			if !strings.Contains(res.Stdout, want) {
				t.Errorf("stdout does not say %q:\n%s", want, res.Stdout)
			}
		}
		hcl := strings.Join(strings.Fields(readFile(t, filepath.Join(dir, "europe.hcl"))), " ")
		for _, want := range []string{`project "a"`, "one_time = 80 }", "per_year = 1400000", "failure = 0.125"} {
			if !strings.Contains(hcl, want) {
				t.Errorf("europe.hcl has no %q:\n%s", want, hcl)
			}
		}
	})
}

// TestImportCellErrorsShowTheCell: an error in a CSV cell shows the CSV
// line it is on (not "(source code not available)"); one in a workbook,
// which has no text to show, names the row and column alone. A missing
// required column does not hide the cells' errors, and a bad duration
// is not also "Missing duration".
func TestImportCellErrorsShowTheCell(t *testing.T) {
	res, _ := importSheet(t, "ideas.csv", "id,title,duration,cost\na,A,2,lots\nb,B,x,\"=HYPERLINK(\"\"http://x\"\")\"\n", false)
	res.wantExit(t, 1)
	for _, want := range []string{
		"on ideas.csv line 2, column 7:\n   2: a,A,2,lots\n",
		`Row 2, column D ("cost"): "lots" is not a number.`,
		"on ideas.csv line 3, column 5:\n   3: b,B,x,\"=HYPERLINK(\"\"http://x\"\")\"\n",
		`Row 3, column C ("duration"): "x" is neither a number of periods`,
		`Row 3, column D ("cost"): "=HYPERLINK(\"http://x\")" is a formula`,
	} {
		if !strings.Contains(res.Stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, res.Stderr)
		}
	}
	for _, unwanted := range []string{"source code not available", "Missing duration"} {
		if strings.Contains(res.Stderr, unwanted) {
			t.Errorf("stderr says %q:\n%s", unwanted, res.Stderr)
		}
	}

	t.Run("missing column and bad cells", func(t *testing.T) {
		res, _ := importSheet(t, "ideas.csv", "id,title,cost\na,A,lots\n", false)
		res.wantExit(t, 1)
		for _, want := range []string{"has no duration column", `Row 2, column C ("cost"): "lots" is not a number.`, "Nothing written."} {
			if !strings.Contains(res.Stderr, want) {
				t.Errorf("stderr does not say %q:\n%s", want, res.Stderr)
			}
		}
	})

	t.Run("xlsx", func(t *testing.T) {
		wb := excelize.NewFile()
		for ref, v := range map[string]string{"A1": "id", "B1": "title", "C1": "cost", "D1": "duration", "A2": "a", "B2": "A", "C2": "lots", "D2": "1"} {
			if err := wb.SetCellStr("Sheet1", ref, v); err != nil {
				t.Fatal(err)
			}
		}
		book := filepath.Join(t.TempDir(), "ideas.xlsx")
		if err := wb.SaveAs(book); err != nil {
			t.Fatal(err)
		}
		res := runCLI(t, "import", "xlsx", book, "--out", copyExampleWithout(t))
		res.wantExit(t, 1)
		if !strings.Contains(res.Stderr, "Error: Invalid cell\n\n  on ideas.xlsx [Sheet1] line 2, column 3:\n\n"+`Row 2, column C ("cost"): "lots" is not a number.`) ||
			strings.Contains(res.Stderr, "source code not available") {
			t.Errorf("stderr:\n%s", res.Stderr)
		}
	})
}

// TestVarValueErrorsShowTheValue: a bad --var or ROADMAP_VAR_ value is
// shown as the snippet of its diagnostic, under the flag's name.
func TestVarValueErrorsShowTheValue(t *testing.T) {
	for _, run := range []cliRun{
		{Args: []string{"validate", "--var", "capex=1,400,000", exampleDir}},
		{Args: []string{"validate", exampleDir}, Env: []string{"ROADMAP_VAR_capex=1,400,000"}},
		{Args: []string{"validate", "--var", "capex=lots", exampleDir}},
	} {
		res := run.run(t)
		res.wantExit(t, 1)
		name := "--var capex"
		if run.Env != nil {
			name = "ROADMAP_VAR_capex"
		}
		value := "1,400,000"
		if strings.Contains(strings.Join(run.Args, " "), "lots") {
			value = "lots"
		}
		if !strings.Contains(res.Stderr, "  on "+name+" line 1, column 1:\n   1: "+value+"\n") || strings.Contains(res.Stderr, "source code not available") {
			t.Errorf("%v %v: stderr:\n%s", run.Args, run.Env, res.Stderr)
		}
	}
}

// TestImportJiraExportWithOddEncoding: a Jira export with a byte order
// mark, CRLF line ends, a title holding a quoted line break and quotes,
// and a formula-like cell in a column not imported, is imported; a title
// starting with + is kept as text (exports neutralise it). An estimate
// too small to plan (one hour in a quarter) is an error on its cell, not
// an effort silently rounded to 0.
func TestImportJiraExportWithOddEncoding(t *testing.T) {
	sheet := "\ufeffSummary,Issue key,Issue Type,Labels,Original Estimate,Description\r\n" +
		"\"Multi\r\nline \"\"quoted\"\" title\",IT-1,Story,cut_costs,1872000,\"=HYPERLINK(\"\"http://x\"\")\"\r\n" +
		"+danger,IT-2,Bug,cut_costs,936000,@SUM(1)\r\n"
	res, dir := importSheet(t, "jira.csv", sheet, true, "--team", "platform")
	res.wantExit(t, 0)
	hcl := readFile(t, filepath.Join(dir, "jira.hcl"))
	for _, want := range []string{`project "it_1"`, `title = "Multi\nline \"quoted\" title"`, `title = "+danger"`, "platform = 1\n", "platform = 0.5\n"} {
		if !strings.Contains(hcl, want) {
			t.Errorf("jira.hcl has no %q:\n%s", want, hcl)
		}
	}
	runCLI(t, "validate", dir).wantExit(t, 0)
	export := runCLI(t, "plan", "--format", "csv", dir)
	if !strings.Contains(export.Stdout, ",'+danger,") {
		t.Errorf("the export does not neutralise +danger:\n%s", export.Stdout)
	}

	res, _ = importSheet(t, "jira.csv", "Summary,Issue key,Original Estimate\r\nTiny,IT-3,3600\r\n", false, "--team", "platform")
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, `Row 2, column C ("Original Estimate"): 1 hours of work over 1 periods is 0.0019 FTE, less than 0.01 FTE`) {
		t.Errorf("stderr:\n%s", res.Stderr)
	}
}
