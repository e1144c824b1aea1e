package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// testRepo is a git repository in a temporary directory.
type testRepo struct {
	t   *testing.T
	dir string
}

// newTestRepo makes an empty repository on branch main, skipping the test
// when git is not installed (.ci/run installs it).
func newTestRepo(t *testing.T) *testRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: the --base tests need it (.ci/run installs it)")
	}
	r := &testRepo{t: t, dir: t.TempDir()}
	r.git("init", "-q")
	r.git("symbolic-ref", "HEAD", "refs/heads/main")
	r.git("config", "user.name", "Roadmap Tests")
	r.git("config", "user.email", "tests@example.com")
	r.git("config", "commit.gpgsign", "false")
	return r
}

// git runs git in the repository, isolated from the user's configuration.
func (r *testRepo) git(args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", append([]string{"-C", r.dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull, "LC_ALL=C")
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// write changes the working tree: name -> content, "" deletes the file.
func (r *testRepo) write(files map[string]string) {
	r.t.Helper()
	for name, content := range files {
		path := filepath.Join(r.dir, filepath.FromSlash(name))
		if content == "" {
			if err := os.Remove(path); err != nil {
				r.t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
}

// commit writes files, stages everything and commits.
func (r *testRepo) commit(msg string, files map[string]string) {
	r.t.Helper()
	r.write(files)
	r.git("add", "-A")
	r.git("commit", "-q", "-m", msg)
}

func listDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(data)
	}
	return out
}

func TestExportDirAtRevision(t *testing.T) {
	r := newTestRepo(t)
	r.commit("first", map[string]string{
		"README.md":               "hello\n",
		"plans/it/main.hcl":       "v1 main\n",
		"plans/it/projects.hcl":   "v1 projects\n",
		"plans/it/notes.txt":      "not hcl\n",
		"plans/it/sub/nested.hcl": "not loaded: a subdirectory\n",
	})
	r.commit("second", map[string]string{
		"plans/it/main.hcl":     "v2 main\n",
		"plans/it/projects.hcl": "",
		"plans/it/extra.hcl":    "v2 extra\n",
	})
	// Uncommitted and staged changes must survive untouched.
	r.write(map[string]string{"plans/it/main.hcl": "v3 work in progress\n"})
	r.git("add", "plans/it/main.hcl")
	r.write(map[string]string{"plans/it/extra.hcl": "unstaged edit\n"})
	statusBefore := r.git("status", "--porcelain")
	indexBefore, err := os.ReadFile(filepath.Join(r.dir, ".git", "index"))
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name, rev string
		want      map[string]string
	}{
		{"previous commit", "HEAD~1", map[string]string{"main.hcl": "v1 main\n", "projects.hcl": "v1 projects\n"}},
		{"branch name", "main", map[string]string{"main.hcl": "v2 main\n", "extra.hcl": "v2 extra\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at, err := exportDirAtRevision(context.Background(), filepath.Join(r.dir, "plans", "it"), tt.rev)
			if err != nil {
				t.Fatal(err)
			}
			defer at.Cleanup()
			if at.Prefix != "plans/it" {
				t.Errorf("prefix = %q, want plans/it", at.Prefix)
			}
			if filepath.Base(at.Dir) != "it" {
				t.Errorf("exported to %s, want a directory named it", at.Dir)
			}
			if diff := cmp.Diff(tt.want, listDir(t, at.Dir)); diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
			}
			at.Cleanup()
			if _, err := os.Stat(at.Dir); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("Cleanup left %s behind", at.Dir)
			}
		})
	}

	if got := r.git("status", "--porcelain"); got != statusBefore {
		t.Errorf("git status changed:\n%s\nwas:\n%s", got, statusBefore)
	}
	indexAfter, err := os.ReadFile(filepath.Join(r.dir, ".git", "index"))
	if err != nil {
		t.Fatal(err)
	}
	if string(indexAfter) != string(indexBefore) {
		t.Errorf("the index was rewritten")
	}
	if got := gitTestReadFile(t, filepath.Join(r.dir, "plans", "it", "main.hcl")); got != "v3 work in progress\n" {
		t.Errorf("working tree file changed to %q", got)
	}
}

func TestExportDirAtRevisionRoot(t *testing.T) {
	r := newTestRepo(t)
	r.commit("first", map[string]string{"main.hcl": "root v1\n", "docs/x.hcl": "elsewhere\n"})
	r.commit("second", map[string]string{"main.hcl": "root v2\n"})
	at, err := exportDirAtRevision(context.Background(), r.dir, "HEAD^")
	if err != nil {
		t.Fatal(err)
	}
	defer at.Cleanup()
	if at.Prefix != "" {
		t.Errorf("prefix = %q, want none", at.Prefix)
	}
	if diff := cmp.Diff(map[string]string{"main.hcl": "root v1\n"}, listDir(t, at.Dir)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
}

func TestExportDirAtRevisionAbsentDir(t *testing.T) {
	r := newTestRepo(t)
	r.commit("first", map[string]string{"README.md": "hello\n", "other/x.txt": "no hcl here\n"})
	r.commit("second", map[string]string{"roadmap/main.hcl": "new\n", "other/y.hcl": "y\n"})
	for _, dir := range []string{"roadmap", "other"} {
		at, err := exportDirAtRevision(context.Background(), filepath.Join(r.dir, dir), "HEAD~1")
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		if at.Dir != "" || at.Files != 0 {
			t.Errorf("%s: exported %d files to %q, want none", dir, at.Files, at.Dir)
		}
		at.Cleanup()
	}
}

func TestExportDirAtRevisionErrors(t *testing.T) {
	r := newTestRepo(t)
	r.commit("first", map[string]string{"roadmap/main.hcl": "v1\n"})
	notRepo := t.TempDir()
	tests := []struct {
		name, dir, rev, want string
	}{
		{"option-like revision", r.dir, "-h", `invalid revision "-h": a revision cannot start with "-"`},
		{"option with a value", r.dir, "--output=/tmp/x", `invalid revision "--output=/tmp/x": a revision cannot start with "-"`},
		{"empty revision", r.dir, "", "--base needs a git revision, e.g. --base origin/main"},
		{"unknown revision", r.dir, "no-such-branch", `unknown revision "no-such-branch": git cannot find a commit by that name`},
		{"a tree is not a commit", r.dir, "HEAD^{tree}", `unknown revision "HEAD^{tree}": git cannot find a commit by that name`},
		{"not a repository", notRepo, "HEAD", notRepo + " is not inside a git repository (--base reads the roadmap at a git revision)"},
		{"missing directory", filepath.Join(r.dir, "nope"), "HEAD", "stat " + filepath.Join(r.dir, "nope") + ": no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at, err := exportDirAtRevision(context.Background(), tt.dir, tt.rev)
			if err == nil {
				at.Cleanup()
				t.Fatalf("no error, want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n got %q\nwant %q", err.Error(), tt.want)
			}
		})
	}
}

func TestExportDirAtRevisionShallowCloneHint(t *testing.T) {
	r := newTestRepo(t)
	r.commit("first", map[string]string{"roadmap/main.hcl": "v1\n"})
	r.commit("second", map[string]string{"roadmap/main.hcl": "v2\n"})
	clone := filepath.Join(t.TempDir(), "clone")
	r.git("clone", "-q", "--depth", "1", "file://"+r.dir, clone)
	_, err := exportDirAtRevision(context.Background(), filepath.Join(clone, "roadmap"), "HEAD~1")
	want := `unknown revision "HEAD~1": git cannot find a commit by that name (this clone is shallow: fetch the revision first, e.g. git fetch origin main, or checkout with fetch-depth: 0)`
	if err == nil || err.Error() != want {
		t.Errorf("error:\n got %v\nwant %s", err, want)
	}
}

func TestExportDirAtRevisionLeavesNoTempFiles(t *testing.T) {
	r := newTestRepo(t)
	r.commit("first", map[string]string{"roadmap/main.hcl": "v1\n"})
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	at, err := exportDirAtRevision(context.Background(), filepath.Join(r.dir, "roadmap"), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	at.Cleanup()
	entries, _ := os.ReadDir(tmp)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	if len(names) != 0 {
		t.Errorf("left in TMPDIR: %v", names)
	}
}

func gitTestReadFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestExportDirAtRevisionWithoutGit(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PATH", t.TempDir()) // an empty directory: no git on it
	_, err := exportDirAtRevision(context.Background(), dir, "HEAD")
	if want := "--base needs git, which is not installed or not on PATH"; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}
