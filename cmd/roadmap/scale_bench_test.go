package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/roadmap-as-code/roadmap/internal/synth"
)

// BenchmarkPlanJSONCommand runs `roadmap plan --format json` through the
// command, as the CLI does, on synthetic roadmaps of 1,000 and 10,000
// projects: loading, evaluation, checks, rendering and diagnostics. The
// whole-process figures (time and peak memory) are in docs/performance.md.
func BenchmarkPlanJSONCommand(b *testing.B) {
	benchPlanCommand(b, "plan", "--format", "json")
}

// BenchmarkPlanOptimizeCommand is the same with --optimize.
func BenchmarkPlanOptimizeCommand(b *testing.B) {
	benchPlanCommand(b, "plan", "--optimize", "--format", "json")
}

func benchPlanCommand(b *testing.B, args ...string) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			for _, f := range synth.Generate(synth.Sized(n, 1)) {
				if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
					b.Fatal(err)
				}
			}
			for b.Loop() {
				var out, errs bytes.Buffer
				if code := Execute("test", append(args[:len(args):len(args)], dir), &Streams{Out: &out, Err: &errs}); code != 0 {
					b.Fatalf("exit %d: %s", code, errs.String())
				}
			}
		})
	}
}
