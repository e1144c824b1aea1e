package finance

import (
	"math"
	"testing"
)

// The expected figures below were worked by hand (or with a spreadsheet's
// NPV/IRR, whose conventions these functions follow) and are not produced
// by the code under test.

func TestPresentValue(t *testing.T) {
	tests := []struct {
		name  string
		rate  float64
		flows []float64
		want  float64
	}{
		// DESIGN.md's worked example: -1000 now, then 400 a year for 5 years
		// at 10%: -1000 + 400 x (1 - 1.1^-5) / 0.1 = -1000 + 400 x 3.790787
		// = 516.3147.
		{"design example", 0.10, []float64{-1000, 400, 400, 400, 400, 400}, 516.3147},
		// No discounting: the plain sum.
		{"zero rate", 0, []float64{-100, 30, 30, 30, 30}, 20},
		// One flow is never discounted.
		{"single flow", 0.5, []float64{-250}, -250},
		// 110 a period later at 10% is worth 100 now: -100 + 110/1.1 = 0.
		{"break even", 0.10, []float64{-100, 110}, 0},
		// Two periods at 5%: 100 + 105/1.05 + 110.25/1.1025 = 300.
		{"growing flows", 0.05, []float64{100, 105, 110.25}, 300},
		{"empty", 0.1, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PresentValue(tt.rate, tt.flows); math.Abs(got-tt.want) > 1e-4 {
				t.Errorf("PresentValue(%v, %v) = %.6f, want %.4f", tt.rate, tt.flows, got, tt.want)
			}
		})
	}
}

func TestNPV(t *testing.T) {
	tests := []struct {
		name  string
		rate  float64
		flows []float64
		want  float64
	}{
		// A spreadsheet's documented example: NPV(10%, -10000, 3000, 4200,
		// 6800) = -10000/1.1 + 3000/1.21 + 4200/1.331 + 6800/1.4641
		// = -9090.91 + 2479.34 + 3155.52 + 4644.49 = 1188.44.
		{"spreadsheet example", 0.10, []float64{-10000, 3000, 4200, 6800}, 1188.4434},
		// DESIGN.md's example once more, discounted one period further:
		// 516.3147 / 1.1 = 469.3770.
		{"design example shifted", 0.10, []float64{-1000, 400, 400, 400, 400, 400}, 469.3770},
		{"zero rate", 0, []float64{1, 2, 3}, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NPV(tt.rate, tt.flows); math.Abs(got-tt.want) > 1e-4 {
				t.Errorf("NPV(%v, %v) = %.6f, want %.4f", tt.rate, tt.flows, got, tt.want)
			}
		})
	}
}

func TestIRR(t *testing.T) {
	tests := []struct {
		name   string
		flows  []float64
		want   float64
		wantOK bool
	}{
		// DESIGN.md: -1000 then 400 x 5 has IRR 28.65% (400 x annuity factor
		// at 28.6493% = 2.5 = 1000/400).
		{"design example", []float64{-1000, 400, 400, 400, 400, 400}, 0.286493, true},
		// A spreadsheet's documented examples: 8.66%, -2.12% and -44.35%.
		{"spreadsheet five years", []float64{-70000, 12000, 15000, 18000, 21000, 26000}, 0.086631, true},
		{"spreadsheet four years", []float64{-70000, 12000, 15000, 18000, 21000}, -0.021245, true},
		{"spreadsheet two years", []float64{-70000, 12000, 15000}, -0.443507, true},
		// -100 now, 110 later: exactly 10%.
		{"one period", []float64{-100, 110}, 0.10, true},
		// Double the money in two periods: (1+r)^2 = 2, r = 41.4214%.
		{"doubling", []float64{-100, 0, 200}, 0.414214, true},
		// Inflows first (a loan): 100 now, -121 in two periods: 10%.
		{"loan", []float64{100, 0, -121}, 0.10, true},
		// Another spreadsheet's documented results, flows changing sign
		// twice: -32.606171% (the root nearer 10%; the other is 70%) and
		// 104.62142%.
		{"spreadsheet, two sign changes", []float64{-80, 90, 67, 72, -90}, -0.32606171, true},
		{"spreadsheet, large rate", []float64{-700, 750, 900, 600, 850}, 1.0462142, true},
		// These change sign and used to give null (issue 11).
		// Two roots, 11% and 13%, between the old grid's 10% and 20%:
		// -100 (1.11)(1.13)... = -100 z^2 + 224 z - 125.43 with z = 1+r.
		{"two close roots", []float64{-100, 224, -125.43}, 0.11, true},
		// Nearly everything lost: -99.9%, below the old grid's -99%.
		{"near -100%", []float64{-1, 0.001}, -0.999, true},
		// A rate above the old grid's 1e6.
		{"huge rate", []float64{-1, 1e7}, 1e7 - 1, true},
		// NPV touches zero at 0% without crossing: -(1 - x)^2.
		{"double root", []float64{-1, 2, -1}, 0, true},
		// Leading and trailing zeros do not move the rate.
		{"zeros around", []float64{0, 0, -100, 110, 0}, 0.10, true},
		// Changes sign twice but NPV = 1 - x + x^2 > 0 for every rate:
		// no IRR (a spreadsheet says #NUM!).
		{"no real root", []float64{1, -1, 1}, 0, false},
		{"never changes sign: all costs", []float64{-100, -50}, 0, false},
		{"never changes sign: all benefits", []float64{100, 50}, 0, false},
		{"all zero", []float64{0, 0, 0}, 0, false},
		{"empty", nil, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := IRR(tt.flows)
			if ok != tt.wantOK {
				t.Fatalf("IRR(%v) ok = %v, want %v", tt.flows, ok, tt.wantOK)
			}
			if ok && math.Abs(got-tt.want) > 1e-6*math.Max(1, math.Abs(tt.want)) {
				t.Errorf("IRR(%v) = %.8f, want %.6f", tt.flows, got, tt.want)
			}
		})
	}
}

// Flows with two sign changes can have two IRRs: -100, 230, -132 is zero
// at both 10% and 20% (-100 + 230/1.1 - 132/1.21 = 0 and
// -100 + 230/1.2 - 132/1.44 = 0). IRR must return one of them.
func TestIRRMultipleRoots(t *testing.T) {
	flows := []float64{-100, 230, -132}
	got, ok := IRR(flows)
	if !ok {
		t.Fatal("IRR found no root")
	}
	if math.Abs(got-0.10) > 1e-6 && math.Abs(got-0.20) > 1e-6 {
		t.Errorf("IRR = %.8f, want 0.10 or 0.20", got)
	}
}

// TestIRRIsARoot: for flows that change sign once (the usual project:
// costs, then benefits), of any length up to the 10,000-period limit and
// any rate, IRR finds the rate and the present value there is zero to
// rounding. The flows are built from a known rate, so the answer is known.
func TestIRRIsARoot(t *testing.T) {
	for _, n := range []int{2, 5, 40, 400, 10000} {
		for _, want := range []float64{-0.999, -0.5, -0.01, 0, 0.0001, 0.1, 0.7, 3, 50, 1e4} {
			// -1 now, then a level inflow a for n-1 periods with PV 1 at want.
			flows := make([]float64, n)
			flows[0] = -1
			annuity := 0.0
			for k := 1; k < n; k++ {
				annuity += math.Pow(1+want, -float64(k))
			}
			if annuity == 0 || math.IsInf(annuity, 0) {
				continue
			}
			for k := 1; k < n; k++ {
				flows[k] = 1 / annuity
			}
			got, ok := IRR(flows)
			if !ok || math.IsNaN(got) {
				t.Errorf("n=%d rate %g: IRR = %v, %v", n, want, got, ok)
				continue
			}
			if math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
				t.Errorf("n=%d: IRR = %.12g, want %g", n, got, want)
			}
		}
	}
}

// TestIRRPicksTheRootNearestTenPercent: with several rates, the one
// nearest a spreadsheet's starting guess of 10%.
func TestIRRPicksTheRootNearestTenPercent(t *testing.T) {
	// Roots at 5%, 30% and 200%: -(z-1.05)(z-1.3)(z-3) with z = 1+r.
	flows := []float64{-1, 1.05 + 1.3 + 3, -(1.05*1.3 + 1.05*3 + 1.3*3), 1.05 * 1.3 * 3}
	got, ok := IRR(flows)
	if !ok || math.Abs(got-0.05) > 1e-9 {
		t.Errorf("IRR = %v, %v; want 0.05 (roots 5%%, 30%%, 200%%)", got, ok)
	}
}

func TestPayback(t *testing.T) {
	tests := []struct {
		name   string
		flows  []float64
		want   float64
		wantOK bool
	}{
		// DESIGN.md: cumulative -1000, -600, -200 after periods 0..2; period
		// 3's 400 covers the last 200 halfway through: 3.5.
		{"design example", []float64{-1000, 400, 400, 400, 400, 400}, 3.5, true},
		// Cumulative -100, -50, 0: reaches zero exactly at the end of period 2.
		{"exact", []float64{-100, 50, 50}, 3, true},
		// Two build periods then 30 a period: -60 after period 1; 30 covers
		// it in periods 2 and 3, so 4 periods.
		{"two build periods", []float64{-30, -30, 30, 30, 30}, 4, true},
		// -100, then 80: 0.25 of period 2's 80 covers the last 20: 2.25.
		{"fraction", []float64{-100, 80, 80}, 2.25, true},
		{"never", []float64{-100, 20, 20}, 0, false},
		// Nothing to pay back.
		{"no cost", []float64{0, 100, 100}, 0, true},
		{"all zero", []float64{0, 0}, 0, true},
		// Money in first, then a dip below zero: paid back when the
		// cumulative flow climbs back: 100, -100 after period 1, +150 in
		// period 2 covers 100 after 2/3 of it.
		{"dip later", []float64{100, -200, 150}, 2 + 100.0/150, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Payback(tt.flows)
			if ok != tt.wantOK {
				t.Fatalf("Payback(%v) ok = %v, want %v", tt.flows, ok, tt.wantOK)
			}
			if ok && math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("Payback(%v) = %.6f, want %.6f", tt.flows, got, tt.want)
			}
		})
	}
}

func TestFinite(t *testing.T) {
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if Finite(x) {
			t.Errorf("Finite(%v) = true", x)
		}
	}
	if !Finite(1e300) || !Finite(0) {
		t.Error("Finite rejects a finite number")
	}
}
