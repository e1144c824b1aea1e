package hclspec

import (
	"bytes"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// A file over parseInPiecesOver bytes is parsed in pieces of about
// parsePieceBytes (parseConfigPieces). The parser first lexes its whole
// input into a token list of about 100 bytes per token, grown by append:
// for a 5 MiB roadmap that list alone was most of the process's peak
// memory, and, grown a quarter at a time, about five times its size in
// allocations. Pieces of a few projects each keep the list small and
// short-lived: 4 KiB pieces allocate 40% less than 256 KiB pieces
// (BenchmarkParseProjectsFile).
const (
	parseInPiecesOver = 256 << 10
	parsePieceBytes   = 4 << 10
)

// parseConfigPieces parses src as hclsyntax.ParseConfig does, but piece
// by piece, cut at the given offsets (line starts outside any block,
// bracket, string or comment; see nestingBound), each piece parsed at its
// true position, and joins the top-level blocks into one body. The
// result is the body ParseConfig builds. Where a piece has a diagnostic
// or top-level attributes (which the parser checks for duplicates across
// the whole body), it parses the whole file instead, so diagnostics are
// exactly the parser's own. fast reports that every piece was parsed by
// fastParser, so the body needs neither checkBody nor guardArithmetic.
func parseConfigPieces(src []byte, filename string, cuts []int) (f *hcl.File, diags hcl.Diagnostics, fast bool) {
	if len(cuts) == 0 {
		f, diags = hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
		return f, diags, false
	}
	type piece struct {
		start hcl.Pos
		end   int
		body  *hclsyntax.Body
		ok    bool
		fast  bool
	}
	pieces := make([]piece, len(cuts)+1)
	start := hcl.InitialPos
	for k := range pieces {
		end := len(src)
		if k < len(cuts) {
			end = cuts[k]
		}
		pieces[k] = piece{start: start, end: end}
		start = hcl.Pos{Line: start.Line + bytes.Count(src[start.Byte:end], []byte{'\n'}), Column: 1, Byte: end}
	}
	// The pieces are independent: parse them on every core, each result
	// in its own slot, joined in order below.
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(pieces)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var fast fastParser
			for k := int(next.Add(1) - 1); k < len(pieces); k = int(next.Add(1) - 1) {
				p := &pieces[k]
				if b, ok := fast.parseBody(src[p.start.Byte:p.end], filename, p.start); ok {
					p.body, p.ok, p.fast = b, true, true
					continue
				}
				f, diags := hclsyntax.ParseConfig(src[p.start.Byte:p.end], filename, p.start)
				b, ok := f.Body.(*hclsyntax.Body)
				p.body, p.ok = b, ok && len(diags) == 0 && len(b.Attributes) == 0
			}
		}()
	}
	wg.Wait()
	var body *hclsyntax.Body
	fast = true
	for _, p := range pieces {
		if !p.ok {
			f, diags = hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
			return f, diags, false
		}
		fast = fast && p.fast
		if body == nil {
			body = p.body
			continue
		}
		body.Blocks = append(body.Blocks, p.body.Blocks...)
		body.SrcRange = hcl.RangeBetween(body.SrcRange, p.body.SrcRange)
		body.EndRange = p.body.EndRange
	}
	return &hcl.File{Body: body, Bytes: src, Nav: newHeaderNav(body)}, nil, fast
}

// headerNav names the top-level block around an offset for diagnostic
// snippets, as hclsyntax's own (unexported) navigation does for the files
// it parses, from a list of block headers: it keeps no syntax tree alive.
type headerNav struct {
	blocks []navBlock
	// sorted is set when the blocks follow each other without overlap,
	// as a parsed file's do, so a lookup can bisect.
	sorted bool
}

type navBlock struct {
	rng, def hcl.Range
	typ      string
	labels   []string
}

func newHeaderNav(body *hclsyntax.Body) headerNav {
	n := headerNav{blocks: make([]navBlock, len(body.Blocks))}
	for i, b := range body.Blocks {
		n.blocks[i] = navBlock{rng: b.Range(), def: b.DefRange(), typ: b.Type, labels: b.Labels}
	}
	n.sorted = true
	for i := 1; i < len(n.blocks); i++ {
		if n.blocks[i].rng.Start.Byte < n.blocks[i-1].rng.End.Byte {
			n.sorted = false
		}
	}
	return n
}

func (n headerNav) block(offset int) *navBlock {
	if n.sorted {
		// The last block starting at or before offset is the only one
		// that can hold it.
		i := sort.Search(len(n.blocks), func(i int) bool { return n.blocks[i].rng.Start.Byte > offset }) - 1
		if i >= 0 && n.blocks[i].rng.ContainsOffset(offset) {
			return &n.blocks[i]
		}
		return nil
	}
	for i := range n.blocks {
		if n.blocks[i].rng.ContainsOffset(offset) {
			return &n.blocks[i]
		}
	}
	return nil
}

// ContextString is the header of the top-level block holding offset,
// such as `project "crm"`, or "".
func (n headerNav) ContextString(offset int) string {
	b := n.block(offset)
	if b == nil {
		return ""
	}
	var buf bytes.Buffer
	buf.WriteString(b.typ)
	for _, label := range b.labels {
		// Quoted clipped: the header is printed with every diagnostic
		// in the block, and a label may be 64 KiB long.
		buf.WriteString(" " + Quote(label))
	}
	return buf.String()
}

// ContextDefRange is the definition range of the top-level block holding
// offset.
func (n headerNav) ContextDefRange(offset int) hcl.Range {
	if b := n.block(offset); b != nil {
		return b.def
	}
	return hcl.Range{}
}

// forSnippets returns f as diagnostics need it once the roadmap is
// decoded: its bytes and block headers, without the syntax tree, which
// for a large roadmap is most of the memory a plan holds.
func forSnippets(f *hcl.File) *hcl.File {
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return f
	}
	return &hcl.File{Body: hcl.EmptyBody(), Bytes: f.Bytes, Nav: newHeaderNav(body)}
}
