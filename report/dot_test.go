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

// Choices, together groups and replaced systems are edges of their own,
// drawn apart from depends_on (qa15f L20): every option of a choice is
// linked to its choice's node, the chosen one apart; every member of a
// together group to the next by rank; every replaced system to each
// project replacing it.
func TestGraphConstraintEdges(t *testing.T) {
	chosen := "buy"
	eos := "2028-Q2"
	p := &evaluate.Plan{Roadmap: evaluate.RoadmapInfo{Name: "x", Start: "2027-Q1", Period: "quarter", Horizon: 4},
		Projects: []evaluate.ProjectPlan{
			{ID: "buy", Rank: 1, Status: evaluate.StatusDeferred, Choice: "crm", Replaces: []string{"old"}},
			{ID: "pilot", Rank: 2, Status: evaluate.StatusDeferred, Together: []string{"rollout", "train"}},
			{ID: "build", Rank: 3, Status: evaluate.StatusDropped, Choice: "crm", Replaces: []string{"old", "fax"}},
			{ID: "train", Rank: 4, Status: evaluate.StatusDeferred, Together: []string{"pilot", "rollout"}},
			{ID: "rollout", Rank: 5, Status: evaluate.StatusDeferred, Together: []string{"pilot", "train"}},
		},
		Choices: []evaluate.ChoiceResult{{ID: "crm", Title: "CRM", Options: []string{"build", "buy"}, Chosen: &chosen}},
		Systems: []evaluate.SystemAudit{{ID: "old", Title: "Old CRM", EndOfSupport: &eos}},
	}
	for _, tt := range []struct {
		format string
		want   []string
	}{
		{"dot", []string{
			`	"choice:crm" [label="CRM\nchoice crm · chosen buy", shape=diamond, style="filled", fillcolor="#ede9fe", color="#6d28d9"];`,
			`	"system:old" [label="Old CRM\nsystem old · end of support 2028-Q2", shape=cylinder, style="filled", fillcolor="#f3f4f6", color="#6b7280"];`,
			`	"system:fax" [label="fax\nsystem", shape=cylinder, style="filled", fillcolor="#f3f4f6", color="#6b7280"];`,
			`	"choice:crm" -> "build" [style=dashed, color="#6d28d9", arrowhead=none, label="option"];`,
			`	"choice:crm" -> "buy" [style=bold, color="#6d28d9", label="chosen"];`,
			`	"pilot" -> "train" [dir=none, style=bold, color="#047857", label="together"];`,
			`	"train" -> "rollout" [dir=none, style=bold, color="#047857", label="together"];`,
			`	"build" -> "system:fax" [color="#b91c1c", arrowhead=tee, label="replaces"];`,
			`	"build" -> "system:old" [color="#b91c1c", arrowhead=tee, label="replaces"];`,
			`	"buy" -> "system:old" [color="#b91c1c", arrowhead=tee, label="replaces"];`,
		}},
		{"mermaid", []string{
			`    c_crm{"CRM<br/>choice crm · chosen buy"}`,
			`    s_old[("Old CRM<br/>system old · end of support 2028-Q2")]`,
			`    s_fax[("fax<br/>system")]`,
			`    c_crm -.-|option| p_build`,
			`    c_crm ==>|chosen| p_buy`,
			`    p_pilot ===|together| p_train`,
			`    p_train ===|together| p_rollout`,
			`    p_build --x|replaces| s_fax`,
			`    p_build --x|replaces| s_old`,
			`    p_buy --x|replaces| s_old`,
			`    class c_crm choice`,
			`    class s_old,s_fax system`,
		}},
	} {
		var buf bytes.Buffer
		if err := RenderGraph(&buf, p, tt.format, GraphOptions{}); err != nil {
			t.Fatal(err)
		}
		// Each line once, in this order.
		lines := strings.Split(buf.String(), "\n")
		last := -1
		for _, w := range tt.want {
			k := slices.Index(lines, w)
			if k < 0 || slices.Index(lines[k+1:], w) >= 0 || k < last {
				t.Errorf("%s: line %q missing, repeated or out of order in\n%s", tt.format, w, buf.String())
			}
			last = k
		}
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
