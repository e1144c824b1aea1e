package hclspec

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// bodyContent is body.Content(schema) for a block body as the parser made
// it. When the body holds only attributes and blocks the schema expects,
// every required attribute among them and each block with its labels, the
// content is built straight from the syntax tree: hclsyntax's Content
// also builds three maps and a remaining body for its diagnostics, which
// were a third of decoding a 10,000-project roadmap's allocations (40,000
// calls). Any other body goes to Content, for the same diagnostics.
//
// Only for bodies from the parser: a body PartialContent returns hides
// attributes that this cannot see.
func bodyContent(body hcl.Body, schema *hcl.BodySchema) (*hcl.BodyContent, hcl.Diagnostics) {
	b, ok := body.(*hclsyntax.Body)
	if !ok {
		return body.Content(schema)
	}
	attrs := make(hcl.Attributes, len(b.Attributes))
	// One allocation for them all; each schema name finds a different
	// attribute, so all never grows and its pointers stay.
	all := make([]hcl.Attribute, 0, len(b.Attributes))
	for _, as := range schema.Attributes {
		a, ok := b.Attributes[as.Name]
		if !ok {
			if as.Required {
				return body.Content(schema)
			}
			continue
		}
		all = append(all, hcl.Attribute{Name: a.Name, Expr: a.Expr, Range: a.SrcRange, NameRange: a.NameRange})
		attrs[as.Name] = &all[len(all)-1]
	}
	if len(attrs) != len(b.Attributes) { // an attribute the schema does not name
		return body.Content(schema)
	}
	var blocks hcl.Blocks
	for _, blk := range b.Blocks {
		if !expectsBlock(schema, blk) {
			return body.Content(schema)
		}
	}
	if len(b.Blocks) > 0 {
		blocks = make(hcl.Blocks, len(b.Blocks))
		for k, blk := range b.Blocks {
			blocks[k] = blk.AsHCLBlock()
		}
	}
	return &hcl.BodyContent{Attributes: attrs, Blocks: blocks, MissingItemRange: b.MissingItemRange()}, nil
}

// expectsBlock reports whether the schema names blk's type with as many
// labels as blk has.
func expectsBlock(schema *hcl.BodySchema, blk *hclsyntax.Block) bool {
	for _, bs := range schema.Blocks {
		if bs.Type == blk.Type {
			return len(bs.LabelNames) == len(blk.Labels)
		}
	}
	return false
}
