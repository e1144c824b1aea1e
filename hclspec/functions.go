package hclspec

import (
	"fmt"
	"math"
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/roadmap-as-code/roadmap/finance"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// Functions returns the functions roadmap expressions may call: the go-cty
// standard library's pure functions (nothing that reads files, the
// environment, the clock or the network) plus sum, npv and irr, and the
// ranged estimates pert, triangular and uniform.
func Functions() map[string]function.Function {
	funcs := map[string]function.Function{
		"abs":             stdlib.AbsoluteFunc,
		"can":             tryfunc.CanFunc,
		"ceil":            stdlib.CeilFunc,
		"chomp":           stdlib.ChompFunc,
		"chunklist":       stdlib.ChunklistFunc,
		"coalesce":        stdlib.CoalesceFunc,
		"coalescelist":    stdlib.CoalesceListFunc,
		"compact":         stdlib.CompactFunc,
		"concat":          stdlib.ConcatFunc,
		"contains":        stdlib.ContainsFunc,
		"distinct":        stdlib.DistinctFunc,
		"element":         stdlib.ElementFunc,
		"flatten":         stdlib.FlattenFunc,
		"floor":           stdlib.FloorFunc,
		"format":          stdlib.FormatFunc,
		"formatlist":      stdlib.FormatListFunc,
		"indent":          stdlib.IndentFunc,
		"index":           stdlib.IndexFunc,
		"int":             stdlib.IntFunc,
		"irr":             irrFunc,
		"join":            stdlib.JoinFunc,
		"jsondecode":      stdlib.JSONDecodeFunc,
		"jsonencode":      stdlib.JSONEncodeFunc,
		"keys":            stdlib.KeysFunc,
		"length":          stdlib.LengthFunc,
		"log":             logFunc,
		"lookup":          stdlib.LookupFunc,
		"lower":           stdlib.LowerFunc,
		"max":             stdlib.MaxFunc,
		"merge":           stdlib.MergeFunc,
		"min":             stdlib.MinFunc,
		"npv":             npvFunc,
		"parseint":        stdlib.ParseIntFunc,
		"pert":            pertFunc,
		"pow":             powFunc,
		"range":           stdlib.RangeFunc,
		"regex":           stdlib.RegexFunc,
		"regexall":        stdlib.RegexAllFunc,
		"replace":         stdlib.ReplaceFunc,
		"reverse":         stdlib.ReverseListFunc,
		"setintersection": stdlib.SetIntersectionFunc,
		"setproduct":      stdlib.SetProductFunc,
		"setsubtract":     stdlib.SetSubtractFunc,
		"setunion":        stdlib.SetUnionFunc,
		"signum":          stdlib.SignumFunc,
		"slice":           stdlib.SliceFunc,
		"sort":            stdlib.SortFunc,
		"split":           stdlib.SplitFunc,
		"strlen":          stdlib.StrlenFunc,
		"strrev":          stdlib.ReverseFunc,
		"substr":          stdlib.SubstrFunc,
		"sum":             sumFunc,
		"title":           stdlib.TitleFunc,
		"tobool":          stdlib.MakeToFunc(cty.Bool),
		"tolist":          stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"tomap":           stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"tonumber":        stdlib.MakeToFunc(cty.Number),
		"toset":           stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tostring":        stdlib.MakeToFunc(cty.String),
		"trim":            stdlib.TrimFunc,
		"trimprefix":      stdlib.TrimPrefixFunc,
		"trimspace":       stdlib.TrimSpaceFunc,
		"trimsuffix":      stdlib.TrimSuffixFunc,
		"triangular":      triangularFunc,
		"try":             tryfunc.TryFunc,
		"uniform":         uniformFunc,
		"upper":           stdlib.UpperFunc,
		"values":          stdlib.ValuesFunc,
		"zipmap":          stdlib.ZipmapFunc,
	}
	// No function takes or returns an infinite number, or panics
	// (numeric.go); try and can only pass on what their expressions give.
	for name, f := range funcs {
		if name != "try" && name != "can" {
			funcs[name] = guardFunction(name, f)
		}
	}
	return funcs
}

// flowsParam accepts a list of numbers; a tuple literal converts to it.
var flowsParam = function.Parameter{Name: "flows", Type: cty.List(cty.Number)}

// floats turns a list of numbers into float64s, refusing null and infinite
// elements so the finance code never sees them.
func floats(list cty.Value) ([]float64, error) {
	out := make([]float64, 0, list.LengthInt())
	for it := list.ElementIterator(); it.Next(); {
		k, v := it.Element()
		i, _ := k.AsBigFloat().Int64()
		if v.IsNull() {
			return nil, function.NewArgErrorf(0, "element %d is null", i)
		}
		f, ok := finiteFloat(v.AsBigFloat())
		if !ok {
			return nil, function.NewArgErrorf(0, "element %d is not a finite number", i)
		}
		out = append(out, f)
	}
	return out, nil
}

// npv(rate, flows) is the spreadsheet NPV: the first flow is discounted by
// one period.
var npvFunc = function.New(&function.Spec{
	Description: "Net present value of flows at rate per period; the first flow is discounted by one period, as in spreadsheets.",
	Params: []function.Parameter{
		{Name: "rate", Type: cty.Number},
		flowsParam,
	},
	Type:         function.StaticReturnType(cty.Number),
	RefineResult: func(b *cty.RefinementBuilder) *cty.RefinementBuilder { return b.NotNull() },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		rate, ok := finiteFloat(args[0].AsBigFloat())
		if !ok || rate <= -1 {
			return cty.NilVal, function.NewArgErrorf(0, "rate must be a finite number greater than -1")
		}
		flows, err := floats(args[1])
		if err != nil {
			return cty.NilVal, function.NewArgError(1, err)
		}
		v := finance.NPV(rate, flows)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return cty.NilVal, fmt.Errorf("the result is not a finite number")
		}
		return cty.NumberFloatVal(v), nil
	},
})

// irr(flows) is the period rate at which the flows' present value is zero,
// or null when there is none (finance.IRR).
var irrFunc = function.New(&function.Spec{
	Description: "Internal rate of return per period of flows, or null when no rate makes their present value zero.",
	Params:      []function.Parameter{flowsParam},
	Type:        function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		flows, err := floats(args[0])
		if err != nil {
			return cty.NilVal, err
		}
		r, ok := finance.IRR(flows)
		if !ok {
			return cty.NullVal(cty.Number), nil
		}
		return cty.NumberFloatVal(r), nil
	},
})

// sum adds a list of numbers; Terraform has it, go-cty's stdlib does not.
var sumFunc = function.New(&function.Spec{
	Description:  "Sum of a list of numbers.",
	Params:       []function.Parameter{flowsParam},
	Type:         function.StaticReturnType(cty.Number),
	RefineResult: func(b *cty.RefinementBuilder) *cty.RefinementBuilder { return b.NotNull() },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		total := new(big.Float)
		for it := args[0].ElementIterator(); it.Next(); {
			k, v := it.Element()
			if v.IsNull() {
				i, _ := k.AsBigFloat().Int64()
				return cty.NilVal, function.NewArgErrorf(0, "element %d is null", i)
			}
			total.Add(total, v.AsBigFloat())
		}
		return cty.NumberVal(total), nil
	},
})

// EvalContext is the context later stages evaluate roadmap expressions in
// (check conditions, for instance): var.*, local.*, the functions, and any
// extra root variables such as "plan". The functions are metered by a
// Meter of their own; MeteredEvalContext returns it to evaluate with.
func (c *Config) EvalContext(extra map[string]cty.Value) *hcl.EvalContext {
	ctx, _ := c.MeteredEvalContext(extra)
	return ctx
}

// MeteredEvalContext is EvalContext and the Meter of its functions:
// evaluate in the context with the Meter's Eval, so for expressions are
// metered too.
func (c *Config) MeteredEvalContext(extra map[string]cty.Value) (*hcl.EvalContext, *Meter) {
	m := NewMeter()
	vars := map[string]cty.Value{
		"var":   objectOf(c.VariableValues),
		"local": objectOf(c.LocalValues),
	}
	for name, v := range extra {
		vars[name] = v
	}
	return &hcl.EvalContext{Variables: vars, Functions: m.Functions()}, m
}
