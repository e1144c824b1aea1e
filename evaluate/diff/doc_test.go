package diff

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Every JSON field of the diff is documented in docs/ci.md's section on the
// diff JSON format, so the documented shape cannot drift from the code.
func TestDiffJSONFieldsAreDocumented(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "ci.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	start := strings.Index(doc, "## The diff JSON format")
	if start < 0 {
		t.Fatal("docs/ci.md has no section on the diff JSON format")
	}
	section := doc[start:]
	if end := strings.Index(section[3:], "\n## "); end >= 0 {
		section = section[:end+3]
	}
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] || typ.PkgPath() != reflect.TypeOf(PlanDiff{}).PkgPath() {
			return // the plan's own types are documented with the plan
		}
		seen[typ] = true
		for i := range typ.NumField() {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			if !strings.Contains(section, name) {
				t.Errorf("%s.%s (json %q) is not in docs/ci.md's diff JSON section", typ.Name(), f.Name, name)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeOf(PlanDiff{}))
	if len(seen) < 8 {
		t.Errorf("walked only %d types", len(seen))
	}
}
