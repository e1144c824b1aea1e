package evaluate

import (
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"

	"github.com/roadmap-as-code/roadmap/finance"
)

// checkFunctions are the functions check conditions may call: the go-cty
// standard library functions the language offers plus npv and irr.
func checkFunctions() map[string]function.Function {
	return map[string]function.Function{
		"abs":        stdlib.AbsoluteFunc,
		"ceil":       stdlib.CeilFunc,
		"floor":      stdlib.FloorFunc,
		"max":        stdlib.MaxFunc,
		"min":        stdlib.MinFunc,
		"pow":        stdlib.PowFunc,
		"signum":     stdlib.SignumFunc,
		"log":        stdlib.LogFunc,
		"parseint":   stdlib.ParseIntFunc,
		"length":     stdlib.LengthFunc,
		"lookup":     stdlib.LookupFunc,
		"merge":      stdlib.MergeFunc,
		"concat":     stdlib.ConcatFunc,
		"contains":   stdlib.ContainsFunc,
		"distinct":   stdlib.DistinctFunc,
		"element":    stdlib.ElementFunc,
		"flatten":    stdlib.FlattenFunc,
		"keys":       stdlib.KeysFunc,
		"values":     stdlib.ValuesFunc,
		"range":      stdlib.RangeFunc,
		"reverse":    stdlib.ReverseListFunc,
		"slice":      stdlib.SliceFunc,
		"sort":       stdlib.SortFunc,
		"zipmap":     stdlib.ZipmapFunc,
		"coalesce":   stdlib.CoalesceFunc,
		"compact":    stdlib.CompactFunc,
		"format":     stdlib.FormatFunc,
		"formatlist": stdlib.FormatListFunc,
		"join":       stdlib.JoinFunc,
		"split":      stdlib.SplitFunc,
		"lower":      stdlib.LowerFunc,
		"upper":      stdlib.UpperFunc,
		"title":      stdlib.TitleFunc,
		"trimspace":  stdlib.TrimSpaceFunc,
		"replace":    stdlib.ReplaceFunc,
		"substr":     stdlib.SubstrFunc,
		"strlen":     stdlib.StrlenFunc,
		"regex":      stdlib.RegexFunc,
		"tostring":   stdlib.MakeToFunc(cty.String),
		"tonumber":   stdlib.MakeToFunc(cty.Number),
		"tobool":     stdlib.MakeToFunc(cty.Bool),
		"tolist":     stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"tomap":      stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"toset":      stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
		"npv":        npvFunc(),
		"irr":        irrFunc(),
	}
}

// npvFunc is npv(rate, flows) with spreadsheet semantics: the first flow
// is discounted by one period.
func npvFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "rate", Type: cty.Number},
			{Name: "flows", Type: cty.List(cty.Number)},
		},
		Type: function.StaticReturnType(cty.Number),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			rate, _ := args[0].AsBigFloat().Float64()
			flows, err := floats(args[1])
			if err != nil {
				return cty.UnknownVal(cty.Number), err
			}
			v := finance.NPV(rate, flows)
			if !finance.Finite(v) {
				return cty.UnknownVal(cty.Number), function.NewArgErrorf(0, "npv is not finite at rate %g", rate)
			}
			return cty.NumberFloatVal(v), nil
		},
	})
}

// irrFunc is irr(flows): the period rate at which the flows' NPV is zero,
// null when the flows never change sign.
func irrFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "flows", Type: cty.List(cty.Number)}},
		Type:   function.StaticReturnType(cty.Number),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			flows, err := floats(args[0])
			if err != nil {
				return cty.UnknownVal(cty.Number), err
			}
			r, ok := finance.IRR(flows)
			if !ok {
				return cty.NullVal(cty.Number), nil
			}
			return cty.NumberFloatVal(r), nil
		},
	})
}

func floats(list cty.Value) ([]float64, error) {
	if list.IsNull() {
		return nil, function.NewArgErrorf(0, "flows must not be null")
	}
	out := make([]float64, 0, list.LengthInt())
	for it := list.ElementIterator(); it.Next(); {
		_, v := it.Element()
		if v.IsNull() {
			return nil, function.NewArgErrorf(0, "flows must not hold null")
		}
		f, _ := v.AsBigFloat().Float64()
		out = append(out, f)
	}
	return out, nil
}
