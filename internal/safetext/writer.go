package safetext

import (
	"bytes"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Writer passes a stream on with two guarantees, whatever was written to it:
//
//   - No terminal control reaches the stream: unsafe runes (see Unsafe) are
//     written as \uXXXX and bytes that are not UTF-8 as \xNN. Only when
//     styles are allowed do the exact SGR sequences of this package (Red,
//     Reset, ...) pass, so a terminal can still be coloured, but never
//     cleared, retitled, linked or given a clipboard.
//   - No line can run a GitHub Actions workflow command. The runner reads
//     a line as a command when it starts with "::" after white space, or
//     when it holds "##[" anywhere (the legacy form); and it breaks lines
//     at \n and at a lone \r. Such a line gets a backslash: `\::add-mask::`,
//     `##\[`. With annotations allowed, lines that start exactly with an
//     ::error, ::warning or ::notice command pass, for `--format github`,
//     whose renderer escapes the line breaks of the text it reports.
//
// A Writer keeps at most a few bytes (an unfinished UTF-8 rune or escape
// sequence, the start of a line it cannot judge yet) until the next Write
// or Flush, so a progress line or prompt still appears at once. It is
// safe for concurrent use.
type Writer struct {
	mu          sync.Mutex
	w           io.Writer
	styles      bool
	annotations bool

	pending []byte // input not yet judged: an unfinished rune, escape sequence or \r

	// The current line, for workflow commands.
	head    []byte // its beginning while undecided (white space, then ':' or an annotation's prefix)
	decided bool   // whether the line can still become a command
	hashes  int    // '#' characters just written
	out     bytes.Buffer

	noPlainLines bool // for tests: line without its fast path
}

// NewWriter returns a Writer that writes to w, with styles and annotations
// not allowed.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// AllowStyles lets roadmap's own colours through (a terminal with colour
// on) or not.
func (sw *Writer) AllowStyles(allow bool) {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	sw.styles = allow
}

// AllowAnnotations lets lines starting with an ::error, ::warning or
// ::notice command through, for output that is a list of annotations.
func (sw *Writer) AllowAnnotations(allow bool) {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	sw.annotations = allow
}

// annotationPrefixes are the workflow commands AllowAnnotations lets
// through, with properties or without.
func annotationPrefixes() [6]string {
	return [...]string{"::error ", "::error::", "::warning ", "::warning::", "::notice ", "::notice::"}
}

// Write cleans p and writes what can be judged so far. It reports len(p)
// unless the underlying writer fails.
func (sw *Writer) Write(p []byte) (int, error) {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	// A large write (a whole plan) goes on in pieces, so the cleaned copy
	// held at once stays small.
	for rest := p; len(rest) > 0; {
		in := rest[:min(len(rest), writePiece)]
		rest = rest[len(in):]
		if len(sw.pending) > 0 {
			in = append(sw.pending, in...)
			sw.pending = nil
		}
		sw.out.Grow(len(in)) // at least this long once cleaned: one allocation, not a doubling series
		sw.scan(in, false)
		if err := sw.emit(); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// writePiece is how many bytes of a Write are cleaned and passed on at a
// time.
const writePiece = 64 << 10

// Flush writes everything held back, as it would be at the end of the
// stream: an unfinished rune's bytes are escaped, an undecided line start
// is written as it is.
func (sw *Writer) Flush() error {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	in := sw.pending
	sw.pending = nil
	sw.scan(in, true)
	sw.text(sw.head)
	sw.head = sw.head[:0]
	return sw.emit()
}

func (sw *Writer) emit() error {
	if sw.out.Len() == 0 {
		return nil
	}
	_, err := sw.w.Write(sw.out.Bytes())
	sw.out.Reset()
	return err
}

// scan escapes terminal controls in in and hands the rest to line. Unless
// final, an incomplete rune, escape sequence or \r at the end is kept in
// sw.pending.
func (sw *Writer) scan(in []byte, final bool) {
	start := 0 // of the run of bytes passed as they are
	flush := func(i int) {
		sw.line(in[start:i])
	}
	for i := 0; i < len(in); {
		for i < len(in) && plainASCII(in[i]) {
			i++
		}
		if i == len(in) {
			break
		}
		c := in[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r':
				if i+1 == len(in) && !final {
					flush(i)
					sw.pending = append(sw.pending, in[i:]...)
					return
				}
				if i+1 < len(in) && in[i+1] == '\n' {
					i += 2 // CRLF: a line break
					continue
				}
				flush(i)
				sw.line([]byte(escapeRune('\r')))
				i++
				start = i
			case c == 0x1b && sw.styles:
				n, partial := matchStyle(in[i:])
				if partial && !final {
					flush(i)
					sw.pending = append(sw.pending, in[i:]...)
					return
				}
				if n > 0 {
					i += n
					continue
				}
				flush(i)
				sw.line([]byte(escapeRune(0x1b)))
				i++
				start = i
			case Unsafe(rune(c)):
				flush(i)
				sw.line([]byte(escapeRune(rune(c))))
				i++
				start = i
			default:
				i++
			}
			continue
		}
		r, size := utf8.DecodeRune(in[i:])
		if r == utf8.RuneError && size == 1 {
			if !utf8.FullRune(in[i:]) && !final {
				flush(i)
				sw.pending = append(sw.pending, in[i:]...)
				return
			}
			flush(i)
			sw.line([]byte(escapeByte(c)))
			i++
			start = i
			continue
		}
		if Unsafe(r) {
			flush(i)
			sw.line([]byte(escapeRune(r)))
			i += size
			start = i
			continue
		}
		i += size
	}
	flush(len(in))
}

// plainASCII reports whether scan passes c on without a look: printable
// ASCII, tab and newline.
func plainASCII(c byte) bool { return c-0x20 < 0x7f-0x20 || c == '\t' || c == '\n' }

// matchStyle reports the length of the allowed style at the start of b,
// or partial when b is cut short inside one.
func matchStyle(b []byte) (n int, partial bool) {
	for _, s := range styles() {
		if bytes.HasPrefix(b, []byte(s)) {
			return len(s), false
		}
		if len(b) < len(s) && strings.HasPrefix(s, string(b)) {
			partial = true
		}
	}
	return 0, partial
}

// line handles text free of terminal controls: it neutralises workflow
// commands and appends the result to sw.out.
func (sw *Writer) line(b []byte) {
	for len(b) > 0 {
		if !sw.annotations && (sw.decided || len(sw.head) == 0) && !sw.noPlainLines {
			b = b[sw.plainLines(b):]
			if len(b) == 0 {
				return
			}
		}
		if sw.decided {
			nl := bytes.IndexByte(b, '\n')
			if nl < 0 {
				sw.text(b)
				return
			}
			sw.text(b[:nl+1])
			b = b[nl+1:]
			sw.decided = false
			continue
		}
		// Undecided, with nothing but blanks so far: a first other
		// character that is plain ASCII and not ':' decides the line is
		// no command (what judgeHead would find a rune at a time).
		if !sw.annotations && len(leadingBlanks(sw.head)) == len(sw.head) {
			n := len(leadingBlanks(b))
			if n < len(b) && b[n] > ' ' && b[n] < utf8.RuneSelf && b[n] != ':' {
				sw.text(sw.head)
				sw.head = sw.head[:0]
				sw.decided = true
				continue
			}
		}
		// Undecided: gather the line's start rune by rune, but a run of
		// spaces and tabs after nothing else (indentation) at once: it
		// cannot decide the line either way.
		if n := len(leadingBlanks(b)); n > 0 && len(leadingBlanks(sw.head)) == len(sw.head) {
			sw.head = append(sw.head, b[:n]...)
			b = b[n:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 && !utf8.FullRune(b) {
			// Only complete runes reach here (scan holds the rest back),
			// except at Flush: pass the bytes on.
			sw.head = append(sw.head, b...)
			return
		}
		sw.head = append(sw.head, b[:size]...)
		b = b[size:]
		if r == '\n' {
			sw.text(sw.head)
			sw.head = sw.head[:0]
			continue
		}
		sw.judgeHead()
	}
}

// plainLines is line's work on the lines of b that are plainly no
// command, in one pass: it writes b up to the first line start it cannot
// judge at once (one starting with ':' or a rune that is not ASCII, or
// blanks up to the end of b) and returns how much of b it wrote. Called
// without annotations and while the current line is decided or nothing
// of it is held; the result is what the general path gives
// (TestWriterPlainLinesMatch). A plan is a few million short lines, and
// the general path's calls per line were most of its cost.
func (sw *Writer) plainLines(b []byte) int {
	seg, i := 0, 0 // b[seg:i] is to be written as it is
	for i < len(b) {
		if !sw.decided {
			j := i
			for j < len(b) && (b[j] == ' ' || b[j] == '\t') {
				j++
			}
			if j == len(b) {
				break
			}
			switch c := b[j]; {
			case c == '\n' && j == i: // an empty line
				i++
				sw.hashes = 0
				continue
			case c <= ' ' || c >= utf8.RuneSelf || c == ':':
				sw.out.Write(b[seg:i])
				return i
			}
			sw.decided = true
			if j > i {
				sw.hashes = 0
			}
			i = j
			continue
		}
		// The rest of a decided line, as text writes it.
		end := len(b)
		if nl := bytes.IndexByte(b[i:], '\n'); nl >= 0 {
			end = i + nl + 1
			sw.decided = false
		}
		for {
			k := bytes.IndexByte(b[i:end], '[')
			if k < 0 {
				sw.hashes = trailingHashes(b[i:end], sw.hashes)
				break
			}
			if trailingHashes(b[i:i+k], sw.hashes) >= 2 {
				sw.out.Write(b[seg : i+k])
				sw.out.WriteByte('\\')
				seg = i + k
			}
			sw.hashes = 0
			i += k + 1
		}
		i = end
	}
	sw.out.Write(b[seg:i])
	return i
}

// judgeHead decides, if it can, whether the line starting with sw.head is
// a workflow command, writing the head neutralised or as it is.
func (sw *Writer) judgeHead() {
	head := sw.head
	if sw.annotations {
		for _, p := range annotationPrefixes() {
			if bytes.HasPrefix(head, []byte(p)) {
				sw.decide(head)
				return
			}
			if strings.HasPrefix(p, string(head)) {
				return // may still become an annotation
			}
		}
	}
	rest := bytes.TrimLeftFunc(head[len(leadingBlanks(head)):], unicode.IsSpace)
	switch {
	case len(rest) == 0:
		return // white space so far
	case len(rest) == 1 && rest[0] == ':':
		return // "::" or not?
	case len(rest) >= 2 && rest[0] == ':' && rest[1] == ':':
		ws := head[:len(head)-len(rest)]
		neutral := make([]byte, 0, len(head)+1)
		neutral = append(neutral, ws...)
		neutral = append(neutral, '\\')
		neutral = append(neutral, rest...)
		sw.decide(neutral)
		return
	}
	sw.decide(head)
}

func (sw *Writer) decide(b []byte) {
	sw.text(b)
	sw.head = sw.head[:0]
	sw.decided = true
}

// leadingBlanks is the run of spaces and tabs b starts with.
func leadingBlanks(b []byte) []byte {
	n := 0
	for n < len(b) && (b[n] == ' ' || b[n] == '\t') {
		n++
	}
	return b[:n]
}

// text appends b to the output, breaking up "##[" (the runner's legacy
// command prefix, honoured anywhere in a line) as "##\[".
func (sw *Writer) text(b []byte) {
	for {
		i := bytes.IndexByte(b, '[')
		if i < 0 {
			sw.hashes = trailingHashes(b, sw.hashes)
			sw.out.Write(b)
			return
		}
		sw.out.Write(b[:i])
		if trailingHashes(b[:i], sw.hashes) >= 2 {
			sw.out.WriteByte('\\')
		}
		sw.out.WriteByte('[')
		sw.hashes = 0
		b = b[i+1:]
	}
}

// trailingHashes counts the '#' characters just written once b is: those
// ending b, plus before, the count before b, when b is all '#'.
func trailingHashes(b []byte, before int) int {
	n := 0
	for n < len(b) && b[len(b)-1-n] == '#' {
		n++
	}
	if n == len(b) {
		return before + n
	}
	return n
}
