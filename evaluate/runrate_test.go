package evaluate

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Run costs draw on the opex budget from go-live, inside the horizon,
// net of the run cost of the systems the project retires.
// Worked by hand (quarters, 2027-Q1..2028-Q4, opex 70,000 for the whole
// horizon):
//
//	a: 2 quarters from 2027-Q1, live 2027-Q3; run 40,000 a year =
//	   10,000 a quarter for 6 quarters = 60,000 of opex.
//	b: run 14,000 a year, and it retires system "old" (6,000 a year) at
//	   go-live, which frees the same budget: net 8,000 a year = 2,000 a
//	   quarter; live in period t it needs (8 - t) x 2,000 <= 70,000 -
//	   60,000, so t >= 3: it starts 2027-Q3 (one quarter) and goes live
//	   2027-Q4, waiting for budget opex.
//	run rate: added 40,000 + 14,000 = 54,000 a year (all opex), retired
//	6,000, net 48,000; paid in 2027: a 20,000 + b 3,500 - old 1,500 =
//	22,000; in 2028: 54,000 - 6,000 = 48,000.
func TestRunCostsDrawOnOpex(t *testing.T) {
	plan := livingPlan(t, `
roadmap {
  start   = "2027-Q1"
  horizon = 8
}

budget "capex" {
  amount = 1000000
  per    = "total"
}

budget "opex" {
  kind   = "opex"
  amount = 70000
  per    = "total"
}

system "old" {
  run_cost {
    per_year = 6000
  }
}

project "a" {
  duration = 2
  cost {
    one_time = 10000
    per_year = 40000
  }
  benefit {
    per_year = 200000
  }
}

project "b" {
  duration = 1
  replaces = [system.old]
  cost {
    one_time = 1000
    per_year = 14000
  }
  benefit {
    per_year = 100000
  }
}
`)
	a, b := projectOf(t, plan, "a"), projectOf(t, plan, "b")
	if *a.Start != "2027-Q1" || a.RunFunding != "opex" {
		t.Errorf("a starts %s, run funding %q; want 2027-Q1 and opex", *a.Start, a.RunFunding)
	}
	if b.Start == nil || *b.Start != "2027-Q3" {
		t.Fatalf("b starts %v, want 2027-Q3", b.Start)
	}
	waited := false
	for _, n := range b.Notes {
		waited = waited || n.Kind == NoteBudget && n.ID == "opex"
	}
	if !waited {
		t.Errorf("b's notes %+v; want it to wait for budget opex", b.Notes)
	}
	if got := plan.Periods[7].Budgets["opex"].WindowSpent; got != 70000 {
		t.Errorf("opex spent over the horizon %v, want 70,000", got)
	}
	if got := plan.Periods[2].Budgets["opex"].Spent; got != 10000 {
		t.Errorf("opex spent in 2027-Q3 %v, want a's 10,000", got)
	}
	want := RunRate{
		AddedPerYear: 54000, RetiredPerYear: 6000, NetPerYear: 48000,
		Budgets: []RunRateBudget{{Budget: "opex", PerYear: 54000}},
		Projects: []RunRateProject{
			{ID: "a", Status: StatusScheduled, Budget: "opex", PerYear: 40000, GoLive: "2027-Q3", GoLivePeriod: 2},
			{ID: "b", Status: StatusScheduled, Budget: "opex", PerYear: 14000, GoLive: "2027-Q4", GoLivePeriod: 3},
		},
		Systems: []RunRateSystem{{ID: "old", PerYear: 6000, RetiredBy: "b", Retired: "2027-Q4", RetiredPeriod: 3}},
		Years: []RunRateYear{
			{Year: "2027", Added: 23500, Retired: 1500, Net: 22000},
			{Year: "2028", Added: 54000, Retired: 6000, Net: 48000},
		},
	}
	if diff := cmp.Diff(want, plan.RunRate); diff != "" {
		t.Errorf("run rate (-want +got):\n%s", diff)
	}
}

// A done project's run cost draws on the opex budget from the period
// after it finished, history included; work in progress from its
// forecast go-live. Checks see plan.run_rate.
func TestRunCostsOfDoneAndInProgressWork(t *testing.T) {
	plan := livingPlan(t, `
roadmap {
  start   = "2027-Q1"
  horizon = 4
  as_of   = "2027-Q3"
}

budget "opex" {
  kind   = "opex"
  amount = 100000
}

project "done" {
  duration = 1
  status   = "done"
  started  = "2027-Q1"
  finished = "2027-Q1"
  cost {
    per_year = 4000
  }
}

project "wip" {
  duration = 3
  status   = "in_progress"
  started  = "2027-Q2"
  cost {
    per_year = 8000
  }
}

check "run_rate" {
  condition     = plan.run_rate.net_per_year < 10000 && plan.run_rate.per_budget["opex"] == 12000
  error_message = "run rate ${plan.run_rate.net_per_year}"
  severity      = "warning"
}
`)
	// done: 1,000 a quarter from 2027-Q2; wip: 2 quarters left
	// (2027-Q3..Q4), live after the horizon.
	var spent []float64
	for _, p := range plan.Periods {
		spent = append(spent, p.Budgets["opex"].Spent)
	}
	if diff := cmp.Diff([]float64{0, 1000, 1000, 1000}, spent); diff != "" {
		t.Errorf("opex spend per quarter (-want +got):\n%s", diff)
	}
	if plan.RunRate.AddedPerYear != 12000 || len(plan.RunRate.Projects) != 2 || plan.RunRate.Projects[0].GoLive != "2028-Q1" || plan.RunRate.Years[0].Added != 3000 {
		t.Errorf("run rate %+v; want 12,000 a year, wip live 2028-Q1", plan.RunRate)
	}
	if len(plan.Checks) == 0 || plan.Checks[0].Passed {
		t.Errorf("checks %+v; want run_rate to fail (net 12,000)", plan.Checks)
	}
}

// A project whose run costs break the opex budget at every start it may
// take is deferred, with the budget as its reason: b runs 8,000 a year
// (2,000 a quarter) from go-live and must end by 2027-Q4, so it is live
// all of 2028, more than the 5,000 a year of opex.
func TestRunCostsDeferAProject(t *testing.T) {
	plan := livingPlan(t, `
roadmap {
  start   = "2027-Q1"
  horizon = 8
}

budget "opex" {
  kind   = "opex"
  amount = 5000
}

project "b" {
  duration = 1
  deadline = "2027-Q4"
  cost {
    per_year = 8000
  }
  benefit {
    per_year = 100000
  }
}
`)
	b := projectOf(t, plan, "b")
	if b.Status != StatusDeferred {
		t.Fatalf("b: %s (%v); want deferred", b.Status, b.Reasons)
	}
	if !strings.Contains(strings.Join(b.Reasons, "\n"), `budget "opex" has no room for its run costs of USD 8,000 a year from go-live`) {
		t.Errorf("b's reasons %q; want budget \"opex\"", b.Reasons)
	}
}

// A live project's run cost runs to the end of the horizon, in the run
// rate and on its opex budget, whatever its benefit.years (qa15d D10):
// benefit.years bounds the business case (NPV), not what the organisation
// pays to run what it built; a retired system's saving runs to the end of
// the horizon too, so both sides of the run rate follow one rule.
// Worked by hand (quarters, 2027-Q1..2029-Q4): "p" builds in 2027-Q1..Q2
// and goes live 2027-Q3, run 12,000 a year (3,000 a quarter), retiring
// "old" (4,000 a year, 1,000 a quarter), which frees opex: the budget
// pays the net 8,000 a year.
func TestRunCostsRunToTheHorizon(t *testing.T) {
	for _, tt := range []struct {
		name  string
		years string
		// run rate year rows (added, retired) and opex spent per year
		added, retired, opex []float64
		npv                  float64 // p's NPV: over benefit.years only
	}{
		// 2027: 2 quarters live; 2028, 2029: 4.
		{"benefit.years 1", "1", []float64{6000, 12000, 12000}, []float64{2000, 4000, 4000}, []float64{4000, 8000, 8000}, npvOver(1)},
		{"benefit.years 0.5", "0.5", []float64{6000, 12000, 12000}, []float64{2000, 4000, 4000}, []float64{4000, 8000, 8000}, npvOver(0.5)},
		{"benefit.years 5 (default)", "5", []float64{6000, 12000, 12000}, []float64{2000, 4000, 4000}, []float64{4000, 8000, 8000}, npvOver(5)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			plan := livingPlan(t, `
roadmap {
  start         = "2027-Q1"
  horizon       = 12
  discount_rate = 0
}

budget "capex" {
  amount = 100000
  per    = "year"
}

budget "opex" {
  kind   = "opex"
  amount = 100000
  per    = "year"
}

system "old" {
  run_cost {
    per_year = 4000
  }
}

project "p" {
  duration = 2
  funding  = budget.capex
  replaces = [system.old]
  cost {
    one_time = 10000
    per_year = 12000
  }
  benefit {
    per_year = 20000
    years    = `+tt.years+`
  }
}
`)
			var added, retired []float64
			for _, y := range plan.RunRate.Years {
				added, retired = append(added, y.Added), append(retired, y.Retired)
			}
			if diff := cmp.Diff(tt.added, added); diff != "" {
				t.Errorf("run rate added per year (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.retired, retired); diff != "" {
				t.Errorf("run rate retired per year (-want +got):\n%s", diff)
			}
			opex := make([]float64, 3)
			for i, p := range plan.Periods {
				opex[i/4] += p.Budgets["opex"].Spent
			}
			if diff := cmp.Diff(tt.opex, opex); diff != "" {
				t.Errorf("opex spent per year (-want +got):\n%s", diff)
			}
			if got := plan.Projects[0].NPV; got != tt.npv {
				t.Errorf("NPV %v, want %v (over benefit.years)", got, tt.npv)
			}
		})
	}
}

// npvOver is p's NPV in TestRunCostsRunToTheHorizon undiscounted over
// years of benefit: -10,000 build, then (20,000 benefit + 4,000 saving -
// 12,000 run) a year.
func npvOver(years float64) float64 { return -10000 + years*(20000+4000-12000) }
