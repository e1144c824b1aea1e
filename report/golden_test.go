package report

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/roadmap-as-code/roadmap/internal/golden"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// assertGolden compares got with testdata/golden/name, rewriting it
// with -update.
func assertGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Assert(t, filepath.Join("testdata", "golden", name), got)
}

// fixturePlans are the hand-written plans under testdata/plans.
var fixturePlans = []string{"it2027", "wide16", "empty"}

// loadFixture reads testdata/plans/name.json with ReadPlan.
func loadFixture(t *testing.T, name string) *evaluate.Plan {
	t.Helper()
	return loadFixtureF(t, name)
}

func loadFixtureF(t testing.TB, name string) *evaluate.Plan {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "plans", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := ReadPlan(f)
	if err != nil {
		t.Fatalf("ReadPlan(%s): %v", name, err)
	}
	return p
}
