package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmap-as-code/roadmap/examples"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/atomicfile"
	"github.com/roadmap-as-code/roadmap/internal/symlink"
)

// initOptions are the flags of `roadmap init`.
type initOptions struct {
	dir     string
	example bool // the complete example instead of the starter
	ci      bool // also the GitHub workflow and the pre-commit configuration
}

func newInitCmd(g *globalOptions, s *Streams) *cobra.Command {
	o := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a starter roadmap (and CI files) into a directory",
		Long: `Write a commented starter roadmap into DIR (default: the current directory,
created when missing): the blocks most roadmaps need, ready to validate and plan, to be
edited into your own. --example writes the complete example roadmap of an
IT department instead.

--ci also writes the files that check the roadmap on every change, at the
top of the git repository holding DIR (else in the current directory):
.github/workflows/roadmap.yml, which runs the roadmap GitHub Action on pull
requests, and .pre-commit-config.yaml with the roadmap-fmt and
roadmap-validate hooks. When DIR already holds a roadmap, --ci writes only
these.

init never overwrites a file: when one it would write exists, it writes
nothing and says which.`,
		Example: `  roadmap init roadmap
  roadmap init --ci roadmap        # and the workflow and pre-commit hooks
  roadmap init --example demo      # the complete IT department example`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeDirs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = "."
			if len(args) == 1 {
				o.dir = args[0]
			}
			return runInit(cmd.Context(), g, s, o)
		},
	}
	cmd.Flags().BoolVar(&o.example, "example", false, "write the complete IT department example instead of the starter")
	cmd.Flags().BoolVar(&o.ci, "ci", false, "also write .github/workflows/roadmap.yml and .pre-commit-config.yaml")
	return cmd
}

// initFile is one file init writes.
type initFile struct {
	path string // as shown to the user
	data []byte
	what string // what it is for, "" for roadmap files
}

func runInit(ctx context.Context, g *globalOptions, s *Streams, o *initOptions) error {
	existing, err := hclspec.HCLFiles(o.dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("init: %w", err)
	}
	var files []initFile
	switch {
	case len(existing) == 0:
		src := examples.Starter()
		if o.example {
			src = examples.ITDepartment()
		}
		roadmap, err := exampleFiles(src, o.dir)
		if err != nil {
			return err
		}
		files = append(files, roadmap...)
	case !o.ci:
		return fmt.Errorf("%s already holds a roadmap (%s): init writes into a directory without .hcl files, and never over a file", o.dir, filepath.Base(existing[0]))
	default:
		fmt.Fprintf(s.Err, "%s already holds a roadmap: writing only the CI files.\n", o.dir)
	}
	if o.ci {
		ci, err := ciFiles(ctx, o.dir, releaseVersion(g.version))
		if err != nil {
			return err
		}
		files = append(files, ci...)
	}

	// All or nothing: refuse before writing when any file exists.
	var clash []string
	for _, f := range files {
		if _, err := os.Lstat(f.path); err == nil {
			clash = append(clash, f.path)
		}
	}
	if len(clash) > 0 {
		return fmt.Errorf("init writes no file over another; these exist: %s", strings.Join(clash, ", "))
	}
	for _, f := range files {
		if _, err := symlink.ResolvePath(filepath.Dir(f.path)); err != nil {
			return fmt.Errorf("init: %w", err) // MkdirAll would follow the link
		}
	}
	for _, f := range files {
		if err := os.MkdirAll(filepath.Dir(f.path), 0o755); err != nil {
			return fmt.Errorf("init: %w", err)
		}
		if err := atomicfile.Create(f.path, f.data, 0o644); err != nil {
			return fmt.Errorf("init: %w", err)
		}
	}
	return printInitSummary(s, o, files)
}

// exampleFiles are the .hcl (and README) files of src, to write into dir.
func exampleFiles(src fs.FS, dir string) ([]initFile, error) {
	names, err := fs.Glob(src, "*")
	if err != nil {
		return nil, err
	}
	var files []initFile
	for _, name := range names {
		data, err := fs.ReadFile(src, name)
		if err != nil {
			return nil, err
		}
		files = append(files, initFile{path: filepath.Join(dir, name), data: data})
	}
	return files, nil
}

func printInitSummary(s *Streams, o *initOptions, files []initFile) error {
	var b strings.Builder
	kind := "a starter roadmap"
	if o.example {
		kind = "the example roadmap"
	}
	roadmapShown, ciShown := false, false
	for _, f := range files {
		switch {
		case f.what == "" && !roadmapShown:
			fmt.Fprintf(&b, "Wrote %s to %s:\n", kind, o.dir)
			roadmapShown = true
		case f.what != "" && !ciShown:
			b.WriteString("Wrote the CI files:\n")
			ciShown = true
		}
		if f.what == "" {
			fmt.Fprintf(&b, "  %s\n", f.path)
		} else {
			fmt.Fprintf(&b, "  %s  (%s)\n", f.path, f.what)
		}
	}
	fmt.Fprintf(&b, "\nNext:\n  roadmap validate %s\n  roadmap plan %s\n", shellWord(o.dir), shellWord(o.dir))
	if ciShown {
		b.WriteString("  pre-commit install   # to run the hooks on every commit (https://pre-commit.com)\n")
	}
	_, err := fmt.Fprint(s.Out, b.String())
	return err
}

// shellWord quotes a path for the "Next:" commands when the shell would
// split or expand it.
func shellWord(p string) string {
	if regexp.MustCompile(`^[A-Za-z0-9_./-]+$`).MatchString(p) {
		return p
	}
	return "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
}

// actionMajor is the moving release tag of the Action and hooks
// (roadmap-as-code/roadmap@v1) that dev builds point at.
const actionMajor = "v1"

// ciFiles are the workflow and pre-commit configuration for a roadmap in
// dir, at the top of its git repository (else the current directory).
func ciFiles(ctx context.Context, dir, version string) ([]initFile, error) {
	root, rel, err := repositoryPlace(ctx, dir)
	if err != nil {
		return nil, err
	}
	return []initFile{
		{
			path: displayPath(filepath.Join(root, ".github", "workflows", "roadmap.yml")),
			data: []byte(workflowYAML(rel, version)),
			what: "GitHub Actions: fmt, validate and the plan diff on pull requests",
		},
		{
			path: displayPath(filepath.Join(root, ".pre-commit-config.yaml")),
			data: []byte(preCommitConfigYAML(rel, version)),
			what: "pre-commit hooks roadmap-fmt and roadmap-validate",
		},
	}, nil
}

// releaseVersion is version when it names a release ("v1.2.3"), else ""
// (dev builds, pseudo-versions, pre-releases).
func releaseVersion(version string) string {
	if regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+$`).MatchString(version) {
		return version
	}
	return ""
}

// repositoryPlace returns the top of the git repository holding dir (the
// current directory when there is none, or no git) and dir relative to it,
// with forward slashes.
func repositoryPlace(ctx context.Context, dir string) (root, rel string, err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "", err
	}
	// dir may not exist yet: ask git about its nearest existing ancestor.
	existing, rest := abs, ""
	for {
		if fi, err := os.Stat(existing); err == nil && fi.IsDir() {
			break
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			break
		}
		rest = filepath.Join(filepath.Base(existing), rest)
		existing = parent
	}
	if real, err := filepath.EvalSymlinks(existing); err == nil {
		existing = real
	}
	root, err = os.Getwd()
	if err != nil {
		return "", "", err
	}
	if top, gitErr := git(ctx, existing, "rev-parse", "--show-toplevel"); gitErr == nil {
		root = strings.TrimSpace(top)
	}
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	rel, err = filepath.Rel(root, filepath.Join(existing, rest))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", "", fmt.Errorf("init --ci: %s is outside %s, where the CI files go; run init from the repository", dir, root)
	}
	return root, filepath.ToSlash(rel), nil
}

// displayPath shows path relative to the current directory when it can.
func displayPath(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if real, err := filepath.EvalSymlinks(wd); err == nil {
		wd = real
	}
	if rel, err := filepath.Rel(wd, p); err == nil {
		return rel
	}
	return p
}

// yamlString quotes s as a YAML single-quoted scalar.
func yamlString(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// workflowYAML is .github/workflows/roadmap.yml for a roadmap at rel
// (relative to the repository's top, "." for the top itself).
func workflowYAML(rel, version string) string {
	ref := actionMajor
	if version != "" {
		ref = version
	}
	paths := "      - '**.hcl'\n"
	if rel != "." {
		paths = "      - " + yamlString(path.Join(rel, "**")) + "\n"
	}
	return `# Roadmap checks for pull requests (written by roadmap init --ci).
# On every pull request that touches the roadmap, the roadmap Action checks
# the formatting, annotates validation problems and failed checks on the
# changed lines, and posts the plan diff against the base branch as a
# comment, updated on every push. docs/ci.md explains each input.
name: roadmap

on:
  pull_request:
    paths:
` + paths + `      - '.github/workflows/roadmap.yml'

permissions:
  contents: read
  pull-requests: write # to post the plan comment

concurrency:
  group: roadmap-${{ github.event.pull_request.number }}
  cancel-in-progress: true

jobs:
  plan:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the plan diff reads the base branch from git

      - uses: roadmap-as-code/roadmap@` + ref + `
        with:
          directory: ` + yamlString(rel) + `
`
}

// preCommitConfigYAML is .pre-commit-config.yaml for a roadmap at rel.
func preCommitConfigYAML(rel, version string) string {
	rev := version
	note := ""
	if rev == "" {
		rev = actionMajor + ".0.0"
		note = " # pre-commit autoupdate moves it to the latest release"
	}
	hooks := "      - id: roadmap-fmt\n      - id: roadmap-validate\n"
	if rel != "." {
		files := yamlString("^" + regexp.QuoteMeta(rel) + "/")
		hooks = "      - id: roadmap-fmt\n        files: " + files + "\n" +
			"      - id: roadmap-validate\n        files: " + files + "\n        args: [" + yamlString(rel) + "]\n"
	}
	return `# pre-commit hooks (https://pre-commit.com), written by roadmap init --ci.
# Install them once per clone with: pre-commit install
repos:
  - repo: https://github.com/roadmap-as-code/roadmap
    rev: ` + rev + note + `
    hooks:
` + hooks
}
