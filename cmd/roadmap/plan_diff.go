package main

import (
	"errors"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// runPlanDiff handles --base and --compare: it builds the other side's plan,
// diffs it against current and renders the diff. It returns the exit status.
func runPlanDiff(g *globalOptions, s *Streams, o *planOptions, current *evaluate.Plan) (int, error) {
	return 1, errors.New("plan diffs are not implemented yet")
}
