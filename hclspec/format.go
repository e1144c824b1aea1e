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
	return hclwrite.Format(src), file, nil
}
