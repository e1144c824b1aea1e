package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate/scenario"
	"github.com/roadmap-as-code/roadmap/report"
)

// TestCompareTotalTimeLimit: --total-time-limit bounds every column's
// search together (review qa17 A11: nine columns of a roadmap with
// optimize = true took 50 s of CPU at 5 s a column). A total too small
// for any search ends each at its first look at the clock, and each
// column says the total ended it; with the default total the columns are
// plan --scenario X --optimize's plans.
func TestCompareTotalTimeLimit(t *testing.T) {
	res := runCLI(t, "compare", "--optimize", "--total-time-limit", "1ns", "--format", "json", exampleDir)
	res.wantExit(t, 0)
	var c struct {
		Scenarios []struct {
			Name         string `json:"name"`
			Optimization struct {
				Changes          []string `json:"changes"`
				TimeLimitReached bool     `json:"time_limit_reached"`
			} `json:"optimization"`
		} `json:"scenarios"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Scenarios) < 2 {
		t.Fatalf("%d columns, want base and the example's scenarios", len(c.Scenarios))
	}
	for _, col := range c.Scenarios {
		op := col.Optimization
		last := ""
		if n := len(op.Changes); n > 0 {
			last = op.Changes[n-1]
		}
		if !op.TimeLimitReached || !strings.HasPrefix(last, "The total time limit of 1ns (--total-time-limit, every search together) ended the search, at its share of what was left, after ") {
			t.Errorf("column %s: time_limit_reached %v, last change %q; want the total named", col.Name, op.TimeLimitReached, last)
		}
	}
	for _, want := range []string{"Warning: Optimiser time limit reached",
		"The time limit of 5s per search (--time-limit), or its share of 1ns for every search together (--total-time-limit), ended the optimiser's search in base, ",
		"a longer --time-limit and --total-time-limit make it reproducible"} {
		if !strings.Contains(res.Stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, res.Stderr)
		}
	}
	// The table marks the columns as a --time-limit stop does.
	res = runCLI(t, "compare", "--optimize", "--total-time-limit", "1ns", exampleDir)
	res.wantExit(t, 0)
	if !strings.Contains(res.Stdout, "time limit reached") {
		t.Errorf("the table does not mark the columns:\n%s", res.Stdout)
	}
}

// TestCompareTotalTimeLimitAmple: with a total that does not bite, an
// optimised column is plan --scenario X --optimize's plan: the same
// optimisation report and totals.
func TestCompareTotalTimeLimitAmple(t *testing.T) {
	res := runCLI(t, "compare", "--optimize", "--time-limit", "10m", "--total-time-limit", "100h", "--scenario", "budget_cut", "--format", "json", exampleDir)
	res.wantExit(t, 0)
	var c scenario.Comparison
	if err := json.Unmarshal([]byte(res.Stdout), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Scenarios) != 2 || c.Scenarios[1].Optimization == nil {
		t.Fatalf("%d columns, want base and budget_cut, optimised", len(c.Scenarios))
	}
	plan := runCLI(t, "plan", "--optimize", "--time-limit", "10m", "--scenario", "budget_cut", "--format", "json", exampleDir)
	plan.wantExit(t, 0)
	p, err := report.ReadPlan(strings.NewReader(plan.Stdout))
	if err != nil {
		t.Fatal(err)
	}
	col := c.Scenarios[1]
	if diff := cmp.Diff(p.Optimization, col.Optimization); diff != "" {
		t.Errorf("optimization (-plan +compare):\n%s", diff)
	}
	if diff := cmp.Diff(p.Totals, col.Totals); diff != "" {
		t.Errorf("totals (-plan +compare):\n%s", diff)
	}
}

// TestFrontierTotalTimeLimit: frontier's levels share --total-time-limit
// the same way, each level marked and the warning naming the total.
func TestFrontierTotalTimeLimit(t *testing.T) {
	res := runCLI(t, "frontier", "--budget", "capex", "--steps", "3", "--total-time-limit", "1ns", "--format", "json", exampleDir)
	res.wantExit(t, 0)
	var f struct {
		Points []struct {
			TimeLimitReached bool `json:"time_limit_reached"`
		} `json:"points"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Points) < 4 {
		t.Fatalf("%d levels, want at least 4", len(f.Points))
	}
	for k, p := range f.Points[1:] { // level 0 funds nothing: no search
		if !p.TimeLimitReached {
			t.Errorf("level %d: time_limit_reached false; want the total to end its search", k+1)
		}
	}
	if want := "or its share of 1ns for every search together (--total-time-limit), ended the optimiser's search at some levels"; !strings.Contains(res.Stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, res.Stderr)
	}
}
