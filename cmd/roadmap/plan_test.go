package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/report"
)

var ansiEscapes = regexp.MustCompile("\x1b\\[[0-9;]*m")

// TestPlanFlags: flags parse into planOptions.
func TestPlanFlags(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want planOptions
	}{
		{"defaults", nil, planOptions{dir: ".", seed: 1, timeLimit: 5 * time.Second}},
		{"everything", []string{"--format", "json", "--out", "p.json", "--var", "a=1,2", "--var", "b=x",
			"--var-file", "one.vars.hcl", "--var-file=two.vars.hcl", "--optimize", "--seed", "7", "--time-limit", "250ms", "roadmaps/it"},
			planOptions{dir: "roadmaps/it", format: "json", out: "p.json", vars: []string{"a=1,2", "b=x"},
				varFiles: []string{"one.vars.hcl", "two.vars.hcl"}, optimize: true, seed: 7, timeLimit: 250 * time.Millisecond}},
		{"compare", []string{"--compare", "old.json", "--detailed-exitcode", "--format=markdown"},
			planOptions{dir: ".", format: "markdown", compare: "old.json", detailedExitcode: true, seed: 1, timeLimit: 5 * time.Second}},
		{"base", []string{"--base", "main", "dir"},
			planOptions{dir: "dir", base: "main", seed: 1, timeLimit: 5 * time.Second}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got *planOptions
			cmd := planCommand(&globalOptions{}, &Streams{}, func(_ context.Context, o *planOptions) error {
				got = o
				return nil
			})
			cmd.SetArgs(append([]string{}, c.args...)) // nil would mean os.Args
			if err := cmd.Execute(); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&c.want, got, cmp.AllowUnexported(planOptions{})); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPlanFlagErrors(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"format", []string{"plan", "--format", "pdf"}, `Error: unknown --format "pdf": use one of csv, github, html, json, junit, markdown, mermaid, sarif, table, xlsx` + "\n"},
		{"time limit", []string{"plan", "--time-limit", "0s"}, "Error: --time-limit must be positive, got 0s\n"},
		{"time limit syntax", []string{"plan", "--time-limit", "soon"}, `Error: invalid argument "soon" for "--time-limit" flag: time: invalid duration "soon"` + "\nRun 'roadmap plan --help' for usage.\n"},
		{"seed", []string{"plan", "--seed", "x"}, `Error: invalid argument "x" for "--seed" flag: strconv.ParseInt: parsing "x": invalid syntax` + "\nRun 'roadmap plan --help' for usage.\n"},
		{"detailed exit code alone", []string{"plan", "--detailed-exitcode"}, "Error: --detailed-exitcode needs --base or --compare\n"},
		{"base and compare", []string{"plan", "--base", "HEAD", "--compare", "p.json"}, "Error: if any flags in the group [base compare] are set none of the others can be; [base compare] were all set\n"},
		{"two dirs", []string{"plan", "a", "b"}, "Error: accepts at most 1 arg(s), received 2\n"},
		{"unknown flag", []string{"plan", "--ouput", "p.json"}, "Error: unknown flag: --ouput\nRun 'roadmap plan --help' for usage.\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := run(t, "", c.args...)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if diff := cmp.Diff(c.wantErr, stderr); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPlanExampleGolden: the plan of the example roadmap in each format
// this command prints by default, against golden files.
func TestPlanExampleGolden(t *testing.T) {
	for _, c := range []struct{ format, ext string }{{"table", "txt"}, {"json", "json"}, {"markdown", "md"}} {
		t.Run(c.format, func(t *testing.T) {
			res := runCLI(t, "plan", "--format", c.format, exampleDir)
			res.wantExit(t, 0)
			if res.Stderr != "" {
				t.Errorf("stderr = %q, want nothing", res.Stderr)
			}
			assertGolden(t, "plan/it-department."+c.ext, res.Stdout)
		})
	}
	// The tighter scenario of example.vars.hcl: A fails the risk gate and
	// D starts at once next to C.
	res := runCLI(t, "plan", "--var-file", exampleDir+"/example.vars.hcl", exampleDir)
	res.wantExit(t, 0)
	assertGolden(t, "plan/it-department-tight.txt", res.Stdout)
}

// TestPlanExampleStory: the example tells the case study's story (see
// examples/it-department/README.md): E dropped by the departments gate
// with the department named, B not viable, A, C and D viable with two of
// them in parallel from the start and the third waiting for the apps team.
func TestPlanExampleStory(t *testing.T) {
	res := runCLI(t, "plan", "--format", "json", exampleDir)
	res.wantExit(t, 0)
	p, err := report.ReadPlan(strings.NewReader(res.Stdout))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]int{}
	for i, pr := range p.Projects {
		byID[pr.ID] = i
	}
	e := p.Projects[byID["e_crm_replacement"]]
	if e.Status != "dropped" || e.Gate != "departments" || len(e.Reasons) == 0 || !strings.Contains(e.Reasons[0], `"sales"`) {
		t.Errorf("E: status %s, gate %s, reasons %q; want dropped at the departments gate naming sales", e.Status, e.Gate, e.Reasons)
	}
	if b := p.Projects[byID["b_support_chatbot"]]; b.Status != "dropped" || b.Gate != "viability" {
		t.Errorf("B: status %s, gate %s; want dropped at the viability gate", b.Status, b.Gate)
	}
	starts := map[int]int{}
	for _, id := range []string{"a_erp_upgrade", "c_customer_portal", "d_warehouse_scanning"} {
		pr := p.Projects[byID[id]]
		if pr.Status != "scheduled" || pr.StartPeriod == nil {
			t.Fatalf("%s: status %s, want scheduled", id, pr.Status)
		}
		starts[*pr.StartPeriod]++
	}
	if starts[0] != 2 || len(starts) != 2 {
		t.Errorf("start periods of A, C, D: %v; want two at period 0 and one later", starts)
	}
	// The table says why the third waits.
	table := runCLI(t, "plan", exampleDir)
	if !strings.Contains(table.Stdout, `waited for team "apps"`) {
		t.Errorf("the table does not say which team the waiting project waited for:\n%s", table.Stdout)
	}
}

// TestPlanScenarioVariables: --var, --var-file and ROADMAP_VAR_ reach the
// evaluation: with a risk appetite of 0.3, A fails the risk gate.
func TestPlanScenarioVariables(t *testing.T) {
	runs := map[string]cliRun{
		"--var-file": {Args: []string{"plan", "--format", "json", "--var-file", exampleDir + "/example.vars.hcl", exampleDir}},
		"--var":      {Args: []string{"plan", "--format", "json", "--var", "risk_appetite=0.3", exampleDir}},
		"env":        {Args: []string{"plan", "--format", "json", exampleDir}, Env: []string{"ROADMAP_VAR_risk_appetite=0.3"}},
	}
	for name, r := range runs {
		t.Run(name, func(t *testing.T) {
			res := r.run(t)
			res.wantExit(t, 0)
			p, err := report.ReadPlan(strings.NewReader(res.Stdout))
			if err != nil {
				t.Fatal(err)
			}
			for _, pr := range p.Projects {
				if pr.ID == "a_erp_upgrade" && (pr.Status != "dropped" || pr.Gate != "risk") {
					t.Errorf("A: status %s, gate %s; want dropped at the risk gate", pr.Status, pr.Gate)
				}
			}
		})
	}
}

// TestPlanShowRoundTrip: --out saves the JSON plan exactly as --format json
// prints it, and show of that file prints what plan printed, in every
// format.
func TestPlanShowRoundTrip(t *testing.T) {
	saved := filepath.Join(t.TempDir(), "plan.json")
	first := runCLI(t, "plan", "--out", saved, exampleDir)
	first.wantExit(t, 0)
	asJSON := runCLI(t, "plan", "--format", "json", exampleDir)
	if diff := cmp.Diff(asJSON.Stdout, readFile(t, saved)); diff != "" {
		t.Errorf("--out file differs from --format json (-stdout +file):\n%s", diff)
	}
	for _, format := range []string{"table", "json", "markdown", "html", "mermaid"} {
		plan := runCLI(t, "plan", "--format", format, exampleDir)
		plan.wantExit(t, 0)
		show := runCLI(t, "show", "--format", format, saved)
		show.wantExit(t, 0)
		if diff := cmp.Diff(plan.Stdout, show.Stdout); diff != "" {
			t.Errorf("%s: show differs from plan (-plan +show):\n%s", format, diff)
		}
	}
	// The default format too, and with colour on a terminal.
	term := cliRun{Args: []string{"plan", exampleDir}, OutIsTerminal: true, TerminalWidth: 100}.run(t)
	showTerm := cliRun{Args: []string{"show", saved}, OutIsTerminal: true, TerminalWidth: 100}.run(t)
	if !strings.Contains(term.Stdout, "\x1b[32mscheduled") {
		t.Errorf("no status colour on a terminal")
	}
	if diff := cmp.Diff(term.Stdout, showTerm.Stdout); diff != "" {
		t.Errorf("show differs from plan on a terminal (-plan +show):\n%s", diff)
	}
	if diff := cmp.Diff(first.Stdout, runCLI(t, "show", saved).Stdout); diff != "" {
		t.Errorf("default format: show differs from plan (-plan +show):\n%s", diff)
	}
}

// TestPlanOutAtomic: --out replaces an existing file whole, keeps its
// permissions and leaves no temporary file; a failed plan leaves it alone.
func TestPlanOutAtomic(t *testing.T) {
	dir := t.TempDir()
	saved := filepath.Join(dir, "plan.json")
	if err := os.WriteFile(saved, []byte("old plan"), 0o600); err != nil {
		t.Fatal(err)
	}
	runCLI(t, "plan", "--out", saved, "--format", "json", exampleDir).wantExit(t, 0)
	got := readFile(t, saved)
	if !strings.HasPrefix(got, "{\n  \"format_version\": \"1\",") {
		t.Errorf("--out file does not hold the plan:\n%.200s", got)
	}
	fi, err := os.Stat(saved)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("--out changed the file's permissions to %v", fi.Mode().Perm())
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries after --out, want only plan.json", len(entries))
	}

	// A roadmap that does not load writes nothing.
	broken := t.TempDir()
	writeFiles(t, broken, map[string]string{"roadmap.hcl": "roadmap {\n  name = \n}\n"})
	res := runCLI(t, "plan", "--out", saved, broken)
	res.wantExit(t, 1)
	if readFile(t, saved) != got {
		t.Errorf("a failed plan changed the --out file")
	}

	// A directory that does not exist: an error, nothing printed.
	res = runCLI(t, "plan", "--out", filepath.Join(dir, "missing", "plan.json"), exampleDir)
	res.wantExit(t, 1)
	if res.Stdout != "" || !strings.HasPrefix(res.Stderr, "Error: saving the plan: ") {
		t.Errorf("stdout %q, stderr %q", res.Stdout, res.Stderr)
	}
}

// smallRoadmap is a one-project roadmap with the given check blocks.
func smallRoadmap(checks string) map[string]string {
	return map[string]string{
		"roadmap.hcl": `roadmap {
  name     = "Checks"
  currency = "EUR"
  start    = "2027-Q1"
  horizon  = 4
}

goal "g" {
  weight = 1
}

department "ops" {}

team "platform" {
  capacity     = 2
  cost_per_fte = 1000
}

project "p" {
  goals       = { g = 1 }
  endorsed_by = [department.ops]
  duration    = 2
  effort      = { platform = 1 }
  cost {
    one_time = 10000
  }
  benefit {
    per_year = 20000
    years    = 2
  }
}
`,
		"checks.hcl": checks,
	}
}

// TestPlanChecks: a failed error check prints the plan, then fails with
// exit status 1; a failed warning is reported and does not fail.
func TestPlanChecks(t *testing.T) {
	cases := []struct {
		name       string
		checks     string
		wantCode   int
		wantStderr string
	}{
		{"pass", `check "cheap" {
  condition     = plan.totals.cost < 1000000
  error_message = "Too dear."
}
`, 0, ""},
		{"error", `check "cheap" {
  condition     = plan.totals.cost < 1000
  error_message = "The portfolio costs more than 1,000."
  severity      = "error"
}
`, 1, "Error: check \"cheap\" failed: The portfolio costs more than 1,000.\n"},
		{"warning", `check "cheap" {
  condition     = plan.totals.cost < 1000
  error_message = "The portfolio costs more than 1,000."
  severity      = "warning"
}
`, 0, "Warning: check \"cheap\" failed: The portfolio costs more than 1,000.\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, smallRoadmap(c.checks))
			for _, format := range []string{"table", "json", "markdown"} {
				res := runCLI(t, "plan", "--format", format, dir)
				res.wantExit(t, c.wantCode)
				if diff := cmp.Diff(c.wantStderr, res.Stderr); diff != "" {
					t.Errorf("%s: stderr (-want +got):\n%s", format, diff)
				}
				if !strings.Contains(res.Stdout, "cheap") {
					t.Errorf("%s: the plan with its checks was not printed:\n%s", format, res.Stdout)
				}
			}
		})
	}
}

// TestPlanLoadErrors: a roadmap that does not load prints diagnostics on
// stderr, nothing on stdout, and exits 1.
func TestPlanLoadErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, smallRoadmap(""))
	writeFiles(t, dir, map[string]string{"more.hcl": "project \"q\" {\n  depends_on = [project.nope]\n  duration = 1\n}\n"})
	res := runCLI(t, "plan", dir)
	res.wantExit(t, 1)
	if res.Stdout != "" {
		t.Errorf("stdout = %q, want nothing", res.Stdout)
	}
	if !strings.Contains(res.Stderr, "more.hcl line 2") || !strings.Contains(res.Stderr, "Error: ") {
		t.Errorf("stderr lacks the diagnostic with its position:\n%s", res.Stderr)
	}
	res = runCLI(t, "plan", filepath.Join(dir, "no-such-dir"))
	res.wantExit(t, 1)
	if res.Stdout != "" || res.Stderr == "" {
		t.Errorf("missing directory: stdout %q, stderr %q", res.Stdout, res.Stderr)
	}
}

// TestProgressLine: nothing during the first second of a search; then
// the share the search reports, each percent once; cleared at the end,
// and nothing drawn after that.
func TestProgressLine(t *testing.T) {
	var buf strings.Builder
	clock := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	p := &progressLine{w: &buf, now: func() time.Time { return clock }, last: -1}
	step := func(d time.Duration, done float64) {
		clock = clock.Add(d)
		p.update(done)
	}
	step(0, 0)                      // the search starts
	step(900*time.Millisecond, 0.5) // under a second: nothing yet
	step(100*time.Millisecond, 0.5) // 1s: the budget share, 50%
	step(0, 0.504)                  // still 50%: not drawn again
	step(5*time.Second, 0.6)        // 60%
	step(0, 1)                      // 100%
	step(0, 1.5)                    // clamped
	p.clear()
	step(time.Second, 0.2) // after the end: nothing
	p.clear()
	want := "\rOptimising the schedule...  50%\rOptimising the schedule...  60%\rOptimising the schedule... 100%\r\x1b[K"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("progress (-want +got):\n%s", diff)
	}

	// A search that ends within the first second shows nothing at all.
	buf.Reset()
	p = &progressLine{w: &buf, now: func() time.Time { return clock }, last: -1}
	step(0, 0)
	step(500*time.Millisecond, 1)
	p.clear()
	if buf.Len() != 0 {
		t.Errorf("a search shorter than a second drew %q", buf.String())
	}

	// The ticker draws the line once the first second has passed, with no
	// further report from the search.
	var mu sync.Mutex
	var ticked strings.Builder
	real := newProgressLine(lockedWriter{&mu, &ticked})
	// Called under the line's lock: the search starts at base and update
	// draws nothing; every later call, from the ticker alone, is past the
	// first second.
	base, calls := time.Now(), 0
	real.now = func() time.Time {
		calls++
		if calls <= 2 {
			return base
		}
		return base.Add(progressDelay + time.Since(base))
	}
	real.tick = time.Millisecond
	real.update(0.3)
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		n := strings.Count(ticked.String(), "%")
		mu.Unlock()
		if n >= 1 || time.Now().After(deadline) {
			break
		}
		time.Sleep(time.Millisecond)
	}
	real.clear()
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(ticked.String(), " 30%") || !strings.HasSuffix(ticked.String(), "\r\x1b[K") {
		t.Errorf("ticker output %q: want the reported 30%% then a cleared line", ticked.String())
	}

	var none *progressLine
	none.clear() // off a terminal there is no progress line
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}
