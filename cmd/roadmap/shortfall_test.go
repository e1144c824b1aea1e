package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// shortfallDir is a small roadmap with a fix of every kind;
// shortfallDroppedDir one whose gates drop projects.
const (
	shortfallDir        = "../../evaluate/shortfall/testdata/small"
	shortfallDroppedDir = "../../evaluate/shortfall/testdata/dropped"
)

// TestPlanShortfallGolden: what each deferred project would take, in the
// reasons of every text format and structured in the JSON plan.
func TestPlanShortfallGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
	}{
		{"small.txt", []string{"--shortfall", shortfallDir}},
		{"small.json", []string{"--shortfall", "--format", "json", shortfallDir}},
		{"small.md", []string{"--shortfall", "--format", "markdown", shortfallDir}},
		{"it-department-capex-700000.txt", []string{"--shortfall", "--var", "capex=700000", exampleDir}},
		{"dropped.txt", []string{"--shortfall", shortfallDroppedDir}},
		{"dropped.json", []string{"--shortfall", "--format", "json", shortfallDroppedDir}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := runCLI(t, append([]string{"plan"}, c.args...)...)
			if res.Code != 0 && res.Code != 2 {
				t.Fatalf("exit %d: %s", res.Code, res.Stderr)
			}
			assertGolden(t, "shortfall/"+c.name, res.Stdout)
		})
	}
}

func TestPlanShortfallHTML(t *testing.T) {
	res := runCLI(t, "plan", "--shortfall", "--format", "html", shortfallDir)
	if !strings.Contains(res.Stdout, "what it would take: fits with &#43;2 FTE in team &#34;apps&#34; in 2027-Q1..2027-Q2 (4 FTE-periods, EUR 40,000), starting 2027-Q1") {
		t.Errorf("the HTML plan lacks crm's shortfall:\n%s", res.Stderr)
	}
}

func TestPlanShortfallRankOrderOnly(t *testing.T) {
	res := runCLI(t, "plan", "--shortfall", "--optimize", shortfallDir)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, "--shortfall works on the rank-order plan") {
		t.Errorf("stderr: %s", res.Stderr)
	}

	dir := t.TempDir()
	copyDir(t, shortfallDir, dir)
	src := readFile(t, dir+"/main.hcl")
	writeFiles(t, dir, map[string]string{"main.hcl": strings.Replace(src, "  horizon  = 6\n", "  horizon  = 6\n  optimize = true\n", 1)})
	res = runCLI(t, "plan", "--shortfall", "--format", "json", dir)
	if !strings.Contains(res.Stderr, "No shortfall for an optimised plan") || strings.Contains(res.Stdout, `"shortfall"`) {
		t.Errorf("optimize = true: stderr %s", res.Stderr)
	}
}

// TestPlanShortfallForced: --shortfall re-plans with the plan's
// --force-in and --force-out, so its answers fit the plan shown.
func TestPlanShortfallForced(t *testing.T) {
	res := runCLI(t, "plan", "--shortfall", "--format", "json", "--force-out", "portal", shortfallDir)
	if res.Code != 0 {
		t.Fatalf("exit %d: %s", res.Code, res.Stderr)
	}
	var plan evaluate.Plan
	if err := json.Unmarshal([]byte(res.Stdout), &plan); err != nil {
		t.Fatal(err)
	}
	for _, pp := range plan.Projects {
		switch pp.ID {
		case "crm":
			if pp.Status != evaluate.StatusScheduled || pp.Shortfall != nil {
				t.Errorf("crm with portal forced out: %s, shortfall %+v", pp.Status, pp.Shortfall)
			}
		case "portal":
			if pp.Shortfall == nil || pp.Shortfall.Answer != evaluate.AnswerGate || !strings.Contains(pp.Shortfall.Reason, "forced out (--force-out)") {
				t.Errorf("portal: %+v", pp.Shortfall)
			}
		}
	}
	res = runCLI(t, "plan", "--shortfall", "--force-in", "parked", shortfallDroppedDir)
	if res.Code != 0 {
		t.Fatalf("exit %d: %s", res.Code, res.Stderr)
	}
	if strings.Contains(res.Stdout, "excluded gate") {
		t.Errorf("parked is forced in, yet its shortfall says it is excluded:\n%s", res.Stdout)
	}
}

// TestPlanShortfallLate: a project under way at a status date that ends
// after its deadline misses it while scheduled; --shortfall says which
// deadline it meets, in the reasons and the JSON.
func TestPlanShortfallLate(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "../../examples/it-department-midyear", dir)
	src := readFile(t, filepath.Join(dir, "projects.hcl"))
	late := strings.Replace(src, `deadline = "2027-Q4"`, `deadline = "2027-Q2"`, 1)
	if late == src {
		t.Fatal("the example's nis2_compliance deadline moved: update the test")
	}
	writeFiles(t, dir, map[string]string{"projects.hcl": late})
	// nis2_compliance is mandatory: its missed deadline fails
	// policy.mandatory (exit 1), after the plan is printed.
	res := runCLI(t, "plan", "--shortfall", "--format", "json", dir)
	if res.Code != 1 || !strings.Contains(res.Stderr, `mandatory project "nis2_compliance" ends 2027-Q3, after its deadline 2027-Q2`) {
		t.Fatalf("exit %d: %s", res.Code, res.Stderr)
	}
	var plan evaluate.Plan
	if err := json.Unmarshal([]byte(res.Stdout), &plan); err != nil {
		t.Fatal(err)
	}
	for _, pp := range plan.Projects {
		if pp.ID != "nis2_compliance" {
			continue
		}
		if pp.Status != evaluate.StatusScheduled || pp.Shortfall == nil || len(pp.Shortfall.Fixes) != 1 ||
			pp.Shortfall.Fixes[0].Kind != evaluate.FixDeadline || *pp.Shortfall.Fixes[0].Deadline != "2027-Q3" {
			t.Errorf("nis2_compliance: %s, shortfall %+v", pp.Status, pp.Shortfall)
		}
	}
	text := runCLI(t, "plan", "--shortfall", dir)
	if !strings.Contains(text.Stdout, "what it would take: meets a") {
		t.Errorf("the table lacks the late project's answer:\n%s", text.Stdout)
	}
}
