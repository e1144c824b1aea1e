package evaluate

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// checkPlanFinite reports every figure of p that is not a finite number.
// Each project's own cash flows are checked where they are computed; sums
// over projects, periods and budgets can still overflow to infinity (two
// projects of 1e308 each), and JSON cannot hold infinity or NaN, so such a
// plan is an error rather than a broken document or "+Inf" in a table.
func (e *evaluation) checkPlanFinite(p *Plan) hcl.Diagnostics {
	var diags hcl.Diagnostics
	seen := map[string]bool{}
	walkFloats(reflect.ValueOf(p).Elem(), "", func(path string, v float64) {
		subject := e.roadmap.DeclRange
		what := "the roadmap's figures"
		if id, ok := projectOfPath(p, path); ok {
			if pe := e.projectByID(id); pe != nil {
				subject = pe.cfg.DeclRange
			}
			what = fmt.Sprintf("project %q's figures", id)
			if _, field, ok := strings.Cut(path, "]."); ok {
				path = fmt.Sprintf("%s of project %q", field, id)
			}
		}
		// One diagnostic per project or for the roadmap: a single huge
		// amount makes many figures infinite at once.
		if seen[what] {
			return
		}
		seen[what] = true
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Money figure out of range",
			Detail: fmt.Sprintf("The plan's %s is %v: %s add up past the largest number roadmap can hold (about 1.8e308). Check for an amount with too many digits or a wrong exponent.",
				path, v, what),
			Subject: subject.Ptr(),
		})
	})
	return diags
}

// projectOfPath returns the id of the project a path such as
// "projects[3].npv" is in.
func projectOfPath(p *Plan, path string) (string, bool) {
	var i int
	if _, err := fmt.Sscanf(path, "projects[%d]", &i); err != nil || i < 0 || i >= len(p.Projects) {
		return "", false
	}
	return p.Projects[i].ID, true
}

// walkFloats calls bad for each float64 in v that is NaN or infinite,
// with its JSON path. Map keys are visited in sorted order. The path is
// only formatted for a bad figure: a plan of 10,000 projects holds
// hundreds of thousands of good ones.
func walkFloats(v reflect.Value, path string, bad func(path string, v float64)) {
	w := floatWalker{bad: bad, fields: map[reflect.Type][]floatField{}, scratch: map[reflect.Type][]reflect.Value{}}
	if path != "" {
		w.path = append(w.path, pathStep{name: path})
	}
	w.walk(v)
}

// pathStep is one step of a JSON path: a field name, a slice index or a
// map key.
type pathStep struct {
	name  string
	key   string
	index int
	kind  uint8 // 0 field, 1 index, 2 key
}

type floatWalker struct {
	bad    func(path string, v float64)
	path   []pathStep
	fields map[reflect.Type][]floatField // of each struct type met

	// While probing (anyBadIn) a bad figure sets found instead of being
	// reported; scratch holds reusable values of map element types.
	probing int
	found   bool
	scratch map[reflect.Type][]reflect.Value
}

// floatField is an exported field of a struct that can hold floats.
type floatField struct {
	index int
	name  string // in JSON
}

func (w *floatWalker) pathString() string {
	var b strings.Builder
	for _, s := range w.path {
		switch s.kind {
		case 0:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.name)
		case 1:
			fmt.Fprintf(&b, "[%d]", s.index)
		default:
			fmt.Fprintf(&b, "[%q]", s.key)
		}
	}
	return b.String()
}

// floatFields lists the fields of struct type t to walk, once per type.
func (w *floatWalker) floatFields(t reflect.Type) []floatField {
	if fields, ok := w.fields[t]; ok {
		return fields
	}
	var fields []floatField
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || !holdsFloats(f.Type) {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			name = f.Name
		}
		fields = append(fields, floatField{index: i, name: name})
	}
	w.fields[t] = fields
	return fields
}

func (w *floatWalker) check(f float64) {
	if !math.IsNaN(f) && !math.IsInf(f, 0) {
		return
	}
	if w.probing > 0 {
		w.found = true
		return
	}
	w.bad(w.pathString(), f)
}

func (w *floatWalker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Float64, reflect.Float32:
		w.check(v.Float())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			w.walk(v.Elem())
		}
	case reflect.Struct:
		for _, f := range w.floatFields(v.Type()) {
			w.path = append(w.path, pathStep{name: f.name})
			w.walk(v.Field(f.index))
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Slice, reflect.Array:
		elem := v.Type().Elem()
		if !holdsFloats(elem) {
			return
		}
		isFloat := elem.Kind() == reflect.Float64 || elem.Kind() == reflect.Float32
		for i := range v.Len() {
			w.path = append(w.path, pathStep{index: i, kind: 1})
			if isFloat {
				w.check(v.Index(i).Float())
			} else {
				w.walk(v.Index(i))
			}
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Map:
		if v.Len() == 0 || !holdsFloats(v.Type().Elem()) {
			return
		}
		if w.probing > 0 {
			w.probeMap(v)
			return
		}
		if !w.anyBadIn(v) {
			return
		}
		type entry struct {
			key   string
			value reflect.Value
		}
		entries := make([]entry, 0, v.Len())
		plainKeys := v.Type().Key() == reflect.TypeFor[string]()
		for it := v.MapRange(); it.Next(); {
			key := it.Key()
			name := ""
			if plainKeys {
				name = key.String()
			} else {
				name = fmt.Sprint(key.Interface())
			}
			entries = append(entries, entry{name, it.Value()})
		}
		slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.key, b.key) })
		for _, e := range entries {
			w.path = append(w.path, pathStep{key: e.key, kind: 2})
			w.walk(e.value)
			w.path = w.path[:len(w.path)-1]
		}
	}
}

// anyBadIn reports whether map m holds a bad figure, looking at its
// values in any order through one reused value: the sorted walk, which
// copies every key and value, is for maps with one to report.
func (w *floatWalker) anyBadIn(m reflect.Value) bool {
	w.probing++
	w.probeMap(m)
	w.probing--
	found := w.found
	w.found = false
	return found
}

// probeMap walks the values of m in any order until one is bad.
func (w *floatWalker) probeMap(m reflect.Value) {
	t := m.Type().Elem()
	free := w.scratch[t]
	var value reflect.Value
	if n := len(free); n > 0 {
		value, w.scratch[t] = free[n-1], free[:n-1]
	} else {
		value = reflect.New(t).Elem()
	}
	for it := m.MapRange(); it.Next() && !w.found; {
		value.SetIterValue(it)
		w.walk(value)
	}
	w.scratch[t] = append(w.scratch[t], value)
}

// holdsFloats reports whether a value of type t can hold a float: no
// need to walk a []string or a map[string]int.
func holdsFloats(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return false
	case reflect.Slice, reflect.Array, reflect.Map, reflect.Pointer:
		return holdsFloats(t.Elem())
	}
	return true // floats, structs, interfaces
}
