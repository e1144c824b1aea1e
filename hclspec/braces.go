package hclspec

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// A missing "}" makes the parser read every later block as part of the
// unclosed one: for a nested or one-line block its own errors ("Invalid
// single-argument block definition", "Unclosed configuration block" on
// the enclosing project) then name the wrong block, and decoding adds
// "Blocks of type "project" are not expected here" for the next block.
// The file's indentation says where the brace belongs: a line indented no
// deeper than a block's header ends that block. missingBrace finds it,
// and the parser's diagnostics from that block on are replaced by one.

// braceCutoff is the Extra of an unclosed-block diagnostic built by
// missingBrace: diagnostics of the file from offset on follow from it.
type braceCutoff struct {
	offset int
	// headers are the lines of the blocks around the unclosed one: what
	// is reported there ("Missing required argument") is about content
	// the missing brace moved.
	headers []int
}

// openBrace is a "{", "[", "(" or template opener still open while lexing.
type openBrace struct {
	tok      hclsyntax.Token
	block    bool   // the "{" of a block header
	header   string // the block's header: `cost`, `project "a"`
	indent   int    // columns before the first token of the header's line
	oneLine  bool   // content follows the "{" on its line
	deeper   bool   // a later line is indented deeper than the header
	lineText string // the header's line, for the one-line advice
	object   bool   // the "{" of an object value (name = {), checked like a block's
}

// what names o in a message: `the cost block`, `the goals object`.
func (o *openBrace) what() string {
	if o.object {
		return o.header + " object"
	}
	return o.header + " block"
}

// missingBrace returns the diagnostic for the block whose closing brace
// is missing in src, judged by indentation, or nil when the indentation
// does not tell (an unformatted file, or no block left open).
func missingBrace(src []byte, filename string) *hcl.Diagnostic {
	tokens, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	var stack []*openBrace
	lineStart := 0 // index of the first token of the current line
	var prev *hclsyntax.Token
	for i := range tokens {
		tok := tokens[i]
		first := prev == nil || prev.Type == hclsyntax.TokenNewline ||
			(prev.Type == hclsyntax.TokenComment && strings.HasSuffix(string(prev.Bytes), "\n")) ||
			tok.Range.Start.Line > prev.Range.End.Line
		prev = &tokens[i]
		if first {
			lineStart = i
		}
		if first && tok.Type != hclsyntax.TokenNewline && tok.Type != hclsyntax.TokenComment && tok.Type != hclsyntax.TokenEOF && len(stack) > 0 {
			top := stack[len(stack)-1]
			indent := tok.Range.Start.Column - 1
			if top.block && tok.Type == hclsyntax.TokenIdent && indent <= top.indent {
				return missingBraceDiagnostic(stack, src, filename, tokens, i)
			}
			if top.block && tok.Type == hclsyntax.TokenCBrace && indent < top.indent && (top.oneLine || top.deeper) {
				// A "}" left of the header closes an outer block: this
				// one's own is missing.
				return missingBraceDiagnostic(stack, src, filename, tokens, i)
			}
			if top.block && indent > top.indent {
				top.deeper = true
			}
		}
		switch tok.Type {
		case hclsyntax.TokenOBrace:
			o := &openBrace{tok: tok, indent: tokens[lineStart].Range.Start.Column - 1}
			o.block, o.header = blockHeader(tokens[lineStart:i])
			if !o.block && i-lineStart == 2 && tokens[lineStart].Type == hclsyntax.TokenIdent && tokens[lineStart+1].Type == hclsyntax.TokenEqual {
				// name = { ...: an object whose items are indented, like a block's.
				o.block, o.header, o.object = true, string(tokens[lineStart].Bytes), true
			}
			o.lineText = lineOf(src, tok.Range.Start.Byte)
			if i+1 < len(tokens) {
				switch tokens[i+1].Type {
				case hclsyntax.TokenNewline, hclsyntax.TokenComment, hclsyntax.TokenEOF:
				default:
					o.oneLine = true
				}
			}
			stack = append(stack, o)
		case hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			stack = append(stack, &openBrace{tok: tok})
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenTemplateSeqEnd:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case hclsyntax.TokenEOF:
			if len(stack) > 0 && stack[len(stack)-1].block {
				return missingBraceDiagnostic(stack, src, filename, tokens, i)
			}
		}
	}
	return nil
}

// blockHeader reports whether the tokens before a "{" on its line are a
// block header (a type and quoted labels), and its text.
func blockHeader(tokens []hclsyntax.Token) (bool, string) {
	if len(tokens) == 0 || tokens[0].Type != hclsyntax.TokenIdent {
		return false, ""
	}
	var b strings.Builder
	b.Write(tokens[0].Bytes)
	for _, t := range tokens[1:] {
		switch t.Type {
		case hclsyntax.TokenOQuote:
			b.WriteString(` "`)
		case hclsyntax.TokenQuotedLit:
			b.Write(t.Bytes)
		case hclsyntax.TokenCQuote:
			b.WriteString(`"`)
		case hclsyntax.TokenIdent:
			b.WriteString(" ")
			b.Write(t.Bytes)
		default:
			return false, ""
		}
	}
	return true, b.String()
}

// lineOf is the line of src holding offset, without its line break.
func lineOf(src []byte, offset int) string {
	start := strings.LastIndexByte(string(src[:offset]), '\n') + 1
	end := strings.IndexByte(string(src[offset:]), '\n')
	if end < 0 {
		end = len(src) - offset
	}
	return strings.TrimRight(string(src[start:offset+end]), "\r")
}

// missingBraceDiagnostic says where the "}" of o belongs: at the end of
// its line for a one-line block, else before the line of tokens[at]
// (or at the end of the file). Nil when the indentation cannot tell.
func missingBraceDiagnostic(stack []*openBrace, src []byte, filename string, tokens []hclsyntax.Token, at int) *hcl.Diagnostic {
	o := stack[len(stack)-1]
	cut := tokens[at].Range.Start.Byte
	d := &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  unclosedSummary,
		Subject:  o.tok.Range.Ptr(),
	}
	const rest = " Until then every block after it is read as part of it, so the errors that would follow are not shown."
	switch {
	case o.oneLine:
		line := strings.TrimSpace(o.lineText)
		if c := strings.Index(line, " #"); c >= 0 {
			line = strings.TrimSpace(line[:c])
		}
		d.Detail = fmt.Sprintf("The %s is written on one line but not closed on it. End the line with }: %s }.%s",
			o.what(), line, rest)
		cut = o.tok.Range.End.Byte
	case !o.deeper:
		return nil // nothing indented inside it: the layout says nothing
	case tokens[at].Type == hclsyntax.TokenEOF:
		d.Detail = fmt.Sprintf("The %s opened on line %d has no closing brace. Add } where it ends: most likely at the end of the file.%s",
			o.what(), o.tok.Range.Start.Line, rest)
	case tokens[at].Type == hclsyntax.TokenCBrace:
		d.Detail = fmt.Sprintf("The %s opened on line %d has no closing brace. Add } where it ends: most likely before line %d, where its enclosing block ends.%s",
			o.what(), o.tok.Range.Start.Line, tokens[at].Range.Start.Line, rest)
	default:
		next := tokens[at]
		what := fmt.Sprintf("the attribute %s is set", next.Bytes)
		if ok, header := blockHeader(headerTokens(tokens[at:])); ok {
			what = header + " begins"
		}
		d.Detail = fmt.Sprintf("The %s opened on line %d has no closing brace. Add } where it ends: most likely before line %d, where %s.%s",
			o.what(), o.tok.Range.Start.Line, next.Range.Start.Line, what, rest)
	}
	bc := braceCutoff{offset: cut}
	for _, outer := range stack[:len(stack)-1] {
		bc.headers = append(bc.headers, outer.tok.Range.Start.Line)
	}
	d.Extra = bc
	return d
}

// headerTokens is the tokens of a line up to its "{", or nil when the
// line opens no block.
func headerTokens(tokens []hclsyntax.Token) []hclsyntax.Token {
	for i, t := range tokens {
		switch t.Type {
		case hclsyntax.TokenOBrace:
			return tokens[:i]
		case hclsyntax.TokenNewline, hclsyntax.TokenEqual, hclsyntax.TokenEOF:
			return nil
		}
	}
	return nil
}

// withMissingBrace replaces the parser's diagnostics of a file from the
// unclosed block on by the one that says where its brace belongs.
func withMissingBrace(diags hcl.Diagnostics, src []byte, filename string) hcl.Diagnostics {
	braceError := false
	for _, d := range diags {
		braceError = braceError || isBraceError(d)
	}
	if !braceError {
		return diags
	}
	d := missingBrace(src, filename)
	if d == nil {
		return diags
	}
	kept := hcl.Diagnostics{}
	for _, old := range diags {
		if isBraceError(old) {
			continue // the same missing brace, seen from the block that ended up unclosed
		}
		if old.Summary == habitSummary || old.Subject == nil || old.Subject.Start.Byte < d.Subject.Start.Byte {
			kept = append(kept, old)
		}
	}
	return append(kept, d)
}

// isBraceError reports whether the parser's d is about a block's braces.
func isBraceError(d *hcl.Diagnostic) bool {
	switch d.Summary {
	case unclosedSummary, "Invalid single-argument block definition", "Missing key/value separator":
		return true
	}
	return false
}
