package evaluate

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// A replaced system's run cost is a saving in the replacing project's
// finance, from go-live for its years of benefit: checked by hand.
func TestReplacedSystemSavingInNPV(t *testing.T) {
	cfg := newConfig(hclspec.Year, "2027", 4)
	cfg.Roadmap.DiscountRate = 0.1
	cfg.Systems = []*hclspec.System{{ID: "erp", RunCostPerYear: 50000, Ranges: hclspec.Ranges{}}}
	p := addProject(cfg, newProject("erp_upgrade", 1))
	p.Cost.OneTime = 100000
	p.Benefit.PerYear = 20000
	p.Benefit.Years = 2
	p.Replaces = []string{"erp"}
	plan := mustEvaluate(t, cfg)
	got := projectByID(t, plan, "erp_upgrade")
	// Yearly flows: -100,000 to build, then two years of 20,000 benefit
	// and 50,000 run cost saved: -100,000, 70,000, 70,000.
	want := -100000 + 70000/1.1 + 70000/(1.1*1.1)
	if math.Abs(got.NPV-want) > 0.01 {
		t.Errorf("NPV %v, by hand %v", got.NPV, want)
	}
	if got.Saving != 100000 || got.Benefit != 140000 {
		t.Errorf("saving %v benefit %v, want 100000 of 140000", got.Saving, got.Benefit)
	}
	if len(got.Replaces) != 1 || got.Replaces[0] != "erp" {
		t.Errorf("replaces %v", got.Replaces)
	}
}

// The rule for projects on an ageing system: a capability only a system
// provides, that system out of support inside the horizon, raises the
// project's risk by the system's risk score, with a warning; not when the
// stack also provides it, nor for the project that replaces the system,
// nor when support lasts beyond the horizon.
func TestSystemPastEndOfSupportRaisesRisk(t *testing.T) {
	build := func(eos int) *hclspec.Config {
		cfg := quarterly(8)
		cfg.Roadmap.RiskAppetite = 0.5
		cfg.Systems = []*hclspec.System{{ID: "crm_legacy", Provides: []string{"crm"}, EndOfSupport: eos, EndOfSupportSet: true,
			Risk: hclspec.Risk{Disruption: 0.3}, Ranges: hclspec.Ranges{}}}
		p := addProject(cfg, newProject("portal", 1))
		p.Requires = []string{"crm"}
		p.Risk.Failure = 0.2
		r := addProject(cfg, newProject("crm_new", 1))
		r.Requires = []string{"crm"}
		r.Replaces = []string{"crm_legacy"}
		return cfg
	}
	plan := mustEvaluate(t, build(3))
	portal := projectByID(t, plan, "portal")
	if math.Abs(portal.Risk-0.44) > 1e-9 || len(portal.Findings) != 1 ||
		portal.Findings[0].Message != `requires capability "crm", which only system "crm_legacy" provides, out of support from 2027-Q4: its risk 0.3 raises the project's from 0.2 to 0.44; "crm_new" replaces "crm_legacy" from 2027-Q2 in this plan, before its support ends, but the risk gate judges the systems as they are, before the schedule` {
		t.Errorf("portal: risk %v findings %+v", portal.Risk, portal.Findings)
	}
	if r := projectByID(t, plan, "crm_new"); r.Risk != 0 || len(r.Findings) != 0 {
		t.Errorf("the replacement: risk %v findings %+v", r.Risk, r.Findings)
	}
	if p := projectByID(t, mustEvaluate(t, build(8)), "portal"); math.Abs(p.Risk-0.2) > 1e-9 {
		t.Errorf("supported past the horizon: risk %v", p.Risk)
	}
	cfg := build(0)
	cfg.Roadmap.Stack = []string{"crm"}
	if p := projectByID(t, mustEvaluate(t, cfg), "portal"); math.Abs(p.Risk-0.2) > 1e-9 {
		t.Errorf("in the stack too: risk %v", p.Risk)
	}
	// Out of support before the roadmap: raised past the appetite.
	cfg = build(0)
	cfg.Systems[0].Risk.Disruption = 0.5
	p := projectByID(t, mustEvaluate(t, cfg), "portal")
	if p.Status != StatusDropped || p.Gate != GateRisk || !strings.Contains(p.Findings[0].Message, "out of support before the roadmap starts") {
		t.Errorf("portal: %s %s %+v", p.Status, p.Gate, p.Findings)
	}
}

// The unsupported-system risk raise keeps its rule (the gates judge the
// systems before the schedule), but its warning says what the project
// requires rather than what it "runs on", names the project the plan
// retires the system with, and when: before the support ends, after it,
// or a replacing project that does not go live (review F16: a reader was
// told a system retired in the same plan is a risk); says when the
// project starts after that go-live, and how to count on the replacement
// when it provides the capability (qa15f F2). Risks have two decimals,
// as in the table (0.388 was 0.39 there).
func TestExposureWarningNamesTheReplacement(t *testing.T) {
	const raise = `requires capability "crm", which only system "crm_legacy" provides, out of support from 2027-Q4: its risk 0.3 raises the project's from 0.2 to 0.44`
	const judged = `, but the risk gate judges the systems as they are, before the schedule`
	tests := []struct {
		name     string
		edit     func(cfg *hclspec.Config, p, r *hclspec.Project)
		want     string
		wantRisk float64
	}{
		{"retired before its support ends", func(*hclspec.Config, *hclspec.Project, *hclspec.Project) {},
			raise + `; "crm_new" replaces "crm_legacy" from 2027-Q2 in this plan, before its support ends` + judged, 0.44},
		{"retired as its support ends", func(_ *hclspec.Config, _, r *hclspec.Project) { r.EarliestStart = 2 },
			raise + `; "crm_new" replaces "crm_legacy" from 2027-Q4 in this plan, before its support ends` + judged, 0.44},
		{"retired after its support ends", func(_ *hclspec.Config, _, r *hclspec.Project) { r.EarliestStart = 4 },
			raise + `; "crm_new" replaces "crm_legacy" from 2028-Q2 in this plan, after its support ends` + judged, 0.44},
		{"retired after the horizon", func(_ *hclspec.Config, _, r *hclspec.Project) { r.EarliestStart = 7 },
			raise + `; "crm_new" replaces "crm_legacy" from 2029-Q1 in this plan (after the horizon), after its support ends` + judged, 0.44},
		{"project starts after the go-live", func(_ *hclspec.Config, p, _ *hclspec.Project) { p.EarliestStart = 5 },
			raise + `; "crm_new" replaces "crm_legacy" from 2027-Q2 in this plan, before its support ends, and this project starts after that (2028-Q2)` + judged, 0.44},
		{"replacement provides the capability", func(_ *hclspec.Config, p, r *hclspec.Project) { p.EarliestStart = 5; r.Provides = []string{"crm"} },
			raise + `; "crm_new" replaces "crm_legacy" from 2027-Q2 in this plan, before its support ends, and this project starts after that (2028-Q2)` + judged +
				`: to run it on what "crm_new" provides, add depends_on = [project.crm_new]`, 0.44},
		{"risk in two decimals", func(cfg *hclspec.Config, p, r *hclspec.Project) {
			cfg.Systems[0].Risk.Disruption = 0.28
			p.Risk.Failure = 0.15
			r.Excluded = true
		}, `requires capability "crm", which only system "crm_legacy" provides, out of support from 2027-Q4: its risk 0.28 raises the project's from 0.15 to 0.39; "crm_new" (dropped), which would replace "crm_legacy", does not go live in this plan`, 0.388},
		{"replacement dropped", func(_ *hclspec.Config, _, r *hclspec.Project) { r.Excluded = true },
			raise + `; "crm_new" (dropped), which would replace "crm_legacy", does not go live in this plan`, 0.44},
		{"no replacement", func(cfg *hclspec.Config, _, _ *hclspec.Project) { cfg.Projects = cfg.Projects[:1] },
			raise, 0.44},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := quarterly(8)
			cfg.Roadmap.RiskAppetite = 0.5
			cfg.Systems = []*hclspec.System{{ID: "crm_legacy", Provides: []string{"crm"}, EndOfSupport: 3, EndOfSupportSet: true,
				Risk: hclspec.Risk{Disruption: 0.3}, Ranges: hclspec.Ranges{}}}
			p := addProject(cfg, newProject("portal", 1))
			p.Requires = []string{"crm"}
			p.Risk.Failure = 0.2
			r := addProject(cfg, newProject("crm_new", 1))
			r.Requires = []string{"crm"}
			r.Replaces = []string{"crm_legacy"}
			tt.edit(cfg, p, r)
			portal := projectByID(t, mustEvaluate(t, cfg), "portal")
			if math.Abs(portal.Risk-tt.wantRisk) > 1e-9 {
				t.Errorf("risk %v, want %v: the rule is unchanged", portal.Risk, tt.wantRisk)
			}
			var got []string
			for _, f := range portal.Findings {
				if f.Gate == GateRisk { // not the retired-capability warning
					got = append(got, f.Message)
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("findings %q\nwant %q", got, tt.want)
			}
		})
	}
}

// A system's audit message names at most three of the projects that
// replace it and would not run, each reason clipped (review qa15g F8: a
// 155 KB roadmap made a 19 MB message per system).
func TestAuditMessageNamesAFewReplacers(t *testing.T) {
	var b strings.Builder
	b.WriteString("roadmap {\n  start   = \"2027-Q1\"\n  horizon = 4\n}\ngoal \"g\" { weight = 1 }\n")
	b.WriteString("system \"s\" {\n  end_of_support = \"2027-Q2\"\n}\n")
	long := strings.Repeat("x", 5000)
	for i := range 5 {
		fmt.Fprintf(&b, "project \"p%d\" {\n  duration = 1\n  goals    = { g = 0.5 }\n  replaces = [system.s]\n  requires = [\"%s%d\"]\n}\n", i, long, i)
	}
	plan := evaluateWith(t, loadSource(t, b.String()), Options{})
	if len(plan.Systems) != 1 {
		t.Fatalf("%d systems", len(plan.Systems))
	}
	msg := plan.Systems[0].Message
	for _, want := range []string{`"p0": dropped, requires capability "xxx`, `"p2": dropped`, "and 2 more, their reasons in the ranked roadmap"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %.300q... lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, `"p3"`) || len(msg) > 1500 {
		t.Errorf("message of %d bytes names more than three replacers: %.300q", len(msg), msg)
	}
}
