package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// unescapedPipe matches a | not preceded by a backslash.
var unescapedPipe = regexp.MustCompile(`(^|[^\\])\|`)

// TestMarkdownEscapesCells: names and reasons holding Markdown syntax
// cannot break a table: every row has as many cell separators as its
// header, and nothing turns into markup.
var fencedBlock = regexp.MustCompile("(?s)```.*?```")

func TestMarkdownEscapesCells(t *testing.T) {
	p := loadFixture(t, "it2027")
	p.Roadmap.Name = "IT *2027* | <script>"
	p.Projects[0].Title = "Audit | logging *now* <b>"
	p.Projects[0].Reasons = []string{"one | two\nthree", "[link](http://x) _it_ `code`"}
	p.Projects[1].ID = "weird|id`"
	p.Checks[1].Message = "a | b"
	var buf bytes.Buffer
	if err := RenderPlan(&buf, p, "markdown", Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	columns := 0
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			columns = 0
			continue
		}
		n := len(unescapedPipe.FindAllString(line, -1))
		if strings.HasPrefix(line, "| ---") || strings.HasPrefix(line, "| :--") {
			continue
		}
		if columns == 0 {
			columns = n
			continue
		}
		if n != columns {
			t.Errorf("row has %d separators, header %d: %s", n, columns, line)
		}
	}
	// Fenced code (the Mermaid timeline) is not Markdown: titles stay raw there.
	prose := fencedBlock.ReplaceAllString(out, "")
	for _, bad := range []string{"<script>", "<b>", "*now*", " _it_", "[link]"} {
		if strings.Contains(prose, bad) {
			t.Errorf("output holds unescaped %q", bad)
		}
	}
	if !strings.Contains(out, "\\[link\\](http:"+zeroWidthSpace+"//x) \\_it\\_ \\`code\\`") || !strings.Contains(out, `Audit \| logging \*now\* \<b\>`) || !strings.Contains(out, "one \\| two<br>three") {
		t.Errorf("escaped text missing:\n%s", out)
	}
}

// TestMarkdownDeterministic: the same plan renders the same bytes, maps
// and all.
func TestMarkdownDeterministic(t *testing.T) {
	p := loadFixture(t, "it2027")
	var first bytes.Buffer
	if err := RenderPlan(&first, p, "markdown", Options{}); err != nil {
		t.Fatal(err)
	}
	for range 20 {
		var again bytes.Buffer
		if err := RenderPlan(&again, p, "markdown", Options{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), again.Bytes()) {
			t.Fatal("markdown output differs between runs")
		}
	}
}
