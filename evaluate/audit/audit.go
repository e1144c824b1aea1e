// Package audit is the technology audit: for each system of the installed
// base (system blocks), its end of support, the project that replaces it
// and when that goes live in the evaluated plan, and the gap between them.
// It reads the same plan roadmap plan prints (evaluate.Evaluate's), never
// a schedule of its own.
package audit

import (
	"context"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// CheckID is the built-in check policy { replace_before_end_of_support =
// true } adds: it fails, as an error, when a system has a gap.
const CheckID = evaluate.ReplaceBeforeEndOfSupportCheck

// Report is the audit of one roadmap: the plan it was read from, with its
// Systems filled, and totals over the systems.
type Report struct {
	Plan    *evaluate.Plan
	Systems []evaluate.SystemAudit
	// Gaps counts the systems with a gap; RunCostPerYear sums every
	// system's run cost, Retired the run cost per year of the systems a
	// scheduled project replaces (also when it goes live after the
	// horizon).
	Gaps           int
	RunCostPerYear float64
	Retired        float64
	// Check is the policy's result when the roadmap sets it, else nil.
	Check *evaluate.CheckResult
}

// Run evaluates cfg and audits the plan.
func Run(ctx context.Context, cfg *hclspec.Config, opts evaluate.Options) (*Report, hcl.Diagnostics) {
	plan, diags := evaluate.Evaluate(ctx, cfg, opts)
	if diags.HasErrors() || plan == nil {
		return nil, diags
	}
	return Apply(plan), diags
}

// Apply summarises the audit of plan. Every evaluation fills plan.Systems
// and, when the roadmap sets policy { replace_before_end_of_support = true
// }, adds the policy's check, so plan, simulate, compare and frontier judge
// the same gaps.
func Apply(plan *evaluate.Plan) *Report {
	r := &Report{Plan: plan, Systems: plan.Systems}
	for _, s := range r.Systems {
		r.RunCostPerYear += s.RunCostPerYear
		if s.Gap != evaluate.GapNone {
			r.Gaps++
		}
		if s.Replacement != nil {
			r.Retired += s.RunCostPerYear
		}
	}
	for k := range plan.Checks {
		if plan.Checks[k].ID == CheckID {
			r.Check = &plan.Checks[k]
		}
	}
	return r
}
