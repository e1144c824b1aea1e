package hclspec

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/roadmap-as-code/roadmap/estimate"
)

// Estimate is one of a project's numbers given as a range with pert(),
// triangular() or uniform(). The project's plain field (Duration, Effort,
// Cost, Benefit) holds the number a plan uses, chosen by the roadmap's
// estimate setting; the simulation samples Dist.
type Estimate struct {
	// Attr names the number: "duration", "effort.<team>", "cost.one_time",
	// "cost.per_year" or "benefit.per_year".
	Attr string
	// Dist is in the attribute's unit: periods for a duration (strings
	// such as "9 months" converted, not yet rounded), FTE, money.
	Dist  estimate.Dist
	Range hcl.Range // the expression
}

// Point is the number a plain plan uses under the roadmap's estimate.
// "p80" is prudent: costs, efforts and durations at their P80 (exceeded
// once in five), a benefit at its P20 (reached four times in five).
func (e Estimate) Point(which estimate.Point) float64 {
	if which == estimate.P80 && strings.HasPrefix(e.Attr, "benefit.") {
		return e.Dist.Quantile(0.2)
	}
	return e.Dist.Point(which)
}

// WholePeriods is the number of whole periods a duration drawn from a
// range (or its plan value) counts for: x rounded to the nearest whole
// period, halves up, at least 1. Rounding to the nearest keeps a range's
// likely value its most frequent outcome and its mean where it is;
// rounding every sample up would add half a period to every project on
// average. (A fixed duration string such as "10 weeks" is still rounded
// up, by ParseDuration.)
func WholePeriods(x float64) int {
	n := math.Floor(x + 0.5 + 1e-9)
	if n < 1 {
		return 1
	}
	if n > MaxPeriods {
		return MaxPeriods
	}
	return int(n)
}

// rangeArg is one argument of pert(), triangular() or uniform(): a number,
// or for durations a string such as "9 months", converted once the
// attribute (and so the unit) is known.
type rangeArg struct {
	num   float64
	str   string
	isStr bool
}

func (a rangeArg) String() string {
	if a.isStr {
		return strconv.Quote(a.str)
	}
	return strconv.FormatFloat(a.num, 'g', -1, 64)
}

// rangeCall is the value of a pert(), triangular() or uniform() call.
type rangeCall struct {
	kind estimate.Kind
	args []rangeArg // low, likely, high; low, high for uniform
}

func (c *rangeCall) String() string {
	parts := make([]string, len(c.args))
	for i, a := range c.args {
		parts[i] = a.String()
	}
	return fmt.Sprintf("%s(%s)", c.kind, strings.Join(parts, ", "))
}

// estimateType is the cty type of a range. A range is not a number:
// converting one (arithmetic, min(), a number attribute that takes no
// range) fails with a message saying so, rather than a generic type error
// or a silently chosen number.
var estimateType = cty.CapsuleWithOps("range", reflect.TypeOf(rangeCall{}), &cty.CapsuleOps{
	GoString:     func(v any) string { return v.(*rangeCall).String() },
	TypeGoString: func(reflect.Type) string { return "hclspec.estimateType" },
	RawEquals: func(a, b any) bool {
		return reflect.DeepEqual(a, b)
	},
	ConversionFrom: func(dst cty.Type) func(any, cty.Path) (cty.Value, error) {
		if !dst.IsPrimitiveType() {
			return nil
		}
		return func(v any, p cty.Path) (cty.Value, error) {
			return cty.NilVal, p.NewErrorf("%s is a ranged estimate, not a %s: it cannot take part in arithmetic or comparisons, or stand where a plain %s is needed. Only duration, effort values, cost.one_time, cost.per_year and benefit.per_year accept ranges; to scale one, scale its bounds, as in pert(2 * x, 3 * x, 5 * x)",
				v.(*rangeCall), dst.FriendlyName(), dst.FriendlyName())
		}
	},
})

// IsEstimate reports whether v is a range made by pert(), triangular() or
// uniform().
func IsEstimate(v cty.Value) bool { return v.Type().Equals(estimateType) }

// rangeFunc makes pert/triangular (low, likely, high) or uniform (low,
// high). Arguments are numbers, or strings for durations; when all are
// numbers the order is checked here, so the error points at the argument.
func rangeFunc(kind estimate.Kind, names ...string) function.Function {
	params := make([]function.Parameter, len(names))
	for i, n := range names {
		params[i] = function.Parameter{Name: n, Type: cty.DynamicPseudoType}
	}
	desc := fmt.Sprintf("A ranged estimate with a %s distribution, for duration, effort values, cost.one_time, cost.per_year and benefit.per_year.", kind)
	return function.New(&function.Spec{
		Description: desc,
		Params:      params,
		Type:        function.StaticReturnType(estimateType),
		RefineResult: func(b *cty.RefinementBuilder) *cty.RefinementBuilder {
			return b.NotNull()
		},
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			call := &rangeCall{kind: kind}
			numeric := true
			for i, v := range args {
				a, err := rangeArgOf(v)
				if err != nil {
					return cty.NilVal, function.NewArgError(i, err)
				}
				numeric = numeric && !a.isStr
				call.args = append(call.args, a)
			}
			if numeric {
				d := call.dist(nil)
				if err := d.Validate(); err != nil {
					return cty.NilVal, function.NewArgError(misplacedArg(call, d), err)
				}
			}
			return cty.CapsuleVal(estimateType, call), nil
		},
	})
}

func rangeArgOf(v cty.Value) (rangeArg, error) {
	if v.IsNull() {
		return rangeArg{}, fmt.Errorf("must not be null")
	}
	switch v.Type() {
	case cty.Number:
		f, ok := finiteFloat(v.AsBigFloat())
		if !ok {
			return rangeArg{}, fmt.Errorf("must be a finite number")
		}
		return rangeArg{num: f}, nil
	case cty.String:
		s := v.AsString()
		if looksNumeric(s) {
			f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
			if err == nil && !math.IsInf(f, 0) {
				return rangeArg{num: f}, nil
			}
		}
		return rangeArg{str: s, isStr: true}, nil
	}
	if IsEstimate(v) {
		return rangeArg{}, fmt.Errorf("must be a number, not another range")
	}
	return rangeArg{}, fmt.Errorf("must be a number (or, for a duration, a string such as \"9 months\"), not %s", v.Type().FriendlyName())
}

// dist converts the call; toPeriods converts string arguments (nil when
// every argument is a number).
func (c *rangeCall) dist(toPeriods func(string) (float64, error)) estimate.Dist {
	vals := make([]float64, len(c.args))
	for i, a := range c.args {
		vals[i] = a.num
		if a.isStr && toPeriods != nil {
			vals[i], _ = toPeriods(a.str)
		}
	}
	if c.kind == estimate.Uniform {
		return estimate.NewUniform(vals[0], vals[1])
	}
	return estimate.Dist{Kind: c.kind, Low: vals[0], Likely: vals[1], High: vals[2]}
}

// misplacedArg is the argument to blame for an out-of-order range: likely
// when it lies outside the bounds, else high.
func misplacedArg(c *rangeCall, d estimate.Dist) int {
	if c.kind != estimate.Uniform && d.Low <= d.High {
		return 1
	}
	return len(c.args) - 1
}

// The functions that make ranged estimates.
var (
	pertFunc       = rangeFunc(estimate.PERT, "low", "likely", "high")
	triangularFunc = rangeFunc(estimate.Triangular, "low", "likely", "high")
	uniformFunc    = rangeFunc(estimate.Uniform, "low", "high")
)

// estimateKind says what a ranged attribute measures, for its checks.
type estimateKind int

const (
	estimateMoney estimateKind = iota
	estimateEffort
	estimateDuration
)

// decodeEstimate turns the range v of attribute attr (written at subject)
// into an Estimate, checking its bounds for the kind of number it is.
// point is the number a plan uses.
func (d *decoder) decodeEstimate(r *attrReader, a *hcl.Attribute, subject hcl.Range, attr string, v cty.Value, kind estimateKind) (est Estimate, point float64, ok bool) {
	call := v.EncapsulatedValue().(*rangeCall)
	fail := func(summary, detail string) (Estimate, float64, bool) {
		r.failAt(a, subject, summary, detail)
		return Estimate{}, 0, false
	}
	var toPeriods func(string) (float64, error)
	for _, arg := range call.args {
		if !arg.isStr {
			continue
		}
		if kind != estimateDuration {
			return fail("Invalid range", fmt.Sprintf("%q is %s; its bounds must be numbers: %q is a string. Only a duration's bounds may be written as strings such as \"9 months\".", attr, what(kind), arg.str))
		}
		if _, err := DurationPeriods(arg.str, d.unit); err != nil {
			return fail("Invalid duration", err.Error()+".")
		}
		toPeriods = func(s string) (float64, error) { return DurationPeriods(s, d.unit) }
	}
	dist := call.dist(toPeriods)
	if err := dist.Validate(); err != nil {
		in := ""
		if toPeriods != nil {
			in = fmt.Sprintf(" in %ss", d.unit)
		}
		return fail("Invalid range", fmt.Sprintf("%s for %q:%s, %s. Write the bounds in order: low, likely, high.", call, attr, in, err))
	}
	switch kind {
	case estimateMoney:
		if dist.Low < 0 {
			return fail("Negative money amount", fmt.Sprintf("%q is an amount of money and must be zero or more; %s goes down to %s.", attr, call, formatNumber(dist.Low)))
		}
	case estimateEffort:
		if dist.Low < 0 {
			return fail("Negative effort", fmt.Sprintf("Effort is FTE per period and must be zero or more; %s for %q goes down to %s.", call, attr, formatNumber(dist.Low)))
		}
	case estimateDuration:
		if dist.Low <= 0 {
			return fail("Invalid duration", fmt.Sprintf("A duration must be more than zero; %s goes down to %s.", call, formatNumber(dist.Low)))
		}
		if dist.High > MaxPeriods {
			return fail("Invalid duration", fmt.Sprintf("A duration may be at most %d periods; %s goes up to %s. Check the unit: a number counts %ss.", MaxPeriods, call, formatNumber(dist.High), d.unit))
		}
	}
	est = Estimate{Attr: attr, Dist: dist, Range: subject}
	return est, est.Point(d.estimate), true
}

func what(kind estimateKind) string {
	if kind == estimateEffort {
		return "an effort in FTE"
	}
	return "an amount of money"
}
