package report

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// TestLimitDiagnostics: past MaxDiagnostics, errors are kept before
// warnings, in their order, and one last diagnostic counts the rest;
// long texts are clipped without touching the caller's diagnostics.
func TestLimitDiagnostics(t *testing.T) {
	var diags hcl.Diagnostics
	for i := range 250 {
		sev := hcl.DiagWarning
		if i%10 == 9 {
			sev = hcl.DiagError // 25 errors spread among 225 warnings
		}
		diags = append(diags, &hcl.Diagnostic{Severity: sev, Summary: fmt.Sprint(i), Detail: "d"})
	}
	long := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: strings.Repeat("s", 1000), Detail: strings.Repeat("é", 5000)}
	diags = append(hcl.Diagnostics{long}, diags...)

	got := LimitDiagnostics(diags)
	if len(got) != MaxDiagnostics+1 {
		t.Fatalf("%d diagnostics, want %d", len(got), MaxDiagnostics+1)
	}
	errors, prev := 0, -1
	for _, d := range got[1:MaxDiagnostics] {
		var n int
		fmt.Sscan(d.Summary, &n)
		if n <= prev {
			t.Fatalf("order changed: %s after %d", d.Summary, prev)
		}
		prev = n
		if d.Severity == hcl.DiagError {
			errors++
		}
	}
	if errors != 25 {
		t.Errorf("%d of the 25 errors kept", errors)
	}
	last := got[MaxDiagnostics]
	want := &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "More diagnostics not shown",
		Detail: "151 more warnings are not shown: at most 100 diagnostics are printed at once. Fix the ones above first."}
	if diff := cmp.Diff(want, last); diff != "" {
		t.Errorf("closing diagnostic (-want +got):\n%s", diff)
	}
	if len(got[0].Summary) > maxSummaryBytes+32 || len(got[0].Detail) > maxDetailBytes+32 {
		t.Errorf("texts not clipped: %d and %d bytes", len(got[0].Summary), len(got[0].Detail))
	}
	if !strings.HasSuffix(got[0].Detail, "... (5904 more bytes)") || !strings.HasPrefix(got[0].Detail, "éé") {
		t.Errorf("detail clipped as %q", got[0].Detail[len(got[0].Detail)-40:])
	}
	if len(long.Detail) != 10000 {
		t.Error("the caller's diagnostic was changed")
	}
	for _, tt := range []struct {
		errors, warnings int
		want             string
	}{
		{1, 0, "1 more error is"}, {0, 2, "2 more warnings are"}, {1, 1, "1 more error and 1 more warning are"},
	} {
		if got := omittedCount(tt.errors, tt.warnings); got != tt.want {
			t.Errorf("omittedCount(%d, %d) = %q, want %q", tt.errors, tt.warnings, got, tt.want)
		}
	}
	if few := LimitDiagnostics(diags[:50]); len(few) != 50 {
		t.Errorf("50 diagnostics became %d", len(few))
	}
}

// TestDiagnosticsJSONCountsAll: validate --json lists the diagnostics
// LimitDiagnostics keeps but counts every one.
func TestDiagnosticsJSONCountsAll(t *testing.T) {
	var diags hcl.Diagnostics
	for i := range 300 {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagnosticSeverity(1 + i%2), Summary: fmt.Sprint(i)})
	}
	var b strings.Builder
	if err := RenderDiagnosticsJSON(&b, diags, nil); err != nil {
		t.Fatal(err)
	}
	var r DiagnosticsReport
	if err := json.Unmarshal([]byte(b.String()), &r); err != nil {
		t.Fatal(err)
	}
	if r.ErrorCount != 150 || r.WarningCount != 150 || len(r.Diagnostics) != MaxDiagnostics+1 {
		t.Errorf("error_count %d, warning_count %d, %d listed", r.ErrorCount, r.WarningCount, len(r.Diagnostics))
	}
	if last := r.Diagnostics[MaxDiagnostics]; last.Summary != "More diagnostics not shown" || last.Severity != "error" {
		t.Errorf("last listed: %+v", last)
	}
}
