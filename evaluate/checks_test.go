package evaluate

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

func expr(t *testing.T, src string) hcl.Expression {
	t.Helper()
	e, diags := hclsyntax.ParseExpression([]byte(src), "checks.hcl", hcl.Pos{Line: 1, Column: 1})
	if diags.HasErrors() {
		t.Fatalf("parse %q: %v", src, diags)
	}
	return e
}

// checkConfig: "a" scheduled in 2027-Q1..2027-Q2, "c" dropped (no goal);
// var.capex = 500000, local.limit = 3.
func checkConfig() *hclspec.Config {
	cfg := schedConfig(8, 4)
	a := schedProject(cfg, "a", 2, 2)
	a.Cost.OneTime = 100000
	addProject(cfg, newProject("c", 1))
	cfg.VariableValues = map[string]cty.Value{"capex": cty.NumberIntVal(500000)}
	cfg.LocalValues = map[string]cty.Value{"limit": cty.NumberIntVal(3)}
	return cfg
}

func TestChecks(t *testing.T) {
	tests := []struct {
		name      string
		condition string
		message   string
		severity  string
		want      CheckResult
		wantDiag  string // summary of an expected error diagnostic
		// detail of that diagnostic, when not ""
		wantDetail string
	}{
		{name: "passes", condition: `plan.projects["a"].status == "scheduled"`,
			want: CheckResult{ID: "c", Severity: "error", Passed: true}},
		{name: "fails with its message", condition: `plan.totals.cost <= var.capex * 0.1`, message: "Keep capex free.", severity: "warning",
			want: CheckResult{ID: "c", Severity: "warning", Message: "Keep capex free."}},
		{name: "message may use the plan", condition: `plan.totals.scheduled > local.limit`,
			message: `"${plan.totals.scheduled} scheduled, want more than ${local.limit}"`,
			want:    CheckResult{ID: "c", Severity: "error", Message: "1 scheduled, want more than 3"}},
		{name: "default message", condition: `false`,
			want: CheckResult{ID: "c", Severity: "error", Message: `check "c" failed`}},
		{name: "functions and periods", condition: `length(plan.periods) == 8 && max(plan.periods[0].teams["platform"].used, 1) == 2`,
			want: CheckResult{ID: "c", Severity: "error", Passed: true}},
		{name: "null start of a dropped project", condition: `plan.projects.c.start == null && plan.projects.c.gate == "alignment"`,
			want: CheckResult{ID: "c", Severity: "error", Passed: true}},
		{name: "earliest_start unset is null", condition: `plan.projects.a.earliest_start == null && plan.projects.a.earliest_start_period == null`,
			want: CheckResult{ID: "c", Severity: "error", Passed: true}},
		{name: "notes and deadline totals", condition: `length(plan.projects.a.notes) == 0 && plan.totals.deadlines_missed == 0 && plan.totals.deadlines_met == 0`,
			want: CheckResult{ID: "c", Severity: "error", Passed: true}},
		{name: "for expression over projects", condition: `length([for p in plan.projects : p.id if p.status == "dropped"]) == plan.totals.dropped`,
			want: CheckResult{ID: "c", Severity: "error", Passed: true}},
		{name: "finance functions", condition: `floor(npv(0.1, [-1000, 400, 400, 400, 400, 400])) == 469 && irr([-100, 110]) > 0.0999`,
			want: CheckResult{ID: "c", Severity: "error", Passed: true}},
		{name: "unknown project is a diagnostic", condition: `plan.projects["nope"].status == "scheduled"`,
			want:       CheckResult{ID: "c", Severity: "error", Message: "condition could not be evaluated: Unknown project"},
			wantDiag:   "Unknown project",
			wantDetail: `There is no project "nope" in the plan.`},
		{name: "unknown project suggests the nearest", condition: `plan.projects.aa.status == "scheduled"`,
			want:       CheckResult{ID: "c", Severity: "error", Message: "condition could not be evaluated: Unknown project"},
			wantDiag:   "Unknown project",
			wantDetail: `There is no project "aa" in the plan. Did you mean "a"?`},
		{name: "unknown project in the message", condition: `false`, message: `"${plan.projects["nope"].status}"`,
			want:       CheckResult{ID: "c", Severity: "error", Message: `check "c" failed`},
			wantDiag:   "Unknown project",
			wantDetail: `There is no project "nope" in the plan.`},
		{name: "computed project index is left to HCL", condition: `plan.projects[lower("NOPE")].status == "scheduled"`,
			want:     CheckResult{ID: "c", Severity: "error", Message: "condition could not be evaluated: Invalid index"},
			wantDiag: "Invalid index"},
		{name: "not a bool is a diagnostic", condition: `plan.totals`,
			want:     CheckResult{ID: "c", Severity: "error", Message: "condition could not be evaluated: Invalid check condition"},
			wantDiag: "Invalid check condition"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := checkConfig()
			c := &hclspec.Check{ID: "c", Condition: expr(t, tt.condition), Severity: tt.severity}
			if tt.message != "" {
				src := tt.message
				if !strings.HasPrefix(src, `"`) {
					src = `"` + src + `"`
				}
				c.ErrorMessage = expr(t, src)
			}
			cfg.Checks = []*hclspec.Check{c}
			plan, diags := Evaluate(context.Background(), cfg, Options{})
			if plan == nil {
				t.Fatalf("no plan: %v", diags)
			}
			got := plan.Checks[0]
			got.Range = nil
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("check result (-want +got):\n%s", diff)
			}
			if tt.wantDiag == "" && diags.HasErrors() {
				t.Errorf("unexpected diagnostics: %v", diags)
			}
			if tt.wantDiag != "" && (!diags.HasErrors() || diags[0].Summary != tt.wantDiag) {
				t.Errorf("diagnostics %v, want %q", diags, tt.wantDiag)
			}
			if tt.wantDetail != "" && diags.HasErrors() && diags[0].Detail != tt.wantDetail {
				t.Errorf("detail = %q, want %q", diags[0].Detail, tt.wantDetail)
			}
		})
	}
}

// Checks read the schedule notes: who held the team b waited for, where.
func TestChecksSeeNotes(t *testing.T) {
	cfg := schedConfig(8, 1)
	schedProject(cfg, "a", 2, 1)
	schedProject(cfg, "b", 1, 1)
	cond := `length([for n in plan.projects.b.notes : n if n.kind == "team" && n.id == "platform" && contains(n.held_by, "a") && n.periods[0].start == "2027-Q1" && n.periods[0].end_period == 2]) == 1`
	cfg.Checks = []*hclspec.Check{{ID: "waits", Condition: expr(t, cond)}}
	plan := mustEvaluate(t, cfg)
	if c := plan.Checks[0]; !c.Passed {
		t.Errorf("check over b's notes: %+v; notes %+v", c, plan.Projects[1].Notes)
	}
}

func TestChecksKeepDeclarationOrder(t *testing.T) {
	cfg := checkConfig()
	for _, id := range []string{"zeta", "alpha", "mid"} {
		cfg.Checks = append(cfg.Checks, &hclspec.Check{ID: id, Condition: expr(t, "true")})
	}
	plan := mustEvaluate(t, cfg)
	var ids []string
	for _, c := range plan.Checks {
		ids = append(ids, c.ID)
	}
	if diff := cmp.Diff([]string{"zeta", "alpha", "mid"}, ids); diff != "" {
		t.Errorf("check order (-want +got):\n%s", diff)
	}
}

func TestPolicies(t *testing.T) {
	// "a" uses 2 of platform's 2 FTE in 2027-Q1..2027-Q2 (100%) and spends
	// 80000 of capex's 100000 in 2027. "m" is mandatory, has no goal and
	// no effort.
	build := func(pol hclspec.Policies) *Plan {
		cfg := schedConfig(8, 2)
		addBudget(cfg, "capex", 100000, hclspec.PerYear)
		a := schedProject(cfg, "a", 2, 2)
		a.Funding, a.Cost.OneTime = "capex", 80000
		schedProject(cfg, "m", 1, 0).Mandatory = true
		cfgProject(cfg, "m").Goals = map[string]float64{}
		cfg.Roadmap.Policies = pol
		return mustEvaluate(t, cfg)
	}
	mandatory := CheckResult{ID: "policy.mandatory", Severity: "error", Passed: true}
	tests := []struct {
		name string
		pol  hclspec.Policies
		want []CheckResult
	}{
		{"off", hclspec.Policies{}, []CheckResult{mandatory}},
		{"failing", hclspec.Policies{RequireGoal: true, MaxBudgetShare: 0.5}, []CheckResult{
			{ID: "policy.require_goal", Severity: "error", Message: `scheduled project "m" contributes to no goal`},
			{ID: "policy.max_budget_share", Severity: "error", Message: `budget "capex" is 80% spent in 2027, above the 50% limit`},
			mandatory,
		}},
		{"passing", hclspec.Policies{MaxTeamUtilization: 1, MaxBudgetShare: 0.8}, []CheckResult{
			{ID: "policy.max_team_utilization", Severity: "error", Passed: true},
			{ID: "policy.max_budget_share", Severity: "error", Passed: true},
			mandatory,
		}},
		// The scheduler plans within the headroom: "a" needs all of
		// platform, more than 90% of it, so it cannot run at all.
		{"headroom", hclspec.Policies{MaxTeamUtilization: 0.9}, []CheckResult{
			{ID: "policy.max_team_utilization", Severity: "error", Passed: true},
			mandatory,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := build(tt.pol).Checks
			for k := range got {
				got[k].Range = nil
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("policy results (-want +got):\n%s", diff)
			}
		})
	}
	a := projectByID(t, build(hclspec.Policies{MaxTeamUtilization: 0.9}), "a")
	want := `needs 2 FTE of team "platform" per period, more than the 1.8 FTE its 90% headroom limit leaves of its largest capacity (policy.max_team_utilization)`
	if a.Status != StatusDropped || len(a.Reasons) != 1 || a.Reasons[0] != want {
		t.Errorf("a is %s: %q, want dropped: %q", a.Status, a.Reasons, want)
	}
}

// The check behind max_team_utilization fails on a plan that uses a team
// above the limit (one built without the policy).
func TestMaxTeamUtilizationCheck(t *testing.T) {
	cfg := schedConfig(8, 2)
	schedProject(cfg, "a", 2, 2)
	plan := mustEvaluate(t, cfg)
	got := maxTeamUtilization(plan, 0.9)
	want := []string{`team "platform" is used above 90% of its capacity in 2027-Q1..2027-Q2 (up to 100%)`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("failures (-want +got):\n%s", diff)
	}
}

func TestPlanParts(t *testing.T) {
	tests := []struct {
		conditions []string
		want       map[string]bool
	}{
		{[]string{"plan.totals.cost > 0"}, map[string]bool{"totals": true}},
		{[]string{`plan["projects"].a.status == "x"`, "length(plan.periods) > 0"}, map[string]bool{"projects": true, "periods": true}},
		{[]string{"length(keys(plan)) == 9"}, nil},
		{[]string{"var.x > 1"}, map[string]bool{}},
	}
	for _, tt := range tests {
		cfg := checkConfig()
		for _, c := range tt.conditions {
			cfg.Checks = append(cfg.Checks, &hclspec.Check{ID: "c", Condition: expr(t, c)})
		}
		e, _ := newEvaluation(cfg)
		if diff := cmp.Diff(tt.want, e.planParts()); diff != "" {
			t.Errorf("planParts(%q) (-want +got):\n%s", tt.conditions, diff)
		}
	}
	// The whole plan is there when a check looks at all of it.
	cfg := checkConfig()
	cfg.Checks = []*hclspec.Check{{ID: "all", Condition: expr(t, `length(keys(plan)) == 9`)}}
	if got := mustEvaluate(t, cfg).Checks[0]; !got.Passed {
		t.Errorf("check over the whole plan: %+v", got)
	}
	// An unknown part is an error, not a silently missing value.
	cfg.Checks = []*hclspec.Check{{ID: "typo", Condition: expr(t, `plan.total.cost > 0`)}}
	_, diags := Evaluate(context.Background(), cfg, Options{})
	if !diags.HasErrors() || diags[0].Summary != "Unsupported attribute" {
		t.Errorf("diagnostics %v, want Unsupported attribute", diags)
	}
}
