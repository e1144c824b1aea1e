package evaluate

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// strategyConfig is docs/evaluation.md's ranking example. Yearly periods,
// no discounting, every project one year of build then one year of
// benefit, so risk-adjusted NPV = benefit x (1 - failure) - cost.
// Goals: g1 weight 3, g2 weight 1 (sum 4). One team of 2 FTE; every
// project needs 1 FTE for 2 years, so two run at once and the third waits.
//
//	project  goals            alignment  cost benefit risk (which)     RA-NPV
//	a        g1=1             3/4 = .75  100  500     .5 (failure)     250-100 = 150
//	b        g2=1             1/4 = .25  100  400     .2 (disruption)  400-100 = 300
//	c        g1=.5, g2=1      2.5/4=.625 100  150     .1 (failure)     135-100 = 35
//
// Normalised 0..1: alignment a 1, b 0, c (.625-.25)/.5 = .75; value a
// (150-35)/265 = .433962, b 1, c 0; safety (1-risk: .5, .8, .9) a 0, b .75,
// c 1. Scores (0.5 A + 0.3 V + 0.2 S): a .5 + .130189 = .630189; b .3 + .15
// = .45; c .375 + .2 = .575.
func strategyConfig(strategy hclspec.Strategy) *hclspec.Config {
	cfg := newConfig(hclspec.Year, "2027", 4)
	cfg.Roadmap.Strategy = strategy
	addGoal(cfg, "g1", 3)
	addGoal(cfg, "g2", 1)
	addTeam(cfg, "team", 2, 0)
	add := func(id string, goals map[string]float64, benefit float64, risk hclspec.Risk) {
		p := addProject(cfg, newProject(id, 2))
		p.Goals = goals
		p.Cost.OneTime = 100
		p.Benefit = hclspec.Benefit{PerYear: benefit, Years: 1}
		p.Risk = risk
		p.Effort["team"] = 1
	}
	add("a", map[string]float64{"g1": 1}, 500, hclspec.Risk{Failure: 0.5})
	add("b", map[string]float64{"g2": 1}, 400, hclspec.Risk{Disruption: 0.2})
	add("c", map[string]float64{"g1": 0.5, "g2": 1}, 150, hclspec.Risk{Failure: 0.1})
	return cfg
}

func TestScores(t *testing.T) {
	plan := mustEvaluate(t, strategyConfig(hclspec.StrategyValue))
	type row struct {
		ID                       string
		Alignment, Risk, Score   float64
		RiskAdjustedNPV, Benefit float64
	}
	var got []row
	for _, p := range plan.Projects {
		got = append(got, row{p.ID, p.Alignment, p.Risk, p.Score, p.RiskAdjustedNPV, p.Benefit})
	}
	want := []row{
		{"a", 0.75, 0.5, 0.630189, 150, 500},
		{"c", 0.625, 0.1, 0.575, 35, 150},
		{"b", 0.25, 0.2, 0.45, 300, 400},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-6)); diff != "" {
		t.Errorf("scores (-want +got):\n%s", diff)
	}
}

func TestStrategies(t *testing.T) {
	tests := []struct {
		strategy hclspec.Strategy
		scoring  *hclspec.Scoring
		order    []string
		starts   map[string]int // year index each starts in
	}{
		// By score: a (.630), c (.575), b (.45); b waits for a free FTE.
		{hclspec.StrategyValue, nil, []string{"a", "c", "b"}, map[string]int{"a": 0, "c": 0, "b": 2}},
		// Lowest risk first: c (.1), b (.2), a (.5); a, the riskiest, waits.
		{hclspec.StrategySafety, nil, []string{"c", "b", "a"}, map[string]int{"c": 0, "b": 0, "a": 2}},
		// Flagship b (highest risk-adjusted NPV, 300), then safest first:
		// c (.1), a (.5).
		{hclspec.StrategyCalculatedRisk, nil, []string{"b", "c", "a"}, map[string]int{"b": 0, "c": 0, "a": 2}},
		// Value alone decides: b (1), a (.434), c (0).
		{hclspec.StrategyValue, &hclspec.Scoring{Value: 1}, []string{"b", "a", "c"}, map[string]int{"b": 0, "a": 0, "c": 2}},
		// Weights need not sum to 1: 2/1/1 is 0.5/0.25/0.25. a: (2 + .434 + 0)/4
		// = .608491; b: (0 + 1 + .75)/4 = .4375; c: (1.5 + 0 + 1)/4 = .625.
		{hclspec.StrategyValue, &hclspec.Scoring{Alignment: 2, Value: 1, Safety: 1}, []string{"c", "a", "b"}, map[string]int{"c": 0, "a": 0, "b": 2}},
	}
	for _, tt := range tests {
		name := string(tt.strategy)
		if tt.scoring != nil {
			name += "/custom weights"
		}
		t.Run(name, func(t *testing.T) {
			cfg := strategyConfig(tt.strategy)
			if tt.scoring != nil {
				cfg.Roadmap.Scoring = *tt.scoring
			}
			plan := mustEvaluate(t, cfg)
			var order []string
			starts := map[string]int{}
			for i, p := range plan.Projects {
				order = append(order, p.ID)
				if p.Rank != i+1 {
					t.Errorf("%s has rank %d at position %d", p.ID, p.Rank, i)
				}
				if p.StartPeriod != nil {
					starts[p.ID] = *p.StartPeriod
				}
			}
			if diff := cmp.Diff(tt.order, order); diff != "" {
				t.Errorf("rank order (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.starts, starts); diff != "" {
				t.Errorf("starts (-want +got):\n%s", diff)
			}
		})
	}
}

// Mandatory projects rank first whatever their score; dropped projects
// rank after every live one; ties break on id.
func TestRankGroupsAndTies(t *testing.T) {
	cfg := strategyConfig(hclspec.StrategyValue)
	low := addProject(cfg, newProject("z_mandatory", 1))
	low.Mandatory = true
	gone := addProject(cfg, newProject("d_dropped", 1)) // no goal
	gone.Benefit.PerYear = 1e6
	for _, id := range []string{"y", "x"} { // identical projects: x before y
		p := addProject(cfg, newProject(id, 1))
		p.Goals = map[string]float64{"g1": 0.1}
	}
	plan := mustEvaluate(t, cfg)
	var order []string
	for _, p := range plan.Projects {
		order = append(order, p.ID)
	}
	want := []string{"z_mandatory", "a", "c", "b", "x", "y", "d_dropped"}
	if diff := cmp.Diff(want, order); diff != "" {
		t.Errorf("rank order (-want +got):\n%s", diff)
	}
}

func TestNormalise(t *testing.T) {
	tests := []struct{ in, want []float64 }{
		{[]float64{35, 150, 300}, []float64{0, 115.0 / 265, 1}},
		{[]float64{-10, 10}, []float64{0, 1}},
		{[]float64{7, 7}, []float64{1, 1}},
		{[]float64{}, []float64{}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, normalise(tt.in), cmpopts.EquateApprox(0, 1e-12)); diff != "" {
			t.Errorf("normalise(%v) (-want +got):\n%s", tt.in, diff)
		}
	}
}
