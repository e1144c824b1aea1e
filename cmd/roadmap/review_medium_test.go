package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// planNotes is the JSON plan's projects with their notes' and findings'
// messages, by project id.
func planNotes(t *testing.T, stdout string) (notes, findings map[string][]string) {
	t.Helper()
	var plan struct {
		Projects []struct {
			ID    string `json:"id"`
			Notes []struct {
				Message string `json:"message"`
			} `json:"notes"`
			Findings []struct {
				Severity string `json:"severity"`
				Message  string `json:"message"`
			} `json:"findings"`
		} `json:"projects"`
	}
	if err := json.Unmarshal([]byte(stdout), &plan); err != nil {
		t.Fatal(err)
	}
	notes, findings = map[string][]string{}, map[string][]string{}
	for _, p := range plan.Projects {
		for _, n := range p.Notes {
			notes[p.ID] = append(notes[p.ID], n.Message)
		}
		for _, f := range p.Findings {
			findings[p.ID] = append(findings[p.ID], f.Severity+": "+f.Message)
		}
	}
	return notes, findings
}

// TestReviewMediumFindings: the medium findings of the issue 15 review,
// each on a fixture of its own, in the JSON plan (or the warnings) and in
// the table and Markdown goldens.
//
//   - Q6: an option a mandatory project needs ranked 1 with no reason,
//     and the flagship legend said the flagship is the first project that
//     is not mandatory, though that option ranks above it;
//   - Q8: "m needs it" did not name the together link the need goes
//     through;
//   - qa15f/mp: two projects in progress on a team of max_parallel = 1
//     ran at once without a word;
//   - Q3: a system two projects replace (not options of one choice) frees
//     no room in the opex budget, and the plan did not say so.
func TestReviewMediumFindings(t *testing.T) {
	tests := []struct {
		name    string
		project string // whose notes or findings hold want
		want    string
		finding bool   // want is a finding ("warning: ..."), not a note
		stderr  string // a warning the run prints, "" for none
		table   string // in the table's output
	}{
		{name: "needed-option", project: "o2",
			want:  `mandatory project "reports" needs it (depends_on), so choice "x" takes it before the other options`,
			table: "nor an option a mandatory, committed, in-progress or\nforced-in project needs (o2 of choice x: the choice takes it before its other options, see its reason)"},
		{name: "needed-together-link", project: "e",
			want: `placed ahead of its rank (4): "m" (rank 1, mandatory) needs it (depends_on "d", together), and is placed at its turn with what it needs`},
		{name: "in-flight-parallel", project: "c",
			want:   `waited for a slot in team "t": team "t" runs its max_parallel of 1 project in 2027-Q2..2027-Q4 (held by "a" (in progress) and "b" (in progress))`,
			stderr: `Team "t" runs at most 1 project at a time (max_parallel = 1), but its work in progress runs 2 at once in 2027-Q2..2027-Q4 ("a" and "b"). Work under way keeps its place (it is not stopped); new work on the team waits for a free slot.`},
		{name: "shared-retirement", project: "crm_service", finding: true,
			want: `warning: retiring system "crm_old" frees no room in opex budget "opex" (USD 50,000 a year not credited): "crm_sales" replaces it too, not as an option of one choice with this project, so which retires it first depends on the schedule`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join("testdata", tt.name)
			res := runCLI(t, "plan", "--format", "json", dir)
			res.wantExit(t, 0)
			notes, findings := planNotes(t, res.Stdout)
			got := notes[tt.project]
			if tt.finding {
				got = findings[tt.project]
			}
			found := false
			for _, m := range got {
				found = found || m == tt.want
			}
			if !found {
				t.Errorf("%s: no %q among %q", tt.project, tt.want, got)
			}
			if tt.stderr != "" && !strings.Contains(res.Stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, res.Stderr)
			}
			if tt.stderr == "" && strings.Contains(res.Stderr, "max_parallel") {
				t.Errorf("stderr warns of max_parallel:\n%s", res.Stderr)
			}
			for _, f := range []struct{ format, ext string }{{"table", "txt"}, {"markdown", "md"}} {
				res := runCLI(t, "plan", "--format", f.format, dir)
				res.wantExit(t, 0)
				if f.format == "table" && tt.table != "" && !strings.Contains(res.Stdout, tt.table) {
					t.Errorf("table lacks %q", tt.table)
				}
				assertGolden(t, filepath.Join("plan", tt.name+"."+f.ext), res.Stdout)
			}
		})
	}
}
