package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// Reading a roadmap directory as it was at a git revision, through git's
// plumbing commands, without touching the working tree or the index.

// errNotGitRepo is returned when DIR is not inside a git work tree.
var errNotGitRepo = errors.New("not inside a git repository")

// checkRevision refuses revisions git could take for an option, and other
// strings that cannot name a revision.
func checkRevision(rev string) error {
	switch {
	case rev == "":
		return errors.New("--base needs a git revision, e.g. --base origin/main")
	case strings.HasPrefix(rev, "-"):
		return fmt.Errorf("invalid revision %q: a revision cannot start with \"-\"", rev)
	case strings.ContainsAny(rev, "\x00\n\r"):
		return fmt.Errorf("invalid revision %q", rev)
	}
	return nil
}

// dirAtRevision is a roadmap directory exported from a revision.
type dirAtRevision struct {
	Dir    string // where its files were written; "" when it did not exist
	Commit string // the full commit id the revision names
	Prefix string // the directory's path inside the repository, "" at its root
	Files  int    // *.hcl files written
	tmp    string
}

// Cleanup removes the exported files.
func (d *dirAtRevision) Cleanup() {
	if d.tmp != "" {
		os.RemoveAll(d.tmp)
	}
}

// exportDirAtRevision writes the *.hcl files directly in dir, as they were
// at rev, into a new temporary directory. dir may be any directory inside a
// git work tree. When dir did not exist at rev, or held no *.hcl file, the
// result has Dir "" and no error. The caller must call Cleanup.
func exportDirAtRevision(ctx context.Context, dir, rev string) (*dirAtRevision, error) {
	if err := checkRevision(rev); err != nil {
		return nil, err
	}
	if fi, err := os.Stat(dir); err != nil {
		return nil, err
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", dir)
	}
	top, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		var gerr *gitError
		if errors.As(err, &gerr) && strings.Contains(gerr.stderr, "not a git repository") {
			return nil, fmt.Errorf("%s is %w (--base reads the roadmap at a git revision)", dir, errNotGitRepo)
		}
		return nil, err
	}
	top = strings.TrimRight(top, "\n")
	if top == "" {
		// Inside .git, or a bare repository: no work tree to compare.
		return nil, fmt.Errorf("%s is %w", dir, errNotGitRepo)
	}
	// --show-prefix is the directory's path relative to the top, as git
	// sees it, so symlinked paths to the repository work too.
	prefix, err := git(ctx, dir, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, err
	}
	prefix = strings.TrimSuffix(strings.TrimRight(prefix, "\n"), "/")

	commit, err := git(ctx, top, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		if _, headErr := git(ctx, top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}"); headErr != nil {
			// An unborn branch: no revision can name a commit yet.
			return nil, fmt.Errorf("unknown revision %q: the repository has no commits yet", rev)
		}
		hint := ""
		if shallow, _ := git(ctx, top, "rev-parse", "--is-shallow-repository"); strings.TrimSpace(shallow) == "true" {
			hint = " (this clone is shallow: fetch the revision first, e.g. git fetch origin main, or checkout with fetch-depth: 0)"
		}
		return nil, fmt.Errorf("unknown revision %q: git cannot find a commit by that name%s", rev, hint)
	}
	res := &dirAtRevision{Commit: strings.TrimSpace(commit), Prefix: prefix}

	// List the entries directly in the directory (not recursively).
	spec := "."
	if prefix != "" {
		spec = prefix + "/"
	}
	listing, err := git(ctx, top, "ls-tree", "-z", "--full-name", res.Commit, "--", spec)
	if err != nil {
		return nil, err
	}
	type blob struct{ name, id string }
	var blobs []blob
	for _, entry := range strings.Split(listing, "\x00") {
		// "<mode> SP <type> SP <object> TAB <path>"
		meta, name, ok := strings.Cut(entry, "\t")
		if !ok {
			continue
		}
		fields := strings.Fields(meta)
		if len(fields) != 3 || fields[1] != "blob" || (fields[0] != "100644" && fields[0] != "100755") {
			continue // trees, submodules and symbolic links
		}
		base := path.Base(name)
		if path.Dir(name) != dirOrDot(prefix) || !strings.HasSuffix(base, ".hcl") {
			continue
		}
		blobs = append(blobs, blob{name: base, id: fields[2]})
	}
	if len(blobs) == 0 {
		return res, nil
	}

	res.tmp, err = os.MkdirTemp("", "roadmap-base-")
	if err != nil {
		return nil, err
	}
	// Keep the directory's name, so file names in messages still say where
	// the files come from.
	res.Dir = filepath.Join(res.tmp, filepath.FromSlash(dirOrDot(prefix)))
	if err := os.MkdirAll(res.Dir, 0o755); err != nil {
		res.Cleanup()
		return nil, err
	}
	for _, b := range blobs {
		content, err := git(ctx, top, "cat-file", "blob", b.id)
		if err != nil {
			res.Cleanup()
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(res.Dir, b.name), []byte(content), 0o644); err != nil {
			res.Cleanup()
			return nil, err
		}
		res.Files++
	}
	return res, nil
}

func dirOrDot(prefix string) string {
	if prefix == "" {
		return "."
	}
	return prefix
}

// gitError is a git command that failed, with what it said.
type gitError struct {
	args   []string
	stderr string
	err    error
}

func (e *gitError) Error() string {
	msg := strings.TrimSpace(e.stderr)
	if msg == "" {
		msg = e.err.Error()
	}
	return fmt.Sprintf("git %s: %s", strings.Join(e.args, " "), msg)
}

func (e *gitError) Unwrap() error { return e.err }

// git runs git in dir and returns its stdout. Configuration that could run
// programs or page output is neutralised; the environment is otherwise the
// process's, so git finds the user's repository settings.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return "", errors.New("--base needs git, which is not installed or not on PATH")
	}
	full := append([]string{"-C", dir, "-c", "core.fsmonitor=false", "--no-pager"}, args...)
	cmd := exec.CommandContext(ctx, "git", full...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = append(gitEnviron(os.Environ()), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "GIT_LITERAL_PATHSPECS=1", "LC_ALL=C")
	if err := cmd.Run(); err != nil {
		return "", &gitError{args: args, stderr: stderr.String(), err: err}
	}
	return stdout.String(), nil
}

// gitEnviron adapts the environment to git running in another directory
// (-C): git hooks export paths such as GIT_INDEX_FILE=.git/index relative to
// the hook's directory, and a GIT_DIR without GIT_WORK_TREE means the
// current directory is the work tree. Both are made absolute, so git sees
// the same repository roadmap was started in.
func gitEnviron(env []string) []string {
	cwd, err := os.Getwd()
	if err != nil {
		return env
	}
	out := make([]string, 0, len(env)+1)
	hasDir, hasWorkTree := false, false
	for _, kv := range env {
		key, value, _ := strings.Cut(kv, "=")
		switch key {
		case "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR":
			if value != "" && !filepath.IsAbs(value) {
				kv = key + "=" + filepath.Join(cwd, value)
			}
			hasDir = hasDir || key == "GIT_DIR"
			hasWorkTree = hasWorkTree || key == "GIT_WORK_TREE"
		}
		out = append(out, kv)
	}
	if hasDir && !hasWorkTree {
		out = append(out, "GIT_WORK_TREE="+cwd)
	}
	return out
}
