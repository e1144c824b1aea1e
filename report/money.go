package report

import (
	"math"
	"strconv"
	"strings"
)

// Number conventions shared by the text renderers:
//
//   - Money is rounded to whole units and grouped by thousands with commas.
//     A single figure carries the roadmap's ISO 4217 code before it
//     ("EUR 1,234,567", "EUR -25,000"); table columns put the code in the
//     header ("Cost (EUR)") and print bare amounts ("1,234,567").
//   - Where space is tight (the capacity plan) money is compact, three
//     significant digits with a k/M/B suffix ("950", "12.3k", "1.2M").
//   - Ratios are percentages with one decimal ("28.6%"), beyond ±10,000%
//     only bounded (">10,000%", "<-10,000%"); scores, alignment
//     and risk stay 0..1 with two decimals ("0.82").
//   - A figure that does not exist (an IRR that never changes sign, a
//     payback never reached) is an em dash, "—".

// none marks a figure that does not exist.
const none = "—"

// formatMoney formats v in currency: "EUR 1,234,567", "EUR -1,234,567".
func formatMoney(v float64, currency string) string {
	if currency == "" {
		return formatAmount(v)
	}
	return currency + " " + formatAmount(v)
}

// formatAmount formats v rounded to whole units with thousands separators.
func formatAmount(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return none
	}
	r := math.Round(v)
	if r == 0 {
		return "0" // also for -0 and small negatives rounding to zero
	}
	neg := r < 0
	digits := strconv.FormatFloat(math.Abs(r), 'f', 0, 64)
	return sign(neg) + groupThousands(digits)
}

// groupThousands inserts commas into a string of decimal digits.
func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	head := len(digits) % 3
	if head > 0 {
		b.WriteString(digits[:head])
	}
	for i := head; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// formatCompact formats money with three significant digits and a
// suffix: "950", "1.23k", "12.3k", "123k", "1.2M", "3B".
func formatCompact(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return none
	}
	a := math.Abs(v)
	neg := v < 0 && math.Round(a) > 0
	if math.Round(a) < 1000 {
		if math.Round(a) == 0 {
			return "0"
		}
		return sign(neg) + strconv.FormatFloat(math.Round(a), 'f', 0, 64)
	}
	units := []struct {
		suffix string
		scale  float64
	}{{"k", 1e3}, {"M", 1e6}, {"B", 1e9}, {"T", 1e12}}
	for i, u := range units {
		x := a / u.scale
		// 999,999 would round to "1000k" and 1,200,000 is "1.2M", not
		// "1200k": move up a unit.
		if x >= 999.5 && i+1 < len(units) {
			continue
		}
		s := threeSignificant(x)
		return sign(neg) + s + u.suffix
	}
	return sign(neg) + threeSignificant(a/1e12) + "T"
}

// threeSignificant formats x (>= 1) with three significant digits and no
// trailing zeros after the point: 1.234 -> "1.23", 12.0 -> "12", 123.4 -> "123".
func threeSignificant(x float64) string {
	decimals := 2
	switch {
	case x >= 99.95:
		decimals = 0
	case x >= 9.995:
		decimals = 1
	}
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// percentLimit bounds the percentages printed in full: past it an IRR or
// ROI (absurd inputs give 29-digit ones) is shown as ">10,000%", since
// its digits say nothing more and would break the table. JSON keeps them.
const percentLimit = 10000

// formatPercent formats a fraction as a percentage: 0.2865 -> "28.6%",
// 250 -> ">10,000%", -250 -> "<-10,000%".
func formatPercent(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return none
	}
	switch pct := v * 100; {
	case pct > percentLimit:
		return ">" + groupThousands(strconv.Itoa(percentLimit)) + "%"
	case pct < -percentLimit:
		return "<-" + groupThousands(strconv.Itoa(percentLimit)) + "%"
	}
	s := strconv.FormatFloat(v*100, 'f', 1, 64)
	if s == "-0.0" {
		s = "0.0"
	}
	return s + "%"
}

// formatPercentPtr is formatPercent for a figure that may not exist.
func formatPercentPtr(v *float64) string {
	if v == nil {
		return none
	}
	return formatPercent(*v)
}

// formatRatio formats a 0..1 figure with two decimals: "0.82".
func formatRatio(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return none
	}
	s := strconv.FormatFloat(v, 'f', 2, 64)
	if s == "-0.00" {
		s = "0.00"
	}
	return s
}

// formatQuantity formats FTE, periods and weights with at most two
// decimals and no trailing zeros: 2 -> "2", 2.50 -> "2.5", 1/3 -> "0.33".
func formatQuantity(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return none
	}
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// formatQuantityPtr is formatQuantity for a figure that may not exist.
func formatQuantityPtr(v *float64) string {
	if v == nil {
		return none
	}
	return formatQuantity(*v)
}

func sign(neg bool) string {
	if neg {
		return "-"
	}
	return ""
}
