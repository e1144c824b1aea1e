package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// auditPlan is a plan whose systems' titles hold control characters, a
// C1 CSI and a bidirectional override, as a pull request may write them.
func auditPlan(t *testing.T) *evaluate.Plan {
	p := loadFixture(t, "it2027")
	eos := "2027-Q3"
	period := 2
	p.Systems = []evaluate.SystemAudit{
		{ID: "s1", Title: "A very long plain system title that should wrap nicely", Owner: "ops", Provides: []string{}, ReplacedBy: []string{},
			Gap: evaluate.GapNone, Message: "no end of support given"},
		{ID: "s2", Title: "line1\nline2\r\u009b31m|x|\u202egnol", Provides: []string{}, ReplacedBy: []string{},
			EndOfSupport: &eos, EndOfSupportPeriod: &period, Gap: evaluate.GapNoReplacement, GapPeriods: 2,
			Message: "out of support from 2027-Q3\u001b[2J and no project replaces it"},
	}
	return p
}

// boxLines are the lines of the first box-drawn table after heading.
func boxLines(out, heading string) []string {
	_, rest, _ := strings.Cut(out, heading+"\n")
	var lines []string
	for _, l := range strings.Split(rest, "\n") {
		switch {
		case strings.HasPrefix(l, "┌"), strings.HasPrefix(l, "│"), strings.HasPrefix(l, "├"):
			lines = append(lines, l)
		case strings.HasPrefix(l, "└"):
			return append(lines, l)
		}
	}
	return lines
}

// TestAuditTableEscapesBeforeWrapping: roadmap audit's own table wraps
// titles holding control characters as the plan's audit section does
// (escaped first, then laid out), so every line of the table has the same
// width; no raw control character reaches the output; the JSON escapes
// what a terminal would run, as the plan's JSON does.
func TestAuditTableEscapesBeforeWrapping(t *testing.T) {
	p := auditPlan(t)
	var audit, plan bytes.Buffer
	if err := RenderAudit(&audit, p, "table", Options{Width: 100}); err != nil {
		t.Fatal(err)
	}
	if err := RenderPlan(&plan, p, "table", Options{Width: 100}); err != nil {
		t.Fatal(err)
	}
	got, want := boxLines(audit.String(), "Technology audit"), boxLines(plan.String(), "Technology audit")
	if len(got) == 0 {
		t.Fatalf("no audit table in:\n%s", audit.String())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("audit table differs from the plan's audit section (-plan +audit):\n%s", diff)
	}
	width := utf8.RuneCountInString(got[0])
	for _, l := range got {
		if n := utf8.RuneCountInString(l); n != width {
			t.Errorf("line %d runes wide, the table's top %d: %q", n, width, l)
		}
	}
	for _, out := range []string{audit.String(), plan.String()} {
		if strings.ContainsAny(out, "\r\u001b\u009b\u202e") {
			t.Errorf("raw control character in the output:\n%q", out)
		}
	}
	if !strings.Contains(audit.String(), `\u009b31m`) || !strings.Contains(audit.String(), `\u001b[2J`) {
		t.Errorf("escaped title or message missing:\n%s", audit.String())
	}
	for _, format := range []string{"markdown", "html", "json"} {
		var buf bytes.Buffer
		if err := RenderAudit(&buf, p, format, Options{}); err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(buf.String(), "\r\u001b\u009b\u202e") {
			t.Errorf("%s: raw control character in the output", format)
		}
		if format == "json" {
			var back struct {
				Systems []evaluate.SystemAudit `json:"systems"`
			}
			if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
				t.Fatal(err)
			}
			if back.Systems[1].Title != p.Systems[1].Title {
				t.Errorf("json title %q, want the data exact %q", back.Systems[1].Title, p.Systems[1].Title)
			}
		}
	}
}
