package report

import (
	"errors"
	"io"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

func renderMermaid(w io.Writer, p *evaluate.Plan, o Options) error {
	return errors.New("mermaid output is not implemented yet")
}
