package evaluate

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// checkPlanFinite reports every figure of p that is not a finite number.
// Each project's own cash flows are checked where they are computed; sums
// over projects, periods and budgets can still overflow to infinity (two
// projects of 1e308 each), and JSON cannot hold infinity or NaN, so such a
// plan is an error rather than a broken document or "+Inf" in a table.
func (e *evaluation) checkPlanFinite(p *Plan) hcl.Diagnostics {
	// A quick pass without paths; the careful one runs only on failure.
	if allFinite(reflect.ValueOf(p).Elem()) {
		return nil
	}
	var diags hcl.Diagnostics
	seen := map[string]bool{}
	walkFloats(reflect.ValueOf(p).Elem(), "", func(path string, v float64) {
		subject := e.roadmap.DeclRange
		what := "the roadmap's figures"
		if id, ok := projectOfPath(p, path); ok {
			if pe := e.byID[id]; pe != nil {
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

// allFinite reports whether every float64 in v is finite. It builds no
// paths and sorts no keys, so it costs little next to an evaluation.
func allFinite(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Float64, reflect.Float32:
		f := v.Float()
		return !math.IsNaN(f) && !math.IsInf(f, 0)
	case reflect.Pointer, reflect.Interface:
		return v.IsNil() || allFinite(v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && !allFinite(v.Field(i)) {
				return false
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Float64 {
			for i := range v.Len() {
				if f := v.Index(i).Float(); math.IsNaN(f) || math.IsInf(f, 0) {
					return false
				}
			}
			return true
		}
		for i := range v.Len() {
			if !allFinite(v.Index(i)) {
				return false
			}
		}
	case reflect.Map:
		if !hasFloats(v.Type().Elem()) {
			return true
		}
		for it := v.MapRange(); it.Next(); {
			if !allFinite(it.Value()) {
				return false
			}
		}
	}
	return true
}

// hasFloats reports whether values of t can hold a float64, so walks skip
// what cannot (maps of strings, lists of ids).
func hasFloats(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Float64, reflect.Float32, reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		return hasFloats(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if t.Field(i).IsExported() && hasFloats(t.Field(i).Type) {
				return true
			}
		}
	}
	return false
}

// walkFloats calls bad for each float64 in v that is NaN or infinite,
// with its JSON path. Map keys are visited in sorted order.
func walkFloats(v reflect.Value, path string, bad func(path string, v float64)) {
	switch v.Kind() {
	case reflect.Float64, reflect.Float32:
		if f := v.Float(); math.IsNaN(f) || math.IsInf(f, 0) {
			bad(path, f)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkFloats(v.Elem(), path, bad)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				name = f.Name
			}
			walkFloats(v.Field(i), joinPath(path, name), bad)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkFloats(v.Index(i), fmt.Sprintf("%s[%d]", path, i), bad)
		}
	case reflect.Map:
		keys := v.MapKeys()
		names := make([]string, len(keys))
		byName := map[string]reflect.Value{}
		for i, k := range keys {
			names[i] = fmt.Sprint(k.Interface())
			byName[names[i]] = k
		}
		sort.Strings(names)
		for _, n := range names {
			walkFloats(v.MapIndex(byName[n]), fmt.Sprintf("%s[%q]", path, n), bad)
		}
	}
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
