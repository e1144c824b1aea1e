package hclspec

import (
	"fmt"
	"strings"
	"testing"
)

func TestCheckLoneCR(t *testing.T) {
	cases := []struct {
		src  string
		at   string // "line:col" of the first lone CR, "" when there is none
		more string // what the detail says of the others
	}{
		{src: "a = 1\nb = 2\n"},
		{src: "a = 1\r\nb = 2\r\n"},
		{src: "a = 1\rb = 2\r", at: "1:6", more: "(and 1 more)"},
		{src: "a = 1\r\r\nb = 2\r\n", at: "1:6"},
		{src: "a = 1\r\n# é\r", at: "2:4"},
		{src: "a = \"x\ry\"\n", at: "1:7"},
	}
	for _, c := range cases {
		d := checkLoneCR([]byte(c.src), "f.hcl")
		if d == nil {
			if c.at != "" {
				t.Errorf("checkLoneCR(%q) = nil, want a diagnostic at %s", c.src, c.at)
			}
			continue
		}
		if got := fmt.Sprintf("%d:%d", d.Subject.Start.Line, d.Subject.Start.Column); got != c.at {
			t.Errorf("checkLoneCR(%q) at %s, want %s", c.src, got, c.at)
		}
		if c.src[d.Subject.Start.Byte] != '\r' {
			t.Errorf("%q: subject byte %d is not the CR", c.src, d.Subject.Start.Byte)
		}
		if strings.Contains(d.Detail, "more)") != (c.more != "") || !strings.Contains(d.Detail, c.more) {
			t.Errorf("%q: detail %q, want %q", c.src, d.Detail, c.more)
		}
	}
}
