package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

const unformattedRoadmap = "roadmap {\nstart=\"2027-01\"\n}\n"

// TestFmtChecksWhatValidateLoads: fmt --check DIR reads exactly the
// files validate loads (plus the variable files), symbolic links to .hcl
// files in the directory included, and formats a linked file through its
// link, keeping the link.
func TestFmtChecksWhatValidateLoads(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"main.hcl":            unformattedRoadmap,
		"shared/goals.hcl":    unformattedGoals,
		"prod.vars.hcl":       "x=1\n",
		"notes.txt":           "not a roadmap\n",
		".hidden.hcl":         "hidden  =  1\n",
		"sub/ignored.hcl":     "ignored  =  1\n",
		"sub/.also-hidden.hc": "x\n",
	})
	link := filepath.Join(dir, "goals.hcl")
	if err := os.Symlink(filepath.Join("shared", "goals.hcl"), link); err != nil {
		t.Skipf("cannot make symbolic links: %v", err)
	}
	loader := hclspec.NewLoader()
	if _, diags := loader.LoadDir(dir, hclspec.LoadOptions{}); diags.HasErrors() {
		t.Fatalf("validate: %s", diags.Error())
	}
	var loaded []string
	for name := range loader.Files() {
		loaded = append(loaded, name)
	}
	slices.Sort(loaded)

	res := runCLI(t, "fmt", "--check", dir)
	res.wantExit(t, 1)
	var checked []string
	for _, name := range strings.Fields(res.Stdout) {
		if !hclspec.IsVarFileName(name) {
			checked = append(checked, name)
		}
	}
	if diff := cmp.Diff(loaded, checked); diff != "" {
		t.Errorf("fmt --check and validate disagree on the roadmap's files (-validate +fmt):\n%s", diff)
	}
	if !strings.Contains(res.Stdout, filepath.Join(dir, "prod.vars.hcl")) {
		t.Errorf("the variable file was not checked:\n%s", res.Stdout)
	}

	runCLI(t, "fmt", dir).wantExit(t, 0)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced (%v)", err)
	}
	if got := readFile(t, filepath.Join(dir, "shared", "goals.hcl")); got != formattedGoals {
		t.Errorf("the linked file was not formatted:\n%s", got)
	}
	runCLI(t, "fmt", "--check", dir).wantExit(t, 0)
}

// TestFmtRefusesLinksValidateRefuses: a link to a hidden file, or one
// leading out of the directory, is refused by fmt as by validate, and
// neither the file behind it nor its lines are touched or shown.
func TestFmtRefusesLinksValidateRefuses(t *testing.T) {
	const secret = "API_TOKEN=s3cr3t"
	cases := []struct{ name, to, summary string }{
		{name: "hidden file", to: ".env", summary: "Symbolic link to a hidden file"},
		{name: "git configuration", to: filepath.Join(".git", "config"), summary: "Symbolic link to a hidden file"},
		{name: "outside", to: filepath.Join("..", "outside.hcl"), summary: "Symbolic link outside the roadmap"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "rm")
			writeFiles(t, root, map[string]string{
				"rm/main.hcl":    "roadmap {\n  start = \"2027-01\"\n}\n",
				"rm/.env":        secret + "\n",
				"rm/.git/config": secret + "\n",
				"outside.hcl":    secret + "\n",
			})
			behind := filepath.Join(dir, c.to)
			before := stateOf(t, behind)
			if err := os.Symlink(c.to, filepath.Join(dir, "settings.hcl")); err != nil {
				t.Skipf("cannot make symbolic links: %v", err)
			}
			for _, args := range [][]string{{"fmt", dir}, {"fmt", "--check", "--diff", dir}, {"fmt", filepath.Join(dir, "settings.hcl")}, {"validate", dir}} {
				res := runCLI(t, args...)
				res.wantExit(t, 1)
				if !strings.Contains(res.Stderr, c.summary) {
					t.Errorf("%v: stderr lacks %q:\n%s", args, c.summary, res.Stderr)
				}
				if strings.Contains(res.Stdout+res.Stderr, "s3cr3t") {
					t.Errorf("%v: the file behind the link was shown:\n%s%s", args, res.Stdout, res.Stderr)
				}
			}
			before.assertUntouched(t, behind)
		})
	}
}

// TestFmtRefusesFilesItWouldDamage: a hard-linked file (replacing it
// would split the link) and a read-only file are refused and untouched;
// the other files are still formatted.
func TestFmtRefusesFilesItWouldDamage(t *testing.T) {
	cases := []struct {
		name, reason string
		prepare      func(t *testing.T, path string)
	}{
		{name: "hard link", reason: "more than one hard link", prepare: func(t *testing.T, path string) {
			if err := os.Link(path, path+".bak"); err != nil {
				t.Skipf("cannot make hard links: %v", err)
			}
		}},
		{name: "read-only", reason: "read-only", prepare: func(t *testing.T, path string) {
			if err := os.Chmod(path, 0o444); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"a.hcl": unformattedGoals, "b.hcl": unformattedGoals})
			path := filepath.Join(dir, "a.hcl")
			c.prepare(t, path)
			before := stateOf(t, path)
			res := runCLI(t, "fmt", "--list=false", dir)
			res.wantExit(t, 1)
			if want := "Error: writing " + path + ": "; !strings.HasPrefix(res.Stderr, want) || !strings.Contains(res.Stderr, c.reason) {
				t.Errorf("stderr = %q, want %q ... %q", res.Stderr, want, c.reason)
			}
			before.assertUntouched(t, path)
			if got := readFile(t, filepath.Join(dir, "b.hcl")); got != formattedGoals {
				t.Errorf("b.hcl was not formatted:\n%s", got)
			}
		})
	}
}

// TestFmtKeepsEditsMadeWhileItRuns: a file saved by someone else between
// fmt's read and its write is left with their edit, and fmt fails saying so.
func TestFmtKeepsEditsMadeWhileItRuns(t *testing.T) {
	const edit = "# an edit saved while fmt ran\n"
	for _, change := range []bool{false, true} {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{"goals.hcl": unformattedGoals})
		path := filepath.Join(dir, "goals.hcl")
		o := &fmtOptions{paths: []string{dir}, list: true, write: true}
		if change {
			o.beforeWrite = func(p string) {
				if err := os.WriteFile(p, []byte(unformattedGoals+edit), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		var stdout, stderr bytes.Buffer
		s := &Streams{In: strings.NewReader(""), Out: &stdout, Err: &stderr}
		err := runFmt(context.Background(), &globalOptions{}, s, o)
		got := readFile(t, path)
		if !change {
			if err != nil || got != formattedGoals {
				t.Fatalf("without an edit: err %v, file:\n%s", err, got)
			}
			continue
		}
		if err == nil {
			t.Fatal("fmt succeeded over a file changed while it ran")
		}
		if got != unformattedGoals+edit {
			t.Errorf("the edit was lost; file holds:\n%s", got)
		}
		if want := "Error: writing " + path + ": it changed while it was being rewritten"; !strings.HasPrefix(stderr.String(), want) {
			t.Errorf("stderr = %q, want it to start %q", stderr.String(), want)
		}
		assertOnly(t, dir, "goals.hcl")
	}
}
