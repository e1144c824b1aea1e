package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// examplePlan is the part of the JSON plan the example's story is about.
type examplePlan struct {
	Projects []struct {
		ID          string   `json:"id"`
		Status      string   `json:"status"`
		Gate        string   `json:"gate"`
		Reasons     []string `json:"reasons"`
		StartPeriod *int     `json:"start_period"`
		EndPeriod   *int     `json:"end_period"`
		Mandatory   bool     `json:"mandatory"`
	} `json:"projects"`
	Checks []struct {
		ID     string `json:"id"`
		Passed bool   `json:"passed"`
	} `json:"checks"`
	Periods []struct {
		Teams map[string]struct {
			Capacity float64 `json:"capacity"`
			Used     float64 `json:"used"`
		} `json:"teams"`
	} `json:"periods"`
}

func planExample(t *testing.T, args ...string) examplePlan {
	t.Helper()
	res := runCLI(t, append(append([]string{"plan", "--format", "json"}, args...), exampleDir)...)
	res.wantExit(t, 0)
	var p examplePlan
	if err := json.Unmarshal([]byte(res.Stdout), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestExampleTellsItsStory checks that examples/it-department plans the
// way its comments and README say: E is vetoed, B is not viable, A, C and
// D are viable but only two run at once, NIS2 makes its deadline.
func TestExampleTellsItsStory(t *testing.T) {
	p := planExample(t)
	byID := map[string]int{}
	for i, pr := range p.Projects {
		byID[pr.ID] = i
	}
	project := func(id string) int {
		i, ok := byID[id]
		if !ok {
			t.Fatalf("project %q missing from the plan", id)
		}
		return i
	}

	e := p.Projects[project("e_crm_replacement")]
	if e.Status != "dropped" || e.Gate != "departments" {
		t.Errorf("E: %s at %q, want dropped at the departments gate (%v)", e.Status, e.Gate, e.Reasons)
	}
	b := p.Projects[project("b_support_chatbot")]
	if b.Status != "dropped" || b.Gate != "viability" {
		t.Errorf("B: %s at %q, want dropped at the viability gate (%v)", b.Status, b.Gate, b.Reasons)
	}

	// A, C and D are all scheduled; two start at once, the third only when
	// one of them has finished.
	var starts []int
	ends := map[int]bool{}
	for _, id := range []string{"a_erp_upgrade", "c_customer_portal", "d_warehouse_scanning"} {
		pr := p.Projects[project(id)]
		if pr.Status != "scheduled" {
			t.Fatalf("%s: %s at %q (%v), want scheduled", id, pr.Status, pr.Gate, pr.Reasons)
		}
		starts = append(starts, *pr.StartPeriod)
		ends[*pr.EndPeriod] = true
	}
	slices.Sort(starts)
	if starts[0] != 0 || starts[1] != 0 || starts[2] == 0 || !ends[starts[2]] {
		t.Errorf("A, C, D start in periods %v, want two in period 0 and the third when one of them ends", starts)
	}
	// It is the apps team that holds the third back.
	if apps := p.Periods[0].Teams["apps"]; apps.Used != apps.Capacity {
		t.Errorf("apps team in period 0: %v of %v FTE used, want full", apps.Used, apps.Capacity)
	}

	nis2 := p.Projects[project("nis2_compliance")]
	if nis2.Status != "scheduled" || !nis2.Mandatory || project("nis2_compliance") != 0 {
		t.Errorf("NIS2: %s, mandatory %v, rank index %d; want scheduled, mandatory, first", nis2.Status, nis2.Mandatory, project("nis2_compliance"))
	}
	// zero_trust_access depends on sso_rollout.
	sso, zt := p.Projects[project("sso_rollout")], p.Projects[project("zero_trust_access")]
	if sso.EndPeriod == nil || zt.StartPeriod == nil || *zt.StartPeriod < *sso.EndPeriod {
		t.Errorf("zero_trust_access starts at %v, before sso_rollout ends at %v", zt.StartPeriod, sso.EndPeriod)
	}

	for _, c := range p.Checks {
		if !c.Passed {
			t.Errorf("check %s fails", c.ID)
		}
	}
}

// TestExampleScenario checks the variable file's scenario: with less risk
// appetite, A fails the risk gate and D runs next to C from the start.
func TestExampleScenario(t *testing.T) {
	p := planExample(t, "--var-file", filepath.Join(exampleDir, "example.vars.hcl"))
	got := map[string]string{}
	for _, pr := range p.Projects {
		if pr.ID[1] == '_' {
			start := "-"
			if pr.StartPeriod != nil {
				start = string(rune('0' + *pr.StartPeriod))
			}
			got[pr.ID] = pr.Status + " " + pr.Gate + " " + start
		}
	}
	want := map[string]string{
		"a_erp_upgrade":        "dropped risk -",
		"b_support_chatbot":    "dropped viability -",
		"c_customer_portal":    "scheduled  0",
		"d_warehouse_scanning": "scheduled  0",
		"e_crm_replacement":    "dropped departments -",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("candidates A-E (-want +got):\n%s", diff)
	}
}
