package hclspec

import (
	"strings"
	"testing"
)

// TestDateRange: dates from 1900 to 9999 parse; others are refused with
// the range in the message, so no label has a year that will not parse
// back (year 0's first ISO week is "-001-W52").
func TestDateRange(t *testing.T) {
	for _, c := range []struct {
		date string
		ok   bool
	}{
		{"1900-01-01", true}, {"1900", true}, {"1900-W01", true}, {"9999-12-31", true}, {"9999-Q4", true}, {"9999-W51", true},
		{"0000-01-01", false}, {"1899-12-31", false}, {"1899-Q4", false}, {"0001", false},
		{"9999-W52", false}, // ends on 10000-01-02
	} {
		_, _, err := ParseDateSpan(c.date)
		if (err == nil) != c.ok {
			t.Errorf("ParseDateSpan(%q) error = %v, want ok %v", c.date, err, c.ok)
		}
		if err != nil && !strings.Contains(err.Error(), "the years 1900 to 9999") {
			t.Errorf("ParseDateSpan(%q) error = %v, want the range named", c.date, err)
		}
	}
}
