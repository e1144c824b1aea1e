package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// DiagnosticsFormatVersion is the version of the JSON diagnostics format.
const DiagnosticsFormatVersion = "1"

// diagnosticRenderer returns the renderer of a diagnostics format: text,
// json or one of the CI formats. Every renderer receives the diagnostics
// already sorted.
func diagnosticRenderer(format string) (func(io.Writer, hcl.Diagnostics, map[string]*hcl.File, Options) error, bool) {
	switch format {
	case "text":
		return renderDiagnosticsText, true
	case "json":
		return renderDiagnosticsJSON, true
	}
	if IsCIFormat(format) {
		return func(w io.Writer, diags hcl.Diagnostics, _ map[string]*hcl.File, o Options) error {
			return RenderCI(w, format, diags, nil, o)
		}, true
	}
	return nil, false
}

// DiagnosticFormats lists the formats RenderDiagnostics accepts, sorted.
func DiagnosticFormats() []string {
	names := append([]string{"text", "json"}, CIFormats()...)
	sort.Strings(names)
	return names
}

// RenderDiagnostics writes diags in the named format, sorted with
// SortDiagnostics. files supplies source snippets; it may be nil.
func RenderDiagnostics(w io.Writer, diags hcl.Diagnostics, files map[string]*hcl.File, format string, o Options) error {
	r, ok := diagnosticRenderer(format)
	if !ok {
		return fmt.Errorf("unknown diagnostics format %q: use one of %v", format, DiagnosticFormats())
	}
	return r(w, SortDiagnostics(diags), files, o)
}

// RenderDiagnosticsText writes diags the way HCL prints them: severity,
// summary, file and line, the source lines with the range marked, detail.
// Colour and wrapping follow o (Width 0 here means no wrapping).
func RenderDiagnosticsText(w io.Writer, diags hcl.Diagnostics, files map[string]*hcl.File, o Options) error {
	return renderDiagnosticsText(w, SortDiagnostics(diags), files, o)
}

// RenderDiagnosticsJSON writes diags as one JSON document (see
// DiagnosticsReport), sorted with SortDiagnostics.
func RenderDiagnosticsJSON(w io.Writer, diags hcl.Diagnostics, files map[string]*hcl.File) error {
	return renderDiagnosticsJSON(w, SortDiagnostics(diags), files, Options{})
}

func renderDiagnosticsText(w io.Writer, diags hcl.Diagnostics, files map[string]*hcl.File, o Options) error {
	width := o.Width
	if width < 0 {
		width = 0
	}
	diags, files = displayDiagnostics(LimitDiagnostics(diags), files)
	return newDiagnosticTextWriter(w, files, uint(width), o.Color).WriteDiagnostics(diags)
}

func renderDiagnosticsJSON(w io.Writer, diags hcl.Diagnostics, files map[string]*hcl.File, _ Options) error {
	data, err := json.MarshalIndent(NewDiagnosticsReport(diags, files), "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(escapeJSONText(append(data, '\n')))
	return err
}

// SortDiagnostics returns a sorted copy of diags: diagnostics without a
// source range first, then by file name, line, column and byte offset;
// at the same place errors before warnings, then by summary and detail.
// The sort is stable, so equal diagnostics keep their order.
func SortDiagnostics(diags hcl.Diagnostics) hcl.Diagnostics {
	sorted := slices.Clone(diags)
	slices.SortStableFunc(sorted, compareDiagnostics)
	return sorted
}

func compareDiagnostics(a, b *hcl.Diagnostic) int {
	switch {
	case a.Subject == nil && b.Subject != nil:
		return -1
	case a.Subject != nil && b.Subject == nil:
		return 1
	case a.Subject != nil && b.Subject != nil:
		ra, rb := a.Subject, b.Subject
		if c := cmp.Or(
			cmp.Compare(ra.Filename, rb.Filename),
			cmp.Compare(ra.Start.Line, rb.Start.Line),
			cmp.Compare(ra.Start.Column, rb.Start.Column),
			cmp.Compare(ra.Start.Byte, rb.Start.Byte),
		); c != 0 {
			return c
		}
	}
	// hcl.DiagError (1) sorts before hcl.DiagWarning (2).
	return cmp.Or(
		cmp.Compare(a.Severity, b.Severity),
		cmp.Compare(a.Summary, b.Summary),
		cmp.Compare(a.Detail, b.Detail),
	)
}

// DiagnosticsReport is the JSON form of a set of diagnostics, printed by
// `roadmap validate --json`. Field names are stable.
type DiagnosticsReport struct {
	FormatVersion string           `json:"format_version"`
	Valid         bool             `json:"valid"`
	ErrorCount    int              `json:"error_count"`
	WarningCount  int              `json:"warning_count"`
	Diagnostics   []DiagnosticJSON `json:"diagnostics"`
}

// DiagnosticJSON is one diagnostic.
type DiagnosticJSON struct {
	Severity string       `json:"severity"` // "error" or "warning"
	Summary  string       `json:"summary"`
	Detail   string       `json:"detail"`
	Range    *RangeJSON   `json:"range,omitempty"`
	Snippet  *SnippetJSON `json:"snippet,omitempty"`
}

// RangeJSON is a source range; lines and columns count from 1, byte
// offsets from 0; End is exclusive.
type RangeJSON struct {
	Filename string  `json:"filename"`
	Start    PosJSON `json:"start"`
	End      PosJSON `json:"end"`
}

// PosJSON is a position in a source file.
type PosJSON struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Byte   int `json:"byte"`
}

// SnippetJSON is the source around a diagnostic, present when the file's
// contents are known.
type SnippetJSON struct {
	// Context names the enclosing block, e.g. `project "crm"`; null when
	// the diagnostic is not inside one.
	Context *string `json:"context"`
	// Code holds the source lines the range covers, without the final
	// newline: at most maxSnippetLines lines of at most
	// maxSnippetLineBytes bytes, cut around the highlight (Truncated).
	Code      string `json:"code"`
	StartLine int    `json:"start_line"`
	// HighlightStartOffset and HighlightEndOffset are byte offsets into
	// Code of the range itself.
	HighlightStartOffset int `json:"highlight_start_offset"`
	HighlightEndOffset   int `json:"highlight_end_offset"`
	// Truncated is true when lines or bytes of the covered source were
	// left out of Code.
	Truncated bool `json:"truncated,omitempty"`
}

// NewDiagnosticsReport converts diags, in the order given, to their JSON
// form: the counts are of every diagnostic, the list holds those
// LimitDiagnostics keeps. files supplies snippets; it may be nil.
func NewDiagnosticsReport(diags hcl.Diagnostics, files map[string]*hcl.File) DiagnosticsReport {
	r := DiagnosticsReport{FormatVersion: DiagnosticsFormatVersion}
	for _, d := range diags {
		switch d.Severity {
		case hcl.DiagError:
			r.ErrorCount++
		case hcl.DiagWarning:
			r.WarningCount++
		}
	}
	shown := LimitDiagnostics(diags)
	r.Diagnostics = make([]DiagnosticJSON, 0, len(shown))
	for _, d := range shown {
		dj := DiagnosticJSON{Summary: d.Summary, Detail: d.Detail}
		switch d.Severity {
		case hcl.DiagError:
			dj.Severity = "error"
		case hcl.DiagWarning:
			dj.Severity = "warning"
		default:
			dj.Severity = "invalid"
		}
		if d.Subject != nil {
			dj.Range = newRangeJSON(*d.Subject)
			dj.Snippet = newSnippetJSON(d, files[d.Subject.Filename])
		}
		r.Diagnostics = append(r.Diagnostics, dj)
	}
	r.Valid = r.ErrorCount == 0
	return r
}

func newRangeJSON(rng hcl.Range) *RangeJSON {
	return &RangeJSON{
		Filename: rng.Filename,
		Start:    PosJSON{Line: rng.Start.Line, Column: rng.Start.Column, Byte: rng.Start.Byte},
		End:      PosJSON{Line: rng.End.Line, Column: rng.End.Column, Byte: rng.End.Byte},
	}
}

// contextStringer is implemented by hclsyntax's file navigation; it names
// the block enclosing a byte offset.
type contextStringer interface {
	ContextString(offset int) string
}

// newSnippetJSON cuts the lines covering the diagnostic's subject (and
// context, when wider) out of file. It returns nil when the range does not
// fit the file, e.g. because the file changed since it was parsed.
func newSnippetJSON(d *hcl.Diagnostic, file *hcl.File) *SnippetJSON {
	if file == nil || file.Bytes == nil {
		return nil
	}
	src := file.Bytes
	subject := *d.Subject
	snip := subject
	if d.Context != nil {
		snip = hcl.RangeOver(snip, *d.Context)
	}
	if subject.Start.Byte < 0 || subject.End.Byte < subject.Start.Byte || subject.End.Byte > len(src) ||
		snip.Start.Byte < 0 || snip.End.Byte > len(src) {
		return nil
	}
	lineStart := bytes.LastIndexByte(src[:snip.Start.Byte], '\n') + 1
	lineEnd := len(src)
	// An empty range at the very start of a line still shows that line.
	searchFrom := max(snip.End.Byte, snip.Start.Byte)
	if snip.End.Byte > snip.Start.Byte && src[snip.End.Byte-1] == '\n' {
		searchFrom = snip.End.Byte - 1
	}
	if i := bytes.IndexByte(src[searchFrom:], '\n'); i >= 0 {
		lineEnd = searchFrom + i
	}
	code := bytes.TrimSuffix(src[lineStart:lineEnd], []byte{'\r'})
	s := clipSnippet(code, subject.Start.Byte-lineStart, min(subject.End.Byte-lineStart, len(code)))
	s.StartLine = lineNumberAt(src, lineStart) + s.StartLine
	if cs, ok := file.Nav.(contextStringer); ok {
		if c := cs.ContextString(subject.Start.Byte); c != "" {
			s.Context = &c
		}
	}
	return s
}

// clipSnippet builds a snippet from code with the highlight at byte
// offsets [hs, he), keeping at most maxSnippetLines lines of at most
// maxSnippetLineBytes bytes around the highlight's start, as the text
// printer does. Its StartLine is the number of lines skipped at the top.
func clipSnippet(code []byte, hs, he int) *SnippetJSON {
	if len(code) <= maxSnippetLineBytes && bytes.Count(code, []byte{'\n'}) < maxSnippetLines {
		return &SnippetJSON{Code: string(code), HighlightStartOffset: hs, HighlightEndOffset: he}
	}
	// Line starts within code, and the line holding the highlight's start.
	starts := []int{0}
	hl := 0
	for i, c := range code {
		if c == '\n' {
			starts = append(starts, i+1)
			if i < hs {
				hl = len(starts) - 1
			}
		}
	}
	first := 0
	if hl >= maxSnippetLines {
		first = hl
	}
	last := min(len(starts), first+maxSnippetLines) // exclusive
	s := &SnippetJSON{StartLine: first, Truncated: first > 0 || last < len(starts)}
	var b []byte
	newHS, newHE := -1, -1
	for k := first; k < last; k++ {
		ls, le := starts[k], len(code)
		if k+1 < len(starts) {
			le = starts[k+1] - 1
		}
		ws, we := ls, le
		if le-ls > maxSnippetLineBytes {
			s.Truncated = true
			if hs >= ls && hs <= le && hs-ls > maxSnippetLineBytes/3 {
				ws = hs - maxSnippetLineBytes/3
			}
			we = min(le, ws+maxSnippetLineBytes)
			for ws > ls && !utf8.RuneStart(code[ws]) {
				ws--
			}
			for we < le && !utf8.RuneStart(code[we]) {
				we--
			}
		}
		if k > first {
			b = append(b, '\n')
		}
		base := len(b) - ws // offset in b of byte 0 of code, for this line
		b = append(b, code[ws:we]...)
		if newHS < 0 && hs <= we {
			newHS = base + max(hs, ws)
		}
		if he >= ws {
			newHE = base + min(he, we)
		}
	}
	if newHS < 0 {
		newHS = len(b)
	}
	s.Code = string(b)
	s.HighlightStartOffset = newHS
	s.HighlightEndOffset = max(newHE, newHS)
	return s
}

// lineNumberAt is the 1-based line of byte offset off in src.
func lineNumberAt(src []byte, off int) int {
	return bytes.Count(src[:off], []byte{'\n'}) + 1
}
