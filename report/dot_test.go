package report

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

func TestRenderGraphGolden(t *testing.T) {
	tests := []struct {
		format, ext string
		goals       bool
	}{
		{"dot", ".dot", false},
		{"dot", ".goals.dot", true},
		{"mermaid", ".flow.mmd", false},
		{"mermaid", ".goals.flow.mmd", true},
	}
	plans := picsPlans(t)
	for _, name := range slices.Sorted(maps.Keys(plans)) {
		p := plans[name]
		for _, tt := range tests {
			t.Run(name+tt.ext, func(t *testing.T) {
				var buf bytes.Buffer
				if err := RenderGraph(&buf, p, tt.format, GraphOptions{Goals: tt.goals}); err != nil {
					t.Fatal(err)
				}
				assertPicsGolden(t, name+tt.ext, buf.Bytes())
				checkGraph(t, p, tt.format, tt.goals, buf.String())
			})
		}
	}
}

// checkGraph asserts every project is a node styled by its status, every
// dependency an edge, and goal edges only when asked for.
func checkGraph(t *testing.T, p *evaluate.Plan, format string, goals bool, src string) {
	t.Helper()
	lines := strings.Split(src, "\n")
	count := func(pred func(string) bool) int {
		n := 0
		for _, l := range lines {
			if pred(l) {
				n++
			}
		}
		return n
	}
	for _, pr := range p.Projects {
		var node string
		switch format {
		case "dot":
			node = "\t" + dotQuote(pr.ID) + " [label="
		default:
			node = "    " + mermaidID("p", pr.ID) + `["`
		}
		nodeLines := count(func(l string) bool { return strings.HasPrefix(l, node) })
		if nodeLines != 1 {
			t.Errorf("project %s has %d node lines, want 1", pr.ID, nodeLines)
		}
		if format == "dot" && pr.Status != evaluate.StatusScheduled {
			if count(func(l string) bool { return strings.HasPrefix(l, node) && strings.Contains(l, "dashed") }) != 1 {
				t.Errorf("%s project %s is not dashed", pr.Status, pr.ID)
			}
		}
		if format == "mermaid" && !strings.Contains(src, mermaidID("p", pr.ID)) {
			t.Errorf("project %s missing", pr.ID)
		}
		for _, dep := range pr.DependsOn {
			var edge string
			if format == "dot" {
				edge = "\t" + dotQuote(dep) + " -> " + dotQuote(pr.ID) + ";"
			} else {
				edge = "    " + mermaidID("p", dep) + " --> " + mermaidID("p", pr.ID)
			}
			if count(func(l string) bool { return l == edge }) != 1 {
				t.Errorf("edge %s -> %s missing", dep, pr.ID)
			}
		}
	}
	goalEdges := count(func(l string) bool {
		return strings.Contains(l, "goal:") && strings.Contains(l, "->") || strings.Contains(l, "-.->")
	})
	want := 0
	if goals {
		for _, pr := range p.Projects {
			for _, c := range pr.Goals {
				if c > 0 {
					want++
				}
			}
		}
	}
	if goalEdges != want {
		t.Errorf("%d goal edges, want %d", goalEdges, want)
	}
}

func TestRenderGraphUnknownFormat(t *testing.T) {
	err := RenderGraph(&bytes.Buffer{}, &evaluate.Plan{}, "svg", GraphOptions{})
	if err == nil || err.Error() != `unknown graph format "svg": use one of dot, mermaid` {
		t.Errorf("err = %v", err)
	}
}

func TestDotQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", `"plain"`},
		{`say "hi"`, `"say \"hi\""`},
		{`back\slash`, `"back\\slash"`},
		{"two\nlines", `"two\nlines"`},
	}
	for _, tt := range tests {
		if got := dotQuote(tt.in); got != tt.want {
			t.Errorf("dotQuote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// A project without a title is labelled by its id once, not "p1\np1 · ...".
func TestGraphUntitledProjectNamedOnce(t *testing.T) {
	b, e, label := 0, 1, "2027-Q1"
	p := &evaluate.Plan{Roadmap: evaluate.RoadmapInfo{Name: "x", Start: "2027-Q1", Period: "quarter", Horizon: 4},
		Projects: []evaluate.ProjectPlan{{ID: "p1", Rank: 1, Status: evaluate.StatusScheduled, StartPeriod: &b, EndPeriod: &e,
			Start: &label, End: &label, DependsOn: []string{}, Reasons: []string{}}}}
	for format, want := range map[string]string{
		"dot":     `"p1" [label="p1\nrank 1 · 2027-Q1"];`,
		"mermaid": `p_p1["p1<br/>rank 1 · 2027-Q1"]`,
	} {
		var buf bytes.Buffer
		if err := RenderGraph(&buf, p, format, GraphOptions{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), want) {
			t.Errorf("%s graph lacks %q:\n%s", format, want, buf.String())
		}
	}
}
