//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// owner is a file's user and group.
type owner struct{ uid, gid int }

func fileOwner(fi fs.FileInfo) *owner {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return &owner{uid: int(st.Uid), gid: int(st.Gid)}
	}
	return nil
}

func hardLinks(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// writable reports whether the user running roadmap may write path, as
// the kernel decides (permissions, ACLs, a read-only mount).
func writable(path string) bool {
	return unix.Access(path, unix.W_OK) == nil
}

// keepOwner gives the new file the old one's user and group, or
// ErrOwner when that is not allowed.
func keepOwner(tmp *os.File, want *owner) error {
	fi, err := tmp.Stat()
	if err != nil {
		return err
	}
	if have := fileOwner(fi); have != nil && *have == *want {
		return nil
	}
	if err := tmp.Chown(want.uid, want.gid); err != nil {
		return ErrOwner
	}
	return nil
}
