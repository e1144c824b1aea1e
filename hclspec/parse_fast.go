package hclspec

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// parseBody parses src, a piece of a configuration file starting at
// start, into the body hclsyntax.ParseConfig gives for it, for the common
// subset of the syntax a large roadmap is written in: blocks with quoted
// or bare labels, attributes whose values are numbers, plain strings,
// true/false/null, references (a.b.c), tuples and objects of those. The
// source must be ASCII, without carriage returns, /* comments */,
// heredocs, escapes, template sequences, operators, calls or top-level
// attributes; # and // comments are read as the parser reads them.
// Anything else, and anything that would be a syntax error, returns
// ok = false and the caller parses the piece with hclsyntax, so
// diagnostics are always the parser's own. So do a string longer than
// MaxStringBytes and a number out of range: a tree it returns needs no
// checkBody (its depth is at most twice its nesting, which nestingBound
// kept within MaxNesting) and no guardArithmetic (it has no operators).
//
// HCL's lexer costs most of a large roadmap's load: it builds a token of
// about 100 bytes for every word and sign, grown by append, and counts
// columns in grapheme clusters. This reads the bytes once, and the tree
// it builds is the parser's, range for range (TestParseFastMatchesParseConfig).
//
// One fastParser may parse many pieces, one after the other; it keeps the
// number values it has read (cty values are immutable, so equal literals
// can share one).
func (p *fastParser) parseBody(src []byte, filename string, start hcl.Pos) (body *hclsyntax.Body, ok bool) {
	*p = fastParser{src: src, filename: filename, base: start.Byte, line: start.Line, lineStart: 1 - start.Column,
		numbers: p.numbers, attrs: p.attrs[:0], blocks: p.blocks[:0]}
	defer func() {
		if r := recover(); r != nil {
			if r != errNotFast {
				panic(r)
			}
			body, ok = nil, false
		}
	}()
	return p.file(), true
}

// errNotFast unwinds parseBody when the source leaves its subset.
var errNotFast = &struct{ s string }{"not in the fast parser's subset"}

// maxFastAttrs is the most attributes a body parsed by fastParser holds.
const maxFastAttrs = 64

// maxSharedNumbers bounds the number values a fastParser keeps.
const maxSharedNumbers = 4096

type fastParser struct {
	src       []byte
	filename  string
	base      int // offset of src[0] in the file
	i         int // the next byte
	line      int // line of src[i]
	lineStart int // offset in src of column 1 of the current line
	numbers   map[string]cty.Value
	attrs     []*hclsyntax.Attribute // scratch of items
	blocks    []*hclsyntax.Block
}

func (p *fastParser) fail() { panic(errNotFast) }

func (p *fastParser) pos() hcl.Pos {
	return hcl.Pos{Line: p.line, Column: p.i - p.lineStart + 1, Byte: p.base + p.i}
}

func (p *fastParser) rangeFrom(start hcl.Pos) hcl.Range {
	return hcl.Range{Filename: p.filename, Start: start, End: p.pos()}
}

// lineEnd consumes the line break (or the end of the piece) that must
// end an attribute or a block.
func (p *fastParser) lineEnd() {
	if p.i < len(p.src) && !p.lineBreak() {
		p.fail()
	}
}

// lineBreak consumes a line break or a line comment (the parser reads
// one as a line break), if one is next.
func (p *fastParser) lineBreak() bool {
	switch {
	case p.peek() == '\n':
		p.newline()
	case p.atComment():
		p.comment()
	default:
		return false
	}
	return true
}

// atComment reports whether a line comment, # or //, starts at p.i.
func (p *fastParser) atComment() bool {
	c := p.peek()
	return c == '#' || c == '/' && p.i+1 < len(p.src) && p.src[p.i+1] == '/'
}

// comment consumes a line comment with its line break, if it has one
// (the last line of a piece may not), and returns its token's range.
// Its text must be printable ASCII: the parser's columns after it count
// grapheme clusters, and the lexer judges bytes that are not UTF-8.
func (p *fastParser) comment() (rng hcl.Range, lineBreak bool) {
	start := p.pos()
	for p.i < len(p.src) {
		c := p.src[p.i]
		if c == '\n' {
			p.newline()
			return hcl.Range{Filename: p.filename, Start: start, End: p.pos()}, true
		}
		if (c < ' ' || c > '~') && c != '\t' {
			p.fail()
		}
		p.i++
	}
	return p.rangeFrom(start), false
}

// peek is the next byte, 0 at the end.
func (p *fastParser) peek() byte {
	if p.i < len(p.src) {
		return p.src[p.i]
	}
	return 0
}

// spaces skips spaces and tabs; with newlines, line breaks and line
// comments too.
func (p *fastParser) spaces(newlines bool) {
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case ' ', '\t':
			p.i++
		case '\n', '#', '/':
			if !newlines || !p.lineBreak() {
				return
			}
		default:
			return
		}
	}
}

// newline consumes the line break at p.i and returns its token's range.
func (p *fastParser) newline() hcl.Range {
	start := p.pos()
	p.i++
	p.line++
	p.lineStart = p.i
	return hcl.Range{Filename: p.filename, Start: start, End: p.pos()}
}

// punct consumes the one-byte token c.
func (p *fastParser) punct(c byte) hcl.Range {
	if p.peek() != c {
		p.fail()
	}
	start := p.pos()
	p.i++
	return p.rangeFrom(start)
}

func identStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func identByte(c byte) bool {
	return identStart(c) || c >= '0' && c <= '9' || c == '-'
}

func (p *fastParser) ident() (string, hcl.Range) {
	if !identStart(p.peek()) {
		p.fail()
	}
	start := p.pos()
	j := p.i + 1
	for j < len(p.src) && identByte(p.src[j]) {
		j++
	}
	name := string(p.src[p.i:j])
	p.i = j
	return name, p.rangeFrom(start)
}

// file is ParseBody(TokenEOF) of the whole piece.
func (p *fastParser) file() *hclsyntax.Body {
	p.spaces(false)
	// The parser's start range is that of the first token.
	var first hcl.Range
	switch c := p.peek(); {
	case p.i == len(p.src):
		first = p.rangeFrom(p.pos())
	case c == '\n':
		save := *p
		first = p.newline()
		*p = save
	case p.atComment():
		// The parser reads a line comment as a line break over the
		// comment's range; one without a line break it skips.
		save := *p
		var lineBreak bool
		if first, lineBreak = p.comment(); !lineBreak {
			first = p.rangeFrom(p.pos()) // the end of the piece
		}
		*p = save
	case identStart(c):
		save := *p
		_, first = p.ident()
		*p = save
	default:
		p.fail()
	}
	attrs, blocks := p.items(false)
	eof := p.rangeFrom(p.pos())
	if len(attrs) > 0 {
		p.fail() // the caller parses the whole file then
	}
	return &hclsyntax.Body{
		Attributes: attrs,
		Blocks:     blocks,
		SrcRange:   hcl.RangeBetween(first, eof),
		EndRange:   hcl.Range{Filename: eof.Filename, Start: eof.End, End: eof.End},
	}
}

// items reads a body's attributes and blocks up to its closing brace
// (inBlock) or the end of the piece, and leaves p there.
func (p *fastParser) items(inBlock bool) (hclsyntax.Attributes, hclsyntax.Blocks) {
	// Gathered on stacks shared by the nested bodies, then copied into
	// a map and a slice of their size.
	attrBase, blockBase := len(p.attrs), len(p.blocks)
	defer func() { p.attrs, p.blocks = p.attrs[:attrBase], p.blocks[:blockBase] }()
	for {
		p.spaces(false)
		c := p.peek()
		switch {
		case p.lineBreak():
			continue
		case c == '}' && inBlock, p.i == len(p.src) && !inBlock:
			attrs := make(hclsyntax.Attributes, len(p.attrs)-attrBase)
			for _, a := range p.attrs[attrBase:] {
				attrs[a.Name] = a
			}
			return attrs, append(hclsyntax.Blocks{}, p.blocks[blockBase:]...)
		case !identStart(c):
			p.fail()
		}
		name, nameRange := p.ident()
		p.spaces(false)
		switch c := p.peek(); {
		case c == '=':
			if len(p.attrs)-attrBase >= maxFastAttrs {
				p.fail() // the check for duplicates below is quadratic
			}
			for _, a := range p.attrs[attrBase:] {
				if a.Name == name {
					p.fail()
				}
			}
			p.attrs = append(p.attrs, p.attribute(name, nameRange))
		case c == '"' || c == '{' || identStart(c):
			p.blocks = append(p.blocks, p.block(name, nameRange))
		default:
			p.fail()
		}
	}
}

func (p *fastParser) attribute(name string, nameRange hcl.Range) *hclsyntax.Attribute {
	eq := p.punct('=')
	if p.peek() == '=' {
		p.fail()
	}
	p.spaces(false)
	expr, end := p.expr(false)
	p.spaces(false)
	p.lineEnd()
	return &hclsyntax.Attribute{
		Name:        name,
		Expr:        expr,
		SrcRange:    hcl.RangeBetween(nameRange, end),
		NameRange:   nameRange,
		EqualsRange: eq,
	}
}

func (p *fastParser) block(typ string, typeRange hcl.Range) *hclsyntax.Block {
	var labels []string
	var labelRanges []hcl.Range
	for {
		c := p.peek()
		if c == '{' {
			break
		}
		var label string
		var rng hcl.Range
		if c == '"' {
			var open, close hcl.Range
			label, open, _, close = p.quoted()
			rng = hcl.RangeBetween(open, close)
		} else {
			label, rng = p.ident()
		}
		labels = append(labels, label)
		labelRanges = append(labelRanges, rng)
		p.spaces(false)
	}
	open := p.punct('{')
	p.spaces(false)
	if c := p.peek(); c != '\n' && c != '}' && !p.atComment() {
		p.fail() // a one-line block, or the end of the piece
	}
	attrs, blocks := p.items(true)
	close := p.punct('}')
	p.spaces(false)
	p.lineEnd()
	return &hclsyntax.Block{
		Type:   typ,
		Labels: labels,
		Body: &hclsyntax.Body{
			Attributes: attrs,
			Blocks:     blocks,
			SrcRange:   hcl.RangeBetween(open, close),
			EndRange:   hcl.Range{Filename: close.Filename, Start: close.End, End: close.End},
		},
		TypeRange:       typeRange,
		LabelRanges:     labelRanges,
		OpenBraceRange:  open,
		CloseBraceRange: close,
	}
}

// quoted reads a string without escapes or template sequences and
// returns it with the ranges of its opening quote, its text and its
// closing quote.
func (p *fastParser) quoted() (s string, open, text, close hcl.Range) {
	open = p.punct('"')
	start := p.pos()
	j := p.i
	for ; ; j++ {
		if j == len(p.src) {
			p.fail()
		}
		c := p.src[j]
		if c == '"' {
			break
		}
		if c < ' ' || c > '~' || c == '\\' {
			p.fail()
		}
		if (c == '$' || c == '%') && j+1 < len(p.src) && (p.src[j+1] == '{' || p.src[j+1] == c) {
			p.fail()
		}
	}
	if j-p.i > MaxStringBytes {
		p.fail() // checkExpr's diagnostic
	}
	s = string(p.src[p.i:j])
	p.i = j
	text = p.rangeFrom(start)
	close = p.punct('"')
	return s, open, text, close
}

// expr reads an expression and returns it with the range of its last
// token. In brackets (inTuple) line breaks are spaces.
func (p *fastParser) expr(inTuple bool) (hclsyntax.Expression, hcl.Range) {
	c := p.peek()
	switch {
	case c >= '0' && c <= '9':
		start := p.pos()
		j := p.i
		for j < len(p.src) && p.src[j] >= '0' && p.src[j] <= '9' {
			j++
		}
		if j+1 < len(p.src) && p.src[j] == '.' && p.src[j+1] >= '0' && p.src[j+1] <= '9' {
			j++
			for j < len(p.src) && p.src[j] >= '0' && p.src[j] <= '9' {
				j++
			}
		}
		if j < len(p.src) && (identByte(p.src[j]) || p.src[j] == '.') {
			p.fail() // exponents, 1.2.3, 1x: the lexer's business
		}
		text := p.src[p.i:j]
		v, ok := p.numbers[string(text)]
		if !ok {
			var err error
			v, err = cty.ParseNumberVal(string(text))
			if err != nil || !numberInRange(v.AsBigFloat()) {
				p.fail() // checkExpr's diagnostic, or the parser's
			}
			if p.numbers == nil {
				p.numbers = make(map[string]cty.Value)
			}
			if len(p.numbers) < maxSharedNumbers {
				p.numbers[string(text)] = v
			}
		}
		p.i = j
		rng := p.rangeFrom(start)
		p.after(inTuple)
		return &hclsyntax.LiteralValueExpr{Val: v, SrcRange: rng}, rng
	case c == '"':
		s, open, text, close := p.quoted()
		if s == "" {
			// The parser's empty part is at the end of the token after
			// the opening quote.
			text = hcl.Range{Filename: close.Filename, Start: close.End, End: close.End}
		}
		parts := []hclsyntax.Expression{&hclsyntax.LiteralValueExpr{Val: cty.StringVal(s), SrcRange: text}}
		p.after(inTuple)
		return &hclsyntax.TemplateExpr{Parts: parts, SrcRange: hcl.RangeBetween(open, close)}, close
	case identStart(c):
		name, rng := p.ident()
		var lit cty.Value
		switch name {
		case "true":
			lit = cty.True
		case "false":
			lit = cty.False
		case "null":
			lit = cty.NullVal(cty.DynamicPseudoType)
		case "for":
			p.fail()
		default:
			e := &hclsyntax.ScopeTraversalExpr{
				Traversal: hcl.Traversal{hcl.TraverseRoot{Name: name, SrcRange: rng}},
				SrcRange:  rng,
			}
			last := rng
			for p.peek() == '.' {
				dot := p.punct('.')
				attr, attrRange := p.ident()
				step := hcl.RangeBetween(dot, attrRange)
				e.Traversal = append(e.Traversal, hcl.TraverseAttr{Name: attr, SrcRange: step})
				e.SrcRange = hcl.RangeBetween(e.SrcRange, step)
				last = attrRange
			}
			p.after(inTuple)
			return e, last
		}
		p.after(inTuple)
		return &hclsyntax.LiteralValueExpr{Val: lit, SrcRange: rng}, rng
	case c == '[':
		return p.tuple()
	case c == '{':
		return p.object()
	}
	p.fail()
	return nil, hcl.Range{}
}

// after checks that what follows an expression's last token (spaces
// skipped, and line breaks in brackets) ends it: no operator, index,
// call, traversal or condition continues it.
func (p *fastParser) after(inTuple bool) {
	j := p.i
	for j < len(p.src) && (p.src[j] == ' ' || p.src[j] == '\t' || inTuple && p.src[j] == '\n') {
		j++
	}
	if j == len(p.src) {
		return
	}
	switch p.src[j] {
	case '\n', ',', ']', '}', '#':
	case '/':
		if j+1 == len(p.src) || p.src[j+1] != '/' {
			p.fail() // a division
		}
	case '=':
		if j+1 < len(p.src) && p.src[j+1] == '=' {
			p.fail()
		}
	default:
		p.fail()
	}
}

func (p *fastParser) tuple() (hclsyntax.Expression, hcl.Range) {
	open := p.punct('[')
	var exprs []hclsyntax.Expression
	var close hcl.Range
	for {
		p.spaces(true)
		if p.peek() == ']' {
			close = p.punct(']')
			break
		}
		e, _ := p.expr(true)
		exprs = append(exprs, e)
		p.spaces(true)
		if p.peek() == ']' {
			close = p.punct(']')
			break
		}
		p.punct(',')
	}
	p.after(false)
	return &hclsyntax.TupleConsExpr{Exprs: exprs, SrcRange: hcl.RangeBetween(open, close), OpenRange: open}, close
}

func (p *fastParser) object() (hclsyntax.Expression, hcl.Range) {
	open := p.punct('{')
	var items []hclsyntax.ObjectConsItem
	var close hcl.Range
	for {
		p.spaces(true)
		if p.peek() == '}' {
			close = p.punct('}')
			break
		}
		key, _ := p.expr(false)
		p.spaces(false)
		p.punct('=')
		p.spaces(false)
		value, _ := p.expr(false)
		items = append(items, hclsyntax.ObjectConsItem{KeyExpr: &hclsyntax.ObjectConsKeyExpr{Wrapped: key}, ValueExpr: value})
		p.spaces(false)
		switch p.peek() {
		case '}':
			close = p.punct('}')
		case ',':
			p.punct(',')
			continue
		default:
			if !p.lineBreak() {
				p.fail()
			}
			continue
		}
		break
	}
	p.after(false)
	return &hclsyntax.ObjectConsExpr{Items: items, SrcRange: hcl.RangeBetween(open, close), OpenRange: open}, close
}
