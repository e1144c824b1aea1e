package hclspec

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// go-cty converts a tuple to a list or set, and an object to a map, by
// finding one element type for all the elements (convert.Unify), which
// compares every pair of element types when they are primitive: 50,000
// strings took 96 s (tolist over a for expression), 15 s as join's
// argument, and the same in a literal list given to an attribute. The
// functions here do those conversions in linear time and leave
// convert.Convert only conversions it does in linear time.

// maxUnifyTypes bounds the distinct element types handed to convert.Unify
// at once without charge (it compares each pair).
const maxUnifyTypes = 64

// convertValue is convert.Convert(v, want) in time linear in v's size:
// the tuples and objects inside v that want as lists, sets or maps are
// turned into them first, element by element. m (may be nil) is charged
// for unifying many distinct element types, the one step that stays
// quadratic (in the distinct types, not the elements).
func convertValue(m *Meter, v cty.Value, want cty.Type) (cty.Value, error) {
	pre, err := preconvert(m, v, want, 0)
	if err != nil {
		return cty.NilVal, err
	}
	return convert.Convert(pre, want)
}

// preconvert returns v with each tuple or object that want holds as a
// list, set or map (at any depth) replaced by one, its elements converted
// to want's element type. Where it cannot do that (mixed element types
// that do not unify, marks, unknown values) it leaves the value as it is
// for convert.Convert, which then reports the problem in its own words.
// An error is a refusal by the meter, or a conversion known to fail.
func preconvert(m *Meter, v cty.Value, want cty.Type, depth int) (cty.Value, error) {
	if depth > MaxNesting || want == cty.DynamicPseudoType || !v.IsKnown() || v.IsNull() || v.IsMarked() {
		return v, nil
	}
	ty := v.Type()
	if ty.Equals(want) || (ty.IsListType() || ty.IsSetType() || ty.IsMapType()) && ty.ElementType().IsPrimitiveType() {
		return v, nil // nothing to unify
	}
	switch {
	case want.IsListType() || want.IsSetType():
		if !ty.IsTupleType() && !ty.IsListType() && !ty.IsSetType() {
			return v, nil
		}
		elems, ok, err := preconvertElements(m, v, want.ElementType(), depth)
		if !ok || err != nil {
			return v, err
		}
		if want.IsSetType() {
			return cty.SetVal(elems), nil
		}
		return cty.ListVal(elems), nil
	case want.IsMapType():
		if !ty.IsObjectType() && !ty.IsMapType() {
			return v, nil
		}
		elems, ok, err := preconvertElements(m, v, want.ElementType(), depth)
		if !ok || err != nil {
			return v, err
		}
		out := make(map[string]cty.Value, len(elems))
		i := 0
		for it := v.ElementIterator(); it.Next(); i++ {
			k, _ := it.Element()
			out[k.AsString()] = elems[i]
		}
		return cty.MapVal(out), nil
	case want.IsObjectType() && ty.IsObjectType():
		attrs := make(map[string]cty.Value, len(ty.AttributeTypes()))
		changed := false
		for name := range ty.AttributeTypes() {
			a := v.GetAttr(name)
			if want.HasAttribute(name) {
				c, err := preconvert(m, a, want.AttributeType(name), depth+1)
				if err != nil {
					return v, err
				}
				changed = changed || c != a
				a = c
			}
			attrs[name] = a
		}
		if !changed {
			return v, nil
		}
		return cty.ObjectVal(attrs), nil
	case want.IsTupleType() && ty.IsTupleType() && len(want.TupleElementTypes()) == len(ty.TupleElementTypes()):
		wantEtys := want.TupleElementTypes()
		elems := make([]cty.Value, 0, len(wantEtys))
		changed := false
		for i, it := 0, v.ElementIterator(); it.Next(); i++ {
			_, e := it.Element()
			c, err := preconvert(m, e, wantEtys[i], depth+1)
			if err != nil {
				return v, err
			}
			changed = changed || c != e
			elems = append(elems, c)
		}
		if !changed {
			return v, nil
		}
		return cty.TupleVal(elems), nil
	}
	return v, nil
}

// preconvertElements converts the elements of the collection v to ety,
// in iteration order, ready for cty.ListVal, SetVal or MapVal: ok is
// false when they cannot be given one type here (convert.Convert is then
// left to do, and report, the conversion).
func preconvertElements(m *Meter, v cty.Value, ety cty.Type, depth int) ([]cty.Value, bool, error) {
	n := v.LengthInt()
	if n == 0 {
		return nil, false, nil
	}
	concrete := !ety.HasDynamicTypes()
	elems := make([]cty.Value, 0, n)
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.IsMarked() || !e.IsKnown() && e.Type() == cty.DynamicPseudoType {
			return nil, false, nil
		}
		c, err := preconvert(m, e, ety, depth+1)
		if err != nil {
			return nil, false, err
		}
		if concrete {
			// Each element on its own: the conversion of a single value
			// is linear, and fails here exactly where the whole would.
			if c, err = convert.Convert(c, ety); err != nil {
				return nil, false, nil
			}
		}
		elems = append(elems, c)
	}
	if !concrete || !sameTypes(elems) {
		var distinct []cty.Type
		for _, e := range elems {
			if !containsType(distinct, e.Type()) {
				distinct = append(distinct, e.Type())
			}
			if len(distinct) > maxUnifyTypes {
				if err := chargeUnify(m, n, len(distinct)); err != nil {
					return nil, false, err
				}
			}
		}
		if len(distinct) == 1 && !distinct[0].HasDynamicTypes() {
			return elems, true, nil
		}
		unified, _ := convert.Unify(distinct)
		if unified == cty.NilType || unified.HasDynamicTypes() {
			// No common type: convert.Convert says so, on a tuple of
			// one element per type, in the words it would use for all.
			rep := representatives(elems, distinct)
			if _, err := convert.Convert(rep, cty.List(ety)); err != nil {
				return nil, false, &noCommonType{err: err, representatives: rep}
			}
			return nil, false, nil
		}
		for i, e := range elems {
			c, err := convert.Convert(e, unified)
			if err != nil {
				return nil, false, nil
			}
			elems[i] = c
		}
		if !sameTypes(elems) {
			return nil, false, nil
		}
	}
	return elems, true, nil
}

// noCommonType is a conversion that fails because the elements have no
// common type, with a tuple of one element of each type that fails the
// same way.
type noCommonType struct {
	err             error
	representatives cty.Value
}

func (e *noCommonType) Error() string { return e.err.Error() }

func sameTypes(elems []cty.Value) bool {
	for _, e := range elems[1:] {
		if !e.Type().Equals(elems[0].Type()) {
			return false
		}
	}
	return true
}

func containsType(types []cty.Type, t cty.Type) bool {
	for _, u := range types {
		if u.Equals(t) {
			return true
		}
	}
	return false
}

// representatives is a tuple of the first element of each distinct type.
func representatives(elems []cty.Value, distinct []cty.Type) cty.Value {
	out := make([]cty.Value, 0, len(distinct))
	for _, t := range distinct {
		for _, e := range elems {
			if e.Type().Equals(t) {
				out = append(out, e)
				break
			}
		}
	}
	return cty.TupleVal(out)
}

// chargeUnify charges, once, for finding the distinct types of n elements
// and unifying them: each new type is compared with every one before it.
func chargeUnify(m *Meter, n, distinct int) error {
	if distinct != maxUnifyTypes+1 {
		return nil // charged when the count first passed the bound
	}
	cost := int64(n) * int64(n) / 2
	if m != nil {
		return m.charge(cost)
	}
	if cost > MaxEvalWork { // no meter: the budget of a whole load
		return fmt.Errorf("a collection of %d elements of more than %d different types is too costly to convert to one type", n, maxUnifyTypes)
	}
	return nil
}

// convertingArg is a function argument that the function takes as a
// list, set or map: its value is converted here, in linear time, before
// HCL's own conversion (which then has nothing left to unify). It embeds
// a ParenthesesExpr so that walking the syntax tree (Variables, the
// meter's instrumentation) still reaches the argument itself.
type convertingArg struct {
	*hclsyntax.ParenthesesExpr
	m     *Meter
	param string
	want  cty.Type
}

func newConvertingArg(m *Meter, arg hclsyntax.Expression, param string, want cty.Type) *convertingArg {
	return &convertingArg{
		ParenthesesExpr: &hclsyntax.ParenthesesExpr{Expression: arg, SrcRange: arg.Range()},
		m:               m, param: param, want: want,
	}
}

func (a *convertingArg) StartRange() hcl.Range { return a.Expression.StartRange() }

func (a *convertingArg) Value(ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	v, diags := a.Expression.Value(ctx)
	if diags.HasErrors() || a.m.trip != nil {
		return v, diags
	}
	pre, err := preconvert(a.m, v, a.want, 0)
	if err != nil {
		if a.m.trip != nil {
			return cty.DynamicVal, append(diags, a.m.diagnostic(a.Range())...)
		}
		if nc, ok := err.(*noCommonType); ok && (a.want.IsListType() || a.want.IsSetType()) && a.want.ElementType() == cty.DynamicPseudoType {
			// tolist, toset and the like fail on these few elements as
			// they would on all of them, in their own words.
			return nc.representatives, diags
		}
		return cty.DynamicVal, append(diags, &hcl.Diagnostic{
			Severity:    hcl.DiagError,
			Summary:     "Invalid function argument",
			Detail:      fmt.Sprintf("Invalid value for %q parameter: %s.", a.param, err),
			Subject:     a.StartRange().Ptr(),
			Expression:  a.Expression,
			EvalContext: ctx,
		})
	}
	return pre, diags
}

// collectionTarget is the type a function's parameter wants, when it
// holds a list, set or map that preconvert can build; tolist, toset and
// tomap take any value but convert it to one.
func collectionTarget(fn string, param cty.Type) (cty.Type, bool) {
	switch fn {
	case "tolist":
		return cty.List(cty.DynamicPseudoType), true
	case "toset":
		return cty.Set(cty.DynamicPseudoType), true
	case "tomap":
		return cty.Map(cty.DynamicPseudoType), true
	}
	return param, holdsCollection(param)
}

func holdsCollection(t cty.Type) bool {
	switch {
	case t.IsListType() || t.IsSetType() || t.IsMapType():
		return true
	case t.IsObjectType():
		for _, at := range t.AttributeTypes() {
			if holdsCollection(at) {
				return true
			}
		}
	case t.IsTupleType():
		for _, et := range t.TupleElementTypes() {
			if holdsCollection(et) {
				return true
			}
		}
	}
	return false
}
