package hclspec

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"
)

const variablesRoadmap = `
roadmap {
  start = "2027-01"
}

variable "n" {
  type    = number
  default = 1
}

variable "s" {
  type    = string
  default = "default"
}

variable "untyped" {
  default = "default"
}

variable "teams" {
  type    = list(string)
  default = []
}

variable "sizes" {
  type    = map(number)
  default = {}
}
`

func writeFile(t *testing.T, path, src string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestVariablePrecedence follows Terraform: default < environment <
// variable files in order < --var in order.
func TestVariablePrecedence(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.hcl"), variablesRoadmap)
	one := filepath.Join(dir, "one.vars.hcl")
	two := filepath.Join(dir, "two.vars.hcl")
	writeFile(t, one, "n = 3\ns = \"file one\"\n")
	writeFile(t, two, "n = 4\n")

	tests := []struct {
		name    string
		opts    LoadOptions
		want    cty.Value
		wantStr string
	}{
		{"default", LoadOptions{}, cty.NumberIntVal(1), "default"},
		{"environment", LoadOptions{Env: []string{"ROADMAP_VAR_n=2", "ROADMAP_VAR_s=env", "PATH=/bin"}}, cty.NumberIntVal(2), "env"},
		{"file beats environment", LoadOptions{Env: []string{"ROADMAP_VAR_n=2"}, VarFiles: []string{one}}, cty.NumberIntVal(3), "file one"},
		{"later file wins", LoadOptions{VarFiles: []string{one, two}}, cty.NumberIntVal(4), "file one"},
		{"--var beats files", LoadOptions{Env: []string{"ROADMAP_VAR_n=2"}, VarFiles: []string{one, two}, Vars: []string{"n=5"}}, cty.NumberIntVal(5), "file one"},
		{"later --var wins", LoadOptions{Vars: []string{"n=5", "n=6", "s=a=b"}}, cty.NumberIntVal(6), "a=b"},
		// Numbers are parsed as HCL expressions, strings taken literally.
		{"expression", LoadOptions{Vars: []string{"n=2*3+1", "s=2*3"}}, cty.NumberIntVal(7), "2*3"},
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

func TestVariableTypes(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.hcl"), variablesRoadmap)
	cfg, diags := NewLoader().LoadDir(dir, LoadOptions{
		Vars: []string{`teams=["apps", "ops"]`, `sizes={ apps = 4, ops = "2" }`, "untyped=[1]"},
	})
	if diags.HasErrors() {
		t.Fatalf("diagnostics:\n%s", formatDiagnostics(dir, diags))
	}
	want := map[string]cty.Value{
		"teams": cty.ListVal([]cty.Value{cty.StringVal("apps"), cty.StringVal("ops")}),
		// "2" converts to the declared element type.
		"sizes": cty.MapVal(map[string]cty.Value{"apps": cty.NumberIntVal(4), "ops": cty.NumberIntVal(2)}),
		// Without a type, a command-line value is a string, as in Terraform.
		"untyped": cty.StringVal("[1]"),
	}
	for name, w := range want {
		if got := cfg.VariableValues[name]; !got.RawEquals(w) {
			t.Errorf("var.%s = %#v, want %#v", name, got, w)
		}
	}
	var names []string
	for _, v := range cfg.Variables {
		names = append(names, v.Name)
	}
	if diff := cmp.Diff([]string{"n", "s", "untyped", "teams", "sizes"}, names); diff != "" {
		t.Errorf("variables in declaration order (-want +got):\n%s", diff)
	}
	if cfg.Variables[0].Type != cty.Number || !cfg.Variables[0].Default.RawEquals(cty.NumberIntVal(1)) {
		t.Errorf("var.n declared as %#v default %#v", cfg.Variables[0].Type, cfg.Variables[0].Default)
	}
}
