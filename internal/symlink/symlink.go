// Package symlink holds the one rule roadmap applies to symbolic links,
// whether it reads a roadmap file through one or writes a file (fmt,
// plan --out) through one: a link is followed only to a file inside the
// directory that holds the link, reached without passing a hidden name.
//
// The rule keeps a link committed to a pull request from reaching what
// the pull request could not change itself: files outside the checkout
// (the runner's home, /etc), and hidden files and directories inside it
// (.git/config, .git/hooks, .env).
package symlink

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Reason says why a link is not followed.
type Reason int

const (
	// Broken: the link, or one on its way, leads nowhere (or loops).
	Broken Reason = iota + 1
	// Outside: the target is not inside the link's directory.
	Outside
	// Hidden: the target, or a directory between the link's directory
	// and it, has a name starting with a dot.
	Hidden
)

// Error is a link the rule refuses to follow.
type Error struct {
	Link   string // the path given
	Target string // where it leads, when known
	Dir    string // the link's directory, links resolved
	Reason Reason
	Err    error // for Broken: the error following it
}

func (e *Error) Error() string {
	switch e.Reason {
	case Broken:
		return fmt.Sprintf("%s is a symbolic link that cannot be followed: %v", e.Link, e.Err)
	case Outside:
		return fmt.Sprintf("%s is a symbolic link to %s, outside %s", e.Link, e.Target, e.Dir)
	default:
		return fmt.Sprintf("%s is a symbolic link to %s, a hidden file or one in a hidden directory", e.Link, e.Target)
	}
}

func (e *Error) Unwrap() error { return e.Err }

// Resolve returns the file that path stands for. A path that is not a
// symbolic link (or does not exist) is returned as it is. A link is
// followed through every link on the way, as filepath.EvalSymlinks does,
// and the final target is returned only when it lies inside the
// directory holding the link and no name from that directory down to it
// starts with a dot. Otherwise the error is an *Error saying why.
func Resolve(path string) (string, error) {
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return path, nil // the caller's own open or stat reports a missing file
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", &Error{Link: path, Reason: Broken, Err: err}
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(path))
	if err != nil {
		return "", &Error{Link: path, Reason: Broken, Err: err}
	}
	rel, err := filepath.Rel(dir, target)
	if err == nil && rel == "." {
		return target, nil // the directory itself: the caller finds it is no file
	}
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", &Error{Link: path, Target: target, Dir: dir, Reason: Outside}
	}
	for _, name := range strings.Split(rel, string(filepath.Separator)) {
		if strings.HasPrefix(name, ".") {
			return "", &Error{Link: path, Target: target, Dir: dir, Reason: Hidden}
		}
	}
	return target, nil
}

// ResolvePath is Resolve for every name on path's way, not only the
// last: each directory of path that is a symbolic link must lead inside
// the directory holding it, through no hidden name, or the error is an
// *Error naming that link (review qa17 A4: plan --out reports/plan.json
// followed a committed link reports -> ../outside). It returns path with
// its links resolved; names from the first that does not exist on are
// kept as they are, as no link can be among them. A relative path's
// names are checked from the working directory on, an absolute path's
// from the root.
func ResolvePath(path string) (string, error) {
	vol := filepath.VolumeName(path)
	resolved := vol
	if filepath.IsAbs(path) {
		resolved = vol + string(filepath.Separator)
	}
	names := strings.Split(path[len(vol):], string(filepath.Separator))
	for i, name := range names {
		if name == "" || name == "." {
			continue
		}
		// resolved holds no link, so ".." is its lexical parent.
		next := filepath.Join(resolved, name)
		if name != ".." {
			fi, err := os.Lstat(next)
			if err != nil {
				// Missing (or unreadable): the write reports it.
				return filepath.Join(append([]string{next}, names[i+1:]...)...), nil
			}
			if fi.Mode()&fs.ModeSymlink != 0 {
				if next, err = Resolve(next); err != nil {
					var e *Error
					if errors.As(err, &e) {
						// Relative to the working directory, not the link's.
						e.Target, e.Dir = absolute(e.Target), absolute(e.Dir)
					}
					return "", err
				}
			}
		}
		resolved = next
	}
	if resolved == "" {
		return ".", nil
	}
	return resolved, nil
}

// absolute is path made absolute, or path when that fails.
func absolute(path string) string {
	if path == "" {
		return path
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// IsRefused reports whether err is the rule refusing a link, and why.
func IsRefused(err error) (Reason, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason, true
	}
	return 0, false
}
