package main

import (
	"encoding/json"
	"html"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestChoiceReasonsNameBetterOptionsOnly: in every format, the reason of
// the option rank order takes names only the options ranked above it
// that did not run: a deferred one by its rank, one a gate dropped by
// the rank it would have had (review qa15d D6: "b (rank 3) is dropped"
// was named only because b was listed first).
func TestChoiceReasonsNameBetterOptionsOnly(t *testing.T) {
	dir := filepath.Join("testdata", "choice-reasons")
	want := map[string]string{
		"k": `the best-ranked option (rank 2 under the value strategy)`,
		"j": `the best-ranked option that runs (rank 5 under the value strategy); "wide" (rank 3) is deferred: team "t" has no room for 2 FTE in 2027-Q1..2027-Q4 (held by "m" and "a"); "risky" (would rank 4) is dropped: risk 0.9 exceeds the risk appetite of 0.5`,
	}
	res := runCLI(t, "plan", "--format", "json", dir)
	res.wantExit(t, 0)
	var plan struct {
		Choices []struct {
			ID     string `json:"id"`
			Reason string `json:"reason"`
		} `json:"choices"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &plan); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range plan.Choices {
		got[c.ID] = c.Reason
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("json reasons (-want +got):\n%s", diff)
	}
	for _, f := range []struct{ format, golden string }{
		{"table", "choice-reasons.txt"},
		{"markdown", "choice-reasons.md"},
	} {
		res := runCLI(t, "plan", "--format", f.format, dir)
		res.wantExit(t, 0)
		assertGolden(t, filepath.Join("plan", f.golden), res.Stdout)
	}
	res = runCLI(t, "plan", "--format", "csv", "--table", "choices", dir)
	res.wantExit(t, 0)
	assertGolden(t, filepath.Join("plan", "choice-reasons.choices.csv"), res.Stdout)
	res = runCLI(t, "plan", "--format", "html", dir)
	res.wantExit(t, 0)
	for id, reason := range want {
		if !strings.Contains(res.Stdout, html.EscapeString(reason)) {
			t.Errorf("html: no reason %q for choice %s", reason, id)
		}
	}
	if strings.Contains(res.Stdout, "(rank 7)") {
		t.Errorf("html names option \"b\" (rank 7), which ranks below the chosen one")
	}
}
