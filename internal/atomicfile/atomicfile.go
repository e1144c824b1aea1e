// Package atomicfile writes files so that a reader sees either the old
// content or the new, never a mix, and a failure never loses the old file.
//
// Every file roadmap writes (fmt's rewrites, plan --out) goes through
// WriteFile or Replace, and so under one rule, chosen to be the safe one
// when the files come from a pull request:
//
//   - A symbolic link is followed only as internal/symlink allows (to a
//     file inside the link's directory, through no hidden name); the
//     target is replaced and the link kept. Any other link is refused,
//     and so is a directory on the path that is such a link.
//   - A file with more than one hard link is refused: replacing it would
//     give this name new content and leave the other names the old.
//   - A read-only file is refused: one the user could not write, or one
//     with no write permission for anyone (so root does not override a
//     file made read-only on purpose).
//   - The replacement keeps the file's permission bits, owner and group.
//     When the owner or group cannot be kept (another user's file in a
//     shared directory) the file is refused rather than silently taken
//     over. The setuid, setgid and sticky bits are dropped, as the kernel
//     drops them when a file is written: new content is not what was
//     approved to run with privileges.
//   - Only regular files are written; a directory, pipe or device is
//     refused.
//
// Replace also refuses, writing nothing, when the file changed after it
// was read (another program saved it meanwhile), so that such edits are
// never overwritten.
package atomicfile

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/roadmap-as-code/roadmap/internal/symlink"
)

// Reasons a file is refused. Each comes wrapped in an *fs.PathError
// naming the path given; test them with errors.Is.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrHardLinked = errors.New("it has more than one hard link, and replacing it would leave the other names with the old content; copy it to break the link first")
	ErrReadOnly   = errors.New("it is read-only; make it writable first if it should change")
	ErrOwner      = errors.New("it belongs to another user or group, and replacing it would hand it to you; run the command as its owner")
	ErrChanged    = errors.New("it changed while it was being rewritten; nothing was written, run the command again")
)

// Original is what a file held when it was read, for Replace.
type Original struct {
	info fs.FileInfo
	sum  [sha256.Size]byte
}

// Remember records a file as read: info is its Stat taken before reading
// (from the open file), data the bytes read.
func Remember(info fs.FileInfo, data []byte) *Original {
	return &Original{info: info, sum: sha256.Sum256(data)}
}

// WriteFile writes data to a temporary file in the directory of the file
// path stands for, syncs it, gives it the permissions of the file it
// replaces (perm when there is none) and renames it over that file,
// under the package's rule. On any error nothing is changed and the
// temporary file is removed.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return writeFile(path, data, perm, nil, os.Rename)
}

// Replace is WriteFile for a file read before (orig): it refuses with
// ErrChanged when the file is no longer the one read or holds other bytes.
func Replace(path string, data []byte, orig *Original) error {
	return writeFile(path, data, 0o644, orig, os.Rename)
}

// Create writes a new file as WriteFile does, but never replaces one: when
// path exists (a file, a directory, a link, even a broken one) it refuses
// with an error wrapping fs.ErrExist and writes nothing. The temporary file
// is hard-linked into place, which fails if another program created path
// meanwhile, so that file is never overwritten either.
func Create(path string, data []byte, perm fs.FileMode) error {
	if _, err := os.Lstat(path); err == nil {
		return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	}
	exists := &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	return writeFile(path, data, perm, nil, func(tmp, target string) error {
		err := os.Link(tmp, target)
		switch {
		case err == nil:
			return os.Remove(tmp)
		case errors.Is(err, fs.ErrExist):
			return exists // writeFile removes tmp
		}
		// A file system without hard links: check, then rename.
		if _, err := os.Lstat(target); err == nil {
			return exists
		}
		return os.Rename(tmp, target)
	})
}

// writeFile is WriteFile with the final rename given, so tests can make
// it fail after the temporary file is written.
func writeFile(path string, data []byte, perm fs.FileMode, orig *Original, rename func(oldpath, newpath string) error) (err error) {
	refuse := func(err error) error { return &fs.PathError{Op: "write", Path: path, Err: err} }
	target, err := symlink.ResolvePath(path)
	if err != nil {
		return refuse(err)
	}
	var own *owner
	switch fi, statErr := os.Lstat(target); {
	case errors.Is(statErr, fs.ErrNotExist):
		if orig != nil {
			return refuse(ErrChanged)
		}
	case statErr != nil:
		return refuse(unwrapPathError(statErr))
	default:
		if err := checkReplaceable(target, fi); err != nil {
			return refuse(err)
		}
		perm = fi.Mode().Perm() // setuid, setgid and sticky dropped
		own = fileOwner(fi)
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		// Name the file the caller asked for, not the temporary one.
		return refuse(unwrapPathError(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if own != nil {
		if err = keepOwner(tmp, own); err != nil {
			return refuse(err)
		}
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if orig != nil {
		if err = unchanged(target, orig); err != nil {
			return refuse(err)
		}
	}
	return rename(tmp.Name(), target)
}

// checkReplaceable applies the rule to an existing file.
func checkReplaceable(path string, fi fs.FileInfo) error {
	if !fi.Mode().IsRegular() {
		return ErrNotRegular
	}
	if n := hardLinks(fi); n > 1 {
		return fmt.Errorf("%w (%d names)", ErrHardLinked, n)
	}
	if fi.Mode().Perm()&0o222 == 0 || !writable(path) {
		return ErrReadOnly
	}
	return nil
}

// unchanged reports ErrChanged unless path is still the file orig
// remembers (same file, size and modification time) with the same bytes.
// The bytes are compared too, since an editor can save within the
// modification time's resolution, or set it back.
func unchanged(path string, orig *Original) error {
	f, err := os.Open(path)
	if err != nil {
		return ErrChanged
	}
	defer f.Close()
	now, err := f.Stat()
	if err != nil || !os.SameFile(orig.info, now) || now.Size() != orig.info.Size() || !now.ModTime().Equal(orig.info.ModTime()) {
		return ErrChanged
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(f, orig.info.Size()+1)); err != nil {
		return ErrChanged
	}
	if !bytes.Equal(h.Sum(nil), orig.sum[:]) {
		return ErrChanged
	}
	return nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
