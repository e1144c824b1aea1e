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

// IRR is the period rate r > -1 at which PresentValue(r, flows) is zero.
// ok is false when there is none: the flows never change sign, or they
// change sign more than once and their present value never crosses zero
// (1, -1, 1 has no real IRR; spreadsheets answer #NUM!). With several
// rates (possible only when the flows change sign more than once) IRR
// returns the one nearest 10%, the starting guess of spreadsheets' IRR.
// A rate within rounding of -100% is returned as -1.
//
// With x = 1/(1+r), the present value is the polynomial sum(flows[k] x^k),
// so the rates are its roots on x > 0. By Descartes' rule of signs, flows
// that change sign once (costs, then benefits: the usual project) have
// exactly one: IRR brackets it by widening an interval and closes in with
// Brent's method. Otherwise it scans a grid in ln(1+r), fine near zero and
// coarser out to the limits of float64, and refines every sign change.
// Two roots closer together than the grid (about 0.1% of 1+r near 0%,
// 5% at 1+r = 10) can be missed. The present value is computed so that
// it never overflows, even over 10,000 periods at rates near -100%.
func IRR(flows []float64) (rate float64, ok bool) {
	c := normalisedFlows(flows)
	if c == nil {
		return 0, false
	}
	g := func(u float64) float64 { return presentValueSign(c, u) }
	var roots []float64
	if signChanges(c) == 1 {
		u, found := onlyRoot(g, c[0] > 0)
		if !found {
			return 0, false
		}
		roots = append(roots, u)
	} else {
		grid := irrGrid()
		prevU, prevG := grid[0], g(grid[0])
		for _, u := range grid[1:] {
			gu := g(u)
			switch {
			case prevG == 0:
				roots = append(roots, prevU)
			case gu != 0 && (gu < 0) != (prevG < 0):
				roots = append(roots, brent(g, prevU, u, prevG, gu))
			}
			prevU, prevG = u, gu
		}
		if prevG == 0 {
			roots = append(roots, prevU)
		}
	}
	best, found := 0.0, false
	for _, u := range roots {
		r := math.Expm1(u)
		if !found || math.Abs(r-0.1) < math.Abs(best-0.1) {
			best, found = r, true
		}
	}
	return best, found
}

// normalisedFlows is flows scaled so the largest is 1 in size, without
// leading and trailing zeros (they do not move the roots; trimmed after
// scaling, which can round a flow 1e-300 times the largest to zero); nil
// when nothing is left or the flows never change sign.
func normalisedFlows(flows []float64) []float64 {
	scale := 0.0
	for _, x := range flows {
		scale = math.Max(scale, math.Abs(x))
	}
	if scale == 0 {
		return nil
	}
	c := make([]float64, len(flows))
	for k, x := range flows {
		c[k] = x / scale
	}
	first, last := 0, len(c)-1
	for first <= last && c[first] == 0 {
		first++
	}
	for last >= first && c[last] == 0 {
		last--
	}
	c = c[first : last+1]
	if signChanges(c) == 0 {
		return nil
	}
	return c
}

// signChanges counts the sign changes of c, zeros skipped.
func signChanges(c []float64) int {
	n, prev := 0, 0.0
	for _, x := range c {
		if x == 0 {
			continue
		}
		if prev != 0 && (x < 0) != (prev < 0) {
			n++
		}
		prev = x
	}
	return n
}

// presentValueSign is the present value of c at the rate r = e^u - 1,
// up to a positive factor: for u >= 0 the polynomial in x = e^-u <= 1,
// for u < 0 the same multiplied by (1+r)^n, a polynomial in 1+r < 1. Both
// are Horner sums of terms at most 1 in size, so neither overflows; they
// agree at u = 0, so the function is continuous and has the same roots.
func presentValueSign(c []float64, u float64) float64 {
	sum := 0.0
	if u >= 0 {
		x := math.Exp(-u)
		for k := len(c) - 1; k >= 0; k-- {
			sum = sum*x + c[k]
		}
		return sum
	}
	y := math.Exp(u)
	for _, ck := range c {
		sum = sum*y + ck
	}
	return sum
}

// maxLogRate bounds ln(1+r): beyond it, 1+r or its inverse leaves float64.
const maxLogRate = 709

// onlyRoot finds the single sign change of g, whose sign at u = +inf
// (r large, x = 0) is positive when firstPositive: it widens [-1, 1]
// towards the side the root must be on, then refines it.
func onlyRoot(g func(float64) float64, firstPositive bool) (float64, bool) {
	lo, hi := -1.0, 1.0
	glo, ghi := g(lo), g(hi)
	for {
		switch {
		case glo == 0:
			return lo, true
		case ghi == 0:
			return hi, true
		case (glo < 0) != (ghi < 0):
			return brent(g, lo, hi, glo, ghi), true
		}
		// Same sign at both ends. If it is the sign g has at +inf, the
		// one root is below lo; otherwise it is above hi.
		if (ghi > 0) == firstPositive {
			if lo <= -maxLogRate {
				return 0, false
			}
			hi, ghi = lo, glo
			lo = math.Max(2*lo, -maxLogRate)
			glo = g(lo)
		} else {
			if hi >= maxLogRate {
				return 0, false
			}
			lo, glo = hi, ghi
			hi = math.Min(2*hi, maxLogRate)
			ghi = g(hi)
		}
	}
}

// irrGrid is where IRR looks for sign changes when there may be several
// roots: u = ln(1+r) = 0.02 sinh(t) for 1,025 evenly spaced t, dense near
// r = 0 (steps of 0.0006 in u) and reaching u = ±40, then ±80 ... ±709.
func irrGrid() []float64 {
	const n, a = 512, 0.02
	tMax := math.Asinh(40 / a)
	var grid []float64
	for _, far := range []float64{-maxLogRate, -320, -160, -80} {
		grid = append(grid, far)
	}
	for i := -n; i <= n; i++ {
		grid = append(grid, a*math.Sinh(tMax*float64(i)/n))
	}
	return append(grid, 80, 160, 320, maxLogRate)
}

// brent finds a root of g in [a, b], where ga = g(a) and gb = g(b) have
// opposite signs, to within float64 precision by Brent's method
// (Brent 1973, the zeroin of netlib): inverse quadratic interpolation or
// secant steps while they shrink the bracket fast enough, else bisection.
func brent(g func(float64) float64, a, b, ga, gb float64) float64 {
	const eps = 0x1p-52
	c, gc := a, ga
	d := b - a
	e := d
	for range 300 {
		if (gb > 0) == (gc > 0) {
			c, gc = a, ga
			d = b - a
			e = d
		}
		if math.Abs(gc) < math.Abs(gb) {
			a, b, c = b, c, b
			ga, gb, gc = gb, gc, gb
		}
		tol := 2 * eps * math.Abs(b)
		m := (c - b) / 2
		if math.Abs(m) <= tol || gb == 0 {
			return b
		}
		if math.Abs(e) >= tol && math.Abs(ga) > math.Abs(gb) {
			var p, q float64
			s := gb / ga
			if a == c { // secant
				p, q = 2*m*s, 1-s
			} else { // inverse quadratic interpolation
				q, r := ga/gc, gb/gc
				p = s * (2*m*q*(q-r) - (b-a)*(r-1))
				q = (q - 1) * (r - 1) * (s - 1)
			}
			if p > 0 {
				q = -q
			} else {
				p = -p
			}
			if 2*p < 3*m*q-math.Abs(tol*q) && p < math.Abs(e*q/2) {
				e, d = d, p/q
			} else {
				d, e = m, m
			}
		} else {
			d, e = m, m
		}
		a, ga = b, gb
		if math.Abs(d) > tol {
			b += d
		} else {
			b += math.Copysign(tol, m)
		}
		gb = g(b)
	}
	return b
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
