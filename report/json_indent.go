package report

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
	escaped    bool // in a string, right after a backslash
}

func (ind *jsonIndenter) newline(dst []byte) []byte {
	dst = append(dst, '\n')
	for range ind.depth {
		dst = append(dst, ind.indent...)
	}
	return dst
}

func (ind *jsonIndenter) append(dst, src []byte) []byte {
	for i := 0; i < len(src); i++ {
		if ind.inString {
			// Copy the string through its closing quote.
			j := i
			if ind.escaped {
				j++
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
