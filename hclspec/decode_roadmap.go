package hclspec

import (
	"fmt"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/roadmap-as-code/roadmap/estimate"
)

// maxHorizon bounds the horizon: 1,000 periods is 19 years of weeks, 83
// of months. Every start tried, budget window and capacity row grows with
// it, so a larger one only let a tiny pull request make planning crawl
// (review qa18: 10,000 months made xlsx quadratic, and each deferred
// project cost 35 ms of CPU).
const maxHorizon = 1000

// MaxHorizon is maxHorizon, for readers of saved plans.
const MaxHorizon = maxHorizon

// isCurrencyCode reports whether s has the form of an ISO 4217 code:
// three capital letters.
func isCurrencyCode(s string) bool {
	return len(s) == 3 && isCapital(s[0]) && isCapital(s[1]) && isCapital(s[2])
}

func isCapital(c byte) bool { return 'A' <= c && c <= 'Z' }

// defaultRoadmap holds the documented defaults.
func defaultRoadmap(name string) *Roadmap {
	return &Roadmap{
		Name:         name,
		Currency:     "USD",
		Period:       Quarter,
		Horizon:      8,
		Strategy:     StrategyValue,
		Estimate:     estimate.Likely,
		RiskAppetite: 1,
		Stack:        []string{},
		Scoring:      Scoring{Alignment: 0.5, Value: 0.3, Safety: 0.2},
		Ranges:       Ranges{},
		Policies:     Policies{Ranges: Ranges{}},
		AsOfPeriod:   -1,
	}
}

// decodeRoadmapBlock decodes the roadmap block. startOK is false when the
// start date is missing or invalid, so no calendar can be built.
func decodeRoadmapBlock(block *hcl.Block, s *scope, defaultName string) (rm *Roadmap, start time.Time, startOK bool, refs []reference, diags hcl.Diagnostics) {
	rm = defaultRoadmap(defaultName)
	rm.DeclRange = block.DefRange
	content, diags := block.Body.Content(roadmapSchema)
	r := newAttrReader(s, roadmapSchema, content.Attributes, rm.Ranges, "")

	if v, ok := r.str("name"); ok {
		rm.Name = v
	}
	if v, ok := r.str("currency"); ok {
		if isCurrencyCode(v) {
			rm.Currency = v
		} else {
			r.fail("currency", "Invalid currency", fmt.Sprintf("\"currency\" must be an ISO 4217 code of three capital letters, such as \"EUR\" or \"USD\"; got %q.", v))
		}
	}
	if v, ok := r.str("period"); ok && r.oneOf("period", "Unknown period unit", v, "week", "month", "quarter", "year") {
		rm.Period = PeriodUnit(v)
	}
	if v, ok := r.str("start"); ok {
		from, _, err := ParseDateSpan(v)
		if err != nil {
			r.fail("start", "Invalid date", err.Error()+".")
		} else {
			rm.Start, start, startOK = v, from, true
		}
	}
	if v, ok := r.integer("horizon", "periods"); ok {
		switch {
		case v < 1:
			r.fail("horizon", "Invalid horizon", fmt.Sprintf("\"horizon\" is the number of periods planned and must be at least 1; got %d.", v))
		case v > maxHorizon:
			r.fail("horizon", "Invalid horizon", fmt.Sprintf("\"horizon\" must be at most %d periods; got %d. Use a longer period (month, quarter, year) for long plans.", maxHorizon, v))
		default:
			rm.Horizon = v
		}
	}
	if startOK {
		// The whole plan, not only its start, stays within the dates a
		// roadmap may name, so every period label parses back.
		if end := NewCalendar(rm.Period, start).PeriodDate(rm.Horizon); end.After(EndOfDates()) {
			name := "horizon"
			if r.attrs[name] == nil {
				name = "start"
			}
			r.fail(name, "Plan runs past the year 9999", fmt.Sprintf("Starting at %s, the %d-%s horizon runs past the end of %d, the last year a roadmap may plan. Shorten the horizon or start earlier.", rm.Start, rm.Horizon, rm.Period, MaxYear))
		}
	}
	if v, ok := r.num("discount_rate"); ok && r.between("discount_rate", v, 0, 1, "It is an annual fraction: write 8% as 0.08.") {
		rm.DiscountRate = v
	}
	if v, ok := r.str("strategy"); ok && r.oneOf("strategy", "Unknown strategy", v, "value", "safety", "calculated_risk") {
		rm.Strategy = Strategy(v)
	}
	if v, ok := r.num("risk_appetite"); ok && r.between("risk_appetite", v, 0, 1, "Projects whose risk score exceeds it fail the risk gate.") {
		rm.RiskAppetite = v
	}
	if v, ok := r.integer("max_parallel", "projects"); ok {
		if v < 1 {
			r.fail("max_parallel", "Value out of range", fmt.Sprintf("\"max_parallel\" is the number of projects that may run at once and must be at least 1; got %d. Leave it out for no limit.", v))
		} else {
			rm.MaxParallel = v
		}
	}
	if v, ok := r.strList("stack"); ok {
		rm.Stack = v
	}
	if v, ok := r.boolean("optimize"); ok {
		rm.Optimize = v
	}
	if v, ok := r.str("objective"); ok && r.oneOf("objective", "Unknown objective", v, Objectives()...) {
		rm.Objective = Objective(v)
	}
	if ref, ok := r.singleReference("flagship", "project"); ok {
		rm.Flagship = ref.ID
		refs = append(refs, ref)
	}
	if v, ok := r.str("estimate"); ok && r.oneOf("estimate", "Unknown estimate", v, estimate.Points()...) {
		rm.Estimate = estimate.Point(v)
	}
	// as_of is read once the calendar is known (decodeAsOf); its range is
	// recorded here like every attribute's.
	diags = append(diags, r.diags...)

	var scoring, policy, hurdle *hcl.Block
	for _, b := range content.Blocks {
		first := &scoring
		switch b.Type {
		case "policy":
			first = &policy
		case "hurdle":
			first = &hurdle
		}
		if *first != nil {
			diags = append(diags, duplicateBlock(b, (*first).DefRange))
			continue
		}
		*first = b
	}
	if scoring != nil {
		diags = append(diags, decodeScoringBlock(scoring, s, rm)...)
	}
	if policy != nil {
		diags = append(diags, decodePolicyBlock(policy, s, rm)...)
	}
	if hurdle != nil {
		diags = append(diags, decodeHurdleBlock(hurdle, s, rm)...)
	}
	return rm, start, startOK, refs, diags
}

func decodeScoringBlock(block *hcl.Block, s *scope, rm *Roadmap) hcl.Diagnostics {
	content, diags := block.Body.Content(scoringSchema)
	r := newAttrReader(s, scoringSchema, content.Attributes, rm.Ranges, "scoring.")
	sc := rm.Scoring
	weights := []struct {
		name string
		dst  *float64
	}{{"alignment", &sc.Alignment}, {"value", &sc.Value}, {"safety", &sc.Safety}}
	// The weights come together or not at all: setting one alone would
	// leave the others at defaults that no longer mean what they say.
	var given, missing []string
	for _, w := range weights {
		if r.has(w.name) {
			given = append(given, w.name)
		} else {
			missing = append(missing, w.name)
		}
	}
	if len(given) > 0 && len(missing) > 0 {
		r.diags = append(r.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Incomplete scoring weights",
			Detail: fmt.Sprintf("The scoring block sets %s but not %s: give all three weights (alignment, value, safety), or none to keep the defaults 0.5, 0.3 and 0.2.",
				quoteList(given), quoteList(missing)),
			Subject: block.DefRange.Ptr(),
		})
	}
	complete := len(missing) == 0
	for _, w := range weights {
		if !r.has(w.name) {
			continue
		}
		v, ok := r.num(w.name)
		if !ok {
			complete = false
			continue
		}
		if v < 0 {
			r.fail(w.name, "Value out of range", fmt.Sprintf("\"scoring.%s\" is a weight and must be zero or more; got %s.", w.name, formatNumber(v)))
			complete = false
			continue
		}
		*w.dst = v
	}
	if complete && sc.Alignment+sc.Value+sc.Safety == 0 {
		r.diags = append(r.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid scoring weights",
			Detail:   "At least one of alignment, value and safety must be above zero, or every project scores the same.",
			Subject:  block.DefRange.Ptr(),
		})
	}
	if complete {
		rm.Scoring.Alignment, rm.Scoring.Value, rm.Scoring.Safety = sc.Alignment, sc.Value, sc.Safety
	}
	if v, ok := r.num("value_scale"); ok {
		if v <= 0 {
			r.fail("value_scale", "Value out of range", fmt.Sprintf("\"scoring.value_scale\" is the risk-adjusted NPV that earns half of the value score and must be above zero; got %s.", formatNumber(v)))
		} else {
			rm.Scoring.ValueScale = v
		}
	}
	return append(diags, r.diags...)
}

func decodePolicyBlock(block *hcl.Block, s *scope, rm *Roadmap) hcl.Diagnostics {
	content, diags := block.Body.Content(policySchema)
	p := &rm.Policies
	p.DeclRange = block.DefRange
	r := newAttrReader(s, policySchema, content.Attributes, rm.Ranges, "policy.")
	for name, a := range content.Attributes {
		p.Ranges[name] = a.Expr.Range()
	}
	if v, ok := r.num("max_team_utilization"); ok && r.between("max_team_utilization", v, 0, 1, "It is a fraction of each team's capacity: 0.9 means 90%.") {
		p.MaxTeamUtilization = v
	}
	if v, ok := r.boolean("replace_before_end_of_support"); ok {
		p.ReplaceBeforeEndOfSupport = v
	}
	if v, ok := r.boolean("require_goal"); ok {
		p.RequireGoal = v
	}
	if v, ok := r.num("max_budget_share"); ok && r.between("max_budget_share", v, 0, 1, "It is a fraction of each budget: 0.95 means 95%.") {
		p.MaxBudgetShare = v
	}
	if v, ok := r.str("deadlines"); ok && r.oneOf("deadlines", "Unknown deadlines severity", v, "warning", "error") {
		p.Deadlines = v
	}
	return append(diags, r.diags...)
}

// decodeHurdleBlock reads the value gate's thresholds. max_payback is a
// number of periods or a duration such as "3 years".
func decodeHurdleBlock(block *hcl.Block, s *scope, rm *Roadmap) hcl.Diagnostics {
	content, diags := block.Body.Content(hurdleSchema)
	h := &Hurdle{DeclRange: block.DefRange}
	r := newAttrReader(s, hurdleSchema, content.Attributes, rm.Ranges, "hurdle.")
	if v, ok := r.num("min_risk_adjusted_npv"); ok {
		h.MinRiskAdjustedNPV = &v
	}
	if v, ok := r.num("min_irr"); ok {
		if v <= -1 {
			r.fail("min_irr", "Value out of range", fmt.Sprintf("\"hurdle.min_irr\" is an annual rate and must be above -1 (-100%%); got %s. Write 8%% as 0.08.", formatNumber(v)))
		} else {
			h.MinIRR = &v
		}
	}
	if v, a, ok := r.value("max_payback"); ok {
		if v.Type() == cty.String && !looksNumeric(v.AsString()) {
			n, err := DurationPeriods(v.AsString(), rm.Period)
			if err != nil {
				r.failAt(a, a.Expr.Range(), "Invalid duration", err.Error()+".")
			} else {
				h.MaxPayback = &n
			}
		} else if n, ok := r.numFrom(a, a.Expr.Range(), v); ok {
			if n < 0 {
				r.fail("max_payback", "Value out of range", fmt.Sprintf("\"hurdle.max_payback\" is a number of periods and must be zero or more; got %s.", formatNumber(n)))
			} else {
				h.MaxPayback = &n
			}
		}
	}
	if len(content.Attributes) == 0 {
		r.diags = append(r.diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Empty hurdle block",
			Detail:   "A hurdle block without min_risk_adjusted_npv, min_irr or max_payback drops nothing; remove it or set a threshold.",
			Subject:  block.DefRange.Ptr(),
		})
	}
	rm.Hurdle = h
	return append(diags, r.diags...)
}

// duplicateBlock reports a second block where only one is allowed.
func duplicateBlock(b *hcl.Block, first hcl.Range) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  fmt.Sprintf("Duplicate %s block", b.Type),
		Detail:   fmt.Sprintf("Only one %s block is allowed here; the first was declared at %s.", b.Type, first.String()),
		Subject:  b.DefRange.Ptr(),
	}
}
