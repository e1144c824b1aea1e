package hclspec

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/internal/synth"
)

// TestMeterRefusesCostlyExpressions: expressions that would build huge
// values or take billions of steps are refused with one diagnostic at
// the expression (a function call, or the local), never a crash. The
// inputs are the issue's: 116 bytes of setproduct asked for 12.8 GB.
func TestMeterRefusesCostlyExpressions(t *testing.T) {
	const header = "roadmap {\n  start = \"2027-01\"\n}\nlocals {\n" +
		"  s = join(\"\", [for i in range(1000) : \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"])\n" +
		"  l = flatten([for i in range(50) : range(1000)])\n"
	tests := []struct {
		name, expr, summary string
		col                 int // where the diagnostic points on the x line
	}{
		{"setproduct", `setproduct(range(1000), range(1000), range(1000), range(100))`, "Value too large", 7},
		{"setproduct of tuples", `length(setproduct(local.l, local.l))`, "Value too large", 14},
		{"replace", `replace(local.s, "a", local.s)`, "Value too long", 7},
		{"format width", `format("%999999999d", 1)`, "Value too long", 7},
		{"formatlist", `formatlist("%s%s", local.l, local.s)`, "Value too long", 7},
		{"join", `join("", [for i in range(1000) : local.s])`, "Evaluation too costly", 7},
		{"nested for", `length([for a in range(1024) : [for b in range(1024) : [for c in range(1024) : a]]])`, "Evaluation too costly", 0},
		{"templates in a for", `length([for a in local.l : "${local.s}${local.s}"])`, "Evaluation too costly", 0},
		{"flatten of shared lists", `length(flatten([for a in local.l : local.l]))`, "Evaluation too costly", 0},
		{"splat", `length([for a in local.l : local.l][*][0])`, "Evaluation too costly", 0},
		{"huge number", `"${pow(10, 300) * pow(10, 300)}"`, "Number out of range", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "main.hcl"), []byte(header+"  x = "+tt.expr+"\n}\n"))
			_, diags := NewLoader().LoadDir(dir, LoadOptions{})
			if len(diags) != 1 || diags[0].Summary != tt.summary {
				t.Fatalf("diagnostics = %s, want one %q", diags.Error(), tt.summary)
			}
			at := diags[0].Subject.Start
			if at.Line != 7 || (tt.col != 0 && at.Column != tt.col) {
				t.Errorf("at %d:%d, want line 7 column %d", at.Line, at.Column, tt.col)
			}
			if strings.Contains(diags[0].Detail, "goroutine") {
				t.Errorf("a stack trace reached the diagnostic: %s", diags[0].Detail)
			}
		})
	}
}

// TestMeterLeavesRoomForRealRoadmaps: a generated roadmap of 1,000
// projects uses under 1% of the budget, so one of 10,000 (the largest
// the performance docs plan for) stays far below it.
func TestMeterLeavesRoomForRealRoadmaps(t *testing.T) {
	dir := t.TempDir()
	for _, f := range synth.Generate(synth.Sized(1000, 1)) {
		if err := os.WriteFile(filepath.Join(dir, f.Name), []byte(f.Content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l := NewLoader()
	if _, diags := l.LoadDir(dir, LoadOptions{}); diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	if used := l.meter.used; used == 0 || used > MaxEvalWork/100 {
		t.Errorf("the load used %d units of %d", used, MaxEvalWork)
	}
}

// TestMeterCountsWhatItWalks: sizeOf counts nested elements and string
// bytes and stops past its limit.
func TestMeterCountsWhatItWalks(t *testing.T) {
	f, diags := ParseExpressionWithinLimits([]byte(`[["ab", "cdefgh"], {k = "12345678"}]`), "x.hcl")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	v, diags := f.Value(nil)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	got := sizeOf(v, 1000)
	// Six values walked; each string's bytes / bytesPerUnit.
	if got.elements != 5 || got.longest != 8 || got.work != 6+2/bytesPerUnit+6/bytesPerUnit+8/bytesPerUnit {
		t.Errorf("sizeOf = %+v", got)
	}
	if capped := sizeOf(v, 2); capped.work > 4 {
		t.Errorf("sizeOf with limit 2 walked %d", capped.work)
	}
}
