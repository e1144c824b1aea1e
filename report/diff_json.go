package report

import (
	"encoding/json"
	"io"

	"github.com/roadmap-as-code/roadmap/evaluate/diff"
)

// renderDiffJSON writes the diff in its JSON format (format_version "1",
// documented in docs/ci.md).
func renderDiffJSON(w io.Writer, d *diff.PlanDiff, o Options) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}
