package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

func TestRunSkipsWithoutData(t *testing.T) {
	var out, errs bytes.Buffer
	code := run([]string{"-dir", t.TempDir()}, &out, &errs)
	if code != 0 || !strings.Contains(out.String(), "skipped: no PSPLIB data") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0 and a skip message", code, out.String(), errs.String())
	}
}

// testdata holds one hand-made instance as j30 (optimum 7) and as j120
// (critical path 5).
func TestRunReportsDeviations(t *testing.T) {
	var out, errs bytes.Buffer
	code := run([]string{"-dir", "testdata", "-sets", "j30,j120", "-schedules", "200"}, &out, &errs)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	rows := map[string]*regexp.Regexp{
		"j30":  regexp.MustCompile(`j30\s+1\s+optimum\s+0\.000\s+0\.00\s+1\s`),
		"j120": regexp.MustCompile(`j120\s+1\s+critical path LB\s+40\.000\s+40\.00\s+0\s`),
	}
	for set, re := range rows {
		if !re.MatchString(out.String()) {
			t.Errorf("no %s row matching %s in:\n%s", set, re, out.String())
		}
	}
}

func TestRunBadFlag(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-nope"}, &out, &errs); code != 2 {
		t.Errorf("exit %d for an unknown flag, want 2", code)
	}
}

// The default budget is the CLI's, and the header says so.
func TestRunDefaultBudget(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-dir", "testdata", "-sets", "j30"}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if !strings.Contains(out.String(), "the CLI's schedule budget per instance") || !strings.Contains(out.String(), "time limit 5s") {
		t.Errorf("header does not name the CLI's budget and time limit:\n%s", out.String())
	}
}

// checkPSPLIB finds what is wrong with a schedule from the instance file
// alone.
func TestCheckPSPLIB(t *testing.T) {
	f, err := os.Open("testdata/psplib/j30/j301_1.sm")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	inst, err := schedule.ReadPSPLIB(f, "j301_1.sm")
	if err != nil {
		t.Fatal(err)
	}
	// Jobs 2..5: durations 2, 3, 2, 3, demands (2,0), (1,1), (2,1), (0,2);
	// job 5 after job 2; capacities 3 and 2; optimum 7.
	tests := []struct {
		name     string
		start    []int
		makespan int
		want     string
	}{
		{"optimal", []int{2, 0, 0, 4}, 7, ""},
		{"job left out", []int{2, -1, 0, 4}, 7, "job 3 does not run"},
		{"wrong makespan", []int{2, 0, 0, 4}, 6, "the jobs end at 7, the optimiser says 6"},
		{"precedence", []int{2, 0, 0, 3}, 6, "job 5 starts at 3, before its predecessor job 2 ends at 4"},
		{"capacity", []int{0, 0, 0, 3}, 6, "resource 1 is used 5 in period 0, over its capacity 3"},
	}
	for _, tc := range tests {
		err := checkPSPLIB(inst, tc.start, tc.makespan)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestKnapsackCheck(t *testing.T) {
	ks := knapsack{profit: []float64{10, 7, 4}, use: [][]float64{{3, 2, 2}}, cap: []float64{5}}
	tests := []struct {
		name  string
		start []int
		best  float64
		want  string
	}{
		{"fits", []int{0, 0, -1}, 17, ""},
		{"over capacity", []int{0, 0, 0}, 21, "constraint 1: 7 used of 5"},
		{"wrong profit", []int{0, -1, 0}, 17, "worth 14, the optimiser says 17"},
		{"second period", []int{1, -1, -1}, 10, "starts in period 1"},
	}
	for _, tc := range tests {
		err := ks.check(tc.start, tc.best)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

// -emit-hcl writes a roadmap that loads, is formatted, and that the CLI's
// evaluation schedules within the instance's constraints: the
// independent check passes on the plan's starts.
func TestEmitHCL(t *testing.T) {
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-dir", "testdata", "-sets", "j30", "-emit-hcl", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	dir := filepath.Join(out, "j301_1")
	src, err := os.ReadFile(filepath.Join(dir, "roadmap.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	if formatted := hclwrite.Format(src); !bytes.Equal(formatted, src) {
		t.Errorf("roadmap.hcl is not formatted:\n%s", src)
	}
	cfg, diags := hclspec.NewLoader().LoadDir(dir, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatalf("load: %v", diags)
	}
	plan, diags := evaluate.Evaluate(context.Background(), cfg, evaluate.Options{})
	if diags.HasErrors() {
		t.Fatalf("evaluate: %v", diags)
	}
	f, err := os.Open("testdata/psplib/j30/j301_1.sm")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	inst, err := schedule.ReadPSPLIB(f, "j301_1.sm")
	if err != nil {
		t.Fatal(err)
	}
	start := make([]int, len(inst.Jobs)-2)
	makespan := 0
	for _, pp := range plan.Projects {
		var job int
		if _, err := fmt.Sscanf(pp.ID, "job%d", &job); err != nil || job < 2 || job > len(inst.Jobs)-1 {
			t.Fatalf("project %q is not a job of the instance", pp.ID)
		}
		if pp.StartPeriod == nil {
			t.Fatalf("%s is not scheduled (%s)", pp.ID, pp.Status)
		}
		start[job-2] = *pp.StartPeriod
		makespan = max(makespan, *pp.EndPeriod)
	}
	if len(plan.Projects) != len(start) {
		t.Fatalf("%d projects, want %d", len(plan.Projects), len(start))
	}
	if err := checkPSPLIB(inst, start, makespan); err != nil {
		t.Error(err)
	}
}
