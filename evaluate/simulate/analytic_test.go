package simulate

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/estimate"
)

// The tests below compare simulations with results worked out by hand.
// Tolerances follow from the number of runs n and a failure probability
// alpha = 1e-6 per comparison (the seed is fixed, so each test is
// deterministic; a correct simulation would fail a comparison for about
// one seed in a million):
//
//   - a whole CDF: the Dvoretzky-Kiefer-Wolfowitz inequality (with
//     Massart's constant), P(sup |Fn - F| > eps) <= 2 exp(-2 n eps^2), so
//     eps = sqrt(ln(2 / alpha) / (2 n));
//   - a mean or a share: the central limit theorem, 5 standard errors
//     (two-sided 5.7e-7);
//   - a variance: the sample variance's standard error sqrt((mu4 -
//     sigma^4) / n), mu4 the fourth central moment, 5 of them.

const (
	analyticRuns = 20000
	alpha        = 1e-6
)

func dkw(n int) float64 { return math.Sqrt(math.Log(2/alpha) / (2 * float64(n))) }

// TestFinishQuantiles: one project alone, its duration D a range, starts
// in period 0 and ends (exclusive) at D rounded to the nearest whole
// period (at least 1), so P(end_period <= k) = F(k + 1/2), the range's
// CDF half a period on. The simulated S-curve must lie within the DKW
// band of that at every period, and each reported percentile k must be a
// q-quantile of it within the band: G(k) >= q - eps and G(k - 1) < q + eps
// with G(k) = F(k + 1/2).
func TestFinishQuantiles(t *testing.T) {
	for _, tc := range []struct {
		name string
		expr string
		dist estimate.Dist
	}{
		{"triangular", "triangular(1, 2, 6)", estimate.Dist{Kind: estimate.Triangular, Low: 1, Likely: 2, High: 6}},
		{"uniform", "uniform(0.5, 4.5)", estimate.NewUniform(0.5, 4.5)},
		{"pert", "pert(2, 3, 9)", estimate.Dist{Kind: estimate.PERT, Low: 2, Likely: 3, High: 9}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := loadSource(t, `
roadmap {
  start   = "2027-Q1"
  horizon = 12
}
project "p" {
  duration = `+tc.expr+`
}
`)
			res := simulate(t, cfg, Options{Runs: analyticRuns, Seed: 11})
			eps := dkw(analyticRuns)
			pr := res.Projects[0]
			g := func(k int) float64 { return tc.dist.CDF(float64(k) + 0.5) }
			for k := 1; k <= 12; k++ {
				if got, want := pr.FinishCurve[k-1], g(k); math.Abs(got-want) > eps {
					t.Errorf("P(end_period <= %d) = %v, want %v within %v", k, got, want, eps)
				}
			}
			for _, q := range []struct {
				level float64
				got   *int
			}{{0.1, pr.P10EndPeriod}, {0.5, pr.P50EndPeriod}, {0.8, pr.P80EndPeriod}, {0.9, pr.P90EndPeriod}} {
				if q.got == nil {
					t.Fatalf("P%.0f end is null", q.level*100)
				}
				k := *q.got
				if f := g(k); f < q.level-eps {
					t.Errorf("P%.0f end period %d, but G(%d) = %v is below %v - eps", q.level*100, k, k, f, q.level)
				}
				if f := g(k - 1); k > 1 && f >= q.level+eps {
					t.Errorf("P%.0f end period %d, but G(%d) = %v already reaches %v + eps", q.level*100, k, k-1, f, q.level)
				}
			}
			if pr.ChanceScheduled != 1 {
				t.Errorf("chance scheduled %v, want 1", pr.ChanceScheduled)
			}
		})
	}
}

// centralMoment is E[(X - mean)^p] of d, integrated over its quantile
// function with the midpoint rule (d's Quantile is checked against
// closed forms in package estimate).
func centralMoment(d estimate.Dist, p float64) float64 {
	const steps = 200000
	mean, sum := d.Mean(), 0.0
	for i := range steps {
		sum += math.Pow(d.Quantile((float64(i)+0.5)/steps)-mean, p)
	}
	return sum / steps
}

// TestSumOfIndependentEstimates: three projects of one period whose only
// money is a ranged one-time cost; the portfolio's cost is their sum, with
// mean the sum of the means and variance the sum of the variances (the
// estimates are independent). By hand: means 250 (PERT (100 + 800 +
// 600)/6), 250 (triangle (50 + 300 + 400)/3) and 500 (uniform), sum 1000;
// variances 150 x 350 / 7 = 7500, (50^2 + 300^2 + 400^2 - 50x300 -
// 50x400 - 300x400) / 18 = 5416.67 and 1000^2 / 12 = 83333.33, sum 96250.
func TestSumOfIndependentEstimates(t *testing.T) {
	cfg := loadSource(t, `
roadmap {
  start   = "2027-Q1"
  horizon = 4
}
project "a" {
  duration = 1
  cost {
    one_time = pert(100, 200, 600)
  }
}
project "b" {
  duration = 1
  cost {
    one_time = triangular(50, 300, 400)
  }
}
project "c" {
  duration = 1
  cost {
    one_time = uniform(0, 1000)
  }
}
`)
	dists := []estimate.Dist{
		{Kind: estimate.PERT, Low: 100, Likely: 200, High: 600},
		{Kind: estimate.Triangular, Low: 50, Likely: 300, High: 400},
		estimate.NewUniform(0, 1000),
	}
	const mean, variance = 1000.0, 7500 + 97500.0/18 + 1e6/12
	// Fourth moment of the sum: cumulants add, mu4 = sum(kappa4) + 3 sigma^4
	// with kappa4 = mu4 - 3 sigma^4 for each estimate.
	kappa4 := 0.0
	for _, d := range dists {
		kappa4 += centralMoment(d, 4) - 3*d.Variance()*d.Variance()
	}
	mu4 := kappa4 + 3*variance*variance

	res := simulate(t, cfg, Options{Runs: analyticRuns, Seed: 5})
	cost := res.Portfolio.Cost
	n := float64(analyticRuns)
	if tol := 5 * math.Sqrt(variance/n); math.Abs(cost.Mean-mean) > tol {
		t.Errorf("mean cost %v, want %v within %v", cost.Mean, mean, tol)
	}
	// Mean and standard deviation are rounded to cents: far inside the
	// tolerances.
	if tol := 5 * math.Sqrt((mu4-variance*variance)/n); math.Abs(cost.StdDev*cost.StdDev-variance) > tol {
		t.Errorf("variance of the cost %v, want %v within %v", cost.StdDev*cost.StdDev, variance, tol)
	}
	if res.Portfolio.Scheduled.Mean != 3 {
		t.Errorf("scheduled %v, want 3 in every run", res.Portfolio.Scheduled)
	}
}

// TestDeadlineProbability: A's duration is uniform(0.5, 3.5) quarters,
// which rounds to 1, 2 or 3 quarters with a third each; B follows A and
// takes uniform(1.5, 3.5): 2 or 3 quarters, half each. B's deadline is
// 2028-Q1, period 4: it is met when A + B <= 5, which fails only for
// A = 3 and B = 3, so the chance is 1 - 1/3 x 1/2 = 5/6.
func TestDeadlineProbability(t *testing.T) {
	cfg := loadSource(t, `
roadmap {
  start   = "2027-Q1"
  horizon = 8
}
project "a" {
  duration = uniform(0.5, 3.5)
}
project "b" {
  depends_on = [project.a]
  duration   = uniform(1.5, 3.5)
  deadline   = "2028-Q1"
}
`)
	res := simulate(t, cfg, Options{Runs: analyticRuns, Seed: 9})
	const p = 5.0 / 6
	tol := 5 * math.Sqrt(p*(1-p)/analyticRuns)
	var b *ProjectResult
	for i := range res.Projects {
		if res.Projects[i].ID == "b" {
			b = &res.Projects[i]
		}
	}
	if b.ChanceMeetsDeadline == nil || math.Abs(*b.ChanceMeetsDeadline-p) > tol {
		t.Errorf("chance b meets its deadline = %v, want %v within %v", b.ChanceMeetsDeadline, p, tol)
	}
	if a := res.Projects[0]; a.ID != "a" || a.ChanceMeetsDeadline != nil || a.Deadline != nil {
		t.Errorf("a has no deadline, got %+v", a)
	}
}

// TestTornado: the estimate that decides the finish, and the one that
// decides the NPV, come out on top with the right sign.
func TestTornado(t *testing.T) {
	cfg := loadSource(t, `
roadmap {
  start   = "2027-Q1"
  horizon = 12
}
project "long" {
  duration = pert(2, 5, 10)
}
project "short" {
  duration = uniform(1, 1.5)
  cost {
    one_time = uniform(0, 2000000)
  }
}
project "money" {
  duration = 1
  benefit {
    per_year = uniform(0, 1000000)
  }
}
`)
	res := simulate(t, cfg, Options{Runs: 5000, Seed: 2})
	byName := map[string]EstimateResult{}
	for _, e := range res.Estimates {
		byName[e.Project+"."+e.Attribute] = e
	}
	if got := byName["long.duration"].FinishCorrelation; got < 0.9 {
		t.Errorf("long.duration's finish correlation %v, want above 0.9", got)
	}
	// NPV is about benefit (5 years of up to 1,000,000) minus cost (up to
	// 2,000,000): correlations near 5/sqrt(29) = 0.93 and -2/sqrt(29) = -0.37.
	if got := byName["money.benefit.per_year"].NPVCorrelation; got < 0.85 {
		t.Errorf("money.benefit.per_year's NPV correlation %v, want above 0.85", got)
	}
	if got := byName["short.cost.one_time"].NPVCorrelation; got > -0.25 {
		t.Errorf("a cost's NPV correlation %v, want about -0.37", got)
	}
	for name, e := range byName {
		if name != "long.duration" && math.Abs(e.FinishCorrelation) > 0.1 {
			t.Errorf("%s's finish correlation %v, want near 0", name, e.FinishCorrelation)
		}
	}
}

func TestRanksAndSpearman(t *testing.T) {
	if diff := cmp.Diff([]float64{3.5, 1, 3.5, 2}, ranks([]float64{3, 1, 3, 2})); diff != "" {
		t.Errorf("ranks (-want +got):\n%s", diff)
	}
	// Worked by hand: ranks of y are 1, 2, 3.5, 5, 3.5; Pearson of those
	// with 1..5 is 8 / sqrt(10 x 9.5) = 0.8207826816681233.
	got := spearman([]float64{1, 2, 3, 4, 5}, ranks([]float64{5, 6, 7, 8, 7}))
	if math.Abs(got-0.8207826816681233) > 1e-12 {
		t.Errorf("spearman = %v", got)
	}
	if got := pearson([]float64{1, 2, 3}, []float64{4, 4, 4}); got != 0 {
		t.Errorf("correlation with a constant = %v, want 0", got)
	}
}

func TestEmpiricalQuantile(t *testing.T) {
	xs := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	for _, tt := range []struct{ q, want float64 }{{0.1, 1}, {0.5, 5}, {0.8, 8}, {0.9, 9}, {0.85, 9}} {
		if got := quantile(xs, tt.q); got != tt.want {
			t.Errorf("quantile(%v) = %v, want %v", tt.q, got, tt.want)
		}
	}
	// Periods: 2 runs end in 3, 5 in 4, 3 never (not scheduled).
	hist := []int{0, 0, 0, 2, 5}
	for _, tt := range []struct {
		q    float64
		want int
		ok   bool
	}{{0.1, 3, true}, {0.2, 3, true}, {0.5, 4, true}, {0.7, 4, true}, {0.8, 0, false}} {
		k, ok := countQuantile(hist, tt.q, 10)
		if k != tt.want || ok != tt.ok {
			t.Errorf("countQuantile(%v) = %d, %v; want %d, %v", tt.q, k, ok, tt.want, tt.ok)
		}
	}
}

// TestCommittedRunCosts: the committed plan's opex windows hold the run
// cost each run samples (qa15d H6). The SaaS of runCostRange goes live in
// 2027-Q2 with a run cost R ~ pert(50000, 90000, 200000) a year against an
// opex budget of 100,000 a year: 2027 pays 3/4 R and overruns when R >
// 133,333; 2028 pays R and overruns when R > 100,000 (about 4 runs in 10,
// though the plan's likely 90,000 fits). Each window's chance of overrun
// must be P(R > x) within 5 standard errors, and its P50 the median of
// its spend within the DKW band.
func TestCommittedRunCosts(t *testing.T) {
	cfg := loadSource(t, runCostRange)
	res := simulate(t, cfg, Options{Runs: analyticRuns, Seed: 5})
	dist := estimate.Dist{Kind: estimate.PERT, Low: 50000, Likely: 90000, High: 200000}
	eps := dkw(analyticRuns)
	var opex *BudgetResult
	for i := range res.Budgets {
		if res.Budgets[i].ID == "opex" {
			opex = &res.Budgets[i]
		}
	}
	if opex == nil || len(opex.Windows) != 2 {
		t.Fatalf("opex budget: %+v", opex)
	}
	for _, tc := range []struct {
		window string
		share  float64 // of R paid in the window
		plan   float64
	}{{"2027", 0.75, 67500}, {"2028", 1, 90000}} {
		var w *WindowResult
		for i := range opex.Windows {
			if opex.Windows[i].Window == tc.window {
				w = &opex.Windows[i]
			}
		}
		if w == nil {
			t.Fatalf("no window %s in %+v", tc.window, opex.Windows)
		}
		if w.PlanSpent != tc.plan {
			t.Errorf("%s: plan spends %v, want %v", tc.window, w.PlanSpent, tc.plan)
		}
		p := 1 - dist.CDF(100000/tc.share)
		if tol := 5 * math.Sqrt(p*(1-p)/analyticRuns); math.Abs(w.ChanceOverrun-p) > tol {
			t.Errorf("%s: chance of overrun %v, want %v within %v", tc.window, w.ChanceOverrun, p, tol)
		}
		lo, hi := tc.share*dist.Quantile(0.5-eps), tc.share*dist.Quantile(0.5+eps)
		if w.P50Spent < lo-1 || w.P50Spent > hi+1 {
			t.Errorf("%s: P50 spend %v, want within [%v, %v]", tc.window, w.P50Spent, lo, hi)
		}
	}
	if want := 1 - dist.CDF(100000); math.Abs(opex.ChanceOverrun-want) > 5*math.Sqrt(want*(1-want)/analyticRuns) {
		t.Errorf("chance of any overrun %v, want %v (the 2028 window's: it overruns whenever 2027 does)", opex.ChanceOverrun, want)
	}
}

// savingAfterSpend: kill retires "old" from 2027-Q2 (60,000 a quarter
// off the opex budget); ops spends X ~ pert(40000, 60000, 150000) of it
// in 2027-Q1, before the saving starts.
const savingAfterSpend = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
}

budget "capex" {
  amount = 1000000
  per    = "year"
}

budget "opex" {
  kind   = "opex"
  amount = 100000
  per    = "year"
}

system "old" {
  run_cost {
    per_year = 240000
  }
}

project "kill" {
  duration = 1
  funding  = budget.capex
  replaces = [system.old]
  cost {
    one_time = 10000
  }
}

project "ops" {
  duration = 1
  funding  = budget.opex
  cost {
    one_time = pert(40000, 60000, 150000)
  }
}
`

// TestOverrunToDate: a window overruns when its spend to date passes the
// limit, as the scheduler counts it (qa16 Q1). 2027's total, X - 180,000,
// never passes 100,000, but by 2027-Q1 X has been spent: the chance of
// an overrun is P(X > 100,000) within 5 standard errors.
func TestOverrunToDate(t *testing.T) {
	res := simulate(t, loadSource(t, savingAfterSpend), Options{Runs: analyticRuns, Seed: 5})
	dist := estimate.Dist{Kind: estimate.PERT, Low: 40000, Likely: 60000, High: 150000}
	p := 1 - dist.CDF(100000)
	for _, b := range res.Budgets {
		if b.ID != "opex" {
			continue
		}
		for _, w := range b.Windows {
			want := 0.0
			if w.Window == "2027" {
				want = p
			}
			if tol := 5*math.Sqrt(want*(1-want)/analyticRuns) + 1e-9; math.Abs(w.ChanceOverrun-want) > tol {
				t.Errorf("%s: chance of overrun %v, want %v within %v", w.Window, w.ChanceOverrun, want, tol)
			}
		}
		return
	}
	t.Fatal("no opex budget in the result")
}
