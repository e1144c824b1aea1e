package diff

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/diff/difftest"
)

func ptr[T any](v T) *T { return &v }

// simple builds a plan of scheduled one-quarter projects, in rank order,
// each starting in the period given.
func simple(ids []string, starts ...int) *evaluate.Plan {
	s := difftest.Spec{Name: "t", Horizon: 4, Budget: 1000, Teams: map[string]float64{"platform": 10}}
	for i, id := range ids {
		start := 0
		if i < len(starts) {
			start = starts[i]
		}
		s.Projects = append(s.Projects, difftest.Project{
			ID: id, Title: id, Status: "scheduled", Start: start, Dur: 1, Cost: 10, NPV: 5, RNP: 4,
			Effort: map[string]float64{"platform": 1},
		})
	}
	return difftest.Build(s)
}

// projectSummary is what the table tests compare of each listed project.
type projectSummary struct {
	ID, Kind, Effect string
	Fields           []string
}

func summarise(d *PlanDiff) []projectSummary {
	out := []projectSummary{}
	for _, p := range d.Projects {
		fields := []string{}
		for _, c := range p.Changes {
			fields = append(fields, c.Field)
		}
		out = append(out, projectSummary{p.ID, p.Kind, p.Effect, fields})
	}
	return out
}

func TestDiffProjects(t *testing.T) {
	tests := []struct {
		name          string
		before, after *evaluate.Plan
		want          []projectSummary
		unchanged     int
		line          string
	}{
		{
			name:      "identical plans",
			before:    simple([]string{"a", "b", "c"}),
			after:     simple([]string{"a", "b", "c"}),
			want:      []projectSummary{},
			unchanged: 3,
			line:      "No changes. The roadmap plan is up to date.",
		},
		{
			name:   "everything added to an empty side",
			before: nil,
			after:  simple([]string{"a", "b"}),
			want: []projectSummary{
				{"a", KindAdded, EffectSchedule, []string{}},
				{"b", KindAdded, EffectSchedule, []string{}},
			},
			line: "Plan: 2 to schedule, 0 to defer, 0 to reschedule, 0 dropped.",
		},
		{
			name:   "everything removed",
			before: simple([]string{"a"}),
			after:  Empty(),
			want:   []projectSummary{{"a", KindRemoved, EffectRemove, []string{}}},
			line:   "Plan: 0 to schedule, 0 to defer, 0 to reschedule, 0 dropped, 1 removed.",
		},
		{
			name:      "a swap reports the promoted project only",
			before:    simple([]string{"a", "b", "c"}),
			after:     simple([]string{"b", "a", "c"}),
			want:      []projectSummary{{"b", KindChanged, EffectNone, []string{"rank"}}},
			unchanged: 2,
			line:      "Plan: 0 to schedule, 0 to defer, 0 to reschedule, 0 dropped, 1 changed.",
		},
		{
			name:      "a demotion to last reports the demoted project only",
			before:    simple([]string{"a", "b", "c", "d"}),
			after:     simple([]string{"b", "c", "d", "a"}),
			want:      []projectSummary{{"a", KindChanged, EffectNone, []string{"rank"}}},
			unchanged: 3,
		},
		{
			name:   "an insertion shifts ranks without listing the shifted projects",
			before: simple([]string{"a", "b", "c"}),
			after:  simple([]string{"new", "a", "b", "c"}),
			want: []projectSummary{
				{"new", KindAdded, EffectSchedule, []string{}},
			},
			unchanged: 3,
		},
		{
			name:      "a move in time is a reschedule",
			before:    simple([]string{"a", "b"}, 0, 0),
			after:     simple([]string{"a", "b"}, 0, 2),
			want:      []projectSummary{{"b", KindChanged, EffectReschedule, []string{"start", "end"}}},
			unchanged: 1,
			line:      "Plan: 0 to schedule, 0 to defer, 1 to reschedule, 0 dropped.",
		},
		{
			name:      "rounding noise is no change",
			before:    simple([]string{"a"}),
			after:     withCost(simple([]string{"a"}), "a", 10+1e-12),
			want:      []projectSummary{},
			unchanged: 1,
		},
		{
			name:      "a cost change is listed with nothing else",
			before:    simple([]string{"a"}),
			after:     withCost(simple([]string{"a"}), "a", 12),
			want:      []projectSummary{{"a", KindChanged, EffectNone, []string{"cost"}}},
			unchanged: 0,
		},
		{
			name:      "only capacity changes",
			before:    simple([]string{"a"}),
			after:     withCapacity(simple([]string{"a"}), "platform", 12),
			want:      []projectSummary{},
			unchanged: 1,
			line:      "Plan: 0 to schedule, 0 to defer, 0 to reschedule, 0 dropped. No project changes; team load changed.",
		},
		{
			name:   "the fixture covers every kind of project change",
			before: difftest.Before(),
			after:  difftest.After(),
			want: []projectSummary{
				{"erp_upgrade", KindChanged, EffectNone, []string{"rank"}},
				{"sso", KindChanged, EffectReschedule, []string{"end", "cost", "npv", "risk_adjusted_npv"}},
				{"crm_migration", KindChanged, EffectReschedule, []string{"start", "end", "cost", "npv", "risk_adjusted_npv", "vendor"}},
				{"wiki", KindChanged, EffectDefer, []string{"status", "gate", "start", "end"}},
				{"mobile_app", KindAdded, EffectSchedule, []string{}},
				{"self_service", KindChanged, EffectDrop, []string{"status", "gate", "rank", "start", "end"}},
				{"legacy_fax", KindRemoved, EffectRemove, []string{}},
			},
			unchanged: 2,
			line:      "Plan: 1 to schedule, 1 to defer, 2 to reschedule, 1 dropped, 1 removed, 1 changed. 1 check starts failing.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Diff(tt.before, tt.after)
			if diff := cmp.Diff(tt.want, summarise(d)); diff != "" {
				t.Errorf("projects (-want +got):\n%s", diff)
			}
			if d.Summary.Unchanged != tt.unchanged {
				t.Errorf("unchanged = %d, want %d", d.Summary.Unchanged, tt.unchanged)
			}
			if tt.line != "" && d.SummaryLine() != tt.line {
				t.Errorf("summary line:\n got %q\nwant %q", d.SummaryLine(), tt.line)
			}
			if d.Changed != (len(tt.want) > 0 || len(d.Checks)+len(d.Vendors)+len(d.Teams)+len(d.Budgets) > 0) {
				t.Errorf("changed = %v with %d project changes", d.Changed, len(d.Projects))
			}
		})
	}
}

func withCapacity(p *evaluate.Plan, team string, capacity float64) *evaluate.Plan {
	for i := range p.Periods {
		l := p.Periods[i].Teams[team]
		l.Capacity = capacity
		p.Periods[i].Teams[team] = l
	}
	return p
}

func withCost(p *evaluate.Plan, id string, cost float64) *evaluate.Plan {
	for i := range p.Projects {
		if p.Projects[i].ID == id {
			p.Projects[i].Cost = cost
		}
	}
	return p
}

func TestDiffFixtureDetails(t *testing.T) {
	d := Diff(difftest.Before(), difftest.After())

	wantSummary := Summary{
		ToSchedule: 1, ToDefer: 1, ToReschedule: 2, Dropped: 1, Added: 1, Removed: 1,
		Changed: 7, Unchanged: 2, ChecksFailing: 1, VendorWinners: 1,
	}
	if diff := cmp.Diff(wantSummary, d.Summary); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}

	crm := d.Projects[2]
	wantCRM := []Change{
		{Field: "start", Before: "2027-Q3", After: "2027-Q4"},
		{Field: "end", Before: "2027-Q4", After: "2028-Q1"},
		{Field: "cost", Before: 200000.0, After: 230000.0},
		{Field: "npv", Before: 150000.0, After: 140000.0},
		{Field: "risk_adjusted_npv", Before: 110000.0, After: 100000.0},
		{Field: "vendor", Before: "acme_crm", After: "other_crm"},
	}
	if diff := cmp.Diff(wantCRM, crm.Changes); diff != "" {
		t.Errorf("crm_migration changes (-want +got):\n%s", diff)
	}
	if want := []string{"starts after sso, which now ends 2027-Q3 instead of 2027-Q2"}; !cmp.Equal(want, crm.Notes) {
		t.Errorf("crm_migration notes = %q, want %q", crm.Notes, want)
	}
	for _, p := range d.Projects {
		if p.ID != "crm_migration" && len(p.Notes) != 0 {
			t.Errorf("%s has notes %q", p.ID, p.Notes)
		}
		if p.Notes == nil {
			t.Errorf("%s has nil notes", p.ID)
		}
	}
	wiki := d.Projects[3]
	wantWiki := []Change{
		{Field: "status", Before: "scheduled", After: "deferred"},
		{Field: "gate", Before: "", After: "schedule"},
		{Field: "start", Before: "2027-Q2", After: nil},
		{Field: "end", Before: "2027-Q2", After: nil},
	}
	if diff := cmp.Diff(wantWiki, wiki.Changes); diff != "" {
		t.Errorf("wiki changes (-want +got):\n%s", diff)
	}
	if got := d.Projects[0].Changes; !cmp.Equal(got, []Change{{Field: "rank", Before: 3, After: 1}}) {
		t.Errorf("erp_upgrade changes = %v, want rank 3 → 1", got)
	}

	wantVendors := []VendorChange{{Evaluation: "crm", Kind: KindChanged, Before: ptr("acme_crm"), After: ptr("other_crm")}}
	if diff := cmp.Diff(wantVendors, d.Vendors); diff != "" {
		t.Errorf("vendors (-want +got):\n%s", diff)
	}

	wantChecks := []CheckChange{{
		ID: "capex_headroom", Severity: "error", Kind: CheckStartsFailing,
		BeforePassed: ptr(true), AfterPassed: ptr(false), Message: "Keep 10% of capex unallocated.",
		Range: &evaluate.SourceRange{Filename: "roadmap/checks.hcl", Line: 1, Column: 1, EndLine: 1, EndCol: 24},
	}}
	if diff := cmp.Diff(wantChecks, d.Checks); diff != "" {
		t.Errorf("checks (-want +got):\n%s", diff)
	}

	// Platform capacity drops from 6 to 4 in every period; data's load moves
	// with crm_migration.
	var cells []string
	for _, c := range d.Teams {
		cells = append(cells, c.Team+" "+c.Period)
	}
	wantCells := []string{
		"data 2027-Q3", "data 2028-Q1",
		"platform 2027-Q1", "platform 2027-Q2", "platform 2027-Q3", "platform 2027-Q4", "platform 2028-Q1", "platform 2028-Q2",
	}
	if diff := cmp.Diff(wantCells, cells); diff != "" {
		t.Errorf("team cells (-want +got):\n%s", diff)
	}
	q2 := d.Teams[3]
	if q2.Before.Used != 6 || q2.Before.Capacity != 6 || q2.After.Used != 4 || q2.After.Capacity != 4 {
		t.Errorf("platform 2027-Q2 = %+v → %+v, want 6 of 6 → 4 of 4", *q2.Before, *q2.After)
	}

	var fields []string
	for _, c := range d.Totals.Changes {
		fields = append(fields, c.Field)
	}
	wantTotals := []string{"scheduled", "dropped", "cost", "benefit", "npv", "risk_adjusted_npv", "scheduled_npv", "peak_parallel"}
	if diff := cmp.Diff(wantTotals, fields); diff != "" {
		t.Errorf("totals fields (-want +got):\n%s", diff)
	}
}

func TestDiffChecks(t *testing.T) {
	check := func(id string, passed bool) evaluate.CheckResult {
		msg := ""
		if !passed {
			msg = id + " failed"
		}
		return evaluate.CheckResult{ID: id, Severity: "error", Passed: passed, Message: msg}
	}
	tests := []struct {
		name          string
		before, after []evaluate.CheckResult
		want          []string // id kind
	}{
		{"passing to failing", []evaluate.CheckResult{check("a", true)}, []evaluate.CheckResult{check("a", false)}, []string{"a starts_failing"}},
		{"failing to passing", []evaluate.CheckResult{check("a", false)}, []evaluate.CheckResult{check("a", true)}, []string{"a stops_failing"}},
		{"new and failing", nil, []evaluate.CheckResult{check("a", false)}, []string{"a starts_failing"}},
		{"new and passing", nil, []evaluate.CheckResult{check("a", true)}, nil},
		{"failing and removed", []evaluate.CheckResult{check("a", false)}, nil, []string{"a stops_failing"}},
		{"failing on both sides", []evaluate.CheckResult{check("a", false)}, []evaluate.CheckResult{check("a", false)}, nil},
		{"sorted by id", []evaluate.CheckResult{check("z", true), check("b", true)}, []evaluate.CheckResult{check("z", false), check("b", false)}, []string{"b starts_failing", "z starts_failing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, a := simple([]string{"x"}), simple([]string{"x"})
			b.Checks, a.Checks = append(b.Checks, tt.before...), append(a.Checks, tt.after...)
			d := Diff(b, a)
			var got []string
			for _, c := range d.Checks {
				got = append(got, c.ID+" "+c.Kind)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if d.Changed != (len(tt.want) > 0) {
				t.Errorf("changed = %v", d.Changed)
			}
		})
	}
}

func TestDiffVendors(t *testing.T) {
	tests := []struct {
		name          string
		before, after map[string]string
		want          []VendorChange
	}{
		{"winner flips", map[string]string{"crm": "a"}, map[string]string{"crm": "b"},
			[]VendorChange{{Evaluation: "crm", Kind: KindChanged, Before: ptr("a"), After: ptr("b")}}},
		{"winner lost", map[string]string{"crm": "a"}, map[string]string{"crm": ""},
			[]VendorChange{{Evaluation: "crm", Kind: KindChanged, Before: ptr("a")}}},
		{"evaluation added", nil, map[string]string{"crm": "a"},
			[]VendorChange{{Evaluation: "crm", Kind: KindAdded, After: ptr("a")}}},
		{"evaluation removed", map[string]string{"crm": "a"}, nil,
			[]VendorChange{{Evaluation: "crm", Kind: KindRemoved, Before: ptr("a")}}},
		{"same winner", map[string]string{"crm": "a"}, map[string]string{"crm": "a"}, []VendorChange{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := difftest.Build(difftest.Spec{Horizon: 1, Vendors: tt.before})
			a := difftest.Build(difftest.Spec{Horizon: 1, Vendors: tt.after})
			if diff := cmp.Diff(tt.want, Diff(b, a).Vendors); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestDiffComparesPeriodsByLabel(t *testing.T) {
	// The roadmap now starts a quarter earlier: every index shifts by one,
	// but nothing moves in the calendar.
	before := simple([]string{"a"}, 1)
	after := simple([]string{"a"}, 1)
	after.Roadmap.Start = "2026-Q4"
	for i := range after.Periods {
		after.Periods[i].Index = i + 1
	}
	start, end := 2, 3
	after.Projects[0].StartPeriod, after.Projects[0].EndPeriod = &start, &end
	d := Diff(before, after)
	if len(d.Projects) != 0 {
		t.Errorf("projects listed: %+v", d.Projects)
	}
	want := []Change{{Field: "start", Before: "2027-Q1", After: "2026-Q4"}}
	if diff := cmp.Diff(want, d.Roadmap); diff != "" {
		t.Errorf("roadmap (-want +got):\n%s", diff)
	}
}

func TestDiffIsDeterministic(t *testing.T) {
	first := Diff(difftest.Before(), difftest.After())
	for range 20 {
		if diff := cmp.Diff(first, Diff(difftest.Before(), difftest.After())); diff != "" {
			t.Fatalf("diff changed between runs (-first +now):\n%s", diff)
		}
	}
}

func TestDiffListsAreNeverNil(t *testing.T) {
	d := Diff(nil, nil)
	if d.Projects == nil || d.Teams == nil || d.Budgets == nil || d.Vendors == nil ||
		d.Checks == nil || d.Systems == nil || d.Choices == nil || d.Roadmap == nil || d.Totals.Changes == nil {
		t.Errorf("nil list in %+v", d)
	}
	if d.Changed {
		t.Errorf("two empty plans differ")
	}
}

// TestEffectOfLifecycleChanges: a project that becomes done, cancelled or
// on hold has an effect of its own and is counted in the summary line.
func TestEffectOfLifecycleChanges(t *testing.T) {
	sched := &evaluate.ProjectPlan{Status: evaluate.StatusScheduled}
	for _, tt := range []struct{ status, want string }{
		{evaluate.StatusDone, EffectFinish},
		{evaluate.StatusCancelled, EffectCancel},
		{evaluate.StatusOnHold, EffectHold},
		{evaluate.StatusDropped, EffectDrop},
	} {
		if got := effect(sched, &evaluate.ProjectPlan{Status: tt.status}); got != tt.want {
			t.Errorf("scheduled -> %s: effect %q, want %q", tt.status, got, tt.want)
		}
	}
	d := &PlanDiff{Changed: true, Projects: []ProjectChange{
		{Kind: KindChanged, Effect: EffectFinish}, {Kind: KindChanged, Effect: EffectFinish},
		{Kind: KindChanged, Effect: EffectCancel}, {Kind: KindChanged, Effect: EffectHold},
	}}
	d.summarise()
	want := "Plan: 0 to schedule, 0 to defer, 0 to reschedule, 0 dropped, 2 finished, 1 cancelled, 1 on hold."
	if got := d.SummaryLine(); got != want {
		t.Errorf("summary line:\n got %q\nwant %q", got, want)
	}
}

// A project whose neighbours moved but whose rank number did not gets no
// "rank: 10 -> 10" line (review qa18 Q18-16b).
func TestRankChangeNeedsANewNumber(t *testing.T) {
	b := &evaluate.ProjectPlan{ID: "a", Rank: 10, Status: evaluate.StatusScheduled}
	a := &evaluate.ProjectPlan{ID: "a", Rank: 10, Status: evaluate.StatusScheduled}
	if cs := projectChanges(b, a, true); len(cs) != 0 {
		t.Errorf("same rank: changes %+v", cs)
	}
	a.Rank = 9
	if cs := projectChanges(b, a, true); len(cs) != 1 || cs[0].Field != "rank" {
		t.Errorf("rank 10 -> 9: changes %+v", cs)
	}
}
