package evaluate

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// evaluateChecks evaluates every check block, in declaration order, in a
// context holding var.*, local.*, the language's functions and plan.*. A
// condition that cannot be evaluated is a diagnostic, and its check is
// reported as not passed. Checks that read simulation.* are left to
// roadmap simulate (EvaluateChecks).
func (e *evaluation) evaluateChecks(plan *Plan) []CheckResult {
	return e.checksWith(plan, nil)
}

// EvaluateChecks evaluates cfg's check blocks against plan, as plan does,
// with more root variables in scope: roadmap simulate passes
// "simulation", and the checks that read it are evaluated too (they are
// skipped without it).
func EvaluateChecks(cfg *hclspec.Config, plan *Plan, extra map[string]cty.Value) ([]CheckResult, hcl.Diagnostics) {
	e := &evaluation{cfg: cfg, roadmap: cfg.Roadmap}
	results := e.checksWith(plan, extra)
	hclspec.ExplainUnknownFunctions(e.diags)
	return results, e.diags
}

func (e *evaluation) checksWith(plan *Plan, extra map[string]cty.Value) []CheckResult {
	results := make([]CheckResult, 0, len(e.cfg.Checks))
	if len(e.cfg.Checks) == 0 {
		return results
	}
	roots := map[string]cty.Value{"plan": planValue(plan, e.planParts())}
	for name, v := range extra {
		roots[name] = v
	}
	ctx, meter := e.cfg.MeteredEvalContext(roots)
	e.checkMeter = meter
	projectIDs := make([]string, 0, len(plan.Projects))
	for _, pp := range plan.Projects {
		projectIDs = append(projectIDs, pp.ID)
	}
	sort.Strings(projectIDs)
	_, simulated := extra["simulation"]
	for _, c := range e.cfg.Checks {
		if c.Simulation && !simulated {
			continue
		}
		res := CheckResult{ID: c.ID, Severity: c.Severity, Range: sourceRange(c.DeclRange)}
		if res.Severity == "" {
			res.Severity = "error"
		}
		if c.Condition == nil {
			res.Message = "check has no condition"
			e.diags = append(e.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Check without condition", Detail: fmt.Sprintf("Check %q has no condition.", c.ID), Subject: c.DeclRange.Ptr()})
			results = append(results, res)
			continue
		}
		res.Range = sourceRange(c.Condition.Range())
		if diags := unknownProjectRefs(c.Condition, projectIDs); diags.HasErrors() {
			// Said here, by name, rather than as HCL's "Invalid index".
			e.diags = append(e.diags, diags...)
			res.Message = "condition could not be evaluated: " + diags[0].Summary
			results = append(results, res)
			continue
		}
		passed, diags := evaluateCondition(meter, c.Condition, ctx)
		e.diags = append(e.diags, diags...)
		if diags.HasErrors() {
			res.Message = "condition could not be evaluated: " + diags[0].Summary
			results = append(results, res)
			continue
		}
		res.Passed = passed
		if !passed {
			res.Message = e.checkMessage(c.ID, c.ErrorMessage, ctx, projectIDs)
		}
		results = append(results, res)
	}
	return results
}

// CheckReferences reports, without planning, each literal
// plan.projects["id"] in a check's condition or error_message that names
// no project of cfg: what roadmap plan would stop on, so validate says it
// first.
func CheckReferences(cfg *hclspec.Config) hcl.Diagnostics {
	if cfg == nil {
		return nil
	}
	ids := make([]string, 0, len(cfg.Projects))
	for _, p := range cfg.Projects {
		ids = append(ids, p.ID)
	}
	sort.Strings(ids)
	var diags hcl.Diagnostics
	for _, c := range cfg.Checks {
		for _, expr := range []hcl.Expression{c.Condition, c.ErrorMessage} {
			if expr != nil {
				diags = append(diags, unknownProjectRefs(expr, ids)...)
			}
		}
	}
	return diags
}

// unknownProjectRefs reports each plan.projects["id"] (or plan.projects.id,
// or the same under simulation) in expr whose id is not a project of the
// plan, suggesting the nearest id. ids is sorted. Indexes computed at run
// time are left to HCL.
func unknownProjectRefs(expr hcl.Expression, ids []string) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, tr := range expr.Variables() {
		if len(tr) < 3 || (tr.RootName() != "plan" && tr.RootName() != "simulation") || traversalStepName(tr[1]) != "projects" {
			continue
		}
		id := traversalStepName(tr[2])
		if id == "" {
			continue
		}
		if _, found := sort.Find(len(ids), func(i int) int { return strings.Compare(id, ids[i]) }); found {
			continue
		}
		detail := fmt.Sprintf("There is no project %q in the plan.", id)
		if near := hclspec.Nearest(id, ids); near != "" {
			detail += fmt.Sprintf(" Did you mean %q?", near)
		}
		subject := tr[:3].SourceRange()
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Unknown project",
			Detail:   detail,
			Subject:  &subject,
			Context:  expr.Range().Ptr(),
		})
	}
	return diags
}

// traversalStepName is the name an attribute step or a literal string
// index selects, or "".
func traversalStepName(step hcl.Traverser) string {
	switch s := step.(type) {
	case hcl.TraverseAttr:
		return s.Name
	case hcl.TraverseIndex:
		if s.Key.IsKnown() && !s.Key.IsNull() && s.Key.Type() == cty.String {
			return s.Key.AsString()
		}
	}
	return ""
}

// evaluateCondition evaluates a check condition to a known bool.
func evaluateCondition(m *hclspec.Meter, expr hcl.Expression, ctx *hcl.EvalContext) (bool, hcl.Diagnostics) {
	val, diags := m.Eval(expr, ctx)
	if diags.HasErrors() {
		return false, diags
	}
	bad := func(detail string) (bool, hcl.Diagnostics) {
		return false, diags.Append(&hcl.Diagnostic{
			Severity:    hcl.DiagError,
			Summary:     "Invalid check condition",
			Detail:      detail,
			Subject:     expr.Range().Ptr(),
			Expression:  expr,
			EvalContext: ctx,
		})
	}
	if val.IsNull() {
		return bad("The condition is null; it must be true or false.")
	}
	if !val.IsWhollyKnown() {
		return bad("The condition's value is not known.")
	}
	b, err := convert.Convert(val, cty.Bool)
	if err != nil {
		return bad(fmt.Sprintf("The condition must be true or false, not %s.", val.Type().FriendlyName()))
	}
	return b.True(), diags
}

// checkMessage is a failing check's error_message, or a default.
func (e *evaluation) checkMessage(id string, expr hcl.Expression, ctx *hcl.EvalContext, projectIDs []string) string {
	def := fmt.Sprintf("check %q failed", id)
	if expr == nil {
		return def
	}
	if diags := unknownProjectRefs(expr, projectIDs); diags.HasErrors() {
		e.diags = append(e.diags, diags...)
		return def
	}
	val, diags := e.checkMeter.Eval(expr, ctx)
	if !diags.HasErrors() && !val.IsNull() && val.IsWhollyKnown() {
		if s, err := convert.Convert(val, cty.String); err == nil {
			if s.AsString() == "" {
				return def
			}
			return s.AsString()
		}
	}
	e.diags = append(e.diags, diags...)
	if !diags.HasErrors() {
		e.diags = append(e.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid error_message",
			Detail:   fmt.Sprintf("Check %q's error_message must be a known string.", id),
			Subject:  expr.Range().Ptr(),
		})
	}
	return def
}

var (
	teamLoadType    = cty.Object(map[string]cty.Type{"capacity": cty.Number, "used": cty.Number})
	budgetSpendType = cty.Object(map[string]cty.Type{"limit": cty.Number, "spent": cty.Number, "window": cty.String, "window_spent": cty.Number})
)

// planParts lists the attributes of plan the checks refer to, so a large
// portfolio's projects and periods are turned into cty values only when a
// check looks at them. nil means every part (a dynamic index such as
// plan[local.part]).
func (e *evaluation) planParts() map[string]bool {
	parts := map[string]bool{}
	for _, c := range e.cfg.Checks {
		for _, expr := range []hcl.Expression{c.Condition, c.ErrorMessage} {
			if expr == nil {
				continue
			}
			for _, tr := range expr.Variables() {
				if tr.RootName() != "plan" {
					continue
				}
				if len(tr) < 2 {
					return nil
				}
				switch step := tr[1].(type) {
				case hcl.TraverseAttr:
					parts[step.Name] = true
				case hcl.TraverseIndex:
					if step.Key.Type() != cty.String || !step.Key.IsKnown() || step.Key.IsNull() {
						return nil
					}
					parts[step.Key.AsString()] = true
				default:
					return nil
				}
			}
		}
	}
	return parts
}

// planValue is the plan as checks see it: plan.roadmap, plan.projects (a
// map by id), plan.periods (a list by index), plan.vendors (a map by
// evaluation id), plan.totals, plan.run_rate, plan.systems (the technology
// audit, a map by system id) and plan.choices (a map by choice id), with
// the JSON plan's field names. Only
// the parts named in parts are built (all of them when parts is nil).
func planValue(p *Plan, parts map[string]bool) cty.Value {
	want := func(name string) bool { return parts == nil || parts[name] }
	attrs := map[string]cty.Value{}
	if want("projects") {
		projects := map[string]cty.Value{}
		for _, pp := range p.Projects {
			projects[pp.ID] = projectValue(pp)
		}
		attrs["projects"] = mapOf(projects, projectType)
	}
	if want("periods") {
		attrs["periods"] = periodsValue(p.Periods)
	}
	if want("vendors") {
		attrs["vendors"] = vendorsValue(p.Vendors)
	}
	if want("roadmap") {
		attrs["roadmap"] = roadmapValue(p.Roadmap)
	}
	if want("totals") {
		attrs["totals"] = totalsValue(p.Totals)
	}
	if want("earned_value") {
		attrs["earned_value"] = portfolioEarnedValueValue(p.EarnedValue)
	}
	if want("run_rate") {
		attrs["run_rate"] = runRateValue(p.RunRate)
	}
	if want("systems") {
		systems := make(map[string]cty.Value, len(p.Systems))
		for _, a := range p.Systems {
			systems[a.ID] = systemValue(a)
		}
		attrs["systems"] = mapOf(systems, systemType)
	}
	if want("choices") {
		choices := make(map[string]cty.Value, len(p.Choices))
		for _, c := range p.Choices {
			choices[c.ID] = choiceValue(c)
		}
		attrs["choices"] = mapOf(choices, choiceType)
	}
	return cty.ObjectVal(attrs)
}

var (
	systemType = cty.Object(map[string]cty.Type{
		"id": cty.String, "title": cty.String, "owner": cty.String, "vendor": cty.String, "provides": cty.List(cty.String),
		"end_of_support": cty.String, "end_of_support_period": cty.Number, "replaced_by": cty.List(cty.String),
		"replacement": cty.String, "go_live": cty.String, "go_live_period": cty.Number, "gap": cty.String,
		"gap_periods": cty.Number, "run_cost_per_year": cty.Number, "risk": cty.Number, "message": cty.String,
	})
	choiceType = cty.Object(map[string]cty.Type{
		"id": cty.String, "title": cty.String, "options": cty.List(cty.String), "chosen": cty.String,
		"decided_by": cty.String, "reason": cty.String,
	})
)

// systemValue is plan.systems["<id>"]: a system of the technology audit,
// with the JSON plan's field names.
func systemValue(a SystemAudit) cty.Value {
	return cty.ObjectVal(map[string]cty.Value{
		"id":                    cty.StringVal(a.ID),
		"title":                 cty.StringVal(a.Title),
		"owner":                 cty.StringVal(a.Owner),
		"vendor":                cty.StringVal(a.Vendor),
		"provides":              stringList(a.Provides),
		"end_of_support":        optString(a.EndOfSupport),
		"end_of_support_period": optInt(a.EndOfSupportPeriod),
		"replaced_by":           stringList(a.ReplacedBy),
		"replacement":           optString(a.Replacement),
		"go_live":               optString(a.GoLive),
		"go_live_period":        optInt(a.GoLivePeriod),
		"gap":                   cty.StringVal(a.Gap),
		"gap_periods":           cty.NumberIntVal(int64(a.GapPeriods)),
		"run_cost_per_year":     num(a.RunCostPerYear),
		"risk":                  num(a.Risk),
		"message":               cty.StringVal(a.Message),
	})
}

// choiceValue is plan.choices["<id>"]: a choice block and the option it
// took (chosen is null when none runs).
func choiceValue(c ChoiceResult) cty.Value {
	return cty.ObjectVal(map[string]cty.Value{
		"id":         cty.StringVal(c.ID),
		"title":      cty.StringVal(c.Title),
		"options":    stringList(c.Options),
		"chosen":     optString(c.Chosen),
		"decided_by": cty.StringVal(c.DecidedBy),
		"reason":     cty.StringVal(c.Reason),
	})
}

// runRateValue is plan.run_rate: the rates a year, per_budget (budget id
// to run cost a year; "" for run costs no opex budget pays) and years
// (budget year label to the net run cost paid in it).
func runRateValue(r RunRate) cty.Value {
	budgets := map[string]cty.Value{}
	for _, b := range r.Budgets {
		budgets[b.Budget] = num(b.PerYear)
	}
	years := map[string]cty.Value{}
	for _, y := range r.Years {
		years[y.Year] = num(y.Net)
	}
	return cty.ObjectVal(map[string]cty.Value{
		"added_per_year":   num(r.AddedPerYear),
		"retired_per_year": num(r.RetiredPerYear),
		"net_per_year":     num(r.NetPerYear),
		"per_budget":       mapOf(budgets, cty.Number),
		"years":            mapOf(years, cty.Number),
	})
}

func periodsValue(ps []PeriodPlan) cty.Value {
	periods := make([]cty.Value, 0, len(ps))
	for _, pr := range ps {
		teams := map[string]cty.Value{}
		for id, l := range pr.Teams {
			teams[id] = cty.ObjectVal(map[string]cty.Value{"capacity": num(l.Capacity), "used": num(l.Used)})
		}
		budgets := map[string]cty.Value{}
		for id, b := range pr.Budgets {
			budgets[id] = cty.ObjectVal(map[string]cty.Value{"limit": num(b.Limit), "spent": num(b.Spent), "window": cty.StringVal(b.Window), "window_spent": num(b.WindowSpent)})
		}
		periods = append(periods, cty.ObjectVal(map[string]cty.Value{
			"index":   cty.NumberIntVal(int64(pr.Index)),
			"label":   cty.StringVal(pr.Label),
			"active":  stringList(pr.Active),
			"teams":   mapOf(teams, teamLoadType),
			"budgets": mapOf(budgets, budgetSpendType),
		}))
	}
	return listOf(periods, periodType)
}

func vendorsValue(vs []VendorResult) cty.Value {
	vendors := map[string]cty.Value{}
	for _, v := range vs {
		cands := make([]cty.Value, 0, len(v.Candidates))
		for _, c := range v.Candidates {
			cands = append(cands, cty.ObjectVal(map[string]cty.Value{
				"vendor":   cty.StringVal(c.Vendor),
				"score":    num(c.Score),
				"tco":      num(c.TCO),
				"eligible": cty.BoolVal(c.Eligible),
			}))
		}
		vendors[v.Evaluation] = cty.ObjectVal(map[string]cty.Value{
			"winner":     optString(v.Winner),
			"candidates": listOf(cands, candidateType),
		})
	}
	return mapOf(vendors, vendorType)
}

func roadmapValue(r RoadmapInfo) cty.Value {
	return cty.ObjectVal(map[string]cty.Value{
		"name":          cty.StringVal(r.Name),
		"currency":      cty.StringVal(r.Currency),
		"start":         cty.StringVal(r.Start),
		"period":        cty.StringVal(r.Period),
		"horizon":       cty.NumberIntVal(int64(r.Horizon)),
		"strategy":      cty.StringVal(r.Strategy),
		"discount_rate": num(r.DiscountRate),
		"risk_appetite": num(r.RiskAppetite),
		"max_parallel":  cty.NumberIntVal(int64(r.MaxParallel)),
		"flagship":      optString(r.Flagship),
		"objective":     cty.StringVal(r.Objective),
		"as_of":         optString(r.AsOf),
		"as_of_period":  optInt(r.AsOfPeriod),
	})
}

func totalsValue(t Totals) cty.Value {
	return cty.ObjectVal(map[string]cty.Value{
		"scheduled":            cty.NumberIntVal(int64(t.Scheduled)),
		"deferred":             cty.NumberIntVal(int64(t.Deferred)),
		"dropped":              cty.NumberIntVal(int64(t.Dropped)),
		"cost":                 num(t.Cost),
		"benefit":              num(t.Benefit),
		"npv":                  num(t.NPV),
		"risk_adjusted_npv":    num(t.RiskAdjustedNPV),
		"scheduled_npv":        num(t.ScheduledNPV),
		"finish_period":        cty.NumberIntVal(int64(t.FinishPeriod)),
		"peak_parallel":        cty.NumberIntVal(int64(t.PeakParallel)),
		"score":                num(t.Score),
		"deadlines_met":        cty.NumberIntVal(int64(t.DeadlinesMet)),
		"deadlines_missed":     cty.NumberIntVal(int64(t.DeadlinesMissed)),
		"in_progress":          cty.NumberIntVal(int64(t.InProgress)),
		"done":                 cty.NumberIntVal(int64(t.Done)),
		"cancelled":            cty.NumberIntVal(int64(t.Cancelled)),
		"on_hold":              cty.NumberIntVal(int64(t.OnHold)),
		"actual_cost":          num(t.ActualCost),
		"sunk_cost":            num(t.SunkCost),
		"estimate_to_complete": num(t.EstimateToComplete),
	})
}

var (
	candidateType = cty.Object(map[string]cty.Type{"vendor": cty.String, "score": cty.Number, "tco": cty.Number, "eligible": cty.Bool})
	vendorType    = cty.Object(map[string]cty.Type{"winner": cty.String, "candidates": cty.List(candidateType)})
	periodType    = cty.Object(map[string]cty.Type{
		"index": cty.Number, "label": cty.String, "active": cty.List(cty.String),
		"teams": cty.Map(teamLoadType), "budgets": cty.Map(budgetSpendType),
	})
	projectType = cty.Object(map[string]cty.Type{
		"id": cty.String, "title": cty.String, "rank": cty.Number, "status": cty.String, "gate": cty.String,
		"reasons": cty.List(cty.String), "score": cty.Number, "alignment": cty.Number, "risk": cty.Number,
		"start_period": cty.Number, "end_period": cty.Number, "start": cty.String, "end": cty.String,
		"cost": cty.Number, "benefit": cty.Number, "npv": cty.Number, "risk_adjusted_npv": cty.Number,
		"scheduled_npv": cty.Number, "roi": cty.Number, "irr": cty.Number, "payback_periods": cty.Number,
		"duration": cty.Number, "mandatory": cty.Bool, "depends_on": cty.List(cty.String),
		"goals": cty.Map(cty.Number), "effort": cty.Map(cty.Number), "funding": cty.String,
		"funding_shares": cty.Map(cty.Number), "value_score": cty.Number, "expected_loss": cty.Number,
		"flagship": cty.Bool,
		"vendor":   cty.String, "deadline": cty.String,
		"earliest_start": cty.String, "earliest_start_period": cty.Number,
		"notes":    cty.List(noteType),
		"excluded": cty.Bool, "forced": cty.String, "choice": cty.String, "together": cty.List(cty.String),
		"replaces": cty.List(cty.String), "saving": cty.Number, "shared_saving": cty.Number, "together_count": cty.Number,
	})
	periodRangeType = cty.Object(map[string]cty.Type{"start_period": cty.Number, "end_period": cty.Number, "start": cty.String, "end": cty.String})
	noteType        = cty.Object(map[string]cty.Type{
		"kind": cty.String, "id": cty.String, "periods": cty.List(periodRangeType), "windows": cty.List(cty.String),
		"held_by": cty.List(cty.String), "ahead_of": cty.List(cty.String), "message": cty.String,
	})
)

func notesValue(notes []Note) cty.Value {
	vals := make([]cty.Value, 0, len(notes))
	for _, n := range notes {
		periods := make([]cty.Value, 0, len(n.Periods))
		for _, r := range n.Periods {
			periods = append(periods, cty.ObjectVal(map[string]cty.Value{
				"start_period": cty.NumberIntVal(int64(r.StartPeriod)), "end_period": cty.NumberIntVal(int64(r.EndPeriod)),
				"start": cty.StringVal(r.Start), "end": cty.StringVal(r.End),
			}))
		}
		vals = append(vals, cty.ObjectVal(map[string]cty.Value{
			"kind": cty.StringVal(n.Kind), "id": cty.StringVal(n.ID), "periods": listOf(periods, periodRangeType),
			"windows": stringList(n.Windows), "held_by": stringList(n.HeldBy), "ahead_of": stringList(n.AheadOf),
			"message": cty.StringVal(n.Message),
		}))
	}
	return listOf(vals, noteType)
}

func projectValue(pp ProjectPlan) cty.Value {
	goals := map[string]cty.Value{}
	for k, v := range pp.Goals {
		goals[k] = num(v)
	}
	effort := map[string]cty.Value{}
	for k, v := range pp.Effort {
		effort[k] = num(v)
	}
	shares := map[string]cty.Value{}
	for k, v := range pp.FundingShares {
		shares[k] = num(v)
	}
	return cty.ObjectVal(map[string]cty.Value{
		"id":                    cty.StringVal(pp.ID),
		"title":                 cty.StringVal(pp.Title),
		"rank":                  cty.NumberIntVal(int64(pp.Rank)),
		"status":                cty.StringVal(pp.Status),
		"gate":                  cty.StringVal(pp.Gate),
		"reasons":               stringList(pp.Reasons),
		"score":                 num(pp.Score),
		"alignment":             num(pp.Alignment),
		"risk":                  num(pp.Risk),
		"start_period":          optInt(pp.StartPeriod),
		"end_period":            optInt(pp.EndPeriod),
		"start":                 optString(pp.Start),
		"end":                   optString(pp.End),
		"cost":                  num(pp.Cost),
		"benefit":               num(pp.Benefit),
		"npv":                   num(pp.NPV),
		"risk_adjusted_npv":     num(pp.RiskAdjustedNPV),
		"scheduled_npv":         optNum(pp.ScheduledNPV),
		"roi":                   optNum(pp.ROI),
		"irr":                   optNum(pp.IRR),
		"payback_periods":       optNum(pp.PaybackPeriods),
		"duration":              cty.NumberIntVal(int64(pp.Duration)),
		"mandatory":             cty.BoolVal(pp.Mandatory),
		"depends_on":            stringList(pp.DependsOn),
		"goals":                 mapOf(goals, cty.Number),
		"effort":                mapOf(effort, cty.Number),
		"funding":               cty.StringVal(pp.Funding),
		"funding_shares":        mapOf(shares, cty.Number),
		"value_score":           num(pp.ValueScore),
		"expected_loss":         num(pp.ExpectedLoss),
		"flagship":              cty.BoolVal(pp.Flagship),
		"vendor":                cty.StringVal(pp.Vendor),
		"deadline":              optString(pp.Deadline),
		"earliest_start":        optString(pp.EarliestStart),
		"earliest_start_period": optInt(pp.EarliestStartPeriod),
		"notes":                 notesValue(pp.Notes),
		"lifecycle":             cty.StringVal(pp.Lifecycle),
		"started":               optString(pp.Started),
		"finished":              optString(pp.Finished),
		"progress":              progressValue(pp.Progress),
		"earned_value":          earnedValueValue(pp.EarnedValue),
		"cpi":                   optNum(evField(pp.EarnedValue, func(ev *EarnedValue) *float64 { return ev.CPI })),
		"spi":                   optNum(evField(pp.EarnedValue, func(ev *EarnedValue) *float64 { return ev.SPI })),
		"excluded":              cty.BoolVal(pp.Excluded),
		"forced":                cty.StringVal(pp.Forced),
		"choice":                cty.StringVal(pp.Choice),
		"together":              stringList(pp.Together),
		"together_count":        cty.NumberIntVal(int64(pp.TogetherCount)),
		"replaces":              stringList(pp.Replaces),
		"saving":                num(pp.Saving),
		"shared_saving":         num(pp.SharedSaving),
	})
}

var earnedValueType = cty.Object(map[string]cty.Type{
	"baseline": cty.String, "message": cty.String, "counted": cty.Bool,
	"planned_start": cty.String, "planned_end": cty.String, "percent_complete": cty.Number,
	"bac": cty.Number, "pv": cty.Number, "ev": cty.Number, "ac": cty.Number, "cv": cty.Number, "sv": cty.Number,
	"cpi": cty.Number, "spi": cty.Number, "eac": cty.Number, "vac": cty.Number,
	"forecast_end": cty.String, "reasons": cty.Map(cty.String),
})

// earnedValueValue is a project's earned value for checks; null without
// a baseline.
func earnedValueValue(ev *EarnedValue) cty.Value {
	if ev == nil {
		return cty.NullVal(earnedValueType)
	}
	return cty.ObjectVal(map[string]cty.Value{
		"baseline": cty.StringVal(ev.Baseline), "message": cty.StringVal(ev.Message), "counted": cty.BoolVal(ev.Counted),
		"planned_start": optString(ev.PlannedStart), "planned_end": optString(ev.PlannedEnd),
		"percent_complete": optNum(ev.PercentComplete),
		"bac":              optNum(ev.BAC), "pv": optNum(ev.PV), "ev": optNum(ev.EV), "ac": num(ev.AC),
		"cv": optNum(ev.CV), "sv": optNum(ev.SV), "cpi": optNum(ev.CPI), "spi": optNum(ev.SPI),
		"eac": optNum(ev.EAC), "vac": optNum(ev.VAC), "forecast_end": optString(ev.ForecastEnd),
		"reasons": stringMap(ev.Reasons),
	})
}

// evField is a figure of ev, nil without earned value.
func evField(ev *EarnedValue, f func(*EarnedValue) *float64) *float64 {
	if ev == nil {
		return nil
	}
	return f(ev)
}

var portfolioEarnedValueType = cty.Object(map[string]cty.Type{
	"status_date": cty.String, "status_period": cty.Number,
	"bac": cty.Number, "pv": cty.Number, "ev": cty.Number, "ac": cty.Number, "cv": cty.Number, "sv": cty.Number,
	"cpi": cty.Number, "spi": cty.Number, "eac": cty.Number, "vac": cty.Number,
	"planned_end": cty.String, "forecast_end": cty.String, "reasons": cty.Map(cty.String),
	"counted": cty.List(cty.String), "not_counted": cty.List(cty.String),
})

// portfolioEarnedValueValue is the plan's earned value for checks
// (plan.earned_value); null without a baseline.
func portfolioEarnedValueValue(ev *EarnedValuePlan) cty.Value {
	if ev == nil {
		return cty.NullVal(portfolioEarnedValueType)
	}
	return cty.ObjectVal(map[string]cty.Value{
		"status_date": cty.StringVal(ev.StatusDate), "status_period": cty.NumberIntVal(int64(ev.StatusPeriod)),
		"bac": num(ev.BAC), "pv": num(ev.PV), "ev": num(ev.EV), "ac": num(ev.AC), "cv": num(ev.CV), "sv": num(ev.SV),
		"cpi": optNum(ev.CPI), "spi": optNum(ev.SPI), "eac": optNum(ev.EAC), "vac": optNum(ev.VAC),
		"planned_end": optString(ev.PlannedEnd), "forecast_end": optString(ev.ForecastEnd),
		"reasons": stringMap(ev.Reasons), "counted": stringList(ev.Counted), "not_counted": stringList(ev.NotCounted),
	})
}

func stringMap(m map[string]string) cty.Value {
	vals := map[string]cty.Value{}
	for k, v := range m {
		vals[k] = cty.StringVal(v)
	}
	return mapOf(vals, cty.String)
}

var progressType = cty.Object(map[string]cty.Type{
	"actual_cost": cty.Number, "percent_complete": cty.Number, "estimate_to_complete": cty.Number,
	"estimate_at_completion": cty.Number, "budget_at_completion": cty.Number, "variance_at_completion": cty.Number,
	"remaining_duration": cty.Number, "planned_end": cty.String, "forecast_end": cty.String, "slip_periods": cty.Number,
})

// progressValue is a project's progress for checks; null when it has none.
func progressValue(p *ProgressPlan) cty.Value {
	if p == nil {
		return cty.NullVal(progressType)
	}
	return cty.ObjectVal(map[string]cty.Value{
		"actual_cost":            num(p.ActualCost),
		"percent_complete":       optNum(p.PercentComplete),
		"estimate_to_complete":   num(p.EstimateToComplete),
		"estimate_at_completion": num(p.EstimateAtCompletion),
		"budget_at_completion":   num(p.BudgetAtCompletion),
		"variance_at_completion": num(p.VarianceAtCompletion),
		"remaining_duration":     cty.NumberIntVal(int64(p.RemainingDuration)),
		"planned_end":            optString(p.PlannedEnd),
		"forecast_end":           optString(p.ForecastEnd),
		"slip_periods":           cty.NumberIntVal(int64(p.SlipPeriods)),
	})
}

func num(x float64) cty.Value { return cty.NumberFloatVal(x) }

func optNum(x *float64) cty.Value {
	if x == nil {
		return cty.NullVal(cty.Number)
	}
	return num(*x)
}

func optInt(x *int) cty.Value {
	if x == nil {
		return cty.NullVal(cty.Number)
	}
	return cty.NumberIntVal(int64(*x))
}

func optString(s *string) cty.Value {
	if s == nil {
		return cty.NullVal(cty.String)
	}
	return cty.StringVal(*s)
}

func stringList(ss []string) cty.Value {
	vals := make([]cty.Value, len(ss))
	for i, s := range ss {
		vals[i] = cty.StringVal(s)
	}
	return listOf(vals, cty.String)
}

func listOf(vals []cty.Value, ty cty.Type) cty.Value {
	if len(vals) == 0 {
		return cty.ListValEmpty(ty)
	}
	return cty.ListVal(vals)
}

func mapOf(m map[string]cty.Value, ty cty.Type) cty.Value {
	if len(m) == 0 {
		return cty.MapValEmpty(ty)
	}
	return cty.MapVal(m)
}
