package safetext

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestEscape(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Move sales to a hosted CRM", "Move sales to a hosted CRM"},
		{"tab and newline kept", "a\tb\nc", "a\tb\nc"},
		{"unicode kept", "Zürich – 東京 🚀", "Zürich – 東京 🚀"},
		{"clear screen", "\x1b[2J\x1b[H", `\u001b[2J\u001b[H`},
		{"window title", "\x1b]0;pwned\x07", `\u001b]0;pwned\u0007`},
		{"OSC 8 link", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", `\u001b]8;;https://evil.example\u001b\click\u001b]8;;\u001b\`},
		{"OSC 52 clipboard", "\x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07", `\u001b]52;c;Y3VybCBldmlsIHwgc2g=\u0007`},
		{"C1 CSI", "a\u009b2Jb", `a\u009b2Jb`},
		{"NEL and DEL", "a\u0085b\x7f", `a\u0085b\u007f`},
		{"bidi override", "admin\u202e\u2066txt.exe", `admin\u202e\u2066txt.exe`},
		{"CRLF becomes LF", "a\r\nb", "a\nb"},
		{"lone CR escaped", "safe\rEVIL", `safe\u000dEVIL`},
		{"NUL and backspace", "a\x00b\bc", `a\u0000b\u0008c`},
		{"invalid UTF-8", "a\xffb\xc3", `a\xffb\xc3`},
		{"marks kept", "\u200f\u200eשלום\u061c", "\u200f\u200eשלום\u061c"},
		{"joiners kept", "می\u200cخواهم 👩\u200d💻", "می\u200cخواهم 👩\u200d💻"},
		{"zero width space", "zero\u200bwidth", `zero\u200bwidth`},
		{"invisible format characters", "a\u2060b\u2061c\u2064d\ufeffe\u00adf\u180eg\u206ah\ufff9i", `a\u2060b\u2061c\u2064d\ufeffe\u00adf\u180eg\u206ah\ufff9i`},
		{"tag characters as surrogate pairs", "flag\U000e0001\U000e0061", `flag\udb40\udc01\udb40\udc61`},
		{"visible neighbours kept", "\u00ac\u00ae\u2010\u2070", "\u00ac\u00ae\u2010\u2070"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := NeedsEscape(tt.in); got != (tt.in != tt.want) {
				t.Errorf("NeedsEscape(%q) = %v", tt.in, got)
			}
		})
	}
}

// TestUnsafeEveryRune checks Unsafe against its definition, for every
// code point: the shortcuts it takes must not let a format character of
// Go's Unicode tables through.
func TestUnsafeEveryRune(t *testing.T) {
	kept := func(r rune) bool { // format characters written text needs
		return r == 0x200c || r == 0x200d || r == 0x200e || r == 0x200f || r == 0x061c
	}
	bidi := func(r rune) bool { return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 }
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		want := r != '\t' && r != '\n' &&
			(r < 0x20 || r >= 0x7f && r <= 0x9f || bidi(r) || unicode.Is(unicode.Cf, r) && !kept(r))
		if got := Unsafe(r); got != want {
			t.Errorf("Unsafe(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestScrubSourceKeepsLength(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "title = \"x\"\n", "title = \"x\"\n"},
		{"escape sequence", "title = \"\x1b]0;x\x07\"\r\n", "title = \"?]0;x?\"\r\n"},
		{"C1", "a\u009bb", "a??b"},
		{"bidi", "a\u202eb", "a\uFFFDb"},
		{"zero width space", "a\u200bb", "a\uFFFDb"},
		{"soft hyphen", "a\u00adb", "a??b"},
		{"tag character", "a\U000e0001b", "a????b"},
		{"invalid bytes", "a\xff\xfeb", "a??b"},
		{"cut rune", "a\xe2\x80", "a??"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(ScrubSource([]byte(tt.in)))
			if got != tt.want {
				t.Errorf("ScrubSource(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if len(got) != len(tt.in) {
				t.Errorf("length %d, want %d", len(got), len(tt.in))
			}
		})
	}
	src := []byte("clean\n")
	if got := ScrubSource(src); &got[0] != &src[0] {
		t.Error("clean source was copied")
	}
}

func TestWriter(t *testing.T) {
	tests := []struct {
		name        string
		in, want    string
		styles      bool
		annotations bool
	}{
		{name: "plain", in: "Roadmap: IT 2027\n  Period  2027-Q1\n", want: "Roadmap: IT 2027\n  Period  2027-Q1\n"},
		{name: "command at line start", in: "::add-mask::secret\n", want: `\::add-mask::secret` + "\n"},
		{name: "command after white space", in: "ok\n \t ::stop-commands::tok\n", want: "ok\n \t \\::stop-commands::tok\n"},
		{name: "command after mixed white space", in: "  \t\u00a0 \t::error::x\n  #\n", want: "  \t\u00a0 \t\\::error::x\n  #\n"},
		{name: "command after unicode space", in: "\u00a0\u3000::error::x\n", want: "\u00a0\u3000\\::error::x\n"},
		{name: "command on last line without newline", in: "a\n::warning::x", want: "a\n\\::warning::x"},
		{name: "colons inside a line", in: "a ::error::x\n", want: "a ::error::x\n"},
		{name: "single colon", in: ":x\n:\n", want: ":x\n:\n"},
		{name: "legacy prefix anywhere", in: "title ##[set-output name=x]y\n", want: "title ##\\[set-output name=x]y\n"},
		{name: "legacy prefix with more hashes", in: "###[x]\n", want: "###\\[x]\n"},
		{name: "single hash", in: "#[x] ## [y]\n", want: "#[x] ## [y]\n"},
		{name: "lone CR would start a line", in: "ok\r::add-mask::x\n", want: `ok\u000d::add-mask::x` + "\n"},
		{name: "CRLF is a line break", in: "a\r\n::x::y\r\n", want: "a\r\n\\::x::y\r\n"},
		{name: "escape sequences", in: "\x1b[2J\x1b]0;t\x07\u009b\u202e\n", want: `\u001b[2J\u001b]0;t\u0007\u009b\u202e` + "\n"},
		{name: "colour escaped without styles", in: Red + "x" + Reset, want: `\u001b[31mx\u001b[0m`},
		{name: "colour kept with styles", in: Red + "x" + Reset + BoldUnderline + "y" + Reset, want: Red + "x" + Reset + BoldUnderline + "y" + Reset, styles: true},
		{name: "other sequences escaped with styles", in: "\x1b[2J\x1b[8m\x1b[31;1m", want: `\u001b[2J\u001b[8m\u001b[31;1m`, styles: true},
		{name: "escaped control cannot hide a command", in: "\x0b::add-mask::x\n", want: `\u000b::add-mask::x` + "\n"},
		{name: "invalid UTF-8", in: "a\xffb\n", want: `a\xffb` + "\n"},
		{name: "annotations pass", in: "::error file=a.hcl,line=1::msg\n::warning title=x::y\n::notice::z\n", want: "::error file=a.hcl,line=1::msg\n::warning title=x::y\n::notice::z\n", annotations: true},
		{name: "annotation mode still stops other commands", in: "::add-mask::x\n ::error ::y\n::errors::z\n", want: "\\::add-mask::x\n \\::error ::y\n\\::errors::z\n", annotations: true},
		{name: "annotation data keeps legacy prefix neutral", in: "::error::##[stop-commands]t\n", want: "::error::##\\[stop-commands]t\n", annotations: true},
		{name: "JSON stays JSON", in: "{\n  \"title\": \"a\u202eb\u0085\u007f\"\n}\n", want: "{\n  \"title\": \"a\\u202eb\\u0085\\u007f\"\n}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := writeChunks(t, []byte(tt.in), len(tt.in)+1, tt.styles, tt.annotations)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
			// The same bytes written in pieces of any size give the same output.
			for size := 1; size < 9; size++ {
				if piecewise := writeChunks(t, []byte(tt.in), size, tt.styles, tt.annotations); piecewise != got {
					t.Errorf("written %d bytes at a time: %q, want %q", size, piecewise, got)
				}
			}
		})
	}
}

// TestWriterLargeWrite: a write larger than the pieces a Writer cleans at
// a time gives what small writes give, with runes, escape sequences,
// commands and "##[" cut at every place by the pieces' edges.
func TestWriterLargeWrite(t *testing.T) {
	var in []byte
	for i := 0; len(in) < 3*writePiece+100; i++ {
		in = append(in, strings.Repeat(" ", i%13)...)
		switch i % 7 {
		case 0:
			in = append(in, "::add-mask::x"...)
		case 1:
			in = append(in, "a ##[b]\u00e9\u202e"...)
		case 2:
			in = append(in, "\x1b[31mred\x1b[0m\r\n"...)
		case 3:
			in = append(in, "\u3000::warning::w #"...)
		default:
			in = append(in, `"title": "R&D \u2014 \u4e2d\u6587",`...)
		}
		in = append(in, strings.Repeat("#", i%3)...)
		in = append(in, '\n')
	}
	for _, styles := range []bool{false, true} {
		whole := writeChunks(t, in, len(in), styles, false)
		if small := writeChunks(t, in, 997, styles, false); whole != small {
			t.Errorf("styles %v: one large write differs from writes of 997 bytes", styles)
		}
	}
}

// writeChunks writes in to a new Writer size bytes at a time, then flushes.
func writeChunks(t *testing.T, in []byte, size int, styles, annotations bool) string {
	t.Helper()
	var out bytes.Buffer
	w := NewWriter(&out)
	w.AllowStyles(styles)
	w.AllowAnnotations(annotations)
	for len(in) > 0 {
		n := min(size, len(in))
		if got, err := w.Write(in[:n]); err != nil || got != n {
			t.Fatalf("Write = %d, %v; want %d, nil", got, err, n)
		}
		in = in[n:]
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestWriterShowsTextAtOnce checks a Writer holds back only what it must:
// a prompt or a progress line without a newline is written by Write.
func TestWriterShowsTextAtOnce(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out)
	if _, err := w.Write([]byte("Loading... 50%")); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "Loading... 50%" {
		t.Errorf("after Write: %q", got)
	}
	if _, err := w.Write([]byte("\n ")); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "Loading... 50%\n" {
		t.Errorf("the start of a line is held until it can be judged, got %q", got)
	}
	if _, err := w.Write([]byte("x")); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "Loading... 50%\n x" {
		t.Errorf("after the line is judged: %q", got)
	}
}

// FuzzWriter checks, for any input and any way of cutting it into writes,
// that the output holds no unsafe rune, no escape character, no line a
// runner would read as a workflow command and no invalid UTF-8, and that
// output free of all these is unchanged.
func FuzzWriter(f *testing.F) {
	for _, s := range []string{"::add-mask::x\n", "a\r::b::c", "\x1b]8;;x\x07", "##[x]", " \u3000::y::", "ok\n", "\x1b[31mred\x1b[0m"} {
		f.Add([]byte(s), uint8(3), false)
	}
	f.Fuzz(func(t *testing.T, in []byte, size uint8, allowStyles bool) {
		got := writeChunks(t, in, int(size%16)+1, allowStyles, false)
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 in %q", got)
		}
		plain := got
		if allowStyles {
			for _, s := range styles() {
				plain = strings.ReplaceAll(plain, s, "")
			}
		}
		for _, r := range plain {
			if Unsafe(r) && r != '\r' {
				t.Fatalf("unsafe rune %U in %q", r, got)
			}
		}
		for _, line := range runnerLines(got) {
			if strings.HasPrefix(strings.TrimLeftFunc(line, isDotNetSpace), "::") || strings.Contains(line, "##[") {
				t.Fatalf("line %q is a workflow command (output %q)", line, got)
			}
		}
		if !allowStyles && string(in) == got != isClean(in) {
			t.Fatalf("clean input changed or dirty input kept: %q -> %q", in, got)
		}
	})
}

// runnerLines splits s as the Actions runner reads a step's output: at \n,
// \r\n and a lone \r.
func runnerLines(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
}

// isDotNetSpace is .NET's char.IsWhiteSpace, which String.TrimStart uses.
func isDotNetSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// isClean reports whether a Writer without styles must leave in as it is.
func isClean(in []byte) bool {
	s := string(in)
	if !utf8.ValidString(s) || strings.Contains(s, "##[") {
		return false
	}
	for i, r := range s {
		if r == '\r' && strings.HasPrefix(s[i:], "\r\n") {
			continue
		}
		if Unsafe(r) {
			return false
		}
	}
	for _, line := range runnerLines(s) {
		if strings.HasPrefix(strings.TrimLeftFunc(line, isDotNetSpace), "::") {
			return false
		}
	}
	return true
}

// TestWriterPlainLinesMatch wants the same output from a Writer with
// plainLines and without it (the general path alone), for random text
// made of what decides lines and "##[" cut into random writes.
func TestWriterPlainLinesMatch(t *testing.T) {
	parts := []string{" ", "  ", "\t", ":", "::", "::error::", "#", "##", "[", "\n", "\r\n", "\r", "a", "{", "\"x\": 1,", "\u00a0", "\u3000", "\u00e9", "\u202e", "\x1b[31m", "\x1b[0m", "\xff", "\x00"}
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 3000 {
		var in []byte
		for range r.IntN(40) {
			in = append(in, parts[r.IntN(len(parts))]...)
		}
		size := 1 + r.IntN(len(in)+1)
		styles, annotations := n%3 == 1, n%5 == 4
		write := func(slow bool) string {
			var out bytes.Buffer
			w := NewWriter(&out)
			w.noPlainLines = slow
			w.AllowStyles(styles)
			w.AllowAnnotations(annotations)
			for rest := in; len(rest) > 0; {
				k := min(size, len(rest))
				if _, err := w.Write(rest[:k]); err != nil {
					t.Fatal(err)
				}
				rest = rest[k:]
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			return out.String()
		}
		if want, got := write(true), write(false); got != want {
			t.Fatalf("%q in writes of %d (styles %v, annotations %v): got %q, want %q", in, size, styles, annotations, got, want)
		}
	}
}
