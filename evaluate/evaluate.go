// Package evaluate turns a decoded roadmap into a Plan: vendor evaluations,
// finance, gates, scoring, scheduling, optimisation, capacity and checks.
// It does no I/O and reads no clock; long searches honour ctx.
package evaluate

import (
	"context"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// Options tune an evaluation.
type Options struct {
	Optimize  bool          // also when cfg.Roadmap.Optimize is set
	Seed      int64         // for the optimiser
	TimeLimit time.Duration // optimiser budget; 0 means the default
	// Progress, when set, is called now and then by long optimiser runs with
	// the fraction done (0..1).
	Progress func(done float64)
}

// Evaluate builds the plan of cfg. Diagnostics report check evaluation
// errors and other problems that only show once the plan exists.
func Evaluate(ctx context.Context, cfg *hclspec.Config, opts Options) (*Plan, hcl.Diagnostics) {
	panic("TODO: implemented by the evaluation work")
}
