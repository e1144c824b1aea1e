package hclspec

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/roadmap-as-code/roadmap/estimate"
)

// LoadOptions carries every input a load takes besides the directory, so the
// package itself reads no flags and no environment.
type LoadOptions struct {
	Vars     []string // "name=value" from --var, in command-line order
	VarFiles []string // paths from --var-file, in command-line order
	Env      []string // os.Environ()-style; only ROADMAP_VAR_* entries are used
	// Scenario names the scenario block whose variables override every
	// other value; "" for none.
	Scenario string
	// Context, when done, stops the load between files and between
	// top-level blocks with an "Interrupted" error; nil means never.
	Context context.Context
	// EvalBudget, when positive, is a smaller budget than MaxEvalWork for
	// evaluating expressions: for tests of the meter's refusals.
	EvalBudget int64
	// AsOf, when set (--as-of), is the status date in place of the
	// roadmap's as_of.
	AsOf string
	// Sized, when set, is told the total size in bytes of the files the
	// load is about to read, before it reads them (the command fits the
	// garbage collector to it).
	Sized func(totalBytes int64)
}

// interrupted is the diagnostic of a load whose Context was done.
func interrupted(err error) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Interrupted",
		Detail:   fmt.Sprintf("Loading stopped before the end (%v); the roadmap was not checked in full.", err),
	}
}

// appendInterrupted ends diags with the one "Interrupted" error, dropping
// the meter's (it stops the expression it was evaluating with one).
func appendInterrupted(diags hcl.Diagnostics, err error) hcl.Diagnostics {
	kept := diags[:0]
	for _, d := range diags {
		if d.Summary != "Interrupted" {
			kept = append(kept, d)
		}
	}
	return append(kept, interrupted(err))
}

// Loader parses roadmap directories and keeps every file it parsed, so
// diagnostics can be printed with source snippets.
type Loader struct {
	parser *hclparse.Parser
	meter  *Meter // of the load under way
	// parseAllFirst turns decoding while parsing (parseFiles) off, for
	// tests that compare the two.
	parseAllFirst bool
	// decodedWhileParsing says whether the last load decoded as it parsed.
	decodedWhileParsing bool
}

// NewLoader returns a Loader with an empty file cache.
func NewLoader() *Loader {
	return &Loader{parser: hclparse.NewParser()}
}

// Files returns every file parsed so far, keyed by file name.
func (l *Loader) Files() map[string]*hcl.File {
	return l.parser.Files()
}

// LoadDir loads, decodes and validates the roadmap in dir. It always returns
// as much of the Config as it could decode; diags holds every problem found,
// sorted by file and position.
func (l *Loader) LoadDir(dir string, opts LoadOptions) (*Config, hcl.Diagnostics) {
	files, err := RoadmapFiles(dir)
	if err != nil {
		cfg := newConfig(dir)
		cfg.Files = l.parser.Files()
		detail := err.Error()
		if info, statErr := os.Stat(dir); statErr == nil && !info.IsDir() {
			detail = fmt.Sprintf("%s is a file, but a roadmap is a directory: every .hcl file in it is read together. Name the directory holding it instead: %s", dir, filepath.Dir(dir))
		}
		return cfg, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cannot read roadmap directory",
			Detail:   detail,
		}}
	}
	auto := autoVarFiles{parse: func(path string) (*hcl.File, hcl.Diagnostics) {
		if d := CheckSourceFile(path); d != nil {
			return nil, hcl.Diagnostics{d}
		}
		return l.parseVarFile(path)
	}}
	if all, err := HCLFiles(dir); err == nil {
		for _, f := range all {
			if IsAutoVarFileName(f) {
				auto.names = append(auto.names, f)
			} else if IsVarFileName(f) {
				auto.others = append(auto.others, f)
			}
		}
	}
	sizes := statSizes(append(slices.Clip(files), auto.names...), MaxFiles)
	return l.load(dir, files, auto, sizes, opts, func(path string, b *loadBudget) ([]byte, hcl.Diagnostics) {
		return readRoadmapFile(dir, path, b)
	})
}

// LoadSources is LoadDir over files held in memory, such as a directory
// at another git revision: sources maps file names (as diagnostics should
// show them) to their contents. Names are filtered and ordered as LoadDir
// does.
func (l *Loader) LoadSources(dir string, sources map[string][]byte, opts LoadOptions) (*Config, hcl.Diagnostics) {
	var files []string
	auto := autoVarFiles{parse: func(name string) (*hcl.File, hcl.Diagnostics) {
		return l.parseHCLWithinLimits(sources[name], name, &loadBudget{}, false)
	}}
	for name := range sources {
		switch base := filepath.Base(name); {
		case isRoadmapFile(base):
			files = append(files, name)
		case IsHCLName(base) && IsAutoVarFileName(base):
			auto.names = append(auto.names, name)
		case IsHCLName(base) && IsVarFileName(base):
			auto.others = append(auto.others, name)
		}
	}
	sort.Strings(files)
	sort.Strings(auto.names)
	sort.Strings(auto.others)
	var sizes []SourceSize
	for _, name := range append(slices.Clip(files), auto.names...) {
		sizes = append(sizes, SourceSize{Name: name, Size: int64(len(sources[name]))})
	}
	return l.load(dir, files, auto, sizes, opts, func(name string, b *loadBudget) ([]byte, hcl.Diagnostics) {
		b.bytes += int64(len(sources[name]))
		if b.bytes > MaxDirBytes {
			return nil, hcl.Diagnostics{dirTooLarge(dir, name)}
		}
		return sources[name], nil
	})
}

func newConfig(dir string) *Config {
	return &Config{
		Dir:            dir,
		Roadmap:        defaultRoadmap(defaultRoadmapName(dir)),
		Variables:      []*Variable{},
		Goals:          []*Goal{},
		Departments:    []*Department{},
		Teams:          []*Team{},
		Budgets:        []*Budget{},
		Vendors:        []*Vendor{},
		Evaluations:    []*Evaluation{},
		Projects:       []*Project{},
		Checks:         []*Check{},
		Scenarios:      []*Scenario{},
		VariableValues: map[string]cty.Value{},
		LocalValues:    map[string]cty.Value{},
	}
}

// readFunc reads one roadmap file within the size limits, counting its
// bytes into budget.
type readFunc func(name string, budget *loadBudget) ([]byte, hcl.Diagnostics)

// autoVarFiles are the *.auto.vars.hcl files of a roadmap directory, in
// lexical order, and how to read one.
type autoVarFiles struct {
	names []string
	// others are the directory's other variable files (*.vars.hcl, loaded
	// only with --var-file), for the error when it has no roadmap files.
	others []string
	parse  func(name string) (*hcl.File, hcl.Diagnostics)
}

// load loads the roadmap files, then the automatic variable files; sizes
// are both's, checked before any is read.
func (l *Loader) load(dir string, files []string, auto autoVarFiles, sizes []SourceSize, opts LoadOptions, read readFunc) (*Config, hcl.Diagnostics) {
	cfg := newConfig(dir)
	if opts.Sized != nil {
		var total int64
		for _, s := range sizes {
			total += s.Size
		}
		opts.Sized(total)
	}
	l.meter = newMeterWithBudget(opts.EvalBudget)
	ctx := opts.Context
	if ctx == nil {
		ctx = context.Background()
	}
	l.meter.ctx = ctx
	if len(files) == 0 {
		cfg.Files = l.parser.Files()
		return cfg, hcl.Diagnostics{noRoadmapFiles(dir, auto)}
	}
	run := l.newDecodeRun(ctx, cfg, auto, opts)
	diags, decoded := l.parseFiles(ctx, dir, files, sizes, read, run)
	l.decodedWhileParsing = decoded.started
	if err := ctx.Err(); err != nil {
		cfg = newConfig(dir)
		cfg.Files = l.parser.Files()
		diags = appendInterrupted(diags, err)
		SortDiagnostics(diags)
		return cfg, diags
	}
	if refusedAny(diags) {
		// A file left unread may hold what the others refer to: decoding
		// the rest would bury the refusal under errors that are not real
		// (a 50,000-project roadmap over the block limit gave 4,898
		// "Reference to undeclared evaluation"). What was decoded while
		// parsing is dropped.
		cfg = newConfig(dir)
		cfg.Files = l.parser.Files()
		diags = dropFollowUpsOfRefusals(diags)
		SortDiagnostics(diags)
		return cfg, diags
	}
	if !decoded.started {
		// The files keep only what snippets need; the syntax trees live
		// on in the blocks alone, which decoding lets go of block by block.
		l.keepSnippetsOnly()
		run.decodePrelude(decoded.blocks, !diags.HasErrors())
		clear(decoded.blocks) // (run.byType holds each block until it is decoded)
		run.decodeBlocks()
	}
	diags = append(diags, run.finish()...)
	cfg.Files = l.parser.Files()
	mendLostRanges(diags)
	ExplainUnknownFunctions(diags)
	ExplainLabelErrors(diags)
	diags = dropFollowUpsOfRefusals(diags)
	diags = dropFollowUpsOfUnclosedBlocks(diags, cfg.Files)
	diags = dropFollowUpsOfSpreadsheetNumbers(diags)
	SortDiagnostics(diags)
	return cfg, diags
}

// keepSnippetsOnly replaces every file parsed so far by what diagnostic
// snippets need of it (forSnippets), dropping the file's hold on its tree.
func (l *Loader) keepSnippetsOnly() {
	for name, f := range l.parser.Files() {
		l.parser.AddFile(name, forSnippets(f))
	}
}

// parsedBlocks is what parseFiles leaves to decode: the top-level blocks
// of every file in file order, unless decoding started while parsing.
type parsedBlocks struct {
	blocks  []*hcl.Block
	started bool // run decoded the blocks (and its prelude) as it went
}

// parseFiles parses every roadmap file, after checking the directory's
// sizes and reading the files. It returns the parser's diagnostics and
// the top-level blocks in file order, except where it can decode as it
// parses: once the last file that may hold a variable, scenario, locals
// or roadmap block is parsed (mayHoldPrelude), everything a block's
// decoding needs is known, so it decodes the blocks so far and then each
// later file's as soon as it is parsed; a syntax tree then lives only
// while its file is decoded, instead of every file's at once (for a
// 10,000-project roadmap, most of the load's peak memory). The result is
// the same either way: run keeps each block type's results in file order.
// It stops, returning what it has, once ctx is done.
func (l *Loader) parseFiles(ctx context.Context, dir string, files []string, sizes []SourceSize, read readFunc, run *decodeRun) (hcl.Diagnostics, parsedBlocks) {
	var out parsedBlocks
	if d := CheckSourceSizes(dir, sizes, DefaultSourceLimits()); d.HasErrors() {
		return d, out
	}
	sources := readFiles(ctx, files, read)
	if d := checkTokenTotal(dir, sources); d.HasErrors() {
		return d, out
	}
	lastPrelude := -1
	for i, src := range sources {
		if src.src != nil && mayHoldPrelude(src.src) {
			lastPrelude = i
		}
	}
	var diags hcl.Diagnostics
	var budget loadBudget
	for i, src := range sources {
		if ctx.Err() != nil {
			break
		}
		diags = append(diags, src.diags...)
		if src.overBudget {
			break // the directory is refused: the other files need not be read
		}
		if src.src != nil {
			f, d := l.parseHCLWithinLimits(src.src, src.name, &budget, true) // checkTokenTotal counted them
			diags = append(diags, d...)
			if budget.blocks > MaxBlocks {
				break // the directory is refused
			}
			if f != nil {
				content, d := f.Body.Content(fileSchema)
				diags = append(diags, d...)
				if out.started {
					l.parser.AddFile(src.name, forSnippets(f))
					run.addBlocks(content.Blocks)
					run.decodeBlocks()
				} else {
					out.blocks = append(out.blocks, content.Blocks...)
				}
			}
		}
		if i == lastPrelude && i < len(sources)-1 && !l.parseAllFirst && canDecodeEarly(out.blocks, diags) && ctx.Err() == nil {
			l.keepSnippetsOnly()
			run.decodePrelude(out.blocks, true)
			clear(out.blocks)
			out.blocks, out.started = nil, true
			run.decodeBlocks()
		}
	}
	return diags, out
}

// canDecodeEarly reports whether the blocks parsed so far (every
// variable, scenario, locals and roadmap block of the roadmap among
// them) can be decoded before the other files are parsed: nothing was
// refused (the load would then decode nothing) and the roadmap block is
// there (whether its absence is reported depends on the syntax of every
// file).
func canDecodeEarly(blocks []*hcl.Block, diags hcl.Diagnostics) bool {
	if refusedAny(diags) {
		return false
	}
	for _, b := range blocks {
		if b.Type == "roadmap" {
			return true
		}
	}
	return false
}

// sourceFile is one roadmap file as read, before it is parsed.
type sourceFile struct {
	name       string
	src        []byte // nil when it could not be read
	diags      hcl.Diagnostics
	overBudget bool // the directory's files are larger together than allowed
}

// readFiles reads the files in order until the directory's size budget
// is spent or ctx is done.
func readFiles(ctx context.Context, files []string, read readFunc) []sourceFile {
	var budget loadBudget
	sources := make([]sourceFile, 0, len(files))
	for _, name := range files {
		if ctx.Err() != nil {
			break
		}
		src, d := read(name, &budget)
		over := budget.bytes > MaxDirBytes
		sources = append(sources, sourceFile{name: name, src: src, diags: d, overBudget: over})
		if over {
			break
		}
	}
	return sources
}

// preludeTypes are the block types decoded before all others, which
// every other block's decoding may depend on.
var preludeTypes = [...]string{"variable", "scenario", "locals", "roadmap"}

// mayHoldPrelude reports whether src may hold a top-level block of one of
// preludeTypes: whether a type's name appears as a word that starts a
// line or follows a comment. It may say yes wrongly (the word at the
// start of a line of a heredoc), never no wrongly.
func mayHoldPrelude(src []byte) bool {
	for _, word := range preludeTypes {
		for rest, at := src, 0; ; {
			i := bytes.Index(rest, []byte(word))
			if i < 0 {
				break
			}
			at += i
			if startsBlockHeader(src, at, len(word)) {
				return true
			}
			at += len(word)
			rest = src[at:]
		}
	}
	return false
}

// startsBlockHeader reports whether the word of n bytes at src[at:] may
// be a top-level block's type: a whole word, with nothing before it on
// its line but spaces, tabs, a byte order mark or the end of a comment.
func startsBlockHeader(src []byte, at, n int) bool {
	if end := at + n; end < len(src) && isIdentByte(src[end]) {
		return false
	}
	lineStart := bytes.LastIndexByte(src[:at], '\n') + 1
	before := bytes.TrimRight(src[lineStart:at], " \t")
	before = bytes.TrimPrefix(before, []byte("\uFEFF"))
	return len(before) == 0 || bytes.HasSuffix(before, []byte("*/"))
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// noRoadmapFiles is the error for a directory without roadmap files,
// naming the variable files it holds instead, if any.
func noRoadmapFiles(dir string, auto autoVarFiles) *hcl.Diagnostic {
	where := dir
	if filepath.Clean(dir) == "." {
		where = "the current directory"
	}
	detail := fmt.Sprintf("There are no roadmap files (*.hcl) in %s.", where)
	var found []string
	for _, f := range auto.names {
		found = append(found, filepath.Base(f)+" (loaded automatically with the roadmap files beside it)")
	}
	for _, f := range auto.others {
		found = append(found, filepath.Base(f)+" (loaded only with --var-file)")
	}
	switch len(found) {
	case 0:
	case 1:
		detail += " It holds one variable file, " + found[0] + ", which sets the variables a roadmap declares but is no roadmap itself."
	default:
		detail += " It holds only variable files, " + strings.Join(found, ", ") + ", which set the variables a roadmap declares but are no roadmap themselves."
	}
	detail += fmt.Sprintf(" Run the command on the directory of the roadmap's .hcl files, or write a starter roadmap here: roadmap init %s", dir)
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "No roadmap files", Detail: detail}
}

// idKinds are the block types with ids, in the order they are decoded:
// each type's results, diagnostics and references come in file order,
// and the types in this order, however the blocks were grouped when
// decoded.
var idKinds = [...]string{"goal", "department", "system", "team", "budget", "vendor", "evaluation", "project", "choice", "check"}

// decodeRun decodes one roadmap's blocks into cfg: first the prelude
// (variables, scenarios, locals and the roadmap block, which every other
// block may depend on), then the blocks with ids, in one go or file by
// file (decodeBlocks may be called again as more blocks arrive), then
// the checks across blocks (finish).
type decodeRun struct {
	l    *Loader
	ctx  context.Context
	cfg  *Config
	auto autoVarFiles
	opts LoadOptions

	decls    declarations
	spelling idSpelling // composed, one script, no look-alikes
	dec      *decoder

	prelude hcl.Diagnostics
	// pending holds each id kind's blocks not yet decoded, in file order.
	pending [len(idKinds)][]*hcl.Block
	// diags and refs are each id kind's, in file order.
	diags       [len(idKinds)]hcl.Diagnostics
	refs        [len(idKinds)][][]reference
	roadmapRefs []reference
	// stopped is the error that ended decoding (ctx done), if any.
	stopped error
}

func (l *Loader) newDecodeRun(ctx context.Context, cfg *Config, auto autoVarFiles, opts LoadOptions) *decodeRun {
	return &decodeRun{l: l, ctx: ctx, cfg: cfg, auto: auto, opts: opts, decls: declarations{}}
}

// MaxIDBytes bounds a block's id: outputs repeat ids in every list and
// period that names them (review qa15g F9: a 200,000-byte id over 3,000
// periods took 22 s and 2.9 GB to print).
const MaxIDBytes = 256

// declare records an id and reports a duplicate into diags; false means
// skip the block.
func (r *decodeRun) declare(b *hcl.Block, diags *hcl.Diagnostics) bool {
	id := b.Labels[0]
	decls := r.decls
	if decls[b.Type] == nil {
		decls[b.Type] = map[string]hcl.Range{}
	}
	if len(id) > MaxIDBytes {
		*diags = append(*diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Id too long",
			Detail:   fmt.Sprintf("This %s's id is %d bytes long; ids may be at most %d bytes (every list, table and period that names the block repeats it). Use a short id and put the long name in title.", b.Type, len(id), MaxIDBytes),
			Subject:  b.LabelRanges[0].Ptr(),
		})
		return false
	}
	if !hclsyntax.ValidIdentifier(id) {
		kind, root := "id", b.Type
		if b.Type == "variable" {
			kind, root = "name", "var"
		}
		*diags = append(*diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  fmt.Sprintf("Invalid %s %s", b.Type, kind),
			Detail:   fmt.Sprintf("%q cannot be referred to as %s.%s: it must start with a letter or underscore and contain only letters, digits, underscores and dashes.", id, root, id),
			Subject:  b.LabelRanges[0].Ptr(),
		})
	}
	if first, dup := decls[b.Type][id]; dup {
		*diags = append(*diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  fmt.Sprintf("Duplicate %s %q", b.Type, id),
			Detail:   fmt.Sprintf("A %s named %q was already declared at %s. Ids must be unique per block type.", b.Type, id, first.String()),
			Subject:  b.LabelRanges[0].Ptr(),
			Context:  b.DefRange.Ptr(),
		})
		return false
	}
	decls[b.Type][id] = b.DefRange
	r.spelling.check(b.Type, id, b.LabelRanges[0])
	return true
}

// addBlocks queues blocks of the id kinds for decodeBlocks (other types
// are the prelude's, decoded by decodePrelude alone).
func (r *decodeRun) addBlocks(blocks []*hcl.Block) {
	for _, b := range blocks {
		if k := slices.Index(idKinds[:], b.Type); k >= 0 {
			r.pending[k] = append(r.pending[k], b)
		}
	}
}

// decodePrelude decodes the variables, scenarios, locals and the roadmap
// block among blocks (every file's), and queues the other blocks. When
// the files had syntax errors (syntaxOK false) a missing roadmap block is
// not reported: it is most likely inside the broken part.
func (r *decodeRun) decodePrelude(blocks []*hcl.Block, syntaxOK bool) {
	l, ctx, cfg, opts := r.l, r.ctx, r.cfg, r.opts
	var diags hcl.Diagnostics
	defer func() { r.prelude = diags }()
	byType := map[string][]*hcl.Block{}
	for _, b := range blocks {
		if !slices.Contains(idKinds[:], b.Type) {
			byType[b.Type] = append(byType[b.Type], b)
		}
	}
	r.addBlocks(blocks)

	s := newScope(l.meter)

	// Variables first: everything else may refer to them.
	varDecls := map[string]*variableDecl{}
	var varOrder []*variableDecl
	for _, b := range byType["variable"] {
		vd, d := decodeVariableBlock(b, l.meter)
		diags = append(diags, d...)
		if !r.declare(b, &diags) {
			continue
		}
		varDecls[vd.Variable.Name] = vd
		varOrder = append(varOrder, vd)
		s.setVar(vd.Variable.Name, cty.DynamicVal)
	}
	// Scenarios set variables: each is read against the values the
	// variables have without it, and the one asked for (if any) then
	// overrides them.
	for _, b := range byType["scenario"] {
		sc, d := decodeScenarioBlock(b, varDecls, l.meter)
		diags = append(diags, d...)
		if r.declare(b, &diags) {
			cfg.Scenarios = append(cfg.Scenarios, sc)
		}
	}
	selected, d := selectScenario(cfg.Scenarios, opts.Scenario)
	diags = append(diags, d...)
	setBySelected := map[string]bool{}
	if selected != nil {
		for _, sv := range selected.Variables {
			setBySelected[sv.Name] = true
		}
	}
	assigned, d := l.assignVariables(varDecls, r.auto, opts)
	diags = append(diags, d...)
	values := map[string]cty.Value{}
	for _, vd := range varOrder {
		name := vd.Variable.Name
		a, ok := assigned[name]
		if !ok && setBySelected[name] && vd.Variable.Default == cty.NilVal {
			// A required variable the scenario provides.
			values[name] = cty.DynamicVal
			continue
		}
		val, d := finalVariableValue(vd, a, ok, s)
		diags = append(diags, d...)
		values[name] = val
	}
	for _, sc := range cfg.Scenarios {
		diags = append(diags, evaluateScenario(sc, varDecls, values, s)...)
	}
	if selected != nil {
		diags = append(diags, overriddenByScenario(selected, assigned)...)
		for _, sv := range selected.Variables {
			values[sv.Name] = sv.Value
		}
		cfg.Scenario = selected
	}
	for _, vd := range varOrder {
		name := vd.Variable.Name
		s.setVar(name, values[name])
		cfg.Variables = append(cfg.Variables, vd.Variable)
		cfg.VariableValues[name] = values[name]
	}

	var localAttrs []*hcl.Attribute
	for _, b := range byType["locals"] {
		attrs, d := b.Body.JustAttributes()
		diags = append(diags, d...)
		sorted := sortedAttributes(attrs)
		localAttrs = append(localAttrs, sorted...)
		for _, a := range sorted {
			r.spelling.check("local", a.Name, a.NameRange)
		}
	}
	diags = append(diags, evaluateLocals(ctx, localAttrs, s)...)
	if err := ctx.Err(); err != nil {
		r.stopped = err
		return
	}
	diags = append(diags, checkValueSizes(varOrder, localAttrs, s)...)
	for name, v := range s.locals {
		cfg.LocalValues[name] = v
	}

	dec := &decoder{scope: s, unit: Quarter, horizon: 8, estimate: estimate.Likely}
	r.dec = dec
	roadmaps := byType["roadmap"]
	switch {
	case len(roadmaps) == 0 && !syntaxOK:
	case len(roadmaps) == 0:
		diag := &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Missing roadmap block",
			Detail:   "A roadmap needs exactly one roadmap block with at least its start, such as roadmap { name = \"IT 2027\"  start = \"2027-01\" }.",
		}
		if len(blocks) > 0 {
			first := hcl.Range{Filename: blocks[0].DefRange.Filename, Start: hcl.InitialPos, End: hcl.InitialPos}
			diag.Subject = &first
		}
		diags = append(diags, diag)
	default:
		rm, start, startOK, refs, d := decodeRoadmapBlock(roadmaps[0], s, cfg.Roadmap.Name)
		diags = append(diags, d...)
		r.roadmapRefs = refs
		cfg.Roadmap = rm
		dec.unit, dec.horizon, dec.estimate = rm.Period, rm.Horizon, rm.Estimate
		if startOK {
			cfg.Calendar = NewCalendar(rm.Period, start)
			dec.calendar = &cfg.Calendar
		}
		if content, _ := roadmaps[0].Body.Content(roadmapSchema); content != nil {
			diags = append(diags, dec.decodeAsOf(rm, content.Attributes, opts.AsOf)...)
		}
		for _, b := range roadmaps[1:] {
			diags = append(diags, duplicateBlock(b, roadmaps[0].DefRange))
		}
	}
}

// decodeBlocks decodes the queued blocks with ids into cfg, each kind in
// turn, letting go of each block once decoded so the garbage collector
// can free its syntax tree: a large roadmap never holds its whole tree
// and its whole decoded form at once.
func (r *decodeRun) decodeBlocks() {
	if r.stopped != nil || r.dec == nil {
		return
	}
	cfg, dec := r.cfg, r.dec
	for k, kind := range idKinds {
		diags := &r.diags[k]
		for i, b := range r.pending[k] {
			if err := r.ctx.Err(); err != nil {
				r.stopped = err
				return
			}
			r.pending[k][i] = nil
			fresh := r.declare(b, diags)
			var refs []reference
			var d hcl.Diagnostics
			switch kind {
			case "goal":
				var x *Goal
				x, d = dec.decodeGoalBlock(b)
				if fresh {
					cfg.Goals = append(cfg.Goals, x)
				}
			case "department":
				var x *Department
				x, d = dec.decodeDepartmentBlock(b)
				if fresh {
					cfg.Departments = append(cfg.Departments, x)
				}
			case "team":
				var x *Team
				x, d = dec.decodeTeamBlock(b)
				if fresh {
					cfg.Teams = append(cfg.Teams, x)
				}
			case "budget":
				var x *Budget
				x, d = dec.decodeBudgetBlock(b)
				if fresh {
					cfg.Budgets = append(cfg.Budgets, x)
				}
			case "vendor":
				var x *Vendor
				x, d = dec.decodeVendorBlock(b)
				if fresh {
					cfg.Vendors = append(cfg.Vendors, x)
				}
			case "evaluation":
				var x *Evaluation
				x, refs, d = dec.decodeEvaluationBlock(b)
				if fresh {
					for _, ref := range refs {
						x.Candidates = append(x.Candidates, ref.ID)
					}
					cfg.Evaluations = append(cfg.Evaluations, x)
				}
			case "project":
				var x *Project
				x, refs, d = dec.decodeProjectBlock(b)
				if fresh {
					cfg.Projects = append(cfg.Projects, x)
				}
			case "system":
				var x *System
				x, refs, d = dec.decodeSystemBlock(b)
				if fresh {
					cfg.Systems = append(cfg.Systems, x)
				}
			case "choice":
				var x *Choice
				x, refs, d = dec.decodeChoiceBlock(b)
				if fresh {
					cfg.Choices = append(cfg.Choices, x)
				}
			case "check":
				var x *Check
				x, d = dec.decodeCheckBlock(b)
				if fresh {
					cfg.Checks = append(cfg.Checks, x)
				}
			}
			*diags = append(*diags, d...)
			if len(refs) > 0 {
				// Kept block by block: one list of every reference was
				// copied over and over as it grew.
				r.refs[k] = append(r.refs[k], refs)
			}
		}
		r.pending[k] = r.pending[k][:0]
	}
}

// finish resolves the references, runs the checks across blocks and
// returns every diagnostic of the run, in the order of a decoding of
// each kind in turn.
func (r *decodeRun) finish() hcl.Diagnostics {
	diags := r.prelude
	for k := range idKinds {
		diags = append(diags, r.diags[k]...)
	}
	if r.stopped != nil {
		return appendInterrupted(diags, r.stopped)
	}
	cfg := r.cfg
	res := r.decls.resolver()
	resolve := func(refs []reference) {
		for _, ref := range refs {
			if d := res.resolve(ref); d != nil {
				diags = append(diags, d)
			}
		}
	}
	resolve(r.roadmapRefs)
	for k := range idKinds {
		for _, refs := range r.refs[k] {
			resolve(refs)
		}
	}
	diags = append(diags, r.spelling.diags...)
	diags = append(diags, applyDefaults(cfg)...)
	diags = append(diags, checkFundingNamed(cfg)...)
	diags = append(diags, checkFlagship(cfg)...)
	diags = append(diags, applyRunFunding(cfg)...)
	diags = append(diags, checkDependencyCycles(cfg)...)
	diags = append(diags, checkOutOfSequence(cfg)...)
	diags = append(diags, checkPortfolioConstraints(cfg)...)
	diags = append(diags, checkSystems(cfg)...)
	diags = append(diags, checkPeriodLimits(cfg)...)
	return diags
}

func defaultRoadmapName(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		return filepath.Base(abs)
	}
	return filepath.Base(dir)
}

// applyDefaults fills what depends on other blocks: a project's funding
// (the only budget, when there is exactly one) and an evaluation's
// candidates (every vendor of its category, by id, when none are listed).
func applyDefaults(cfg *Config) hcl.Diagnostics {
	var diags hcl.Diagnostics
	if candidates := buildFundingCandidates(cfg.Budgets); len(candidates) == 1 {
		for _, p := range cfg.Projects {
			if p.Funding == "" && len(p.FundingSplit) == 0 {
				p.Funding = candidates[0].ID
			}
		}
	}
	vendors := map[string]*Vendor{}
	for _, v := range cfg.Vendors {
		vendors[v.ID] = v
	}
	var byCategory map[string][]string // vendor ids by category, sorted
	for _, e := range cfg.Evaluations {
		if len(e.Candidates) > 0 {
			if e.Category == "" {
				continue
			}
			for _, id := range e.Candidates {
				v, ok := vendors[id]
				if ok && v.Category != "" && v.Category != e.Category {
					diags = append(diags, &hcl.Diagnostic{
						Severity: hcl.DiagWarning,
						Summary:  "Candidate of another category",
						Detail:   fmt.Sprintf("Vendor %q is in category %q but evaluation %q is for %q.", id, v.Category, e.ID, e.Category),
						Subject:  e.Ranges.Range("candidates", e.DeclRange).Ptr(),
					})
				}
			}
			continue
		}
		if e.Category == "" {
			continue
		}
		if byCategory == nil {
			byCategory = map[string][]string{}
			for _, v := range cfg.Vendors {
				byCategory[v.Category] = append(byCategory[v.Category], v.ID)
			}
			for _, ids := range byCategory {
				sort.Strings(ids)
			}
		}
		e.Candidates = append([]string(nil), byCategory[e.Category]...)
		if len(e.Candidates) == 0 {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagWarning,
				Summary:  "Evaluation without candidates",
				Detail:   fmt.Sprintf("No vendor has category %q, so evaluation %q has no winner and projects using it are not viable.", e.Category, e.ID),
				Subject:  e.Ranges.Range("category", e.DeclRange).Ptr(),
			})
		}
	}
	return diags
}

// checkFlagship refuses a mandatory flagship: mandatory projects come
// first anyway, and the flagship is the first project chosen on its merits.
func checkFlagship(cfg *Config) hcl.Diagnostics {
	rm := cfg.Roadmap
	if rm == nil || rm.Flagship == "" {
		return nil
	}
	for _, p := range cfg.Projects {
		if p.ID == rm.Flagship && p.Mandatory {
			return hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Mandatory flagship",
				Detail:   fmt.Sprintf("Project %q is mandatory: it ranks first whatever its merits. The flagship is the first project chosen on its merits; name a project that is not mandatory, or leave flagship out to let the strategy pick it.", p.ID),
				Subject:  rm.Ranges.Range("flagship", rm.DeclRange).Ptr(),
			}}
		}
	}
	return nil
}

// checkFundingNamed reports each project that spends on its build but
// names no funding when the roadmap has two or more budgets that could
// pay for builds (its capex budgets, or every budget when none is capex):
// none of them can be assumed to pay, and spending outside every budget
// would let the project escape all of them.
func checkFundingNamed(cfg *Config) hcl.Diagnostics {
	candidates := buildFundingCandidates(cfg.Budgets)
	if len(candidates) < 2 {
		return nil
	}
	var diags hcl.Diagnostics
	ids := make([]string, len(candidates))
	for i, b := range candidates {
		ids[i] = b.ID
	}
	vendors := map[string]*Vendor{}
	for _, v := range cfg.Vendors {
		vendors[v.ID] = v
	}
	evaluations := map[string]*Evaluation{}
	for _, e := range cfg.Evaluations {
		evaluations[e.ID] = e
	}
	for _, p := range cfg.Projects {
		if _, named := p.Ranges["funding"]; named || p.Funding != "" || len(p.FundingSplit) > 0 {
			continue
		}
		what := buildSpendSources(p, cfg.Teams, vendors, evaluations)
		if len(what) == 0 {
			continue
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Which budget pays?",
			Detail: fmt.Sprintf("Project %q spends on its build (%s) but names no funding, and the roadmap has %d budgets (%s). Name the one that pays, such as funding = budget.%s, or split the spend, such as funding = { %s = 0.5, %s = 0.5 }.",
				p.ID, strings.Join(what, ", "), len(ids), strings.Join(ids, ", "), ids[0], ids[0], ids[1]),
			Subject: p.DeclRange.Ptr(),
		})
	}
	return diags
}

// buildSpendSources lists what p spends on during its build, in words:
// its one-time cost, its teams' cost, its vendor's one-time fee (for an
// evaluation, any candidate's). Empty when its build costs nothing.
func buildSpendSources(p *Project, teams []*Team, vendors map[string]*Vendor, evaluations map[string]*Evaluation) []string {
	var what []string
	if p.Cost.OneTime > 0 {
		what = append(what, "cost.one_time")
	}
	for _, t := range teams {
		if p.Effort[t.ID] > 0 && t.CostPerFTE > 0 {
			what = append(what, "the cost of its effort")
			break
		}
	}
	switch p.Vendor.Kind {
	case RefVendor:
		if v, ok := vendors[p.Vendor.ID]; ok && v.OneTime > 0 {
			what = append(what, fmt.Sprintf("the one-time fee of vendor %q", v.ID))
		}
	case RefEvaluation:
		if e, ok := evaluations[p.Vendor.ID]; ok {
			for _, id := range e.Candidates {
				if v, ok := vendors[id]; ok && v.OneTime > 0 {
					what = append(what, fmt.Sprintf("the one-time fee of the winner of evaluation %q", e.ID))
					break
				}
			}
		}
	}
	return what
}

// checkDependencyCycles reports each depends_on cycle once, on the first
// project's reference to the next.
func checkDependencyCycles(cfg *Config) hcl.Diagnostics {
	var diags hcl.Diagnostics
	byID := map[string]*Project{}
	for _, p := range cfg.Projects {
		byID[p.ID] = p
	}
	for _, cycle := range dependencyCycles(cfg.Projects) {
		if len(cycle) == 1 {
			continue // a project depending on itself is reported where it is decoded
		}
		first := byID[cycle[0]]
		next := cycle[1%len(cycle)]
		subject := first.Ranges.Range("depends_on."+next, first.Ranges.Range("depends_on", first.DeclRange))
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Dependency cycle",
			Detail:   fmt.Sprintf("These projects depend on each other in a loop, so none can start: %s. Remove one of the depends_on references.", cyclePath("project.", cycle)),
			Subject:  subject.Ptr(),
			Context:  first.Ranges.Range("depends_on", first.DeclRange).Ptr(),
		})
	}
	return diags
}

// mendLostRanges gives a diagnostic whose subject lost its file the start
// of its context instead: HCL's parser can leave a function call it
// recovered from without a closing parenthesis with an empty range.
func mendLostRanges(diags hcl.Diagnostics) {
	for _, d := range diags {
		if d.Subject == nil || d.Subject.Filename != "" {
			continue
		}
		if d.Context == nil || d.Context.Filename == "" {
			d.Subject = nil
			continue
		}
		at := hcl.Range{Filename: d.Context.Filename, Start: d.Context.Start, End: d.Context.Start}
		if d.Context.End.Byte < d.Context.Start.Byte {
			d.Context = at.Ptr()
		}
		d.Subject = at.Ptr()
	}
}
