package main

import (
	"github.com/google/go-cmp/cmp"

	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPlanStakeholderViews: --department, --goal and --team narrow the
// plan in every format; the table is the golden file.
func TestPlanStakeholderViews(t *testing.T) {
	res := runCLI(t, "plan", "--department", "finance", exampleDir)
	res.wantExit(t, 0)
	assertGolden(t, filepath.Join("plan", "it-department.department-finance.txt"), res.Stdout)

	res = runCLI(t, "plan", "--format", "json", "--team", "apps", exampleDir)
	res.wantExit(t, 0)
	var p struct {
		Projects []struct{ ID string }
		View     struct {
			Stakeholders []struct {
				Kind       string
				ID         string
				FTEPeriods float64 `json:"fte_periods"`
			}
			Projects []struct {
				ID        string
				Relations []string
			}
			Excluded int
		}
	}
	if err := json.Unmarshal([]byte(res.Stdout), &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Projects) == 0 || len(p.Projects) != len(p.View.Projects) || p.View.Excluded+len(p.Projects) != 10 {
		t.Errorf("view: %d projects, %+v", len(p.Projects), p.View)
	}
	for _, vp := range p.View.Projects {
		if len(vp.Relations) != 1 || !strings.HasPrefix(vp.Relations[0], "staffed by apps (") {
			t.Errorf("%s: %v", vp.ID, vp.Relations)
		}
	}
	if st := p.View.Stakeholders; len(st) != 1 || st[0].Kind != "team" || st[0].FTEPeriods <= 0 {
		t.Errorf("stakeholders %+v", st)
	}

	for _, format := range []string{"markdown", "html", "csv"} {
		res := runCLI(t, "plan", "--format", format, "--goal", "secure_operations", exampleDir)
		res.wantExit(t, 0)
		if !strings.Contains(res.Stdout, "contributes 1 to secure") {
			t.Errorf("%s does not show the relations", format)
		}
	}
}

// TestViewUnknownID: a misspelt stakeholder is an error with a "did you
// mean", on plan and show.
func TestViewUnknownID(t *testing.T) {
	saved := filepath.Join(t.TempDir(), "plan.json")
	runCLI(t, "plan", "--out", saved, exampleDir).wantExit(t, 0)
	for _, args := range [][]string{
		{"plan", "--department", "finanse", exampleDir},
		{"show", "--department", "finanse", saved},
	} {
		res := runCLI(t, args...)
		res.wantExit(t, 1)
		if !strings.Contains(res.Stderr, `unknown department "finanse" (did you mean "finance"?)`) || res.Stdout != "" {
			t.Errorf("%v: stderr %q stdout %q", args, res.Stderr, res.Stdout)
		}
	}
}

// TestShowViewMatchesPlan: a view of a saved plan is the same as plan's.
func TestShowViewMatchesPlan(t *testing.T) {
	saved := filepath.Join(t.TempDir(), "plan.json")
	planned := runCLI(t, "plan", "--out", saved, "--department", "hr", exampleDir)
	planned.wantExit(t, 0)
	shown := runCLI(t, "show", "--department", "hr", saved)
	shown.wantExit(t, 0)
	if planned.Stdout != shown.Stdout {
		t.Errorf("show differs from plan")
	}
	// --out saved the whole plan, not the view.
	if !strings.Contains(readFile(t, saved), `"id": "e_crm_replacement"`) || strings.Contains(readFile(t, saved), `"view"`) {
		t.Errorf("--out did not save the whole plan")
	}
}

// TestDiffView: the diff of a view compares the stakeholder's projects
// only.
func TestDiffView(t *testing.T) {
	dir := copyExampleWithout(t)
	saved := filepath.Join(t.TempDir(), "before.json")
	runCLI(t, "plan", "--out", saved, dir).wantExit(t, 0)
	// Sales stops opposing the CRM replacement: finance's view changes
	// (finance endorses it), hr's does not.
	src := readFile(t, filepath.Join(dir, "projects.hcl"))
	edited := strings.Replace(src, "opposed_by  = [department.sales]", "opposed_by  = []", 1)
	if edited == src {
		t.Fatal("fixture edit did not apply")
	}
	if err := os.WriteFile(filepath.Join(dir, "projects.hcl"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	fin := runCLI(t, "plan", "--compare", saved, "--detailed-exitcode", "--department", "finance", dir)
	fin.wantExit(t, 2)
	if !strings.Contains(fin.Stdout, "e_crm_replacement") {
		t.Errorf("finance diff:\n%s", fin.Stdout)
	}
	hr := runCLI(t, "plan", "--compare", saved, "--format", "json", "--department", "hr", dir)
	if strings.Contains(hr.Stdout, "e_crm_replacement") {
		t.Errorf("hr's diff shows a project that does not concern hr:\n%s", hr.Stdout)
	}
}

// TestSplitHTML: --split writes a page per department and an index.
func TestSplitHTML(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	res := runCLI(t, "plan", "--format", "html", "--split", dir, exampleDir)
	res.wantExit(t, 0)
	for _, name := range []string{"index.html", "department-finance.html", "department-sales.html", "department-operations.html", "department-hr.html"} {
		data := readFile(t, filepath.Join(dir, name))
		if !strings.HasPrefix(data, "<!DOCTYPE html>") {
			t.Errorf("%s is not a page", name)
		}
	}
	index := readFile(t, filepath.Join(dir, "index.html"))
	if !strings.Contains(index, `<a href="department-finance.html">Finance</a>`) {
		t.Errorf("index:\n%s", index)
	}
	if page := readFile(t, filepath.Join(dir, "department-sales.html")); !strings.Contains(page, "opposed by sales") {
		t.Errorf("sales page lacks its relations")
	}
	bad := runCLI(t, "plan", "--split", dir, exampleDir)
	bad.wantExit(t, 1)
	if !strings.Contains(bad.Stderr, "--split needs --format html") {
		t.Errorf("stderr %q", bad.Stderr)
	}
}

// TestSplitHTMLNeverReplacesTheUsersFiles: --split replaces the pages it
// wrote (a second run), but refuses, writing nothing, when DIR holds a
// file of the same name it did not write, unless --force; pages of
// departments gone from the roadmap are removed only when roadmap wrote
// them.
func TestSplitHTMLNeverReplacesTheUsersFiles(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "plan", "--format", "html", "--split", dir, exampleDir).wantExit(t, 0)
	runCLI(t, "plan", "--format", "html", "--split", dir, exampleDir).wantExit(t, 0)

	pages, _ := filepath.Glob(filepath.Join(dir, "department-*.html"))
	if len(pages) == 0 {
		t.Fatal("no department pages")
	}
	mine := "<html><body>My own index</body></html>\n"
	writeFiles(t, dir, map[string]string{"index.html": mine, "department-gone.html": "my notes\n"})
	stale := filepath.Join(dir, "department-old.html")
	if err := os.WriteFile(stale, []byte(readFile(t, pages[0])), 0o644); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, pages[0])
	if err := os.WriteFile(pages[0], []byte(strings.Replace(before, "<title>", "<title>old ", 1)), 0o644); err != nil {
		t.Fatal(err)
	}

	res := runCLI(t, "plan", "--format", "html", "--split", dir, exampleDir)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, filepath.Join(dir, "index.html")+" exists and roadmap did not write it") || !strings.Contains(res.Stderr, "--force") {
		t.Errorf("stderr:\n%s", res.Stderr)
	}
	if readFile(t, filepath.Join(dir, "index.html")) != mine || readFile(t, pages[0]) == before {
		t.Error("a refused --split wrote files")
	}

	res = runCLI(t, "plan", "--format", "html", "--split", dir, "--force", exampleDir)
	res.wantExit(t, 0)
	if readFile(t, filepath.Join(dir, "index.html")) == mine || readFile(t, pages[0]) != before {
		t.Error("--force did not replace the pages")
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) || !strings.Contains(res.Stdout, "Removed "+stale) {
		t.Errorf("the stale page roadmap wrote is still there (%v):\n%s", err, res.Stdout)
	}
	if readFile(t, filepath.Join(dir, "department-gone.html")) != "my notes\n" {
		t.Error("the user's department-gone.html was changed")
	}
}

// TestViewEmptyID: --department "" (an unset shell variable) says an id
// is needed, without a "did you mean" for the empty string.
func TestViewEmptyID(t *testing.T) {
	res := runCLI(t, "plan", "--department", "", exampleDir)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, "--department needs a department id: the roadmap's departments are finance") || strings.Contains(res.Stderr, "did you mean") {
		t.Errorf("stderr: %s", res.Stderr)
	}
}

// TestViewUnknownIDBeforeEvaluation: a misspelt stakeholder fails before
// the roadmap is evaluated, so the plan's own problems (here a check
// naming a project that does not exist) are not reported first.
func TestViewUnknownIDBeforeEvaluation(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": `roadmap {
  name    = "v"
  start   = "2027-Q1"
  horizon = 4
}
department "finance" {
  title = "Finance"
}
check "ghost" {
  condition = plan.projects.ghost.npv > 0
  error_message = "never evaluated"
}
`})
	res := runCLI(t, "plan", "--department", "finanse", dir)
	res.wantExit(t, 1)
	want := "Error: unknown department \"finanse\" (did you mean \"finance\"?): the roadmap's departments are finance\n"
	if diff := cmp.Diff(want, res.Stderr); diff != "" || res.Stdout != "" {
		t.Errorf("stdout %q, stderr (-want +got):\n%s", res.Stdout, diff)
	}
	// Without the view the roadmap is evaluated and its check fails.
	res = runCLI(t, "plan", dir)
	if !strings.Contains(res.Stderr, "ghost") {
		t.Errorf("the fixture's check should fail when evaluated; stderr:\n%s", res.Stderr)
	}
}

// sharedSavingRoadmap: two scheduled projects replace system old (the
// first to go live retires it; slow starts after fast); department ops
// endorses both, department fin the third, so the two views split the
// projects.
const sharedSavingRoadmap = `roadmap {
  start         = "2027-Q1"
  discount_rate = 0.08
}

goal "g" {
  weight = 1
}

department "ops" {}

department "fin" {}

system "old" {
  run_cost {
    per_year = 100000
  }
}

project "fast" {
  goals       = { g = 1 }
  endorsed_by = [department.ops]
  duration    = 1
  cost {
    one_time = 50000
  }
  replaces = [system.old]
}

project "slow" {
  goals       = { g = 1 }
  endorsed_by = [department.ops]
  depends_on  = [project.fast]
  duration    = 3
  cost {
    one_time = 80000
  }
  benefit {
    per_year = 10000
  }
  replaces = [system.old]
}

project "other" {
  goals       = { g = 1 }
  endorsed_by = [department.fin]
  duration    = 2
  cost {
    one_time = 30000
  }
  benefit {
    per_year = 40000
  }
}
`

// TestViewCountsSharedSavingOnce: a stakeholder view holding both
// projects that replace one system counts its saving once in its totals,
// as the plan's totals do (the first to go live retires it); the views
// of a split of the projects add up to the plan's totals.
func TestViewCountsSharedSavingOnce(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": sharedSavingRoadmap})
	type totals struct {
		Benefit         float64 `json:"benefit"`
		NPV             float64 `json:"npv"`
		RiskAdjustedNPV float64 `json:"risk_adjusted_npv"`
		ScheduledNPV    float64 `json:"scheduled_npv"`
	}
	type project struct {
		ID                          string  `json:"id"`
		Status                      string  `json:"status"`
		Benefit                     float64 `json:"benefit"`
		NPV                         float64 `json:"npv"`
		SharedSaving                float64 `json:"shared_saving"`
		SharedSavingNPV             float64 `json:"shared_saving_npv"`
		SharedSavingRiskAdjustedNPV float64 `json:"shared_saving_risk_adjusted_npv"`
		SharedSavingScheduledNPV    float64 `json:"shared_saving_scheduled_npv"`
	}
	plan := func(args ...string) (totals, []project) {
		t.Helper()
		res := runCLI(t, append(append([]string{"plan", "--format", "json"}, args...), dir)...)
		res.wantExit(t, 0)
		var got struct {
			Totals   totals    `json:"totals"`
			Projects []project `json:"projects"`
		}
		if err := json.Unmarshal([]byte(res.Stdout), &got); err != nil {
			t.Fatal(err)
		}
		return got.Totals, got.Projects
	}
	whole, projects := plan()
	var sum totals
	shared := 0
	for _, p := range projects {
		if p.Status != "scheduled" {
			t.Fatalf("%s is %s, want every project scheduled", p.ID, p.Status)
		}
		sum.Benefit += p.Benefit
		sum.NPV += p.NPV
		if p.SharedSaving != 0 {
			shared++
			if p.ID != "slow" || p.SharedSaving != 500000 || p.SharedSavingNPV <= 0 || p.SharedSavingRiskAdjustedNPV != p.SharedSavingNPV ||
				p.SharedSavingScheduledNPV <= 0 || p.SharedSavingScheduledNPV >= p.SharedSavingNPV {
				t.Errorf("%s: shared saving %+v", p.ID, p)
			}
			sum.Benefit -= p.SharedSaving
			sum.NPV -= p.SharedSavingNPV
		}
	}
	if shared != 1 || math.Abs(sum.Benefit-whole.Benefit) > 0.01 || math.Abs(sum.NPV-whole.NPV) > 0.01 {
		t.Errorf("plan totals %+v, projects less their shared parts %+v (%d shared)", whole, sum, shared)
	}
	ops, _ := plan("--department", "ops")
	fin, _ := plan("--department", "fin")
	for _, c := range []struct {
		name        string
		whole, part float64
	}{
		{"benefit", whole.Benefit, ops.Benefit + fin.Benefit},
		{"npv", whole.NPV, ops.NPV + fin.NPV},
		{"risk_adjusted_npv", whole.RiskAdjustedNPV, ops.RiskAdjustedNPV + fin.RiskAdjustedNPV},
		{"scheduled_npv", whole.ScheduledNPV, ops.ScheduledNPV + fin.ScheduledNPV},
	} {
		if math.Abs(c.whole-c.part) > 0.02 {
			t.Errorf("%s: views ops + fin = %v, plan %v", c.name, c.part, c.whole)
		}
	}
}
