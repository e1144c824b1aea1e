package evaluate

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// costCriterion is the criterion derived from total cost of ownership when
// a vendor has no explicit score for it.
const costCriterion = "cost"

// vendorScoreEps absorbs float noise when a score is compared with the
// evaluation's minimum.
const vendorScoreEps = 1e-9

// evaluateVendors scores every evaluation's candidates and picks the
// winners. It returns the results by evaluation id and, for each
// evaluation with a winner, the winning vendor.
func evaluateVendors(cfg *hclspec.Config) ([]VendorResult, map[string]*hclspec.Vendor, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	vendors := make(map[string]*hclspec.Vendor, len(cfg.Vendors))
	for _, v := range cfg.Vendors {
		vendors[v.ID] = v
	}
	evals := append([]*hclspec.Evaluation(nil), cfg.Evaluations...)
	sort.Slice(evals, func(a, b int) bool { return evals[a].ID < evals[b].ID })

	results := make([]VendorResult, 0, len(evals))
	winners := map[string]*hclspec.Vendor{}
	missing := map[*hclspec.Vendor][]missingScore{}
	for _, ev := range evals {
		res, winner, d := evaluateVendorSelection(ev, cfg.Vendors, vendors, missing)
		diags = append(diags, d...)
		results = append(results, res)
		if winner != nil {
			winners[ev.ID] = winner
		}
	}
	for _, v := range cfg.Vendors {
		if m := missing[v]; len(m) > 0 {
			diags = append(diags, missingScoresWarning(v, m))
		}
	}
	return results, winners, diags
}

// missingScore is a criterion of an evaluation a vendor has no score for.
type missingScore struct{ evaluation, criterion string }

// missingScoresWarning is one warning per vendor, however many criteria
// of however many evaluations it lacks: one per criterion and evaluation
// made a 78 KB roadmap print 1.8 million warnings.
func missingScoresWarning(v *hclspec.Vendor, missing []missingScore) *hcl.Diagnostic {
	const listed = 10
	var detail string
	if len(missing) == 1 {
		detail = fmt.Sprintf("Vendor %s has no score for criterion %s of evaluation %s; it counts as 0.",
			hclspec.Quote(v.ID), hclspec.Quote(missing[0].criterion), hclspec.Quote(missing[0].evaluation))
	} else {
		var b strings.Builder
		fmt.Fprintf(&b, "Vendor %s has no score for %d criteria of the evaluations it is a candidate in: ", hclspec.Quote(v.ID), len(missing))
		for i, m := range missing[:min(len(missing), listed)] {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s of %s", hclspec.Quote(m.criterion), hclspec.Quote(m.evaluation))
		}
		if len(missing) > listed {
			fmt.Fprintf(&b, " and %d more", len(missing)-listed)
		}
		b.WriteString("; each counts as 0.")
		detail = b.String()
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagWarning,
		Summary:  "Missing vendor score",
		Detail:   detail,
		Subject:  v.Ranges.Range("scores", v.DeclRange).Ptr(),
	}
}

// candidatesOf lists ev's candidate vendors: the listed ones, or every
// vendor of its category sorted by id.
func candidatesOf(ev *hclspec.Evaluation, all []*hclspec.Vendor, byID map[string]*hclspec.Vendor) ([]*hclspec.Vendor, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	var out []*hclspec.Vendor
	if len(ev.Candidates) > 0 {
		for _, id := range ev.Candidates {
			v, ok := byID[id]
			if !ok {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Unknown vendor",
					Detail:   fmt.Sprintf("Evaluation %q lists vendor %q, which is not declared.", ev.ID, id),
					Subject:  ev.Ranges.Range("candidates", ev.DeclRange).Ptr(),
				})
				continue
			}
			out = append(out, v)
		}
		return out, diags
	}
	for _, v := range all {
		if v.Category == ev.Category {
			out = append(out, v)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].ID < out[b].ID })
	return out, diags
}

// evaluateVendorSelection scores one evaluation (DESIGN.md section 2).
// Criteria a candidate has no score for are added to missing.
func evaluateVendorSelection(ev *hclspec.Evaluation, all []*hclspec.Vendor, byID map[string]*hclspec.Vendor, missing map[*hclspec.Vendor][]missingScore) (VendorResult, *hclspec.Vendor, hcl.Diagnostics) {
	cands, diags := candidatesOf(ev, all, byID)
	res := VendorResult{
		Evaluation:   ev.ID,
		Category:     ev.Category,
		Criteria:     map[string]float64{},
		MinimumScore: ev.MinimumScore,
		Years:        ev.Years,
		Candidates:   make([]VendorCandidate, 0, len(cands)),
	}
	if cs := ev.CostScale; cs != nil {
		res.CostScale = &CostScaleInfo{Best: money(cs.Best), Worst: money(cs.Worst)}
	}
	for k, w := range ev.Criteria {
		res.Criteria[k] = w
	}
	criteria := slices.Sorted(maps.Keys(ev.Criteria))
	totalWeight := 0.0
	for _, c := range criteria {
		totalWeight += ev.Criteria[c]
	}
	if totalWeight <= 0 {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Evaluation has no criteria weight",
			Detail:   fmt.Sprintf("Evaluation %q's criteria weights sum to %g; at least one criterion needs a positive weight.", ev.ID, totalWeight),
			Subject:  ev.Ranges.Range("criteria", ev.DeclRange).Ptr(),
		})
	}

	// The technical score: the weighted mean of the criteria other than
	// cost. minimum_score applies to it, so a bid's price can neither buy
	// it a pass nor make another bid fail.
	technicalWeight := 0.0
	for _, c := range criteria {
		if c != costCriterion {
			technicalWeight += ev.Criteria[c]
		}
	}
	type scored struct {
		v         *hclspec.Vendor
		tco       float64
		per       map[string]float64
		technical *float64
		eligible  bool
		sum       float64 // weighted sum of the criteria other than cost
		score     float64
	}
	rows := make([]scored, 0, len(cands))
	for _, v := range cands {
		row := scored{v: v, tco: v.OneTime + v.Annual*ev.Years, per: map[string]float64{}}
		sum := 0.0
		for _, c := range criteria {
			if c == costCriterion {
				continue
			}
			s, ok := v.Scores[c]
			if !ok {
				missing[v] = append(missing[v], missingScore{evaluation: ev.ID, criterion: c})
			}
			row.per[c] = ratio(s)
			sum += ev.Criteria[c] * s
		}
		row.sum = sum
		row.eligible = true
		if technicalWeight > 0 {
			t := sum / technicalWeight
			row.technical = &t
			row.eligible = t+vendorScoreEps >= ev.MinimumScore
		}
		rows = append(rows, row)
	}

	// The cost criterion: an explicit score, else the absolute cost_scale,
	// else relative to the cheapest candidate that passed the threshold.
	_, costWeighted := ev.Criteria[costCriterion]
	minTCO, anyEligible := math.Inf(1), false
	for _, r := range rows {
		if r.eligible {
			minTCO, anyEligible = math.Min(minTCO, r.tco), true
		}
	}
	for i := range rows {
		r := &rows[i]
		sum := r.sum
		if costWeighted {
			s, ok := r.v.Scores[costCriterion]
			switch {
			case ok:
			case ev.CostScale != nil:
				s, ok = costOnScale(r.tco, *ev.CostScale), true
			case anyEligible:
				s, ok = costScore(r.tco, minTCO), true
			}
			if ok {
				r.per[costCriterion] = ratio(s)
				sum += ev.Criteria[costCriterion] * s
			}
		}
		if totalWeight > 0 {
			r.score = sum / totalWeight
		}
	}
	sort.SliceStable(rows, func(a, b int) bool {
		ra, rb := rows[a], rows[b]
		if math.Abs(ra.score-rb.score) > vendorScoreEps {
			return ra.score > rb.score
		}
		if ra.tco != rb.tco {
			return ra.tco < rb.tco
		}
		return ra.v.ID < rb.v.ID
	})
	var winner *hclspec.Vendor
	for _, r := range rows {
		if r.eligible && winner == nil {
			winner = r.v
		}
		res.Candidates = append(res.Candidates, VendorCandidate{
			Vendor:         r.v.ID,
			Title:          r.v.Title,
			Score:          ratio(r.score),
			TechnicalScore: ratioPtr(r.technical),
			TCO:            money(r.tco),
			Scores:         r.per,
			Eligible:       r.eligible,
		})
	}
	if winner != nil {
		id := winner.ID
		res.Winner = &id
	}
	if costWeighted && ev.CostScale == nil && winner != nil {
		in := make([]decisiveRow, len(rows))
		for i, r := range rows {
			_, explicit := r.v.Scores[costCriterion]
			in[i] = decisiveRow{v: r.v, tco: r.tco, sum: r.sum, eligible: r.eligible, fixedCost: explicit}
		}
		if d := decisiveLoser(ev, in, winner, totalWeight); d != nil {
			diags = append(diags, d)
		}
	}
	return res, winner, diags
}

// decisiveRow is a candidate as decisiveLoser reads it: sum is its
// weighted sum without cost, fixedCost whether it has a cost score of its
// own (which no other bid moves).
type decisiveRow struct {
	v         *hclspec.Vendor
	tco, sum  float64
	eligible  bool
	fixedCost bool
}

// decisiveLoser warns when the winner of an evaluation scored relative to
// the cheapest eligible bid owes its win to that bid while it loses:
// without it every cost score is rescaled, and another bid would win. A
// bid that does not win then decides between two others (review qa18
// Q18-3); an absolute cost_scale avoids it. Only the cheapest eligible bid
// can do this, as the only one whose removal moves the scale. rows are
// sorted best first.
func decisiveLoser(ev *hclspec.Evaluation, rows []decisiveRow, winner *hclspec.Vendor, totalWeight float64) *hcl.Diagnostic {
	cheapest, second := -1, math.Inf(1)
	for i, r := range rows {
		if !r.eligible {
			continue
		}
		switch {
		case cheapest < 0 || r.tco < rows[cheapest].tco:
			if cheapest >= 0 {
				second = rows[cheapest].tco
			}
			cheapest = i
		case r.tco < second:
			second = r.tco
		}
	}
	if cheapest < 0 || rows[cheapest].v == winner || math.IsInf(second, 1) || second == rows[cheapest].tco {
		return nil
	}
	w := ev.Criteria[costCriterion]
	score := func(r decisiveRow, minTCO float64) float64 {
		s := r.sum
		if r.fixedCost {
			s += w * r.v.Scores[costCriterion]
		} else {
			s += w * costScore(r.tco, minTCO)
		}
		return s / totalWeight
	}
	var alt *decisiveRow
	altScore := 0.0
	for i, r := range rows {
		if !r.eligible || i == cheapest {
			continue
		}
		sc := score(r, second)
		if alt == nil || sc > altScore+vendorScoreEps ||
			(math.Abs(sc-altScore) <= vendorScoreEps && (r.tco < alt.tco || (r.tco == alt.tco && r.v.ID < alt.v.ID))) {
			alt, altScore = &rows[i], sc
		}
	}
	if alt == nil || alt.v == winner {
		return nil
	}
	var winnerRow decisiveRow
	for _, r := range rows {
		if r.v == winner {
			winnerRow = r
		}
	}
	c := rows[cheapest]
	return &hcl.Diagnostic{
		Severity: hcl.DiagWarning,
		Summary:  "Vendor winner decided by a losing bid",
		Detail: fmt.Sprintf("Evaluation %s picks %s only because of %s, which does not win: cost is scored relative to the cheapest eligible bid, whose TCO of %s sets the scale of every cost score. Without it %s would win (%.2f against %.2f). Set cost_scale = { best = ..., worst = ... } to score cost on a scale no bid moves.",
			hclspec.Quote(ev.ID), hclspec.Quote(winner.ID), hclspec.Quote(c.v.ID), formatNumber(c.tco, 0),
			hclspec.Quote(alt.v.ID), altScore, score(winnerRow, second)),
		Subject: ev.DeclRange.Ptr(),
	}
}

// costScore is 5 for the cheapest eligible TCO (or less) and 5 x min/tco
// above it.
func costScore(tco, minTCO float64) float64 {
	if tco <= 0 || tco <= minTCO {
		return 5
	}
	if minTCO <= 0 {
		return 0
	}
	return 5 * minTCO / tco
}

// costOnScale scores tco on the absolute scale: 5 at or below best, 0 at
// or above worst, linear in between.
func costOnScale(tco float64, cs hclspec.CostScale) float64 {
	switch {
	case tco <= cs.Best:
		return 5
	case tco >= cs.Worst:
		return 0
	}
	return 5 * (cs.Worst - tco) / (cs.Worst - cs.Best)
}

// noWinnerMessage explains why an evaluation has no winner.
func noWinnerMessage(res *VendorResult) string {
	if len(res.Candidates) == 0 {
		return fmt.Sprintf("vendor evaluation %q has no winner: it has no candidates", res.Evaluation)
	}
	// The candidate nearest the threshold: the best technical score.
	best := res.Candidates[0]
	for _, c := range res.Candidates[1:] {
		if c.TechnicalScore != nil && best.TechnicalScore != nil && *c.TechnicalScore > *best.TechnicalScore {
			best = c
		}
	}
	technical := best.Score
	if best.TechnicalScore != nil {
		technical = *best.TechnicalScore
	}
	return fmt.Sprintf("vendor evaluation %q has no winner: the best candidate, %q, scores %s on the criteria other than cost, below the minimum score %s",
		res.Evaluation, best.Vendor, formatNumber(technical, 2), formatNumber(res.MinimumScore, 2))
}
