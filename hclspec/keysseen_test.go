package hclspec

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// TestKeysSeenMatchesAMap: keysSeen reports the same duplicates, with the
// same first ranges, as a map would, below and above the length at which
// it turns from a list into a map.
func TestKeysSeenMatchesAMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, keysSeenListed - 1, keysSeenListed, keysSeenListed + 1, keysSeenListed + 2, 60} {
		for _, distinct := range []int{1, 3, n/2 + 1, n + 1} {
			var seen keysSeen
			want := map[string]hcl.Range{}
			dups := 0
			for i := range n {
				key := fmt.Sprintf("k%d", rng.IntN(distinct))
				at := hcl.Range{Filename: "m.hcl", Start: hcl.Pos{Line: i + 1, Column: 1, Byte: i}}
				first, dup := seen.add(key, at)
				wantFirst, wantDup := want[key]
				if dup != wantDup || first != wantFirst {
					t.Fatalf("n=%d distinct=%d: add(%q) at key %d = %v, %v; want %v, %v", n, distinct, key, i, first, dup, wantFirst, wantDup)
				}
				if !wantDup {
					want[key] = at
				} else {
					dups++
				}
			}
			if n > distinct && dups == 0 {
				t.Fatalf("n=%d distinct=%d: no duplicates tried", n, distinct)
			}
		}
	}
}
