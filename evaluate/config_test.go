package evaluate

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// Builders for configs in Go: tests state only what matters to them.

func newConfig(unit hclspec.PeriodUnit, start string, horizon int) *hclspec.Config {
	from, _, err := hclspec.ParseDateSpan(start)
	if err != nil {
		panic(err)
	}
	return &hclspec.Config{
		Roadmap: &hclspec.Roadmap{
			Name:         "test",
			Currency:     "EUR",
			Start:        start,
			Period:       unit,
			Horizon:      horizon,
			Strategy:     hclspec.StrategyValue,
			RiskAppetite: 1,
			Scoring:      hclspec.Scoring{Alignment: 0.5, Value: 0.3, Safety: 0.2},
		},
		Calendar: hclspec.NewCalendar(unit, from),
	}
}

func quarterly(horizon int) *hclspec.Config { return newConfig(hclspec.Quarter, "2027-Q1", horizon) }

func newProject(id string, duration int) *hclspec.Project {
	return &hclspec.Project{
		ID:            id,
		Title:         id,
		Goals:         map[string]float64{},
		Effort:        map[string]float64{},
		Duration:      duration,
		Benefit:       hclspec.Benefit{Years: 5},
		EarliestStart: -1,
		Deadline:      -1,
		Ranges:        hclspec.Ranges{},
	}
}

func addTeam(cfg *hclspec.Config, id string, capacity, costPerFTE float64) *hclspec.Team {
	t := &hclspec.Team{ID: id, Title: id, Capacity: capacity, CostPerFTE: costPerFTE, Ranges: hclspec.Ranges{}}
	cfg.Teams = append(cfg.Teams, t)
	return t
}

func addBudget(cfg *hclspec.Config, id string, amount float64, per hclspec.BudgetPer) *hclspec.Budget {
	b := &hclspec.Budget{ID: id, Title: id, Amount: amount, Per: per, Ranges: hclspec.Ranges{}}
	cfg.Budgets = append(cfg.Budgets, b)
	return b
}

func addGoal(cfg *hclspec.Config, id string, weight float64) *hclspec.Goal {
	g := &hclspec.Goal{ID: id, Title: id, Weight: weight, Ranges: hclspec.Ranges{}}
	cfg.Goals = append(cfg.Goals, g)
	return g
}

func addProject(cfg *hclspec.Config, p *hclspec.Project) *hclspec.Project {
	cfg.Projects = append(cfg.Projects, p)
	return p
}

// rng is a range in a fake file, so findings carry a source range.
func rng(line int) hcl.Range {
	return hcl.Range{Filename: "main.hcl", Start: hcl.Pos{Line: line, Column: 3, Byte: 0}, End: hcl.Pos{Line: line, Column: 20, Byte: 0}}
}

// mustEvaluate evaluates cfg and fails the test on error diagnostics.
func mustEvaluate(t *testing.T, cfg *hclspec.Config) *Plan {
	t.Helper()
	plan, diags := Evaluate(context.Background(), cfg, Options{})
	if diags.HasErrors() {
		t.Fatalf("Evaluate: %v", diags)
	}
	if plan == nil {
		t.Fatal("Evaluate returned no plan")
	}
	return plan
}

func projectByID(t *testing.T, plan *Plan, id string) ProjectPlan {
	t.Helper()
	for _, p := range plan.Projects {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("project %q not in plan", id)
	return ProjectPlan{}
}

func TestEvaluateEndToEnd(t *testing.T) {
	cfg := quarterly(8)
	cfg.Roadmap.DiscountRate = 0.08
	addGoal(cfg, "cut_costs", 3)
	addTeam(cfg, "platform", 4, 30000)
	addBudget(cfg, "capex", 500000, hclspec.PerYear)
	a := addProject(cfg, newProject("a", 2))
	a.Goals["cut_costs"] = 1
	a.Effort["platform"] = 2
	a.Funding = "capex"
	a.Cost.OneTime = 100000
	a.Benefit.PerYear = 200000
	b := addProject(cfg, newProject("b", 2))
	b.Goals["cut_costs"] = 0.5
	b.Effort["platform"] = 3
	b.Funding = "capex"
	b.Benefit.PerYear = 100000
	c := addProject(cfg, newProject("c", 1))
	c.Ranges["goals"] = rng(12)

	plan := mustEvaluate(t, cfg)
	if _, err := json.Marshal(plan); err != nil {
		t.Fatal(err)
	}
	pa, pb, pc := projectByID(t, plan, "a"), projectByID(t, plan, "b"), projectByID(t, plan, "c")
	if pa.Status != StatusScheduled || *pa.StartPeriod != 0 {
		t.Errorf("a: status %s start %v, want scheduled at 0", pa.Status, pa.StartPeriod)
	}
	// a uses 2 of platform's 4 FTE; b needs 3, so it waits until a ends.
	if pb.Status != StatusScheduled || *pb.StartPeriod != 2 {
		t.Errorf("b: status %s start %v, want scheduled at 2", pb.Status, pb.StartPeriod)
	}
	if pc.Status != StatusDropped || pc.Gate != GateAlignment || pc.Findings[0].Range == nil || pc.Findings[0].Range.Line != 12 {
		t.Errorf("c: %+v, want dropped by alignment at line 12", pc)
	}
}
