package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/internal/golden"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

const (
	projectsSrc = `project "crm" {
  title    = "CRM"
  duration = -2
  effort   = { platfrom = 2 }
}
`
	teamsSrc = "team \"platform\" {\r\n  capacity = 6\r\n}\r\n"
)

// testDiagnostics returns diagnostics over two parsed files, deliberately
// out of order, and the files.
func testDiagnostics(t *testing.T) (hcl.Diagnostics, map[string]*hcl.File) {
	t.Helper()
	files := map[string]*hcl.File{}
	for name, src := range map[string]string{"projects.hcl": projectsSrc, "teams.hcl": teamsSrc} {
		f, diags := hclsyntax.ParseConfig([]byte(src), name, hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		files[name] = f
	}
	// rangeOf is the range of the first occurrence of sub in file.
	rangeOf := func(file, sub string) *hcl.Range {
		src := string(files[file].Bytes)
		i := strings.Index(src, sub)
		if i < 0 {
			t.Fatalf("%q not in %s", sub, file)
		}
		pos := func(off int) hcl.Pos {
			line := strings.Count(src[:off], "\n") + 1
			col := off - (strings.LastIndex(src[:off], "\n") + 1) + 1
			return hcl.Pos{Line: line, Column: col, Byte: off}
		}
		return &hcl.Range{Filename: file, Start: pos(i), End: pos(i + len(sub))}
	}
	diags := hcl.Diagnostics{
		{
			Severity: hcl.DiagWarning,
			Summary:  "Team capacity unused",
			Detail:   "No project uses team \"platform\".",
			Subject:  rangeOf("teams.hcl", `"platform"`),
		},
		{
			Severity: hcl.DiagError,
			Summary:  "Unknown team",
			Detail:   "There is no team \"platfrom\". Did you mean \"platform\"?",
			Subject:  rangeOf("projects.hcl", "platfrom"),
			Context:  rangeOf("projects.hcl", "{ platfrom = 2 }"),
		},
		{
			Severity: hcl.DiagError,
			Summary:  "Invalid duration",
			Detail:   "A duration must be at least 1 period; got -2.",
			Subject:  rangeOf("projects.hcl", "-2"),
		},
		{
			Severity: hcl.DiagError,
			Summary:  "Missing roadmap block",
			Detail:   "Every roadmap needs exactly one roadmap block.",
		},
		{
			Severity: hcl.DiagError,
			Summary:  "Unreadable file",
			Detail:   "The file is not in the file set, so it has no snippet.",
			Subject:  &hcl.Range{Filename: "gone.hcl", Start: hcl.Pos{Line: 2, Column: 1, Byte: 10}, End: hcl.Pos{Line: 2, Column: 5, Byte: 14}},
		},
	}
	return diags, files
}

func TestSortDiagnostics(t *testing.T) {
	diags, _ := testDiagnostics(t)
	var got []string
	for _, d := range SortDiagnostics(diags) {
		got = append(got, d.Summary)
	}
	want := []string{"Missing roadmap block", "Unreadable file", "Invalid duration", "Unknown team", "Team capacity unused"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if diags[0].Summary != "Team capacity unused" {
		t.Error("SortDiagnostics reordered its argument")
	}
}

func TestSortDiagnosticsSamePlace(t *testing.T) {
	at := &hcl.Range{Filename: "a.hcl", Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Line: 1, Column: 2, Byte: 1}}
	diags := hcl.Diagnostics{
		{Severity: hcl.DiagWarning, Summary: "a warning", Subject: at},
		{Severity: hcl.DiagError, Summary: "z error", Subject: at},
		{Severity: hcl.DiagError, Summary: "b error", Subject: at},
	}
	var got []string
	for _, d := range SortDiagnostics(diags) {
		got = append(got, d.Summary)
	}
	if diff := cmp.Diff([]string{"b error", "z error", "a warning"}, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}

func TestRenderDiagnosticsText(t *testing.T) {
	diags, files := testDiagnostics(t)
	tests := []struct {
		golden string
		opts   Options
	}{
		{golden: "diagnostics/text.golden", opts: Options{}},
		{golden: "diagnostics/text_color_narrow.golden", opts: Options{Color: true, Width: 40}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var buf bytes.Buffer
			if err := RenderDiagnosticsText(&buf, diags, files, tt.opts); err != nil {
				t.Fatal(err)
			}
			assertDiagnosticsGolden(t, tt.golden, buf.String())
		})
	}
}

func TestRenderDiagnosticsJSON(t *testing.T) {
	diags, files := testDiagnostics(t)
	var buf bytes.Buffer
	if err := RenderDiagnosticsJSON(&buf, diags, files); err != nil {
		t.Fatal(err)
	}
	assertDiagnosticsGolden(t, "diagnostics/diagnostics.json", buf.String())

	var got DiagnosticsReport
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Valid || got.ErrorCount != 4 || got.WarningCount != 1 || len(got.Diagnostics) != 5 {
		t.Errorf("valid=%v errors=%d warnings=%d diagnostics=%d, want false 4 1 5", got.Valid, got.ErrorCount, got.WarningCount, len(got.Diagnostics))
	}
	// The snippet's highlight must select exactly the subject's source.
	for _, d := range got.Diagnostics {
		if d.Snippet == nil || d.Range == nil {
			continue
		}
		src := string(files[d.Range.Filename].Bytes)
		want := src[d.Range.Start.Byte:d.Range.End.Byte]
		if hl := d.Snippet.Code[d.Snippet.HighlightStartOffset:d.Snippet.HighlightEndOffset]; hl != want {
			t.Errorf("%s: highlight %q, want %q", d.Summary, hl, want)
		}
	}
}

func TestRenderDiagnosticsJSONEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := RenderDiagnosticsJSON(&buf, nil, nil); err != nil {
		t.Fatal(err)
	}
	want := `{
  "format_version": "1",
  "valid": true,
  "error_count": 0,
  "warning_count": 0,
  "diagnostics": []
}
`
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestRenderDiagnosticsFormats(t *testing.T) {
	diags, files := testDiagnostics(t)
	if diff := cmp.Diff([]string{"github", "json", "junit", "sarif", "text"}, DiagnosticFormats()); diff != "" {
		t.Errorf("formats (-want +got):\n%s", diff)
	}
	for _, format := range DiagnosticFormats() {
		var buf bytes.Buffer
		if err := RenderDiagnostics(&buf, diags, files, format, Options{}); err != nil {
			t.Errorf("%s: %v", format, err)
		}
		if buf.Len() == 0 {
			t.Errorf("%s: no output", format)
		}
	}
	err := RenderDiagnostics(&bytes.Buffer{}, diags, files, "xml", Options{})
	if err == nil || !strings.Contains(err.Error(), `unknown diagnostics format "xml"`) {
		t.Errorf("unknown format: err = %v", err)
	}
}

func TestSnippetOutOfRange(t *testing.T) {
	f, _ := hclsyntax.ParseConfig([]byte("a = 1\n"), "a.hcl", hcl.InitialPos)
	d := &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "stale",
		Subject:  &hcl.Range{Filename: "a.hcl", Start: hcl.Pos{Line: 9, Column: 1, Byte: 90}, End: hcl.Pos{Line: 9, Column: 3, Byte: 92}},
	}
	r := NewDiagnosticsReport(hcl.Diagnostics{d}, map[string]*hcl.File{"a.hcl": f})
	if r.Diagnostics[0].Snippet != nil {
		t.Errorf("snippet for a range outside the file: %+v", r.Diagnostics[0].Snippet)
	}
	if r.Diagnostics[0].Range == nil {
		t.Error("range dropped")
	}
}

// assertDiagnosticsGolden compares got with testdata/<name>, rewriting it
// when the package's -update flag (defined with the plan renderers' tests)
// is set, or UPDATE_GOLDEN=1.
func assertDiagnosticsGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Assert(t, filepath.Join("testdata", name), []byte(got))
}

// A snippet over a huge line or many lines is clipped like the text
// printer's, and its highlight still selects the start of the subject.
func TestSnippetJSONClipped(t *testing.T) {
	long := `a = "` + strings.Repeat("x", 5<<20) + `"` + "\n"
	many := strings.Repeat("# filler\n", 40) + "b = 1\n"
	tests := []struct {
		name, src     string
		start, end    hcl.Pos
		wantLine      int
		wantHighlight string
		context       bool // the context spans the whole file
	}{
		{"long line", long, hcl.Pos{Line: 1, Column: 1001, Byte: 1000}, hcl.Pos{Line: 1, Column: 1006, Byte: 1005}, 1, "xxxxx", false},
		{"many lines", "c = 1\n" + many, hcl.Pos{Line: 1, Column: 1, Byte: 0}, hcl.Pos{Line: 42, Column: 2, Byte: len("c = 1\n"+many) - 5}, 1, "c = 1\n", false},
		{"deep start", many, hcl.Pos{Line: 41, Column: 1, Byte: 360}, hcl.Pos{Line: 41, Column: 2, Byte: 361}, 41, "b", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := hclsyntax.ParseConfig([]byte(tt.src), "a.hcl", hcl.InitialPos)
			d := &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "x",
				Subject:  &hcl.Range{Filename: "a.hcl", Start: tt.start, End: tt.end},
			}
			if tt.context {
				d.Context = &hcl.Range{Filename: "a.hcl", Start: hcl.InitialPos, End: hcl.Pos{Line: 42, Column: 1, Byte: len(tt.src)}}
			}
			r := NewDiagnosticsReport(hcl.Diagnostics{d}, map[string]*hcl.File{"a.hcl": f})
			s := r.Diagnostics[0].Snippet
			if s == nil {
				t.Fatal("no snippet")
			}
			lines := strings.Split(s.Code, "\n")
			if len(lines) > maxSnippetLines {
				t.Errorf("%d lines, want at most %d", len(lines), maxSnippetLines)
			}
			for _, l := range lines {
				if len(l) > maxSnippetLineBytes {
					t.Errorf("line of %d bytes, want at most %d", len(l), maxSnippetLineBytes)
				}
			}
			if !s.Truncated {
				t.Error("truncated = false")
			}
			if s.StartLine != tt.wantLine {
				t.Errorf("start_line = %d, want %d", s.StartLine, tt.wantLine)
			}
			if got := s.Code[s.HighlightStartOffset:s.HighlightEndOffset]; !strings.HasPrefix(got, strings.TrimSuffix(tt.wantHighlight, "\n")) {
				t.Errorf("highlight %.80q, want prefix %q", got, tt.wantHighlight)
			}
		})
	}
}
