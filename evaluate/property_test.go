package evaluate

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

const propertyRuns = 600

// randomConfig builds a random but valid roadmap from seed: the same seed
// always gives the same config.
func randomConfig(seed uint64) *hclspec.Config {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	units := []hclspec.PeriodUnit{hclspec.Quarter, hclspec.Quarter, hclspec.Month, hclspec.Year, hclspec.Week}
	unit := units[r.IntN(len(units))]
	starts := map[hclspec.PeriodUnit][]string{
		hclspec.Quarter: {"2027-Q1", "2027-Q3"},
		hclspec.Month:   {"2027-01", "2027-05"},
		hclspec.Year:    {"2027"},
		hclspec.Week:    {"2027-W01", "2027-W30"},
	}[unit]
	cfg := newConfig(unit, starts[r.IntN(len(starts))], 1+r.IntN(14))
	rm := cfg.Roadmap
	rm.DiscountRate = float64(r.IntN(15)) / 100
	rm.Strategy = []hclspec.Strategy{hclspec.StrategyValue, hclspec.StrategySafety, hclspec.StrategyCalculatedRisk}[r.IntN(3)]
	rm.RiskAppetite = 0.3 + 0.7*r.Float64()
	if r.IntN(3) == 0 {
		rm.MaxParallel = 1 + r.IntN(3)
	}
	if r.IntN(4) == 0 {
		rm.Scoring = hclspec.Scoring{Alignment: r.Float64(), Value: r.Float64(), Safety: r.Float64()}
	}
	caps := []string{"sso", "crm", "dwh", "vm"}
	rm.Stack = caps[:r.IntN(3)]
	rm.Policies = hclspec.Policies{MaxTeamUtilization: []float64{0, 0.8, 1}[r.IntN(3)], RequireGoal: r.IntN(2) == 0, MaxBudgetShare: []float64{0, 0.9}[r.IntN(2)]}

	for i := range r.IntN(4) {
		addGoal(cfg, fmt.Sprintf("goal%d", i), float64(1+r.IntN(3)))
	}
	for i := range r.IntN(3) {
		cfg.Departments = append(cfg.Departments, &hclspec.Department{ID: fmt.Sprintf("dept%d", i), Head: "head"})
	}
	for i := range 1 + r.IntN(4) {
		t := addTeam(cfg, fmt.Sprintf("team%d", i), float64(1+r.IntN(6)), float64(r.IntN(5))*5000)
		if r.IntN(3) == 0 {
			t.CapacityByPeriod = map[int]float64{}
			for range 1 + r.IntN(3) {
				t.CapacityByPeriod[r.IntN(rm.Horizon)] = float64(r.IntN(9))
			}
		}
	}
	pers := []hclspec.BudgetPer{hclspec.PerYear, hclspec.PerPeriod, hclspec.PerTotal}
	for i := range r.IntN(3) {
		addBudget(cfg, fmt.Sprintf("budget%d", i), float64(50000+r.IntN(20)*25000), pers[r.IntN(3)])
	}
	for i := range r.IntN(4) {
		v := &hclspec.Vendor{ID: fmt.Sprintf("vendor%d", i), Category: "cat", OneTime: float64(r.IntN(5)) * 10000,
			Annual: float64(r.IntN(5)) * 10000, Provides: []string{caps[r.IntN(len(caps))]},
			Scores: map[string]float64{"fit": float64(r.IntN(6))}}
		cfg.Vendors = append(cfg.Vendors, v)
	}
	if len(cfg.Vendors) > 0 {
		cfg.Evaluations = append(cfg.Evaluations, &hclspec.Evaluation{ID: "eval", Category: "cat",
			Criteria: map[string]float64{"fit": 0.7, "cost": 0.3}, MinimumScore: float64(r.IntN(5)), Years: 3})
	}

	for i := range r.IntN(13) {
		p := addProject(cfg, newProject(fmt.Sprintf("p%02d", i), 1+r.IntN(5)))
		for _, g := range cfg.Goals {
			if r.IntN(6) > 0 {
				p.Goals[g.ID] = float64(r.IntN(5)) / 4 // 0 now and then: not aligned
			}
		}
		for _, d := range cfg.Departments {
			switch r.IntN(12) {
			case 0:
				p.OpposedBy = append(p.OpposedBy, d.ID)
			case 1, 2, 3, 4, 5, 6, 7, 8, 9:
				p.EndorsedBy = append(p.EndorsedBy, d.ID)
			}
		}
		for j := range i { // only earlier projects: no cycles
			if r.IntN(3*i) == 0 {
				p.DependsOn = append(p.DependsOn, fmt.Sprintf("p%02d", j))
			}
		}
		if r.IntN(6) == 0 {
			p.Requires = []string{caps[r.IntN(len(caps))]}
		}
		if r.IntN(4) == 0 {
			p.Provides = []string{caps[r.IntN(len(caps))]}
		}
		switch {
		case len(cfg.Vendors) > 0 && r.IntN(4) == 0:
			p.Vendor = hclspec.VendorRef{Kind: hclspec.RefEvaluation, ID: "eval"}
		case len(cfg.Vendors) > 0 && r.IntN(4) == 0:
			p.Vendor = hclspec.VendorRef{Kind: hclspec.RefVendor, ID: cfg.Vendors[r.IntN(len(cfg.Vendors))].ID}
		}
		for _, t := range cfg.Teams {
			if r.IntN(2) == 0 {
				p.Effort[t.ID] = float64(1+r.IntN(6)) / 2
			}
		}
		switch {
		case len(cfg.Budgets) >= 2 && r.IntN(4) == 0:
			a := r.IntN(len(cfg.Budgets))
			b := (a + 1) % len(cfg.Budgets)
			share := float64(1+r.IntN(9)) / 10
			p.FundingSplit = map[string]float64{cfg.Budgets[a].ID: share, cfg.Budgets[b].ID: 1 - share}
		case len(cfg.Budgets) > 0 && r.IntN(5) > 0:
			p.Funding = cfg.Budgets[r.IntN(len(cfg.Budgets))].ID
		}
		p.Cost = hclspec.Cost{OneTime: float64(r.IntN(10)) * 20000, PerYear: float64(r.IntN(4)) * 10000}
		p.Benefit = hclspec.Benefit{PerYear: float64(r.IntN(10)) * 50000, RampPeriods: r.IntN(4), Years: float64(1 + r.IntN(5))}
		p.Risk = hclspec.Risk{Disruption: r.Float64() / 4, Security: r.Float64() / 5, Failure: r.Float64() / 3}
		if r.IntN(4) == 0 {
			p.EarliestStart = r.IntN(rm.Horizon + 1)
		}
		if r.IntN(4) == 0 {
			p.Deadline = r.IntN(rm.Horizon + 2)
		}
		p.Mandatory = r.IntN(10) == 0
	}
	for i, src := range []string{"plan.totals.scheduled >= 0", "plan.totals.cost <= 1000000", `length([for p in plan.projects : p if p.status == "scheduled"]) == plan.totals.scheduled`} {
		if r.IntN(2) == 0 {
			continue
		}
		expr, diags := hclsyntax.ParseExpression([]byte(src), "check.hcl", hcl.InitialPos)
		if diags.HasErrors() {
			panic(diags)
		}
		cfg.Checks = append(cfg.Checks, &hclspec.Check{ID: fmt.Sprintf("check%d", i), Condition: expr, Severity: "warning"})
	}
	if r.IntN(4) == 0 {
		h := &hclspec.Hurdle{}
		if r.IntN(2) == 0 {
			x := float64(r.IntN(5)-1) * 50000
			h.MinRiskAdjustedNPV = &x
		}
		if r.IntN(2) == 0 {
			x := float64(r.IntN(4)) / 10
			h.MinIRR = &x
		}
		if r.IntN(2) == 0 {
			x := float64(2 + r.IntN(10))
			h.MaxPayback = &x
		}
		rm.Hurdle = h
	}
	return cfg
}

func TestPropertiesOverRandomRoadmaps(t *testing.T) {
	statuses, gates := map[string]int{}, map[string]int{}
	for seed := uint64(1); seed <= propertyRuns; seed++ {
		cfg := randomConfig(seed)
		plan, diags := Evaluate(context.Background(), cfg, Options{})
		if diags.HasErrors() || plan == nil {
			t.Fatalf("seed %d: %v", seed, diags)
		}
		for _, p := range plan.Projects {
			statuses[p.Status]++
			gates[p.Gate]++
		}
		for _, err := range planViolations(cfg, plan) {
			t.Errorf("seed %d: %s", seed, err)
		}
		first, err := json.Marshal(plan)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		again, _ := Evaluate(context.Background(), randomConfig(seed), Options{})
		second, _ := json.Marshal(again)
		if !bytes.Equal(first, second) {
			t.Errorf("seed %d: the same input gave different JSON", seed)
		}
	}
	// The generator must exercise every outcome, or the test proves little.
	for _, s := range []string{StatusScheduled, StatusDeferred, StatusDropped} {
		if statuses[s] < 100 {
			t.Errorf("only %d %s projects over %d roadmaps", statuses[s], s, propertyRuns)
		}
	}
	for _, g := range []string{GateAlignment, GateDepartments, GateViability, GateResources, GateRisk, GateValue, GateSchedule} {
		if gates[g] < 50 {
			t.Errorf("only %d projects stopped by gate %s over %d roadmaps", gates[g], g, propertyRuns)
		}
	}
	t.Logf("outcomes over %d roadmaps: %v; by gate: %v", propertyRuns, statuses, gates)
}

// planViolations recomputes every limit from cfg and the plan's projects,
// independently of the scheduler's own bookkeeping, and lists what breaks.
func planViolations(cfg *hclspec.Config, plan *Plan) []string {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	h := cfg.Roadmap.Horizon
	ppy := cfg.Calendar.PeriodsPerYear()
	byID := map[string]ProjectPlan{}
	for _, p := range plan.Projects {
		byID[p.ID] = p
	}
	if len(plan.Projects) != len(cfg.Projects) {
		bad("%d projects in the plan, %d in the config", len(plan.Projects), len(cfg.Projects))
	}
	used := map[string][]float64{}
	for _, t := range cfg.Teams {
		used[t.ID] = make([]float64, h)
	}
	active := make([]int, h)
	spend := map[string]map[int]float64{} // budget -> window -> spend
	perPeriod := map[string][]float64{}   // budget -> period -> spend
	teamCost := map[string]float64{}
	for _, t := range cfg.Teams {
		teamCost[t.ID] = t.CostPerFTE
	}
	vendorOneTime := map[string]float64{}
	for _, v := range cfg.Vendors {
		vendorOneTime[v.ID] = v.OneTime
	}
	window := func(b *hclspec.Budget, t int) int {
		switch b.Per {
		case hclspec.PerPeriod:
			return t
		case hclspec.PerTotal:
			return 0
		}
		return t / ppy
	}
	budgets := map[string]*hclspec.Budget{}
	for _, b := range cfg.Budgets {
		budgets[b.ID] = b
		spend[b.ID], perPeriod[b.ID] = map[int]float64{}, make([]float64, h)
	}
	for i, p := range plan.Projects {
		if p.Rank != i+1 {
			bad("%s: rank %d at position %d", p.ID, p.Rank, i)
		}
		if p.Status != StatusScheduled {
			// Reasons are the error findings; a project a mandatory one
			// carries past a soft gate has warnings too.
			errs := 0
			for _, f := range p.Findings {
				if f.Severity == SeverityError {
					errs++
				}
			}
			if len(p.Reasons) == 0 || p.Gate == "" || errs != len(p.Reasons) {
				bad("%s is %s without a reason (gate %q, reasons %q)", p.ID, p.Status, p.Gate, p.Reasons)
			}
			if p.StartPeriod != nil || p.ScheduledNPV != nil {
				bad("%s is %s but has a start", p.ID, p.Status)
			}
			continue
		}
		if len(p.Reasons) != 0 || p.Gate != "" {
			bad("%s is scheduled but has reasons %q", p.ID, p.Reasons)
		}
		for _, f := range p.Findings {
			if f.Severity != SeverityWarning {
				bad("%s is scheduled but has the %s finding %q", p.ID, f.Severity, f.Message)
			}
		}
		start, end := *p.StartPeriod, *p.EndPeriod
		src := cfgProject(cfg, p.ID)
		if start < 0 || end > h || end-start != src.Duration {
			bad("%s runs %d..%d, outside 0..%d or not %d periods", p.ID, start, end, h, src.Duration)
			continue
		}
		if src.EarliestStart >= 0 && start < src.EarliestStart {
			bad("%s starts %d before its earliest_start %d", p.ID, start, src.EarliestStart)
		}
		if src.Deadline >= 0 && end-1 > src.Deadline {
			// Mandatory work is scheduled late, not left out, and says so.
			late := false
			for _, f := range p.Findings {
				late = late || src.Mandatory && strings.Contains(f.Message, "mandatory work is scheduled late, not left out")
			}
			if !late {
				bad("%s ends %d after its deadline %d", p.ID, end-1, src.Deadline)
			}
		}
		for _, d := range src.DependsOn {
			dep := byID[d]
			if dep.Status != StatusScheduled || *dep.EndPeriod > start {
				bad("%s starts %d before its dependency %s ends (%s, %v)", p.ID, start, d, dep.Status, dep.EndPeriod)
			}
		}
		for k := range end - start {
			t := start + k
			active[t]++
			for team, fte := range src.Effort {
				used[team][t] += fte
			}
			// Build spend from the config alone: one_time / duration, team
			// cost, and the vendor's one_time in the first period.
			want := src.Cost.OneTime / float64(src.Duration)
			for team, fte := range src.Effort {
				want += fte * teamCost[team]
			}
			if k == 0 {
				want += vendorOneTime[p.Vendor]
			}
			if math.Abs(-p.CashFlows[k]-want) > 0.006 {
				bad("%s: build flow %d is %v, recomputed -%v", p.ID, k, p.CashFlows[k], want)
			}
			shares := src.FundingShares()
			if len(shares) == 0 && len(cfg.Budgets) >= 2 && want > 1e-9 {
				bad("%s spends %.2f in period %d outside every budget, and the roadmap has %d budgets", p.ID, want, t, len(cfg.Budgets))
			}
			for _, sh := range shares {
				b := budgets[sh.Budget]
				w := window(b, t)
				spend[b.ID][w] += sh.Share * want
				perPeriod[b.ID][t] += sh.Share * want
			}
		}
	}
	// Portfolio constraints: at most one option of a choice, together
	// groups whole, a team's max_parallel.
	for _, c := range cfg.Choices {
		n := 0
		for _, id := range c.Options {
			if byID[id].Status == StatusScheduled {
				n++
			}
		}
		if n > 1 {
			bad("choice %s: %d options scheduled", c.ID, n)
		}
	}
	for _, g := range hclspec.TogetherGroups(cfg.Projects) {
		for _, id := range g {
			if (byID[id].Status == StatusScheduled) != (byID[g[0]].Status == StatusScheduled) {
				bad("together group %v: %s is %s, %s is %s", g, id, byID[id].Status, g[0], byID[g[0]].Status)
			}
		}
	}
	for _, team := range cfg.Teams {
		if team.MaxParallel == 0 {
			continue
		}
		for t := range h {
			n := 0
			for _, p := range plan.Projects {
				if p.Status == StatusScheduled && *p.StartPeriod <= t && t < *p.EndPeriod && cfgProject(cfg, p.ID).Effort[team.ID] > 0 {
					n++
				}
			}
			if n > team.MaxParallel {
				bad("team %s runs %d projects in period %d, max_parallel %d", team.ID, n, t, team.MaxParallel)
			}
		}
	}
	for _, team := range cfg.Teams {
		for t := range h {
			if used[team.ID][t] > team.CapacityAt(t)+1e-9 {
				bad("team %s uses %g of %g in period %d", team.ID, used[team.ID][t], team.CapacityAt(t), t)
			}
			if got := plan.Periods[t].Teams[team.ID]; math.Abs(got.Used-used[team.ID][t]) > 1e-6 || got.Capacity != team.CapacityAt(t) {
				bad("period %d team %s: plan says %+v, recomputed used %g", t, team.ID, got, used[team.ID][t])
			}
		}
	}
	for id, windows := range spend {
		for w, s := range windows {
			if s > budgets[id].Amount+1e-6 {
				bad("budget %s window %d spends %.2f of %.2f", id, w, s, budgets[id].Amount)
			}
		}
		for t := range h {
			if got := plan.Periods[t].Budgets[id]; math.Abs(got.Spent-perPeriod[id][t]) > 0.006 || got.Limit != budgets[id].Amount {
				bad("period %d budget %s: plan says %+v, recomputed spend %.2f", t, id, got, perPeriod[id][t])
			}
		}
	}
	peak := 0
	for t := range h {
		peak = max(peak, active[t])
		if cfg.Roadmap.MaxParallel > 0 && active[t] > cfg.Roadmap.MaxParallel {
			bad("period %d runs %d projects, max_parallel %d", t, active[t], cfg.Roadmap.MaxParallel)
		}
		if len(plan.Periods[t].Active) != active[t] {
			bad("period %d lists %d active projects, recomputed %d", t, len(plan.Periods[t].Active), active[t])
		}
	}
	if plan.Totals.PeakParallel != peak {
		bad("peak_parallel %d, recomputed %d", plan.Totals.PeakParallel, peak)
	}
	if len(plan.Checks) < len(cfg.Checks) {
		bad("%d check results for %d checks", len(plan.Checks), len(cfg.Checks))
	}
	for _, c := range plan.Checks {
		// check0 and check2 hold for every plan; check1 may fail.
		if (c.ID == "check0" || c.ID == "check2") && !c.Passed {
			bad("check %s failed: %s", c.ID, c.Message)
		}
	}
	return errs
}

func cfgProject(cfg *hclspec.Config, id string) *hclspec.Project {
	for _, p := range cfg.Projects {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// The checker above must be able to fail: corrupt sound plans and expect
// it to notice.
func TestPlanViolationsCatchesBrokenPlans(t *testing.T) {
	tests := []struct {
		name    string
		corrupt func(cfg *hclspec.Config, plan *Plan)
	}{
		{"team over capacity", func(cfg *hclspec.Config, plan *Plan) {
			cfg.Teams[0].Capacity = 1 // the plan used 2 FTE in period 0
		}},
		{"starts before its dependency ends", func(cfg *hclspec.Config, plan *Plan) {
			cfgProject(cfg, "b").DependsOn = []string{"a"}
		}},
		{"max_parallel exceeded", func(cfg *hclspec.Config, plan *Plan) { cfg.Roadmap.MaxParallel = 1 }},
		{"budget exceeded", func(cfg *hclspec.Config, plan *Plan) { cfg.Budgets[0].Amount = 1000 }},
		{"deferred without a reason", func(cfg *hclspec.Config, plan *Plan) {
			plan.Projects[1].Status, plan.Projects[1].StartPeriod = StatusDeferred, nil
		}},
		{"after its deadline", func(cfg *hclspec.Config, plan *Plan) { cfgProject(cfg, "a").Deadline = 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := schedConfig(8, 3)
			addBudget(cfg, "capex", 1e6, hclspec.PerTotal)
			a := schedProject(cfg, "a", 2, 2)
			a.Funding, a.Cost.OneTime = "capex", 50000
			schedProject(cfg, "b", 2, 1)
			plan := mustEvaluate(t, cfg)
			if errs := planViolations(cfg, plan); len(errs) != 0 {
				t.Fatalf("sound plan reported broken: %v", errs)
			}
			tt.corrupt(cfg, plan)
			if errs := planViolations(cfg, plan); len(errs) == 0 {
				t.Error("corrupted plan not reported")
			}
		})
	}
}
