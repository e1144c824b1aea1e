package hclspec

import (
	"strings"
	"testing"
)

func TestCountTokens(t *testing.T) {
	tests := []struct {
		src  string
		want int
	}{
		{"", 0},
		{"  \t\r", 0},
		{"a", 1},
		{"x = 1", 3},
		{"x = var.v\n", 6},
		{`t = "a, b"`, 7},              // quotes and their content count as prose
		{"# a comment\n", 4},           // so do comments: nothing hides tokens
		{"n = 1.5e3", 5},               // 1 . 5e3
		{"zürich_2 = []", 4},           // a non-ASCII letter joins the name
		{"p = [\n  a,\n  b,\n]\n", 12}, // line breaks count
		{"x = <<EOT\n${a}${a}\nEOT\n", 17},
	}
	for _, tt := range tests {
		n, over := countTokens([]byte(tt.src), 1000)
		if n != tt.want || over != -1 {
			t.Errorf("countTokens(%q) = %d, %d; want %d, -1", tt.src, n, over, tt.want)
		}
		if tt.want > 0 {
			// At the limit it passes; one token less and the last token
			// is the one past it.
			if _, over := countTokens([]byte(tt.src), tt.want); over != -1 {
				t.Errorf("countTokens(%q, %d) over at %d", tt.src, tt.want, over)
			}
			if _, over := countTokens([]byte(tt.src), tt.want-1); over < 0 {
				t.Errorf("countTokens(%q, %d) not over", tt.src, tt.want-1)
			}
		}
	}
}

// A roadmap with more than MaxTokens tokens, in one file or in its files
// together, is refused before it is parsed, at the token past the limit
// (review qa15g F5: a 16.8 MB list of "var.v" took 57 s and 2.8 GB before
// the value limit refused it).
func TestTooManyTokens(t *testing.T) {
	const head = "roadmap {\n  name    = \"x\"\n  start   = \"2027-Q1\"\n  horizon = 4\n}\n" // 19 tokens
	headTokens, _ := countTokens([]byte(head), MaxTokens)
	// list is a locals block with a list of n numbers: 2n tokens and
	// 10 around them, on line 2 of its file.
	list := func(n int) string {
		return "locals {\n  x = [" + strings.Repeat("1,", n) + "]\n}\n"
	}
	half := MaxTokens/4 + 1 // 2 x half tokens: a little over half the limit
	tests := []struct {
		name     string
		files    map[string]string
		wantFile string
		wantLine int
		wantCol  int
	}{
		{"one file", map[string]string{"main.hcl": head + list(MaxTokens/2)}, "main.hcl", 7,
			// head, then "locals", "{", line break, "x", "=", "[" and
			// MaxTokens-headTokens-6 tokens of the list: the next one is
			// past the limit.
			len("  x = [") + (MaxTokens - headTokens - 6) + 1},
		{"two files together", map[string]string{"a.hcl": head + list(half), "b.hcl": list(half)}, "b.hcl", 2,
			len("  x = [") + (MaxTokens - headTokens - (2*half + 10) - 6) + 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sources := map[string][]byte{}
			for name, src := range tt.files {
				sources[name] = []byte(src)
			}
			_, diags := NewLoader().LoadSources("dir", sources, LoadOptions{})
			if len(diags) != 1 || diags[0].Summary != "Too many tokens" {
				t.Fatalf("diagnostics %v", diags)
			}
			d := diags[0]
			s := d.Subject
			if s == nil || s.Filename != tt.wantFile || s.Start.Line != tt.wantLine || s.Start.Column != tt.wantCol || s.End.Byte != s.Start.Byte+1 {
				t.Errorf("at %+v, want %s line %d column %d", s, tt.wantFile, tt.wantLine, tt.wantCol)
			}
			if !strings.Contains(d.Detail, "The .hcl files of dir hold more than 2000000 tokens") {
				t.Errorf("detail %q", d.Detail)
			}
		})
	}
	// A file alone (fmt, --var-file) is bounded too.
	src := []byte(head + list(MaxTokens/2))
	if _, diags := ParseConfigWithinLimits(src, "main.hcl"); len(diags) != 1 || diags[0].Summary != "Too many tokens" || !strings.Contains(diags[0].Detail, "This file holds") {
		t.Errorf("ParseConfigWithinLimits: %v", diags)
	}
}
