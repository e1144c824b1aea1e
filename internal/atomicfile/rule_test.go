package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/roadmap-as-code/roadmap/internal/symlink"
)

// TestWriteFileThroughLinks: a link to a file inside its directory is
// written through and kept; a link elsewhere is refused and nothing is
// written on either side of it.
func TestWriteFileThroughLinks(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "work")
	for _, f := range []string{"work/plans/latest.json", "work/.git/config", "outside.json"} {
		mustWrite(t, filepath.Join(root, f), "old", 0o644)
	}
	cases := []struct {
		name, to string
		written  string // the file that must hold the new content, "" when refused
		reason   symlink.Reason
	}{
		{name: "inside", to: filepath.Join("plans", "latest.json"), written: "work/plans/latest.json"},
		{name: "outside", to: filepath.Join("..", "outside.json"), reason: symlink.Outside},
		{name: "into .git", to: filepath.Join(".git", "config"), reason: symlink.Hidden},
		{name: "dangling", to: "nowhere.json", reason: symlink.Broken},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			link := filepath.Join(dir, "plan.json")
			os.Remove(link)
			if err := os.Symlink(c.to, link); err != nil {
				t.Skipf("cannot make symbolic links: %v", err)
			}
			err := WriteFile(link, []byte("new"), 0o644)
			if fi, lerr := os.Lstat(link); lerr != nil || fi.Mode()&fs.ModeSymlink == 0 {
				t.Errorf("the link was replaced (%v)", lerr)
			}
			if c.written == "" {
				if reason, refused := symlink.IsRefused(err); !refused || reason != c.reason {
					t.Fatalf("WriteFile = %v, want the link refused (reason %d)", err, c.reason)
				}
				for _, f := range []string{"work/plans/latest.json", "work/.git/config", "outside.json"} {
					if got := readString(t, filepath.Join(root, f)); got != "old" {
						t.Errorf("%s now holds %q", f, got)
					}
				}
				if _, err := os.Stat(filepath.Join(dir, "nowhere.json")); err == nil {
					t.Error("a dangling link's target was created")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := readString(t, filepath.Join(root, c.written)); got != "new" {
				t.Errorf("target holds %q, want the new content", got)
			}
			mustWrite(t, filepath.Join(root, c.written), "old", 0o644)
		})
	}
}

// TestWriteFileThroughLinkedDirectory: a directory on the path that is a
// link is held to the same rule as a link to the file (review qa17 A4:
// reports -> ../outside made plan --out reports/plan.json write outside).
func TestWriteFileThroughLinkedDirectory(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "work")
	cases := []struct {
		name, to string
		written  string // the file that must hold the new content, "" when refused
		reason   symlink.Reason
	}{
		{name: "inside", to: "site", written: "work/site/plan.json"},
		{name: "outside", to: filepath.Join("..", "outside"), reason: symlink.Outside},
		{name: "absolute, outside", to: filepath.Join(root, "outside"), reason: symlink.Outside},
		{name: "into .git", to: filepath.Join(".git", "hooks"), reason: symlink.Hidden},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, f := range []string{"work/site/plan.json", "work/.git/hooks/plan.json", "outside/plan.json"} {
				mustWrite(t, filepath.Join(root, f), "old", 0o644)
			}
			link := filepath.Join(dir, "reports")
			os.Remove(link)
			if err := os.Symlink(c.to, link); err != nil {
				t.Skipf("cannot make symbolic links: %v", err)
			}
			err := WriteFile(filepath.Join(link, "plan.json"), []byte("new"), 0o644)
			// Create, for a file that does not exist yet.
			errCreate := Create(filepath.Join(link, "new.json"), []byte("new"), 0o644)
			if c.written == "" {
				for _, err := range []error{err, errCreate} {
					var e *symlink.Error
					if !errors.As(err, &e) || e.Reason != c.reason || e.Link != link {
						t.Errorf("write = %v, want the link %s refused (reason %d)", err, link, c.reason)
					}
				}
				for _, f := range []string{"work/site/plan.json", "work/.git/hooks/plan.json", "outside/plan.json"} {
					if got := readString(t, filepath.Join(root, f)); got != "old" {
						t.Errorf("%s now holds %q", f, got)
					}
				}
				for _, f := range []string{"work/.git/hooks/new.json", "outside/new.json"} {
					if _, err := os.Lstat(filepath.Join(root, f)); err == nil {
						t.Errorf("%s was created", f)
					}
				}
				return
			}
			if err != nil || errCreate != nil {
				t.Fatal(err, errCreate)
			}
			for _, f := range []string{c.written, "work/site/new.json"} {
				if got := readString(t, filepath.Join(root, f)); got != "new" {
					t.Errorf("%s holds %q, want the new content", f, got)
				}
			}
		})
	}
}

// TestWriteFileRefusesHardLinks: replacing one name of a hard-linked
// file would leave the other with the old content.
func TestWriteFileRefusesHardLinks(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.hcl")
	mustWrite(t, path, "old", 0o644)
	if err := os.Link(path, filepath.Join(dir, "b.hcl")); err != nil {
		t.Skipf("cannot make hard links: %v", err)
	}
	err := WriteFile(path, []byte("new"), 0o644)
	if !errors.Is(err, ErrHardLinked) {
		t.Fatalf("WriteFile = %v, want ErrHardLinked", err)
	}
	for _, name := range []string{"a.hcl", "b.hcl"} {
		if got := readString(t, filepath.Join(dir, name)); got != "old" {
			t.Errorf("%s holds %q", name, got)
		}
	}
	assertOnlyFiles(t, dir, "a.hcl", "b.hcl")
}

// TestWriteFileRefusesReadOnly: a file without write permission stays as
// it is, for root too (rename would otherwise replace it).
func TestWriteFileRefusesReadOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.json")
	mustWrite(t, path, "old", 0o444)
	if err := WriteFile(path, []byte("new"), 0o644); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("WriteFile = %v, want ErrReadOnly", err)
	}
	if got := readString(t, path); got != "old" {
		t.Errorf("file holds %q", got)
	}
	assertOnlyFiles(t, dir, "plan.json")
}

// TestReplaceRefusesChangedFile: edits saved between read and write are
// never overwritten, even when the size and modification time stay.
func TestReplaceRefusesChangedFile(t *testing.T) {
	cases := []struct {
		name   string
		change func(t *testing.T, path string)
	}{
		{name: "unchanged"},
		{name: "appended", change: func(t *testing.T, path string) {
			mustWrite(t, path, "old, and an edit", 0o644)
		}},
		{name: "same size and time", change: func(t *testing.T, path string) {
			fi, _ := os.Stat(path)
			mustWrite(t, path, "OLD", 0o644)
			if err := os.Chtimes(path, time.Time{}, fi.ModTime()); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "replaced by another file", change: func(t *testing.T, path string) {
			other := path + ".new"
			mustWrite(t, other, "old", 0o644)
			if err := os.Rename(other, path); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "removed", change: func(t *testing.T, path string) {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "a.hcl")
			mustWrite(t, path, "old", 0o644)
			orig := rememberFile(t, path)
			var before string
			if c.change != nil {
				c.change(t, path)
				before, _ = readStringIfAny(path)
			}
			err := Replace(path, []byte("formatted"), orig)
			if c.change == nil {
				if err != nil {
					t.Fatal(err)
				}
				if got := readString(t, path); got != "formatted" {
					t.Errorf("file holds %q", got)
				}
				return
			}
			if !errors.Is(err, ErrChanged) {
				t.Fatalf("Replace = %v, want ErrChanged", err)
			}
			if got, _ := readStringIfAny(path); got != before {
				t.Errorf("file holds %q, want the edit %q kept", got, before)
			}
		})
	}
}

func rememberFile(t *testing.T, path string) *Original {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return Remember(fi, data)
}

func mustWrite(t *testing.T, path, content string, perm fs.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, 0o644) // so a read-only file can be rewritten by the test
	if err := os.WriteFile(path, []byte(content), perm); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, perm); err != nil {
		t.Fatal(err)
	}
}

func readString(t *testing.T, path string) string {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(got)
}

func readStringIfAny(path string) (string, error) {
	got, err := os.ReadFile(path)
	return string(got), err
}
