package hclspec

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in      string
		unit    PeriodUnit
		want    int
		wantErr string
	}{
		// Exact conversions: 9 months = 9 x 4/12 = 3 quarters.
		{"9 months", Quarter, 3, ""},
		{"2 quarters", Month, 6, ""},
		{"1 year", Week, 52, ""},
		{"1 year", Quarter, 4, ""},
		{"3 years", Year, 3, ""},
		{"4 weeks", Week, 4, ""},
		{"4", Week, 0, "is not a duration"},
		// Rounded up: 12 weeks = 12 x 4/52 = 0.92 quarters -> 1.
		{"12 weeks", Quarter, 1, ""},
		// 10 weeks = 10 x 12/52 = 2.31 months -> 3.
		{"10 weeks", Month, 3, ""},
		// 13 weeks = 13 x 4/52 = exactly 1 quarter, despite float error.
		{"13 weeks", Quarter, 1, ""},
		// 1.5 years = 18 months = 6 quarters.
		{"1.5 years", Quarter, 6, ""},
		// 2 months = 0.67 quarters -> 1.
		{"2 months", Quarter, 1, ""},
		{"1 month", Year, 1, ""},
		{"3 periods", Month, 3, ""},
		{"1 period", Week, 1, ""},
		{"  6 Months ", Quarter, 2, ""},
		{"0 months", Quarter, 0, "more than zero"},
		{"9 fortnights", Quarter, 0, `unknown unit "fortnights"`},
		{"9 monhts", Quarter, 0, `did you mean "months"`},
		{"months", Quarter, 0, "is not a duration"},
		{"-3 months", Quarter, 0, "is not a duration"},
		{"", Quarter, 0, "is not a duration"},
		{"99999999 years", Week, 0, "far longer"},
	}
	for _, tt := range tests {
		t.Run(tt.in+"/"+string(tt.unit), func(t *testing.T) {
			got, err := ParseDuration(tt.in, tt.unit)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParseDuration(%q) error = %v, want it to mention %q", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDuration(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseDuration(%q, %s) = %d, want %d", tt.in, tt.unit, got, tt.want)
			}
		})
	}
}

// TestDatesToPeriods checks how earliest_start (first day) and deadline
// (last day) map onto each kind of calendar.
func TestDatesToPeriods(t *testing.T) {
	tests := []struct {
		unit        PeriodUnit
		start, date string
		first, last int
		wantErr     bool
	}{
		// Quarters from 2027-Q1: 2027-Q3 is period 2.
		{Quarter, "2027-01", "2027-Q3", 2, 2, false},
		// A month inside a quarter: July 2027 is in 2027-Q3.
		{Quarter, "2027-01", "2027-07", 2, 2, false},
		// A year spans four quarters: first day in period 4, last in 7.
		{Quarter, "2027-01", "2028", 4, 7, false},
		// Start mid-quarter: period 0 is still the whole of 2027-Q1.
		{Quarter, "2027-02-14", "2027-03-31", 0, 0, false},
		// Months from 2027-03: 2027-Q2 covers April..June, periods 1..3.
		{Month, "2027-03", "2027-Q2", 1, 3, false},
		{Month, "2027-03", "2027-03-31", 0, 0, false},
		// Weeks from Monday 2027-01-04 (ISO 2027-W01): W03 is period 2.
		{Week, "2027-01-04", "2027-W03", 2, 2, false},
		// January 2027 ends on a Sunday of W04: periods 0..3 (Jan 1-3 are in 2026-W53).
		{Week, "2027-01-04", "2027-01", -1, 3, false},
		{Year, "2027-06", "2029-Q4", 2, 2, false},
		// Before the start: negative.
		{Quarter, "2027-01", "2026-12", -1, -1, false},
		{Quarter, "2027-01", "2027-13", 0, 0, true},
		{Quarter, "2027-01", "2027-02-29", 0, 0, true}, // 2027 is not a leap year
		{Quarter, "2027-01", "2028-02-29", 4, 4, false},
		{Quarter, "2027-01", "2027-Q0", 0, 0, true},
		{Week, "2027-01-04", "2026-W53", -1, -1, false},
		{Week, "2027-01-04", "2027-W53", 0, 0, true},
		{Quarter, "2027-01", "27-01", 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(string(tt.unit)+"/"+tt.start+"/"+tt.date, func(t *testing.T) {
			from, _, err := ParseDateSpan(tt.start)
			if err != nil {
				t.Fatal(err)
			}
			cal := NewCalendar(tt.unit, from)
			first, err1 := cal.FirstPeriod(tt.date)
			last, err2 := cal.LastPeriod(tt.date)
			if tt.wantErr {
				if err1 == nil || err2 == nil {
					t.Fatalf("%q parsed, want an error", tt.date)
				}
				return
			}
			if err1 != nil || err2 != nil {
				t.Fatalf("%q: %v %v", tt.date, err1, err2)
			}
			if first != tt.first || last != tt.last {
				t.Errorf("%q = periods %d..%d, want %d..%d", tt.date, first, last, tt.first, tt.last)
			}
		})
	}
}

// TestDurationAttribute decodes duration as written in a quarterly roadmap.
func TestDurationAttribute(t *testing.T) {
	tests := []struct {
		expr string
		want int
	}{
		{"3", 3},
		{`"3"`, 3}, // a numeric string converts like any HCL number
		{`"9 months"`, 3},
		{`"12 weeks"`, 1},
		{`"${2 * 3} months"`, 2},
		{"max(1, 4)", 4},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "main.hcl"), "roadmap {\n  start = \"2027-01\"\n}\n\nproject \"p\" {\n  duration = "+tt.expr+"\n}\n")
			cfg, diags := NewLoader().LoadDir(dir, LoadOptions{})
			if len(diags) > 0 {
				t.Fatalf("diagnostics:\n%s", formatDiagnostics(dir, diags))
			}
			if got := cfg.Projects[0].Duration; got != tt.want {
				t.Errorf("duration = %s gave %d periods, want %d", tt.expr, got, tt.want)
			}
		})
	}
}
