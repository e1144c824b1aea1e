package main

import (
	"fmt"
	"path/filepath"
	"testing"
)

// TestEveryFormatRendersTheEdgesOfTheDateRange: a plan starting on the
// first day a roadmap may name, or ending on the last, renders in every
// format (HTML and Mermaid used to fail, without a position, on the
// labels of year 0).
func TestEveryFormatRendersTheEdgesOfTheDateRange(t *testing.T) {
	for _, edge := range []struct{ start, period string }{
		{"1900-01-01", "week"}, {"1900", "month"}, {"9999-W47", "week"}, {"9999-Q4", "quarter"}, {"9999", "year"},
	} {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{"main.hcl": fmt.Sprintf(`roadmap {
  start   = %q
  period  = %q
  horizon = 1
}

team "t" {
  capacity = 1
}

project "p" {
  duration  = 1
  effort    = { t = 1 }
  mandatory = true
}
`, edge.start, edge.period)})
		for _, format := range []string{"table", "json", "markdown", "html", "mermaid", "csv"} {
			res := runCLI(t, "plan", "--format", format, dir)
			if res.Code != 0 || res.Stdout == "" {
				t.Errorf("%s %s, --format %s: exit %d\n%s", edge.start, edge.period, format, res.Code, res.Stderr)
			}
		}
		runCLI(t, "graph", "--format", "mermaid", filepath.Clean(dir)).wantExit(t, 0)
	}
}
