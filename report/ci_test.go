package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/diff/difftest"
)

func ciDiagnostics() hcl.Diagnostics {
	rng := func(file string, l, c, el, ec int) *hcl.Range {
		return &hcl.Range{Filename: file, Start: hcl.Pos{Line: l, Column: c}, End: hcl.Pos{Line: el, Column: ec}}
	}
	return hcl.Diagnostics{
		{
			Severity: hcl.DiagWarning, Summary: "Unused variable",
			Detail:  `Variable "capex" is declared but never used.`,
			Subject: rng("roadmap/variables.hcl", 4, 1, 4, 19),
		},
		{
			Severity: hcl.DiagError, Summary: "Reference to undeclared project",
			Detail:  "There is no project \"sso2\".\nDid you mean \"sso\"?",
			Subject: rng("roadmap/projects.hcl", 12, 17, 12, 28),
		},
		{
			Severity: hcl.DiagError, Summary: "Invalid probability",
			Detail:  "failure = 1.5: a probability is between 0 and 1 (100%), got 150%, see risk {}",
			Subject: rng("roadmap/projects.hcl", 3, 5, 5, 6),
		},
		{Severity: hcl.DiagError, Summary: "No roadmap block", Detail: "A roadmap directory needs exactly one roadmap block."},
	}
}

func ciPlan() *evaluate.Plan {
	p := difftest.After()
	p.Checks = append(p.Checks, evaluate.CheckResult{
		ID: "policy.max_team_utilization", Severity: "error", Passed: false,
		Message: "Team platform is at 100% in 2027-Q2, above the policy's 90%.",
		Range:   &evaluate.SourceRange{Filename: "roadmap/main.hcl", Line: 9, Column: 5, EndLine: 9, EndCol: 32},
	})
	// The plan already has a passing policy.max_team_utilization; keep ids
	// unique as a real plan would.
	p.Checks[1].ID = "policy.require_goal"
	return p
}

func TestRenderCIGolden(t *testing.T) {
	tests := []struct {
		name   string
		format string
		diags  hcl.Diagnostics
		plan   *evaluate.Plan
	}{
		{"validate.github", FormatGitHub, ciDiagnostics(), nil},
		{"validate.sarif", FormatSARIF, ciDiagnostics(), nil},
		{"validate.junit.xml", FormatJUnit, ciDiagnostics(), nil},
		{"validate_clean.github", FormatGitHub, nil, nil},
		{"validate_clean.sarif", FormatSARIF, nil, nil},
		{"validate_clean.junit.xml", FormatJUnit, nil, nil},
		{"plan.github", FormatGitHub, nil, ciPlan()},
		{"plan.sarif", FormatSARIF, nil, ciPlan()},
		{"plan.junit.xml", FormatJUnit, nil, ciPlan()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := RenderCI(&buf, tt.format, tt.diags, tt.plan, Options{Version: "1.2.3"}); err != nil {
				t.Fatal(err)
			}
			diffGolden(t, "ci_"+tt.name, buf.Bytes())
			switch tt.format {
			case FormatSARIF:
				var v map[string]any
				if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
					t.Errorf("SARIF is not JSON: %v", err)
				}
			case FormatJUnit:
				var v junitSuites
				if err := xml.Unmarshal(buf.Bytes(), &v); err != nil {
					t.Errorf("JUnit is not XML: %v", err)
				}
			}
		})
	}
}

func TestRenderPlanCIFormats(t *testing.T) {
	for _, format := range CIFormats() {
		var viaPlan, viaCI bytes.Buffer
		if err := RenderPlan(&viaPlan, ciPlan(), format, Options{}); err != nil {
			t.Fatalf("RenderPlan(%s): %v", format, err)
		}
		if err := RenderCI(&viaCI, format, nil, ciPlan(), Options{}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(viaCI.String(), viaPlan.String()); diff != "" {
			t.Errorf("RenderPlan(%s) differs from RenderCI (-ci +plan):\n%s", format, diff)
		}
	}
}

func TestGitHubCommand(t *testing.T) {
	tests := []struct {
		name string
		item ciItem
		want string
	}{
		{
			name: "one-line range gets columns",
			item: ciItem{severity: "error", title: "Bad", message: "m",
				rng: &evaluate.SourceRange{Filename: "a.hcl", Line: 2, Column: 3, EndLine: 2, EndCol: 9}},
			want: "::error file=a.hcl,line=2,col=3,endLine=2,endColumn=9,title=Bad::m",
		},
		{
			name: "multi-line range gets lines only",
			item: ciItem{severity: "warning", title: "W", message: "m",
				rng: &evaluate.SourceRange{Filename: "a.hcl", Line: 2, Column: 3, EndLine: 4, EndCol: 1}},
			want: "::warning file=a.hcl,line=2,endLine=4,title=W::m",
		},
		{
			name: "no range",
			item: ciItem{severity: "error", title: "T", message: "m"},
			want: "::error title=T::m",
		},
		{
			name: "escapes data and properties",
			item: ciItem{severity: "error", title: "a, b: 100%\nc", message: "50%, a: b\r\nnext",
				rng: &evaluate.SourceRange{Filename: "dir,x/a:b.hcl"}},
			want: "::error file=dir%2Cx/a%3Ab.hcl,title=a%2C b%3A 100%25%0Ac::50%25, a: b%0D%0Anext",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := gitHubCommand(tt.item); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestRenderCIUnknownFormat(t *testing.T) {
	err := RenderCI(&bytes.Buffer{}, "checkstyle", nil, nil, Options{})
	if err == nil || err.Error() != `unknown CI format "checkstyle": use one of [github junit sarif]` {
		t.Errorf("err = %v", err)
	}
}

func TestCISlug(t *testing.T) {
	for in, want := range map[string]string{
		"Reference to undeclared project": "reference-to-undeclared-project",
		"  Bad  value (x)! ":              "bad-value-x",
		"???":                             "problem",
	} {
		if got := ciSlug(in); got != want {
			t.Errorf("ciSlug(%q) = %q, want %q", in, got, want)
		}
	}
}
