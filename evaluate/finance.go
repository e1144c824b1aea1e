package evaluate

import (
	"fmt"
	"math"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/finance"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// projectFinance is a project's cash-flow series, counted from its own
// start (k = 0), and the figures derived from it (DESIGN.md section 3).
type projectFinance struct {
	Flows      []float64 // net flow per period
	Outflows   []float64 // every outflow per period, positive
	Benefits   []float64 // benefit per period, positive
	BuildSpend []float64 // outflows of the build periods: what the budget pays

	Cost, Benefit float64 // undiscounted sums
	// Saving is the part of Benefit that is the run cost of the systems
	// the project replaces, undiscounted.
	Saving               float64
	NPV, RiskAdjustedNPV float64
	// ExpectedLoss is disruption x disruption_cost + security x
	// security_cost, at go-live, undiscounted.
	ExpectedLoss      float64
	ROI, IRR, Payback *float64
	PeriodRate        float64
}

// periodRate converts an annual discount rate into the rate of one period
// of which there are ppy a year: (1 + annual)^(1/ppy) - 1.
func periodRate(annual float64, ppy int) float64 {
	return math.Pow(1+annual, 1/float64(ppy)) - 1
}

// runPeriods is the number of run periods counted for years of benefit and
// the weight of the last one: years x ppy periods, the last one prorated
// when years x ppy is not whole (2.5 yearly periods: 2 full and one half).
func runPeriods(years float64, ppy int) (n int, lastWeight float64) {
	x := years * float64(ppy)
	if x <= 0 {
		return 0, 0
	}
	full := math.Floor(x + 1e-9)
	frac := x - full
	if frac > 1e-9 {
		return int(full) + 1, frac
	}
	return int(full), 1
}

// cashFlows builds p's flows with vendor v (nil when none):
//   - build periods k = 0..duration-1: one_time / duration, each team's
//     effort x its cost_per_fte, and the vendor's one_time in k = 0;
//   - run periods j = 1..years x ppy: minus per_year / ppy and the vendor's
//     annual / ppy, plus benefit per_year / ppy x min(1, j / (ramp + 1)),
//     plus saving / ppy: the run cost per year of the systems it replaces,
//     which stops at its go-live (not ramped).
//
// outflows and benefits are filled in; they hold flowPeriods(p, ppy)
// zeros.
func cashFlows(p *hclspec.Project, teamIDs []string, v *hclspec.Vendor, teams map[string]*hclspec.Team, ppy int, saving float64, outflows, benefits []float64) {
	d := max(p.Duration, 1)
	teamCost := 0.0
	for _, id := range teamIDs {
		if t, ok := teams[id]; ok {
			teamCost += p.Effort[id] * t.CostPerFTE
		}
	}
	n, lastWeight := runPeriods(p.Benefit.Years, ppy)
	for k := range d {
		outflows[k] = p.Cost.OneTime/float64(d) + teamCost
	}
	if v != nil {
		outflows[0] += v.OneTime
	}
	fppy := float64(ppy)
	runCost := p.Cost.PerYear / fppy
	if v != nil {
		runCost += v.Annual / fppy
	}
	ramp := float64(p.Benefit.RampPeriods + 1)
	for j := 1; j <= n; j++ {
		w := 1.0
		if j == n {
			w = lastWeight
		}
		outflows[d+j-1] = w * runCost
		benefits[d+j-1] = w * (p.Benefit.PerYear/fppy*math.Min(1, float64(j)/ramp) + saving/fppy)
	}
}

// flowPeriods is the number of periods of p's cash flows: its build and
// its run.
func flowPeriods(p *hclspec.Project, ppy int) int {
	n, _ := runPeriods(p.Benefit.Years, ppy)
	return max(p.Duration, 1) + n
}

// projectFinanceOf computes p's figures. Non-finite results (overflowing
// inputs) are reported as diagnostics and left out of the plan.
//
// teamIDs are p's effort teams in id order; returns asks for the IRR and
// the payback, which only the plan and the hurdle read (a simulation run
// without a hurdle on them skips their root finding).
func projectFinanceOf(p *hclspec.Project, teamIDs []string, v *hclspec.Vendor, teams map[string]*hclspec.Team, ppy int, annualRate float64, returns bool, saving float64) (projectFinance, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	// One block for the five series (a simulation computes them for every
	// project it draws, every run); each capped so appends copy.
	m, d := flowPeriods(p, ppy), max(p.Duration, 1)
	block := make([]float64, 4*m+d)
	outflows, benefits, adjusted := block[:m:m], block[m:2*m:2*m], block[2*m:3*m:3*m]
	cashFlows(p, teamIDs, v, teams, ppy, saving, outflows, benefits)
	f := projectFinance{
		Flows:      block[3*m : 4*m : 4*m],
		Outflows:   outflows,
		Benefits:   benefits,
		BuildSpend: block[4*m:],
		PeriodRate: periodRate(annualRate, ppy),
	}
	copy(f.BuildSpend, outflows[:d])
	// Risk-adjusted: the build is paid whatever happens; a project that
	// fails is not run, so its run flows (benefits and run costs alike)
	// count with the chance of success; a disruption or a security
	// incident at go-live costs its expected loss.
	success := 1 - p.Risk.Failure
	for k := range outflows {
		f.Flows[k] = benefits[k] - outflows[k]
		adjusted[k] = f.Flows[k]
		if k >= d {
			adjusted[k] *= success
		}
		f.Cost += outflows[k]
		f.Benefit += benefits[k]
	}
	if n, last := runPeriods(p.Benefit.Years, ppy); n > 0 {
		f.Saving = saving / float64(ppy) * (float64(n-1) + last)
	}
	f.ExpectedLoss = p.Risk.Disruption*p.Risk.DisruptionCost + p.Risk.Security*p.Risk.SecurityCost
	f.NPV = finance.PresentValue(f.PeriodRate, f.Flows)
	f.RiskAdjustedNPV = finance.PresentValue(f.PeriodRate, adjusted) - f.ExpectedLoss/math.Pow(1+f.PeriodRate, float64(d))
	if f.Cost > 0 {
		roi := (f.Benefit - f.Cost) / f.Cost
		f.ROI = &roi
	}
	if returns {
		if r, ok := finance.IRR(f.Flows); ok {
			annual := math.Pow(1+r, float64(ppy)) - 1
			if finance.Finite(annual) {
				f.IRR = &annual
			} else {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagWarning,
					Summary:  "IRR out of range",
					Detail:   fmt.Sprintf("Project %q has a period IRR of %g, which does not annualise to a finite rate; its IRR is left out.", p.ID, r),
					Subject:  p.DeclRange.Ptr(),
				})
			}
		}
		if pb, ok := finance.Payback(f.Flows); ok {
			f.Payback = &pb
		}
	}
	for _, x := range []float64{f.Cost, f.Benefit, f.NPV, f.RiskAdjustedNPV, f.ExpectedLoss, f.Saving} {
		if !finance.Finite(x) {
			figures := "its cost, benefit and effort figures"
			if saving > 0 {
				figures = "its cost, benefit and effort figures and the run cost of the systems it replaces (its saving)"
			}
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Money figure out of range",
				Detail:   fmt.Sprintf("Project %q's cash flows do not sum to a finite amount; check %s.", p.ID, figures),
				Subject:  p.DeclRange.Ptr(),
			})
			// Zeroed, so the plan's own check does not report them again.
			f.Cost, f.Benefit, f.NPV, f.RiskAdjustedNPV, f.ExpectedLoss, f.Saving, f.ROI, f.IRR, f.Payback = 0, 0, 0, 0, 0, 0, nil, nil, nil
			for k := range f.Flows {
				f.Flows[k], f.Outflows[k], f.Benefits[k] = 0, 0, 0
			}
			for k := range f.BuildSpend {
				f.BuildSpend[k] = 0
			}
			break
		}
	}
	return f, diags
}

// scheduledNPV discounts npv, computed as if the project started at period
// 0, to the roadmap's start: npv / (1+r)^start.
func scheduledNPV(npv, rate float64, start int) float64 {
	return npv / math.Pow(1+rate, float64(start))
}

// money rounds to cents; ratio rounds to 6 decimals. Both keep the JSON
// stable across platforms and free of float noise.
func money(x float64) float64 { return roundTo(x, 100) }
func ratio(x float64) float64 { return roundTo(x, 1e6) }

func roundTo(x, scale float64) float64 {
	if math.IsInf(x*scale, 0) {
		// So large it has no fractional digits to round (above about
		// 1.8e302 for a ratio): scaling would overflow a finite figure to
		// infinity and fail the plan with "Money figure out of range".
		return x
	}
	r := math.Round(x*scale) / scale
	if r == 0 {
		return 0 // no negative zero in the output
	}
	return r
}

func moneyPtr(x *float64) *float64 {
	if x == nil {
		return nil
	}
	r := money(*x)
	return &r
}

func ratioPtr(x *float64) *float64 {
	if x == nil {
		return nil
	}
	r := ratio(*x)
	return &r
}
