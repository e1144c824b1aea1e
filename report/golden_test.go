package report

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// assertGolden compares got with testdata/golden/name, rewriting it
// with -update.
func assertGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
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
