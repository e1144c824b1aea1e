package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/hclspec"
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

// dirAtRevision is a roadmap directory as it was at a revision.
type dirAtRevision struct {
	Commit string // the full commit id the revision names
	Prefix string // the directory's path inside the repository, "" at its root
	// Sources are the files a load reads, named as the working tree's
	// (filepath.Join(dir, base name)); none when the directory did not
	// exist at the revision or held no such file.
	Sources map[string][]byte
}

// readDirAtRevision reads the roadmap files directly in dir (*.hcl, not
// hidden, and of variable files only *.auto.vars.hcl, the ones a load
// reads), as they were at rev, into memory. dir may be any directory
// inside a git work tree.
//
// The files are checked against lim from the sizes git lists, before
// any is read, with the diagnostics a load of the working tree gives (a
// *sourceRefusal naming the files REV:path); one git cat-file process
// then reads every blob, exactly the size listed.
func readDirAtRevision(ctx context.Context, dir, rev string, lim hclspec.SourceLimits) (*dirAtRevision, error) {
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

	blobs, err := listBlobs(ctx, top, res.Commit, prefix, lim.Files)
	if err != nil {
		return nil, err
	}
	if len(blobs) == 0 {
		return res, nil
	}
	// Name the files the way git does, REV:path, so the messages say
	// which version they are about.
	gitName := rev + ":" + strings.TrimPrefix(prefix+"/", "/")
	sizes := make([]hclspec.SourceSize, len(blobs))
	for i, b := range blobs {
		sizes[i] = hclspec.SourceSize{Name: gitName + b.name, Size: b.size}
	}
	if diags := hclspec.CheckSourceSizes(strings.TrimSuffix(gitName, "/"), sizes, lim); diags.HasErrors() {
		return nil, &sourceRefusal{rev: rev, diags: diags}
	}

	contents, err := readBlobs(ctx, top, blobs)
	if err != nil {
		return nil, err
	}
	res.Sources = make(map[string][]byte, len(blobs))
	for i, b := range blobs {
		res.Sources[filepath.Join(dir, b.name)] = contents[i]
	}
	return res, nil
}

// sourceRefusal is a directory at a revision refused from its sizes, with
// the diagnostics loading it would have given.
type sourceRefusal struct {
	rev   string
	diags hcl.Diagnostics
}

func (e *sourceRefusal) Error() string {
	return fmt.Sprintf("the roadmap at %s is over the limits: %s", e.rev, e.diags.Error())
}

// treeBlob is a roadmap file in a git tree.
type treeBlob struct {
	name string // base name
	id   string // object id
	size int64  // as git lists it
}

// maxTreeEntry bounds one entry of git ls-tree's output: its mode, type,
// id, size and path. A longer one holds a name no file system takes.
const maxTreeEntry = 64 << 10

// listBlobs lists the roadmap files directly in the directory prefix of
// commit, with their sizes, in git's order (bytewise, as HCLFiles
// sorts). It reads git's listing as a stream and stops once it has more
// than limit files: that many refuse the directory whatever they hold.
func listBlobs(parent context.Context, top, commit, prefix string, limit int) ([]treeBlob, error) {
	spec := "."
	if prefix != "" {
		spec = prefix + "/"
	}
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	p, err := startGit(ctx, top, nil, "ls-tree", "-z", "-l", "--full-name", commit, "--", spec)
	if err != nil {
		return nil, err
	}
	r := bufio.NewReaderSize(p.stdout, maxTreeEntry)
	var blobs []treeBlob
	for len(blobs) <= limit {
		entry, err := r.ReadSlice(0)
		if err == bufio.ErrBufferFull {
			// Not a file roadmap could write: skip to the next entry.
			for err == bufio.ErrBufferFull {
				_, err = r.ReadSlice(0)
			}
			continue
		}
		if err == io.EOF && len(entry) == 0 {
			break
		}
		if err != nil {
			cancel()
			return nil, p.fail(err)
		}
		if b, ok := parseTreeEntry(string(entry[:len(entry)-1]), prefix); ok {
			blobs = append(blobs, b)
		}
	}
	if len(blobs) > limit {
		cancel() // the rest of the listing is not needed
	}
	err = p.wait()
	switch {
	case parent.Err() != nil:
		return nil, parent.Err() // killed: the listing may be cut short
	case len(blobs) > limit:
		return blobs, nil
	case err != nil:
		return nil, err
	}
	return blobs, nil
}

// parseTreeEntry reads one entry of git ls-tree -l, "<mode> SP <type> SP
// <object> SP+ <size> TAB <path>", keeping regular files directly in
// prefix that a load reads.
func parseTreeEntry(entry, prefix string) (treeBlob, bool) {
	meta, name, ok := strings.Cut(entry, "\t")
	if !ok {
		return treeBlob{}, false
	}
	fields := strings.Fields(meta)
	if len(fields) != 4 || fields[1] != "blob" || (fields[0] != "100644" && fields[0] != "100755") {
		return treeBlob{}, false // trees, submodules and symbolic links
	}
	base := path.Base(name)
	if path.Dir(name) != dirOrDot(prefix) || !loadedAtRevision(base) {
		return treeBlob{}, false
	}
	size, err := strconv.ParseInt(fields[3], 10, 64)
	if err != nil || size < 0 {
		return treeBlob{}, false
	}
	return treeBlob{name: base, id: fields[2], size: size}, true
}

// loadedAtRevision says whether a load reads a file of this name from a
// roadmap directory: roadmap files and automatic variable files.
func loadedAtRevision(base string) bool {
	if !hclspec.IsHCLName(base) || strings.ContainsAny(base, `/\`) {
		return false
	}
	return !hclspec.IsVarFileName(base) || hclspec.IsAutoVarFileName(base)
}

// readBlobs reads the blobs through one git cat-file --batch process,
// each exactly the size git listed for it.
func readBlobs(parent context.Context, top string, blobs []treeBlob) ([][]byte, error) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	var ids strings.Builder
	for _, b := range blobs {
		ids.WriteString(b.id)
		ids.WriteByte('\n')
	}
	p, err := startGit(ctx, top, strings.NewReader(ids.String()), "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	r := bufio.NewReaderSize(p.stdout, 64<<10)
	contents := make([][]byte, len(blobs))
	for i, b := range blobs {
		err := parent.Err()
		if err == nil {
			contents[i], err = readBlob(r, b)
		}
		if err != nil {
			cancel()
			if parent.Err() != nil {
				p.wait() // killed
				return nil, parent.Err()
			}
			return nil, p.fail(err)
		}
	}
	return contents, p.wait()
}

// readBlob reads one object of git cat-file --batch's output, "<object>
// SP <type> SP <size> LF <contents> LF". It must be the blob listed, of
// the size listed (so within the limits).
func readBlob(r *bufio.Reader, b treeBlob) ([]byte, error) {
	header, err := r.ReadSlice('\n')
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", b.name, err)
	}
	fields := strings.Fields(string(header))
	if len(fields) != 3 || fields[0] != b.id || fields[1] != "blob" || fields[2] != strconv.FormatInt(b.size, 10) {
		return nil, fmt.Errorf("reading %s: git answered %q for blob %s of %d bytes", b.name, strings.TrimSpace(string(header)), b.id, b.size)
	}
	content := make([]byte, b.size)
	if _, err := io.ReadFull(r, content); err != nil {
		return nil, fmt.Errorf("reading %s: %w", b.name, err)
	}
	if c, err := r.ReadByte(); err != nil || c != '\n' {
		return nil, fmt.Errorf("reading %s: git's output does not end where its size says", b.name)
	}
	return content, nil
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
	cmd, err := gitCommand(ctx, dir, args)
	if err != nil {
		return "", err
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", &gitError{args: args, stderr: stderr.String(), err: err}
	}
	return stdout.String(), nil
}

// gitProcess is a git command whose output is read as a stream.
type gitProcess struct {
	cmd    *exec.Cmd
	args   []string
	stdout io.ReadCloser
	stderr *bytes.Buffer
}

// startGit starts git in dir as git does, with stdin as its input (nil:
// none), its output to be read from stdout. ctx ending kills it.
func startGit(ctx context.Context, dir string, stdin io.Reader, args ...string) (*gitProcess, error) {
	cmd, err := gitCommand(ctx, dir, args)
	if err != nil {
		return nil, err
	}
	cmd.Stdin = stdin
	p := &gitProcess{cmd: cmd, args: args, stderr: &bytes.Buffer{}}
	cmd.Stderr = p.stderr
	if p.stdout, err = cmd.StdoutPipe(); err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, &gitError{args: args, err: err}
	}
	return p, nil
}

// wait waits for git to end, and says why it failed.
func (p *gitProcess) wait() error {
	if err := p.cmd.Wait(); err != nil {
		return &gitError{args: p.args, stderr: p.stderr.String(), err: err}
	}
	return nil
}

// fail ends a process whose output could not be read: git's own error,
// when it has one, says more than the read's.
func (p *gitProcess) fail(readErr error) error {
	if err := p.wait(); err != nil {
		var gerr *gitError
		if errors.As(err, &gerr) && strings.TrimSpace(gerr.stderr) != "" {
			return err
		}
	}
	return readErr
}

// gitCommand is git run in dir with args, killed when ctx ends.
func gitCommand(ctx context.Context, dir string, args []string) (*exec.Cmd, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, errors.New("--base needs git, which is not installed or not on PATH")
	}
	full := append([]string{"-C", dir, "-c", "core.fsmonitor=false", "--no-pager"}, args...)
	cmd := exec.CommandContext(ctx, "git", full...)
	cmd.Env = append(gitEnviron(os.Environ()), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "GIT_LITERAL_PATHSPECS=1", "LC_ALL=C")
	// Once git is killed, do not wait for pipes a child of it may hold.
	cmd.WaitDelay = time.Second
	return cmd, nil
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
