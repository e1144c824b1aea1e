package hclspec

import (
	"github.com/roadmap-as-code/roadmap/estimate"

	"fmt"

	"github.com/hashicorp/hcl/v2"
)

// decoder holds what block decoders share: the scope, the calendar once
// the roadmap block is known, and the scratch each project reuses.
type decoder struct {
	scope    *scope
	unit     PeriodUnit
	calendar *Calendar // nil when the roadmap's start is unknown
	horizon  int
	labels   map[string]int // period label -> index within the horizon
	// estimate picks the number of a ranged estimate a plan uses.
	estimate estimate.Point
	// asOf is the status date, once the roadmap block is decoded.
	asOf statusDate
	// scratch is reused by every project decoded.
	scratch projectScratch
}

func (d *decoder) periodLabels() map[string]int {
	if d.labels == nil && d.calendar != nil {
		d.labels = make(map[string]int, d.horizon)
		for i := 0; i < d.horizon; i++ {
			d.labels[d.calendar.Label(i)] = i
		}
	}
	return d.labels
}

func (d *decoder) decodeGoalBlock(block *hcl.Block) (*Goal, hcl.Diagnostics) {
	g := &Goal{ID: block.Labels[0], Weight: 1, DeclRange: block.DefRange, Ranges: Ranges{}}
	content, diags := block.Body.Content(goalSchema)
	r := newAttrReader(d.scope, goalSchema, content.Attributes, g.Ranges, "")
	if v, ok := r.str("title"); ok {
		g.Title = v
	}
	if v, ok := r.num("weight"); ok {
		if v <= 0 {
			r.fail("weight", "Invalid goal weight", fmt.Sprintf("A goal's weight says how much it matters relative to the others and must be above zero; got %s. Remove the goal instead of giving it weight 0.", formatNumber(v)))
		} else {
			g.Weight = v
		}
	}
	if v, ok := r.str("term"); ok && r.oneOf("term", "Unknown goal term", v, "short", "medium", "long") {
		g.Term = v
	}
	return g, append(diags, r.diags...)
}

func (d *decoder) decodeDepartmentBlock(block *hcl.Block) (*Department, hcl.Diagnostics) {
	dep := &Department{ID: block.Labels[0], Needs: []string{}, DeclRange: block.DefRange, Ranges: Ranges{}}
	content, diags := block.Body.Content(departmentSchema)
	r := newAttrReader(d.scope, departmentSchema, content.Attributes, dep.Ranges, "")
	if v, ok := r.str("title"); ok {
		dep.Title = v
	}
	if v, ok := r.str("head"); ok {
		dep.Head = v
	}
	if v, ok := r.strList("needs"); ok {
		dep.Needs = v
	}
	return dep, append(diags, r.diags...)
}

func (d *decoder) decodeTeamBlock(block *hcl.Block) (*Team, hcl.Diagnostics) {
	t := &Team{ID: block.Labels[0], CapacityByPeriod: map[int]float64{}, DeclRange: block.DefRange, Ranges: Ranges{}}
	content, diags := block.Body.Content(teamSchema)
	r := newAttrReader(d.scope, teamSchema, content.Attributes, t.Ranges, "")
	if v, ok := r.str("title"); ok {
		t.Title = v
	}
	if v, ok := r.num("capacity"); ok {
		switch {
		case v < 0:
			r.fail("capacity", "Negative capacity", fmt.Sprintf("\"capacity\" is FTE available each period and must be zero or more; got %s.", formatNumber(v)))
		case belowFTEResolution(v):
			r.fail("capacity", "Capacity below the FTE resolution", fteResolutionDetail("\"capacity\"", v))
		default:
			t.Capacity = v
		}
	}
	if v, ok := r.num("cost_per_fte"); ok && r.nonNegativeMoney("cost_per_fte", v) {
		t.CostPerFTE = v
	}
	if v, ok := r.integer("max_parallel", "projects"); ok {
		if v < 1 {
			r.fail("max_parallel", "Value out of range", fmt.Sprintf("\"max_parallel\" is how many projects may use the team at once and must be 1 or more; got %d. Leave it out for no limit.", v))
		} else {
			t.MaxParallel = v
		}
	}
	if entries, a, _ := r.numMap("capacity_by_period"); a != nil {
		labels := d.periodLabels()
		for _, e := range entries {
			if e.Value < 0 {
				r.failAt(a, e.ValueRange, "Negative capacity", fmt.Sprintf("The capacity for %s must be zero or more; got %s.", e.Key, formatNumber(e.Value)))
				continue
			}
			if belowFTEResolution(e.Value) {
				r.failAt(a, e.ValueRange, "Capacity below the FTE resolution", fteResolutionDetail("The capacity for "+e.Key, e.Value))
				continue
			}
			if labels == nil {
				continue // no calendar: the roadmap's start is already reported
			}
			idx, ok := labels[e.Key]
			if !ok {
				r.failAt(a, e.KeyRange, "Invalid period label", d.periodLabelDetail(e.Key))
				continue
			}
			t.CapacityByPeriod[idx] = e.Value
			t.Ranges["capacity_by_period."+e.Key] = e.KeyRange
		}
	}
	return t, append(diags, r.diags...)
}

// periodLabelDetail explains why key is not a period of this roadmap.
func (d *decoder) periodLabelDetail(key string) string {
	first, last := d.calendar.Label(0), d.calendar.Label(d.horizon-1)
	if _, _, err := ParseDateSpan(key); err == nil {
		if idx, err := d.calendar.FirstPeriod(key); err == nil && d.calendar.Label(idx) == key {
			return fmt.Sprintf("%q is outside the roadmap's horizon, which runs from %s to %s.", key, first, last)
		}
	}
	return fmt.Sprintf("%q is not a %s of this roadmap: keys must be period labels from %s to %s.", key, d.unit, first, last)
}

func (d *decoder) decodeBudgetBlock(block *hcl.Block) (*Budget, hcl.Diagnostics) {
	b := &Budget{ID: block.Labels[0], Per: PerYear, DeclRange: block.DefRange, Ranges: Ranges{}}
	content, diags := block.Body.Content(budgetSchema)
	r := newAttrReader(d.scope, budgetSchema, content.Attributes, b.Ranges, "")
	if v, ok := r.str("title"); ok {
		b.Title = v
	}
	if v, ok := r.num("amount"); ok && r.nonNegativeMoney("amount", v) {
		b.Amount = v
	}
	if v, ok := r.str("per"); ok && r.oneOf("per", "Unknown budget window", v, "year", "period", "total") {
		b.Per = BudgetPer(v)
	}
	b.Kind = Capex
	if v, ok := r.str("kind"); ok && r.oneOf("kind", "Unknown budget kind", v, string(Capex), string(Opex)) {
		b.Kind = BudgetKind(v)
	}
	return b, append(diags, r.diags...)
}

func (d *decoder) decodeVendorBlock(block *hcl.Block) (*Vendor, hcl.Diagnostics) {
	v := &Vendor{ID: block.Labels[0], Provides: []string{}, Scores: map[string]float64{}, DeclRange: block.DefRange, Ranges: Ranges{}}
	content, diags := block.Body.Content(vendorSchema)
	r := newAttrReader(d.scope, vendorSchema, content.Attributes, v.Ranges, "")
	if x, ok := r.str("title"); ok {
		v.Title = x
	}
	if x, ok := r.str("category"); ok {
		v.Category = x
	}
	if x, ok := r.num("one_time"); ok && r.nonNegativeMoney("one_time", x) {
		v.OneTime = x
	}
	if x, ok := r.num("annual"); ok && r.nonNegativeMoney("annual", x) {
		v.Annual = x
	}
	if x, ok := r.strList("provides"); ok {
		v.Provides = x
	}
	if entries, a, _ := r.numMap("scores"); a != nil {
		for _, e := range entries {
			if e.Value < 0 || e.Value > 5 {
				r.failAt(a, e.ValueRange, "Vendor score out of range", fmt.Sprintf("Scores are from 0 (worst) to 5 (best); %q is %s.", e.Key, formatNumber(e.Value)))
				continue
			}
			v.Scores[e.Key] = e.Value
			v.Ranges["scores."+e.Key] = e.ValueRange
		}
	}
	return v, append(diags, r.diags...)
}

func (d *decoder) decodeEvaluationBlock(block *hcl.Block) (*Evaluation, []reference, hcl.Diagnostics) {
	e := &Evaluation{ID: block.Labels[0], Candidates: []string{}, Criteria: map[string]float64{}, Years: 3, DeclRange: block.DefRange, Ranges: Ranges{}}
	content, diags := block.Body.Content(evaluationSchema)
	r := newAttrReader(d.scope, evaluationSchema, content.Attributes, e.Ranges, "")
	if x, ok := r.str("title"); ok {
		e.Title = x
	}
	if x, ok := r.str("category"); ok {
		e.Category = x
	}
	candidates := r.referenceList("candidates", "vendor")
	if !r.has("category") && (!r.has("candidates") || isNullLiteral(r.attrs["candidates"].Expr)) {
		r.diags = append(r.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Evaluation without candidates",
			Detail:   "An evaluation needs a \"category\" (every vendor of that category competes) or a \"candidates\" list such as [vendor.a, vendor.b].",
			Subject:  block.DefRange.Ptr(),
		})
	}
	if entries, a, _ := r.numMap("criteria"); a != nil {
		for _, c := range entries {
			if c.Value < 0 {
				r.failAt(a, c.ValueRange, "Value out of range", fmt.Sprintf("Criterion weights must be zero or more; %q is %s.", c.Key, formatNumber(c.Value)))
				continue
			}
			e.Criteria[c.Key] = c.Value
			e.Ranges["criteria."+c.Key] = c.ValueRange
		}
		if len(entries) == 0 {
			r.fail("criteria", "Empty criteria", "An evaluation needs at least one criterion, such as { features = 0.6, cost = 0.4 }.")
		}
	}
	if x, ok := r.num("minimum_score"); ok && r.between("minimum_score", x, 0, 5, "Scores run from 0 to 5.") {
		e.MinimumScore = x
	}
	if x, ok := r.num("years"); ok {
		if x <= 0 {
			r.fail("years", "Value out of range", fmt.Sprintf("\"years\" is the total-cost-of-ownership window and must be above zero; got %s.", formatNumber(x)))
		} else {
			e.Years = x
		}
	}
	if entries, a, ok := r.numMap("cost_scale"); a != nil && ok {
		e.CostScale = decodeCostScale(r, a, entries)
	}
	return e, candidates, append(diags, r.diags...)
}

// decodeCostScale reads cost_scale = { best = 50000, worst = 400000 }: two
// amounts of money, best below worst. It returns nil after reporting a
// problem.
func decodeCostScale(r *attrReader, a *hcl.Attribute, entries []mapEntry) *CostScale {
	var cs CostScale
	seen := map[string]bool{}
	ok := true
	for _, en := range entries {
		switch en.Key {
		case "best":
			cs.Best = en.Value
		case "worst":
			cs.Worst = en.Value
		default:
			detail := fmt.Sprintf("\"cost_scale\" takes the keys \"best\" and \"worst\"; %q is neither.", en.Key)
			if near := nearest(en.Key, []string{"best", "worst"}); near != "" {
				detail += fmt.Sprintf(" Did you mean %q?", near)
			}
			r.failAt(a, en.KeyRange, "Unknown cost_scale key", detail)
			ok = false
			continue
		}
		seen[en.Key] = true
		if en.Value < 0 {
			r.failAt(a, en.ValueRange, "Negative money amount", fmt.Sprintf("\"cost_scale.%s\" is a total cost of ownership and must be zero or more; got %s.", en.Key, formatNumber(en.Value)))
			ok = false
		}
	}
	if ok && (!seen["best"] || !seen["worst"]) {
		r.failAt(a, a.Expr.Range(), "Incomplete cost_scale", "\"cost_scale\" needs both \"best\" (the TCO that scores 5) and \"worst\" (the TCO that scores 0), such as { best = 50000, worst = 400000 }.")
		return nil
	}
	if ok && cs.Best >= cs.Worst {
		r.failAt(a, a.Expr.Range(), "Invalid cost_scale", fmt.Sprintf("\"cost_scale.best\" (%s) must be below \"cost_scale.worst\" (%s): the best cost is the lower total cost of ownership.", formatNumber(cs.Best), formatNumber(cs.Worst)))
		ok = false
	}
	if !ok {
		return nil
	}
	return &cs
}

func (d *decoder) decodeCheckBlock(block *hcl.Block) (*Check, hcl.Diagnostics) {
	c := &Check{ID: block.Labels[0], Severity: "error", DeclRange: block.DefRange, Ranges: Ranges{}}
	content, diags := block.Body.Content(checkSchema)
	r := newAttrReader(d.scope, checkSchema, content.Attributes, c.Ranges, "")
	if a, ok := content.Attributes["condition"]; ok {
		c.Condition = a.Expr
		r.diags = append(r.diags, d.checkPlanReferences(a.Expr)...)
	}
	if a, ok := content.Attributes["error_message"]; ok {
		c.ErrorMessage = a.Expr
		r.diags = append(r.diags, d.checkPlanReferences(a.Expr)...)
	}
	if v, ok := r.str("severity"); ok && r.oneOf("severity", "Unknown severity", v, "error", "warning") {
		c.Severity = v
	}
	c.Simulation = refersTo(c.Condition, "simulation") || refersTo(c.ErrorMessage, "simulation")
	return c, append(diags, r.diags...)
}

// refersTo reports whether expr refers to the root variable root.
func refersTo(expr hcl.Expression, root string) bool {
	if expr == nil {
		return false
	}
	for _, t := range expr.Variables() {
		if t.RootName() == root {
			return true
		}
	}
	return false
}

// checkPlanReferences checks what a check expression may see before the
// plan exists: var.*, local.*, plan.* and simulation.* (the last only
// under roadmap simulate), nothing else.
func (d *decoder) checkPlanReferences(expr hcl.Expression) hcl.Diagnostics {
	diags := d.scope.checkRefs(expr)
	for _, t := range expr.Variables() {
		switch t.RootName() {
		case "var", "local", "plan", "simulation":
			continue
		}
		detail := fmt.Sprintf("A check can refer to var.*, local.*, plan.* and simulation.*; %q is none of those.", t.RootName())
		if near := nearest(t.RootName(), []string{"var", "local", "plan", "simulation"}); near != "" {
			detail += fmt.Sprintf(" Did you mean %q?", near)
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid reference in check",
			Detail:   detail,
			Subject:  t.SourceRange().Ptr(),
		})
	}
	return diags
}

func (d *decoder) decodeChoiceBlock(block *hcl.Block) (*Choice, []reference, hcl.Diagnostics) {
	c := &Choice{ID: block.Labels[0], Options: []string{}, DeclRange: block.DefRange, Ranges: Ranges{}}
	content, diags := block.Body.Content(choiceSchema)
	r := newAttrReader(d.scope, choiceSchema, content.Attributes, c.Ranges, "")
	if x, ok := r.str("title"); ok {
		c.Title = x
	}
	before := len(r.diags)
	opts := r.referenceList("options", "project")
	listOK := len(r.diags) == before
	seen := map[string]bool{}
	var refs []reference
	for _, ref := range opts {
		if seen[ref.ID] {
			r.diags = append(r.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Duplicate option",
				Detail:   fmt.Sprintf("Project %q is listed twice in the options of choice %q.", ref.ID, c.ID),
				Subject:  ref.Subject.Ptr(),
				Context:  ref.Context.Ptr(),
			})
			continue
		}
		seen[ref.ID] = true
		c.Options = append(c.Options, ref.ID)
		c.Ranges["options."+ref.ID] = ref.Subject
		refs = append(refs, ref)
	}
	if a, ok := r.attrs["options"]; ok && len(opts) < 2 && listOK {
		r.diags = append(r.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Choice with fewer than two options",
			Detail:   fmt.Sprintf("Choice %q decides between projects and needs at least two options, such as options = [project.build_crm, project.buy_crm].", c.ID),
			Subject:  a.Expr.Range().Ptr(),
			Context:  a.Range.Ptr(),
		})
	}
	return c, refs, append(diags, r.diags...)
}
