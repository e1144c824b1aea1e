package hclspec

import (
	"fmt"
	"strings"
	"testing"
)

// TestDeadlineWarningOnlyForPlannedWork: "it will be deferred" is true of a
// project the plan still places, not of work under way, which keeps its place.
func TestDeadlineWarningOnlyForPlannedWork(t *testing.T) {
	const src = `roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-Q3"
}

team "platform" {
  capacity = 4
}

project "p" {
  duration = 4
  deadline = "2027-Q2"
  effort   = { platform = 1 }
%s
}
`
	cases := []struct {
		status string
		want   bool
	}{
		{``, true},
		{`status = "committed"`, true},
		{"status = \"in_progress\"\nstarted = \"2027-Q1\"", false},
		{"status = \"on_hold\"\nstarted = \"2027-Q1\"", false},
	}
	for _, c := range cases {
		_, diags := NewLoader().LoadSources("r", map[string][]byte{"r.hcl": fmt.Appendf(nil, src, c.status)}, LoadOptions{})
		got := false
		for _, d := range diags {
			if d.Summary == "Deadline cannot be met" {
				got = true
			}
		}
		if diags.HasErrors() {
			t.Errorf("%q: unexpected errors: %v", c.status, diags)
		}
		if got != c.want {
			t.Errorf("%q: deadline warning %v, want %v (%s)", strings.ReplaceAll(c.status, "\n", " "), got, c.want, diags)
		}
	}
}

// TestOnHoldForecastWarned: a forecast on paused work is kept in the file
// for when it resumes, and the user is told the plan does not use it.
func TestOnHoldForecastWarned(t *testing.T) {
	const src = `roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-Q3"
}

team "platform" {
  capacity = 4
}

project "p" {
  duration = 4
  effort   = { platform = 1 }
  status   = "on_hold"
  started  = "2027-Q1"
  progress {
    spent              = 1000
    remaining_duration = 2
  }
}
`
	_, diags := NewLoader().LoadSources("r", map[string][]byte{"r.hcl": []byte(src)}, LoadOptions{})
	if diags.HasErrors() {
		t.Fatalf("unexpected errors: %v", diags)
	}
	var got []string
	for _, d := range diags {
		if d.Summary == "Forecast not used while on hold" {
			got = append(got, fmt.Sprintf("%d:%d", d.Subject.Start.Line, d.Subject.Start.Column))
		}
	}
	if len(got) != 1 || got[0] != "18:26" {
		t.Errorf("on-hold forecast warnings at %v, want one at 18:26 (%v)", got, diags)
	}
}
