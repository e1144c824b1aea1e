package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds how the Markdown renderers (the plan and the
// pull-request comment) put user text into Markdown: as inline text that
// GitHub renders as exactly that text, never as HTML, a heading, a fence,
// a table cell break, a link, an image, a mention, an issue reference or
// a maths formula.

// zeroWidthSpace breaks what GitHub would otherwise link: "@name",
// "#123", "https://", "www.". It is invisible and copies as nothing
// visible; the text still reads the same. Written as a character
// reference: the raw character is an invisible format character, which
// the output guard escapes (internal/safetext.Unsafe).
const zeroWidthSpace = "&#8203;"

// mdEscape makes text safe inline in Markdown, table cells included:
// punctuation Markdown would interpret is backslash-escaped (& too, so no
// character reference can produce a character the text does not hold; $
// too, for GitHub's maths), newlines become <br> so no block can start,
// mentions, issue references and bare URLs get a zero-width space, and a
// leading list or heading marker is escaped. The text is expected to be
// free of terminal controls already (see display.go).
func mdEscape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	start := true // at the start of the text
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		rest := s[i+size:]
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '&', '$':
			b.WriteByte('\\')
			b.WriteRune(r)
			if r == '#' && startsWithDigit(rest) {
				b.WriteString(zeroWidthSpace) // #123 would link an issue
			}
		case '\n':
			b.WriteString("<br>")
		case '\r':
		case '@':
			b.WriteByte('@')
			if startsWithWordChar(rest) {
				b.WriteString(zeroWidthSpace) // @name would notify someone
			}
		case ':':
			b.WriteByte(':')
			if strings.HasPrefix(rest, "//") {
				b.WriteString(zeroWidthSpace) // https:// would autolink
			}
		case '-', '+', '=':
			if start {
				b.WriteByte('\\') // a list item or a setext heading underline
			}
			b.WriteRune(r)
		case '.', ')':
			if onlyDigitsBefore(s[:i]) && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
				b.WriteByte('\\') // "1. " or "1) " would start an ordered list
			}
			b.WriteRune(r)
		case 'w', 'W':
			if len(s)-i >= 4 && strings.EqualFold(s[i:i+4], "www.") {
				b.WriteString(s[i : i+3])
				b.WriteString(zeroWidthSpace) // www.example.com would autolink
				b.WriteByte('.')
				size = 4
				break
			}
			b.WriteRune(r)
		default:
			b.WriteString(s[i : i+size])
		}
		if !unicode.IsSpace(r) {
			start = false
		}
		i += size
	}
	return b.String()
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// startsWithWordChar reports whether s starts with a letter or digit, as
// a GitHub user or team name (or an e-mail address's domain) does.
func startsWithWordChar(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// onlyDigitsBefore reports whether s, ignoring leading white space, is
// all ASCII digits.
func onlyDigitsBefore(s string) bool {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if s == "" || len(s) > 9 {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// mdCode renders an id as inline code. An id that a code span cannot hold
// as it is (a backtick, a pipe that would split a table cell, a line
// break; never in a valid HCL id, but a saved plan is untrusted) falls
// back to escaped text.
func mdCode(s string) string {
	if s == "" {
		return ""
	}
	if strings.ContainsAny(s, "`|\n\r") || strings.TrimSpace(s) != s {
		return mdEscape(s)
	}
	return "`" + s + "`"
}

// mdFence returns a code fence longer than any run of backticks in text,
// so nothing in text can close the block early.
func mdFence(text string) string {
	longest, run := 0, 0
	for i := range len(text) {
		if text[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

// clipText shortens s to at most n runes, ending it with "…" when cut.
func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i, count := 0, 0
	for i < len(s) && count < n-1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		count++
	}
	if i >= len(s) {
		return s
	}
	return s[:i] + "…"
}
