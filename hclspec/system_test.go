package hclspec

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEndOfSupportBoundary: end_of_support is the last supported period
// (the one holding the date's last day). A system supported through the
// period before the roadmap starts is out of support from its first period
// and, with no replacement, warned about, naming that last supported
// period; one supported through the first period is not.
func TestEndOfSupportBoundary(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.hcl"), `roadmap {
  start   = "2027-Q1"
  horizon = 8
}

system "quarter_before" {
  end_of_support = "2026-Q4"
}

system "first_quarter" {
  end_of_support = "2027-Q1"
}

system "day_before" {
  end_of_support = "2026-12-31"
}

system "first_day" {
  end_of_support = "2027-01-01"
}
`)
	cfg, diags := NewLoader().LoadDir(dir, LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	first := map[string]int{}
	for _, s := range cfg.Systems {
		first[s.ID] = s.EndOfSupport
	}
	wantFirst := map[string]int{"quarter_before": 0, "first_quarter": 1, "day_before": 0, "first_day": 1}
	if diff := cmp.Diff(wantFirst, first); diff != "" {
		t.Errorf("first period out of support (-want +got):\n%s", diff)
	}
	warned := map[string]string{}
	for _, d := range diags {
		if d.Summary != "System out of support with no replacement" {
			continue
		}
		id := strings.Split(d.Detail, `"`)[1]
		warned[id] = d.Detail
		if d.Subject == nil || d.Subject.Start.Line == 0 {
			t.Errorf("%s: warning without a position", id)
		}
	}
	want := map[string]string{
		"quarter_before": `System "quarter_before" is supported through 2026-Q4 (end_of_support), so it is out of support before the roadmap starts, and no project replaces it (project { replaces = [system.quarter_before] }).`,
		"day_before":     `System "day_before" is supported through 2026-12-31 (end_of_support), so it is out of support before the roadmap starts, and no project replaces it (project { replaces = [system.day_before] }).`,
	}
	if diff := cmp.Diff(want, warned); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}
