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
	"github.com/zclconf/go-cty/cty"

	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/safetext"
)

// diagnosticTextWriter prints diagnostics as hcl.NewDiagnosticTextWriter
// does, with the column after the line number ("on main.hcl line 8,
// column 14"), but finds a snippet's lines through
// an index of each file's line starts built once, instead of scanning the
// file from its first byte (grapheme by grapheme) for every diagnostic:
// on a 5 MiB roadmap that scan costs most of a second per diagnostic.
// It also clips the values it quotes after "with" (HCL's writer quotes
// whole strings, 64 KiB each). Diagnostics whose file it does not have go
// to HCL's writer, which says the source is not available.
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
	// numbers holds each line's number as HCL's scanner reports it when
	// the file has a carriage return outside a CRLF pair, which the
	// scanner counts as a line break of its own (though bufio.ScanLines
	// does not split there); nil when line k is simply number k+1.
	numbers []int
}

// number is the line number HCL shows for line k (0-based).
func (idx *lineIndex) number(k int) int {
	if idx.numbers != nil {
		return idx.numbers[k]
	}
	return k + 1
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
	if lone := loneCarriageReturns(src); len(lone) > 0 {
		idx.numbers = make([]int, len(idx.starts))
		extra := 0
		for k, start := range idx.starts {
			for len(lone) > 0 && lone[0] < start {
				extra++
				lone = lone[1:]
			}
			idx.numbers[k] = k + 1 + extra
		}
	}
	return idx
}

// loneCarriageReturns lists the offsets of carriage returns not followed
// by a line feed.
func loneCarriageReturns(src []byte) []int {
	var lone []int
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\r')
		if i < 0 {
			return lone
		}
		off += i + 1
		if off >= len(src) || src[off] != '\n' {
			lone = append(lone, off-1)
		}
	}
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
	line := idx.number(k)
	return hcl.Range{
		Filename: filename,
		Start:    hcl.Pos{Line: line, Column: 1, Byte: start},
		End:      hcl.Pos{Line: line, Column: 1 + len(text), Byte: start + len(text)},
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
	if d == nil || d.Subject == nil {
		return dw.hcl.WriteDiagnostic(d)
	}
	file := dw.files[d.Subject.Filename]
	if file == nil || file.Bytes == nil {
		// No source to show (a sheet's cell, a directory): the place
		// alone, without HCL's "(source code not available)".
		file = &hcl.File{}
	}
	idx := dw.index(d.Subject.Filename, file)

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
	fmt.Fprintf(&b, "  on %s%s:\n", place(d.Subject), context)

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
	writeExpressionValues(&b, d)

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
// place is where a diagnostic is, as HCL says it ("main.hcl line 8"),
// with the column that only a coloured snippet would otherwise show.
func place(r *hcl.Range) string {
	if r.Start.Column < 1 {
		return fmt.Sprintf("%s line %d", r.Filename, r.Start.Line)
	}
	return fmt.Sprintf("%s line %d, column %d", r.Filename, r.Start.Line, r.Start.Column)
}

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

// writeExpressionValues writes the values of the variables d's expression
// refers to, as HCL's writer does ("with local.x as 3,"), but quoting at
// most 80 bytes of each string (hclspec.Quote).
func writeExpressionValues(b *bytes.Buffer, d *hcl.Diagnostic) {
	if d.Expression == nil || d.EvalContext == nil {
		return
	}
	vars := d.Expression.Variables()
	stmts := make([]string, 0, len(vars))
	seen := make(map[string]bool, len(vars))
	for _, traversal := range vars {
		val, diags := traversal.TraverseAbs(d.EvalContext)
		if diags.HasErrors() {
			continue // most likely reported already
		}
		name := traversalString(traversal)
		if seen[name] {
			continue
		}
		switch {
		case !val.IsKnown(), val.IsMarked():
			continue
		case val.IsNull():
			stmts = append(stmts, name+" set to null")
		default:
			stmts = append(stmts, name+" as "+diagnosticValueString(val))
		}
		seen[name] = true
	}
	sort.Strings(stmts)
	for i, stmt := range stmts {
		if i == 0 {
			b.WriteString("with ")
		} else {
			b.WriteString("     ")
		}
		b.WriteString(stmt)
		if i == len(stmts)-1 {
			b.WriteString(".\n\n")
		} else {
			b.WriteString(",\n")
		}
	}
}

// traversalString names a traversal as HCL's writer does.
func traversalString(traversal hcl.Traversal) string {
	var b strings.Builder
	for _, step := range traversal {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			b.WriteString(s.Name)
		case hcl.TraverseAttr:
			b.WriteByte('.')
			b.WriteString(s.Name)
		case hcl.TraverseIndex:
			b.WriteByte('[')
			if s.Key.Type().IsPrimitiveType() {
				b.WriteString(diagnosticValueString(s.Key))
			} else {
				b.WriteString("...")
			}
			b.WriteByte(']')
		}
	}
	return b.String()
}

// diagnosticValueString describes a value as HCL's writer does, strings
// clipped.
func diagnosticValueString(val cty.Value) string {
	ty := val.Type()
	switch {
	case val.IsNull():
		return "null"
	case !val.IsKnown():
		return "(not yet known)"
	case ty == cty.Bool:
		if val.True() {
			return "true"
		}
		return "false"
	case ty == cty.Number:
		return val.AsBigFloat().Text('g', 10)
	case ty == cty.String:
		return hclspec.Quote(val.AsString())
	case ty.IsCollectionType() || ty.IsTupleType():
		switch l := val.LengthInt(); l {
		case 0:
			return "empty " + ty.FriendlyName()
		case 1:
			return ty.FriendlyName() + " with 1 element"
		default:
			return fmt.Sprintf("%s with %d elements", ty.FriendlyName(), l)
		}
	case ty.IsObjectType():
		atys := ty.AttributeTypes()
		switch len(atys) {
		case 0:
			return "object with no attributes"
		case 1:
			for k := range atys {
				return "object with 1 attribute " + hclspec.Quote(k)
			}
		}
		return fmt.Sprintf("object with %d attributes", len(atys))
	}
	return ty.FriendlyName()
}
