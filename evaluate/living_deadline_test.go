package evaluate

import (
	"strings"
	"testing"
)

// Work in progress whose forecast ends after its deadline says so on its
// own row (review qa18 Q18-10: only the summary and policy.deadlines did).
func TestInFlightPastDeadlineWarns(t *testing.T) {
	for _, tc := range []struct {
		deadline, want string
	}{
		{"2027-Q3", "forecast to end 2027-Q4, 1 quarter after its deadline 2027-Q3: work in progress keeps its forecast"},
		{"2027-Q4", ""},
	} {
		src := `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-Q3"
}

goal "g" {
  weight = 1
}

project "rollout" {
  goals    = { g = 1 }
  status   = "in_progress"
  started  = "2027-Q2"
  deadline = "` + tc.deadline + `"
  duration = 3
  progress {
    spent            = 150000
    percent_complete = 0.35
  }
}
`
		plan := choicePlan(t, src, Options{})
		var got []string
		for _, f := range projectOf(t, plan, "rollout").Findings {
			if f.Severity == SeverityWarning && strings.Contains(f.Message, "deadline") {
				got = append(got, f.Message)
			}
		}
		if tc.want == "" && len(got) != 0 || tc.want != "" && (len(got) != 1 || got[0] != tc.want) {
			t.Errorf("deadline %s: warnings %q, want %q", tc.deadline, got, tc.want)
		}
	}
}
