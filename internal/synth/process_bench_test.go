package synth_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// BenchmarkPlanProcess runs `roadmap plan --format json` as a whole
// process on generated roadmaps and reports, besides the wall time per
// run (ns/op), the CPU time (user + system) and the peak resident memory.
// Targets: 1,000 projects under 0.5 s; 10,000 under 5 s and 500 MB.
func BenchmarkPlanProcess(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "roadmap")
	build := exec.Command("go", "build", "-o", bin, "github.com/roadmap-as-code/roadmap/cmd/roadmap")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for _, n := range sizes() {
		dir := writeRoadmap(b, n)
		b.Run(fmt.Sprintf("projects=%d", n), func(b *testing.B) {
			var cpu time.Duration
			var peakKB int64
			for b.Loop() {
				cmd := exec.Command(bin, "plan", "--format", "json", dir)
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				cmd.Env = append(os.Environ(), "NO_COLOR=1")
				if err := cmd.Run(); err != nil {
					b.Fatalf("roadmap plan: %v\n%s", err, stderr.Bytes())
				}
				if stdout.Len() == 0 {
					b.Fatal("roadmap plan printed nothing")
				}
				cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
					peakKB = max(peakKB, ru.Maxrss) // kilobytes on Linux
				}
			}
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(peakKB)/1024, "peak-MB")
		})
	}
}
