package evaluate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A note lists at most noteListed runs of periods and holders and counts
// the rest (review qa15g F13: 10,000 projects waiting for one team wrote
// 100 of each per note, 913 MB of JSON); its message still names three
// and counts all the others. Twenty one-quarter projects fill team "t"
// in every other quarter (h00 in 2027-Q1, h01 in 2027-Q3, ...), so "w",
// two quarters long and ranked last, meets a full quarter at every start:
// 20 runs of one quarter, held by 20 projects.
func TestNoteListsTenAndCountsTheRest(t *testing.T) {
	var b strings.Builder
	b.WriteString(`
roadmap {
  start   = "2027-Q1"
  horizon = 40
}

team "t" {
  capacity = 2
}
`)
	for k := range 20 {
		fmt.Fprintf(&b, "project %q {\n  duration = 1\n  effort = { t = 2 }\n  earliest_start = %q\n  benefit { per_year = 1000000 }\n}\n",
			fmt.Sprintf("h%02d", k), fmt.Sprintf("%d-Q%d", 2027+k/2, 1+2*(k%2)))
	}
	b.WriteString("project \"w\" {\n  duration = 2\n  effort = { t = 1 }\n  benefit { per_year = 10 }\n}\n")
	p := projectOf(t, livingPlan(t, b.String()), "w")
	if p.Status != StatusDeferred {
		t.Fatalf("w is %s, want deferred (notes %+v)", p.Status, p.Notes)
	}
	var n *Note
	for k := range p.Notes {
		if p.Notes[k].Kind == NoteTeam {
			n = &p.Notes[k]
		}
	}
	if n == nil {
		t.Fatalf("no team note in %+v", p.Notes)
	}
	var wantHeld []string
	var wantStarts []string
	for k := range noteListed {
		wantHeld = append(wantHeld, fmt.Sprintf("h%02d", k))
		wantStarts = append(wantStarts, fmt.Sprintf("%d-Q%d", 2027+k/2, 1+2*(k%2)))
	}
	var starts []string
	for _, r := range n.Periods {
		starts = append(starts, r.Start)
	}
	got := struct {
		HeldBy, Starts          []string
		MoreHeldBy, MorePeriods int
	}{n.HeldBy, starts, n.MoreHeldBy, n.MorePeriods}
	want := struct {
		HeldBy, Starts          []string
		MoreHeldBy, MorePeriods int
	}{wantHeld, wantStarts, 20 - noteListed, 20 - noteListed}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("team note (-want +got):\n%s", diff)
	}
	msg := `team "t" has no room for 1 FTE in 2027-Q1, 2027-Q3, 2028-Q1 and 17 more runs of periods (held by "h00", "h01", "h02" and 17 more)`
	if n.Message != msg {
		t.Errorf("message %q\nwant      %q", n.Message, msg)
	}
}

// Counts of names left out are written with thousands separators.
func TestNamesTextCountsTheRest(t *testing.T) {
	for _, tt := range []struct {
		ids  []string
		more int
		want string
	}{
		{[]string{"a"}, 0, `"a"`},
		{[]string{"a", "b", "c"}, 0, `"a", "b" and "c"`},
		{[]string{"a", "b", "c", "d"}, 0, `"a", "b", "c" and 1 more`},
		{[]string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}, 9983, `"a", "b", "c" and 9,990 more`},
	} {
		if got := namesText(tt.ids, tt.more); got != tt.want {
			t.Errorf("namesText(%q, %d) = %s, want %s", tt.ids, tt.more, got, tt.want)
		}
	}
}

// A budget note lists at most noteListed windows and counts the rest in
// more_windows: a per-period budget has a window per period. As above,
// twenty projects spend a period's whole amount in every other quarter,
// so "w" meets 20 windows without room.
func TestNoteListsTenWindows(t *testing.T) {
	var b strings.Builder
	b.WriteString(`
roadmap {
  start   = "2027-Q1"
  horizon = 40
}

budget "capex" {
  amount = 100
  per    = "period"
}
`)
	for k := range 20 {
		fmt.Fprintf(&b, "project %q {\n  duration = 1\n  funding = budget.capex\n  earliest_start = %q\n  cost { one_time = 100 }\n  benefit { per_year = 1000000 }\n}\n",
			fmt.Sprintf("h%02d", k), fmt.Sprintf("%d-Q%d", 2027+k/2, 1+2*(k%2)))
	}
	b.WriteString("project \"w\" {\n  duration = 2\n  funding = budget.capex\n  cost { one_time = 2 }\n  benefit { per_year = 10 }\n}\n")
	p := projectOf(t, livingPlan(t, b.String()), "w")
	var n *Note
	for k := range p.Notes {
		if p.Notes[k].Kind == NoteBudget {
			n = &p.Notes[k]
		}
	}
	if n == nil {
		t.Fatalf("w (%s): no budget note in %+v", p.Status, p.Notes)
	}
	var want []string
	for k := range noteListed {
		want = append(want, fmt.Sprintf("%d-Q%d", 2027+k/2, 1+2*(k%2)))
	}
	got := struct {
		Windows                              []string
		MoreWindows, MoreHeldBy, MorePeriods int
	}{n.Windows, n.MoreWindows, n.MoreHeldBy, n.MorePeriods}
	wantNote := struct {
		Windows                              []string
		MoreWindows, MoreHeldBy, MorePeriods int
	}{want, 20 - noteListed, 20 - noteListed, 20 - noteListed}
	if diff := cmp.Diff(wantNote, got); diff != "" {
		t.Errorf("budget note (-want +got):\n%s\nmessage %s", diff, n.Message)
	}
}
