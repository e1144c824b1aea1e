package hclspec

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// TestAutoVarFiles: every *.auto.vars.hcl in the directory is loaded, in
// lexical order, after the environment and before --var-file and --var.
func TestAutoVarFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.hcl"), variablesRoadmap)
	writeFile(t, filepath.Join(dir, "a.auto.vars.hcl"), "n = 10\ns = \"auto a\"\n")
	writeFile(t, filepath.Join(dir, "b.auto.vars.hcl"), "n = 11\n")
	// Not automatic: only with --var-file.
	manual := filepath.Join(dir, "prod.vars.hcl")
	writeFile(t, manual, "n = 20\n")

	tests := []struct {
		name    string
		opts    LoadOptions
		want    cty.Value
		wantStr string
	}{
		{"later auto file wins", LoadOptions{}, cty.NumberIntVal(11), "auto a"},
		{"auto files beat the environment", LoadOptions{Env: []string{"ROADMAP_VAR_n=2", "ROADMAP_VAR_s=env"}}, cty.NumberIntVal(11), "auto a"},
		{"--var-file beats auto files", LoadOptions{VarFiles: []string{manual}}, cty.NumberIntVal(20), "auto a"},
		{"--var beats everything", LoadOptions{VarFiles: []string{manual}, Vars: []string{"n=30"}}, cty.NumberIntVal(30), "auto a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags := NewLoader().LoadDir(dir, tt.opts)
			if diags.HasErrors() {
				t.Fatalf("diagnostics:\n%s", formatDiagnostics(dir, diags))
			}
			if got := cfg.VariableValues["n"]; !got.RawEquals(tt.want) {
				t.Errorf("var.n = %#v, want %#v", got, tt.want)
			}
			if got := cfg.VariableValues["s"].AsString(); got != tt.wantStr {
				t.Errorf("var.s = %q, want %q", got, tt.wantStr)
			}
		})
	}
}

// TestAutoVarFileProblems: an automatic variable file is checked like a
// --var-file, with diagnostics on its own lines.
func TestAutoVarFileProblems(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.hcl"), variablesRoadmap)
	writeFile(t, filepath.Join(dir, "team.auto.vars.hcl"), "n = 3\nnn = 4\n")
	_, diags := NewLoader().LoadDir(dir, LoadOptions{})
	if diags.HasErrors() {
		t.Fatalf("diagnostics:\n%s", formatDiagnostics(dir, diags))
	}
	if len(diags) != 1 || diags[0].Severity != hcl.DiagWarning || diags[0].Summary != "Value for undeclared variable" {
		t.Fatalf("want one undeclared-variable warning, got:\n%s", formatDiagnostics(dir, diags))
	}
	got := diags[0]
	if got.Subject == nil || filepath.Base(got.Subject.Filename) != "team.auto.vars.hcl" || got.Subject.Start.Line != 2 {
		t.Errorf("warning at %v, want team.auto.vars.hcl line 2", got.Subject)
	}
	if !strings.Contains(got.Detail, `Did you mean "n"?`) {
		t.Errorf("detail %q lacks the suggestion", got.Detail)
	}

	writeFile(t, filepath.Join(dir, "team.auto.vars.hcl"), "n = \n")
	_, diags = NewLoader().LoadDir(dir, LoadOptions{})
	if !diags.HasErrors() || diags[0].Subject == nil || filepath.Base(diags[0].Subject.Filename) != "team.auto.vars.hcl" {
		t.Errorf("want a syntax error in team.auto.vars.hcl, got:\n%s", formatDiagnostics(dir, diags))
	}
}

// TestAutoVarFilesFromSources: LoadSources (a directory at a git
// revision) applies the automatic variable files among its sources.
func TestAutoVarFilesFromSources(t *testing.T) {
	sources := map[string][]byte{
		"r/main.hcl":         []byte(variablesRoadmap),
		"r/b.auto.vars.hcl":  []byte("n = 11\n"),
		"r/a.auto.vars.hcl":  []byte("n = 10\ns = \"auto a\"\n"),
		"r/prod.vars.hcl":    []byte("n = 20\n"),
		"r/.hidden.vars.hcl": []byte("n = 40\n"),
	}
	cfg, diags := NewLoader().LoadSources("r", sources, LoadOptions{})
	if diags.HasErrors() {
		t.Fatalf("diagnostics:\n%s", formatDiagnostics("r", diags))
	}
	got := map[string]string{"n": cfg.VariableValues["n"].AsBigFloat().String(), "s": cfg.VariableValues["s"].AsString()}
	if diff := cmp.Diff(map[string]string{"n": "11", "s": "auto a"}, got); diff != "" {
		t.Errorf("variables (-want +got):\n%s", diff)
	}
}

// TestLoadTellsItsSize: Sized hears the roadmap files' and the automatic
// variable files' total size once, before they are read; a --var-file
// named on the command line is not counted, nor a file of another kind.
func TestLoadTellsItsSize(t *testing.T) {
	dir := t.TempDir()
	main := variablesRoadmap
	auto := "n = 10\ns = \"auto a\"\n"
	writeFile(t, filepath.Join(dir, "main.hcl"), main)
	writeFile(t, filepath.Join(dir, "a.auto.vars.hcl"), auto)
	writeFile(t, filepath.Join(dir, "prod.vars.hcl"), "n = 20\n")
	writeFile(t, filepath.Join(dir, "notes.txt"), strings.Repeat("x", 1000))
	want := int64(len(main) + len(auto))

	var told []int64
	opts := LoadOptions{Sized: func(n int64) { told = append(told, n) }}
	if _, diags := NewLoader().LoadDir(dir, opts); diags.HasErrors() {
		t.Fatal(diags)
	}
	if diff := cmp.Diff([]int64{want}, told); diff != "" {
		t.Errorf("LoadDir told sizes (-want +got):\n%s", diff)
	}

	told = nil
	sources := map[string][]byte{"main.hcl": []byte(main), "a.auto.vars.hcl": []byte(auto), "prod.vars.hcl": []byte("n = 20\n")}
	if _, diags := NewLoader().LoadSources(dir, sources, opts); diags.HasErrors() {
		t.Fatal(diags)
	}
	if diff := cmp.Diff([]int64{want}, told); diff != "" {
		t.Errorf("LoadSources told sizes (-want +got):\n%s", diff)
	}
}
