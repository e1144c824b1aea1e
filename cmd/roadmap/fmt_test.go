package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const (
	unformattedGoals = `# Strategic goals.
goal "cut_costs" {
title="Cut operating costs" # inline comment
  weight=3
    term = "short"
}
`
	formattedGoals = `# Strategic goals.
goal "cut_costs" {
  title  = "Cut operating costs" # inline comment
  weight = 3
  term   = "short"
}
`
	formattedTeams = `team "platform" {
  capacity = 6
}
`
	syntaxError = `team "platform" {
  capacity = 
}
`
)

func TestFmtRewritesKeepingComments(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"goals.hcl": unformattedGoals, "teams.hcl": formattedTeams})
	res := runCLI(t, "fmt", dir)
	res.wantExit(t, 0)
	if diff := cmp.Diff(filepath.Join(dir, "goals.hcl")+"\n", res.Stdout); diff != "" {
		t.Errorf("listed files (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(formattedGoals, readFile(t, filepath.Join(dir, "goals.hcl"))); diff != "" {
		t.Errorf("goals.hcl (-want +got):\n%s", diff)
	}
	if got := readFile(t, filepath.Join(dir, "teams.hcl")); got != formattedTeams {
		t.Errorf("teams.hcl changed although formatted:\n%s", got)
	}
}

func TestFmtWritesOnlyChangedFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"teams.hcl": formattedTeams})
	path := filepath.Join(dir, "teams.hcl")
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	runCLI(t, "fmt", dir).wantExit(t, 0)
	after, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	// A rename would give a new inode; an untouched file keeps its own.
	if !os.SameFile(before, after) {
		t.Error("fmt replaced a file that was already formatted")
	}
}

func TestFmtCheck(t *testing.T) {
	tests := []struct {
		name       string
		files      map[string]string
		args       []string
		wantCode   int
		wantStdout string
	}{
		{
			name:     "formatted",
			files:    map[string]string{"goals.hcl": formattedGoals, "teams.hcl": formattedTeams},
			wantCode: 0,
		},
		{
			name:       "unformatted",
			files:      map[string]string{"goals.hcl": unformattedGoals, "teams.hcl": formattedTeams},
			wantCode:   1,
			wantStdout: "$DIR/goals.hcl\n",
		},
		{
			name:       "unformatted variable file",
			files:      map[string]string{"prod.vars.hcl": "capex=1\n"},
			wantCode:   1,
			wantStdout: "$DIR/prod.vars.hcl\n",
		},
		{
			name:     "unformatted but not listed",
			files:    map[string]string{"goals.hcl": unformattedGoals},
			args:     []string{"--list=false"},
			wantCode: 1,
		},
		{
			name:     "subdirectory ignored without --recursive",
			files:    map[string]string{"sub/goals.hcl": unformattedGoals},
			wantCode: 0,
		},
		{
			name:       "subdirectory with --recursive",
			files:      map[string]string{"sub/goals.hcl": unformattedGoals, ".git/x.hcl": unformattedGoals},
			args:       []string{"--recursive"},
			wantCode:   1,
			wantStdout: "$DIR/sub/goals.hcl\n",
		},
		{
			name:     "other extensions ignored",
			files:    map[string]string{"notes.txt": unformattedGoals, "main.tf": unformattedGoals},
			wantCode: 0,
		},
		{
			name:     "syntax error",
			files:    map[string]string{"teams.hcl": syntaxError},
			wantCode: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			res := runCLI(t, append(append([]string{"fmt", "--check"}, tt.args...), dir)...)
			res.wantExit(t, tt.wantCode)
			if diff := cmp.Diff(tt.wantStdout, strings.ReplaceAll(res.Stdout, dir, "$DIR")); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			for name, content := range tt.files {
				if got := readFile(t, filepath.Join(dir, name)); got != content {
					t.Errorf("--check modified %s", name)
				}
			}
		})
	}
}

func TestFmtExamplesAreFormatted(t *testing.T) {
	res := runCLI(t, "fmt", "--check", "--recursive", "../../examples")
	res.wantExit(t, 0)
	if res.Stdout != "" || res.Stderr != "" {
		t.Errorf("stdout:\n%s\nstderr:\n%s", res.Stdout, res.Stderr)
	}
}

func TestFmtSaysWhenADirectoryHasNoFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"sub/goals.hcl": formattedGoals})
	res := runCLI(t, "fmt", "--check", dir)
	res.wantExit(t, 0)
	want := "No .hcl files directly in $DIR; use --recursive to format its subdirectories.\n"
	if diff := cmp.Diff(want, strings.ReplaceAll(res.Stderr, dir, "$DIR")); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
	if res := runCLI(t, "fmt", "--check", "--recursive", dir); res.Stderr != "" {
		t.Errorf("stderr with --recursive = %q, want nothing", res.Stderr)
	}
}

func TestFmtLeavesFileWithSyntaxErrorUnchanged(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a_broken.hcl": syntaxError, "goals.hcl": unformattedGoals})
	res := runCLI(t, "fmt", dir)
	res.wantExit(t, 1)
	if got := readFile(t, filepath.Join(dir, "a_broken.hcl")); got != syntaxError {
		t.Errorf("broken file changed:\n%q\nwant\n%q", got, syntaxError)
	}
	// The other files are still formatted.
	if got := readFile(t, filepath.Join(dir, "goals.hcl")); got != formattedGoals {
		t.Errorf("goals.hcl not formatted:\n%s", got)
	}
	wantErr := `Error: Invalid expression

  on $DIR/a_broken.hcl line 2, column 14, in team "platform":
   2:   capacity = 
   3: }

Expected the start of an expression, but found an invalid expression token.

`
	if diff := cmp.Diff(wantErr, strings.ReplaceAll(res.Stderr, dir, "$DIR")); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
}

func TestFmtKeepsPermissions(t *testing.T) {
	for _, perm := range []os.FileMode{0o600, 0o640, 0o755} {
		t.Run(perm.String(), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "goals.hcl")
			if err := os.WriteFile(path, []byte(unformattedGoals), perm); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, perm); err != nil { // umask may have cleared bits
				t.Fatal(err)
			}
			runCLI(t, "fmt", path).wantExit(t, 0)
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != perm {
				t.Errorf("permissions %v, want %v", fi.Mode().Perm(), perm)
			}
			if got := readFile(t, path); got != formattedGoals {
				t.Errorf("not formatted:\n%s", got)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 1 {
				t.Errorf("directory holds %d entries after fmt, want 1 (a temporary file left behind?)", len(entries))
			}
		})
	}
}

func TestFmtKeepsSymlink(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"real/goals.hcl": unformattedGoals})
	link := filepath.Join(dir, "goals.hcl")
	if err := os.Symlink(filepath.Join(dir, "real", "goals.hcl"), link); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	runCLI(t, "fmt", link).wantExit(t, 0)
	fi, err := os.Lstat(link)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the symbolic link was replaced by a file")
	}
	if got := readFile(t, filepath.Join(dir, "real", "goals.hcl")); got != formattedGoals {
		t.Errorf("link target not formatted:\n%s", got)
	}
}

func TestFmtDiff(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"goals.hcl": unformattedGoals})
	golden, err := filepath.Abs(filepath.Join("testdata", "fmt", "diff.golden"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir) // relative paths keep the output free of the temporary directory
	res := runCLI(t, "fmt", "--diff", "--check")
	res.wantExit(t, 1)
	assertGolden(t, golden, res.Stdout)
	if got := readFile(t, filepath.Join(dir, "goals.hcl")); got != unformattedGoals {
		t.Error("--diff --check wrote the file")
	}
}

func TestFmtStdin(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{name: "format", args: []string{"-"}, stdin: unformattedGoals, wantStdout: formattedGoals},
		{name: "already formatted", args: []string{"-"}, stdin: formattedTeams, wantStdout: formattedTeams},
		{name: "check unformatted", args: []string{"--check", "-"}, stdin: unformattedGoals, wantCode: 1, wantStdout: "<stdin>\n"},
		{name: "check unformatted unlisted", args: []string{"--check", "--list=false", "-"}, stdin: unformattedGoals, wantCode: 1},
		{name: "check formatted", args: []string{"--check", "-"}, stdin: formattedTeams},
		{
			name:       "diff",
			args:       []string{"--diff", "-"},
			stdin:      "a=1\n",
			wantStdout: "--- a/<stdin>\n+++ b/<stdin>\n@@ -1 +1 @@\n-a=1\n+a = 1\n",
		},
		{
			name:       "check and diff unformatted",
			args:       []string{"--check", "--diff", "-"},
			stdin:      "a=1\n",
			wantCode:   1,
			wantStdout: "<stdin>\n--- a/<stdin>\n+++ b/<stdin>\n@@ -1 +1 @@\n-a=1\n+a = 1\n",
		},
		{name: "check and diff formatted", args: []string{"--check", "--diff", "-"}, stdin: formattedTeams},
		{
			name:       "syntax error",
			args:       []string{"-"},
			stdin:      "a = {\n",
			wantCode:   1,
			wantStderr: "Error: Missing expression\n",
		},
		{
			name:       "stdin among other paths",
			args:       []string{"-", "x.hcl"},
			wantCode:   1,
			wantStderr: "Error: \"-\" (stdin) cannot be combined with other paths\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := cliRun{Args: append([]string{"fmt"}, tt.args...), Stdin: tt.stdin}.run(t)
			res.wantExit(t, tt.wantCode)
			if diff := cmp.Diff(tt.wantStdout, res.Stdout); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			if !strings.HasPrefix(res.Stderr, tt.wantStderr) {
				t.Errorf("stderr = %q, want it to start with %q", res.Stderr, tt.wantStderr)
			}
		})
	}
}

func TestFmtBadPaths(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"notes.txt": "x"})
	tests := []struct {
		name       string
		path       string
		wantStderr string
	}{
		{name: "missing", path: filepath.Join(dir, "nope"), wantStderr: "Error: no file or directory at $DIR/nope\n"},
		{name: "not hcl", path: filepath.Join(dir, "notes.txt"), wantStderr: "Error: only .hcl files can be formatted: $DIR/notes.txt\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runCLI(t, "fmt", tt.path)
			res.wantExit(t, 1)
			if diff := cmp.Diff(tt.wantStderr, strings.ReplaceAll(res.Stderr, dir, "$DIR")); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFmtWriteFalsePrintsResult(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"goals.hcl": unformattedGoals})
	path := filepath.Join(dir, "goals.hcl")
	res := runCLI(t, "fmt", "--write=false", "--list=false", path)
	res.wantExit(t, 0)
	if diff := cmp.Diff(formattedGoals, res.Stdout); diff != "" {
		t.Errorf("stdout (-want +got):\n%s", diff)
	}
	if got := readFile(t, path); got != unformattedGoals {
		t.Error("--write=false wrote the file")
	}
}

func TestFmtListFalseWritesQuietly(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"goals.hcl": unformattedGoals})
	res := runCLI(t, "fmt", "--list=false", dir)
	res.wantExit(t, 0)
	if res.Stdout != "" || res.Stderr != "" {
		t.Errorf("stdout %q, stderr %q; want nothing", res.Stdout, res.Stderr)
	}
	if got := readFile(t, filepath.Join(dir, "goals.hcl")); got != formattedGoals {
		t.Errorf("not formatted:\n%s", got)
	}
}

// TestFmtCarriesOnAfterAnUnwritableFile: a file that cannot be replaced is
// reported, left as it was, and does not stop the others.
func TestFmtCarriesOnAfterAnUnwritableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write into read-only directories")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"locked/goals.hcl": unformattedGoals, "open/goals.hcl": unformattedGoals})
	locked := filepath.Join(dir, "locked")
	if err := os.Chmod(locked, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	res := runCLI(t, "fmt", "--list=false", filepath.Join(locked, "goals.hcl"), filepath.Join(dir, "open", "goals.hcl"))
	res.wantExit(t, 1)
	if !strings.HasPrefix(res.Stderr, "Error: writing "+filepath.Join(locked, "goals.hcl")+": ") {
		t.Errorf("stderr:\n%s", res.Stderr)
	}
	if got := readFile(t, filepath.Join(locked, "goals.hcl")); got != unformattedGoals {
		t.Error("the locked file changed")
	}
	if got := readFile(t, filepath.Join(dir, "open", "goals.hcl")); got != formattedGoals {
		t.Error("the writable file was not formatted")
	}
}
