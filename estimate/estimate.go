// Package estimate holds the distributions of ranged estimates — PERT,
// triangular and uniform — with their means, quantiles and sampling. The
// language's pert(), triangular() and uniform() make them; a plain plan
// uses one number of each (Point), the Monte Carlo simulation samples them.
package estimate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"

	"gonum.org/v1/gonum/stat/distuv"
)

// Kind names a distribution.
type Kind string

const (
	PERT       Kind = "pert"
	Triangular Kind = "triangular"
	Uniform    Kind = "uniform"
)

// Point says which number of a range a plain plan uses: roadmap {
// estimate = "likely" | "mean" | "p80" }.
type Point string

const (
	Likely Point = "likely"
	Mean   Point = "mean"
	P80    Point = "p80"
)

// Points lists the accepted Point words.
func Points() []string { return []string{string(Likely), string(Mean), string(P80)} }

// Dist is a ranged estimate. Likely is the mode of PERT and triangular;
// a uniform range has none, and Likely holds its midpoint.
type Dist struct {
	Kind              Kind
	Low, Likely, High float64
}

// NewUniform is uniform(low, high).
func NewUniform(low, high float64) Dist {
	return Dist{Kind: Uniform, Low: low, Likely: low + (high-low)/2, High: high}
}

// Validate checks low <= likely <= high, all finite.
func (d Dist) Validate() error {
	for _, x := range []float64{d.Low, d.Likely, d.High} {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("the bounds must be finite numbers")
		}
	}
	switch {
	case d.Low > d.High:
		return fmt.Errorf("low (%s) is above high (%s)", format(d.Low), format(d.High))
	case d.Likely < d.Low:
		return fmt.Errorf("likely (%s) is below low (%s)", format(d.Likely), format(d.Low))
	case d.Likely > d.High:
		return fmt.Errorf("likely (%s) is above high (%s)", format(d.Likely), format(d.High))
	}
	return nil
}

// String is the call that makes d: "pert(2, 3, 5)".
func (d Dist) String() string {
	if d.Kind == Uniform {
		return fmt.Sprintf("uniform(%s, %s)", format(d.Low), format(d.High))
	}
	return fmt.Sprintf("%s(%s, %s, %s)", d.Kind, format(d.Low), format(d.Likely), format(d.High))
}

func format(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// degenerate reports a range of one value: every sample is Low.
func (d Dist) degenerate() bool { return !(d.High > d.Low) }

// pertShape is PERT's beta distribution on 0..1: alpha = 1 + 4 (likely -
// low) / (high - low), beta = 1 + 4 (high - likely) / (high - low).
func (d Dist) pertShape() distuv.Beta {
	w := d.High - d.Low
	return distuv.Beta{Alpha: 1 + 4*(d.Likely-d.Low)/w, Beta: 1 + 4*(d.High-d.Likely)/w}
}

// Mean is the expected value: (low + 4 likely + high) / 6 for PERT,
// (low + likely + high) / 3 triangular, (low + high) / 2 uniform.
func (d Dist) Mean() float64 {
	switch d.Kind {
	case PERT:
		return (d.Low + 4*d.Likely + d.High) / 6
	case Triangular:
		return (d.Low + d.Likely + d.High) / 3
	default:
		return (d.Low + d.High) / 2
	}
}

// Variance is the distribution's variance.
func (d Dist) Variance() float64 {
	a, m, b := d.Low, d.Likely, d.High
	switch d.Kind {
	case PERT:
		mu := d.Mean()
		return (mu - a) * (b - mu) / 7
	case Triangular:
		return (a*a + m*m + b*b - a*m - a*b - m*b) / 18
	default:
		return (b - a) * (b - a) / 12
	}
}

// CDF is P(X <= x).
func (d Dist) CDF(x float64) float64 {
	a, m, b := d.Low, d.Likely, d.High
	switch {
	case x < a:
		return 0
	case x >= b:
		return 1
	}
	switch d.Kind {
	case PERT:
		return d.pertShape().CDF((x - a) / (b - a))
	case Triangular:
		if x <= m {
			return (x - a) * (x - a) / ((b - a) * (m - a))
		}
		return 1 - (b-x)*(b-x)/((b-a)*(b-m))
	default:
		return (x - a) / (b - a)
	}
}

// Quantile is the value below which a share p (0..1) of outcomes falls.
func (d Dist) Quantile(p float64) float64 {
	if d.degenerate() {
		return d.Low
	}
	a, m, b := d.Low, d.Likely, d.High
	p = math.Min(1, math.Max(0, p))
	switch d.Kind {
	case PERT:
		return a + (b-a)*d.pertShape().Quantile(p)
	case Triangular:
		if p < (m-a)/(b-a) {
			return a + math.Sqrt(p*(b-a)*(m-a))
		}
		return b - math.Sqrt((1-p)*(b-a)*(b-m))
	default:
		return a + p*(b-a)
	}
}

// Point is the number a plain plan uses.
func (d Dist) Point(which Point) float64 {
	switch which {
	case Mean:
		return d.Mean()
	case P80:
		return d.Quantile(0.8)
	default:
		return d.Likely
	}
}

// Sample draws one value with r. Triangular and uniform use one uniform
// draw through the inverse CDF; PERT draws its beta variate from two gamma
// variates (gonum), much faster than inverting the incomplete beta.
func (d Dist) Sample(r *rand.Rand) float64 {
	if d.degenerate() {
		return d.Low
	}
	switch d.Kind {
	case PERT:
		shape := d.pertShape()
		shape.Src = r
		x := d.Low + (d.High-d.Low)*shape.Rand()
		return math.Min(d.High, math.Max(d.Low, x))
	default:
		return d.Quantile(r.Float64())
	}
}
