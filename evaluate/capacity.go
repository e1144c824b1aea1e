package evaluate

import (
	"math"

	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// buildPlan assembles the plan from the evaluated projects: projects in
// rank order, the capacity plan, vendors, totals, the echoes and opt (nil
// in rank order).
func (e *evaluation) buildPlan(opt *Optimization) *Plan {
	rm := e.roadmap
	plan := &Plan{
		FormatVersion: FormatVersion,
		Roadmap: RoadmapInfo{
			Name:         rm.Name,
			Currency:     rm.Currency,
			Start:        e.label(0),
			Period:       string(e.cal.Unit),
			Horizon:      e.horizon,
			Strategy:     string(strategyOrDefault(rm.Strategy)),
			DiscountRate: rm.DiscountRate,
			RiskAppetite: rm.RiskAppetite,
			MaxParallel:  rm.MaxParallel,
			Scoring:      e.scoringInfo(),
		},
		Projects:     make([]ProjectPlan, 0, len(e.ranked)),
		Vendors:      append([]VendorResult{}, e.vendorList...),
		Checks:       []CheckResult{},
		Goals:        make([]GoalInfo, 0, len(e.cfg.Goals)),
		Teams:        make([]TeamInfo, 0, len(e.cfg.Teams)),
		Budgets:      make([]BudgetInfo, 0, len(e.cfg.Budgets)),
		Optimization: opt,
	}
	groups := hclspec.TogetherGroups(e.cfgProjects())
	groupOf := map[string][]string{}
	for _, g := range groups {
		for _, id := range g {
			groupOf[id] = g
		}
	}
	plan.TogetherGroups = groups
	shared := map[*projectEval]*sharedSaving{}
	for _, s := range e.sharedSavings() {
		shared[s.pe] = s
	}
	for _, pe := range e.ranked {
		pp := e.projectPlan(pe)
		pp.Together, pp.TogetherCount = togetherWith(groupOf[pe.cfg.ID], pe.cfg.ID)
		if s := shared[pe]; s != nil {
			pp.SharedSaving, pp.SharedSavingNPV, pp.SharedSavingRiskAdjustedNPV = money(s.benefit), money(s.npv), money(s.rnpv)
			pp.SharedSavingScheduledNPV = money(scheduledNPV(s.npv, pe.fin.PeriodRate, pe.start))
		}
		plan.Projects = append(plan.Projects, pp)
	}
	if e.flagship != nil {
		id := e.flagship.cfg.ID
		plan.Roadmap.Flagship = &id
		plan.Roadmap.FlagshipNamed = e.roadmap.Flagship != ""
	}
	plan.Choices = e.choiceResults(opt)
	plan.Systems = []SystemAudit{} // filled by auditSystems
	if a := e.asOf(); a >= 0 {
		label := rm.AsOf
		plan.Roadmap.AsOf, plan.Roadmap.AsOfPeriod = &label, &a
	}
	plan.Periods = e.periodPlans()
	plan.Totals = e.totals(plan)
	plan.RunRate = e.runRate()
	for _, g := range e.cfg.Goals {
		plan.Goals = append(plan.Goals, GoalInfo{ID: g.ID, Title: g.Title, Weight: g.Weight})
	}
	for _, t := range e.cfg.Teams {
		plan.Teams = append(plan.Teams, TeamInfo{ID: t.ID, Title: t.Title, Capacity: t.Capacity, CostPerFTE: money(t.CostPerFTE), MaxParallel: t.MaxParallel})
	}
	plan.Departments = make([]DepartmentInfo, 0, len(e.cfg.Departments))
	for _, d := range e.cfg.Departments {
		plan.Departments = append(plan.Departments, DepartmentInfo{ID: d.ID, Title: d.Title, Head: d.Head, Needs: append([]string{}, d.Needs...)})
	}
	for _, b := range e.cfg.Budgets {
		plan.Budgets = append(plan.Budgets, BudgetInfo{ID: b.ID, Title: b.Title, Amount: money(b.Amount), Per: string(budgetPer(b)), Kind: budgetKind(b)})
	}
	plan.Scenario = scenarioInfo(e.cfg.Scenario)
	return plan
}

// scenarioInfo echoes sc; nil for none.
func scenarioInfo(sc *hclspec.Scenario) *ScenarioInfo {
	if sc == nil {
		return nil
	}
	info := &ScenarioInfo{Name: sc.ID, Description: sc.Description, Variables: []ScenarioVariable{}}
	for _, sv := range sc.Variables {
		if !sv.Value.IsWhollyKnown() {
			continue // a load with errors never gets here
		}
		data, err := ctyjson.Marshal(sv.Value, sv.Value.Type())
		if err != nil {
			continue
		}
		info.Variables = append(info.Variables, ScenarioVariable{Name: sv.Name, Value: data, Text: sv.Text})
	}
	return info
}

// scoringInfo echoes the weights and the value scale in use.
func (e *evaluation) scoringInfo() ScoringInfo {
	w := scoringWeights(e.roadmap.Scoring)
	return ScoringInfo{
		Alignment:       ratio(w.Alignment),
		Value:           ratio(w.Value),
		Safety:          ratio(w.Safety),
		ValueScale:      money(e.valueScaleAmount),
		ValueScaleBasis: e.valueScaleBasis,
	}
}

func strategyOrDefault(s hclspec.Strategy) hclspec.Strategy {
	if s == "" {
		return hclspec.StrategyValue
	}
	return s
}

// projectPlan is pe's entry in the plan, money rounded to cents and ratios
// to 6 decimals.
func (e *evaluation) projectPlan(pe *projectEval) ProjectPlan {
	p := pe.cfg
	f := &pe.fin
	decl := pe.life.declared
	pp := ProjectPlan{
		ID:              p.ID,
		Title:           p.Title,
		Rank:            pe.rank,
		Status:          pe.status,
		Gate:            pe.gate,
		Reasons:         make([]string, 0, len(pe.findings)),
		Findings:        append([]Finding{}, pe.findings...),
		Notes:           append([]Note{}, pe.notes...),
		Score:           ratio(pe.score),
		Alignment:       ratio(pe.alignment),
		Risk:            ratio(pe.risk),
		ValueScore:      ratio(pe.value),
		Cost:            money(f.Cost),
		Benefit:         money(f.Benefit),
		NPV:             money(f.NPV),
		RiskAdjustedNPV: money(f.RiskAdjustedNPV),
		ExpectedLoss:    money(f.ExpectedLoss),
		ROI:             ratioPtr(f.ROI),
		IRR:             ratioPtr(f.IRR),
		PaybackPeriods:  ratioPtr(f.Payback),
		Duration:        max(p.Duration, 1),
		Mandatory:       p.Mandatory,
		Flagship:        pe == e.flagship,
		Excluded:        p.Excluded,
		Forced:          pe.forced,
		Together:        []string{},
		Replaces:        append([]string{}, p.Replaces...),
		Saving:          money(f.Saving),
		DependsOn:       append([]string{}, p.DependsOn...),
		EndorsedBy:      append([]string{}, p.EndorsedBy...),
		OpposedBy:       append([]string{}, p.OpposedBy...),
		Provides:        append([]string{}, p.Provides...),
		Goals:           map[string]float64{},
		Effort:          map[string]float64{},
		Funding:         p.Funding,
		RunFunding:      p.RunFunding,
		FundingShares:   map[string]float64{},
		CashFlows:       make([]float64, len(f.Flows)),
		Lifecycle:       string(pe.life.lifecycle),
		Progress:        e.progressPlan(pe),
	}
	if decl.HasStarted {
		l := e.label(decl.Started)
		pp.Started = &l
	}
	if decl.HasFinished {
		l := e.label(decl.Finished)
		pp.Finished = &l
	}
	for _, fd := range pe.findings {
		if fd.Severity != SeverityWarning {
			pp.Reasons = append(pp.Reasons, fd.Message)
		}
	}
	for k, v := range p.Goals {
		pp.Goals[k] = v
	}
	for k, v := range p.Effort {
		pp.Effort[k] = v
	}
	for _, sh := range p.FundingShares() {
		pp.FundingShares[sh.Budget] = ratio(sh.Share)
	}
	if c := e.choiceOf(p.ID); c != nil {
		pp.Choice = c.ID
	}
	if pe.vendor != nil {
		pp.Vendor = pe.vendor.ID
	}
	if p.Deadline >= 0 {
		l := e.label(p.Deadline)
		pp.Deadline = &l
	}
	if decl.EarliestStart >= 0 {
		l, i := e.label(decl.EarliestStart), decl.EarliestStart
		pp.EarliestStart, pp.EarliestStartPeriod = &l, &i
	}
	for k, x := range f.Flows {
		pp.CashFlows[k] = money(x)
	}
	e.historyFigures(pe, &pp)
	if pe.status == StatusScheduled {
		start, end := pe.start, pe.start+pp.Duration
		snpv := money(scheduledNPV(f.NPV, f.PeriodRate, start))
		if pe.life.fixed {
			// Work in progress runs from its start (within the horizon)
			// to its forecast end; its figures are the remaining work's.
			start = max(decl.Started, 0)
			pp.Duration = end - start
		}
		startLabel, endLabel := e.label(start), e.label(end-1)
		pp.StartPeriod, pp.EndPeriod = &start, &end
		pp.Start, pp.End = &startLabel, &endLabel
		pp.ScheduledNPV = &snpv
	}
	return pp
}

// periodPlans is the capacity plan: per period, each team's capacity and
// use, each budget's limit and spend, and the projects in flight.
func (e *evaluation) periodPlans() []PeriodPlan {
	periods := make([]PeriodPlan, e.horizon)
	used := make([][]float64, len(e.base.resources))
	for r := range used {
		used[r] = make([]float64, e.horizon)
	}
	spent := make([][]float64, len(e.base.budgets))
	for b := range spent {
		spent[b] = make([]float64, e.horizon)
	}
	for t := range periods {
		periods[t] = PeriodPlan{Index: t, Label: e.label(t), Active: []string{}, Teams: map[string]TeamLoad{}, Budgets: map[string]BudgetSpend{}}
	}
	for _, pe := range e.ranked {
		if pe.status != StatusScheduled {
			continue
		}
		for k := range max(pe.cfg.Duration, 1) {
			t := pe.start + k
			if t >= e.horizon {
				break // work in progress forecast past the horizon (a lifecycle warning)
			}
			periods[t].Active = append(periods[t].Active, pe.cfg.ID)
			for _, id := range pe.teams {
				if r, ok := e.base.teamIndex[id]; ok {
					used[r][t] += pe.cfg.Effort[id]
				}
			}
		}
	}
	e.history(periods)
	e.budgetSpend(spent, func(pe *projectEval) (int, bool) { return pe.start, pe.status == StatusScheduled })
	for r, res := range e.base.resources {
		capacity := e.base.nominalCapacity(r)
		for t := range periods {
			periods[t].Teams[res.ID] = TeamLoad{Capacity: ratio(capacity[t]), Used: ratio(used[r][t])}
		}
	}
	for b, bg := range e.base.budgets {
		window := -1
		windowSpent := 0.0
		for t := range periods {
			if bg.Window[t] != window {
				window, windowSpent = bg.Window[t], 0
			}
			windowSpent += spent[b][t]
			periods[t].Budgets[bg.ID] = BudgetSpend{
				Limit:       money(bg.Limit[window]),
				Spent:       money(spent[b][t]),
				Window:      bg.Labels[window],
				WindowSpent: money(windowSpent),
			}
		}
	}
	return periods
}

// budgetSpend adds to spent (budget x period) what the budgets pay when
// the projects startOf places start there: each one's build
// spend while it runs, then the spend to date before the status date,
// then the run costs of the placed and the done projects from their
// go-live (a placed project's start + duration) on the opex budget paying
// them. The capacity plan reports it for the plan's starts; Run.BudgetSpend
// replays other starts through it.
func (e *evaluation) budgetSpend(spent [][]float64, startOf func(*projectEval) (int, bool)) {
	for _, pe := range e.ranked {
		start, ok := startOf(pe)
		if !ok {
			continue
		}
		shares := pe.cfg.FundingShares()
		for k := range max(pe.cfg.Duration, 1) {
			t := start + k
			if t >= e.horizon {
				break // work in progress forecast past the horizon (a lifecycle warning)
			}
			if t < 0 {
				continue
			}
			for _, sh := range shares {
				if b, ok := e.base.budgetIndex[sh.Budget]; ok {
					spent[b][t] += sh.Share * pe.fin.BuildSpend[k]
				}
			}
		}
	}
	e.historySpend(spent)
	for _, pe := range e.ranked {
		start, placed := startOf(pe)
		live, ok := e.goLiveFrom(pe, start, placed)
		if !ok {
			continue
		}
		run, shares, _ := e.runSpend(pe, live)
		for j, v := range run {
			t := live + j
			if t >= e.horizon {
				break
			}
			if t < 0 {
				continue
			}
			for _, sh := range shares {
				spent[sh.Budget][t] += sh.Share * v
			}
		}
	}
}

// totals sums the scheduled projects and counts every status. The peak
// in parallel is that of the plan: periods before the status date are
// history and do not count.
func (e *evaluation) totals(plan *Plan) Totals {
	t := e.projectTotals()
	for _, p := range plan.Periods {
		if !p.History {
			t.PeakParallel = max(t.PeakParallel, len(p.Active))
		}
	}
	return t
}

// projectTotals is totals without what needs the capacity plan
// (peak_parallel).
func (e *evaluation) projectTotals() Totals {
	var t Totals
	cost, benefit, npv, rnpv, snpv, score := 0.0, 0.0, 0.0, 0.0, 0.0, 0.0
	actual, sunk, etc := 0.0, 0.0, 0.0
	for _, pe := range e.ranked {
		switch pe.status {
		case StatusScheduled:
			t.Scheduled++
			cost += pe.fin.Cost
			benefit += pe.fin.Benefit
			npv += pe.fin.NPV
			rnpv += pe.fin.RiskAdjustedNPV
			snpv += scheduledNPV(pe.fin.NPV, pe.fin.PeriodRate, pe.start)
			score += pe.score
			t.FinishPeriod = max(t.FinishPeriod, pe.start+max(pe.cfg.Duration, 1))
			if pe.cfg.Deadline >= 0 {
				if pe.start+max(pe.cfg.Duration, 1)-1 <= pe.cfg.Deadline {
					t.DeadlinesMet++
				} else {
					t.DeadlinesMissed++
				}
			}
		case StatusDeferred:
			t.Deferred++
			if pe.cfg.Deadline >= 0 && pe.cfg.Deadline < e.horizon && !e.choiceTakenByOther(pe) {
				t.DeadlinesMissed++
			}
		case StatusDropped:
			t.Dropped++
			if pe.cfg.Deadline >= 0 && pe.cfg.Deadline < e.horizon && !e.choiceTakenByOther(pe) {
				t.DeadlinesMissed++
			}
		case StatusDone:
			t.Done++
		case StatusCancelled:
			t.Cancelled++
			sunk += pe.actualCost()
		case StatusOnHold:
			t.OnHold++
		}
		if pe.life.fixed && pe.status == StatusScheduled {
			t.InProgress++
			etc += sum(pe.fin.BuildSpend)
		}
		actual += pe.actualCost()
		for _, f := range pe.findings {
			if f.Severity == SeverityWarning {
				t.Warnings++
			}
		}
	}
	// A system two scheduled projects replace is retired once: the
	// saving of the later one's figures is not the portfolio's.
	for _, s := range e.sharedSavings() {
		benefit -= s.benefit
		npv -= s.npv
		rnpv -= s.rnpv
		snpv -= scheduledNPV(s.npv, s.pe.fin.PeriodRate, s.pe.start)
	}
	t.Cost, t.Benefit, t.NPV, t.RiskAdjustedNPV, t.ScheduledNPV = money(cost), money(benefit), money(npv), money(rnpv), money(snpv)
	t.Score = ratio(score)
	t.ActualCost, t.SunkCost, t.EstimateToComplete = money(actual), money(sunk), money(etc)
	return t
}

// utilisation is used / capacity, 0 when nothing is used, +Inf when work
// is planned on a team with no capacity (never, when the schedule is sound).
func utilisation(l TeamLoad) float64 {
	if l.Used <= 0 {
		return 0
	}
	if l.Capacity <= 0 {
		return math.Inf(1)
	}
	return l.Used / l.Capacity
}
