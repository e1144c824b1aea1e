package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/internal/synth"
)

// rangesDir is the example roadmap with ranged estimates.
const rangesDir = "../../examples/it-department-ranges"

// TestSimulateFlags: flags parse into simulateOptions.
func TestSimulateFlags(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want simulateOptions
	}{
		{"defaults", nil, simulateOptions{dir: ".", runs: 10000, seed: 1}},
		{"everything", []string{"--runs", "500", "--seed", "-3", "--format", "html", "--out", "s.json",
			"--var", "a=1", "--var-file", "x.vars.hcl", "--force-in", "a", "--force-in", "b", "--force-out", "c", "roadmaps/it"},
			simulateOptions{dir: "roadmaps/it", runs: 500, seed: -3, format: "html", out: "s.json", vars: []string{"a=1"}, varFiles: []string{"x.vars.hcl"},
				forceIn: []string{"a", "b"}, forceOut: []string{"c"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got *simulateOptions
			cmd := simulateCommand(&globalOptions{}, &Streams{}, func(_ context.Context, o *simulateOptions) error {
				got = o
				return nil
			})
			cmd.SetArgs(append([]string{}, c.args...))
			if err := cmd.Execute(); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&c.want, got, cmp.AllowUnexported(simulateOptions{})); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSimulateFlagErrors(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"format", []string{"simulate", "--format", "pdf"}, `Error: unknown --format "pdf": use one of csv, html, json, markdown, table, xlsx` + "\n"},
		{"no runs", []string{"simulate", "--runs", "0"}, "Error: --runs must be from 1 to 1000000, got 0\n"},
		{"too many runs", []string{"simulate", "--runs", "1000001"}, "Error: --runs must be from 1 to 1000000, got 1000001\n"},
		{"runs syntax", []string{"simulate", "--runs", "many"}, `Error: invalid argument "many" for "--runs" flag: strconv.ParseInt: parsing "many": invalid syntax` + "\nRun 'roadmap simulate --help' for usage.\n"},
		{"out hcl", []string{"simulate", "--out", "sim.hcl"}, "Error: --out sim.hcl: a file named .hcl is read as part of a roadmap, and what is written there is not HCL; choose another name (plan.json, for instance)\n"},
		{"two dirs", []string{"simulate", "a", "b"}, "Error: accepts at most 1 arg(s), received 2\n"},
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

// TestSimulateExampleGolden: the simulation of the ranged example in
// every format, through the CLI. A failed warning check is reported on
// stderr and does not fail the command.
func TestSimulateExampleGolden(t *testing.T) {
	for _, c := range []struct{ format, ext string }{{"table", "txt"}, {"json", "json"}, {"markdown", "md"}, {"html", "html"}} {
		t.Run(c.format, func(t *testing.T) {
			res := runCLI(t, "simulate", "--runs", "400", "--seed", "1", "--format", c.format, rangesDir)
			res.wantExit(t, 0)
			assertGolden(t, "simulate/it-department-ranges."+c.ext, res.Stdout)
			assertGolden(t, "simulate/it-department-ranges.stderr", res.Stderr)
		})
	}
}

// TestSimulateOut: --out saves exactly the JSON the json format prints,
// whatever format is shown; it never replaces one of the roadmap's files.
func TestSimulateOut(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "sim.json")
	res := runCLI(t, "simulate", "--runs", "50", "--out", out, "--format", "markdown", rangesDir)
	res.wantExit(t, 0)
	printed := runCLI(t, "simulate", "--runs", "50", "--format", "json", rangesDir)
	if diff := cmp.Diff(printed.Stdout, readFile(t, out)); diff != "" {
		t.Errorf("--out differs from --format json (-printed +saved):\n%s", diff)
	}
	var doc struct {
		FormatVersion string `json:"format_version"`
		Simulation    struct {
			Runs int `json:"runs"`
		} `json:"simulation"`
	}
	if err := json.Unmarshal([]byte(readFile(t, out)), &doc); err != nil || doc.FormatVersion != "1" || doc.Simulation.Runs != 50 {
		t.Errorf("saved simulation: %+v, %v", doc, err)
	}

	// The roadmap's own files are never an --out target.
	rm := t.TempDir()
	const keep = "# no values\n"
	writeFiles(t, rm, map[string]string{"main.hcl": "roadmap {\n  start = \"2027-Q1\"\n}\n", "x.vars.hcl": keep})
	target := filepath.Join(rm, "x.vars.hcl")
	res = runCLI(t, "simulate", "--runs", "10", "--var-file", target, "--out", filepath.Join(rm, ".", "x.vars.hcl")+"", rm)
	if res.Code != 1 || readFile(t, target) != keep {
		t.Errorf("--out onto a --var-file: exit %d, stderr %q, file %q", res.Code, res.Stderr, readFile(t, target))
	}
	// Named another way (a link), it is still refused.
	link := filepath.Join(t.TempDir(), "sim.json")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	res = runCLI(t, "simulate", "--runs", "10", "--var-file", target, "--out", link, rm)
	if res.Code != 1 || !strings.Contains(res.Stderr, "would overwrite") || readFile(t, target) != keep {
		t.Errorf("--out onto a --var-file: exit %d, stderr %q, file %q", res.Code, res.Stderr, readFile(t, target))
	}
}

// TestSimulateChecks: a simulation check of severity error that fails
// makes simulate exit 1 after printing the report; plan leaves such
// checks out.
func TestSimulateChecks(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": `roadmap {
  start = "2027-Q1"
}

project "crm" {
  duration = uniform(1, 9)
}

check "crm_early" {
  condition     = simulation.projects.crm.p80_end_period <= 4
  error_message = "CRM finishes by ${simulation.projects.crm.p80_end} only in 80% of the runs."
}

check "crm_in_plan" {
  condition     = plan.projects.crm.status == "scheduled"
  error_message = "CRM is not scheduled."
}
`})
	res := runCLI(t, "simulate", "--runs", "200", "--format", "json", dir)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, `Error: check "crm_early" failed: CRM finishes by`) {
		t.Errorf("stderr = %q", res.Stderr)
	}
	if !strings.Contains(res.Stdout, `"id": "crm_early"`) {
		t.Error("the report was not printed")
	}
	plan := runCLI(t, "plan", "--format", "json", dir)
	plan.wantExit(t, 0)
	if strings.Contains(plan.Stdout, "crm_early") || !strings.Contains(plan.Stdout, "crm_in_plan") {
		t.Errorf("plan should leave out the simulation check only:\n%s", plan.Stdout)
	}
	// A check naming a project that does not exist says so.
	writeFiles(t, dir, map[string]string{"more.hcl": `check "typo" {
  condition     = simulation.projects.cmr.chance_scheduled > 0.5
  error_message = "typo"
}
`})
	res = runCLI(t, "simulate", "--runs", "20", dir)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, "Unknown project") || !strings.Contains(res.Stderr, `There is no project "cmr"`) {
		t.Errorf("stderr = %q", res.Stderr)
	}
}

// TestSimulateBadRanges: a bad range is a diagnostic with its position,
// and nothing is simulated.
func TestSimulateBadRanges(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": `roadmap {
  start = "2027-Q1"
}

project "crm" {
  duration = pert(4, 2, 3)
}
`})
	res := runCLI(t, "simulate", dir)
	res.wantExit(t, 1)
	if res.Stdout != "" {
		t.Errorf("stdout = %q", res.Stdout)
	}
	if !strings.Contains(res.Stderr, "main.hcl line 6") || !strings.Contains(res.Stderr, `Invalid value for "high" parameter: low (4) is above high (3).`) {
		t.Errorf("stderr = %q", res.Stderr)
	}
}

// TestSimulateInterrupted: Ctrl-C stops a long simulation promptly and
// prints nothing. (The bound is generous: the point is that the 50,000
// runs asked for, minutes of work, are not all made.)
func TestSimulateInterrupted(t *testing.T) {
	dir := t.TempDir()
	c := synth.Sized(10, 1) // 50,000 runs of it fit the work bound
	c.Ranges = true
	for _, f := range synth.Generate(c) {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	var stdout, stderr bytes.Buffer
	s := &Streams{In: strings.NewReader(""), Out: &stdout, Err: &stderr}
	start := time.Now()
	err := runSimulate(ctx, &globalOptions{}, s, &simulateOptions{dir: dir, runs: 50000, seed: 1})
	if err == nil || !strings.Contains(err.Error(), "simulate interrupted") {
		t.Errorf("err = %v, want an interruption", err)
	}
	if took := time.Since(start); took > 30*time.Second {
		t.Errorf("took %s to stop", took)
	}
	if stdout.Len() != 0 {
		t.Errorf("printed %d bytes", stdout.Len())
	}
}

func TestSimulateProgressLabel(t *testing.T) {
	var buf strings.Builder
	clock := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	p := &progressLine{w: &buf, label: "Simulating 10,000 runs...", now: func() time.Time { return clock }, last: -1}
	p.update(0)
	clock = clock.Add(2 * time.Second)
	p.update(0.25)
	p.clear()
	if want := "\rSimulating 10,000 runs...  25%\r\x1b[K"; buf.String() != want {
		t.Errorf("progress = %q, want %q", buf.String(), want)
	}
	if got := groupDigits(1234567); got != "1,234,567" {
		t.Errorf("groupDigits = %q", got)
	}
	_ = fmt.Sprint()
}

// TestSimulateExampleStory keeps examples/it-department-ranges/README.md
// true: the same plan as examples/it-department, and what 10,000 runs
// with seed 1 show.
func TestSimulateExampleStory(t *testing.T) {
	type planProject struct {
		ID          string `json:"id"`
		Status      string `json:"status"`
		StartPeriod *int   `json:"start_period"`
		EndPeriod   *int   `json:"end_period"`
	}
	schedule := func(dir string) []planProject {
		res := runCLI(t, "plan", "--format", "json", dir)
		res.wantExit(t, 0)
		var p struct {
			Projects []planProject `json:"projects"`
		}
		if err := json.Unmarshal([]byte(res.Stdout), &p); err != nil {
			t.Fatal(err)
		}
		return p.Projects
	}
	if diff := cmp.Diff(schedule(exampleDir), schedule(rangesDir)); diff != "" {
		t.Errorf("the ranged example plans differently (-it-department +ranges):\n%s", diff)
	}

	res := runCLI(t, "simulate", "--format", "json", rangesDir)
	res.wantExit(t, 0)
	var sim struct {
		Projects []struct {
			ID                  string   `json:"id"`
			ChanceScheduled     float64  `json:"chance_scheduled"`
			ChanceMeetsDeadline *float64 `json:"chance_meets_deadline"`
			Plan                struct {
				Status string `json:"status"`
			} `json:"plan"`
		} `json:"projects"`
		Portfolio struct {
			Plan struct {
				Finish string `json:"finish"`
			} `json:"plan"`
			P50Finish   string    `json:"p50_finish"`
			P80Finish   string    `json:"p80_finish"`
			FinishCurve []float64 `json:"finish_curve"`
		} `json:"portfolio"`
		Budgets []struct {
			ID            string  `json:"id"`
			ChanceOverrun float64 `json:"chance_overrun"`
		} `json:"budgets"`
		Teams []struct {
			ID               string  `json:"id"`
			ChanceOverloaded float64 `json:"chance_overloaded"`
		} `json:"teams"`
		Estimates []struct {
			Project           string  `json:"project"`
			Attribute         string  `json:"attribute"`
			FinishCorrelation float64 `json:"finish_correlation"`
			NPVCorrelation    float64 `json:"npv_correlation"`
		} `json:"estimates"`
		Checks []struct {
			ID     string `json:"id"`
			Passed bool   `json:"passed"`
		} `json:"checks"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &sim); err != nil {
		t.Fatal(err)
	}
	pf := sim.Portfolio
	if pf.Plan.Finish != "2028-Q1" || pf.FinishCurve[4] >= 0.1 || pf.FinishCurve[5] < 0.45 || pf.FinishCurve[5] > 0.55 || pf.P50Finish != "2028-Q2" || pf.P80Finish != "2028-Q3" {
		t.Errorf("portfolio: plan %s, done by 2028-Q1 in %v, P50 %s, P80 %s", pf.Plan.Finish, pf.FinishCurve[4], pf.P50Finish, pf.P80Finish)
	}
	// top are the two estimates with the strongest correlations.
	top := func(corr func(i int) float64) []string {
		order := make([]int, len(sim.Estimates))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return math.Abs(corr(order[a])) > math.Abs(corr(order[b])) })
		name := func(i int) string { return sim.Estimates[i].Project + "." + sim.Estimates[i].Attribute }
		return []string{name(order[0]), name(order[1])}
	}
	finish := top(func(i int) float64 { return sim.Estimates[i].FinishCorrelation })
	if !(finish[0] == "a_erp_upgrade.duration" && finish[1] == "sso_rollout.duration" || finish[1] == "a_erp_upgrade.duration" && finish[0] == "sso_rollout.duration") {
		t.Errorf("finish drivers %v", finish)
	}
	if npv := top(func(i int) float64 { return sim.Estimates[i].NPVCorrelation }); npv[0] != "c_customer_portal.benefit.per_year" || npv[1] != "a_erp_upgrade.benefit.per_year" {
		t.Errorf("NPV drivers %v", npv)
	}
	for _, p := range sim.Projects {
		switch {
		case p.ID == "nis2_compliance":
			if p.ChanceMeetsDeadline == nil || *p.ChanceMeetsDeadline < 0.95 {
				t.Errorf("NIS2 meets its deadline in %v", p.ChanceMeetsDeadline)
			}
		case p.ID == "edr_rollout":
			if p.ChanceScheduled < 0.7 || p.ChanceScheduled > 0.9 {
				t.Errorf("EDR scheduled in %v of the runs", p.ChanceScheduled)
			}
		case p.Plan.Status == "scheduled" && p.ChanceScheduled < 0.9:
			t.Errorf("%s scheduled in %v of the runs", p.ID, p.ChanceScheduled)
		}
	}
	for _, b := range sim.Budgets {
		if b.ID == "security" && (b.ChanceOverrun < 0.1 || b.ChanceOverrun > 0.35) {
			t.Errorf("security overruns in %v", b.ChanceOverrun)
		}
	}
	for _, tm := range sim.Teams {
		if (tm.ID == "platform" || tm.ID == "workplace") && (tm.ChanceOverloaded < 0.5 || tm.ChanceOverloaded > 0.8) {
			t.Errorf("%s overloaded in %v", tm.ID, tm.ChanceOverloaded)
		}
	}
	for _, c := range sim.Checks {
		if (c.ID == "security_programme_holds") == c.Passed {
			t.Errorf("check %s passed: %v", c.ID, c.Passed)
		}
	}
}

// TestSavedSimulationIsNotAPlan: show and --compare say what a saved
// simulation is rather than misreading it as a plan.
func TestSavedSimulationIsNotAPlan(t *testing.T) {
	saved := filepath.Join(t.TempDir(), "sim.json")
	runCLI(t, "simulate", "--runs", "10", "--out", saved, "--format", "json", rangesDir).wantExit(t, 0)
	for _, args := range [][]string{{"show", saved}, {"plan", "--compare", saved, rangesDir}} {
		res := runCLI(t, args...)
		if res.Code != 1 || !strings.Contains(res.Stderr, "is a saved simulation, not a plan") {
			t.Errorf("%v: exit %d, stderr %q", args, res.Code, res.Stderr)
		}
	}
}
