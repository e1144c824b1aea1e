package evaluate

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Done and cancelled projects show the money that actually flows in the
// cost-benefit figures (review qa17 U9): a cancelled one its spend to
// date and nothing more, a done one its actual spend in place of its
// build estimate, its risks behind it. Quarters, no discounting; the
// estimate: one_time 30,000 + 1 FTE x 10,000 = 40,000 of build, run
// 4,000 a year and benefit 20,000 a year for one year.
func TestHistoryRowsShowActualSpend(t *testing.T) {
	type figures struct {
		Cost, Benefit, NPV, RiskAdjustedNPV float64
		ROI                                 *float64
		Flows                               []float64
	}
	ratioOf := func(x float64) *float64 { return &x }
	for _, tt := range []struct {
		name, status, progress string
		want                   figures
	}{
		{"cancelled", `status = "cancelled"`, `progress {
    spent = 18000
  }`, figures{18000, 0, -18000, -18000, ratioOf(-1), []float64{-18000, 0, 0, 0, 0}}},
		{"cancelled, nothing recorded", `status = "cancelled"`, "",
			figures{0, 0, 0, 0, nil, []float64{0, 0, 0, 0, 0}}},
		// 36,000 spent where 40,000 was estimated: cost 36,000 + 4,000 of
		// run; NPV -36,000 + 4 x (5,000 - 1,000).
		{"done", `status = "done"
  finished = "2027-Q1"`, `progress {
    spent = 36000
  }`, figures{40000, 20000, -20000, -20000, ratioOf(-0.5), []float64{-36000, 4000, 4000, 4000, 4000}}},
		// No actual recorded: the estimate, but no risk left (the
		// estimate's risk-adjusted NPV is -40,000 + 0.7 x 16,000).
		{"done, no actual", `status = "done"
  finished = "2027-Q1"`, "",
			figures{44000, 20000, -24000, -24000, ratioOf(-0.545455), []float64{-40000, 4000, 4000, 4000, 4000}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			plan := livingPlan(t, livingHeader+`
project "x" {
  duration = 1
  effort   = { platform = 1 }
  started  = "2027-Q1"
  `+tt.status+`
  `+tt.progress+`
  cost {
    one_time = 30000
    per_year = 4000
  }
  benefit {
    per_year = 20000
    years    = 1
  }
  risk {
    failure = 0.3
  }
}
`)
			x := projectOf(t, plan, "x")
			got := figures{x.Cost, x.Benefit, x.NPV, x.RiskAdjustedNPV, x.ROI, x.CashFlows}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("figures (-want +got):\n%s", diff)
			}
			if plan.Totals.Cost != 0 || plan.Totals.NPV != 0 {
				t.Errorf("totals cost %v, NPV %v; want 0: history counts in no total", plan.Totals.Cost, plan.Totals.NPV)
			}
		})
	}
}
