package evaluate

import (
	"fmt"
	"math"
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
// scoring.value_scale = 150.
//
//	project  goals            alignment  cost benefit risk (which)     RA-NPV
//	a        g1=1             3/4 = .75  100  500     .5 (failure)     250-100 = 150
//	b        g2=1             1/4 = .25  100  400     .2 (disruption)  400-100 = 300
//	c        g1=.5, g2=1      2.5/4=.625 100  150     .1 (failure)     135-100 = 35
//
// Value = rNPV / (|rNPV| + 150): a 150/300 = .5, b 300/450 = .666667,
// c 35/185 = .189189; safety = 1 - risk: a .5, b .8, c .9. Scores
// (0.5 A + 0.3 V + 0.2 S): a .375 + .15 + .1 = .625; b .125 + .2 + .16 =
// .485; c .3125 + .056757 + .18 = .549257.
func strategyConfig(strategy hclspec.Strategy) *hclspec.Config {
	cfg := newConfig(hclspec.Year, "2027", 4)
	cfg.Roadmap.Strategy = strategy
	cfg.Roadmap.Scoring.ValueScale = 150
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
		Alignment, Risk, Value   float64
		Score                    float64
		RiskAdjustedNPV, Benefit float64
	}
	var got []row
	for _, p := range plan.Projects {
		got = append(got, row{p.ID, p.Alignment, p.Risk, p.ValueScore, p.Score, p.RiskAdjustedNPV, p.Benefit})
	}
	want := []row{
		{"a", 0.75, 0.5, 0.5, 0.625, 150, 500},
		{"c", 0.625, 0.1, 0.189189, 0.549257, 35, 150},
		{"b", 0.25, 0.2, 0.666667, 0.485, 300, 400},
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
		// By score: a (.625), c (.549), b (.485); b waits for a free FTE.
		{hclspec.StrategyValue, nil, []string{"a", "c", "b"}, map[string]int{"a": 0, "c": 0, "b": 2}},
		// Lowest risk first: c (.1), b (.2), a (.5); a, the riskiest, waits.
		{hclspec.StrategySafety, nil, []string{"c", "b", "a"}, map[string]int{"c": 0, "b": 0, "a": 2}},
		// Flagship b (highest risk-adjusted NPV, 300), then safest first:
		// c (.1), a (.5).
		{hclspec.StrategyCalculatedRisk, nil, []string{"b", "c", "a"}, map[string]int{"b": 0, "c": 0, "a": 2}},
		// Value alone decides: b (.667), a (.5), c (.189).
		{hclspec.StrategyValue, &hclspec.Scoring{Value: 1, ValueScale: 150}, []string{"b", "a", "c"}, map[string]int{"b": 0, "a": 0, "c": 2}},
		// Weights need not sum to 1: 2/1/1 is 0.5/0.25/0.25. a: (1.5 + .5 +
		// .5)/4 = .625; b: (.5 + .666667 + .8)/4 = .491667; c: (1.25 +
		// .189189 + .9)/4 = .584797.
		{hclspec.StrategyValue, &hclspec.Scoring{Alignment: 2, Value: 1, Safety: 1, ValueScale: 150}, []string{"a", "c", "b"}, map[string]int{"a": 0, "c": 0, "b": 2}},
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

func TestValueOf(t *testing.T) {
	tests := []struct{ rnpv, scale, want float64 }{
		{0, 100, 0},
		{100, 100, 0.5}, // the scale earns half of full value
		{300, 100, 0.75},
		{-100, 100, -0.5}, // a value destroyer scores below zero
		{1e12, 100, 1},
	}
	for _, tt := range tests {
		if got := valueOf(tt.rnpv, tt.scale); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("valueOf(%g, %g) = %g, want %g", tt.rnpv, tt.scale, got, tt.want)
		}
	}
	// Strictly increasing: more money always scores more.
	prev := math.Inf(-1)
	for x := -1e6; x <= 1e6; x += 12345.6 {
		v := valueOf(x, 250000)
		if v <= prev || v <= -1 || v >= 1 {
			t.Fatalf("valueOf(%g) = %g after %g: not strictly increasing inside -1..1", x, v, prev)
		}
		prev = v
	}
}

// The value scale depends on the roadmap's settings only: set by hand, else
// the largest budget's yearly amount, else the teams' yearly cost, else a
// fixed default. Quarterly roadmap, 8 quarters (2 years).
func TestValueScaleDefault(t *testing.T) {
	tests := []struct {
		name      string
		build     func(cfg *hclspec.Config)
		want      float64
		wantBasis string
	}{
		{"set by hand", func(cfg *hclspec.Config) {
			cfg.Roadmap.Scoring.ValueScale = 42
			addBudget(cfg, "capex", 1e6, hclspec.PerYear)
		}, 42, "scoring.value_scale"},
		{"largest budget per year", func(cfg *hclspec.Config) {
			addBudget(cfg, "small", 100000, hclspec.PerYear)
			addBudget(cfg, "capex", 900000, hclspec.PerYear)
		}, 900000, `yearly amount of budget "capex"`},
		{"budget per period counts four quarters", func(cfg *hclspec.Config) {
			addBudget(cfg, "capex", 500000, hclspec.PerYear)
			addBudget(cfg, "run", 200000, hclspec.PerPeriod)
		}, 800000, `yearly amount of budget "run"`},
		{"budget in total spread over the horizon's two years", func(cfg *hclspec.Config) {
			addBudget(cfg, "programme", 3e6, hclspec.PerTotal)
		}, 1.5e6, `yearly amount of budget "programme"`},
		{"teams at capacity", func(cfg *hclspec.Config) {
			addTeam(cfg, "a", 4, 25000)
			addTeam(cfg, "b", 2, 30000)
		}, (4*25000 + 2*30000) * 4, "yearly cost of the teams at capacity"},
		{"nothing to size it from", func(cfg *hclspec.Config) {
			addTeam(cfg, "a", 4, 0)
		}, 1e6, "fixed default: no budget or team cost to size it from"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := newConfig(hclspec.Quarter, "2027-Q1", 8)
			tt.build(cfg)
			plan := mustEvaluate(t, cfg)
			got := plan.Roadmap.Scoring
			if got.ValueScale != tt.want || got.ValueScaleBasis != tt.wantBasis {
				t.Errorf("value scale %g (%s), want %g (%s)", got.ValueScale, got.ValueScaleBasis, tt.want, tt.wantBasis)
			}
		})
	}
}

// Scores are absolute: a project's score is the same alone as among many,
// and adding a project never reorders the others (no rank reversal).
func TestScoresIndependentOfOtherProjects(t *testing.T) {
	alone := strategyConfig(hclspec.StrategyValue)
	alone.Projects = alone.Projects[:1] // a
	crowded := strategyConfig(hclspec.StrategyValue)
	for i, benefit := range []float64{1000, 1e7, 0} {
		p := addProject(crowded, newProject(fmt.Sprintf("extra%d", i), 1))
		p.Goals = map[string]float64{"g2": 1}
		p.Cost.OneTime = 1000
		p.Benefit = hclspec.Benefit{PerYear: benefit, Years: 1}
	}
	a1 := projectByID(t, mustEvaluate(t, alone), "a")
	plan := mustEvaluate(t, crowded)
	a2 := projectByID(t, plan, "a")
	if a1.Score != a2.Score || a1.ValueScore != a2.ValueScore {
		t.Errorf("a scores %g (value %g) alone, %g (value %g) among others", a1.Score, a1.ValueScore, a2.Score, a2.ValueScore)
	}
	var order []string
	for _, p := range plan.Projects {
		if len(p.ID) == 1 {
			order = append(order, p.ID)
		}
	}
	if diff := cmp.Diff([]string{"a", "c", "b"}, order); diff != "" {
		t.Errorf("order of a, b, c among others (-want +got):\n%s", diff)
	}
}
