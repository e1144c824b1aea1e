package evaluate

import (
	"math"
	"slices"

	"github.com/roadmap-as-code/roadmap/finance"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// historyFigures sets the cost-benefit figures of a done or cancelled
// project to the money that actually flows, not the estimate it was
// approved at (review qa17 U9: a cancelled project read "Cost 96,000,
// NPV -95,195" having spent 18,000; a done one its estimate, not its
// actual). The rank, score and schedule keep the estimate's figures;
// history rows count in no total.
//
//   - Cancelled: its spend to date (progress.spent, 0 when not given),
//     sunk, at its start; nothing else flows: no benefit, no saving, no
//     run cost. NPV and risk-adjusted NPV are minus that spend.
//   - Done: its build flows carry its actual spend (progress.spent, when
//     given) instead of the estimate, spread as the estimate was; its
//     run costs, benefit and saving flow as estimated. Its risks are
//     behind it: risk-adjusted NPV = NPV, no expected loss.
func (e *evaluation) historyFigures(pe *projectEval, pp *ProjectPlan) {
	a, ok := actualFiguresOf(pe)
	if !ok {
		return
	}
	pp.Cost, pp.Benefit, pp.Saving = money(a.cost), money(a.benefit), money(a.saving)
	pp.NPV, pp.RiskAdjustedNPV, pp.ExpectedLoss = money(a.npv), money(a.npv), 0
	pp.ROI, pp.IRR, pp.PaybackPeriods = nil, nil, nil
	if a.cost > 0 {
		roi := ratio((a.benefit - a.cost) / a.cost)
		pp.ROI = &roi
	}
	if r, ok := finance.IRR(a.flows); ok {
		if annual := math.Pow(1+r, float64(e.ppy)) - 1; finance.Finite(annual) {
			x := ratio(annual)
			pp.IRR = &x
		}
	}
	if pb, ok := finance.Payback(a.flows); ok {
		pb = ratio(pb)
		pp.PaybackPeriods = &pb
	}
	for k, x := range a.flows {
		pp.CashFlows[k] = money(x)
	}
}

// actualFigures are a history row's figures (historyFigures).
type actualFigures struct {
	cost, benefit, saving, npv float64
	flows                      []float64
}

// actualFiguresOf is pe's actualFigures, when it is done or cancelled.
func actualFiguresOf(pe *projectEval) (actualFigures, bool) {
	f := &pe.fin
	a := actualFigures{cost: f.Cost, benefit: f.Benefit, saving: f.Saving}
	switch pe.life.lifecycle {
	case hclspec.Cancelled:
		a.flows = make([]float64, len(f.Flows))
		if len(a.flows) > 0 {
			a.flows[0] = -pe.actualCost()
		}
		a.cost, a.benefit, a.saving = pe.actualCost(), 0, 0
	case hclspec.Done:
		a.flows = slices.Clone(f.Flows)
		if actual, ok := doneActual(pe); ok {
			build := 0.0
			for _, x := range f.BuildSpend {
				build += x
			}
			for k, x := range f.BuildSpend {
				if build > 0 {
					a.flows[k] += x - x*actual/build
				}
			}
			if build <= 0 && len(a.flows) > 0 {
				a.flows[0] -= actual
			}
			a.cost = f.Cost - build + actual
		}
	default:
		return a, false
	}
	a.npv = finance.PresentValue(f.PeriodRate, a.flows)
	return a, true
}

// doneActual is a done project's actual spend, and whether the roadmap
// records one (progress.spent).
func doneActual(pe *projectEval) (float64, bool) {
	d := pe.life.declared
	if d.Progress == nil {
		return 0, false
	}
	_, given := d.Ranges["progress.spent"]
	return d.Progress.Spent, given || d.Progress.Spent > 0
}
