package hclspec

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

func (d *decoder) decodeProjectBlock(block *hcl.Block) (p *Project, refs []reference, diags hcl.Diagnostics) {
	p = &Project{
		ID:            block.Labels[0],
		Goals:         map[string]float64{},
		EndorsedBy:    []string{},
		OpposedBy:     []string{},
		DependsOn:     []string{},
		Requires:      []string{},
		Provides:      []string{},
		Effort:        map[string]float64{},
		Benefit:       Benefit{Years: 5},
		EarliestStart: -1,
		Deadline:      -1,
		DeclRange:     block.DefRange,
	}
	content, diags := bodyContent(block.Body, projectSchema)
	// The ranges and references are collected in the decoder's scratch
	// space, then copied into a map and a list of their size (see
	// projectScratch).
	p.Ranges, refs = d.scratch.start()
	r := newAttrReader(d.scope, projectSchema, content.Attributes, p.Ranges, "")

	if v, ok := r.str("title"); ok {
		p.Title = v
	}
	if entries, a, _ := r.numMap("goals"); a != nil {
		for _, e := range entries {
			refs = append(refs, reference{Kind: "goal", ID: e.Key, Subject: e.KeyRange, Context: a.Range, Attr: "goals"})
			if e.Value < 0 || e.Value > 1 {
				r.failAt(a, e.ValueRange, "Contribution out of range", fmt.Sprintf("A contribution to a goal is a fraction from 0 to 1; %q is %s.", e.Key, formatNumber(e.Value)))
				continue
			}
			p.Goals[e.Key] = e.Value
			p.Ranges["goals."+e.Key] = e.KeyRange
		}
	}
	idsOf := func(attr string, list []reference) []string {
		ids := []string{}
		for _, ref := range list {
			ids = append(ids, ref.ID)
			p.Ranges[attr+"."+ref.ID] = ref.Subject
		}
		return ids
	}
	endorsed := r.referenceList("endorsed_by", "department")
	opposed := r.referenceList("opposed_by", "department")
	depends := r.referenceList("depends_on", "project")
	p.EndorsedBy = idsOf("endorsed_by", endorsed)
	p.OpposedBy = idsOf("opposed_by", opposed)
	p.DependsOn = idsOf("depends_on", depends)
	refs = append(refs, endorsed...)
	refs = append(refs, opposed...)
	refs = append(refs, depends...)
	for _, ref := range depends {
		if ref.ID == p.ID {
			r.diags = append(r.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Project depends on itself",
				Detail:   fmt.Sprintf("Project %q lists itself in depends_on.", p.ID),
				Subject:  ref.Subject.Ptr(),
				Context:  ref.Context.Ptr(),
			})
		}
	}

	if v, ok := r.strList("requires"); ok {
		p.Requires = v
	}
	if v, ok := r.strList("provides"); ok {
		p.Provides = v
	}
	if ref, ok := r.singleReference("vendor", "evaluation", "vendor"); ok {
		p.Vendor = VendorRef{Kind: VendorRefKind(ref.Kind), ID: ref.ID}
		refs = append(refs, ref)
	}
	refs = append(refs, decodeFunding(r, p)...)
	p.Duration = d.decodeDuration(r, "duration", p)

	if entries, a, _ := r.rangedNumMap("effort"); a != nil {
		for _, e := range entries {
			refs = append(refs, reference{Kind: "team", ID: e.Key, Subject: e.KeyRange, Context: a.Range, Attr: "effort"})
			if e.Estimate != cty.NilVal {
				est, point, ok := d.decodeEstimate(r, a, e.ValueRange, "effort."+e.Key, e.Estimate, estimateEffort)
				if ok && belowFTEResolution(point) {
					r.failAt(a, e.ValueRange, "Effort below the FTE resolution", fteResolutionDetail(fmt.Sprintf("The effort the plan takes from this range for %q", e.Key), point))
					continue
				}
				if ok {
					p.Estimates = append(p.Estimates, est)
					p.Effort[e.Key] = point
					p.Ranges["effort."+e.Key] = e.KeyRange
				}
				continue
			}
			if e.Value < 0 {
				r.failAt(a, e.ValueRange, "Negative effort", fmt.Sprintf("Effort is FTE per period and must be zero or more; %q is %s.", e.Key, formatNumber(e.Value)))
				continue
			}
			if belowFTEResolution(e.Value) {
				r.failAt(a, e.ValueRange, "Effort below the FTE resolution", fteResolutionDetail(fmt.Sprintf("The effort for %q", e.Key), e.Value))
				continue
			}
			p.Effort[e.Key] = e.Value
			p.Ranges["effort."+e.Key] = e.KeyRange
		}
	}
	p.EarliestStart = d.decodePeriod(r, "earliest_start", false)
	p.Deadline = d.decodePeriod(r, "deadline", true)
	if p.EarliestStart >= 0 && p.Deadline >= 0 && p.Deadline < p.EarliestStart {
		r.fail("deadline", "Deadline before earliest start",
			fmt.Sprintf("The deadline (%s) falls before the earliest start (%s).", d.calendar.Label(p.Deadline), d.calendar.Label(p.EarliestStart)))
	}
	deadlineWarning := func() {
		if p.Status != Proposed && p.Status != Committed {
			return // work started keeps its place; the plan reports a late forecast
		}
		if p.Deadline < 0 || p.Duration <= 0 || p.Deadline < p.EarliestStart {
			return
		}
		start := max(p.EarliestStart, 0)
		if end := start + p.Duration - 1; end > p.Deadline {
			r.diags = append(r.diags, &hcl.Diagnostic{
				Severity: hcl.DiagWarning,
				Summary:  "Deadline cannot be met",
				Detail: fmt.Sprintf("Started in %s at the earliest and running %d periods, project %q ends in %s, after its deadline %s; it will be deferred.",
					d.calendar.Label(start), p.Duration, p.ID, d.calendar.Label(end), d.calendar.Label(p.Deadline)),
				Subject: r.attrs["deadline"].Expr.Range().Ptr(),
				Context: r.attrs["deadline"].Range.Ptr(),
			})
		}
	}
	if v, ok := r.boolean("mandatory"); ok {
		p.Mandatory = v
	}
	if v, ok := r.boolean("excluded"); ok {
		p.Excluded = v
	}
	replaces := r.referenceList("replaces", "system")
	seenSystem := map[string]bool{}
	replaces = slices.DeleteFunc(replaces, func(ref reference) bool {
		if !seenSystem[ref.ID] {
			seenSystem[ref.ID] = true
			return false
		}
		// Twice would retire it twice: its saving and the run rate doubled.
		r.diags = append(r.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Duplicate system",
			Detail:   fmt.Sprintf("System %q is listed twice in the replaces of project %q; a project retires a system once.", ref.ID, p.ID),
			Subject:  ref.Subject.Ptr(),
			Context:  ref.Context.Ptr(),
		})
		return true
	})
	p.Replaces = idsOf("replaces", replaces)
	refs = append(refs, replaces...)
	together := r.referenceList("together", "project")
	seenPartner := map[string]bool{}
	together = slices.DeleteFunc(together, func(ref reference) bool {
		if !seenPartner[ref.ID] {
			seenPartner[ref.ID] = true
			return false
		}
		r.diags = append(r.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Duplicate project",
			Detail:   fmt.Sprintf("Project %q is listed twice in the together of project %q; list each partner once.", ref.ID, p.ID),
			Subject:  ref.Subject.Ptr(),
			Context:  ref.Context.Ptr(),
		})
		return true
	})
	p.Together = idsOf("together", together)
	refs = append(refs, together...)
	for _, ref := range together {
		if ref.ID == p.ID {
			r.diags = append(r.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Project together with itself",
				Detail:   fmt.Sprintf("Project %q lists itself in together; list the other projects it runs with.", p.ID),
				Subject:  ref.Subject.Ptr(),
				Context:  ref.Context.Ptr(),
			})
		}
	}
	lifeRefs, statusOK := d.decodeLifecycle(r, p)
	refs = append(refs, lifeRefs...)
	deadlineWarning()
	diags = append(diags, r.diags...)
	r.diags = nil

	for i, b := range content.Blocks {
		// A project has a few sub-blocks: the first of a type is found
		// among those before it.
		if first := slices.IndexFunc(content.Blocks[:i], func(c *hcl.Block) bool { return c.Type == b.Type }); first >= 0 {
			diags = append(diags, duplicateBlock(b, content.Blocks[first].DefRange))
			continue
		}
		if b.Type == "progress" {
			rs, d := d.decodeProgressBlock(b, p)
			refs = append(refs, rs...)
			diags = append(diags, d...)
			continue
		}
		diags = append(diags, d.decodeProjectSubBlock(b, p)...)
	}
	if statusOK {
		d.checkLifecycle(r, p)
	}
	diags = append(diags, r.diags...)
	sort.Slice(p.Estimates, func(i, j int) bool { return p.Estimates[i].Attr < p.Estimates[j].Attr })
	p.Ranges, refs = d.scratch.keep(p.Ranges, refs)
	return p, refs, diags
}

// projectScratch is where a project's attribute ranges and references
// are collected while it is decoded, reused from one project to the next.
// Kept, they are copied into a map and a list of exactly their size: a
// map sized by an estimate (or grown) while decoding held about twice the
// memory, and the projects' ranges are the largest part of a large
// roadmap's decoded form (about 20 entries of 80 bytes per project).
type projectScratch struct {
	ranges Ranges
	refs   []reference
}

// start returns the cleared scratch map and list.
func (s *projectScratch) start() (Ranges, []reference) {
	if s.ranges == nil {
		s.ranges = make(Ranges, 64)
	}
	clear(s.ranges)
	return s.ranges, s.refs[:0]
}

// keep returns copies of ranges and refs (the scratch space, filled)
// of their size, and keeps refs' array for the next project.
func (s *projectScratch) keep(ranges Ranges, refs []reference) (Ranges, []reference) {
	kept := make(Ranges, len(ranges))
	for k, v := range ranges {
		kept[k] = v
	}
	s.refs = refs[:0]
	if len(refs) == 0 {
		return kept, nil
	}
	return kept, slices.Clone(refs)
}

func (d *decoder) decodeProjectSubBlock(b *hcl.Block, p *Project) hcl.Diagnostics {
	var schema *hcl.BodySchema
	switch b.Type {
	case "cost":
		schema = costSchema
	case "benefit":
		schema = benefitSchema
	default:
		schema = riskSchema
	}
	content, diags := bodyContent(b.Body, schema)
	r := newAttrReader(d.scope, schema, content.Attributes, p.Ranges, b.Type+".")
	switch b.Type {
	case "cost":
		if v, ok := d.rangedMoney(r, "one_time", p); ok {
			p.Cost.OneTime = v
		}
		if v, ok := d.rangedMoney(r, "per_year", p); ok {
			p.Cost.PerYear = v
		}
	case "benefit":
		if v, ok := d.rangedMoney(r, "per_year", p); ok {
			p.Benefit.PerYear = v
		}
		if v, ok := r.integer("ramp_periods", "periods"); ok {
			if v < 0 {
				r.fail("ramp_periods", "Value out of range", fmt.Sprintf("\"benefit.ramp_periods\" must be zero or more; got %d.", v))
			} else {
				p.Benefit.RampPeriods = v
			}
		}
		if v, ok := r.num("years"); ok {
			if v <= 0 {
				r.fail("years", "Value out of range", fmt.Sprintf("\"benefit.years\" is how many years of benefit count and must be above zero; got %s.", formatNumber(v)))
			} else {
				p.Benefit.Years = v
			}
		}
	case "risk":
		if v, ok := r.num("disruption"); ok && r.probability("disruption", v) {
			p.Risk.Disruption = v
		}
		if v, ok := r.num("security"); ok && r.probability("security", v) {
			p.Risk.Security = v
		}
		if v, ok := r.num("failure"); ok && r.probability("failure", v) {
			p.Risk.Failure = v
		}
		if v, ok := r.num("disruption_cost"); ok && r.nonNegativeMoney("disruption_cost", v) {
			p.Risk.DisruptionCost = v
		}
		if v, ok := r.num("security_cost"); ok && r.nonNegativeMoney("security_cost", v) {
			p.Risk.SecurityCost = v
		}
	}
	return append(diags, r.diags...)
}

// rangedMoney reads an amount of money that may be a range; a range is
// added to p's estimates and its point returned.
func (d *decoder) rangedMoney(r *attrReader, name string, p *Project) (float64, bool) {
	v, a, ok := r.value(name)
	if !ok {
		return 0, false
	}
	if IsEstimate(v) {
		est, point, ok := d.decodeEstimate(r, a, a.Expr.Range(), r.prefix+name, v, estimateMoney)
		if ok {
			p.Estimates = append(p.Estimates, est)
		}
		return point, ok
	}
	f, ok := r.numFrom(a, a.Expr.Range(), v)
	return f, ok && r.nonNegativeMoney(name, f)
}

// fundingShareEps absorbs float noise when shares are summed.
const fundingShareEps = 1e-9

// decodeFunding reads funding = budget.capex, or a split such as
// funding = { capex = 0.7, opex = 0.3 }: shares above 0 and at most 1
// that sum to 1, keyed by budget id.
func decodeFunding(r *attrReader, p *Project) []reference {
	a, ok := r.attrs["funding"]
	if !ok || isNullLiteral(a.Expr) {
		return nil
	}
	// Named, even when invalid: its own diagnostics say what is wrong,
	// not "names no funding".
	p.Ranges["funding"] = a.Expr.Range()
	if _, diags := hcl.ExprMap(a.Expr); diags.HasErrors() {
		ref, ok := r.singleReference("funding", "budget")
		if !ok {
			return nil
		}
		p.Funding = ref.ID
		return []reference{ref}
	}
	entries, _, complete := r.numMap("funding")
	var refs []reference
	split := map[string]float64{}
	total := 0.0
	for _, e := range entries {
		refs = append(refs, reference{Kind: "budget", ID: e.Key, Subject: e.KeyRange, Context: a.Range, Attr: "funding"})
		if e.Value <= 0 || e.Value > 1 {
			r.failAt(a, e.ValueRange, "Funding share out of range",
				fmt.Sprintf("A funding share is the fraction of the build spend a budget pays, above 0 and at most 1; %q is %s.", e.Key, formatNumber(e.Value)))
			complete = false
			continue
		}
		split[e.Key] = e.Value
		total += e.Value
		p.Ranges["funding."+e.Key] = e.KeyRange
	}
	switch {
	case len(entries) == 0:
		r.fail("funding", "Empty funding split", "\"funding\" names the budget that pays, such as budget.capex, or splits the build spend, such as { capex = 0.7, opex = 0.3 }.")
	case complete && math.Abs(total-1) > fundingShareEps:
		r.fail("funding", "Funding shares do not add up",
			fmt.Sprintf("The shares of a funding split must sum to 1, so the budgets pay the whole build spend; these sum to %s.", formatNumber(total)))
	case complete:
		p.FundingSplit = split
	}
	return refs
}

// decodeDuration reads a number of periods, a string such as "9 months",
// or a range of either (added to p's estimates; the point it gives is
// rounded to whole periods by WholePeriods). It returns 0 when the duration is missing
// or invalid.
func (d *decoder) decodeDuration(r *attrReader, name string, p *Project) int {
	v, a, ok := r.value(name)
	if !ok {
		return 0
	}
	if IsEstimate(v) {
		est, point, ok := d.decodeEstimate(r, a, a.Expr.Range(), name, v, estimateDuration)
		if !ok {
			return 0
		}
		p.Estimates = append(p.Estimates, est)
		return WholePeriods(point)
	}
	return d.periodCount(r, a, name, v, "A duration must be at least one period; got %s.")
}

// periodCount reads a plain duration: a string such as "9 months" or a
// whole number of periods from 1 to MaxPeriods. belowOne formats the
// message for a number under one period. It returns 0 when invalid.
func (d *decoder) periodCount(r *attrReader, a *hcl.Attribute, name string, v cty.Value, belowOne string) int {
	if v.Type() == cty.String && !looksNumeric(v.AsString()) {
		n, err := ParseDuration(v.AsString(), d.unit)
		if err != nil {
			r.failAt(a, a.Expr.Range(), "Invalid duration", err.Error()+".")
			return 0
		}
		return n
	}
	f, ok := r.numFrom(a, a.Expr.Range(), v)
	if !ok {
		return 0
	}
	switch {
	case f != math.Trunc(f):
		r.fail(name, "Invalid duration", fmt.Sprintf("A duration given as a number is a whole number of %ss; got %s. Round it, or write a string such as \"10 weeks\".", d.unit, formatNumber(f)))
		return 0
	case f < 1:
		r.fail(name, "Invalid duration", fmt.Sprintf(belowOne, formatNumber(f)))
		return 0
	case f > MaxPeriods:
		r.fail(name, "Invalid duration", fmt.Sprintf("A duration may be at most %d periods; got %s. Check the unit: a number counts %ss.", MaxPeriods, formatNumber(f), d.unit))
		return 0
	}
	return int(f)
}

// decodePeriod reads a date such as "2027-Q2" and returns the index of the
// period holding its first day (or, for a deadline, its last day), or -1.
func (d *decoder) decodePeriod(r *attrReader, name string, last bool) int {
	s, ok := r.str(name)
	if !ok {
		return -1
	}
	if _, _, err := ParseDateSpan(s); err != nil {
		r.fail(name, "Invalid date", err.Error()+".")
		return -1
	}
	if d.calendar == nil {
		return -1
	}
	if last {
		idx, _ := d.calendar.LastPeriod(s)
		if idx < 0 {
			r.fail(name, "Deadline before the roadmap starts",
				fmt.Sprintf("The deadline %s falls before the roadmap's first period, %s.", s, d.calendar.Label(0)))
			return -1
		}
		return idx
	}
	idx, _ := d.calendar.FirstPeriod(s)
	if idx < 0 {
		r.diags = append(r.diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Earliest start before the roadmap starts",
			Detail:   fmt.Sprintf("%s falls before the roadmap's first period, %s, so it does not constrain the project.", s, d.calendar.Label(0)),
			Subject:  r.attrs[name].Expr.Range().Ptr(),
		})
		return 0
	}
	return idx
}

// looksNumeric reports whether s is a plain number such as "3", which
// converts to a number of periods like any HCL string would.
func looksNumeric(s string) bool {
	_, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return err == nil
}
