package report

import (
	"path/filepath"
	"testing"

	"github.com/roadmap-as-code/roadmap/internal/golden"
)

// diffGolden compares got with testdata/golden/name, rewriting the file when
// the package's -update flag (defined with the other golden tests) is set,
// or UPDATE_GOLDEN=1 is in the environment.
func diffGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Assert(t, filepath.Join("testdata", "golden", name), got)
}
