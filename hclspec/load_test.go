package hclspec

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/roadmap-as-code/roadmap/internal/golden"
)

// caseOptions reads a test case's optional options.txt: one "--var k=v",
// "--var-file NAME", "--scenario NAME" or "env K=V" per line; var files are relative to the case.
func caseOptions(t *testing.T, dir string) LoadOptions {
	t.Helper()
	var opts LoadOptions
	f, err := os.Open(filepath.Join(dir, "options.txt"))
	if os.IsNotExist(err) {
		return opts
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "--var "):
			opts.Vars = append(opts.Vars, strings.TrimPrefix(line, "--var "))
		case strings.HasPrefix(line, "--var-file "):
			opts.VarFiles = append(opts.VarFiles, filepath.Join(dir, strings.TrimPrefix(line, "--var-file ")))
		case strings.HasPrefix(line, "--scenario "):
			opts.Scenario = strings.TrimPrefix(line, "--scenario ")
		case strings.HasPrefix(line, "env "):
			opts.Env = append(opts.Env, strings.TrimPrefix(line, "env "))
		case strings.HasPrefix(line, "--as-of "):
			opts.AsOf = strings.TrimPrefix(line, "--as-of ")
		default:
			t.Fatalf("%s/options.txt: cannot read %q", dir, line)
		}
	}
	return opts
}

// formatDiagnostics renders one line per diagnostic, file names relative
// to the case directory: "file:line:col: severity: summary".
func formatDiagnostics(dir string, diags hcl.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		sev := "error"
		if d.Severity == hcl.DiagWarning {
			sev = "warning"
		}
		where := "-"
		if d.Subject != nil {
			name := d.Subject.Filename
			if rel, err := filepath.Rel(dir, name); err == nil && !strings.HasPrefix(rel, "..") {
				name = filepath.ToSlash(rel)
			}
			where = fmt.Sprintf("%s:%d:%d", name, d.Subject.Start.Line, d.Subject.Start.Column)
		}
		fmt.Fprintf(&b, "%s: %s: %s\n", where, sev, d.Summary)
	}
	return b.String()
}

func caseDirs(t *testing.T, root string) []string {
	t.Helper()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join(root, e.Name()))
		}
	}
	return dirs
}

// TestInvalidRoadmaps loads every case under testdata/invalid and compares
// its diagnostics with the case's diagnostics.golden (-update rewrites).
func TestInvalidRoadmaps(t *testing.T) {
	dirs := caseDirs(t, filepath.Join("testdata", "invalid"))
	if len(dirs) < 30 {
		t.Errorf("only %d invalid cases; the corpus should cover at least 30", len(dirs))
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			_, diags := NewLoader().LoadDir(dir, caseOptions(t, dir))
			if !diags.HasErrors() {
				t.Errorf("loading %s gave no error", dir)
			}
			for _, d := range diags {
				if d.Subject != nil && d.Subject.Filename == "" {
					t.Errorf("diagnostic %q has a subject without a file", d.Summary)
				}
				if d.Detail == "" {
					t.Errorf("diagnostic %q has no detail", d.Summary)
				}
			}
			got := formatDiagnostics(dir, diags)
			golden.Assert(t, filepath.Join(dir, "diagnostics.golden"), []byte(got))
		})
	}
}

// TestLoadNeverPanics loads every test case, and every prefix of the valid
// files cut at many points, and requires diagnostics rather than a panic.
func TestLoadNeverPanics(t *testing.T) {
	for _, root := range []string{"valid", "invalid"} {
		for _, dir := range caseDirs(t, filepath.Join("testdata", root)) {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s: panic: %v", dir, r)
					}
				}()
				NewLoader().LoadDir(dir, caseOptions(t, dir))
			}()
		}
	}
	for _, dir := range caseDirs(t, filepath.Join("testdata", "valid")) {
		files, err := RoadmapFiles(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range files {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			step := max(1, len(src)/60)
			for cut := 0; cut < len(src); cut += step {
				tmp := t.TempDir()
				if err := os.WriteFile(filepath.Join(tmp, "cut.hcl"), src[:cut], 0o644); err != nil {
					t.Fatal(err)
				}
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Errorf("%s cut at byte %d: panic: %v", file, cut, r)
						}
					}()
					NewLoader().LoadDir(tmp, LoadOptions{})
				}()
			}
		}
	}
}
