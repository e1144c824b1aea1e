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
		// crm_reports ranks above build_crm and takes it along at its
		// turn (schedule.Task.Lead): the trial still tries buy_crm first.
		{"needed by a mandatory project ranked above it", src("", "", "project \"crm_reports\" {\n  mandatory  = true\n  duration   = 1\n  goals      = { grow = 0.9 }\n  depends_on = [project.build_crm]\n}\n"),
			Options{}, DecidedMandatory, alt(`mandatory project "crm_reports" would not run`)},
		// rnd7/86: every kind of need, and a need through together.
		{"needed by a forced-in project", src("", "", "project \"crm_reports\" {\n  duration   = 1\n  depends_on = [project.build_crm]\n}\n"),
			Options{ForceIn: []string{"crm_reports"}}, DecidedForced, alt(`"crm_reports", forced in (--force-in), would not run`)},
		{"needed through together by a mandatory project", src("", "", "project \"crm_reports\" {\n  mandatory  = true\n  duration   = 1\n  depends_on = [project.crm_data]\n}\nproject \"crm_data\" {\n  duration = 1\n  together = [project.build_crm]\n}\n"),
			Options{}, DecidedMandatory, alt(`mandatory project "crm_reports" would not run`)},
		{"needed by a mandatory project, optimised", src("", "", "project \"crm_reports\" {\n  mandatory  = true\n  duration   = 1\n  depends_on = [project.build_crm]\n}\n"),
			Options{Optimize: true}, DecidedMandatory, alt(`mandatory project "crm_reports" would not run`)},
		{"committed", src("", `status = "committed"`, ""), Options{}, DecidedStatus, alt(`"build_crm", committed, would not run`)},
		// The policy took buy_crm and dropped the committed project.
		{"needed by a committed project", src("", "", "project \"crm_reports\" {\n  status     = \"committed\"\n  duration   = 1\n  depends_on = [project.build_crm]\n}\n"),
			Options{}, DecidedStatus, alt(`committed project "crm_reports" would not run`)},
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

// With policy { deadlines = "error" } a missed deadline fails the plan,
// so it counts when a choice picks an option, as the end-of-support
// policy does: rank order and every objective take the option with
// which more deadlines are met ("slim", which leaves room for "x" to
// meet its deadline, over "wide", the best-ranked), unless that costs a
// mandatory project or the rule is only a warning. An option whose
// choice took another option misses nothing (before, the losing option
// of a choice "missed its deadline", so a choice between two options
// with the same deadline failed the check whichever ran).
func TestDeadlinesRuleCountsInChoices(t *testing.T) {
	src := func(severity, extra string) string {
		return fmt.Sprintf(`
roadmap {
  start   = "2027-Q1"
  horizon = 4
  policy {
    deadlines = %q
  }
}

goal "g" {
  weight = 1
}

team "t" {
  capacity = 2
}

project "wide" {
  goals    = { g = 0.9 }
  duration = 3
  effort   = { t = 2 }
}

project "slim" {
  goals    = { g = 0.5 }
  duration = 1
  effort   = { t = 1 }
}

choice "k" {
  options = [project.wide, project.slim]
}

project "x" {
  goals    = { g = 0.3 }
  duration = 2
  effort   = { t = 1 }
  deadline = "2027-Q2"
}
%s`, severity, extra)
	}
	const pick = `with it the deadline of "x" (2027-Q2) is met (policy deadlines = "error"), which "wide", the option rank order takes otherwise (rank 1 under the value strategy), would miss`
	tests := []struct {
		name   string
		src    string
		opts   Options
		chosen string
		reason string // "" checks nothing
		passed bool   // policy.deadlines
	}{
		{"rank order", src("error", ""), Options{}, "slim", pick, true},
		{"objective score", src("error", ""), Options{Objective: "score", Seed: 1}, "slim", "", true},
		{"objective npv", src("error", ""), Options{Objective: "npv", Seed: 1}, "slim", "", true},
		{"objective finish", src("error", ""), Options{Objective: "finish", Seed: 1}, "slim", "", true},
		{"a warning does not count", src("warning", ""), Options{}, "wide", "the best-ranked option (rank 1 under the value strategy)", false},
		// Forcing decides the choice: the rule does not override it.
		{"forced in", src("error", ""), Options{ForceIn: []string{"wide"}}, "wide", "forced in (--force-in)", false},
		{"forced in, optimised", src("error", ""), Options{ForceIn: []string{"wide"}, Objective: "score", Seed: 1}, "wide", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := choicePlan(t, tt.src, tt.opts)
			c := choiceK(t, plan)
			if c.Chosen == nil || *c.Chosen != tt.chosen || (tt.reason != "" && c.Reason != tt.reason) {
				t.Errorf("chosen %v: %q\nwant %s: %q", c.Chosen, c.Reason, tt.chosen, tt.reason)
			}
			checkPassed(t, plan, "policy.deadlines", tt.passed)
			if x := projectOf(t, plan, "x"); (x.Status == StatusScheduled) != tt.passed {
				t.Errorf("x is %s", x.Status)
			}
		})
	}
}

// checkPassed fails unless plan has check id, passed as want.
func checkPassed(t *testing.T, plan *Plan, id string, want bool) {
	t.Helper()
	for _, ch := range plan.Checks {
		if ch.ID == id {
			if ch.Passed != want {
				t.Errorf("%s passed %v, want %v: %s", id, ch.Passed, want, ch.Message)
			}
			return
		}
	}
	t.Errorf("no check %s", id)
}

// An option whose choice took another option misses no deadline, in
// the check and the totals: the deadline was its own, and the choice
// went the other way. One whose choice ran no option still misses it.
func TestChoiceLoserMissesNoDeadline(t *testing.T) {
	src := func(aDeadline, extra string) string {
		return fmt.Sprintf(`
roadmap {
  start   = "2027-Q1"
  horizon = 4
  policy {
    deadlines = "error"
  }
}

goal "g" {
  weight = 1
}

project "a" {
  goals    = { g = 0.9 }
  duration = 3
  %s
}

project "b" {
  goals    = { g = 0.5 }
  duration = 1
  deadline = "2027-Q2"
  %s
}

choice "k" {
  options = [project.a, project.b]
}
`, aDeadline, extra)
	}
	tests := []struct {
		name        string
		src         string
		opts        Options
		passed      bool
		met, missed int
	}{
		// a runs; b's deadline is moot.
		{"the other option runs", src("", ""), Options{}, true, 0, 0},
		// a cannot meet the deadline both carry, b does.
		{"same deadline on both", src(`deadline = "2027-Q2"`, ""), Options{}, true, 1, 0},
		{"no option runs", src("", ""), Options{ForceOut: []string{"a", "b"}}, false, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := choicePlan(t, tt.src, tt.opts)
			checkPassed(t, plan, "policy.deadlines", tt.passed)
			if plan.Totals.DeadlinesMet != tt.met || plan.Totals.DeadlinesMissed != tt.missed {
				t.Errorf("deadlines met %d, missed %d; want %d, %d", plan.Totals.DeadlinesMet, plan.Totals.DeadlinesMissed, tt.met, tt.missed)
			}
		})
	}
}

// Under the rule the optimiser ranks schedules by the deadlines they
// meet before its objective, in the tier of the systems kept in support:
// "x" meets its deadline though "y", worth more, then cannot run. Under
// a warning the objective decides.
func TestOptimiserMeetsDeadlinesUnderTheRule(t *testing.T) {
	src := func(severity string) string {
		return fmt.Sprintf(`
roadmap {
  start    = "2027-Q1"
  horizon  = 4
  flagship = project.f
  policy {
    deadlines = %q
  }
}

goal "g" {
  weight = 1
}

team "t" {
  capacity = 2
}

project "f" {
  goals    = { g = 0.1 }
  duration = 1
}

project "y" {
  goals    = { g = 0.9 }
  duration = 4
  effort   = { t = 2 }
}

project "x" {
  goals    = { g = 0.2 }
  duration = 2
  effort   = { t = 1 }
  deadline = "2027-Q2"
}
`, severity)
	}
	for _, tt := range []struct {
		severity string
		x        string
	}{{"error", StatusScheduled}, {"warning", StatusDeferred}} {
		t.Run(tt.severity, func(t *testing.T) {
			plan := choicePlan(t, src(tt.severity), Options{Objective: "score", Seed: 1})
			if x := projectOf(t, plan, "x"); x.Status != tt.x {
				t.Errorf("x is %s, want %s", x.Status, tt.x)
			}
			checkPassed(t, plan, "policy.deadlines", tt.x == StatusScheduled)
			// A plan worse on its objective says why.
			const why = `Schedule "x" (rank 3, score 0.3) in 2027-Q1..2027-Q2: rank order deferred it; it meets its deadline 2027-Q2, and policy deadlines = "error" comes before the objective.`
			if got := plan.Optimization.Changes; tt.x == StatusScheduled && (len(got) == 0 || got[0] != why) {
				t.Errorf("changes %q, want first %q", got, why)
			}
		})
	}
}

// The chosen option's reason names at most three options passed over,
// each reason clipped, and counts the rest (review qa15g F7: a choice of
// 1,000 options, each dropped quoting a 64,000-byte capability, made a
// 64 MB reason).
func TestChoiceReasonNamesAFewPassedOver(t *testing.T) {
	var b strings.Builder
	b.WriteString("roadmap {\n  start   = \"2027-Q1\"\n  horizon = 4\n}\ngoal \"g\" { weight = 1 }\n")
	long := strings.Repeat("y", 5000)
	var opts []string
	for i := range 6 {
		fmt.Fprintf(&b, "project \"o%d\" {\n  duration = 1\n  goals    = { g = 0.9 }\n  requires = [\"%s%d\"]\n}\n", i, long, i)
		opts = append(opts, fmt.Sprintf("project.o%d", i))
	}
	b.WriteString("project \"ok\" {\n  duration = 1\n  goals    = { g = 0.2 }\n}\n")
	opts = append(opts, "project.ok")
	fmt.Fprintf(&b, "choice \"k\" {\n  options = [%s]\n}\n", strings.Join(opts, ", "))
	plan := evaluateWith(t, loadSource(t, b.String()), Options{})
	reason := plan.Choices[0].Reason
	for _, want := range []string{`"o0" (would rank 1) is dropped: requires capability "yyy`, `"o2" (would rank 1) is dropped`, "; and 3 more ranked above it did not run"} {
		if !strings.Contains(reason, want) {
			t.Errorf("reason %.400q lacks %q", reason, want)
		}
	}
	if strings.Contains(reason, `"o3"`) || len(reason) > 1500 {
		t.Errorf("reason of %d bytes names more than three options: %.400q", len(reason), reason)
	}
}
