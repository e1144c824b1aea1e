package hclspec

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/roadmap-as-code/roadmap/internal/synth"
)

// TestParseFastMatchesParseConfig wants fastParser to give
// hclsyntax.ParseConfig's body, range for range, for every source it
// accepts, and to accept the generated roadmaps (else the fast path
// would silently stop being taken). Sources it must refuse are those the
// parser treats differently: errors, operators, templates, comments.
func TestParseFastMatchesParseConfig(t *testing.T) {
	type source struct {
		name   string
		src    string
		accept bool // the fast parser must take it
	}
	var sources []source
	for _, pattern := range []string{"testdata/*/*/*.hcl", "testdata/*/*.hcl", "../examples/*/*.hcl"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			sources = append(sources, source{name: p, src: string(src)})
		}
	}
	for _, n := range []int{60, 1000} {
		for _, f := range synth.Generate(synth.Sized(n, 3)) {
			sources = append(sources, source{name: f.Name, src: string(f.Content), accept: !strings.Contains(f.Name, "roadmap") && !strings.Contains(f.Name, "checks")})
		}
	}
	for i, s := range []struct {
		src    string
		accept bool
	}{
		{"", true},
		{"\n\n", true},
		{"  \n", true},
		{"a {\n}\n", true},
		{"a {}\n", true},
		{"a {}", true},
		{"a \"x\" y \"\" {\n  b = 1\n}", true},
		{"a \"x\" {\n  b = 1.25\n  c = \"s $x % $ %\"\n  d = [ ]\n  e = {}\n  f = true\n  g = null\n  h = false\n  i = x.y-z.w_1\n}\n", true},
		{"a \"x\" {\n  l = [1,\n\n 2 ,\"a\", [b.c], {k = 1}\n  ]\n  m = { a = 1, \"b\" = [2]\n\n c = { d = 3 },\n }\n}\n", true},
		{"a {\n  b {\n    c {\n    }\n  }\n\n  d = 007\n}\n\n\n", true},
		{"a {\n\tb\t=\t1\t\n}\n", true},
		{"a {\n  b = \"\"\n  c = \"$\"\n  d = \"%\"\n  e = \"a$\"\n}\n", true},
		{"a {\n  x = 1\n  x = 2\n}\n", false},
		{"x = 1\n", false},
		{"a { b = 1 }\n", false},
		{"a {\n  b = 1 + 2\n}\n", false},
		{"a {\n  b = -1\n}\n", false},
		{"a {\n  b = 1e5\n}\n", false},
		{"a {\n  b = 1.\n}\n", false},
		{"a {\n  b = 1.2.3\n}\n", false},
		{"a {\n  b = x[0]\n}\n", false},
		{"a {\n  b = x .y\n}\n", false},
		{"a {\n  b = [x\n  .y]\n}\n", false},
		{"a {\n  b = f(x)\n}\n", false},
		{"a {\n  b = x ? 1 : 2\n}\n", false},
		{"a {\n  b = x == y\n}\n", false},
		{"a {\n  b = { k == 1 }\n}\n", false},
		{"a {\n  b = \"${x}\"\n}\n", false},
		{"a {\n  b = \"$${x}\"\n}\n", false},
		{"a {\n  b = \"a\\nb\"\n}\n", false},
		{"a {\n  b = \"é\"\n}\n", false},
		{"a {\n  b = 1 # c\n}\n", true},
		{"# c\na {\n}\n", true},
		{"// c\n\na {\n  b = 1 # x\n  c = [1, # y\n 2 // z\n]\n  d = { e = 1 # z\n f = 2, // v\n g = x.y # w\n }\n} // w\n", true},
		{"a {\n  b = 1\n}\n# end", true},
		{"# only", true},
		{"  # only\n", true},
		{"a { # c\n}\n", true},
		{"a {\n  # c\n\n  b = 1\n  c {\n  } # d\n}\n", true},
		{"a \"x\" { // c\n  b = \"#\" // \"d\"\n}\n", true},
		{"a {\n  b = 1 / 2\n}\n", false},
		{"a {\n  b = 1 /* c */\n}\n", false},
		{"/* c */\na {\n}\n", false},
		{"# \u00e9\na {\n}\n", false},
		{"a # c\n{\n}\n", false},
		{"a {\n  b = # c\n 1\n}\n", false},
		{"a {\n  b = { c # d\n = 1 }\n}\n", false},
		{"a {\r\n}\r\n", false},
		{"a {\n  b = [for x in y: x]\n}\n", false},
		{"a {\n  b = 1\n", false},
		{"a {\n  b = 1\n} c {\n}\n", false},
		{"a {\n  b = [1 2]\n}\n", false},
		{"a {\n  b = {c = 1 d = 2}\n}\n", false},
		{"a {\n  b = {c\n = 1}\n}\n", false},
		{"a {\n  b =\n 1\n}\n", false},
		{"a\n{\n}\n", false},
		{"a = {\n}\n", false},
		{"a {\n  b = 1 c\n}\n", false},
		{"a {\n  b = 1\x00\n}\n", false},
		{"\x00", false},
		{"a {\n  b = true.x\n}\n", false},
		{"a {\n  b = (1)\n}\n", false},
		{"a {\n  b = <<EOT\nx\nEOT\n}\n", false},
		{"a {\n  b = 1" + strings.Repeat("0", 400) + "\n}\n", false},
		{"a {\n  b = 0." + strings.Repeat("0", 400) + "1\n}\n", false},
		{"a {\n  b = \"" + strings.Repeat("x", MaxStringBytes+1) + "\"\n}\n", false},
		{"a {\n  b = \"" + strings.Repeat("x", MaxStringBytes) + "\"\n}\n", true},
	} {
		sources = append(sources, source{name: "case" + string(rune('A'+i)), src: s.src, accept: s.accept})
	}
	accepted := 0
	var p fastParser
	for _, s := range sources {
		for _, start := range []hcl.Pos{hcl.InitialPos, {Line: 7, Column: 1, Byte: 300}} {
			got, ok := p.parseBody([]byte(s.src), s.name, start)
			if !ok {
				if s.accept {
					t.Errorf("%s: not taken by the fast parser", s.name)
				}
				continue
			}
			accepted++
			f, diags := hclsyntax.ParseConfig([]byte(s.src), s.name, start)
			if diags.HasErrors() {
				t.Errorf("%s: taken by the fast parser, but the parser finds errors: %v", s.name, diags)
				continue
			}
			want := f.Body.(*hclsyntax.Body)
			if len(want.Attributes) > 0 {
				t.Errorf("%s: top-level attributes taken", s.name)
			}
			if d := checkBody(got, 0); len(d) > 0 {
				t.Errorf("%s: taken by the fast parser, but checkBody finds %v", s.name, d)
			}
			if !reflect.DeepEqual(want, got) {
				t.Errorf("%s: bodies differ (-parser +fast):\n%s", s.name, cmp.Diff(want, got, cmp.Exporter(func(reflect.Type) bool { return true }),
					cmp.Comparer(func(a, b cty.Value) bool { return a.RawEquals(b) })))
			}
		}
	}
	if accepted < 30 {
		t.Fatalf("only %d sources taken by the fast parser", accepted)
	}
}

// FuzzParseFast wants, for any source the fast parser takes, the body
// hclsyntax.ParseConfig gives, without errors, and nothing for
// checkBody to report.
func FuzzParseFast(f *testing.F) {
	for _, s := range []string{
		"a \"x\" {\n  b = 1.25\n  c = \"s\"\n  d = [x.y, 2]\n  e = { k = 1, \"l\" = [] }\n}\n",
		"# c\na {\n  b = true # d\n  c {\n  } // e\n}\n",
		"a {\n  b = [1,\n 2 # c\n]\n}",
		"\n\n a b \"\" {}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var p fastParser
		got, ok := p.parseBody(src, "f.hcl", hcl.Pos{Line: 3, Column: 1, Byte: 40})
		if !ok {
			return
		}
		file, diags := hclsyntax.ParseConfig(src, "f.hcl", hcl.Pos{Line: 3, Column: 1, Byte: 40})
		if diags.HasErrors() {
			t.Fatalf("taken by the fast parser, but the parser finds errors: %v", diags)
		}
		if want := file.Body.(*hclsyntax.Body); !reflect.DeepEqual(want, got) {
			t.Fatalf("bodies differ (-parser +fast):\n%s", cmp.Diff(want, got, cmp.Exporter(func(reflect.Type) bool { return true }),
				cmp.Comparer(func(a, b cty.Value) bool { return a.RawEquals(b) })))
		}
		if d := checkBody(got, 0); len(d) > 0 {
			t.Fatalf("taken by the fast parser, but checkBody finds %v", d)
		}
	})
}
