package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// The expected diffs are those GNU diff -u prints.
func TestUnifiedDiff(t *testing.T) {
	alphabet := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n"
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{name: "equal", old: "x\ny\n", new: "x\ny\n", want: ""},
		{name: "both empty", old: "", new: "", want: ""},
		{
			name: "two hunks and a missing final newline",
			old:  alphabet,
			new:  strings.Replace(alphabet, "b\n", "B\n", 1) + "n",
			want: "--- old\n+++ new\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n" +
				"@@ -11,3 +11,4 @@\n k\n l\n m\n+n\n\\ No newline at end of file\n",
		},
		{name: "from empty", old: "", new: "x\ny\n", want: "--- old\n+++ new\n@@ -0,0 +1,2 @@\n+x\n+y\n"},
		{name: "to empty", old: "x\n", new: "", want: "--- old\n+++ new\n@@ -1 +0,0 @@\n-x\n"},
		{
			name: "close changes share a hunk",
			old:  "1\n2\n3\n4\n5\n6\n7\n8\n",
			new:  "1\nX\n3\n4\n5\n6\nY\n8\n",
			want: "--- old\n+++ new\n@@ -1,8 +1,8 @@\n 1\n-2\n+X\n 3\n 4\n 5\n 6\n-7\n+Y\n 8\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := unifiedDiff("old", "new", []byte(tt.old), []byte(tt.new))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("unifiedDiff (-want +got):\n%s", diff)
			}
		})
	}
}

// largeUnformatted is n project blocks, every attribute badly indented, so
// formatting changes about 4 lines in 5.
func largeUnformatted(n int) string {
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "project \"p%d\" {\ntitle=\"Project %d\"\n    duration=%d\n  effort={}\n}\n", i, i, i%4+1)
	}
	return sb.String()
}

// TestFmtDiffAppliesWithPatch checks that `fmt --diff` of a large change
// is what patch -p1 needs to turn the file into its formatted form.
func TestFmtDiffAppliesWithPatch(t *testing.T) {
	if _, err := exec.LookPath("patch"); err != nil {
		t.Skip("patch is not installed")
	}
	dir := t.TempDir()
	src := largeUnformatted(1000) // 5,000 lines, 3,000 of them change
	writeFiles(t, dir, map[string]string{"projects.hcl": src})
	t.Chdir(dir)
	res := runCLI(t, "fmt", "--diff", "--check", "projects.hcl")
	res.wantExit(t, 1)
	diff := strings.TrimPrefix(res.Stdout, "projects.hcl\n")
	if err := os.WriteFile("change.diff", []byte(diff), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("patch", "-p1", "-i", "change.diff").CombinedOutput()
	if err != nil {
		t.Fatalf("patch -p1: %v\n%s", err, out)
	}
	want, _, diags := hclspec.Format([]byte(src), "projects.hcl")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if diff := cmp.Diff(string(want), readFile(t, filepath.Join(dir, "projects.hcl"))); diff != "" {
		t.Errorf("patched file (-formatted +patched):\n%s", diff)
	}
}

// BenchmarkFmtDiffLarge measures `fmt --diff` on a 5,000-line file whose
// formatting changes 3,000 lines (the hand-written diff used 531 MB on a
// change of this size).
func BenchmarkFmtDiffLarge(b *testing.B) {
	src := []byte(largeUnformatted(1000))
	formatted, _, diags := hclspec.Format(src, "projects.hcl")
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := unifiedDiff("a", "b", src, formatted); err != nil {
			b.Fatal(err)
		}
	}
}
