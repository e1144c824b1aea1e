package schema

// The golden outputs only show the fields the tests' plans happen to
// write: a field that is omitted when empty (the plan's scenario, view or
// optimization) may never appear in one. This test walks each schema
// beside the Go type that writes its documents, so every JSON field of
// those types must be in the schema, with the same type, required exactly
// when encoding/json always writes it, and nullable exactly when it can
// be null.

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

var rawMessage = reflect.TypeOf(json.RawMessage(nil))

// typeWalk compares one schema with its Go type.
type typeWalk struct {
	schema string
	errs   []string
	defs   map[string]any
	seen   map[string]bool // $defs already compared, with their Go type
}

func TestSchemasFollowTheGoTypes(t *testing.T) {
	for _, name := range kinds {
		for _, msg := range compareWithGoType(t, name, readSchema(t, name)) {
			t.Error(msg)
		}
	}
}

func readSchema(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// compareWithGoType lists the differences between schema doc and the Go
// type behind it.
func compareWithGoType(t *testing.T, name string, doc map[string]any) []string {
	t.Helper()
	defs, _ := doc["$defs"].(map[string]any)
	w := &typeWalk{schema: name, defs: defs, seen: map[string]bool{}}
	w.compare("", doc, goTypes[name])
	return w.errs
}

func (w *typeWalk) errorf(at, format string, args ...any) {
	if at == "" {
		at = "/"
	}
	w.errs = append(w.errs, fmt.Sprintf("docs/schema/%s at %s: %s", w.schema, at, fmt.Sprintf(format, args...)))
}

// TestGoTypeWalkCatchesDrift: a field missing from the schema, one the
// Go type no longer has, a wrong "required" and a wrong null all fail,
// also where no golden output has the field.
func TestGoTypeWalkCatchesDrift(t *testing.T) {
	defOf := func(doc map[string]any, name string) map[string]any {
		return doc["$defs"].(map[string]any)[name].(map[string]any)
	}
	props := func(m map[string]any) map[string]any { return m["properties"].(map[string]any) }
	tests := []struct {
		name string
		edit func(doc map[string]any)
		want string
	}{
		{"omitempty field missing", func(d map[string]any) { delete(props(d), "scenario") },
			`at /: field "scenario" of Go type evaluate.Plan is not in the schema`},
		{"field gone from Go", func(d map[string]any) { props(defOf(d, "Totals"))["zz_old"] = map[string]any{"type": "integer"} },
			`at /totals/zz_old: no field of Go type evaluate.Totals writes it`},
		{"always written, not required", func(d map[string]any) {
			p := defOf(d, "Project")
			p["required"] = slices.DeleteFunc(p["required"].([]any), func(v any) bool { return v == "npv" })
		}, `at /projects/*/npv: always written by Go type evaluate.ProjectPlan: add it to "required"`},
		{"omitempty but required", func(d map[string]any) {
			d["required"] = append(d["required"].([]any), "view")
		}, `at /view: required, but Go type evaluate.Plan omits it when empty`},
		{"nullable Go field not null in the schema", func(d map[string]any) {
			props(defOf(d, "Project"))["roi"] = map[string]any{"type": "number"}
		}, `at /projects/*/roi: Go type *float64 can be null`},
		{"null where Go never writes it", func(d map[string]any) {
			props(defOf(d, "Project"))["cost"] = map[string]any{"anyOf": []any{map[string]any{"type": "number"}, map[string]any{"type": "null"}}}
		}, `at /projects/*/cost: never null (Go type float64)`},
		{"wrong type", func(d map[string]any) {
			props(defOf(d, "Totals"))["scheduled"] = map[string]any{"type": "number"}
		}, `at /totals/scheduled: type "number", but Go type int encodes as "integer"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readSchema(t, "plan.json")
			tt.edit(doc)
			got := strings.Join(compareWithGoType(t, "plan.json", doc), "\n")
			if !strings.Contains(got, tt.want) {
				t.Errorf("messages:\n%s\nwant one containing %q", got, tt.want)
			}
		})
	}
}

// resolve follows $ref, saying which definition it reached.
func (w *typeWalk) resolve(s map[string]any) (map[string]any, string) {
	def := ""
	for {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s, def
		}
		def = strings.TrimPrefix(ref, "#/$defs/")
		next, ok := w.defs[def].(map[string]any)
		if !ok {
			w.errorf("", "%s points nowhere", ref)
			return map[string]any{}, def
		}
		s = next
	}
}

// nonNull splits "anyOf: [X, {type: null}]" into X and true.
func nonNull(s map[string]any) (map[string]any, bool) {
	branches, ok := s["anyOf"].([]any)
	if !ok || len(branches) != 2 {
		return s, false
	}
	var other map[string]any
	null := false
	for _, a := range branches {
		m, _ := a.(map[string]any)
		if m["type"] == "null" && len(m) == 1 {
			null = true
		} else {
			other = m
		}
	}
	if !null || other == nil {
		return s, false
	}
	return other, true
}

// compare checks schema s against Go type typ at the JSON place at.
func (w *typeWalk) compare(at string, s map[string]any, typ reflect.Type) {
	s, def := w.resolve(s)
	inner, nullable := nonNull(s)
	canBeNull := typ.Kind() == reflect.Pointer
	if typ == rawMessage || typ.Kind() == reflect.Interface {
		return // any JSON value
	}
	switch {
	case canBeNull && !nullable:
		w.errorf(at, "Go type %s can be null: write anyOf [the type, {\"type\": \"null\"}]", typ)
	case !canBeNull && nullable:
		w.errorf(at, "never null (Go type %s), but the schema allows null", typ)
	}
	if canBeNull {
		typ = typ.Elem()
	}
	s, def2 := w.resolve(inner)
	if def2 != "" {
		def = def2
	}
	if def != "" {
		key := def + " " + typ.String()
		if w.seen[key] {
			return
		}
		w.seen[key] = true
	}
	want := ""
	switch typ.Kind() {
	case reflect.String:
		want = "string"
	case reflect.Bool:
		want = "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		want = "integer"
	case reflect.Float32, reflect.Float64:
		want = "number"
	case reflect.Slice, reflect.Array:
		want = "array"
	case reflect.Map, reflect.Struct:
		want = "object"
	default:
		w.errorf(at, "Go type %s has no JSON Schema counterpart in this test", typ)
		return
	}
	if c, ok := s["const"]; ok && s["type"] == nil {
		if _, isString := c.(string); !isString || want != "string" {
			w.errorf(at, "const %v, but Go type %s encodes as %q", c, typ, want)
		}
		return
	}
	if got, _ := s["type"].(string); got != want {
		w.errorf(at, "type %q, but Go type %s encodes as %q", s["type"], typ, want)
		return
	}
	switch typ.Kind() {
	case reflect.Slice, reflect.Array:
		items, ok := s["items"].(map[string]any)
		if !ok {
			w.errorf(at, "an array without items")
			return
		}
		w.compare(at+"/*", items, typ.Elem())
	case reflect.Map:
		values, ok := s["additionalProperties"].(map[string]any)
		if !ok {
			w.errorf(at, "a map (Go type %s) needs additionalProperties: the schema of its values", typ)
			return
		}
		w.compare(at+"/*", values, typ.Elem())
	case reflect.Struct:
		w.compareStruct(at, s, typ)
	}
}

// jsonFields lists the fields encoding/json writes for struct typ, with
// whether each is omitted when empty.
func jsonFields(typ reflect.Type) []reflect.StructField {
	var out []reflect.StructField
	for i := range typ.NumField() {
		f := typ.Field(i)
		tag := f.Tag.Get("json")
		if !f.IsExported() || tag == "-" {
			continue
		}
		if f.Anonymous && f.Type.Kind() == reflect.Struct && tag == "" {
			out = append(out, jsonFields(f.Type)...)
			continue
		}
		out = append(out, f)
	}
	return out
}

func (w *typeWalk) compareStruct(at string, s map[string]any, typ reflect.Type) {
	props, _ := s["properties"].(map[string]any)
	required := map[string]bool{}
	reqList, _ := s["required"].([]any)
	for _, r := range reqList {
		required[r.(string)] = true
	}
	written := map[string]bool{}
	for _, f := range jsonFields(typ) {
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" {
			name = f.Name
		}
		omitempty := slices.Contains(strings.Split(opts, ","), "omitempty")
		written[name] = true
		prop, ok := props[name].(map[string]any)
		if !ok {
			w.errorf(at, "field %q of Go type %s is not in the schema%s", name, typ, suggestionFor(typ, name))
			continue
		}
		switch {
		case omitempty && required[name]:
			w.errorf(at+"/"+name, "required, but Go type %s omits it when empty (omitempty)", typ)
		case !omitempty && !required[name]:
			w.errorf(at+"/"+name, "always written by Go type %s: add it to \"required\"", typ)
		}
		ft := f.Type
		if omitempty && ft.Kind() == reflect.Pointer {
			ft = ft.Elem() // omitted when nil, never null
		}
		w.compare(at+"/"+name, prop, ft)
	}
	var extra []string
	for name := range props {
		if !written[name] {
			extra = append(extra, name)
		}
	}
	slices.Sort(extra)
	for _, name := range extra {
		w.errorf(at+"/"+name, "no field of Go type %s writes it: remove it from the schema (and the docs) or restore the field", typ)
	}
}
