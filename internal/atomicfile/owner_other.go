//go:build !unix

package atomicfile

import (
	"io/fs"
	"os"
)

// owner is a file's user and group; systems other than Unix keep no
// such thing this package can set.
type owner struct{}

func fileOwner(fs.FileInfo) *owner { return nil }

func hardLinks(fs.FileInfo) uint64 { return 1 }

// writable is the permission bits' answer: the file is not read-only.
func writable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().Perm()&0o200 != 0
}

func keepOwner(*os.File, *owner) error { return nil }
