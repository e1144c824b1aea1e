package evaluate

import (
	"math"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// formatNumber prints x with at most decimals decimals, trailing zeros
// trimmed and thousands separated: 1234567.5 -> "1,234,567.5".
func formatNumber(x float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(x), 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if x < 0 && s != "0" {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// FormatMoney is "EUR 150,000" (cents only when there are some), as the
// plan's messages write amounts.
func FormatMoney(x float64, currency string) string { return formatMoney(x, currency) }

// formatMoney is "EUR 150,000" (cents only when there are some).
func formatMoney(x float64, currency string) string {
	if currency == "" {
		return formatNumber(x, 2)
	}
	return currency + " " + formatNumber(x, 2)
}

// formatPercent is 0.2865 -> "28.65%".
func formatPercent(x float64) string {
	return formatNumber(x*100, 2) + "%"
}

// sourceRange converts an hcl.Range for the JSON plan; nil when the range
// has no file (configs built in code).
func sourceRange(r hcl.Range) *SourceRange {
	if r.Filename == "" {
		return nil
	}
	return &SourceRange{
		Filename: r.Filename,
		Line:     r.Start.Line,
		Column:   r.Start.Column,
		EndLine:  r.End.Line,
		EndCol:   r.End.Column,
	}
}

// periodSpan is "2027-Q1" or "2027-Q1..2027-Q4".
func periodSpan(label func(int) string, from, to int) string {
	if from == to {
		return label(from)
	}
	return label(from) + ".." + label(to)
}

// periods is "1 period" or "3 periods".
func periods(n int) string {
	if n == 1 {
		return "1 period"
	}
	return strconv.Itoa(n) + " periods"
}
