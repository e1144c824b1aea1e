package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// testdata/optimize: rank order gives the whole team to "a" for the year;
// "b" then "c" score more together.
func TestPlanOptimize(t *testing.T) {
	res := runCLI(t, "plan", "--optimize", "--seed", "3", "--format", "json", "testdata/optimize")
	res.wantExit(t, 0)
	var plan struct {
		Projects []struct {
			ID     string `json:"id"`
			Status string `json:"status"`
		} `json:"projects"`
		Optimization *struct {
			Method    string   `json:"method"`
			Seed      int64    `json:"seed"`
			Objective string   `json:"objective"`
			Baseline  float64  `json:"baseline"`
			Best      float64  `json:"best"`
			Bound     *float64 `json:"bound"`
			Schedules int      `json:"schedules"`
			Changes   []string `json:"changes"`
		} `json:"optimization"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &plan); err != nil {
		t.Fatal(err)
	}
	op := plan.Optimization
	if op == nil {
		t.Fatal("no optimization in the JSON plan")
	}
	if op.Seed != 3 || op.Objective != "value" || op.Best <= op.Baseline || op.Bound == nil || *op.Bound != op.Best || op.Schedules == 0 {
		t.Errorf("optimization %+v: want seed 3, value objective, best above baseline and equal to the bound", *op)
	}
	status := map[string]string{}
	for _, p := range plan.Projects {
		status[p.ID] = p.Status
	}
	if status["a"] != "deferred" || status["b"] != "scheduled" || status["c"] != "scheduled" {
		t.Errorf("statuses %v, want a deferred, b and c scheduled", status)
	}

	// The table says what changed and why.
	table := runCLI(t, "plan", "--optimize", "testdata/optimize")
	table.wantExit(t, 0)
	for _, want := range []string{"Optimisation", `Defer "a"`, `to make room for "b", "c"`} {
		if !strings.Contains(table.Stdout, want) {
			t.Errorf("table output lacks %q:\n%s", want, table.Stdout)
		}
	}

	// Without --optimize the plan has no optimization section.
	plain := runCLI(t, "plan", "--format", "json", "testdata/optimize")
	if strings.Contains(plain.Stdout, `"optimization"`) {
		t.Error("optimization reported without --optimize")
	}

	// The same seed gives the same bytes.
	again := runCLI(t, "plan", "--optimize", "--seed", "3", "--format", "json", "testdata/optimize")
	if again.Stdout != res.Stdout {
		t.Error("the same seed gave a different plan")
	}
}

// TestPlanOptimizeNoImprovement: when the search finds nothing better
// than rank order, the one change line says so, with the count written
// like the rest of the output (50,000, not 50000).
func TestPlanOptimizeNoImprovement(t *testing.T) {
	res := runCLI(t, "plan", "--optimize", "--time-limit", "10m", "--format", "json", exampleDir)
	res.wantExit(t, 0)
	var plan struct {
		Optimization struct {
			Changes []string `json:"changes"`
		} `json:"optimization"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &plan); err != nil {
		t.Fatal(err)
	}
	want := []string{"No better plan than rank order found in 50,000 schedules: no change."}
	if diff := cmp.Diff(want, plan.Optimization.Changes); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
}

// TestPlanOptimizeOneSchedule: a plan already at the bound evaluates one
// schedule, and every format says "1 schedule", not "1 schedules".
func TestPlanOptimizeOneSchedule(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": `roadmap {
  start   = "2027-Q1"
  period  = "quarter"
  horizon = 4
}

team "platform" {
  capacity = 2
}

project "a" {
  duration = 4
  effort   = { platform = 2 }
}
`})
	for _, format := range []string{"table", "markdown"} {
		res := runCLI(t, "plan", "--optimize", "--format", format, dir)
		res.wantExit(t, 0)
		if !strings.Contains(res.Stdout, "seed 1, 1 schedule evaluated.") {
			t.Errorf("%s output lacks %q:\n%s", format, "1 schedule evaluated.", res.Stdout)
		}
	}
}
