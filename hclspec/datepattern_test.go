package hclspec

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// TestDatePatternsMatchRegexps: the date forms and the currency code are
// recognised exactly as the regular expressions they replaced recognised
// them, on the usual forms, near misses and random strings.
func TestDatePatternsMatchRegexps(t *testing.T) {
	matchers := []struct {
		name string
		re   *regexp.Regexp
		fits func(string) bool
	}{
		{"day", regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`), func(s string) bool { return fitsPattern(s, "9999-99-99") }},
		{"month", regexp.MustCompile(`^(\d{4})-(\d{2})$`), func(s string) bool { return fitsPattern(s, "9999-99") }},
		{"quarter", regexp.MustCompile(`^(\d{4})-Q([1-4])$`), func(s string) bool { return fitsPattern(s, "9999-Q9") && s[6] >= '1' && s[6] <= '4' }},
		{"week", regexp.MustCompile(`^(\d{4})-W(\d{2})$`), func(s string) bool { return fitsPattern(s, "9999-W99") }},
		{"year", regexp.MustCompile(`^(\d{4})$`), func(s string) bool { return fitsPattern(s, "9999") }},
		{"currency", regexp.MustCompile(`^[A-Z]{3}$`), isCurrencyCode},
	}
	cases := []string{
		"", "2027", "2027-01", "2027-01-31", "2027-Q1", "2027-Q4", "2027-Q0", "2027-Q5", "2027-W01", "2027-W53",
		"2027-1", "27-01", "2027-01\n", "\n2027-01", " 2027", "2027-q1", "2027-w01", "２０２７", "2027-٠١",
		"EUR", "USD", "eur", "EU", "EURO", "E1R", "ÉUR",
	}
	rng := rand.New(rand.NewPCG(18, 3))
	alphabet := []string{"0", "1", "4", "5", "9", "-", "Q", "W", "A", "Z", "a", "\n", " ", "٣", "\xff"}
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(11) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		for _, m := range matchers {
			if got, want := m.fits(s), m.re.MatchString(s); got != want {
				t.Errorf("%s: %q recognised %v, the regular expression says %v", m.name, s, got, want)
			}
		}
	}
}
