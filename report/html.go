package report

import (
	"errors"
	"io"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

func renderHTML(w io.Writer, p *evaluate.Plan, o Options) error {
	return errors.New("html output is not implemented yet")
}
