package hclspec

import (
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// TestArithmeticIsFinite: the operators and numeric functions give the
// usual values, and a diagnostic on the right operand or argument where
// go-cty would give a wrong value (7 % 0 = 7), infinity, or a panic with
// a stack trace.
func TestArithmeticIsFinite(t *testing.T) {
	cases := []struct {
		expr    string
		want    string // the value, for expressions that have one
		summary string // else the diagnostic
		col     int    // where its subject starts
		detail  string // a part of its detail
	}{
		{expr: "7.5 % 2", want: "1.5"},
		{expr: "-7 % 3", want: "-1"},
		{expr: "1 / 4", want: "0.25"},
		{expr: "log(8, 2)", want: "3"},
		{expr: "log(1e300, 10)", want: "300"}, // 1e400 is refused where written: Number out of range
		{expr: "pow(-8, 3)", want: "-512"},
		{expr: "pow(2, 0.5)", want: "1.4142135623730951"},
		{expr: "pow(0, 0)", want: "1"},
		{expr: "try(log(-1, 10), 0)", want: "0"},
		{expr: "x % 0", summary: "Division by zero", col: 5, detail: "remainder (%) of a division by zero"},
		{expr: "x % (x - 7)", summary: "Division by zero", col: 5, detail: "remainder"},
		{expr: "x / 0", summary: "Division by zero", col: 5, detail: "a division by zero"},
		{expr: "0 / 0", summary: "Division by zero", col: 5},
		{expr: "log(-1, 10)", summary: "Invalid function argument", col: 5, detail: "defined only for numbers above zero"},
		{expr: "log(0, 10)", summary: "Invalid function argument", col: 5, detail: "above zero"},
		{expr: "log(10, 1)", summary: "Invalid function argument", col: 9, detail: "base must be above zero and not 1"},
		{expr: "log(10, -2)", summary: "Invalid function argument", col: 9, detail: "base"},
		{expr: "pow(-8, 0.5)", summary: "Invalid function argument", col: 9, detail: "no real power"},
		{expr: "pow(0, -1)", summary: "Invalid function argument", col: 8, detail: "zero has no negative power"},
		{expr: "pow(10, 400)", summary: "Error in function call", col: 1, detail: "too large"},
		{expr: "tonumber(\"Inf\")", summary: "Error in function call", col: 1, detail: "infinite"},
		{expr: "tonumber(\"-1e999999999\")", summary: "Error in function call", col: 1, detail: "infinite"},
		{expr: "int(tonumber(\"Inf\"))", summary: "Error in function call", col: 5, detail: "infinite"},
	}
	ctx := &hcl.EvalContext{
		Variables: map[string]cty.Value{"x": cty.NumberIntVal(7)},
		Functions: Functions(),
	}
	for _, c := range cases {
		t.Run(c.expr, func(t *testing.T) {
			expr, diags := ParseExpressionWithinLimits([]byte(c.expr), "expr.hcl")
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			v, diags := expr.Value(ctx)
			for _, d := range diags {
				if strings.Contains(d.Detail, "goroutine") || strings.Contains(d.Detail, "panic") {
					t.Errorf("a panic reached the diagnostic: %s", d.Detail)
				}
			}
			if c.summary == "" {
				if diags.HasErrors() {
					t.Fatal(diags.Error())
				}
				if got := v.AsBigFloat().Text('g', 17); got != c.want {
					t.Errorf("%s = %s, want %s", c.expr, got, c.want)
				}
				return
			}
			if len(diags) == 0 {
				t.Fatalf("%s = %#v, want %q", c.expr, v, c.summary)
			}
			d := diags[len(diags)-1]
			if d.Summary != c.summary || d.Subject == nil || d.Subject.Start.Column != c.col || !strings.Contains(d.Detail, c.detail) {
				t.Errorf("diagnostic %q at %v: %s\nwant %q at column %d with %q", d.Summary, d.Subject, d.Detail, c.summary, c.col, c.detail)
			}
		})
	}
}

// TestNumericFunctionsNeverPanicOrOverflow calls every function that
// takes numbers with every combination of awkward numbers and checks
// the answer is a finite value or a plain error, never a panic or an
// infinity.
func TestNumericFunctionsNeverPanicOrOverflow(t *testing.T) {
	awkward := []cty.Value{
		cty.Zero, cty.NumberFloatVal(-0.5), cty.NumberIntVal(-1), cty.NumberIntVal(1),
		cty.NumberFloatVal(1e308), cty.NumberFloatVal(-1e308), cty.NumberFloatVal(5e-324),
		cty.NumberVal(new(big.Float).SetMantExp(big.NewFloat(1), 5000)), // beyond float64
		cty.NumberVal(new(big.Float).SetInf(false)),
	}
	funcs := Functions()
	calls := 0
	for name, f := range funcs {
		params := f.Params()
		if len(params) == 0 && f.VarParam() == nil {
			continue
		}
		arity := len(params)
		if arity == 0 {
			arity = 2 // a variadic function: try two arguments
		}
		numbers := true
		for i := range arity {
			p := f.VarParam()
			if i < len(params) {
				p = &params[i]
			}
			if p.Type != cty.Number && p.Type != cty.List(cty.Number) {
				numbers = false
			}
		}
		if !numbers {
			continue
		}
		args := make([]cty.Value, arity)
		var try func(k int)
		try = func(k int) {
			if k == arity {
				calls++
				v, err := f.Call(args)
				label := fmt.Sprintf("%s(%v)", name, args)
				if err != nil {
					if _, panicked := err.(function.PanicError); panicked || strings.Contains(err.Error(), "goroutine") {
						t.Errorf("%s panicked: %.200s", label, err)
					}
					return
				}
				if containsInfinity(v) {
					t.Errorf("%s = %#v, an infinity", label, v)
				}
				return
			}
			for _, a := range awkward {
				args[k] = a
				if k < len(params) && params[k].Type == cty.List(cty.Number) || k >= len(params) && f.VarParam().Type == cty.List(cty.Number) {
					args[k] = cty.ListVal([]cty.Value{cty.NumberIntVal(-1), a})
				}
				try(k + 1)
			}
		}
		try(0)
	}
	if calls < 500 {
		t.Errorf("only %d calls: the numeric functions were not found", calls)
	}
}

// TestDivisionByZeroInARoadmap: the diagnostic names the file, line and
// column of the zero.
func TestDivisionByZeroInARoadmap(t *testing.T) {
	dir := t.TempDir()
	src := "roadmap {\n  start = \"2027-01\"\n}\n\nlocals {\n  rest = 7 % 0\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, diags := NewLoader().LoadDir(dir, LoadOptions{})
	if len(diags) != 1 {
		t.Fatalf("diagnostics: %s", diags.Error())
	}
	d := diags[0]
	if got := fmt.Sprintf("%s:%d:%d %s", filepath.Base(d.Subject.Filename), d.Subject.Start.Line, d.Subject.Start.Column, d.Summary); got != "main.hcl:6:14 Division by zero" {
		t.Errorf("diagnostic = %s, want main.hcl:6:14 Division by zero", got)
	}
}

// TestJSONVarFileIsData: a JSON variable file's strings are literal, so
// a template in one cannot evaluate arithmetic past the guards.
func TestJSONVarFileIsData(t *testing.T) {
	dir := t.TempDir()
	src := "variable \"capex\" {\n  type = number\n}\n\nvariable \"name\" {\n  type = string\n}\n\nroadmap {\n  start = \"2027-01\"\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	vars := filepath.Join(t.TempDir(), "values.json")
	if err := os.WriteFile(vars, []byte(`{"capex": "${7 % 0}", "name": "${upper(\"x\")}"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, diags := NewLoader().LoadDir(dir, LoadOptions{VarFiles: []string{vars}})
	if len(diags) != 1 || diags[0].Summary != "Invalid value for variable" {
		t.Fatalf("diagnostics: %s; want capex refused as a string", diags.Error())
	}
	if got := cfg.VariableValues["name"]; !got.IsKnown() || got.AsString() != `${upper("x")}` {
		t.Errorf("name = %#v, want the literal string", got)
	}
}

// TestEveryOperationGuarded parses files small and large (in pieces),
// with arithmetic in attributes, nested blocks, templates and heredocs,
// and requires every arithmetic operation to be a guarded one.
func TestEveryOperationGuarded(t *testing.T) {
	arithmetic := map[*hclsyntax.Operation]bool{hclsyntax.OpAdd: true, hclsyntax.OpSubtract: true,
		hclsyntax.OpMultiply: true, hclsyntax.OpDivide: true, hclsyntax.OpModulo: true}
	block := `project "p%d" {
  title    = "Plain - title / with operators' characters"
  duration = 1
  cost {
    one_time = 10 * 1000 + var.x - 2
    per_year = local.y %% 3 / 1
  }
  note  = "${1 / 0} and ${var.x * 2}"
  other = <<EOT
%%{ if 1 + 1 == 2 }${4 - 4}%%{ endif }
EOT
  list  = [1, 2, (3 + 4)]
  plain = 12
}

`
	for _, n := range []int{1, 1000} { // 1,000 blocks: over parseInPiecesOver
		var src []byte
		for i := range n {
			src = fmt.Appendf(src, block, i)
		}
		if n > 1 && len(src) <= parseInPiecesOver {
			t.Fatalf("%d bytes are parsed whole", len(src))
		}
		f, diags := ParseConfigWithinLimits(src, "ops.hcl")
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		ops := 0
		hclsyntax.VisitAll(f.Body.(*hclsyntax.Body), func(node hclsyntax.Node) hcl.Diagnostics {
			if e, ok := node.(*hclsyntax.BinaryOpExpr); ok {
				ops++
				if arithmetic[e.Op] {
					t.Errorf("%d bytes: unguarded operation at %s", len(src), e.SrcRange)
				}
			}
			return nil
		})
		if want := 11 * n; ops != want {
			t.Errorf("%d bytes: %d operations, want %d", len(src), ops, want)
		}
	}
}
