package schema

// When a golden output has a field the schema lacks, the test prints a
// schema fragment for it, made from the Go type that writes it, so the
// schema can be brought in step quickly (then checked by hand: enums,
// descriptions, whether null is possible).

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/diff"
	"github.com/roadmap-as-code/roadmap/evaluate/frontier"
	"github.com/roadmap-as-code/roadmap/evaluate/scenario"
	"github.com/roadmap-as-code/roadmap/report"
)

// goTypes are the Go types each schema describes.
var goTypes = map[string]reflect.Type{
	"plan.json":        reflect.TypeOf(evaluate.Plan{}),
	"plan-diff.json":   reflect.TypeOf(diff.PlanDiff{}),
	"diagnostics.json": reflect.TypeOf(report.DiagnosticsReport{}),
	"compare.json":     reflect.TypeOf(scenario.Comparison{}),
	"frontier.json":    reflect.TypeOf(frontier.Frontier{}),
	"audit.json":       reflect.TypeOf(report.AuditJSON{}),
}

// typeAt follows a JSON instance location through t.
func typeAt(t reflect.Type, location []string) (reflect.Type, bool) {
	for _, step := range location {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Slice, reflect.Array:
			if _, err := strconv.Atoi(step); err != nil {
				return nil, false
			}
			t = t.Elem()
		case reflect.Map:
			t = t.Elem()
		case reflect.Struct:
			f, ok := jsonField(t, step)
			if !ok {
				return nil, false
			}
			t = f.Type
		default:
			return nil, false
		}
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t, true
}

// jsonField finds the field of struct t that encodes as name.
func jsonField(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if tag == name || (tag == "" && f.Name == name) {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// suggestion is a schema fragment for field name of the object at
// location, or "" when the Go type is not found.
func suggestion(schema string, location []string, name string) string {
	root, ok := goTypes[schema]
	if !ok {
		return ""
	}
	t, ok := typeAt(root, location)
	if !ok || t.Kind() != reflect.Struct {
		return ""
	}
	return suggestionFor(t, name)
}

// suggestionFor is a schema fragment for field name of struct t, or ""
// when t has no such field.
func suggestionFor(t reflect.Type, name string) string {
	f, ok := jsonField(t, name)
	if !ok {
		return ""
	}
	_, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
	ft := f.Type
	if strings.Contains(opts, "omitempty") && ft.Kind() == reflect.Pointer {
		ft = ft.Elem() // omitted when nil, never null
	}
	data, err := json.Marshal(map[string]any{name: schemaOf(ft, map[reflect.Type]bool{})})
	if err != nil {
		return ""
	}
	frag := strings.TrimSuffix(strings.TrimPrefix(string(data), "{"), "}")
	req := "and to \"required\""
	if strings.Contains(opts, "omitempty") {
		req = "(optional: omitempty)"
	}
	return "\n    suggested, from Go type " + t.String() + ", add to its \"properties\" " + req + ": " + frag
}

// schemaOf is a JSON Schema for values of Go type t as encoding/json
// writes them.
func schemaOf(t reflect.Type, seen map[reflect.Type]bool) any {
	switch t.Kind() {
	case reflect.Pointer:
		return map[string]any{"anyOf": []any{schemaOf(t.Elem(), seen), map[string]any{"type": "null"}}}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem(), seen)}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": schemaOf(t.Elem(), seen)}
	case reflect.Struct:
		if seen[t] {
			return map[string]any{"$ref": "#/$defs/" + t.Name()}
		}
		seen[t] = true
		props := map[string]any{}
		required := []string{}
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" || !f.IsExported() {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if name == "" {
				name = f.Name
			}
			ft := f.Type
			if strings.Contains(opts, "omitempty") && ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			} else if !strings.Contains(opts, "omitempty") {
				required = append(required, name)
			}
			props[name] = schemaOf(ft, seen)
		}
		return map[string]any{"type": "object", "properties": props, "required": required, "additionalProperties": false}
	}
	return map[string]any{}
}

// TestSuggestion: the fragment for a field the schema lacks comes from
// the Go type behind the object at that place, says whether the field is
// required, and is empty where no Go type is known.
func TestSuggestion(t *testing.T) {
	tests := []struct {
		schema   string
		location []string
		field    string
		want     []string
	}{
		{"plan.json", []string{"projects", "3"}, "funding_shares", []string{
			`from Go type evaluate.ProjectPlan`, `and to "required"`,
			`"funding_shares":{"additionalProperties":{"type":"number"},"type":"object"}`}},
		{"plan.json", []string{"totals"}, "deadlines_met", []string{
			`from Go type evaluate.Totals`, `"deadlines_met":{"type":"integer"}`}},
		{"plan.json", []string{"projects", "0"}, "start", []string{
			`"start":{"anyOf":[{"type":"string"},{"type":"null"}]}`}},
		{"plan.json", []string{"projects", "0"}, "zz_new_field", nil},
		{"plan.json", []string{"nowhere"}, "id", nil},
		{"other.json", nil, "id", nil},
	}
	for _, tt := range tests {
		got := suggestion(tt.schema, tt.location, tt.field)
		if tt.want == nil && got != "" {
			t.Errorf("suggestion(%s, %v, %s) = %q, want none", tt.schema, tt.location, tt.field, got)
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("suggestion(%s, %v, %s) = %q, want it to contain %q", tt.schema, tt.location, tt.field, got, w)
			}
		}
	}
}
