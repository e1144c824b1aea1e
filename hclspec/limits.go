package hclspec

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/big"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Limits on what a roadmap may ask of the CLI. A roadmap runs in CI over
// files anyone may edit, so input past these is a diagnostic rather than a
// hang, a stack overflow or an out-of-memory crash. Real roadmaps are far
// below every one of them (the example is 18 KiB, depth 3, 74 blocks); a
// 10,000-project portfolio in one file is about 5.5 MiB and 40,000 blocks.
const (
	// MaxFileBytes bounds each .hcl file (roadmap and variable files).
	MaxFileBytes = 32 << 20
	// MaxDirBytes bounds the roadmap files of one directory together
	// (*.auto.vars.hcl included).
	MaxDirBytes = 128 << 20
	// MaxFiles bounds how many roadmap files (*.auto.vars.hcl included)
	// one directory may hold: an empty file costs no bytes and no block
	// but is still opened, parsed and kept (100,000 empty files took
	// 3 s of CPU and 170 MB).
	MaxFiles = 10_000
	// MaxBlocks bounds the blocks of a directory, nested blocks included.
	MaxBlocks = 100_000
	// MaxTokens bounds the tokens of a directory's roadmap files together
	// (and of any one file), as countTokens counts them, before any is
	// parsed. HCL's lexer keeps every token of a file and the parser
	// builds a node for most: a 16.8 MB file of "var.v, var.v, ..."
	// took 57 s and 2.8 GB before the value limit refused it, and 2,000,000
	// tokens in one list still take 5 to 8 s and 800 MB. The 10,000-project
	// synthetic roadmap (5.5 MB) has about 1,350,000.
	MaxTokens = 2_000_000
	// MaxNesting bounds how deeply brackets, blocks, templates and
	// expressions nest. The parser and the evaluator recurse once per
	// level, so without a bound a file of "((((..." overflows the stack,
	// which Go cannot recover from.
	MaxNesting = 100
	// MaxExprDepth bounds the depth of an expression's syntax tree, which
	// also grows with chains of operators (1 + 1 + ... + 1) that the
	// parser builds without recursion but evaluation recurses through.
	MaxExprDepth = 1000
	// MaxStringBytes bounds a string: a literal in a file, a --var value,
	// or a string a variable or local computes.
	MaxStringBytes = 64 << 10
	// MaxNumberBytes bounds a number written out: a literal in a file,
	// or a string converted to a number. Reading one takes time quadratic
	// in its length (a 4 MiB literal took 28 s); the largest float64
	// written out in full has 309 digits.
	MaxNumberBytes = 1000
	// MaxValueElements bounds the elements a variable or local holds.
	MaxValueElements = 100_000
	// MaxPeriods bounds the horizon, a duration and the length of any
	// project's cash flows (build periods plus benefit periods), so no
	// plan needs more than this many periods per project.
	MaxPeriods = 10_000
	// MaxPlanCells bounds the size of the plan as a whole: the periods of
	// every project's cash flows together.
	MaxPlanCells = 10_000_000
	// MaxCapacityCells bounds the capacity plan: the horizon times the
	// teams and budgets it tracks in each period. A cell costs far more
	// than a cash-flow period (a map entry, JSON, table and chart rows):
	// 1,000,000 cells took 11.5 s and 1.05 GB to print as HTML (review
	// qa17 A8), 500,000 take 6.5 s and 530 MB, under load; 9,000,000 took
	// 3.9 GB and 24 s for JSON alone. The audit's lifecycle chart
	// (horizon x systems) has the same bound.
	MaxCapacityCells = 500_000
	// MaxFlightBytes bounds the ids a plan lists period by period: each
	// period names the projects in flight, so the plan repeats each id in
	// every period its project runs (duration, within the horizon).
	// 100 projects with 250-byte ids over 9,000 months made 247 MB of
	// JSON and a 369 MB table (review qa18 B8); 1,000 over 900 months at
	// the 1,000-period horizon 248 MB and 1.5 GB of memory.
	MaxFlightBytes = 20_000_000
	// MaxVendorScores bounds the vendor evaluations: each candidate's
	// score on each criterion, over every evaluation, is a row of the
	// plan. 1.8 million of them (300 vendors in 100 evaluations of 60
	// criteria, a 69 KB roadmap) took 13 s to print as a table.
	MaxVendorScores = 100_000
)

// loadBudget is what a directory has used of the limits so far.
type loadBudget struct {
	bytes  int64
	blocks int
}

// readRoadmapFile reads one roadmap file of dir within the limits:
// CheckSourceFile must allow it (a regular file, or a link to a .hcl file
// inside dir), and it must fit the file and directory size limits.
func readRoadmapFile(dir, path string, b *loadBudget) ([]byte, hcl.Diagnostics) {
	if d := CheckSourceFile(path); d != nil {
		return nil, hcl.Diagnostics{d}
	}
	src, d := readLimited(path)
	if d != nil {
		return nil, hcl.Diagnostics{d}
	}
	b.bytes += int64(len(src))
	if b.bytes > MaxDirBytes {
		return nil, hcl.Diagnostics{dirTooLarge(dir, path)}
	}
	return src, nil
}

func dirTooLarge(dir, path string) *hcl.Diagnostic {
	return dirOverLimit(dir, path, MaxDirBytes)
}

func dirOverLimit(dir, path string, limit int64) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Roadmap too large",
		Detail:   fmt.Sprintf("The .hcl files of %s hold more than %s together, the most roadmap loads from one directory. Split the roadmap, or move data that is not part of it elsewhere.", dir, byteCount(limit)),
		Subject:  fileStart(path).Ptr(),
	}
}

// parseVarFile reads and parses a --var-file: exactly the path the user
// named, HCL or (for *.json) JSON, within the size and nesting limits.
func (l *Loader) parseVarFile(path string) (*hcl.File, hcl.Diagnostics) {
	src, d := readLimitedFrom(path, true)
	if d != nil {
		return nil, hcl.Diagnostics{d}
	}
	if strings.HasSuffix(path, ".json") {
		if d := checkJSONNesting(src, path); d != nil {
			return nil, hcl.Diagnostics{d}
		}
		return l.parser.ParseJSON(src, path)
	}
	return l.parseHCLWithinLimits(src, path, &loadBudget{}, false)
}

// parseHCLWithinLimits checks src's nesting before parsing it and its
// expressions, strings and blocks after, and adds the file to the loader.
// counted says checkTokenTotal has counted src's tokens within MaxTokens.
func (l *Loader) parseHCLWithinLimits(src []byte, path string, b *loadBudget, counted bool) (*hcl.File, hcl.Diagnostics) {
	f, diags := parseConfigWithinLimits(src, path, counted)
	if f == nil {
		return nil, diags
	}
	l.parser.AddFile(path, f)
	if _, parsed := f.Body.(*hclsyntax.Body); !parsed {
		return nil, diags // refused before parsing; kept for its snippet
	}
	if body, ok := f.Body.(*hclsyntax.Body); ok {
		b.blocks += countBlocks(body)
		if b.blocks > MaxBlocks {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Too many blocks",
				Detail:   fmt.Sprintf("The roadmap has more than %d blocks (nested blocks included), the most it may hold. Split it into several roadmaps.", MaxBlocks),
				Subject:  fileStart(path).Ptr(),
			})
			return nil, diags
		}
	}
	return f, diags
}

// ParseConfigWithinLimits parses an HCL file as hclsyntax.ParseConfig
// does, after checking its size and nesting (so the parser cannot
// overflow the stack), then checks its expressions' depth and its string
// lengths. The file is nil only when src is over the size limit; a file
// refused for its nesting has its bytes (for snippets) and an empty body.
func ParseConfigWithinLimits(src []byte, filename string) (*hcl.File, hcl.Diagnostics) {
	return parseConfigWithinLimits(src, filename, false)
}

// parseConfigWithinLimits is ParseConfigWithinLimits; counted skips
// counting the tokens again (see parseHCLWithinLimits).
func parseConfigWithinLimits(src []byte, filename string, counted bool) (*hcl.File, hcl.Diagnostics) {
	if len(src) > MaxFileBytes {
		return nil, hcl.Diagnostics{fileTooLarge(filename, int64(len(src)))}
	}
	if d := checkUTF16(src, filename); d != nil {
		return &hcl.File{Body: hcl.EmptyBody()}, hcl.Diagnostics{d}
	}
	if d := checkLoneCR(src, filename); d != nil {
		return &hcl.File{Body: hcl.EmptyBody(), Bytes: src}, hcl.Diagnostics{d}
	}
	if !counted {
		if _, over := countTokens(src, MaxTokens); over >= 0 {
			return &hcl.File{Body: hcl.EmptyBody(), Bytes: src}, hcl.Diagnostics{tooManyTokens(src, filename, over, "")}
		}
	}
	cutEvery := 0
	if len(src) > parseInPiecesOver {
		cutEvery = parsePieceBytes
	}
	bound, cuts, sure := nestingBound(src, cutEvery)
	if !sure || bound > MaxNesting {
		if d := checkTokenNesting(src, filename); d != nil {
			return &hcl.File{Body: hcl.EmptyBody(), Bytes: src}, hcl.Diagnostics{d}
		}
		cuts = nil
	}
	f, diags, fast := parseConfigPieces(src, filename, cuts)
	parsedClean := !diags.HasErrors() // a tree of src itself, without syntax errors
	if diags.HasErrors() {
		if numbers := findSpreadsheetNumbers(src, filename, hcl.InitialPos); len(numbers) > 0 {
			// Parsed as meant, a spreadsheet number cannot break the
			// blocks around it (a one-line block "cost { x = €5 }"
			// swallowed the next project).
			if rf, rd, _ := parseConfigPieces(withPlainNumbers(src, numbers), filename, cuts); rf != nil {
				rf.Bytes = src
				f, diags = rf, rd
			}
			diags = withSpreadsheetHabits(diags, numbers, filename)
		}
	}
	diags = withMissingBrace(diags, src, filename)
	if f == nil {
		return nil, diags
	}
	if body, ok := f.Body.(*hclsyntax.Body); ok && !fast {
		diags = append(diags, checkBody(body, 0)...)
		if parsedClean {
			guardBodyArithmetic(body, src)
		} else {
			guardArithmetic(body)
		}
	}
	return f, diags
}

// guardBodyArithmetic is guardArithmetic of the attributes of body and
// of its blocks whose source, in src (the source body was parsed from,
// without syntax errors), holds a character of an arithmetic operator:
// the others hold no operation to guard. Walking every expression of a
// large roadmap, nearly all literals, allocated a twentieth of its load.
func guardBodyArithmetic(body *hclsyntax.Body, src []byte) {
	for _, a := range body.Attributes {
		start, end := a.SrcRange.Start.Byte, a.SrcRange.End.Byte
		if start < 0 || end > len(src) || start > end || bytes.ContainsAny(src[start:end], "+-*/%") {
			guardArithmetic(a.Expr)
		}
	}
	for _, b := range body.Blocks {
		guardBodyArithmetic(b.Body, src)
	}
}

// ParseExpressionWithinLimits parses a lone expression (a --var value)
// with the checks of ParseConfigWithinLimits.
func ParseExpressionWithinLimits(src []byte, filename string) (hclsyntax.Expression, hcl.Diagnostics) {
	if len(src) > MaxStringBytes {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Value too long",
			Detail:   fmt.Sprintf("This value is %d bytes long; a value given on the command line or in the environment may be at most %d KiB. Put large values in a --var-file.", len(src), MaxStringBytes>>10),
			Subject:  fileStart(filename).Ptr(),
		}}
	}
	if d := checkLoneCR(src, filename); d != nil {
		return nil, hcl.Diagnostics{d}
	}
	if d := checkTokenNesting(src, filename); d != nil {
		return nil, hcl.Diagnostics{d}
	}
	expr, diags := hclsyntax.ParseExpression(src, filename, hcl.InitialPos)
	if diags.HasErrors() {
		return expr, diags
	}
	guardArithmetic(expr)
	return expr, checkExpr(expr, 0)
}

// checkUTF16 refuses a file saved as UTF-16, as some Windows editors
// do: every other byte is NUL, and HCL's errors about it say nothing useful.
func checkUTF16(src []byte, filename string) *hcl.Diagnostic {
	utf16 := bytes.HasPrefix(src, []byte{0xff, 0xfe}) || bytes.HasPrefix(src, []byte{0xfe, 0xff})
	if pairs := min(len(src), 64) / 2; !utf16 && pairs >= 4 {
		// ASCII text as UTF-16: a NUL in every pair, on the same side.
		var high, low int
		for i := range pairs {
			if src[2*i] == 0 && src[2*i+1] != 0 {
				high++
			}
			if src[2*i+1] == 0 && src[2*i] != 0 {
				low++
			}
		}
		utf16 = 4*max(high, low) >= 3*pairs
	}
	if !utf16 {
		return nil
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "File is not UTF-8",
		Detail:   "This file looks like UTF-16 text. Roadmap files must be UTF-8: save it again choosing UTF-8 as the encoding.",
		Subject:  fileStart(filename).Ptr(),
	}
}

// checkCLIString refuses a --var or ROADMAP_VAR_ string value over the
// string limit.
func checkCLIString(name, raw string, rng hcl.Range) hcl.Diagnostics {
	if len(raw) <= MaxStringBytes {
		return nil
	}
	return hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Value too long",
		Detail:   fmt.Sprintf("The value for var.%s is %d bytes long; a value may be at most %d KiB.", name, len(raw), MaxStringBytes>>10),
		Subject:  rng.Ptr(),
	}}
}

// readLimited reads a regular file of at most MaxFileBytes, never more
// than one byte past the limit, so a huge file costs no memory.
func readLimited(path string) ([]byte, *hcl.Diagnostic) {
	return readLimitedFrom(path, false)
}

// readLimitedFrom is readLimited that, with pipes set, also reads a pipe:
// a --var-file the user names may be one, as with the shell's
// --var-file <(command). A roadmap directory's files never may, so that
// a FIFO there cannot make a command wait.
func readLimitedFrom(path string, pipes bool) ([]byte, *hcl.Diagnostic) {
	f, err := os.Open(path)
	if err != nil {
		return nil, readError(path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, readError(path, err)
	}
	if !fi.Mode().IsRegular() && !(pipes && fi.Mode()&fs.ModeNamedPipe != 0) {
		return nil, notRegular(path)
	}
	if fi.Size() > MaxFileBytes {
		return nil, fileTooLarge(path, fi.Size())
	}
	src, err := readAllSized(io.LimitReader(f, MaxFileBytes+1), fi.Size())
	if err != nil {
		return nil, readError(path, err)
	}
	if len(src) > MaxFileBytes {
		return nil, fileTooLarge(path, -1) // a pipe: only the first bytes were read
	}
	return src, nil
}

// readAllSized is io.ReadAll of a reader whose size is likely size (a
// regular file's; 0 for a pipe), read into one buffer of that size as
// os.ReadFile does, instead of one grown a step at a time (five times
// the file in allocations).
func readAllSized(r io.Reader, size int64) ([]byte, error) {
	src := make([]byte, 0, size+512)
	for {
		n, err := r.Read(src[len(src):cap(src)])
		src = src[:len(src)+n]
		if err == io.EOF {
			return src, nil
		}
		if err != nil {
			return nil, err
		}
		if len(src) == cap(src) {
			src = append(src, 0)[:len(src)]
		}
	}
}

func readError(path string, err error) *hcl.Diagnostic {
	detail := err.Error()
	if errors.Is(err, fs.ErrNotExist) {
		detail = fmt.Sprintf("There is no file at %s. Check the path; a relative path is relative to the current directory.", path)
	}
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot read file", Detail: detail}
}

func notRegular(path string) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Not a regular file",
		Detail:   fmt.Sprintf("%s is not a regular file (a directory, device, socket or pipe?). A roadmap file must be an ordinary .hcl file.", path),
		Subject:  fileStart(path).Ptr(),
	}
}

// fileTooLarge reports a file of size bytes, or of more than the limit
// when size is negative (a capped read, whose true size is unknown).
func fileTooLarge(path string, size int64) *hcl.Diagnostic {
	return fileOverLimit(path, size, MaxFileBytes)
}

func fileOverLimit(path string, size, limit int64) *hcl.Diagnostic {
	is := fmt.Sprintf("is %d bytes", size)
	if size < 0 {
		is = "is more than " + byteCount(limit)
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "File too large",
		Detail:   fmt.Sprintf("%s %s; a roadmap file may be at most %s. Split it into several files.", path, is, byteCount(limit)),
		Subject:  fileStart(path).Ptr(),
	}
}

// fileStart is the range of a file's first character, for diagnostics
// about the file as a whole.
func fileStart(path string) hcl.Range {
	return hcl.Range{Filename: path, Start: hcl.InitialPos, End: hcl.InitialPos}
}

func nestingTooDeep(rng hcl.Range) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Nesting too deep",
		Detail:   fmt.Sprintf("Brackets, blocks, templates or unary operators nest more than %d levels deep here, more than any roadmap needs. Flatten the value, or split the expression into locals.", MaxNesting),
		Subject:  rng.Ptr(),
	}
}

// numberInRange reports whether f is zero or within float64's range
// (about 4.9e-324 to 1.8e308 either side of zero). Numbers hold more
// (cty keeps them as big.Float), but writing 1e9999999 out as text
// takes more than a minute, and no figure of a roadmap needs more.
func numberInRange(f *big.Float) bool {
	if f.IsInf() {
		return false
	}
	if f.Sign() == 0 {
		return true
	}
	exp := f.MantExp(nil) // |f| = mant * 2^exp, 0.5 <= mant < 1
	return exp >= -1073 && exp <= 1024
}

func numberOutOfRange(rng hcl.Range) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Number out of range",
		Detail:   "This number is beyond about 1.8e308, or closer to zero than about 4.9e-324 without being zero: the range of numbers a roadmap may hold. Check the exponent and the number of digits.",
		Subject:  rng.Ptr(),
	}
}

func numberTooLong(rng hcl.Range, n int) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Number too long",
		Detail:   fmt.Sprintf("This number is written with %d characters; a number may have at most %d. No amount needs more than 20 digits: use an exponent (2.5e9).", n, MaxNumberBytes),
		Subject:  rng.Ptr(),
	}
}

// checkTokenNesting lexes src (the lexer does not recurse) and refuses it
// when brackets, braces, quotes, template sequences or runs of unary
// operators nest deeper than MaxNesting: each level is a recursion in the
// parser. It also refuses a number literal over MaxNumberBytes, which the
// parser would take time quadratic in its length to read.
func checkTokenNesting(src []byte, filename string) *hcl.Diagnostic {
	if bound, _, sure := nestingBound(src, 0); sure && bound <= MaxNesting {
		return nil // no need for the token list
	}
	tokens, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	depth, unary := 0, 0
	for _, t := range tokens {
		switch t.Type {
		case hclsyntax.TokenOParen, hclsyntax.TokenOBrack, hclsyntax.TokenOBrace,
			hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc,
			hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			depth++
			unary = 0
		case hclsyntax.TokenCParen, hclsyntax.TokenCBrack, hclsyntax.TokenCBrace,
			hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc, hclsyntax.TokenTemplateSeqEnd:
			if depth > 0 {
				depth--
			}
			unary = 0
		case hclsyntax.TokenMinus, hclsyntax.TokenBang:
			unary++
		case hclsyntax.TokenNumberLit:
			if len(t.Bytes) > MaxNumberBytes {
				return numberTooLong(t.Range, len(t.Bytes))
			}
			unary = 0
		default:
			unary = 0
		}
		if depth+unary > MaxNesting {
			return nestingTooDeep(t.Range)
		}
	}
	return nil
}

// checkJSONNesting bounds the nesting of a JSON variable file. It counts
// brackets inside strings too: JSON strings may hold templates.
func checkJSONNesting(src []byte, filename string) *hcl.Diagnostic {
	depth := 0
	pos := hcl.InitialPos
	for i, c := range src {
		switch c {
		case '[', '{', '(':
			depth++
		case ']', '}', ')':
			if depth > 0 {
				depth--
			}
		case '\n':
			pos.Line++
			pos.Column = 0
		}
		pos.Column++
		if depth > MaxNesting {
			at := hcl.Pos{Line: pos.Line, Column: pos.Column - 1, Byte: i}
			return nestingTooDeep(hcl.Range{Filename: filename, Start: at, End: at})
		}
	}
	return nil
}

// countBlocks counts the blocks of body, nested ones included.
func countBlocks(body *hclsyntax.Body) int {
	n := 0
	for _, b := range body.Blocks {
		n += 1 + countBlocks(b.Body)
	}
	return n
}

// checkBody checks every attribute's expression and every nested block.
// Token nesting is already bounded, so the recursion is too.
func checkBody(body *hclsyntax.Body, depth int) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, a := range sortedSyntaxAttributes(body.Attributes) {
		diags = append(diags, checkExpr(a.Expr, depth)...)
	}
	for _, b := range body.Blocks {
		diags = append(diags, checkBody(b.Body, depth+1)...)
	}
	return diags
}

func sortedSyntaxAttributes(attrs hclsyntax.Attributes) []*hclsyntax.Attribute {
	out := make([]*hclsyntax.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SrcRange.Start.Byte < out[j].SrcRange.Start.Byte })
	return out
}

// checkExpr reports the first place an expression nests deeper than
// MaxExprDepth and every string literal over MaxStringBytes. It stops
// descending at the limit, so a left-deep chain such as 1+1+1+...
// (which the parser builds without recursion) costs no deep recursion
// here; evaluating it would.
func checkExpr(e hclsyntax.Expression, depth int) hcl.Diagnostics {
	if e == nil {
		return nil
	}
	if depth > MaxExprDepth {
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Expression too deep",
			Detail:   fmt.Sprintf("This expression nests more than %d levels deep (a long chain of operators counts one level per operator). Split it with locals, or use sum() over a list.", MaxExprDepth),
			Subject:  e.Range().Ptr(),
		}}
	}
	var diags hcl.Diagnostics
	sub := func(children ...hclsyntax.Expression) {
		for _, c := range children {
			if d := checkExpr(c, depth+1); len(d) > 0 {
				diags = append(diags, d...)
				if d.HasErrors() && d[0].Summary == "Expression too deep" {
					return
				}
			}
		}
	}
	switch x := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		if x.Val.Type() == cty.String && !x.Val.IsNull() && len(x.Val.AsString()) > MaxStringBytes {
			diags = append(diags, stringTooLong(x.SrcRange, len(x.Val.AsString())))
		}
		if x.Val.Type() == cty.Number && x.Val.IsKnown() && !x.Val.IsNull() && !numberInRange(x.Val.AsBigFloat()) {
			diags = append(diags, numberOutOfRange(x.SrcRange))
			// Unknown from now on: what uses it is skipped, not reported again.
			x.Val = cty.UnknownVal(cty.Number)
		}
	case *hclsyntax.BinaryOpExpr:
		sub(x.LHS, x.RHS)
	case *hclsyntax.UnaryOpExpr:
		sub(x.Val)
	case *hclsyntax.ParenthesesExpr:
		sub(x.Expression)
	case *hclsyntax.ConditionalExpr:
		sub(x.Condition, x.TrueResult, x.FalseResult)
	case *hclsyntax.FunctionCallExpr:
		sub(x.Args...)
	case *hclsyntax.TupleConsExpr:
		sub(x.Exprs...)
	case *hclsyntax.ObjectConsExpr:
		for _, item := range x.Items {
			sub(item.KeyExpr, item.ValueExpr)
		}
	case *hclsyntax.ObjectConsKeyExpr:
		sub(x.Wrapped)
	case *hclsyntax.TemplateExpr:
		sub(x.Parts...)
	case *hclsyntax.TemplateWrapExpr:
		sub(x.Wrapped)
	case *hclsyntax.TemplateJoinExpr:
		sub(x.Tuple)
	case *hclsyntax.IndexExpr:
		sub(x.Collection, x.Key)
	case *hclsyntax.SplatExpr:
		sub(x.Source, x.Each)
	case *hclsyntax.RelativeTraversalExpr:
		sub(x.Source)
	case *hclsyntax.ForExpr:
		sub(x.CollExpr, x.KeyExpr, x.ValExpr, x.CondExpr)
	}
	return diags
}

func stringTooLong(rng hcl.Range, n int) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "String too long",
		Detail:   fmt.Sprintf("This string is %d bytes; a string may be at most %d KiB. Keep long text (documents, data) outside the roadmap and link to it.", n, MaxStringBytes>>10),
		Subject:  rng.Ptr(),
	}
}

// checkValueLimits reports a variable or local whose value holds a string
// over MaxStringBytes or more than MaxValueElements elements, however it
// was computed.
func checkValueLimits(kind, name string, v cty.Value, rng hcl.Range) *hcl.Diagnostic {
	var st valueStats
	st.walk(v, 0)
	switch {
	case st.elements > MaxValueElements:
		return &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Value too large",
			Detail:   fmt.Sprintf("%s.%s holds more than %d elements (lists, maps and objects counted together, nested ones included). A roadmap needs far fewer; check nested for expressions.", kind, name, MaxValueElements),
			Subject:  rng.Ptr(),
		}
	case st.longest > MaxStringBytes:
		d := stringTooLong(rng, st.longest)
		d.Detail = fmt.Sprintf("%s.%s holds a string of %d bytes; a string may be at most %d KiB.", kind, name, st.longest, MaxStringBytes>>10)
		return d
	}
	return nil
}

// valueStats are the longest string in a value and how many elements it
// holds, counted until the count passes MaxValueElements.
type valueStats struct {
	longest  int
	elements int
}

func (st *valueStats) walk(v cty.Value, depth int) {
	if !v.IsKnown() || v.IsNull() || depth > MaxNesting || st.elements > MaxValueElements {
		return
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		st.longest = max(st.longest, len(v.AsString()))
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType() || ty.IsMapType() || ty.IsObjectType():
		for it := v.ElementIterator(); it.Next(); {
			st.elements++
			if st.elements > MaxValueElements {
				return
			}
			_, e := it.Element()
			st.walk(e, depth+1)
		}
	}
}

// checkPeriodLimits bounds what the plan would have to hold per project:
// its duration and its cash flows (build periods plus benefit years, each
// year ppy periods). Decoding already bounds the horizon.
func checkPeriodLimits(cfg *Config) hcl.Diagnostics {
	var diags hcl.Diagnostics
	ppy := PeriodsPerYear(cfg.Roadmap.Period)
	if ppy <= 0 {
		ppy = 1
	}
	for _, p := range cfg.Projects {
		if p.Duration > MaxPeriods {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Duration too long",
				Detail:   fmt.Sprintf("Project %q lasts %d %ss; a duration may be at most %d periods. Check the amount and the unit.", p.ID, p.Duration, cfg.Roadmap.Period, MaxPeriods),
				Subject:  p.Ranges.Range("duration", p.DeclRange).Ptr(),
			})
			continue
		}
		runPeriods := math.Ceil(p.Benefit.Years * float64(ppy))
		if float64(p.LongestDuration())+runPeriods > MaxPeriods {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Benefit period too long",
				Detail:   fmt.Sprintf("Project %q would have %s periods of benefit after %d build periods; a project's cash flows may span at most %d periods. Lower benefit.years.", p.ID, formatNumber(runPeriods), p.Duration, MaxPeriods),
				Subject:  p.Ranges.Range("benefit.years", p.Ranges.Range("benefit", p.DeclRange)).Ptr(),
			})
		}
	}
	for _, e := range cfg.Evaluations {
		if e.Years*float64(ppy) > MaxPeriods {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Ownership window too long",
				Detail:   fmt.Sprintf("Evaluation %q counts %s years of ownership; at most %d periods (%s years) are allowed. Lower years.", e.ID, formatNumber(e.Years), MaxPeriods, formatNumber(float64(MaxPeriods/ppy))),
				Subject:  e.Ranges.Range("years", e.DeclRange).Ptr(),
			})
		}
	}
	diags = append(diags, checkPlanSize(cfg, ppy)...)
	return diags
}

// checkValueSizes reports variables and locals holding a string over
// MaxStringBytes, computed however (a template doubling a local, say).
func checkValueSizes(vars []*variableDecl, locals []*hcl.Attribute, s *scope) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, vd := range vars {
		if v, ok := s.vars[vd.Variable.Name]; ok {
			if d := checkValueLimits("var", vd.Variable.Name, v, vd.Variable.DeclRange); d != nil {
				diags = append(diags, d)
			}
		}
	}
	for _, a := range locals {
		if v, ok := s.locals[a.Name]; ok {
			if d := checkValueLimits("local", a.Name, v, a.Expr.Range()); d != nil {
				diags = append(diags, d)
			}
		}
	}
	return diags
}

// isRefusal reports the summaries of diagnostics that refuse a whole file or
// directory unread: the file may have held the roadmap block.
func isRefusal(summary string) bool {
	switch summary {
	case "No roadmap files", "Cannot read roadmap directory", "File too large", "Roadmap too large", "Too many files",
		"Too many blocks", "Nesting too deep", "Symbolic link outside the roadmap",
		"Broken symbolic link", "Not a regular file", "Cannot read file", "File is not UTF-8", "Number too long",
		"Too many tokens":
		return true
	}
	return false
}

// refusedAny reports whether diags refuse a file or the directory unread.
func refusedAny(diags hcl.Diagnostics) bool {
	for _, d := range diags {
		if d.Severity == hcl.DiagError && isRefusal(d.Summary) {
			return true
		}
	}
	return false
}

// dropFollowUpsOfRefusals removes "Missing roadmap block" when a file was
// refused: it adds nothing but noise to the real problem.
func dropFollowUpsOfRefusals(diags hcl.Diagnostics) hcl.Diagnostics {
	refused := false
	for _, d := range diags {
		refused = refused || isRefusal(d.Summary)
	}
	if !refused {
		return diags
	}
	out := diags[:0]
	for _, d := range diags {
		if d.Summary != "Missing roadmap block" {
			out = append(out, d)
		}
	}
	return out
}

// PlanCells is the size of cfg's plan: its projects' cash-flow periods
// together, and its capacity plan (horizon x (teams + budgets)).
func PlanCells(cfg *Config) int {
	ppy := PeriodsPerYear(cfg.Roadmap.Period)
	if ppy <= 0 {
		ppy = 1
	}
	return int(min(cashFlowPeriods(cfg, ppy), MaxPlanCells)) + max(cfg.Roadmap.Horizon, 1)*(len(cfg.Teams)+len(cfg.Budgets))
}

// cashFlowPeriods is the periods of every project's cash flows together.
func cashFlowPeriods(cfg *Config, ppy int) float64 {
	var flows float64
	for _, p := range cfg.Projects {
		flows += float64(p.LongestDuration()) + math.Ceil(p.Benefit.Years*float64(ppy))
	}
	return flows
}

// checkPlanSize refuses a roadmap whose plan would be too large to build,
// though every project and the horizon are each within MaxPeriods:
// 100,000 projects of 10,000 periods would be 8 GB of cash flows.
func checkPlanSize(cfg *Config, ppy int) hcl.Diagnostics {
	rm := cfg.Roadmap
	flows := cashFlowPeriods(cfg, ppy)
	var diags hcl.Diagnostics
	if flows > MaxPlanCells {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Plan too large",
			Detail:   fmt.Sprintf("The projects' cash flows would span %s periods together, more than the %d a plan may hold. Shorten benefit years or durations, or use a longer period.", formatNumber(flows), MaxPlanCells),
			Subject:  rm.DeclRange.Ptr(),
		})
	}
	var flight int
	for _, p := range cfg.Projects {
		flight += min(max(p.LongestDuration(), 1), max(rm.Horizon, 1)) * (len(p.ID) + 3) // the id, quoted, and a comma
	}
	if flight > MaxFlightBytes {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Plan too large",
			Detail:   fmt.Sprintf("The plan names each project in every period it runs: %s bytes of ids together, more than the %s a plan may hold. Shorten the ids or the durations, or use a longer period.", groupDigits(flight), groupDigits(MaxFlightBytes)),
			Subject:  rm.DeclRange.Ptr(),
		})
	}
	var scores int
	var largest *Evaluation
	for _, e := range cfg.Evaluations {
		n := len(e.Candidates) * max(1, len(e.Criteria))
		scores += n
		if largest == nil || n > len(largest.Candidates)*max(1, len(largest.Criteria)) {
			largest = e
		}
	}
	if scores > MaxVendorScores {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Plan too large",
			Detail: fmt.Sprintf("The vendor evaluations would hold %d scores (each candidate on each criterion), more than the %d a plan may hold; evaluation %s alone scores %d candidates on %d criteria. List fewer candidates (candidates = [...]) or split the categories.",
				scores, MaxVendorScores, Quote(largest.ID), len(largest.Candidates), len(largest.Criteria)),
			Subject: largest.Ranges.Range("category", largest.DeclRange).Ptr(),
		})
	}
	if cells := rm.Horizon * (len(cfg.Teams) + len(cfg.Budgets)); cells > MaxCapacityCells {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Plan too large",
			Detail:   fmt.Sprintf("The capacity plan would track %d teams and budgets over %d periods, %s entries, more than the %s a plan may hold. Use a longer period or a shorter horizon.", len(cfg.Teams)+len(cfg.Budgets), rm.Horizon, groupDigits(cells), groupDigits(MaxCapacityCells)),
			Subject:  rm.Ranges.Range("horizon", rm.DeclRange).Ptr(),
		})
	}
	// The audit's lifecycle chart is a cell per system and period: 300
	// systems over 10,000 months made 207 MB of HTML and took 930 MB.
	if cells := rm.Horizon * len(cfg.Systems); cells > MaxCapacityCells {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Plan too large",
			Detail:   fmt.Sprintf("The technology audit would chart %d systems over %d periods, %s entries, more than the %s a plan may hold. Use a longer period or a shorter horizon.", len(cfg.Systems), rm.Horizon, groupDigits(cells), groupDigits(MaxCapacityCells)),
			Subject:  rm.Ranges.Range("horizon", rm.DeclRange).Ptr(),
		})
	}
	return diags
}

// groupDigits writes n with a comma between thousands: 510,000.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	start := 0
	if n < 0 {
		start = 1
	}
	for i := len(s) - 3; i > start; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
