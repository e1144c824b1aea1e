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
// safety (1 - risk), each min-max normalised to 0..1 across the candidates:
// the projects that passed the gates (1 for everyone when all are equal).
// Dividing by the weights' sum keeps the score in 0..1 whatever weights the
// scoring block sets. Dropped projects are scored on the candidates' scale,
// held to 0..1, so they show where they would have stood without moving
// the candidates' scores; when every project is dropped, the scale is
// theirs.
func (e *evaluation) scoreProjects() {
	var live []*projectEval
	for _, pe := range e.projects {
		if !pe.dropped() {
			live = append(live, pe)
		}
	}
	if len(live) == 0 {
		live = e.projects
	}
	align := newScale(live, func(pe *projectEval) float64 { return pe.alignment })
	value := newScale(live, func(pe *projectEval) float64 { return pe.fin.RiskAdjustedNPV })
	safety := newScale(live, func(pe *projectEval) float64 { return 1 - pe.risk })
	w := scoringWeights(e.roadmap.Scoring)
	total := w.Alignment + w.Value + w.Safety
	for _, pe := range e.projects {
		if total > 0 {
			pe.score = (w.Alignment*align.of(pe.alignment) + w.Value*value.of(pe.fin.RiskAdjustedNPV) + w.Safety*safety.of(1-pe.risk)) / total
		}
	}
}

// scale is a min-max normalisation fixed on a set of projects.
type scale struct{ lo, hi float64 }

func newScale(ps []*projectEval, f func(*projectEval) float64) scale {
	s := scale{lo: math.Inf(1), hi: math.Inf(-1)}
	for _, pe := range ps {
		x := f(pe)
		s.lo, s.hi = math.Min(s.lo, x), math.Max(s.hi, x)
	}
	return s
}

// of maps x linearly onto 0..1 (lo -> 0, hi -> 1), held to 0..1 for
// values outside the scale; 1 when the scale is a single point.
func (s scale) of(x float64) float64 {
	if !(s.hi-s.lo > 1e-12*math.Max(1, math.Abs(s.hi))) {
		return 1
	}
	return math.Min(1, math.Max(0, (x-s.lo)/(s.hi-s.lo)))
}

// normalise maps xs onto 0..1 with their own scale.
func normalise(xs []float64) []float64 {
	ps := make([]*projectEval, len(xs))
	for i, x := range xs {
		ps[i] = &projectEval{alignment: x}
	}
	s := newScale(ps, func(pe *projectEval) float64 { return pe.alignment })
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = s.of(x)
	}
	return out
}
