package simulate

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// quantileLevels are the percentiles reported.
var quantileLevels = [4]float64{0.1, 0.5, 0.8, 0.9}

// rank is the 1-based rank, among n runs, of the q-quantile: the
// smallest k with k >= q n (an empirical quantile that is always one of
// the runs' values; 1e-9 absorbs float error in q n).
func rank(q float64, n int) int {
	return max(1, int(math.Ceil(q*float64(n)-1e-9)))
}

// quantile is the empirical q-quantile of sorted.
func quantile(sorted []float64, q float64) float64 {
	return sorted[rank(q, len(sorted))-1]
}

// countQuantile is the smallest period k with hist[0..k] holding at
// least rank(q, n) of n runs; ok false when fewer runs than that are in
// hist at all (the rest were not scheduled).
func countQuantile(hist []int, q float64, n int) (k int, ok bool) {
	need, sum := rank(q, n), 0
	for k, c := range hist {
		sum += c
		if sum >= need {
			return k, true
		}
	}
	return 0, false
}

// spread summarises xs (one value per run), rounding as f does.
func spread(xs []float64, f func(float64) float64) Spread {
	sorted := slices.Clone(xs)
	slices.Sort(sorted)
	mean, sd := meanStdDev(xs)
	return Spread{
		P10: f(quantile(sorted, 0.1)), P50: f(quantile(sorted, 0.5)),
		P80: f(quantile(sorted, 0.8)), P90: f(quantile(sorted, 0.9)),
		Mean: f(mean), StdDev: f(sd),
	}
}

// meanStdDev is the mean and the sample standard deviation (n - 1), summed
// in run order so the result does not depend on the workers.
func meanStdDev(xs []float64) (mean, sd float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	if len(xs) < 2 {
		return mean, 0
	}
	ss := 0.0
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(ss / float64(len(xs)-1))
}

// money rounds to cents, ratio to 6 decimals, as the plan does.
func money(x float64) float64 { return roundTo(x, 100) }
func ratio(x float64) float64 { return roundTo(x, 1e6) }

func roundTo(x, scale float64) float64 {
	if math.IsInf(x*scale, 0) {
		return x
	}
	r := math.Round(x*scale) / scale
	if r == 0 {
		return 0
	}
	return r
}

func share(count, n int) float64 { return ratio(float64(count) / float64(n)) }

// histogram bins xs into at most bins equal-width bins from its least to
// its largest value; one bin when every value is the same.
func histogram(xs []float64, bins int) []Bin {
	lo, hi := slices.Min(xs), slices.Max(xs)
	if !(hi > lo) {
		return []Bin{{From: money(lo), To: money(hi), Chance: 1}}
	}
	width := (hi - lo) / float64(bins)
	counts := make([]int, bins)
	for _, x := range xs {
		counts[min(bins-1, int((x-lo)/width))]++
	}
	out := make([]Bin, bins)
	for b := range out {
		out[b] = Bin{From: money(lo + float64(b)*width), To: money(lo + float64(b+1)*width), Chance: share(counts[b], len(xs))}
	}
	out[bins-1].To = money(hi)
	return out
}

// ranks are the 1-based ranks of xs, ties given their average rank.
func ranks(xs []float64) []float64 {
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	// Ties share their average rank, so their order among themselves
	// does not matter.
	slices.SortFunc(order, func(a, b int) int {
		switch {
		case xs[a] < xs[b]:
			return -1
		case xs[b] < xs[a]:
			return 1
		}
		return 0
	})
	out := make([]float64, len(xs))
	for i := 0; i < len(order); {
		j := i
		for j+1 < len(order) && xs[order[j+1]] == xs[order[i]] {
			j++
		}
		avg := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			out[order[k]] = avg
		}
		i = j + 1
	}
	return out
}

// pearson is the correlation of xs and ys; 0 when either is constant.
func pearson(xs, ys []float64) float64 {
	mx, _ := meanStdDev(xs)
	my, _ := meanStdDev(ys)
	var sxy, sxx, syy float64
	for i := range xs {
		dx, dy := xs[i]-mx, ys[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx <= 0 || syy <= 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}

// spearman is Spearman's rank correlation of xs with the output whose
// ranks are given.
func spearman(xs, outputRanks []float64) float64 {
	return pearson(ranks(xs), outputRanks)
}

// summarise turns the runs into the Result.
func (s *simulation) summarise() *Result {
	n := s.opts.Runs
	cal := s.cfg.Calendar
	label := func(t int) *string { l := cal.Label(t); return &l }
	res := &Result{
		FormatVersion: FormatVersion,
		Roadmap:       s.plan.Roadmap,
		Simulation: Settings{
			Runs: n, Seed: s.opts.Seed, Estimate: string(s.cfg.Roadmap.Estimate),
			Sampling: "independent", RangedEstimates: len(s.inputs),
			ForceIn: append([]string{}, s.opts.ForceIn...), ForceOut: append([]string{}, s.opts.ForceOut...),
		},
		Periods:   make([]string, s.horizon),
		Projects:  make([]ProjectResult, 0, len(s.plan.Projects)),
		Budgets:   []BudgetResult{},
		Teams:     []TeamResult{},
		Estimates: []EstimateResult{},
		Checks:    []evaluate.CheckResult{},
	}
	for t := range res.Periods {
		res.Periods[t] = cal.Label(t)
	}
	index := map[string]int{}
	for i, p := range s.cfg.Projects {
		index[p.ID] = i
	}
	for _, pp := range s.plan.Projects {
		res.Projects = append(res.Projects, s.projectResult(index[pp.ID], pp, label))
	}
	res.Portfolio = s.portfolio(label)
	res.Teams = s.teams()
	res.Budgets = s.budgets()
	res.Estimates = s.estimates()
	return res
}

func (s *simulation) projectResult(i int, pp evaluate.ProjectPlan, label func(int) *string) ProjectResult {
	n := s.opts.Runs
	c := &s.counts
	pr := ProjectResult{
		ID: pp.ID, Title: pp.Title, Rank: pp.Rank, Mandatory: pp.Mandatory,
		Plan: PlanFigures{
			Status: pp.Status, StartPeriod: pp.StartPeriod, EndPeriod: pp.EndPeriod,
			Start: pp.Start, End: pp.End, NPV: pp.NPV, RiskAdjustedNPV: pp.RiskAdjustedNPV,
		},
		ChanceScheduled: share(c.scheduled[i], n),
		Deadline:        pp.Deadline,
		FinishCurve:     make([]float64, s.horizon),
	}
	if pp.Deadline != nil {
		x := share(c.metDL[i], n)
		pr.ChanceMeetsDeadline = &x
	}
	starts := [4]**string{&pr.P10Start, &pr.P50Start, &pr.P80Start, &pr.P90Start}
	startPeriods := [4]**int{&pr.P10StartPeriod, &pr.P50StartPeriod, &pr.P80StartPeriod, &pr.P90StartPeriod}
	ends := [4]**string{&pr.P10End, &pr.P50End, &pr.P80End, &pr.P90End}
	endPeriods := [4]**int{&pr.P10EndPeriod, &pr.P50EndPeriod, &pr.P80EndPeriod, &pr.P90EndPeriod}
	for j, q := range quantileLevels {
		if k, ok := countQuantile(c.starts[i], q, n); ok {
			*startPeriods[j], *starts[j] = &k, label(k)
		}
		if k, ok := countQuantile(c.ends[i], q, n); ok {
			*endPeriods[j], *ends[j] = &k, label(k-1)
		}
	}
	done := 0
	for t := range pr.FinishCurve {
		done += c.ends[i][t+1]
		pr.FinishCurve[t] = share(done, n)
	}
	npv, rnpv := s.npv[i], s.rnpv[i]
	if npv == nil {
		// Without estimates the project's own figures are the plan's in
		// every run (checked run by run).
		npv, rnpv = []float64{s.planNPV[i]}, []float64{s.planRNPV[i]}
	}
	a, b := spread(npv, money), spread(rnpv, money)
	pr.P10NPV, pr.P50NPV, pr.P90NPV, pr.MeanNPV = a.P10, a.P50, a.P90, a.Mean
	pr.P10RiskAdjustedNPV, pr.P50RiskAdjustedNPV, pr.P90RiskAdjustedNPV, pr.MeanRiskAdjustedNPV = b.P10, b.P50, b.P90, b.Mean
	return pr
}

func (s *simulation) portfolio(label func(int) *string) Portfolio {
	n := s.opts.Runs
	t := s.plan.Totals
	pf := Portfolio{
		Plan: PortfolioPlan{
			FinishPeriod: t.FinishPeriod, NPV: t.NPV, RiskAdjustedNPV: t.RiskAdjustedNPV,
			Cost: t.Cost, Scheduled: t.Scheduled,
		},
		FinishCurve:     make([]float64, s.horizon),
		NPV:             spread(s.totalNPV, money),
		RiskAdjustedNPV: spread(s.totalRNPV, money),
		Cost:            spread(s.totalCost, money),
		Scheduled:       spread(s.scheduled, ratio),
		NPVHistogram:    histogram(s.totalNPV, 20),
	}
	if t.FinishPeriod > 0 {
		pf.Plan.Finish = label(t.FinishPeriod - 1)
	}
	periods := [4]*int{&pf.P10FinishPeriod, &pf.P50FinishPeriod, &pf.P80FinishPeriod, &pf.P90FinishPeriod}
	labels := [4]**string{&pf.P10Finish, &pf.P50Finish, &pf.P80Finish, &pf.P90Finish}
	for j, q := range quantileLevels {
		k, _ := countQuantile(s.counts.finishes, q, n)
		*periods[j] = k
		if k > 0 {
			*labels[j] = label(k - 1)
		}
	}
	mean, _ := meanStdDev(s.finish)
	pf.MeanFinishPeriod = ratio(mean)
	done := s.counts.finishes[0]
	for p := range pf.FinishCurve {
		done += s.counts.finishes[p+1]
		pf.FinishCurve[p] = share(done, n)
	}
	return pf
}

// teams reads the committed plan's team loads; the plan's own peak is
// the replay with every estimate at its plan value.
func (s *simulation) teams() []TeamResult {
	out := make([]TeamResult, 0, len(s.cfg.Teams))
	planLoad := s.planLoads()
	for t, team := range s.cfg.Teams {
		sorted := slices.Clone(s.peak[t])
		slices.Sort(sorted)
		planPeak, _ := committedLoad(s.prep.Resources()[t], planLoad[t])
		out = append(out, TeamResult{
			ID: team.ID, Title: team.Title,
			ChanceOverloaded:    share(s.counts.overload[t], s.opts.Runs),
			PlanPeakUtilization: ratio(planPeak),
			P50PeakUtilization:  ratio(quantile(sorted, 0.5)),
			P90PeakUtilization:  ratio(quantile(sorted, 0.9)),
		})
	}
	return out
}

// planLoads are the teams' loads per period in the plan.
func (s *simulation) planLoads() [][]float64 {
	load := make([][]float64, len(s.cfg.Teams))
	for t, team := range s.cfg.Teams {
		load[t] = make([]float64, s.horizon)
		for p, period := range s.plan.Periods {
			load[t][p] = period.Teams[team.ID].Used
		}
	}
	return load
}

func (s *simulation) budgets() []BudgetResult {
	out := make([]BudgetResult, 0, len(s.cfg.Budgets))
	for b, bg := range s.prep.Budgets() {
		cb := s.cfg.Budgets[b]
		br := BudgetResult{ID: cb.ID, Title: cb.Title, Per: s.plan.Budgets[b].Per,
			ChanceOverrun: share(s.counts.overrun[b], s.opts.Runs), Windows: make([]WindowResult, 0, len(bg.Limit))}
		// A window's spend is window_spent in its last period.
		planSpent := make([]float64, len(bg.Limit))
		for t, period := range s.plan.Periods {
			planSpent[bg.Window[t]] = period.Budgets[cb.ID].WindowSpent
		}
		for w := range bg.Limit {
			sorted := slices.Clone(s.spent[b][w])
			slices.Sort(sorted)
			br.Windows = append(br.Windows, WindowResult{
				Window: bg.Labels[w], Limit: money(bg.Limit[w]), PlanSpent: money(planSpent[w]),
				P50Spent: money(quantile(sorted, 0.5)), P90Spent: money(quantile(sorted, 0.9)),
				ChanceOverrun: share(s.counts.windowOver[b][w], s.opts.Runs),
			})
		}
		out = append(out, br)
	}
	return out
}

// estimates lists every ranged estimate with its rank correlations with
// the portfolio's finish and NPV, computed on the workers (each input on
// its own, so the result does not depend on them).
func (s *simulation) estimates() []EstimateResult {
	out := make([]EstimateResult, len(s.inputs))
	finishRanks, npvRanks := ranks(s.finish), ranks(s.totalNPV)
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(s.opts.Workers, max(1, len(s.inputs))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				in := s.inputs[k]
				d := in.est.Dist
				plan := in.est.Point(s.cfg.Roadmap.Estimate)
				if in.est.Attr == "duration" {
					plan = float64(s.cfg.Projects[in.project].Duration)
				}
				r := ranks(s.samples[k])
				out[k] = EstimateResult{
					Project: s.cfg.Projects[in.project].ID, Attribute: in.est.Attr,
					Distribution: string(d.Kind), Low: ratio(d.Low), Likely: ratio(d.Likely), High: ratio(d.High),
					Mean: ratio(d.Mean()), PlanValue: ratio(plan),
					FinishCorrelation: ratio(pearson(r, finishRanks)),
					NPVCorrelation:    ratio(pearson(r, npvRanks)),
				}
			}
		}()
	}
	for k := range s.inputs {
		next <- k
	}
	close(next)
	wg.Wait()
	return out
}

// checks evaluates the roadmap's checks with plan.* (the plan) and
// simulation.* (res), and adds the plan's built-in policies. Without a
// check that reads simulation.*, they are the plan's checks as the plan
// evaluated them.
func (s *simulation) checks(res *Result) ([]evaluate.CheckResult, hcl.Diagnostics) {
	parts, used := simulationParts(s.cfg.Checks)
	if !used {
		return slices.Clone(s.plan.Checks), nil
	}
	v, err := simulationValue(res, parts)
	if err != nil {
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Internal error in the simulation", Detail: err.Error()}}
	}
	checks, diags := evaluate.EvaluateChecks(s.cfg, s.plan, map[string]cty.Value{"simulation": v})
	for _, c := range s.plan.Checks {
		if strings.HasPrefix(c.ID, "policy.") {
			checks = append(checks, c)
		}
	}
	return checks, diags
}

// simulationParts are the attributes of simulation.* the checks read
// (nil: all of them, for a reference computed at run time), and whether
// any check reads simulation.* at all.
func simulationParts(checks []*hclspec.Check) (parts map[string]bool, used bool) {
	parts = map[string]bool{}
	for _, c := range checks {
		if !c.Simulation {
			continue
		}
		used = true
		for _, expr := range []hcl.Expression{c.Condition, c.ErrorMessage} {
			if expr == nil {
				continue
			}
			for _, tr := range expr.Variables() {
				if tr.RootName() != "simulation" {
					continue
				}
				if len(tr) < 2 {
					return nil, true
				}
				switch step := tr[1].(type) {
				case hcl.TraverseAttr:
					parts[step.Name] = true
				case hcl.TraverseIndex:
					if step.Key.Type() != cty.String || !step.Key.IsKnown() || step.Key.IsNull() {
						return nil, true
					}
					parts[step.Key.AsString()] = true
				default:
					return nil, true
				}
			}
		}
	}
	return parts, used
}

// simulationValue is res as checks see it: the JSON format's fields, with
// projects, budgets and teams keyed by id (simulation.projects.crm.p80_end),
// except the curves and the histogram (null), and only the parts named
// (every part when parts is nil).
func simulationValue(res *Result, parts map[string]bool) (cty.Value, error) {
	want := func(name string) bool { return parts == nil || parts[name] }
	view := map[string]any{"runs": res.Simulation.Runs, "seed": res.Simulation.Seed}
	if want("portfolio") {
		pf := res.Portfolio
		pf.FinishCurve, pf.NPVHistogram = nil, nil
		view["portfolio"] = pf
	}
	if want("projects") {
		projects := make(map[string]any, len(res.Projects))
		for _, p := range res.Projects {
			p.FinishCurve = nil
			projects[p.ID] = p
		}
		view["projects"] = projects
	}
	if want("budgets") {
		budgets := make(map[string]any, len(res.Budgets))
		for _, b := range res.Budgets {
			budgets[b.ID] = b
		}
		view["budgets"] = budgets
	}
	if want("teams") {
		teams := make(map[string]any, len(res.Teams))
		for _, t := range res.Teams {
			teams[t.ID] = t
		}
		view["teams"] = teams
	}
	data, err := json.Marshal(view)
	if err != nil {
		return cty.NilVal, err
	}
	ty, err := ctyjson.ImpliedType(data)
	if err != nil {
		return cty.NilVal, err
	}
	return ctyjson.Unmarshal(data, ty)
}
