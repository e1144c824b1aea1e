package frontier

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/synth"
)

func loadDir(t *testing.T, dir string) *hclspec.Config {
	t.Helper()
	cfg, diags := hclspec.NewLoader().LoadDir(dir, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatalf("loading %s: %s", dir, diags.Error())
	}
	return cfg
}

// generated is a synthetic roadmap of n projects.
func generated(t *testing.T, n int, seed uint64) *hclspec.Config {
	t.Helper()
	dir := t.TempDir()
	c := synth.Sized(n, seed)
	c.Teams, c.Periods, c.Period = 3, 8, "quarter"
	for _, f := range synth.Generate(c) {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return loadDir(t, dir)
}

func TestLevels(t *testing.T) {
	tests := []struct {
		name    string
		r       Request
		current float64
		want    []float64
		cur     int
	}{
		{"current on the grid", Request{From: 0, To: 100, Steps: 4}, 50, []float64{0, 25, 50, 75, 100}, 2},
		{"current between", Request{From: 0, To: 100, Steps: 2}, 70, []float64{0, 50, 70, 100}, 2},
		{"current below", Request{From: 10, To: 20, Steps: 1}, 5, []float64{10, 20}, -1},
		{"current above", Request{From: 10, To: 20, Steps: 1}, 25, []float64{10, 20}, -1},
		{"current at the top", Request{From: 0, To: 0.3, Steps: 3}, 0.3, []float64{0, 0.1, 0.2, 0.3}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cur := Levels(tt.r, tt.current)
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b float64) bool { return a-b < 1e-12 && b-a < 1e-12 })); diff != "" || cur != tt.cur {
				t.Errorf("Levels = %v, %d; want %v, %d (%s)", got, cur, tt.want, tt.cur, diff)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	cfg := loadDir(t, filepath.Join("..", "..", "examples", "it-department"))
	tests := []struct {
		name string
		r    Request
		want []string // summaries, and text the details must hold
	}{
		{"ok", Request{Kind: KindBudget, ID: "capex", From: 0, To: 1, Steps: 1}, nil},
		{"typo", Request{Kind: KindBudget, ID: "capx", From: 0, To: 1, Steps: 1}, []string{"Unknown budget", `Did you mean "capex"?`, "Its budgets: capex, security."}},
		{"team", Request{Kind: KindTeam, ID: "ops", From: 0, To: 1, Steps: 1}, []string{"Unknown team", "Its teams: platform, apps, workplace."}},
		{"reversed", Request{Kind: KindTeam, ID: "apps", From: 5, To: 1, Steps: 1}, []string{"Invalid levels", "must be below"}},
		{"negative", Request{Kind: KindTeam, ID: "apps", From: -1, To: 1, Steps: 1}, []string{"Invalid levels", "at least 0"}},
		{"steps", Request{Kind: KindTeam, ID: "apps", From: 0, To: 1, Steps: 0}, []string{"Invalid steps"}},
		{"too many steps", Request{Kind: KindTeam, ID: "apps", From: 0, To: 1, Steps: MaxSteps + 1}, []string{"Invalid steps"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags := Check(cfg, tt.r)
			text := ""
			for _, d := range diags {
				text += d.Summary + ": " + d.Detail + "\n"
			}
			if len(tt.want) == 0 && len(diags) > 0 {
				t.Fatalf("unexpected diagnostics:\n%s", text)
			}
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("diagnostics lack %q:\n%s", w, text)
				}
			}
		})
	}
}

// checkFrontier asserts the properties every frontier has: levels in
// order, the portfolio never worse for more of the resource, marginals
// and moves consistent with the points, and every point exactly the
// optimised plan of the roadmap at its plan_level.
func checkFrontier(t *testing.T, cfg *hclspec.Config, f *Frontier, opts evaluate.Options) {
	t.Helper()
	scale := evaluate.ValueScale(cfg)
	replanned := map[float64]*evaluate.Plan{}
	best := 0 // the point the next must not fall below
	for k, p := range f.Points {
		if p.BehindLevel != nil && (!p.Current || !Less(p, f.Points[best], f.Objective) || *p.BehindLevel != f.Points[best].PlanLevel) {
			t.Errorf("level %g: behind_level %g, yet it is not today's point below the best before it", p.Level, *p.BehindLevel)
		}
		if k > 0 {
			prev := f.Points[k-1]
			if !(p.Level > prev.Level) {
				t.Errorf("level %g after %g", p.Level, prev.Level)
			}
			if b := f.Points[best]; Less(p, b, f.Objective) && p.BehindLevel == nil {
				t.Errorf("not monotone: level %g scores %g (%d mandatory), level %g scores %g (%d mandatory)",
					p.Level, p.Objective, p.MandatoryScheduled, b.Level, b.Objective, b.MandatoryScheduled)
			}
			if p.BehindLevel == nil {
				best = k
			}
			if p.Marginal == nil || p.Marginal.Step != p.Level-prev.Level {
				t.Errorf("level %g: marginal %+v", p.Level, p.Marginal)
			}
			in := map[string]bool{}
			for _, pp := range p.Projects {
				in[pp.ID] = true
			}
			for _, id := range p.Entering {
				if !in[id] {
					t.Errorf("level %g: %s enters but is not scheduled", p.Level, id)
				}
			}
		} else if p.Marginal != nil {
			t.Errorf("first point has a marginal")
		}
		if p.PlanLevel > p.Level {
			t.Errorf("level %g: plan level %g above it", p.Level, p.PlanLevel)
		}
		plan, ok := replanned[p.PlanLevel]
		if !ok {
			o := opts
			o.Optimize = true
			var diags hcl.Diagnostics
			at := At(cfg, f.Resource.Kind, f.Resource.ID, p.PlanLevel, scale)
			if p.PlanLevel == f.Resource.Current {
				at = cfg // today's: the roadmap as it is
			}
			plan, diags = evaluate.Evaluate(context.Background(), at, o)
			if diags.HasErrors() || plan == nil {
				t.Fatalf("plan at %g: %s", p.PlanLevel, diags.Error())
			}
			replanned[p.PlanLevel] = plan
		}
		checkPoint(t, p, plan)
	}
}

// checkPoint: p's portfolio is plan's, start for start.
func checkPoint(t *testing.T, p Point, plan *evaluate.Plan) {
	t.Helper()
	var want []PointProject
	for _, pp := range plan.Projects {
		if pp.Status == evaluate.StatusScheduled {
			want = append(want, PointProject{ID: pp.ID, StartPeriod: *pp.StartPeriod, Start: *pp.Start})
		}
	}
	if diff := cmp.Diff(want, p.Projects, cmp.Transformer("nilEmpty", func(s []PointProject) []PointProject {
		if len(s) == 0 {
			return nil
		}
		return s
	})); diff != "" {
		t.Errorf("level %g (plan level %g): portfolio is not the plan's (-plan +point):\n%s", p.Level, p.PlanLevel, diff)
	}
	if p.Objective != objectiveValue(plan, plan.Roadmap.Objective) || p.NPV != plan.Totals.NPV {
		t.Errorf("level %g: objective %g NPV %g, the plan's %g and %g", p.Level, p.Objective, p.NPV, plan.Totals.Score, plan.Totals.NPV)
	}
}

// TestMonotoneAndReproducible is the frontier's property test over
// generated roadmaps: for every budget and team of each, more of it never
// gives a worse portfolio, and every point is the optimised plan at its
// plan_level.
func TestMonotoneAndReproducible(t *testing.T) {
	seeds := 3
	if testing.Short() {
		seeds = 1
	}
	opts := evaluate.Options{Seed: 7, TimeLimit: time.Hour}
	carried := 0
	for seed := uint64(1); seed <= uint64(seeds); seed++ {
		cfg := generated(t, 14, seed)
		var reqs []Request
		for _, b := range cfg.Budgets[:min(1, len(cfg.Budgets))] {
			reqs = append(reqs, Request{Kind: KindBudget, ID: b.ID, From: 0, To: 2 * b.Amount, Steps: 5})
		}
		for _, tm := range cfg.Teams[:min(1, len(cfg.Teams))] {
			reqs = append(reqs, Request{Kind: KindTeam, ID: tm.ID, From: 0, To: 2 * tm.Capacity, Steps: 5})
		}
		for _, r := range reqs {
			f, diags := Compute(context.Background(), cfg, r, opts)
			if diags.HasErrors() || f == nil {
				t.Fatalf("seed %d %s %s: %s", seed, r.Kind, r.ID, diags.Error())
			}
			checkFrontier(t, cfg, f, opts)
			for _, p := range f.Points {
				if p.PlanLevel != p.Level {
					carried++
				}
			}
			if seed == 1 {
				again, _ := Compute(context.Background(), cfg, r, opts)
				if diff := cmp.Diff(f, again); diff != "" {
					t.Errorf("seed %d %s %s: not reproducible (-first +second):\n%s", seed, r.Kind, r.ID, diff)
				}
			}
		}
	}
	t.Logf("points carried from a lower level: %d", carried)
}

// TestExampleCapex: the example's capex frontier has today's level marked,
// and that point is the plan roadmap plan --optimize makes.
func TestExampleCapex(t *testing.T) {
	cfg := loadDir(t, filepath.Join("..", "..", "examples", "it-department"))
	opts := evaluate.Options{Seed: 1, TimeLimit: time.Hour}
	r := Request{Kind: KindBudget, ID: "capex", From: 0, To: 2_000_000, Steps: 8}
	f, diags := Compute(context.Background(), cfg, r, opts)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	checkFrontier(t, cfg, f, opts)
	current := -1
	for k, p := range f.Points {
		if p.Current {
			current = k
		}
	}
	if current < 0 || f.Points[current].Level != f.Resource.Current {
		t.Fatalf("today's level %g not marked", f.Resource.Current)
	}
	plan, d := evaluate.Evaluate(context.Background(), cfg, evaluate.Options{Optimize: true, Seed: 1, TimeLimit: time.Hour})
	if d.HasErrors() {
		t.Fatal(d.Error())
	}
	checkPoint(t, f.Points[current], plan)
	if first, last := f.Points[0], f.Points[len(f.Points)-1]; !(last.Objective > first.Objective) || first.Scheduled >= last.Scheduled {
		t.Errorf("no capex buys as much as 2,000,000: %+v vs %+v", first, last)
	}
}

// TestKeepMonotone: a point the optimiser left worse than the best below
// takes that one's portfolio, keeping its own level; today's point keeps
// its plan and names the level it is behind.
func TestKeepMonotone(t *testing.T) {
	pt := func(level, obj float64, mandatory int) Point {
		return Point{Level: level, PlanLevel: level, Objective: obj, MandatoryScheduled: mandatory,
			Projects: []PointProject{{ID: fmt.Sprint("at ", level)}}}
	}
	points := []Point{pt(0, 1, 0), pt(1, 0.5, 0), pt(2, 2, 0), pt(3, 3, 0), pt(4, 9, 0)}
	points[3].MandatoryScheduled = 1
	points = append(points, pt(5, 5, 0)) // fewer mandatory: worse despite more score
	points[5].Current = true             // today keeps its plan, behind level 3
	points = append(points, pt(6, 4, 0)) // carries level 3's, not today's
	keepMonotone(points, "score")
	type got struct {
		Level, PlanLevel, Objective float64
		Current                     bool
		Project                     string
		Behind                      float64
	}
	var gots []got
	for _, p := range points {
		behind := -1.0
		if p.BehindLevel != nil {
			behind = *p.BehindLevel
		}
		gots = append(gots, got{p.Level, p.PlanLevel, p.Objective, p.Current, p.Projects[0].ID, behind})
	}
	want := []got{
		{0, 0, 1, false, "at 0", -1},
		{1, 0, 1, false, "at 0", -1},
		{2, 2, 2, false, "at 2", -1},
		{3, 3, 3, false, "at 3", -1},
		{4, 3, 3, false, "at 3", -1},
		{5, 5, 5, true, "at 5", 3},
		{6, 3, 3, false, "at 3", -1},
	}
	if diff := cmp.Diff(want, gots); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLevelsStartAtSpendToDate: on a living roadmap a budget's frontier
// starts at what its windows have already spent (the mid-year example:
// EUR 620,000 of capex in 2027 by 2027-Q3); an explicit lower --from is
// kept, with a warning.
func TestLevelsStartAtSpendToDate(t *testing.T) {
	cfg := loadDir(t, "../../examples/it-department-midyear")
	base, diags := evaluate.Evaluate(context.Background(), cfg, evaluate.Options{RankOrder: true})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	r := Request{Kind: KindBudget, ID: "capex", From: 0, To: 3_000_000, Steps: 2}
	spent, window := SpentToDate(base, r)
	if spent != 620_000 || window != "2027" {
		t.Fatalf("spent to date %v in window %q, want 620000 in 2027", spent, window)
	}
	opts := evaluate.Options{Seed: 1, TimeLimit: time.Minute}
	r.FromSpent = true
	f, diags := Compute(context.Background(), cfg, r, opts)
	if diags.HasErrors() || f == nil {
		t.Fatal(diags)
	}
	if got := f.Points[0].Level; got != spent {
		t.Errorf("first level %v, want the spend to date %v", got, spent)
	}
	for _, d := range diags {
		if d.Summary == "Levels below the spend to date" {
			t.Errorf("warned although the levels start at the spend to date: %s", d.Detail)
		}
	}

	r.FromSpent = false
	f, diags = Compute(context.Background(), cfg, r, opts)
	if diags.HasErrors() || f == nil {
		t.Fatal(diags)
	}
	if got := f.Points[0].Level; got != 0 {
		t.Errorf("first level %v, want the --from given, 0", got)
	}
	warned := false
	for _, d := range diags {
		warned = warned || (d.Summary == "Levels below the spend to date" && strings.Contains(d.Detail, "EUR 620,000 in its 2027 window by the status date 2027-Q3") && strings.Contains(d.Detail, "--from 620000"))
	}
	if !warned {
		t.Errorf("no warning about the levels below the spend to date: %v", diags)
	}
}
