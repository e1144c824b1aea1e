// Package sheetimport turns a sheet of project ideas — a CSV or xlsx file,
// a Jira or GitHub Projects export — into formatted HCL project blocks.
// It reads records and writes HCL text; the command checks the result
// against the target roadmap and writes the files.
package sheetimport

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/agext/levenshtein"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// Attributes are the project attributes a column can hold, in the order
// the blocks are written. Dotted names are attributes of nested blocks.
var Attributes = []string{
	"id", "title", "mandatory", "goals", "endorsed_by", "opposed_by", "depends_on", "requires", "provides",
	"vendor", "duration", "effort", "funding",
	"cost.one_time", "cost.per_year", "benefit.per_year", "benefit.ramp_periods", "benefit.years",
	"risk.failure", "risk.disruption", "risk.security", "risk.disruption_cost", "risk.security_cost",
	"earliest_start", "deadline", "effort_hours", "team", "replaces",
	"together", "run_funding", "excluded", "status", "started", "finished",
	"progress.spent", "progress.percent_complete", "progress.remaining_duration",
	"progress.remaining_effort", "progress.remaining_cost",
}

// kinds of cell.
const (
	kindString = iota
	kindNumber
	kindBool
	kindIDList  // references: department.x, project.x
	kindStrList // capabilities
	kindGoals   // goal=weight pairs, or labels
	kindEffort  // team=FTE pairs
	kindVendor  // vendor.x or evaluation.x
	kindPeriod  // a date or period label
	kindHours   // person-hours of work, spread over a team (effort_hours)
	kindID      // a project id
	kindTeam    // the team effort_hours is spread over
	kindDuration
	kindBudget
)

var attrKinds = map[string]int{
	"id": kindID, "title": kindString, "mandatory": kindBool, "goals": kindGoals,
	"endorsed_by": kindIDList, "opposed_by": kindIDList, "depends_on": kindIDList,
	"requires": kindStrList, "provides": kindStrList, "vendor": kindVendor,
	"duration": kindDuration, "effort": kindEffort, "funding": kindBudget,
	"cost.one_time": kindNumber, "cost.per_year": kindNumber, "benefit.per_year": kindNumber,
	"benefit.ramp_periods": kindNumber, "benefit.years": kindNumber,
	"risk.failure": kindNumber, "risk.disruption": kindNumber, "risk.security": kindNumber,
	"risk.disruption_cost": kindNumber, "risk.security_cost": kindNumber,
	"earliest_start": kindPeriod, "deadline": kindPeriod, "effort_hours": kindHours, "team": kindTeam,
	"replaces": kindIDList,
	"together": kindIDList, "run_funding": kindBudget, "excluded": kindBool, "status": kindString,
	"started": kindPeriod, "finished": kindPeriod,
	"progress.spent": kindNumber, "progress.percent_complete": kindNumber, "progress.remaining_duration": kindDuration,
	"progress.remaining_effort": kindEffort, "progress.remaining_cost": kindNumber,
}

// refPrefix is the block type a list attribute refers to.
var refPrefix = map[string]string{"endorsed_by": "department", "opposed_by": "department", "depends_on": "project", "replaces": "system", "together": "project"}

// knownHeaders maps column headers of common exports (lower case) to
// attributes: Jira's "Export Excel CSV", GitHub Projects' "Export view
// data", and plain names.
var knownHeaders = map[string]string{
	"id": "id", "key": "id", "issue key": "id",
	"title": "title", "summary": "title", "name": "title", "project": "title",
	"labels": "goals", "label": "goals", "goal": "goals",
	"cost": "cost.one_time", "one_time": "cost.one_time", "cost_one_time": "cost.one_time",
	"per_year": "cost.per_year", "run_cost": "cost.per_year", "cost_per_year": "cost.per_year",
	"benefit": "benefit.per_year", "benefit_per_year": "benefit.per_year",
	"ramp_periods": "benefit.ramp_periods", "benefit_ramp_periods": "benefit.ramp_periods",
	"benefit_years": "benefit.years",
	"failure":       "risk.failure", "risk_failure": "risk.failure",
	"disruption": "risk.disruption", "risk_disruption": "risk.disruption",
	"security": "risk.security", "risk_security": "risk.security",
	"disruption_cost": "risk.disruption_cost", "risk_disruption_cost": "risk.disruption_cost",
	"security_cost": "risk.security_cost", "risk_security_cost": "risk.security_cost",
	"due date": "deadline", "due": "deadline", "target date": "deadline",
	"start date":        "earliest_start",
	"original estimate": "effort_hours", // Jira: seconds of work
	"depends on":        "depends_on", "endorsed by": "endorsed_by", "opposed by": "opposed_by",
}

// jiraSeconds marks the headers whose numbers are seconds (Jira's time
// tracking fields) rather than hours.
var jiraSeconds = map[string]bool{"original estimate": true}

// Options are how to read the sheet.
type Options struct {
	// Map assigns columns to attributes explicitly ("column=attribute");
	// an attribute "-" ignores the column.
	Map []string
	// Team is the team effort_hours is spread over when no team column
	// says which.
	Team string
	// HoursPerPeriod converts person-hours into FTE-periods: the hours one
	// person works in one period (520 for a quarter).
	HoursPerPeriod float64
	// DecimalComma reads a comma in numbers as the decimal separator and
	// a point as a thousands separator (1.400.000,50).
	DecimalComma bool
	// Calendar turns dates (a Jira due date) into period labels; Unit ""
	// keeps them as dates.
	Calendar hclspec.Calendar
}

// Sheet is the input: a name for diagnostics and its rows, the first the
// header. Formulas marks the cells holding formulas (row, column; 0-based).
type Sheet struct {
	Name     string
	Rows     [][]string
	Formulas map[[2]int]string
	// Cells, when set, is where each cell's text is in the file (row,
	// column; 0-based), so diagnostics point into it; a CSV file has them.
	Cells [][]hcl.Range
	// Source is the file's text when Cells point into it.
	Source []byte
}

// Project is one imported project.
type Project struct {
	Row   int // 1-based row in the sheet
	ID    string
	Attrs map[string]any // attribute -> value (string, float64, bool, []string, map[string]string, expression text)
}

// Result is what an import found.
type Result struct {
	Projects []Project
	// Ignored lists the columns that map to no attribute.
	Ignored []string
	// Conversions are the numbers whose spreadsheet formatting was taken
	// off, in sheet order.
	Conversions []Conversion
	// Columns maps each used column header to its attribute.
	Columns [][2]string
	// Refs are the ids the projects refer to, by kind ("goal",
	// "department", "team", "budget", "vendor", "evaluation"), sorted.
	Refs map[string][]string
}

// Conversion is a cell whose number was written as a spreadsheet shows
// it: "120k" read as 120000.
type Conversion struct {
	Row    int // 1-based
	Column int // 0-based
	Header string
	Cell   string
	Value  string
}

func (c Conversion) String() string {
	return fmt.Sprintf("row %d, column %s (%q): %q read as %s", c.Row, columnLetter(c.Column), c.Header, c.Cell, c.Value)
}

// valueText is a parsed cell as HCL would show it, for a conversion.
func valueText(v any) string {
	switch v := v.(type) {
	case number:
		return string(v)
	case float64:
		return formatNumber(v)
	case map[string]string:
		keys := slices.Sorted(maps.Keys(v))
		var parts []string
		for _, k := range keys {
			parts = append(parts, k+" = "+v[k])
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	}
	return fmt.Sprint(v)
}

// cellError is a diagnostic for one cell: row is 1-based, col 0-based.
func (sh *Sheet) cellError(row, col int, header, summary, detail string) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   fmt.Sprintf("Row %d, column %s (%q): %s", row, columnLetter(col), header, detail),
		Subject:  sh.cellRange(row, col).Ptr(),
	}
}

// cellRange is where the cell is: its text in the file when known,
// else its row as the line and its column's number.
func (sh *Sheet) cellRange(row, col int) hcl.Range {
	if row-1 < len(sh.Cells) && col < len(sh.Cells[row-1]) {
		return sh.Cells[row-1][col]
	}
	pos := hcl.Pos{Line: row, Column: col + 1}
	return hcl.Range{Filename: sh.Name, Start: pos, End: pos}
}

// rowRange is the range of a whole row (1-based), for errors about it.
func (sh *Sheet) rowRange(row int) hcl.Range {
	if row-1 < len(sh.Cells) && len(sh.Cells[row-1]) > 0 {
		cells := sh.Cells[row-1]
		return hcl.RangeBetween(cells[0], cells[len(cells)-1])
	}
	pos := hcl.Pos{Line: row, Column: 1}
	return hcl.Range{Filename: sh.Name, Start: pos, End: pos}
}

// columnLetter is the spreadsheet name of the 0-based column: A, B, ..., AA.
func columnLetter(col int) string {
	s := ""
	for col++; col > 0; col = (col - 1) / 26 {
		s = string(rune('A'+(col-1)%26)) + s
	}
	return s
}

// Read imports a sheet. Every problem is a diagnostic; the result is
// usable only when there are no errors.
func Read(sh Sheet, opts Options) (*Result, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	if len(sh.Rows) == 0 {
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Empty sheet",
			Detail: sh.Name + " has no header row.", Subject: &hcl.Range{Filename: sh.Name}}}
	}
	header := sh.Rows[0]
	explicit := map[string]string{}
	for _, m := range opts.Map {
		col, attr, ok := strings.Cut(m, "=")
		col, attr = strings.TrimSpace(col), strings.TrimSpace(attr)
		if !ok || col == "" || attr == "" {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid --map",
				Detail: fmt.Sprintf("--map %q: write COLUMN=ATTRIBUTE, such as --map \"Story Points=duration\".", m)})
			continue
		}
		if attr != "-" && attrKinds[attr] == 0 && attr != "title" {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unknown attribute in --map",
				Detail: fmt.Sprintf("--map %q: %q is not a project attribute%s. Use one of %s.", m, attr, didYouMean(attr, Attributes), strings.Join(Attributes, ", "))})
			continue
		}
		found := false
		for _, h := range header {
			if strings.EqualFold(strings.TrimSpace(h), col) {
				found = true
			}
		}
		if !found {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unknown column in --map",
				Detail: fmt.Sprintf("--map %q: %s has no column %q%s.", m, sh.Name, col, didYouMean(col, header))})
			continue
		}
		explicit[strings.ToLower(col)] = attr
	}
	// Column -> attribute. A header repeated (Jira writes one "Labels"
	// column per label) feeds the same attribute.
	attrOf := make([]string, len(header))
	seconds := make([]bool, len(header))
	res := &Result{Refs: map[string][]string{}}
	used := map[string]int{}
	for i, h := range header {
		key := strings.ToLower(strings.TrimSpace(h))
		attr, ok := explicit[key]
		if !ok {
			attr = knownHeaders[key]
			if attr == "" && slices.Contains(Attributes, key) {
				attr = key
			}
			if attr == "" {
				// "cost.one_time" written as "cost one_time" or "Cost One Time".
				norm := strings.NewReplacer(" ", "_", "-", "_").Replace(key)
				if a, ok := knownHeaders[norm]; ok {
					attr = a
				} else if slices.Contains(Attributes, norm) {
					attr = norm
				}
			}
		}
		if _, mapped := explicit[key]; attr == "status" && !mapped && !lifecycleColumn(sh.Rows, i) {
			// Jira's and GitHub's Status ("To Do", "Backlog") is not a
			// roadmap's status: not imported unless mapped.
			attr = ""
		}
		if attr == "" || attr == "-" {
			if attr == "" && strings.TrimSpace(h) != "" {
				res.Ignored = append(res.Ignored, h)
			}
			continue
		}
		if prev, ok := used[attr]; ok && !strings.EqualFold(header[prev], h) {
			diags = append(diags, sh.cellError(1, i, h, "Two columns for one attribute",
				fmt.Sprintf("both %q (column %s) and %q hold %s; ignore one with --map %q.", header[prev], columnLetter(prev), h, attr, h+"=-")))
			continue
		}
		used[attr] = i
		attrOf[i] = attr
		seconds[i] = jiraSeconds[key]
		if !slices.ContainsFunc(res.Columns, func(c [2]string) bool { return c[0] == h }) {
			res.Columns = append(res.Columns, [2]string{h, attr})
		}
	}
	_, hasID := used["id"]
	_, hasTitle := used["title"]
	if !hasID && !hasTitle {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Missing required column",
			Detail: fmt.Sprintf("%s has no id or title column (found: %s). Name one \"id\" or \"title\" (Jira: \"Issue key\", \"Summary\"), or map one with --map COLUMN=title.",
				sh.Name, strings.Join(header, ", ")),
			Subject: sh.rowRange(1).Ptr()})
	}

	_, hasDuration := used["duration"]
	_, hasHours := used["effort_hours"]
	if !hasDuration && !hasHours {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Missing required column",
			Detail:  fmt.Sprintf("%s has no duration column: every project needs one (a number of periods, or a text such as \"9 months\"). Add a \"duration\" column, or map one with --map COLUMN=duration.", sh.Name),
			Subject: sh.rowRange(1).Ptr()})
	}
	// With a required column missing, the cells are still checked, so
	// one run reports every problem; rows are not made into projects.
	missingColumn := diags.HasErrors()
	firstRow := map[string]int{}
	for r := 1; r < len(sh.Rows); r++ {
		row := sh.Rows[r]
		if blankRow(row) {
			continue
		}
		p := Project{Row: r + 1, Attrs: map[string]any{}}
		var hours float64
		hasHours := false
		badCells := map[string]bool{} // attributes whose cell was reported
		for c, raw := range row {
			if c >= len(attrOf) || attrOf[c] == "" {
				continue
			}
			attr := attrOf[c]
			if f, ok := sh.Formulas[[2]int{r, c}]; ok {
				diags = append(diags, sh.cellError(r+1, c, header[c], "Formula in a cell",
					fmt.Sprintf("the cell holds the formula =%s; import reads values only. Copy the column and paste it as values.", strings.TrimPrefix(f, "="))))
				badCells[attr] = true
				continue
			}
			cell := strings.TrimSpace(raw)
			if cell == "" {
				continue
			}
			if strings.HasPrefix(cell, "=") {
				diags = append(diags, sh.cellError(r+1, c, header[c], "Formula in a cell",
					fmt.Sprintf("%q is a formula; import reads values only. Export the sheet with values, or put the value in the cell.", cell)))
				badCells[attr] = true
				continue
			}
			cell = unneutralize(cell)
			converted := false
			v, d := parseCell(attr, cell, opts, seconds[c], &converted)
			if d != "" {
				diags = append(diags, sh.cellError(r+1, c, header[c], "Invalid cell", d))
				badCells[attr] = true
				continue
			}
			if converted {
				res.Conversions = append(res.Conversions, Conversion{Row: r + 1, Column: c, Header: header[c], Cell: cell, Value: valueText(v)})
			}
			switch attr {
			case "effort_hours":
				hours += v.(float64)
				hasHours = true
			case "goals", "requires", "provides", "endorsed_by", "opposed_by", "depends_on", "replaces", "together":
				p.Attrs[attr] = mergeValues(p.Attrs[attr], v)
			default:
				p.Attrs[attr] = v
			}
		}
		if missingColumn {
			continue // the rows cannot become projects; their cells are checked
		}
		id, _ := p.Attrs["id"].(string)
		if id == "" && (badCells["id"] || badCells["title"]) {
			continue
		}
		if id == "" {
			title, _ := p.Attrs["title"].(string)
			id = Slug(title)
			if id == "" {
				diags = append(diags, sh.cellError(r+1, max(used["title"], used["id"]), header[max(used["title"], used["id"])], "Missing id",
					"the row has neither an id nor a title to make one from."))
				continue
			}
		}
		p.ID = id
		delete(p.Attrs, "id")
		if prev, dup := firstRow[id]; dup {
			col := used["id"]
			if !hasID {
				col = used["title"]
			}
			diags = append(diags, sh.cellError(r+1, col, header[col], "Duplicate project id",
				fmt.Sprintf("the id %q is already used on row %d; ids must be unique.", id, prev)))
			continue
		}
		firstRow[id] = r + 1
		if hasHours {
			team, _ := p.Attrs["team"].(string)
			if team == "" {
				team = opts.Team
			}
			if team == "" {
				col := used["effort_hours"]
				diags = append(diags, sh.cellError(r+1, col, header[col], "Estimate without a team",
					"an estimate of work needs the team that does it: add a team column, or give --team ID."))
				continue
			}
			duration := 1.0
			if d, ok := p.Attrs["duration"].(float64); ok && d > 0 {
				duration = d
			} else if _, ok := p.Attrs["duration"]; !ok {
				p.Attrs["duration"] = 1.0
			}
			effort, _ := p.Attrs["effort"].(map[string]string)
			if effort == nil {
				effort = map[string]string{}
			}
			if _, ok := effort[team]; !ok {
				perPeriod := opts.HoursPerPeriod
				if perPeriod <= 0 {
					perPeriod = 520
				}
				fte := roundTo(hours/perPeriod/duration, 2)
				if fte == 0 && hours > 0 {
					// Rounded to 0 FTE the work would vanish; below 0.01 FTE
					// a roadmap cannot plan it.
					col := used["effort_hours"]
					diags = append(diags, sh.cellError(r+1, col, header[col], "Estimate too small",
						fmt.Sprintf("%s hours of work over %s periods is %s FTE, less than 0.01 FTE, the least a roadmap plans with: leave the estimate out, or give the project an effort column.",
							formatNumber(roundTo(hours, 2)), formatNumber(duration), formatNumber(roundTo(hours/perPeriod/duration, 4)))))
					continue
				}
				effort[team] = formatNumber(fte)
			}
			p.Attrs["effort"] = effort
		}
		delete(p.Attrs, "team")
		if _, ok := p.Attrs["duration"]; !ok && !badCells["duration"] && !badCells["effort_hours"] {
			col := used["duration"]
			diags = append(diags, sh.cellError(r+1, col, header[col], "Missing duration",
				"every project needs a duration: a number of periods, or a text such as \"9 months\"."))
			continue
		}
		res.Projects = append(res.Projects, p)
	}
	for _, p := range res.Projects {
		collectRefs(res.Refs, p)
	}
	for k := range res.Refs {
		slices.Sort(res.Refs[k])
		res.Refs[k] = slices.Compact(res.Refs[k])
	}
	return res, diags
}

// lifecycleColumn reports whether every cell of column col below the
// header is empty or a roadmap status.
func lifecycleColumn(rows [][]string, col int) bool {
	for _, row := range rows[1:] {
		if col < len(row) {
			if c := strings.TrimSpace(row[col]); c != "" && !slices.Contains(hclspec.Lifecycles(), c) {
				return false
			}
		}
	}
	return true
}

func blankRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// unneutralize undoes the apostrophe that spreadsheet exports (ours
// included) put before text starting with a formula character.
func unneutralize(s string) string {
	if len(s) >= 2 && s[0] == '\'' && strings.ContainsRune("=+-@", rune(s[1])) {
		return s[1:]
	}
	return s
}

func mergeValues(old, v any) any {
	switch nv := v.(type) {
	case []string:
		o, _ := old.([]string)
		return append(o, nv...)
	case map[string]string:
		o, _ := old.(map[string]string)
		if o == nil {
			return nv
		}
		for k, x := range nv {
			o[k] = x
		}
		return o
	}
	return v
}

func collectRefs(refs map[string][]string, p Project) {
	if g, ok := p.Attrs["goals"].(map[string]string); ok {
		for k := range g {
			refs["goal"] = append(refs["goal"], k)
		}
	}
	if e, ok := p.Attrs["effort"].(map[string]string); ok {
		for k := range e {
			refs["team"] = append(refs["team"], k)
		}
	}
	for _, a := range []string{"endorsed_by", "opposed_by"} {
		if l, ok := p.Attrs[a].([]string); ok {
			refs["department"] = append(refs["department"], l...)
		}
	}
	if b, ok := p.Attrs["funding"].(string); ok {
		refs["budget"] = append(refs["budget"], b)
	}
	if b, ok := p.Attrs["funding"].(map[string]string); ok {
		refs["budget"] = append(refs["budget"], slices.Collect(maps.Keys(b))...)
	}
	if b, ok := p.Attrs["run_funding"].(string); ok {
		refs["budget"] = append(refs["budget"], b)
	}
	if v, ok := p.Attrs["vendor"].(string); ok {
		kind, id, _ := strings.Cut(v, ".")
		refs[kind] = append(refs[kind], id)
	}
}

var idPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`) })

// needsSlug reports whether a project id must be rewritten: Jira's
// "IT-101" is an identifier, but project.IT-101 would read as a
// subtraction, so ids become lower case with underscores ("it_101").
func needsSlug(id string) bool {
	return !idPattern().MatchString(id) || strings.ContainsRune(id, '-') || strings.ToLower(id) != id
}

// Slug makes an HCL identifier from text: "CRM: Replace the tool" ->
// "crm_replace_the_tool"; "PROJ-12" -> "proj_12".
func Slug(s string) string {
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			under = false
		} else if !under && b.Len() > 0 {
			b.WriteByte('_')
			under = true
		}
	}
	out := strings.TrimRight(b.String(), "_")
	if len(out) > 48 {
		out = strings.TrimRight(out[:48], "_")
	}
	if out != "" && out[0] >= '0' && out[0] <= '9' {
		out = "p_" + out
	}
	return out
}

// splitList splits a list cell at commas, semicolons, pipes and newlines,
// outside parentheses.
func splitList(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')':
			depth--
		case depth == 0 && strings.ContainsRune(",;|\n", r):
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	parts = append(parts, s[start:])
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// rangedEstimate matches pert(...), triangular(...), uniform(...).
var rangedEstimate = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(pert|triangular|uniform)\s*\(`) })

// parseNumber reads a number cell: plain, with the formatting a
// spreadsheet gives numbers (1,400,000, €1,200, 15%, 120k, 1 400 000), or
// a ranged estimate pert(a, b, c). It returns the HCL text to write and
// whether the cell's formatting was taken off (a conversion to report).
// With decimalComma the comma is the decimal separator and the point
// separates thousands (1.400.000,50), as in the CSV files Excel writes in
// locales with a decimal comma; without, the point is decimal and a
// comma separates thousands, unless it cannot (1,5 is 1.5).
func parseNumber(cell string, decimalComma bool) (text, msg string, converted bool) {
	if m := rangedEstimate().FindString(cell); m != "" {
		name := strings.TrimSpace(strings.TrimSuffix(m, "("))
		inner, ok := strings.CutSuffix(strings.TrimSpace(cell[len(m):]), ")")
		if !ok {
			return "", fmt.Sprintf("%q is not a valid %s(...) estimate: it has no closing parenthesis.", cell, name), false
		}
		var parts []string
		for _, a := range strings.Split(inner, ";") {
			if decimalComma {
				parts = append(parts, a) // the comma is the decimal separator
				continue
			}
			parts = append(parts, strings.Split(a, ",")...)
		}
		var args []string
		for _, part := range parts {
			text, msg, conv := parseNumber(strings.TrimSpace(part), decimalComma)
			if msg != "" || strings.Contains(text, "(") {
				return "", fmt.Sprintf("%q: every argument of %s must be a number.", cell, name), false
			}
			converted = converted || conv
			args = append(args, text)
		}
		return name + "(" + strings.Join(args, ", ") + ")", "", converted
	}
	plain := cell
	if sign, rest := cutSign(plain); sign != "" {
		text, msg, converted := parseNumber(rest, decimalComma)
		if msg != "" || strings.Contains(text, "(") || text == "0" {
			return text, msg, converted
		}
		return sign + text, "", converted
	}
	if spacedNumber().MatchString(plain) {
		// 1 400 000: thousands separated by (no-break) spaces.
		plain = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(plain)
	}
	if decimalComma {
		plain = strings.Map(func(r rune) rune {
			switch r {
			case ',':
				return '.'
			case '.':
				return ','
			}
			return r
		}, plain)
	}
	converted = plain != cell
	if _, err := strconv.ParseFloat(plain, 64); err == nil && !strings.ContainsAny(plain, "xXnN_") {
		v, _ := strconv.ParseFloat(plain, 64)
		return formatNumber(v), "", converted
	}
	value, detail, ok := hclspec.ReadSpreadsheetNumber(plain)
	if ok {
		// An ambiguous comma (1,500) separates thousands: the file's
		// separator chose the point as the decimal one.
		return value, "", true
	}
	if detail != "" {
		return "", detail, false
	}
	return "", fmt.Sprintf("%q is not a number.", cell), false
}

// cutSign splits a leading minus (or Unicode minus) off a number.
func cutSign(s string) (string, string) {
	for _, m := range []string{"-", "−"} {
		if rest, ok := strings.CutPrefix(s, m); ok && rest != "" && !strings.HasPrefix(rest, "-") {
			return "-", rest
		}
	}
	return "", s
}

var spacedNumber = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[^0-9 ]*[0-9]{1,3}([ \x{00A0}\x{202F}][0-9]{3})+([.,][0-9]+)?[^0-9]*$`)
})

func formatNumber(v float64) string {
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func roundTo(v float64, digits int) float64 {
	s := strconv.FormatFloat(v, 'f', digits, 64)
	r, _ := strconv.ParseFloat(s, 64)
	return r
}

// parseCell reads one cell as attr's kind. The value is a string, a
// float64 (hours), a bool, []string or map[string]string; numbers are kept
// as HCL text (string) so estimates and exact decimals survive.
func parseCell(attr, cell string, opts Options, seconds bool, converted *bool) (any, string) {
	switch attrKinds[attr] {
	case kindString:
		return cell, ""
	case kindNumber:
		text, msg, conv := parseNumber(cell, opts.DecimalComma)
		*converted = conv
		return number(text), msg
	case kindDuration:
		if text, msg, conv := parseNumber(cell, opts.DecimalComma); msg == "" {
			*converted = conv
			if v, err := strconv.ParseFloat(text, 64); err == nil {
				return v, ""
			}
			return number(text), ""
		}
		if _, err := hclspec.ParseDuration(cell, hclspec.Quarter); err == nil {
			return cell, ""
		}
		return nil, fmt.Sprintf("%q is neither a number of periods nor a duration such as \"9 months\".", cell)
	case kindBool:
		switch strings.ToLower(cell) {
		case "true", "yes", "y", "x", "1":
			return true, ""
		case "false", "no", "n", "0", "-":
			return false, ""
		}
		return nil, fmt.Sprintf("%q is not true or false (yes/no, x, 1/0 also work).", cell)
	case kindID, kindTeam, kindBudget:
		if attr == "funding" && strings.ContainsAny(cell, "=:") {
			// A split: capex=0.7; opex=0.3.
			return parseCell("effort", cell, opts, seconds, converted)
		}
		id := cell
		if attrKinds[attr] == kindBudget {
			id = strings.TrimPrefix(id, "budget.")
		}
		if attr == "id" && needsSlug(id) {
			id = Slug(id)
		}
		if !idPattern().MatchString(id) {
			return nil, fmt.Sprintf("%q is not an id: ids start with a letter or _ and hold letters, digits, _ and -.", cell)
		}
		return id, ""
	case kindIDList:
		var ids []string
		prefix := refPrefix[attr] + "."
		for _, item := range splitList(cell) {
			item = strings.TrimPrefix(item, prefix)
			if (attr == "depends_on" || attr == "together") && needsSlug(item) {
				item = Slug(item)
			}
			if !idPattern().MatchString(item) {
				if (attr == "depends_on" || attr == "together") && Slug(item) != "" {
					item = Slug(item)
				} else {
					return nil, fmt.Sprintf("%q is not a list of %s ids.", cell, refPrefix[attr])
				}
			}
			ids = append(ids, item)
		}
		return ids, ""
	case kindStrList:
		return splitList(cell), ""
	case kindGoals, kindEffort:
		m := map[string]string{}
		for _, item := range splitList(cell) {
			key, val, ok := strings.Cut(item, "=")
			if !ok {
				key, val, ok = strings.Cut(item, ":")
			}
			key = strings.TrimSpace(key)
			if !ok {
				if attr != "goals" {
					return nil, fmt.Sprintf("%q: write team=FTE pairs, such as \"platform=2; data=0.5\".", cell)
				}
				val = "1" // a label: the project serves the goal fully
			}
			if attr == "goals" && !idPattern().MatchString(key) {
				key = Slug(key)
			}
			if !idPattern().MatchString(key) {
				return nil, fmt.Sprintf("%q is not an id in %q.", key, cell)
			}
			text, msg, conv := parseNumber(strings.TrimSpace(val), opts.DecimalComma)
			*converted = *converted || conv
			if msg != "" {
				return nil, fmt.Sprintf("%s (in %q)", msg, cell)
			}
			m[key] = text
		}
		return m, ""
	case kindVendor:
		kind, id, ok := strings.Cut(cell, ".")
		if !ok {
			kind, id = "vendor", cell
		}
		if (kind != "vendor" && kind != "evaluation") || !idPattern().MatchString(id) {
			return nil, fmt.Sprintf("%q: write vendor.ID or evaluation.ID.", cell)
		}
		return kind + "." + id, ""
	case kindPeriod:
		if _, _, err := hclspec.ParseDateSpan(cell); err == nil {
			return cell, ""
		}
		for _, layout := range []string{"02/Jan/06 3:04 PM", "02/Jan/06", "2006-01-02 15:04", "1/2/2006", "2006/01/02"} {
			if t, err := time.Parse(layout, cell); err == nil {
				return t.Format("2006-01-02"), ""
			}
		}
		return nil, fmt.Sprintf("%q is not a date: write 2027-03-31, 2027-03 or 2027-Q1.", cell)
	case kindHours:
		text, msg, conv := parseNumber(cell, opts.DecimalComma)
		*converted = conv
		if msg != "" {
			return nil, msg
		}
		h, err := strconv.ParseFloat(text, 64)
		if err != nil || h < 0 {
			return nil, fmt.Sprintf("%q is not a number of hours.", cell)
		}
		if seconds {
			h /= 3600
		}
		return h, ""
	}
	return nil, "unsupported attribute " + attr
}

// number is HCL number text: "1400000", "pert(1, 2, 3)".
type number string

func didYouMean(s string, options []string) string {
	best, bestD := "", 4
	for _, o := range options {
		if d := levenshtein.Distance(strings.ToLower(s), strings.ToLower(o), nil); d < bestD {
			best, bestD = o, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// Write renders the projects as formatted HCL, in sheet order.
func Write(res *Result, source string) []byte {
	f := hclwrite.NewEmptyFile()
	body := f.Body()
	body.AppendUnstructuredTokens(hclwrite.Tokens{{Type: hclsyntax.TokenComment, Bytes: []byte("# Imported from " + source + " by roadmap import.\n")}})
	for _, p := range res.Projects {
		body.AppendNewline()
		writeProject(body, p)
	}
	return hclwrite.Format(f.Bytes())
}

// subBlocks are the nested blocks of a project a dotted attribute is in.
var subBlocks = []string{"cost", "benefit", "risk", "progress"}

// writeProject appends p's block to body.
func writeProject(body *hclwrite.Body, p Project) {
	b := body.AppendNewBlock("project", []string{p.ID}).Body()
	// Plain attributes first, then the cost, benefit, risk and progress blocks.
	for _, attr := range Attributes {
		if v, ok := p.Attrs[attr]; ok && !strings.Contains(attr, ".") {
			setAttr(b, attr, attr, v)
		}
	}
	for _, blockName := range subBlocks {
		var inner *hclwrite.Body
		for _, attr := range Attributes {
			prefix := blockName + "."
			if !strings.HasPrefix(attr, prefix) {
				continue
			}
			v, ok := p.Attrs[attr]
			if !ok {
				continue
			}
			if inner == nil {
				inner = b.AppendNewBlock(blockName, nil).Body()
			}
			setAttr(inner, strings.TrimPrefix(attr, prefix), attr, v)
		}
	}
}

func setAttr(b *hclwrite.Body, name, attr string, v any) {
	switch x := v.(type) {
	case string:
		if attr == "vendor" {
			kind, id, _ := strings.Cut(x, ".")
			b.SetAttributeTraversal(name, hcl.Traversal{hcl.TraverseRoot{Name: kind}, hcl.TraverseAttr{Name: id}})
			return
		}
		if attr == "funding" || attr == "run_funding" {
			b.SetAttributeTraversal(name, hcl.Traversal{hcl.TraverseRoot{Name: "budget"}, hcl.TraverseAttr{Name: x}})
			return
		}
		b.SetAttributeValue(name, cty.StringVal(x))
	case number:
		b.SetAttributeRaw(name, rawTokens(string(x)))
	case float64:
		b.SetAttributeRaw(name, rawTokens(formatNumber(x)))
	case bool:
		b.SetAttributeValue(name, cty.BoolVal(x))
	case []string:
		if prefix, ok := refPrefix[attr]; ok {
			var elems []hclwrite.Tokens
			for _, id := range x {
				elems = append(elems, hclwrite.TokensForTraversal(hcl.Traversal{hcl.TraverseRoot{Name: prefix}, hcl.TraverseAttr{Name: id}}))
			}
			b.SetAttributeRaw(name, hclwrite.TokensForTuple(elems))
			return
		}
		vals := make([]cty.Value, len(x))
		for i, s := range x {
			vals[i] = cty.StringVal(s)
		}
		if len(vals) == 0 {
			b.SetAttributeValue(name, cty.ListValEmpty(cty.String))
			return
		}
		b.SetAttributeValue(name, cty.TupleVal(vals))
	case map[string]string:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		var items []hclwrite.ObjectAttrTokens
		for _, k := range keys {
			items = append(items, hclwrite.ObjectAttrTokens{Name: hclwrite.TokensForIdentifier(k), Value: rawTokens(x[k])})
		}
		b.SetAttributeRaw(name, hclwrite.TokensForObject(items))
	}
}

// rawTokens turns number text ("1400000", "pert(1, 2, 3)") into tokens.
func rawTokens(text string) hclwrite.Tokens {
	toks, _ := hclsyntax.LexExpression([]byte(text), "", hcl.InitialPos)
	var out hclwrite.Tokens
	for _, t := range toks {
		if t.Type == hclsyntax.TokenEOF {
			continue
		}
		out = append(out, &hclwrite.Token{Type: t.Type, Bytes: t.Bytes})
	}
	return out
}
