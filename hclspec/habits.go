package hclspec

import (
	"bytes"
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// This file recognises numbers written the way a spreadsheet shows them —
// 1,400,000, 1.400.000, 150%, 1.2M, €1,200, $5, a decimal comma 1,5 — and
// says exactly what to write instead. HCL's parser would report them as
// "Unexpected comma after argument", "Invalid expression" or "Invalid
// character", which does not tell a spreadsheet user what is wrong.

// habitSummary is the summary of every spreadsheet-habit diagnostic.
const habitSummary = "Number written as in a spreadsheet"

// spreadsheetNumber is a number as a spreadsheet user typed it, and what
// it means in a roadmap file.
type spreadsheetNumber struct {
	value   string // the plain number to write: "1400000", "1.5", "0.15"
	alt     string // a second reading of an ambiguous comma ("1.5" for "1,500"), or ""
	habits  []string
	subject hcl.Range
	written string // as it was written: "1,400,000"
}

// detail says what to write and why.
func (n spreadsheetNumber) detail(written string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Write %s", n.value)
	if n.alt != "" {
		fmt.Fprintf(&b, " (or %s if the comma is a decimal comma)", n.alt)
	}
	fmt.Fprintf(&b, " instead of %s: numbers in roadmap files are plain, with %s.", written, strings.Join(n.habits, ", "))
	return b.String()
}

func (n spreadsheetNumber) diagnostic() *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  habitSummary,
		Detail:   n.detail(n.written),
		Subject:  n.subject.Ptr(),
	}
}

// currencySymbols are written before or after an amount in spreadsheets.
var currencySymbols = map[string]bool{"€": true, "$": true, "£": true, "¥": true, "₹": true, "CHF": true}

// magnitudeSuffixes are the "k", "M" and "bn" of "120k", "1.2M", "3bn".
var magnitudeSuffixes = map[string]int64{
	"k": 1e3, "K": 1e3,
	"m": 1e6, "M": 1e6, "mn": 1e6, "MM": 1e6, "mio": 1e6,
	"b": 1e9, "B": 1e9, "bn": 1e9, "BN": 1e9,
}

// parsedNumber is a spreadsheet number taken apart.
type parsedNumber struct {
	groups   []string // digit groups split at commas; the last may hold a decimal point
	dotted   string   // "1.400.000": thousands separated by dots
	currency bool
	suffix   string // magnitude suffix
	percent  bool
}

// meaning works out the plain number: exact decimal arithmetic, so 1.2M
// is 1200000, not 1199999.9999999998.
func (p parsedNumber) meaning() (spreadsheetNumber, bool) {
	var n spreadsheetNumber
	var digits string
	switch {
	case p.dotted != "":
		digits = strings.ReplaceAll(p.dotted, ".", "")
		n.habits = append(n.habits, "no thousands separators")
	case len(p.groups) == 1:
		digits = p.groups[0]
	case len(p.groups) == 2 && !strings.Contains(p.groups[0], ".") && !strings.Contains(p.groups[1], "."):
		// 1,5 and 12,75 are decimal commas; 1,500 may be either.
		decimal := p.groups[0] + "." + p.groups[1]
		if len(p.groups[1]) == 3 && len(p.groups[0]) <= 3 {
			digits = p.groups[0] + p.groups[1]
			alt, ok := scaled(decimal, p)
			if !ok {
				return n, false
			}
			n.alt = alt
			n.habits = append(n.habits, "no thousands separators")
		} else {
			digits = decimal
			n.habits = append(n.habits, "a decimal point, not a comma")
		}
	default:
		// 1,400,000 and 1,400.50: groups of three digits after the first.
		if len(p.groups[0]) > 3 {
			return n, false
		}
		for i, g := range p.groups[1:] {
			whole, _, _ := strings.Cut(g, ".")
			if len(whole) != 3 || (strings.Contains(g, ".") && i < len(p.groups)-2) {
				return n, false
			}
		}
		digits = strings.Join(p.groups, "")
		n.habits = append(n.habits, "no thousands separators")
	}
	if p.currency {
		n.habits = append(n.habits, "no currency symbol (amounts are in the roadmap's currency)")
	}
	if p.suffix != "" {
		n.habits = append(n.habits, fmt.Sprintf("no %q suffix", p.suffix))
	}
	if p.percent {
		n.habits = append(n.habits, "ratios as fractions (15% is 0.15)")
	}
	if len(n.habits) == 0 {
		return n, false
	}
	value, ok := scaled(digits, p)
	n.value = value
	return n, ok
}

// scaled applies the suffix and the percent sign to a plain decimal.
func scaled(decimal string, p parsedNumber) (string, bool) {
	r, ok := new(big.Rat).SetString(decimal)
	if !ok {
		return "", false
	}
	if p.suffix != "" {
		r.Mul(r, new(big.Rat).SetInt64(magnitudeSuffixes[p.suffix]))
	}
	if p.percent {
		r.Quo(r, big.NewRat(100, 1))
	}
	return plainRat(r), true
}

// plainRat prints r as a plain decimal: "1200000", "0.15", "1.5".
func plainRat(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	s := r.FloatString(12)
	return strings.TrimRight(strings.TrimRight(s, "0"), ".")
}

var plainDigits = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`) })
var dottedThousands = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]{1,3}(\.[0-9]{3}){2,}$`) })

// SpreadsheetHabits returns a diagnostic for each number in src written
// as a spreadsheet shows it. It lexes src itself, so it finds every one,
// even where the parser gave up after the first error of a block.
func SpreadsheetHabits(src []byte, filename string, start hcl.Pos) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, n := range findSpreadsheetNumbers(src, filename, start) {
		diags = append(diags, n.diagnostic())
	}
	return diags
}

func findSpreadsheetNumbers(src []byte, filename string, start hcl.Pos) []spreadsheetNumber {
	tokens, _ := hclsyntax.LexConfig(src, filename, start)
	var found []spreadsheetNumber
	// brackets holds the open brackets: a comma between numbers is fine in
	// a list or a call ([1,400], max(1,5)), never elsewhere.
	var brackets []hclsyntax.TokenType
	adjacent := func(a, b hclsyntax.Token) bool { return a.Range.End.Byte == b.Range.Start.Byte }
	for i := 0; i < len(tokens); i++ {
		switch tokens[i].Type {
		case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			brackets = append(brackets, tokens[i].Type)
			continue
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenTemplateSeqEnd:
			if len(brackets) > 0 {
				brackets = brackets[:len(brackets)-1]
			}
			continue
		}
		first := i
		var p parsedNumber
		if tokens[i].Type == hclsyntax.TokenInvalid && currencySymbols[string(tokens[i].Bytes)] &&
			i+1 < len(tokens) && tokens[i+1].Type == hclsyntax.TokenNumberLit {
			p.currency = true
			i++
		}
		if tokens[i].Type != hclsyntax.TokenNumberLit {
			continue
		}
		text := string(tokens[i].Bytes)
		switch {
		case dottedThousands().MatchString(text):
			p.dotted = text
		case plainDigits().MatchString(text):
			p.groups = []string{text}
		default:
			continue // 1e6 and the like
		}
		inList := len(brackets) > 0 && (brackets[len(brackets)-1] == hclsyntax.TokenOBrack || brackets[len(brackets)-1] == hclsyntax.TokenOParen)
		for p.dotted == "" && !inList && i+2 < len(tokens) &&
			tokens[i+1].Type == hclsyntax.TokenComma && tokens[i+2].Type == hclsyntax.TokenNumberLit &&
			adjacent(tokens[i], tokens[i+1]) && adjacent(tokens[i+1], tokens[i+2]) &&
			plainDigits().MatchString(string(tokens[i+2].Bytes)) {
			p.groups = append(p.groups, string(tokens[i+2].Bytes))
			i += 2
		}
		if i+1 < len(tokens) && adjacent(tokens[i], tokens[i+1]) {
			next := tokens[i+1]
			switch {
			case next.Type == hclsyntax.TokenIdent && magnitudeSuffixes[string(next.Bytes)] != 0:
				p.suffix = string(next.Bytes)
				i++
			case next.Type == hclsyntax.TokenInvalid && currencySymbols[string(next.Bytes)]:
				p.currency = true
				i++
			}
		}
		if i+1 < len(tokens) && tokens[i+1].Type == hclsyntax.TokenPercent && adjacent(tokens[i], tokens[i+1]) &&
			(i+2 >= len(tokens) || endsExpression(tokens[i+2].Type)) {
			p.percent = true
			i++
		}
		if i+1 < len(tokens) && !p.currency && tokens[i+1].Type == hclsyntax.TokenInvalid &&
			currencySymbols[string(tokens[i+1].Bytes)] && adjacent(tokens[i], tokens[i+1]) {
			p.currency = true
			i++
		}
		n, ok := p.meaning()
		if !ok {
			i = first
			if p.currency {
				i++
			}
			continue
		}
		n.subject = hcl.RangeBetween(tokens[first].Range, tokens[i].Range)
		n.written = string(src[n.subject.Start.Byte-start.Byte : n.subject.End.Byte-start.Byte])
		found = append(found, n)
	}
	return found
}

// endsExpression reports whether a token can follow a complete value.
func endsExpression(t hclsyntax.TokenType) bool {
	switch t {
	case hclsyntax.TokenNewline, hclsyntax.TokenComma, hclsyntax.TokenCBrace, hclsyntax.TokenCBrack,
		hclsyntax.TokenCParen, hclsyntax.TokenEOF, hclsyntax.TokenComment:
		return true
	}
	return false
}

// ReadSpreadsheetNumber reads a string such as "120k", "1,400,000",
// "15%" or "€1,200" (a number quoted, or typed into --var) as the plain
// number it stands for, with the habits it shows. ok is false when s is
// not such a number.
func ReadSpreadsheetNumber(s string) (value, detail string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || plainDigits().MatchString(strings.TrimPrefix(s, "-")) {
		return "", "", false
	}
	found := findSpreadsheetNumbers([]byte(s), "", hcl.InitialPos)
	if len(found) != 1 || found[0].written != s {
		return "", "", false
	}
	return found[0].value, found[0].detail(s), true
}

// withSpreadsheetHabits puts the diagnostics of the spreadsheet numbers
// of a file in place of the parser's diagnostics on the same lines, which
// only repeat them less helpfully ("Unexpected comma after argument").
func withSpreadsheetHabits(diags hcl.Diagnostics, numbers []spreadsheetNumber, filename string) hcl.Diagnostics {
	lines := map[int]bool{}
	for _, n := range numbers {
		lines[n.subject.Start.Line] = true
	}
	kept := make(hcl.Diagnostics, 0, len(diags)+len(numbers))
	for _, d := range diags {
		if d.Subject != nil && d.Subject.Filename == filename && lines[d.Subject.Start.Line] {
			continue
		}
		kept = append(kept, d)
	}
	for _, n := range numbers {
		kept = append(kept, n.diagnostic())
	}
	return kept
}

// withPlainNumbers is src with each spreadsheet number replaced by the
// plain number it stands for, padded with spaces to the same length so
// every offset and line stays where it was (0 when the plain number is
// longer: the number's own diagnostic says what to write).
func withPlainNumbers(src []byte, numbers []spreadsheetNumber) []byte {
	out := bytes.Clone(src)
	for _, n := range numbers {
		span := out[n.subject.Start.Byte:n.subject.End.Byte]
		value := n.value
		if len(value) > len(span) {
			value = "0"
		}
		copy(span, value)
		for i := len(value); i < len(span); i++ {
			span[i] = ' '
		}
	}
	return out
}

// dropFollowUpsOfSpreadsheetNumbers drops the diagnostics about a value
// written as a spreadsheet number ("Probability out of range ... got 15"
// after 15%): the number's own diagnostic says what to write.
func dropFollowUpsOfSpreadsheetNumbers(diags hcl.Diagnostics) hcl.Diagnostics {
	type fileLine struct {
		file string
		line int
	}
	lines := map[fileLine]bool{}
	for _, d := range diags {
		if d.Summary == habitSummary && d.Subject != nil {
			lines[fileLine{d.Subject.Filename, d.Subject.Start.Line}] = true
		}
	}
	if len(lines) == 0 {
		return diags
	}
	out := diags[:0]
	for _, d := range diags {
		if d.Summary != habitSummary && d.Subject != nil && lines[fileLine{d.Subject.Filename, d.Subject.Start.Line}] {
			continue
		}
		out = append(out, d)
	}
	return out
}

// quotedNumberHint is the advice for a string that stands where a number
// must be and reads as a spreadsheet number ("120k", "1,400,000"): what
// to write instead, or "" when the string is no such number. err is the
// conversion error, whose path finds the element inside a map or list.
func quotedNumberHint(v cty.Value, err error) string {
	if pe, ok := err.(cty.PathError); ok && len(pe.Path) > 0 {
		elem, applyErr := pe.Path.Apply(v)
		if applyErr != nil {
			return ""
		}
		v = elem
	}
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return ""
	}
	value, _, ok := ReadSpreadsheetNumber(v.AsString())
	if !ok {
		return ""
	}
	return fmt.Sprintf("Write %s, without quotes, instead of %q.", value, v.AsString())
}

// cliNumberHabit is the diagnostic for --var name=1,400,000 and the like.
func cliNumberHabit(name, raw string, rng hcl.Range) hcl.Diagnostics {
	raw = strings.TrimSpace(raw)
	found := findSpreadsheetNumbers([]byte(raw), "", hcl.InitialPos)
	if len(found) != 1 || found[0].written != raw || strings.HasPrefix(raw, "-") {
		return nil
	}
	n := found[0]
	value := n.value
	if n.alt != "" {
		value += " (or " + n.alt + " if the comma is a decimal comma)"
	}
	return hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  habitSummary,
		Detail: fmt.Sprintf("Give %s=%s instead of %s=%s: numbers are plain, with %s.",
			name, value, name, raw, strings.Join(n.habits, ", ")),
		Subject: rng.Ptr(),
	}}
}
