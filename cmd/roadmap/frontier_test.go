package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/frontier"
)

func TestFrontierFlags(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want frontierOptions
	}{
		{"budget", []string{"--budget", "capex"}, frontierOptions{dir: ".", budget: "capex", steps: 10, seed: 1, timeLimit: evaluate.DefaultTimeLimit, total: time.Minute}},
		{"everything", []string{"--team", "apps", "--from", "2", "--to", "9.5", "--steps", "15", "--format", "json", "--out", "f.json",
			"--var", "x=1", "--var-file", "v.vars.hcl", "--scenario", "two_hires", "--seed", "7", "--time-limit", "2s", "--total-time-limit", "30s",
			"--force-in", "a,b", "--force-out", "c", "roadmaps/it"},
			frontierOptions{dir: "roadmaps/it", team: "apps", from: 2, to: 9.5, fromSet: true, toSet: true, steps: 15, format: "json", out: "f.json",
				vars: []string{"x=1"}, varFiles: []string{"v.vars.hcl"}, scenario: "two_hires", seed: 7, timeLimit: 2 * time.Second, total: 30 * time.Second,
				forceIn: []string{"a", "b"}, forceOut: []string{"c"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got *frontierOptions
			cmd := frontierCommand(&globalOptions{}, &Streams{}, func(_ context.Context, o *frontierOptions) error {
				got = o
				return nil
			})
			cmd.SetArgs(append([]string{}, c.args...))
			if err := cmd.Execute(); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&c.want, got, cmp.AllowUnexported(frontierOptions{})); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFrontierErrors(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"no resource", []string{"frontier", exampleDir}, "Error: at least one of the flags in the group [budget team] is required\n"},
		{"both", []string{"frontier", "--budget", "capex", "--team", "apps", exampleDir}, "Error: if any flags in the group [budget team] are set none of the others can be; [budget team] were all set\n"},
		{"format", []string{"frontier", "--budget", "capex", "--format", "tsv", exampleDir}, `Error: unknown --format "tsv": use one of csv, html, json, markdown, table, xlsx` + "\n"},
		{"time limit", []string{"frontier", "--budget", "capex", "--time-limit", "0s", exampleDir}, "Error: --time-limit must be positive, got 0s\n"},
		{"total time limit", []string{"frontier", "--budget", "capex", "--total-time-limit", "0s", exampleDir}, "Error: --total-time-limit must be positive, got 0s\n"},
		{"unknown budget", []string{"frontier", "--budget", "capx", exampleDir}, "Error: Unknown budget\n\nThe roadmap has no budget \"capx\". Did you mean \"capex\"? Its budgets: capex, security.\n\n"},
		{"unknown team", []string{"frontier", "--team", "ops", exampleDir}, "Error: Unknown team\n\nThe roadmap has no team \"ops\". Its teams: platform, apps, workplace.\n\n"},
		{"levels", []string{"frontier", "--budget", "capex", "--from", "5", "--to", "1", exampleDir}, "Error: Invalid levels\n\nThe first level (5) must be below the last (1).\n\n"},
		{"steps", []string{"frontier", "--budget", "capex", "--steps", "0", exampleDir}, "Error: Invalid steps\n\nThe steps must be 1 to 200 (each level is one optimised plan); got 0.\n\n"},
		{"unknown scenario", []string{"frontier", "--budget", "capex", "--scenario", "nope", exampleDir}, "No scenario block is named \"nope\""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := runCLI(t, c.args...)
			res.wantExit(t, 1)
			if res.Stdout != "" || !strings.Contains(res.Stderr, c.wantErr) {
				t.Errorf("stdout %q\nstderr %q\nwant %q", res.Stdout, res.Stderr, c.wantErr)
			}
		})
	}
}

// TestFrontierExampleGolden: the example's capex frontier in every
// format, and its apps frontier, through the CLI.
func TestFrontierExampleGolden(t *testing.T) {
	// A time limit far above the search's CPU time, so the budget of
	// schedules ends every search, however loaded the machine.
	capex := []string{"--budget", "capex", "--from", "0", "--to", "2000000", "--steps", "10", "--time-limit", "10m", "--total-time-limit", "100h"}
	for _, c := range []struct {
		name string
		args []string
	}{
		{"capex.txt", capex},
		{"capex.json", append([]string{"--format", "json"}, capex...)},
		{"capex.md", append([]string{"--format", "markdown"}, capex...)},
		{"capex.html", append([]string{"--format", "html"}, capex...)},
		{"apps.txt", []string{"--team", "apps", "--from", "0", "--to", "8", "--steps", "4", "--time-limit", "10m", "--total-time-limit", "100h"}},
		{"budget_cut.txt", append([]string{"--scenario", "budget_cut"}, capex...)},
		{"capex.levels.csv", append([]string{"--format", "csv"}, capex...)},
		{"capex.projects.csv", append([]string{"--format", "csv", "--table", "projects"}, capex...)},
		{"apps.levels.csv", []string{"--team", "apps", "--from", "0", "--to", "8", "--steps", "4", "--time-limit", "10m", "--total-time-limit", "100h", "--format", "csv", "--objective", "npv"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := runCLI(t, append(append([]string{"frontier"}, c.args...), exampleDir)...)
			res.wantExit(t, 0)
			if res.Stderr != "" {
				t.Errorf("stderr: %s", res.Stderr)
			}
			assertGolden(t, "frontier/"+c.name, res.Stdout)
		})
	}
}

// TestFrontierPointsArePlans: with the value scale written into the
// roadmap (so a budget's amount no longer sizes it) every point of the
// frontier is exactly what roadmap plan --var capex=LEVEL --optimize
// prints at its plan_level: the same projects at the same starts, the
// same total score and NPV.
func TestFrontierPointsArePlans(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, exampleDir, dir)
	cfg := filepath.Join(dir, "roadmap.hcl")
	src, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(string(src), "    safety    = 0.2\n", "    safety    = 0.2\n\n    value_scale = 1500000\n", 1)
	if fixed == string(src) {
		t.Fatal("the example's scoring block moved: update the test")
	}
	writeFiles(t, dir, map[string]string{"roadmap.hcl": fixed})

	res := runCLI(t, "frontier", "--budget", "capex", "--from", "200000", "--to", "1400000", "--steps", "6", "--seed", "3", "--time-limit", "10m", "--total-time-limit", "100h", "--format", "json", dir)
	res.wantExit(t, 0)
	var f frontier.Frontier
	if err := json.Unmarshal([]byte(res.Stdout), &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Points) != 7 {
		t.Fatalf("%d points", len(f.Points))
	}
	for _, p := range f.Points {
		plan := runCLI(t, "plan", "--var", fmt.Sprintf("capex=%v", p.PlanLevel), "--optimize", "--seed", "3", "--time-limit", "10m", "--format", "json", dir)
		if plan.Code != 0 && plan.Code != 2 { // a failed check exits 2 and still prints the plan
			t.Fatalf("plan at %v: exit %d: %s", p.PlanLevel, plan.Code, plan.Stderr)
		}
		var pl evaluate.Plan
		if err := json.Unmarshal([]byte(plan.Stdout), &pl); err != nil {
			t.Fatal(err)
		}
		want := []frontier.PointProject{}
		for _, pp := range pl.Projects {
			if pp.Status == evaluate.StatusScheduled {
				want = append(want, frontier.PointProject{ID: pp.ID, StartPeriod: *pp.StartPeriod, Start: *pp.Start})
			}
		}
		if diff := cmp.Diff(want, p.Projects); diff != "" {
			t.Errorf("level %v: the frontier's portfolio is not the plan's (-plan +frontier):\n%s", p.Level, diff)
		}
		if p.Objective != pl.Totals.Score || p.NPV != pl.Totals.NPV || p.RiskAdjustedNPV != pl.Totals.RiskAdjustedNPV {
			t.Errorf("level %v: score %v NPV %v rNPV %v; the plan's %v, %v, %v", p.Level, p.Objective, p.NPV, p.RiskAdjustedNPV,
				pl.Totals.Score, pl.Totals.NPV, pl.Totals.RiskAdjustedNPV)
		}
	}
}

// TestFrontierTodayIsPlanOptimize: today's point of a frontier is the
// plan roadmap plan --optimize prints for the same inputs (objective,
// seed, time limit, variables), whatever the value scale: the same
// projects at the same starts and the same value on the objective.
func TestFrontierTodayIsPlanOptimize(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string // for both commands
		flag []string // the frontier's resource
		want func(evaluate.Totals) float64
	}{
		{"capex score", []string{"--seed", "1"}, []string{"--budget", "capex", "--steps", "4"}, func(t evaluate.Totals) float64 { return t.Score }},
		{"capex npv cut", []string{"--seed", "5", "--objective", "npv", "--var", "capex=700000"}, []string{"--budget", "capex", "--steps", "3"}, func(t evaluate.Totals) float64 { return t.NPV }},
		{"apps risk_adjusted_npv", []string{"--seed", "2", "--objective", "risk_adjusted_npv"}, []string{"--team", "apps", "--from", "1", "--to", "9", "--steps", "3"}, func(t evaluate.Totals) float64 { return t.RiskAdjustedNPV }},
		{"budget_cut scenario", []string{"--seed", "1", "--scenario", "budget_cut"}, []string{"--budget", "capex", "--steps", "2"}, func(t evaluate.Totals) float64 { return t.Score }},
	} {
		t.Run(c.name, func(t *testing.T) {
			common := append(slices.Clone(c.args), "--time-limit", "10m", "--format", "json", exampleDir)
			res := runCLI(t, append(append([]string{"frontier"}, c.flag...), common...)...)
			res.wantExit(t, 0)
			var f frontier.Frontier
			if err := json.Unmarshal([]byte(res.Stdout), &f); err != nil {
				t.Fatal(err)
			}
			k := slices.IndexFunc(f.Points, func(p frontier.Point) bool { return p.Current })
			if k < 0 {
				t.Fatalf("no today's point among %d", len(f.Points))
			}
			today := f.Points[k]
			plan := runCLI(t, append([]string{"plan", "--optimize"}, common...)...)
			if plan.Code != 0 && plan.Code != 2 {
				t.Fatalf("plan: exit %d: %s", plan.Code, plan.Stderr)
			}
			var pl evaluate.Plan
			if err := json.Unmarshal([]byte(plan.Stdout), &pl); err != nil {
				t.Fatal(err)
			}
			want := []frontier.PointProject{}
			for _, pp := range pl.Projects {
				if pp.Status == evaluate.StatusScheduled {
					want = append(want, frontier.PointProject{ID: pp.ID, StartPeriod: *pp.StartPeriod, Start: *pp.Start})
				}
			}
			if diff := cmp.Diff(want, today.Projects); diff != "" {
				t.Errorf("today's portfolio is not plan --optimize's (-plan +frontier):\n%s", diff)
			}
			if today.Objective != c.want(pl.Totals) || f.Objective != pl.Roadmap.Objective || today.PlanLevel != today.Level || today.BehindLevel != nil {
				t.Errorf("today: objective %s %v (plan level %v, behind %v); plan --optimize: %s %v", f.Objective, today.Objective,
					today.PlanLevel, today.BehindLevel, pl.Roadmap.Objective, c.want(pl.Totals))
			}
		})
	}
}

// TestFrontierXLSX: the workbook holds a Summary and a sheet per CSV
// table whose cells read back as the CSV's, and is the same bytes every
// time; it is refused on a terminal, and --table only goes with csv.
func TestFrontierXLSX(t *testing.T) {
	args := []string{"frontier", "--budget", "capex", "--from", "0", "--to", "2000000", "--steps", "4", "--time-limit", "10m", "--total-time-limit", "100h"}
	first := runCLI(t, append(append(slices.Clone(args), "--format", "xlsx"), exampleDir)...)
	first.wantExit(t, 0)
	again := runCLI(t, append(append(slices.Clone(args), "--format", "xlsx"), exampleDir)...)
	if again.Stdout != first.Stdout {
		t.Error("two runs gave different workbooks")
	}
	wb, err := excelize.OpenReader(strings.NewReader(first.Stdout))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	if got := strings.Join(wb.GetSheetList(), ","); got != "Summary,Levels,Projects" {
		t.Errorf("sheets %s", got)
	}
	for _, table := range []struct{ name, sheet string }{{"levels", "Levels"}, {"projects", "Projects"}} {
		res := runCLI(t, append(append(slices.Clone(args), "--format", "csv", "--table", table.name), exampleDir)...)
		res.wantExit(t, 0)
		want, err := csv.NewReader(strings.NewReader(res.Stdout)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		got, err := wb.GetRows(table.sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) < len(want) {
			t.Fatalf("%s: %d rows in the sheet, %d in the CSV", table.name, len(got), len(want))
		}
		for r := range want {
			for c := range want[r] {
				g := ""
				if c < len(got[r]) {
					g = got[r][c]
				}
				if !sameCell(g, want[r][c]) {
					t.Errorf("%s row %d column %s: sheet %q, CSV %q", table.name, r+1, want[0][c], g, want[r][c])
				}
			}
		}
	}
	for _, c := range []struct {
		run  cliRun
		want string
	}{
		{cliRun{Args: append(append(slices.Clone(args), "--format", "xlsx"), exampleDir), OutIsTerminal: true}, "writes a binary file"},
		{cliRun{Args: append(append(slices.Clone(args), "--table", "projects"), exampleDir)}, "--table chooses the table of --format csv"},
		{cliRun{Args: append(append(slices.Clone(args), "--format", "csv", "--table", "gantt"), exampleDir)}, `unknown --table "gantt": use one of levels, projects`},
	} {
		res := c.run.run(t)
		if res.Code != 1 || !strings.Contains(res.Stderr, c.want) || res.Stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", c.run.Args, res.Code, res.Stdout, res.Stderr)
		}
	}
}

// sameCell compares a cell read back from a workbook with the CSV's: the
// same text, or the same number.
func sameCell(sheet, csv string) bool {
	if sheet == csv {
		return true
	}
	a, errA := strconv.ParseFloat(sheet, 64)
	b, errB := strconv.ParseFloat(csv, 64)
	return errA == nil && errB == nil && math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}
