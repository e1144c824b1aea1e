package hclspec

import (
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// scope is what expressions can see: var.*, local.* and the functions.
// A variable or local that failed is cty.DynamicVal, so expressions using
// it evaluate to unknown and are skipped without a second diagnostic.
type scope struct {
	vars   map[string]cty.Value
	locals map[string]cty.Value
	funcs  map[string]function.Function
	meter  *Meter
	// plain is the context of expressions that refer to no variable or
	// local, nearly all of a large roadmap's, built once.
	plain *hcl.EvalContext
}

func newScope(m *Meter) *scope {
	funcs := m.functionTable() // filled by Eval when first needed
	return &scope{
		vars:   map[string]cty.Value{},
		locals: map[string]cty.Value{},
		funcs:  funcs,
		meter:  m,
		plain: &hcl.EvalContext{
			Variables: map[string]cty.Value{"var": cty.EmptyObjectVal, "local": cty.EmptyObjectVal},
			Functions: funcs,
		},
	}
}

func (s *scope) setVar(name string, v cty.Value) {
	s.vars[name] = v
}

func (s *scope) setLocal(name string, v cty.Value) {
	s.locals[name] = v
}

func objectOf(m map[string]cty.Value) cty.Value {
	if len(m) == 0 {
		return cty.EmptyObjectVal
	}
	return cty.ObjectVal(m)
}

// eval evaluates expr after checking its var.* and local.* references, so a
// typo gets "did you mean" rather than HCL's generic unsupported attribute.
func (s *scope) eval(expr hcl.Expression) (cty.Value, hcl.Diagnostics) {
	if nodes, ok := literalNodes(expr); ok {
		return s.meter.evalLiteral(expr, nodes, s.plain)
	}
	refs := expr.Variables()
	if diags := s.checkTraversals(refs); diags.HasErrors() {
		return cty.DynamicVal, diags
	}
	return s.meter.Eval(expr, s.contextOf(refs))
}

// literalNodes is the number of syntax nodes of an expression made of
// literal values alone (a number, true, a quoted string without
// interpolation, a bare word as an object key): it refers to nothing and
// calls nothing, so its evaluation needs neither a walk for its
// references nor the meter's instrumentation (most of a large roadmap's
// expressions, whose walks allocated a fifth of its decoding). ok is
// false for any other expression.
func literalNodes(expr hcl.Expression) (nodes int64, ok bool) {
	switch e := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		return 1, true
	case *hclsyntax.TemplateExpr:
		for _, part := range e.Parts {
			if _, literal := part.(*hclsyntax.LiteralValueExpr); !literal {
				return 0, false
			}
		}
		return 1 + int64(len(e.Parts)), true
	case *hclsyntax.ObjectConsKeyExpr:
		// A bare word as an object key, { grow_revenue = 0.9 }, is the
		// string of its name, not a reference.
		if t, bare := e.Wrapped.(*hclsyntax.ScopeTraversalExpr); bare && !e.ForceNonLiteral && len(t.Traversal) == 1 {
			return 1, true
		}
	}
	return 0, false
}

// contextFor is the evaluation context of expr holding only the variables
// and locals it refers to. Building the objects of every variable and
// local anew for each local (as setLocal invalidates them) made n locals
// cost O(n²): 10,000 of them took 46 s.
func (s *scope) contextFor(expr hcl.Expression) *hcl.EvalContext {
	return s.contextOf(expr.Variables())
}

// contextOf is contextFor of an expression whose references are refs.
func (s *scope) contextOf(refs []hcl.Traversal) *hcl.EvalContext {
	var vars, locals map[string]cty.Value
	for _, t := range refs {
		if len(t) < 2 {
			continue
		}
		step, ok := t[1].(hcl.TraverseAttr)
		if !ok {
			continue
		}
		switch t.RootName() {
		case "var":
			if v, ok := s.vars[step.Name]; ok {
				if vars == nil {
					vars = map[string]cty.Value{}
				}
				vars[step.Name] = v
			}
		case "local":
			if v, ok := s.locals[step.Name]; ok {
				if locals == nil {
					locals = map[string]cty.Value{}
				}
				locals[step.Name] = v
			}
		}
	}
	if vars == nil && locals == nil {
		return s.plain
	}
	return &hcl.EvalContext{
		Variables: map[string]cty.Value{"var": objectOf(vars), "local": objectOf(locals)},
		Functions: s.funcs,
	}
}

func (s *scope) checkRefs(expr hcl.Expression) hcl.Diagnostics {
	return s.checkTraversals(expr.Variables())
}

// checkTraversals is checkRefs of an expression whose references are refs.
func (s *scope) checkTraversals(refs []hcl.Traversal) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, t := range refs {
		root := t.RootName()
		var known map[string]cty.Value
		var what, how string
		switch root {
		case "var":
			known, what, how = s.vars, "input variable", "Declare it with a variable block"
		case "local":
			known, what, how = s.locals, "local value", "Define it in a locals block"
		default:
			continue
		}
		if len(t) < 2 {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  fmt.Sprintf("Invalid reference to %s", root),
				Detail:   fmt.Sprintf("%q must be followed by an attribute name, such as %s.x.", root, root),
				Subject:  t.SourceRange().Ptr(),
			})
			continue
		}
		step, ok := t[1].(hcl.TraverseAttr)
		if !ok {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  fmt.Sprintf("Invalid reference to %s", root),
				Detail:   fmt.Sprintf("Refer to a %s by name, such as %s.x.", what, root),
				Subject:  t.SourceRange().Ptr(),
			})
			continue
		}
		if _, ok := known[step.Name]; ok {
			continue
		}
		detail := fmt.Sprintf("There is no %s named %q. %s.", what, step.Name, how)
		if near := nearest(step.Name, slices.Sorted(maps.Keys(known))); near != "" {
			detail = fmt.Sprintf("There is no %s named %q. Did you mean %q?", what, step.Name, near)
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  fmt.Sprintf("Reference to undeclared %s", what),
			Detail:   detail,
			Subject:  hcl.RangeBetween(t[0].SourceRange(), step.SrcRange).Ptr(),
		})
	}
	return diags
}
