package hclspec

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// TestConvertValueAgreesWithCty: convertValue gives go-cty's result, or
// go-cty's error, for every conversion preconvert takes over and for
// those it leaves alone.
func TestConvertValueAgreesWithCty(t *testing.T) {
	str, num := cty.StringVal, cty.NumberIntVal
	tests := []struct {
		name string
		v    cty.Value
		want cty.Type
	}{
		{"strings to list", cty.TupleVal([]cty.Value{str("a"), str("b")}), cty.List(cty.String)},
		{"strings to list of any", cty.TupleVal([]cty.Value{str("a"), str("b")}), cty.List(cty.DynamicPseudoType)},
		{"numbers to list of strings", cty.TupleVal([]cty.Value{num(1), num(2)}), cty.List(cty.String)},
		{"mixed to list of any", cty.TupleVal([]cty.Value{num(1), str("a"), cty.True}), cty.List(cty.DynamicPseudoType)},
		{"mixed to set of any", cty.TupleVal([]cty.Value{num(1), str("1"), str("a")}), cty.Set(cty.DynamicPseudoType)},
		{"duplicates to set", cty.TupleVal([]cty.Value{str("a"), str("a")}), cty.Set(cty.String)},
		{"no common type", cty.TupleVal([]cty.Value{num(1), cty.EmptyObjectVal}), cty.List(cty.DynamicPseudoType)},
		{"bad element", cty.TupleVal([]cty.Value{str("a"), cty.EmptyObjectVal}), cty.List(cty.String)},
		{"bad number", cty.TupleVal([]cty.Value{str("1"), str("x")}), cty.List(cty.Number)},
		{"nested tuples", cty.TupleVal([]cty.Value{
			cty.TupleVal([]cty.Value{str("a")}), cty.TupleVal([]cty.Value{str("b"), num(2)}),
		}), cty.List(cty.List(cty.String))},
		{"nested tuples to any", cty.TupleVal([]cty.Value{
			cty.TupleVal([]cty.Value{str("a")}), cty.TupleVal([]cty.Value{str("b"), num(2)}),
		}), cty.List(cty.DynamicPseudoType)},
		{"objects to list of any", cty.TupleVal([]cty.Value{
			cty.ObjectVal(map[string]cty.Value{"a": num(1)}), cty.ObjectVal(map[string]cty.Value{"a": num(2), "b": str("x")}),
		}), cty.List(cty.DynamicPseudoType)},
		{"object to map", cty.ObjectVal(map[string]cty.Value{"a": num(1), "b": str("2")}), cty.Map(cty.Number)},
		{"object to map of any", cty.ObjectVal(map[string]cty.Value{"a": num(1), "b": str("2")}), cty.Map(cty.DynamicPseudoType)},
		{"object to object with a list", cty.ObjectVal(map[string]cty.Value{
			"ids": cty.TupleVal([]cty.Value{str("a"), num(1)}), "n": num(1),
		}), cty.ObjectWithOptionalAttrs(map[string]cty.Type{"ids": cty.List(cty.String), "n": cty.Number, "o": cty.String}, []string{"o"})},
		{"tuple to tuple", cty.TupleVal([]cty.Value{cty.TupleVal([]cty.Value{num(1)}), str("a")}), cty.Tuple([]cty.Type{cty.Set(cty.String), cty.String})},
		{"empty tuple", cty.EmptyTupleVal, cty.List(cty.String)},
		{"unknown element", cty.TupleVal([]cty.Value{str("a"), cty.UnknownVal(cty.String)}), cty.List(cty.String)},
		{"dynamic element", cty.TupleVal([]cty.Value{str("a"), cty.DynamicVal}), cty.List(cty.String)},
		{"null element", cty.TupleVal([]cty.Value{str("a"), cty.NullVal(cty.String)}), cty.List(cty.String)},
		{"null tuple", cty.NullVal(cty.Tuple([]cty.Type{cty.String})), cty.List(cty.String)},
		{"list already", cty.ListVal([]cty.Value{str("a")}), cty.List(cty.String)},
		{"list of numbers to strings", cty.ListVal([]cty.Value{num(1)}), cty.List(cty.String)},
		{"marked element", cty.TupleVal([]cty.Value{str("a"), str("b").Mark("m")}), cty.List(cty.String)},
		{"not a collection", str("a"), cty.List(cty.String)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, wantErr := convert.Convert(tt.v, tt.want)
			got, err := convertValue(NewMeter(), tt.v, tt.want)
			if (err != nil) != (wantErr != nil) || err != nil && err.Error() != wantErr.Error() {
				t.Fatalf("error %v, go-cty's %v", err, wantErr)
			}
			if err == nil && !got.RawEquals(want) {
				t.Errorf("got %#v\nwant %#v", got, want)
			}
		})
	}
}

// TestConvertValueIsLinear is the guard of the conversions go-cty does in
// quadratic time: 50,000 elements converted with work proportional to
// them (the meter would be charged their square, 1.25e9, were they
// compared pairwise).
func TestConvertValueIsLinear(t *testing.T) {
	const n = 50_000
	strs, mixed := make([]cty.Value, n), make([]cty.Value, n)
	attrs := make(map[string]cty.Value, n)
	for i := range n {
		strs[i] = cty.StringVal("a")
		mixed[i] = cty.StringVal("a")
		if i%2 == 1 {
			mixed[i] = cty.NumberIntVal(int64(i))
		}
		attrs[fmt.Sprint("k", i)] = cty.StringVal("v")
	}
	for _, c := range []struct {
		name string
		v    cty.Value
		want cty.Type
	}{
		{"tolist", cty.TupleVal(strs), cty.List(cty.DynamicPseudoType)},
		{"list of strings", cty.TupleVal(strs), cty.List(cty.String)},
		{"set of mixed", cty.TupleVal(mixed), cty.Set(cty.DynamicPseudoType)},
		{"map", cty.ObjectVal(attrs), cty.Map(cty.String)},
	} {
		m := NewMeter()
		pre, err := preconvert(m, c.v, c.want, 0)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		// What convert.Convert is left with: nothing to unify.
		if ty := pre.Type(); ty.IsTupleType() || ty.IsObjectType() {
			t.Errorf("%s: preconvert left a %s", c.name, ty.FriendlyName())
		}
		if m.used != 0 {
			t.Errorf("%s: charged %d units for a conversion with %d element types", c.name, m.used, 2)
		}
	}
	// Many distinct element types are the one case left to unify pairwise:
	// charged, and refused at this size.
	distinct := make([]cty.Value, n)
	for i := range n {
		distinct[i] = cty.ObjectVal(map[string]cty.Value{fmt.Sprint("a", i%1000): cty.True})
		if i%2 == 0 {
			distinct[i] = cty.StringVal("s")
		}
	}
	m := NewMeter()
	if _, err := convertValue(m, cty.TupleVal(distinct), cty.List(cty.DynamicPseudoType)); err == nil || m.trip == nil || m.trip.summary != "Evaluation too costly" {
		t.Errorf("many types: err %v, refusal %v", err, m.trip)
	}
}

// TestLongCollectionsLoad: the inputs, each a local or an
// attribute with a collection of 20,000, load without errors
// (tolist over a for expression took 96 s, join 15 s, a literal list in
// an attribute 20 s), with the values go-cty's conversion would give.
func TestLongCollectionsLoad(t *testing.T) {
	var needs []string
	for i := range 20_000 {
		needs = append(needs, fmt.Sprintf("%q", fmt.Sprint("n", i)))
	}
	src := "roadmap {\n  start = \"2027-01\"\n}\n" +
		"locals {\n  l = flatten([for i in range(20) : range(1000)])\n" +
		"  a = length(tolist([for x in local.l : \"a\"]))\n" +
		"  b = join(\",\", [for x in local.l : \"a\"])\n" +
		"  c = length(tolist(toset([for x in local.l : x % 2 == 0 ? x : \"s\"])))\n" +
		"  d = length(tomap({ for i, x in local.l : \"k${i}\" => x }))\n}\n" +
		"department \"d\" {\n  title = \"D\"\n  needs = [" + strings.Join(needs, ", ") + "]\n}\n" +
		"check \"sizes\" {\n  condition     = local.a == 20000 && local.c == 501 && local.d == 20000\n  error_message = \"wrong sizes\"\n}\n"
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, diags := NewLoader().LoadDir(dir, LoadOptions{})
	if diags.HasErrors() {
		t.Fatalf("%d diagnostics, the first: %s", len(diags), diags[0].Error())
	}
	if got := len(cfg.Departments[0].Needs); got != 20_000 {
		t.Errorf("needs: %d", got)
	}
	if got := len(cfg.LocalValues["b"].AsString()); got != 39_999 {
		t.Errorf("local.b: %d bytes", got)
	}
	for name, want := range map[string]int64{"a": 20_000, "c": 501, "d": 20_000} {
		if v := cfg.LocalValues[name]; !v.Equals(cty.NumberIntVal(want)).True() {
			t.Errorf("local.%s = %#v, want %d", name, v, want)
		}
	}
}

// TestConvertingArgKeepsReferences: wrapping a function's argument keeps
// it visible to Variables (which builds each expression's context), for
// the argument itself and for the parts the meter wraps in a for.
func TestConvertingArgKeepsReferences(t *testing.T) {
	expr, diags := hclsyntax.ParseExpression([]byte(`join(",", local.l, [for a in local.m : local.n])`), "x.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	for range 2 { // a second meter walks the tree already wrapped
		m := NewMeter()
		m.instrument(expr)
		var got []string
		for _, tr := range expr.Variables() {
			got = append(got, tr.RootName()+"."+tr[1].(hcl.TraverseAttr).Name)
		}
		if strings.Join(got, " ") != "local.l local.m local.n" {
			t.Errorf("Variables = %v", got)
		}
		call := expr.(*hclsyntax.FunctionCallExpr)
		if a, ok := call.Args[1].(*convertingArg); !ok || a.m != m {
			t.Errorf("argument not converted under the current meter: %T", call.Args[1])
		}
	}
}

// BenchmarkConvertTupleToList converts tuples of n strings to lists: the
// time per element stays flat (go-cty's own conversion: quadratic).
func BenchmarkConvertTupleToList(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		elems := make([]cty.Value, n)
		for i := range elems {
			elems[i] = cty.StringVal("a")
		}
		v := cty.TupleVal(elems)
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := convertValue(NewMeter(), v, cty.List(cty.DynamicPseudoType)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
