package report

import "bytes"

// indentJSON appends src, compact JSON as encoding/json writes it, to dst
// indented as json.Indent(dst, src, "", indent) would, in one pass
// without json.Indent's byte-by-byte scanner (most of the cost of
// printing a large plan). Empty objects and arrays stay "{}" and "[]".
func indentJSON(dst, src []byte, indent string) []byte {
	ind := jsonIndenter{indent: indent}
	return ind.append(dst, src)
}

// jsonIndenter is indentJSON for compact JSON that comes in pieces cut
// anywhere: appending the pieces one after the other gives what
// indentJSON gives for the whole.
type jsonIndenter struct {
	indent     string
	depth      int
	needIndent bool // after '{' or '[': indent unless it closes at once
	inString   bool
	escaped    bool   // in a string, right after a backslash
	lines      string // "\n" and indentation, as deep as needed yet
}

func (ind *jsonIndenter) newline(dst []byte) []byte {
	// A line break and the indentation of the deepest level so far, cut
	// to this one: one append instead of one per level.
	n := 1 + ind.depth*len(ind.indent)
	for len(ind.lines) < n {
		if len(ind.lines) == 0 {
			ind.lines = "\n"
		}
		ind.lines += ind.indent
	}
	return append(dst, ind.lines[:n]...)
}

func (ind *jsonIndenter) append(dst, src []byte) []byte {
	for i := 0; i < len(src); i++ {
		if ind.inString {
			// Copy the string through its closing quote.
			j := i
			if ind.escaped {
				j++
			}
			// Most strings hold no backslash: find the quote at once.
			if q := bytes.IndexByte(src[j:], '"'); q >= 0 && bytes.IndexByte(src[j:j+q], '\\') < 0 {
				j += q
			}
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(src) {
				ind.escaped = j > len(src) // the piece ends after a backslash
				return append(dst, src[i:]...)
			}
			ind.inString, ind.escaped = false, false
			dst = append(dst, src[i:j+1]...)
			i = j
			continue
		}
		c := src[i]
		if ind.needIndent && c != '}' && c != ']' {
			ind.needIndent = false
			ind.depth++
			dst = ind.newline(dst)
		}
		switch c {
		case '"':
			dst = append(dst, c)
			ind.inString = true
		case '{', '[':
			dst = append(dst, c)
			ind.needIndent = true
		case '}', ']':
			if ind.needIndent {
				ind.needIndent = false // empty: {} or []
			} else {
				ind.depth--
				dst = ind.newline(dst)
			}
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			dst = ind.newline(dst)
		case ':':
			dst = append(dst, c, ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
