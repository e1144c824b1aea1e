package main

import (
	"strings"
	"testing"
)

// TestCancelledWorkHasNoVariance: a cancelled project delivered nothing;
// the estimate it did not spend is no saving, so its Progress row shows
// no variance (qa17 U9: "+78,000" read as 78k under budget).
func TestCancelledWorkHasNoVariance(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-Q2"
}
goal "g" { weight = 1 }
project "edi" {
  goals    = { g = 1 }
  duration = 2
  status   = "cancelled"
  started  = "2027-Q1"
  cost { one_time = 40000 }
  progress { spent = 18000 }
}
`})
	for _, format := range []string{"table", "markdown", "html"} {
		res := runCLI(t, "plan", "--format", format, dir)
		res.wantExit(t, 0)
		var row string
		for _, line := range strings.Split(res.Stdout, "\n") {
			if strings.Contains(line, "edi") && strings.Contains(line, "cancelled") && strings.Contains(line, "18,000") {
				row = line
			}
		}
		if row == "" || strings.Contains(row, "22,000") {
			t.Errorf("%s: progress row %q\n%s", format, row, res.Stdout)
		}
	}
}
