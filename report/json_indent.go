package report

// indentJSON appends src, compact JSON as encoding/json writes it, to dst
// indented as json.Indent(dst, src, "", indent) would, in one pass
// without json.Indent's byte-by-byte scanner (most of the cost of
// printing a large plan). Empty objects and arrays stay "{}" and "[]".
func indentJSON(dst, src []byte, indent string) []byte {
	depth := 0
	needIndent := false
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			depth++
			newline()
		}
		switch c {
		case '"':
			// Copy the string through its closing quote.
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j, len(src)-1)
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			needIndent = true
		case '}', ']':
			if needIndent {
				needIndent = false // empty: {} or []
			} else {
				depth--
				newline()
			}
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, c, ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
