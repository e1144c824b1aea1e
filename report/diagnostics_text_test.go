package report

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
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
			if err := hcl.NewDiagnosticTextWriter(&want, files, width, color).WriteDiagnostics(diags); err != nil {
				t.Fatal(err)
			}
			if err := newDiagnosticTextWriter(&got, files, width, color).WriteDiagnostics(diags); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.String(), got.String()); diff != "" {
				t.Fatalf("%s (width %d, color %v): text differs from HCL's (-want +got):\n%s", name, width, color, diff)
			}
		}
	}
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
		"a = 1\r\rb = 2\r\n", // a lone CR: HCL's writer prints this one
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
