package evaluate

import (
	"math"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// defaultScoring are the default score weights (DESIGN.md section 5).
func defaultScoring() hclspec.Scoring {
	return hclspec.Scoring{Alignment: 0.5, Value: 0.3, Safety: 0.2}
}

// scoringWeights are the roadmap's weights, or the defaults when none is set.
func scoringWeights(s hclspec.Scoring) hclspec.Scoring {
	if s.Alignment == 0 && s.Value == 0 && s.Safety == 0 {
		return defaultScoring()
	}
	return s
}

// scoreProjects gives every project its score:
//
//	score = (wa x A + wv x V + ws x S) / (wa + wv + ws)
//
// where A, V and S are the project's alignment, risk-adjusted NPV and
// safety (1 - risk), each min-max normalised to 0..1 across all projects
// (1 for everyone when all are equal). Dividing by the weights' sum keeps
// the score in 0..1 whatever weights the scoring block sets.
func (e *evaluation) scoreProjects() {
	n := len(e.projects)
	align := make([]float64, n)
	value := make([]float64, n)
	safety := make([]float64, n)
	for i, pe := range e.projects {
		align[i] = pe.alignment
		value[i] = pe.fin.RiskAdjustedNPV
		safety[i] = 1 - pe.risk
	}
	na, nv, ns := normalise(align), normalise(value), normalise(safety)
	w := scoringWeights(e.roadmap.Scoring)
	total := w.Alignment + w.Value + w.Safety
	for i, pe := range e.projects {
		if total > 0 {
			pe.score = (w.Alignment*na[i] + w.Value*nv[i] + w.Safety*ns[i]) / total
		}
	}
}

// normalise maps xs linearly onto 0..1 (min -> 0, max -> 1); when all are
// equal every one gets 1, since none is worse than another.
func normalise(xs []float64) []float64 {
	out := make([]float64, len(xs))
	if len(xs) == 0 {
		return out
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range xs {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	for i, x := range xs {
		if hi-lo <= 1e-12*math.Max(1, math.Abs(hi)) {
			out[i] = 1
		} else {
			out[i] = (x - lo) / (hi - lo)
		}
	}
	return out
}
