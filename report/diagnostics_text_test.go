package report

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// checkSameAsHCL renders diags with our writer and with HCL's, at no
// width and at 40 columns, with and without colour, and wants the same
// bytes.
func checkSameAsHCL(t *testing.T, name string, diags hcl.Diagnostics, files map[string]*hcl.File) {
	t.Helper()
	for _, width := range []uint{0, 40} {
		for _, color := range []bool{false, true} {
			var want, got bytes.Buffer
			for _, d := range diags {
				var one bytes.Buffer
				if err := hcl.NewDiagnosticTextWriter(&one, files, width, color).WriteDiagnostic(d); err != nil {
					t.Fatal(err)
				}
				want.WriteString(withColumn(one.String(), d))
			}
			if err := newDiagnosticTextWriter(&got, files, width, color).WriteDiagnostics(diags); err != nil {
				t.Fatal(err)
			}
			// The differences on purpose: the column after the line
			// (withColumn), and a diagnostic whose file is not at hand gives its place alone, without HCL's line
			// "(source code not available)".
			hclText := strings.ReplaceAll(want.String(), "  (source code not available)\n", "")
			if diff := cmp.Diff(hclText, got.String()); diff != "" {
				t.Fatalf("%s (width %d, color %v): text differs from HCL's (-want +got):\n%s", name, width, color, diff)
			}
		}
	}
}

// withColumn adds d's column to HCL's text of it, as our writer says
// it: "on main.hcl line 8, column 14".
func withColumn(text string, d *hcl.Diagnostic) string {
	if d.Subject == nil || d.Subject.Start.Column < 1 {
		return text
	}
	at := fmt.Sprintf("  on %s line %d", d.Subject.Filename, d.Subject.Start.Line)
	return strings.Replace(text, at, fmt.Sprintf("%s, column %d", at, d.Subject.Start.Column), 1)
}

// TestDiagnosticTextMatchesHCLOnFixtures loads every invalid roadmap the
// loader's tests use and prints its diagnostics both ways.
func TestDiagnosticTextMatchesHCLOnFixtures(t *testing.T) {
	dirs, _ := filepath.Glob("../hclspec/testdata/invalid/*")
	if len(dirs) == 0 {
		t.Fatal("no fixtures found")
	}
	seen := 0
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		l := hclspec.NewLoader()
		_, diags := l.LoadDir(dir, hclspec.LoadOptions{})
		seen += len(diags)
		checkSameAsHCL(t, dir, SortDiagnostics(diags), l.Files())
	}
	if seen == 0 {
		t.Fatal("the fixtures gave no diagnostics")
	}
}

// TestDiagnosticTextMatchesHCLOnRandomRanges points diagnostics at random
// ranges (empty, multi-line, past the end, with a context) of sources
// with CRLF and LF endings, a final line without a newline, empty lines
// and non-ASCII text.
func TestDiagnosticTextMatchesHCLOnRandomRanges(t *testing.T) {
	sources := []string{
		"project \"a\" {\n  title = \"Ünïcode ✓\"\n\n  cost = 1\n}\n",
		"project \"a\" {\r\n  title = \"x\"\r\n}\r\ngoal \"g\" {\r\n}",
		"roadmap {\n}\n\n\n# comment\nteam \"t\" {\n  capacity = 3 }",
		"",
		"\n",
		"a = 1\r\rb = 2\r\n", // lone CRs: HCL's scanner counts each as a line break
		"a = 1\rb = 2\nc = 3\r\r\nd = 4\r",
		"\r\r\n\rx\n\n\r",
	}
	r := rand.New(rand.NewPCG(7, 8))
	for si, src := range sources {
		f, _ := hclsyntax.ParseConfig([]byte(src), "f.hcl", hcl.InitialPos)
		if f == nil {
			t.Fatalf("source %d does not parse at all", si)
		}
		files := map[string]*hcl.File{"f.hcl": f}
		var diags hcl.Diagnostics
		pos := func() hcl.Pos {
			b := r.IntN(len(src) + 3)
			return hcl.Pos{Line: 1 + bytes.Count([]byte(src[:min(b, len(src))]), []byte{'\n'}), Column: 1, Byte: b}
		}
		rng := func() *hcl.Range {
			a, b := pos(), pos()
			if a.Byte > b.Byte {
				a, b = b, a
			}
			return &hcl.Range{Filename: "f.hcl", Start: a, End: b}
		}
		for k := range 300 {
			d := &hcl.Diagnostic{Severity: hcl.DiagnosticSeverity(1 + k%2), Summary: "S", Detail: "A detail long enough to be wrapped at forty columns, twice over."}
			d.Subject = rng()
			if k%3 == 0 {
				d.Context = rng()
			}
			diags = append(diags, d)
		}
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "No source", Subject: &hcl.Range{Filename: "other.hcl"}})
		checkSameAsHCL(t, "source "+string(rune('0'+si)), diags, files)
	}
}

// TestDiagnosticTextExpressionValuesMatchHCL: for an error in an
// expression, both writers list the values it refers to ("with
// local.n as 3,") the same way, values of every kind.
func TestDiagnosticTextExpressionValuesMatchHCL(t *testing.T) {
	dir := t.TempDir()
	src := `roadmap {
  start = "2027-01"
}
locals {
  s   = "text"
  n   = 3
  l   = [1, 2]
  e   = []
  t   = ["a", 1]
  o   = { k = 1 }
  o2  = { a = 1, b = 2 }
  no  = {}
  yes = true
  nul = null
  m   = tomap({ a = 1 })
  bad1 = local.s + local.n
  bad2 = local.l + local.o + local.yes
  bad3 = local.nul + local.e + local.t
  bad4 = local.o2 + local.no + local.m + local.m["a"]
  bad5 = [for x in local.l : x + local.s]
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	l := hclspec.NewLoader()
	_, diags := l.LoadDir(dir, hclspec.LoadOptions{})
	withValues := 0
	for _, d := range diags {
		if d.Expression != nil && d.EvalContext != nil {
			withValues++
		}
	}
	if withValues < 5 {
		t.Fatalf("%d diagnostics carry values, want at least 5: %s", withValues, diags.Error())
	}
	checkSameAsHCL(t, "expression values", SortDiagnostics(diags), l.Files())
}

// TestDiagnosticTextClipsValues: a 10,000-byte string an expression
// refers to is quoted in part, with its length.
func TestDiagnosticTextClipsValues(t *testing.T) {
	dir := t.TempDir()
	src := "roadmap {\n  start = \"2027-01\"\n}\nlocals {\n  big = join(\"\", [for i in range(1000) : \"abcdefghij\"])\n  bad = local.big + 1\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	l := hclspec.NewLoader()
	_, diags := l.LoadDir(dir, hclspec.LoadOptions{})
	var got bytes.Buffer
	if err := RenderDiagnosticsText(&got, diags, l.Files(), Options{}); err != nil {
		t.Fatal(err)
	}
	want := "with local.big as \"" + strings.Repeat("abcdefghij", 8) + "\"... (10000 bytes).\n"
	if !strings.Contains(got.String(), want) {
		t.Errorf("output does not contain %q:\n%s", want, got.String())
	}
	if got.Len() > 1000 {
		t.Errorf("%d bytes printed for one diagnostic", got.Len())
	}
}

// BenchmarkDiagnosticsTextLargeFile prints 200 warnings spread over a
// 5 MiB file, as `roadmap validate` does for a large roadmap with a
// repeated mistake.
func BenchmarkDiagnosticsTextLargeFile(b *testing.B) {
	var src bytes.Buffer
	for i := range 100000 {
		fmt.Fprintf(&src, "goal \"g%06d\" {\n  title = \"Goal number %d, padded to a realistic length\"\n}\n", i, i)
	}
	// Parsed as the loader parses (a 5 MiB file in pieces), so the
	// file names its blocks the way loaded files do.
	f, diags := hclspec.ParseConfigWithinLimits(src.Bytes(), "big.hcl")
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	blocks := f.Body.(*hclsyntax.Body).Blocks
	var warnings hcl.Diagnostics
	for i := 0; i < len(blocks); i += len(blocks) / 200 {
		warnings = append(warnings, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "W", Detail: "D", Subject: blocks[i].DefRange().Ptr()})
	}
	files := map[string]*hcl.File{"big.hcl": f}
	for b.Loop() {
		if err := RenderDiagnosticsText(io.Discard, warnings, files, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDiagnosticTextClipsHugeSnippets: a diagnostic on a 5 MB line or on a
// 50,000-line heredoc prints a few hundred bytes of it, not the input
// (HCL's writer echoes every byte), keeping the highlighted part in view.
func TestDiagnosticTextClipsHugeSnippets(t *testing.T) {
	long := "title = \"" + strings.Repeat("a", 5_000_000) + "\" + x\n"
	heredoc := "title = <<EOT\n" + strings.Repeat("line of text\n", 50_000) + "EOT\n"
	src := long + heredoc
	files := map[string]*hcl.File{"f.hcl": {Bytes: []byte(src)}}
	at := func(start, end int) *hcl.Range {
		pos := func(b int) hcl.Pos {
			return hcl.Pos{Line: 1 + strings.Count(src[:b], "\n"), Column: 1, Byte: b}
		}
		return &hcl.Range{Filename: "f.hcl", Start: pos(start), End: pos(end)}
	}
	x := strings.Index(src, "x\n")
	tests := []struct {
		name      string
		subject   *hcl.Range
		want      string
		highlight string
	}{
		{"start of a long line", at(8, 12),
			"   1: title = [1;4m\"aaa[0m" + strings.Repeat("a", 228) + "... (4999774 more bytes)\n", "\x1b[1;4m\"aaa\x1b[0m"},
		{"end of a long line", at(x, x+1),
			"   1: ..." + strings.Repeat("a", 76) + "\" + [1;4mx[0m\n", "\x1b[1;4mx\x1b[0m"},
		{"many lines", at(len(long)+8, len(src)-1),
			"   2: title = [1;4m<<EOT[0m\n" + numbered(3, 13, "line of text") + "      (49990 more lines)\n", "\x1b[1;4m<<EOT\x1b[0m"},
	}
	for _, tt := range tests {
		var got bytes.Buffer
		d := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "S", Subject: tt.subject}
		if err := newDiagnosticTextWriter(&got, files, 0, true).WriteDiagnostic(d); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(got.String(), tt.highlight) {
			t.Errorf("%s: %q is not highlighted", tt.name, tt.highlight)
		}
		text := strings.ReplaceAll(got.String(), "\x1b", "")
		_, snippet, _ := strings.Cut(text, ":\n")
		snippet, _, _ = strings.Cut(snippet, "\n\n")
		// Lines after the first of the heredoc have no highlight of their own.
		snippet = strings.ReplaceAll(snippet, "[1;4m", "")
		want := strings.ReplaceAll(tt.want, "[1;4m", "")
		want = strings.TrimSuffix(want, "\n")
		snippet = strings.ReplaceAll(snippet, "[0m", "")
		want = strings.ReplaceAll(want, "[0m", "")
		if diff := cmp.Diff(strings.Split(want, "\n"), strings.Split(snippet, "\n")); diff != "" {
			t.Errorf("%s: snippet (-want +got):\n%s", tt.name, diff)
		}
		// The lines elided are those HCL's writer would have printed.
		var hclText bytes.Buffer
		if err := hcl.NewDiagnosticTextWriter(&hclText, files, 0, false).WriteDiagnostic(d); err != nil {
			t.Fatal(err)
		}
		hclLines := strings.Count(hclText.String(), "\n") - 4 // heading, blank, "on", final blank
		shown, more := strings.Count(snippet, "\n")+1, 0
		if i := strings.LastIndex(snippet, "\n      ("); i >= 0 {
			fmt.Sscanf(snippet[i+8:], "%d more lines", &more)
			shown--
		}
		if shown+more != hclLines {
			t.Errorf("%s: %d lines shown and %d elided, HCL prints %d", tt.name, shown, more, hclLines)
		}
		if got.Len() > 4096 {
			t.Errorf("%s: %d bytes printed", tt.name, got.Len())
		}
	}
}

// numbered is lines from to to (inclusive) of text, numbered as in a
// snippet.
func numbered(from, to int, text string) string {
	var b strings.Builder
	for n := from; n <= to; n++ {
		fmt.Fprintf(&b, "%4d: %s\n", n, text)
	}
	return b.String()
}
