package hclspec

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
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

// TestOutOfSequenceWarned: work recorded as further along than what it
// depends on (a done project depending on one not done, work under way
// depending on one not started) is a warning at the reference; the record
// stands (review qa15d D14). So is excluded = true on a done project,
// which takes nothing out.
func TestOutOfSequenceWarned(t *testing.T) {
	const src = `roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-07-01"
}

project "dep" {
  duration = 1
%s
}

project "p" {
  duration   = 1
  depends_on = [project.dep]
%s
}
`
	const (
		done       = "status = \"done\"\nstarted = \"2027-01-01\"\nfinished = \"2027-03-31\""
		inProgress = "status = \"in_progress\"\nstarted = \"2027-04-01\"\nprogress {\n percent_complete = 0.5\n}"
		onHold     = "status = \"on_hold\"\nstarted = \"2027-01-01\""
		cancelled  = "status = \"cancelled\"\nstarted = \"2027-01-01\"\nfinished = \"2027-02-01\""
	)
	// lineOf is the 1-based line of the first line of text holding s.
	lineOf := func(text []byte, s string) int {
		for i, l := range strings.Split(string(text), "\n") {
			if strings.Contains(l, s) {
				return i + 1
			}
		}
		return 0
	}
	cases := []struct {
		name     string
		dep, p   string
		want     string // the warning's summary, "" for none
		wantText string // in its detail
	}{
		{"done on proposed", ``, done, "Done before what it depends on", `Project "p" is done, but it depends on "dep", which is proposed (r.hcl:7,1-14)`},
		{"done on committed", `status = "committed"`, done, "Done before what it depends on", `which is committed (r.hcl:9,10-21)`},
		{"done on in progress", inProgress, done, "Done before what it depends on", `which is in progress`},
		{"done on on hold", onHold, done, "Done before what it depends on", `which is on hold`},
		{"done on cancelled", cancelled, done, "Done before what it depends on", `which is cancelled`},
		{"done on done", done, done, "", ""},
		{"in progress on proposed", ``, inProgress, "Started before what it depends on", `Project "p" is in progress, but it depends on "dep", which is proposed`},
		{"in progress on committed", `status = "committed"`, inProgress, "Started before what it depends on", `keeps it in its place from the status date whatever becomes of "dep"`},
		{"in progress on in progress", inProgress, inProgress, "", ""},
		{"in progress on done", done, inProgress, "", ""},
		{"committed on proposed", ``, `status = "committed"`, "", ""},
		{"proposed on proposed", ``, ``, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := fmt.Appendf(nil, src, c.dep, c.p)
			_, diags := NewLoader().LoadSources("r", map[string][]byte{"r.hcl": text}, LoadOptions{})
			if diags.HasErrors() {
				t.Fatalf("unexpected errors: %v", diags)
			}
			var got []*hcl.Diagnostic
			for _, d := range diags {
				if strings.HasSuffix(d.Summary, "before what it depends on") {
					got = append(got, d)
				}
			}
			if c.want == "" {
				if len(got) > 0 {
					t.Errorf("unexpected warning %q: %s", got[0].Summary, got[0].Detail)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("got %d out-of-sequence warnings, want 1: %v", len(got), diags)
			}
			d := got[0]
			if d.Severity != hcl.DiagWarning || d.Summary != c.want || !strings.Contains(d.Detail, c.wantText) {
				t.Errorf("got %v %q: %s\nwant warning %q containing %q", d.Severity, d.Summary, d.Detail, c.want, c.wantText)
			}
			// The reference project.dep in depends_on.
			if at := fmt.Sprintf("r.hcl:%d,17-28", lineOf(text, "depends_on")); d.Subject == nil || d.Subject.String() != at {
				t.Errorf("subject %v, want %s", d.Subject, at)
			}
		})
	}

	t.Run("done and excluded", func(t *testing.T) {
		text := fmt.Appendf(nil, src, done, done+"\nexcluded = true")
		_, diags := NewLoader().LoadSources("r", map[string][]byte{"r.hcl": text}, LoadOptions{})
		at := fmt.Sprintf("r.hcl:%d,12-16", lineOf(text, "excluded")) // its value
		var found *hcl.Diagnostic
		for _, d := range diags {
			if d.Summary == "Done project excluded" {
				found = d
			}
		}
		switch {
		case diags.HasErrors():
			t.Errorf("unexpected errors: %v", diags)
		case found == nil:
			t.Errorf("no Done project excluded warning: %v", diags)
		case found.Severity != hcl.DiagWarning || found.Subject == nil || found.Subject.String() != at:
			t.Errorf("got %v at %v, want a warning at %s", found.Severity, found.Subject, at)
		}
	})
}
