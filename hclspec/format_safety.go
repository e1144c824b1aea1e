package hclspec

import (
	"bytes"
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// checkFormatKeepsTokens refuses a formatting that changes more than
// layout. hclwrite.Format only moves white space, but removing a space
// can join two tokens into one with another meaning: "-0 .1" (an invalid
// index into 0) becomes "-0.1", a number. fmt must never change what a
// file means, so such a file is left alone with a diagnostic on the spot.
func checkFormatKeepsTokens(src, formatted []byte, filename string) *hcl.Diagnostic {
	before := layoutFreeTokens(src, filename)
	after := layoutFreeTokens(formatted, filename)
	for i := range max(len(before), len(after)) {
		if i < len(before) && i < len(after) && bytes.Equal(before[i].bytes, after[i].bytes) {
			continue
		}
		at := hcl.Range{Filename: filename, Start: hcl.InitialPos, End: hcl.InitialPos}
		if i < len(before) {
			at = tokenRange(src, filename, i)
		}
		return &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Cannot format safely",
			Detail: fmt.Sprintf("Formatting would join or split the tokens here and change what the file means (%s). Add or remove the space by hand as you mean it; then fmt can format the file.",
				describeTokenChange(before, after, i)),
			Subject: at.Ptr(),
		}
	}
	return nil
}

// layoutToken is a token's bytes, without the range hclsyntax keeps (a
// third the memory: 2,000,000 tokens are lexed twice at once).
type layoutToken struct {
	bytes []byte
}

// layoutFreeTokens lexes src and drops what formatting may change:
// newlines, and white space at the end of comments.
func layoutFreeTokens(src []byte, filename string) []layoutToken {
	tokens := lexLayoutFree(src, filename)
	out := make([]layoutToken, len(tokens))
	for i, t := range tokens {
		out[i] = layoutToken{t.Bytes}
	}
	return out
}

// lexLayoutFree is the tokens of layoutFreeTokens, with their ranges.
func lexLayoutFree(src []byte, filename string) hclsyntax.Tokens {
	tokens, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	out := tokens[:0]
	for _, t := range tokens {
		switch t.Type {
		case hclsyntax.TokenNewline, hclsyntax.TokenEOF:
			continue
		case hclsyntax.TokenComment:
			t.Bytes = bytes.TrimRight(t.Bytes, " \t\r\n")
		}
		out = append(out, t)
	}
	return out
}

// tokenRange is the range of layout-free token i of src, lexed again:
// only a refusal needs it.
func tokenRange(src []byte, filename string, i int) hcl.Range {
	return lexLayoutFree(src, filename)[i].Range
}

func describeTokenChange(before, after []layoutToken, i int) string {
	text := func(ts []layoutToken) string {
		var b bytes.Buffer
		for j := i; j < len(ts) && j < i+3; j++ {
			if j > i {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%q", ts[j].bytes)
		}
		return b.String()
	}
	return fmt.Sprintf("the tokens %s would become %s", text(before), text(after))
}
