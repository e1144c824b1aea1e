package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The earned value fixtures (testdata/earned): a portal programme whose
// plan of record (baseline/) was saved before anything started, then its
// status at 2027-Q2 (q2/) and 2027-Q3 (q3/). Their figures are worked by
// hand in evaluate's TestEarnedValueFigures (q3 is that test's roadmap).
const (
	earnedDir      = "testdata/earned"
	earnedBaseline = "testdata/earned/baseline.json"
)

// TestEarnedValueBaselineIsThePlanOfRecord: the saved baseline is the
// plan of baseline/ as plan --format json prints it, so the goldens below
// measure against what the CLI saves.
func TestEarnedValueBaselineIsThePlanOfRecord(t *testing.T) {
	res := runCLI(t, "plan", "--format", "json", filepath.Join(earnedDir, "baseline"))
	res.wantExit(t, 0)
	assertGolden(t, "earned/baseline.json", res.Stdout)
}

// TestPlanBaselineGolden: plan --baseline in every format, through the
// CLI. The q3 roadmap has a warning check on plan.projects.portal.cpi,
// which fails (CPI 0.6) and names the portfolio's CPI.
func TestPlanBaselineGolden(t *testing.T) {
	for _, f := range []struct{ format, ext string }{{"table", "txt"}, {"markdown", "md"}, {"json", "json"}, {"html", "html"}} {
		t.Run(f.format, func(t *testing.T) {
			res := runCLI(t, "plan", "--baseline", earnedBaseline, "--format", f.format, filepath.Join(earnedDir, "q3"))
			res.wantExit(t, 0)
			want := `Warning: check "portal_cost_performance" failed: portal earns 0.6 of value per unit spent (CPI); the portfolio's CPI is 0.776471` + "\n"
			if res.Stderr != want {
				t.Errorf("stderr = %q, want %q", res.Stderr, want)
			}
			assertGolden(t, "earned/q3."+f.ext, res.Stdout)
		})
	}
	// Without a baseline the check reads a null CPI and passes; no
	// earned value section.
	res := runCLI(t, "plan", filepath.Join(earnedDir, "q3"))
	res.wantExit(t, 0)
	if res.Stderr != "" || strings.Contains(res.Stdout, "Earned value") {
		t.Errorf("without --baseline: stderr %q, earned value section: %v", res.Stderr, strings.Contains(res.Stdout, "Earned value"))
	}
}

// TestPlanDiffFromOneStatusDateToTheNext: the plan at 2027-Q2 saved with
// its earned value, then the 2027-Q3 plan compared with it: portal's CPI
// and SPI move, crm goes from committed to done, analytics is added.
func TestPlanDiffFromOneStatusDateToTheNext(t *testing.T) {
	q2 := runCLI(t, "plan", "--baseline", earnedBaseline, "--format", "json", filepath.Join(earnedDir, "q2"))
	q2.wantExit(t, 0)
	assertGolden(t, "earned/q2.json", q2.Stdout)
	for _, f := range []struct{ format, ext string }{{"table", "txt"}, {"markdown", "md"}, {"json", "json"}} {
		t.Run(f.format, func(t *testing.T) {
			res := runCLI(t, "plan", "--baseline", earnedBaseline, "--compare", filepath.Join(earnedDir, "q2.json"),
				"--detailed-exitcode", "--format", f.format, filepath.Join(earnedDir, "q3"))
			res.wantExit(t, 2)
			assertGolden(t, "earned/diff-q2-q3."+f.ext, res.Stdout)
		})
	}
}

// TestPlanBaselineRefused: a baseline earned value cannot be measured
// against is an error with the position of the roadmap's status date, or
// a plain message when the file is not a plan.
func TestPlanBaselineRefused(t *testing.T) {
	tmp := t.TempDir()
	other := filepath.Join(tmp, "other.json")
	res := runCLI(t, "plan", "--out", other, filepath.Join("..", "..", "evaluate", "testdata", "living"))
	res.wantExit(t, 0)
	diffFile := filepath.Join(tmp, "diff.json")
	res = runCLI(t, "plan", "--format", "json", "--compare", earnedBaseline, filepath.Join(earnedDir, "baseline"))
	res.wantExit(t, 0)
	if err := os.WriteFile(diffFile, []byte(res.Stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	q3 := filepath.Join(earnedDir, "q3")
	later := filepath.Join(tmp, "q3.json")
	runCLI(t, "plan", "--out", later, q3).wantExit(t, 0)
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"another roadmap", []string{"plan", "--baseline", other, q3},
			[]string{"Error: Baseline of another roadmap", "on testdata/earned/q3/main.hcl line 6, column 14, in roadmap:", `is a plan of roadmap "living"; this roadmap is "Portal programme"`}},
		{"no status date", []string{"plan", "--baseline", earnedBaseline, filepath.Join(earnedDir, "baseline")},
			[]string{"Error: Earned value needs a status date", "set roadmap { as_of = \"...\" } or pass --as-of"}},
		{"a later status date", []string{"plan", "--baseline", later, filepath.Join(earnedDir, "q2")},
			[]string{"Error: Baseline after the status date", "was saved at the status date 2027-Q3, after this plan's 2027-Q2"}},
		{"a diff", []string{"plan", "--baseline", diffFile, q3}, []string{"--baseline: ", "is a plan diff, not a plan"}},
		{"missing", []string{"plan", "--baseline", filepath.Join(tmp, "nope.json"), q3}, []string{"--baseline: "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runCLI(t, tt.args...)
			res.wantExit(t, 1)
			if res.Stdout != "" {
				t.Errorf("stdout = %q, want nothing", res.Stdout)
			}
			for _, w := range tt.want {
				if !strings.Contains(res.Stderr, w) {
					t.Errorf("stderr does not say %q:\n%s", w, res.Stderr)
				}
			}
		})
	}
}

// TestPlanBaseWithBaseline: with --base REV, the revision is measured
// against the same baseline when it has a status date (the diff shows
// CPI and SPI moving from 2027-Q2 to 2027-Q3), and planned without earned
// value when it has none (the plan of record itself), not refused.
func TestPlanBaseWithBaseline(t *testing.T) {
	files := func(dir string) map[string]string {
		return map[string]string{"roadmap/main.hcl": readFile(t, filepath.Join(earnedDir, dir, "main.hcl"))}
	}
	baseline := readFile(t, earnedBaseline)
	r := newTestRepo(t)
	r.commit("plan of record", files("baseline"))
	r.commit("2027-Q2", files("q2"))
	r.commit("2027-Q3", files("q3"))
	r.write(map[string]string{"baseline.json": baseline})
	t.Chdir(r.dir)

	type change struct {
		Field         string
		Before, After any
	}
	var d struct {
		Projects []struct {
			ID      string
			Changes []change
		}
		Totals struct{ Changes []change }
	}
	decode := func(res cliResult) {
		t.Helper()
		res.wantExit(t, 2)
		d.Projects, d.Totals.Changes = nil, nil
		if err := json.Unmarshal([]byte(res.Stdout), &d); err != nil {
			t.Fatal(err)
		}
	}
	pick := func(cs []change, field string) *change {
		for i := range cs {
			if cs[i].Field == field {
				return &cs[i]
			}
		}
		return nil
	}

	decode(runCLI(t, "plan", "--base", "HEAD~1", "--baseline", "baseline.json", "--format", "json", "--detailed-exitcode", "roadmap"))
	if got := pick(d.Totals.Changes, "cpi"); got == nil || got.Before != 0.72 || got.After != 0.776471 {
		t.Errorf("portfolio CPI change = %+v, want 0.72 -> 0.776471", got)
	}
	if got := pick(d.Totals.Changes, "spi"); got == nil || got.Before != 0.8 || got.After != 1.1 {
		t.Errorf("portfolio SPI change = %+v, want 0.8 -> 1.1", got)
	}
	for _, p := range d.Projects {
		if p.ID != "portal" {
			continue
		}
		if got := pick(p.Changes, "cpi"); got == nil || got.Before != 0.72 || got.After != 0.6 {
			t.Errorf("portal CPI change = %+v, want 0.72 -> 0.6", got)
		}
		if got := pick(p.Changes, "percent_complete"); got == nil || got.Before != 0.2 || got.After != 0.4 {
			t.Errorf("portal percent complete change = %+v, want 0.2 -> 0.4", got)
		}
	}

	// The plan of record has no status date: no earned value on that side.
	decode(runCLI(t, "plan", "--base", "HEAD~2", "--baseline", "baseline.json", "--format", "json", "--detailed-exitcode", "roadmap"))
	if got := pick(d.Totals.Changes, "cpi"); got == nil || got.Before != nil || got.After != 0.776471 {
		t.Errorf("portfolio CPI change from the plan of record = %+v, want null -> 0.776471", got)
	}
}
