package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidateCIFormatFlags(t *testing.T) {
	files := roadmapFiles(t, "v1")
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // prefix
		stderr string
	}{
		{"github, valid", []string{"--format", "github"}, 0, "", ""},
		{"junit, valid", []string{"--format", "junit"}, 0, `<?xml version="1.0" encoding="UTF-8"?>` + "\n", ""},
		{"sarif, valid", []string{"--format=sarif"}, 0, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",", ""},
		{"with --json", []string{"--format", "github", "--json"}, 1, "",
			"Error: if any flags in the group [json format] are set none of the others can be; [format json] were all set\n"},
		{"unknown format", []string{"--format", "text"}, 1, "",
			"Error: unknown format \"text\": use one of [github junit sarif]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runCLI(t, append(append([]string{"validate"}, tt.args...), "roadmap")...)
			res.wantExit(t, tt.code)
			if !strings.HasPrefix(res.Stdout, tt.stdout) || (tt.stdout == "" && res.Stdout != "") {
				t.Errorf("stdout:\n%s\nwant it to start with:\n%s", res.Stdout, tt.stdout)
			}
			if res.Stderr != tt.stderr {
				t.Errorf("stderr = %q, want %q", res.Stderr, tt.stderr)
			}
		})
	}
}
