package frontier

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// TestJSONFieldsDocumented: every field of the frontier's JSON is named in
// docs/frontier.md, so a new field cannot ship undocumented.
func TestJSONFieldsDocumented(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "frontier.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type, string)
	walk = func(ty reflect.Type, path string) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice {
			ty = ty.Elem()
		}
		// The plan's own objects are documented with the plan.
		if ty.Kind() != reflect.Struct || seen[ty] || ty.PkgPath() == reflect.TypeFor[evaluate.Plan]().PkgPath() {
			return
		}
		seen[ty] = true
		for f := range ty.Fields() {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			if !strings.Contains(doc, "`"+name+"`") && !strings.Contains(doc, "."+name+"`") && !strings.Contains(doc, "."+name+"`,") {
				t.Errorf("JSON field %s%s is not documented in docs/frontier.md", path, name)
			}
			walk(f.Type, path+name+".")
		}
	}
	walk(reflect.TypeFor[Frontier](), "")
	if len(seen) < 4 {
		t.Errorf("walked only %d types", len(seen))
	}
}
