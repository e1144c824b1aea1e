// Package finance holds the money arithmetic shared by the language's
// npv()/irr() functions and the evaluator: discounting, IRR and payback.
package finance

import "math"

// NPV has spreadsheet semantics: the first flow is discounted by one period,
// NPV = sum(flows[k] / (1+rate)^(k+1)).
func NPV(rate float64, flows []float64) float64 {
	return PresentValue(rate, flows) / (1 + rate)
}

// PresentValue discounts flow k by (1+rate)^-k: the first flow is not
// discounted (DESIGN.md's project NPV).
func PresentValue(rate float64, flows []float64) float64 {
	pv, f := 0.0, 1.0
	for _, x := range flows {
		pv += x / f
		f *= 1 + rate
	}
	return pv
}

// IRR is the period rate at which PresentValue(rate, flows) is zero, found
// by bracketing and bisection. ok is false when the flows never change sign
// or no root lies in (-1, 1e6).
func IRR(flows []float64) (rate float64, ok bool) {
	pos, neg := false, false
	for _, x := range flows {
		pos = pos || x > 0
		neg = neg || x < 0
	}
	if !pos || !neg {
		return 0, false
	}
	f := func(r float64) float64 { return PresentValue(r, flows) }
	// Scan for a sign change, starting near zero where IRRs usually are.
	grid := []float64{-0.99, -0.9, -0.75, -0.5, -0.25, -0.1, 0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 2, 5, 10, 100, 1e3, 1e6}
	lo, flo := grid[0], f(grid[0])
	for _, hi := range grid[1:] {
		fhi := f(hi)
		if flo == 0 {
			return lo, true
		}
		if (flo < 0) != (fhi < 0) {
			for range 200 {
				mid := (lo + hi) / 2
				fm := f(mid)
				if fm == 0 || hi-lo < 1e-13 {
					return mid, true
				}
				if (fm < 0) == (flo < 0) {
					lo, flo = mid, fm
				} else {
					hi = mid
				}
			}
			return (lo + hi) / 2, true
		}
		lo, flo = hi, fhi
	}
	return 0, false
}

// Payback is the number of periods from the first until the cumulative
// flow first climbs back to zero, each period's flow spread evenly through
// it, so the crossing is interpolated. When the cumulative flow is never
// below zero there is nothing to pay back and Payback is 0. ok is false
// when it goes below zero and never comes back.
func Payback(flows []float64) (periods float64, ok bool) {
	cum, wasNegative := 0.0, false
	for k, x := range flows {
		next := cum + x
		if cum < 0 && next >= 0 {
			return float64(k) + (-cum)/x, true
		}
		wasNegative = wasNegative || next < 0
		cum = next
	}
	return 0, !wasNegative
}

// Finite reports whether x is a usable money figure (not NaN or ±Inf).
func Finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
