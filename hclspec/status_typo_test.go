package hclspec

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// A misspelt status is one error, not a cascade of lifecycle errors
// written for the proposed project it is taken for; a finished date after
// the status date gets advice about finishing, not earliest_start (qa17
// U13).
func TestLifecycleDiagnosticsFitTheMistake(t *testing.T) {
	const head = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-Q2"
}
`
	cases := []struct {
		name, project string
		want          []string // summary: a phrase of the detail
	}{
		{"status typo", `
project "p" {
  duration = 2
  status  = "in progress"
  started = "2027-Q1"
  progress {
    spent = 1000
  }
}`, []string{`Unknown project status: Did you mean "in_progress"?`}},
		{"finished after the status date", `
project "p" {
  duration = 2
  status   = "done"
  started  = "2027-Q1"
  finished = "2027-Q3"
}`, []string{`Finished after the status date: If it has not finished by then, set status = "in_progress" and remove finished`}},
		{"started after the status date", `
project "p" {
  duration = 2
  status  = "in_progress"
  started = "2027-Q3"
}`, []string{"Started after the status date: Use earliest_start for a planned start"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, diags := NewLoader().LoadSources("typo", map[string][]byte{"main.hcl": []byte(head + c.project)}, LoadOptions{})
			var got []string
			for _, d := range diags {
				if d.Severity != hcl.DiagError {
					continue
				}
				summary := d.Summary + ": "
				for _, w := range c.want {
					if phrase, _ := strings.CutPrefix(w, d.Summary+": "); strings.HasPrefix(w, summary) && strings.Contains(d.Detail, phrase) {
						summary = w
					}
				}
				got = append(got, summary)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, diags)
			}
		})
	}
}
