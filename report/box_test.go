package report

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// tablewriterBox renders b with tablewriter, configured as the table
// renderer configured it before box.draw replaced it.
func tablewriterBox(t testing.TB, b box) string {
	t.Helper()
	perColumn := make([]tw.Align, len(b.aligns))
	for i, a := range b.aligns {
		perColumn[i] = tw.AlignLeft
		if a == alignRight {
			perColumn[i] = tw.AlignRight
		}
	}
	alignment := tw.CellAlignment{Global: tw.AlignLeft, PerColumn: perColumn}
	var out bytes.Buffer
	table := tablewriter.NewTable(&out,
		tablewriter.WithRenderer(renderer.NewBlueprint()),
		tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithFooterAutoFormat(tw.Off),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithFooterAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAlignmentConfig(alignment),
		tablewriter.WithRowAlignmentConfig(alignment),
		tablewriter.WithFooterAlignmentConfig(alignment),
		tablewriter.WithTrimSpace(tw.Off),
	)
	if b.header != nil {
		table.Header(b.header)
	}
	for _, row := range b.rows {
		if err := table.Append(row); err != nil {
			t.Fatal(err)
		}
	}
	if b.footer != nil {
		table.Footer(b.footer)
	}
	if err := table.Render(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestBoxMatchesTablewriter draws random boxes, with the kinds of cell the
// table renderer makes (wrapped lines, right-aligned figures, ANSI
// styles, wide and combining characters, blank and missing cells, bars),
// and checks every one is byte for byte what tablewriter draws.
func TestBoxMatchesTablewriter(t *testing.T) {
	cells := []string{
		"", "a", "job10 *", "scheduled", "1,040,000", "-180,443", "—", "61.2%",
		"two\nlines", "three\nshort\nlines", "x\n\nz", "trailing\n", "\nleading",
		"███████", "2027-01 – 2028-05", "   4/12", "padded  ", "  indented",
		"日本語", "e\u0301t\u00e9", "emoji 🚀", "Payback\n(quarters)", "   ", "a\n \nb",
		ansiRed + "failed" + ansiReset, ansiGreen + "ok" + ansiReset + "\n" + ansiGreen + "line" + ansiReset,
		ansiBold + ansiYellow + "warning" + ansiReset,
	}
	rng := rand.New(rand.NewPCG(18, 1))
	pick := func(n int) []string {
		row := make([]string, n)
		for i := range row {
			row[i] = cells[rng.IntN(len(cells))]
		}
		return row
	}
	for k := range 3000 {
		n := 1 + rng.IntN(6)
		b := box{aligns: make([]alignment, n)}
		for i := range b.aligns {
			if rng.IntN(3) == 0 {
				b.aligns[i] = alignRight
			}
		}
		if rng.IntN(5) > 0 {
			b.header = pick(n)
			if !hasText(b.header) {
				b.header = nil // as grid does
			}
		}
		for range rng.IntN(6) {
			b.rows = append(b.rows, pick(n))
		}
		if b.header != nil && len(b.rows) > 0 && rng.IntN(4) == 0 {
			// Grids have footers only below a header and rows; without a
			// header tablewriter leaves out the top border when there is a
			// footer, which box does not copy.
			b.footer = pick(n)
		}
		if b.header == nil && len(b.rows) == 0 {
			continue // grid never draws a box with nothing in it
		}
		var got bytes.Buffer
		b.draw(&got)
		want := tablewriterBox(t, b)
		if diff := cmp.Diff(want, got.String()); diff != "" {
			t.Fatalf("case %d: header %q rows %q footer %q aligns %v: box differs from tablewriter (-want +got):\n%s",
				k, b.header, b.rows, b.footer, b.aligns, diff)
		}
	}
}

// BenchmarkBox compares drawing a capacity-plan-sized box with box.draw
// and with tablewriter.
func BenchmarkBox(b *testing.B) {
	bx := box{aligns: []alignment{alignLeft, alignLeft}}
	bx.header = []string{"", ""}
	for i := range 9 {
		bx.aligns = append(bx.aligns, alignRight)
		bx.header = append(bx.header, fmt.Sprintf("2027-%02d", i+1))
	}
	for r := range 12 {
		row := []string{"", fmt.Sprintf("job%d", r)}
		for range 9 {
			row = append(row, strings.Repeat("█", 7))
		}
		bx.rows = append(bx.rows, row)
	}
	b.Run("box", func(b *testing.B) {
		var out bytes.Buffer
		for b.Loop() {
			out.Reset()
			bx.draw(&out)
		}
	})
	b.Run("tablewriter", func(b *testing.B) {
		for b.Loop() {
			tablewriterBox(b, bx)
		}
	})
}

// TestGridShowsTabsAsSpaces: a tab in a header, cell or footer is drawn as
// a space. (tablewriter expanded it to a width it guessed from TABWIDTH,
// TS, VIM_TABSTOP, .editorconfig files, the working directory's files and
// TERM, so the same plan printed differently from one place to another.)
func TestGridShowsTabsAsSpaces(t *testing.T) {
	render := func(sep string) string {
		g := grid{
			columns: []column{{header: "Check" + sep + "id"}, {header: "Message", wrap: true}},
			rows: [][]string{
				{"a", "first" + sep + "second"},
				{"b" + sep, sep + "lead" + sep + sep + "x"},
			},
			footer: []string{"total" + sep, "2"},
		}
		tr := &tableRenderer{width: 80}
		tr.grid(g)
		if tr.err != nil {
			t.Fatal(tr.err)
		}
		return tr.buf.String()
	}
	got, want := render("\t"), render(" ")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tabs not shown as spaces (-want +got):\n%s", diff)
	}
	if strings.Contains(got, "\t") {
		t.Errorf("output holds a tab:\n%s", got)
	}
}

// TestDisplayWidthPrintableASCII: the shortcut for printable ASCII agrees
// with the width library, character by character and on mixed strings.
func TestDisplayWidthPrintableASCII(t *testing.T) {
	var all strings.Builder
	for c := byte(0x20); c <= 0x7e; c++ {
		all.WriteByte(c)
		if got, want := displayWidth(string(c)), twwidth.WidthWithOptions(string(c), twwidth.Options{}); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", c, got, want)
		}
	}
	for _, s := range []string{all.String(), "", "job10 *", "a\tb", "x\x7fy", "2027-01 – 2028-05", "███", ansiRed + "red" + ansiReset, "日本"} {
		// A tab counts as the space it is printed as (not the library's
		// environment-dependent tab width).
		if got, want := displayWidth(s), twwidth.WidthWithOptions(strings.ReplaceAll(s, "\t", " "), twwidth.Options{}); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestDisplayWidthMatchesTwwidth: displayWidth counts what tablewriter's
// twwidth counts (a tab as the space it is printed as), on random strings
// of the pieces that decide it: CSI and OSC sequences, complete, cut short
// or broken by a tab or newline; control characters; wide, combining,
// ambiguous and box-drawing characters; emoji; invalid UTF-8.
func TestDisplayWidthMatchesTwwidth(t *testing.T) {
	pieces := []string{
		"a", "Z", " ", "0", "9", ";", "m", "[", "]", "\\", "/", "~", "\t", "\n", "\r",
		"\x1b", "\x1b[", "\x1b]", "\x07", "\x1b\\", "\x7f", "\x00", "\x01",
		"\x1b[0m", "\x1b[1;31m", "\x1b[38;5;208m", "\x1b[?25l", "\x1b[ q", "\x1b[1\tm", "\x1b[\x80m",
		"\x1b]8;;https://example.com\x07", "\x1b]8;;\x1b\\", "\x1b]0;title\nmore\x07",
		"日", "本", "é", "e\u0301", "±", "Ω", "─", "│", "█", "–", "—", "🚀", "👍🏽", "\u200b", "\ufeff",
		"\xff", "\xe6\x97", "\xc3",
	}
	rng := rand.New(rand.NewPCG(18, 2))
	for k := range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := displayWidth(s), twwidth.WidthWithOptions(strings.ReplaceAll(s, "\t", " "), twwidth.Options{}); got != want {
			t.Fatalf("case %d: displayWidth(%q) = %d, twwidth says %d", k, s, got, want)
		}
	}
}

// TestParagraphsShowTabsAsSpaces: wrapped text (a reason, a note) prints
// a tab as a space, wrapped as one, whatever TABWIDTH says.
func TestParagraphsShowTabsAsSpaces(t *testing.T) {
	render := func(sep string) string {
		tr := &tableRenderer{width: 30}
		tr.paragraph("  ", "deferred:"+sep+"team apps has no room"+sep+"in 2027-Q1"+sep+sep+"(held by crm)")
		return tr.buf.String()
	}
	want := render(" ")
	for _, tabwidth := range []string{"2", "8", "16"} {
		t.Setenv("TABWIDTH", tabwidth)
		got := render("\t")
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("TABWIDTH=%s: tabs not shown as spaces (-want +got):\n%s", tabwidth, diff)
		}
	}
	if got := displayWidth("a\tb"); got != 3 {
		t.Errorf(`displayWidth("a\tb") = %d, want 3`, got)
	}
}
