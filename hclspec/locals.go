package hclspec

import (
	"context"
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// evaluateLocals evaluates every local value in dependency order, so
// locals may refer to variables and to each other in any order. Each cycle
// is reported once, naming all of its members; the members stay unknown.
// It stops early, leaving the rest unknown, once ctx is done.
func evaluateLocals(ctx context.Context, attrs []*hcl.Attribute, s *scope) hcl.Diagnostics {
	var diags hcl.Diagnostics
	byName := map[string]*hcl.Attribute{}
	var order []string
	for _, a := range attrs {
		if first, dup := byName[a.Name]; dup {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Duplicate local value",
				Detail:   fmt.Sprintf("A local value named %q was already defined at %s. Local value names must be unique.", a.Name, first.NameRange.String()),
				Subject:  a.NameRange.Ptr(),
			})
			continue
		}
		byName[a.Name] = a
		order = append(order, a.Name)
		s.setLocal(a.Name, cty.DynamicVal)
	}

	deps := map[string][]string{}
	for _, name := range order {
		for _, t := range byName[name].Expr.Variables() {
			if t.RootName() != "local" || len(t) < 2 {
				continue
			}
			if step, ok := t[1].(hcl.TraverseAttr); ok {
				if _, declared := byName[step.Name]; declared {
					deps[name] = append(deps[name], step.Name)
				}
			}
		}
	}

	const (
		unvisited = iota
		visiting
		done
	)
	state := map[string]int{}
	inCycle := map[string]bool{}
	var stack []string
	evaluated, stopped := 0, false
	var visit func(name string)
	visit = func(name string) {
		if stopped {
			return
		}
		state[name] = visiting
		stack = append(stack, name)
		for _, dep := range deps[name] {
			switch state[dep] {
			case unvisited:
				visit(dep)
			case visiting:
				i := len(stack) - 1
				for stack[i] != dep {
					i--
				}
				cycle := rotateToSmallest(append([]string(nil), stack[i:]...))
				fresh := false
				for _, c := range cycle {
					if !inCycle[c] {
						fresh = true
					}
					inCycle[c] = true
				}
				if fresh {
					first := byName[cycle[0]]
					diags = append(diags, &hcl.Diagnostic{
						Severity: hcl.DiagError,
						Summary:  "Cycle in local values",
						Detail:   fmt.Sprintf("These local values refer to each other in a loop: %s. Break the loop so each can be computed from the others.", cyclePath("local.", cycle)),
						Subject:  first.NameRange.Ptr(),
						Context:  first.Range.Ptr(),
					})
				}
			}
		}
		stack = stack[:len(stack)-1]
		state[name] = done
		if inCycle[name] || stopped {
			return
		}
		if evaluated++; evaluated%256 == 0 && ctx.Err() != nil {
			stopped = true
			return
		}
		v, d := s.eval(byName[name].Expr)
		diags = append(diags, d...)
		if d.HasErrors() {
			v = cty.DynamicVal
		}
		s.setLocal(name, v)
	}
	for _, name := range order {
		if state[name] == unvisited && !stopped {
			visit(name)
		}
	}
	return diags
}

// sortAttributesByPos orders attributes as they appear in their file.
func sortAttributesByPos(attrs []*hcl.Attribute) {
	sort.SliceStable(attrs, func(i, j int) bool {
		a, b := attrs[i].Range, attrs[j].Range
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		return a.Start.Byte < b.Start.Byte
	})
}
