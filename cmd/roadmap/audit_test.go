package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestAuditExampleGolden: roadmap audit of the example's installed base in
// every format, against golden files: the ERP replaced in time, the
// service desk a quarter late, the legacy CRM with no replacement (its
// replacement is vetoed), the backup supported past the horizon.
func TestAuditExampleGolden(t *testing.T) {
	for _, f := range []struct{ format, ext string }{{"table", "txt"}, {"json", "json"}, {"markdown", "md"}, {"html", "html"}} {
		t.Run(f.format, func(t *testing.T) {
			res := runCLI(t, "audit", "--format", f.format, exampleDir)
			res.wantExit(t, 0)
			if res.Stderr != "" {
				t.Errorf("stderr = %q, want nothing", res.Stderr)
			}
			assertGolden(t, filepath.Join("audit", "it-department."+f.ext), res.Stdout)
			if f.format != "json" {
				return
			}
			// The story the example's README tells.
			var got struct {
				Systems []struct {
					ID         string `json:"id"`
					Gap        string `json:"gap"`
					GapPeriods int    `json:"gap_periods"`
				} `json:"systems"`
			}
			if err := json.Unmarshal([]byte(res.Stdout), &got); err != nil {
				t.Fatal(err)
			}
			want := map[string]string{"erp_2014": "unsupported 1", "service_desk": "unsupported 2", "crm_legacy": "no_replacement 2", "backup": "none 0"}
			for _, s := range got.Systems {
				if w := want[s.ID]; w != fmt.Sprintf("%s %d", s.Gap, s.GapPeriods) {
					t.Errorf("%s: gap %s %d, want %s", s.ID, s.Gap, s.GapPeriods, w)
				}
			}
			if len(got.Systems) != len(want) {
				t.Errorf("%d systems, want %d", len(got.Systems), len(want))
			}
		})
	}
}

// With policy { replace_before_end_of_support = true } a gap fails the
// audit and the plan, as an error on stderr and exit 1; the plan's check
// table names it too. Forcing the late replacement out turns a gap into a
// system with no replacement.
func TestAuditPolicyFails(t *testing.T) {
	dir := filepath.Join("..", "..", "evaluate", "audit", "testdata", "base")
	res := runCLI(t, "audit", dir)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, `Error: check "policy.replace_before_end_of_support" failed: 2 systems run out of support before a replacement goes live`) {
		t.Errorf("stderr = %q", res.Stderr)
	}
	assertGolden(t, filepath.Join("audit", "policy.txt"), res.Stdout)
	res = runCLI(t, "plan", dir)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stdout, "policy.replace_before_end_of_support") || !strings.Contains(res.Stdout, "Technology audit") {
		t.Errorf("the plan lacks the audit or its check:\n%s", res.Stdout)
	}
	res = runCLI(t, "audit", "--format", "json", "--force-out", "new_desk", dir)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stdout, `"gaps": 2`) || strings.Count(res.Stdout, `"gap": "no_replacement"`) != 2 {
		t.Errorf("forced out: %s", res.Stdout)
	}
}
