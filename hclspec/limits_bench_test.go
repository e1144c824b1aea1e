package hclspec

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Benchmarks of inputs that once cost time quadratic in their size. Each
// runs at two sizes, ten times apart: a linear cost shows as a ratio of
// about ten between them (see docs/security.md).

// localsSource is a roadmap with n locals: independent ones, or with
// chain set, each computed from the one before.
func localsSource(n int, chain bool) []byte {
	var b strings.Builder
	b.WriteString("roadmap {\n  start = \"2027-01\"\n}\nlocals {\n  l0 = 0\n")
	for i := 1; i < n; i++ {
		if chain {
			fmt.Fprintf(&b, "  l%d = local.l%d + 1\n", i, i-1)
		} else {
			fmt.Fprintf(&b, "  l%d = %d\n", i, i)
		}
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

func benchmarkLoad(b *testing.B, src []byte) {
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), src, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, diags := NewLoader().LoadDir(dir, LoadOptions{}); diags.HasErrors() {
			b.Fatal(diags.Error())
		}
	}
}

func BenchmarkLocals(b *testing.B) {
	for _, n := range []int{2_000, 20_000} {
		for _, chain := range []bool{false, true} {
			b.Run(fmt.Sprintf("n=%d/chain=%v", n, chain), func(b *testing.B) {
				benchmarkLoad(b, localsSource(n, chain))
			})
		}
	}
}

// BenchmarkLongNumbers loads n locals each a number of MaxNumberBytes
// digits, the longest allowed: parsing one is quadratic in its length,
// so the cap bounds the cost per byte of source.
func BenchmarkLongNumbers(b *testing.B) {
	for _, n := range []int{100, 1_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			var s strings.Builder
			s.WriteString("roadmap {\n  start = \"2027-01\"\n}\nlocals {\n")
			for i := range n {
				fmt.Fprintf(&s, "  n%d = 1.%s\n", i, strings.Repeat("7", MaxNumberBytes-2))
			}
			s.WriteString("}\n")
			benchmarkLoad(b, []byte(s.String()))
		})
	}
}
