package evaluate

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Every JSON field of the plan is documented, in docs/cli.md's list of
// the JSON plan or in docs/plan-output.md, so scripts can rely on what
// they read there.
func TestPlanJSONFieldsAreDocumented(t *testing.T) {
	var doc strings.Builder
	for _, name := range []string{"cli.md", "plan-output.md"} {
		data, err := os.ReadFile(filepath.Join("..", "docs", name))
		if err != nil {
			t.Fatal(err)
		}
		doc.Write(data)
	}
	text := doc.String()
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] || typ.PkgPath() != reflect.TypeOf(Plan{}).PkgPath() {
			return
		}
		seen[typ] = true
		for i := range typ.NumField() {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			if !strings.Contains(text, name) {
				t.Errorf("%s.%s (json %q) is documented neither in docs/cli.md nor in docs/plan-output.md", typ.Name(), f.Name, name)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeOf(Plan{}))
	if len(seen) < 10 {
		t.Errorf("walked only %d types", len(seen))
	}
}
