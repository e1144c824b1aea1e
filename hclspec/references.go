package hclspec

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// nearest returns the candidate closest to name when it is close enough to
// be a likely typo (as HCL's own suggestions do), or "".
func nearest(name string, candidates []string) string {
	return newSuggester(candidates).nearest(name)
}

// reference is one use of an id: an element of endorsed_by, a goals key,
// a vendor attribute. It is checked once every block has been declared.
type reference struct {
	Kind    string // block type the id must name: goal, team, project, ...
	ID      string
	Subject hcl.Range // the traversal or key
	Context hcl.Range // the whole attribute
	Attr    string    // attribute name, for the message
}

// referenceList decodes a list of traversals such as [department.sales]
// whose root must be one of kinds. The expression is never evaluated.
func (r *attrReader) referenceList(name string, kinds ...string) []reference {
	a, ok := r.attrs[name]
	if !ok || isNullLiteral(a.Expr) {
		return nil
	}
	exprs, diags := hcl.ExprList(a.Expr)
	if diags.HasErrors() {
		r.fail(name, "Invalid reference list",
			fmt.Sprintf("%q must be a list of references such as [%s.x].", r.prefix+name, kinds[0]))
		return nil
	}
	var out []reference
	for _, e := range exprs {
		if ref, ok := r.traversalRef(a, e, kinds...); ok {
			out = append(out, ref)
		}
	}
	return out
}

// singleReference decodes one traversal such as budget.capex.
func (r *attrReader) singleReference(name string, kinds ...string) (reference, bool) {
	a, ok := r.attrs[name]
	if !ok || isNullLiteral(a.Expr) {
		return reference{}, false
	}
	return r.traversalRef(a, a.Expr, kinds...)
}

func (r *attrReader) traversalRef(a *hcl.Attribute, e hcl.Expression, kinds ...string) (reference, bool) {
	examples := make([]string, len(kinds))
	for i, k := range kinds {
		examples[i] = k + ".x"
	}
	want := strings.Join(examples, " or ")
	t, diags := hcl.AbsTraversalForExpr(e)
	if diags.HasErrors() {
		detail := fmt.Sprintf("%q expects a reference such as %s, not a value.", r.prefix+a.Name, want)
		if v, d := e.Value(nil); !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
			detail += fmt.Sprintf(" Write %s.%s without quotes.", kinds[0], v.AsString())
		}
		r.failAt(a, e.Range(), "Invalid reference", detail)
		return reference{}, false
	}
	root := t.RootName()
	kind := ""
	for _, k := range kinds {
		if root == k {
			kind = k
		}
	}
	if kind == "" {
		detail := fmt.Sprintf("%q expects a reference such as %s; %q is not one of those.", r.prefix+a.Name, want, root)
		if near := nearest(root, kinds); near != "" {
			detail += fmt.Sprintf(" Did you mean %q?", near)
		}
		r.failAt(a, t.SourceRange(), "Invalid reference", detail)
		return reference{}, false
	}
	if len(t) != 2 {
		r.failAt(a, t.SourceRange(), "Invalid reference",
			fmt.Sprintf("%q expects a reference of the form %s.<id>.", r.prefix+a.Name, kind))
		return reference{}, false
	}
	step, ok := t[1].(hcl.TraverseAttr)
	if !ok {
		r.failAt(a, t.SourceRange(), "Invalid reference",
			fmt.Sprintf("%q expects a reference of the form %s.<id>, not an index.", r.prefix+a.Name, kind))
		return reference{}, false
	}
	return reference{Kind: kind, ID: step.Name, Subject: t.SourceRange(), Context: a.Range, Attr: r.prefix + a.Name}, true
}

// declarations maps a block type to its ids and where each was declared.
type declarations map[string]map[string]hcl.Range

func (d declarations) ids(kind string) []string {
	return slices.Sorted(maps.Keys(d[kind]))
}

// resolver reports references to undeclared ids, with a suggestion from
// the declared ids of the kind, sorted and indexed once per kind however
// many references miss.
type resolver struct {
	decls      declarations
	suggesters map[string]*suggester
}

func (d declarations) resolver() *resolver {
	return &resolver{decls: d, suggesters: map[string]*suggester{}}
}

// resolve reports a reference to an id nobody declared.
func (r *resolver) resolve(ref reference) *hcl.Diagnostic {
	if _, ok := r.decls[ref.Kind][ref.ID]; ok {
		return nil
	}
	summary := fmt.Sprintf("Reference to undeclared %s", ref.Kind)
	detail := fmt.Sprintf("There is no %s %q; %q must name %s %s block.", ref.Kind, ref.ID, ref.Attr, article(ref.Kind), ref.Kind)
	switch ref.Kind {
	case "goal":
		summary = "Unknown goal"
		detail = fmt.Sprintf("The keys of %q must be goal ids; there is no goal %q.", ref.Attr, ref.ID)
	case "team":
		summary = "Unknown team"
		detail = fmt.Sprintf("The keys of %q must be team ids; there is no team %q.", ref.Attr, ref.ID)
	}
	s, ok := r.suggesters[ref.Kind]
	if !ok {
		s = newSuggester(r.decls.ids(ref.Kind))
		r.suggesters[ref.Kind] = s
	}
	if near := s.nearest(ref.ID); near != "" {
		detail += fmt.Sprintf(" Did you mean %q?", near)
	} else if ids := s.names; len(ids) > 0 && len(ids) <= 8 {
		detail += fmt.Sprintf(" Declared: %s.", strings.Join(ids, ", "))
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   detail,
		Subject:  ref.Subject.Ptr(),
		Context:  ref.Context.Ptr(),
	}
}

// dependencyCycles finds every cycle in depends_on, each reported once,
// starting from its smallest id so the message is the same every run.
func dependencyCycles(projects []*Project) [][]string {
	edges := map[string][]string{}
	for _, p := range projects {
		edges[p.ID] = append(edges[p.ID], p.DependsOn...)
	}
	ids := slices.Sorted(maps.Keys(edges))
	const (
		white = iota
		grey
		black
	)
	color := map[string]int{}
	var stack []string
	var cycles [][]string
	seen := map[string]bool{}
	var visit func(id string)
	visit = func(id string) {
		color[id] = grey
		stack = append(stack, id)
		deps := append([]string(nil), edges[id]...)
		sort.Strings(deps)
		for _, dep := range deps {
			if _, declared := edges[dep]; !declared {
				continue
			}
			switch color[dep] {
			case white:
				visit(dep)
			case grey:
				i := len(stack) - 1
				for stack[i] != dep {
					i--
				}
				cycle := rotateToSmallest(append([]string(nil), stack[i:]...))
				key := strings.Join(cycle, " ")
				if !seen[key] {
					seen[key] = true
					cycles = append(cycles, cycle)
				}
			}
		}
		stack = stack[:len(stack)-1]
		color[id] = black
	}
	for _, id := range ids {
		if color[id] == white {
			visit(id)
		}
	}
	return cycles
}

func rotateToSmallest(c []string) []string {
	min := 0
	for i := range c {
		if c[i] < c[min] {
			min = i
		}
	}
	return append(c[min:], c[:min]...)
}

// cyclePath renders a cycle as "a -> b -> c -> a".
func cyclePath(prefix string, c []string) string {
	parts := make([]string, 0, len(c)+1)
	for _, id := range append(c, c[0]) {
		parts = append(parts, prefix+id)
	}
	return strings.Join(parts, " -> ")
}

// article is "an" before a vowel, else "a".
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

// isNullLiteral reports whether expr is the literal null, which means
// "not set" for references as for every other attribute.
func isNullLiteral(expr hcl.Expression) bool {
	if len(expr.Variables()) > 0 {
		return false
	}
	v, diags := expr.Value(nil)
	return !diags.HasErrors() && v.IsNull()
}
