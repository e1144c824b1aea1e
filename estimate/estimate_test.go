package estimate

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// The expected figures are worked by hand from the distributions'
// definitions, not produced by the code under test.

func TestMoments(t *testing.T) {
	tests := []struct {
		d              Dist
		mean, variance float64
	}{
		// PERT: mean (2 + 4x3 + 5)/6 = 19/6; variance (mean-2)(5-mean)/7 = (7/6)(11/6)/7 = 11/36.
		{Dist{PERT, 2, 3, 5}, 19.0 / 6, 11.0 / 36},
		// Triangular: mean (0+1+4)/3; variance (0+1+16-0-0-4)/18 = 13/18.
		{Dist{Triangular, 0, 1, 4}, 5.0 / 3, 13.0 / 18},
		// Uniform: mean 15, variance 10^2/12.
		{NewUniform(10, 20), 15, 100.0 / 12},
	}
	for _, tt := range tests {
		if got := tt.d.Mean(); math.Abs(got-tt.mean) > 1e-12 {
			t.Errorf("%v mean = %v, want %v", tt.d, got, tt.mean)
		}
		if got := tt.d.Variance(); math.Abs(got-tt.variance) > 1e-12 {
			t.Errorf("%v variance = %v, want %v", tt.d, got, tt.variance)
		}
	}
}

// betaThreeThreeCDF is the CDF of Beta(3, 3), PERT(0, 5, 10)'s shape:
// the regularised incomplete beta I_x(3,3) = 10x^3 - 15x^4 + 6x^5.
func betaThreeThreeCDF(x float64) float64 {
	return 10*math.Pow(x, 3) - 15*math.Pow(x, 4) + 6*math.Pow(x, 5)
}

func TestQuantileAndCDF(t *testing.T) {
	// p80 of PERT(0, 5, 10): solve I_x(3,3) = 0.8 by bisection.
	lo, hi := 0.0, 1.0
	for range 200 {
		mid := (lo + hi) / 2
		if betaThreeThreeCDF(mid) < 0.8 {
			lo = mid
		} else {
			hi = mid
		}
	}
	pertP80 := 10 * lo
	tests := []struct {
		d       Dist
		p, want float64
	}{
		{Dist{Triangular, 0, 1, 4}, 0.25, 1},                 // the mode holds (m-a)/(b-a) = 1/4 below it
		{Dist{Triangular, 0, 1, 4}, 0.8, 4 - math.Sqrt(2.4)}, // b - sqrt((1-p)(b-a)(b-m))
		{Dist{Triangular, 0, 1, 4}, 0.01, math.Sqrt(0.04)},   // a + sqrt(p(b-a)(m-a))
		{NewUniform(10, 20), 0.8, 18},
		{Dist{PERT, 0, 5, 10}, 0.5, 5}, // symmetric
		{Dist{PERT, 0, 5, 10}, 0.8, pertP80},
		{Dist{PERT, 7, 7, 7}, 0.8, 7}, // degenerate
	}
	for _, tt := range tests {
		got := tt.d.Quantile(tt.p)
		if math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%v quantile(%v) = %v, want %v", tt.d, tt.p, got, tt.want)
		}
		if tt.d.degenerate() {
			continue
		}
		if c := tt.d.CDF(got); math.Abs(c-tt.p) > 1e-9 {
			t.Errorf("%v CDF(quantile(%v)) = %v", tt.d, tt.p, c)
		}
	}
	if got := (Dist{PERT, 0, 5, 10}).CDF(3); math.Abs(got-betaThreeThreeCDF(0.3)) > 1e-12 {
		t.Errorf("PERT CDF(3) = %v, want %v", got, betaThreeThreeCDF(0.3))
	}
}

func TestPoint(t *testing.T) {
	d := Dist{Triangular, 0, 1, 4}
	for _, tt := range []struct {
		p    Point
		want float64
	}{{Likely, 1}, {Mean, 5.0 / 3}, {P80, 4 - math.Sqrt(2.4)}, {"", 1}} {
		if got := d.Point(tt.p); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("Point(%q) = %v, want %v", tt.p, got, tt.want)
		}
	}
	if got := NewUniform(2, 6).Point(Likely); got != 4 {
		t.Errorf("uniform likely = %v, want the midpoint 4", got)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		d    Dist
		want string
	}{
		{Dist{PERT, 1, 2, 3}, ""},
		{Dist{PERT, 3, 3, 3}, ""},
		{Dist{PERT, 5, 2, 3}, "low (5) is above high (3)"},
		{Dist{Triangular, 1, 0.5, 3}, "likely (0.5) is below low (1)"},
		{Dist{Triangular, 1, 4, 3}, "likely (4) is above high (3)"},
		{Dist{Uniform, math.Inf(-1), 0, 1}, "the bounds must be finite numbers"},
	}
	for _, tt := range tests {
		err := tt.d.Validate()
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%v: Validate() = %q, want %q", tt.d, got, tt.want)
		}
	}
}

// TestSampleMatchesDistribution draws n samples of each distribution and
// checks them against the analytic figures with tolerances from n: the
// Dvoretzky-Kiefer-Wolfowitz bound P(sup|Fn - F| > eps) <= 2 exp(-2 n
// eps^2) for the whole CDF, and the central limit theorem (5 standard
// errors) for the mean. At alpha = 1e-6 a correct sampler fails either
// with probability about one in a million (the seed is fixed, so the test
// is deterministic).
func TestSampleMatchesDistribution(t *testing.T) {
	const n = 20000
	eps := math.Sqrt(math.Log(2/1e-6) / (2 * n))
	for i, d := range []Dist{{PERT, 2, 3, 5}, {PERT, 0, 0, 10}, {Triangular, 0, 1, 4}, NewUniform(10, 20)} {
		r := rand.New(rand.NewPCG(42, uint64(i)))
		xs := make([]float64, n)
		sum := 0.0
		for k := range xs {
			xs[k] = d.Sample(r)
			if xs[k] < d.Low || xs[k] > d.High {
				t.Fatalf("%v sample %v outside its range", d, xs[k])
			}
			sum += xs[k]
		}
		if se := math.Sqrt(d.Variance() / n); math.Abs(sum/n-d.Mean()) > 5*se {
			t.Errorf("%v sample mean %v, want %v within %v", d, sum/n, d.Mean(), 5*se)
		}
		slices.Sort(xs)
		worst := 0.0
		for k, x := range xs {
			f := d.CDF(x)
			worst = math.Max(worst, math.Max(math.Abs(float64(k+1)/n-f), math.Abs(float64(k)/n-f)))
		}
		if worst > eps {
			t.Errorf("%v: Kolmogorov distance %v above the DKW bound %v", d, worst, eps)
		}
	}
}

func TestSampleDeterministic(t *testing.T) {
	d := Dist{PERT, 2, 3, 5}
	a, b := rand.New(rand.NewPCG(1, 2)), rand.New(rand.NewPCG(1, 2))
	for range 100 {
		if x, y := d.Sample(a), d.Sample(b); x != y {
			t.Fatalf("same stream gave %v and %v", x, y)
		}
	}
}

func TestString(t *testing.T) {
	if got := (Dist{PERT, 2, 3, 5.5}).String(); got != "pert(2, 3, 5.5)" {
		t.Errorf("String() = %q", got)
	}
	if got := NewUniform(1, 2).String(); got != "uniform(1, 2)" {
		t.Errorf("String() = %q", got)
	}
}
