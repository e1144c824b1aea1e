package report

import (
	"bytes"
	"testing"
)

// TestRenderPlanGolden renders every fixture plan in every format this
// package owns, with and without colour where it matters.
func TestRenderPlanGolden(t *testing.T) {
	cases := []struct {
		format string
		ext    string
		opts   Options
		suffix string
	}{
		{"table", "txt", Options{}, ""},
		{"table", "txt", Options{Color: true}, ".color"},
		{"table", "txt", Options{Width: 80}, ".w80"},
		{"json", "json", Options{}, ""},
		{"markdown", "md", Options{}, ""},
	}
	for _, name := range fixturePlans {
		for _, c := range cases {
			t.Run(name+"/"+c.format+c.suffix, func(t *testing.T) {
				p := loadFixture(t, name)
				var buf bytes.Buffer
				if err := RenderPlan(&buf, p, c.format, c.opts); err != nil {
					t.Fatal(err)
				}
				assertGolden(t, name+c.suffix+"."+c.ext, buf.Bytes())
			})
		}
	}
}
