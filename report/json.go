package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// renderJSON writes the plan as format_version "1" JSON: the field names of
// evaluate.Plan, map keys sorted, two-space indent, [] rather than null for
// empty lists, {} for empty maps, and a trailing newline.
func renderJSON(w io.Writer, p *evaluate.Plan, o Options) error {
	return WritePlanJSON(w, p)
}

// MarshalPlan returns the JSON form of p, exactly as `plan --format json`
// prints it and `plan --out` saves it. It does not change p.
//
// The projects, nearly all of a large plan, are normalised, encoded and
// indented one at a time straight into the result: a 10,000-project plan
// is neither copied nor held compact, then indented. The result's size is
// estimated once from a sample of the projects (growing a 50 MB buffer by
// doubling costs more than encoding the sample).
func MarshalPlan(p *evaluate.Plan) ([]byte, error) {
	e, err := newPlanEncoder(p)
	if err != nil {
		return nil, err
	}
	out := e.head(nil)
	start := len(out)
	if n := len(p.Projects); n >= 2*sampleProjects {
		// Room for every project at the size of a sample spread over the
		// list (the first projects are no guide: a large plan's deferred
		// projects, at its end, carry more notes), and a little more.
		var scratch []byte
		size, sampled, stride := 0, 0, n/sampleProjects
		for i := 0; i < n; i += stride {
			data, err := e.project(i)
			if err != nil {
				return nil, err
			}
			sample := e.ind // where the projects are indented
			scratch = sample.append(scratch[:0], data)
			size += len(scratch) + 2
			sampled++
		}
		out = slices.Grow(out, n*(size/sampled)*9/8+len(e.top))
	}
	for i := range p.Projects {
		data, err := e.project(i)
		if err != nil {
			return nil, err
		}
		if need := len(out) + 2*len(data) + len(e.top); need > cap(out) && i > 0 {
			// The estimate fell short: room for the rest at the size
			// per project so far.
			per := (len(out) - start) / i
			out = slices.Grow(out, max(need, len(out)+(len(p.Projects)-i)*per*9/8+len(e.top))-len(out))
		}
		out = e.appendProject(out, i, data)
	}
	return e.tail(out), nil
}

// WritePlanJSON writes the JSON form of p, the bytes MarshalPlan returns,
// to w in pieces of about jsonPiece bytes, project by project: a large
// plan's JSON is never held whole (56 MB at 10,000 projects). When w
// fails, WritePlanJSON stops and returns its error; what was written
// stays written.
func WritePlanJSON(w io.Writer, p *evaluate.Plan) error {
	e, err := newPlanEncoder(p)
	if err != nil {
		return err
	}
	out := e.head(make([]byte, 0, jsonPiece+jsonPiece/4))
	for i := range p.Projects {
		data, err := e.project(i)
		if err != nil {
			return err
		}
		out = e.appendProject(out, i, data)
		if len(out) >= jsonPiece {
			if _, err := w.Write(out); err != nil {
				return err
			}
			out = out[:0]
		}
	}
	_, err = w.Write(e.tail(out))
	return err
}

// jsonPiece is about how many bytes WritePlanJSON writes at a time.
const jsonPiece = 64 << 10

// planEncoder encodes a plan for MarshalPlan and WritePlanJSON: the plan
// without its projects, indented as SetIndent("", "  ") would (only
// faster), with each project's encoding fed in after the list's '['.
type planEncoder struct {
	p   *evaluate.Plan
	buf bytes.Buffer
	enc *json.Encoder
	top []byte // the compact plan with "projects":[]
	at  int    // where the projects' list starts in top
	ind jsonIndenter
	pr  *evaluate.ProjectPlan // reused for each project
}

func newPlanEncoder(p *evaluate.Plan) (*planEncoder, error) {
	if p == nil {
		return nil, errors.New("no plan to write")
	}
	e := &planEncoder{p: p, ind: jsonIndenter{indent: "  "}, pr: new(evaluate.ProjectPlan)}
	e.enc = json.NewEncoder(&e.buf)
	// Titles such as "R&D" stay readable; the output is not meant for HTML.
	e.enc.SetEscapeHTML(false)
	q := normalizePlanTop(p)
	q.Projects = []evaluate.ProjectPlan{}
	top, err := e.encode(q)
	if err != nil {
		return nil, err
	}
	e.top = bytes.Clone(top)
	e.at = topLevelValue(e.top, "projects")
	if e.at < 0 || !bytes.HasPrefix(e.top[e.at:], []byte("[]")) {
		return nil, errors.New(`encoding the plan as JSON: no "projects" list`)
	}
	return e, nil
}

// encode returns v's compact JSON, valid until the next call.
func (e *planEncoder) encode(v any) ([]byte, error) {
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encoding the plan as JSON: %w", err)
	}
	// Encode wrote compact JSON and a newline.
	return escapeJSONText(bytes.TrimSuffix(e.buf.Bytes(), []byte{'\n'})), nil
}

// head appends the indented plan up to the projects' '['.
func (e *planEncoder) head(out []byte) []byte {
	return e.ind.append(out, e.top[:e.at+1])
}

// project returns the compact JSON of project i, normalised, valid until
// the next call.
func (e *planEncoder) project(i int) ([]byte, error) {
	*e.pr = e.p.Projects[i]
	normalizeProject(e.pr)
	return e.encode(e.pr)
}

// appendProject appends project i's JSON, data, indented in the list.
func (e *planEncoder) appendProject(out []byte, i int, data []byte) []byte {
	if i > 0 {
		out = e.ind.append(out, []byte{','})
	}
	return e.ind.append(out, data)
}

// tail appends the rest of the plan after the projects, and the final
// newline.
func (e *planEncoder) tail(out []byte) []byte {
	out = e.ind.append(out, e.top[e.at+1:])
	return append(out, '\n')
}

// sampleProjects is how many projects MarshalPlan encodes first to
// estimate the size of a plan of at least twice as many.
const sampleProjects = 128

// topLevelValue returns where the value of key starts in data, the
// compact encoding of an object, or -1 when the object has no such key.
func topLevelValue(data []byte, key string) int {
	want := `"` + key + `"`
	for i := 1; i < len(data) && data[i] == '"'; {
		end := skipJSONValue(data, i)
		name := data[i:end]
		if end >= len(data) || data[end] != ':' {
			return -1
		}
		i = end + 1
		if string(name) == want {
			return i
		}
		i = skipJSONValue(data, i)
		if i >= len(data) || data[i] != ',' {
			return -1
		}
		i++
	}
	return -1
}

// skipJSONValue returns the end of the compact JSON value (or object
// key) that starts at data[i].
func skipJSONValue(data []byte, i int) int {
	depth := 0
	for ; i < len(data); i++ {
		switch data[i] {
		case '"':
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
			if depth == 0 {
				return i + 1
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1
			}
			if depth < 0 {
				return i // a number, true, false or null before its object's end
			}
		case ',', ':':
			if depth == 0 {
				return i
			}
		}
	}
	return i
}

// ReadPlan reads a plan saved by `plan --out` or `plan --format json`.
// It refuses other format versions and reports malformed JSON with its
// line and column.
func ReadPlan(r io.Reader) (*evaluate.Plan, error) {
	data, err := readAllLimited(r, MaxPlanBytes)
	if err != nil {
		return nil, fmt.Errorf("reading the plan: %w", err)
	}
	return DecodePlan(data)
}

// DecodePlan is ReadPlan of a plan already in memory (at most
// MaxPlanBytes). A plan that would take more than MaxPlanMemory once
// decoded is refused before it is decoded.
func DecodePlan(data []byte) (*evaluate.Plan, error) {
	if len(data) > MaxPlanBytes {
		return nil, fmt.Errorf("reading the plan: it is larger than %d MiB, far more than a saved plan; is it the right file?", MaxPlanBytes>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("not a roadmap plan: the input is empty")
	}

	var head struct {
		FormatVersion *string `json:"format_version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, jsonError(data, err)
	}
	switch {
	case head.FormatVersion == nil:
		return nil, errors.New(`not a roadmap plan: it has no "format_version" (save one with "roadmap plan --out FILE")`)
	case *head.FormatVersion != evaluate.FormatVersion:
		return nil, fmt.Errorf("unsupported plan format_version %q: this roadmap reads version %q",
			*head.FormatVersion, evaluate.FormatVersion)
	}

	var p evaluate.Plan
	planType := reflect.TypeFor[evaluate.Plan]()
	if _, over := decodedSize(data, planType, MaxPlanMemory-int64(planType.Size())); over >= 0 {
		return nil, planTooLarge(data, over)
	}
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, jsonError(data, err)
	}
	if err := checkPlanTokens(&p); err != nil {
		return nil, err
	}
	if err := checkPlanPeriods(&p); err != nil {
		return nil, err
	}
	// Plans saved before findings had a severity hold only errors.
	for i := range p.Projects {
		for j := range p.Projects[i].Findings {
			if p.Projects[i].Findings[j].Severity == "" {
				p.Projects[i].Findings[j].Severity = evaluate.SeverityError
			}
		}
		// Plans saved before projects had a lifecycle hold proposed ones.
		if p.Projects[i].Lifecycle == "" {
			p.Projects[i].Lifecycle = "proposed"
		}
	}
	if p.TogetherGroups == nil {
		// A plan saved before together_groups: each project listed all its
		// partners.
		p.TogetherGroups = togetherGroupsOf(&p)
		for i := range p.Projects {
			pr := &p.Projects[i]
			pr.TogetherCount = len(pr.Together)
			pr.Together = pr.Together[:min(len(pr.Together), evaluate.MaxTogetherListed)]
		}
	}
	return normalizePlan(&p), nil
}

// checkPlanPeriods refuses a horizon or a project's end period that no
// plan roadmap wrote can hold: the HTML charts draw a column per period up
// to the largest, so "end_period": 2000000000 in a saved plan ran show
// out of memory (review qa17 A10). A project's end may pass the horizon
// (work in progress), never twice the largest horizon; a start before
// the roadmap's (a negative period) draws nothing more.
func checkPlanPeriods(p *evaluate.Plan) error {
	if h := p.Roadmap.Horizon; h < 0 || h > hclspec.MaxHorizon {
		return fmt.Errorf("not a plan roadmap wrote: roadmap.horizon is %d, where roadmap plans 0 to %d periods", h, hclspec.MaxHorizon)
	}
	for i, pr := range p.Projects {
		for _, f := range []struct {
			name string
			v    *int
		}{{"start_period", pr.StartPeriod}, {"end_period", pr.EndPeriod}} {
			if f.v != nil && *f.v > hclspec.MaxHorizon+hclspec.MaxPeriods {
				return fmt.Errorf("not a plan roadmap wrote: projects[%d].%s is %d, far outside any horizon (at most %d periods)", i, f.name, *f.v, hclspec.MaxHorizon+hclspec.MaxPeriods)
			}
		}
	}
	return nil
}

// jsonError turns a decoding error into a message with the line and column
// of the offending byte.
func jsonError(data []byte, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		// Offset counts the bytes read, the offending one included; at
		// the end of the input it is the length.
		offset := syntax.Offset
		if offset > 0 && offset <= int64(len(data)) && !strings.Contains(syntax.Error(), "end of JSON input") {
			offset--
		}
		line, col := lineColumn(data, offset)
		return fmt.Errorf("malformed plan JSON at line %d, column %d (byte %d): %s", line, col, offset, syntax.Error())
	case errors.As(err, &typ):
		line, col := lineColumn(data, typ.Offset)
		field := typ.Field
		if field == "" {
			field = "the plan"
		}
		return fmt.Errorf("malformed plan JSON at line %d, column %d (byte %d): %s should be %s, not %s",
			line, col, typ.Offset, field, jsonKind(typ.Type), article(typ.Value))
	case errors.Is(err, io.ErrUnexpectedEOF):
		line, col := lineColumn(data, int64(len(data)))
		return fmt.Errorf("malformed plan JSON at line %d, column %d: unexpected end of input", line, col)
	}
	return fmt.Errorf("malformed plan JSON: %w", err)
}

// jsonKind names the JSON value a Go type decodes from.
func jsonKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return t.String()
}

// article turns encoding/json's value description ("number", "array",
// "number 1.5") into "a number", "an array", "the number 1.5".
func article(v string) string {
	switch {
	case strings.Contains(v, " "):
		return "the " + v
	case v == "array" || v == "object":
		return "an " + v
	}
	return "a " + v
}

// lineColumn converts a byte offset into a 1-based line and column.
func lineColumn(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	if offset < 0 {
		offset = 0
	}
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(offset) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// normalizePlan returns a copy of p whose lists and maps are never nil, so
// a plan encodes the same whether it came from Evaluate or from a file.
// It never writes into p's lists: what it changes is copied first.
func normalizePlan(p *evaluate.Plan) *evaluate.Plan {
	q := normalizePlanTop(p)
	q.Projects = cloned(p.Projects)
	for i := range q.Projects {
		normalizeProject(&q.Projects[i])
	}
	return q
}

// normalizePlanTop is normalizePlan but for the projects, which keep p's
// list.
func normalizePlanTop(p *evaluate.Plan) *evaluate.Plan {
	q := *p
	q.Periods = cloned(q.Periods)
	for i := range q.Periods {
		pe := &q.Periods[i]
		pe.Active = orEmpty(pe.Active)
		pe.Teams = nonNilMap(pe.Teams)
		pe.Budgets = nonNilMap(pe.Budgets)
	}
	q.Vendors = cloned(q.Vendors)
	for i := range q.Vendors {
		v := &q.Vendors[i]
		v.Criteria = nonNilMap(v.Criteria)
		v.Candidates = cloned(v.Candidates)
		for j := range v.Candidates {
			c := &v.Candidates[j]
			c.Scores = nonNilMap(c.Scores)
		}
	}
	q.Checks = orEmpty(q.Checks)
	q.ForceIn, q.ForceOut = ForcedProjects(p)
	q.Systems = cloned(q.Systems)
	for i := range q.Systems {
		s := &q.Systems[i]
		s.Provides, s.ReplacedBy = orEmpty(s.Provides), orEmpty(s.ReplacedBy)
	}
	q.Choices = cloned(q.Choices)
	for i := range q.Choices {
		c := &q.Choices[i]
		c.Options = orEmpty(c.Options)
	}
	if q.Optimization != nil {
		opt := *q.Optimization
		opt.Changes = orEmpty(opt.Changes)
		opt.Figures = orEmpty(opt.Figures)
		if opt.Objective == "value" {
			// A plan saved before objectives had names: the search
			// maximised the total score.
			opt.Objective = string(hclspec.ObjectiveScore)
		}
		q.Optimization = &opt
	}
	if q.Roadmap.Objective == "" {
		q.Roadmap.Objective = string(hclspec.ObjectiveScore) // the default, before --objective
	}
	q.Goals = orEmpty(q.Goals)
	q.Teams = orEmpty(q.Teams)
	q.Budgets = cloned(q.Budgets)
	for i := range q.Budgets {
		if q.Budgets[i].Kind == "" {
			q.Budgets[i].Kind = "capex" // a plan saved before budget kinds
		}
	}
	rr := &q.RunRate
	rr.Budgets, rr.Projects, rr.Systems, rr.Years = orEmpty(rr.Budgets), orEmpty(rr.Projects), orEmpty(rr.Systems), orEmpty(rr.Years)
	q.Departments = cloned(q.Departments)
	for i := range q.Departments {
		d := &q.Departments[i]
		d.Needs = orEmpty(d.Needs)
	}
	if q.View != nil {
		v := *q.View
		v.Stakeholders = orEmpty(v.Stakeholders)
		v.Projects = cloned(v.Projects)
		for i := range v.Projects {
			vp := &v.Projects[i]
			vp.Relations = orEmpty(vp.Relations)
		}
		q.View = &v
	}
	return &q
}

// normalizeProject makes pr's lists and maps non-nil. pr is a copy: its
// lists are still the plan's, so a list whose elements change is copied
// first.
func normalizeProject(pr *evaluate.ProjectPlan) {
	pr.Reasons = orEmpty(pr.Reasons)
	pr.Findings = orEmpty(pr.Findings)
	pr.Notes = orEmpty(pr.Notes)
	if slices.ContainsFunc(pr.Notes, func(n evaluate.Note) bool {
		return n.Periods == nil || n.Windows == nil || n.HeldBy == nil || n.AheadOf == nil
	}) {
		pr.Notes = cloned(pr.Notes)
		for k := range pr.Notes {
			n := &pr.Notes[k]
			n.Periods, n.Windows = orEmpty(n.Periods), orEmpty(n.Windows)
			n.HeldBy, n.AheadOf = orEmpty(n.HeldBy), orEmpty(n.AheadOf)
		}
	}
	pr.DependsOn = orEmpty(pr.DependsOn)
	pr.EndorsedBy = orEmpty(pr.EndorsedBy)
	pr.OpposedBy = orEmpty(pr.OpposedBy)
	pr.Provides = orEmpty(pr.Provides)
	pr.Goals = nonNilMap(pr.Goals)
	pr.Effort = nonNilMap(pr.Effort)
	if pr.FundingShares == nil && pr.Funding != "" {
		// A plan saved before split funding: its one budget paid all.
		pr.FundingShares = map[string]float64{pr.Funding: 1}
	}
	pr.FundingShares = nonNilMap(pr.FundingShares)
	pr.CashFlows = orEmpty(pr.CashFlows)
	pr.Together = orEmpty(pr.Together)
	pr.Replaces = orEmpty(pr.Replaces)
}

// orEmpty returns s, or an empty list when s is nil (JSON [] rather than
// null).
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// cloned returns a copy of s, empty rather than nil, for a list whose
// elements normalising changes: it never writes into the caller's plan.
func cloned[T any](s []T) []T {
	out := make([]T, len(s))
	copy(out, s)
	return out
}

func nonNilMap[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return map[K]V{}
	}
	return m
}
