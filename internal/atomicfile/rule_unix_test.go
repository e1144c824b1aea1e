//go:build unix

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteFileKeepsOwnerDropsSetuid: as root, the replacement belongs to
// the old file's owner and group, keeps its permission bits and loses
// setuid, setgid and sticky.
func TestWriteFileKeepsOwnerDropsSetuid(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a file to another user")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "tool.hcl")
	mustWrite(t, path, "old", 0o755)
	if err := os.Chown(path, 4321, 8765); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o755|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	if st.Uid != 4321 || st.Gid != 8765 {
		t.Errorf("owner %d:%d, want 4321:8765", st.Uid, st.Gid)
	}
	if fi.Mode() != 0o755 {
		t.Errorf("mode %v, want -rwxr-xr-x (special bits dropped)", fi.Mode())
	}
	if got := readString(t, path); got != "new" {
		t.Errorf("file holds %q", got)
	}
}

// TestWriteFileRefusesAnotherUsersFile: a user who cannot keep the owner
// is refused rather than taking the file over.
func TestWriteFileRefusesAnotherUsersFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can keep any owner")
	}
	// A file in a directory we own, belonging to a group we are not in:
	// chown to it is refused to us.
	dir := t.TempDir()
	path := filepath.Join(dir, "a.hcl")
	mustWrite(t, path, "old", 0o666)
	tmp, err := os.CreateTemp(dir, "x")
	if err != nil {
		t.Fatal(err)
	}
	defer tmp.Close()
	if err := keepOwner(tmp, &owner{uid: os.Geteuid() + 1, gid: os.Getegid()}); !errors.Is(err, ErrOwner) {
		t.Errorf("keepOwner of another user = %v, want ErrOwner", err)
	}
}
