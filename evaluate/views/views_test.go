package views

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

func ptr[T any](v T) *T { return &v }

func fixture() *evaluate.Plan {
	return &evaluate.Plan{
		Roadmap:     evaluate.RoadmapInfo{Currency: "EUR", Period: "quarter", Horizon: 4},
		Departments: []evaluate.DepartmentInfo{{ID: "finance", Title: "Finance", Needs: []string{"faster close"}}, {ID: "sales", Title: "Sales"}},
		Goals:       []evaluate.GoalInfo{{ID: "cut_costs", Title: "Cut costs"}},
		Teams:       []evaluate.TeamInfo{{ID: "platform"}, {ID: "apps"}},
		Projects: []evaluate.ProjectPlan{
			{ID: "a", Rank: 1, Status: evaluate.StatusScheduled, Cost: 100, NPV: 10, ScheduledNPV: ptr(9.0), StartPeriod: ptr(0), EndPeriod: ptr(2), Duration: 2,
				EndorsedBy: []string{"finance"}, Effort: map[string]float64{"platform": 2}, Goals: map[string]float64{"cut_costs": 0.5}},
			{ID: "b", Rank: 2, Status: evaluate.StatusScheduled, Cost: 50, NPV: 5, ScheduledNPV: ptr(4.0), StartPeriod: ptr(1), EndPeriod: ptr(4), Duration: 3,
				Provides: []string{"faster close"}, Effort: map[string]float64{"apps": 1}},
			{ID: "c", Rank: 3, Status: evaluate.StatusDropped, Cost: 70, OpposedBy: []string{"finance"}, Effort: map[string]float64{"apps": 1}},
			{ID: "d", Rank: 4, Status: evaluate.StatusDeferred, Cost: 20, EndorsedBy: []string{"sales"}},
		},
		Periods: []evaluate.PeriodPlan{
			{Index: 0, Active: []string{"a"}, Teams: map[string]evaluate.TeamLoad{"platform": {Capacity: 4, Used: 2}, "apps": {Capacity: 2}}},
			{Index: 1, Active: []string{"a", "b"}, Teams: map[string]evaluate.TeamLoad{"platform": {Capacity: 4, Used: 2}, "apps": {Capacity: 2, Used: 1}}},
			{Index: 2, Active: []string{"b"}},
			{Index: 3, Active: []string{"b"}},
		},
		Totals: evaluate.Totals{Scheduled: 2, Dropped: 1, Deferred: 1, Cost: 150, NPV: 15},
	}
}

func TestNarrowDepartment(t *testing.T) {
	q := Narrow(fixture(), Selector{Departments: []string{"finance"}})
	var ids []string
	for _, p := range q.Projects {
		ids = append(ids, p.ID)
	}
	if diff := cmp.Diff([]string{"a", "b", "c"}, ids); diff != "" {
		t.Errorf("projects (-want +got):\n%s", diff)
	}
	wantRel := []evaluate.ViewProject{
		{ID: "a", Relations: []string{"endorsed by finance"}},
		{ID: "b", Relations: []string{"needed by finance (faster close)"}},
		{ID: "c", Relations: []string{"opposed by finance"}},
	}
	if diff := cmp.Diff(wantRel, q.View.Projects); diff != "" {
		t.Errorf("relations (-want +got):\n%s", diff)
	}
	want := evaluate.Totals{Scheduled: 2, Dropped: 1, Cost: 150, NPV: 15, ScheduledNPV: 13, FinishPeriod: 4, PeakParallel: 2}
	if diff := cmp.Diff(want, q.Totals); diff != "" {
		t.Errorf("totals (-want +got):\n%s", diff)
	}
	if q.View.Excluded != 1 || q.View.Whole.Cost != 150 {
		t.Errorf("view %+v", q.View)
	}
}

// A view of a living roadmap counts its projects' lifecycles and actuals
// as the whole plan does, and its peak in parallel ignores the periods
// before the status date (history).
func TestNarrowLivingTotals(t *testing.T) {
	p := &evaluate.Plan{
		Roadmap: evaluate.RoadmapInfo{Currency: "EUR", Period: "quarter", Horizon: 3},
		Teams:   []evaluate.TeamInfo{{ID: "apps"}},
		Projects: []evaluate.ProjectPlan{
			{ID: "w", Rank: 1, Status: evaluate.StatusScheduled, Lifecycle: "in_progress", Cost: 40, StartPeriod: ptr(1), EndPeriod: ptr(2), Duration: 1,
				Effort: map[string]float64{"apps": 1}, Progress: &evaluate.ProgressPlan{ActualCost: 30, EstimateToComplete: 40}},
			{ID: "x", Rank: 2, Status: evaluate.StatusDone, Lifecycle: "done", Effort: map[string]float64{"apps": 1}, Progress: &evaluate.ProgressPlan{ActualCost: 50}},
			{ID: "y", Rank: 3, Status: evaluate.StatusCancelled, Lifecycle: "cancelled", Effort: map[string]float64{"apps": 1}, Progress: &evaluate.ProgressPlan{ActualCost: 12.5}},
			{ID: "z", Rank: 4, Status: evaluate.StatusOnHold, Lifecycle: "on_hold", Effort: map[string]float64{"apps": 1}},
		},
		Periods: []evaluate.PeriodPlan{
			{Index: 0, History: true, Active: []string{"w", "x", "y"}},
			{Index: 1, Active: []string{"w"}},
			{Index: 2},
		},
	}
	q := Narrow(p, Selector{Teams: []string{"apps"}})
	want := evaluate.Totals{Scheduled: 1, Cost: 40, FinishPeriod: 2, PeakParallel: 1, InProgress: 1, Done: 1, Cancelled: 1, OnHold: 1,
		ActualCost: 92.5, SunkCost: 12.5, EstimateToComplete: 40}
	if diff := cmp.Diff(want, q.Totals); diff != "" {
		t.Errorf("totals (-want +got):\n%s", diff)
	}
}

func TestNarrowTeamAndGoal(t *testing.T) {
	q := Narrow(fixture(), Selector{Teams: []string{"apps"}})
	if len(q.Projects) != 2 || q.Projects[0].ID != "b" || q.Projects[1].ID != "c" {
		t.Fatalf("projects %+v", q.Projects)
	}
	if _, ok := q.Periods[0].Teams["platform"]; ok || len(q.Teams) != 1 {
		t.Errorf("a team view keeps only its team: %+v %+v", q.Periods[0].Teams, q.Teams)
	}
	if got := q.View.Stakeholders[0].FTEPeriods; got != 3 { // b: 1 FTE x 3 periods; c is dropped
		t.Errorf("FTE-periods %v, want 3", got)
	}
	if diff := cmp.Diff([]string{"a"}, q.Periods[1].Active[:1]); diff == "" {
		t.Errorf("a is not staffed by apps but is in flight: %v", q.Periods[1].Active)
	}
	g := Narrow(fixture(), Selector{Goals: []string{"cut_costs"}})
	if len(g.Projects) != 1 || g.View.Projects[0].Relations[0] != "contributes 0.5 to cut_costs" {
		t.Errorf("goal view %+v", g.View)
	}
	// Several stakeholders: the union, each relation listed.
	u := Narrow(fixture(), Selector{Departments: []string{"sales"}, Teams: []string{"platform"}})
	if len(u.Projects) != 2 || u.Projects[0].ID != "a" || u.Projects[1].ID != "d" {
		t.Errorf("union %+v", u.View.Projects)
	}
}

func TestCheckSuggests(t *testing.T) {
	errs := Check(fixture(), Selector{Departments: []string{"finanse"}, Goals: []string{"growth"}, Teams: []string{"apps"}})
	if len(errs) != 2 {
		t.Fatalf("errors %v", errs)
	}
	if got := errs[0].Error(); got != `unknown department "finanse" (did you mean "finance"?): the roadmap's departments are finance, sales` {
		t.Errorf("%s", got)
	}
	if got := errs[1].Error(); !strings.HasPrefix(got, `unknown goal "growth": the roadmap's goals are cut_costs`) {
		t.Errorf("%s", got)
	}
}
