package report

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/roadmap-as-code/roadmap/internal/golden"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// picsFixtures are the hand-built plans under testdata/pics: a quarterly IT
// portfolio with dependencies, deadlines, vendors and checks; a monthly plan
// whose names need escaping; a weekly plan where nothing is scheduled.
func picsFixtures() []string {
	return []string{"portfolio", "monthly", "weekly-nothing-scheduled", "installed-base"}
}

// examplePlan loads and evaluates examples/it-department, the roadmap the
// README walks through.
func examplePlan(t *testing.T) *evaluate.Plan {
	t.Helper()
	return evaluatedDir(t, filepath.Join("..", "examples", "it-department"))
}

// picsPlans are every plan the picture renderers are tested on: the
// pictures' own fixtures, the other renderers' fixtures and the example.
func picsPlans(t *testing.T) map[string]*evaluate.Plan {
	t.Helper()
	plans := map[string]*evaluate.Plan{"it-department": examplePlan(t)}
	for _, name := range picsFixtures() {
		plans[name] = loadPicsFixture(t, name)
	}
	for _, name := range fixturePlans {
		plans["plans-"+name] = loadFixture(t, name)
	}
	return plans
}

// loadPicsFixture reads testdata/pics/name.json.
func loadPicsFixture(t *testing.T, name string) *evaluate.Plan {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "pics", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var p evaluate.Plan
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &p
}

// assertPicsGolden compares got with testdata/pics/name, rewriting it when
// updating goldens.
func assertPicsGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Assert(t, filepath.Join("testdata", "pics", name), got)
}
