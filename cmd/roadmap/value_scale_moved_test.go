package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// scaleRoadmap sizes its value scale from budget "capex" (no
// scoring.value_scale): a larger capex shrinks the negative value term of
// "siem" (risk-adjusted NPV far below 0) more than the positive one of
// "helpdesk", and siem overtakes it, with no change to either project.
const scaleRoadmap = `
roadmap {
  start    = "2027-Q1"
  horizon  = 8
  currency = "EUR"
}
variable "capex" { default = 900000 }
scenario "more" {
  description = "More capex"
  variables = { capex = 1000000 }
}
goal "g" { weight = 1 }
budget "capex" { amount = var.capex }
project "siem" {
  goals    = { g = 1 }
  duration = 1
  funding  = budget.capex
  cost { one_time = 190000 }
}
project "helpdesk" {
  goals    = { g = 0.9 }
  duration = 1
  funding  = budget.capex
  cost { one_time = 1000 }
  benefit { per_year = 1000 }
}
`

// A budget change that moves the value scale says so: the plan diff under
// Roadmap settings (text, Markdown, JSON) and compare in a Value scale
// row, so a rank change has its cause (qa17 U6).
func TestValueScaleMoveIsShown(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": scaleRoadmap})
	base := filepath.Join(t.TempDir(), "base.json")
	runCLI(t, "plan", "--format", "json", "--out", base, dir).wantExit(t, 0)

	res := runCLI(t, "plan", "--compare", base, "--var", "capex=1000000", dir)
	res.wantExit(t, 0)
	want := `~ scores moved: value scale EUR 900,000 → 1,000,000 (yearly amount of budget "capex"); ranks can move with it`
	if !strings.Contains(res.Stdout, want) || !strings.Contains(res.Stdout, "rank:") {
		t.Errorf("plan diff lacks %q or a rank move:\n%s", want, res.Stdout)
	}
	res = runCLI(t, "plan", "--compare", base, "--var", "capex=1000000", "--format", "markdown", dir)
	res.wantExit(t, 0)
	if !strings.Contains(res.Stdout, "\nScores moved: value scale EUR 900,000 → 1,000,000") {
		t.Errorf("Markdown diff lacks the value scale:\n%s", res.Stdout)
	}
	res = runCLI(t, "plan", "--compare", base, "--var", "capex=1000000", "--format", "json", dir)
	res.wantExit(t, 0)
	if !strings.Contains(res.Stdout, `"field": "value_scale",
      "before": 900000,
      "after": 1000000`) {
		t.Errorf("JSON diff lacks the value scale:\n%s", res.Stdout)
	}
	// The same scale: no line.
	res = runCLI(t, "plan", "--compare", base, dir)
	res.wantExit(t, 0)
	if strings.Contains(res.Stdout, "value scale") {
		t.Errorf("an unchanged scale is reported:\n%s", res.Stdout)
	}

	res = runCLI(t, "compare", dir)
	res.wantExit(t, 0)
	row := ""
	for _, line := range strings.Split(res.Stdout, "\n") {
		if strings.Contains(line, "Value scale") {
			row = strings.Join(strings.Fields(line), " ")
		}
	}
	if row != "│ Value scale │ 900,000 │ 1,000,000 (scores moved) │" {
		t.Errorf("compare's value scale row %q in\n%s", row, res.Stdout)
	}
}
