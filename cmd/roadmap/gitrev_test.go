package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/hclspec"
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

// sourcesOf returns what was read, by base name, checking each file is
// named as the working tree's file in dir.
func sourcesOf(t *testing.T, at *dirAtRevision, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, content := range at.Sources {
		if filepath.Dir(name) != dir {
			t.Errorf("%s is not named as a file of %s", name, dir)
		}
		out[filepath.Base(name)] = string(content)
	}
	return out
}

func TestReadDirAtRevision(t *testing.T) {
	r := newTestRepo(t)
	r.commit("first", map[string]string{
		"README.md":                "hello\n",
		"plans/it/main.hcl":        "v1 main\n",
		"plans/it/projects.hcl":    "v1 projects\n",
		"plans/it/notes.txt":       "not hcl\n",
		"plans/it/sub/nested.hcl":  "not loaded: a subdirectory\n",
		"plans/it/.hidden.hcl":     "not loaded: hidden\n",
		"plans/it/dev.vars.hcl":    "not loaded: a variable file read only with --var-file\n",
		"plans/it/a.auto.vars.hcl": "loaded: an automatic variable file\n",
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
		{"previous commit", "HEAD~1", map[string]string{"main.hcl": "v1 main\n", "projects.hcl": "v1 projects\n", "a.auto.vars.hcl": "loaded: an automatic variable file\n"}},
		{"branch name", "main", map[string]string{"main.hcl": "v2 main\n", "extra.hcl": "v2 extra\n", "a.auto.vars.hcl": "loaded: an automatic variable file\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(r.dir, "plans", "it")
			at, err := readDirAtRevision(context.Background(), dir, tt.rev, hclspec.DefaultSourceLimits())
			if err != nil {
				t.Fatal(err)
			}
			if at.Prefix != "plans/it" {
				t.Errorf("prefix = %q, want plans/it", at.Prefix)
			}
			if diff := cmp.Diff(tt.want, sourcesOf(t, at, dir)); diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
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

func TestReadDirAtRevisionRoot(t *testing.T) {
	r := newTestRepo(t)
	r.commit("first", map[string]string{"main.hcl": "root v1\n", "docs/x.hcl": "elsewhere\n"})
	r.commit("second", map[string]string{"main.hcl": "root v2\n"})
	at, err := readDirAtRevision(context.Background(), r.dir, "HEAD^", hclspec.DefaultSourceLimits())
	if err != nil {
		t.Fatal(err)
	}
	if at.Prefix != "" {
		t.Errorf("prefix = %q, want none", at.Prefix)
	}
	if diff := cmp.Diff(map[string]string{"main.hcl": "root v1\n"}, sourcesOf(t, at, r.dir)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
}

func TestReadDirAtRevisionAbsentDir(t *testing.T) {
	r := newTestRepo(t)
	r.commit("first", map[string]string{"README.md": "hello\n", "other/x.txt": "no hcl here\n"})
	r.commit("second", map[string]string{"roadmap/main.hcl": "new\n", "other/y.hcl": "y\n"})
	for _, dir := range []string{"roadmap", "other"} {
		at, err := readDirAtRevision(context.Background(), filepath.Join(r.dir, dir), "HEAD~1", hclspec.DefaultSourceLimits())
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		if len(at.Sources) != 0 {
			t.Errorf("%s: read %d files, want none", dir, len(at.Sources))
		}
	}
}

func TestReadDirAtRevisionErrors(t *testing.T) {
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
			at, err := readDirAtRevision(context.Background(), tt.dir, tt.rev, hclspec.DefaultSourceLimits())
			if err == nil {
				t.Fatalf("read %d files, want the error %q", len(at.Sources), tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n got %q\nwant %q", err.Error(), tt.want)
			}
		})
	}
}

func TestReadDirAtRevisionShallowCloneHint(t *testing.T) {
	r := newTestRepo(t)
	r.commit("first", map[string]string{"roadmap/main.hcl": "v1\n"})
	r.commit("second", map[string]string{"roadmap/main.hcl": "v2\n"})
	clone := filepath.Join(t.TempDir(), "clone")
	r.git("clone", "-q", "--depth", "1", "file://"+r.dir, clone)
	_, err := readDirAtRevision(context.Background(), filepath.Join(clone, "roadmap"), "HEAD~1", hclspec.DefaultSourceLimits())
	want := `unknown revision "HEAD~1": git cannot find a commit by that name (this clone is shallow: fetch the revision first, e.g. git fetch origin main, or checkout with fetch-depth: 0)`
	if err == nil || err.Error() != want {
		t.Errorf("error:\n got %v\nwant %s", err, want)
	}
}

func TestReadDirAtRevisionWritesNothing(t *testing.T) {
	r := newTestRepo(t)
	r.commit("first", map[string]string{"roadmap/main.hcl": "v1\n"})
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	at, err := readDirAtRevision(context.Background(), filepath.Join(r.dir, "roadmap"), "HEAD", hclspec.DefaultSourceLimits())
	if err != nil {
		t.Fatal(err)
	}
	if len(at.Sources) != 1 {
		t.Errorf("read %d files, want 1", len(at.Sources))
	}
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

func TestReadDirAtRevisionWithoutGit(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PATH", t.TempDir()) // an empty directory: no git on it
	_, err := readDirAtRevision(context.Background(), dir, "HEAD", hclspec.DefaultSourceLimits())
	if want := "--base needs git, which is not installed or not on PATH"; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

// gitLogger puts a git on PATH that logs each command line to the
// returned file before running the real git, so a test can see which
// commands ran.
func gitLogger(t *testing.T) (log string) {
	t.Helper()
	real, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	bin := t.TempDir()
	log = filepath.Join(bin, "log")
	script := "#!/bin/sh\necho \"$*\" >> '" + log + "'\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return log
}

// TestReadDirAtRevisionRefusesFromSizes: files over the limits at the
// revision are refused from the sizes git lists, with the working tree's
// diagnostics named REV:path, before any blob is read (no cat-file). The
// limits are lowered for the test.
func TestReadDirAtRevisionRefusesFromSizes(t *testing.T) {
	r := newTestRepo(t)
	r.commit("first", map[string]string{
		"roadmap/a.hcl":           strings.Repeat("#", 100) + "\n",
		"roadmap/b.hcl":           strings.Repeat("#", 3000) + "\n",
		"roadmap/c.auto.vars.hcl": strings.Repeat("#", 500) + "\n",
		"roadmap/d.hcl":           "\n",
		"roadmap/notes.md":        strings.Repeat("#", 100000),
	})
	tests := []struct {
		name string
		lim  hclspec.SourceLimits
		want []string // summary, file, detail
	}{
		{"a file over the file limit", hclspec.SourceLimits{FileBytes: 2048, DirBytes: 1 << 20, Files: 10}, []string{
			"File too large", "HEAD:roadmap/b.hcl", "HEAD:roadmap/b.hcl is 3001 bytes; a roadmap file may be at most 2048 bytes. Split it into several files.",
		}},
		{"the files together over the directory limit", hclspec.SourceLimits{FileBytes: 1 << 20, DirBytes: 3500, Files: 10}, []string{
			"Roadmap too large", "HEAD:roadmap/c.auto.vars.hcl", "The .hcl files of HEAD:roadmap hold more than 3500 bytes together, the most roadmap loads from one directory. Split the roadmap, or move data that is not part of it elsewhere.",
		}},
		{"too many files", hclspec.SourceLimits{FileBytes: 1 << 20, DirBytes: 1 << 20, Files: 3}, []string{
			"Too many files", "HEAD:roadmap/d.hcl", "HEAD:roadmap holds more than 3 .hcl files, the most roadmap loads from one directory. Put projects together in fewer files.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := gitLogger(t)
			_, err := readDirAtRevision(context.Background(), filepath.Join(r.dir, "roadmap"), "HEAD", tt.lim)
			var refused *sourceRefusal
			if !errors.As(err, &refused) {
				t.Fatalf("error = %v, want a refusal", err)
			}
			var got []string
			for _, d := range refused.diags {
				got = append(got, d.Summary, d.Subject.Filename, d.Detail)
				if d.Severity != hcl.DiagError || d.Subject.Start.Line != 1 || d.Subject.Start.Column != 1 {
					t.Errorf("%s: severity %v at %v, want an error at 1:1", d.Summary, d.Severity, d.Subject.Start)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
			if commands := gitTestReadFile(t, log); strings.Contains(commands, "cat-file") {
				t.Errorf("a blob was read before the refusal:\n%s", commands)
			}
		})
	}
	t.Run("within the limits", func(t *testing.T) {
		lim := hclspec.SourceLimits{FileBytes: 3001, DirBytes: 3604, Files: 4}
		at, err := readDirAtRevision(context.Background(), filepath.Join(r.dir, "roadmap"), "HEAD", lim)
		if err != nil {
			t.Fatal(err)
		}
		if len(at.Sources) != 4 {
			t.Errorf("read %d files, want 4", len(at.Sources))
		}
	})
}

// TestReadDirAtRevisionOneGitForAllBlobs: however many files, their
// blobs are read by one git cat-file --batch process, byte for byte
// (binary content, no newline at the end, an empty file).
func TestReadDirAtRevisionOneGitForAllBlobs(t *testing.T) {
	r := newTestRepo(t)
	files := map[string]string{
		"roadmap/binary.hcl":   "\x00\x01\n\r\xff no newline",
		"roadmap/unicode.hcl":  "# zürich 日本\n",
		"roadmap/trailing.hcl": "a\n\n\n",
	}
	for i := range 50 {
		files[fmt.Sprintf("roadmap/p%02d.hcl", i)] = fmt.Sprintf("project %q {}\n", fmt.Sprint(i))
	}
	r.write(files)
	if err := os.WriteFile(filepath.Join(r.dir, "roadmap", "empty.hcl"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	files["roadmap/empty.hcl"] = ""
	r.git("add", "-A")
	r.git("commit", "-q", "-m", "files")
	log := gitLogger(t)
	at, err := readDirAtRevision(context.Background(), filepath.Join(r.dir, "roadmap"), "HEAD", hclspec.DefaultSourceLimits())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for name, content := range files {
		want[strings.TrimPrefix(name, "roadmap/")] = content
	}
	if diff := cmp.Diff(want, sourcesOf(t, at, filepath.Join(r.dir, "roadmap"))); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if got := strings.Count(gitTestReadFile(t, log), "cat-file"); got != 1 {
		t.Errorf("git cat-file ran %d times, want once", got)
	}
}

// TestReadDirAtRevisionInterrupted: a cancelled context stops the read
// with the context's error.
func TestReadDirAtRevisionInterrupted(t *testing.T) {
	r := newTestRepo(t)
	r.commit("first", map[string]string{"roadmap/main.hcl": "v1\n"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := readDirAtRevision(ctx, filepath.Join(r.dir, "roadmap"), "HEAD", hclspec.DefaultSourceLimits())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
}
