package main

import (
	"strings"
	"testing"
)

// TestCloseGapAdviceOnlyWhenAReplacementCanRun: the policy's advice "try
// --optimize" needs a replacement the optimiser can place; with the only
// replacement of old_crm forced out (or dropped by a gate) no schedule
// closes the gap, and the check says so instead (qa17 U5).
func TestCloseGapAdviceOnlyWhenAReplacementCanRun(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		edit func(string) string
	}{
		{"forced out", []string{"--force-out", "crm"}, nil},
		{"excluded", nil, func(s string) string {
			return strings.Replace(s, "replaces = [system.old_crm]", "replaces = [system.old_crm]\n  excluded = true", 1)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := auditRoadmap(t, c.edit)
			res := runCLI(t, append(append([]string{"plan"}, c.args...), dir)...)
			res.wantExit(t, 1)
			want := "To close a gap, add a project with replaces = [system.fax]; or let a project that replaces old_crm run (none can now).\n"
			if !strings.Contains(res.Stderr, want) || strings.Contains(res.Stderr, "try --optimize") {
				t.Errorf("stderr:\n%s\nwant %q", res.Stderr, want)
			}
		})
	}
}
