package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate"
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
		want := wantIndent(t, doc)
		if diff := cmp.Diff(want, string(indentJSON(nil, doc, "  "))); diff != "" {
			t.Fatalf("indentJSON(%q) (-want +got):\n%s", doc, diff)
		}
		// Fed in pieces cut anywhere (inside strings, after a
		// backslash), the indenter gives the same.
		ind := jsonIndenter{indent: "  "}
		var got []byte
		for rest := doc; len(rest) > 0; {
			n := min(len(rest), 1+r.IntN(8))
			got = ind.append(got, rest[:n])
			rest = rest[n:]
		}
		if diff := cmp.Diff(want, string(got)); diff != "" {
			t.Fatalf("indenting %q in pieces (-want +got):\n%s", doc, diff)
		}
	}
}

func TestTopLevelValue(t *testing.T) {
	tests := []struct {
		doc, key string
		want     int // -1: absent
	}{
		{`{"projects":[]}`, "projects", 12},
		{`{"a":"\"projects\":","b":{"projects":1},"c":[{"projects":2}],"n":-1.5e3,"t":true,"projects":[]}`, "projects", 92},
		{`{"a":{"projects":[]},"b":null}`, "projects", -1},
		{`{"a":"x\\","projects":[1]}`, "projects", 22},
		{`{}`, "projects", -1},
	}
	for _, tt := range tests {
		got := topLevelValue([]byte(tt.doc), tt.key)
		if got != tt.want {
			t.Errorf("topLevelValue(%s, %q) = %d, want %d", tt.doc, tt.key, got, tt.want)
		}
		if got >= 0 && tt.doc[got] != '[' {
			t.Errorf("topLevelValue(%s) points at %q", tt.doc, tt.doc[got:])
		}
	}
}

// TestMarshalPlanMatchesEncoder: MarshalPlan, which encodes the projects
// one at a time into the indented output, gives what encoding/json gives
// for the whole plan with SetIndent.
func TestMarshalPlanMatchesEncoder(t *testing.T) {
	paths, _ := filepath.Glob("testdata/plans/*.json")
	if len(paths) == 0 {
		t.Fatal("no plans found")
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		p, err := DecodePlan(data)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		// Titles with characters a terminal must not see, and many
		// projects, so the output grows past its first estimate.
		for i := range p.Projects {
			p.Projects[i].Title += " \u202e<&>\x7f"
		}
		for len(p.Projects) > 0 && len(p.Projects) < 500 {
			p.Projects = append(p.Projects, p.Projects...)
		}
		got, err := MarshalPlan(p)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(normalizePlan(p)); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(escapeJSONText(want.Bytes())), string(got)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", path, diff)
		}
	}
}

// TestMarshalPlanEvaluated checks MarshalPlan on plans as Evaluate makes
// them (nil lists; a note without periods), grown so the projects
// MarshalPlan samples to size its output are smaller than the rest (the
// estimate falls short): the output is encoding/json's of the normalised
// plan, and the plan itself is left as it was.
func TestMarshalPlanEvaluated(t *testing.T) {
	p, same := examplePlan(t), examplePlan(t)
	if diff := cmp.Diff(same, p); diff != "" {
		t.Fatalf("two evaluations differ (-first +second):\n%s", diff)
	}
	grow := func(p *evaluate.Plan) {
		n := len(p.Projects)
		for len(p.Projects) < 3*sampleProjects {
			p.Projects = append(p.Projects, p.Projects[:n]...)
		}
		stride := len(p.Projects) / sampleProjects
		for i := range p.Projects {
			if i%stride != 0 {
				p.Projects[i].Title += strings.Repeat(" longer", 1000)
			}
		}
	}
	grow(p)
	grow(same)
	// Evaluate fills a note's lists; a plan built elsewhere may not.
	noted := slices.IndexFunc(p.Projects, func(pr evaluate.ProjectPlan) bool { return len(pr.Notes) > 0 })
	if noted < 0 {
		t.Fatal("no project with notes: the test does not cover normalising them")
	}
	for _, q := range []*evaluate.Plan{p, same} {
		n := &q.Projects[noted].Notes[0]
		n.Periods, n.HeldBy = nil, nil
	}
	got, err := MarshalPlan(p)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(same, p); diff != "" {
		t.Errorf("MarshalPlan changed the plan (-before +after):\n%s", diff)
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(normalizePlan(p)); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(escapeJSONText(want.Bytes())), string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(same, p); diff != "" {
		t.Errorf("normalizePlan changed the plan (-before +after):\n%s", diff)
	}

	// Written in pieces, the same bytes; several pieces, none much over
	// jsonPiece.
	var pieces writes
	if err := WritePlanJSON(&pieces, p); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(got), pieces.buf.String()); diff != "" {
		t.Errorf("WritePlanJSON (-MarshalPlan +WritePlanJSON):\n%s", diff)
	}
	if len(got) < 3*jsonPiece || pieces.n < 3 || pieces.largest > 2*jsonPiece {
		t.Errorf("WritePlanJSON wrote %d bytes in %d writes, the largest %d bytes: want %d or more bytes in pieces of about %d",
			len(got), pieces.n, pieces.largest, 3*jsonPiece, jsonPiece)
	}
	if diff := cmp.Diff(same, p); diff != "" {
		t.Errorf("WritePlanJSON changed the plan (-before +after):\n%s", diff)
	}
}

// writes records what is written to it and how.
type writes struct {
	buf        bytes.Buffer
	n, largest int
	failAfter  int // fail the write after this many; 0 never fails
}

func (w *writes) Write(p []byte) (int, error) {
	if w.failAfter > 0 && w.n == w.failAfter {
		return 0, errors.New("disk full")
	}
	w.n++
	w.largest = max(w.largest, len(p))
	return w.buf.Write(p)
}

// TestWritePlanJSONStopsWhenTheWriterFails: a failed write ends the plan's
// JSON at once, with the writer's error.
func TestWritePlanJSONStopsWhenTheWriterFails(t *testing.T) {
	p := examplePlan(t)
	for len(p.Projects) < 2000 {
		p.Projects = append(p.Projects, p.Projects...)
	}
	w := &writes{failAfter: 2}
	err := WritePlanJSON(w, p)
	if err == nil || err.Error() != "disk full" {
		t.Fatalf("err = %v, want the writer's", err)
	}
	if w.n != 2 {
		t.Errorf("%d writes went through, want 2: it went on after the failure", w.n)
	}
}
