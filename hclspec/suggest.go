package hclspec

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agext/levenshtein"
)

// suggester answers nearest(name, names) for a fixed list of names many
// times, as a roadmap with thousands of projects and many mistyped
// references asks. Each name carries its length in runes and a 64-bit set
// of its (case-folded) characters; together they bound the edit distance
// from below, so most names are ruled out without computing it.
type suggester struct {
	names []string
	runes []int
	sigs  []uint64
}

func newSuggester(names []string) *suggester {
	s := &suggester{names: names, runes: make([]int, len(names)), sigs: make([]uint64, len(names))}
	for i, n := range names {
		s.runes[i] = utf8.RuneCountInString(n)
		s.sigs[i] = foldSignature(n)
	}
	return s
}

// nearest is nearest(name, s.names): the first name at the smallest edit
// distance when that is a likely typo (at most 2, at most half of name),
// a name equal but for case counting as distance 0.
func (s *suggester) nearest(name string) string {
	best, bestDist := "", 3
	n, sig := utf8.RuneCountInString(name), foldSignature(name)
	for i, c := range s.names {
		// A lower bound of the distance: the difference in length, and
		// the characters one has and the other lacks (each needs an
		// edit). Names equal but for case have a bound of 0.
		bound := max(abs(n-s.runes[i]), bits.OnesCount64(sig&^s.sigs[i]), bits.OnesCount64(s.sigs[i]&^sig))
		if bound >= bestDist || 2*bound > len(name) {
			continue
		}
		d := levenshtein.Distance(name, c, nil)
		if strings.EqualFold(name, c) {
			d = 0
		}
		if d < bestDist && 2*d <= len(name) {
			best, bestDist = c, d
		}
	}
	return best
}

// foldSignature is the set of name's characters, each folded to the
// smallest rune that equals it but for case, as bits modulo 64.
func foldSignature(name string) uint64 {
	var sig uint64
	for _, r := range name {
		sig |= 1 << (uint(foldRune(r)) % 64)
	}
	return sig
}

// foldRune is the smallest rune of r's simple case-folding orbit, so two
// strings are equal under strings.EqualFold exactly when their folded
// runes are.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
