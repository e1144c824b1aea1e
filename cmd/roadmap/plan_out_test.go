package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestPlanOutNeverOverwritesTheRoadmap: --out cannot name a file the
// roadmap is read from, however it is spelled, and nothing is written.
func TestPlanOutNeverOverwritesTheRoadmap(t *testing.T) {
	cases := []struct {
		name   string
		setup  func(t *testing.T, dir string) // dir holds rm/
		args   []string
		stderr string // the start of the error
	}{
		{
			name:   "the roadmap's own file",
			args:   []string{"--out", "rm/roadmap.hcl"},
			stderr: "Error: --out rm/roadmap.hcl: a file named .hcl is read as part of a roadmap",
		},
		{
			name:   "a new .hcl file in the roadmap",
			args:   []string{"--out", "rm/plan.hcl"},
			stderr: "Error: --out rm/plan.hcl: a file named .hcl is read as part of a roadmap",
		},
		{
			name: "a symbolic link to a roadmap file",
			setup: func(t *testing.T, dir string) {
				if err := os.Symlink("roadmap.hcl", filepath.Join(dir, "rm", "plan.json")); err != nil {
					t.Skipf("cannot make symbolic links: %v", err)
				}
			},
			args:   []string{"--out", "rm/plan.json"},
			stderr: "Error: --out rm/plan.json would overwrite rm/roadmap.hcl, a file this command reads",
		},
		{
			name: "a hard link to a roadmap file",
			setup: func(t *testing.T, dir string) {
				if err := os.Link(filepath.Join(dir, "rm", "roadmap.hcl"), filepath.Join(dir, "plan.json")); err != nil {
					t.Skipf("cannot make hard links: %v", err)
				}
			},
			args:   []string{"--out", "plan.json"},
			stderr: "Error: --out plan.json would overwrite rm/roadmap.hcl, a file this command reads",
		},
		{
			name: "the variable file given",
			setup: func(t *testing.T, dir string) {
				writeFiles(t, dir, map[string]string{"values.json": `{"capex": 1}`})
			},
			args:   []string{"--var-file", "values.json", "--out", "values.json"},
			stderr: "Error: --out values.json would overwrite values.json, a file this command reads",
		},
		{
			name: "a variable file of the directory, not loaded",
			setup: func(t *testing.T, dir string) {
				writeFiles(t, dir, map[string]string{"rm/prod.vars.hcl": "capex = 2\n"})
				if err := os.Link(filepath.Join(dir, "rm", "prod.vars.hcl"), filepath.Join(dir, "prod.json")); err != nil {
					t.Skipf("cannot make hard links: %v", err)
				}
			},
			args:   []string{"--out", "prod.json"},
			stderr: "Error: --out prod.json would overwrite rm/prod.vars.hcl, a file this command reads",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"rm/roadmap.hcl": "variable \"capex\" {\n  default = 1\n}\n\nroadmap {\n  start = \"2027-01\"\n}\n"})
			if c.setup != nil {
				c.setup(t, dir)
			}
			t.Chdir(dir)
			before := map[string]fileState{}
			for _, f := range []string{"rm/roadmap.hcl", "values.json", "rm/prod.vars.hcl"} {
				if _, err := os.Stat(f); err == nil {
					before[f] = stateOf(t, f)
				}
			}
			entries, _ := os.ReadDir("rm")
			res := runCLI(t, append([]string{"plan", "--format", "json"}, append(c.args, "rm")...)...)
			res.wantExit(t, 1)
			if !strings.HasPrefix(res.Stderr, c.stderr) {
				t.Errorf("stderr = %q, want it to start %q", res.Stderr, c.stderr)
			}
			if res.Stdout != "" {
				t.Errorf("stdout is not empty:\n%s", res.Stdout)
			}
			for f, st := range before {
				st.assertUntouched(t, f)
			}
			if after, _ := os.ReadDir("rm"); len(after) != len(entries) {
				t.Errorf("rm/ held %d entries, now %d", len(entries), len(after))
			}
		})
	}
}

// TestPlanOutBesideTheRoadmap: a plan saved in the roadmap's directory
// under another name, or over the plan it is compared with, is allowed.
func TestPlanOutBesideTheRoadmap(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"rm/roadmap.hcl": "roadmap {\n  start = \"2027-01\"\n}\n"})
	t.Chdir(dir)
	runCLI(t, "plan", "--out", "rm/plan.json", "rm").wantExit(t, 0)
	runCLI(t, "plan", "--compare", "rm/plan.json", "--out", "rm/plan.json", "rm").wantExit(t, 0)
	if !strings.Contains(readFile(t, "rm/plan.json"), `"format_version"`) {
		t.Error("the plan was not saved")
	}
	runCLI(t, "validate", "rm").wantExit(t, 0)
}

// TestPlanOutUntouchedWhenTheCommandFails: whatever fails (loading,
// the base revision, the compared plan), an existing --out file keeps
// its content, inode and time.
func TestPlanOutUntouchedWhenTheCommandFails(t *testing.T) {
	const previous = `{"previous": "plan"}`
	cases := []struct {
		name  string
		setup func(t *testing.T, r *testRepo)
		args  []string
	}{
		{name: "unknown base revision", args: []string{"--base", "no-such-branch"}},
		{name: "base revision with errors", setup: func(t *testing.T, r *testRepo) {
			r.commit("broken", roadmapFiles(t, "broken"))
			r.replaceRoadmap(roadmapFiles(t, "v1"))
		}, args: []string{"--base", "HEAD"}},
		{name: "missing compared plan", args: []string{"--compare", "missing.json"}},
		{name: "compared file is not a plan", args: []string{"--compare", "roadmap/roadmap.hcl"}},
		{name: "roadmap with errors", setup: func(t *testing.T, r *testRepo) {
			r.write(map[string]string{"roadmap/extra.hcl": "project \"x\" {\n  nonsense = 1\n}\n"})
		}, args: []string{"--base", "HEAD"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := newTestRepo(t)
			r.commit("v1", roadmapFiles(t, "v1"))
			if c.setup != nil {
				c.setup(t, r)
			}
			r.write(map[string]string{"plan.json": previous})
			t.Chdir(r.dir)
			before := stateOf(t, "plan.json")
			res := runCLI(t, append([]string{"plan", "--out", "plan.json"}, append(c.args, "roadmap")...)...)
			res.wantExit(t, 1)
			before.assertUntouched(t, "plan.json")
		})
	}

	// And when it succeeds, the plan is saved.
	r := newTestRepo(t)
	r.commit("v1", roadmapFiles(t, "v1"))
	r.write(map[string]string{"plan.json": previous})
	t.Chdir(r.dir)
	runCLI(t, "plan", "--out", "plan.json", "--base", "HEAD", "roadmap").wantExit(t, 0)
	if got := readFile(t, "plan.json"); !strings.Contains(got, `"format_version"`) {
		t.Errorf("plan.json holds %q, want the saved plan", got)
	}
}

// TestShowOutNeverOverwritesThePlan: show --out cannot replace the plan
// it renders, under its name or a link to it, nor write a .hcl file.
func TestShowOutNeverOverwritesThePlan(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"rm/roadmap.hcl": "roadmap {\n  start = \"2027-01\"\n}\n"})
	t.Chdir(dir)
	runCLI(t, "plan", "--out", "plan.json", "rm").wantExit(t, 0)
	if err := os.Link("plan.json", "again.md"); err != nil {
		t.Skipf("cannot make hard links: %v", err)
	}
	before := stateOf(t, "plan.json")
	for _, c := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"show", "--format", "markdown", "--out", "plan.json", "plan.json"}, "Error: --out plan.json would overwrite plan.json, a file this command reads"},
		{[]string{"show", "--format", "markdown", "--out", "./again.md", "plan.json"}, "Error: --out ./again.md would overwrite plan.json, a file this command reads"},
		{[]string{"show", "--out", "rm/plan.hcl", "plan.json"}, "Error: --out rm/plan.hcl: a file named .hcl is read as part of a roadmap"},
	} {
		res := runCLI(t, c.args...)
		res.wantExit(t, 1)
		if !strings.HasPrefix(res.Stderr, c.stderr) {
			t.Errorf("%v: stderr = %q, want it to start %q", c.args, res.Stderr, c.stderr)
		}
	}
	before.assertUntouched(t, "plan.json")
	if _, err := os.Stat("rm/plan.hcl"); err == nil {
		t.Error("rm/plan.hcl was written")
	}
	runCLI(t, "show", "--format", "markdown", "--out", "plan.md", "plan.json").wantExit(t, 0)
}

// TestWritesRefuseLinkedDirectories: a directory on an output's path that
// a pull request replaced by a link (reports -> ../outside, site ->
// .git/hooks) steers no write, for plan --out, simulate --out, show --out
// and --split; the refusal names the link and nothing is written on
// either side (review qa17 A4). A link inside the checkout still works.
func TestWritesRefuseLinkedDirectories(t *testing.T) {
	const roadmap = "roadmap {\n  start = \"2027-Q1\"\n}\n\ndepartment \"d\" {\n  title = \"D\"\n}\n\nproject \"p\" {\n  duration = 1\n  endorsed_by = [department.d]\n}\n"
	runs := []struct {
		name string
		args []string // OUT stands for the output's directory
		file string   // what the run writes there
	}{
		{"plan --out", []string{"plan", "--out", "OUT/plan.json", "rm"}, "plan.json"},
		{"simulate --out", []string{"simulate", "--runs", "3", "--out", "OUT/sim.json", "rm"}, "sim.json"},
		{"show --out", []string{"show", "--out", "OUT/plan.md", "--format", "markdown", "base.json"}, "plan.md"},
		{"--split", []string{"plan", "--format", "html", "--split", "OUT", "rm"}, "index.html"},
		{"--split, new subdirectory", []string{"plan", "--format", "html", "--split", "OUT/new", "rm"}, "new/index.html"},
	}
	links := []struct {
		name, to string
		refused  string // the start of the error, "" when allowed
	}{
		{"outside", "../outside", "is a symbolic link to ABS/outside, outside ABS/repo"},
		{"absolute, outside", "ABS/outside", "is a symbolic link to ABS/outside, outside ABS/repo"},
		{"into .git", ".git/hooks", "is a symbolic link to ABS/repo/.git/hooks, a hidden file or one in a hidden directory"},
		{"inside", "site", ""},
	}
	for _, r := range runs {
		for _, l := range links {
			t.Run(r.name+"/"+l.name, func(t *testing.T) {
				root := t.TempDir()
				writeFiles(t, root, map[string]string{"repo/rm/roadmap.hcl": roadmap, "repo/.git/hooks/keep": "", "repo/site/keep": "", "outside/keep": ""})
				repo := filepath.Join(root, "repo")
				t.Chdir(repo)
				runCLI(t, "plan", "--format", "json", "--out", "base.json", "rm").wantExit(t, 0)
				if err := os.Symlink(strings.Replace(l.to, "ABS", root, 1), "reports"); err != nil {
					t.Skipf("cannot make symbolic links: %v", err)
				}
				args := slices.Clone(r.args)
				for i, a := range args {
					args[i] = strings.Replace(a, "OUT", "reports", 1)
				}
				res := runCLI(t, args...)
				if l.refused == "" {
					res.wantExit(t, 0)
					if _, err := os.Stat(filepath.Join(repo, "site", r.file)); err != nil {
						t.Errorf("nothing written through the link inside the checkout: %v", err)
					}
					return
				}
				real, err := filepath.EvalSymlinks(root) // the error names real paths
				if err != nil {
					t.Fatal(err)
				}
				want := "reports " + strings.ReplaceAll(l.refused, "ABS", real)
				if res.Code == 0 || !strings.Contains(res.Stderr, want) {
					t.Errorf("exit status %d, stderr %q: want the link refused (%q)", res.Code, res.Stderr, want)
				}
				for _, d := range []string{filepath.Join(root, "outside"), filepath.Join(repo, ".git", "hooks")} {
					entries, _ := os.ReadDir(d)
					if len(entries) != 1 {
						t.Errorf("%s now holds %d entries, want only keep", d, len(entries))
					}
				}
			})
		}
	}
}
