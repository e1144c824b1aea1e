//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time (user + system) the process has used so far,
// every thread included: benchmarks report it per operation (cpu-s/op)
// besides the wall time, which a shared machine inflates.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchCommand runs the CLI with args b.N times and reports its CPU time
// per run.
func benchCommand(b *testing.B, args ...string) {
	b.Helper()
	start := cpuTime(b)
	for b.Loop() {
		var out, errs bytes.Buffer
		if code := Execute("test", args, &Streams{Out: &out, Err: &errs}); code != 0 {
			b.Fatalf("exit %d: %s", code, errs.String())
		}
	}
	b.ReportMetric((cpuTime(b)-start).Seconds()/float64(b.N), "cpu-s/op")
}

// scenarioRoadmap is the example with n scenarios: its own three, then
// further capex cuts.
func scenarioRoadmap(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	copyDir(b, exampleDir, dir)
	var extra bytes.Buffer
	for i := 3; i < n; i++ {
		fmt.Fprintf(&extra, "scenario \"cut_%d\" {\n  variables = {\n    capex = var.capex * %.2f\n  }\n}\n\n", i, 1-0.1*float64(i))
	}
	if err := os.WriteFile(filepath.Join(dir, "more_scenarios.hcl"), extra.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkCompare: roadmap compare --all of the example with 1, 3, 5
// and 10 scenarios, whole command in the process (load, plan, render).
// Target: 5 scenarios under 0.5 s.
func BenchmarkCompare(b *testing.B) {
	for _, n := range []int{1, 3, 5, 10} {
		dir := scenarioRoadmap(b, n)
		args := []string{"compare", "--all", dir}
		if n < 3 {
			args = []string{"compare", "--scenario", "budget_cut", dir}
		}
		b.Run(fmt.Sprintf("scenarios=%d", n), func(b *testing.B) { benchCommand(b, args...) })
	}
}

// BenchmarkFrontier: roadmap frontier of the example's capex from 0 to
// 2,000,000 in 5, 10 and 20 steps (6, 11, 21 optimised plans, today's
// level on the grid) with the default budget of schedules; the time limit
// is lifted so that a loaded machine cannot cut a search short. The
// whole command in the process. Target: 20 steps under 10 s.
func BenchmarkFrontier(b *testing.B) {
	for _, steps := range []int{5, 10, 20} {
		b.Run(fmt.Sprintf("steps=%d", steps), func(b *testing.B) {
			benchCommand(b, "frontier", "--budget", "capex", "--from", "0", "--to", "2000000", "--steps", fmt.Sprint(steps), "--time-limit", "10m", "--total-time-limit", "100h", exampleDir)
		})
	}
}
