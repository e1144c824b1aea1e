package report

import (
	"fmt"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// Bounds on what a set of diagnostics prints, whatever the roadmap: a
// small input can otherwise ask for millions of diagnostics (a warning
// per vendor, evaluation and criterion; an error per element of a for
// expression) or quote 64 KiB values in each.
const (
	// MaxDiagnostics is the most diagnostics printed at once; a last one
	// says how many more there were. Errors are kept before warnings.
	MaxDiagnostics = 100
	// maxSummaryBytes and maxDetailBytes clip a diagnostic's texts.
	maxSummaryBytes = 256
	maxDetailBytes  = 4096
)

// LimitDiagnostics returns at most MaxDiagnostics of diags (errors before
// warnings, each kept in the given order), their summaries and details
// clipped, and when some were left out, one more diagnostic without a
// source range saying how many. diags is not modified.
func LimitDiagnostics(diags hcl.Diagnostics) hcl.Diagnostics {
	keep := make([]bool, len(diags))
	kept, omittedErrors, omittedWarnings := 0, 0, 0
	for _, errorsPass := range []bool{true, false} {
		for i, d := range diags {
			if d == nil || (d.Severity == hcl.DiagError) != errorsPass {
				continue
			}
			if kept < MaxDiagnostics {
				keep[i] = true
				kept++
			} else if errorsPass {
				omittedErrors++
			} else {
				omittedWarnings++
			}
		}
	}
	out := make(hcl.Diagnostics, 0, kept+1)
	for i, d := range diags {
		if !keep[i] {
			continue
		}
		if len(d.Summary) > maxSummaryBytes || len(d.Detail) > maxDetailBytes {
			c := *d
			c.Summary = clipDiagnosticText(c.Summary, maxSummaryBytes)
			c.Detail = clipDiagnosticText(c.Detail, maxDetailBytes)
			d = &c
		}
		out = append(out, d)
	}
	if omittedErrors+omittedWarnings > 0 {
		severity := hcl.DiagWarning
		if omittedErrors > 0 {
			severity = hcl.DiagError
		}
		out = append(out, &hcl.Diagnostic{
			Severity: severity,
			Summary:  "More diagnostics not shown",
			Detail: fmt.Sprintf("%s not shown: at most %d diagnostics are printed at once. Fix the ones above first.",
				omittedCount(omittedErrors, omittedWarnings), MaxDiagnostics),
		})
	}
	return out
}

// omittedCount says "3 more errors and 1 more warning are".
func omittedCount(errors, warnings int) string {
	count := func(n int, word string) string {
		if n == 1 {
			return "1 more " + word
		}
		return fmt.Sprintf("%d more %ss", n, word)
	}
	var s string
	switch {
	case errors > 0 && warnings > 0:
		return count(errors, "error") + " and " + count(warnings, "warning") + " are"
	case errors > 0:
		s = count(errors, "error")
	default:
		s = count(warnings, "warning")
	}
	if errors+warnings == 1 {
		return s + " is"
	}
	return s + " are"
}

// clipDiagnosticText cuts s to at most about limit bytes on a character boundary,
// saying how much was cut.
func clipDiagnosticText(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	end := limit
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return fmt.Sprintf("%s... (%d more bytes)", s[:end], len(s)-end)
}
