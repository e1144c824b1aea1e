package scenario

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// load loads testdata/name once without a scenario and once with each
// scenario given.
func load(t *testing.T, name string, scenarios ...string) []*hclspec.Config {
	t.Helper()
	dir := filepath.Join("testdata", name)
	var configs []*hclspec.Config
	for _, sc := range append([]string{""}, scenarios...) {
		cfg, diags := hclspec.NewLoader().LoadDir(dir, hclspec.LoadOptions{Scenario: sc})
		if diags.HasErrors() {
			t.Fatalf("loading %s with scenario %q: %s", dir, sc, diags.Error())
		}
		configs = append(configs, cfg)
	}
	return configs
}

func label(s string) *string { return &s }

// TestCompare: a column per scenario with its totals, peaks and the
// projects it adds, removes and moves; a row per project with its cells,
// changes against the base marked.
func TestCompare(t *testing.T) {
	c, diags := Compare(context.Background(), load(t, "small", "less", "more", "poor"), evaluate.Options{})
	for _, d := range diags {
		if d.HasErrors() {
			t.Fatal(d.Error())
		}
	}
	type column struct {
		Name                     string
		Scheduled, Deferred      int
		Finish                   *string
		Added, Removed, Moved    []string
		Changed                  int
		PeakTeam                 float64
		PeakPeriod, BudgetWindow *string
		BudgetPeak               float64
		Variables                int
	}
	var got []column
	for _, col := range c.Scenarios {
		got = append(got, column{
			Name: col.Name, Scheduled: col.Totals.Scheduled, Deferred: col.Totals.Deferred, Finish: col.Finish,
			Added: col.Added, Removed: col.Removed, Moved: col.Moved, Changed: col.Changed,
			PeakTeam: col.Teams[0].Utilization, PeakPeriod: col.Teams[0].Period,
			BudgetPeak: col.Budgets[0].Utilization, BudgetWindow: col.Budgets[0].Window,
			Variables: len(col.Variables),
		})
	}
	// Each project: 2 quarters of 1 FTE (cost 20,000) plus 100,000 one-time.
	want := []column{
		{Name: "base", Scheduled: 3, Finish: label("2027-Q4"), Added: []string{}, Removed: []string{}, Moved: []string{},
			PeakTeam: 1, PeakPeriod: label("2027-Q1"), BudgetPeak: 0.36, BudgetWindow: label("total")},
		{Name: "less", Scheduled: 2, Deferred: 1, Finish: label("2027-Q4"), Added: []string{}, Removed: []string{"c"}, Moved: []string{"b"}, Changed: 2,
			PeakTeam: 1, PeakPeriod: label("2027-Q1"), BudgetPeak: 0.24, BudgetWindow: label("total"), Variables: 1},
		{Name: "more", Scheduled: 3, Finish: label("2027-Q2"), Added: []string{}, Removed: []string{}, Moved: []string{"c"}, Changed: 1,
			PeakTeam: 1, PeakPeriod: label("2027-Q1"), BudgetPeak: 0.36, BudgetWindow: label("total"), Variables: 1},
		{Name: "poor", Scheduled: 1, Deferred: 2, Finish: label("2027-Q2"), Added: []string{}, Removed: []string{"b", "c"}, Moved: []string{}, Changed: 2,
			PeakTeam: 0.5, PeakPeriod: label("2027-Q1"), BudgetPeak: 0.8, BudgetWindow: label("total"), Variables: 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}

	type cell struct {
		Status  string
		Start   *string
		Changed bool
	}
	rows := map[string][]cell{}
	var order []string
	for _, r := range c.Projects {
		order = append(order, r.ID)
		for _, x := range r.Cells {
			rows[r.ID] = append(rows[r.ID], cell{x.Status, x.Start, x.Changed})
		}
		changed := false
		for _, x := range r.Cells {
			changed = changed || x.Changed
		}
		if r.Changed != changed {
			t.Errorf("row %s: Changed %v, cells say %v", r.ID, r.Changed, changed)
		}
	}
	if diff := cmp.Diff([]string{"a", "b", "c"}, order); diff != "" {
		t.Errorf("rows in the base's rank order (-want +got):\n%s", diff)
	}
	q1, q3 := label("2027-Q1"), label("2027-Q3")
	wantRows := map[string][]cell{
		"a": {{"scheduled", q1, false}, {"scheduled", q1, false}, {"scheduled", q1, false}, {"scheduled", q1, false}},
		"b": {{"scheduled", q1, false}, {"scheduled", q3, true}, {"scheduled", q1, false}, {"deferred", nil, true}},
		"c": {{"scheduled", q3, false}, {"deferred", nil, true}, {"scheduled", q1, true}, {"deferred", nil, true}},
	}
	if diff := cmp.Diff(wantRows, rows); diff != "" {
		t.Errorf("cells (-want +got):\n%s", diff)
	}
	if c.Projects[2].Cells[1].Reason == "" || c.Projects[2].Cells[1].Gate != evaluate.GateSchedule {
		t.Errorf("a deferred cell carries its gate and first reason: %+v", c.Projects[2].Cells[1])
	}
}

// TestCompareIsThePlans: every column is the plan evaluate.Evaluate makes
// of its config, so compare and plan --scenario can never disagree.
func TestCompareIsThePlans(t *testing.T) {
	configs := load(t, "small", "less", "more", "poor")
	c, _ := Compare(context.Background(), configs, evaluate.Options{})
	for k, cfg := range configs {
		plan, diags := evaluate.Evaluate(context.Background(), cfg, evaluate.Options{})
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		if diff := cmp.Diff(plan, c.Plans[k]); diff != "" {
			t.Errorf("column %d differs from its plan (-plan +column):\n%s", k, diff)
		}
		if diff := cmp.Diff(plan.Totals, c.Scenarios[k].Totals); diff != "" {
			t.Errorf("column %d totals (-plan +column):\n%s", k, diff)
		}
	}
}

func TestLimit(t *testing.T) {
	for _, c := range []struct{ projects, want int }{{0, 100}, {15, 100}, {1000, 100}, {1001, 99}, {10000, 10}, {200000, 1}} {
		if got := Limit(c.projects); got != c.want {
			t.Errorf("Limit(%d) = %d, want %d", c.projects, got, c.want)
		}
	}
}
