package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestPlanSaysItWasForced: a plan made with --force-in/--force-out says
// so in its summary, in every format (a "Forced" line worded as simulate
// words it, the JSON's top-level force_in and force_out in rank order),
// also in a stakeholder view; an unforced plan says nothing of it.
func TestPlanSaysItWasForced(t *testing.T) {
	force := []string{"--force-in", "buy_crm", "--force-out", "portal"}
	// The goldens of TestPlanForceInOut show the whole forced plan.
	for _, f := range []struct{ format, want string }{
		{"table", "  Forced    in buy_crm; out portal\n"},
		{"markdown", "- **Forced:** in buy\\_crm; out portal\n"},
		{"html", "<dt>Forced</dt><dd>in buy_crm; out portal</dd>"},
	} {
		t.Run(f.format, func(t *testing.T) {
			res := runCLI(t, append(append([]string{"plan", "--format", f.format}, force...), portfolioDir)...)
			res.wantExit(t, 0)
			if !strings.Contains(res.Stdout, f.want) {
				t.Errorf("the plan does not say it was forced (want %q):\n%s", f.want, res.Stdout)
			}
			plain := runCLI(t, "plan", "--format", f.format, portfolioDir)
			plain.wantExit(t, 0)
			if strings.Contains(plain.Stdout, "Forced") {
				t.Errorf("an unforced plan says Forced:\n%s", plain.Stdout)
			}
			view := runCLI(t, append(append([]string{"plan", "--format", f.format, "--team", "apps"}, force...), portfolioDir)...)
			view.wantExit(t, 0)
			if !strings.Contains(view.Stdout, f.want) {
				t.Errorf("a view of the forced plan does not say it was forced (want %q):\n%s", f.want, view.Stdout)
			}
		})
	}

	type top struct {
		ForceIn  []string `json:"force_in"`
		ForceOut []string `json:"force_out"`
		Projects []struct {
			ID      string   `json:"id"`
			Forced  string   `json:"forced"`
			Reasons []string `json:"reasons"`
		} `json:"projects"`
	}
	res := runCLI(t, append(append([]string{"plan", "--format", "json"}, force...), portfolioDir)...)
	res.wantExit(t, 0)
	var got top
	if err := json.Unmarshal([]byte(res.Stdout), &got); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.ForceIn, []string{"buy_crm"}) || !slices.Equal(got.ForceOut, []string{"portal"}) {
		t.Errorf("json: force_in %q, force_out %q; want [buy_crm], [portal]", got.ForceIn, got.ForceOut)
	}
	for _, p := range got.Projects {
		if want := map[string]string{"buy_crm": "in", "portal": "out"}[p.ID]; p.Forced != want {
			t.Errorf("json: %s forced %q, want %q", p.ID, p.Forced, want)
		}
	}
	plain := runCLI(t, "plan", "--format", "json", portfolioDir)
	plain.wantExit(t, 0)
	if strings.Contains(plain.Stdout, `"force_in"`) || strings.Contains(plain.Stdout, `"force_out"`) {
		t.Errorf("an unforced JSON plan has force_in or force_out")
	}
}

// TestAuditNamesItsScenario: roadmap audit --scenario NAME names the
// scenario as plan --scenario does, in every format (JSON: scenario, as
// the plan's); an audit without one has no Scenario line.
func TestAuditNamesItsScenario(t *testing.T) {
	const line = "budget_cut: Finance cuts capex by 30% (capex = 1050000)"
	planned := runCLI(t, "plan", "--scenario", "budget_cut", exampleDir)
	if !strings.Contains(planned.Stdout, "  Scenario  "+line+"\n") {
		t.Fatalf("plan --scenario no longer prints %q; the audit words it as plan does:\n%s", line, planned.Stdout)
	}
	for _, f := range []struct{ format, ext, want string }{
		{"table", "txt", "  Scenario  " + line + "\n"},
		{"markdown", "md", "- **Scenario:** budget\\_cut: Finance cuts capex by 30% (capex = 1050000)\n"},
		{"html", "", "<strong>Scenario</strong> " + line + "</p>"},
	} {
		t.Run(f.format, func(t *testing.T) {
			res := runCLI(t, "audit", "--format", f.format, "--scenario", "budget_cut", exampleDir)
			if res.Code > 1 {
				t.Fatalf("exit %d: %s", res.Code, res.Stderr)
			}
			if !strings.Contains(res.Stdout, f.want) {
				t.Errorf("the audit does not name its scenario (want %q):\n%s", f.want, res.Stdout)
			}
			if f.ext != "" {
				assertGolden(t, filepath.Join("audit", "it-department-budget-cut."+f.ext), res.Stdout)
			}
			plain := runCLI(t, "audit", "--format", f.format, exampleDir)
			if strings.Contains(plain.Stdout, "Scenario") {
				t.Errorf("an audit without a scenario names one:\n%s", plain.Stdout)
			}
		})
	}
	res := runCLI(t, "audit", "--format", "json", "--scenario", "budget_cut", exampleDir)
	var got struct {
		Scenario *struct {
			Name      string `json:"name"`
			Variables []struct {
				Name string `json:"name"`
				Text string `json:"text"`
			} `json:"variables"`
		} `json:"scenario"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &got); err != nil {
		t.Fatal(err)
	}
	if got.Scenario == nil || got.Scenario.Name != "budget_cut" || len(got.Scenario.Variables) != 1 || got.Scenario.Variables[0].Text != "1050000" {
		t.Errorf("json: scenario %+v, want budget_cut with capex = 1050000", got.Scenario)
	}
	plain := runCLI(t, "audit", "--format", "json", exampleDir)
	if strings.Contains(plain.Stdout, `"scenario"`) {
		t.Errorf("an audit JSON without a scenario has one")
	}
}
