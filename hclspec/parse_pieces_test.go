package hclspec

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/roadmap-as-code/roadmap/internal/synth"
)

// TestParsePiecesMatchesParseConfig parses files cut at every place
// nestingBound allows and wants the body, diagnostics and navigation
// hclsyntax.ParseConfig gives for the whole file.
func TestParsePiecesMatchesParseConfig(t *testing.T) {
	type source struct {
		name string
		src  []byte
	}
	var sources []source
	for _, pattern := range []string{"testdata/*/*/*.hcl", "testdata/*/*.hcl", "../examples/*/*.hcl"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			sources = append(sources, source{p, src})
		}
	}
	for _, f := range synth.Generate(synth.Sized(60, 3)) {
		sources = append(sources, source{f.Name, f.Content})
	}
	sources = append(sources,
		source{"crlf", []byte("goal \"a\" {\r\n  title = \"A\"\r\n}\r\n\r\ngoal \"b\" {\r\n}\r\n")},
		source{"attrs", []byte("a = 1\nb = 2\na = 3\n")},
		source{"broken", []byte("goal \"a\" {\n}\n)\ngoal \"b\" {\n  x = [\n}\n")},
		source{"unclosed", []byte("goal \"a\" {\n}\ngoal \"b\" {\n")},
	)
	if len(sources) < 20 {
		t.Fatalf("only %d sources found", len(sources))
	}
	cutSome := 0
	for _, s := range sources {
		_, cuts, sure := nestingBound(s.src, 1)
		if !sure {
			continue
		}
		cutSome += len(cuts)
		want, wantDiags := hclsyntax.ParseConfig(s.src, s.name, hcl.InitialPos)
		got, gotDiags, _ := parseConfigPieces(s.src, s.name, cuts)
		if !reflect.DeepEqual(want.Body, got.Body) {
			t.Errorf("%s: the body parsed in %d pieces differs from the whole file's", s.name, len(cuts)+1)
		}
		if !reflect.DeepEqual(wantDiags, gotDiags) {
			t.Errorf("%s: diagnostics differ:\nwant %v\n got %v", s.name, wantDiags, gotDiags)
		}
		type nav interface {
			ContextString(int) string
			ContextDefRange(int) hcl.Range
		}
		wn, gn := want.Nav.(nav), got.Nav.(nav)
		for off := 0; off <= len(s.src); off += 7 {
			if w, g := wn.ContextString(off), gn.ContextString(off); w != g {
				t.Fatalf("%s: context at %d: want %q, got %q", s.name, off, w, g)
			}
			if w, g := wn.ContextDefRange(off), gn.ContextDefRange(off); w != g {
				t.Fatalf("%s: context range at %d: want %v, got %v", s.name, off, w, g)
			}
		}
	}
	if cutSome < 100 {
		t.Fatalf("only %d cuts made: the test checks too little", cutSome)
	}
}

// BenchmarkParseProjectsFile parses the projects file of a synthetic
// 10,000-project roadmap (5 MiB) as the loader does (limits checked,
// parsed in pieces), and with a plain hclsyntax.ParseConfig for
// comparison.
func BenchmarkParseProjectsFile(b *testing.B) {
	// The generator's project files joined: the whole portfolio in one
	// 5 MiB file.
	var src []byte
	for _, f := range synth.Generate(synth.Sized(10000, 1)) {
		if strings.HasPrefix(f.Name, "30_projects") {
			src = append(src, f.Content...)
		}
	}
	if len(src) < 5<<20 {
		b.Fatalf("the generated projects take %d bytes, want a file of 5 MiB or more", len(src))
	}
	b.SetBytes(int64(len(src)))
	b.Run("within_limits", func(b *testing.B) {
		for b.Loop() {
			if _, diags := ParseConfigWithinLimits(src, "30_projects.hcl"); diags.HasErrors() {
				b.Fatal(diags)
			}
		}
	})
	b.Run("plain_parse", func(b *testing.B) {
		for b.Loop() {
			if _, diags := hclsyntax.ParseConfig(src, "30_projects.hcl", hcl.InitialPos); diags.HasErrors() {
				b.Fatal(diags)
			}
		}
	})
}
