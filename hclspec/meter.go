package hclspec

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// MaxEvalWork bounds the work of evaluating a roadmap's expressions, in
// units of about 50 ns: an element of a value walked or built, 4 bytes of
// string (so the budget also bounds the text built, to 80 MB), and
// stepUnits for each syntax node evaluated once per element of a for
// expression or a splat and for each function call. Without it, 116
// bytes of setproduct asked for 12.8 GB and three nested for expressions
// over range(1024) a billion steps.
const MaxEvalWork = 20_000_000

const (
	stepUnits    = 20 // an HCL evaluation step costs about 1 µs
	bytesPerUnit = 4
	ctxEvery     = 1024
)

// Meter counts the work of evaluating expressions against MaxEvalWork and
// refuses values over the value limits while they are built: every
// function's arguments and result, every element a for expression or a
// splat produces, every top-level result. One Meter serves one command
// (the load and the checks), so the budget is for the whole roadmap.
type Meter struct {
	budget int64 // MaxEvalWork unless a test asked for less
	used   int64
	// ctx, when done, stops evaluation at the next check, made every
	// ctxEvery charges (about a millisecond of work at most).
	ctx     context.Context
	charges int
	trip    *limitError // the first refusal; later evaluations are skipped
	funcs   map[string]function.Function
}

// NewMeter returns a Meter with the whole budget.
func NewMeter() *Meter { return &Meter{budget: MaxEvalWork} }

// newMeterWithBudget returns a Meter with budget units (MaxEvalWork when
// budget is 0 or more): tests of the refusals use a small one, so they
// reach it in milliseconds rather than seconds.
func newMeterWithBudget(budget int64) *Meter {
	if budget <= 0 || budget > MaxEvalWork {
		budget = MaxEvalWork
	}
	return &Meter{budget: budget}
}

// limitError is a refusal by the Meter, turned into a diagnostic at the
// expression where it happened.
type limitError struct {
	summary, detail string
}

func (e *limitError) Error() string { return e.detail }

func (m *Meter) remaining() int64 { return max(0, m.budget-m.used) }

// charge adds n units of work, refusing once the budget is spent.
func (m *Meter) charge(n int64) error {
	if m.trip != nil {
		return m.trip
	}
	if m.charges++; m.charges%ctxEvery == 0 && m.ctx != nil && m.ctx.Err() != nil {
		return m.refuse("Interrupted", fmt.Sprintf("Evaluation stopped before the end (%v); the roadmap was not checked in full.", m.ctx.Err()))
	}
	m.used += n
	if m.used > m.budget {
		return m.refuse("Evaluation too costly", fmt.Sprintf("Evaluating the roadmap's expressions takes more than %d units of work (an element of a value or 4 bytes of text count one, a step of an expression 20), the most a roadmap may ask for; this expression went past it. Check for nested for expressions over large collections, or functions building large values.", m.budget))
	}
	return nil
}

func (m *Meter) refuse(summary, detail string) error {
	if m.trip == nil {
		m.trip = &limitError{summary: summary, detail: detail}
	}
	return m.trip
}

// checkSize refuses a value that holds more elements or a longer string
// than a value may: the same limits as a variable's or a local's.
func (m *Meter) checkSize(what string, elements, stringBytes int64) error {
	switch {
	case elements > MaxValueElements:
		return m.refuse("Value too large", fmt.Sprintf("%s would hold %s elements; a value may hold at most %d (lists, maps and objects counted together, nested ones included).", what, countString(elements), MaxValueElements))
	case stringBytes > MaxStringBytes:
		return m.refuse("Value too long", fmt.Sprintf("%s would be a string of %s bytes; a string may be at most %d KiB.", what, countString(stringBytes), MaxStringBytes>>10))
	}
	return nil
}

func countString(n int64) string {
	if n >= math.MaxInt64/2 {
		return "more than 10^18"
	}
	return fmt.Sprint(n)
}

// valueSize is what a value holds: its elements, nested ones included,
// its longest string, and the work of walking it (elements plus string
// bytes / 16). The walk stops once work passes limit.
type valueSize struct {
	elements, longest, work int64
}

func sizeOf(v cty.Value, limit int64) valueSize {
	var s valueSize
	s.walk(v, limit, 0)
	return s
}

func (s *valueSize) walk(v cty.Value, limit int64, depth int) {
	s.work++
	if s.work > limit || depth > MaxNesting || !v.IsKnown() || v.IsNull() {
		return
	}
	v, _ = v.Unmark()
	ty := v.Type()
	switch {
	case ty == cty.String:
		n := int64(len(v.AsString()))
		s.longest = max(s.longest, n)
		s.work += n / bytesPerUnit
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType() || ty.IsMapType() || ty.IsObjectType():
		if ty.IsObjectType() && len(ty.AttributeTypes()) == 0 {
			return
		}
		for it := v.ElementIterator(); it.Next(); {
			s.elements++
			_, e := it.Element()
			s.walk(e, limit, depth+1)
			if s.work > limit {
				return
			}
		}
	}
}

// Functions returns the roadmap's functions (see Functions) metered by m:
// each call charges its arguments and its result, a function that can
// build a large value has the value's size worked out from its arguments
// before it is built, and a result over the value limits is refused.
func (m *Meter) Functions() map[string]function.Function {
	funcs := m.functionTable()
	if len(funcs) > 0 {
		return funcs
	}
	for name, f := range Functions() {
		if name != "try" && name != "can" { // they take expressions, metered where evaluated
			f = m.meterFunction(name, f)
		}
		funcs[name] = f
	}
	return funcs
}

// functionTable is the map Functions fills, possibly still empty: the
// table of a context whose expressions Eval evaluates, since Eval fills it
// before evaluating an expression that calls a function. Most roadmaps
// call none, and the table (about 75 functions, each wrapped twice) cost
// a small plan 1,100 allocations.
func (m *Meter) functionTable() map[string]function.Function {
	if m.funcs == nil {
		m.funcs = make(map[string]function.Function, 80)
	}
	return m.funcs
}

func (m *Meter) meterFunction(name string, f function.Function) function.Function {
	bound := growthBounds[name]
	return function.New(&function.Spec{
		Description: f.Description(),
		Params:      f.Params(),
		VarParam:    f.VarParam(),
		// The return type is worked out first, and for tuple arguments
		// it can be as large as the result (setproduct's): the arguments
		// are charged and the result's size bounded before it.
		Type: func(args []cty.Value) (cty.Type, error) {
			if m.trip != nil {
				return cty.DynamicPseudoType, nil
			}
			work := int64(stepUnits)
			for _, a := range args {
				work += sizeOf(a, m.remaining()).work
			}
			if err := m.charge(work); err != nil {
				return cty.NilType, err
			}
			if bound != nil {
				elements, bytes := bound(args)
				if err := m.checkSize(name+"()", elements, bytes); err != nil {
					return cty.NilType, err
				}
				if err := m.charge(elements + bytes/bytesPerUnit); err != nil {
					return cty.NilType, err
				}
			}
			return f.ReturnTypeForValues(args)
		},
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			if m.trip != nil {
				return cty.UnknownVal(retType), nil // already refused, and reported there
			}
			v, err := f.Call(args)
			if err != nil {
				return v, err
			}
			size := sizeOf(v, m.remaining())
			if err := m.charge(size.work); err != nil {
				return cty.NilVal, err
			}
			if err := m.checkSize(name+"()", size.elements, size.longest); err != nil {
				return cty.NilVal, err
			}
			if err := m.checkNumbers(v); err != nil {
				return cty.NilVal, err
			}
			return v, nil
		},
	})
}

// checkNumbers refuses a number result outside float64's range: written
// out as text (in a template, say) 1e9999999 takes more than a minute.
func (m *Meter) checkNumbers(v cty.Value) error {
	if v.Type() == cty.Number && v.IsKnown() && !v.IsNull() && !numberInRange(v.AsBigFloat()) {
		return m.refuse("Number out of range", "The result is beyond about 1.8e308, or closer to zero than about 4.9e-324 without being zero: the range of numbers a roadmap may hold.")
	}
	return nil
}

// growthBounds work out, from a function's arguments, bounds on the
// elements and the longest string of the value it would build, for the
// functions whose result can be much larger than their arguments.
var growthBounds = map[string]func(args []cty.Value) (elements, stringBytes int64){
	"setproduct": func(args []cty.Value) (int64, int64) {
		product := int64(1)
		for _, a := range args {
			product = mulCapped(product, lengthOf(a))
		}
		return mulCapped(product, int64(len(args))+1), 0
	},
	"range": func(args []cty.Value) (int64, int64) {
		nums := make([]float64, len(args))
		for i, a := range args {
			nums[i] = floatOf(a)
		}
		start, end, step := 0.0, 0.0, 1.0
		switch len(nums) {
		case 1:
			end = nums[0]
		case 2:
			start, end = nums[0], nums[1]
			if end < start {
				step = -1
			}
		case 3:
			start, end, step = nums[0], nums[1], nums[2]
		}
		if step == 0 || math.IsNaN(step) {
			return 0, 0
		}
		n := math.Ceil((end - start) / step)
		if n > math.MaxInt64/4 {
			return math.MaxInt64 / 4, 0
		}
		return int64(max(n, 0)), 0
	},
	"replace": func(args []cty.Value) (int64, int64) {
		s, substr, repl := stringOf(args[0]), stringOf(args[1]), stringOf(args[2])
		growth := max(int64(len(repl))-int64(len(substr)), 0)
		matches := int64(len(s) + 1) // a pattern /.../ or "" may match anywhere
		if len(substr) > 0 && !(strings.HasPrefix(substr, "/") && strings.HasSuffix(substr, "/") && len(substr) > 1) {
			matches = int64(strings.Count(s, substr))
		}
		return 0, addCapped(int64(len(s)), mulCapped(matches, growth+int64(len(repl))))
	},
	"join": func(args []cty.Value) (int64, int64) {
		sep := int64(len(stringOf(args[0])))
		var total int64
		for _, list := range args[1:] {
			n := lengthOf(list)
			total = addCapped(total, mulCapped(n, sep))
			if list.IsWhollyKnown() && !list.IsNull() {
				for it := list.ElementIterator(); it.Next(); {
					_, e := it.Element()
					total = addCapped(total, int64(len(stringOf(e))))
				}
			}
		}
		return 0, total
	},
	"format":     formatBound,
	"formatlist": formatListBound,
	"indent": func(args []cty.Value) (int64, int64) {
		s := stringOf(args[1])
		return 0, addCapped(int64(len(s)), mulCapped(int64(strings.Count(s, "\n")+1), int64(floatOf(args[0]))))
	},
	"split": func(args []cty.Value) (int64, int64) {
		return int64(len(stringOf(args[1]))) + 1, 0
	},
	"regexall": func(args []cty.Value) (int64, int64) {
		return mulCapped(int64(len(stringOf(args[1])))+1, 4), 0
	},
	"upper": caseBound, "lower": caseBound, "title": caseBound,
	"chunklist": func(args []cty.Value) (int64, int64) {
		return mulCapped(lengthOf(args[0]), 2), 0
	},
}

// caseBound: changing case can make a character up to three times longer
// in UTF-8.
func caseBound(args []cty.Value) (int64, int64) {
	return 0, mulCapped(int64(len(stringOf(args[0]))), 3)
}

// formatBound bounds format's result: the format, each argument as text,
// and every width and precision written in the format.
func formatBound(args []cty.Value) (int64, int64) {
	total := addCapped(int64(len(stringOf(args[0]))), formatWidths(stringOf(args[0])))
	for _, a := range args[1:] {
		s := sizeOf(a, math.MaxInt64)
		total = addCapped(total, addCapped(mulCapped(s.work, 32), 1100)) // a number as text: at most ~1,100 bytes
	}
	return 0, total
}

// formatListBound: formatlist formats once per element of its longest
// list, each time with one element of each list argument.
func formatListBound(args []cty.Value) (int64, int64) {
	n := int64(1)
	per := addCapped(int64(len(stringOf(args[0]))), formatWidths(stringOf(args[0])))
	for _, a := range args[1:] {
		s := sizeOf(a, math.MaxInt64)
		if ty := a.Type(); ty.IsListType() || ty.IsTupleType() || ty.IsSetType() {
			n = max(n, lengthOf(a))
			per = addCapped(per, s.longest+1100)
		} else {
			per = addCapped(per, addCapped(mulCapped(s.work, 32), 1100))
		}
	}
	// The elements, and the text they hold together, as one string would.
	return n, mulCapped(n, per)
}

// formatWidths adds up the numbers in a format string's verbs (%10d,
// %.500f): each may pad the result by that many bytes.
func formatWidths(f string) int64 {
	var total, n int64
	inVerb := false
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c == '%':
			inVerb = !inVerb || (i > 0 && f[i-1] != '%')
			total, n = addCapped(total, n), 0
		case inVerb && c >= '0' && c <= '9':
			n = addCapped(mulCapped(n, 10), int64(c-'0'))
		case inVerb && (c == '.' || c == '-' || c == '+' || c == ' ' || c == '#'):
			total, n = addCapped(total, n), 0
		default:
			total, n = addCapped(total, n), 0
			inVerb = false
		}
	}
	return addCapped(total, n)
}

func lengthOf(v cty.Value) int64 {
	if !v.IsKnown() || v.IsNull() {
		return 0
	}
	ty := v.Type()
	if ty.IsListType() || ty.IsSetType() || ty.IsTupleType() || ty.IsMapType() {
		return int64(v.LengthInt())
	}
	if ty.IsObjectType() {
		return int64(len(ty.AttributeTypes()))
	}
	return 1
}

func stringOf(v cty.Value) string {
	if v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
		return v.AsString()
	}
	return ""
}

func floatOf(v cty.Value) float64 {
	if v.Type() == cty.Number && v.IsKnown() && !v.IsNull() {
		f, _ := v.AsBigFloat().Float64()
		return f
	}
	return 0
}

const capped = math.MaxInt64 / 4

func addCapped(a, b int64) int64 { return min(a+b, capped) }

func mulCapped(a, b int64) int64 {
	if a == 0 || b == 0 {
		return 0
	}
	if a > capped/b {
		return capped
	}
	return a * b
}

// Eval evaluates expr in ctx under the meter: the elements of for
// expressions and splats are charged as they are produced, functions
// through m.Functions() (which ctx must hold), and the result as a
// whole. A refusal is one diagnostic at the expression being evaluated;
// once the meter has refused, Eval returns unknown values and nothing
// more, as for any value whose problem was already reported.
func (m *Meter) Eval(expr hcl.Expression, ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	if m.trip != nil {
		return cty.DynamicVal, nil
	}
	return m.evalNodes(expr, m.instrument(expr), ctx)
}

// evalLiteral is Eval of an expression of literal values alone, of nodes
// syntax nodes (literalNodes): there is nothing in it to instrument.
func (m *Meter) evalLiteral(expr hcl.Expression, nodes int64, ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	if m.trip != nil {
		return cty.DynamicVal, nil
	}
	return m.evalNodes(expr, nodes, ctx)
}

// evalNodes is Eval once expr, of nodes syntax nodes, is instrumented.
func (m *Meter) evalNodes(expr hcl.Expression, nodes int64, ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	if err := m.charge(nodes); err != nil {
		return cty.DynamicVal, m.diagnostic(expr.Range())
	}
	v, diags := expr.Value(ctx)
	if m.trip == nil {
		if err := m.charge(sizeOf(v, m.remaining()).work); err == nil {
			m.checkNumbers(v)
		}
	}
	if m.trip != nil {
		return cty.DynamicVal, m.refusalDiagnostics(diags, expr.Range())
	}
	return v, diags
}

// diagnostic is the meter's refusal at rng.
func (m *Meter) diagnostic(rng hcl.Range) hcl.Diagnostics {
	return hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  m.trip.summary,
		Detail:   m.trip.detail,
		Subject:  rng.Ptr(),
	}}
}

// refusalDiagnostics keeps, of diags, the problems found before the
// refusal and the refusal itself at the narrowest place it was seen (a
// function call or an element of a for expression), dropping what
// followed from it.
func (m *Meter) refusalDiagnostics(diags hcl.Diagnostics, whole hcl.Range) hcl.Diagnostics {
	var out hcl.Diagnostics
	at := whole
	for _, d := range diags {
		if m.isRefusal(d) {
			if d.Subject != nil {
				at = *d.Subject
			}
			break
		}
		out = append(out, d)
	}
	return append(out, m.diagnostic(at)...)
}

func (m *Meter) isRefusal(d *hcl.Diagnostic) bool {
	if x, ok := d.Extra.(hclsyntax.FunctionCallDiagExtra); ok {
		var le *limitError
		return errors.As(x.FunctionCallError(), &le)
	}
	return d.Summary == m.trip.summary && d.Detail == m.trip.detail
}

// instrument wraps the parts of expr that are evaluated once per element
// (the key, value and condition of a for expression, the body of a splat)
// so each evaluation is charged, and returns the nodes it walked.
func (m *Meter) instrument(expr hcl.Expression) int64 {
	root, ok := expr.(hclsyntax.Expression)
	if !ok {
		// A JSON file's strings may call functions in templates, with no
		// syntax tree to find the calls in: the context needs them all.
		m.Functions()
		return 1
	}
	var nodes int64
	hclsyntax.VisitAll(root, func(n hclsyntax.Node) hcl.Diagnostics {
		nodes++
		switch x := n.(type) {
		case *hclsyntax.ForExpr:
			x.KeyExpr = m.meterElement(x.KeyExpr)
			x.ValExpr = m.meterElement(x.ValExpr)
			x.CondExpr = m.meterElement(x.CondExpr)
		case *hclsyntax.SplatExpr:
			x.Each = m.meterElement(x.Each)
		case *hclsyntax.FunctionCallExpr:
			m.convertArgs(x)
		case *convertingArg:
			x.m = m // the same syntax tree may be evaluated again under another meter
		}
		return nil
	})
	return nodes
}

// convertArgs has the arguments of call that its function takes as lists,
// sets or maps converted by preconvert (see convertingArg).
func (m *Meter) convertArgs(call *hclsyntax.FunctionCallExpr) {
	f, ok := m.Functions()[call.Name]
	if !ok {
		return
	}
	params := f.Params()
	for i, arg := range call.Args {
		if _, done := arg.(*convertingArg); done || call.ExpandFinal && i == len(call.Args)-1 {
			continue
		}
		var p function.Parameter
		switch {
		case i < len(params):
			p = params[i]
		case f.VarParam() != nil:
			p = *f.VarParam()
		default:
			continue
		}
		if want, ok := collectionTarget(call.Name, p.Type); ok {
			call.Args[i] = newConvertingArg(m, arg, p.Name, want)
		}
	}
}

func (m *Meter) meterElement(e hclsyntax.Expression) hclsyntax.Expression {
	if e == nil {
		return nil
	}
	if me, ok := e.(*meteredExpr); ok {
		me.m = m // the same syntax tree may be evaluated again under another meter
		return me
	}
	var nodes int64
	hclsyntax.VisitAll(e, func(hclsyntax.Node) hcl.Diagnostics { nodes++; return nil })
	return &meteredExpr{
		ParenthesesExpr: &hclsyntax.ParenthesesExpr{Expression: e, SrcRange: e.Range()},
		m:               m, weight: nodes * stepUnits,
	}
}

// meteredExpr is a part of an expression evaluated once per element; it
// charges its size in syntax nodes and the size of what it produced. It
// embeds a ParenthesesExpr so that walking the syntax tree still reaches
// the part itself: embedding the part directly hid it from Variables
// (a reference `[for a in l : local.x]` was lost once metered).
type meteredExpr struct {
	*hclsyntax.ParenthesesExpr
	m      *Meter
	weight int64
}

func (e *meteredExpr) StartRange() hcl.Range { return e.Expression.StartRange() }

func (e *meteredExpr) Value(ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	if e.m.trip != nil {
		return cty.DynamicVal, nil
	}
	if err := e.m.charge(e.weight); err != nil {
		return cty.DynamicVal, e.m.diagnostic(e.Range())
	}
	v, diags := e.Expression.Value(ctx)
	if e.m.trip == nil {
		if err := e.m.charge(sizeOf(v, e.m.remaining()).work); err != nil {
			return cty.DynamicVal, append(diags, e.m.diagnostic(e.Range())...)
		}
	}
	return v, diags
}
