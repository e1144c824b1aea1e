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
//
// The loads run with a budget of 400,000 units rather than MaxEvalWork's
// 20,000,000 and on values 30 to 60 times smaller than the issue's, so
// each refusal comes after milliseconds of work instead of seconds: the
// budget is the same code, its size a parameter (TestMeterBudget). The
// value limits (64 KiB, 100,000 elements) are the real ones.
func TestMeterRefusesCostlyExpressions(t *testing.T) {
	const budget = 400_000
	const header = "roadmap {\n  start = \"2027-01\"\n}\nlocals {\n" +
		"  s = join(\"\", [for i in range(100) : \"aaaaaaaaaa\"])\n" + // 1,000 bytes
		"  l = flatten([for i in range(2) : range(1000)])\n" // 2,000 elements
	tests := []struct {
		name, expr, summary string
		col                 int // where the diagnostic points on the x line
	}{
		{"setproduct", `setproduct(range(1000), range(1000), range(1000), range(100))`, "Value too large", 7},
		{"setproduct of tuples", `length(setproduct(local.l, local.l))`, "Value too large", 14},
		{"replace", `replace(local.s, "a", local.s)`, "Value too long", 7},
		{"format width", `format("%999999999d", 1)`, "Value too long", 7},
		{"formatlist", `formatlist("%s%s", local.l, local.s)`, "Value too long", 7},
		// The for expression's 1,000 strings fit the budget; join, charged
		// for its arguments, goes past it.
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
			_, diags := NewLoader().LoadDir(dir, LoadOptions{EvalBudget: budget})
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

// TestMeterLeavesRoomForRealRoadmaps: a generated roadmap of 250
// projects uses under 1/400 of the budget, so one of 10,000 (the largest
// the performance docs plan for) uses under a tenth of it.
func TestMeterLeavesRoomForRealRoadmaps(t *testing.T) {
	dir := t.TempDir()
	for _, f := range synth.Generate(synth.Sized(250, 1)) {
		if err := os.WriteFile(filepath.Join(dir, f.Name), []byte(f.Content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l := NewLoader()
	if _, diags := l.LoadDir(dir, LoadOptions{}); diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	if used := l.meter.used; used == 0 || used > MaxEvalWork/400 {
		t.Errorf("the load used %d units of %d", used, MaxEvalWork)
	}
}

// TestMeterBudget: a load's budget is MaxEvalWork unless the options ask
// for a smaller one (never a larger one), and the refusal names it.
func TestMeterBudget(t *testing.T) {
	for _, c := range []struct{ asked, want int64 }{
		{0, MaxEvalWork}, {-1, MaxEvalWork}, {1000, 1000}, {MaxEvalWork * 2, MaxEvalWork},
	} {
		if got := newMeterWithBudget(c.asked).budget; got != c.want {
			t.Errorf("budget %d: got %d, want %d", c.asked, got, c.want)
		}
	}
	if NewMeter().budget != MaxEvalWork {
		t.Errorf("NewMeter's budget is %d", NewMeter().budget)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.hcl"), []byte("roadmap {\n  start = \"2027-01\"\n}\nlocals {\n  x = length([for a in range(1000) : a])\n}\n"))
	for _, c := range []struct {
		budget int64
		fails  bool
	}{{0, false}, {100_000, false}, {10_000, true}} {
		_, diags := NewLoader().LoadDir(dir, LoadOptions{EvalBudget: c.budget})
		if diags.HasErrors() != c.fails {
			t.Errorf("budget %d: %s", c.budget, diags.Error())
		}
		if c.fails && !strings.Contains(diags[0].Detail, "more than 10000 units") {
			t.Errorf("budget %d: %s", c.budget, diags[0].Detail)
		}
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
