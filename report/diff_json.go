package report

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/roadmap-as-code/roadmap/evaluate/diff"
)

// renderDiffJSON writes the diff in its JSON format (format_version "1",
// documented in docs/ci.md).
func renderDiffJSON(w io.Writer, d *diff.PlanDiff, o Options) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return err
	}
	_, err := w.Write(escapeJSONText(buf.Bytes()))
	return err
}
