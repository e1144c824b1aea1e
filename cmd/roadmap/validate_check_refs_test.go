package main

import (
	"strings"
	"testing"
)

// TestValidateFlagsAProjectACheckMisspells: a literal plan.projects["x"]
// in a check that names no project stops roadmap plan; validate says so
// too, where it said "Success!" (qa17 U15).
func TestValidateFlagsAProjectACheckMisspells(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": `
roadmap {
  start   = "2027-Q1"
  horizon = 4
}
goal "g" { weight = 1 }
project "wms_replacement" {
  goals    = { g = 1 }
  duration = 1
}
check "wms_on_time" {
  condition     = plan.projects["wms_replacment"].status == "scheduled"
  error_message = "WMS is ${plan.projects["wms_replacement"].status}"
}
`})
	want := `There is no project "wms_replacment" in the plan. Did you mean "wms_replacement"?`
	for _, cmd := range []string{"validate", "plan"} {
		res := runCLI(t, cmd, dir)
		res.wantExit(t, 1)
		if !strings.Contains(res.Stderr, "Error: Unknown project") || !strings.Contains(res.Stderr, want) || strings.Contains(res.Stdout, "Success") {
			t.Errorf("%s:\nstdout %s\nstderr %s", cmd, res.Stdout, res.Stderr)
		}
	}
	// Spelt right, it is valid.
	writeFiles(t, dir, map[string]string{"main.hcl": strings.Replace(readFile(t, dir+"/main.hcl"), "wms_replacment", "wms_replacement", 1)})
	res := runCLI(t, "validate", dir)
	res.wantExit(t, 0)
}
