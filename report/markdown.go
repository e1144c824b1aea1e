package report

import (
	"errors"
	"io"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

func renderMarkdown(w io.Writer, p *evaluate.Plan, o Options) error {
	return errors.New("markdown output is not implemented yet")
}
