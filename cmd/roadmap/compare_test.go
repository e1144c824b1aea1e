package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate/scenario"
	"github.com/roadmap-as-code/roadmap/report"
)

// exampleScenarios are the scenario blocks of examples/it-department.
var exampleScenarios = []string{"budget_cut", "two_hires", "vendor_price_rise"}

// TestCompareFlags: flags parse into compareOptions.
func TestCompareFlags(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want compareOptions
	}{
		{"defaults", nil, compareOptions{dir: ".", seed: 1, timeLimit: 5 * time.Second, total: time.Minute}},
		{"everything", []string{"--scenario", "b", "--scenario", "a", "--format", "csv", "--table", "projects", "--out", "c.json",
			"--var", "x=1", "--var-file", "v.vars.hcl", "--optimize", "--seed", "7", "--time-limit", "2s", "--total-time-limit", "30s", "roadmaps/it"},
			compareOptions{dir: "roadmaps/it", scenarios: []string{"b", "a"}, format: "csv", table: "projects", out: "c.json",
				vars: []string{"x=1"}, varFiles: []string{"v.vars.hcl"}, optimize: true, seed: 7, timeLimit: 2 * time.Second, total: 30 * time.Second}},
		{"all", []string{"--all"}, compareOptions{dir: ".", all: true, seed: 1, timeLimit: 5 * time.Second, total: time.Minute}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got *compareOptions
			cmd := compareCommand(&globalOptions{}, &Streams{}, func(_ context.Context, o *compareOptions) error {
				got = o
				return nil
			})
			cmd.SetArgs(append([]string{}, c.args...))
			if err := cmd.Execute(); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&c.want, got, cmp.AllowUnexported(compareOptions{})); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCompareFlagErrors(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"format", []string{"compare", "--format", "pdf"}, `Error: unknown --format "pdf": use one of csv, html, json, markdown, table, xlsx` + "\n"},
		{"table without csv", []string{"compare", "--table", "projects"}, "Error: --table chooses the table of --format csv (xlsx holds every table, one per sheet)\n"},
		{"unknown table", []string{"compare", "--format", "csv", "--table", "ranked"}, `Error: unknown --table "ranked": use one of scenarios, projects` + "\n"},
		{"twice", []string{"compare", "--scenario", "a", "--scenario", "a"}, "Error: --scenario a is given twice\n"},
		{"base", []string{"compare", "--scenario", "base"}, "Error: --scenario base: base, the roadmap without a scenario, is always the first column\n"},
		{"all and scenario", []string{"compare", "--all", "--scenario", "a"}, "Error: if any flags in the group [scenario all] are set none of the others can be; [all scenario] were all set\n"},
		{"out hcl", []string{"compare", "--out", "c.hcl"}, "Error: --out c.hcl: a file named .hcl is read as part of a roadmap, and what is written there is not HCL; choose another name (plan.json, for instance)\n"},
		{"time limit", []string{"compare", "--time-limit", "0s"}, "Error: --time-limit must be positive, got 0s\n"},
		{"total time limit", []string{"compare", "--total-time-limit", "-1s"}, "Error: --total-time-limit must be positive, got -1s\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := run(t, "", c.args...)
			if code != 1 || stdout != "" {
				t.Errorf("exit %d, stdout %q; want 1 and nothing", code, stdout)
			}
			if diff := cmp.Diff(c.wantErr, stderr); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCompareExampleGolden: the example's scenarios side by side in every
// text format, through the CLI.
func TestCompareExampleGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
	}{
		{"it-department.txt", []string{"--format", "table"}},
		{"it-department.json", []string{"--format", "json"}},
		{"it-department.md", []string{"--format", "markdown"}},
		{"it-department.html", []string{"--format", "html"}},
		{"it-department.scenarios.csv", []string{"--format", "csv"}},
		{"it-department.projects.csv", []string{"--format", "csv", "--table", "projects"}},
		{"it-department.two.txt", []string{"--scenario", "vendor_price_rise", "--scenario", "budget_cut"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := runCLI(t, append(append([]string{"compare"}, c.args...), exampleDir)...)
			res.wantExit(t, 0)
			if res.Stderr != "" {
				t.Errorf("stderr: %s", res.Stderr)
			}
			assertGolden(t, "compare/"+c.name, res.Stdout)
		})
	}
}

// TestCompareXLSX: the workbook holds a Summary and a sheet per table,
// and is the same bytes every time.
func TestCompareXLSX(t *testing.T) {
	first := runCLI(t, "compare", "--format", "xlsx", exampleDir)
	first.wantExit(t, 0)
	if !strings.HasPrefix(first.Stdout, "PK") {
		t.Fatalf("not a zip file: %q", first.Stdout[:min(len(first.Stdout), 20)])
	}
	again := runCLI(t, "compare", "--format", "xlsx", exampleDir)
	if again.Stdout != first.Stdout {
		t.Error("two runs gave different workbooks")
	}
	res := cliRun{Args: []string{"compare", "--format", "xlsx", exampleDir}, OutIsTerminal: true}.run(t)
	if res.Code != 1 || !strings.Contains(res.Stderr, "writes a binary file") {
		t.Errorf("xlsx to a terminal: exit %d, stderr %q", res.Code, res.Stderr)
	}
}

// TestCompareColumnsArePlans: each column of compare is the plan that
// plan --scenario NAME prints: the same totals, and each project's status
// and start.
func TestCompareColumnsArePlans(t *testing.T) {
	res := runCLI(t, "compare", "--format", "json", "--var", "capex=1300000", exampleDir)
	res.wantExit(t, 0)
	var c scenario.Comparison
	if err := json.Unmarshal([]byte(res.Stdout), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Scenarios) != 1+len(exampleScenarios) {
		t.Fatalf("%d columns, want base and %d scenarios", len(c.Scenarios), len(exampleScenarios))
	}
	for k, col := range c.Scenarios {
		args := []string{"plan", "--format", "json", "--var", "capex=1300000", exampleDir}
		if k > 0 {
			args = append(args, "--scenario", col.Name)
			if col.Name != exampleScenarios[k-1] {
				t.Errorf("column %d is %q, want %q (declaration order)", k, col.Name, exampleScenarios[k-1])
			}
		}
		plan := runCLI(t, args...)
		plan.wantExit(t, 0)
		p, err := report.ReadPlan(strings.NewReader(plan.Stdout))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(p.Totals, col.Totals); diff != "" {
			t.Errorf("%s: totals (-plan +compare):\n%s", col.Name, diff)
		}
		for _, row := range c.Projects {
			cell := row.Cells[k]
			for _, pr := range p.Projects {
				if pr.ID == row.ID && (pr.Status != cell.Status || periodText(pr.StartPeriod) != periodText(cell.StartPeriod)) {
					t.Errorf("%s: %s is %s at %s in the plan, %s at %s in compare", col.Name, row.ID, pr.Status, periodText(pr.StartPeriod), cell.Status, periodText(cell.StartPeriod))
				}
			}
		}
	}
}

// periodText is a period index or "none".
func periodText(p *int) string {
	if p == nil {
		return "none"
	}
	return fmt.Sprint(*p)
}

// TestScenarioEqualsVars (property): a plan under a scenario is the plan
// with the scenario's values passed by --var, byte for byte but for the
// scenario's own echo: for the example's scenarios and for random ones.
func TestScenarioEqualsVars(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, exampleDir, dir)
	rng := rand.New(rand.NewPCG(14, 1))
	names := append([]string{}, exampleScenarios...)
	var extra strings.Builder
	for i := range 12 {
		name := fmt.Sprintf("random_%d", i)
		names = append(names, name)
		fmt.Fprintf(&extra, "scenario %q {\n  variables = {\n", name)
		if rng.IntN(2) == 0 {
			fmt.Fprintf(&extra, "    capex = %d\n", 300000+rng.IntN(2000000))
		} else {
			fmt.Fprintf(&extra, "    capex = var.capex * %.2f\n", 0.3+rng.Float64())
		}
		if rng.IntN(2) == 0 {
			fmt.Fprintf(&extra, "    risk_appetite = %.2f\n", 0.2+0.6*rng.Float64())
		}
		if rng.IntN(2) == 0 {
			fmt.Fprintf(&extra, "    apps_hires = %d\n", rng.IntN(4))
		}
		if rng.IntN(2) == 0 {
			fmt.Fprintf(&extra, "    vendor_price_rise = %.2f\n", rng.Float64()-0.3)
		}
		if rng.IntN(3) == 0 {
			fmt.Fprintf(&extra, "    fte_cost_per_year = merge(var.fte_cost_per_year, { apps = %d })\n", 80000+rng.IntN(60000))
		}
		extra.WriteString("  }\n}\n\n")
	}
	writeFiles(t, dir, map[string]string{"random.hcl": extra.String()})
	distinct := map[string]bool{}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			scen := runCLI(t, "plan", "--format", "json", "--scenario", name, dir)
			scen.wantExit(t, 0)
			var withScenario map[string]any
			if err := json.Unmarshal([]byte(scen.Stdout), &withScenario); err != nil {
				t.Fatal(err)
			}
			echo, ok := withScenario["scenario"].(map[string]any)
			if !ok || echo["name"] != name {
				t.Fatalf("the plan does not name its scenario: %v", withScenario["scenario"])
			}
			args := []string{"plan", "--format", "json", dir}
			for _, v := range echo["variables"].([]any) {
				v := v.(map[string]any)
				args = append(args, "--var", fmt.Sprintf("%s=%s", v["name"], v["text"]))
			}
			vars := runCLI(t, args...)
			vars.wantExit(t, 0)
			delete(withScenario, "scenario")
			var withVars map[string]any
			if err := json.Unmarshal([]byte(vars.Stdout), &withVars); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(withVars, withScenario); diff != "" {
				t.Errorf("plan --scenario %s differs from plan %s (-vars +scenario):\n%s", name, strings.Join(args[4:], " "), diff)
			}
			distinct[vars.Stdout] = true
		})
	}
	if len(distinct) < len(names)/2 {
		t.Errorf("only %d distinct plans from %d scenarios: the property is barely exercised", len(distinct), len(names))
	}
}

// copyDir copies the files directly in src into dst.
func copyDir(t testing.TB, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCompareErrors: unknown scenarios, a roadmap without scenarios and
// a scenario that breaks a validation rule are diagnostics, not panics.
func TestCompareErrors(t *testing.T) {
	res := runCLI(t, "compare", "--scenario", "budget_cutt", exampleDir)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, `No scenario block is named "budget_cutt". Did you mean "budget_cut"? Scenarios: budget_cut, two_hires, vendor_price_rise.`) || res.Stdout != "" {
		t.Errorf("unknown scenario:\nstdout %q\nstderr %s", res.Stdout, res.Stderr)
	}

	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": "roadmap {\n  start = \"2027-Q1\"\n}\n"})
	res = runCLI(t, "compare", dir)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, "No scenarios to compare") {
		t.Errorf("no scenarios: %s", res.Stderr)
	}

	bad := t.TempDir()
	copyDir(t, exampleDir, bad)
	writeFiles(t, bad, map[string]string{"bad.hcl": "scenario \"reckless\" {\n  variables = {\n    risk_appetite = 1.5\n  }\n}\n"})
	res = runCLI(t, "compare", bad)
	res.wantExit(t, 1)
	assertGolden(t, "compare/bad-scenario.stderr", strings.ReplaceAll(res.Stderr, bad, "DIR"))
}

// TestPlanScenarioGolden: plan --scenario names the scenario and its
// values in every format's summary.
func TestPlanScenarioGolden(t *testing.T) {
	for _, c := range []struct{ format, ext string }{{"table", "txt"}, {"markdown", "md"}} {
		res := runCLI(t, "plan", "--scenario", "budget_cut", "--format", c.format, exampleDir)
		res.wantExit(t, 0)
		assertGolden(t, "compare/plan-budget_cut."+c.ext, res.Stdout)
	}
	res := runCLI(t, "plan", "--scenario", "budget_cut", "--format", "html", exampleDir)
	res.wantExit(t, 0)
	if !strings.Contains(res.Stdout, "budget_cut: Finance cuts capex by 30% (capex = 1050000)") {
		t.Error("the HTML plan does not name its scenario")
	}
}

// TestPlanBaseScenario: plan --scenario NAME --base REV diffs the
// scenario's plan against the same scenario at REV; a scenario the
// revision lacks is diffed against its plain roadmap, with a note.
func TestPlanBaseScenario(t *testing.T) {
	files := roadmapFiles(t, "v1")
	main := files["roadmap/roadmap.hcl"]
	withVar := strings.Replace(main, "capacity     = 6", "capacity     = var.platform_capacity", 1)
	if withVar == main {
		t.Fatal("the edit did not apply")
	}
	files["roadmap/roadmap.hcl"] = withVar + `
variable "platform_capacity" {
  type    = number
  default = 6
}
`
	r := newTestRepo(t)
	r.commit("v1 with a variable", files)
	r.write(map[string]string{"roadmap/scenarios.hcl": "scenario \"thin\" {\n  variables = {\n    platform_capacity = 4\n  }\n}\n"})
	t.Chdir(r.dir)

	res := runCLI(t, "plan", "--base", "HEAD", "--scenario", "thin", "--detailed-exitcode", "roadmap")
	res.wantExit(t, 2)
	if !strings.Contains(res.Stderr, `Note: scenario "thin" is not declared at HEAD; the base is the roadmap there without a scenario.`) {
		t.Errorf("no note about the missing scenario: %s", res.Stderr)
	}
	r.git("add", "-A")
	r.git("commit", "-q", "-m", "scenario")
	res = runCLI(t, "plan", "--base", "HEAD", "--scenario", "thin", "--detailed-exitcode", "roadmap")
	res.wantExit(t, 0)
	if res.Stdout != "No changes. The roadmap plan is up to date.\n" || res.Stderr != "" {
		t.Errorf("same scenario on both sides:\nstdout %s\nstderr %s", res.Stdout, res.Stderr)
	}
}

// TestExampleScenariosStory keeps the README's account of the example's
// scenarios true.
func TestExampleScenariosStory(t *testing.T) {
	res := runCLI(t, "compare", "--format", "json", exampleDir)
	res.wantExit(t, 0)
	var c scenario.Comparison
	if err := json.Unmarshal([]byte(res.Stdout), &c); err != nil {
		t.Fatal(err)
	}
	type story struct {
		Scheduled     int
		Finish        string
		Moved         []string
		Removed       []string
		Cost, RiskNPV float64
	}
	got := map[string]story{}
	for _, col := range c.Scenarios {
		got[col.Name] = story{col.Totals.Scheduled, *col.Finish, col.Moved, col.Removed, math.Round(col.Totals.Cost - c.Scenarios[0].Totals.Cost), math.Round(col.Totals.RiskAdjustedNPV - c.Scenarios[0].Totals.RiskAdjustedNPV)}
	}
	want := map[string]story{
		"base":              {8, "2028-Q1", []string{}, []string{}, 0, 0},
		"budget_cut":        {8, "2028-Q2", []string{"zero_trust_access", "itsm_replacement"}, []string{}, 0, 0},
		"two_hires":         {8, "2028-Q1", []string{}, []string{}, 0, 0},
		"vendor_price_rise": {8, "2028-Q1", []string{}, []string{}, 84000, -66036},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("scenarios (-want +got):\n%s", diff)
	}
	// A third hire is what lets D start at once.
	p := planExample(t, "--var", "apps_hires=3")
	for _, pr := range p.Projects {
		if pr.ID == "d_warehouse_scanning" && (pr.StartPeriod == nil || *pr.StartPeriod != 0) {
			t.Errorf("with three hires D starts at %v, want 2027-Q1", pr.StartPeriod)
		}
	}
}

// TestCompareTooManyScenarios: past scenario.Limit, compare refuses with
// the first scenario over the limit as the subject, before loading any
// scenario; naming fewer with --scenario works.
func TestCompareTooManyScenarios(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, exampleDir, dir)
	var b strings.Builder
	for k := range scenario.MaxScenarios {
		fmt.Fprintf(&b, "scenario \"s%03d\" {\n  variables = {\n    capex = %d\n  }\n}\n\n", k, 1000000+k*1000)
	}
	writeFiles(t, dir, map[string]string{"many_scenarios.hcl": b.String()})
	// 100 + the example's 3, in file order: the 101st, budget_cut in
	// scenarios.hcl, is past the limit.
	res := runCLI(t, "compare", "--format", "json", dir)
	res.wantExit(t, 1)
	if res.Stdout != "" || !strings.Contains(res.Stderr, "Too many scenarios to compare") ||
		!strings.Contains(res.Stderr, "Comparing 103 scenarios") || !strings.Contains(res.Stderr, `scenarios.hcl line 9, column 1, in scenario "budget_cut"`) {
		t.Errorf("stdout %q\nstderr %s", res.Stdout, res.Stderr)
	}
	res = runCLI(t, "compare", "--format", "json", "--scenario", "s000", "--scenario", "s099", dir)
	if res.Code != 0 || !strings.Contains(res.Stdout, `"name": "s099"`) {
		t.Errorf("two scenarios named: exit %d, %s", res.Code, res.Stderr)
	}
}
