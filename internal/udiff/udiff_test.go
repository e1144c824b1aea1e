package udiff

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestUnified(t *testing.T) {
	alphabet := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n"
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{name: "equal", old: "x\ny\n", new: "x\ny\n", want: ""},
		{name: "both empty", old: "", new: "", want: ""},
		{
			// Expected output produced by GNU diff -u.
			name: "two hunks and a missing final newline",
			old:  alphabet,
			new:  strings.Replace(alphabet, "b\n", "B\n", 1) + "n",
			want: `--- old
+++ new
@@ -1,5 +1,5 @@
 a
-b
+B
 c
 d
 e
@@ -11,3 +11,4 @@
 k
 l
 m
+n
\ No newline at end of file
`,
		},
		{
			name: "from empty",
			old:  "",
			new:  "x\ny\n",
			want: "--- old\n+++ new\n@@ -0,0 +1,2 @@\n+x\n+y\n",
		},
		{
			name: "to empty",
			old:  "x\n",
			new:  "",
			want: "--- old\n+++ new\n@@ -1 +0,0 @@\n-x\n",
		},
		{
			name: "close changes share a hunk",
			old:  "1\n2\n3\n4\n5\n6\n7\n8\n",
			new:  "1\nX\n3\n4\n5\n6\nY\n8\n",
			want: "--- old\n+++ new\n@@ -1,8 +1,8 @@\n 1\n-2\n+X\n 3\n 4\n 5\n 6\n-7\n+Y\n 8\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Unified("old", "new", []byte(tt.old), []byte(tt.new))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Unified (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEditScriptIsShortest checks on random inputs that the script turns a
// into b and has as few edits as the longest common subsequence allows.
func TestEditScriptIsShortest(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	randomLines := func() []string {
		n := rng.IntN(12)
		lines := make([]string, n)
		for i := range lines {
			lines[i] = string(rune('a' + rng.IntN(4)))
		}
		return lines
	}
	for i := 0; i < 500; i++ {
		a, b := randomLines(), randomLines()
		ops := editScript(a, b)
		var gotA, gotB []string
		edits := 0
		for _, o := range ops {
			switch o.kind {
			case opEqual:
				if a[o.a] != b[o.b] {
					t.Fatalf("equal op pairs %q with %q", a[o.a], b[o.b])
				}
				gotA, gotB = append(gotA, a[o.a]), append(gotB, b[o.b])
			case opDelete:
				gotA = append(gotA, a[o.a])
				edits++
			case opInsert:
				gotB = append(gotB, b[o.b])
				edits++
			}
		}
		if diff := cmp.Diff(a, gotA, cmp.Comparer(sameLines)); diff != "" {
			t.Fatalf("script does not cover a (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(b, gotB, cmp.Comparer(sameLines)); diff != "" {
			t.Fatalf("script does not cover b (-want +got):\n%s", diff)
		}
		if want := len(a) + len(b) - 2*lcs(a, b); edits != want {
			t.Fatalf("%q -> %q: %d edits, want %d", a, b, edits, want)
		}
	}
}

func sameLines(x, y []string) bool {
	return strings.Join(x, "\n") == strings.Join(y, "\n") && len(x) == len(y)
}

func lcs(a, b []string) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}
