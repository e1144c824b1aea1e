package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFileFailedRenameOfNewFile: when the file did not exist, a
// failure between write and rename leaves no file and no temporary file.
func TestWriteFileFailedRenameOfNewFile(t *testing.T) {
	dir := t.TempDir()
	if err := writeFile(filepath.Join(dir, "plan.json"), []byte("{}"), 0o644, nil, failingRename); err == nil {
		t.Fatal("want an error from the failing rename")
	}
	assertOnlyFiles(t, dir)
}

// TestWriteFileFailedRenameKeepsMode: the original keeps its content and
// its permissions when the replacement fails.
func TestWriteFileFailedRenameKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.hcl")
	if err := os.WriteFile(path, []byte("original"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(path, []byte("changed"), 0o644, nil, failingRename); err == nil {
		t.Fatal("want an error from the failing rename")
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "original" || fi.Mode().Perm() != 0o600 {
		t.Errorf("original is now %q with mode %v", got, fi.Mode().Perm())
	}
	assertOnlyFiles(t, dir, "a.hcl")
}
