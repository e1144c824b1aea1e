package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The run-rate section's note says what the figures count: both sides run
// from go-live to the end of the horizon, whatever benefit.years says
// (review qa15d D10). The docs said it; the table, Markdown and HTML did
// not.
func TestRunRateNoteSaysToTheHorizon(t *testing.T) {
	dir := filepath.Join("..", "..", "evaluate", "testdata", "run_rate")
	const want = "Both run to the end of the horizon: benefit.years bounds the NPV, not the run cost."
	for _, format := range []string{"table", "markdown", "html"} {
		t.Run(format, func(t *testing.T) {
			res := runCLI(t, "plan", "--format", format, dir)
			res.wantExit(t, 0)
			// The table wraps the note: compare with white space folded.
			got := strings.Join(strings.Fields(res.Stdout), " ")
			if !strings.Contains(got, want) {
				t.Errorf("the run-rate note does not say %q:\n%s", want, res.Stdout)
			}
		})
	}
}
