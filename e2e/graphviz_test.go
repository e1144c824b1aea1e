package e2e

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/report"
)

// Graphviz must accept every DOT graph and draw a node per project (and
// goal, choice and replaced system), so `roadmap graph | dot -Tsvg` works.
func TestDOTRendersWithGraphviz(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		unavailable(t, "graphviz (dot) is not installed")
	}
	for _, name := range append(fixtures(), "tricky") {
		for _, goals := range []bool{false, true} {
			t.Run(name+map[bool]string{false: "", true: "/goals"}[goals], func(t *testing.T) {
				p := trickyPlan()
				if name != "tricky" {
					p = loadPlan(t, name)
				}
				var src bytes.Buffer
				if err := report.RenderGraph(&src, p, "dot", report.GraphOptions{Goals: goals}); err != nil {
					t.Fatal(err)
				}
				ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				defer cancel()
				cmd := exec.CommandContext(ctx, dot, "-Tsvg")
				cmd.Stdin = &src
				var out, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &stderr
				if err := cmd.Run(); err != nil {
					t.Fatalf("dot: %v\n%s\n%s", err, stderr.String(), src.String())
				}
				if stderr.Len() > 0 {
					t.Errorf("dot warned: %s", stderr.String())
				}
				want := graphNodes(p, goals)
				if got := strings.Count(out.String(), `class="node"`); got != want {
					t.Errorf("dot drew %d nodes, want %d", got, want)
				}
				for _, pr := range p.Projects {
					if !strings.Contains(out.String(), "<title>"+htmlEscape(pr.ID)+"</title>") {
						t.Errorf("no node titled %s in the SVG", pr.ID)
					}
				}
			})
		}
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "-", "&#45;").Replace(s)
}

// graphNodes is how many nodes the graph of p has: its projects, its
// choices, the systems its projects replace and, with goals, its goals.
func graphNodes(p *evaluate.Plan, goals bool) int {
	n := len(p.Projects) + len(p.Choices)
	systems := map[string]bool{}
	for _, pr := range p.Projects {
		for _, s := range pr.Replaces {
			systems[s] = true
		}
	}
	n += len(systems)
	if goals {
		n += len(p.Goals)
	}
	return n
}
