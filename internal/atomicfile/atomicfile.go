// Package atomicfile writes files so that a reader sees either the old
// content or the new, never a mix, and a failure never loses the old file.
package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes data to a temporary file in path's directory, syncs it,
// gives it the permissions of the file it replaces (perm when there is
// none) and renames it over path. On any error the original is untouched
// and the temporary file is removed.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return writeFile(path, data, perm, os.Rename)
}

// writeFile is WriteFile with the final rename given, so tests can make
// it fail after the temporary file is written.
func writeFile(path string, data []byte, perm fs.FileMode, rename func(oldpath, newpath string) error) (err error) {
	if fi, statErr := os.Stat(path); statErr == nil {
		if !fi.Mode().IsRegular() {
			return &fs.PathError{Op: "write", Path: path, Err: errors.New("not a regular file")}
		}
		perm = fi.Mode().Perm()
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		// Name the file the caller asked for, not the temporary one.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return &fs.PathError{Op: "write", Path: path, Err: err}
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
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return rename(tmp.Name(), path)
}
