package hclspec

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// EnvVarPrefix starts the environment variables that set input variables:
// ROADMAP_VAR_capex=100 sets var.capex.
const EnvVarPrefix = "ROADMAP_VAR_"

// variableDecl is a decoded variable block with its validation rules.
type variableDecl struct {
	Variable     *Variable
	DefaultRange hcl.Range
	// DefaultFailed is set when the default is invalid: it is reported
	// once, and the variable is then unknown rather than "missing".
	DefaultFailed bool
	Validations   []variableValidation
}

type variableValidation struct {
	Condition    hcl.Expression
	ErrorMessage hcl.Expression
	DeclRange    hcl.Range
}

// variableValue is a value assigned to a variable and where it came from.
type variableValue struct {
	Value cty.Value
	Range hcl.Range
}

func decodeVariableBlock(block *hcl.Block, m *Meter) (*variableDecl, hcl.Diagnostics) {
	content, diags := block.Body.Content(variableSchema)
	v := &Variable{Name: block.Labels[0], Type: cty.DynamicPseudoType, Default: cty.NilVal, DeclRange: block.DefRange}
	decl := &variableDecl{Variable: v}
	if a, ok := content.Attributes["type"]; ok {
		ty, tyDiags := typeexpr.TypeConstraint(a.Expr)
		diags = append(diags, tyDiags...)
		if !tyDiags.HasErrors() {
			v.Type = ty
		}
	}
	if a, ok := content.Attributes["description"]; ok {
		val, valDiags := constantValue(a.Expr, m)
		diags = append(diags, valDiags...)
		if !valDiags.HasErrors() {
			if s, err := convert.Convert(val, cty.String); err != nil || s.IsNull() {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Incorrect attribute value type",
					Detail:   "A variable's description must be a string.",
					Subject:  a.Expr.Range().Ptr(),
				})
			} else {
				v.Description = s.AsString()
			}
		}
	}
	if a, ok := content.Attributes["default"]; ok {
		decl.DefaultRange = a.Expr.Range()
		val, valDiags := constantValue(a.Expr, m)
		diags = append(diags, valDiags...)
		decl.DefaultFailed = valDiags.HasErrors()
		if !valDiags.HasErrors() {
			converted, err := convertValue(m, val, v.Type)
			if err != nil {
				decl.DefaultFailed = true
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Invalid default value for variable",
					Detail:   fmt.Sprintf("This default value is not compatible with the variable's type constraint: %s.", convertErrorText(err)),
					Subject:  a.Expr.Range().Ptr(),
				})
			} else {
				v.Default = converted
			}
		}
	}
	for _, b := range content.Blocks {
		vc, vDiags := b.Body.Content(variableValidationSchema)
		diags = append(diags, vDiags...)
		cond, okC := vc.Attributes["condition"]
		msg, okM := vc.Attributes["error_message"]
		if !okC || !okM {
			continue
		}
		if d := selfOnlyReferences(v.Name, cond.Expr); d != nil {
			diags = append(diags, d)
			continue
		}
		decl.Validations = append(decl.Validations, variableValidation{Condition: cond.Expr, ErrorMessage: msg.Expr, DeclRange: b.DefRange})
	}
	return decl, diags
}

// selfOnlyReferences reports a validation condition that refers to anything
// but the variable it validates.
func selfOnlyReferences(name string, expr hcl.Expression) *hcl.Diagnostic {
	for _, t := range expr.Variables() {
		if t.RootName() == "var" && len(t) >= 2 {
			if step, ok := t[1].(hcl.TraverseAttr); ok && step.Name == name {
				continue
			}
		}
		return &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid reference in variable validation",
			Detail:   fmt.Sprintf("The condition for variable %q can only refer to the variable itself, as var.%s.", name, name),
			Subject:  t.SourceRange().Ptr(),
		}
	}
	return nil
}

// constantValue evaluates an expression that may call functions but may not
// refer to anything, as defaults and variable files must.
// JSON variable files hold values, not templates: their strings are taken
// as they are, as Terraform takes .tfvars.json.
func constantValue(expr hcl.Expression, m *Meter) (cty.Value, hcl.Diagnostics) {
	if vars := expr.Variables(); len(vars) > 0 {
		return cty.DynamicVal, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Variables not allowed",
			Detail:   "This value must be a constant: it cannot refer to variables, locals or other blocks.",
			Subject:  vars[0].SourceRange().Ptr(),
		}}
	}
	var ctx *hcl.EvalContext
	if _, native := expr.(hclsyntax.Expression); native {
		ctx = &hcl.EvalContext{Functions: m.functionTable()} // Eval fills it for a call
	}
	v, diags := m.Eval(expr, ctx)
	if !diags.HasErrors() && !v.IsWhollyKnown() {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid value",
			Detail:   "This value must be known when the roadmap is loaded.",
			Subject:  expr.Range().Ptr(),
		})
	}
	return v, diags
}

// cliValueRange is the pseudo-file range of a value given with --var,
// named after the flag ("--var capex").
func cliValueRange(name string) hcl.Range {
	return hcl.Range{
		Filename: "--var " + name,
		Start:    hcl.InitialPos,
		End:      hcl.InitialPos,
	}
}

// envValueRange is the pseudo-file range of a value given in the
// environment: ROADMAP_VAR_<name>.
func envValueRange(name string) hcl.Range {
	r := cliValueRange(name)
	r.Filename = EnvVarPrefix + name
	return r
}

// isCLIValueRange reports whether r is a value given with --var or in
// the environment.
func isCLIValueRange(name string, r hcl.Range) bool {
	return r.Filename == cliValueRange(name).Filename || r.Filename == envValueRange(name).Filename
}

// addValueSource keeps the text of a --var or ROADMAP_VAR_ value as the
// source of its pseudo-file, so its diagnostics show it as a snippet.
func (l *Loader) addValueSource(rng hcl.Range, raw string) {
	l.parser.AddFile(rng.Filename, &hcl.File{Body: hcl.EmptyBody(), Bytes: []byte(raw)})
}

// parseCLIValue turns the text of --var or ROADMAP_VAR_ into a value: taken
// literally for string (and untyped) variables, parsed as an HCL expression
// for every other type, as Terraform does.
func parseCLIValue(name, raw string, ty cty.Type, m *Meter, rng hcl.Range) (variableValue, hcl.Diagnostics) {
	whole := rng // the value's first line, for the diagnostics about all of it
	first, _, _ := strings.Cut(raw, "\n")
	whole.End = hcl.Pos{Line: 1, Column: 1 + utf8.RuneCountInString(first), Byte: len(first)}
	if d := checkCLIString(name, raw, whole); d != nil {
		return variableValue{}, d
	}
	if ty == cty.String || ty == cty.DynamicPseudoType {
		return variableValue{Value: cty.StringVal(raw), Range: whole}, nil
	}
	if d := cliNumberHabit(name, raw, whole); d != nil {
		return variableValue{}, d
	}
	expr, diags := ParseExpressionWithinLimits([]byte(raw), rng.Filename)
	if diags.HasErrors() {
		return variableValue{}, diags
	}
	if len(expr.Variables()) > 0 {
		// A bare word such as "lots" for a number: convert the text itself,
		// so the error says what type was expected.
		return variableValue{Value: cty.StringVal(raw), Range: whole}, nil
	}
	v, valDiags := constantValue(expr, m)
	if valDiags.HasErrors() {
		return variableValue{}, valDiags
	}
	rng.End = expr.Range().End
	return variableValue{Value: v, Range: rng}, nil
}

// assignVariables gathers the values of declared variables with
// Terraform's precedence: environment < *.auto.vars.hcl files (lexical
// order) < --var-file (in order) < --var (in order). Undeclared names in
// --var are errors, in files warnings, and in the environment ignored.
func (l *Loader) assignVariables(decls map[string]*variableDecl, auto autoVarFiles, opts LoadOptions) (map[string]variableValue, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	values := map[string]variableValue{}
	// A value that failed to parse still counts as given, so the variable
	// is not also reported as missing; it ends up unknown.
	failed := func(name string) { values[name] = variableValue{Value: cty.DynamicVal} }
	names := slices.Sorted(maps.Keys(decls))

	for _, kv := range opts.Env {
		if !strings.HasPrefix(kv, EnvVarPrefix) {
			continue
		}
		name, raw, _ := strings.Cut(strings.TrimPrefix(kv, EnvVarPrefix), "=")
		decl, ok := decls[name]
		if !ok {
			continue
		}
		rng := envValueRange(name)
		l.addValueSource(rng, raw)
		val, d := parseCLIValue(name, raw, decl.Variable.Type, l.meter, rng)
		diags = append(diags, d...)
		if d.HasErrors() {
			failed(name)
		} else {
			values[name] = val
		}
	}

	// Automatic variable files, then --var-file, each file's values
	// overriding the earlier ones.
	fromFile := func(path string, file *hcl.File, d hcl.Diagnostics) {
		diags = append(diags, d...)
		if file == nil || d.HasErrors() {
			return // syntax errors: values would only add confusing follow-ups
		}
		attrs, d := file.Body.JustAttributes()
		diags = append(diags, d...)
		for _, a := range sortedAttributes(attrs) {
			if _, ok := decls[a.Name]; !ok {
				detail := fmt.Sprintf("The variable file %s assigns %q, but no variable block declares it.", filepath.Base(path), a.Name)
				if near := nearest(a.Name, names); near != "" {
					detail += fmt.Sprintf(" Did you mean %q?", near)
				}
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagWarning,
					Summary:  "Value for undeclared variable",
					Detail:   detail,
					Subject:  a.NameRange.Ptr(),
				})
				continue
			}
			v, d := constantValue(a.Expr, l.meter)
			diags = append(diags, d...)
			if d.HasErrors() {
				failed(a.Name)
			} else {
				values[a.Name] = variableValue{Value: v, Range: a.Expr.Range()}
			}
		}
	}
	for _, path := range auto.names {
		file, d := auto.parse(path)
		fromFile(path, file, d)
	}
	for _, path := range opts.VarFiles {
		file, d := l.parseVarFile(path)
		fromFile(path, file, d)
	}

	for _, arg := range opts.Vars {
		name, raw, ok := strings.Cut(arg, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid --var option",
				Detail:   fmt.Sprintf("The option --var %q is not of the form name=value.", arg),
			})
			continue
		}
		decl, declared := decls[name]
		if !declared {
			detail := fmt.Sprintf("A value for %q was given with --var, but no variable block declares it.", name)
			if near := nearest(name, names); near != "" {
				detail += fmt.Sprintf(" Did you mean %q?", near)
			}
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Value for undeclared variable",
				Detail:   detail,
				Extra:    UndeclaredVar{Name: name},
			})
			continue
		}
		rng := cliValueRange(name)
		l.addValueSource(rng, raw)
		val, d := parseCLIValue(name, raw, decl.Variable.Type, l.meter, rng)
		diags = append(diags, d...)
		if d.HasErrors() {
			failed(name)
		} else {
			values[name] = val
		}
	}
	return values, diags
}

// finalVariableValue converts the assigned value (or default) to the
// declared type and runs the validation rules. A variable that fails is
// cty.DynamicVal so nothing downstream reports it a second time.
func finalVariableValue(decl *variableDecl, assigned variableValue, isAssigned bool, s *scope) (cty.Value, hcl.Diagnostics) {
	v := decl.Variable
	if !isAssigned {
		if decl.DefaultFailed {
			return cty.DynamicVal, nil
		}
		if v.Default == cty.NilVal {
			return cty.DynamicVal, hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "No value for required variable",
				Detail: fmt.Sprintf("The variable %q has no default, so a value is required: use --var %s=..., a --var-file, or the environment variable %s%s.",
					v.Name, v.Name, EnvVarPrefix, v.Name),
				Subject: v.DeclRange.Ptr(),
			}}
		}
		assigned = variableValue{Value: v.Default, Range: decl.DefaultRange}
	}
	if !assigned.Value.IsWhollyKnown() {
		return cty.DynamicVal, nil // its problem is already reported
	}
	val, err := convertValue(s.meter, assigned.Value, v.Type)
	if err != nil {
		return cty.DynamicVal, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid value for variable",
			Detail: strings.TrimSpace(fmt.Sprintf("The value given for var.%s is not compatible with its type %s: %s. %s",
				v.Name, typeexpr.TypeString(v.Type), convertErrorText(err), quotedNumberHint(assigned.Value, err))),
			Subject: assigned.Range.Ptr(),
		}}
	}
	var diags hcl.Diagnostics
	ctx := &hcl.EvalContext{
		Variables: map[string]cty.Value{"var": cty.ObjectVal(map[string]cty.Value{v.Name: val})},
		Functions: s.meter.Functions(), // error messages are evaluated without Eval
	}
	for _, rule := range decl.Validations {
		result, d := s.meter.Eval(rule.Condition, ctx)
		diags = append(diags, d...)
		if d.HasErrors() {
			continue
		}
		result, err := convert.Convert(result, cty.Bool)
		if err != nil || result.IsNull() {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid validation condition",
				Detail:   "A validation condition must be true or false.",
				Subject:  rule.Condition.Range().Ptr(),
			})
			continue
		}
		if !result.IsKnown() || result.True() {
			continue
		}
		message := "The value is not valid."
		if m, d := rule.ErrorMessage.Value(ctx); !d.HasErrors() {
			if ms, err := convert.Convert(m, cty.String); err == nil && ms.IsKnown() && !ms.IsNull() {
				message = ms.AsString()
			}
		} else {
			diags = append(diags, d...)
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid value for variable",
			Detail:   fmt.Sprintf("%s\n\nThis was checked by the validation rule at %s.", message, rule.DeclRange.String()),
			Subject:  assigned.Range.Ptr(),
		})
	}
	if diags.HasErrors() {
		return cty.DynamicVal, diags
	}
	return val, diags
}

func sortedAttributes(attrs hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	sortAttributesByPos(out)
	return out
}
