package hclspec

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// habitRoadmap is a valid roadmap with one attribute value left open.
const habitRoadmap = `roadmap {
  name  = "x"
  start = "2027-Q1"
}

variable "capex" {
  type    = number
  default = 1
}

team "t" {
  capacity     = 4
  cost_per_fte = 1000
}

budget "b" {
  amount = 5000000
}

project "p" {
  title    = "P"
  duration = 2
  effort   = { t = %s }
  cost {
    one_time = %s
  }
}
`

func loadHabit(t *testing.T, effort, oneTime string, opts LoadOptions) hcl.Diagnostics {
	t.Helper()
	src := fmt.Sprintf(habitRoadmap, effort, oneTime)
	_, diags := NewLoader().LoadSources("r", map[string][]byte{"r.hcl": []byte(src)}, opts)
	return diags
}

// TestSpreadsheetHabits: each way a spreadsheet shows a number gets one
// error on the value, saying exactly what to write.
func TestSpreadsheetHabits(t *testing.T) {
	cases := []struct {
		oneTime, want string
	}{
		{"1,400,000", "Write 1400000 instead of 1,400,000: numbers in roadmap files are plain, with no thousands separators."},
		{"1,400,000.50", "Write 1400000.5 instead of 1,400,000.50"},
		{"1.400.000", "Write 1400000 instead of 1.400.000"},
		{"150%", "Write 1.5 instead of 150%: numbers in roadmap files are plain, with ratios as fractions (15% is 0.15)."},
		{"15%", "Write 0.15 instead of 15%"},
		{"120k", `Write 120000 instead of 120k: numbers in roadmap files are plain, with no "k" suffix.`},
		{"1.2M", "Write 1200000 instead of 1.2M"},
		{"3bn", "Write 3000000000 instead of 3bn"},
		{"€1,200", "Write 1200 (or 1.2 if the comma is a decimal comma) instead of €1,200: numbers in roadmap files are plain, with no thousands separators, no currency symbol (amounts are in the roadmap's currency)."},
		{"$5", "Write 5 instead of $5"},
		{"£2.5M", "Write 2500000 instead of £2.5M"},
		{"1200€", "Write 1200 instead of 1200€"},
		{"1,5", "Write 1.5 instead of 1,5: numbers in roadmap files are plain, with a decimal point, not a comma."},
		{"12,75", "Write 12.75 instead of 12,75"},
		{`"120k"`, `a number is required. Write 120000, without quotes, instead of "120k".`},
		{`"1,400,000"`, `Write 1400000, without quotes, instead of "1,400,000".`},
		{`"15%"`, `Write 0.15, without quotes, instead of "15%".`},
	}
	for _, c := range cases {
		t.Run(c.oneTime, func(t *testing.T) {
			diags := loadHabit(t, "1", c.oneTime, LoadOptions{})
			if len(diags) != 1 {
				t.Fatalf("want 1 diagnostic, got %d:\n%s", len(diags), formatDiagnostics("", diags))
			}
			d := diags[0]
			if !strings.Contains(d.Detail, c.want) {
				t.Errorf("detail %q\ndoes not say %q", d.Detail, c.want)
			}
			if d.Subject == nil || d.Subject.Start.Line != 25 {
				t.Errorf("subject %v, want line 25", d.Subject)
			}
			// The subject is the value as written.
			if !strings.HasPrefix(c.oneTime, `"`) {
				src := fmt.Sprintf(habitRoadmap, "1", c.oneTime)
				if got := src[d.Subject.Start.Byte:d.Subject.End.Byte]; got != c.oneTime {
					t.Errorf("subject covers %q, want %q", got, c.oneTime)
				}
			}
		})
	}
}

// TestSpreadsheetHabitsInMaps: a decimal comma inside a map, and a quoted
// number in a map of numbers.
func TestSpreadsheetHabitsInMaps(t *testing.T) {
	for effort, want := range map[string]string{
		"1,5":   "Write 1.5 instead of 1,5",
		`"1,5"`: `Write 1.5, without quotes, instead of "1,5".`,
	} {
		diags := loadHabit(t, effort, "1000", LoadOptions{})
		if len(diags) != 1 || !strings.Contains(diags[0].Detail, want) {
			t.Errorf("effort %s: %s", effort, formatDiagnostics("", diags))
		}
	}
}

// TestNoHabitsInValidHCL: commas in lists and calls, the modulo operator,
// exponents and text in strings are left alone.
func TestNoHabitsInValidHCL(t *testing.T) {
	for _, oneTime := range []string{"max(1,400)", "[1,400][1]", "10 % 3", "1e6", "length([1,400]) + 1.5", "0.5 * 4"} {
		if diags := loadHabit(t, "1", oneTime, LoadOptions{}); len(diags) != 0 {
			t.Errorf("%s: %s", oneTime, formatDiagnostics("", diags))
		}
	}
	if got := SpreadsheetHabits([]byte("# costs 1,400,000\na = \"1,400\"\nb = <<EOT\n15%\nEOT\n"), "x.hcl", hcl.InitialPos); len(got) != 0 {
		t.Errorf("comments, strings and heredocs: %v", got)
	}
}

// TestSpreadsheetHabitsInVars: --var, ROADMAP_VAR_ and var files.
func TestSpreadsheetHabitsInVars(t *testing.T) {
	cases := []struct {
		name string
		opts LoadOptions
		want string
	}{
		{"--var", LoadOptions{Vars: []string{"capex=1,400,000"}}, "Give capex=1400000 instead of capex=1,400,000: numbers are plain, with no thousands separators."},
		{"--var percent", LoadOptions{Vars: []string{"capex=15%"}}, "Give capex=0.15 instead of capex=15%"},
		{"--var currency", LoadOptions{Vars: []string{"capex=€1.2M"}}, "Give capex=1200000 instead of capex=€1.2M"},
		{"env", LoadOptions{Env: []string{"ROADMAP_VAR_capex=120k"}}, "Give capex=120000"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			diags := loadHabit(t, "1", "var.capex", c.opts)
			if len(diags) != 1 || !strings.Contains(diags[0].Detail, c.want) || diags[0].Summary != habitSummary {
				t.Errorf("%s", formatDiagnostics("", diags))
			}
		})
	}
	dir := t.TempDir()
	varFile := filepath.Join(dir, "prod.vars.hcl")
	if err := os.WriteFile(varFile, []byte("capex = 1,400,000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	diags := loadHabit(t, "1", "var.capex", LoadOptions{VarFiles: []string{varFile}})
	if len(diags) != 1 || !strings.Contains(diags[0].Detail, "Write 1400000 instead of 1,400,000") {
		t.Errorf("var file: %s", formatDiagnostics("", diags))
	}
	diags = loadHabit(t, "1", "var.capex", LoadOptions{Vars: []string{`capex="2,5"`}})
	if len(diags) != 1 || !strings.Contains(diags[0].Detail, `Write 2.5, without quotes, instead of "2,5".`) {
		t.Errorf("quoted --var: %s", formatDiagnostics("", diags))
	}
}

// TestReadSpreadsheetNumber: the plain number a string stands for.
func TestReadSpreadsheetNumber(t *testing.T) {
	got := map[string]string{}
	for _, s := range []string{"1,400,000", "150%", "120k", "1.2M", "€1,200", "$5", "1,5", "1400000", "lots", "1,2,3x", "", "-5"} {
		v, _, ok := ReadSpreadsheetNumber(s)
		if ok {
			got[s] = v
		}
	}
	want := map[string]string{"1,400,000": "1400000", "150%": "1.5", "120k": "120000", "1.2M": "1200000", "€1,200": "1200", "$5": "5", "1,5": "1.5"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestUnclosedBlockNoCascade: a missing "}" in the example gives one
// error, naming where the brace most likely belongs, instead of one per
// swallowed block and per reference to them.
func TestUnclosedBlockNoCascade(t *testing.T) {
	dir := t.TempDir()
	src := "../examples/it-department"
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "teams.hcl" {
			// Drop the first block's closing brace.
			i := strings.Index(string(data), "\n}\n")
			data = append(data[:i+1:i+1], data[i+3:]...)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, diags := NewLoader().LoadDir(dir, LoadOptions{})
	if len(diags) != 1 {
		t.Fatalf("want 1 diagnostic, got %d:\n%s", len(diags), formatDiagnostics("", diags))
	}
	d := diags[0]
	if d.Summary != unclosedSummary || !strings.Contains(d.Detail, `most likely before line 16, where team "apps" begins`) {
		t.Errorf("%s: %s", d.Summary, d.Detail)
	}
}
