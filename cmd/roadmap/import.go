package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/hclspec/sheetimport"
	"github.com/roadmap-as-code/roadmap/internal/atomicfile"
	"github.com/roadmap-as-code/roadmap/internal/symlink"
	"github.com/roadmap-as-code/roadmap/report"
)

// importOptions are the flags of `roadmap import csv|xlsx`.
type importOptions struct {
	format string // csv | xlsx
	file   string
	out    string
	maps   []string
	team   string
	sheet  string
	name   string // output file name in out
	start  string // start of a new roadmap
	force  bool
	// decimalComma: numbers use a decimal comma (1.400.000,50); set by
	// --decimal-comma, or by a semicolon-separated CSV file.
	decimalComma bool
}

func newImportCmd(g *globalOptions, s *Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import",
		Short: "Create project blocks from a spreadsheet of ideas (CSV, Jira or GitHub Projects export, xlsx)",
		Long: `Create formatted HCL project blocks from a sheet with one project per row:
a CSV or TSV file (a Jira "Export Excel CSV", a GitHub Projects "Export view
data"), or an xlsx workbook. Columns are matched to project attributes by
name (id, title, goals, effort, cost.one_time, ...; Jira's "Issue key",
"Summary", "Labels", "Original Estimate", "Due Date"); --map assigns others.

Nothing is written unless every cell is valid and the projects validate
against the roadmap in --out: each bad cell is reported with its row and
column. Existing files are never overwritten without --force.`,
	}
	for _, format := range []string{"csv", "xlsx"} {
		cmd.AddCommand(newImportFormatCmd(g, s, format))
	}
	return cmd
}

func newImportFormatCmd(g *globalOptions, s *Streams, format string) *cobra.Command {
	o := &importOptions{format: format}
	example := `  roadmap import csv ideas.csv --out .
  roadmap import csv jira.csv --team platform --out roadmap/
  roadmap import csv project-view.tsv --map "Size=duration" --out new-roadmap --start 2027-Q1`
	if format == "xlsx" {
		example = `  roadmap import xlsx ideas.xlsx --sheet Ideas --out .`
	}
	cmd := &cobra.Command{
		Use:     format + " FILE --out DIR",
		Short:   "Create project blocks from a " + strings.ToUpper(format) + " file",
		Example: example,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			if o.out == "" {
				return errors.New("--out DIR is required: the roadmap directory to add the projects to (created when missing)")
			}
			if o.sheet != "" && o.format != "xlsx" {
				return errors.New("--sheet chooses a worksheet of an xlsx workbook")
			}
			return runImport(g, s, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.out, "out", "", "the roadmap `DIR` to write the project file into (created when missing)")
	stringArrayFlag(f, &o.maps, "map", "assign a column to an attribute: `COLUMN=ATTRIBUTE` (repeatable; ATTRIBUTE - ignores the column)")
	f.StringVar(&o.team, "team", "", "the team whose effort an estimate in hours (Jira's Original Estimate) is")
	f.StringVar(&o.name, "file", "", "name of the file written in DIR (default: FILE's name with .hcl)")
	f.StringVar(&o.start, "start", "", "for a new roadmap: its start, such as 2027-Q1")
	f.BoolVar(&o.force, "force", false, "update an existing file: its project blocks take the sheet's rows, the rest of it is kept")
	f.BoolVar(&o.decimalComma, "decimal-comma", false, "numbers in text cells use a decimal comma and a point between thousands (1.400.000,50); the default for semicolon-separated CSV files")
	if format == "xlsx" {
		f.StringVar(&o.sheet, "sheet", "", "the worksheet to read (default: the first)")
	}
	return cmd
}

// maxSheetBytes bounds the file import reads.
const maxSheetBytes = 32 << 20

// readSheet reads the sheet; a semicolon-separated CSV file sets
// o.decimalComma.
func readSheet(o *importOptions) (sheetimport.Sheet, error) {
	sh := sheetimport.Sheet{Name: filepath.Base(o.file)}
	f, err := os.Open(o.file)
	if err != nil {
		return sh, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSheetBytes+1))
	if err != nil {
		return sh, err
	}
	if len(data) > maxSheetBytes {
		return sh, fmt.Errorf("%s is larger than %d MiB, far more than a sheet of project ideas", o.file, maxSheetBytes>>20)
	}
	if o.format == "xlsx" {
		return readXLSXSheet(sh, data, o.sheet)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // Excel's byte order mark
	if !utf8.Valid(data) {
		return sh, fmt.Errorf("%s is not UTF-8 text: save it again as \"CSV UTF-8\" (Excel) or with UTF-8 encoding", o.file)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.Comma = csvSeparator(data, o.file)
	if r.Comma == ';' {
		o.decimalComma = true // Excel in a locale with a decimal comma
	}
	if r.Comma == '\t' {
		r.LazyQuotes = true // GitHub Projects exports tab-separated values
	}
	lines := lineStarts(data)
	for {
		record, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return sh, fmt.Errorf("%s line %d, column %d: %v", o.file, pe.Line, pe.Column, pe.Err)
			}
			return sh, fmt.Errorf("%s: %w", o.file, err)
		}
		cells := make([]hcl.Range, len(record))
		for i := range record {
			line, col := r.FieldPos(i)
			cells[i] = csvCellRange(data, lines, sh.Name, line, col, r.Comma)
		}
		sh.Rows = append(sh.Rows, record)
		sh.Cells = append(sh.Cells, cells)
	}
	sh.Source = data
	return sh, nil
}

// csvSeparator is the separator of a CSV file: a tab for .tsv files,
// else whichever of comma, semicolon (Excel in locales with a decimal
// comma) and tab the header line has most of, outside quotes.
func csvSeparator(data []byte, name string) rune {
	if strings.EqualFold(filepath.Ext(name), ".tsv") {
		return '\t'
	}
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(data) {
		if c == '"' {
			quoted = !quoted
		}
		if c == '\n' && !quoted {
			break
		}
		if !quoted {
			counts[c]++
		}
	}
	sep := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[sep] {
			sep = c
		}
	}
	return sep
}

// lineStarts is the byte offset of each line of data.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' && i+1 < len(data) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// csvCellRange is the range of the field starting at line and col (a
// byte column, as csv.Reader.FieldPos gives it): up to its closing quote,
// or the next separator or line break.
func csvCellRange(data []byte, lines []int, name string, line, col int, sep rune) hcl.Range {
	if line < 1 || line > len(lines) {
		return hcl.Range{Filename: name, Start: hcl.Pos{Line: line, Column: col}, End: hcl.Pos{Line: line, Column: col}}
	}
	lineStart := lines[line-1]
	start := min(lineStart+col-1, len(data))
	end := start
	if end < len(data) && data[end] == '"' {
		for end++; end < len(data); end++ {
			if data[end] == '"' {
				if end+1 < len(data) && data[end+1] == '"' {
					end++
					continue
				}
				end++
				break
			}
		}
	} else {
		for end < len(data) && rune(data[end]) != sep && data[end] != '\n' && data[end] != '\r' {
			end++
		}
	}
	startCol := utf8.RuneCount(data[lineStart:start]) + 1
	endLine, endCol := line, startCol+utf8.RuneCount(data[start:end])
	if nl := bytes.LastIndexByte(data[start:end], '\n'); nl >= 0 {
		endLine += bytes.Count(data[start:end], []byte{'\n'})
		endCol = utf8.RuneCount(data[start+nl+1:end]) + 1
	}
	return hcl.Range{
		Filename: name,
		Start:    hcl.Pos{Line: line, Column: startCol, Byte: start},
		End:      hcl.Pos{Line: endLine, Column: endCol, Byte: end},
	}
}

func readXLSXSheet(sh sheetimport.Sheet, data []byte, name string) (sheetimport.Sheet, error) {
	wb, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return sh, fmt.Errorf("%s is not an xlsx workbook: %w", sh.Name, err)
	}
	defer wb.Close()
	sheets := wb.GetSheetList()
	if name == "" {
		name = sheets[0]
	} else if !slices.Contains(sheets, name) {
		return sh, fmt.Errorf("%s has no sheet %q: its sheets are %s", sh.Name, name, strings.Join(sheets, ", "))
	}
	rows, err := wb.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return sh, err
	}
	sh.Name += " [" + name + "]"
	sh.Rows = rows
	sh.Formulas = map[[2]int]string{}
	for r, row := range rows {
		for c := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if f, _ := wb.GetCellFormula(name, ref); f != "" {
				sh.Formulas[[2]int{r, c}] = f
			}
		}
	}
	return sh, nil
}

// hoursPerPeriod is one person's working hours in a period: 40 a week,
// 2080 a year.
func hoursPerPeriod(u hclspec.PeriodUnit) float64 {
	return 2080 / float64(hclspec.PeriodsPerYear(u))
}

func runImport(g *globalOptions, s *Streams, o *importOptions) error {
	sh, err := readSheet(o)
	if err != nil {
		return err
	}
	// The target roadmap, when there is one: its period sizes estimates,
	// its ids are checked, and nothing is written if the result breaks it.
	existing, err := hclspec.RoadmapFiles(o.out)
	isRoadmap := err == nil && len(existing) > 0
	opts := sheetimport.Options{Map: o.maps, Team: o.team, HoursPerPeriod: hoursPerPeriod(hclspec.Quarter), DecimalComma: o.decimalComma}
	var cfg *hclspec.Config
	if isRoadmap {
		loader := hclspec.NewLoader()
		var diags hcl.Diagnostics
		cfg, diags = loader.LoadDir(o.out, hclspec.LoadOptions{})
		if diags.HasErrors() {
			if err := g.writeDiagnostics(s, diags, loader.Files()); err != nil {
				return err
			}
			return fmt.Errorf("the roadmap in %s has errors: fix them before importing into it", o.out)
		}
		opts.HoursPerPeriod = hoursPerPeriod(cfg.Calendar.Unit)
		opts.Calendar = cfg.Calendar
	} else if o.start == "" {
		return fmt.Errorf("%s holds no roadmap yet: give --start (such as --start 2027-Q1) for the roadmap block import writes there", o.out)
	}

	res, diags := sheetimport.Read(sh, opts)
	if res != nil && len(res.Ignored) > 0 {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Columns not imported",
			Detail: fmt.Sprintf("%s: %s. These columns match no project attribute; import one with --map COLUMN=ATTRIBUTE (attributes: %s).",
				sh.Name, strings.Join(res.Ignored, ", "), strings.Join(sheetimport.Attributes, ", ")),
		})
	}
	var sheetFiles map[string]*hcl.File
	if sh.Source != nil {
		sheetFiles = map[string]*hcl.File{sh.Name: {Bytes: sh.Source}}
	}
	if err := g.writeDiagnostics(s, diags, sheetFiles); err != nil {
		return err
	}
	if diags.HasErrors() || res == nil {
		fmt.Fprintln(s.Err, "Nothing written.")
		return errFailed
	}
	if len(res.Projects) == 0 {
		return fmt.Errorf("%s has no rows of projects below its header", o.file)
	}

	name := o.name
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(o.file), filepath.Ext(o.file)) + ".hcl"
	}
	if !strings.HasSuffix(name, ".hcl") || strings.HasSuffix(name, hclspec.VarFileSuffix) || strings.ContainsRune(name, os.PathSeparator) {
		return fmt.Errorf("--file %q: name a .hcl file (not .vars.hcl) directly in %s", name, o.out)
	}
	files := map[string][]byte{name: sheetimport.Write(res, filepath.Base(o.file))}
	// An existing file is updated in place: its other blocks, its
	// comments and what no column holds are kept.
	var changes *sheetimport.Changes
	target := filepath.Join(o.out, name)
	if old, err := os.ReadFile(target); err == nil && o.force && cfg != nil {
		data, ch, diags := sheetimport.Merge(old, target, res, currentProjects(cfg, target, opts))
		if diags.HasErrors() {
			if err := g.writeDiagnostics(s, diags, nil); err != nil {
				return err
			}
			return errFailed
		}
		files[name], changes = data, &ch
	}
	if !isRoadmap {
		files["roadmap.hcl"] = newRoadmapSkeleton(strings.TrimSuffix(filepath.Base(o.file), filepath.Ext(o.file)), o.start, res.Refs)
	}

	// Validate the roadmap as it would be, in memory.
	sources := map[string][]byte{}
	for _, path := range existing {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sources[path] = data
	}
	var written []string
	for n, data := range files {
		path := filepath.Join(o.out, n)
		if _, clash := sources[path]; clash && !o.force {
			return fmt.Errorf("%s exists: import never overwrites a file without --force (or choose another name with --file)", path)
		}
		if _, err := os.Lstat(path); err == nil && !o.force {
			return fmt.Errorf("%s exists: import never overwrites a file without --force (or choose another name with --file)", path)
		}
		sources[path] = data
		written = append(written, path)
	}
	slices.Sort(written)
	loader := hclspec.NewLoader()
	_, vdiags := loader.LoadSources(o.out, sources, hclspec.LoadOptions{})
	if vdiags.HasErrors() {
		if err := g.writeDiagnostics(s, vdiags, loader.Files()); err != nil {
			return err
		}
		fmt.Fprintf(s.Err, "Nothing written: the imported projects do not validate against %s.\n", o.out)
		if hint := declaredElsewhere(cfg, res, target); hint != "" {
			fmt.Fprintln(s.Err, hint)
		}
		return errFailed
	}

	if _, err := symlink.ResolvePath(o.out); err != nil {
		return err // MkdirAll would follow the link
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	for _, path := range written {
		if err := atomicfile.WriteFile(path, sources[path], 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
	}
	var cols []string
	for _, c := range res.Columns {
		cols = append(cols, fmt.Sprintf("%s -> %s", c[0], c[1]))
	}
	fmt.Fprintf(s.Out, "Imported %s from %s into %s.\nColumns: %s.\n", countNoun(len(res.Projects), "project", "projects"), o.file, strings.Join(written, " and "), strings.Join(cols, ", "))
	if changes != nil {
		fmt.Fprintf(s.Out, "Updated %s in place: %s; its other blocks, comments and the attributes no column holds are kept.\n", target, changes)
	}
	if len(res.Conversions) > 0 {
		sep := "a decimal point"
		if o.decimalComma {
			sep = "a decimal comma"
		}
		fmt.Fprintf(s.Out, "Read %s written as in a spreadsheet (with %s):\n", countNoun(len(res.Conversions), "number", "numbers"), sep)
		for _, c := range res.Conversions {
			fmt.Fprintf(s.Out, "  %s\n", c)
		}
	}
	if !isRoadmap {
		fmt.Fprintf(s.Out, "%s is a new roadmap: fill in the TODOs of roadmap.hcl (teams' capacity and cost, budgets, goals' weights), then run roadmap plan %s.\n", o.out, o.out)
	}
	return nil
}

// currentProjects is, by id, the attributes of the projects declared in
// path as the projects table shows them, read back as a sheet's rows are:
// what Merge compares the sheet's cells with.
func currentProjects(cfg *hclspec.Config, path string, opts sheetimport.Options) map[string]map[string]any {
	opts.Map = nil
	res, diags := sheetimport.Read(sheetimport.Sheet{Name: path, Rows: report.ProjectsAsWritten(cfg)}, opts)
	if res == nil {
		return nil
	}
	bad := map[int]bool{}
	for _, d := range diags {
		if d.Severity == hcl.DiagError && d.Subject != nil {
			bad[d.Subject.Start.Line] = true // a row read back wrongly is rewritten whole
		}
	}
	declared := map[string]bool{}
	for _, p := range cfg.Projects {
		if sameFile(p.DeclRange.Filename, path) {
			declared[p.ID] = true
		}
	}
	out := map[string]map[string]any{}
	for _, p := range res.Projects {
		if declared[p.ID] && !bad[p.Row] {
			out[p.ID] = p.Attrs
		}
	}
	return out
}

// declaredElsewhere is a hint when rows of the sheet are projects
// declared in another file than target: import updates one file.
func declaredElsewhere(cfg *hclspec.Config, res *sheetimport.Result, target string) string {
	if cfg == nil {
		return ""
	}
	rows := map[string]bool{}
	for _, p := range res.Projects {
		rows[p.ID] = true
	}
	var files, ids []string
	for _, p := range cfg.Projects {
		if f := p.DeclRange.Filename; rows[p.ID] && !sameFile(f, target) {
			ids = append(ids, p.ID)
			if !slices.Contains(files, f) {
				files = append(files, f)
			}
		}
	}
	if len(ids) == 0 {
		return ""
	}
	if len(ids) > 10 {
		ids = append(ids[:10:10], fmt.Sprintf("%d more", len(ids)-10))
	}
	verb := "are"
	if len(ids) == 1 {
		verb = "is"
	}
	return fmt.Sprintf("The sheet's %s %s already declared in %s: import updates the projects of one file in place (--file NAME --force); import each file's rows into it.",
		strings.Join(ids, ", "), verb, strings.Join(files, ", "))
}

func sameFile(a, b string) bool {
	if a == b {
		return true
	}
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// newRoadmapSkeleton is the roadmap.hcl of a new roadmap: a roadmap block
// and a stub for every goal, department, team and budget the projects
// name, so the directory validates at once.
func newRoadmapSkeleton(name, start string, refs map[string][]string) []byte {
	f := hclwrite.NewEmptyFile()
	b := f.Body()
	b.AppendUnstructuredTokens(hclwrite.Tokens{{Type: hclsyntax.TokenComment, Bytes: []byte("# Written by roadmap import. Check every TODO, then run roadmap plan.\n\n")}})
	rm := b.AppendNewBlock("roadmap", nil).Body()
	rm.SetAttributeValue("name", cty.StringVal(name))
	rm.SetAttributeValue("start", cty.StringVal(start))
	stub := func(kind, id string, attrs func(*hclwrite.Body)) {
		b.AppendNewline()
		body := b.AppendNewBlock(kind, []string{id}).Body()
		body.SetAttributeValue("title", cty.StringVal(id))
		attrs(body)
	}
	for _, id := range refs["goal"] {
		stub("goal", id, func(body *hclwrite.Body) {
			body.SetAttributeValue("weight", cty.NumberIntVal(1))
			appendTODO(body, "weight: how much this goal counts against the others")
		})
	}
	for _, id := range refs["department"] {
		stub("department", id, func(*hclwrite.Body) {})
	}
	for _, id := range refs["team"] {
		stub("team", id, func(body *hclwrite.Body) {
			body.SetAttributeValue("capacity", cty.NumberIntVal(1))
			body.SetAttributeValue("cost_per_fte", cty.NumberIntVal(0))
			appendTODO(body, "capacity (FTE each period) and cost_per_fte (the cost of one FTE for one period)")
		})
	}
	for _, id := range refs["budget"] {
		stub("budget", id, func(body *hclwrite.Body) {
			body.SetAttributeValue("amount", cty.NumberIntVal(0))
			body.SetAttributeValue("per", cty.StringVal("year"))
			appendTODO(body, "amount")
		})
	}
	return hclwrite.Format(f.Bytes())
}

func appendTODO(b *hclwrite.Body, what string) {
	b.AppendUnstructuredTokens(hclwrite.Tokens{{Type: hclsyntax.TokenComment, Bytes: []byte("# TODO: " + what + "\n")}})
}

// countNoun is "1 project", "2 projects".
func countNoun(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
