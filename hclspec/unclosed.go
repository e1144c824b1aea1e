package hclspec

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
)

// A block whose closing brace is missing swallows every block after it in
// its file: the parser reports the unclosed block, and then decoding
// reports each later block as "not expected here", and each reference to
// the swallowed blocks as undeclared — seven to ten errors for one missing
// "}". dropFollowUpsOfUnclosedBlocks keeps the one real error, says where
// the brace most likely belongs, and drops the rest.

const unclosedSummary = "Unclosed configuration block"

// topLevelHeader is a line that starts a top-level block: a block type at
// column 1, its labels, and an opening brace.
var topLevelHeader = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([a-z_]+)((?:\s+"[^"\n]*")*)\s*\{\s*(?:#.*|//.*)?$`)
})

// blockHeaderAfter finds the first line after offset that looks like the
// header of a top-level block: its byte offset, line number and text
// ("budget \"b\""), or -1.
func blockHeaderAfter(src []byte, offset, line int) (int, int, string) {
	pos := offset
	if i := bytes.IndexByte(src[min(pos, len(src)):], '\n'); i >= 0 {
		pos += i + 1
		line++
	} else {
		return -1, 0, ""
	}
	for pos < len(src) {
		end := bytes.IndexByte(src[pos:], '\n')
		if end < 0 {
			end = len(src) - pos
		}
		text := strings.TrimRight(string(src[pos:pos+end]), "\r")
		if m := topLevelHeader().FindStringSubmatch(text); m != nil {
			return pos, line, strings.TrimSpace(m[1] + m[2])
		}
		pos += end + 1
		line++
	}
	return -1, 0, ""
}

// dropFollowUpsOfUnclosedBlocks: see the comment at the top of the file.
func dropFollowUpsOfUnclosedBlocks(diags hcl.Diagnostics, files map[string]*hcl.File) hcl.Diagnostics {
	cutoff := map[string]int{} // file -> offset from which diagnostics are follow-ups
	type fileLine struct {
		file string
		line int
	}
	headerLines := map[fileLine]bool{} // header lines of the blocks around a missing brace
	swallowed := map[string]bool{}
	for _, d := range diags {
		if d.Summary != unclosedSummary || d.Subject == nil {
			continue
		}
		f := files[d.Subject.Filename]
		if f == nil {
			continue
		}
		at := d.Subject.End.Byte
		off, line, header := blockHeaderAfter(f.Bytes, d.Subject.Start.Byte, d.Subject.Start.Line)
		if cut, ok := d.Extra.(braceCutoff); ok {
			// missingBrace found the place from the file's indentation.
			at, off = cut.offset, cut.offset
			for _, line := range cut.headers {
				headerLines[fileLine{d.Subject.Filename, line}] = true
			}
		} else if off >= 0 {
			at = off
			d.Detail = fmt.Sprintf("This block has no closing brace. Add } where it ends: most likely before line %d, where %s begins. "+
				"Until then every block after it is read as part of it, so the errors that would follow are not shown.", line, header)
		}
		if prev, ok := cutoff[d.Subject.Filename]; !ok || at < prev {
			cutoff[d.Subject.Filename] = at
		}
		// The blocks it swallowed, by "type.id", for references to them.
		if off >= 0 {
			for _, h := range headersFrom(f.Bytes[off:]) {
				swallowed[h] = true
			}
		}
	}
	if len(cutoff) == 0 {
		return diags
	}
	out := diags[:0]
	for _, d := range diags {
		if d.Summary != unclosedSummary && d.Summary != habitSummary && d.Subject != nil {
			if at, ok := cutoff[d.Subject.Filename]; ok && d.Subject.Start.Byte >= at {
				continue
			}
			if headerLines[fileLine{d.Subject.Filename, d.Subject.Start.Line}] {
				continue
			}
			if refersToSwallowed(d, swallowed) {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

// headersFrom lists the top-level block headers in src as "type.id".
func headersFrom(src []byte) []string {
	var refs []string
	for _, line := range strings.Split(string(src), "\n") {
		m := topLevelHeader().FindStringSubmatch(strings.TrimRight(line, "\r"))
		if m == nil {
			continue
		}
		if labels := strings.Fields(m[2]); len(labels) > 0 {
			refs = append(refs, m[1]+"."+strings.Trim(labels[0], `"`))
		}
	}
	return refs
}

// refersToSwallowed reports whether d is about a block that an unclosed
// block swallowed (an undeclared reference, an unknown team key): it names
// the block's type and its quoted id, or type.id.
func refersToSwallowed(d *hcl.Diagnostic, swallowed map[string]bool) bool {
	for ref := range swallowed {
		if strings.Contains(d.Detail, ref) {
			return true
		}
		kind, id, _ := strings.Cut(ref, ".")
		if strings.Contains(d.Summary+d.Detail, kind) && strings.Contains(d.Detail, `"`+id+`"`) {
			return true
		}
	}
	return false
}
