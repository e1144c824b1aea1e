package evaluate

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// livingPlan evaluates a one-file roadmap given as HCL.
func livingPlan(t *testing.T, src string) *Plan {
	t.Helper()
	cfg, diags := hclspec.NewLoader().LoadSources("living", map[string][]byte{"main.hcl": []byte(src)}, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatalf("load: %v", diags)
	}
	plan, diags := Evaluate(context.Background(), cfg, Options{})
	if plan == nil || diags.HasErrors() {
		t.Fatalf("evaluate: %v", diags)
	}
	return plan
}

func projectOf(t *testing.T, plan *Plan, id string) ProjectPlan {
	t.Helper()
	for _, p := range plan.Projects {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("no project %q in the plan", id)
	return ProjectPlan{}
}

const livingHeader = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-Q3"
}

team "platform" {
  capacity     = 4
  cost_per_fte = 10000
}
`

// portal started in 2027-Q1; at the status date 2027-Q3 two quarters
// have elapsed and it is 40% complete.
const portalInProgress = `
project "portal" {
  duration = 4
  effort   = { platform = 2 }
  status   = "in_progress"
  started  = "2027-Q1"
  cost {
    one_time = 100000
  }
  benefit {
    per_year = 200000
  }
  progress {
    spent            = SPENT
    percent_complete = 0.4
  }
}
`

// The figures of work in progress, worked by hand:
//
//	pace: 2 quarters for 40% -> 2 / 0.4 = 5 quarters in all, 3 remain:
//	  2027-Q3..2028-Q1; the plan of record ended 2027-Q4: slip +1.
//	to complete (ETC): one-time 100,000 x (1 - 0.4) = 60,000, plus
//	  2 FTE x 10,000 x 3 quarters = 60,000: 120,000.
//	actual (AC) 120,000; at completion (EAC) = 120,000 + 120,000 = 240,000.
//	original (BAC): 100,000 + 2 x 10,000 x 4 = 180,000; VAC = -60,000.
//	forward-looking NPV (0% discount): benefit 200,000 a year for 5 years
//	  = 1,000,000 - ETC 120,000 = 880,000; the 120,000 spent is sunk.
func TestWorkInProgressFigures(t *testing.T) {
	plan := livingPlan(t, livingHeader+strings.Replace(portalInProgress, "SPENT", "120000", 1))
	p := projectOf(t, plan, "portal")
	pc := 0.4
	planned, forecast := "2027-Q4", "2028-Q1"
	want := &ProgressPlan{ActualCost: 120000, PercentComplete: &pc, EstimateToComplete: 120000, EstimateAtCompletion: 240000,
		BudgetAtCompletion: 180000, VarianceAtCompletion: -60000, RemainingDuration: 3, PlannedEnd: &planned, ForecastEnd: &forecast, SlipPeriods: 1}
	if diff := cmp.Diff(want, p.Progress); diff != "" {
		t.Errorf("progress (-want +got):\n%s", diff)
	}
	if p.Status != StatusScheduled || p.Lifecycle != "in_progress" || *p.Start != "2027-Q1" || *p.End != "2028-Q1" {
		t.Errorf("portal %s/%s %v..%v, want scheduled in_progress 2027-Q1..2028-Q1", p.Status, p.Lifecycle, *p.Start, *p.End)
	}
	if p.NPV != 880000 || p.Cost != 120000 {
		t.Errorf("forward-looking NPV %v, cost %v; want 880,000 and 120,000", p.NPV, p.Cost)
	}
	if tot := plan.Totals; tot.InProgress != 1 || tot.ActualCost != 120000 || tot.EstimateToComplete != 120000 {
		t.Errorf("totals in_progress %d, actual %v, ETC %v", tot.InProgress, tot.ActualCost, tot.EstimateToComplete)
	}
}

// What a project has spent is sunk: spending more to date changes its
// actuals and its variance, never its forward-looking figures, its
// score, its rank or its place.
func TestSunkCostDecidesNothing(t *testing.T) {
	rival := `
project "rival" {
  duration = 2
  effort   = { platform = 2 }
  benefit {
    per_year = 150000
  }
}
`
	low := livingPlan(t, livingHeader+strings.Replace(portalInProgress, "SPENT", "10000", 1)+rival)
	high := livingPlan(t, livingHeader+strings.Replace(portalInProgress, "SPENT", "5000000", 1)+rival)
	for _, id := range []string{"portal", "rival"} {
		a, b := projectOf(t, low, id), projectOf(t, high, id)
		if a.NPV != b.NPV || a.RiskAdjustedNPV != b.RiskAdjustedNPV || a.Score != b.Score || a.Rank != b.Rank || *a.StartPeriod != *b.StartPeriod {
			t.Errorf("%s moved with the sunk cost: npv %v/%v score %v/%v rank %d/%d start %d/%d", id,
				a.NPV, b.NPV, a.Score, b.Score, a.Rank, b.Rank, *a.StartPeriod, *b.StartPeriod)
		}
	}
	a, b := projectOf(t, low, "portal").Progress, projectOf(t, high, "portal").Progress
	if a.EstimateToComplete != b.EstimateToComplete || b.EstimateAtCompletion != 5000000+120000 || b.VarianceAtCompletion != 180000-5120000 {
		t.Errorf("actuals: low %+v, high %+v", a, b)
	}
}

// A cancelled project releases its team: the project behind it starts at
// the status date, where it waits for the same work still in progress.
func TestCancelledProjectReleasesCapacity(t *testing.T) {
	src := livingHeader + `
project "old" {
  duration = 4
  effort   = { platform = 3 }
  status   = "STATUS"
  started  = "2027-Q1"
  progress {
    spent = 50000
  }
}

project "next" {
  duration = 2
  effort   = { platform = 3 }
  benefit {
    per_year = 100000
  }
}
`
	going := livingPlan(t, strings.Replace(src, "STATUS", "in_progress", 1))
	// old: 2 of 4 quarters elapsed, no percent_complete: 2 remain
	// (2027-Q3..Q4); next (3 FTE) cannot run next to its 3 FTE on a
	// team of 4, so it starts in 2028-Q1.
	if n := projectOf(t, going, "next"); *n.Start != "2028-Q1" {
		t.Errorf("next behind work in progress starts %s, want 2028-Q1", *n.Start)
	}
	stopped := livingPlan(t, strings.Replace(src, "STATUS", "cancelled", 1))
	n, o := projectOf(t, stopped, "next"), projectOf(t, stopped, "old")
	if *n.Start != "2027-Q3" {
		t.Errorf("next after the cancellation starts %s, want the status date 2027-Q3", *n.Start)
	}
	if o.Status != StatusCancelled || o.StartPeriod != nil || stopped.Totals.SunkCost != 50000 || stopped.Totals.Cancelled != 1 {
		t.Errorf("old: status %s start %v, sunk %v", o.Status, o.StartPeriod, stopped.Totals.SunkCost)
	}
	// Its spend to date stays in the budget's history, not in the plan.
	for _, per := range stopped.Periods[2:] {
		if u := per.Teams["platform"].Used; per.Label == "2027-Q3" && u != 3 {
			t.Errorf("2027-Q3 platform use %v, want next's 3 FTE only", u)
		}
	}
}

// A committed project keeps its place ahead of rank order, and a gate it
// would fail today is a warning; nothing new starts before the status
// date, and a project depending on an on-hold one cannot run.
func TestCommittedAndOnHold(t *testing.T) {
	plan := livingPlan(t, `
roadmap {
  start         = "2027-Q1"
  horizon       = 8
  as_of         = "2027-Q3"
  risk_appetite = 0.5
}

team "platform" {
  capacity = 3
}

project "star" {
  duration = 2
  effort   = { platform = 3 }
  benefit {
    per_year = 900000
  }
}

project "promised" {
  duration = 1
  effort   = { platform = 3 }
  status   = "committed"
  risk {
    failure = 0.9
  }
  benefit {
    per_year = 1000
  }
}

project "paused" {
  duration = 2
  effort   = { platform = 3 }
  status   = "on_hold"
}

project "after_paused" {
  duration   = 1
  depends_on = [project.paused]
  benefit {
    per_year = 1000
  }
}
`)
	got := outcomes(plan)
	want := map[string]outcome{
		"promised":     {Status: StatusScheduled, Start: 2},
		"star":         {Status: StatusScheduled, Start: 3, Reasons: nil},
		"paused":       {Status: StatusOnHold, Start: -1},
		"after_paused": {Status: StatusDropped, Start: -1, Reasons: []string{`depends on project "paused", which is on hold`}},
	}
	for id := range got {
		got[id] = outcome{Status: got[id].Status, Start: got[id].Start, Reasons: got[id].Reasons}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	pr := projectOf(t, plan, "promised")
	if pr.Rank != 1 || len(pr.Findings) == 0 || pr.Findings[0].Severity != SeverityWarning ||
		!strings.HasPrefix(pr.Findings[0].Message, "would fail the risk gate today") {
		t.Errorf("promised: rank %d, findings %+v", pr.Rank, pr.Findings)
	}
	star := projectOf(t, plan, "star")
	kinds := []string{}
	for _, n := range star.Notes {
		kinds = append(kinds, n.Kind)
	}
	if !cmp.Equal(kinds, []string{NoteStatusDate, NoteTeam}) {
		t.Errorf("star's notes %v, want the status date and the team", kinds)
	}
}

// Spend to date counts in the budget windows it fell in: a done project
// that spent 80,000 of 2027's 100,000 leaves no room for a project
// spending 30,000 in 2027, which starts with 2028's window.
func TestSpendToDateInBudgetWindows(t *testing.T) {
	plan := livingPlan(t, `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-Q3"
}

budget "capex" {
  amount = 100000
}

project "done_one" {
  duration = 2
  status   = "done"
  started  = "2027-Q1"
  finished = "2027-Q2"
  progress {
    spent = 80000
  }
}

project "new_one" {
  duration = 1
  cost {
    one_time = 30000
  }
  benefit {
    per_year = 100000
  }
}
`)
	if n := projectOf(t, plan, "new_one"); *n.Start != "2028-Q1" {
		t.Errorf("new_one starts %s, want 2028-Q1", *n.Start)
	}
	q2 := plan.Periods[1]
	if !q2.History || q2.Budgets["capex"].WindowSpent != 80000 {
		t.Errorf("2027-Q2: history %v, window spent %v; want history and 80,000", q2.History, q2.Budgets["capex"].WindowSpent)
	}
	if plan.Periods[2].History {
		t.Error("the status date's period is history")
	}
}

// The peak in parallel is the plan's: three projects ran before the
// status date, but from it on only one runs at a time.
func TestPeakParallelCountsFromTheStatusDate(t *testing.T) {
	plan := livingPlan(t, livingHeader+`
project "a" {
  duration = 2
  status   = "done"
  started  = "2027-Q1"
  finished = "2027-Q2"
}

project "b" {
  duration = 2
  status   = "cancelled"
  started  = "2027-Q1"
}

project "c" {
  duration = 3
  effort   = { platform = 4 }
  status   = "in_progress"
  started  = "2027-Q2"
}

project "d" {
  duration = 1
  effort   = { platform = 4 }
  benefit {
    per_year = 100000
  }
}
`)
	if got := len(plan.Periods[1].Active); got != 3 {
		t.Fatalf("2027-Q2 (history) lists %d projects, want 3", got)
	}
	if plan.Totals.PeakParallel != 1 {
		t.Errorf("peak_parallel = %d, want 1 (history does not count)", plan.Totals.PeakParallel)
	}
}

// Among the projects that keep their place, the mandatory ones rank
// first, as they do in rank order: a committed mandatory project goes
// ahead of a committed one with a better score, and gets the team first.
func TestMandatoryFirstAmongCommitted(t *testing.T) {
	plan := livingPlan(t, livingHeader+`
project "better" {
  duration = 1
  effort   = { platform = 4 }
  status   = "committed"
  benefit {
    per_year = 900000
  }
}

project "law" {
  duration  = 1
  effort    = { platform = 4 }
  status    = "committed"
  mandatory = true
  benefit {
    per_year = 1000
  }
}
`)
	law, better := projectOf(t, plan, "law"), projectOf(t, plan, "better")
	if law.Rank != 1 || better.Rank != 2 {
		t.Errorf("ranks: law %d, better %d; want 1 and 2", law.Rank, better.Rank)
	}
	if *law.Start != "2027-Q3" || *better.Start != "2027-Q4" {
		t.Errorf("starts: law %s, better %s; want 2027-Q3 and 2027-Q4", *law.Start, *better.Start)
	}
}

// TestTogetherInALivingRoadmap: a partner cancelled or on hold takes its
// proposed partners out, as a dropped one does; a partner under way keeps
// its place with a warning; a done one is history (review qa15d D9: r2
// and r3 ran beside a cancelled and a paused partner).
func TestTogetherInALivingRoadmap(t *testing.T) {
	plan := livingPlan(t, `roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-07-01"
}

project "pilot" {
  duration = 1
  together = [project.rollout]
  status   = "done"
  started  = "2027-01-01"
  finished = "2027-03-31"
}

project "rollout" {
  duration = 2
}

project "p2" {
  duration = 1
  together = [project.r2]
  status   = "cancelled"
  started  = "2027-01-01"
  finished = "2027-02-01"
}

project "r2" {
  duration = 2
}

project "p3" {
  duration = 1
  together = [project.r3]
  status   = "on_hold"
  started  = "2027-01-01"
}

project "r3" {
  duration = 2
}

project "p4" {
  duration = 3
  together = [project.r4]
  status   = "in_progress"
  started  = "2027-04-01"
}

project "r4" {
  duration = 2
  excluded = true
}
`)
	want := map[string]fate{
		"pilot": {StatusDone, ""}, "rollout": {StatusScheduled, ""},
		"p2": {StatusCancelled, ""}, "r2": {StatusDropped, GateTogether},
		"p3": {StatusOnHold, ""}, "r3": {StatusDropped, GateTogether},
		"p4": {StatusScheduled, ""}, "r4": {StatusDropped, GateExcluded},
	}
	if diff := cmp.Diff(want, fates(plan)); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	for id, reason := range map[string]string{"r2": `runs together with "p2", which is cancelled`, "r3": `runs together with "p3", which is on hold`} {
		if got := projectOf(t, plan, id).Reasons; len(got) != 1 || got[0] != reason {
			t.Errorf("%s: reasons %q, want %q", id, got, reason)
		}
	}
	found := false
	for _, f := range projectOf(t, plan, "p4").Findings {
		found = found || f.Severity == SeverityWarning && f.Message == `runs together with "r4", which is dropped (kept: in progress)`
	}
	if !found {
		t.Errorf("p4 findings %+v lack the kept warning", projectOf(t, plan, "p4").Findings)
	}
}
