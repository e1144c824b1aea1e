package hclspec

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestLiteralNodes checks literalNodes against what evaluating an
// expression the long way walks: a literal expression has no references,
// and its node count is the one the meter's instrumentation counts.
func TestLiteralNodes(t *testing.T) {
	tests := []struct {
		src     string
		literal bool
	}{
		{`12`, true},
		{`-12`, false}, // an operation
		{`true`, true},
		{`null`, true},
		{`"plain"`, true},
		{`""`, true},
		{`"a ${var.x}"`, false},
		{`"%{ if true }a%{ endif }"`, false},
		{"<<EOT\nplain\nEOT\n", true},
		{`var.x`, false},
		{`x`, false},
		{`[1, 2]`, false},
		{`upper("a")`, false},
		{`(1)`, false},
	}
	for _, tt := range tests {
		expr, diags := hclsyntax.ParseExpression([]byte(tt.src), "t.hcl", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", tt.src, diags)
		}
		checkLiteralNodes(t, tt.src, expr, tt.literal)
	}
	// Object keys: a bare word is a literal, a reference in parentheses
	// or a dotted name is not.
	for _, tt := range []struct {
		src     string
		literal bool
	}{
		{`{ grow_revenue = 1 }`, true},
		{`{ "quoted" = 1 }`, false}, // the key wraps a template: not this fast path
		{`{ (var.k) = 1 }`, false},
		{`{ a.b = 1 }`, false},
	} {
		expr, diags := hclsyntax.ParseExpression([]byte(tt.src), "t.hcl", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", tt.src, diags)
		}
		key := expr.(*hclsyntax.ObjectConsExpr).Items[0].KeyExpr
		checkLiteralNodes(t, tt.src+" key", key, tt.literal)
	}
}

func checkLiteralNodes(t *testing.T, name string, expr hclsyntax.Expression, literal bool) {
	t.Helper()
	nodes, ok := literalNodes(expr)
	if ok != literal {
		t.Errorf("%s: literal %v, want %v", name, ok, literal)
	}
	if !ok {
		return
	}
	if refs := expr.Variables(); len(refs) > 0 {
		t.Errorf("%s: literal with references %v", name, refs)
	}
	if walked := newMeterWithBudget(0).instrument(expr); walked != nodes {
		t.Errorf("%s: %d nodes, the meter counts %d", name, nodes, walked)
	}
}
