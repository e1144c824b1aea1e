// Package safetext neutralises untrusted text on its way out: terminal
// control sequences (CSI, OSC, C0 and C1 controls, bidirectional
// overrides) and GitHub Actions workflow commands. Escape cleans one
// string; Writer cleans a whole output stream, line by line.
//
// Escaped characters are written as \uXXXX, a form that is also a valid
// JSON escape of the same character, so JSON passing through a Writer
// keeps its meaning.
package safetext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// The SGR sequences roadmap's own renderers colour text with. A Writer
// that allows styles lets exactly these through and escapes every other
// escape sequence.
const (
	Reset         = "\x1b[0m"
	Bold          = "\x1b[1m"
	Red           = "\x1b[31m"
	Green         = "\x1b[32m"
	Yellow        = "\x1b[33m"
	BoldGreen     = "\x1b[32;1m"
	BoldUnderline = "\x1b[1;4m" // HCL's diagnostic printer underlines ranges with it
)

// styles lists the sequences above, for the Writer.
func styles() [7]string {
	return [...]string{Reset, Bold, Red, Green, Yellow, BoldGreen, BoldUnderline}
}

// Unsafe reports whether r must never reach a terminal or a log as it is:
// a C0 control other than tab and newline, DEL, a C1 control, a
// bidirectional embedding, override or isolate (the characters of
// "Trojan Source" attacks, which Go's vet also flags), or another
// invisible format character (Unicode category Cf: zero width space
// U+200B, word joiner and invisible operators U+2060..U+2064, byte order
// mark U+FEFF, soft hyphen, tag characters ...), which hides text or
// makes two strings look alike. Kept are the format characters written
// text needs to show right: the zero width non-joiner and joiner
// (U+200C, U+200D: Persian and Indic spelling, emoji sequences) and the
// direction marks (U+200E, U+200F, U+061C: right-to-left text), which
// reorder nothing beyond their own neighbours.
func Unsafe(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r < 0xad:
		return false
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r >= 0x200c && r <= 0x200f, r == 0x061c:
		return false
	case r >= 0x2010 && r < 0x202a, r >= 0x2070 && r < 0xfeff:
		// No format character in between (dashes, quotes, box drawing,
		// most scripts): spares a table search for each such rune.
		// TestUnsafeEveryRune checks this against unicode.Cf.
		return false
	}
	return unicode.Is(unicode.Cf, r)
}

// escapeRune is how an unsafe rune is shown: \u001b, \u202e; one
// beyond U+FFFF as its UTF-16 surrogate pair, \udb40\udc01, as JSON
// writes it.
func escapeRune(r rune) string {
	if r > 0xffff {
		hi, lo := utf16.EncodeRune(r)
		return fmt.Sprintf(`\u%04x\u%04x`, hi, lo)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// escapeByte is how a byte that is not UTF-8 is shown: \xff.
func escapeByte(b byte) string { return fmt.Sprintf(`\x%02x`, b) }

// Escape returns s with every unsafe rune written as \uXXXX and every
// byte that is not UTF-8 as \xNN. A CRLF becomes a newline; a carriage
// return on its own, which would move a terminal's cursor back over the
// line, is escaped. Text without such characters is returned as it is.
func Escape(s string) string {
	if !NeedsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(escapeByte(s[i]))
		case r == '\r' && i+1 < len(s) && s[i+1] == '\n':
			// CRLF from a file saved on Windows: keep the line break.
		case Unsafe(r):
			b.WriteString(escapeRune(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// NeedsEscape reports whether Escape would change s.
func NeedsEscape(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c != '\t' && c != '\n' && (c < 0x20 || c == 0x7f) {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || Unsafe(r) {
			return true
		}
		i += size
	}
	return false
}

// ScrubSource returns src with every unsafe rune and every byte that is
// not UTF-8 replaced by text of the same length in bytes ('?' for each
// byte, U+FFFD for a three-byte rune), so the byte offsets of source
// ranges still point at the same places: for printing snippets of a file
// whose bytes an attacker chose. Line breaks (\n, \r) are kept. src itself
// is returned when nothing needs replacing.
func ScrubSource(src []byte) []byte {
	var out []byte
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c == '\r' || !Unsafe(rune(c)) {
				i++
				continue
			}
			if out == nil {
				out = append([]byte(nil), src...)
			}
			out[i] = '?'
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if (r == utf8.RuneError && size == 1) || Unsafe(r) {
			if out == nil {
				out = append([]byte(nil), src...)
			}
			if size == 3 {
				copy(out[i:], "\uFFFD")
			} else {
				for k := range size {
					out[i+k] = '?'
				}
			}
		}
		i += size
	}
	if out == nil {
		return src
	}
	return out
}
