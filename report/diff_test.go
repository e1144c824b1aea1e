package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate/diff"
	"github.com/roadmap-as-code/roadmap/evaluate/diff/difftest"
)

func fixtureDiff() *diff.PlanDiff {
	d := diff.Diff(difftest.Before(), difftest.After())
	d.Before.Source = "origin/main"
	d.After.Source = "working tree"
	return d
}

func noChangeDiff() *diff.PlanDiff {
	d := diff.Diff(difftest.Before(), difftest.Before())
	d.Before.Source = "origin/main"
	d.After.Source = "working tree"
	return d
}

func TestRenderDiffGolden(t *testing.T) {
	tests := []struct {
		name   string
		diff   *diff.PlanDiff
		format string
		opts   Options
	}{
		{"diff_fixture.txt", fixtureDiff(), "text", Options{}},
		{"diff_fixture_color.txt", fixtureDiff(), "table", Options{Color: true}},
		{"diff_fixture.md", fixtureDiff(), "markdown", Options{}},
		{"diff_fixture.json", fixtureDiff(), "json", Options{}},
		{"diff_nochange.txt", noChangeDiff(), "text", Options{}},
		{"diff_nochange.md", noChangeDiff(), "markdown", Options{}},
		{"diff_nochange.json", noChangeDiff(), "json", Options{}},
		{"diff_added.txt", addedOnlyDiff(), "text", Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := RenderDiff(&buf, tt.diff, tt.format, tt.opts); err != nil {
				t.Fatal(err)
			}
			diffGolden(t, tt.name, buf.Bytes())
		})
	}
}

func addedOnlyDiff() *diff.PlanDiff {
	d := diff.Diff(nil, difftest.After())
	d.Before.Source = "v1"
	d.After.Source = "working tree"
	return d
}

func TestRenderDiffText(t *testing.T) {
	var plain, colored bytes.Buffer
	if err := RenderDiff(&plain, fixtureDiff(), "text", Options{}); err != nil {
		t.Fatal(err)
	}
	if err := RenderDiff(&colored, fixtureDiff(), "text", Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b[") {
		t.Errorf("colour codes without Options.Color")
	}
	if !strings.Contains(colored.String(), diffANSIGreen+"+"+diffANSIReset) {
		t.Errorf("no green + with Options.Color")
	}
	lines := strings.Split(strings.TrimRight(plain.String(), "\n"), "\n")
	if got, want := lines[len(lines)-1], "Plan: 1 to schedule, 1 to defer, 2 to reschedule, 1 dropped, 1 removed, 1 changed. 1 check starts failing."; got != want {
		t.Errorf("last line = %q, want %q", got, want)
	}
	for _, want := range []string{
		"  - wiki \"Company wiki\"\n",
		"  + mobile_app \"Field service app\" (added)\n",
		"  - legacy_fax \"Fax gateway refresh\" (removed; was deferred (schedule), rank 7)\n",
		"  ~ erp_upgrade \"Upgrade the ERP\"\n        rank:              3 → 1\n",
		"  ~ crm: acme_crm → other_crm\n",
		"capex_headroom (error): passing → failing: Keep 10% of capex unallocated.",
		"2 projects unchanged.",
	} {
		if !strings.Contains(plain.String(), want) {
			t.Errorf("text diff lacks %q", want)
		}
	}
}

// settingsOnlyDiff changes a roadmap setting and nothing else.
func settingsOnlyDiff() *diff.PlanDiff {
	after := difftest.Before()
	after.Roadmap.MaxParallel = 9
	d := diff.Diff(difftest.Before(), after)
	d.Before.Source = "origin/main"
	d.After.Source = "working tree"
	return d
}

func TestRenderDiffSettingsOnly(t *testing.T) {
	d := settingsOnlyDiff()
	if !d.Changed || len(d.Projects) != 0 || len(d.Roadmap) != 1 {
		t.Fatalf("fixture: changed %v, %d projects, %d settings; want only one setting changed", d.Changed, len(d.Projects), len(d.Roadmap))
	}
	for _, format := range []string{"text", "markdown"} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := RenderDiff(&buf, d, format, Options{}); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if strings.Contains(out, "Projects:") {
				t.Errorf("a Projects heading with no project listed:\n%s", out)
			}
			for _, want := range []string{"max_parallel: ", "8 projects unchanged."} {
				if !strings.Contains(out, want) {
					t.Errorf("lacks %q:\n%s", want, out)
				}
			}
		})
	}
}

func TestRenderDiffMarkdown(t *testing.T) {
	var buf bytes.Buffer
	if err := RenderDiff(&buf, fixtureDiff(), "markdown", Options{}); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	if first := md[:strings.IndexByte(md, '\n')]; first != "**Plan: 1 to schedule, 1 to defer, 2 to reschedule, 1 dropped, 1 removed, 1 changed. 1 check starts failing.**" {
		t.Errorf("first line = %q, want the summary", first)
	}
	if !strings.HasSuffix(md, DiffCommentMarker+"\n") {
		t.Errorf("markdown does not end with the marker")
	}
	if !strings.Contains(md, "<details>") || !strings.Contains(md, "```diff\n") {
		t.Errorf("no folded diff block")
	}
	// In the folded block, symbols start the line so GitHub colours them.
	if !strings.Contains(md, "\n- wiki \"Company wiki\"\n") {
		t.Errorf("folded diff does not start lines with the symbol")
	}
}

func TestRenderDiffMarkdownFitsInAComment(t *testing.T) {
	before, after := difftest.Spec{Horizon: 2, Name: "big"}, difftest.Spec{Horizon: 2, Name: "big"}
	for i := range 3000 {
		id := "project_with_a_long_identifier_" + strings.Repeat("x", 10) + string(rune('a'+i%26)) + itoaTest(i)
		before.Projects = append(before.Projects, difftest.Project{ID: id, Title: "A title " + id, Status: "deferred", Start: -1, Dur: 1, Cost: 1})
		after.Projects = append(after.Projects, difftest.Project{ID: id, Title: "A title " + id, Status: "scheduled", Start: 0, Dur: 1, Cost: 2})
	}
	d := diff.Diff(difftest.Build(before), difftest.Build(after))
	var buf bytes.Buffer
	if err := RenderDiff(&buf, d, "markdown", Options{}); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	if len(md) > diffCommentLimit {
		t.Errorf("the comment is %d characters, over %d", len(md), diffCommentLimit)
	}
	for _, want := range []string{"| | … | 2940 more: see the full diff | | |", "cut to fit a GitHub comment: run the same roadmap plan locally", "```\n\n</details>", DiffCommentMarker + "\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("the comment lacks %q", want)
		}
	}
	if !strings.HasPrefix(md, "**Plan: 3000 to schedule") {
		t.Errorf("the comment starts %q", md[:60])
	}
}

func itoaTest(i int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
		if i == 0 {
			return string(b)
		}
	}
}

func TestRenderDiffJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := RenderDiff(&buf, fixtureDiff(), "json", Options{}); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	want := []string{"after", "before", "budgets", "changed", "checks", "choices", "format_version", "projects", "roadmap", "run_rate", "summary", "systems", "teams", "totals", "vendors"}
	if diff := cmp.Diff(want, sortedStrings(keys)); diff != "" {
		t.Errorf("top-level keys (-want +got):\n%s", diff)
	}
	if got["format_version"] != "1" {
		t.Errorf("format_version = %v", got["format_version"])
	}
	// Decoding gives the same diff back.
	var back diff.PlanDiff
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Summary != fixtureDiff().Summary {
		t.Errorf("summary after a round trip = %+v", back.Summary)
	}
}

func sortedStrings(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestRenderDiffUnknownFormat(t *testing.T) {
	err := RenderDiff(&bytes.Buffer{}, fixtureDiff(), "html", Options{})
	if err == nil || err.Error() != `unknown format "html" for a plan diff: use one of [csv json markdown table text xlsx]` {
		t.Errorf("err = %v", err)
	}
}

func TestDiffGroupThousands(t *testing.T) {
	tests := []struct {
		v    float64
		dec  int
		want string
	}{
		{0, 0, "0"}, {999, 0, "999"}, {1000, 0, "1,000"}, {-1234567, 0, "-1,234,567"},
		{1234.5, 2, "1,234.50"}, {-0.001, 2, "0.00"}, {100000, 0, "100,000"},
	}
	for _, tt := range tests {
		if got := diffGroupThousands(tt.v, tt.dec); got != tt.want {
			t.Errorf("diffGroupThousands(%v, %d) = %q, want %q", tt.v, tt.dec, got, tt.want)
		}
	}
}

func TestDiffMarkdownEscaping(t *testing.T) {
	tests := []struct{ in, want string }{
		{"R&D | ops", `R\&D \| ops`},
		{"<script>", `\<script\>`},
		{"a_b *c* `d` [e]", "a\\_b \\*c\\* \\`d\\` \\[e\\]"},
		{"two\nlines\r\n", "two lines "},
	}
	for _, tt := range tests {
		if got := diffMarkdownCell(tt.in); got != tt.want {
			t.Errorf("diffMarkdownCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := mdCode("a`b"); got != "a\\`b" {
		t.Errorf("mdCode = %q", got)
	}
	// A title cannot break the table or close the folded code block.
	b, a := difftest.Before(), difftest.After()
	a.Projects[0].Title = "ERP | ```` </details>"
	var buf bytes.Buffer
	if err := RenderDiff(&buf, diff.Diff(b, a), "markdown", Options{}); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	// HTML inside a fenced block is text, but a fence in the title would
	// end the block early: the block's fence is longer than any in it.
	if strings.Count(md, "`````diff\n") != 1 || strings.Count(md, "\n`````\n") != 1 {
		t.Errorf("the title broke the comment's structure:\n%s", md)
	}
	if !strings.Contains(md, "ERP \\| \\`\\`\\`\\` \\</details\\>") {
		t.Errorf("the title is not escaped in the table:\n%s", md)
	}
}
