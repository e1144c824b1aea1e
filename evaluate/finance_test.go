package evaluate

import (
	"maps"
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

func ptr[T any](x T) *T { return &x }

func repeat(x float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = x
	}
	return out
}

// Figures in these tests are worked by hand in the comments.
func TestProjectFinance(t *testing.T) {
	teams := map[string]*hclspec.Team{"platform": {ID: "platform", CostPerFTE: 2000}}
	tests := []struct {
		name   string
		ppy    int
		rate   float64
		p      func() *hclspec.Project
		vendor *hclspec.Vendor
		want   projectFinance
	}{
		{
			// DESIGN.md: yearly, 10%, one_time 1000 in one period, 400 a year
			// for 5 years: flows -1000, 400 x 5; npv 516.31; irr 28.65%;
			// payback 3.5; roi (2000 - 1000) / 1000 = 1.
			name: "design example",
			ppy:  1, rate: 0.10,
			p: func() *hclspec.Project {
				p := newProject("x", 1)
				p.Cost.OneTime = 1000
				p.Benefit = hclspec.Benefit{PerYear: 400, Years: 5}
				return p
			},
			want: projectFinance{
				Flows: []float64{-1000, 400, 400, 400, 400, 400}, Cost: 1000, Benefit: 2000,
				NPV: 516.31, RiskAdjustedNPV: 516.31, ROI: ptr(1.0), IRR: ptr(0.286493), Payback: ptr(3.5),
			},
		},
		{
			// Quarterly at an annual 8.243216% = 1.02^4 - 1, so r = 2% a
			// quarter. Build 2 quarters: one_time 10000 / 2 = 5000 plus 1 FTE
			// x 2000 a quarter, plus the vendor's one_time 1000 in k = 0:
			// -8000, -7000. Run 1 year = 4 quarters: run cost 800/4 + vendor
			// 400/4 = 300; benefit 8000/4 = 2000 x min(1, j/2): 1000, 2000,
			// 2000, 2000. Flows -8000, -7000, 700, 1700, 1700, 1700.
			// cost = 8000 + 7000 + 4 x 300 = 16200; benefit = 7000;
			// roi = (7000 - 16200) / 16200 = -0.567901.
			// npv = -8000 - 7000/1.02 + 700/1.02^2 + 1700/1.02^3 + 1700/1.02^4
			//     + 1700/1.02^5 = -8000 - 6862.75 + 672.82 + 1601.95
			//     + 1570.54 + 1539.74 = -9477.70.
			// failure 0.25: the build (-8000 - 6862.75 = -14862.75) is paid
			// whatever happens; 75% of the run flows' present value
			// (672.82 + 1601.95 + 1570.54 + 1539.74 = 5385.05) counts:
			// -14862.75 + 4038.78 = -10823.96.
			// The flows change sign, so there is an IRR: -24.414760% a
			// quarter, (1 - 0.244148)^4 - 1 = -67.360162% a year. Cumulative
			// flow ends at -8800: no payback.
			name: "quarterly with team, vendor, ramp and risk",
			ppy:  4, rate: 0.08243216,
			p: func() *hclspec.Project {
				p := newProject("x", 2)
				p.Cost = hclspec.Cost{OneTime: 10000, PerYear: 800}
				p.Effort["platform"] = 1
				p.Benefit = hclspec.Benefit{PerYear: 8000, RampPeriods: 1, Years: 1}
				p.Risk.Failure = 0.25
				return p
			},
			vendor: &hclspec.Vendor{ID: "v", OneTime: 1000, Annual: 400},
			want: projectFinance{
				Flows: []float64{-8000, -7000, 700, 1700, 1700, 1700}, Cost: 16200, Benefit: 7000,
				NPV: -9477.70, RiskAdjustedNPV: -10823.96, ROI: ptr(-0.567901), IRR: ptr(-0.673602),
			},
		},
		{
			// docs/evaluation.md's risk-adjusted example: yearly at 10%,
			// one_time 1000 in one build year, then 3 years of benefit 800
			// less run cost 100: -1000, 700, 700, 700. npv = -1000 + 700 x
			// 2.486852 = 740.80. failure 0.2 keeps 80% of the run flows'
			// 1740.80: 1392.64; disruption 0.1 x 2000 + security 0.05 x 4000
			// = 400 expected at go-live (year 1): 400 / 1.1 = 363.64.
			// rNPV = -1000 + 1392.64 - 363.64 = 29.00. IRR: 700 x annuity = 1000
			// at 48.7184%; payback 2 + 300/700 (the build year, then -300 left).
			name: "risk in money",
			ppy:  1, rate: 0.10,
			p: func() *hclspec.Project {
				p := newProject("x", 1)
				p.Cost = hclspec.Cost{OneTime: 1000, PerYear: 100}
				p.Benefit = hclspec.Benefit{PerYear: 800, Years: 3}
				p.Risk = hclspec.Risk{Failure: 0.2, Disruption: 0.1, DisruptionCost: 2000, Security: 0.05, SecurityCost: 4000}
				return p
			},
			want: projectFinance{
				Flows: []float64{-1000, 700, 700, 700}, Cost: 1300, Benefit: 2400,
				NPV: 740.80, RiskAdjustedNPV: 29.00, ExpectedLoss: 400, ROI: ptr(1100.0 / 1300), IRR: ptr(0.487184),
				Payback: ptr(2 + 300.0/700),
			},
		},
		{
			// Two and a half years of yearly benefit: two full years and a
			// half one (prorated): 0, 100, 100, 50 after a free build period.
			// No cost: roi null, payback 0 (nothing to pay back), no IRR.
			name: "prorated last run period",
			ppy:  1,
			p: func() *hclspec.Project {
				p := newProject("x", 1)
				p.Benefit = hclspec.Benefit{PerYear: 100, Years: 2.5}
				return p
			},
			want: projectFinance{
				Flows: []float64{0, 100, 100, 50}, Benefit: 250, NPV: 250, RiskAdjustedNPV: 250, Payback: ptr(0.0),
			},
		},
		{
			// Ramp of 3 periods, monthly: benefit 1200/12 = 100 x j/4 for
			// j = 1..3, then full: 25, 50, 75, then 100 for 9 months; one
			// build month of one_time 900. benefit = 150 + 900 = 1050, npv at
			// 0% = 150, roi = 150/900. Cumulative: -900, -875, -825, -750,
			// -650 (month 4), ..., -50 (month 10); month 11's 100 covers the
			// last 50 halfway: payback 11.5. IRR by bisection in a
			// spreadsheet: 2.1997% a month, 1.021997^12 - 1 = 29.8368% a year.
			name: "monthly ramp",
			ppy:  12,
			p: func() *hclspec.Project {
				p := newProject("x", 1)
				p.Cost.OneTime = 900
				p.Benefit = hclspec.Benefit{PerYear: 1200, RampPeriods: 3, Years: 1}
				return p
			},
			want: projectFinance{
				Flows: []float64{-900, 25, 50, 75, 100, 100, 100, 100, 100, 100, 100, 100, 100},
				Cost:  900, Benefit: 1050, NPV: 150, RiskAdjustedNPV: 150, ROI: ptr(150.0 / 900), IRR: ptr(0.298368),
				Payback: ptr(11.5),
			},
		},
		{
			// Weekly: DESIGN.md's project with 400/52 a week for 5 x 52
			// weeks at 10% a year, r = 1.1^(1/52) - 1. Computed by a
			// spreadsheet-style bisection: npv 589.47; weekly IRR 0.611648%,
			// 1.00611648^52 - 1 = 37.3124% a year. Payback: 130 weeks of
			// 400/52 repay the 1000 exactly at the end of week 130: 131.
			name: "weekly",
			ppy:  52, rate: 0.10,
			p: func() *hclspec.Project {
				p := newProject("x", 1)
				p.Cost.OneTime = 1000
				p.Benefit = hclspec.Benefit{PerYear: 400, Years: 5}
				return p
			},
			want: projectFinance{
				Flows: append([]float64{-1000}, repeat(400.0/52, 260)...), Cost: 1000, Benefit: 2000,
				NPV: 589.47, RiskAdjustedNPV: 589.47, ROI: ptr(1.0), IRR: ptr(0.373124), Payback: ptr(131.0),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.p()
			got, diags := projectFinanceOf(p, slices.Sorted(maps.Keys(p.Effort)), tt.vendor, teams, tt.ppy, tt.rate, true, 0)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			money := []cmp.Option{
				cmpopts.IgnoreFields(projectFinance{}, "Outflows", "Benefits", "BuildSpend", "PeriodRate", "ROI", "IRR", "Payback"),
				cmpopts.EquateApprox(0, 0.006), // cents
			}
			if diff := cmp.Diff(tt.want, got, money...); diff != "" {
				t.Errorf("money (-want +got):\n%s", diff)
			}
			ratios := []cmp.Option{
				cmpopts.IgnoreFields(projectFinance{}, "Flows", "Outflows", "Benefits", "BuildSpend", "PeriodRate", "Cost", "Benefit", "NPV", "RiskAdjustedNPV"),
				cmpopts.EquateApprox(0, 1e-6),
			}
			if diff := cmp.Diff(tt.want, got, ratios...); diff != "" {
				t.Errorf("ratios (-want +got):\n%s", diff)
			}
			if got.IRR != nil {
				// Whatever the IRR, it must zero the NPV at its period rate.
				period := math.Pow(1+*got.IRR, 1/float64(tt.ppy)) - 1
				pv := 0.0
				for k, x := range got.Flows {
					pv += x / math.Pow(1+period, float64(k))
				}
				if math.Abs(pv) > 1e-6 {
					t.Errorf("NPV at the IRR is %g, want 0", pv)
				}
			}
		})
	}
}

func TestBuildSpendIsBuildOutflows(t *testing.T) {
	teams := map[string]*hclspec.Team{"a": {ID: "a", CostPerFTE: 100}, "b": {ID: "b", CostPerFTE: 10}}
	p := newProject("x", 3)
	p.Cost = hclspec.Cost{OneTime: 300, PerYear: 4000}
	p.Effort = map[string]float64{"a": 2, "b": 0.5}
	p.Benefit = hclspec.Benefit{PerYear: 400, Years: 1}
	v := &hclspec.Vendor{OneTime: 50, Annual: 40}
	got, _ := projectFinanceOf(p, []string{"a", "b"}, v, teams, 4, 0, true, 0)
	// Per build quarter: 300/3 + 2 x 100 + 0.5 x 10 = 305; plus 50 first.
	want := []float64{355, 305, 305}
	if diff := cmp.Diff(want, got.BuildSpend); diff != "" {
		t.Errorf("build spend (-want +got):\n%s", diff)
	}
	// Run cost (4000 + 40) / 4 = 1010 a quarter; benefit 100 a quarter.
	if diff := cmp.Diff([]float64{-355, -305, -305, -910, -910, -910, -910}, got.Flows); diff != "" {
		t.Errorf("flows (-want +got):\n%s", diff)
	}
}

func TestPeriodRate(t *testing.T) {
	tests := []struct {
		annual float64
		ppy    int
		want   float64
	}{
		{0.10, 1, 0.10},
		{0.08243216, 4, 0.02},           // 1.02^4 = 1.08243216
		{0.12682503013196977, 12, 0.01}, // 1.01^12
		{0, 52, 0},
	}
	for _, tt := range tests {
		if got := periodRate(tt.annual, tt.ppy); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("periodRate(%v, %d) = %v, want %v", tt.annual, tt.ppy, got, tt.want)
		}
	}
}

func TestScheduledNPV(t *testing.T) {
	// 1000 started 2 periods late at 10% a period: 1000 / 1.21 = 826.45.
	if got := scheduledNPV(1000, 0.1, 2); math.Abs(got-826.446281) > 1e-6 {
		t.Errorf("scheduledNPV = %v", got)
	}
	// docs/evaluation.md: -9477.70 started in period 3 at 2% a quarter:
	// -9477.70 / 1.061208 = -8931.05.
	if got := scheduledNPV(-9477.699381, 0.02, 3); math.Abs(got-(-8931.05)) > 0.005 {
		t.Errorf("scheduledNPV = %v", got)
	}
}

func TestNonFiniteFinanceIsADiagnostic(t *testing.T) {
	p := newProject("huge", 1)
	p.Benefit = hclspec.Benefit{PerYear: math.MaxFloat64, Years: 5}
	p.Cost.OneTime = math.MaxFloat64
	f, diags := projectFinanceOf(p, nil, nil, nil, 1, 0, true, 0)
	if !diags.HasErrors() {
		t.Fatal("want an error diagnostic for non-finite figures")
	}
	for _, x := range append(f.Flows, f.Cost, f.Benefit, f.NPV, f.RiskAdjustedNPV) {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			t.Fatalf("non-finite figure %v left in the result", x)
		}
	}
}
