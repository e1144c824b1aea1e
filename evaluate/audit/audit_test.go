package audit

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

type gap struct {
	Gap         string
	Periods     int
	Replacement string
	GoLive      string
}

// Each case of the audit on one roadmap: erp replaced before its support
// ends; desk replaced three quarters late (the apps team does erp first); crm's
// replacement cannot finish inside the horizon, so nothing replaces it;
// backup supported past the horizon. The policy fails on the two gaps.
func TestAuditGaps(t *testing.T) {
	cfg, diags := hclspec.NewLoader().LoadDir(filepath.Join("testdata", "base"), hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	rep, diags := Run(context.Background(), cfg, evaluate.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	got := map[string]gap{}
	for _, s := range rep.Systems {
		g := gap{Gap: s.Gap, Periods: s.GapPeriods}
		if s.Replacement != nil {
			g.Replacement, g.GoLive = *s.Replacement, *s.GoLive
		}
		got[s.ID] = g
	}
	want := map[string]gap{
		"erp":    {Gap: evaluate.GapNone, Replacement: "erp_upgrade", GoLive: "2027-Q3"},
		"desk":   {Gap: evaluate.GapUnsupported, Periods: 3, Replacement: "new_desk", GoLive: "2028-Q1"},
		"crm":    {Gap: evaluate.GapNoReplacement, Periods: 3},
		"backup": {Gap: evaluate.GapNone},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("audit (-want +got):\n%s", diff)
	}
	if rep.Gaps != 2 || rep.RunCostPerYear != 120000 || rep.Retired != 120000 {
		t.Errorf("totals: %d gaps, run cost %v, retired %v", rep.Gaps, rep.RunCostPerYear, rep.Retired)
	}
	if rep.Check == nil || rep.Check.Passed || rep.Check.Severity != evaluate.SeverityError || rep.Check.Range == nil {
		t.Fatalf("check %+v", rep.Check)
	}
	if c := rep.Plan.Checks[len(rep.Plan.Checks)-1]; c.ID != CheckID {
		t.Errorf("the plan's last check is %q", c.ID)
	}
	wantMsg := "2 systems run out of support before a replacement goes live: desk: unsupported for 3 quarters (2027-Q2..2027-Q4) until new_desk goes live in 2028-Q1; " +
		"crm: out of support from 2027-Q4 and no project that replaces it is scheduled (new_crm): unsupported for 3 quarters, to the end of the horizon"
	if rep.Check.Message != wantMsg {
		t.Errorf("message:\n%s\nwant\n%s", rep.Check.Message, wantMsg)
	}
}
