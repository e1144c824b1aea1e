package hclspec

// nestingBound scans src the way HCL's lexer does for the tokens that
// checkTokenNesting counts, without building the token list (which for a
// 5 MiB file costs more than parsing it). It returns an upper bound of
// the depth plus unary run that checkTokenNesting computes at any token,
// and sure = false when src holds something it does not model (heredocs,
// newlines inside quoted strings, an unterminated /* comment, a stray
// closing brace, non-ASCII outside strings and comments): then the
// caller must lex.
//
// It mirrors the lexer's modes: in the main mode brackets and braces
// nest, quotes open a string and comments are skipped; in a string
// ${ and %{ open an interpolation (back to the main mode) that the brace
// matching the lexer's own brace count closes, and $${ and %%{ are
// literal.
//
// It also returns sure = false when a run of the bytes a number literal is
// made of ([0-9.eE+-]) is longer than MaxNumberBytes: only the lexer can
// say whether it is one number, which parsing would take time quadratic
// in its length to read.
//
// With cutEvery > 0 it also returns cuts: offsets, at least cutEvery
// bytes apart, where a line starts outside any block, bracket, string or
// comment, so the file can be parsed piece by piece (parseConfigPieces).
func nestingBound(src []byte, cutEvery int) (bound int, cuts []int, sure bool) {
	const (
		modeMain = iota
		modeString
	)
	modes := []uint8{modeMain}
	braces := 0
	var retBraces []int
	depth, unary := 0, 0
	open := func() {
		depth++
		unary = 0
	}
	closeOne := func() {
		if depth > 0 {
			depth--
		}
		unary = 0
	}
	note := func() {
		bound = max(bound, depth+unary)
	}
	numberRun := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if modes[len(modes)-1] == modeMain && isNumberByte(c) {
			if numberRun++; numberRun > MaxNumberBytes {
				return bound, nil, false
			}
		} else {
			numberRun = 0
		}
		if modes[len(modes)-1] == modeString {
			switch c {
			case '"':
				closeOne()
				modes = modes[:len(modes)-1]
			case '\\':
				if i+1 >= len(src) || src[i+1] == '\n' || src[i+1] == '\r' {
					return bound, nil, false
				}
				i++
			case '\n', '\r':
				return bound, nil, false
			case '$', '%':
				switch {
				case i+2 < len(src) && src[i+1] == c && src[i+2] == '{':
					i += 2 // $${ or %%{: literal
				case i+1 < len(src) && src[i+1] == '{':
					open()
					braces++
					retBraces = append(retBraces, braces)
					modes = append(modes, modeMain)
					i++
				}
			}
			note()
			continue
		}
		switch c {
		case ' ', '\t':
			continue // not a token: a unary run goes on
		case '-', '!':
			if c == '!' && i+1 < len(src) && src[i+1] == '=' {
				unary = 0
				i++
				break
			}
			unary++
		case '(', '[':
			open()
		case ')', ']':
			closeOne()
		case '{':
			open()
			braces++
		case '~', '}':
			if c == '~' {
				if i+1 >= len(src) || src[i+1] != '}' {
					unary = 0
					break
				}
				i++
			}
			closeOne()
			if len(retBraces) > 0 && retBraces[len(retBraces)-1] == braces {
				retBraces = retBraces[:len(retBraces)-1]
				modes = modes[:len(modes)-1]
			} else if braces == 0 {
				return bound, nil, false // a stray brace: let the lexer judge
			}
			braces--
		case '"':
			open()
			modes = append(modes, modeString)
		case '<':
			if i+1 < len(src) && src[i+1] == '<' {
				return bound, nil, false // maybe a heredoc
			}
			unary = 0
		case '#':
			i = skipLine(src, i)
			unary = 0
		case '/':
			unary = 0
			if i+1 < len(src) && src[i+1] == '/' {
				i = skipLine(src, i)
			} else if i+1 < len(src) && src[i+1] == '*' {
				end := indexFrom(src, i+2, "*/")
				if end < 0 {
					return bound, nil, false
				}
				i = end + 1
			}
		case '\n':
			unary = 0
			if cutEvery > 0 && depth == 0 && braces == 0 && len(modes) == 1 && i+1 < len(src) {
				if last := lastCut(cuts); i+1-last >= cutEvery {
					cuts = append(cuts, i+1)
				}
			}
		default:
			if c >= 0x80 {
				// The lexer's identifier tables take some invalid
				// UTF-8 with the ASCII after it; only it knows.
				return bound, nil, false
			}
			unary = 0
		}
		note()
	}
	return bound, cuts, true
}

func isNumberByte(c byte) bool {
	return '0' <= c && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'
}

// skipLine returns the index of the newline ending the comment at i (or
// the last byte): the lexer's comment runs to a newline, a lone carriage
// return included.
func skipLine(src []byte, i int) int {
	for j := i; j < len(src); j++ {
		if src[j] == '\n' {
			return j
		}
	}
	return len(src) - 1
}

func indexFrom(src []byte, from int, sep string) int {
	for j := from; j+len(sep) <= len(src); j++ {
		if string(src[j:j+len(sep)]) == sep {
			return j
		}
	}
	return -1
}

func lastCut(cuts []int) int {
	if len(cuts) == 0 {
		return 0
	}
	return cuts[len(cuts)-1]
}
