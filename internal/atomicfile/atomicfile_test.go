package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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
	if err := writeFile(path, []byte("changed"), 0o644, nil, failingRename); err == nil {
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

// failingRename stands for a crash between writing the temporary file and
// renaming it over the target.
func failingRename(string, string) error {
	return errors.New("simulated crash between write and rename")
}

// assertOnlyFiles fails unless dir holds exactly the files named in want,
// in lexical order.
func assertOnlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
		t.Fatalf("directory holds %q, want %q (temporary file left behind?)", got, want)
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

func TestCreateWritesANewFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.hcl")
	if err := Create(path, []byte("x = 1\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "x = 1\n" {
		t.Fatalf("read %q, %v", got, err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
}

func TestCreateNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file.hcl")
	if err := os.WriteFile(file, []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.hcl")
	if err := os.Symlink("nowhere.hcl", broken); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{file, broken, dir} {
		err := Create(path, []byte("theirs\n"), 0o644)
		if !errors.Is(err, fs.ErrExist) {
			t.Errorf("Create(%s) = %v, want fs.ErrExist", path, err)
		}
	}
	if got, _ := os.ReadFile(file); string(got) != "mine\n" {
		t.Errorf("file replaced: %q", got)
	}
	if _, err := os.Lstat(filepath.Join(dir, "nowhere.hcl")); err == nil {
		t.Error("Create wrote through a broken link")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("want only the two files, got %v", entries)
	}
}
