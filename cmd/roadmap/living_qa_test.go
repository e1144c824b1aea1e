package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// lateWorkRoadmap is a quarterly roadmap at the status date 2027-Q3 whose
// one project in progress has REMAINING quarters left.
const lateWorkRoadmap = `roadmap {
  name    = "late"
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-Q3"
}

team "t" {
  capacity     = 4
  cost_per_fte = 10000
}

project "portal" {
  duration = 4
  effort   = { t = 2 }
  status   = "in_progress"
  started  = "2027-Q1"
  cost {
    one_time = 100000
  }
  progress {
    spent              = 120000
    percent_complete   = 0.4
    remaining_duration = REMAINING
  }
}
`

// Work in progress forecast past the horizon plans in every format (it
// used to panic building the capacity plan); the summary names the
// forecast end and says it is past the horizon.
func TestPlanWorkInProgressPastTheHorizon(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": strings.Replace(lateWorkRoadmap, "REMAINING", "10", 1)})
	for _, format := range []string{"table", "json", "markdown", "html"} {
		res := runCLI(t, "plan", "--format", format, dir)
		res.wantExit(t, 0)
		if res.Stderr != "" || !strings.Contains(res.Stdout, "2029-Q4") {
			t.Errorf("%s: stderr %q; stdout names no forecast end 2029-Q4", format, res.Stderr)
		}
	}
	res := runCLI(t, "plan", "--format", "table", dir)
	if want := "2029-Q4 (end of period 12 of 8, past the horizon)"; !strings.Contains(res.Stdout, want) {
		t.Errorf("summary lacks %q:\n%s", want, res.Stdout)
	}
}

// A forecast past the year 9999 is a positioned error, not an integer
// overflow (1e-300 complete used to forecast one period) nor a panic.
func TestPlanWorkInProgressForecastBeyondDates(t *testing.T) {
	dir := t.TempDir()
	src := strings.Replace(lateWorkRoadmap, "    remaining_duration = REMAINING\n", "", 1)
	writeFiles(t, dir, map[string]string{"main.hcl": strings.Replace(src, "0.4", "1e-300", 1)})
	res := runCLI(t, "plan", dir)
	res.wantExit(t, 1)
	for _, want := range []string{"Error: Work under way runs past the year 9999", "main.hcl line 23", "percent_complete   = 1e-300"} {
		if !strings.Contains(res.Stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, res.Stderr)
		}
	}
}

// --as-of re-plans at another status date in simulate, compare and
// frontier as it does in plan: read a quarter later, the mid-year
// example's payments project no longer fits (its README says so).
func TestAsOfFlagOnAnalyses(t *testing.T) {
	const dir = "../../examples/it-department-midyear"
	scheduled := func(args ...string) string {
		t.Helper()
		res := runCLI(t, args...)
		res.wantExit(t, 0)
		return res.Stdout
	}
	for _, asOf := range []string{"", "2027-Q4"} {
		args := []string{"simulate", "--runs", "20", "--format", "json", dir}
		if asOf != "" {
			args = append(args, "--as-of", asOf)
		}
		out := scheduled(args...)
		want := map[string]string{"": `"chance_scheduled": 1`, "2027-Q4": `"chance_scheduled": 0`}[asOf]
		i := strings.Index(out, `"id": "f_portal_payments"`)
		if i < 0 || !strings.Contains(out[i:i+400], want) {
			t.Errorf("simulate --as-of %q: f_portal_payments lacks %s", asOf, want)
		}
	}
	plan := scheduled("plan", "--optimize", "--as-of", "2027-Q4", dir)
	front := scheduled("frontier", "--budget", "capex", "--steps", "2", "--as-of", "2027-Q4", dir)
	if !strings.Contains(plan, "NPV       EUR 2,173,919") || !strings.Contains(front, "2,173,919") {
		t.Errorf("frontier --as-of 2027-Q4: today's NPV is not the plan's 2,173,919:\n%s", front)
	}
	// The spring example at a July status date: nothing starts before it.
	cmp := scheduled("compare", "--as-of", "2027-Q3", "--format", "json", "../../examples/it-department")
	var got struct {
		Roadmap struct {
			AsOfPeriod int `json:"as_of_period"`
		} `json:"roadmap"`
		Projects []struct {
			ID        string `json:"id"`
			Scenarios []struct {
				StartPeriod *int `json:"start_period"`
			} `json:"scenarios"`
		} `json:"projects"`
	}
	if err := json.Unmarshal([]byte(cmp), &got); err != nil || got.Roadmap.AsOfPeriod != 2 {
		t.Fatalf("compare --as-of 2027-Q3: as_of_period %d, %v", got.Roadmap.AsOfPeriod, err)
	}
	for _, p := range got.Projects {
		for k, sc := range p.Scenarios {
			if sc.StartPeriod != nil && *sc.StartPeriod < 2 {
				t.Errorf("compare --as-of 2027-Q3: %s starts in period %d in scenario %d", p.ID, *sc.StartPeriod, k)
			}
		}
	}
}

// The plan diff between two status dates says the status date moved and
// how each project's forecasts moved (the steering committee's question),
// not only its dates and forward-looking cost. The mid-year example read
// a quarter later with the same records, worked by hand for the portal:
// 40% after 3 quarters -> 7.5, so 8 in all and 5 left (2027-Q4..2028-Q4):
// ETC 182,000 + 3 FTE x 27,500 x 5 = 594,500; EAC 240,000 + 594,500 =
// 834,500 (was 669,500); VAC 367,500 - 834,500 = -467,000; slip 2 -> 5.
func TestPlanDiffBetweenStatusDates(t *testing.T) {
	const dir = "../../examples/it-department-midyear"
	saved := t.TempDir() + "/q3.json"
	runCLI(t, "plan", "--out", saved, dir).wantExit(t, 0)
	res := runCLI(t, "plan", "--compare", saved, "--as-of", "2027-Q4", "--detailed-exitcode", dir)
	res.wantExit(t, 2)
	for _, want := range []string{
		"~ as_of: 2027-Q3 → 2027-Q4",
		"at completion:     669,500 → 834,500 (+165,000)",
		"variance:          -302,000 → -467,000 (-165,000)",
		"forecast end:      2028-Q1 → 2028-Q4",
		"slip (periods):    2 → 5",
	} {
		if !strings.Contains(res.Stdout, want) {
			t.Errorf("diff lacks %q:\n%s", want, res.Stdout)
		}
	}
	res = runCLI(t, "plan", "--compare", saved, "--as-of", "2027-Q4", "--format", "json", dir)
	for _, want := range []string{`"field": "as_of"`, `"field": "estimate_at_completion"`, `"field": "slip_periods"`} {
		if !strings.Contains(res.Stdout, want) {
			t.Errorf("JSON diff lacks %s", want)
		}
	}
}
