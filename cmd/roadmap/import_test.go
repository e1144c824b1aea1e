package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"
	"github.com/xuri/excelize/v2"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// copyExampleWithout copies the example roadmap to a temporary directory,
// leaving out the named files.
func copyExampleWithout(t *testing.T, leave ...string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(exampleDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || slices.Contains(leave, e.Name()) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(exampleDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func loadProjects(t *testing.T, dir string) []*hclspec.Project {
	t.Helper()
	cfg, diags := hclspec.NewLoader().LoadDir(dir, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatalf("%s: %v", dir, diags)
	}
	return cfg.Projects
}

var ignoreRanges = cmp.Options{
	cmpopts.IgnoreTypes(hcl.Range{}, hclspec.Ranges{}),
	cmpopts.EquateEmpty(),
}

// TestImportRoundTrip: the projects table of the example, imported into
// the example without its projects file, gives the same projects, and
// the same plan. Through CSV and through an xlsx workbook.
func TestImportRoundTrip(t *testing.T) {
	export := runCLI(t, "plan", "--format", "csv", "--table", "projects", exampleDir)
	export.wantExit(t, 0)
	want := loadProjects(t, exampleDir)

	t.Run("csv", func(t *testing.T) {
		dir := copyExampleWithout(t, "projects.hcl")
		sheet := filepath.Join(t.TempDir(), "projects.csv")
		if err := os.WriteFile(sheet, []byte(export.Stdout), 0o644); err != nil {
			t.Fatal(err)
		}
		res := runCLI(t, "import", "csv", sheet, "--out", dir)
		res.wantExit(t, 0)
		if !strings.HasPrefix(res.Stdout, "Imported 10 projects from "+sheet+" into "+filepath.Join(dir, "projects.hcl")) {
			t.Errorf("stdout %q", res.Stdout)
		}
		if diff := cmp.Diff(want, loadProjects(t, dir), ignoreRanges); diff != "" {
			t.Errorf("projects (-example +imported):\n%s", diff)
		}
		// Formatted: fmt --check has nothing to do.
		runCLI(t, "fmt", "--check", dir).wantExit(t, 0)
		// The same table again.
		again := runCLI(t, "plan", "--format", "csv", "--table", "projects", dir)
		if again.Stdout != export.Stdout {
			t.Errorf("the re-exported table differs")
		}
	})

	t.Run("xlsx", func(t *testing.T) {
		dir := copyExampleWithout(t, "projects.hcl")
		wb := excelize.NewFile()
		for r, line := range csvRecords(t, export.Stdout) {
			ref, _ := excelize.CoordinatesToCellName(1, r+1)
			row := make([]any, len(line))
			for i, c := range line {
				row[i] = c
			}
			if err := wb.SetSheetRow("Sheet1", ref, &row); err != nil {
				t.Fatal(err)
			}
		}
		if err := wb.SetSheetName("Sheet1", "Ideas"); err != nil {
			t.Fatal(err)
		}
		book := filepath.Join(t.TempDir(), "ideas.xlsx")
		if err := wb.SaveAs(book); err != nil {
			t.Fatal(err)
		}
		res := runCLI(t, "import", "xlsx", book, "--sheet", "Ideas", "--out", dir)
		res.wantExit(t, 0)
		if diff := cmp.Diff(want, loadProjects(t, filepath.Join(dir)), ignoreRanges); diff != "" {
			t.Errorf("projects (-example +imported):\n%s", diff)
		}
	})
}

func csvRecords(t *testing.T, text string) [][]string {
	t.Helper()
	var rows [][]string
	for _, line := range strings.Split(strings.TrimSpace(text), "\r\n") {
		rows = append(rows, splitCSVLine(line))
	}
	return rows
}

// splitCSVLine splits one CSV record (quotes allowed, no newlines).
func splitCSVLine(line string) []string {
	var out []string
	var cur strings.Builder
	quoted := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '"' && quoted && i+1 < len(line) && line[i+1] == '"':
			cur.WriteByte('"')
			i++
		case c == '"':
			quoted = !quoted
		case c == ',' && !quoted:
			out = append(out, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	return append(out, cur.String())
}

// TestImportExports: a Jira CSV export (repeated Labels columns, estimates
// in seconds, Jira dates) and a GitHub Projects TSV export make a new
// roadmap that validates at once; the files are the golden ones.
func TestImportExports(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"jira", []string{"import", "csv", "testdata/import/jira.csv", "--team", "platform", "--start", "2027-Q1"}},
		{"github-project", []string{"import", "csv", "testdata/import/github-project.tsv", "--map", "Estimate=duration", "--start", "2027-Q1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "roadmap")
			res := runCLI(t, append(c.args, "--out", dir)...)
			res.wantExit(t, 0)
			out := strings.ReplaceAll(res.Stdout+"--- stderr\n"+res.Stderr, dir, "DIR")
			assertGolden(t, filepath.Join("import", c.name+".out"), out)
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				assertGolden(t, filepath.Join("import", c.name+"."+e.Name()), readFile(t, filepath.Join(dir, e.Name())))
			}
			runCLI(t, "validate", dir).wantExit(t, 0)
			runCLI(t, "fmt", "--check", dir).wantExit(t, 0)
		})
	}
}

// TestImportBadCells: every bad cell is reported with its row and column,
// and nothing is written.
func TestImportBadCells(t *testing.T) {
	cases := []struct {
		name, sheet string
		args        []string
		want        []string
	}{
		{"no duration column", "id,title\na,A\n", nil,
			[]string{"Missing required column", "has no duration column"}},
		{"missing duration", "id,title,duration\na,A,2\nb,B,\n", nil,
			[]string{"Missing duration", `Row 3, column C ("duration")`}},
		{"missing column", "Owner,Cost\nAna,5\n", nil,
			[]string{"Missing required column", "has no id or title column (found: Owner, Cost)"}},
		{"formula", "id,title,cost.one_time,duration\na,A,=SUM(B1:B3),1\n", nil,
			[]string{"Formula in a cell", `Row 2, column C ("cost.one_time"): "=SUM(B1:B3)" is a formula`}},
		{"duplicate id", "id,title,duration\na,A,1\nb,B,1\na,Again,1\n", nil,
			[]string{"Duplicate project id", `Row 4, column A ("id"): the id "a" is already used on row 2`}},
		{"bad number", "id,title,benefit.per_year,duration\na,A,lots,1\n", nil,
			[]string{"Invalid cell", `Row 2, column C ("benefit.per_year"): "lots" is not a number.`}},
		{"unknown map attribute", "id,title,Size,duration\na,A,3,1\n", []string{"--map", "Size=durration"},
			[]string{`"durration" is not a project attribute (did you mean "duration"?)`}},
		{"estimate without team", "id,title,Original Estimate\na,A,3600\n", nil,
			[]string{"Estimate without a team", "Row 2, column C"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := copyExampleWithout(t)
			sheet := filepath.Join(t.TempDir(), "ideas.csv")
			if err := os.WriteFile(sheet, []byte(c.sheet), 0o644); err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadDir(dir)
			res := runCLI(t, append([]string{"import", "csv", sheet, "--out", dir}, c.args...)...)
			res.wantExit(t, 1)
			for _, w := range c.want {
				if !strings.Contains(res.Stderr, w) {
					t.Errorf("stderr does not say %q:\n%s", w, res.Stderr)
				}
			}
			after, _ := os.ReadDir(dir)
			if len(after) != len(before) {
				t.Errorf("files written: %d before, %d after", len(before), len(after))
			}
		})
	}
}

// TestImportXLSXFormula: a formula cell of a workbook is refused with its
// row and column.
func TestImportXLSXFormula(t *testing.T) {
	wb := excelize.NewFile()
	for ref, v := range map[string]string{"A1": "id", "B1": "title", "C1": "cost", "D1": "duration", "A2": "a", "B2": "A", "D2": "1"} {
		if err := wb.SetCellStr("Sheet1", ref, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := wb.SetCellFormula("Sheet1", "C2", "1000*12"); err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(t.TempDir(), "ideas.xlsx")
	if err := wb.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	dir := copyExampleWithout(t)
	res := runCLI(t, "import", "xlsx", book, "--out", dir)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, `Row 2, column C ("cost"): the cell holds the formula =1000*12`) {
		t.Errorf("stderr:\n%s", res.Stderr)
	}
}

// TestImportValidatesAgainstRoadmap: projects naming a team the roadmap
// lacks are refused with the loader's diagnostic, and nothing is written;
// an existing file is never overwritten without --force.
func TestImportValidatesAgainstRoadmap(t *testing.T) {
	dir := copyExampleWithout(t)
	sheet := filepath.Join(t.TempDir(), "ideas.csv")
	if err := os.WriteFile(sheet, []byte("title,effort,goals,duration\nNew thing,platfrom=1,cut_costs,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := runCLI(t, "import", "csv", sheet, "--out", dir)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, `there is no team "platfrom"`) || !strings.Contains(res.Stderr, "Nothing written") {
		t.Errorf("stderr:\n%s", res.Stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "ideas.hcl")); err == nil {
		t.Errorf("ideas.hcl written")
	}

	// The example has two budgets, so a project that spends names the one
	// that pays.
	if err := os.WriteFile(sheet, []byte("title,effort,goals,duration,funding\nNew thing,platform=1,cut_costs,2,capex\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runCLI(t, "import", "csv", sheet, "--out", dir).wantExit(t, 0)
	first := readFile(t, filepath.Join(dir, "ideas.hcl"))
	if !strings.Contains(first, `project "new_thing" {`) {
		t.Errorf("ideas.hcl:\n%s", first)
	}
	again := runCLI(t, "import", "csv", sheet, "--out", dir)
	again.wantExit(t, 1)
	if !strings.Contains(again.Stderr, "exists: import never overwrites a file without --force") {
		t.Errorf("stderr:\n%s", again.Stderr)
	}
	// With --force the file is replaced; the projects would clash with
	// themselves otherwise, so the old file is not part of the check.
	runCLI(t, "import", "csv", sheet, "--out", dir, "--file", "more.hcl").wantExit(t, 1) // duplicate project id
}
