package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// starterWith copies examples/starter into a new directory with
// projects.hcl changed by edit (old -> new, each exactly once).
func starterWith(t *testing.T, edits ...string) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("..", "..", "examples", "starter")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data := readFile(t, filepath.Join(src, e.Name()))
		if e.Name() == "projects.hcl" {
			for i := 0; i+1 < len(edits); i += 2 {
				if strings.Count(data, edits[i]) != 1 {
					t.Fatalf("%q occurs %d times in projects.hcl", edits[i], strings.Count(data, edits[i]))
				}
				data = strings.Replace(data, edits[i], edits[i+1], 1)
			}
		}
		writeFiles(t, dir, map[string]string{e.Name(): data})
	}
	return dir
}

type jsonDiagnostic struct {
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Detail   string `json:"detail"`
	Range    *struct {
		Filename string `json:"filename"`
		Start    struct {
			Line   int `json:"line"`
			Column int `json:"column"`
		} `json:"start"`
	} `json:"range"`
}

// validateDiagnostics runs validate --json on dir and returns its diagnostics.
func validateDiagnostics(t *testing.T, dir string) []jsonDiagnostic {
	t.Helper()
	res := runCLI(t, "validate", "--json", dir)
	var rep struct {
		Diagnostics []jsonDiagnostic `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &rep); err != nil {
		t.Fatalf("validate --json: %v\n%s\n%s", err, res.Stdout, res.Stderr)
	}
	return rep.Diagnostics
}

// TestOneErrorPerMistake: a spreadsheet number or a missing brace gives
// exactly one diagnostic, at the mistake's file, line and column, saying
// what to write; none of the errors that used to follow it (the value
// read out of range, the next block "not expected here").
func TestOneErrorPerMistake(t *testing.T) {
	tests := []struct {
		name      string
		edits     []string
		summary   string
		line, col int
		advice    string
	}{
		{"percent", []string{"failure    = 0.1\n", "failure    = 15%\n"},
			"Number written as in a spreadsheet", 40, 18, "Write 0.15 instead of 15%"},
		{"currency in a one-line block", []string{"cost { one_time = 50000 }", "cost { one_time = €50000 }"},
			"Number written as in a spreadsheet", 33, 21, "Write 50000 instead of €50000"},
		{"percent in a one-line block", []string{"risk { failure = 0.05 }", "risk { failure = 5% }"},
			"Number written as in a spreadsheet", 57, 20, "Write 0.05 instead of 5%"},
		{"thousands in a one-line block", []string{"benefit { per_year = 30000 }", "benefit { per_year = 30,000 }"},
			"Number written as in a spreadsheet", 56, 24, "Write 30000"},
		{"one-line block without }", []string{"cost { one_time = 50000 }", "cost { one_time = 50000"},
			"Unclosed configuration block", 33, 8, "cost { one_time = 50000 }"},
		{"last one-line block without }", []string{"risk { failure = 0.05 }", "risk { failure = 0.05"},
			"Unclosed configuration block", 57, 8, "End the line with }: risk { failure = 0.05 }."},
		{"one-line object without }", []string{"goals       = { cut_costs = 0.6 }", "goals       = { cut_costs = 0.6"},
			"Unclosed configuration block", 26, 17, "The goals object is written on one line but not closed on it. End the line with }: goals       = { cut_costs = 0.6 }."},
		{"nested block without }", []string{"    years        = 3\n  }\n", "    years        = 3\n\n"},
			"Unclosed configuration block", 34, 11, "before line 39"},
		{"top-level block without }", []string{"  scores   = { features = 4, support = 3 }\n}\n", "  scores   = { features = 4, support = 3 }\n\n"},
			"Unclosed configuration block", 4, 22, "before line 15"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := starterWith(t, tt.edits...)
			diags := validateDiagnostics(t, dir)
			if len(diags) != 1 {
				t.Fatalf("want 1 diagnostic, got %d: %+v", len(diags), diags)
			}
			d := diags[0]
			if d.Summary != tt.summary || d.Range == nil || filepath.Base(d.Range.Filename) != "projects.hcl" ||
				d.Range.Start.Line != tt.line || d.Range.Start.Column != tt.col || !strings.Contains(d.Detail, tt.advice) {
				t.Errorf("got %+v %+v, want %q at projects.hcl:%d:%d saying %q", d, d.Range, tt.summary, tt.line, tt.col, tt.advice)
			}
		})
	}
}
