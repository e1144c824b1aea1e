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
	Status  string
	Start   int // -1 unless scheduled
	Reasons []string
}

func outcomes(plan *Plan) map[string]outcome {
	out := map[string]outcome{}
	for _, p := range plan.Projects {
		o := outcome{Status: p.Status, Start: -1}
		if p.StartPeriod != nil {
			o.Start = *p.StartPeriod
		}
		if len(p.Reasons) > 0 {
			o.Reasons = p.Reasons
		}
		out[p.ID] = o
	}
	return out
}

type schedulingCase struct {
	name  string
	setup func() *hclspec.Config
	want  map[string]outcome
}

// schedulingCases are small roadmaps and the outcome of each project:
// status, start and every reason a deferred project gives.
func schedulingCases() []schedulingCase {
	return []schedulingCase{
		{
			name: "team full: the lower-ranked project is deferred",
			setup: func() *hclspec.Config {
				cfg := schedConfig(4, 2)
				schedProject(cfg, "a", 4, 2)
				schedProject(cfg, "b", 2, 1)
				return cfg
			},
			want: map[string]outcome{
				"a": {StatusScheduled, 0, nil},
				"b": {StatusDeferred, -1, []string{`team "platform" has no room for 1 FTE in 2027-Q1..2027-Q4 (held by "a")`, "must finish inside the horizon (last period 2027-Q4), so it cannot start after 2027-Q3"}},
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
			want: map[string]outcome{"a": {StatusScheduled, 0, nil}, "b": {StatusScheduled, 2, nil}, "c": {StatusScheduled, 0, nil}},
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
			want: map[string]outcome{"a": {StatusScheduled, 2, nil}, "b": {StatusScheduled, 4, nil}},
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
				"a": {StatusScheduled, 0, nil},
				"b": {StatusScheduled, 4, nil}, // 2028, year two
				"c": {StatusDeferred, -1, []string{`budget "capex" has no room for its build spend of EUR 80,000 in 2027 and 2028 (spent by "a" and "b")`, "must finish inside the horizon (last period 2028-Q4), so it cannot start after 2028-Q4"}},
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
				"a": {StatusScheduled, 0, nil},
				"b": {StatusDeferred, -1, []string{`budget "capex" has no room for its build spend of EUR 80,000 in 2027-Q3..2028-Q2 (spent by "a")`, "must finish inside the horizon (last period 2028-Q2), so it cannot start after 2028-Q2"}},
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
			want: map[string]outcome{"a": {StatusScheduled, 0, nil}, "b": {StatusScheduled, 2, nil}},
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
				"a": {StatusScheduled, 0, nil},
				"b": {StatusDeferred, -1, []string{`budget "fund" has no room for its build spend of EUR 60,000 in total (spent by "a")`, "must finish inside the horizon (last period 2028-Q4), so it cannot start after 2028-Q3"}},
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
				"a": {StatusScheduled, 0, nil},
				"b": {StatusDeferred, -1, []string{`budget "fund" has no room for its build spend of EUR 40,000 in total (spent by "a")`, "must finish inside the horizon (last period 2028-Q4), so it cannot start after 2028-Q3"}},
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
				"a": {StatusScheduled, 0, nil},
				"b": {StatusDeferred, -1, []string{`max_parallel 1 is reached in 2027-Q1..2027-Q2 (held by "a")`, "must finish inside the horizon (last period 2027-Q3), so it cannot start after 2027-Q2"}},
				"c": {StatusScheduled, 2, nil},
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
			want: map[string]outcome{"a": {StatusScheduled, 0, nil}, "b": {StatusScheduled, 3, nil}},
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
				"a": {StatusDeferred, -1, []string{"cannot finish inside the horizon (last period 2028-Q4): 10 periods from 2027-Q1 would end 2029-Q2"}},
				"b": {StatusDeferred, -1, []string{`depends on deferred project "a"`}},
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
				"a": {StatusScheduled, 3, nil},
				"b": {StatusDeferred, -1, []string{"cannot finish inside the horizon (last period 2028-Q4): 2 periods from its earliest_start 2028-Q4 would end 2029-Q1", "cannot start before its earliest_start 2028-Q4"}},
			},
		},
		{
			name: "deadline too early",
			setup: func() *hclspec.Config {
				cfg := schedConfig(8, 10)
				schedProject(cfg, "a", 3, 1).Deadline = 1
				return cfg
			},
			want: map[string]outcome{"a": {StatusDeferred, -1, []string{"cannot finish by its deadline 2027-Q2: 3 periods from 2027-Q1 would end 2027-Q3"}}},
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
			// b goes first; c, ranked below it, is placed again and
			// goes ahead of a in its turn: both deadlines are met.
			want: map[string]outcome{
				"a": {StatusScheduled, 4, nil},
				"b": {StatusScheduled, 0, nil},
				"c": {StatusScheduled, 2, nil},
			},
		},
		{
			name: "deadline behind a project ranked above that has its own",
			setup: func() *hclspec.Config {
				cfg := schedConfig(8, 1)
				schedProject(cfg, "a", 2, 1).Deadline = 1 // only where it is
				schedProject(cfg, "b", 2, 1).Deadline = 2
				return cfg
			},
			want: map[string]outcome{
				"a": {StatusScheduled, 0, nil},
				"b": {StatusDeferred, -1, []string{
					`team "platform" has no room for 1 FTE in 2027-Q1..2027-Q2 (held by "a")`,
					"must finish by its deadline 2027-Q3, so it cannot start after 2027-Q2",
					`going ahead of the projects ranked above it does not help: each start where it fits (2027-Q1..2027-Q2) would push out "a"`,
				}},
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
				"a": {StatusScheduled, 0, nil},
				"b": {StatusDeferred, -1, []string{"cannot finish by its deadline 2027-Q4: 2 periods after its dependencies end (2027-Q3) would end 2028-Q1", `cannot start before "a" ends (2027-Q3)`}},
			},
		},
		{
			// b would miss 2027-Q2 behind a; a can still finish later.
			name: "a deadline project goes ahead of one that can finish later",
			setup: func() *hclspec.Config {
				cfg := schedConfig(4, 1)
				schedProject(cfg, "a", 2, 1)
				schedProject(cfg, "b", 1, 1).Deadline = 1
				return cfg
			},
			want: map[string]outcome{"a": {StatusScheduled, 1, nil}, "b": {StatusScheduled, 0, nil}},
		},
		{
			// a takes all of platform for the whole horizon: whatever goes
			// first, a must stay, so b cannot fit.
			name: "a deadline project with no room left anywhere",
			setup: func() *hclspec.Config {
				cfg := schedConfig(2, 1)
				schedProject(cfg, "a", 2, 1)
				schedProject(cfg, "b", 1, 1).Deadline = 1
				return cfg
			},
			want: map[string]outcome{
				"a": {StatusScheduled, 0, nil},
				"b": {StatusDeferred, -1, []string{
					`team "platform" has no room for 1 FTE in 2027-Q1..2027-Q2 (held by "a")`,
					"must finish by its deadline 2027-Q2, so it cannot start after 2027-Q2",
					`going ahead of the projects ranked above it cannot help: team "platform" has 0 FTE-quarters left in the whole horizon and it needs 1`,
				}},
			},
		},
		{
			// 50% of 2 FTE: a's 1 FTE leaves no room for b beside it.
			name: "headroom is planned within: the second waits",
			setup: func() *hclspec.Config {
				cfg := schedConfig(8, 2)
				cfg.Roadmap.Policies.MaxTeamUtilization = 0.5
				schedProject(cfg, "a", 2, 1)
				schedProject(cfg, "b", 2, 1)
				return cfg
			},
			want: map[string]outcome{"a": {StatusScheduled, 0, nil}, "b": {StatusScheduled, 2, nil}},
		},
		{
			name: "headroom is planned within: no room left in the horizon",
			setup: func() *hclspec.Config {
				cfg := schedConfig(2, 2)
				cfg.Roadmap.Policies.MaxTeamUtilization = 0.5
				schedProject(cfg, "a", 2, 1)
				schedProject(cfg, "b", 2, 1)
				return cfg
			},
			want: map[string]outcome{
				"a": {StatusScheduled, 0, nil},
				"b": {StatusDeferred, -1, []string{
					`team "platform" is at its 50% headroom limit (policy.max_team_utilization) in 2027-Q1..2027-Q2: 1 FTE more would pass it (held by "a")`,
					"must finish inside the horizon (last period 2027-Q2), so it cannot start after 2027-Q1",
				}},
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
				"m": {StatusScheduled, 0, nil},
				"a": {StatusDeferred, -1, []string{`team "platform" has no room for 1 FTE in 2027-Q1..2027-Q2 (held by "m")`, "must finish inside the horizon (last period 2027-Q2), so it cannot start after 2027-Q1"}},
			},
		},
	}
}

func TestScheduling(t *testing.T) {
	tests := schedulingCases()
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

// A mandatory project deferred, dropped or late fails policy.mandatory,
// an error, naming each one with its first reason.
func TestMandatoryProjectsFailThePlan(t *testing.T) {
	cfg := schedConfig(2, 1)
	for _, id := range []string{"m1", "m2"} {
		schedProject(cfg, id, 3, 1).Mandatory = true // longer than the horizon
	}
	m3 := schedProject(cfg, "m3", 1, 1)
	m3.Mandatory, m3.Effort["ghost"] = true, 1 // a team that does not exist: dropped
	plan, diags := Evaluate(context.Background(), cfg, Options{})
	if plan == nil || diags.HasErrors() {
		t.Fatalf("diagnostics %v", diags)
	}
	got := checkByID(t, plan, "policy.mandatory")
	got.Range = nil
	want := CheckResult{ID: "policy.mandatory", Severity: "error", Message: `mandatory project "m1" is deferred: ` +
		`cannot finish inside the horizon (last period 2027-Q2): 3 periods from 2027-Q1 would end 2027-Q3; ` +
		`mandatory project "m2" is deferred: cannot finish inside the horizon (last period 2027-Q2): 3 periods from 2027-Q1 would end 2027-Q3; ` +
		`mandatory project "m3" is dropped by the resources gate: needs team "ghost", which is not declared`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("policy.mandatory (-want +got):\n%s", diff)
	}
	// Without mandatory projects there is no such check.
	cfg = schedConfig(2, 1)
	schedProject(cfg, "a", 1, 1)
	for _, c := range mustEvaluate(t, cfg).Checks {
		if c.ID == "policy.mandatory" {
			t.Errorf("policy.mandatory reported without mandatory projects: %+v", c)
		}
	}
}

func checkByID(t *testing.T, plan *Plan, id string) CheckResult {
	t.Helper()
	for _, c := range plan.Checks {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no check %q in %+v", id, plan.Checks)
	return CheckResult{}
}

// A project with a deadline that a gate drops still misses it: it counts
// in totals.deadlines_missed and fails policy.deadlines (an error under
// policy { deadlines = "error" }), like one the schedule defers; a
// deadline after the horizon is not judged.
func TestDroppedDeadlineProjectsMissTheirDeadline(t *testing.T) {
	for _, severity := range []string{"", "error"} {
		cfg := schedConfig(4, 2)
		cfg.Roadmap.Policies.Deadlines = severity
		met := schedProject(cfg, "met", 1, 1)
		met.Deadline = 1
		ghost := schedProject(cfg, "ghost", 1, 1)
		ghost.Effort["nobody"], ghost.Deadline = 1, 2 // a team that does not exist: dropped
		later := schedProject(cfg, "later", 1, 1)
		later.Effort["nobody"], later.Deadline = 1, 9 // after the horizon
		plan := mustEvaluate(t, cfg)
		if got := [2]int{plan.Totals.DeadlinesMet, plan.Totals.DeadlinesMissed}; got != [2]int{1, 1} {
			t.Errorf("deadlines met, missed = %v, want [1 1]", got)
		}
		got := checkByID(t, plan, "policy.deadlines")
		got.Range = nil
		want := CheckResult{ID: "policy.deadlines", Severity: "warning",
			Message: `"ghost" misses its deadline 2027-Q3: dropped by the resources gate, needs team "nobody", which is not declared`}
		if severity == "error" {
			want.Severity = "error"
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("deadlines %q: policy.deadlines (-want +got):\n%s", severity, diff)
		}
	}
}
