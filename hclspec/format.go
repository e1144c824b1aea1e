package hclspec

import (
	"bytes"
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// Format returns src in canonical HCL form, keeping comments. It parses
// src first and, on any syntax error, returns nil and the diagnostics:
// hclwrite.Format would otherwise happily "format" a broken file. The
// parsed file is returned in every case so diagnostics can be printed
// with snippets; filename only labels it.
func Format(src []byte, filename string) (formatted []byte, file *hcl.File, diags hcl.Diagnostics) {
	file, diags = ParseConfigWithinLimits(src, filename)
	if diags.HasErrors() {
		return nil, file, diags
	}
	// hclwrite drops a UTF-8 byte order mark; editors on Windows write
	// one, and formatting keeps it, as it keeps CRLF line endings.
	body, hasBOM := bytes.CutPrefix(src, []byte(utf8BOM))
	formatted = hclwrite.Format(body)
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
