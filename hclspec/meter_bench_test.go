package hclspec

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// BenchmarkMeter compares evaluating expressions under the meter with
// evaluating them with the same functions unmetered (the meter's
// overhead), and measures the worst case it allows: an expression that
// spends the whole budget of MaxEvalWork before it is refused.
//
//	go test ./hclspec -run '^$' -bench Meter -benchtime 5x
func BenchmarkMeter(b *testing.B) {
	exprs := []struct{ name, src string }{
		{"for_1000", `length([for a in range(1000) : a * 2 + 1])`},
		{"templates_1000", `join(",", [for a in range(1000) : "x${a}y"])`},
		{"nested_for_32x32", `length(flatten([for a in range(32) : [for b in range(32) : a * b]]))`},
	}
	parse := func(b *testing.B, src string) hclsyntax.Expression {
		e, diags := hclsyntax.ParseExpression([]byte(src), "x.hcl", hcl.InitialPos)
		if diags.HasErrors() {
			b.Fatal(diags.Error())
		}
		return e
	}
	for _, x := range exprs {
		b.Run(x.name+"/unmetered", func(b *testing.B) {
			ctx := &hcl.EvalContext{Functions: Functions()}
			for b.Loop() {
				if _, diags := parse(b, x.src).Value(ctx); diags.HasErrors() {
					b.Fatal(diags.Error())
				}
			}
		})
		b.Run(x.name+"/metered", func(b *testing.B) {
			for b.Loop() {
				m := NewMeter()
				if _, diags := m.Eval(parse(b, x.src), &hcl.EvalContext{Functions: m.Functions()}); diags.HasErrors() {
					b.Fatal(diags.Error())
				}
			}
		})
	}
	// The cap: three nested for expressions over range(1024) (a billion
	// steps unmetered) spend the whole budget, then are refused.
	b.Run("refused_at_budget", func(b *testing.B) {
		src := `length([for a in range(1024) : [for b in range(1024) : [for c in range(1024) : a]]])`
		for b.Loop() {
			m := NewMeter()
			if _, diags := m.Eval(parse(b, src), &hcl.EvalContext{Functions: m.Functions()}); !diags.HasErrors() {
				b.Fatal("not refused")
			}
		}
	})
}
