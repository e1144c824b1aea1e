package hclspec

import (
	"fmt"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// countTokens counts src's tokens up to limit + 1 and returns the count
// and the offset of the token that takes it past limit (-1 when src has
// at most limit). It counts more than HCL's lexer does, never much less,
// in one pass without modes, so no quote, comment or heredoc can hide
// tokens from it: each run of letters, digits and underscores (a name or
// a number; a non-ASCII byte counts as a letter), each other character
// that is not a space, tab or carriage return, and each line break.
// Prose counts a token a word and one a punctuation mark.
func countTokens(src []byte, limit int) (n, over int) {
	inWord := false
	for i, c := range src {
		switch tokenClass[c] {
		case tokenWord:
			if inWord {
				continue
			}
			inWord = true
		case tokenSpace:
			inWord = false
			continue
		default:
			inWord = false
		}
		if n++; n > limit {
			return n, i
		}
	}
	return n, -1
}

// tokenClass is countTokens' class of each byte.
var tokenClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c == '_' || c >= 0x80 || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			t[c] = tokenWord
		case c == ' ' || c == '\t' || c == '\r':
			t[c] = tokenSpace
		}
	}
	return t
}()

// The classes of tokenClass; other bytes are 0, a token each.
const (
	tokenWord = iota + 1
	tokenSpace
)

// checkTokenTotal refuses the roadmap files of dir, before any is
// parsed, when they hold more than MaxTokens tokens together, at the
// token that passes the limit.
func checkTokenTotal(dir string, sources []sourceFile) hcl.Diagnostics {
	var diags hcl.Diagnostics
	total := 0
	for _, src := range sources {
		diags = append(diags, src.diags...)
		if src.overBudget {
			return nil // refused for its size already
		}
		n, over := countTokens(src.src, MaxTokens-total)
		if over >= 0 {
			return append(diags, tooManyTokens(src.src, src.name, over, dir))
		}
		total += n
	}
	return nil
}

// tooManyTokens is the refusal of src (a file of dir, or a file alone
// when dir is "") at the token at offset off, the one past MaxTokens.
func tooManyTokens(src []byte, filename string, off int, dir string) *hcl.Diagnostic {
	what := "This file holds"
	if dir != "" {
		what = fmt.Sprintf("The .hcl files of %s hold", dir)
	}
	at := posOf(src, off)
	_, size := utf8.DecodeRune(src[off:])
	end := hcl.Pos{Line: at.Line, Column: at.Column + 1, Byte: off + size}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Too many tokens",
		Detail: fmt.Sprintf("%s more than %d tokens (names, numbers, punctuation marks and line breaks), the most a roadmap may hold, and pass it here; a 10,000-project roadmap has about 1,350,000. Split the roadmap, or shorten long literal lists.",
			what, MaxTokens),
		Subject: &hcl.Range{Filename: filename, Start: at, End: end},
	}
}
