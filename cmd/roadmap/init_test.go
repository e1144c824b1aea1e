package main

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// listTree returns the files under dir, relative and with slashes.
func listTree(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Name() == ".git" {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	return files
}

// TestInitStarter: the starter validates, plans, is formatted and is the
// same as examples/starter.
func TestInitStarter(t *testing.T) {
	top := t.TempDir()
	dir := filepath.Join(top, "new", "roadmap")
	res := runCLI(t, "init", dir)
	res.wantExit(t, 0)
	want := []string{"checks.hcl", "organisation.hcl", "projects.hcl", "roadmap.hcl"}
	if diff := cmp.Diff(want, listTree(t, dir)); diff != "" {
		t.Fatalf("files (-want +got):\n%s", diff)
	}
	for _, name := range want {
		if readFile(t, filepath.Join(dir, name)) != readFile(t, filepath.Join("..", "..", "examples", "starter", name)) {
			t.Errorf("%s differs from examples/starter", name)
		}
	}
	if !strings.HasPrefix(res.Stdout, "Wrote a starter roadmap to "+dir+":\n") || !strings.Contains(res.Stdout, "roadmap plan "+dir) {
		t.Errorf("stdout:\n%s", res.Stdout)
	}
	validate := runCLI(t, "validate", dir)
	validate.wantExit(t, 0)
	if validate.Stderr != "" {
		t.Errorf("the starter has warnings:\n%s", validate.Stderr)
	}
	plan := runCLI(t, "plan", dir)
	plan.wantExit(t, 0)
	if !strings.Contains(plan.Stdout, "2 scheduled, 0 deferred, 0 dropped") {
		t.Errorf("the starter's plan:\n%s", plan.Stdout)
	}
	runCLI(t, "fmt", "--check", dir).wantExit(t, 0)
}

func TestInitExample(t *testing.T) {
	dir := t.TempDir()
	res := runCLI(t, "init", "--example", dir)
	res.wantExit(t, 0)
	if !slices.Contains(listTree(t, dir), "README.md") || !slices.Contains(listTree(t, dir), "example.vars.hcl") {
		t.Errorf("files: %v", listTree(t, dir))
	}
	runCLI(t, "validate", dir).wantExit(t, 0)
	runCLI(t, "plan", "--var-file", filepath.Join(dir, "example.vars.hcl"), dir).wantExit(t, 0)
}

// TestInitCI writes the CI files at the top of the git repository that
// holds DIR, pointing at DIR.
func TestInitCI(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	goldens, err := filepath.Abs(filepath.Join("testdata", "init"))
	if err != nil {
		t.Fatal(err)
	}
	repo := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", repo).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	t.Chdir(filepath.Join(repo))
	if err := os.MkdirAll("docs", 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir("docs") // init runs below the top; the CI files still go there
	res := runCLI(t, "init", "--ci", "../plans/it")
	res.wantExit(t, 0)
	want := []string{
		".github/workflows/roadmap.yml", ".pre-commit-config.yaml",
		"plans/it/checks.hcl", "plans/it/organisation.hcl", "plans/it/projects.hcl", "plans/it/roadmap.hcl",
	}
	if diff := cmp.Diff(want, listTree(t, repo)); diff != "" {
		t.Fatalf("files (-want +got):\n%s", diff)
	}
	assertGolden(t, filepath.Join(goldens, "roadmap.yml"), readFile(t, filepath.Join(repo, ".github", "workflows", "roadmap.yml")))
	assertGolden(t, filepath.Join(goldens, "pre-commit-config.yaml"), readFile(t, filepath.Join(repo, ".pre-commit-config.yaml")))
	assertGolden(t, filepath.Join(goldens, "stdout.txt"), strings.ReplaceAll(res.Stdout, repo, "$REPO"))

	// A roadmap already there: --ci adds only the CI files, and refuses
	// when they exist.
	for _, name := range []string{".github/workflows/roadmap.yml", ".pre-commit-config.yaml"} {
		if err := os.Remove(filepath.Join(repo, name)); err != nil {
			t.Fatal(err)
		}
	}
	res = runCLI(t, "init", "--ci", "../plans/it")
	res.wantExit(t, 0)
	if !strings.HasPrefix(res.Stderr, "../plans/it already holds a roadmap: writing only the CI files.\n") {
		t.Errorf("stderr: %q", res.Stderr)
	}
	if diff := cmp.Diff(want, listTree(t, repo)); diff != "" {
		t.Fatalf("files (-want +got):\n%s", diff)
	}
}

// TestInitNeverOverwrites: with any file in the way, init writes nothing.
func TestInitNeverOverwrites(t *testing.T) {
	t.Run("a roadmap already there", func(t *testing.T) {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{"mine.hcl": "# mine\n"})
		res := runCLI(t, "init", dir)
		res.wantExit(t, 1)
		want := "Error: " + dir + " already holds a roadmap (mine.hcl): init writes into a directory without .hcl files, and never over a file\n"
		if diff := cmp.Diff(want, res.Stderr); diff != "" {
			t.Errorf("stderr (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"mine.hcl"}, listTree(t, dir)); diff != "" {
			t.Errorf("files (-want +got):\n%s", diff)
		}
	})
	t.Run("a CI file in the way", func(t *testing.T) {
		top := t.TempDir()
		t.Chdir(top) // not a git repository: the CI files go here
		writeFiles(t, top, map[string]string{".pre-commit-config.yaml": "repos: []\n"})
		res := runCLI(t, "init", "--ci", "roadmap")
		res.wantExit(t, 1)
		want := "Error: init writes no file over another; these exist: .pre-commit-config.yaml\n"
		if diff := cmp.Diff(want, res.Stderr); diff != "" {
			t.Errorf("stderr (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{".pre-commit-config.yaml"}, listTree(t, top)); diff != "" {
			t.Errorf("files (-want +got):\n%s", diff)
		}
		if got := readFile(t, ".pre-commit-config.yaml"); got != "repos: []\n" {
			t.Errorf("overwritten: %q", got)
		}
	})
}

func TestReleaseVersion(t *testing.T) {
	for version, want := range map[string]string{
		"v1.2.3": "v1.2.3", "dev": "", "test": "", "v1.2.3-rc.1": "",
		"v1.2.4-0.20261201100000-0123456789ab+dirty": "",
	} {
		if got := releaseVersion(version); got != want {
			t.Errorf("releaseVersion(%q) = %q, want %q", version, got, want)
		}
	}
	if got := workflowYAML("rm", "v1.2.3"); !strings.Contains(got, "uses: roadmap-as-code/roadmap@v1.2.3\n") {
		t.Errorf("a release pins itself:\n%s", got)
	}
	if got := preCommitConfigYAML(".", "v1.2.3"); !strings.Contains(got, "    rev: v1.2.3\n") || strings.Contains(got, "args") {
		t.Errorf("pre-commit config for the top directory:\n%s", got)
	}
}
