// Package schema tests the JSON Schemas of this directory: each is valid
// draft 2020-12, and every JSON output kept as a golden file in the
// repository (plans, plan diffs, diagnostics, comparisons, frontiers, audits) validates against its
// schema, so the schemas cannot drift from what roadmap writes.
package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

const repo = "../.."

// kinds are the JSON documents with a schema, by schema file.
var kinds = []string{"plan.json", "plan-diff.json", "diagnostics.json", "compare.json", "frontier.json", "audit.json"}

// kindOf says which schema a JSON document falls under by its top-level
// keys, or "" for other JSON (SARIF, simulations, fuzz inputs...).
func kindOf(doc map[string]json.RawMessage) string {
	has := func(keys ...string) bool {
		for _, k := range keys {
			if _, ok := doc[k]; !ok {
				return false
			}
		}
		return true
	}
	switch {
	case !has("format_version"):
		return ""
	case has("projects", "periods", "totals", "roadmap"):
		return "plan.json"
	case has("changed", "before", "after", "summary"):
		return "plan-diff.json"
	case has("valid", "diagnostics"):
		return "diagnostics.json"
	case has("scenarios", "projects", "teams", "budgets", "roadmap"):
		return "compare.json"
	case has("resource", "points", "roadmap"):
		return "frontier.json"
	case has("systems", "gaps", "retired_per_year"):
		return "audit.json"
	}
	return ""
}

func compile(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	schemas := map[string]*jsonschema.Schema{}
	for _, name := range kinds {
		s, err := c.Compile(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		schemas[name] = s
	}
	return schemas
}

// inputDirs hold saved plans that tests read, some written by earlier
// versions (without the fields added since): inputs, not outputs.
var inputDirs = []string{"cmd/roadmap/testdata/plans", "report/testdata/plans", "report/testdata/pics"}

// goldenJSON lists the repository's JSON files under testdata/, except
// the inputs.
func goldenJSON(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(repo, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git" || d.Name() == "fuzz" || d.Name() == "dist") {
			return filepath.SkipDir
		}
		rel, _ := filepath.Rel(repo, path)
		if d.IsDir() && slices.Contains(inputDirs, filepath.ToSlash(rel)) {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".json") && strings.Contains(filepath.ToSlash(path), "/testdata/") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestGoldenOutputsMatchTheSchemas validates every golden plan, plan diff
// and diagnostics list. A failure names the file, the place in it and
// what the schema lacks or forbids.
func TestGoldenOutputsMatchTheSchemas(t *testing.T) {
	schemas := compile(t)
	counts := map[string]int{}
	for _, path := range goldenJSON(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var top map[string]json.RawMessage
		if json.Unmarshal(data, &top) != nil {
			continue // not an object: not one of ours
		}
		// evaluate's goldens hold the plan beside the diagnostics.
		if inner, ok := top["plan"]; ok && len(top) == 2 {
			if json.Unmarshal(inner, &top) != nil {
				continue
			}
			data = inner
		}
		name := kindOf(top)
		if name == "" {
			continue
		}
		var version string
		if json.Unmarshal(top["format_version"], &version) != nil || version != "1" {
			continue // a test input of another version, refused by roadmap
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		counts[name]++
		rel, _ := filepath.Rel(repo, path)
		if err := schemas[name].Validate(inst); err != nil {
			for _, msg := range explain(err, name) {
				t.Errorf("%s: %s", filepath.ToSlash(rel), msg)
			}
		}
	}
	for _, name := range kinds {
		if counts[name] == 0 {
			t.Errorf("no golden file validated against %s", name)
		}
		t.Logf("%s: %d golden files", name, counts[name])
	}
}

// explain turns a validation error into one line per leaf problem,
// saying what to change in the schema.
func explain(err error, schema string) []string {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []string{err.Error()}
	}
	var out []string
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		at := "/" + strings.Join(e.InstanceLocation, "/")
		switch k := e.ErrorKind.(type) {
		case *kind.AdditionalProperties:
			props := slices.Sorted(slices.Values(k.Properties))
			msg := fmt.Sprintf("at %s: field(s) %s not in docs/schema/%s: add them to the schema (properties of that object) and document them", at, quoteAll(props), schema)
			for _, p := range props {
				msg += suggestion(schema, e.InstanceLocation, p)
			}
			out = append(out, msg)
		case *kind.Required:
			out = append(out, fmt.Sprintf("at %s: field(s) %s missing, but docs/schema/%s requires them: write them, or make them optional in the schema", at, quoteAll(k.Missing), schema))
		default:
			out = append(out, fmt.Sprintf("at %s: %v (docs/schema/%s, %s)", at, e.ErrorKind.LocalizedString(message.NewPrinter(language.English)), schema, e.SchemaURL))
		}
	}
	walk(ve)
	slices.Sort(out)
	return slices.Compact(out)
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// TestSchemasCatchDrift: a field roadmap starts writing, one it stops
// writing and a value outside a closed list all fail, and the message
// names the field.
func TestSchemasCatchDrift(t *testing.T) {
	schemas := compile(t)
	data, err := os.ReadFile(filepath.Join(repo, "cmd", "roadmap", "testdata", "plan", "it-department.json"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		edit func(plan map[string]any)
		want string
	}{
		{"new field", func(p map[string]any) { project(p)["zz_new_field"] = true },
			`at /projects/0: field(s) "zz_new_field" not in docs/schema/plan.json`},
		{"field dropped", func(p map[string]any) { delete(project(p), "npv") },
			`at /projects/0: field(s) "npv" missing`},
		{"value outside the list", func(p map[string]any) { project(p)["status"] = "paused" },
			"at /projects/0/status: value must be one of"},
		{"null where a number goes", func(p map[string]any) { project(p)["cost"] = nil },
			"at /projects/0/cost: got null, want number"},
		{"new top-level field", func(p map[string]any) { p["zz_new_section"] = []any{} },
			`at /: field(s) "zz_new_section" not in docs/schema/plan.json`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var plan map[string]any
			if err := json.Unmarshal(data, &plan); err != nil {
				t.Fatal(err)
			}
			tt.edit(plan)
			edited, err := json.Marshal(plan)
			if err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(edited))
			if err != nil {
				t.Fatal(err)
			}
			err = schemas["plan.json"].Validate(inst)
			if err == nil {
				t.Fatal("the schema accepts it")
			}
			if got := strings.Join(explain(err, "plan.json"), "\n"); !strings.Contains(got, tt.want) {
				t.Errorf("messages:\n%s\nwant one containing %q", got, tt.want)
			}
		})
	}
}

func project(plan map[string]any) map[string]any {
	return plan["projects"].([]any)[0].(map[string]any)
}

// TestSchemasAreClosed: every object of the schemas lists its properties,
// forbids others, and requires only properties it lists, so a field
// cannot slip in or out unnoticed.
func TestSchemasAreClosed(t *testing.T) {
	for _, name := range kinds {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		var walk func(path string, v any)
		walk = func(path string, v any) {
			switch v := v.(type) {
			case map[string]any:
				if props, ok := v["properties"].(map[string]any); ok {
					if v["additionalProperties"] != false {
						t.Errorf("%s%s: an object with properties must set additionalProperties false", name, path)
					}
					req, _ := v["required"].([]any)
					for _, r := range req {
						if _, ok := props[r.(string)]; !ok {
							t.Errorf("%s%s: requires %q, which it does not list", name, path, r)
						}
					}
				}
				for k, sub := range v {
					walk(path+"/"+k, sub)
				}
			case []any:
				for i, sub := range v {
					walk(fmt.Sprintf("%s/%d", path, i), sub)
				}
			}
		}
		walk("#", doc)
	}
}
