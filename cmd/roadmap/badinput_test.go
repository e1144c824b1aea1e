package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/report"
)

// The bad-input corpus: every directory under testdata/badinput is a
// roadmap that must fail `roadmap validate` (or the command in its args
// file) with exit status 1, helpful diagnostics and no panic. Its
// diagnostics.golden lists each diagnostic's severity, summary, file,
// line, column and the first line of its detail; go test -update
// rewrites them. Cases that git cannot hold (an empty directory, a
// symbolic link, files of many megabytes) are generated at test time
// from generatedBadInput; their goldens live in testdata/badinput too.

const badInputRoot = "testdata/badinput"

// generatedBadInput builds the cases git cannot hold into dir and returns
// the command line to run (the directory is appended).
var generatedBadInput = map[string]func(t *testing.T, dir string) []string{
	"empty_dir": func(t *testing.T, dir string) []string {
		return []string{"validate"}
	},
	"symlink_outside": func(t *testing.T, dir string) []string {
		secret := filepath.Join(t.TempDir(), "secret.hcl")
		writeFiles(t, filepath.Dir(secret), map[string]string{"secret.hcl": "roadmap {\n  start = \"2027-01\"\n}\n"})
		writeFiles(t, dir, map[string]string{"main.hcl": "goal \"g\" {\n  weight = 1\n}\n"})
		if err := os.Symlink(secret, filepath.Join(dir, "linked.hcl")); err != nil {
			t.Skipf("cannot create a symbolic link here: %v", err)
		}
		return []string{"validate"}
	},
	"symlink_hidden": func(t *testing.T, dir string) []string {
		// A link to a secret inside the directory: refused unread.
		writeFiles(t, dir, map[string]string{
			"main.hcl": "roadmap {\n  start = \"2027-01\"\n}\n",
			".env":     "API_TOKEN=s3cr3t\n",
		})
		if err := os.Symlink(".env", filepath.Join(dir, "settings.hcl")); err != nil {
			t.Skipf("cannot create a symbolic link here: %v", err)
		}
		return []string{"validate"}
	},
	"symlink_not_hcl": func(t *testing.T, dir string) []string {
		writeFiles(t, dir, map[string]string{
			"main.hcl":  "roadmap {\n  start = \"2027-01\"\n}\n",
			"notes.txt": "not a roadmap\n",
		})
		if err := os.Symlink("notes.txt", filepath.Join(dir, "notes.hcl")); err != nil {
			t.Skipf("cannot create a symbolic link here: %v", err)
		}
		return []string{"validate"}
	},
	"symlink_broken": func(t *testing.T, dir string) []string {
		writeFiles(t, dir, map[string]string{"main.hcl": "roadmap {\n  start = \"2027-01\"\n}\n"})
		if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "dangling.hcl")); err != nil {
			t.Skipf("cannot create a symbolic link here: %v", err)
		}
		return []string{"validate"}
	},
	"fifo": func(t *testing.T, dir string) []string {
		// A named pipe called .hcl: reading it would wait forever.
		writeFiles(t, dir, map[string]string{"main.hcl": "roadmap {\n  start = \"2027-01\"\n}\n"})
		if err := mkfifo(filepath.Join(dir, "pipe.hcl")); err != nil {
			t.Skipf("cannot make a named pipe: %v", err)
		}
		return []string{"validate"}
	},
	"file_too_large": func(t *testing.T, dir string) []string {
		big := "roadmap {\n  start = \"2027-01\"\n}\n#" + strings.Repeat("x", hclspec.MaxFileBytes) + "\n"
		writeFiles(t, dir, map[string]string{"main.hcl": big})
		return []string{"validate"}
	},
	"directory_too_large": func(t *testing.T, dir string) []string {
		// Nine files just under the file limit: together over the
		// directory limit. Each is one comment, cheap to parse.
		files := map[string]string{"a.hcl": "roadmap {\n  start = \"2027-01\"\n}\n"}
		filler := "#" + strings.Repeat("x", hclspec.MaxFileBytes-16) + "\n"
		for i := range hclspec.MaxDirBytes/hclspec.MaxFileBytes + 1 {
			files[fmt.Sprintf("filler%02d.hcl", i)] = filler
		}
		writeFiles(t, dir, files)
		return []string{"validate"}
	},
	"too_many_blocks": func(t *testing.T, dir string) []string {
		var b strings.Builder
		b.WriteString("roadmap {\n  start = \"2027-01\"\n}\n")
		for range hclspec.MaxBlocks {
			b.WriteString("x {\n}\n")
		}
		writeFiles(t, dir, map[string]string{"main.hcl": b.String()})
		return []string{"validate"}
	},
	"plan_too_large_cash_flows": func(t *testing.T, dir string) []string {
		// Each project is within the limits; together they are not.
		var b strings.Builder
		// Yearly periods: 9,990 build years and 5 (the default) of benefit.
		b.WriteString("roadmap {\n  start  = \"2027-01\"\n  period = \"year\"\n}\n")
		for i := range hclspec.MaxPlanCells/hclspec.MaxPeriods + 1 {
			fmt.Fprintf(&b, "project \"p%d\" {\n  duration = %d\n}\n", i, hclspec.MaxPeriods-10)
		}
		writeFiles(t, dir, map[string]string{"main.hcl": b.String()})
		return []string{"validate"}
	},
	"plan_too_large_capacity": func(t *testing.T, dir string) []string {
		var b strings.Builder
		fmt.Fprintf(&b, "roadmap {\n  start   = \"2027-01\"\n  period  = \"week\"\n  horizon = %d\n}\n", hclspec.MaxHorizon)
		for i := range hclspec.MaxCapacityCells/hclspec.MaxHorizon + 1 {
			fmt.Fprintf(&b, "team \"t%d\" {\n  capacity = 1\n}\n", i)
		}
		writeFiles(t, dir, map[string]string{"main.hcl": b.String()})
		return []string{"validate"}
	},
	// Review qa17 A6: fmt --check of 1,560,000 tokens took 24 s and 1.17
	// GB; fmt formats a file of at most hclspec.MaxFormatTokens.
	"fmt_too_many_tokens": func(t *testing.T, dir string) []string {
		var b strings.Builder
		b.WriteString("locals {\n")
		for i := range hclspec.MaxFormatTokens / 4 {
			if i%2 == 0 {
				b.WriteString("    a   =   1\n")
			} else {
				b.WriteString("a=1\n")
			}
		}
		b.WriteString("}\n")
		writeFiles(t, dir, map[string]string{"main.hcl": b.String()})
		return []string{"fmt", "--check"}
	},
	"string_too_long": func(t *testing.T, dir string) []string {
		writeFiles(t, dir, map[string]string{"main.hcl": "roadmap {\n  start = \"2027-01\"\n}\ngoal \"g\" {\n  title = \"" + strings.Repeat("long ", hclspec.MaxStringBytes/5+1) + "\"\n}\n"})
		return []string{"validate"}
	},
	"var_value_too_long": func(t *testing.T, dir string) []string {
		writeFiles(t, dir, map[string]string{"main.hcl": "variable \"name\" {\n  type = string\n}\nroadmap {\n  name  = var.name\n  start = \"2027-01\"\n}\n"})
		return []string{"validate", "--var", "name=" + strings.Repeat("n", hclspec.MaxStringBytes+1)}
	},
}

func TestBadInputCorpus(t *testing.T) {
	entries, err := os.ReadDir(badInputRoot)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	for name := range generatedBadInput {
		if _, err := os.Stat(filepath.Join(badInputRoot, name)); os.IsNotExist(err) {
			names = append(names, name) // golden not written yet (-update)
		}
	}
	sort.Strings(names)
	if len(names) < 60 {
		t.Errorf("the corpus has %d cases; it should have at least 60", len(names))
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			caseDir := filepath.Join(badInputRoot, name)
			dir, args := caseDir, []string{"validate"}
			if gen, ok := generatedBadInput[name]; ok {
				dir = t.TempDir()
				args = gen(t, dir)
			} else if data, err := os.ReadFile(filepath.Join(caseDir, "args")); err == nil {
				args = strings.Fields(strings.ReplaceAll(string(data), "$DIR", dir))
			}
			args = append(args, dir)
			assertGolden(t, filepath.Join("badinput", name, "diagnostics.golden"), runBadInput(t, dir, args))
		})
	}
}

// runBadInput runs args in text and (for validate) JSON form and returns
// the golden text: one block per diagnostic, or for other commands their
// standard error with dir replaced by "$DIR".
func runBadInput(t *testing.T, dir string, args []string) string {
	t.Helper()
	text := cliRun{Args: args}.run(t)
	text.wantExit(t, 1)
	if text.Stderr == "" {
		t.Fatal("exit 1 with nothing on stderr")
	}
	if strings.Contains(text.Stderr, "panic") || strings.Contains(text.Stderr, "goroutine ") {
		t.Fatalf("stderr mentions a panic:\n%s", text.Stderr)
	}
	if args[0] != "validate" {
		return scrubPaths(text.Stderr, dir)
	}
	jsonArgs := append([]string{"validate", "--json"}, args[1:]...)
	res := cliRun{Args: jsonArgs}.run(t)
	res.wantExit(t, 1)
	var rep report.DiagnosticsReport
	if err := json.Unmarshal([]byte(res.Stdout), &rep); err != nil {
		t.Fatalf("validate --json printed no JSON: %v\n%s", err, res.Stdout)
	}
	if rep.Valid || rep.ErrorCount == 0 {
		t.Errorf("validate --json says valid=%v with %d errors", rep.Valid, rep.ErrorCount)
	}
	var b strings.Builder
	for _, d := range rep.Diagnostics {
		if d.Detail == "" {
			t.Errorf("diagnostic %q has no detail saying what to do", d.Summary)
		}
		fmt.Fprintf(&b, "%s: %s\n", d.Severity, d.Summary)
		if d.Range != nil {
			name := d.Range.Filename
			if rel, err := filepath.Rel(dir, name); err == nil && !strings.HasPrefix(rel, "..") {
				name = filepath.ToSlash(rel)
			}
			fmt.Fprintf(&b, "  at %s:%d:%d\n", name, d.Range.Start.Line, d.Range.Start.Column)
		}
		first, _, _ := strings.Cut(d.Detail, "\n")
		fmt.Fprintf(&b, "  %s\n", scrubPaths(first, dir))
	}
	return b.String()
}

// otherTempDir matches the other temporary directories a case makes (the
// target of a symbolic link), whose names change from run to run.
var otherTempDir = regexp.MustCompile(`\S*TestBadInputCorpus\S*?/\d{3}`)

// scrubPaths replaces the case directory with $DIR and other temporary
// directories with $TMP, so goldens do not depend on where tests run.
func scrubPaths(s, dir string) string {
	s = strings.ReplaceAll(s, dir, "$DIR")
	return otherTempDir.ReplaceAllString(s, "$$TMP")
}
