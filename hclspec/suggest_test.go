package hclspec

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/agext/levenshtein"
)

// nearestByScan is the plain scan the suggester must agree with.
func nearestByScan(name string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
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

func TestSuggesterMatchesScan(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	letters := []rune("abcABCxyz019_-ſsSkKK\u212aßé")
	word := func() string {
		var b strings.Builder
		for range r.IntN(9) {
			b.WriteRune(letters[r.IntN(len(letters))])
		}
		return b.String()
	}
	mutate := func(s string) string {
		rs := []rune(s)
		for range r.IntN(4) {
			i := r.IntN(len(rs) + 1)
			switch r.IntN(3) {
			case 0:
				rs = append(rs[:i], append([]rune{letters[r.IntN(len(letters))]}, rs[i:]...)...)
			case 1:
				if i < len(rs) {
					rs = append(rs[:i], rs[i+1:]...)
				}
			default:
				if i < len(rs) {
					rs[i] = letters[r.IntN(len(letters))]
				}
			}
		}
		return string(rs)
	}
	found := 0
	for round := range 300 {
		var names []string
		for range 1 + r.IntN(60) {
			names = append(names, word())
		}
		sort.Strings(names)
		s := newSuggester(names)
		for range 50 {
			name := mutate(names[r.IntN(len(names))])
			if round%5 == 0 {
				name = word()
			}
			want := nearestByScan(name, names)
			if got := s.nearest(name); got != want {
				t.Fatalf("nearest(%q, %q) = %q, want %q", name, names, got, want)
			}
			if want != "" {
				found++
			}
		}
	}
	if found < 1000 {
		t.Fatalf("only %d suggestions made: the test checks too little", found)
	}
}

func BenchmarkSuggesterManyIDs(b *testing.B) {
	names := make([]string, 10000)
	for i := range names {
		names[i] = fmt.Sprintf("p%05d", i+1)
	}
	s := newSuggester(names)
	b.ResetTimer()
	for i := range b.N {
		s.nearest(fmt.Sprintf("q%05d", i%10000))
	}
}
