package report

import (
	"errors"
	"io"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

func renderTable(w io.Writer, p *evaluate.Plan, o Options) error {
	return errors.New("table output is not implemented yet")
}
