package main

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestGraphExample(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{"dot", []string{"graph", exampleDir}, "graph/it-department.dot"},
		{"dot with goals", []string{"graph", "--goals", exampleDir}, "graph/it-department.goals.dot"},
		{"mermaid", []string{"graph", "--format", "mermaid", exampleDir}, "graph/it-department.mmd"},
		{"mermaid with goals", []string{"graph", "--format=mermaid", "--goals", exampleDir}, "graph/it-department.goals.mmd"},
		// A choice, a together group and replaced systems (qa15f L20).
		{"constraints dot", []string{"graph", filepath.Join("testdata", "installed-base")}, "graph/installed-base.dot"},
		{"constraints mermaid", []string{"graph", "--format", "mermaid", filepath.Join("testdata", "installed-base")}, "graph/installed-base.mmd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runCLI(t, tt.args...)
			res.wantExit(t, 0)
			if res.Stderr != "" {
				t.Errorf("stderr = %q, want nothing", res.Stderr)
			}
			assertGolden(t, tt.golden, res.Stdout)
		})
	}
}

// Variables change the plan and so the graph: with no capex left, the
// capex-funded projects can no longer be scheduled.
func TestGraphVariables(t *testing.T) {
	base := runCLI(t, "graph", exampleDir)
	base.wantExit(t, 0)
	varFile := filepath.Join(t.TempDir(), "tight.vars.hcl")
	writeFiles(t, filepath.Dir(varFile), map[string]string{filepath.Base(varFile): "capex = 1\n"})
	for _, args := range [][]string{
		{"graph", "--var", "capex=1", exampleDir},
		{"graph", "--var-file", varFile, exampleDir},
	} {
		res := runCLI(t, args...)
		res.wantExit(t, 0)
		if res.Stdout == base.Stdout {
			t.Errorf("%v: the graph did not change with capex = 1", args)
		}
		if !strings.Contains(res.Stdout, "dashed") {
			t.Errorf("%v: no project is styled as deferred or dropped:\n%s", args, res.Stdout)
		}
	}
	env := cliRun{Args: []string{"graph", exampleDir}, Env: []string{"ROADMAP_VAR_capex=1"}}.run(t)
	env.wantExit(t, 0)
	if env.Stdout == base.Stdout {
		t.Error("ROADMAP_VAR_capex did not change the graph")
	}
}

func TestGraphBadInput(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"roadmap.hcl": "roadmap {\n  name = \"x\"\n  horizon = 0\n}\n"})
	tests := []struct {
		name       string
		args       []string
		wantStderr []string
	}{
		{"unknown format", []string{"graph", "--format", "svg", exampleDir}, []string{`unknown graph format "svg": use one of dot, mermaid`}},
		{"two directories", []string{"graph", "a", "b"}, []string{"accepts at most 1 arg"}},
		{"bad variable", []string{"graph", "--var", "risk_appetite=2", exampleDir}, []string{"The risk appetite is a fraction between 0 and 1.", "variables.hcl"}},
		{"bad roadmap", []string{"graph", dir}, []string{"roadmap.hcl line 3", "Invalid horizon"}},
		{"missing directory", []string{"graph", filepath.Join(dir, "nope")}, []string{"nope"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runCLI(t, tt.args...)
			res.wantExit(t, 1)
			if res.Stdout != "" {
				t.Errorf("stdout = %q, want nothing", res.Stdout)
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(res.Stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, res.Stderr)
				}
			}
		})
	}
}

// The pictures come out of plan and show alike: a saved plan renders to the
// same bytes as the live one, and twice the same.
func TestPlanAndShowPictures(t *testing.T) {
	saved := filepath.Join(t.TempDir(), "plan.json")
	for _, format := range []string{"html", "mermaid"} {
		t.Run(format, func(t *testing.T) {
			live := runCLI(t, "plan", "--format", format, "--out", saved, exampleDir)
			live.wantExit(t, 0)
			again := runCLI(t, "plan", "--format", format, exampleDir)
			again.wantExit(t, 0)
			if live.Stdout != again.Stdout {
				t.Error("two runs of plan gave different bytes")
			}
			shown := runCLI(t, "show", "--format", format, saved)
			shown.wantExit(t, 0)
			if shown.Stdout != live.Stdout {
				t.Errorf("show of the saved plan differs from plan:\n%s", cmpLines(live.Stdout, shown.Stdout))
			}
			prefix := map[string]string{"html": "<!DOCTYPE html>\n", "mermaid": "gantt\n"}[format]
			if !strings.HasPrefix(live.Stdout, prefix) {
				t.Errorf("output starts %q, want %q", live.Stdout[:min(40, len(live.Stdout))], prefix)
			}
		})
	}
}

// cmpLines shows the first differing line of two outputs.
func cmpLines(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "line " + strconv.Itoa(i+1) + ":\n- " + la[i] + "\n+ " + lb[i]
		}
	}
	return "one output is a prefix of the other"
}

// TestGraphForced: graph takes --force-in/--force-out as plan does and
// marks the forced projects (review qa15d D3: it drew the plan without the
// what-if).
func TestGraphForced(t *testing.T) {
	res := runCLI(t, "graph", "--force-in", "edr_rollout", "--force-out", "sso_rollout", exampleDir)
	res.wantExit(t, 0)
	for _, want := range []string{"edr_rollout · rank 2 · forced in · 2027-Q1–2027-Q2", "sso_rollout · rank 8 · forced out · dropped at excluded"} {
		if !strings.Contains(res.Stdout, want) {
			t.Errorf("graph lacks %q:\n%s", want, res.Stdout)
		}
	}
	runCLI(t, "graph", "--force-in", "nope", exampleDir).wantExit(t, 1)
}
