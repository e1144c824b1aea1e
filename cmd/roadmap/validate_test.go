package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const (
	validateDir = "testdata/validate"
	exampleDir  = "../../examples/it-department"
)

// TestValidateFundingGolden: with two budgets, a project that spends and
// names no funding is an error ("Which budget pays?"), and split funding
// maps are checked share by share; validate and plan both say so, in
// text and JSON (issue 10).
func TestValidateFundingGolden(t *testing.T) {
	dir := filepath.Join("..", "..", "hclspec", "testdata", "invalid", "funding_problems")
	text := runCLI(t, "validate", dir)
	text.wantExit(t, 1)
	if !strings.Contains(text.Stderr, "Which budget pays?") {
		t.Errorf("validate does not ask which budget pays:\n%s", text.Stderr)
	}
	assertGolden(t, "validate/funding_problems.txt", text.Stderr)
	js := runCLI(t, "validate", "--json", dir)
	js.wantExit(t, 1)
	assertGolden(t, "validate/funding_problems.json", js.Stdout)
	plan := runCLI(t, "plan", dir)
	plan.wantExit(t, 1)
	if plan.Stderr != text.Stderr || plan.Stdout != "" {
		t.Errorf("plan reports otherwise than validate:\nstdout %s\nstderr %s", plan.Stdout, plan.Stderr)
	}
}

// TestValidateGolden pins what validate prints for a small roadmap holding
// one mistake of each common kind: the text on stderr and the JSON.
func TestValidateGolden(t *testing.T) {
	dir := filepath.Join(validateDir, "invalid")
	text := runCLI(t, "validate", dir)
	text.wantExit(t, 1)
	if text.Stdout != "" {
		t.Errorf("stdout = %q, want nothing", text.Stdout)
	}
	assertGolden(t, "validate/invalid.txt", text.Stderr)

	js := runCLI(t, "validate", "--json", dir)
	js.wantExit(t, 1)
	if js.Stderr != "" {
		t.Errorf("stderr = %q, want nothing with --json", js.Stderr)
	}
	assertGolden(t, "validate/invalid.json", js.Stdout)

	// The JSON says the same as the text, in the same order.
	var report struct {
		Valid        bool `json:"valid"`
		ErrorCount   int  `json:"error_count"`
		WarningCount int  `json:"warning_count"`
		Diagnostics  []struct {
			Severity string `json:"severity"`
			Summary  string `json:"summary"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(js.Stdout), &report); err != nil {
		t.Fatal(err)
	}
	var jsonSummaries, textSummaries []string
	for _, d := range report.Diagnostics {
		jsonSummaries = append(jsonSummaries, d.Summary)
	}
	for _, line := range strings.Split(text.Stderr, "\n") {
		if s, ok := strings.CutPrefix(line, "Error: "); ok {
			textSummaries = append(textSummaries, s)
		}
	}
	if diff := cmp.Diff(textSummaries, jsonSummaries); diff != "" {
		t.Errorf("JSON and text disagree (-text +json):\n%s", diff)
	}
	if report.Valid || report.ErrorCount != len(report.Diagnostics) || report.WarningCount != 0 {
		t.Errorf("valid=%v error_count=%d warning_count=%d for %d diagnostics", report.Valid, report.ErrorCount, report.WarningCount, len(report.Diagnostics))
	}
}

func TestValidateSuccess(t *testing.T) {
	tests := []struct {
		name       string
		run        cliRun
		wantStdout string
		wantStderr string
	}{
		{
			name:       "the example",
			run:        cliRun{Args: []string{"validate", exampleDir}},
			wantStdout: "Success! The roadmap is valid.\n",
		},
		{
			name:       "the example with its variable file",
			run:        cliRun{Args: []string{"validate", "--var-file", filepath.Join(exampleDir, "example.vars.hcl"), exampleDir}},
			wantStdout: "Success! The roadmap is valid.\n",
		},
		{
			name:       "default directory",
			run:        cliRun{Args: []string{"validate"}},
			wantStdout: "Success! The roadmap is valid.\n",
		},
		{
			name:       "colour on a terminal",
			run:        cliRun{Args: []string{"validate", exampleDir}, OutIsTerminal: true},
			wantStdout: "\x1b[32;1mSuccess! The roadmap is valid.\x1b[0m\n",
		},
		{
			name:       "no colour with NO_COLOR",
			run:        cliRun{Args: []string{"validate", exampleDir}, OutIsTerminal: true, Env: []string{"NO_COLOR=1"}},
			wantStdout: "Success! The roadmap is valid.\n",
		},
		{
			name:       "warnings only",
			run:        cliRun{Args: []string{"validate", filepath.Join(validateDir, "warning")}},
			wantStdout: "Success! The roadmap is valid, but there were some validation warnings as shown above.\n",
			wantStderr: `Warning: Earliest start before the roadmap starts

  on testdata/validate/warning/roadmap.hcl line 9, column 20, in project "early":
   9:   earliest_start = "2026-Q4"

2026-Q4 falls before the roadmap's first period, 2027-Q1, so it does not constrain the project.

`,
		},
		{
			// Review qa15e E3: valid, yet every plan fails policy.mandatory.
			name:       "a mandatory project needs one on hold",
			run:        cliRun{Args: []string{"validate", filepath.Join(validateDir, "mandatory-on-hold")}},
			wantStdout: "Success! The roadmap is valid, but there were some validation warnings as shown above.\n",
			wantStderr: `Warning: Mandatory project needs a project on hold

  on testdata/validate/mandatory-on-hold/roadmap.hcl line 8, column 14, in project "archive":
   8:   status   = "on_hold"

Project "audit" is mandatory (testdata/validate/mandatory-on-hold/roadmap.hcl:14,16-20) and cannot run without "archive" (through depends_on and together), which is on hold, so every plan fails policy.mandatory until "archive"'s status changes.

`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "default directory" {
				t.Chdir(filepath.Join(validateDir, "valid"))
			}
			res := tt.run.run(t)
			res.wantExit(t, 0)
			if diff := cmp.Diff(tt.wantStdout, res.Stdout); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantStderr, res.Stderr); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidateJSONValid(t *testing.T) {
	res := runCLI(t, "validate", "--json", exampleDir)
	res.wantExit(t, 0)
	want := `{
  "format_version": "1",
  "valid": true,
  "error_count": 0,
  "warning_count": 0,
  "diagnostics": []
}
`
	if diff := cmp.Diff(want, res.Stdout); diff != "" {
		t.Errorf("stdout (-want +got):\n%s", diff)
	}
}

// TestValidateVariables checks that --var, --var-file and ROADMAP_VAR_*
// reach the loader, in Terraform's order of precedence.
func TestValidateVariables(t *testing.T) {
	dir := filepath.Join(validateDir, "valid")
	negative := filepath.Join(dir, "negative.vars.hcl")
	more := filepath.Join(dir, "more.vars.hcl")
	tests := []struct {
		name        string
		args        []string
		env         []string
		wantCode    int
		wantSummary string // first line of stderr
	}{
		{name: "--var", args: []string{"--var", "capacity=3"}},
		{name: "--var failing validation", args: []string{"--var", "capacity=0"}, wantCode: 1, wantSummary: "Error: Invalid value for variable"},
		{name: "--var of the wrong type", args: []string{"--var", "capacity=lots"}, wantCode: 1, wantSummary: "Error: Invalid value for variable"},
		{name: "--var undeclared", args: []string{"--var", "capcity=3"}, wantCode: 1, wantSummary: "Error: Value for undeclared variable"},
		{name: "--var-file failing validation", args: []string{"--var-file", negative}, wantCode: 1, wantSummary: "Error: Invalid value for variable"},
		{name: "later --var-file wins", args: []string{"--var-file", negative, "--var-file", more}},
		{name: "--var wins over --var-file", args: []string{"--var-file", negative, "--var", "capacity=2"}},
		{name: "environment", env: []string{"ROADMAP_VAR_capacity=0"}, wantCode: 1, wantSummary: "Error: Invalid value for variable"},
		{name: "--var-file wins over environment", env: []string{"ROADMAP_VAR_capacity=0"}, args: []string{"--var-file", more}},
		{name: "missing --var-file", args: []string{"--var-file", filepath.Join(dir, "nope.vars.hcl")}, wantCode: 1, wantSummary: "Error: Cannot read file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{"validate"}, tt.args...), dir)
			res := cliRun{Args: args, Env: tt.env}.run(t)
			res.wantExit(t, tt.wantCode)
			first, _, _ := strings.Cut(res.Stderr, "\n")
			if first != tt.wantSummary {
				t.Errorf("first line of stderr = %q, want %q\nstderr:\n%s", first, tt.wantSummary, res.Stderr)
			}
		})
	}
}

func TestValidateMissingDirectory(t *testing.T) {
	res := runCLI(t, "validate", filepath.Join(validateDir, "does-not-exist"))
	res.wantExit(t, 1)
	if !strings.HasPrefix(res.Stderr, "Error: Cannot read roadmap directory\n") {
		t.Errorf("stderr:\n%s", res.Stderr)
	}
}

// A roadmap is a directory; naming one of its files gets a hint that
// names the directory instead of a bare "not a directory".
func TestRoadmapFileGivenForDirectory(t *testing.T) {
	file := filepath.Join(validateDir, "valid", "roadmap.hcl")
	wantDetail := file + " is a file, but a roadmap is a directory: every .hcl file in it is read together. Name the directory holding it instead: " + filepath.Join(validateDir, "valid")
	for _, command := range []string{"validate", "plan", "graph"} {
		t.Run(command, func(t *testing.T) {
			res := runCLI(t, command, file)
			res.wantExit(t, 1)
			if !strings.HasPrefix(res.Stderr, "Error: Cannot read roadmap directory\n") {
				t.Errorf("stderr:\n%s", res.Stderr)
			}
			if !strings.Contains(strings.Join(strings.Fields(res.Stderr), " "), wantDetail) {
				t.Errorf("stderr does not say %q:\n%s", wantDetail, res.Stderr)
			}
		})
	}
}

func TestValidateDiagnosticsOnTerminal(t *testing.T) {
	dir := filepath.Join(validateDir, "invalid")
	res := cliRun{Args: []string{"validate", dir}, ErrIsTerminal: true, TerminalWidth: 50}.run(t)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, "\x1b[31mError\x1b[0m: Unknown team") {
		t.Errorf("no coloured severity on a terminal:\n%s", res.Stderr)
	}
	// Detail text wraps at the width; headers and source lines are not cut.
	sourceLine := regexp.MustCompile(`^ *\d+: `)
	for _, line := range strings.Split(res.Stderr, "\n") {
		plain := strings.ReplaceAll(strings.ReplaceAll(line, "\x1b[31m", ""), "\x1b[0m", "")
		if strings.HasPrefix(plain, "  on ") || strings.HasPrefix(plain, "Error: ") || sourceLine.MatchString(plain) {
			continue
		}
		if len(plain) > 50 {
			t.Errorf("detail line longer than the terminal: %q", plain)
		}
	}
	cycle := "These projects depend on each other in a loop, so none can start"
	if strings.Contains(res.Stderr, cycle) {
		t.Errorf("detail not wrapped at 50 columns:\n%s", res.Stderr)
	}
	if piped := runCLI(t, "validate", dir); !strings.Contains(piped.Stderr, cycle) {
		t.Errorf("detail wrapped although stderr is not a terminal:\n%s", piped.Stderr)
	}
	plain := cliRun{Args: []string{"validate", "--no-color", dir}, ErrIsTerminal: true}.run(t)
	if strings.Contains(plain.Stderr, "\x1b[") {
		t.Errorf("colour despite --no-color:\n%s", plain.Stderr)
	}
}

// TestValidateCIFormats pins the CI formats of validate over the invalid
// roadmap; the renderers themselves are tested in report.
func TestValidateCIFormats(t *testing.T) {
	dir := filepath.Join(validateDir, "invalid")
	for _, format := range []string{"github", "sarif", "junit"} {
		t.Run(format, func(t *testing.T) {
			res := runCLI(t, "validate", "--format", format, dir)
			res.wantExit(t, 1)
			// The CI log still shows the diagnostics as text.
			assertGolden(t, "validate/invalid.txt", res.Stderr)
			assertGolden(t, "validate/invalid."+format, res.Stdout)
		})
	}
	res := runCLI(t, "validate", "--format", "junit", exampleDir)
	res.wantExit(t, 0)
	if !strings.Contains(res.Stdout, `<testcase name="configuration is valid"`) {
		t.Errorf("junit for a valid roadmap:\n%s", res.Stdout)
	}
	if res := runCLI(t, "validate", "--format", "github", exampleDir); res.Code != 0 || res.Stdout != "" {
		t.Errorf("github for a valid roadmap: exit %d, stdout %q", res.Code, res.Stdout)
	}
}

// TestReadmeRoadmapIsValid validates the single-file roadmap of the
// README, so the first thing readers copy works.
func TestReadmeRoadmapIsValid(t *testing.T) {
	readme := readFile(t, "../../README.md")
	_, rest, ok := strings.Cut(readme, "## A small roadmap")
	if !ok {
		t.Fatal(`README has no "## A small roadmap" section`)
	}
	_, rest, ok = strings.Cut(rest, "```hcl\n")
	src, _, closed := strings.Cut(rest, "```")
	if !ok || !closed {
		t.Fatal("no hcl snippet in the README's small roadmap section")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"roadmap.hcl": src})
	res := runCLI(t, "validate", dir)
	res.wantExit(t, 0)
	if res.Stderr != "" {
		t.Errorf("stderr:\n%s", res.Stderr)
	}
}

// TestReadmePlanExcerptIsCurrent keeps the README's excerpt of the
// example's plan in step with what `make run` prints (the table golden), so
// a new reader sees the output they will get.
func TestReadmePlanExcerptIsCurrent(t *testing.T) {
	readme := readFile(t, "../../README.md")
	_, rest, ok := strings.Cut(readme, "```\n$ roadmap plan examples/it-department\n")
	excerpt, _, closed := strings.Cut(rest, "...\n```")
	if !ok || !closed || excerpt == "" {
		t.Fatal("README has no plan excerpt of the form \"$ roadmap plan examples/it-department\" ... \"...\"")
	}
	plan := readFile(t, "testdata/plan/it-department.txt")
	if !strings.HasPrefix(plan, excerpt) {
		n := min(len(plan), len(excerpt))
		t.Errorf("the README's plan excerpt is not the start of testdata/plan/it-department.txt (-readme +plan):\n%s",
			cmp.Diff(excerpt, plan[:n]))
	}
}

// A check naming a project that does not exist says so, by name, with the
// nearest id, where the name is written. (validate does not evaluate
// checks: plan does.)
func TestCheckNamingUnknownProject(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"roadmap.hcl": `roadmap {
  start = "2027-Q1"
}

team "platform" {
  capacity = 4
}

project "single_sign_on" {
  duration = 2
  effort   = { platform = 2 }
}

check "sso_first" {
  condition     = plan.projects["single_sign_in"].status == "scheduled"
  error_message = "SSO must be scheduled."
}
`,
	})
	for _, command := range []string{"plan"} {
		t.Run(command, func(t *testing.T) {
			res := runCLI(t, command, dir)
			res.wantExit(t, 1)
			for _, want := range []string{
				"Error: Unknown project\n",
				"on " + filepath.Join(dir, "roadmap.hcl") + " line 15",
				`There is no project "single_sign_in" in the plan. Did you mean "single_sign_on"?`,
			} {
				if !strings.Contains(res.Stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, res.Stderr)
				}
			}
			if strings.Contains(res.Stderr, "Invalid index") {
				t.Errorf("HCL's generic message is still shown:\n%s", res.Stderr)
			}
		})
	}
}

// TestValidateJSONClipsSnippet: a diagnostic on a huge line carries a
// clipped snippet, marked truncated, not the whole line.
func TestValidateJSONClipsSnippet(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": "roadmap {\n  start = \"2027-01\"\n}\n\nproject \"a\" {\n  duration = 1\n  bogus    = \"" + strings.Repeat("x", 1<<20) + "\"\n}\n"})
	res := runCLI(t, "validate", "--json", dir)
	res.wantExit(t, 1)
	if len(res.Stdout) > 10_000 {
		t.Errorf("%d bytes of JSON for one diagnostic", len(res.Stdout))
	}
	var got struct {
		Diagnostics []struct {
			Summary string `json:"summary"`
			Snippet *struct {
				Code           string `json:"code"`
				StartLine      int    `json:"start_line"`
				HighlightStart int    `json:"highlight_start_offset"`
				HighlightEnd   int    `json:"highlight_end_offset"`
				Truncated      bool   `json:"truncated"`
			} `json:"snippet"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &got); err != nil {
		t.Fatalf("%v in %.200s", err, res.Stdout)
	}
	// "Unsupported argument" on bogus and "String too long" on its value.
	if len(got.Diagnostics) != 2 {
		t.Fatalf("diagnostics %+v, want two", got.Diagnostics)
	}
	for _, d := range got.Diagnostics {
		s := d.Snippet
		if s == nil {
			t.Errorf("%s: no snippet", d.Summary)
			continue
		}
		if !s.Truncated || s.StartLine != 7 || len(s.Code) > 240 || s.HighlightEnd <= s.HighlightStart {
			t.Errorf("%s: snippet of %d bytes at line %d, truncated %v, highlight %d..%d; want line 7 clipped to 240 bytes, truncated, with a highlight",
				d.Summary, len(s.Code), s.StartLine, s.Truncated, s.HighlightStart, s.HighlightEnd)
			continue
		}
		if d.Summary == "Unsupported argument" && s.Code[s.HighlightStart:s.HighlightEnd] != "bogus" {
			t.Errorf("%s: highlight %q, want bogus", d.Summary, s.Code[s.HighlightStart:s.HighlightEnd])
		}
	}
}
