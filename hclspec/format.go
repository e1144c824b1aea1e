package hclspec

import (
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
	formatted = hclwrite.Format(src)
	if d := checkFormatKeepsTokens(src, formatted, filename); d != nil {
		return nil, file, hcl.Diagnostics{d}
	}
	return formatted, file, nil
}
