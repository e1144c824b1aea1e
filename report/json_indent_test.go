package report

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// wantIndent is encoding/json's own indentation of compact JSON.
func wantIndent(t *testing.T, compact []byte) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Indent(&b, compact, "", "  "); err != nil {
		t.Fatalf("json.Indent(%q): %v", compact, err)
	}
	return b.String()
}

func TestIndentJSONMatchesEncodingJSON(t *testing.T) {
	var docs [][]byte
	paths, _ := filepath.Glob("testdata/plans/*.json")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := json.Compact(&b, data); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		docs = append(docs, b.Bytes())
	}
	if len(docs) == 0 {
		t.Fatal("no plans found")
	}
	// Random values: nesting, empty containers, strings with quotes,
	// backslashes, brackets, commas, colons and non-ASCII.
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{`"`, `\`, `{`, `}`, `[`, `]`, `,`, `:`, "é", "\n", "a", " ", "\u2028", "<&>"}
	var value func(depth int) any
	value = func(depth int) any {
		switch k := r.IntN(6); {
		case depth > 4 || k == 0:
			var s strings.Builder
			for range r.IntN(6) {
				s.WriteString(pieces[r.IntN(len(pieces))])
			}
			return s.String()
		case k == 1:
			return r.Float64() * 1e6
		case k == 2:
			return nil
		case k == 3:
			m := map[string]any{}
			for range r.IntN(4) {
				m[pieces[r.IntN(len(pieces))]+"k"] = value(depth + 1)
			}
			return m
		default:
			l := []any{}
			for range r.IntN(4) {
				l = append(l, value(depth+1))
			}
			return l
		}
	}
	for range 2000 {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(value(0)); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, bytes.TrimSuffix(b.Bytes(), []byte{'\n'}))
	}
	for _, doc := range docs {
		if diff := cmp.Diff(wantIndent(t, doc), string(indentJSON(nil, doc, "  "))); diff != "" {
			t.Fatalf("indentJSON(%q) (-want +got):\n%s", doc, diff)
		}
	}
}
