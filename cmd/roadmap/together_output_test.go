package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// togetherChain is a roadmap of one together group of n projects (a
// chain of together lists) whose ids are idLen bytes long.
func togetherChain(n, idLen int) (string, []string) {
	var b strings.Builder
	b.WriteString("roadmap {\n  start = \"2027-Q1\"\n}\n")
	ids := make([]string, n)
	for i := range ids {
		p := fmt.Sprintf("p%04d_", i)
		ids[i] = p + strings.Repeat("x", idLen-len(p))
		fmt.Fprintf(&b, "project %q {\n  duration = 1\n", ids[i])
		if i > 0 {
			fmt.Fprintf(&b, "  together = [project.%s]\n", ids[i-1])
		}
		b.WriteString("}\n")
	}
	return b.String(), ids
}

// planJSON is the part of the JSON plan about together groups.
type planJSON struct {
	Projects []struct {
		ID            string   `json:"id"`
		Together      []string `json:"together"`
		TogetherCount int      `json:"together_count"`
	} `json:"projects"`
	TogetherGroups [][]string `json:"together_groups"`
}

// TestTogetherGroupOutputIsLinear: a group of n lists each member's
// partners up to 10 with their count, and the group once, so the JSON
// grows with n, not n x n (review qa17 A5: one group of 1,000 with
// 250-byte ids made 264 MB of JSON). A plan saved before together_groups,
// with every partner listed, reads back the same way.
func TestTogetherGroupOutputIsLinear(t *testing.T) {
	sizes := map[int]int{}
	for _, n := range []int{100, 200} {
		dir := t.TempDir()
		src, ids := togetherChain(n, 200)
		writeFiles(t, dir, map[string]string{"main.hcl": src})
		res := runCLI(t, "plan", "--format", "json", dir)
		res.wantExit(t, 0)
		sizes[n] = len(res.Stdout)
		var p planJSON
		if err := json.Unmarshal([]byte(res.Stdout), &p); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([][]string{ids}, p.TogetherGroups); diff != "" {
			t.Errorf("together_groups (-want +got):\n%s", diff)
		}
		for _, pr := range p.Projects {
			want := slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == pr.ID })[:10]
			if !slices.Equal(pr.Together, want) || pr.TogetherCount != n-1 {
				t.Fatalf("project %.8s: together %d ids, count %d; want the first 10 partners and %d", pr.ID, len(pr.Together), pr.TogetherCount, n-1)
			}
		}
	}
	if r := float64(sizes[200]) / float64(sizes[100]); r > 2.5 {
		t.Errorf("twice the group, %.1f times the JSON (%d -> %d bytes): not linear", r, sizes[100], sizes[200])
	}

	// A plan saved before: no together_groups, every partner listed.
	dir := t.TempDir()
	src, ids := togetherChain(30, 12)
	writeFiles(t, dir, map[string]string{"main.hcl": src})
	saved := filepath.Join(t.TempDir(), "plan.json")
	runCLI(t, "plan", "--out", saved, dir).wantExit(t, 0)
	var doc map[string]any
	if err := json.Unmarshal([]byte(readFile(t, saved)), &doc); err != nil {
		t.Fatal(err)
	}
	delete(doc, "together_groups")
	for _, pr := range doc["projects"].([]any) {
		m := pr.(map[string]any)
		delete(m, "together_count")
		m["together"] = slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == m["id"] })
	}
	old, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(saved, old, 0o644); err != nil {
		t.Fatal(err)
	}
	res := runCLI(t, "show", "--format", "json", saved)
	res.wantExit(t, 0)
	var p planJSON
	if err := json.Unmarshal([]byte(res.Stdout), &p); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]string{ids}, p.TogetherGroups); diff != "" {
		t.Errorf("together_groups of the old plan (-want +got):\n%s", diff)
	}
	for _, pr := range p.Projects {
		if len(pr.Together) != 10 || pr.TogetherCount != 29 {
			t.Fatalf("old plan's project %s: together %v, count %d; want 10 partners and 29", pr.ID, pr.Together, pr.TogetherCount)
		}
	}
	md := runCLI(t, "show", "--format", "markdown", saved)
	md.wantExit(t, 0)
	_, section, ok := strings.Cut(md.Stdout, "## Together groups")
	if !ok {
		t.Fatalf("no Together groups section:\n%s", md.Stdout)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	for _, id := range ids {
		if !strings.Contains(section, "`"+id+"`") {
			t.Errorf("the Together groups section of the old plan lacks %s", id)
		}
	}
}
