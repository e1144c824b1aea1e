package hclspec

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/hashicorp/hcl/v2"
	"golang.org/x/text/unicode/norm"
)

// Ids that look alike but are different bytes. HCL accepts any Unicode
// letters in identifiers, so a pull request can declare project "pаyroll"
// (with a Cyrillic а) beside "payroll", or "café" spelled with a combining
// accent beside the composed one, and the two are different projects that
// no reviewer can tell apart. The rules, in the spirit of Unicode's
// security mechanisms (UTS #39) and of compilers' confusable-identifier
// lints:
//
//   - an id must be in composed form (NFC): "cafe\u0301" is an error that
//     gives the composed spelling, so no two ids differ by composition;
//   - an id mixing scripts (Latin with Cyrillic, Greek with Latin ...) is a
//     warning; Chinese, Japanese and Korean scripts mix with each other and
//     with Latin, as they do in real names;
//   - two ids of the same kind that look alike once folded (compatibility
//     forms such as fullwidth letters, Cyrillic and Greek letters that look
//     Latin, 0/O and 1/l/I, invisible format characters such as the zero
//     width joiners U+200C and U+200D left out) are a warning on the
//     second, naming the first.

// idSpelling collects the ids declared, to find look-alikes.
type idSpelling struct {
	seen  map[string]map[string]spelledID // kind -> skeleton -> first id
	diags hcl.Diagnostics
}

type spelledID struct {
	id  string
	rng hcl.Range
}

// check records one declared id of a kind (a block type) at rng.
func (s *idSpelling) check(kind, id string, rng hcl.Range) {
	if s.seen == nil {
		s.seen = map[string]map[string]spelledID{}
	}
	if composed := norm.NFC.String(id); composed != id {
		s.diags = append(s.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Id not in composed form",
			Detail:   fmt.Sprintf("%s %+q is spelled with separate combining marks (Unicode NFD): it looks like %q, but is a different id from %+q, the same letters composed (NFC). Write it composed.", kind, id, composed, composed),
			Subject:  rng.Ptr(),
		})
		return
	}
	if scripts := scriptsOf(id); len(scripts) > 1 {
		s.diags = append(s.diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Id mixes scripts",
			Detail:   fmt.Sprintf("%s %q mixes letters of the %s scripts, which makes it look like an id it is not (a Cyrillic \"а\" looks like a Latin \"a\"). Use letters of one script.", kind, id, strings.Join(scripts, " and ")),
			Subject:  rng.Ptr(),
		})
	}
	skeleton := idSkeleton(id)
	if s.seen[kind] == nil {
		s.seen[kind] = map[string]spelledID{}
	}
	if first, dup := s.seen[kind][skeleton]; dup && first.id != id {
		s.diags = append(s.diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Look-alike ids",
			Detail:   fmt.Sprintf("%s %q looks like %s %q, declared at %s, but is a different id (%s). Rename one of them.", kind, id, kind, first.id, first.rng.String(), spellOut(first.id, id)),
			Subject:  rng.Ptr(),
		})
		return
	}
	if _, dup := s.seen[kind][skeleton]; !dup {
		s.seen[kind][skeleton] = spelledID{id: id, rng: rng}
	}
}

// cjk are the scripts that mix in Chinese, Japanese and Korean names.
var cjk = map[string]bool{"Han": true, "Hiragana": true, "Katakana": true, "Hangul": true, "Bopomofo": true}

// scriptsOf lists the scripts of id's letters in the order they appear,
// digits, underscores, dashes and combining marks left out, and the CJK
// scripts counted as one that goes with Latin.
func scriptsOf(id string) []string {
	var scripts []string
	hasCJK := false
	for _, r := range id {
		name := scriptOf(r)
		if name == "" {
			continue
		}
		if cjk[name] {
			hasCJK = true
			continue
		}
		if !slices.Contains(scripts, name) {
			scripts = append(scripts, name)
		}
	}
	if hasCJK && (len(scripts) == 0 || len(scripts) == 1 && scripts[0] == "Latin") {
		return nil
	}
	if hasCJK {
		scripts = append(scripts, "Chinese/Japanese/Korean")
	}
	return scripts
}

// scriptOf is the Unicode script of r, "" for characters common to all
// scripts (digits, punctuation) and combining marks.
func scriptOf(r rune) string {
	switch {
	case r < 0x80:
		if unicode.IsLetter(r) {
			return "Latin"
		}
		return ""
	case unicode.Is(unicode.Common, r) || unicode.Is(unicode.Inherited, r):
		return ""
	case unicode.Is(unicode.Latin, r):
		return "Latin"
	case unicode.Is(unicode.Cyrillic, r):
		return "Cyrillic"
	case unicode.Is(unicode.Greek, r):
		return "Greek"
	}
	for name, table := range unicode.Scripts {
		if unicode.Is(table, r) {
			return name
		}
	}
	return ""
}

// idSkeleton folds id to what it looks like: compatibility forms to
// their plain letters (NFKC: fullwidth "ｐ" to "p", "ﬁ" to "fi"), then
// letters that look like Latin ones to those (a subset of Unicode's
// confusables.txt: the Cyrillic and Greek look-alikes of Latin letters,
// and 0/O, 1/l/I).
func idSkeleton(id string) string {
	var b strings.Builder
	for _, r := range norm.NFKC.String(id) {
		if invisible(r) {
			continue // "c\u200drm" prints as "crm" (review qa17 A12, qa18 B7)
		}
		if to, ok := latinLookAlike[r]; ok {
			r = to
		}
		b.WriteRune(r)
	}
	return b.String()
}

// invisible reports whether r is a default-ignorable code point, one a
// font draws as nothing (UTS #39 drops them from skeletons): format
// characters (Cf, such as the zero-width joiners), variation selectors,
// and the others Unicode lists, such as the combining grapheme joiner
// U+034F and the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0.
func invisible(r rune) bool {
	return r >= 0x80 && (unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r) ||
		unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r))
}

var latinLookAlike = map[rune]rune{
	// Cyrillic
	'а': 'a', 'в': 'B', 'е': 'e', 'і': 'i', 'ј': 'j', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x',
	'ѕ': 's', 'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l', 'ү': 'y',
	'А': 'A', 'В': 'B', 'Е': 'E', 'Ѕ': 'S', 'І': 'l', 'Ј': 'J', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O',
	'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'У': 'Y', 'Ү': 'Y', 'Ԛ': 'Q', 'Ԝ': 'W', 'Ӏ': 'l',
	// Greek
	'α': 'a', 'ο': 'o', 'ρ': 'p', 'ν': 'v', 'ι': 'i', 'κ': 'k', 'υ': 'u', 'χ': 'x', 'γ': 'y', 'ϲ': 'c', 'ϳ': 'j',
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'l', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O',
	'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
	// Latin and digits
	'0': 'O', '1': 'l', 'I': 'l',
}

// spellOut names the characters of the ids that are not ASCII, with
// their code points and scripts, so the diagnostic says what differs.
func spellOut(ids ...string) string {
	var parts []string
	for _, id := range ids {
		for _, r := range id {
			if r < 0x80 {
				continue
			}
			script := scriptOf(r)
			switch {
			case invisible(r):
				script = "invisible"
			case script == "":
				script = "a mark"
			}
			if part := fmt.Sprintf("%q in %q is U+%04X, %s", r, id, r, script); !slices.Contains(parts, part) {
				parts = append(parts, part)
			}
		}
	}
	if len(parts) == 0 {
		return "they differ in characters that look alike, such as 0 and O or 1 and l"
	}
	return strings.Join(parts, "; ")
}
