package evaluate

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// mandatoryChain is n mandatory projects, each depending on the one
// before, over 8 quarters: the chain cannot fit (review qa15g F14).
func mandatoryChain(n int) *hclspec.Config {
	cfg := quarterly(8)
	addTeam(cfg, "t", 1e6, 0)
	for i := range n {
		p := addProject(cfg, newProject(fmt.Sprint("p", i), 1))
		p.Effort["t"] = 1
		p.Mandatory = i > 0
		if i > 0 {
			p.DependsOn = []string{fmt.Sprint("p", i-1)}
		}
	}
	return cfg
}

// One walk serves every mandatory project: a project an earlier one
// reached is skipped with all it needs, so a chain is walked once, not
// once per link (walking each anew was quadratic: 10,000 links took 51 s).
func TestNeedsWalkSharedAcrossRoots(t *testing.T) {
	const n = 50
	e := &evaluation{}
	cfg := mandatoryChain(n)
	e.projects = make([]*projectEval, n)
	e.index = map[string]int{}
	for i, p := range cfg.Projects {
		e.projects[i] = &projectEval{cfg: p, index: i}
		e.index[p.ID] = i
	}
	newWalk := func() *needsWalk {
		return &needsWalk{e: e, groupOf: map[string][]string{}, seen: map[string]bool{}, taken: map[string]bool{}}
	}
	walk := newWalk()
	total := 0
	for i := n - 1; i >= 0; i-- { // the last link first: it reaches all
		got := walk.from(e.projects[i])
		total += len(got)
		if i == n-1 && (len(got) != n || got[0] != "p49" || got[n-1] != "p0") {
			t.Errorf("the last link's walk %v, want p49 .. p0", got)
		}
		if i < n-1 && got != nil {
			t.Errorf("p%d, reached already, walked again: %v", i, got)
		}
	}
	if total != n {
		t.Errorf("%d projects walked for a chain of %d", total, n)
	}
	// Walked from the first link on, each walk adds one project.
	walk = newWalk()
	for i := range n {
		if got := walk.from(e.projects[i]); !slices.Equal(got, []string{fmt.Sprint("p", i)}) {
			t.Errorf("p%d: %v, want only itself", i, got)
		}
	}
}

func BenchmarkMandatoryChain(b *testing.B) {
	for _, n := range []int{1000, 3000} {
		b.Run(fmt.Sprintf("projects=%d", n), func(b *testing.B) {
			cfg := mandatoryChain(n)
			b.ReportAllocs()
			for b.Loop() {
				if _, diags := Evaluate(context.Background(), cfg, Options{}); diags.HasErrors() {
					b.Fatal(diags)
				}
			}
		})
	}
}
