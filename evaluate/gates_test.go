package evaluate

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// gateConfig has one goal, two departments, one team of 4 FTE, a total
// budget of 100000 and one project "p" that passes every gate.
func gateConfig() (*hclspec.Config, *hclspec.Project) {
	cfg := quarterly(8)
	cfg.Roadmap.RiskAppetite = 0.4
	addGoal(cfg, "growth", 1)
	cfg.Departments = []*hclspec.Department{
		{ID: "finance", Title: "Finance", Head: "CFO office"},
		{ID: "sales", Title: "Sales"},
	}
	addTeam(cfg, "platform", 4, 1000)
	addBudget(cfg, "capex", 100000, hclspec.PerTotal)
	p := addProject(cfg, newProject("p", 2))
	p.Goals["growth"] = 1
	p.EndorsedBy = []string{"sales"}
	p.Effort["platform"] = 2
	p.Funding = "capex"
	p.Cost.OneTime = 10000
	p.Benefit.PerYear = 40000
	for i, attr := range []string{"goals", "endorsed_by", "opposed_by", "depends_on", "requires", "effort", "funding", "risk.failure", "risk.security", "deadline"} {
		p.Ranges[attr] = rng(10 + i)
	}
	return cfg, p
}

func TestGates(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(cfg *hclspec.Config, p *hclspec.Project)
		status string
		want   []Finding
	}{
		{name: "passes every gate", setup: func(*hclspec.Config, *hclspec.Project) {}, status: StatusScheduled, want: []Finding{}},
		{
			name:   "alignment: no goal",
			setup:  func(_ *hclspec.Config, p *hclspec.Project) { p.Goals = map[string]float64{} },
			status: StatusDropped,
			want:   []Finding{{Gate: GateAlignment, Message: "contributes to no goal", Range: sourceRange(rng(10))}},
		},
		{
			name:   "alignment: zero contribution",
			setup:  func(_ *hclspec.Config, p *hclspec.Project) { p.Goals["growth"] = 0 },
			status: StatusDropped,
			want:   []Finding{{Gate: GateAlignment, Message: "contributes nothing to any goal: every contribution in goals is 0", Range: sourceRange(rng(10))}},
		},
		{
			name:   "alignment: a roadmap without goals cannot judge fit",
			setup:  func(cfg *hclspec.Config, p *hclspec.Project) { cfg.Goals = nil; p.Goals = map[string]float64{} },
			status: StatusScheduled, want: []Finding{},
		},
		{
			name:   "departments: opposed",
			setup:  func(_ *hclspec.Config, p *hclspec.Project) { p.OpposedBy = []string{"finance", "sales"} },
			status: StatusDropped,
			want: []Finding{
				{Gate: GateDepartments, Message: `opposed by department "finance" (CFO office)`, Range: sourceRange(rng(12))},
				{Gate: GateDepartments, Message: `opposed by department "sales" (Sales)`, Range: sourceRange(rng(12))},
			},
		},
		{
			name:   "departments: not endorsed",
			setup:  func(_ *hclspec.Config, p *hclspec.Project) { p.EndorsedBy = nil },
			status: StatusDropped,
			want:   []Finding{{Gate: GateDepartments, Message: "endorsed by no department", Range: sourceRange(rng(11))}},
		},
		{
			name: "mandatory skips alignment, departments and risk",
			setup: func(_ *hclspec.Config, p *hclspec.Project) {
				p.Mandatory = true
				p.Goals = map[string]float64{}
				p.EndorsedBy = nil
				p.OpposedBy = []string{"finance"}
				p.Risk.Failure = 0.9
			},
			status: StatusScheduled, want: []Finding{},
		},
		{
			name:   "viability: missing capability",
			setup:  func(_ *hclspec.Config, p *hclspec.Project) { p.Requires = []string{"sso"} },
			status: StatusDropped,
			want: []Finding{{Gate: GateViability, Range: sourceRange(rng(14)),
				Message: `requires capability "sso", which is not in the stack, not provided by its vendor and not provided by a project it depends on`}},
		},
		{
			name: "viability: capability in the stack",
			setup: func(cfg *hclspec.Config, p *hclspec.Project) {
				cfg.Roadmap.Stack = []string{"sso"}
				p.Requires = []string{"sso"}
			},
			status: StatusScheduled, want: []Finding{},
		},
		{
			name: "viability: capability from an indirect dependency",
			setup: func(cfg *hclspec.Config, p *hclspec.Project) {
				base := addProject(cfg, newProject("base", 1))
				base.Goals["growth"] = 1
				base.EndorsedBy = []string{"sales"}
				base.Provides = []string{"sso"}
				mid := addProject(cfg, newProject("mid", 1))
				mid.Goals["growth"] = 1
				mid.EndorsedBy = []string{"sales"}
				mid.DependsOn = []string{"base"}
				p.DependsOn = []string{"mid"}
				p.Requires = []string{"sso"}
			},
			status: StatusScheduled, want: []Finding{},
		},
		{
			name: "viability: depends on a dropped project",
			setup: func(cfg *hclspec.Config, p *hclspec.Project) {
				addProject(cfg, newProject("orphan", 1)) // no goal: dropped
				p.DependsOn = []string{"orphan"}
			},
			status: StatusDropped,
			want:   []Finding{{Gate: GateViability, Message: `depends on dropped project "orphan"`, Range: sourceRange(rng(13))}},
		},
		{
			name:   "resources: effort above capacity",
			setup:  func(_ *hclspec.Config, p *hclspec.Project) { p.Effort["platform"] = 5 },
			status: StatusDropped,
			want: []Finding{{Gate: GateResources, Range: sourceRange(rng(15)),
				Message: `needs 5 FTE of team "platform" per period, more than its largest capacity of 4 FTE`}},
		},
		{
			name: "resources: capacity never free for the whole duration",
			setup: func(cfg *hclspec.Config, p *hclspec.Project) {
				// 4 FTE only in every other period; the project needs 3 for 2.
				cfg.Teams[0].CapacityByPeriod = map[int]float64{1: 1, 3: 1, 5: 1, 7: 1}
				p.Effort["platform"] = 3
			},
			status: StatusDropped,
			want: []Finding{{Gate: GateResources, Range: sourceRange(rng(15)),
				Message: `team "platform" never has 3 FTE for 2 periods in a row`}},
		},
		{
			// Build spend: 150000 one-time + 2 x 2 FTE x 1000 = 154000.
			name:   "resources: build spend above a total budget",
			setup:  func(_ *hclspec.Config, p *hclspec.Project) { p.Cost.OneTime = 150000 },
			status: StatusDropped,
			want: []Finding{{Gate: GateResources, Range: sourceRange(rng(16)),
				Message: `build spend of EUR 154,000 exceeds budget "capex" (EUR 100,000 in total)`}},
		},
		{
			// Per period: 150000 / 2 + 2 x 1000 = 77000 a quarter > 50000.
			name: "resources: build spend above a per-period budget",
			setup: func(cfg *hclspec.Config, p *hclspec.Project) {
				cfg.Budgets[0].Per = hclspec.PerPeriod
				cfg.Budgets[0].Amount = 50000
				p.Cost.OneTime = 150000
			},
			status: StatusDropped,
			want: []Finding{{Gate: GateResources, Range: sourceRange(rng(16)),
				Message: `build spend of EUR 77,000 in one period exceeds budget "capex" (EUR 50,000 per period)`}},
		},
		{
			// Per year: 154000 in two quarters always lands in one year
			// or is split 77000 / 77000 across two: fits a 100000 year
			// only when split, at the turn of the year (start 2027-Q4).
			name: "resources: a yearly budget fits across the turn of the year",
			setup: func(cfg *hclspec.Config, p *hclspec.Project) {
				cfg.Budgets[0].Per = hclspec.PerYear
				p.Cost.OneTime = 150000
			},
			status: StatusScheduled, want: []Finding{},
		},
		{
			// Per year 60000: 77000 a quarter never fits any year window.
			name: "resources: build spend never fits a yearly budget",
			setup: func(cfg *hclspec.Config, p *hclspec.Project) {
				cfg.Budgets[0].Per = hclspec.PerYear
				cfg.Budgets[0].Amount = 60000
				p.Cost.OneTime = 150000
			},
			status: StatusDropped,
			want: []Finding{{Gate: GateResources, Range: sourceRange(rng(16)),
				Message: `build spend of EUR 154,000 cannot fit budget "capex" (EUR 60,000 per year) wherever it starts`}},
		},
		{
			name: "risk: above appetite",
			setup: func(_ *hclspec.Config, p *hclspec.Project) {
				// 1 - (1 - 0.2)(1 - 0.3) = 0.44 > 0.4; failure is the largest.
				p.Risk = hclspec.Risk{Security: 0.2, Failure: 0.3}
			},
			status: StatusDropped,
			want:   []Finding{{Gate: GateRisk, Message: "risk 0.44 exceeds the risk appetite of 0.4", Range: sourceRange(rng(17))}},
		},
		{
			// Every gate runs: the status and gate come from the first
			// failure, and the later ones are findings too.
			name: "every gate reports",
			setup: func(_ *hclspec.Config, p *hclspec.Project) {
				p.Goals = map[string]float64{}
				p.Risk.Failure = 0.9
			},
			status: StatusDropped,
			want: []Finding{
				{Gate: GateAlignment, Message: "contributes to no goal", Range: sourceRange(rng(10))},
				{Gate: GateRisk, Message: "risk 0.9 exceeds the risk appetite of 0.4", Range: sourceRange(rng(17))},
			},
		},
		{
			// p: build 2 quarters of 5000 + 2 x 1000 FTE = 7000, then
			// 40000 a year (10000 a quarter) for 5 years; no discounting.
			// rNPV = -14000 + 200000 = 186000; payback 2 + 14000/10000 = 3.4
			// quarters; IRR 55.83% a quarter, 1.5583^4 - 1 = 489.7% a year.
			name: "value: below the hurdle's risk-adjusted NPV",
			setup: func(cfg *hclspec.Config, p *hclspec.Project) {
				cfg.Roadmap.Hurdle = &hclspec.Hurdle{MinRiskAdjustedNPV: ptrFloat(200000)}
				p.Ranges["benefit.per_year"] = rng(30)
			},
			status: StatusDropped,
			want:   []Finding{{Gate: GateValue, Message: "risk-adjusted NPV of EUR 186,000 is below the hurdle of EUR 200,000", Range: sourceRange(rng(30))}},
		},
		{
			name: "value: every threshold missed is a finding",
			setup: func(cfg *hclspec.Config, p *hclspec.Project) {
				cfg.Roadmap.Hurdle = &hclspec.Hurdle{MinRiskAdjustedNPV: ptrFloat(1e6), MinIRR: ptrFloat(10), MaxPayback: ptrFloat(3)}
				p.Ranges["benefit.per_year"] = rng(30)
			},
			status: StatusDropped,
			want: []Finding{
				{Gate: GateValue, Message: "risk-adjusted NPV of EUR 186,000 is below the hurdle of EUR 1,000,000", Range: sourceRange(rng(30))},
				{Gate: GateValue, Message: "IRR of 489.7% is below the hurdle of 1,000%", Range: sourceRange(rng(30))},
				{Gate: GateValue, Message: "pays back after 3.4 quarters, later than the hurdle of 3 quarters", Range: sourceRange(rng(30))},
			},
		},
		{
			name: "value: a project that never pays back",
			setup: func(cfg *hclspec.Config, p *hclspec.Project) {
				cfg.Roadmap.Hurdle = &hclspec.Hurdle{MinIRR: ptrFloat(0.08), MaxPayback: ptrFloat(12)}
				p.Benefit.PerYear = 0
				p.Ranges["benefit.per_year"] = rng(30)
			},
			status: StatusDropped,
			want: []Finding{
				{Gate: GateValue, Message: "has no IRR (its cash flows never change sign), so it cannot reach the hurdle of 8%", Range: sourceRange(rng(30))},
				{Gate: GateValue, Message: "never pays back, so it misses the hurdle of 12 quarters", Range: sourceRange(rng(30))},
			},
		},
		{
			name: "value: within the hurdle",
			setup: func(cfg *hclspec.Config, p *hclspec.Project) {
				cfg.Roadmap.Hurdle = &hclspec.Hurdle{MinRiskAdjustedNPV: ptrFloat(0), MinIRR: ptrFloat(0.08), MaxPayback: ptrFloat(12)}
			},
			status: StatusScheduled, want: []Finding{},
		},
		{
			name: "value: a mandatory project is exempt",
			setup: func(cfg *hclspec.Config, p *hclspec.Project) {
				cfg.Roadmap.Hurdle = &hclspec.Hurdle{MinRiskAdjustedNPV: ptrFloat(1e6)}
				p.Mandatory = true
			},
			status: StatusScheduled, want: []Finding{},
		},
		{
			// Without a hurdle a scheduled project that destroys value is
			// kept, with a warning: rNPV -14000.
			name: "value: a warning without a hurdle",
			setup: func(_ *hclspec.Config, p *hclspec.Project) {
				p.Benefit.PerYear = 0
				p.Ranges["benefit.per_year"] = rng(30)
			},
			status: StatusScheduled,
			want: []Finding{{Gate: GateValue, Severity: SeverityWarning, Range: sourceRange(rng(30)),
				Message: "destroys value: risk-adjusted NPV of EUR -14,000"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, p := gateConfig()
			tt.setup(cfg, p)
			plan := mustEvaluate(t, cfg)
			got := projectByID(t, plan, "p")
			if got.Status != tt.status {
				t.Errorf("status %s, want %s (reasons %q)", got.Status, tt.status, got.Reasons)
			}
			wantGate, errors := "", 0
			for i := range tt.want {
				if tt.want[i].Severity == "" {
					tt.want[i].Severity = SeverityError
				}
				if tt.want[i].Severity == SeverityError {
					errors++
					if wantGate == "" {
						wantGate = tt.want[i].Gate
					}
				}
			}
			if diff := cmp.Diff(tt.want, got.Findings); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if got.Gate != wantGate || len(got.Reasons) != errors {
				t.Errorf("gate %q reasons %q, want gate %q and one reason per error finding", got.Gate, got.Reasons, wantGate)
			}
		})
	}
}

// A dropped project drops its dependents transitively, each naming the
// project it depends on.
func TestDroppedDependentsChain(t *testing.T) {
	cfg := quarterly(8)
	addGoal(cfg, "g", 1)
	for _, id := range []string{"c", "b", "a"} { // declared dependents first
		p := addProject(cfg, newProject(id, 1))
		p.Goals["g"] = 1
	}
	cfg.Projects[2].Goals = map[string]float64{} // a: no goal
	cfg.Projects[1].DependsOn = []string{"a"}    // b -> a
	cfg.Projects[0].DependsOn = []string{"b"}    // c -> b
	plan := mustEvaluate(t, cfg)
	for id, want := range map[string]string{"a": "contributes to no goal", "b": `depends on dropped project "a"`, "c": `depends on dropped project "b"`} {
		got := projectByID(t, plan, id)
		if got.Status != StatusDropped || len(got.Reasons) != 1 || got.Reasons[0] != want {
			t.Errorf("%s: %s %q, want dropped %q", id, got.Status, got.Reasons, want)
		}
	}
}
