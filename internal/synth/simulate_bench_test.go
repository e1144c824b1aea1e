package synth_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/roadmap-as-code/roadmap/internal/synth"
)

// BenchmarkSimulateProcess runs `roadmap simulate --format json` as a
// whole process and reports, besides the wall time per run (ns/op), the
// CPU time (user + system), the peak resident memory and the runs per
// second of wall time, on 1 core and on every core (GOMAXPROCS). Targets
// on the 2-core development machine: 10,000 runs of
// examples/it-department-ranges under 1 s; 1,000 runs of a generated
// 1,000-project roadmap (every project with four ranged estimates) under
// 10 s and 500 MB.
func BenchmarkSimulateProcess(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "roadmap")
	build := exec.Command("go", "build", "-o", bin, "github.com/roadmap-as-code/roadmap/cmd/roadmap")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	cases := []struct {
		name string
		dir  string
		runs int
	}{
		{"it-department-ranges", filepath.Join("..", "..", "examples", "it-department-ranges"), 10000},
		{"projects=100", rangedRoadmap(b, 100), 1000},
		{"projects=1000", rangedRoadmap(b, 1000), 1000},
		{"projects=10000", rangedRoadmap(b, 10000), 20},
	}
	for _, c := range cases {
		for _, procs := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/runs=%d/cores=%d", c.name, c.runs, procs), func(b *testing.B) {
				var cpu time.Duration
				var peakKB int64
				var err error
				for b.Loop() {
					cmd := exec.Command(bin, "simulate", "--format", "json", "--runs", strconv.Itoa(c.runs), c.dir)
					var stdout, stderr bytes.Buffer
					cmd.Stdout, cmd.Stderr = &stdout, &stderr
					cmd.Env = append(os.Environ(), "NO_COLOR=1", fmt.Sprintf("GOMAXPROCS=%d", procs))
					if err := cmd.Start(); err != nil {
						b.Fatal(err)
					}
					peakKB = max(peakKB, watchPeak(cmd.Process.Pid, func() error { return cmd.Wait() }, &err))
					// A failed check exits 1 with the report printed.
					if err != nil && stdout.Len() == 0 {
						b.Fatalf("roadmap simulate: %v\n%s", err, stderr.Bytes())
					}
					cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
				}
				b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
				b.ReportMetric(float64(peakKB)/1024, "peak-MB")
				b.ReportMetric(float64(c.runs*b.N)/b.Elapsed().Seconds(), "runs/s")
			})
		}
	}
}

// watchPeak waits for the process pid (wait, which sets *err) and returns
// its peak resident memory in kB: the largest VmHWM read from
// /proc/pid/status every 10 ms while it runs. (The rusage of a child
// started from a large parent counts the parent's memory too: Linux
// keeps the pre-exec high-water mark.) 0 where /proc is not available.
func watchPeak(pid int, wait func() error, err *error) int64 {
	done := make(chan struct{})
	go func() {
		*err = wait()
		close(done)
	}()
	status := fmt.Sprintf("/proc/%d/status", pid)
	var peak int64
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		if data, rerr := os.ReadFile(status); rerr == nil {
			for _, line := range strings.Split(string(data), "\n") {
				if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
					if kb, perr := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64); perr == nil {
						peak = max(peak, kb)
					}
				}
			}
		}
		select {
		case <-done:
			return peak
		case <-tick.C:
		}
	}
}

// rangedRoadmap generates n projects with ranged estimates into a
// temporary directory.
func rangedRoadmap(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	c := synth.Sized(n, 1)
	c.Ranges = true
	for _, f := range synth.Generate(c) {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}
