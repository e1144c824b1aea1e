package report

import (
	"errors"
	"io"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

func renderJSON(w io.Writer, p *evaluate.Plan, o Options) error {
	return errors.New("json output is not implemented yet")
}
