package evaluate

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBudgetOverrunIsWarned: work in progress and history that overrun a
// budget window fail the warning check policy.budgets, at the budget, and
// warn on each project responsible (review qa18 Q18-9); within the limit
// there is no check. A budget a saving is credited to is judged on its
// spend to date at every period, as the scheduler judges it.
func TestBudgetOverrunIsWarned(t *testing.T) {
	const head = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-Q3"
}
`
	inProgress := `
project "late_work" {
  status   = "in_progress"
  started  = "2027-Q1"
  duration = 2
  cost {
    one_time = 80000
  }
  progress {
    spent            = 90000
    percent_complete = 0.5
  }
}
`
	tests := []struct {
		name     string
		src      string
		check    string            // the message of policy.budgets; "" for no check
		findings map[string]string // project -> its warning
	}{
		{
			name:  "work in progress",
			src:   head + `budget "capex" { amount = 100000 }` + inProgress,
			check: "budget capex 2027: USD 130,000 of 100,000 (+30,000 over), from work in progress late_work",
			findings: map[string]string{
				"late_work": "budget capex 2027: USD 130,000 of 100,000 (+30,000 over), overrun by work the plan cannot move; USD 130,000 of it is this project's (check policy.budgets)",
			},
		},
		{
			name: "within the limit",
			src:  head + `budget "capex" { amount = 130000 }` + inProgress,
		},
		{
			name: "history and work in progress",
			src: head + `budget "capex" { amount = 100000 }` + inProgress + `
project "old" {
  status   = "done"
  started  = "2027-Q1"
  finished = "2027-Q1"
  duration = 1
  progress {
    spent = 25000
  }
}
project "stopped" {
  status   = "cancelled"
  started  = "2027-Q1"
  finished = "2027-Q1"
  duration = 2
  progress {
    spent = 10000
  }
}
project "later" {
  duration = 1
  cost {
    one_time = 50000
  }
}
`,
			check: "budget capex 2027: USD 165,000 of 100,000 (+65,000 over), from work in progress late_work, done old, cancelled stopped",
			findings: map[string]string{
				"late_work": "budget capex 2027: USD 165,000 of 100,000 (+65,000 over), overrun by work the plan cannot move; USD 130,000 of it is this project's (check policy.budgets)",
				"old":       "budget capex 2027: USD 165,000 of 100,000 (+65,000 over), overrun by work the plan cannot move; USD 25,000 of it is this project's (check policy.budgets)",
				"stopped":   "budget capex 2027: USD 165,000 of 100,000 (+65,000 over), overrun by work the plan cannot move; USD 10,000 of it is this project's (check policy.budgets)",
			},
		},
		{
			name: "spend to date with a saving",
			src: `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-Q2"
}
budget "opex" {
  amount = 100000
  kind   = "opex"
}
system "old" {
  run_cost {
    per_year = 200000
  }
}
project "swap" {
  duration = 2
  status   = "in_progress"
  started  = "2027-Q1"
  replaces = [system.old]
  funding  = budget.opex
  cost {
    one_time = 100000
  }
  progress {
    spent            = 60000
    percent_complete = 0.5
  }
}
`,
			check: "budget opex 2027: USD 110,000 of 100,000 (+10,000 over) by 2027-Q2, from work in progress swap",
			findings: map[string]string{
				"swap": "budget opex 2027: USD 110,000 of 100,000 (+10,000 over) by 2027-Q2, overrun by work the plan cannot move; USD 110,000 of it is this project's (check policy.budgets)",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := livingPlan(t, tt.src)
			var check *CheckResult
			for i := range plan.Checks {
				if plan.Checks[i].ID == BudgetsCheckID {
					check = &plan.Checks[i]
				}
			}
			switch {
			case tt.check == "" && check != nil:
				t.Errorf("unexpected check: %+v", *check)
			case tt.check != "" && check == nil:
				t.Fatalf("no check %s; checks %+v", BudgetsCheckID, plan.Checks)
			case check != nil:
				if check.Passed || check.Severity != SeverityWarning || check.Message != tt.check {
					t.Errorf("check %+v, want failed warning %q", *check, tt.check)
				}
				if check.Range == nil || check.Range.Line == 0 {
					t.Errorf("check range %v: want the budget's amount", check.Range)
				}
			}
			got := map[string]string{}
			warnings := 0
			for _, p := range plan.Projects {
				for _, f := range p.Findings {
					if f.Severity == SeverityWarning {
						warnings++
					}
					if f.Gate == GateSchedule && f.Severity == SeverityWarning {
						got[p.ID] = f.Message
					}
				}
			}
			if diff := cmp.Diff(tt.findings, got); diff != "" && !(len(tt.findings) == 0 && len(got) == 0) {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if plan.Totals.Warnings != warnings {
				t.Errorf("totals.warnings %d, the findings hold %d", plan.Totals.Warnings, warnings)
			}
		})
	}
}
