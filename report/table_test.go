package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// TestTableFitsWidth: no line of the table format is wider than
// Options.Width, for a 16-period plan with long names and reasons.
func TestTableFitsWidth(t *testing.T) {
	for _, name := range fixturePlans {
		for _, width := range []int{0, 60, 80, 100, 120, 200} {
			for _, color := range []bool{false, true} {
				p := loadFixture(t, name)
				var buf bytes.Buffer
				if err := RenderPlan(&buf, p, "table", Options{Width: width, Color: color}); err != nil {
					t.Fatal(err)
				}
				limit := width
				if limit == 0 {
					limit = DefaultWidth
				}
				for i, line := range strings.Split(buf.String(), "\n") {
					if w := displayWidth(line); w > limit {
						t.Errorf("%s at width %d (colour %v): line %d is %d columns:\n%s", name, width, color, i+1, w, line)
					}
				}
			}
		}
	}
}

// TestTableSixteenPeriodsAt120 pins the case the issue asks for: a
// 16-period plan at 120 columns splits its capacity plan into chunks and
// still shows every period.
func TestTableSixteenPeriodsAt120(t *testing.T) {
	p := loadFixture(t, "wide16")
	if len(p.Periods) != 16 {
		t.Fatalf("fixture has %d periods, want 16", len(p.Periods))
	}
	var buf bytes.Buffer
	if err := RenderPlan(&buf, p, "table", Options{Width: 120}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	capacity := out[strings.Index(out, "Capacity plan"):strings.Index(out, "Vendor evaluations")]
	if n := strings.Count(capacity, "┌"); n < 2 {
		t.Errorf("capacity plan is one table of 16 periods; want it split in chunks")
	}
	for _, pe := range p.Periods {
		if strings.Count(capacity, pe.Label) != 1 {
			t.Errorf("capacity plan shows period %s %d times, want once", pe.Label, strings.Count(capacity, pe.Label))
		}
	}
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

// TestTableColour: colour only with Options.Color, and then the status
// and overload colours are where they belong; without the escapes the
// output is the same.
func TestTableColour(t *testing.T) {
	p := loadFixture(t, "it2027")
	var plain, colored bytes.Buffer
	if err := RenderPlan(&plain, p, "table", Options{}); err != nil {
		t.Fatal(err)
	}
	if err := RenderPlan(&colored, p, "table", Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b[") {
		t.Errorf("plain output has ANSI escapes")
	}
	if diff := cmp.Diff(plain.String(), ansi.ReplaceAllString(colored.String(), "")); diff != "" {
		t.Errorf("coloured output differs beyond its escapes (-plain +stripped):\n%s", diff)
	}
	out := colored.String()
	for _, want := range []string{
		ansiGreen + "scheduled" + ansiReset,
		ansiYellow + "deferred" + ansiReset,
		ansiRed + "dropped" + ansiReset,
		ansiYellow + "3/3" + ansiReset, // data team full in 2027-Q4
		ansiGreen + "winner" + ansiReset,
		ansiRed + "FAIL" + ansiReset,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("coloured output lacks %q", want)
		}
	}
	// 2/4 is 50%: not highlighted.
	if strings.Contains(out, ansiYellow+"2/4"+ansiReset) {
		t.Errorf("a team at 50%% is highlighted")
	}
}

func TestOverloaded(t *testing.T) {
	cases := []struct {
		used, capacity float64
		want           bool
	}{
		{0, 0, false}, {1, 0, true}, {4, 5, false}, {4.01, 5, true}, {5, 5, true}, {0.5, 6, false},
	}
	for _, c := range cases {
		if got := overloaded(c.used, c.capacity); got != c.want {
			t.Errorf("overloaded(%v, %v) = %v, want %v", c.used, c.capacity, got, c.want)
		}
	}
}

func TestWrapText(t *testing.T) {
	cases := []struct {
		s     string
		width int
		want  []string
	}{
		{"", 10, []string{""}},
		{"short", 10, []string{"short"}},
		{"one two three four", 9, []string{"one two", "three", "four"}},
		{"abcdefghijkl", 5, []string{"abcde", "fghij", "kl"}},
		{"ab abcdefghijkl", 5, []string{"ab", "abcde", "fghij", "kl"}},
		{"line one\nline two", 20, []string{"line one", "line two"}},
		{"- a bullet that wraps", 10, []string{"- a bullet", "  that", "  wraps"}},
		{"2027-Q1 – 2027-Q4", 9, []string{"2027-Q1 –", "2027-Q4"}},
		{"x", 0, []string{"x"}},
	}
	for _, c := range cases {
		got := wrapText(c.s, c.width)
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("wrapText(%q, %d) (-want +got):\n%s", c.s, c.width, diff)
		}
		for _, line := range got {
			if displayWidth(line) > max(c.width, 1) {
				t.Errorf("wrapText(%q, %d): line %q too wide", c.s, c.width, line)
			}
		}
	}
}

// TestRenderNilPlan: renderers refuse a nil plan instead of panicking.
func TestRenderNilPlan(t *testing.T) {
	for _, format := range []string{"table", "json", "markdown"} {
		var buf bytes.Buffer
		if err := RenderPlan(&buf, (*evaluate.Plan)(nil), format, Options{}); err == nil {
			t.Errorf("%s: no error for a nil plan", format)
		}
	}
}

// TestTableNeverBreaksNumbers: a table too wide for the terminal is split
// into tables that repeat the key columns, so amounts and ids stay whole.
func TestTableNeverBreaksNumbers(t *testing.T) {
	p := loadFixture(t, "it2027")
	for _, width := range []int{60, 80, 100} {
		var buf bytes.Buffer
		if err := RenderPlan(&buf, p, "table", Options{Width: width}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, pr := range p.Projects {
			for _, s := range []string{pr.ID, formatAmount(pr.Cost), formatAmount(pr.Benefit), formatAmount(pr.NPV), formatAmount(pr.RiskAdjustedNPV)} {
				if !strings.Contains(out, s) {
					t.Errorf("width %d: %q is not printed whole", width, s)
				}
			}
		}
		if width <= 80 && strings.Count(out, "│ Project ") < 4 {
			t.Errorf("width %d: the ranked roadmap and cost-benefit tables were not split", width)
		}
	}
}
