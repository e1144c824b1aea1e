package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }

func TestAssertComparesAndRewrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.golden")
	r := &recorder{TB: t}
	Assert(r, path, []byte("a"))
	if !r.failed {
		t.Fatal("a missing golden file must fail")
	}
	t.Setenv("UPDATE_GOLDEN", "1")
	Assert(t, path, []byte("a"))
	if got, _ := os.ReadFile(path); string(got) != "a" {
		t.Fatalf("golden = %q, want %q", got, "a")
	}
	t.Setenv("UPDATE_GOLDEN", "")
	r = &recorder{TB: t}
	Assert(r, path, []byte("a"))
	if r.failed {
		t.Fatal("equal output must pass")
	}
	Assert(r, path, []byte("b"))
	if !r.failed {
		t.Fatal("different output must fail")
	}
}
