//go:build unix

package shortfall

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/internal/synth"
)

func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkShortfall: the shortfall of the first 10 and 100 deferred
// projects in rank order, and of every deferred or dropped project (up to
// the work limit, MaxWork), of generated roadmaps
// of 100 and 1,000 projects (synth.Sized). Target: 100 deferred projects
// of the 1,000-project roadmap under 5 s. Reports CPU time per run
// (cpu-s/op) besides wall time, the projects answered and searched (the
// others need no search: a dependency, a gate), and the fixes found.
func BenchmarkShortfall(b *testing.B) {
	for _, n := range []int{100, 1000} {
		dir := b.TempDir()
		for _, f := range synth.Generate(synth.Sized(n, 1)) {
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
				b.Fatal(err)
			}
		}
		cfg := loadDir(b, dir)
		for _, limit := range []int{10, 100, -1} {
			name := fmt.Sprint(limit)
			if limit < 0 {
				name = "all"
			} else if limit > n/5 {
				continue
			}
			b.Run(fmt.Sprintf("projects=%d/deferred=%s", n, name), func(b *testing.B) {
				start := cpuTime(b)
				fixes, got, searched := 0, 0, 0
				for b.Loop() {
					res, err := Compute(context.Background(), cfg, Options{limit: max(limit, 0)})
					if err != nil {
						b.Fatal(err)
					}
					got, searched, fixes = len(res), 0, 0
					for _, sf := range res {
						if sf.Answer == evaluate.AnswerFound || sf.Answer == evaluate.AnswerNone {
							searched++
						}
						fixes += len(sf.Fixes)
					}
				}
				b.ReportMetric(float64(got), "deferred")
				b.ReportMetric(float64(searched), "searched")
				if got < limit {
					b.Fatalf("only %d deferred projects", got)
				}
				b.ReportMetric((cpuTime(b)-start).Seconds()/float64(b.N), "cpu-s/op")
				b.ReportMetric(float64(fixes), "fixes")
			})
		}
	}
}
