package hclspec

import (
	"errors"
	"fmt"
	"math"
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// Numbers in roadmap expressions are finite: no operator or function
// may produce infinity or NaN, and none may panic. go-cty leaves several
// holes that this file closes: x % 0 gives x, x / 0 gives infinity,
// log(-1, 10) and pow(-8, 0.5) panic on NaN (and HCL prints the panic's
// stack trace in the diagnostic), int() of infinity dereferences nil.
// Each becomes a diagnostic on the expression that asked for it.

// guardArithmetic replaces, in every expression under node, the
// operators +, -, *, / and % by versions that refuse a zero divisor and
// infinite operands with a diagnostic on the operand, and an infinite
// result (a product beyond big.Float's exponent range) with an error.
// HCL's operators are shared package variables, so each expression gets
// its own copy rather than any shared one being changed.
func guardArithmetic(node hclsyntax.Node) {
	finite := map[*hclsyntax.Operation]function.Function{}
	for _, op := range []*hclsyntax.Operation{hclsyntax.OpAdd, hclsyntax.OpSubtract, hclsyntax.OpMultiply, hclsyntax.OpDivide, hclsyntax.OpModulo} {
		finite[op] = finiteResult("the operation", op.Impl)
	}
	hclsyntax.VisitAll(node, func(n hclsyntax.Node) hcl.Diagnostics {
		if e, ok := n.(*hclsyntax.BinaryOpExpr); ok {
			if impl, arithmetic := finite[e.Op]; arithmetic {
				division := ""
				switch e.Op {
				case hclsyntax.OpDivide:
					division = "a division"
				case hclsyntax.OpModulo:
					division = "the remainder (%) of a division"
				}
				e.Op = &hclsyntax.Operation{
					Impl:         impl,
					Type:         cty.Number,
					ShortCircuit: refuseBadOperands(e, division),
				}
			}
		}
		return nil
	})
}

// refuseBadOperands is the ShortCircuit of a guarded operator: it stops
// the operation with a diagnostic on the operand at fault. division
// names the operation when it divides ("" when it does not).
func refuseBadOperands(e *hclsyntax.BinaryOpExpr, division string) func(lhs, rhs cty.Value, lhsDiags, rhsDiags hcl.Diagnostics) (cty.Value, hcl.Diagnostics) {
	return func(lhs, rhs cty.Value, lhsDiags, rhsDiags hcl.Diagnostics) (cty.Value, hcl.Diagnostics) {
		var d *hcl.Diagnostic
		switch {
		case isInfinite(lhs):
			d = infiniteOperand(e.LHS.Range(), e.SrcRange)
		case isInfinite(rhs):
			d = infiniteOperand(e.RHS.Range(), e.SrcRange)
		case division != "" && isZero(rhs):
			d = &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Division by zero",
				Detail:   fmt.Sprintf("This is zero, and %s by zero has no value.", division),
				Subject:  e.RHS.Range().Ptr(),
				Context:  e.SrcRange.Ptr(),
			}
		default:
			return cty.NilVal, nil
		}
		diags := append(append(hcl.Diagnostics{}, lhsDiags...), rhsDiags...)
		return cty.UnknownVal(cty.Number), append(diags, d)
	}
}

func infiniteOperand(operand, context hcl.Range) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Value must be finite",
		Detail:   "This operand is infinite. Numbers in a roadmap are finite; look for where it came from (tonumber(\"Inf\"), a variable).",
		Subject:  operand.Ptr(),
		Context:  context.Ptr(),
	}
}

func isInfinite(v cty.Value) bool {
	return v.Type() == cty.Number && v.IsKnown() && !v.IsNull() && v.AsBigFloat().IsInf()
}

func isZero(v cty.Value) bool {
	return v.Type() == cty.Number && v.IsKnown() && !v.IsNull() && v.AsBigFloat().Sign() == 0
}

// finiteResult wraps f so that a panic inside it becomes an error
// without a stack trace, and an infinite result an error rather than a
// value. what names f in the message.
func finiteResult(what string, f function.Function) function.Function {
	return function.New(&function.Spec{
		Description: f.Description(),
		Params:      f.Params(),
		VarParam:    f.VarParam(),
		Type:        f.ReturnTypeForValues,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			v, err := f.Call(args)
			if err != nil {
				return v, withoutStack(what, err)
			}
			if containsInfinity(v) {
				return cty.NilVal, fmt.Errorf("the result of %s is infinite, and roadmap numbers are finite", what)
			}
			return v, nil
		},
	})
}

// guardFunction is finiteResult for a function roadmap expressions call
// by name, refusing infinite arguments too (an ArgError, so HCL points at
// the argument).
func guardFunction(name string, f function.Function) function.Function {
	inner := finiteResult(name+"()", f)
	return function.New(&function.Spec{
		Description: f.Description(),
		Params:      f.Params(),
		VarParam:    f.VarParam(),
		Type:        f.ReturnTypeForValues,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			for i, a := range args {
				if containsInfinity(a) {
					return cty.NilVal, function.NewArgErrorf(i, "an infinite number: roadmap numbers are finite")
				}
			}
			return inner.Call(args)
		},
	})
}

// containsInfinity reports whether v is, or (in a collection) holds, an
// infinite number.
func containsInfinity(v cty.Value) bool {
	if !v.IsWhollyKnown() || v.IsNull() {
		return false
	}
	v, _ = v.UnmarkDeep()
	ty := v.Type()
	switch {
	case ty == cty.Number:
		return v.AsBigFloat().IsInf()
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType() || ty.IsMapType() || ty.IsObjectType():
		if ty.IsObjectType() && len(ty.AttributeTypes()) == 0 {
			return false
		}
		for it := v.ElementIterator(); it.Next(); {
			if _, e := it.Element(); containsInfinity(e) {
				return true
			}
		}
	}
	return false
}

// withoutStack turns go-cty's report of a panic (which carries the Go
// stack trace) into a plain error; other errors are returned as they are.
func withoutStack(what string, err error) error {
	var p function.PanicError
	if errors.As(err, &p) {
		return fmt.Errorf("%s cannot be computed for these arguments (internal error: %v)", what, p.Value)
	}
	return err
}

// logFunc is go-cty's log without its NaN panic: the number must be
// above zero, the base above zero and not 1. Numbers beyond float64's
// range are taken through their binary exponent, so log(1e400, 10) is 400.
var logFunc = function.New(&function.Spec{
	Description: "Returns the logarithm of the given number in the given base.",
	Params: []function.Parameter{
		{Name: "num", Type: cty.Number},
		{Name: "base", Type: cty.Number},
	},
	Type:         function.StaticReturnType(cty.Number),
	RefineResult: func(b *cty.RefinementBuilder) *cty.RefinementBuilder { return b.NotNull() },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		num, base := args[0].AsBigFloat(), args[1].AsBigFloat()
		if num.Sign() <= 0 {
			return cty.NilVal, function.NewArgErrorf(0, "the logarithm is defined only for numbers above zero, not %s", num.Text('g', 10))
		}
		if base.Sign() <= 0 || base.Cmp(big.NewFloat(1)) == 0 {
			return cty.NilVal, function.NewArgErrorf(1, "the base must be above zero and not 1, not %s", base.Text('g', 10))
		}
		r := naturalLog(num) / naturalLog(base)
		if math.IsInf(r, 0) || math.IsNaN(r) {
			return cty.NilVal, function.NewArgErrorf(1, "the base is too close to 1")
		}
		return cty.NumberFloatVal(r), nil
	},
})

// naturalLog is ln(x) for a positive finite x of any size.
func naturalLog(x *big.Float) float64 {
	mant := new(big.Float)
	exp := x.MantExp(mant) // x = mant × 2^exp, 0.5 <= mant < 1
	m, _ := mant.Float64()
	return math.Log(m) + float64(exp)*math.Ln2
}

// powFunc is go-cty's pow without its NaN panic and infinite results: a
// negative number has no real power that is not whole, zero has no
// negative power, and a result beyond about 1.8e308 is an error.
var powFunc = function.New(&function.Spec{
	Description: "Returns the given number raised to the given power (exponentiation).",
	Params: []function.Parameter{
		{Name: "num", Type: cty.Number},
		{Name: "power", Type: cty.Number},
	},
	Type:         function.StaticReturnType(cty.Number),
	RefineResult: func(b *cty.RefinementBuilder) *cty.RefinementBuilder { return b.NotNull() },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		num, _ := args[0].AsBigFloat().Float64()
		power, _ := args[1].AsBigFloat().Float64()
		switch {
		case math.IsInf(num, 0):
			return cty.NilVal, function.NewArgErrorf(0, "the number is too large (beyond about 1.8e308)")
		case math.IsInf(power, 0):
			return cty.NilVal, function.NewArgErrorf(1, "the power is too large (beyond about 1.8e308)")
		case num < 0 && power != math.Trunc(power):
			return cty.NilVal, function.NewArgErrorf(1, "a negative number has no real power that is not a whole number (%g)", power)
		case num == 0 && power < 0:
			return cty.NilVal, function.NewArgErrorf(1, "zero has no negative power: it would divide by zero")
		}
		r := math.Pow(num, power)
		if math.IsInf(r, 0) || math.IsNaN(r) {
			return cty.NilVal, fmt.Errorf("the result is too large (beyond about 1.8e308)")
		}
		return cty.NumberFloatVal(r), nil
	},
})
