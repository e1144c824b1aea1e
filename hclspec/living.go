package hclspec

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// The living roadmap: the status date (roadmap { as_of }, --as-of), a
// project's status, started and finished dates and progress block, and
// the budgets' kinds with the run funding of each project.

// statusDate is the roadmap's status date once decoded.
type statusDate struct {
	set    bool
	label  string    // as written
	day    time.Time // its first day
	period int       // first period starting on or after day
	// fromFlag marks a date given with --as-of: its diagnostics have no
	// position in the sources.
	fromFlag bool
	// rejected marks a status date given but invalid (already reported):
	// the projects' statuses then get no follow-up "Status date needed".
	rejected bool
}

// decodeAsOf settles the status date: --as-of (flag) over the roadmap's
// as_of attribute. It must name a day inside the horizon. The first
// period starting on or after it is the first a new project may start
// in; a date inside a period makes that period history too.
func (d *decoder) decodeAsOf(rm *Roadmap, attrs hcl.Attributes, flag string) hcl.Diagnostics {
	rm.AsOfPeriod = -1
	label := flag
	var subject *hcl.Range
	if flag == "" {
		a, ok := attrs["as_of"]
		if !ok {
			return nil
		}
		d.asOf.rejected = true // until it is settled below
		v, diags := d.scope.eval(a.Expr)
		if diags.HasErrors() || !v.IsWhollyKnown() || v.IsNull() {
			return diags
		}
		if v.Type() != cty.String {
			return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Incorrect attribute value type",
				Detail: "\"as_of\" is the status date, a string such as \"2027-Q3\" or \"2027-07-15\".", Subject: a.Expr.Range().Ptr(), Context: a.Range.Ptr()}}
		}
		label = v.AsString()
		subject = a.Expr.Range().Ptr()
	}
	fail := func(summary, detail string) hcl.Diagnostics {
		d.asOf.rejected = true
		if subject == nil {
			detail = "--as-of " + label + ": " + detail
		}
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: subject}}
	}
	from, _, err := ParseDateSpan(label)
	if err != nil {
		return fail("Invalid status date", err.Error()+".")
	}
	if d.calendar == nil {
		d.asOf.rejected = true
		return nil // no calendar: the roadmap's start is already reported
	}
	cal := d.calendar
	idx := cal.IndexOf(from)
	if cal.PeriodDate(idx).Before(from) {
		idx++
	}
	switch {
	case from.Before(cal.Start):
		return fail("Status date before the roadmap starts",
			fmt.Sprintf("The status date %s falls before the roadmap's first period, %s. Move the roadmap's start back to the period whose plan you are revising.", label, cal.Label(0)))
	case idx >= d.horizon:
		return fail("Status date after the horizon",
			fmt.Sprintf("After the status date %s no period of the horizon (%s to %s) is left to plan. Lengthen the horizon or move the start.", label, cal.Label(0), cal.Label(d.horizon-1)))
	}
	rm.AsOf, rm.AsOfPeriod = label, idx
	d.asOf = statusDate{set: true, label: label, day: from, period: idx, fromFlag: subject == nil}
	return nil
}

// decodeStatusDate reads started or finished: a date no later than the
// status date. It returns the index of the period holding its first day
// (started) or its last day (finished), which may be before the roadmap's
// first period.
func (d *decoder) decodeStatusDate(r *attrReader, name string, last bool) (int, bool) {
	s, ok := r.str(name)
	if !ok {
		return 0, false
	}
	from, to, err := ParseDateSpan(s)
	if err != nil {
		r.fail(name, "Invalid date", err.Error()+".")
		return 0, false
	}
	day := from
	if last {
		day = to.AddDate(0, 0, -1)
	}
	// Without a status date checkLifecycle says what is missing, once.
	if d.asOf.set && day.After(d.asOf.day) {
		what := "started"
		if last {
			what = "finished"
		}
		advice := "Use earliest_start for a planned start, or move the status date."
		if last {
			advice = "If it has not finished by then, set status = \"in_progress\" and remove finished, or move the status date."
		}
		r.fail(name, fmt.Sprintf("%s after the status date", strings.ToUpper(what[:1])+what[1:]),
			fmt.Sprintf("%q is %s, after the status date %s: a project cannot have %s in the future. %s", name, s, d.asOf.label, what, advice))
		return 0, true
	}
	if d.calendar == nil {
		return 0, true
	}
	return d.calendar.IndexOf(day), true
}

// decodeLifecycle reads status, started, finished and run_funding;
// statusOK is false when status is given but not a status (its error is
// reported): the lifecycle checks would only guess at what it meant.
func (d *decoder) decodeLifecycle(r *attrReader, p *Project) (refs []reference, statusOK bool) {
	p.Status = Proposed
	statusOK = !r.has("status")
	if v, ok := r.str("status"); ok && r.oneOf("status", "Unknown project status", v, Lifecycles()...) {
		p.Status = Lifecycle(v)
		statusOK = true
	}
	p.Started, p.HasStarted = d.decodeStatusDate(r, "started", false)
	p.Finished, p.HasFinished = d.decodeStatusDate(r, "finished", true)
	if ref, ok := r.singleReference("run_funding", "budget"); ok {
		p.RunFunding = ref.ID
		refs = append(refs, ref)
	}
	return refs, statusOK
}

// decodeProgressBlock reads a project's progress block.
func (d *decoder) decodeProgressBlock(b *hcl.Block, p *Project) ([]reference, hcl.Diagnostics) {
	content, diags := bodyContent(b.Body, progressSchema)
	r := newAttrReader(d.scope, progressSchema, content.Attributes, p.Ranges, "progress.")
	pr := &Progress{DeclRange: b.DefRange}
	if v, ok := r.num("spent"); ok && r.nonNegativeMoney("spent", v) {
		pr.Spent = v
	}
	if v, ok := r.num("percent_complete"); ok && r.between("percent_complete", v, 0, 1, "It is the share of the work done: write 60% as 0.6.") {
		pr.PercentComplete = &v
	}
	if v, ok := r.num("remaining_cost"); ok && r.nonNegativeMoney("remaining_cost", v) {
		pr.RemainingCost = &v
	}
	pr.RemainingDuration = d.decodeRemainingDuration(r)
	var refs []reference
	if entries, a, _ := r.numMap("remaining_effort"); a != nil {
		pr.RemainingEffort = map[string]float64{}
		for _, e := range entries {
			refs = append(refs, reference{Kind: "team", ID: e.Key, Subject: e.KeyRange, Context: a.Range, Attr: "progress.remaining_effort"})
			switch {
			case e.Value < 0:
				r.failAt(a, e.ValueRange, "Negative effort", fmt.Sprintf("Effort is FTE per period and must be zero or more; %q is %s.", e.Key, formatNumber(e.Value)))
			case belowFTEResolution(e.Value):
				r.failAt(a, e.ValueRange, "Effort below the FTE resolution", fteResolutionDetail(fmt.Sprintf("The remaining effort for %q", e.Key), e.Value))
			default:
				pr.RemainingEffort[e.Key] = e.Value
				p.Ranges["progress.remaining_effort."+e.Key] = e.KeyRange
			}
		}
	}
	p.Progress = pr
	return refs, append(diags, r.diags...)
}

// decodeRemainingDuration reads remaining_duration: whole periods, or a
// string such as "6 months", at least one period. 0 when unset.
func (d *decoder) decodeRemainingDuration(r *attrReader) int {
	const name = "remaining_duration"
	v, a, ok := r.value(name)
	if !ok {
		return 0
	}
	if IsEstimate(v) {
		r.failAt(a, a.Expr.Range(), "Invalid remaining duration", "\"progress.remaining_duration\" is a forecast the plan keeps as it is: a number of periods or a string such as \"6 months\", not a range.")
		return 0
	}
	return d.periodCount(r, a, name, v, "\"progress.remaining_duration\" is the periods still needed and must be at least 1; got %s. A project with nothing left to do is done: set status = \"done\" and finished.")
}

// checkLifecycle reports what a project's status, dates and progress
// say together that cannot be: a proposed project that has started, a
// done one without a finish date, progress on work not under way.
func (d *decoder) checkLifecycle(r *attrReader, p *Project) {
	statusAt := p.Ranges.Range("status", p.DeclRange)
	failAt := func(rng hcl.Range, summary, detail string) {
		r.diags = append(r.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: rng.Ptr()})
	}
	attrRange := func(name string) hcl.Range { return p.Ranges.Range(name, statusAt) }
	status := p.Status
	switch status {
	case Proposed, Committed:
		word := map[Lifecycle]string{Proposed: "A proposed", Committed: "A committed"}[status]
		if r.has("started") {
			failAt(attrRange("started"), "Started date on a project not started",
				fmt.Sprintf("%s project has not started: set status = \"in_progress\" (or \"done\") to say it has, or use earliest_start for a planned start.", word))
		}
		if r.has("finished") {
			failAt(attrRange("finished"), "Finished date on a project not started",
				fmt.Sprintf("%s project has not finished: set status = \"done\" to say it has.", word))
		}
		if p.Progress != nil {
			failAt(p.Progress.DeclRange, "Progress on a project not started",
				fmt.Sprintf("%s project has no actuals yet: progress belongs to work under way (status = \"in_progress\"), done, cancelled or on hold.", word))
		}
		return
	}
	if !d.asOf.set {
		if d.asOf.rejected {
			return // the status date's own error says it all
		}
		failAt(statusAt, "Status date needed",
			fmt.Sprintf("Project %q is %s, which the plan can only place against a status date: set roadmap { as_of = \"...\" } or pass --as-of.", p.ID, strings.ReplaceAll(string(status), "_", " ")))
		return
	}
	needsStart := status == InProgress || status == Done
	if needsStart && !p.HasStarted {
		failAt(statusAt, "Missing started date",
			fmt.Sprintf("Project %q is %s: say when it started, such as started = \"2027-Q1\".", p.ID, strings.ReplaceAll(string(status), "_", " ")))
	}
	switch status {
	case Done:
		if !p.HasFinished {
			failAt(statusAt, "Done without finished", fmt.Sprintf("Project %q is done: say when it finished, such as finished = %q, so its go-live and its run costs fall in the right periods.", p.ID, d.asOf.label))
		}
	case InProgress, OnHold:
		if r.has("finished") {
			failAt(attrRange("finished"), "Finished date on unfinished work",
				fmt.Sprintf("Project %q is %s and has not finished: set status = \"done\" to say it has, or remove finished.", p.ID, strings.ReplaceAll(string(status), "_", " ")))
		}
	}
	if p.HasStarted && p.HasFinished && p.Finished < p.Started {
		failAt(attrRange("finished"), "Finished before started", fmt.Sprintf("Project %q finished before it started.", p.ID))
	}
	pr := p.Progress
	if pr == nil {
		if status == InProgress {
			r.diags = append(r.diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Work under way without progress",
				Detail:  fmt.Sprintf("Project %q is in progress but has no progress block: its actual cost counts as 0 and its forecasts follow the plan. Add progress { spent, percent_complete, ... }.", p.ID),
				Subject: statusAt.Ptr()})
		}
		return
	}
	if pr.Spent > 0 && !p.HasStarted && !r.has("started") {
		failAt(p.Ranges.Range("progress.spent", pr.DeclRange), "Spent without started",
			fmt.Sprintf("Project %q has spent money but no started date: say when it started, so its spend falls in the right budget windows.", p.ID))
	}
	if status == Done || status == Cancelled {
		for _, name := range []string{"remaining_duration", "remaining_effort", "remaining_cost"} {
			if rng, ok := p.Ranges["progress."+name]; ok {
				failAt(rng, "Forecast on finished work",
					fmt.Sprintf("Project %q is %s: nothing remains, so \"progress.%s\" does not apply.", p.ID, status, name))
			}
		}
		if status == Done && pr.PercentComplete != nil && *pr.PercentComplete != 1 {
			failAt(p.Ranges.Range("progress.percent_complete", pr.DeclRange), "Done but not complete",
				fmt.Sprintf("Project %q is done, so it is 100%% complete; percent_complete says %s. Remove it, or set status = \"in_progress\".", p.ID, formatNumber(*pr.PercentComplete)))
		}
	}
	if status == OnHold {
		for _, name := range []string{"remaining_duration", "remaining_effort", "remaining_cost"} {
			if rng, ok := p.Ranges["progress."+name]; ok {
				r.diags = append(r.diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Forecast not used while on hold",
					Detail:  fmt.Sprintf("Project %q is on hold: the plan holds no capacity or money for it, so \"progress.%s\" is not used until it resumes (status = \"in_progress\").", p.ID, name),
					Subject: rng.Ptr()})
			}
		}
	}
	// The work that remains (remaining_duration, else the pace so far:
	// elapsed / percent_complete periods in all) must end where a plan
	// can still name its periods.
	if status != InProgress || !p.HasStarted {
		return
	}
	left, at := float64(pr.RemainingDuration), p.Ranges.Range("progress.remaining_duration", pr.DeclRange)
	if elapsed := d.asOf.period - p.Started; pr.RemainingDuration == 0 && elapsed > 0 && pr.PercentComplete != nil && *pr.PercentComplete > 0 {
		left, at = float64(elapsed) / *pr.PercentComplete - float64(elapsed), p.Ranges.Range("progress.percent_complete", pr.DeclRange)
	}
	if left <= 0 || d.calendar == nil {
		return
	}
	if left > MaxPeriods || d.calendar.PeriodDate(d.asOf.period+int(math.Ceil(left))).After(EndOfDates()) {
		failAt(at, "Work under way runs past the year 9999",
			fmt.Sprintf("Project %q is forecast to need %s more %ss from the status date %s, past the end of %d, the last year a roadmap may plan. Check percent_complete (write 60%% as 0.6) and remaining_duration.",
				p.ID, formatNumber(math.Ceil(left)), d.unit, d.asOf.label, MaxYear))
	}
}

// budgetKindOf is b's kind, capex when unset.
func budgetKindOf(b *Budget) BudgetKind {
	if b.Kind == "" {
		return Capex
	}
	return b.Kind
}

// buildFundingCandidates are the budgets a build may draw on by default:
// the capex budgets, or every budget when none is capex.
func buildFundingCandidates(budgets []*Budget) []*Budget {
	var capex []*Budget
	for _, b := range budgets {
		if budgetKindOf(b) == Capex {
			capex = append(capex, b)
		}
	}
	if len(capex) == 0 {
		return budgets
	}
	return capex
}

// applyRunFunding checks run_funding against the budgets' kinds and gives
// every project with run costs the only opex budget when it names none.
// With two or more opex budgets a project with run costs must name one.
func applyRunFunding(cfg *Config) hcl.Diagnostics {
	var diags hcl.Diagnostics
	budgets := map[string]*Budget{}
	var opex []string
	for _, b := range cfg.Budgets {
		budgets[b.ID] = b
		if budgetKindOf(b) == Opex {
			opex = append(opex, b.ID)
		}
	}
	vendors := map[string]*Vendor{}
	for _, v := range cfg.Vendors {
		vendors[v.ID] = v
	}
	evaluations := map[string]*Evaluation{}
	for _, e := range cfg.Evaluations {
		evaluations[e.ID] = e
	}
	for _, p := range cfg.Projects {
		if p.RunFunding != "" {
			if b, ok := budgets[p.RunFunding]; ok && budgetKindOf(b) != Opex {
				detail := fmt.Sprintf("Run costs and vendors' annual fees are operating spending, but budget %q is %s. Give that budget kind = \"opex\", or name an opex budget", b.ID, budgetKindOf(b))
				if len(opex) > 0 {
					detail += fmt.Sprintf(" such as budget.%s", opex[0])
				}
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Run funding from a capex budget",
					Detail: detail + ".", Subject: p.Ranges.Range("run_funding", p.DeclRange).Ptr()})
			}
			continue
		}
		if len(opex) > 1 && !hasRunCost(p, vendors, evaluations) {
			diags = append(diags, savingNowhere(cfg, p, opex)...)
		}
		if len(opex) == 0 || !hasRunCost(p, vendors, evaluations) {
			continue
		}
		if len(opex) == 1 {
			p.RunFunding = opex[0]
			continue
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Which budget pays the run cost?",
			Detail: fmt.Sprintf("Project %q has run costs after go-live but names no run_funding, and the roadmap has %d opex budgets (%s). Name the one that pays, such as run_funding = budget.%s.",
				p.ID, len(opex), strings.Join(opex, ", "), opex[0]),
			Subject: p.DeclRange.Ptr(),
		})
	}
	return diags
}

// savingNowhere warns when p, with no run costs and no run_funding,
// replaces a system with a run cost in a roadmap with several opex
// budgets: its saving would free the budget paying its run costs, and it
// names none, so the saving frees no budget.
func savingNowhere(cfg *Config, p *Project, opex []string) hcl.Diagnostics {
	if p.Excluded || p.Status == Cancelled || p.Status == OnHold {
		return nil
	}
	for _, s := range cfg.Systems {
		if s.RunCostPerYear <= 0 || !slices.Contains(p.Replaces, s.ID) {
			continue
		}
		return hcl.Diagnostics{{
			Severity: hcl.DiagWarning,
			Summary:  "Which opex budget does the saving free?",
			Detail: fmt.Sprintf("Project %q retires system %q (run cost %s a year) but has no run costs and names no run_funding, and the roadmap has %d opex budgets (%s): the saving frees none of them. Name the one it frees, such as run_funding = budget.%s.",
				p.ID, s.ID, formatNumber(s.RunCostPerYear), len(opex), strings.Join(opex, ", "), opex[0]),
			Subject: p.Ranges.Range("replaces", p.DeclRange).Ptr(),
		}}
	}
	return nil
}

// hasRunCost reports whether p costs anything to run after go-live: its
// cost.per_year, or its vendor's annual fee (for an evaluation, any
// candidate's).
func hasRunCost(p *Project, vendors map[string]*Vendor, evaluations map[string]*Evaluation) bool {
	if p.Cost.PerYear > 0 {
		return true
	}
	for _, e := range p.Estimates {
		if e.Attr == "cost.per_year" && e.Dist.High > 0 {
			return true
		}
	}
	switch p.Vendor.Kind {
	case RefVendor:
		if v, ok := vendors[p.Vendor.ID]; ok && v.Annual > 0 {
			return true
		}
	case RefEvaluation:
		if e, ok := evaluations[p.Vendor.ID]; ok {
			for _, id := range e.Candidates {
				if v, ok := vendors[id]; ok && v.Annual > 0 {
					return true
				}
			}
		}
	}
	return false
}

// checkOutOfSequence warns about work recorded as further along than
// what it depends on (out-of-sequence progress, as schedulers call it):
// a done project depending on one that is not done, or work under way
// depending on one not started. The record stands: the plan keeps such a
// project as history or in its place, never drops it. It warns too when a
// done project is excluded, which takes nothing out of the plan.
func checkOutOfSequence(cfg *Config) hcl.Diagnostics {
	if cfg.Roadmap == nil || cfg.Roadmap.AsOf == "" {
		return nil // statuses other than proposed and committed need a status date, already reported
	}
	byID := make(map[string]*Project, len(cfg.Projects))
	for _, p := range cfg.Projects {
		byID[p.ID] = p
	}
	var diags hcl.Diagnostics
	for _, p := range cfg.Projects {
		if p.Status == Done && p.Excluded {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagWarning,
				Summary:  "Done project excluded",
				Detail: fmt.Sprintf("Project %q is done: it is history, so excluded = true takes nothing out of the plan (its spend to date and run costs stay; as an option it still decides its choice). Remove excluded.",
					p.ID),
				Subject: p.Ranges.Range("excluded", p.DeclRange).Ptr(),
			})
		}
		if p.Status != Done && p.Status != InProgress {
			continue
		}
		for _, id := range p.DependsOn {
			dep, ok := byID[id]
			if !ok || dep == p {
				continue
			}
			summary, what := "Done before what it depends on", "is done"
			switch {
			case p.Status == Done && dep.Status != Done:
			case p.Status == InProgress && (dep.Status == Proposed || dep.Status == Committed || dep.Status == ""):
				summary, what = "Started before what it depends on", "is in progress"
			default:
				continue
			}
			depStatus := dep.Status
			if depStatus == "" {
				depStatus = Proposed
			}
			keeps := "keeps it as history: it is never dropped, and its spend and run costs stay in the plan"
			if p.Status == InProgress {
				keeps = fmt.Sprintf("keeps it in its place from the status date whatever becomes of %q", id)
			}
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagWarning,
				Summary:  summary,
				Detail: fmt.Sprintf("Project %q %s, but it depends on %q, which is %s (%s): by depends_on it could not start before %q ended. The plan %s. If the dependency did not hold, remove it from depends_on; else record where %q stands (its status).",
					p.ID, what, id, depStatus.Words(), dep.Ranges.Range("status", dep.DeclRange), id, keeps, id),
				Subject: p.Ranges.Range("depends_on."+id, p.Ranges.Range("depends_on", p.DeclRange)).Ptr(),
				Context: p.Ranges.Range("depends_on", p.DeclRange).Ptr(),
			})
		}
	}
	return diags
}
