package evaluate

import (
	"context"
	"fmt"
	"testing"

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
