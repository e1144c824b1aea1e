package evaluate

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/golden"
)

// TestGoldenPlans loads each roadmap under testdata/<case>/, evaluates it
// and compares the JSON plan (and any diagnostics) with
// testdata/<case>/plan.golden.json. Regenerate with -update and review the
// diff: the figures are documented in the roadmaps' comments and in
// docs/evaluation.md.
func TestGoldenPlans(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "*", "*.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range dirs {
		dir := filepath.Dir(f)
		if seen[dir] {
			continue
		}
		seen[dir] = true
		t.Run(filepath.Base(dir), func(t *testing.T) {
			got := goldenOutput(t, dir)
			golden.Assert(t, filepath.Join(dir, "plan.golden.json"), got)
		})
	}
	if len(seen) < 6 {
		t.Errorf("only %d golden roadmaps under testdata/", len(seen))
	}
}

// goldenOutput is the indented JSON plan of dir, with the evaluation's
// diagnostics (warnings, check errors) under "diagnostics".
func goldenOutput(t *testing.T, dir string) []byte {
	t.Helper()
	cfg, diags := hclspec.NewLoader().LoadDir(dir, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatalf("load %s: %v", dir, diags)
	}
	// Only the evaluation's diagnostics: the loader's are its own tests'.
	plan, diags := Evaluate(context.Background(), cfg, Options{})
	if plan == nil {
		t.Fatalf("no plan for %s: %v", dir, diags)
	}
	out := struct {
		Plan        *Plan    `json:"plan"`
		Diagnostics []string `json:"diagnostics"`
	}{Plan: plan, Diagnostics: []string{}}
	for _, d := range diags {
		sev := "error"
		if d.Severity == hcl.DiagWarning {
			sev = "warning"
		}
		out.Diagnostics = append(out.Diagnostics, sev+": "+d.Summary+": "+d.Detail)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		t.Fatal(err)
	}
	return []byte(strings.ReplaceAll(buf.String(), filepath.ToSlash(dir)+"/", ""))
}
