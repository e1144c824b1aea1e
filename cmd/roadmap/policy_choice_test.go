package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestChoiceKeepsReplacementPolicy: with policy {
// replace_before_end_of_support = true } a choice takes the option that
// goes live before the end of support of the system it replaces, in rank
// order and under every objective, and says why; where taking it costs
// more, the choice row and the audit name it. Rank order used to take the
// best-ranked option, which went live two quarters late, and fail the
// policy without a word about the other option.
func TestChoiceKeepsReplacementPolicy(t *testing.T) {
	keep := filepath.Join("testdata", "policy-choice")
	miss := filepath.Join("testdata", "policy-choice-miss")
	const keepReason = `"buy_crm" goes live in 2027-Q3, as soon as the support of system "crm_old" ends (supported through 2027-Q2; policy replace_before_end_of_support): no gap; "build_crm", the best-ranked option (rank 1 under the value strategy), would go live in 2028-Q1`
	// policy-choice with the flagship named: the optimiser weighs the
	// choice itself (it does not keep it as the flagship), and its reason
	// says the policy counted.
	named := t.TempDir()
	writeFiles(t, named, map[string]string{"roadmap.hcl": strings.Replace(readFile(t, filepath.Join(keep, "roadmap.hcl")),
		"roadmap {\n", "roadmap {\n  flagship = project.intranet\n", 1)})
	const flagshipReason = `the flagship: the optimiser keeps it, starting no later than in rank order, so no other option of choice "crm" can run; rank order took it for the policy: ` + keepReason
	const keptReason = `it goes live in 2027-Q3, as soon as the support of system "crm_old" ends (supported through 2027-Q2; policy replace_before_end_of_support, which the optimiser weighs before its objective): no gap`
	const missAlt = `"buy_crm", another option of choice "crm", would go live in 2027-Q3, in time for the end of support of system "crm_old", but then system "hr_old" would run out of support before a replacement goes live`
	type alternative struct {
		Option string `json:"option"`
		System string `json:"system"`
		GoLive string `json:"go_live"`
		Cost   string `json:"cost"`
	}
	tests := []struct {
		name      string
		args      []string
		exit      int
		chosen    string
		decidedBy string
		reason    string // "" checks nothing
		flagship  string
		alt       *alternative
	}{
		{"rank order takes the option in time", []string{keep}, 0, "buy_crm", "strategy", keepReason, "buy_crm", nil},
		{"objective score", []string{"--objective", "score", keep}, 0, "buy_crm", "optimizer", flagshipReason, "buy_crm", nil},
		{"objective npv", []string{"--objective", "npv", keep}, 0, "buy_crm", "optimizer", flagshipReason, "buy_crm", nil},
		{"objective risk_adjusted_npv", []string{"--objective", "risk_adjusted_npv", keep}, 0, "buy_crm", "optimizer", flagshipReason, "buy_crm", nil},
		{"objective finish", []string{"--objective", "finish", keep}, 0, "buy_crm", "optimizer", flagshipReason, "buy_crm", nil},
		// Under --optimize the reason says the policy counted (it said
		// only "the optimiser chose it (objective score)").
		{"objective score, flagship named", []string{"--objective", "score", named}, 0, "buy_crm", "optimizer",
			`the optimiser chose it (objective score); ` + keptReason + `; rank order chose it too, for the policy`, "intranet", nil},
		{"objective npv, flagship named", []string{"--objective", "npv", named}, 0, "buy_crm", "optimizer",
			`the optimiser chose it (objective npv); ` + keptReason + `; rank order chose it too, for the policy`, "intranet", nil},
		// Forcing decides the choice; the option in time is still named,
		// with its real cost (it said "a mandatory project would not run").
		{"rival forced in", []string{"--force-in", "build_crm", keep}, 1, "build_crm", "forced",
			`forced in (--force-in); "buy_crm", another option of choice "crm", would go live in 2027-Q3, in time for the end of support of system "crm_old", but then "build_crm", forced in (--force-in), would not run`, "rollout",
			&alternative{"buy_crm", "crm_old", "2027-Q3", `"build_crm", forced in (--force-in), would not run`}},
		{"in time costs another system", []string{miss}, 1, "build_crm", "strategy",
			"the best-ranked option (rank 1 under the value strategy); " + missAlt, "build_crm",
			&alternative{"buy_crm", "crm_old", "2027-Q3", `system "hr_old" would run out of support before a replacement goes live`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runCLI(t, append([]string{"plan", "--format", "json"}, tt.args...)...)
			res.wantExit(t, tt.exit)
			var got struct {
				Roadmap struct {
					Flagship string `json:"flagship"`
				} `json:"roadmap"`
				Choices []struct {
					Chosen      string       `json:"chosen"`
					DecidedBy   string       `json:"decided_by"`
					Reason      string       `json:"reason"`
					Alternative *alternative `json:"alternative"`
				} `json:"choices"`
				Checks []struct {
					ID     string `json:"id"`
					Passed bool   `json:"passed"`
				} `json:"checks"`
			}
			if err := json.Unmarshal([]byte(res.Stdout), &got); err != nil {
				t.Fatal(err)
			}
			if len(got.Choices) != 1 {
				t.Fatalf("%d choices, want 1", len(got.Choices))
			}
			c := got.Choices[0]
			if c.Chosen != tt.chosen || c.DecidedBy != tt.decidedBy || (tt.reason != "" && c.Reason != tt.reason) {
				t.Errorf("choice crm: chosen %q, decided by %q, reason %q;\nwant %q, %q, %q", c.Chosen, c.DecidedBy, c.Reason, tt.chosen, tt.decidedBy, tt.reason)
			}
			if got.Roadmap.Flagship != tt.flagship {
				t.Errorf("flagship %q, want %q", got.Roadmap.Flagship, tt.flagship)
			}
			if diff := cmp.Diff(tt.alt, c.Alternative); diff != "" {
				t.Errorf("alternative (-want +got):\n%s", diff)
			}
			passed := map[string]bool{}
			for _, ch := range got.Checks {
				passed[ch.ID] = ch.Passed
			}
			if want := tt.exit == 0; passed["policy.replace_before_end_of_support"] != want {
				t.Errorf("policy.replace_before_end_of_support passed %v, want %v", !want, want)
			}
		})
	}
	res := runCLI(t, "plan", keep)
	res.wantExit(t, 0)
	assertGolden(t, filepath.Join("plan", "policy-choice.txt"), res.Stdout)
	res = runCLI(t, "audit", miss)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stdout, `support of system "crm_old", but then system "hr_old"`) {
		t.Errorf("the audit does not name the option in time:\n%s", res.Stdout)
	}
	assertGolden(t, filepath.Join("audit", "policy-choice-miss.txt"), res.Stdout)
}
