package evaluate

import (
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
		portal.Findings[0].Message != `runs on system "crm_legacy" (capability "crm"), out of support from 2027-Q4: its risk 0.3 raises the project's from 0.2 to 0.44` {
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
