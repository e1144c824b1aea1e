package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// overrunDir is a living roadmap whose work in progress overruns its
// capex 2027 (review qa18 Q18-9).
const overrunDir = "testdata/overrun"

// TestBudgetOverrunInEveryFormat: work in progress that overruns a budget
// window is said in the summary, on the project and by the warning check
// policy.budgets, in every format; the exit status stays 0 (a warning).
func TestBudgetOverrunInEveryFormat(t *testing.T) {
	const line = "budget capex 2027: USD 130,000 of 100,000 (+30,000 over), from work in progress late_work"
	for _, format := range []string{"table", "markdown", "json", "html"} {
		t.Run(format, func(t *testing.T) {
			res := runCLI(t, "plan", "--format", format, overrunDir)
			res.wantExit(t, 0)
			if want := `Warning: check "policy.budgets" failed: ` + line + "\n"; res.Stderr != want {
				t.Errorf("stderr %q, want %q", res.Stderr, want)
			}
			// Markdown escapes the underscore, HTML the plus.
			out := strings.ReplaceAll(res.Stdout, "&#43;", "+")
			if amounts := "capex 2027: USD 130,000 of 100,000 (+30,000 over)"; strings.Count(out, amounts) < 2 {
				t.Errorf("stdout says %q fewer than twice (summary or check, and the project)", amounts)
			}
			if format != "html" {
				assertGolden(t, "overrun.plan."+format, res.Stdout)
			}
		})
	}
}

// TestBudgetOverrunInTheDiff: the check starts failing when an overrun
// appears, and "fails more" when it grows.
func TestBudgetOverrunInTheDiff(t *testing.T) {
	dir := t.TempDir()
	src := readFile(t, filepath.Join(overrunDir, "roadmap.hcl"))
	within := strings.Replace(src, "amount = 100000", "amount = 200000", 1)
	grown := strings.Replace(src, "spent            = 90000", "spent            = 120000", 1)
	if within == src || grown == src {
		t.Fatal("the fixture changed: fix the replacements")
	}
	save := func(name, text string) string {
		d := filepath.Join(dir, name)
		writeFiles(t, d, map[string]string{"roadmap.hcl": text})
		out := filepath.Join(dir, name+".json")
		runCLI(t, "plan", "--format", "json", "--out", out, d).wantExit(t, 0)
		return out
	}
	withinPlan, overPlan := save("within", within), save("over", src)
	grownDir := filepath.Join(dir, "grown")
	writeFiles(t, grownDir, map[string]string{"roadmap.hcl": grown})
	var got strings.Builder
	for _, c := range []struct{ base, dir string }{{withinPlan, overrunDir}, {overPlan, grownDir}} {
		res := runCLI(t, "plan", "--compare", c.base, c.dir)
		res.wantExit(t, 0)
		got.WriteString(strings.ReplaceAll(res.Stdout, dir, "TMP"))
		got.WriteString("\n")
	}
	assertGolden(t, "overrun.diff.txt", got.String())
	if _, err := os.Stat(withinPlan); err != nil {
		t.Fatal(err)
	}
}
