package hclspec

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// lexedNesting is the largest depth plus unary run checkTokenNesting
// sees at any token of src.
func lexedNesting(src []byte) int {
	tokens, _ := hclsyntax.LexConfig(src, "t.hcl", hcl.InitialPos)
	most, depth, unary := 0, 0, 0
	for _, t := range tokens {
		switch t.Type {
		case hclsyntax.TokenOParen, hclsyntax.TokenOBrack, hclsyntax.TokenOBrace,
			hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc,
			hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			depth++
			unary = 0
		case hclsyntax.TokenCParen, hclsyntax.TokenCBrack, hclsyntax.TokenCBrace,
			hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc, hclsyntax.TokenTemplateSeqEnd:
			if depth > 0 {
				depth--
			}
			unary = 0
		case hclsyntax.TokenMinus, hclsyntax.TokenBang:
			unary++
		default:
			unary = 0
		}
		most = max(most, depth+unary)
	}
	return most
}

// checkBoundHolds fails when nestingBound claims a bound below what the
// lexer sees.
func checkBoundHolds(t *testing.T, src []byte) {
	t.Helper()
	bound, _, sure := nestingBound(src, 0)
	if !sure {
		return
	}
	if got := lexedNesting(src); got > bound {
		t.Fatalf("nestingBound(%q) = %d, but the lexer nests %d deep", src, bound, got)
	}
}

func TestNestingBoundIsAnUpperBound(t *testing.T) {
	cases := []string{
		"",
		`a = "${"${"${x}"}"}"`,
		`a = "$${x} %%{y} $$${z}" b = "\"{" c = ${`,
		"a = [[[(1)]]] # ((((\n b = { c = { d = 1 } }",
		"a = - - - ! ! -1 // )))\n/* ]]] */ b = ---x",
		`a = "${ {a = "}"} }" b = "%{ if x ~}y%{~ endif }"`,
		`a = "${~x~}" b = "${x}}}"`,
		"} } } ((( x",
		"a = x != - y",
	}
	for _, c := range cases {
		checkBoundHolds(t, []byte(c))
	}
	// Random programs from the characters the lexer cares about.
	alphabet := []string{"(", ")", "[", "]", "{", "}", "\"", "${", "%{", "$${", "%%{", "~}", "~", "\\", "-", "!", "!=",
		" ", "\n", "#", "//", "/*", "*/", "/", "a", "1e-5", "x-y", "$", "%", "<", "*", "\r"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		checkBoundHolds(t, []byte(b.String()))
	}
}

// TestNestingBoundOnRealFiles checks the fast path is taken, and sound, on
// the roadmaps the tests load.
func TestNestingBoundOnRealFiles(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*/*.hcl")
	more, _ := filepath.Glob("../examples/*/*.hcl")
	for _, p := range append(paths, more...) {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		checkBoundHolds(t, src)
	}
}

func FuzzNestingBound(f *testing.F) {
	f.Add([]byte(`a = "${"${x}"}" b = [(1)]`))
	f.Add([]byte("a = - ! -x # c\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		checkBoundHolds(t, src)
	})
}
