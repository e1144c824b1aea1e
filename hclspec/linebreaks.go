package hclspec

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// checkLoneCR refuses src when it holds a carriage return that does not
// start a CRLF line break. HCL counts lines by LF alone, while editors
// and terminals also break lines at a lone CR (classic Mac OS files), so
// every position after one would point at the wrong line; and in a
// comment a lone CR hides the rest of the line from a terminal while it
// still counts, or the other way round. CRLF files are fine.
func checkLoneCR(src []byte, filename string) *hcl.Diagnostic {
	first, count := -1, 0
	for i := bytes.IndexByte(src, '\r'); i >= 0; {
		if i+1 >= len(src) || src[i+1] != '\n' {
			if first < 0 {
				first = i
			}
			count++
		}
		next := bytes.IndexByte(src[i+1:], '\r')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	if first < 0 {
		return nil
	}
	pos := posOf(src, first)
	more := ""
	if count > 1 {
		more = fmt.Sprintf(" (and %d more)", count-1)
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Lone carriage return",
		Detail:   fmt.Sprintf("This file has a carriage return (CR) that is not part of a CRLF line break%s. Editors and terminals start a new line there but HCL does not, so line numbers after it would point at the wrong place, and text after it in a comment can hide or show what the roadmap reads. Save the file with LF or CRLF line endings.", more),
		Subject:  &hcl.Range{Filename: filename, Start: pos, End: hcl.Pos{Line: pos.Line, Column: pos.Column + 1, Byte: pos.Byte + 1}},
	}
}

// posOf is the HCL position of byte offset off: lines counted by LF,
// columns in characters.
func posOf(src []byte, off int) hcl.Pos {
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	return hcl.Pos{
		Line:   1 + bytes.Count(src[:off], []byte{'\n'}),
		Column: 1 + utf8.RuneCount(src[lineStart:off]),
		Byte:   off,
	}
}
