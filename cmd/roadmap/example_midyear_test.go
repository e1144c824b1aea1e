package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const midyearDir = "../../examples/it-department-midyear"

// midyearPlan is the part of the JSON plan the mid-year example's story
// is about.
type midyearPlan struct {
	Roadmap struct {
		AsOf string `json:"as_of"`
	} `json:"roadmap"`
	Projects []struct {
		ID        string  `json:"id"`
		Status    string  `json:"status"`
		Lifecycle string  `json:"lifecycle"`
		Rank      int     `json:"rank"`
		Start     *string `json:"start"`
		End       *string `json:"end"`
		Notes     []struct {
			Kind    string `json:"kind"`
			ID      string `json:"id"`
			Message string `json:"message"`
		} `json:"notes"`
		Progress *struct {
			ActualCost           float64 `json:"actual_cost"`
			EstimateToComplete   float64 `json:"estimate_to_complete"`
			EstimateAtCompletion float64 `json:"estimate_at_completion"`
			BudgetAtCompletion   float64 `json:"budget_at_completion"`
			VarianceAtCompletion float64 `json:"variance_at_completion"`
			ForecastEnd          *string `json:"forecast_end"`
			SlipPeriods          int     `json:"slip_periods"`
		} `json:"progress"`
	} `json:"projects"`
	Periods []struct {
		History bool     `json:"history"`
		Active  []string `json:"active"`
	} `json:"periods"`
	Totals struct {
		PeakParallel       int     `json:"peak_parallel"`
		InProgress         int     `json:"in_progress"`
		Done               int     `json:"done"`
		Cancelled          int     `json:"cancelled"`
		ActualCost         float64 `json:"actual_cost"`
		SunkCost           float64 `json:"sunk_cost"`
		EstimateToComplete float64 `json:"estimate_to_complete"`
	} `json:"totals"`
	Checks []struct {
		ID     string `json:"id"`
		Passed bool   `json:"passed"`
	} `json:"checks"`
}

func planMidyear(t *testing.T, args ...string) midyearPlan {
	t.Helper()
	res := runCLI(t, append(append([]string{"plan", "--format", "json"}, args...), midyearDir)...)
	res.wantExit(t, 0)
	var p midyearPlan
	if err := json.Unmarshal([]byte(res.Stdout), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestMidyearExampleTellsItsStory checks that
// examples/it-department-midyear plans the way its README says.
func TestMidyearExampleTellsItsStory(t *testing.T) {
	p := planMidyear(t)
	if p.Roadmap.AsOf != "2027-Q3" {
		t.Fatalf("as_of %q, want 2027-Q3", p.Roadmap.AsOf)
	}
	type row struct {
		Status, Lifecycle, Start, End string
	}
	str := func(s *string) string {
		if s == nil {
			return "—"
		}
		return *s
	}
	got := map[string]row{}
	for _, pr := range p.Projects {
		got[pr.ID] = row{pr.Status, pr.Lifecycle, str(pr.Start), str(pr.End)}
	}
	want := map[string]row{
		"nis2_compliance":      {"scheduled", "in_progress", "2027-Q1", "2027-Q3"},
		"a_erp_upgrade":        {"scheduled", "in_progress", "2027-Q1", "2027-Q3"},
		"c_customer_portal":    {"scheduled", "in_progress", "2027-Q1", "2028-Q1"},
		"itsm_replacement":     {"scheduled", "in_progress", "2027-Q2", "2027-Q3"},
		"d_warehouse_scanning": {"scheduled", "committed", "2027-Q4", "2028-Q1"},
		"zero_trust_access":    {"scheduled", "proposed", "2027-Q4", "2028-Q1"},
		"f_portal_payments":    {"scheduled", "proposed", "2028-Q2", "2028-Q3"},
		"b_support_chatbot":    {"dropped", "proposed", "—", "—"},
		"e_crm_replacement":    {"dropped", "proposed", "—", "—"},
		"sso_rollout":          {"done", "done", "—", "—"},
		"edr_rollout":          {"cancelled", "cancelled", "—", "—"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("projects (-want +got):\n%s", diff)
	}
	if p.Projects[0].ID != "nis2_compliance" {
		t.Errorf("rank 1 is %s, want the mandatory nis2_compliance", p.Projects[0].ID)
	}

	// The portal: 40% after two quarters, 5 quarters at that pace.
	for _, pr := range p.Projects {
		if pr.ID != "c_customer_portal" {
			continue
		}
		g := pr.Progress
		if g == nil || g.ActualCost != 240000 || g.EstimateToComplete != 429500 || g.EstimateAtCompletion != 669500 ||
			g.BudgetAtCompletion != 367500 || g.VarianceAtCompletion != -302000 || str(g.ForecastEnd) != "2028-Q1" || g.SlipPeriods != 2 {
			t.Errorf("c_customer_portal progress %+v; want AC 240,000, ETC 429,500, EAC 669,500, BAC 367,500, VAC -302,000, forecast 2028-Q1, slip +2", g)
		}
	}
	for _, pr := range p.Projects {
		if pr.ID != "f_portal_payments" {
			continue
		}
		found := false
		for _, n := range pr.Notes {
			found = found || n.Kind == "dependency" && n.ID == "c_customer_portal" && strings.Contains(n.Message, "in progress, ends (forecast 2028-Q1)")
		}
		if !found {
			t.Errorf("f_portal_payments notes %+v; want a dependency note on the portal's forecast end", pr.Notes)
		}
	}

	tot := p.Totals
	if tot.InProgress != 4 || tot.Done != 1 || tot.Cancelled != 1 || tot.ActualCost != 1056000 || tot.SunkCost != 38000 || tot.EstimateToComplete != 744500 {
		t.Errorf("totals %+v; want 4 in progress, 1 done, 1 cancelled, actual 1,056,000, sunk 38,000, to complete 744,500", tot)
	}
	// Six projects ran in 2027-Q2, but history does not count in the peak.
	if !p.Periods[1].History || len(p.Periods[1].Active) != 6 || tot.PeakParallel != 4 {
		t.Errorf("2027-Q2 history %v with %d active, peak %d; want history with 6, peak 4", p.Periods[1].History, len(p.Periods[1].Active), tot.PeakParallel)
	}
	checks := map[string]bool{}
	for _, c := range p.Checks {
		checks[c.ID] = c.Passed
	}
	if !checks["focus"] || !checks["nis2_before_audit"] || checks["portal_overrun"] {
		t.Errorf("checks %v; want focus and nis2_before_audit passed, portal_overrun failed", checks)
	}
}

// TestMidyearExampleAQuarterLater: the same records read at 2027-Q4 are a
// quarter further behind; the portal forecasts 2028-Q4 and the payments
// project no longer fits the horizon.
func TestMidyearExampleAQuarterLater(t *testing.T) {
	p := planMidyear(t, "--as-of", "2027-Q4")
	status := map[string]string{}
	for _, pr := range p.Projects {
		s := pr.Status
		if pr.Start != nil {
			s += " " + *pr.Start
		}
		if pr.ID == "c_customer_portal" && pr.Progress != nil && pr.Progress.ForecastEnd != nil {
			s += " to " + *pr.Progress.ForecastEnd
		}
		status[pr.ID] = s
	}
	for id, want := range map[string]string{
		"c_customer_portal":    "scheduled 2027-Q1 to 2028-Q4",
		"d_warehouse_scanning": "scheduled 2028-Q2",
		"f_portal_payments":    "deferred",
	} {
		if status[id] != want {
			t.Errorf("%s: %q, want %q", id, status[id], want)
		}
	}
}
