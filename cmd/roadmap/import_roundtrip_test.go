package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// roundTripDir is a living roadmap whose projects file holds every
// project attribute, a choice and comments (review qa18 Q18-14).
const roundTripDir = "testdata/roundtrip"

// copyRoundTrip copies the files of dir into a new temporary directory.
func copyRoundTrip(t *testing.T, dir string) string {
	t.Helper()
	out := t.TempDir()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		writeFiles(t, out, map[string]string{e.Name(): readFile(t, filepath.Join(dir, e.Name()))})
	}
	return out
}

// roundTripPlan is the plan of dir as JSON values, dir's name taken out.
func roundTripPlan(t *testing.T, dir string) any {
	t.Helper()
	res := runCLI(t, "plan", "--format", "json", dir)
	if res.Code > 1 {
		res.wantExit(t, 0)
	}
	var v any
	if err := json.Unmarshal([]byte(strings.ReplaceAll(res.Stdout, dir, "DIR")), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestImportRoundTripKeepsEverything: the projects table carries status,
// started, finished, progress, together, run_funding, excluded, a split
// funding and ranges; imported back with --force into the file it came
// from, the file is unchanged (the choice and the comments are kept, no
// default is written) and the plan is the same.
func TestImportRoundTripKeepsEverything(t *testing.T) {
	export := runCLI(t, "plan", "--format", "csv", "--table", "projects", roundTripDir)
	export.wantExit(t, 0)
	assertGolden(t, "roundtrip.projects.csv", export.Stdout)

	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			dir := copyRoundTrip(t, roundTripDir)
			sheet := writeSheet(t, format, export.Stdout, nil)
			res := runCLI(t, "import", format, sheet, "--out", dir, "--file", "projects.hcl", "--force")
			res.wantExit(t, 0)
			if want := "Updated " + filepath.Join(dir, "projects.hcl") + " in place: 0 changed, 0 added, 0 removed;"; !strings.Contains(res.Stdout, want) {
				t.Errorf("stdout lacks %q:\n%s", want, res.Stdout)
			}
			if res.Stderr != "" {
				t.Errorf("stderr: %s", res.Stderr)
			}
			if diff := cmp.Diff(readFile(t, filepath.Join(roundTripDir, "projects.hcl")), readFile(t, filepath.Join(dir, "projects.hcl"))); diff != "" {
				t.Errorf("projects.hcl changed (-before +after):\n%s", diff)
			}
			if diff := cmp.Diff(roundTripPlan(t, copyRoundTrip(t, roundTripDir)), roundTripPlan(t, dir)); diff != "" {
				t.Errorf("plan changed (-before +after):\n%s", diff)
			}
		})
	}
}

// TestImportIntoAnotherFile: rows declared in another file are refused,
// with a hint naming the file to import them into.
func TestImportIntoAnotherFile(t *testing.T) {
	export := runCLI(t, "plan", "--format", "csv", "--table", "projects", roundTripDir)
	dir := copyRoundTrip(t, roundTripDir)
	res := runCLI(t, "import", "csv", writeSheet(t, "csv", export.Stdout, nil), "--out", dir, "--file", "other.hcl")
	res.wantExit(t, 1)
	want := "The sheet's a, b, c, d are already declared in " + filepath.Join(dir, "projects.hcl") + ": import updates the projects of one file in place (--file NAME --force); import each file's rows into it.\n"
	if !strings.HasSuffix(res.Stderr, want) {
		t.Errorf("stderr ends %q, want %q", res.Stderr[max(0, len(res.Stderr)-300):], want)
	}
}

// TestImportRoundTripEdited: edited cells are written, an emptied cell
// removes its attribute, a new row is appended and a deleted row's block
// removed (and said); the rest of the file stays as written.
func TestImportRoundTripEdited(t *testing.T) {
	export := runCLI(t, "plan", "--format", "csv", "--table", "projects", roundTripDir)
	export.wantExit(t, 0)
	dir := copyRoundTrip(t, roundTripDir)
	sheet := writeSheet(t, "csv", export.Stdout, func(h []string, rows [][]string) [][]string {
		set := func(id, col, v string) {
			for _, r := range rows {
				if r[0] == id {
					r[slices.Index(h, col)] = v
				}
			}
		}
		set("a", "progress.spent", "100000")
		set("a", "title", "Alpha two")
		set("c", "excluded", "")
		set("c", "risk.failure", "")
		rows = slices.DeleteFunc(rows, func(r []string) bool { return r[0] == "d" })
		e := make([]string, len(h))
		e[0] = "e"
		e[slices.Index(h, "duration")] = "1"
		e[slices.Index(h, "status")] = "committed"
		e[slices.Index(h, "funding")] = "capex"
		return append(rows, e)
	})
	res := runCLI(t, "import", "csv", sheet, "--out", dir, "--file", "projects.hcl", "--force")
	res.wantExit(t, 0)
	if want := "in place: 2 changed (a, c), 1 added (e), 1 removed (d);"; !strings.Contains(res.Stdout, want) {
		t.Errorf("stdout lacks %q:\n%s", want, res.Stdout)
	}
	assertGolden(t, "roundtrip.edited.hcl", readFile(t, filepath.Join(dir, "projects.hcl")))
}

// writeSheet writes the CSV text as a file of format, edited by edit
// (header, rows) when given.
func writeSheet(t *testing.T, format, text string, edit func([]string, [][]string) [][]string) string {
	t.Helper()
	records, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		records = append(records[:1], edit(records[0], records[1:])...)
	}
	path := filepath.Join(t.TempDir(), "projects."+format)
	if format == "csv" {
		var b strings.Builder
		w := csv.NewWriter(&b)
		if err := w.WriteAll(records); err != nil {
			t.Fatal(err)
		}
		writeFiles(t, filepath.Dir(path), map[string]string{filepath.Base(path): b.String()})
		return path
	}
	wb := excelize.NewFile()
	for r, line := range records {
		ref, _ := excelize.CoordinatesToCellName(1, r+1)
		row := make([]any, len(line))
		for i, c := range line {
			row[i] = c
		}
		if err := wb.SetSheetRow("Sheet1", ref, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := wb.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}
