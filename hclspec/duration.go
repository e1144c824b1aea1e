package hclspec

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

var reDuration = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*([0-9]+(?:\.[0-9]+)?)\s*([a-z]+)\s*$`) })

// durationUnit maps the words a duration may use to a period unit.
func durationUnit(word string) (PeriodUnit, bool) {
	switch word {
	case "week", "weeks":
		return Week, true
	case "month", "months":
		return Month, true
	case "quarter", "quarters":
		return Quarter, true
	case "year", "years":
		return Year, true
	}
	return "", false
}

// ParseDuration converts "9 months", "12 weeks", "2 quarters", "1 year" or
// "3 periods" into a whole number of periods of unit, rounding up: 12 weeks
// is one quarter (12 x 4/52 = 0.92 -> 1). The amount must be above zero.
func ParseDuration(s string, unit PeriodUnit) (int, error) {
	periods, err := DurationPeriods(s, unit)
	if err != nil {
		return 0, err
	}
	// Tolerate float error so 3 months is exactly one quarter, not two.
	n := math.Ceil(periods - 1e-9)
	if n > 1e6 {
		return 0, fmt.Errorf("%q is %s periods, far longer than any roadmap", s, strconv.FormatFloat(n, 'f', 0, 64))
	}
	return int(n), nil
}

// DurationPeriods converts a duration string such as "9 months" into
// periods of unit, not rounded: 12 weeks is 0.92 quarters. A range's
// bounds keep their fractions; each duration drawn from a range is
// rounded to whole periods by WholePeriods.
func DurationPeriods(s string, unit PeriodUnit) (float64, error) {
	m := reDuration().FindStringSubmatch(strings.ToLower(s))
	if m == nil {
		return 0, fmt.Errorf("%q is not a duration: write a number of periods, or a string such as \"9 months\", \"12 weeks\", \"2 quarters\" or \"1 year\"", s)
	}
	amount, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return 0, fmt.Errorf("%q: %v", s, err)
	}
	from := unit
	if m[2] != "period" && m[2] != "periods" {
		u, ok := durationUnit(m[2])
		if !ok {
			msg := fmt.Sprintf("%q: unknown unit %q; use weeks, months, quarters, years or periods", s, m[2])
			if near := nearest(m[2], []string{"weeks", "months", "quarters", "years", "periods"}); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			}
			return 0, fmt.Errorf("%s", msg)
		}
		from = u
	}
	if amount <= 0 {
		return 0, fmt.Errorf("%q: a duration must be more than zero", s)
	}
	return amount * float64(PeriodsPerYear(unit)) / float64(PeriodsPerYear(from)), nil
}
