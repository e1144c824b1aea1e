package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// BenchmarkReadDirAtRevision reads a directory of n small files at a
// revision from a packed repository, as a clone is. The cost per file
// should not depend on n: one git process reads every blob.
func BenchmarkReadDirAtRevision(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	for _, n := range []int{500, 5000} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			run := func(args ...string) {
				cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
				cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
				}
			}
			run("init", "-q")
			run("config", "user.name", "Bench")
			run("config", "user.email", "bench@example.com")
			rm := filepath.Join(dir, "roadmap")
			if err := os.MkdirAll(rm, 0o755); err != nil {
				b.Fatal(err)
			}
			for i := range n {
				src := fmt.Sprintf("project \"p%d\" {\n  title = \"Project %d\"\n}\n", i, i)
				if err := os.WriteFile(filepath.Join(rm, fmt.Sprintf("p%05d.hcl", i)), []byte(src), 0o644); err != nil {
					b.Fatal(err)
				}
			}
			run("add", "-A")
			run("commit", "-q", "-m", "files")
			run("gc", "-q") // packed, as in a clone
			b.ResetTimer()
			for range b.N {
				at, err := readDirAtRevision(context.Background(), rm, "HEAD", hclspec.DefaultSourceLimits())
				if err != nil {
					b.Fatal(err)
				}
				if len(at.Sources) != n {
					b.Fatalf("read %d files, want %d", len(at.Sources), n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/file")
		})
	}
}
