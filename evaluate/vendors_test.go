package evaluate

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

func crmVendors() []*hclspec.Vendor {
	return []*hclspec.Vendor{
		// tco over 3 years: 40000 + 3 x 90000 = 310000
		{ID: "acme", Title: "ACME CRM", Category: "crm", OneTime: 40000, Annual: 90000, Provides: []string{"crm"},
			Scores: map[string]float64{"features": 4, "support": 3, "compatibility": 5}, Ranges: hclspec.Ranges{}},
		// tco: 10000 + 3 x 80000 = 250000, the cheapest
		{ID: "budget", Title: "Budget CRM", Category: "crm", OneTime: 10000, Annual: 80000, Provides: []string{"crm"},
			Scores: map[string]float64{"features": 3, "support": 4, "compatibility": 4}, Ranges: hclspec.Ranges{}},
		{ID: "erp", Category: "erp", Scores: map[string]float64{"features": 5}, Ranges: hclspec.Ranges{}},
	}
}

func crmEvaluation(minimum float64) *hclspec.Evaluation {
	return &hclspec.Evaluation{
		ID: "crm", Category: "crm", MinimumScore: minimum, Years: 3,
		Criteria: map[string]float64{"features": 0.4, "support": 0.2, "compatibility": 0.2, "cost": 0.2},
		Ranges:   hclspec.Ranges{},
	}
}

func TestVendorSelection(t *testing.T) {
	// technical scores (without cost, weights 0.8): acme (1.6 + 0.6 + 1)/0.8
	// = 4, budget (1.2 + 0.8 + 0.8)/0.8 = 3.5.
	// cost scores: budget is cheapest, 5; acme 5 x 250000/310000 = 4.032258.
	// acme:   0.4x4 + 0.2x3 + 0.2x5 + 0.2x4.032258 = 4.006452
	// budget: 0.4x3 + 0.2x4 + 0.2x4 + 0.2x5        = 3.8
	tests := []struct {
		name    string
		ev      func() *hclspec.Evaluation
		vendors func() []*hclspec.Vendor
		want    VendorResult
	}{
		{
			name: "weighted scores and TCO-derived cost",
			ev:   func() *hclspec.Evaluation { return crmEvaluation(3) },
			want: VendorResult{
				Evaluation: "crm", Category: "crm", MinimumScore: 3, Years: 3, Winner: ptr("acme"),
				Criteria: map[string]float64{"features": 0.4, "support": 0.2, "compatibility": 0.2, "cost": 0.2},
				Candidates: []VendorCandidate{
					{Vendor: "acme", Title: "ACME CRM", Score: 4.006452, TechnicalScore: ptrFloat(4), TCO: 310000, Eligible: true,
						Scores: map[string]float64{"features": 4, "support": 3, "compatibility": 5, "cost": 4.032258}},
					{Vendor: "budget", Title: "Budget CRM", Score: 3.8, TechnicalScore: ptrFloat(3.5), TCO: 250000, Eligible: true,
						Scores: map[string]float64{"features": 3, "support": 4, "compatibility": 4, "cost": 5}},
				},
			},
		},
		{
			// A junk bid (TCO 3,000) fails the technical threshold: it is
			// not the cheapest eligible bid, so acme and budget keep their
			// cost scores and acme still wins. Its own cost score is held
			// at 5.
			name: "a bid below the threshold changes nothing",
			ev:   func() *hclspec.Evaluation { return crmEvaluation(3) },
			vendors: func() []*hclspec.Vendor {
				return append(crmVendors(), &hclspec.Vendor{ID: "junk", Category: "crm", Annual: 1000,
					Scores: map[string]float64{"features": 1, "support": 1, "compatibility": 1}})
			},
			want: VendorResult{
				Evaluation: "crm", Category: "crm", MinimumScore: 3, Years: 3, Winner: ptr("acme"),
				Criteria: map[string]float64{"features": 0.4, "support": 0.2, "compatibility": 0.2, "cost": 0.2},
				Candidates: []VendorCandidate{
					{Vendor: "acme", Title: "ACME CRM", Score: 4.006452, TechnicalScore: ptrFloat(4), TCO: 310000, Eligible: true,
						Scores: map[string]float64{"features": 4, "support": 3, "compatibility": 5, "cost": 4.032258}},
					{Vendor: "budget", Title: "Budget CRM", Score: 3.8, TechnicalScore: ptrFloat(3.5), TCO: 250000, Eligible: true,
						Scores: map[string]float64{"features": 3, "support": 4, "compatibility": 4, "cost": 5}},
					{Vendor: "junk", Score: 1.8, TechnicalScore: ptrFloat(1), TCO: 3000,
						Scores: map[string]float64{"features": 1, "support": 1, "compatibility": 1, "cost": 5}},
				},
			},
		},
		{
			// cost_scale best 200,000, worst 400,000: acme (310,000) scores
			// 5 x 90/200 = 2.25, budget (250,000) 5 x 150/200 = 3.75.
			// acme 3.2 + 0.2 x 2.25 = 3.65; budget 2.8 + 0.2 x 3.75 = 3.55.
			name: "absolute cost scale",
			ev: func() *hclspec.Evaluation {
				ev := crmEvaluation(3)
				ev.CostScale = &hclspec.CostScale{Best: 200000, Worst: 400000}
				return ev
			},
			want: VendorResult{
				Evaluation: "crm", Category: "crm", MinimumScore: 3, Years: 3, Winner: ptr("acme"),
				Criteria:  map[string]float64{"features": 0.4, "support": 0.2, "compatibility": 0.2, "cost": 0.2},
				CostScale: &CostScaleInfo{Best: 200000, Worst: 400000},
				Candidates: []VendorCandidate{
					{Vendor: "acme", Title: "ACME CRM", Score: 3.65, TechnicalScore: ptrFloat(4), TCO: 310000, Eligible: true,
						Scores: map[string]float64{"features": 4, "support": 3, "compatibility": 5, "cost": 2.25}},
					{Vendor: "budget", Title: "Budget CRM", Score: 3.55, TechnicalScore: ptrFloat(3.5), TCO: 250000, Eligible: true,
						Scores: map[string]float64{"features": 3, "support": 4, "compatibility": 4, "cost": 3.75}},
				},
			},
		},
		{
			// No bid passes the technical threshold, so there is no
			// eligible price to score cost against: cost is left out and
			// the scores are the technical part alone (acme 3.2, budget
			// 2.8, over the full weight of 1).
			name: "minimum above every technical score: no winner",
			ev:   func() *hclspec.Evaluation { return crmEvaluation(4.5) },
			want: VendorResult{
				Evaluation: "crm", Category: "crm", MinimumScore: 4.5, Years: 3, Winner: nil,
				Criteria: map[string]float64{"features": 0.4, "support": 0.2, "compatibility": 0.2, "cost": 0.2},
				Candidates: []VendorCandidate{
					{Vendor: "acme", Title: "ACME CRM", Score: 3.2, TechnicalScore: ptrFloat(4), TCO: 310000,
						Scores: map[string]float64{"features": 4, "support": 3, "compatibility": 5}},
					{Vendor: "budget", Title: "Budget CRM", Score: 2.8, TechnicalScore: ptrFloat(3.5), TCO: 250000,
						Scores: map[string]float64{"features": 3, "support": 4, "compatibility": 4}},
				},
			},
		},
		{
			// An explicit cost score wins over the derived one: acme scores
			// 0.4x4 + 0.2x3 + 0.2x5 + 0.2x1 = 3.4 and loses to budget's 3.8.
			name: "explicit cost score",
			ev:   func() *hclspec.Evaluation { return crmEvaluation(3) },
			vendors: func() []*hclspec.Vendor {
				vs := crmVendors()
				vs[0].Scores["cost"] = 1
				return vs
			},
			want: VendorResult{
				Evaluation: "crm", Category: "crm", MinimumScore: 3, Years: 3, Winner: ptr("budget"),
				Criteria: map[string]float64{"features": 0.4, "support": 0.2, "compatibility": 0.2, "cost": 0.2},
				Candidates: []VendorCandidate{
					{Vendor: "budget", Title: "Budget CRM", Score: 3.8, TechnicalScore: ptrFloat(3.5), TCO: 250000, Eligible: true,
						Scores: map[string]float64{"features": 3, "support": 4, "compatibility": 4, "cost": 5}},
					{Vendor: "acme", Title: "ACME CRM", Score: 3.4, TechnicalScore: ptrFloat(4), TCO: 310000, Eligible: true,
						Scores: map[string]float64{"features": 4, "support": 3, "compatibility": 5, "cost": 1}},
				},
			},
		},
		{
			// Equal scores: the lower TCO wins; equal TCO too: the lower id.
			name: "ties: lower TCO, then id",
			ev: func() *hclspec.Evaluation {
				return &hclspec.Evaluation{ID: "t", Candidates: []string{"c", "b", "a"}, Criteria: map[string]float64{"fit": 1}, Years: 2}
			},
			vendors: func() []*hclspec.Vendor {
				return []*hclspec.Vendor{
					{ID: "a", OneTime: 100, Scores: map[string]float64{"fit": 3}},
					{ID: "b", OneTime: 100, Scores: map[string]float64{"fit": 3}},
					{ID: "c", Annual: 10, Scores: map[string]float64{"fit": 3}}, // tco 20
				}
			},
			want: VendorResult{
				Evaluation: "t", Years: 2, Winner: ptr("c"), Criteria: map[string]float64{"fit": 1},
				Candidates: []VendorCandidate{
					{Vendor: "c", Score: 3, TechnicalScore: ptrFloat(3), TCO: 20, Eligible: true, Scores: map[string]float64{"fit": 3}},
					{Vendor: "a", Score: 3, TechnicalScore: ptrFloat(3), TCO: 100, Eligible: true, Scores: map[string]float64{"fit": 3}},
					{Vendor: "b", Score: 3, TechnicalScore: ptrFloat(3), TCO: 100, Eligible: true, Scores: map[string]float64{"fit": 3}},
				},
			},
		},
		{
			name: "no candidates",
			ev: func() *hclspec.Evaluation {
				ev := crmEvaluation(3)
				ev.Category = "none"
				return ev
			},
			want: VendorResult{
				Evaluation: "crm", Category: "none", MinimumScore: 3, Years: 3,
				Criteria:   map[string]float64{"features": 0.4, "support": 0.2, "compatibility": 0.2, "cost": 0.2},
				Candidates: []VendorCandidate{},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vendors := crmVendors()
			if tt.vendors != nil {
				vendors = tt.vendors()
			}
			cfg := &hclspec.Config{Vendors: vendors, Evaluations: []*hclspec.Evaluation{tt.ev()}}
			got, winners, diags := evaluateVendors(cfg)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			if diff := cmp.Diff([]VendorResult{tt.want}, got, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
				t.Errorf("vendor result (-want +got):\n%s", diff)
			}
			if w := winners[tt.want.Evaluation]; (w == nil) != (tt.want.Winner == nil) || (w != nil && w.ID != *tt.want.Winner) {
				t.Errorf("winner = %v, want %v", w, tt.want.Winner)
			}
		})
	}
}

func TestMissingVendorScoreWarns(t *testing.T) {
	ev := crmEvaluation(0)
	ev.Criteria["security"] = 0.1
	_, _, diags := evaluateVendors(&hclspec.Config{Vendors: crmVendors(), Evaluations: []*hclspec.Evaluation{ev}})
	if len(diags) != 2 || diags.HasErrors() {
		t.Errorf("want a warning per vendor without a security score, got %v", diags)
	}
}

// A project using an evaluation gets its winner's prices and capabilities,
// or fails viability when there is no winner.
func TestProjectUsesEvaluationWinner(t *testing.T) {
	for _, tt := range []struct {
		minimum    float64
		wantStatus string
		wantVendor string
		wantReason string
	}{
		{3, StatusScheduled, "acme", ""},
		{4.5, StatusDropped, "", `vendor evaluation "crm" has no winner: the best candidate, "acme", scores 4 on the criteria other than cost, below the minimum score 4.5`},
	} {
		cfg := quarterly(8)
		cfg.Vendors = crmVendors()
		cfg.Evaluations = []*hclspec.Evaluation{crmEvaluation(tt.minimum)}
		p := addProject(cfg, newProject("crm_migration", 1))
		p.Vendor = hclspec.VendorRef{Kind: hclspec.RefEvaluation, ID: "crm"}
		p.Requires = []string{"crm"}
		p.Ranges["vendor"] = rng(7)
		plan := mustEvaluate(t, cfg)
		got := projectByID(t, plan, "crm_migration")
		if got.Status != tt.wantStatus || got.Vendor != tt.wantVendor {
			t.Errorf("minimum %v: status %s vendor %q, want %s %q", tt.minimum, got.Status, got.Vendor, tt.wantStatus, tt.wantVendor)
		}
		if tt.wantReason != "" {
			want := []Finding{{Gate: GateViability, Severity: SeverityError, Message: tt.wantReason, Range: sourceRange(rng(7))}}
			if diff := cmp.Diff(want, got.Findings); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		} else if got.Cost != 490000 {
			// acme's one_time 40000 in the first period plus its annual
			// 90000 over the 5 default years of run: 40000 + 450000.
			t.Errorf("cost %v, want 490000 (the winner's prices)", got.Cost)
		}
	}
}

func ptrFloat(x float64) *float64 { return &x }

// TestMissingScoresOneWarningPerVendor: a vendor lacking scores in many
// evaluations gets one warning listing the first criteria, not one per
// criterion and evaluation (which let a small roadmap print millions).
func TestMissingScoresOneWarningPerVendor(t *testing.T) {
	criteria := map[string]float64{}
	for _, c := range []string{"a", "b", "c", "d", "e", "f"} {
		criteria[c] = 1
	}
	cfg := &hclspec.Config{Vendors: []*hclspec.Vendor{
		{ID: "full", Category: "x", Scores: map[string]float64{"a": 1, "b": 1, "c": 1, "d": 1, "e": 1, "f": 1}, Ranges: hclspec.Ranges{}},
		{ID: "one", Category: "x", Scores: map[string]float64{"a": 1, "b": 1, "c": 1, "d": 1, "e": 1}, Ranges: hclspec.Ranges{}},
		{ID: "none", Category: "x", Ranges: hclspec.Ranges{}},
	}}
	for _, id := range []string{"e1", "e2"} {
		cfg.Evaluations = append(cfg.Evaluations, &hclspec.Evaluation{ID: id, Category: "x", Criteria: criteria, Years: 1,
			Candidates: []string{"full", "none", "one"}, Ranges: hclspec.Ranges{}})
	}
	_, _, diags := evaluateVendors(cfg)
	var got []string
	for _, d := range diags {
		got = append(got, d.Summary+": "+d.Detail)
	}
	want := []string{
		`Missing vendor score: Vendor "one" has no score for 2 criteria of the evaluations it is a candidate in: "f" of "e1", "f" of "e2"; each counts as 0.`,
		`Missing vendor score: Vendor "none" has no score for 12 criteria of the evaluations it is a candidate in: ` +
			`"a" of "e1", "b" of "e1", "c" of "e1", "d" of "e1", "e" of "e1", "f" of "e1", "a" of "e2", "b" of "e2", "c" of "e2", "d" of "e2" and 2 more; each counts as 0.`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// A bid that passes the threshold but loses can still decide between two
// others when cost is scored relative to the cheapest eligible bid: it
// sets the scale. The plan warns, naming it and the bid that would win
// without it (review qa18 Q18-3); an absolute cost_scale, or a winner
// that is itself the cheapest, gives no warning.
func TestDecisiveLosingBidWarns(t *testing.T) {
	vendors := func(withBudget bool) []*hclspec.Vendor {
		vs := []*hclspec.Vendor{
			// tco over 5 years 750,000 and 485,000
			{ID: "imagix", Category: "pacs", OneTime: 150000, Annual: 120000,
				Scores: map[string]float64{"clinical_fit": 5, "integration": 4, "support": 4}, Ranges: hclspec.Ranges{}},
			{ID: "radcloud", Category: "pacs", OneTime: 60000, Annual: 85000,
				Scores: map[string]float64{"clinical_fit": 4, "integration": 4, "support": 3}, Ranges: hclspec.Ranges{}},
		}
		if withBudget {
			// tco 300,000, technical exactly the minimum 3
			vs = append(vs, &hclspec.Vendor{ID: "budgetpacs", Category: "pacs", Annual: 60000,
				Scores: map[string]float64{"clinical_fit": 3, "integration": 3, "support": 3}, Ranges: hclspec.Ranges{}})
		}
		return vs
	}
	ev := func(scale bool) *hclspec.Evaluation {
		e := &hclspec.Evaluation{ID: "pacs", Category: "pacs", MinimumScore: 3, Years: 5,
			Criteria: map[string]float64{"clinical_fit": 0.4, "integration": 0.2, "support": 0.1, "cost": 0.3}, Ranges: hclspec.Ranges{}}
		if scale {
			e.CostScale = &hclspec.CostScale{Best: 300000, Worst: 1000000}
		}
		return e
	}
	tests := []struct {
		name       string
		withBudget bool
		scale      bool
		winner     string
		warn       string
	}{
		// imagix 0.4x5 + 0.2x4 + 0.1x4 + 0.3x5x300/750 = 3.80; radcloud
		// 1.6 + 0.8 + 0.3 + 0.3x5x300/485 = 3.63; without budgetpacs
		// radcloud 4.20 (cost 5), imagix 3.2 + 0.3x5x485/750 = 4.17.
		{"decided by a losing bid", true, false, "imagix",
			`Evaluation "pacs" picks "imagix" only because of "budgetpacs", which does not win: cost is scored relative to the cheapest eligible bid, whose TCO of 300,000 sets the scale of every cost score. Without it "radcloud" would win (4.20 against 4.17). Set cost_scale = { best = ..., worst = ... } to score cost on a scale no bid moves.`},
		{"without the bid", false, false, "radcloud", ""},
		// On the absolute scale radcloud wins with or without the bid:
		// 2.7 + 0.3x5x(1,000-485)/700 = 3.80 against 3.2 + 0.3x5x250/700 = 3.74.
		{"absolute scale", true, true, "radcloud", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			vs := vendors(tc.withBudget)
			byID := map[string]*hclspec.Vendor{}
			for _, v := range vs {
				byID[v.ID] = v
			}
			res, _, diags := evaluateVendorSelection(ev(tc.scale), vs, byID, map[*hclspec.Vendor][]missingScore{})
			if res.Winner == nil || *res.Winner != tc.winner {
				t.Fatalf("winner %v, want %s", res.Winner, tc.winner)
			}
			var got string
			for _, d := range diags {
				if d.Summary == "Vendor winner decided by a losing bid" {
					got = d.Detail
				}
			}
			if diff := cmp.Diff(tc.warn, got); diff != "" {
				t.Errorf("warning (-want +got):\n%s", diff)
			}
		})
	}
}
