package report

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

func TestProjectReasons(t *testing.T) {
	waited := evaluate.Note{Kind: evaluate.NoteTeam, ID: "apps", Message: `waited for team "apps": no room for 3 FTE in Q1..Q2 (held by "a")`}
	cases := []struct {
		name string
		pr   evaluate.ProjectPlan
		want []string
	}{
		{"scheduled at once", evaluate.ProjectPlan{Status: evaluate.StatusScheduled}, []string{}},
		{"scheduled after a wait", evaluate.ProjectPlan{Status: evaluate.StatusScheduled, Notes: []evaluate.Note{waited}}, []string{waited.Message}},
		// A deferred project's notes are its reasons already.
		{"deferred", evaluate.ProjectPlan{Status: evaluate.StatusDeferred, Reasons: []string{"r1", "r2"}, Notes: []evaluate.Note{waited, waited}},
			[]string{"r1", "r2"}},
		{"dropped", evaluate.ProjectPlan{Status: evaluate.StatusDropped, Reasons: []string{"risk"}}, []string{"risk"}},
		{"forced in past a gate", evaluate.ProjectPlan{Status: evaluate.StatusScheduled, Forced: evaluate.ForcedIn,
			Findings: []evaluate.Finding{{Gate: evaluate.GateRisk, Severity: evaluate.SeverityWarning, Message: "forced in past this gate: risk 0.7 exceeds the risk appetite of 0.5"}}},
			[]string{"forced in", "warning: forced in past this gate: risk 0.7 exceeds the risk appetite of 0.5"}},
		// A plan saved before notes existed.
		{"old plan", evaluate.ProjectPlan{Status: evaluate.StatusScheduled}, []string{}},
	}
	for _, c := range cases {
		if diff := cmp.Diff(c.want, projectReasons(c.pr)); diff != "" {
			t.Errorf("%s: projectReasons (-want +got):\n%s", c.name, diff)
		}
	}
}

func TestDeadlinesText(t *testing.T) {
	intp := func(i int) *int { return &i }
	strp := func(s string) *string { return &s }
	periods := []evaluate.PeriodPlan{{Index: 0, Label: "Q1"}, {Index: 1, Label: "Q2"}, {Index: 2, Label: "Q3"}}
	p := &evaluate.Plan{Periods: periods, Totals: evaluate.Totals{DeadlinesMet: 1, DeadlinesMissed: 3}, Projects: []evaluate.ProjectPlan{
		{ID: "met", Status: evaluate.StatusScheduled, Deadline: strp("Q2"), StartPeriod: intp(0), EndPeriod: intp(2), End: strp("Q2")},
		{ID: "deferred", Status: evaluate.StatusDeferred, Deadline: strp("Q3")},
		{ID: "late", Status: evaluate.StatusScheduled, Deadline: strp("Q1"), StartPeriod: intp(1), EndPeriod: intp(3), End: strp("Q3")},
		{ID: "dropped", Status: evaluate.StatusDropped, Deadline: strp("Q1")},
		{ID: "beyond", Status: evaluate.StatusDeferred, Deadline: strp("Q9")},
	}}
	if got, want := deadlinesText(p), "1 met, 3 missed: deferred (Q3), late (Q1), dropped (Q1)"; got != want {
		t.Errorf("deadlinesText = %q, want %q", got, want)
	}
	if got := deadlinesText(&evaluate.Plan{}); got != "" {
		t.Errorf("deadlinesText without deadlines = %q, want none", got)
	}
}

// TestFlagshipText: a flagship deferred for its deadline says so, and
// with --shortfall the deadline that works (review qa18 Q18-13).
func TestFlagshipText(t *testing.T) {
	strp := func(s string) *string { return &s }
	intp := func(i int) *int { return &i }
	deadlineNote := evaluate.Note{Kind: evaluate.NoteDeadline, Message: "must finish by its deadline 2029-Q2, so it cannot start after 2028-Q1"}
	teamNote := evaluate.Note{Kind: evaluate.NoteTeam, ID: "clin", Message: `team "clin" has no room`}
	later := &evaluate.Shortfall{Answer: evaluate.AnswerFound, Fixes: []evaluate.Fix{
		{Kind: evaluate.FixTeam, ID: "clin", Start: "2028-Q1"},
		{Kind: evaluate.FixDeadline, Deadline: strp("2029-Q3"), DeadlinePeriod: intp(10), Start: "2028-Q2"},
	}}
	cases := []struct {
		name string
		pr   evaluate.ProjectPlan
		want string
	}{
		{"deferred, no deadline", evaluate.ProjectPlan{Status: evaluate.StatusDeferred, Notes: []evaluate.Note{teamNote}}, "ehr (rank 2, deferred)"},
		{"deferred with a deadline it would meet", evaluate.ProjectPlan{Status: evaluate.StatusDeferred, Deadline: strp("2029-Q2"), Notes: []evaluate.Note{teamNote}},
			"ehr (rank 2, deferred)"},
		{"deferred for its deadline", evaluate.ProjectPlan{Status: evaluate.StatusDeferred, Deadline: strp("2029-Q2"), Notes: []evaluate.Note{teamNote, deadlineNote}},
			"ehr (rank 2, deferred: cannot meet its deadline 2029-Q2)"},
		{"with --shortfall", evaluate.ProjectPlan{Status: evaluate.StatusDeferred, Deadline: strp("2029-Q2"), Notes: []evaluate.Note{teamNote, deadlineNote}, Shortfall: later},
			"ehr (rank 2, deferred: cannot meet its deadline 2029-Q2; fits with a deadline of 2029-Q3, starting 2028-Q2)"},
		{"dropped", evaluate.ProjectPlan{Status: evaluate.StatusDropped, Deadline: strp("2029-Q2"), Notes: []evaluate.Note{deadlineNote}}, "ehr (rank 2, dropped)"},
	}
	for _, c := range cases {
		c.pr.ID, c.pr.Rank = "ehr", 2
		p := &evaluate.Plan{Roadmap: evaluate.RoadmapInfo{Flagship: strp("ehr")}, Projects: []evaluate.ProjectPlan{c.pr}}
		if got := flagshipText(p); got != c.want {
			t.Errorf("%s: flagshipText = %q, want %q", c.name, got, c.want)
		}
	}
}
