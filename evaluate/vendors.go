package evaluate

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"

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
	for _, ev := range evals {
		res, winner, d := evaluateVendorSelection(ev, cfg.Vendors, vendors)
		diags = append(diags, d...)
		results = append(results, res)
		if winner != nil {
			winners[ev.ID] = winner
		}
	}
	return results, winners, diags
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
func evaluateVendorSelection(ev *hclspec.Evaluation, all []*hclspec.Vendor, byID map[string]*hclspec.Vendor) (VendorResult, *hclspec.Vendor, hcl.Diagnostics) {
	cands, diags := candidatesOf(ev, all, byID)
	res := VendorResult{
		Evaluation:   ev.ID,
		Category:     ev.Category,
		Criteria:     map[string]float64{},
		MinimumScore: ev.MinimumScore,
		Years:        ev.Years,
		Candidates:   make([]VendorCandidate, 0, len(cands)),
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

	tco := make([]float64, len(cands))
	minTCO := math.Inf(1)
	for i, v := range cands {
		tco[i] = v.OneTime + v.Annual*ev.Years
		minTCO = math.Min(minTCO, tco[i])
	}

	type scored struct {
		v     *hclspec.Vendor
		score float64
		tco   float64
		per   map[string]float64
	}
	rows := make([]scored, 0, len(cands))
	for i, v := range cands {
		per := map[string]float64{}
		sum := 0.0
		for _, c := range criteria {
			s, ok := v.Scores[c]
			switch {
			case ok:
			case c == costCriterion:
				s = costScore(tco[i], minTCO)
			default:
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagWarning,
					Summary:  "Missing vendor score",
					Detail:   fmt.Sprintf("Vendor %q has no score for criterion %q of evaluation %q; it counts as 0.", v.ID, c, ev.ID),
					Subject:  v.Ranges.Range("scores", v.DeclRange).Ptr(),
				})
			}
			per[c] = ratio(s)
			sum += ev.Criteria[c] * s
		}
		score := 0.0
		if totalWeight > 0 {
			score = sum / totalWeight
		}
		rows = append(rows, scored{v: v, score: score, tco: tco[i], per: per})
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
		eligible := r.score+vendorScoreEps >= ev.MinimumScore
		if eligible && winner == nil {
			winner = r.v
		}
		res.Candidates = append(res.Candidates, VendorCandidate{
			Vendor:   r.v.ID,
			Title:    r.v.Title,
			Score:    ratio(r.score),
			TCO:      money(r.tco),
			Scores:   r.per,
			Eligible: eligible,
		})
	}
	if winner != nil {
		id := winner.ID
		res.Winner = &id
	}
	return res, winner, diags
}

// costScore is 5 for the cheapest TCO and 5 x min/tco for the others.
func costScore(tco, minTCO float64) float64 {
	if tco <= 0 || tco == minTCO {
		return 5
	}
	if minTCO <= 0 {
		return 0
	}
	return 5 * minTCO / tco
}

// noWinnerMessage explains why an evaluation has no winner.
func noWinnerMessage(res *VendorResult) string {
	if len(res.Candidates) == 0 {
		return fmt.Sprintf("vendor evaluation %q has no winner: it has no candidates", res.Evaluation)
	}
	best := res.Candidates[0]
	return fmt.Sprintf("vendor evaluation %q has no winner: the best candidate, %q, scores %s, below the minimum score %s",
		res.Evaluation, best.Vendor, formatNumber(best.Score, 2), formatNumber(res.MinimumScore, 2))
}
