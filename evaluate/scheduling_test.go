package evaluate

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// schedConfig is a quarterly roadmap from 2027-Q1 with one goal, a team
// "platform" and no budget; tests add projects with schedProject.
func schedConfig(horizon int, capacity float64) *hclspec.Config {
	cfg := quarterly(horizon)
	addGoal(cfg, "g", 1)
	addTeam(cfg, "platform", capacity, 0)
	return cfg
}

// schedProject adds a project; projects added earlier get a larger
// benefit, so they rank (and are placed) first.
func schedProject(cfg *hclspec.Config, id string, duration int, fte float64) *hclspec.Project {
	p := addProject(cfg, newProject(id, duration))
	p.Goals["g"] = 1
	p.Benefit.PerYear = float64(1000000 - 100000*len(cfg.Projects))
	if fte > 0 {
		p.Effort["platform"] = fte
	}
	return p
}

type outcome struct {
	Status string
	Start  int // -1 unless scheduled
	Reason string
}

func outcomes(plan *Plan) map[string]outcome {
	out := map[string]outcome{}
	for _, p := range plan.Projects {
		o := outcome{Status: p.Status, Start: -1}
		if p.StartPeriod != nil {
			o.Start = *p.StartPeriod
		}
		if len(p.Reasons) > 0 {
			o.Reason = p.Reasons[0]
		}
		out[p.ID] = o
	}
	return out
}

// Spans in reasons cover the periods of the tried window where the
// constraint binds in the final plan, lower-ranked projects included.
func TestScheduling(t *testing.T) {
	tests := []struct {
		name  string
		setup func() *hclspec.Config
		want  map[string]outcome
	}{
		{
			name: "team full: the lower-ranked project is deferred",
			setup: func() *hclspec.Config {
				cfg := schedConfig(4, 2)
				schedProject(cfg, "a", 4, 2)
				schedProject(cfg, "b", 2, 1)
				return cfg
			},
			want: map[string]outcome{
				"a": {StatusScheduled, 0, ""},
				"b": {StatusDeferred, -1, `team "platform" is full 2027-Q1..2027-Q4 (needs 1 FTE for 2 periods)`},
			},
		},
		{
			name: "team capacity shared: the second waits for room",
			setup: func() *hclspec.Config {
				cfg := schedConfig(8, 3)
				schedProject(cfg, "a", 2, 2)
				schedProject(cfg, "b", 2, 2)
				schedProject(cfg, "c", 1, 1) // fits beside a
				return cfg
			},
			want: map[string]outcome{"a": {StatusScheduled, 0, ""}, "b": {StatusScheduled, 2, ""}, "c": {StatusScheduled, 0, ""}},
		},
		{
			name: "capacity_by_period override",
			setup: func() *hclspec.Config {
				cfg := schedConfig(8, 2)
				cfg.Teams[0].CapacityByPeriod = map[int]float64{1: 0, 4: 5}
				schedProject(cfg, "a", 2, 1) // period 1 has no one: starts at 2
				schedProject(cfg, "b", 1, 5) // only period 4 has 5 FTE
				return cfg
			},
			want: map[string]outcome{"a": {StatusScheduled, 2, ""}, "b": {StatusScheduled, 4, ""}},
		},
		{
			name: "budget per year: one 80000 project a year from 100000",
			setup: func() *hclspec.Config {
				cfg := schedConfig(8, 10)
				addBudget(cfg, "capex", 100000, hclspec.PerYear)
				for _, id := range []string{"a", "b", "c"} {
					p := schedProject(cfg, id, 1, 0)
					p.Funding = "capex"
					p.Cost.OneTime = 80000
				}
				return cfg
			},
			want: map[string]outcome{
				"a": {StatusScheduled, 0, ""},
				"b": {StatusScheduled, 4, ""}, // 2028, year two
				"c": {StatusDeferred, -1, `budget "capex" has no room in 2027..2028 (needs EUR 80,000 of build spend)`},
			},
		},
		{
			// A roadmap starting in 2027-Q3 counts years from there.
			name: "budget per year from a mid-year start",
			setup: func() *hclspec.Config {
				cfg := schedConfig(4, 10)
				from, _, _ := hclspec.ParseDateSpan("2027-Q3")
				cfg.Calendar = hclspec.NewCalendar(hclspec.Quarter, from)
				addBudget(cfg, "capex", 100000, hclspec.PerYear)
				for _, id := range []string{"a", "b"} {
					p := schedProject(cfg, id, 1, 0)
					p.Funding = "capex"
					p.Cost.OneTime = 80000
				}
				return cfg
			},
			want: map[string]outcome{
				"a": {StatusScheduled, 0, ""},
				"b": {StatusDeferred, -1, `budget "capex" has no room in 2027-Q3..2028-Q2 (needs EUR 80,000 of build spend)`},
			},
		},
		{
			// a spends 45000 a quarter for two quarters; b's 20000 does not
			// fit beside it under 50000 a quarter.
			name: "budget per period",
			setup: func() *hclspec.Config {
				cfg := schedConfig(8, 10)
				addBudget(cfg, "opex", 50000, hclspec.PerPeriod)
				a := schedProject(cfg, "a", 2, 0)
				a.Funding, a.Cost.OneTime = "opex", 90000
				b := schedProject(cfg, "b", 1, 0)
				b.Funding, b.Cost.OneTime = "opex", 20000
				return cfg
			},
			want: map[string]outcome{"a": {StatusScheduled, 0, ""}, "b": {StatusScheduled, 2, ""}},
		},
		{
			name: "budget total",
			setup: func() *hclspec.Config {
				cfg := schedConfig(8, 10)
				addBudget(cfg, "fund", 100000, hclspec.PerTotal)
				for _, id := range []string{"a", "b"} {
					p := schedProject(cfg, id, 2, 0)
					p.Funding, p.Cost.OneTime = "fund", 60000
				}
				return cfg
			},
			want: map[string]outcome{
				"a": {StatusScheduled, 0, ""},
				"b": {StatusDeferred, -1, `budget "fund" has no room in total (needs EUR 60,000 of build spend)`},
			},
		},
		{
			// Team cost counts as build spend too: 2 FTE x 10000 x 2 periods
			// = 40000 each; the second does not fit a 50000 total.
			name: "team cost draws on the budget",
			setup: func() *hclspec.Config {
				cfg := schedConfig(8, 10)
				cfg.Teams[0].CostPerFTE = 10000
				addBudget(cfg, "fund", 50000, hclspec.PerTotal)
				for _, id := range []string{"a", "b"} {
					schedProject(cfg, id, 2, 2).Funding = "fund"
				}
				return cfg
			},
			want: map[string]outcome{
				"a": {StatusScheduled, 0, ""},
				"b": {StatusDeferred, -1, `budget "fund" has no room in total (needs EUR 40,000 of build spend)`},
			},
		},
		{
			name: "max_parallel",
			setup: func() *hclspec.Config {
				cfg := schedConfig(3, 10)
				cfg.Roadmap.MaxParallel = 1
				schedProject(cfg, "a", 2, 1)
				schedProject(cfg, "b", 2, 1)
				schedProject(cfg, "c", 1, 1) // fits after a
				return cfg
			},
			want: map[string]outcome{
				"a": {StatusScheduled, 0, ""},
				"b": {StatusDeferred, -1, "max_parallel 1 reached 2027-Q1..2027-Q3"},
				"c": {StatusScheduled, 2, ""},
			},
		},
		{
			name: "depends_on: starts when its dependency ends",
			setup: func() *hclspec.Config {
				cfg := schedConfig(8, 10)
				schedProject(cfg, "b", 1, 1).DependsOn = []string{"a"}
				schedProject(cfg, "a", 3, 1)
				return cfg
			},
			want: map[string]outcome{"a": {StatusScheduled, 0, ""}, "b": {StatusScheduled, 3, ""}},
		},
		{
			name: "horizon too short, and its dependent deferred",
			setup: func() *hclspec.Config {
				cfg := schedConfig(8, 10)
				schedProject(cfg, "a", 10, 1)
				schedProject(cfg, "b", 1, 1).DependsOn = []string{"a"}
				return cfg
			},
			want: map[string]outcome{
				"a": {StatusDeferred, -1, "cannot finish inside the horizon (last period 2028-Q4): 10 periods from 2027-Q1 would end 2029-Q2"},
				"b": {StatusDeferred, -1, `depends on deferred project "a"`},
			},
		},
		{
			name: "earliest_start",
			setup: func() *hclspec.Config {
				cfg := schedConfig(8, 10)
				schedProject(cfg, "a", 2, 1).EarliestStart = 3
				schedProject(cfg, "b", 2, 1).EarliestStart = 7
				return cfg
			},
			want: map[string]outcome{
				"a": {StatusScheduled, 3, ""},
				"b": {StatusDeferred, -1, "cannot finish inside the horizon (last period 2028-Q4): 2 periods from its earliest_start 2028-Q4 would end 2029-Q1"},
			},
		},
		{
			name: "deadline too early",
			setup: func() *hclspec.Config {
				cfg := schedConfig(8, 10)
				schedProject(cfg, "a", 3, 1).Deadline = 1
				return cfg
			},
			want: map[string]outcome{"a": {StatusDeferred, -1, "cannot finish by deadline 2027-Q2: 3 periods from 2027-Q1 would end 2027-Q3"}},
		},
		{
			name: "deadline and a full team",
			setup: func() *hclspec.Config {
				cfg := schedConfig(8, 1)
				schedProject(cfg, "a", 2, 1)
				schedProject(cfg, "b", 2, 1).Deadline = 2
				schedProject(cfg, "c", 2, 1).Deadline = 3 // just fits after a
				return cfg
			},
			want: map[string]outcome{
				"a": {StatusScheduled, 0, ""},
				"b": {StatusDeferred, -1, `team "platform" is full 2027-Q1..2027-Q3 before its deadline 2027-Q3 (needs 1 FTE for 2 periods)`},
				"c": {StatusScheduled, 2, ""},
			},
		},
		{
			name: "dependencies end too late for the deadline",
			setup: func() *hclspec.Config {
				cfg := schedConfig(8, 10)
				schedProject(cfg, "a", 3, 1)
				b := schedProject(cfg, "b", 2, 1)
				b.DependsOn, b.Deadline = []string{"a"}, 3
				return cfg
			},
			want: map[string]outcome{
				"a": {StatusScheduled, 0, ""},
				"b": {StatusDeferred, -1, "cannot finish by deadline 2027-Q4: 2 periods after its dependencies end (2027-Q3) would end 2028-Q1"},
			},
		},
		{
			name: "mandatory projects are placed first",
			setup: func() *hclspec.Config {
				cfg := schedConfig(2, 1)
				schedProject(cfg, "a", 2, 1)
				schedProject(cfg, "m", 2, 1).Mandatory = true
				return cfg
			},
			want: map[string]outcome{
				"m": {StatusScheduled, 0, ""},
				"a": {StatusDeferred, -1, `team "platform" is full 2027-Q1..2027-Q2 (needs 1 FTE for 2 periods)`},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := mustEvaluate(t, tt.setup())
			if diff := cmp.Diff(tt.want, outcomes(plan)); diff != "" {
				t.Errorf("outcomes (-want +got):\n%s", diff)
			}
			for _, p := range plan.Projects {
				if p.Status == StatusDeferred && p.Gate != GateSchedule {
					t.Errorf("%s deferred by gate %q, want %q", p.ID, p.Gate, GateSchedule)
				}
			}
		})
	}
}

func TestDeferredMandatoryIsAWarning(t *testing.T) {
	cfg := schedConfig(2, 1)
	for _, id := range []string{"m1", "m2", "m3"} {
		schedProject(cfg, id, 3, 1).Mandatory = true // longer than the horizon
	}
	plan, diags := Evaluate(context.Background(), cfg, Options{})
	if plan == nil || diags.HasErrors() || len(diags) != 1 {
		t.Fatalf("diagnostics %v, want one warning", diags)
	}
	want := "3 mandatory projects could not be scheduled:\n" +
		`"m1": cannot finish inside the horizon (last period 2027-Q2): 3 periods from 2027-Q1 would end 2027-Q3` + "\n" +
		`"m2": cannot finish inside the horizon (last period 2027-Q2): 3 periods from 2027-Q1 would end 2027-Q3` + "\n" +
		`"m3": cannot finish inside the horizon (last period 2027-Q2): 3 periods from 2027-Q1 would end 2027-Q3`
	if diags[0].Summary != "Mandatory projects deferred" || diags[0].Detail != want {
		t.Errorf("warning %q: %q, want %q", diags[0].Summary, diags[0].Detail, want)
	}
	for _, id := range []string{"m1", "m2", "m3"} {
		if got := outcomes(plan)[id]; got.Status != StatusDeferred {
			t.Errorf("%s: %+v", id, got)
		}
	}
}
