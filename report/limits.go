package report

import (
	"fmt"
	"io"
)

// MaxPlanBytes bounds a saved plan that ReadPlan reads (show, --compare):
// a plan of 10,000 projects is a few tens of MiB, so anything larger is
// the wrong file, and reading it whole could exhaust memory.
const MaxPlanBytes = 256 << 20

// readAllLimited reads r to the end, failing once it passes max bytes.
func readAllLimited(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("it is larger than %d MiB, far more than a saved plan; is it the right file?", max>>20)
	}
	return data, nil
}
