package hclspec

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// BaseScenario names the roadmap as its variables make it, without a
// scenario: roadmap compare's first column. No scenario may take the name.
const BaseScenario = "base"

// Scenario is a named set of variable values kept with the roadmap and
// reviewed in git: `scenario "budget_cut" { variables = { capex = 1000000 } }`.
// Loading with LoadOptions.Scenario applies one of them on top of every
// other source of values.
type Scenario struct {
	ID          string
	Description string
	// Variables are its values in source order, each converted to the
	// variable's type and validated by its rules.
	Variables []ScenarioValue
	DeclRange hcl.Range
	Ranges    Ranges
}

// ScenarioValue is one variable a scenario sets.
type ScenarioValue struct {
	Name string
	// Value is the value the variable takes in the scenario; cty.DynamicVal
	// when it could not be worked out (its problem is reported).
	Value cty.Value
	// Text is Value written as an HCL literal ("1050000", "{ apps = 2 }"),
	// as --var name=Text would give it; "" when Value is not known.
	Text       string
	NameRange  hcl.Range
	ValueRange hcl.Range
	expr       hcl.Expression
}

// UnknownScenario is the Extra of the diagnostic for a scenario name no
// block declares (IsUnknownScenario tells it apart).
type UnknownScenario struct{ Name string }

// IsUnknownScenario reports whether d says that the scenario asked for is
// not declared.
func IsUnknownScenario(d *hcl.Diagnostic) bool {
	_, ok := d.Extra.(UnknownScenario)
	return ok
}

// UndeclaredVar is the Extra of the diagnostic for a --var that names no
// declared variable.
type UndeclaredVar struct{ Name string }

// UndeclaredVarName is the variable a --var names when d says no block
// declares it; ok is false for any other diagnostic.
func UndeclaredVarName(d *hcl.Diagnostic) (name string, ok bool) {
	u, ok := d.Extra.(UndeclaredVar)
	return u.Name, ok
}

var scenarioSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "description"},
		{Name: "variables", Required: true},
	},
}

// decodeScenarioBlock reads a scenario's description and the names and
// expressions of its values; their values are worked out once the
// variables have theirs (evaluateScenario).
func decodeScenarioBlock(block *hcl.Block, decls map[string]*variableDecl, m *Meter) (*Scenario, hcl.Diagnostics) {
	sc := &Scenario{ID: block.Labels[0], DeclRange: block.DefRange, Ranges: Ranges{}}
	content, diags := block.Body.Content(scenarioSchema)
	for name, a := range content.Attributes {
		sc.Ranges[name] = a.Expr.Range()
	}
	if sc.ID == BaseScenario {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Reserved scenario name",
			Detail:   fmt.Sprintf("%q names the roadmap without any scenario (the first column of roadmap compare); give this scenario another name.", BaseScenario),
			Subject:  block.LabelRanges[0].Ptr(),
		})
	}
	if a, ok := content.Attributes["description"]; ok {
		v, d := constantValue(a.Expr, m)
		diags = append(diags, d...)
		if !d.HasErrors() {
			if s, err := convert.Convert(v, cty.String); err != nil || s.IsNull() {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Incorrect attribute value type",
					Detail:   "A scenario's description must be a string.",
					Subject:  a.Expr.Range().Ptr(),
				})
			} else {
				sc.Description = s.AsString()
			}
		}
	}
	a, ok := content.Attributes["variables"]
	if !ok {
		return sc, diags
	}
	pairs, d := hcl.ExprMap(a.Expr)
	if d.HasErrors() {
		return sc, append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid scenario variables",
			Detail:   "Write a scenario's variables as an object of the values it sets, such as variables = { capex = 1000000 }, so each value points at its own line.",
			Subject:  a.Expr.Range().Ptr(),
		})
	}
	names := slices.Sorted(maps.Keys(decls))
	seen := map[string]hcl.Range{}
	for _, p := range pairs {
		name := hcl.ExprAsKeyword(p.Key)
		if name == "" {
			if kv, kd := p.Key.Value(nil); !kd.HasErrors() && kv.Type() == cty.String && kv.IsKnown() && !kv.IsNull() {
				name = kv.AsString()
			}
		}
		if name == "" {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid variable name",
				Detail:   "Each key of a scenario's variables is the name of a variable, such as capex.",
				Subject:  p.Key.Range().Ptr(),
			})
			continue
		}
		if first, dup := seen[name]; dup {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Duplicate scenario variable",
				Detail:   fmt.Sprintf("Scenario %q already sets %q at %s.", sc.ID, name, first.String()),
				Subject:  p.Key.Range().Ptr(),
			})
			continue
		}
		seen[name] = p.Key.Range()
		if _, declared := decls[name]; !declared {
			detail := fmt.Sprintf("Scenario %q sets %q, but no variable block declares it: a scenario can only change the roadmap's declared variables.", sc.ID, name)
			if near := nearest(name, names); near != "" {
				detail += fmt.Sprintf(" Did you mean %q?", near)
			}
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Value for undeclared variable",
				Detail:   detail,
				Subject:  p.Key.Range().Ptr(),
			})
			continue
		}
		sc.Variables = append(sc.Variables, ScenarioValue{
			Name: name, Value: cty.DynamicVal, NameRange: p.Key.Range(), ValueRange: p.Value.Range(), expr: p.Value,
		})
	}
	return sc, diags
}

// scenarioReferences reports references in a scenario value to anything
// but variables: a scenario sets variables, so only their values without
// it (var.x) exist when it is read.
func scenarioReferences(sv *ScenarioValue, decls map[string]*variableDecl) hcl.Diagnostics {
	var diags hcl.Diagnostics
	names := slices.Sorted(maps.Keys(decls))
	for _, t := range sv.expr.Variables() {
		if t.RootName() != "var" {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid reference in scenario",
				Detail:   fmt.Sprintf("A scenario's values can refer only to variables, as var.x (the value without the scenario), not to %s.", t.RootName()),
				Subject:  t.SourceRange().Ptr(),
			})
			continue
		}
		if len(t) >= 2 {
			if attr, isAttr := t[1].(hcl.TraverseAttr); isAttr {
				if _, declared := decls[attr.Name]; declared {
					continue
				}
				detail := fmt.Sprintf("There is no input variable named %q.", attr.Name)
				if near := nearest(attr.Name, names); near != "" {
					detail += fmt.Sprintf(" Did you mean %q?", near)
				}
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Reference to undeclared input variable",
					Detail:   detail,
					Subject:  hcl.RangeBetween(t[0].SourceRange(), attr.SrcRange).Ptr(),
				})
				continue
			}
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid reference to var",
			Detail:   "Refer to an input variable by name, such as var.capex.",
			Subject:  t.SourceRange().Ptr(),
		})
	}
	return diags
}

// evaluateScenario works out each of sc's values in a context holding
// the variables' values without any scenario (base), converts it to the
// variable's type and runs the variable's validation rules on it.
func evaluateScenario(sc *Scenario, decls map[string]*variableDecl, base map[string]cty.Value, s *scope) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for i := range sc.Variables {
		sv := &sc.Variables[i]
		if d := scenarioReferences(sv, decls); d.HasErrors() {
			diags = append(diags, d...)
			continue
		}
		vars := map[string]cty.Value{}
		for _, t := range sv.expr.Variables() {
			if attr, ok := t[1].(hcl.TraverseAttr); ok {
				vars[attr.Name] = base[attr.Name]
			}
		}
		ctx := &hcl.EvalContext{Variables: map[string]cty.Value{"var": objectOf(vars)}, Functions: s.funcs}
		v, d := s.meter.Eval(sv.expr, ctx)
		diags = append(diags, d...)
		if d.HasErrors() || !v.IsWhollyKnown() {
			continue // reported, or built on a variable whose problem is
		}
		final, d := finalVariableValue(decls[sv.Name], variableValue{Value: v, Range: sv.ValueRange}, true, s)
		diags = append(diags, d...)
		if d.HasErrors() || !final.IsWhollyKnown() {
			continue
		}
		sv.Value = final
		sv.Text = strings.TrimSpace(string(hclwrite.TokensForValue(final).Bytes()))
	}
	return diags
}

// selectScenario finds the scenario named name among scenarios; "" is
// none. An unknown name is an error that lists the declared ones.
func selectScenario(scenarios []*Scenario, name string) (*Scenario, hcl.Diagnostics) {
	if name == "" {
		return nil, nil
	}
	ids := make([]string, len(scenarios))
	for i, sc := range scenarios {
		if sc.ID == name {
			return sc, nil
		}
		ids[i] = sc.ID
	}
	detail := fmt.Sprintf("No scenario block is named %q.", name)
	switch {
	case name == BaseScenario:
		detail = fmt.Sprintf("%q is the roadmap without a scenario: leave out --scenario.", name)
	case len(ids) == 0:
		detail += " The roadmap declares no scenarios; add one, such as scenario \"budget_cut\" { variables = { capex = 1000000 } }."
	default:
		if near := nearest(name, ids); near != "" {
			detail += fmt.Sprintf(" Did you mean %q?", near)
		}
		detail += " Scenarios: " + strings.Join(ids, ", ") + "."
	}
	return nil, hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Unknown scenario",
		Detail:   detail,
		Extra:    UnknownScenario{Name: name},
	}}
}

// overriddenByScenario warns when sc replaces a value given on the
// command line or in the environment outright (its value does not build
// on var.<name>): the flag then has no effect.
func overriddenByScenario(sc *Scenario, assigned map[string]variableValue) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, sv := range sc.Variables {
		a, ok := assigned[sv.Name]
		if !ok || !isCLIValueRange(sv.Name, a.Range) {
			continue
		}
		if refersToVariable(sv.expr, sv.Name) {
			continue
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Value replaced by the scenario",
			Detail: fmt.Sprintf("The value of var.%s given with --var or %s%s is replaced by scenario %q's. To build on the given value, write it in the scenario as an expression of var.%s (for instance var.%s * 0.7).",
				sv.Name, EnvVarPrefix, sv.Name, sc.ID, sv.Name, sv.Name),
			Subject: sv.ValueRange.Ptr(),
		})
	}
	return diags
}

// refersToVariable reports whether expr reads var.name.
func refersToVariable(expr hcl.Expression, name string) bool {
	for _, t := range expr.Variables() {
		if t.RootName() != "var" || len(t) < 2 {
			continue
		}
		if attr, ok := t[1].(hcl.TraverseAttr); ok && attr.Name == name {
			return true
		}
	}
	return false
}
