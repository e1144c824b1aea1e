package hclspec

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// Format returns src in canonical HCL form, keeping comments. It parses
// src first and, on any syntax error, returns nil and the diagnostics:
// hclwrite.Format would otherwise happily "format" a broken file. The
// parsed file (its syntax tree only when parsing failed) is returned in
// every case so diagnostics can be printed with snippets; filename only
// labels it.
func Format(src []byte, filename string) (formatted []byte, file *hcl.File, diags hcl.Diagnostics) {
	if _, over := countTokens(src, MaxFormatTokens); over >= 0 {
		return nil, &hcl.File{Bytes: src}, hcl.Diagnostics{tooManyTokensToFormat(src, filename, over)}
	}
	file, diags = ParseConfigWithinLimits(src, filename)
	if diags.HasErrors() {
		return nil, file, diags
	}
	// Diagnostics need the source only: the syntax tree (hundreds of MB
	// for a large file) is not kept through formatting (review qa17 A6).
	file = &hcl.File{Bytes: file.Bytes}
	// hclwrite drops a UTF-8 byte order mark; editors on Windows write
	// one, and formatting keeps it, as it keeps CRLF line endings.
	body, hasBOM := bytes.CutPrefix(src, []byte(utf8BOM))
	formatted = hclwrite.Format(body)
	if bytes.Equal(body, formatted) {
		return src, file, nil // formatted already: nothing moved
	}
	if d := checkFormatKeepsTokens(body, formatted, filename); d != nil {
		return nil, file, hcl.Diagnostics{d}
	}
	if hasBOM {
		formatted = append([]byte(utf8BOM), formatted...)
	}
	// The result must load as the input did: moving white space can, for
	// instance, make NUL bytes in a comment look like UTF-16 text.
	if _, after := ParseConfigWithinLimits(formatted, filename); after.HasErrors() {
		return nil, file, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cannot format safely",
			Detail:   fmt.Sprintf("The formatted file would not load (%s: %s), although this one does. Leave it as it is, or remove what the message points at by hand.", after[0].Summary, after[0].Detail),
			Subject:  after[0].Subject,
		}}
	}
	return formatted, file, nil
}

const utf8BOM = "\xef\xbb\xbf"

// MaxFormatTokens bounds the tokens of a file fmt formats (counted as for
// MaxTokens): formatting lexes and parses a file several times, and
// hclwrite's alignment allocates per line, so 1,560,000 tokens of short
// attributes took 24 s of CPU and 1.17 GB (review qa17 A6), still 10.7 s
// and 611 MB after the syntax tree was dropped early; 1,000,000 took
// 7.9 s and 466 MB, 500,000 take about 4 s and 250 MB, on a loaded
// machine.
const MaxFormatTokens = 500_000

// tooManyTokensToFormat refuses to format src at offset off, the token
// that passes MaxFormatTokens.
func tooManyTokensToFormat(src []byte, filename string, off int) *hcl.Diagnostic {
	at := posOf(src, off)
	_, size := utf8.DecodeRune(src[off:])
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "File too large to format",
		Detail: fmt.Sprintf("This file holds more than %s tokens (names, numbers, punctuation marks and line breaks), the most fmt formats in one file, and passes it here. validate and plan still read it; split it into several files to format it.",
			groupDigits(MaxFormatTokens)),
		Subject: &hcl.Range{Filename: filename, Start: at, End: hcl.Pos{Line: at.Line, Column: at.Column + 1, Byte: off + size}},
	}
}
