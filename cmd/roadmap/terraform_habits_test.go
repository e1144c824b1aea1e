package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSingleDashFlagsGetAHint: Terraform's one-dash long flags are read by
// pflag as runs of one-letter flags; the error says what to type instead.
func TestSingleDashFlagsGetAHint(t *testing.T) {
	tests := []struct {
		args     []string
		wantHint string // "" for no hint
	}{
		{[]string{"validate", "-var", "x=1", "."}, "--var"},
		{[]string{"plan", "-var-file=prod.vars.hcl", "."}, "--var-file"},
		{[]string{"plan", "-no-color", "."}, "--no-color"},
		{[]string{"-chdir=roadmap", "validate"}, "--chdir"},
		{[]string{"plan", "-detailed-exitcode", "--base", "HEAD"}, "--detailed-exitcode"},
		{[]string{"fmt", "-recursive", "."}, "--recursive"},
		{[]string{"fmt", "-check", "-diff", "."}, "--check"},
		{[]string{"validate", "-json", "."}, "--json"},
		// Not a flag of the command: the plain error.
		{[]string{"validate", "-foo", "."}, ""},
		{[]string{"validate", "-recursive", "."}, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			res := runCLI(t, tt.args...)
			res.wantExit(t, 1)
			if res.Stdout != "" {
				t.Errorf("stdout: %q", res.Stdout)
			}
			lines := strings.Split(strings.TrimSuffix(res.Stderr, "\n"), "\n")
			if !strings.HasPrefix(lines[0], "Error: unknown shorthand flag: ") {
				t.Fatalf("stderr does not start with the flag error:\n%s", res.Stderr)
			}
			var want []string
			if tt.wantHint != "" {
				name := strings.TrimPrefix(tt.wantHint, "--")
				want = append(want, "Did you mean "+tt.wantHint+"? Long flags take two dashes: -"+name+" reads as one-letter flags.")
			}
			command := "roadmap " + tt.args[0]
			if strings.HasPrefix(tt.args[0], "-") {
				command = "roadmap " + tt.args[1]
			}
			want = append(want, "Run '"+command+" --help' for usage.")
			if diff := cmp.Diff(want, lines[1:]); diff != "" {
				t.Errorf("stderr after the error (-want +got):\n%s", diff)
			}
		})
	}
}

// TestChdir: --chdir works as Terraform's -chdir, so DIR, --var-file and
// --out are relative to it, and so are the names printed.
func TestChdir(t *testing.T) {
	example, err := filepath.Abs(exampleDir)
	if err != nil {
		t.Fatal(err)
	}
	top := t.TempDir()
	t.Chdir(top) // restored after the test, whatever --chdir does
	rm := filepath.Join(top, "repo", "roadmap")
	if err := os.MkdirAll(rm, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(example)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".hcl") {
			writeFiles(t, rm, map[string]string{e.Name(): readFile(t, filepath.Join(example, e.Name()))})
		}
	}

	res := runCLI(t, "--chdir", "repo", "validate", "roadmap")
	res.wantExit(t, 0)

	res = runCLI(t, "--chdir=repo/roadmap", "plan", "--var-file", "example.vars.hcl", "--out", "plan.json", "--format", "json")
	res.wantExit(t, 0)
	if _, err := os.Stat(filepath.Join(rm, "plan.json")); err != nil {
		t.Errorf("--out is not relative to --chdir: %v", err)
	}

	writeFiles(t, rm, map[string]string{"bad.hcl": "goal \"x\" {\n  weight = \"heavy\"\n}\n"})
	res = runCLI(t, "--chdir", "repo", "validate", "roadmap")
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, "on roadmap/bad.hcl line 2") {
		t.Errorf("file names are not relative to --chdir:\n%s", res.Stderr)
	}

	res = runCLI(t, "--chdir", "nope", "validate")
	res.wantExit(t, 1)
	if !strings.HasPrefix(res.Stderr, "Error: --chdir: chdir nope: ") {
		t.Errorf("stderr: %q", res.Stderr)
	}
}
