package report

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/diff"
	"github.com/roadmap-as-code/roadmap/evaluate/simulate"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/safetext"
)

// hostile holds every kind of character the display copy must escape.
const hostile = "x\x1b]0;title\x07\x1b[2J\u009b\u202e\x7f\ry"

// fillStrings sets every string reachable from v (allocating pointers,
// one-element slices and maps) to s, so a test sees every field a future
// change may add too.
func fillStrings(v reflect.Value, s string, depth int) {
	if depth > 16 {
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillStrings(v.Elem(), s, depth+1)
	case reflect.Interface:
		v.Set(reflect.ValueOf(s))
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fillStrings(v.Field(i), s, depth+1)
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fillStrings(v.Index(0), s, depth+1)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k := reflect.New(v.Type().Key()).Elem()
		e := reflect.New(v.Type().Elem()).Elem()
		fillStrings(k, s, depth+1)
		fillStrings(e, s, depth+1)
		m.SetMapIndex(k, e)
		v.Set(m)
	}
}

// stringsIn lists every string reachable from v.
func stringsIn(v reflect.Value) []string {
	var out []string
	switch v.Kind() {
	case reflect.String:
		out = append(out, v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			out = append(out, stringsIn(v.Elem())...)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				out = append(out, stringsIn(v.Field(i))...)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			out = append(out, stringsIn(v.Index(i))...)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			out = append(out, stringsIn(it.Key())...)
			out = append(out, stringsIn(it.Value())...)
		}
	}
	return out
}

func TestDisplayCopyEscapesEveryString(t *testing.T) {
	for _, tt := range []struct {
		name string
		v    any // a pointer to fill
	}{
		{"plan", &evaluate.Plan{}},
		{"diff", &diff.PlanDiff{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fillStrings(reflect.ValueOf(tt.v).Elem(), hostile, 0)
			before := stringsIn(reflect.ValueOf(tt.v))
			if len(before) < 10 {
				t.Fatalf("only %d strings filled", len(before))
			}
			var shown any
			switch v := tt.v.(type) {
			case *evaluate.Plan:
				shown = displayCopy(v)
			case *diff.PlanDiff:
				shown = displayCopy(v)
			}
			after := stringsIn(reflect.ValueOf(shown))
			if len(after) != len(before) {
				t.Fatalf("%d strings after, %d before", len(after), len(before))
			}
			for _, s := range after {
				if s != safetext.Escape(hostile) {
					t.Fatalf("string %q left in the display copy", s)
				}
			}
			// The input is not modified.
			if diff := cmp.Diff(before, stringsIn(reflect.ValueOf(tt.v))); diff != "" {
				t.Errorf("displayCopy changed its input (-before +after):\n%s", diff)
			}
		})
	}
}

func TestDisplayCopySharesCleanValues(t *testing.T) {
	p := &evaluate.Plan{Roadmap: evaluate.RoadmapInfo{Name: "IT 2027"}, Projects: []evaluate.ProjectPlan{
		{ID: "crm", Title: "Hosted CRM", CashFlows: []float64{-1, 2}},
		{ID: "sso", Title: "Single sign-on \x1b[2J"},
	}}
	if got := displayCopy(p); got == p {
		t.Fatal("a plan holding an escape sequence was not copied")
	} else {
		if got.Projects[1].Title != `Single sign-on \u001b[2J` {
			t.Errorf("title %q", got.Projects[1].Title)
		}
		if &got.Projects[0].CashFlows[0] != &p.Projects[0].CashFlows[0] {
			t.Error("cash flows were copied although they hold no text")
		}
	}
	p.Projects[1].Title = "Single sign-on"
	if got := displayCopy(p); got != p {
		t.Error("a clean plan was copied")
	}
}

func TestEscapeJSONTextKeepsData(t *testing.T) {
	p := &evaluate.Plan{FormatVersion: evaluate.FormatVersion, Roadmap: evaluate.RoadmapInfo{Name: hostile + "\u0085\u2066"}}
	data, err := MarshalPlan(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range string(data) {
		if safetext.Unsafe(r) && r != '\n' {
			t.Fatalf("raw %U in the JSON plan", r)
		}
	}
	back, err := ReadPlan(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	if back.Roadmap.Name != p.Roadmap.Name {
		t.Errorf("name read back as %q, want %q", back.Roadmap.Name, p.Roadmap.Name)
	}
	var any map[string]any
	if err := json.Unmarshal(escapeJSONText([]byte(`{"a":"`+"\u202e\u009b\x7f"+`"}`)), &any); err != nil || any["a"] != "\u202e\u009b\x7f" {
		t.Errorf("escaped JSON decodes to %q, %v", any["a"], err)
	}
}

func TestDisplayDiagnostics(t *testing.T) {
	src := string("project \"a\" {\n  title = \"\x1b]0;pwned\x07\u202e\"\n}\n")
	files := map[string]*hcl.File{"evil\x1b[2J.hcl": {Bytes: []byte(src)}}
	rng := &hcl.Range{Filename: "evil\x1b[2J.hcl", Start: hcl.Pos{Line: 2, Column: 3, Byte: 16}, End: hcl.Pos{Line: 2, Column: 8, Byte: 21}}
	diags := hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Bad \x1b[31mtitle", Detail: "Detail \u009b", Subject: rng}}
	var out strings.Builder
	if err := RenderDiagnosticsText(&out, diags, files, Options{Color: true, Width: 80}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, s := range []string{safetext.Red, safetext.Reset, safetext.BoldUnderline} {
		got = strings.ReplaceAll(got, s, "")
	}
	for _, r := range got {
		if safetext.Unsafe(r) && r != '\n' {
			t.Fatalf("raw %U in:\n%s", r, got)
		}
	}
	for _, want := range []string{`Bad \u001b[31mtitle`, `Detail \u009b`, `on evil\u001b[2J.hcl line 2`, "title = \"?]0;pwned?\uFFFD\""} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if string(files["evil\x1b[2J.hcl"].Bytes) != string(src) || diags[0].Summary != "Bad \x1b[31mtitle" {
		t.Error("the diagnostics or files were modified")
	}
}

// TestRenderersNeverPrintControls renders the injection corpus's plan
// (cmd/roadmap/testdata/injection) in every format, diff format, graph and
// CI format, with colour and without, and checks the renderers themselves
// (without the CLI's guarded streams) print no terminal control but their
// own colours.
func TestRenderersNeverPrintControls(t *testing.T) {
	dir := filepath.Join("..", "cmd", "roadmap", "testdata", "injection", "payloads")
	planWith := func(vars ...string) *evaluate.Plan {
		cfg, diags := hclspec.NewLoader().LoadDir(dir, hclspec.LoadOptions{Vars: vars})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		p, diags := evaluate.Evaluate(context.Background(), cfg, evaluate.Options{})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		return p
	}
	before, after := planWith("capacity=2"), planWith()
	d := diff.Diff(before, after)
	check := func(t *testing.T, out string, color bool) {
		if strings.Contains(out, "FORGED\x1b") {
			t.Errorf("a colour from the roadmap's text is in the output")
		}
		if color {
			for _, s := range []string{safetext.Reset, safetext.Bold, safetext.Red, safetext.Green, safetext.Yellow, safetext.BoldUnderline} {
				out = strings.ReplaceAll(out, s, "")
			}
		}
		for i, r := range out {
			if safetext.Unsafe(r) && !(r == '\r' && strings.HasPrefix(out[i:], "\r\n")) {
				t.Fatalf("raw %U: %q", r, out[max(i-40, 0):min(i+40, len(out))])
			}
		}
		if !strings.Contains(out, "INJECTED_HEADING") && !strings.Contains(out, "INJECTED\\_HEADING") {
			t.Errorf("the payload is not in the output")
		}
	}
	for _, color := range []bool{false, true} {
		o := Options{Color: color, Width: 100}
		for _, f := range PlanFormats() {
			if BinaryFormat(f) {
				continue
			}
			t.Run(fmt.Sprintf("plan/%s/color=%v", f, color), func(t *testing.T) {
				var b strings.Builder
				if err := RenderPlan(&b, after, f, o); err != nil {
					t.Fatal(err)
				}
				check(t, b.String(), color)
			})
		}
		for _, f := range DiffFormats() {
			if BinaryFormat(f) {
				continue
			}
			t.Run(fmt.Sprintf("diff/%s/color=%v", f, color), func(t *testing.T) {
				var b strings.Builder
				tables := []string{""}
				if f == "csv" {
					tables = DiffSheetTables() // the payload is in some of them
				}
				for _, table := range tables {
					o := o
					o.Table = table
					if err := RenderDiff(&b, d, f, o); err != nil {
						t.Fatal(err)
					}
				}
				check(t, b.String(), color)
			})
		}
	}
	cfg, diags := hclspec.NewLoader().LoadDir(dir, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	sim, diags := simulate.Simulate(context.Background(), cfg, simulate.Options{Runs: 50, Seed: 1, Workers: 1})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, f := range SimulationFormats() {
		if BinaryFormat(f) {
			continue
		}
		for _, color := range []bool{false, true} {
			t.Run(fmt.Sprintf("simulate/%s/color=%v", f, color), func(t *testing.T) {
				var b strings.Builder
				if err := RenderSimulation(&b, sim, f, Options{Color: color, Width: 100}); err != nil {
					t.Fatal(err)
				}
				check(t, b.String(), color)
			})
		}
	}
	for _, f := range GraphFormats() {
		t.Run("graph/"+f, func(t *testing.T) {
			var b strings.Builder
			if err := RenderGraph(&b, after, f, GraphOptions{Goals: true}); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, r := range out {
				if safetext.Unsafe(r) {
					t.Fatalf("raw %U in the graph", r)
				}
			}
		})
	}
}

// TestDisplayCopyRecursiveTypes: strings reached through a type that
// contains itself are escaped too, at every depth, the first time the
// type is met or not.
func TestDisplayCopyRecursiveTypes(t *testing.T) {
	type node struct {
		Kids []node
		Next *node
		Name string
	}
	v := &node{Name: "root", Kids: []node{{Name: "kid \x1b[2J", Kids: []node{{Name: "grandkid \x1b]0;x\x07"}}}},
		Next: &node{Next: &node{Name: "third \x1b[2J"}}}
	got := displayCopy(v)
	for _, s := range []string{got.Kids[0].Name, got.Kids[0].Kids[0].Name, got.Next.Next.Name} {
		if strings.ContainsRune(s, 0x1b) {
			t.Errorf("%q left raw in the display copy", s)
		}
	}
	if v.Kids[0].Name != "kid \x1b[2J" {
		t.Error("displayCopy changed its input")
	}
}

// TestEscapeJSONTextLegacyCommand: "##[" inside a string leaves as
// "##\u005b", so the CLI's stream guard finds nothing to break up, and the
// JSON decodes to the same text (review qa17 A3).
func TestEscapeJSONTextLegacyCommand(t *testing.T) {
	for _, s := range []string{"##[error]x", "###[", "a##[b##[c", "#[ # [ ##", "##\u202e[", "[##]", "##["} {
		data, err := json.Marshal(map[string]string{"k": s})
		if err != nil {
			t.Fatal(err)
		}
		out := escapeJSONText(data)
		if strings.Contains(string(out), "##[") {
			t.Errorf("%q: the escaped JSON %s holds ##[", s, out)
		}
		var back map[string]string
		if err := json.Unmarshal(out, &back); err != nil || back["k"] != s {
			t.Errorf("%q: %s decodes to %q, %v", s, out, back["k"], err)
		}
	}
}
