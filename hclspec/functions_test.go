package hclspec

import (
	"math"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

func evalExpr(t *testing.T, src string) (cty.Value, hcl.Diagnostics) {
	t.Helper()
	expr, diags := hclsyntax.ParseExpression([]byte(src), "test.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("parse %q: %s", src, diags.Error())
	}
	return expr.Value(&hcl.EvalContext{Functions: Functions()})
}

func TestFinanceFunctions(t *testing.T) {
	tests := []struct {
		expr string
		want float64
		null bool
	}{
		// Spreadsheet NPV discounts the first flow: 100/1.1 + 100/1.21
		// = 90.9091 + 82.6446 = 173.5537.
		{expr: "npv(0.1, [100, 100])", want: 173.55371900826447},
		// At rate 0 NPV is the plain sum.
		{expr: "npv(0, [1, 2, 3])", want: 6},
		// -1000/1.1 + 400/1.21 + 400/1.331 = -909.09 + 330.58 + 300.53 = -277.98.
		{expr: "npv(0.1, [-1000, 400, 400])", want: -277.9864763335838},
		{expr: "npv(0.1, [])", want: 0},
		// -100 now, 110 in one period: 10%.
		{expr: "irr([-100, 110])", want: 0.1},
		// -100 now, 121 in two periods: 1.1^2 = 1.21, so 10%.
		{expr: "irr([-100, 0, 121])", want: 0.1},
		// DESIGN.md's example: -1000 then 400 a year for 5 years: 28.65%.
		{expr: "irr([-1000, 400, 400, 400, 400, 400])", want: 0.28649},
		// Never changes sign: no IRR.
		{expr: "irr([1, 2, 3])", null: true},
		{expr: "irr([-1, -2])", null: true},
		{expr: "sum([1, 2, 3.5])", want: 6.5},
		{expr: "sum([])", want: 0},
		{expr: "max(1, 5, 3) + min(4, 2) + ceil(1.2) + floor(1.8) + abs(-1)", want: 5 + 2 + 2 + 1 + 1},
		{expr: `length(concat(["a"], ["b", "c"])) + lookup({ a = 1 }, "b", 10)`, want: 13},
		{expr: `length(keys(merge({ a = 1 }, { b = 2 })))`, want: 2},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			v, diags := evalExpr(t, tt.expr)
			if diags.HasErrors() {
				t.Fatalf("%s: %s", tt.expr, diags.Error())
			}
			if tt.null {
				if !v.IsNull() {
					t.Errorf("%s = %#v, want null", tt.expr, v)
				}
				return
			}
			got, _ := v.AsBigFloat().Float64()
			if math.Abs(got-tt.want) > 1e-4 {
				t.Errorf("%s = %v, want %v", tt.expr, got, tt.want)
			}
		})
	}
}

func TestFunctionErrors(t *testing.T) {
	for _, src := range []string{
		"npv(-1, [1])", // rate must be above -1
		"npv(0.1, [1, null])",
		`npv(0.1, "x")`,
		"irr(5)",
		`sum(["a"])`,
		`file("/etc/passwd")`, // nothing reads files
		`env("HOME")`,
		"timestamp()", // nor the clock
	} {
		if _, diags := evalExpr(t, src); !diags.HasErrors() {
			t.Errorf("%s: no error", src)
		}
	}
	// The string functions work as in Terraform.
	v, diags := evalExpr(t, `format("%s-%d", upper("it"), 2027)`)
	if diags.HasErrors() || v.AsString() != "IT-2027" {
		t.Errorf(`format(...) = %#v, %s; want "IT-2027"`, v, diags.Error())
	}
}
