// Package precommit tests the pre-commit hooks of .pre-commit-hooks.yaml
// with the pre-commit tool itself (pre-commit try-repo) in a temporary git
// repository holding the starter roadmap.
package precommit

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

const repo = "../.."

// hook is an entry of .pre-commit-hooks.yaml.
type hook struct {
	ID            string `yaml:"id"`
	Name          string `yaml:"name"`
	Description   string `yaml:"description"`
	Entry         string `yaml:"entry"`
	Language      string `yaml:"language"`
	Files         string `yaml:"files"`
	PassFilenames *bool  `yaml:"pass_filenames"`
}

// TestHooksFile: the two hooks roadmap init --ci configures exist, build
// with Go, and run on .hcl files; validate runs once, not per file.
func TestHooksFile(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repo, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []hook
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&hooks); err != nil {
		t.Fatal(err)
	}
	f := false
	want := []hook{
		{ID: "roadmap-fmt", Name: "roadmap fmt", Entry: "roadmap fmt", Language: "golang", Files: `\.hcl$`},
		{ID: "roadmap-validate", Name: "roadmap validate", Entry: "roadmap validate", Language: "golang", Files: `\.hcl$`, PassFilenames: &f},
	}
	for i := range hooks {
		if hooks[i].Description == "" {
			t.Errorf("hook %s has no description", hooks[i].ID)
		}
		hooks[i].Description = ""
	}
	if diff := cmp.Diff(want, hooks); diff != "" {
		t.Errorf(".pre-commit-hooks.yaml (-want +got):\n%s", diff)
	}
}

// preCommit returns the pre-commit command, or skips the test when it is
// not installed outside CI (scripts/ci-deps.sh installs it for make test).
func preCommit(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("pre-commit")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pre-commit is not installed: scripts/ci-deps.sh should have installed it (Debian package pre-commit)")
		}
		t.Skip("pre-commit is not installed (Debian: apt-get install pre-commit; make test installs it)")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	return bin
}

// hookEnv is the environment of pre-commit and git in the tests.
// pre-commit builds the hooks with `go install ./...` in a GOPATH of its
// own; the module and build caches are shared so nothing is downloaded
// again. Its own cache is the test's.
func hookEnv(t *testing.T) []string {
	t.Helper()
	goEnv := func(name string) string {
		out, err := exec.Command("go", "env", name).Output()
		if err != nil {
			t.Fatalf("go env %s: %v", name, err)
		}
		return strings.TrimSpace(string(out))
	}
	return append(os.Environ(),
		"PRE_COMMIT_HOME="+t.TempDir(),
		"GOMODCACHE="+goEnv("GOMODCACHE"),
		"GOCACHE="+goEnv("GOCACHE"),
		"GOFLAGS=-mod=readonly",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
		"NO_COLOR=1",
	)
}

// run runs a command in dir and returns its combined output and whether
// it succeeded.
func run(t *testing.T, env []string, dir, name string, args ...string) (string, bool) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
		}
	}
	return string(out), err == nil
}

// snapshot commits this checkout as it is (uncommitted changes and new
// files included, ignored files left out) into a temporary repository and
// returns it and the commit. pre-commit builds a hook's environment once
// per repository and rev in its cache, so every `pre-commit run` of the
// tests reuses one build.
func snapshot(t *testing.T, env []string, self string) (dir, rev string) {
	t.Helper()
	out, ok := run(t, env, self, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	if !ok {
		t.Fatalf("git ls-files: %s", out)
	}
	dir = t.TempDir()
	for _, name := range strings.Split(strings.TrimRight(out, "\x00"), "\x00") {
		src := filepath.Join(self, filepath.FromSlash(name))
		fi, err := os.Lstat(src)
		if err != nil || !fi.Mode().IsRegular() {
			continue // deleted in the working tree, or a link
		}
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, fi.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-q", "-m", "snapshot"}} {
		if out, ok := run(t, env, dir, "git", args...); !ok {
			t.Fatalf("git %v: %s", args, out)
		}
	}
	out, ok = run(t, env, dir, "git", "rev-parse", "HEAD")
	if !ok {
		t.Fatalf("git rev-parse: %s", out)
	}
	return dir, strings.TrimSpace(out)
}

// hookRun is what the pre-commit tests share: one snapshot of this
// checkout and one pre-commit cache, so pre-commit builds the hooks once.
type hookRun struct {
	bin       string   // pre-commit
	env       []string // hookEnv
	self      string   // this checkout
	repo, rev string   // its snapshot
}

// TestPreCommit runs the hooks with the pre-commit tool: with try-repo,
// and through the configuration roadmap init --ci writes.
func TestPreCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds roadmap inside pre-commit: not in -short")
	}
	h := hookRun{bin: preCommit(t), env: hookEnv(t)}
	self, err := filepath.Abs(repo)
	if err != nil {
		t.Fatal(err)
	}
	h.self = self
	h.repo, h.rev = snapshot(t, h.env, self)
	t.Run("try-repo", func(t *testing.T) { testTryRepo(t, h) })
	t.Run("init --ci config", func(t *testing.T) { testInitConfig(t, h) })
}

// testTryRepo runs both hooks of this checkout (its uncommitted changes
// included) on the starter roadmap: once with pre-commit try-repo, where
// roadmap-fmt rewrites a badly laid out file and fails the commit while
// roadmap-validate passes; then, with a configuration naming the same
// repository and rev (pre-commit run: try-repo builds the hooks anew on
// every call), fmt passes and validate fails, with the problem's
// position, on a broken roadmap.
func testTryRepo(t *testing.T, h hookRun) {
	bin, env := h.bin, h.env
	dir := t.TempDir()
	starter, err := filepath.Glob(filepath.Join(repo, "examples", "starter", "*.hcl"))
	if err != nil || len(starter) == 0 {
		t.Fatalf("examples/starter: %v", err)
	}
	for _, src := range starter {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(src)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	roadmapFile := filepath.Join(dir, "roadmap.hcl")
	formatted, err := os.ReadFile(roadmapFile)
	if err != nil {
		t.Fatal(err)
	}
	// The same file laid out badly: attributes not aligned, spaces around.
	messy := strings.ReplaceAll(string(formatted), " = ", "   =   ")
	if messy == string(formatted) {
		t.Fatal("roadmap.hcl has no attribute to misalign")
	}
	if err := os.WriteFile(roadmapFile, []byte(messy), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-q", "-m", "starter"}} {
		if out, ok := run(t, env, dir, "git", args...); !ok {
			t.Fatalf("git %v: %s", args, out)
		}
	}

	out, ok := run(t, env, dir, bin, "try-repo", h.repo, "--ref", h.rev, "--all-files", "--color", "never")
	if ok || !regexp.MustCompile(`roadmap fmt\.+Failed`).MatchString(out) ||
		!strings.Contains(out, "files were modified by this hook") || !strings.Contains(out, "roadmap.hcl") {
		t.Fatalf("roadmap-fmt on a badly laid out file: want a failure naming roadmap.hcl, got (ok=%v):\n%s", ok, out)
	}
	if !regexp.MustCompile(`roadmap validate\.+Passed`).MatchString(out) {
		t.Errorf("roadmap-validate on the starter roadmap: want it to pass, got:\n%s", out)
	}
	got, err := os.ReadFile(roadmapFile)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(formatted), string(got)); diff != "" {
		t.Errorf("roadmap.hcl after roadmap-fmt (-formatted +got):\n%s", diff)
	}

	config := "repos:\n  - repo: " + h.repo + "\n    rev: " + h.rev + "\n    hooks:\n      - id: roadmap-fmt\n      - id: roadmap-validate\n"
	if err := os.WriteFile(filepath.Join(dir, ".pre-commit-config.yaml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, ok := run(t, env, dir, "git", "add", "."); !ok {
		t.Fatal(out)
	}
	if out, ok := run(t, env, dir, bin, "run", "--all-files", "--color", "never"); !ok {
		t.Errorf("both hooks on the formatted starter roadmap: want them to pass, got:\n%s", out)
	}
	broken := filepath.Join(dir, "broken.hcl")
	if err := os.WriteFile(broken, []byte("project \"orphan\" {\n  title      = \"Orphan\"\n  depends_on = [\"nosuch\"]\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, ok := run(t, env, dir, "git", "add", "broken.hcl"); !ok {
		t.Fatal(out)
	}
	out, ok = run(t, env, dir, bin, "run", "--all-files", "--color", "never")
	if ok || !strings.Contains(out, "on broken.hcl line 3") || !strings.Contains(out, "nosuch") {
		t.Errorf("roadmap-validate on a broken roadmap: want a failure naming broken.hcl and \"nosuch\", got (ok=%v):\n%s", ok, out)
	}
}

// testInitConfig runs the .pre-commit-config.yaml that roadmap init --ci
// writes for a roadmap in a subdirectory, pointed at this checkout: both
// hooks run on that directory only, fmt fixes a file, validate catches an
// error there.
func testInitConfig(t *testing.T, h hookRun) {
	bin, env, hooks, rev := h.bin, h.env, h.repo, h.rev
	roadmapBin := filepath.Join(t.TempDir(), "roadmap")
	if out, ok := run(t, env, h.self, "go", "build", "-o", roadmapBin, "./cmd/roadmap"); !ok {
		t.Fatalf("go build: %s", out)
	}
	dir := t.TempDir()
	if out, ok := run(t, env, dir, "git", "init", "-q"); !ok {
		t.Fatal(out)
	}
	if out, ok := run(t, env, dir, roadmapBin, "init", "--ci", "plans"); !ok {
		t.Fatalf("roadmap init --ci plans: %s", out)
	}
	configPath := filepath.Join(dir, ".pre-commit-config.yaml")
	config, err := os.ReadFile(configPath)
	if err != nil {
		t.Fatal(err)
	}
	pointed := regexp.MustCompile(`(?m)^(\s*- repo: ).*$`).ReplaceAllString(string(config), "${1}"+hooks)
	pointed = regexp.MustCompile(`(?m)^(\s*rev: ).*$`).ReplaceAllString(pointed, "${1}"+rev)
	if pointed == string(config) || !strings.Contains(pointed, rev) || !strings.Contains(pointed, "args: ['plans']") {
		t.Fatalf("unexpected config from roadmap init --ci:\n%s", config)
	}
	if err := os.WriteFile(configPath, []byte(pointed), 0o644); err != nil {
		t.Fatal(err)
	}
	roadmapFile := filepath.Join(dir, "plans", "roadmap.hcl")
	formatted, err := os.ReadFile(roadmapFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(roadmapFile, []byte(strings.ReplaceAll(string(formatted), " = ", "   =   ")), 0o644); err != nil {
		t.Fatal(err)
	}
	// A badly laid out .hcl file outside the roadmap directory: not the
	// hooks' business.
	outside := filepath.Join(dir, "other.hcl")
	if err := os.WriteFile(outside, []byte("a   =   1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"add", "."}, {"commit", "-q", "-m", "roadmap"}} {
		if out, ok := run(t, env, dir, "git", args...); !ok {
			t.Fatalf("git %v: %s", args, out)
		}
	}
	runHooks := func() (string, bool) {
		return run(t, env, dir, bin, "run", "--all-files", "--color", "never")
	}
	out, ok := runHooks()
	if ok || !strings.Contains(out, "files were modified by this hook") || !regexp.MustCompile(`roadmap validate\.+Passed`).MatchString(out) {
		t.Fatalf("first run: want roadmap-fmt to fix plans/roadmap.hcl and validate to pass, got (ok=%v):\n%s", ok, out)
	}
	if got, _ := os.ReadFile(roadmapFile); string(got) != string(formatted) {
		t.Errorf("plans/roadmap.hcl after roadmap-fmt:\n%s\nwant:\n%s", got, formatted)
	}
	if got, _ := os.ReadFile(outside); string(got) != "a   =   1\n" {
		t.Errorf("other.hcl, outside the roadmap, was rewritten: %q", got)
	}
	if out, ok := runHooks(); !ok {
		t.Errorf("second run: want both hooks to pass, got:\n%s", out)
	}
	if err := os.WriteFile(filepath.Join(dir, "plans", "broken.hcl"), []byte("goal \"x\" {\n  weight = \"heavy\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, ok := run(t, env, dir, "git", "add", "."); !ok {
		t.Fatal(out)
	}
	out, ok = runHooks()
	if ok || !strings.Contains(out, "plans/broken.hcl line 2") {
		t.Errorf("a broken roadmap: want roadmap-validate to fail naming plans/broken.hcl line 2, got (ok=%v):\n%s", ok, out)
	}
}
