package evaluate

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// choicePlan evaluates a one-file roadmap given as HCL with opts.
func choicePlan(t *testing.T, src string, opts Options) *Plan {
	t.Helper()
	cfg, diags := hclspec.NewLoader().LoadSources("choice", map[string][]byte{"main.hcl": []byte(src)}, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatalf("load: %v", diags)
	}
	plan, diags := Evaluate(context.Background(), cfg, opts)
	if plan == nil || diags.HasErrors() {
		t.Fatalf("evaluate: %v", diags)
	}
	if cfg.Roadmap.AsOf == "" { // the checker knows no statuses
		for _, err := range planViolations(cfg, plan) {
			t.Error(err)
		}
	}
	return plan
}

// choiceK is choice "k" of plan.
func choiceK(t *testing.T, plan *Plan) ChoiceResult {
	t.Helper()
	for _, c := range plan.Choices {
		if c.ID == "k" {
			return c
		}
	}
	t.Fatal("no choice k")
	return ChoiceResult{}
}

// The reason of the option rank order takes names only the options that
// rank above it and did not run (review qa15d D6: "b (rank 3) is
// dropped" was named though b ranked below the chosen option): a
// deferred option by its rank, one a gate or its status took out by the
// rank it would have had.
func TestChoiceReasonNamesOnlyBetterOptions(t *testing.T) {
	const head = `
roadmap {
  start         = "2027-Q1"
  horizon       = 4
  risk_appetite = 0.5
  %s
}

goal "g" {
  weight = 1
}

team "t" {
  capacity = 2
}
`
	option := func(id string, align float64, extra string) string {
		fte := 1
		if extra == "big" {
			fte, extra = 2, ""
		}
		return fmt.Sprintf("project %q {\n  goals    = { g = %g }\n  duration = 1\n  effort   = { t = %d }\n%s}\n", id, align, fte, extra)
	}
	const choice = "choice \"k\" {\n  options = [project.b, project.a, project.c]\n}\n"
	tests := []struct {
		name, src, reason string
	}{
		{"worse options dropped and not chosen", fmt.Sprintf(head, "") + option("a", 0.9, "") + option("b", 0, "") + option("c", 0.5, "") + choice,
			`the best-ranked option (rank 1 under the value strategy)`},
		{"better option dropped by a gate", fmt.Sprintf(head, "") + option("a", 0.5, "") + option("b", 0.9, "  risk {\n    failure = 0.9\n  }\n") + option("c", 0.2, "") + choice,
			`the best-ranked option that runs (rank 1 under the value strategy); "b" (would rank 1) is dropped: risk 0.9 exceeds the risk appetite of 0.5`},
		{"better option deferred", fmt.Sprintf(head, "") + option("a", 0.5, "") + option("b", 0.9, "big") + option("c", 0.2, "") + choice +
			"project \"m\" {\n  mandatory = true\n  duration  = 4\n  effort    = { t = 1 }\n}\n",
			`the best-ranked option that runs (rank 3 under the value strategy); "b" (rank 2) is deferred: team "t" has no room for 2 FTE in 2027-Q1..2027-Q4 (held by "m")`},
		{"better option on hold", fmt.Sprintf(head, `as_of = "2027-Q1"`) + option("a", 0.5, "") + option("b", 0.9, "  status   = \"on_hold\"\n") + option("c", 0.2, "") + choice,
			`the best-ranked option that runs (rank 1 under the value strategy); "b" (would rank 1) is on hold`},
		{"worse option on hold", fmt.Sprintf(head, `as_of = "2027-Q1"`) + option("a", 0.5, "") + option("b", 0.2, "  status   = \"on_hold\"\n") + option("c", 0.1, "") + choice,
			`the best-ranked option (rank 1 under the value strategy)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := choiceK(t, choicePlan(t, tt.src, Options{}))
			if c.DecidedBy != DecidedStrategy || c.Reason != tt.reason {
				t.Errorf("decided by %q: %q\nwant %q: %q", c.DecidedBy, c.Reason, DecidedStrategy, tt.reason)
			}
		})
	}
}

// An option left out because its choice was decided before scheduling
// (its rival forced in, mandatory, needed by a mandatory project,
// committed or in progress) is named when it would have replaced a
// system in time that the plan leaves unsupported (choices[].alternative,
// with what taking it costs), and the decided option still runs: the
// policy never overrides what the user decided. Before, a status-decided
// option was never tried, and the others' cost read "a mandatory project
// would not run" even for a forced-in rival.
func TestPolicyAlternativeOfDecidedChoice(t *testing.T) {
	src := func(asOf, build, extra string) string {
		return fmt.Sprintf(`
roadmap {
  start         = "2027-Q1"
  horizon       = 8
  risk_appetite = 0.5
  %s
  policy {
    replace_before_end_of_support = true
  }
}

goal "grow" {
  weight = 1
}

team "apps" {
  capacity = 4
}

system "crm_old" {
  end_of_support = "2027-Q2"
}

project "build_crm" {
  duration = 4
  effort   = { apps = 2 }
  goals    = { grow = 0.8 }
  replaces = [system.crm_old]
  %s
}

project "buy_crm" {
  duration = 2
  effort   = { apps = 1 }
  goals    = { grow = 0.7 }
  replaces = [system.crm_old]
}

choice "crm" {
  options = [project.build_crm, project.buy_crm]
}
%s`, asOf, build, extra)
	}
	alt := func(cost string) *ChoiceAlternative {
		return &ChoiceAlternative{Option: "buy_crm", System: "crm_old", GoLive: "2027-Q3", GoLivePeriod: 2, Cost: cost}
	}
	const inProgress = "status  = \"in_progress\"\n  started = \"2027-Q1\""
	tests := []struct {
		name      string
		src       string
		opts      Options
		decidedBy string
		want      *ChoiceAlternative
	}{
		{"forced in", src("", "", ""), Options{ForceIn: []string{"build_crm"}}, DecidedForced, alt(`"build_crm", forced in (--force-in), would not run`)},
		{"mandatory", src("", "mandatory = true", ""), Options{}, DecidedMandatory, alt(`mandatory project "build_crm" would not run`)},
		{"needed by a mandatory project", src("", "", "project \"crm_reports\" {\n  mandatory  = true\n  duration   = 1\n  depends_on = [project.build_crm]\n}\n"),
			Options{}, DecidedMandatory, alt(`mandatory project "crm_reports" would not run`)},
		{"committed", src("", `status = "committed"`, ""), Options{}, DecidedStatus, alt(`"build_crm", committed, would not run`)},
		{"in progress", src(`as_of = "2027-Q1"`, inProgress, ""), Options{}, DecidedStatus, alt(`"build_crm", in progress, would stop`)},
		// From 2027-Q2 buy_crm would go live in 2027-Q4, too late: nothing to name.
		{"in progress, too late to switch", src(`as_of = "2027-Q2"`, inProgress, ""), Options{}, DecidedStatus, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := choicePlan(t, tt.src, tt.opts)
			c := plan.Choices[0]
			if c.Chosen == nil || *c.Chosen != "build_crm" || c.DecidedBy != tt.decidedBy {
				t.Errorf("chosen %v by %q, want build_crm by %q", c.Chosen, c.DecidedBy, tt.decidedBy)
			}
			if diff := cmp.Diff(tt.want, c.Alternative); diff != "" {
				t.Errorf("alternative (-want +got):\n%s", diff)
			}
			if tt.want != nil && !strings.HasSuffix(c.Reason, "; "+tt.want.Words("crm")) {
				t.Errorf("reason %q does not end with the alternative", c.Reason)
			}
			for _, ch := range plan.Checks {
				if ch.ID == "policy.replace_before_end_of_support" && ch.Passed {
					t.Errorf("the policy passed: build_crm goes live in 2028-Q1")
				}
			}
		})
	}
}
