package report

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	wordwrap "github.com/mitchellh/go-wordwrap"

	"github.com/roadmap-as-code/roadmap/internal/safetext"
)

// diagnosticTextWriter prints diagnostics byte for byte as
// hcl.NewDiagnosticTextWriter does, but finds a snippet's lines through
// an index of each file's line starts built once, instead of scanning the
// file from its first byte (grapheme by grapheme) for every diagnostic:
// on a 5 MiB roadmap that scan costs most of a second per diagnostic.
// Diagnostics it does not handle itself (no source, values of the
// expression to print, files with lone carriage returns) go to HCL's
// writer.
type diagnosticTextWriter struct {
	w     io.Writer
	files map[string]*hcl.File
	width uint
	color bool
	hcl   hcl.DiagnosticWriter
	lines map[string]*lineIndex
}

func newDiagnosticTextWriter(w io.Writer, files map[string]*hcl.File, width uint, color bool) *diagnosticTextWriter {
	return &diagnosticTextWriter{
		w: w, files: files, width: width, color: color,
		hcl:   hcl.NewDiagnosticTextWriter(w, files, width, color),
		lines: map[string]*lineIndex{},
	}
}

// lineIndex holds the byte offset where each line of a file starts, the
// way hcl.RangeScanner with bufio.ScanLines counts lines.
type lineIndex struct {
	starts []int
	// odd is set when the file has a carriage return outside a CRLF pair,
	// which HCL's scanner counts as a line break of its own.
	odd bool
}

func newLineIndex(src []byte) *lineIndex {
	idx := &lineIndex{starts: make([]int, 1, bytes.Count(src, []byte{'\n'})+1)}
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		if off < len(src) {
			idx.starts = append(idx.starts, off)
		}
	}
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\r')
		if i < 0 {
			break
		}
		off += i + 1
		if off >= len(src) || src[off] != '\n' {
			idx.odd = true
			break
		}
	}
	return idx
}

// line returns the range and text of line k (0-based) as the scanner
// reports them: the text without its line break.
func (idx *lineIndex) line(src []byte, filename string, k int) (hcl.Range, []byte) {
	start := idx.starts[k]
	end := len(src)
	if k+1 < len(idx.starts) {
		end = idx.starts[k+1]
	}
	text := src[start:end]
	text = bytes.TrimSuffix(text, []byte{'\n'})
	text = bytes.TrimSuffix(text, []byte{'\r'})
	return hcl.Range{
		Filename: filename,
		Start:    hcl.Pos{Line: k + 1, Column: 1, Byte: start},
		End:      hcl.Pos{Line: k + 1, Column: 1 + len(text), Byte: start + len(text)},
	}, text
}

func (dw *diagnosticTextWriter) WriteDiagnostics(diags hcl.Diagnostics) error {
	for _, d := range diags {
		if err := dw.WriteDiagnostic(d); err != nil {
			return err
		}
	}
	return nil
}

func (dw *diagnosticTextWriter) index(name string, file *hcl.File) *lineIndex {
	idx, ok := dw.lines[name]
	if !ok {
		idx = newLineIndex(file.Bytes)
		dw.lines[name] = idx
	}
	return idx
}

func (dw *diagnosticTextWriter) WriteDiagnostic(d *hcl.Diagnostic) error {
	if d == nil || d.Subject == nil || (d.Expression != nil && d.EvalContext != nil) {
		return dw.hcl.WriteDiagnostic(d)
	}
	file := dw.files[d.Subject.Filename]
	if file == nil || file.Bytes == nil {
		return dw.hcl.WriteDiagnostic(d)
	}
	idx := dw.index(d.Subject.Filename, file)
	if idx.odd {
		return dw.hcl.WriteDiagnostic(d)
	}

	var colorCode, highlightCode, resetCode string
	if dw.color {
		switch d.Severity {
		case hcl.DiagError:
			colorCode = safetext.Red
		case hcl.DiagWarning:
			colorCode = safetext.Yellow
		}
		resetCode = safetext.Reset
		highlightCode = safetext.BoldUnderline
	}
	severity := "???????"
	switch d.Severity {
	case hcl.DiagError:
		severity = "Error"
	case hcl.DiagWarning:
		severity = "Warning"
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s%s%s: %s\n\n", colorCode, severity, resetCode, d.Summary)

	snip := *d.Subject
	highlight := snip
	if d.Context != nil {
		snip = hcl.RangeOver(snip, *d.Context)
	}
	if snip.Empty() {
		snip.End.Byte++
		snip.End.Column++
	}
	if highlight.Empty() {
		highlight.End.Byte++
		highlight.End.Column++
	}
	context := ""
	if cs, ok := file.Nav.(contextStringer); ok {
		if c := cs.ContextString(d.Subject.Start.Byte); c != "" {
			context = ", in " + c
		}
	}
	fmt.Fprintf(&b, "  on %s line %d%s:\n", d.Subject.Filename, d.Subject.Start.Line, context)

	src := file.Bytes
	// The first line that can overlap the snippet is the one holding its
	// start; HCL's Overlaps also counts a line that starts at its end.
	first := sort.Search(len(idx.starts), func(k int) bool {
		next := len(src)
		if k+1 < len(idx.starts) {
			next = idx.starts[k+1]
		}
		return next > snip.Start.Byte
	})
	if len(src) > 0 {
		shown, more := 0, 0
		for k := max(first-1, 0); k < len(idx.starts) && idx.starts[k] <= snip.End.Byte; k++ {
			lineRange, text := idx.line(src, d.Subject.Filename, k)
			if !lineRange.Overlaps(snip) {
				continue
			}
			if shown == maxSnippetLines {
				more++
				continue
			}
			shown++
			before, highlighted, after := lineRange.PartitionAround(highlight)
			if len(text) > maxSnippetLineBytes {
				fmt.Fprintf(&b, "%4d: %s\n", lineRange.Start.Line, clipLine(text, before, highlighted, highlightCode, resetCode))
			} else if highlighted.Empty() {
				fmt.Fprintf(&b, "%4d: %s\n", lineRange.Start.Line, text)
			} else {
				fmt.Fprintf(&b, "%4d: %s%s%s%s%s\n", lineRange.Start.Line,
					before.SliceBytes(src), highlightCode, highlighted.SliceBytes(src), resetCode, after.SliceBytes(src))
			}
		}
		if more > 0 {
			fmt.Fprintf(&b, "      (%d more lines)\n", more)
		}
	}
	b.WriteByte('\n')

	if d.Detail != "" {
		detail := d.Detail
		if dw.width != 0 {
			detail = wordwrap.WrapString(detail, dw.width)
		}
		fmt.Fprintf(&b, "%s\n\n", detail)
	}
	if _, err := dw.w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write failed: %w", err)
	}
	return nil
}

// A snippet shows at most maxSnippetLines lines of at most
// maxSnippetLineBytes bytes each, so a diagnostic on a 5 MB string or a
// 50,000-line heredoc stays a few lines long instead of echoing the
// whole input (a limit HCL's writer does not have; below it the text is
// HCL's byte for byte).
const (
	maxSnippetLines     = 12
	maxSnippetLineBytes = 240
)

// clipLine returns about maxSnippetLineBytes of a long line around the
// start of its highlighted part, with "..." where text was cut.
func clipLine(text []byte, before, highlighted hcl.Range, highlightCode, resetCode string) string {
	hs := before.End.Byte - before.Start.Byte // highlight start within the line
	if highlighted.Empty() {
		hs = 0
	}
	he := hs + (highlighted.End.Byte - highlighted.Start.Byte)
	ws := 0
	if hs > maxSnippetLineBytes/3 {
		ws = hs - maxSnippetLineBytes/3
	}
	we := min(len(text), ws+maxSnippetLineBytes)
	for ws > 0 && !utf8.RuneStart(text[ws]) {
		ws--
	}
	for we < len(text) && !utf8.RuneStart(text[we]) {
		we--
	}
	var b strings.Builder
	if ws > 0 {
		b.WriteString("...")
	}
	hs, he = min(max(hs, ws), we), min(max(he, ws), we)
	b.Write(text[ws:hs])
	if he > hs {
		b.WriteString(highlightCode)
		b.Write(text[hs:he])
		b.WriteString(resetCode)
	}
	b.Write(text[he:we])
	if we < len(text) {
		fmt.Fprintf(&b, "... (%d more bytes)", len(text)-we)
	}
	return b.String()
}
