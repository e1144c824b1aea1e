package evaluate

import (
	"strings"
	"testing"
)

// Work in progress whose forecast runs past the horizon (a late project
// near the end of the plan) is scheduled with a lifecycle warning; the
// capacity plan holds the horizon's periods only. It used to index the
// periods past the horizon and panic.
//
//	portal started 2027-Q1, status date 2027-Q3, 10 quarters remain:
//	2027-Q3..2029-Q4, end_period 2 + 10 = 12, past the 8-quarter horizon.
func TestWorkInProgressPastTheHorizon(t *testing.T) {
	src := livingHeader + strings.Replace(strings.Replace(portalInProgress, "SPENT", "120000", 1),
		"percent_complete = 0.4", "percent_complete = 0.4\n    remaining_duration = 10", 1)
	plan := livingPlan(t, src)
	p := projectOf(t, plan, "portal")
	if p.Status != StatusScheduled || p.EndPeriod == nil || *p.EndPeriod != 12 || *p.End != "2029-Q4" {
		t.Fatalf("portal %s, end %v %v; want scheduled to 2029-Q4 (end_period 12)", p.Status, p.EndPeriod, p.End)
	}
	warned := false
	for _, f := range p.Findings {
		warned = warned || (f.Gate == GateLifecycle && strings.Contains(f.Message, "past the horizon, to 2029-Q4"))
	}
	if !warned {
		t.Errorf("no lifecycle warning about the horizon: %+v", p.Findings)
	}
	if len(plan.Periods) != 8 {
		t.Fatalf("%d periods, want the horizon's 8", len(plan.Periods))
	}
	for _, pe := range plan.Periods[2:] {
		if got := pe.Teams["platform"].Used; got != 2 {
			t.Errorf("%s: platform used %v, want 2 (portal runs to the end of the horizon)", pe.Label, got)
		}
	}
	if plan.Totals.FinishPeriod != 12 {
		t.Errorf("finish_period %d, want 12", plan.Totals.FinishPeriod)
	}
}
