package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// withJSON are the small roadmaps of the decisions a board asks about
// (issue 10), whose JSON is also checked through the CLI.
var withJSON = map[string]bool{"vendor_threshold": true, "hurdle": true, "value_warning": true, "funding_split": true,
	"deadlines": true, "deadlines_error": true, "headroom": true, "mandatory": true, "checks": true, "portfolio": true,
	"gates": true, "strategy_value": true, "flagship_named": true, "run_rate": true}

// TestPlanSmallRoadmapsGolden prints the plan of each small roadmap under
// evaluate/testdata (each isolates one behaviour: a gate, a strategy, a
// budget period, max_parallel, deadlines, capacity overrides, vendors,
// checks) as a table and as Markdown, against golden files, so the human
// formats are reviewed on more than the main example. The JSON of the same
// roadmaps is evaluate's golden. optimize is left out: its search runs
// against a time limit.
func TestPlanSmallRoadmapsGolden(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "..", "evaluate", "testdata", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, dir := range dirs {
		name := filepath.Base(dir)
		if _, err := os.Stat(filepath.Join(dir, "main.hcl")); err != nil || name == "optimize" {
			continue
		}
		n++
		formats := []struct{ format, ext string }{{"table", "txt"}, {"markdown", "md"}}
		if withJSON[name] {
			formats = append(formats, struct{ format, ext string }{"json", "json"})
		}
		if name == "portfolio" || name == "living" || name == "run_rate" {
			// living: the Gantt of a living plan (status date line,
			// work in progress hatched, done and cancelled as history).
			formats = append(formats, struct{ format, ext string }{"html", "html"})
		}
		for _, f := range formats {
			t.Run(name+"/"+f.format, func(t *testing.T) {
				res := runCLI(t, "plan", "--format", f.format, dir)
				// These roadmaps fail an error check on purpose.
				want := 0
				if name == "checks" || name == "mandatory" || name == "deadlines_error" {
					want = 1
				}
				res.wantExit(t, want)
				assertGolden(t, filepath.Join("plan", "small", name+"."+f.ext), res.Stdout)
			})
		}
	}
	if n < 6 {
		t.Errorf("found %d small roadmaps under evaluate/testdata, want at least 6", n)
	}
}

// Missed deadlines and mandatory projects the plan cannot take are never
// silent: a warning on stderr (exit 0) for a missed deadline, an error
// (exit 1) for a mandatory project deferred or dropped, or for any missed
// deadline under policy { deadlines = "error" }; in every format.
func TestPlanDeadlineAndMandatoryExitCodes(t *testing.T) {
	dir := func(name string) string { return filepath.Join("..", "..", "evaluate", "testdata", name) }
	tests := []struct {
		name   string
		exit   int
		stderr string
	}{
		{"deadlines", 0, `Warning: check "policy.deadlines" failed: "compliance" misses its deadline 2027-Q2: deferred, cannot finish by its deadline 2027-Q2: 3 periods from 2027-Q1 would end 2027-Q3; ` +
			`"analytics" misses its deadline 2027-Q4: deferred, cannot finish by its deadline 2027-Q4: 2 periods after its dependencies end (2028-Q2) would end 2028-Q4; ` +
			`"archive" misses its deadline 2028-Q2: dropped by the viability gate, requires capability "tape_library", which is not in the stack, not provided by its vendor and not provided by a project it depends on` + "\n"},
		{"deadlines_error", 1, `Error: check "policy.deadlines" failed: "launch" misses its deadline 2027-Q2: deferred, cannot finish by its deadline 2027-Q2: 3 periods from 2027-Q1 would end 2027-Q3` + "\n"},
		{"mandatory", 1, `Error: check "policy.mandatory" failed: mandatory project "audit" is deferred: cannot finish inside the horizon (last period 2027-Q4): 6 periods from 2027-Q1 would end 2028-Q2; ` +
			`mandatory project "retention" is dropped by the viability gate: requires capability "archive_store", which is not in the stack, not provided by its vendor and not provided by a project it depends on` + "\n"},
		{"headroom", 0, ""},
	}
	for _, tt := range tests {
		for _, format := range []string{"table", "json", "markdown"} {
			t.Run(tt.name+"/"+format, func(t *testing.T) {
				res := runCLI(t, "plan", "--format", format, dir(tt.name))
				res.wantExit(t, tt.exit)
				// The loader's own warnings (a deadline it can see is too
				// early) come first; the check's verdict ends stderr.
				if !strings.HasSuffix(res.Stderr, tt.stderr) || (tt.stderr == "" && res.Stderr != "") {
					t.Errorf("stderr:\n%s\nwant it to end with:\n%s", res.Stderr, tt.stderr)
				}
			})
		}
	}
}

// TestPlanForceInOut: --force-in and --force-out through the CLI on the
// portfolio roadmap: the risky project forced in past the risk gate (its
// reasons say so), the excluded one forced in, the portal forced out; in
// table, JSON and Markdown. Unknown ids are errors with a suggestion.
func TestPlanForceInOut(t *testing.T) {
	dir := filepath.Join("..", "..", "evaluate", "testdata", "portfolio")
	for _, f := range []struct{ format, ext string }{{"table", "txt"}, {"json", "json"}, {"markdown", "md"}} {
		t.Run(f.format, func(t *testing.T) {
			res := runCLI(t, "plan", "--format", f.format, "--force-in", "risky_ai,legacy_cleanup", "--force-out", "portal", dir)
			res.wantExit(t, 0)
			assertGolden(t, filepath.Join("plan", "small", "portfolio-forced."+f.ext), res.Stdout)
			if f.format == "json" && !strings.Contains(res.Stdout, `"forced": "in"`) {
				t.Error("no project forced in in the JSON plan")
			}
		})
	}
	res := runCLI(t, "plan", "--force-in", "risky_a", dir)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, `There is no project "risky_a" to force in. Did you mean "risky_ai"?`) {
		t.Errorf("stderr = %q", res.Stderr)
	}
}
