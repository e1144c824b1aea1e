package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// planStatuses plans the roadmap in files (name -> HCL) with args and
// returns each project's status and the messages of its notes.
func planStatuses(t *testing.T, files map[string]string, exit int, args ...string) (map[string]string, map[string][]string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "r")
	writeFiles(t, dir, files)
	res := runCLI(t, append(append([]string{"plan", "--format", "json"}, args...), dir)...)
	res.wantExit(t, exit)
	var plan struct {
		Projects []struct {
			ID     string `json:"id"`
			Status string `json:"status"`
			Notes  []struct {
				Message string `json:"message"`
			} `json:"notes"`
		} `json:"projects"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &plan); err != nil {
		t.Fatal(err)
	}
	status, notes := map[string]string{}, map[string][]string{}
	for _, p := range plan.Projects {
		status[p.ID] = p.Status
		for _, n := range p.Notes {
			notes[p.ID] = append(notes[p.ID], n.Message)
		}
	}
	return status, notes
}

// TestMinIRRPassesNoOutlay: review qa18 Q2. A SaaS replacing a system
// that costs 100,000 a year for 60,000 a year, with no one-time cost:
// flows 0, 10,000, 10,000, ...; NPV 164,423, no IRR because nothing is
// invested. Its rate is unbounded: it passes min_irr.
func TestMinIRRPassesNoOutlay(t *testing.T) {
	const src = `
roadmap {
  start         = "2027-Q1"
  horizon       = 8
  discount_rate = 0.08
  hurdle {
    min_irr     = 0.08
    max_payback = "3 years"
  }
}
goal "g" {
  weight = 1
}
budget "capex" {
  amount = 1000000
  per    = "year"
}
system "old" {
  run_cost {
    per_year = 100000
  }
}
project "saas" {
  goals    = { g = 0.8 }
  duration = 1
  funding  = budget.capex
  replaces = [system.old]
  cost {
    per_year = 60000
  }
}
# Never positive: no IRR, and it fails the hurdle.
project "waste" {
  goals    = { g = 0.8 }
  duration = 1
  funding  = budget.capex
  cost {
    per_year = 1000
  }
  benefit {
    per_year = 500
  }
}
`
	got, _ := planStatuses(t, map[string]string{"main.hcl": src}, 0)
	want := map[string]string{"saas": "scheduled", "waste": "dropped"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("statuses (-want +got):\n%s", diff)
	}
}

// TestEstimateP80IsPrudent: review qa18 Q10. estimate = "p80" plans a
// cost at its P80 and a benefit at its P20: uniform(100000, 200000) is a
// one-time cost of 180,000 and a benefit of 120,000 a year (30,000 a
// quarter for a year), where "likely" takes 150,000 for both.
func TestEstimateP80IsPrudent(t *testing.T) {
	const src = `
roadmap {
  start    = "2027-Q1"
  horizon  = 4
  estimate = %q
}
goal "g" {
  weight = 1
}
project "p" {
  goals    = { g = 0.5 }
  duration = 1
  cost {
    one_time = uniform(100000, 200000)
  }
  benefit {
    per_year = uniform(100000, 200000)
    years    = 1
  }
}
`
	for _, tc := range []struct {
		estimate string
		want     []float64
	}{
		{"likely", []float64{-150000, 37500, 37500, 37500, 37500}},
		{"p80", []float64{-180000, 30000, 30000, 30000, 30000}},
	} {
		t.Run(tc.estimate, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "r")
			writeFiles(t, dir, map[string]string{"main.hcl": fmt.Sprintf(src, tc.estimate)})
			res := runCLI(t, "plan", "--format", "json", dir)
			res.wantExit(t, 0)
			var plan struct {
				Projects []struct {
					CashFlows []float64 `json:"cash_flows"`
				} `json:"projects"`
			}
			if err := json.Unmarshal([]byte(res.Stdout), &plan); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, plan.Projects[0].CashFlows); diff != "" {
				t.Errorf("cash flows (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMandatoryDisplacesOptionalWorkRankedBelow: review qa18 Q1. m
// (rank 1, mandatory) pays 40,000 a quarter from opex (20,000 a period)
// and fits only once kill (rank 2) retires s0 (60,000 a quarter) from
// 2027-Q3; "other" (rank 3, optional) took the team then, and m was left
// out (exit 1). m now takes the room: other is deferred, held by m.
func TestMandatoryDisplacesOptionalWorkRankedBelow(t *testing.T) {
	const src = `
roadmap {
  start   = "2027-Q1"
  horizon = 6
}
goal "g" {
  weight = 1
}
team "dev" {
  capacity = 2
}
budget "capex" {
  amount = 150000
  per    = "year"
}
budget "opex" {
  kind   = "opex"
  amount = 20000
  per    = "period"
}
system "s0" {
  run_cost {
    per_year = 240000
  }
}
project "m" {
  goals     = { g = 0.3 }
  mandatory = true
  duration  = 3
  funding   = budget.opex
  effort    = { dev = 2 }
  cost {
    one_time = 120000
  }
  benefit {
    per_year = 100000
  }
}
project "kill" {
  goals    = { g = 1.0 }
  duration = 2
  funding  = budget.capex
  effort   = { dev = 2 }
  replaces = [system.s0]
  cost {
    one_time = 10000
  }
  benefit {
    per_year = 200000
  }
}
project "other" {
  goals    = { g = 0.2 }
  duration = 3
  funding  = budget.capex
  effort   = { dev = 2 }
  cost {
    one_time = 50000
  }
  benefit {
    per_year = 200000
  }
}
`
	got, notes := planStatuses(t, map[string]string{"main.hcl": src}, 0)
	want := map[string]string{"m": "scheduled", "kill": "scheduled", "other": "deferred"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("statuses (-want +got):\n%s", diff)
	}
	wantNotes := map[string][]string{
		"m": {
			`waited for team "dev": no room for 2 FTE in 2027-Q1..2027-Q2 (held by "kill")`,
			`waited for budget "opex": no room to date for its build spend of USD 120,000 in 2027-Q1 and 2027-Q2`,
			`scheduled in a second pass: room in "opex" freed when "kill" retires system "s0" (2027-Q3)`,
		},
		"other": {
			`team "dev" has no room for 2 FTE in 2027-Q1..2028-Q1 (held by "m" and "kill")`,
			`must finish inside the horizon (last period 2028-Q2), so it cannot start after 2027-Q4`,
		},
	}
	for id, w := range wantNotes {
		if diff := cmp.Diff(w, notes[id]); diff != "" {
			t.Errorf("%s's reasons and notes (-want +got):\n%s", id, diff)
		}
	}
}

// TestCommittedLeftOutIsNotKept: review qa18 (LOW). A committed project
// whose build spend fits its budget nowhere is left out; its gate
// warning must not say it is kept.
func TestCommittedLeftOutIsNotKept(t *testing.T) {
	const src = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
}
goal "g" {
  weight = 1
}
budget "capex" {
  amount = 100000
  per    = "year"
}
project "big" {
  goals    = { g = 0.5 }
  duration = 1
  status   = "committed"
  cost {
    one_time = 150000
  }
}
`
	dir := filepath.Join(t.TempDir(), "r")
	writeFiles(t, dir, map[string]string{"main.hcl": src})
	res := runCLI(t, "plan", dir)
	res.wantExit(t, 0)
	if strings.Contains(res.Stdout, "kept: committed") {
		t.Errorf("a committed project left out is said to be kept:\n%s", res.Stdout)
	}
	if !strings.Contains(res.Stdout, "fails the resources gate (committed, but left out") {
		t.Errorf("no warning that the committed project is left out:\n%s", res.Stdout)
	}
}

// choiceSrc is review qa18 Q4's c2b (no status date) and c2 (as_of 2027-Q2): b,
// the better option of choice c0, needs 75,000 of opex (40,000 a period)
// by its deadline 2027-Q1, before kill's saving starts; a takes the
// choice. Its notes and the choice's reason must name the real blocker,
// not 'option "a" chosen in choice "c0"'.
const choiceSrc = `
roadmap {
  start   = "2027-Q1"
  horizon = 8
  %s
}
goal "g" {
  weight = 1
}
budget "capex" {
  amount = 1000000
  per    = "total"
}
budget "opex" {
  kind   = "opex"
  amount = 40000
  per    = "period"
}
system "s0" {
  run_cost {
    per_year = 40000
  }
}
project "kill" {
  goals    = { g = 0.35 }
  duration = 2
  funding  = budget.capex
  replaces = [system.s0]
  cost {
    one_time = 20000
  }
  benefit {
    per_year = 50000
  }
}
project "a" {
  goals    = { g = 1.0 }
  duration = 2
  funding  = budget.opex
  cost {
    per_year = 40000
  }
  benefit {
    per_year = 50000
  }
}
project "b" {
  goals    = { g = 0.91 }
  duration = 1
  funding  = budget.opex
  deadline = "2027-Q1"
  cost {
    one_time = 75000
  }
  benefit {
    per_year = 400000
  }
}
choice "c0" {
  options = [project.a, project.b]
}
`

// choiceReasons plans src and returns b's notes and c0's reason.
func choiceReasons(t *testing.T, src string) ([]string, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "r")
	writeFiles(t, dir, map[string]string{"main.hcl": src})
	res := runCLI(t, "plan", "--format", "json", dir)
	res.wantExit(t, 0)
	var plan struct {
		Projects []struct {
			ID     string `json:"id"`
			Status string `json:"status"`
			Notes  []struct {
				Message string `json:"message"`
			} `json:"notes"`
		} `json:"projects"`
		Choices []struct {
			Reason string `json:"reason"`
		} `json:"choices"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &plan); err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, p := range plan.Projects {
		if p.ID != "b" {
			continue
		}
		if p.Status != "deferred" {
			t.Errorf("b is %s, want deferred", p.Status)
		}
		for _, n := range p.Notes {
			notes = append(notes, n.Message)
		}
	}
	return notes, plan.Choices[0].Reason
}

// TestChoiceOptionPastItsDeadlineSaysWhy: review qa18 Q4, c2. With the
// status date 2027-Q2 after b's deadline, b can never run: its notes and
// the choice say so, naming the status date.
func TestChoiceOptionPastItsDeadlineSaysWhy(t *testing.T) {
	notes, reason := choiceReasons(t, fmt.Sprintf(choiceSrc, `as_of = "2027-Q2"`))
	const why = `cannot finish by its deadline 2027-Q1: 1 period from 2027-Q2, when plans start (status date 2027-Q2) would end 2027-Q2`
	if diff := cmp.Diff([]string{why, `nothing new starts before the status date 2027-Q2`}, notes); diff != "" {
		t.Errorf("b's notes (-want +got):\n%s", diff)
	}
	if want := `the best-ranked option that runs (rank 2 under the value strategy); "b" (rank 1) is deferred: ` + why; reason != want {
		t.Errorf("choice reason %q, want %q", reason, want)
	}
}

// TestChoiceOptionNamesItsBlocker: review qa18 Q4, c2b. b needs 75,000
// of opex in 2027-Q1 (40,000 a period), before kill's saving starts in
// 2027-Q3: its first note and the choice's reason name the budget.
func TestChoiceOptionNamesItsBlocker(t *testing.T) {
	notes, reason := choiceReasons(t, fmt.Sprintf(choiceSrc, ""))
	const why = `budget "opex" has no room to date for its build spend of USD 75,000 in 2027-Q1`
	if len(notes) == 0 || notes[0] != why {
		t.Errorf("b's notes %q, want first %q", notes, why)
	}
	if want := `the best-ranked option that runs (rank 2 under the value strategy); "b" (rank 1) is deferred: ` + why; reason != want {
		t.Errorf("choice reason %q, want %q", reason, want)
	}
}
