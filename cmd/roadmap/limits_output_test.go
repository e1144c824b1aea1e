package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A diagnostic in a block with a long label (an id past MaxIDBytes)
// names the block clipped, in text and JSON: the "in project ..." header
// quoted the whole label (review qa15g: a 200 KB id printed a 200 KB line).
func TestDiagnosticNamesALongBlockClipped(t *testing.T) {
	dir := t.TempDir()
	id := "p" + strings.Repeat("x", 10000)
	writeFiles(t, dir, map[string]string{"main.hcl": "roadmap {\n  name    = \"x\"\n  start   = \"2027-Q1\"\n  horizon = 4\n}\n\nproject \"" + id + "\" {\n  duration = 1\n}\n"})
	for _, args := range [][]string{{"validate"}, {"validate", "--json"}, {"plan"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			res := runCLI(t, append(args, filepath.Join(dir))...)
			res.wantExit(t, 1)
			out := res.Stdout + res.Stderr
			if !strings.Contains(out, "Id too long") || !strings.Contains(out, "(10001 bytes)") {
				t.Errorf("no clipped id in:\n%.2000s", out)
			}
			for _, line := range strings.Split(out, "\n") {
				if len(line) > 400 {
					t.Errorf("a line of %d bytes: %.300s", len(line), line)
				}
			}
		})
	}
}
