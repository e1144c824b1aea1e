package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileReplacesAndKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.json")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "new" {
		t.Errorf("content = %q, want %q", got, "new")
	}
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v, want 0640 kept from the original", fi.Mode().Perm())
	}
	assertOnlyFiles(t, dir, "plan.json")
}

func TestWriteFileNewFileUsesPerm(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.json")
	if err := WriteFile(path, []byte("x"), 0o604); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o604 {
		t.Errorf("mode = %v, want 0604", fi.Mode().Perm())
	}
}

func TestWriteFileFailedRenameLeavesOriginal(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.hcl")
	os.WriteFile(path, []byte("original"), 0o644)
	rename = func(string, string) error { return errors.New("simulated crash between write and rename") }
	defer func() { rename = os.Rename }()
	if err := WriteFile(path, []byte("changed"), 0o644); err == nil {
		t.Fatal("want an error from the failing rename")
	}
	got, _ := os.ReadFile(path)
	if string(got) != "original" {
		t.Errorf("original changed to %q", got)
	}
	assertOnlyFiles(t, dir, "a.hcl")
}

func TestWriteFileReadOnlyDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		// root ignores directory permissions; simulate with a missing directory instead.
		err := WriteFile(filepath.Join(t.TempDir(), "missing", "x"), []byte("x"), 0o644)
		if err == nil {
			t.Fatal("want an error writing into a missing directory")
		}
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "a.hcl")
	os.WriteFile(path, []byte("original"), 0o644)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	if err := WriteFile(path, []byte("changed"), 0o644); err == nil {
		t.Fatal("want an error in a read-only directory")
	}
	got, _ := os.ReadFile(path)
	if string(got) != "original" {
		t.Errorf("original changed to %q", got)
	}
}

func TestWriteFileRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFile(dir, []byte("x"), 0o644); err == nil {
		t.Fatal("want an error writing over a directory")
	}
}

func assertOnlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if len(got) != len(want) {
		t.Fatalf("directory holds %v, want %v (temporary file left behind?)", got, want)
	}
}

// A directory that does not exist is reported against the path asked for,
// not the name of the temporary file the user never chose.
func TestWriteFileMissingDirectoryNamesThePath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no-such-dir", "plan.json")
	err := WriteFile(path, []byte("x"), 0o644)
	if err == nil {
		t.Fatal("WriteFile into a missing directory succeeded")
	}
	if want := "write " + path + ": no such file or directory"; err.Error() != want {
		t.Errorf("error = %q, want %q", err.Error(), want)
	}
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("error %v does not wrap os.ErrNotExist", err)
	}
}
