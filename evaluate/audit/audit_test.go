package audit

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
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
	// Short: each system with its gap (the audit says why), then what may close one.
	wantMsg := "2 systems run out of support before a replacement goes live: desk (3 quarters unsupported) and crm (no replacement: 3 quarters); " +
		"see the technology audit. To close a gap, try --optimize, which weighs systems' support before its objective."
	if rep.Check.Message != wantMsg {
		t.Errorf("message:\n%s\nwant\n%s", rep.Check.Message, wantMsg)
	}
}

// The audit's words on systems and choices together: support that ended
// before the roadmap, a system replaced by two scheduled projects (retired
// once, at the first go-live), one never replaced; and the follow-up of
// the option a choice left out is dropped, not left waiting.
func TestAuditWithChoices(t *testing.T) {
	cfg, diags := hclspec.NewLoader().LoadDir(filepath.Join("testdata", "constraints"), hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	rep, diags := Run(context.Background(), cfg, evaluate.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	got := map[string]string{}
	for _, s := range rep.Systems {
		got[s.ID] = s.Message
	}
	want := map[string]string{
		"crm_old":    "out of support from the roadmap's start (end of support 2026-Q2): unsupported for 3 quarters (2027-Q1..2027-Q3) until \"build_crm\" goes live in 2027-Q4 (it starts in 2027-Q1 and takes 3 quarters)",
		"mail":       "out of support from 2027-Q4 and no project replaces it: unsupported for 5 quarters, to the end of the horizon",
		"tape":       `replaced by "disk_backup", live from 2027-Q2; supported through 2027-Q2: no gap; "cloud_backup" also replaces it: the system is retired once, at the first go-live`,
		"fileserver": `replaced by "files_migration", live from 2027-Q2`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages (-want +got):\n%s", diff)
	}
	for _, p := range rep.Plan.Projects {
		if p.ID != "vendor_training" {
			continue
		}
		if p.Status != evaluate.StatusDropped || p.Gate != evaluate.GateViability ||
			!cmp.Equal(p.Reasons, []string{`depends on dropped project "buy_crm" (another option of choice "crm" was chosen)`}) {
			t.Errorf("vendor_training: %s, gate %s, %q", p.Status, p.Gate, p.Reasons)
		}
	}
	var warned bool
	for _, d := range diags {
		warned = warned || d.Summary == "System replaced by two projects"
	}
	if _, d := hclspec.NewLoader().LoadDir(filepath.Join("testdata", "constraints"), hclspec.LoadOptions{}); !warned {
		for _, x := range d {
			warned = warned || (x.Summary == "System replaced by two projects" && x.Subject != nil && x.Subject.Start.Line > 0)
		}
	}
	if !warned {
		t.Error("no warning for tape, replaced by two projects that both run")
	}
}

// TestAuditDoneReplacement: a replacement finished before the status date
// retires the system from the period after it finished (as the run rate
// counts it), so a support end after that is no gap and the policy holds.
func TestAuditDoneReplacement(t *testing.T) {
	cfg, diags := hclspec.NewLoader().LoadDir(filepath.Join("testdata", "done"), hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	rep, diags := Run(context.Background(), cfg, evaluate.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	s := rep.Systems[0]
	got := gap{Gap: s.Gap, Periods: s.GapPeriods}
	if s.Replacement != nil {
		got.Replacement, got.GoLive = *s.Replacement, *s.GoLive
	}
	want := gap{Gap: evaluate.GapNone, Replacement: "done1", GoLive: "2027-Q3"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("s1 (-want +got):\n%s", diff)
	}
	if rep.Check == nil || !rep.Check.Passed || rep.Retired != 12000 {
		t.Errorf("policy check %+v, retired %v; want passed, 12000", rep.Check, rep.Retired)
	}
}

// TestSystemRetiredOnce: a system two running projects replace is retired
// once, by the first to go live (the better ranked on a tie, a done one
// before any scheduled: the others save nothing from it), and the audit, the run rate and the plan's
// totals agree on it. Each project's own figures count its saving as if
// it ran alone; the totals equal the sums of the figures the later
// projects have without the shared systems in their replaces.
func TestSystemRetiredOnce(t *testing.T) {
	dir := filepath.Join("testdata", "shared_saving")
	load := func() *hclspec.Config {
		cfg, diags := hclspec.NewLoader().LoadDir(dir, hclspec.LoadOptions{})
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		return cfg
	}
	rep, diags := Run(context.Background(), load(), evaluate.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	plan := rep.Plan
	byID := map[string]evaluate.ProjectPlan{}
	for _, p := range plan.Projects {
		byID[p.ID] = p
	}
	// t1 and t2 go live together: the better ranked retires tie.
	tieFirst, tieLater := "t1", "t2"
	if byID["t2"].Rank < byID["t1"].Rank {
		tieFirst, tieLater = "t2", "t1"
	}
	wantRetiredBy := map[string]string{"old": "fast", "tie": tieFirst, "gone": "done_r", "solo": "slow"}
	audited := map[string]string{}
	for _, s := range rep.Systems {
		if s.Replacement != nil {
			audited[s.ID] = *s.Replacement
		}
	}
	if diff := cmp.Diff(wantRetiredBy, audited); diff != "" {
		t.Errorf("audit replacements (-want +got):\n%s", diff)
	}
	runRate := map[string]string{}
	for _, s := range plan.RunRate.Systems {
		if prev, dup := runRate[s.ID]; dup {
			t.Errorf("run rate retires %s twice: by %s and %s", s.ID, prev, s.RetiredBy)
		}
		runRate[s.ID] = s.RetiredBy
	}
	if diff := cmp.Diff(wantRetiredBy, runRate); diff != "" {
		t.Errorf("run rate retirements (-want +got):\n%s", diff)
	}
	const retired = 100000 + 40000 + 30000 + 20000
	if rep.Retired != retired || plan.RunRate.RetiredPerYear != retired {
		t.Errorf("retired a year: audit %v, run rate %v; want %v", rep.Retired, plan.RunRate.RetiredPerYear, retired)
	}

	// The later replacements keep their own figures and say where the
	// saving went. One of a system a done project retired already saves
	// nothing from it (qa17-dom D1) and says so.
	shared := map[string]string{"slow": "old", tieLater: "tie"}
	credited := map[string]string{"slow": "fast", tieLater: tieFirst}
	gone := false
	for _, f := range byID["late"].Findings {
		gone = gone || (f.Severity == evaluate.SeverityWarning && f.Range != nil &&
			strings.HasPrefix(f.Message, `replaces system "gone", which done project "done_r" retired already`))
	}
	if !gone || byID["late"].Saving != 0 {
		t.Errorf("late: saving %v, findings %+v; want 0 and a warning that done_r retired gone", byID["late"].Saving, byID["late"].Findings)
	}
	for id, p := range byID {
		sys, later := shared[id]
		if !later {
			if p.SharedSaving != 0 {
				t.Errorf("%s: shared_saving %v, want 0", id, p.SharedSaving)
			}
			continue
		}
		var warned bool
		for _, f := range p.Findings {
			warned = warned || (f.Severity == evaluate.SeverityWarning &&
				strings.HasPrefix(f.Message, fmt.Sprintf("saving from system %q", sys)) &&
				strings.Contains(f.Message, fmt.Sprintf("credited to %q, which retires it first", credited[id])) && f.Range != nil)
		}
		if !warned {
			t.Errorf("%s: no warning that the saving from %s is credited to %s: %+v", id, sys, credited[id], p.Findings)
		}
	}

	// The same roadmap with the shared systems out of the later projects'
	// replaces: their own figures are what the totals count.
	alone := load()
	for _, p := range alone.Projects {
		if sys, ok := shared[p.ID]; ok {
			p.Replaces = slices.DeleteFunc(p.Replaces, func(s string) bool { return s == sys })
		}
	}
	other, diags := evaluate.Evaluate(context.Background(), alone, evaluate.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	without := map[string]evaluate.ProjectPlan{}
	for _, p := range other.Projects {
		without[p.ID] = p
	}
	var benefit, npv, rnpv, snpv float64
	for id, p := range byID {
		if p.Status != evaluate.StatusScheduled {
			continue
		}
		q := p
		if _, later := shared[id]; later {
			q = without[id]
			if math.Abs(p.Saving-p.SharedSaving-q.Saving) > 0.01 || p.SharedSaving <= 0 {
				t.Errorf("%s: saving %v, shared %v; alone without the shared system %v", id, p.Saving, p.SharedSaving, q.Saving)
			}
		}
		benefit += q.Benefit
		npv += q.NPV
		rnpv += q.RiskAdjustedNPV
		snpv += *p.ScheduledNPV * q.NPV / p.NPV // the same start, discounted as the plan's
	}
	tot := plan.Totals
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"benefit", tot.Benefit, benefit}, {"npv", tot.NPV, npv}, {"risk_adjusted_npv", tot.RiskAdjustedNPV, rnpv}, {"scheduled_npv", tot.ScheduledNPV, snpv}} {
		if math.Abs(c.got-c.want) > 0.05 {
			t.Errorf("totals.%s = %.2f, want %.2f (the shared savings counted once)", c.name, c.got, c.want)
		}
	}
}

// TestEndOfSupportBoundary: the audit counts end_of_support as the last
// supported period, as the load warning and docs/language.md do: support
// through 2026-Q4 is a gap from the roadmap's first quarter (warned at
// load), through 2027-Q1 a gap from 2027-Q2 (no warning).
func TestEndOfSupportBoundary(t *testing.T) {
	cfg, diags := hclspec.NewLoader().LoadDir(filepath.Join("testdata", "eos_boundary"), hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	var warned []string
	for _, d := range diags {
		if d.Summary == "System out of support with no replacement" {
			warned = append(warned, d.Detail)
		}
	}
	if len(warned) != 1 || !strings.HasPrefix(warned[0], `System "quarter_before" is supported through 2026-Q4 (end_of_support), so it is out of support before the roadmap starts`) {
		t.Errorf("load warnings %q", warned)
	}
	rep, diags := Run(context.Background(), cfg, evaluate.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	type row struct {
		First, Periods int
		Message        string
	}
	got := map[string]row{}
	for _, s := range rep.Systems {
		got[s.ID] = row{*s.EndOfSupportPeriod, s.GapPeriods, s.Message}
	}
	want := map[string]row{
		"quarter_before": {0, 8, "out of support from the roadmap's start (end of support 2026-Q4) and no project replaces it: unsupported for 8 quarters, to the end of the horizon"},
		"first_quarter":  {1, 7, "out of support from 2027-Q2 and no project replaces it: unsupported for 7 quarters, to the end of the horizon"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("audit (-want +got):\n%s", diff)
	}
}

// TestRetiredCapabilityWarning: a scheduled project that requires a
// capability only retired systems provide when it starts gets a warning
// naming the capability, the system and the project retiring it; one
// that starts before the retirement, one whose capability the replacing
// project provides itself, and one with another system still providing
// it get none.
func TestRetiredCapabilityWarning(t *testing.T) {
	cfg, diags := hclspec.NewLoader().LoadDir(filepath.Join("testdata", "retired_capability"), hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	plan, diags := evaluate.Evaluate(context.Background(), cfg, evaluate.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	got := map[string][]string{}
	for _, p := range plan.Projects {
		if p.Status != evaluate.StatusScheduled {
			t.Errorf("%s: %s, want scheduled (a warning, not a gate)", p.ID, p.Status)
		}
		for _, f := range p.Findings {
			if f.Severity == evaluate.SeverityWarning && f.Gate == evaluate.GateViability {
				got[p.ID] = append(got[p.ID], f.Message)
				if f.Range == nil || f.Range.Line == 0 {
					t.Errorf("%s: warning without a position", p.ID)
				}
			}
		}
	}
	msg := func(start string) []string {
		return []string{`requires capability "crm", which only system "crm_legacy" provides, but "new_crm" retires "crm_legacy" from 2027-Q2, before this project starts in ` + start +
			`, without providing "crm" itself: the capability is gone when it starts (list it in the replacing project's provides, or plan this project before the retirement)`}
	}
	want := map[string][]string{"crm_reports": msg("2027-Q3"), "crm_sync": msg("2027-Q2")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}
