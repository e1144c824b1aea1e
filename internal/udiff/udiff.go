// Package udiff computes line diffs (Myers' algorithm) and prints them in
// the unified format of `diff -u`.
package udiff

import (
	"fmt"
	"strings"
)

// contextLines is how many unchanged lines surround each change.
const contextLines = 3

// opKind is one step of an edit script.
type opKind byte

const (
	opEqual  opKind = ' '
	opDelete opKind = '-'
	opInsert opKind = '+'
)

type op struct {
	kind opKind
	a, b int // line index in old (equal, delete) and new (equal, insert)
}

// Unified returns the unified diff that turns old into new, with headers
// naming oldName and newName, or "" when they are equal.
func Unified(oldName, newName string, old, new []byte) string {
	a, b := splitLines(string(old)), splitLines(string(new))
	ops := editScript(a, b)
	hunks := groupHunks(ops)
	if len(hunks) == 0 {
		return ""
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", oldName, newName)
	for _, h := range hunks {
		writeHunk(&sb, h, a, b)
	}
	return sb.String()
}

// splitLines splits s after each newline; the last line may lack one.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// editScript returns a shortest edit script from a to b. It keeps, for
// each edit distance d, only the 2d+1 diagonals reachable, so memory is
// O(D²) rather than O(D·(N+M)).
func editScript(a, b []string) []op {
	n, m := len(a), len(b)
	maxD := n + m
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		window := make([]int, 2*d+1)
		copy(window, v[off-d:off+d+1])
		trace = append(trace, window)
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(trace, n, m)
			}
		}
	}
	return nil // unreachable: d = n+m always reaches the end
}

func backtrack(trace [][]int, n, m int) []op {
	var ops []op
	x, y := n, m
	for d := len(trace) - 1; d >= 0; d-- {
		at := func(k int) int { return trace[d][k+d] }
		k := x - y
		var prevK int
		if k == -d || (k != d && at(k-1) < at(k+1)) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := 0
		if d > 0 {
			prevX = at(prevK)
		}
		prevY := prevX - prevK
		if d == 0 {
			prevX, prevY = 0, 0
		}
		for x > prevX && y > prevY {
			x--
			y--
			ops = append(ops, op{opEqual, x, y})
		}
		if d > 0 {
			if x == prevX {
				ops = append(ops, op{opInsert, x, y - 1})
			} else {
				ops = append(ops, op{opDelete, x - 1, y})
			}
		}
		x, y = prevX, prevY
	}
	for i, j := 0, len(ops)-1; i < j; i, j = i+1, j-1 {
		ops[i], ops[j] = ops[j], ops[i]
	}
	return ops
}

// groupHunks cuts ops into hunks: each change with up to contextLines of
// equal lines around it, changes closer than 2·contextLines merged.
func groupHunks(ops []op) [][]op {
	var hunks [][]op
	start, end := -1, -1 // current hunk is ops[start:end]
	for i, o := range ops {
		if o.kind == opEqual {
			continue
		}
		lo := max(i-contextLines, 0)
		if start >= 0 && lo > end {
			hunks = append(hunks, ops[start:end])
			start = -1
		}
		if start < 0 {
			start = lo
		}
		end = min(i+1+contextLines, len(ops))
	}
	if start >= 0 {
		hunks = append(hunks, ops[start:end])
	}
	return hunks
}

func writeHunk(sb *strings.Builder, h []op, a, b []string) {
	aStart, bStart, aCount, bCount := -1, -1, 0, 0
	for _, o := range h {
		if o.kind != opInsert {
			if aStart < 0 {
				aStart = o.a
			}
			aCount++
		}
		if o.kind != opDelete {
			if bStart < 0 {
				bStart = o.b
			}
			bCount++
		}
	}
	// With no lines on a side, diff names the line before the hunk.
	if aStart < 0 {
		aStart = h[0].a
	}
	if bStart < 0 {
		bStart = h[0].b
	}
	fmt.Fprintf(sb, "@@ -%s +%s @@\n", hunkRange(aStart, aCount), hunkRange(bStart, bCount))
	for _, o := range h {
		line := ""
		switch o.kind {
		case opInsert:
			line = b[o.b]
		default:
			line = a[o.a]
		}
		sb.WriteByte(byte(o.kind))
		sb.WriteString(line)
		if !strings.HasSuffix(line, "\n") {
			sb.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange formats a 0-based start and a count the way diff -u does.
func hunkRange(start, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, count)
}
