package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestMidyearExampleFromQ2ToQ3: the mid-year example's plan diff from
// its status at 2027-Q2 (testdata/midyear-q2: the same department a
// quarter earlier, SSO and EDR still under way, the service desk only
// committed) to 2027-Q3 (the example). SSO is done, EDR cancelled, the
// portal slips a quarter and pushes f_portal_payments, and the service
// desk replacement has started early.
func TestMidyearExampleFromQ2ToQ3(t *testing.T) {
	q2 := runCLI(t, "plan", "--format", "json", filepath.Join("testdata", "midyear-q2"))
	q2.wantExit(t, 0)
	assertGolden(t, "midyear-q2.json", q2.Stdout)
	for _, f := range []struct{ format, ext string }{{"table", "txt"}, {"markdown", "md"}, {"json", "json"}} {
		t.Run(f.format, func(t *testing.T) {
			res := runCLI(t, "plan", "--compare", filepath.Join("testdata", "midyear-q2.json"),
				"--detailed-exitcode", "--format", f.format, midyearDir)
			res.wantExit(t, 2)
			assertGolden(t, "plandiff/midyear-q2-q3."+f.ext, res.Stdout)
			if f.format != "table" {
				return
			}
			for _, want := range []string{
				"as_of: 2027-Q2 → 2027-Q3",
				"lifecycle:         in_progress → done",
				"lifecycle:         in_progress → cancelled",
				"forecast end:      2027-Q4 → 2028-Q1",
				"cause:             starts after c_customer_portal, which now ends 2028-Q1 instead of 2027-Q4",
				"lifecycle:         committed → in_progress",
			} {
				if !strings.Contains(res.Stdout, want) {
					t.Errorf("the diff lacks %q", want)
				}
			}
		})
	}
}
