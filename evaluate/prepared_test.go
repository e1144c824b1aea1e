package evaluate

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// A prepared roadmap's runs reuse the order of its projects' dependencies
// and their alignment only while a run's projects keep them: copies with
// other goals or dependencies get the outcomes a fresh evaluation of
// those projects gets.
func TestPreparedRunsFollowTheirProjects(t *testing.T) {
	cfg := largeConfig(60, 4, 24)
	prep, diags := Prepare(cfg)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	outcomes := func(projects []*hclspec.Project) []Outcome {
		t.Helper()
		run, diags := prep.Schedule(context.Background(), projects)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		var out []Outcome
		for i := range projects {
			out = append(out, run.Project(i))
		}
		return out
	}
	fresh := func(projects []*hclspec.Project) []Outcome {
		t.Helper()
		c := *cfg
		c.Projects = projects
		p, diags := Prepare(&c)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		run, diags := p.Schedule(context.Background(), projects)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		var out []Outcome
		for i := range projects {
			out = append(out, run.Project(i))
		}
		return out
	}
	copies := func() []*hclspec.Project {
		out := make([]*hclspec.Project, len(cfg.Projects))
		for i, p := range cfg.Projects {
			c := *p
			out[i] = &c
		}
		return out
	}

	same := copies() // share the configured goals and dependencies
	if diff := cmp.Diff(fresh(cfg.Projects), outcomes(same)); diff != "" {
		t.Errorf("copies sharing goals and dependencies (-fresh +run):\n%s", diff)
	}

	goals := copies()
	for i, p := range goals {
		if i%2 == 0 {
			p.Goals = maps.Clone(p.Goals)
			for id := range p.Goals {
				p.Goals[id] = 0 // no longer aligned: the alignment gate drops it
			}
		}
	}
	want, got := fresh(goals), outcomes(goals)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("copies with other goals (-fresh +run):\n%s", diff)
	}
	if cmp.Equal(want, outcomes(same)) {
		t.Fatal("other goals changed no outcome: the test shows nothing")
	}

	// Each third project now depends on the next, which the alignment
	// gate drops: the gates must visit that one first to drop it too.
	deps := copies()
	for i, p := range deps {
		p.DependsOn = slices.Clone(p.DependsOn)
		if i%3 == 0 && i+1 < len(deps) {
			p.DependsOn = []string{fmt.Sprintf("p%05d", i+1)}
			deps[i+1].Goals = map[string]float64{}
		}
	}
	want, got = fresh(deps), outcomes(deps)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("copies with other dependencies (-fresh +run):\n%s", diff)
	}
	if cmp.Equal(want, outcomes(same)) {
		t.Fatal("other dependencies changed no outcome: the test shows nothing")
	}

	// Each third project now runs together with the next, which the
	// alignment gate drops: the together gate must drop it too.
	together := copies()
	for i, p := range together {
		if i%3 == 0 && i+1 < len(together) {
			p.Together = []string{fmt.Sprintf("p%05d", i+1)}
			together[i+1].Goals = map[string]float64{}
		}
	}
	want, got = fresh(together), outcomes(together)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("copies with other together lists (-fresh +run):\n%s", diff)
	}
	if !slices.ContainsFunc(got, func(o Outcome) bool { return o.Gate == GateTogether }) {
		t.Fatal("no project dropped by the together gate: the test shows nothing")
	}

	// A roadmap with together groups: copies keeping them use the groups
	// worked out once.
	c := *cfg
	c.Projects = together
	grouped, diags := Prepare(&c)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	kept := make([]*hclspec.Project, len(together))
	for i, p := range together {
		q := *p
		q.Together = slices.Clone(p.Together)
		kept[i] = &q
	}
	run, diags := grouped.Schedule(context.Background(), kept)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var keptOut []Outcome
	for i := range kept {
		keptOut = append(keptOut, run.Project(i))
	}
	if diff := cmp.Diff(fresh(kept), keptOut); diff != "" {
		t.Errorf("copies keeping the together groups (-fresh +run):\n%s", diff)
	}
}
