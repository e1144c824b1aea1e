package hclspec

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Guards against inputs that cost far more than their size. These test
// the guards themselves, not the clock; the benchmarks beside them
// (limits_bench_test.go) show the costs are linear.

// TestLocalContextHoldsOnlyReferences: a local is evaluated in a context
// holding only the variables and locals it names, so evaluating n locals
// costs O(n) rather than rebuilding an object of all n for each.
func TestLocalContextHoldsOnlyReferences(t *testing.T) {
	s := newScope(NewMeter())
	for _, name := range []string{"a", "b", "c", "d"} {
		s.setLocal(name, cty.StringVal(name))
	}
	s.setVar("v", cty.True)
	s.setVar("w", cty.False)
	expr, diags := hclsyntax.ParseExpression([]byte(`local.a == local.c ? var.v : local.a`), "x.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	ctx := s.contextFor(expr)
	names := func(v cty.Value) []string {
		var out []string
		for k := range v.Type().AttributeTypes() {
			out = append(out, k)
		}
		return out
	}
	if diff := cmp.Diff([]string{"a", "c"}, names(ctx.Variables["local"]), cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("locals in the context (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"v"}, names(ctx.Variables["var"]), cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("variables in the context (-want +got):\n%s", diff)
	}
	if v, diags := s.eval(expr); diags.HasErrors() || !v.RawEquals(cty.StringVal("a")) {
		t.Errorf("eval = %#v, %s; want \"a\"", v, diags.Error())
	}
}

// TestLocalsInterrupted: a done context stops the evaluation of locals
// part way through a long chain, and the load ends with one
// "Interrupted" error.
func TestLocalsInterrupted(t *testing.T) {
	src := localsSource(5000, true)
	f, diags := hclsyntax.ParseConfig(src, "main.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	attrs, _ := f.Body.(*hclsyntax.Body).Blocks[1].Body.JustAttributes()
	var sorted []*hcl.Attribute
	for _, a := range attrs {
		sorted = append(sorted, a)
	}
	sortAttributesByPos(sorted)
	s := newScope(NewMeter())
	ctx := &doneAfter{Context: context.Background(), n: 2}
	evaluateLocals(ctx, sorted, s)
	known := 0
	for _, v := range s.locals {
		if v.IsKnown() {
			known++
		}
	}
	if known != 3*256-1 { // stopped at the third check, made every 256 locals
		t.Errorf("%d locals evaluated before the interrupt was seen, want %d", known, 3*256-1)
	}

	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.hcl"), src)
	_, diags = NewLoader().LoadDir(dir, LoadOptions{Context: &doneAfter{Context: context.Background(), n: 4}})
	var got []string
	for _, d := range diags {
		got = append(got, d.Summary)
	}
	if diff := cmp.Diff([]string{"Interrupted"}, got); diff != "" {
		t.Fatalf("diagnostics (-want +got):\n%s", diff)
	}
}

// TestNumberLiteralGuards: a number written with more than MaxNumberBytes
// characters is refused before the parser reads it (reading takes time
// quadratic in its length), wherever it is; one out of float64's range
// is refused once, where it is written.
func TestNumberLiteralGuards(t *testing.T) {
	long := "1" + strings.Repeat("0", MaxNumberBytes)
	tests := []struct {
		name, src, want string
		line, col       int
	}{
		{"long in a local", "locals {\n  x = " + long + "\n}\n", "Number too long", 2, 7},
		{"long in a template", "locals {\n  x = \"a ${" + long + "}\"\n}\n", "Number too long", 2, 12},
		{"long in a heredoc", "locals {\n  x = <<EOT\n${" + long + "}\nEOT\n}\n", "Number too long", 3, 3},
		{"long exponent", "locals {\n  x = 1e" + strings.Repeat("0", MaxNumberBytes) + "1\n}\n", "Number too long", 2, 7},
		{"huge", "locals {\n  x = 1e309\n}\n", "Number out of range", 2, 7},
		{"huge in a template", "locals {\n  x = \"${1e9999999}\"\n}\n", "Number out of range", 2, 10},
		{"tiny", "locals {\n  x = 1e-400\n}\n", "Number out of range", 2, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "main.hcl"), []byte("roadmap {\n  start = \"2027-01\"\n}\n"))
			write(t, filepath.Join(dir, "x.hcl"), []byte(tt.src))
			_, diags := NewLoader().LoadDir(dir, LoadOptions{})
			if len(diags) != 1 || diags[0].Summary != tt.want {
				t.Fatalf("diagnostics = %s, want one %q", diags.Error(), tt.want)
			}
			if at := diags[0].Subject.Start; at.Line != tt.line || at.Column != tt.col {
				t.Errorf("at %d:%d, want %d:%d", at.Line, at.Column, tt.line, tt.col)
			}
		})
	}
	// Within the limits: the longest literal and the extremes load.
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.hcl"), []byte("roadmap {\n  start = \"2027-01\"\n}\nlocals {\n  a = 1."+strings.Repeat("5", MaxNumberBytes-2)+"\n  b = 1.7e308\n  c = 5e-324\n}\n"))
	if _, diags := NewLoader().LoadDir(dir, LoadOptions{}); len(diags) != 0 {
		t.Errorf("within the limits: %s", diags.Error())
	}
}

// TestRefusalStopsLoad: once the directory is over the block limit, the
// files after are not read, and nothing is decoded: the refusal is the
// only error, not buried under references to blocks left unread.
func TestRefusalStopsLoad(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.hcl"), []byte("roadmap {\n  start = \"2027-01\"\n}\nproject \"p\" {\n  vendor = evaluation.e\n}\n"))
	write(t, filepath.Join(dir, "m.hcl"), []byte(strings.Repeat("goal \"g\" {\n}\n", MaxBlocks)))
	write(t, filepath.Join(dir, "z.hcl"), []byte("evaluation \"e\" {\n  category = \"c\"\n}\n"))
	l := NewLoader()
	_, diags := l.LoadDir(dir, LoadOptions{})
	var got []string
	for _, d := range diags {
		got = append(got, d.Summary+" "+d.Subject.Filename)
	}
	want := []string{"Too many blocks " + filepath.Join(dir, "m.hcl")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if _, read := l.Files()[filepath.Join(dir, "z.hcl")]; read {
		t.Error("z.hcl was parsed after the directory was refused")
	}
}
