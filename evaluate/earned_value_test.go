package evaluate

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// The baseline: the plan of record saved at the start of 2027, before
// anything started. A team costs 10,000 per FTE-quarter.
//
//	portal  2027-Q1..2027-Q4: one-time 100,000 / 4 + 2 FTE x 10,000 =
//	        45,000 a quarter; BAC 180,000
//	crm     2027-Q2..2027-Q3: 40,000 / 2 + 1 x 10,000 = 30,000 a
//	        quarter; BAC 60,000
//	infra   2028-Q1..2028-Q2: 20,000 / 2 = 10,000 a quarter; BAC 20,000
//	legacy  2027-Q1..2027-Q2: 1 x 10,000 a quarter; BAC 20,000 (removed
//	        from the roadmap since)
const evBaseline = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  currency = "EUR"
}

team "platform" {
  capacity     = 4
  cost_per_fte = 10000
}

project "portal" {
  duration = 4
  effort   = { platform = 2 }
  cost {
    one_time = 100000
  }
  benefit {
    per_year = 200000
  }
}

project "crm" {
  duration       = 2
  effort         = { platform = 1 }
  earliest_start = "2027-Q2"
  cost {
    one_time = 40000
  }
  benefit {
    per_year = 100000
  }
}

project "infra" {
  duration       = 2
  earliest_start = "2028-Q1"
  cost {
    one_time = 20000
  }
  benefit {
    per_year = 50000
  }
}

project "legacy" {
  duration = 2
  effort   = { platform = 1 }
  benefit {
    per_year = 50000
  }
}
`

// The status at 2027-Q3 (status period 2: PV counts 2027-Q1 and
// 2027-Q2): portal in progress, crm done early (and re-declared at a
// one-time cost of 50,000), infra not started, legacy gone, analytics
// added.
const evStatus = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  currency = "EUR"
  as_of   = "2027-Q3"
}

team "platform" {
  capacity     = 4
  cost_per_fte = 10000
}

project "portal" {
  duration = 4
  effort   = { platform = 2 }
  status   = "in_progress"
  started  = "2027-Q1"
  cost {
    one_time = 100000
  }
  benefit {
    per_year = 200000
  }
  progress {
    spent            = 120000
    percent_complete = 0.4
  }
}

project "crm" {
  duration = 2
  effort   = { platform = 1 }
  status   = "done"
  started  = "2027-Q2"
  finished = "2027-Q2"
  cost {
    one_time = 50000
  }
  benefit {
    per_year = 100000
  }
  progress {
    spent = 50000
  }
}

project "infra" {
  duration       = 2
  earliest_start = "2028-Q1"
  cost {
    one_time = 20000
  }
  benefit {
    per_year = 50000
  }
}

project "analytics" {
  duration = 1
  cost {
    one_time = 10000
  }
  benefit {
    per_year = 30000
  }
}
`

// savedPlan evaluates src and returns its plan as saved and read back.
func savedPlan(t *testing.T, src string) *Plan {
	t.Helper()
	data, err := json.Marshal(livingPlan(t, src))
	if err != nil {
		t.Fatal(err)
	}
	var p Plan
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	return &p
}

func planWithBaseline(t *testing.T, src string, bl *Plan) (*Plan, hcl.Diagnostics) {
	t.Helper()
	cfg, diags := hclspec.NewLoader().LoadSources("living", map[string][]byte{"main.hcl": []byte(src)}, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatalf("load: %v", diags)
	}
	plan, d := Evaluate(context.Background(), cfg, Options{Baseline: &Baseline{Plan: bl, Source: "baseline.json"}})
	return plan, d
}

func f(x float64) *float64 { return &x }
func s(x string) *string   { return &x }

// TestEarnedValueFigures asserts the figures worked by hand:
//
//	portal: PV = 45,000 x 2 = 90,000; EV = 0.4 x 180,000 = 72,000;
//	  AC 120,000; CV = -48,000; SV = -18,000; CPI = 72/120 = 0.6;
//	  SPI = 72/90 = 0.8; EAC = 180,000 / 0.6 = 300,000; VAC = -120,000;
//	  forecast: 4 quarters / 0.8 = 5 from 2027-Q1: 2028-Q1.
//	crm (done): PV = 30,000 (2027-Q2); EV = BAC = 60,000 (the
//	  baseline's: re-declared at 70,000 it is re-planned, measured
//	  against the baseline); AC 50,000; CV 10,000; SV 30,000; CPI 1.2;
//	  SPI 2; EAC = 60,000 / 1.2 = 50,000; VAC 10,000; finished 2027-Q2.
//	infra: PV 0, EV 0, AC 0: no CPI (nothing spent), no SPI (nothing
//	  planned yet), no EAC.
//	analytics: not in the baseline, not counted.
//	portfolio (portal, crm, infra): BAC 260,000; PV 120,000; EV 132,000;
//	  AC 170,000; CV -38,000; SV 12,000; CPI = 132/170 = 0.776471;
//	  SPI = 132/120 = 1.1; EAC = 260,000 x 170 / 132 = 334,848.48;
//	  VAC -74,848.48; baseline span 2027-Q1..2028-Q2 (6 quarters) / 1.1
//	  = 5.45 -> 6: forecast end 2028-Q2.
//	legacy: removed, BAC 20,000, PV 20,000.
func TestEarnedValueFigures(t *testing.T) {
	bl := savedPlan(t, evBaseline)
	plan, diags := planWithBaseline(t, evStatus, bl)
	if plan == nil || diags.HasErrors() {
		t.Fatalf("evaluate: %v", diags)
	}
	approx := cmpopts.EquateApprox(0, 1e-6)
	ignore := cmpopts.IgnoreFields(EarnedValue{}, "Message", "Reasons")

	want := map[string]EarnedValue{
		"portal": {Baseline: BaselinePlanned, Counted: true, PlannedStart: s("2027-Q1"), PlannedEnd: s("2027-Q4"),
			PercentComplete: f(0.4), BAC: f(180000), PV: f(90000), EV: f(72000), AC: 120000,
			CV: f(-48000), SV: f(-18000), CPI: f(0.6), SPI: f(0.8), EAC: f(300000), VAC: f(-120000), ForecastEnd: s("2028-Q1")},
		"crm": {Baseline: BaselineReplanned, Counted: true, PlannedStart: s("2027-Q2"), PlannedEnd: s("2027-Q3"),
			PercentComplete: f(1), BAC: f(60000), PV: f(30000), EV: f(60000), AC: 50000,
			CV: f(10000), SV: f(30000), CPI: f(1.2), SPI: f(2), EAC: f(50000), VAC: f(10000), ForecastEnd: s("2027-Q2")},
		"infra": {Baseline: BaselinePlanned, Counted: true, PlannedStart: s("2028-Q1"), PlannedEnd: s("2028-Q2"),
			PercentComplete: f(0), BAC: f(20000), PV: f(0), EV: f(0), AC: 0, CV: f(0), SV: f(0)},
		"analytics": {Baseline: BaselineAdded, PercentComplete: f(0)},
	}
	for id, w := range want {
		got := projectOf(t, plan, id).EarnedValue
		if got == nil {
			t.Fatalf("%s: no earned value", id)
		}
		if d := cmp.Diff(w, *got, approx, ignore); d != "" {
			t.Errorf("%s (-want +got):\n%s", id, d)
		}
	}
	crm := projectOf(t, plan, "crm").EarnedValue
	if !strings.Contains(crm.Message, "build cost EUR 60,000 -> EUR 70,000") {
		t.Errorf("crm message %q does not say how it was re-planned", crm.Message)
	}
	infra := projectOf(t, plan, "infra").EarnedValue
	for _, k := range []string{"cpi", "spi", "eac", "vac", "forecast_end"} {
		if infra.Reasons[k] == "" {
			t.Errorf("infra: no reason for the missing %s: %v", k, infra.Reasons)
		}
	}
	if an := projectOf(t, plan, "analytics").EarnedValue; an.Reasons["pv"] != "not in the baseline" || an.Reasons["cpi"] == "" {
		t.Errorf("analytics reasons = %v", an.Reasons)
	}

	port := plan.EarnedValue
	if port == nil {
		t.Fatal("no portfolio earned value")
	}
	wantPort := EarnedValuePlan{
		Baseline:   BaselineInfo{Source: "baseline.json", Name: "living"},
		StatusDate: "2027-Q3", StatusPeriod: 2,
		BAC: 260000, PV: 120000, EV: 132000, AC: 170000, CV: -38000, SV: 12000,
		CPI: f(0.776471), SPI: f(1.1), EAC: f(334848.48), VAC: f(-74848.48),
		PlannedEnd: s("2028-Q2"), ForecastEnd: s("2028-Q2"), Reasons: map[string]string{},
		Counted: []string{"portal", "crm", "infra"}, NotCounted: []string{"analytics"},
		Removed: []RemovedProject{{ID: "legacy", BAC: 20000, PV: 20000}},
	}
	if d := cmp.Diff(wantPort, *port, approx, cmpopts.IgnoreFields(EarnedValuePlan{}, "Periods"), cmpopts.SortSlices(func(a, b string) bool { return a < b })); d != "" {
		t.Errorf("portfolio (-want +got):\n%s", d)
	}
	// The S-curve: cumulative PV 45,000, 120,000, 195,000, 240,000,
	// 250,000, 260,000, 260,000, 260,000; AC (portal's 120,000 over
	// 2027-Q1..Q2, crm's 50,000 in 2027-Q2) 60,000, 170,000, then null.
	var pv []float64
	var ac []*float64
	for _, p := range port.Periods {
		pv = append(pv, p.PV)
		ac = append(ac, p.AC)
	}
	if d := cmp.Diff([]float64{45000, 120000, 195000, 240000, 250000, 260000, 260000, 260000}, pv); d != "" {
		t.Errorf("PV curve (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]*float64{f(60000), f(170000), nil, nil, nil, nil, nil, nil}, ac); d != "" {
		t.Errorf("AC curve (-want +got):\n%s", d)
	}
}

// TestEarnedValueInChecks: checks read plan.projects.x.cpi (and spi),
// the whole earned_value, and the portfolio's.
func TestEarnedValueInChecks(t *testing.T) {
	src := evStatus + `
check "portal_cost" {
  condition     = plan.projects.portal.cpi >= 0.9
  error_message = "portal CPI ${plan.projects.portal.cpi}"
}
check "crm_spi" {
  condition     = plan.projects["crm"].earned_value.spi == 2
  error_message = "crm SPI"
}
check "portfolio" {
  condition     = plan.earned_value.spi > 1 && plan.projects.infra.cpi == null
  error_message = "portfolio SPI"
}
`
	plan, diags := planWithBaseline(t, src, savedPlan(t, evBaseline))
	if plan == nil || diags.HasErrors() {
		t.Fatalf("evaluate: %v", diags)
	}
	got := map[string]string{}
	for _, c := range plan.Checks {
		got[c.ID] = c.Message
		if c.Passed {
			got[c.ID] = "passed"
		}
	}
	want := map[string]string{"portal_cost": "portal CPI 0.6", "crm_spi": "passed", "portfolio": "passed"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("checks (-want +got):\n%s", d)
	}
}

// TestEarnedValueRefusesBaselines: a baseline earned value cannot be
// measured against is an error naming why.
func TestEarnedValueRefusesBaselines(t *testing.T) {
	bl := savedPlan(t, evBaseline)
	other := *bl
	other.Roadmap.Name = "elsewhere"
	grid := *bl
	grid.Roadmap.Start = "2027-Q2"
	monthly := *bl
	monthly.Roadmap.Period = "month"
	later := *bl
	l, i := "2027-Q4", 3
	later.Roadmap.AsOf, later.Roadmap.AsOfPeriod = &l, &i
	view := *bl
	view.View = &View{}
	tests := []struct {
		name, src string
		bl        *Plan
		want      string
	}{
		{"no status date", evBaseline, bl, "Earned value needs a status date"},
		{"another roadmap", evStatus, &other, `Baseline of another roadmap`},
		{"another start", evStatus, &grid, "Baseline on another period grid"},
		{"another period", evStatus, &monthly, "Baseline on another period grid"},
		{"later status date", evStatus, &later, "Baseline after the status date"},
		{"a view", evStatus, &view, "Baseline is a stakeholder view"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, diags := planWithBaseline(t, tt.src, tt.bl)
			if plan != nil || !diags.HasErrors() {
				t.Fatalf("want an error, got a plan (%v)", diags)
			}
			if diags[len(diags)-1].Summary != tt.want || diags[len(diags)-1].Subject == nil {
				t.Errorf("got %q (subject %v), want %q with a subject", diags[len(diags)-1].Summary, diags[len(diags)-1].Subject, tt.want)
			}
		})
	}
}
