package evaluate

import (
	"fmt"
	"math"

	"github.com/roadmap-as-code/roadmap/finance"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// fallbackValueScale is the value scale of a roadmap with nothing to size
// one from (no budget, no team cost): a million in its currency.
const fallbackValueScale = 1e6

// defaultScoring are the default score weights (DESIGN.md section 5).
func defaultScoring() hclspec.Scoring {
	return hclspec.Scoring{Alignment: 0.5, Value: 0.3, Safety: 0.2}
}

// scoringWeights are the roadmap's weights, or the defaults when none is set.
func scoringWeights(s hclspec.Scoring) hclspec.Scoring {
	if s.Alignment == 0 && s.Value == 0 && s.Safety == 0 {
		d := defaultScoring()
		d.ValueScale = s.ValueScale
		return d
	}
	return s
}

// valueScale is the risk-adjusted NPV that earns half of the value score,
// and what it was sized from. It depends only on the roadmap's declared
// settings, never on the candidates, so adding or changing a project
// cannot move another project's score:
//
//   - scoring.value_scale when set;
//   - else the largest budget's yearly amount (a budget per period counts
//     ppy periods, a budget in total its share of one year of the horizon);
//   - else the yearly cost of every team at its capacity;
//   - else a million in the roadmap's currency.
func (e *evaluation) valueScale() (float64, string) {
	if s := e.roadmap.Scoring.ValueScale; s > 0 {
		return s, "scoring.value_scale"
	}
	best, basis := 0.0, ""
	years := float64(e.horizon) / float64(e.ppy)
	for _, b := range e.cfg.Budgets {
		yearly := b.Amount
		switch budgetPer(b) {
		case hclspec.PerPeriod:
			yearly = b.Amount * float64(e.ppy)
		case hclspec.PerTotal:
			yearly = b.Amount / years
		}
		if yearly > best {
			best, basis = yearly, fmt.Sprintf("yearly amount of budget %q", b.ID)
		}
	}
	if best > 0 && finance.Finite(best) {
		return best, basis
	}
	teams := 0.0
	for _, t := range e.cfg.Teams {
		teams += t.Capacity * t.CostPerFTE * float64(e.ppy)
	}
	if teams > 0 && finance.Finite(teams) {
		return teams, "yearly cost of the teams at capacity"
	}
	return fallbackValueScale, "fixed default: no budget or team cost to size it from"
}

// valueOf maps a risk-adjusted NPV onto -1..1 on a fixed scale: 0 at
// break-even, 0.5 at scale, approaching 1 for ever larger values and
// below 0 for value destroyers. It is strictly increasing, so more money
// always scores more.
func valueOf(rnpv, scale float64) float64 {
	return rnpv / (math.Abs(rnpv) + scale)
}

// scoreProjects gives every project its score:
//
//	score = (wa x alignment + wv x value + ws x safety) / (wa + wv + ws)
//
// with value = rNPV / (|rNPV| + value_scale) and safety = 1 - risk. Each
// term is on an absolute scale, so a project's score depends on its own
// inputs and the roadmap's settings alone: adding, removing or changing
// another project never moves it (no rank reversal). Dividing by the
// weights' sum keeps the score at most 1 whatever weights the scoring
// block sets; a value-destroying project can score below 0.
func (e *evaluation) scoreProjects() {
	e.valueScaleAmount, e.valueScaleBasis = e.valueScale()
	w := scoringWeights(e.roadmap.Scoring)
	total := w.Alignment + w.Value + w.Safety
	for _, pe := range e.projects {
		pe.value = valueOf(pe.fin.RiskAdjustedNPV, e.valueScaleAmount)
		if total > 0 {
			pe.score = (w.Alignment*pe.alignment + w.Value*pe.value + w.Safety*(1-pe.risk)) / total
		}
	}
}

// ValueScale is the value scale a plan of cfg uses (see valueScale): what
// analyses that vary a budget's amount pin, so scores stay comparable.
// It is 0 when cfg cannot be evaluated.
func ValueScale(cfg *hclspec.Config) float64 {
	e, diags := newEvaluation(cfg)
	if diags.HasErrors() {
		return 0
	}
	s, _ := e.valueScale()
	return s
}
