package report

import (
	"bytes"
	"strings"
)

// box is a laid-out table ready to draw: every cell wrapped and styled,
// lines separated by "\n". header and footer are nil when absent.
type box struct {
	header []string
	rows   [][]string
	footer []string
	aligns []alignment // per column
}

// alignment is a column's horizontal alignment; the zero value is left.
type alignment uint8

const (
	alignLeft alignment = iota
	alignRight
)

// draw writes b with light box-drawing borders, one space of padding
// either side of each cell, every column as wide as its widest line
// (terminal cells, ANSI styles not counted). It writes exactly what
// tablewriter's default renderer writes for the same cells with trimming,
// wrapping and auto-formatting off (TestBoxMatchesTablewriter); grids
// used tablewriter itself until its cost per table (a large cache map
// allocated for every table, and per-cell bookkeeping for features grids
// do not use) was most of a small plan's run time.
func (b box) draw(out *bytes.Buffer) {
	n := len(b.aligns)
	widths := make([]int, n)
	split := func(cells []string) [][]string {
		if cells == nil {
			return nil
		}
		lines := make([][]string, n)
		for i := range n {
			switch {
			case i >= len(cells):
				lines[i] = []string{""}
			case strings.IndexByte(cells[i], '\n') < 0:
				lines[i] = cells[i : i+1 : i+1] // one line: no copy
			default:
				lines[i] = strings.Split(cells[i], "\n")
			}
			for _, l := range lines[i] {
				widths[i] = max(widths[i], displayWidth(l))
			}
		}
		return lines
	}
	header := split(b.header)
	rows := make([][][]string, len(b.rows))
	for r, row := range b.rows {
		rows[r] = split(row)
	}
	footer := split(b.footer)

	rule := func(left, mid, right string) {
		out.WriteString(left)
		for i, w := range widths {
			if i > 0 {
				out.WriteString(mid)
			}
			for range w + 2 {
				out.WriteString("─")
			}
		}
		out.WriteString(right)
		out.WriteByte('\n')
	}
	// row writes one line per line of its tallest cell. In the body, a
	// line after the first that is blank in every cell is left out.
	row := func(cells [][]string, body bool) {
		height := 0
		for _, c := range cells {
			height = max(height, len(c))
		}
		for k := range height {
			if body && k > 0 && blankLine(cells, k) {
				continue
			}
			out.WriteString("│")
			for i, c := range cells {
				line := ""
				if k < len(c) {
					line = c[k]
				}
				pad := widths[i] - displayWidth(line)
				out.WriteByte(' ')
				if b.aligns[i] == alignRight {
					writeSpaces(out, pad)
					out.WriteString(line)
				} else {
					out.WriteString(line)
					writeSpaces(out, pad)
				}
				out.WriteString(" │")
			}
			out.WriteByte('\n')
		}
	}

	rule("┌", "┬", "┐")
	if header != nil {
		row(header, false)
		if len(rows) > 0 || footer != nil {
			rule("├", "┼", "┤")
		}
	}
	for _, r := range rows {
		row(r, true)
	}
	if footer != nil {
		rule("├", "┼", "┤")
		row(footer, false)
	}
	rule("└", "┴", "┘")
}

// blankLine reports whether line k of every cell is empty or missing.
func blankLine(cells [][]string, k int) bool {
	for _, c := range cells {
		if k < len(c) && c[k] != "" {
			return false
		}
	}
	return true
}

func writeSpaces(out *bytes.Buffer, n int) {
	for range n {
		out.WriteByte(' ')
	}
}
