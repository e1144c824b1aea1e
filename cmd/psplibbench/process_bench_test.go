package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkPlanPSPLIB runs `roadmap plan` as a whole process, in table
// and JSON, on PSPLIB's j301_1 written as a roadmap (-emit-hcl; the
// hand-made testdata instance when the benchmark data is absent), and
// reports the CPU time of a run besides its wall time. Issue 18's target
// is 8 ms median for the whole process.
func BenchmarkPlanPSPLIB(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "roadmap")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/roadmap-as-code/roadmap/cmd/roadmap").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	data, only := "testdata", "j301_1"
	if dir := benchmarksDir(); dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "psplib", "j30", "j301_1.sm")); err == nil {
			data = dir
		}
	}
	out := b.TempDir()
	var errs bytes.Buffer
	if code := run([]string{"-dir", data, "-sets", "j30", "-only", only, "-emit-hcl", out}, io.Discard, &errs); code != 0 {
		b.Fatalf("-emit-hcl: %s", errs.String())
	}
	dir := filepath.Join(out, only)
	for _, format := range []string{"table", "json"} {
		b.Run("format="+format, func(b *testing.B) {
			var cpu time.Duration
			for b.Loop() {
				cmd := exec.Command(bin, "plan", "--format", format, dir)
				cmd.Env = append(os.Environ(), "NO_COLOR=1")
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				if err := cmd.Run(); err != nil {
					b.Fatalf("roadmap plan: %v\n%s", err, stderr.Bytes())
				}
				if stdout.Len() == 0 {
					b.Fatal("roadmap plan printed nothing")
				}
				cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
			}
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

// benchmarksDir is $ROADMAP_BENCHMARKS_DIR, else ../shared/benchmarks next
// to the module root, else "".
func benchmarksDir() string {
	if dir := os.Getenv("ROADMAP_BENCHMARKS_DIR"); dir != "" {
		return dir
	}
	root, err := moduleRoot()
	if err != nil {
		return ""
	}
	return filepath.Join(root, "..", "shared", "benchmarks")
}

// BenchmarkPlanOptimizePSPLIB120 runs `roadmap plan --optimize --format
// json` as a whole process on PSPLIB's j1201_1 (120 jobs) written as a
// roadmap, and reports its CPU time per run and the schedules the search
// generated: what the CLI's schedule budget for 120 projects
// (schedule.BudgetFor) costs. Skipped without the benchmark data.
func BenchmarkPlanOptimizePSPLIB120(b *testing.B) {
	const only = "j1201_1"
	dir := benchmarksDir()
	if dir == "" {
		b.Skip("no benchmark data")
	}
	if _, err := os.Stat(filepath.Join(dir, "psplib", "j120", only+".sm")); err != nil {
		b.Skip("no benchmark data: ", err)
	}
	bin := filepath.Join(b.TempDir(), "roadmap")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/roadmap-as-code/roadmap/cmd/roadmap").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	out := b.TempDir()
	var errs bytes.Buffer
	if code := run([]string{"-dir", dir, "-sets", "j120", "-only", only, "-emit-hcl", out}, io.Discard, &errs); code != 0 {
		b.Fatalf("-emit-hcl: %s", errs.String())
	}
	var cpu time.Duration
	schedules := 0
	for b.Loop() {
		cmd := exec.Command(bin, "plan", "--optimize", "--format", "json", filepath.Join(out, only))
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			b.Fatalf("roadmap plan --optimize: %v\n%s", err, stderr.Bytes())
		}
		var plan struct {
			Optimization struct {
				Schedules        int  `json:"schedules"`
				TimeLimitReached bool `json:"time_limit_reached"`
			} `json:"optimization"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &plan); err != nil {
			b.Fatalf("plan JSON: %v", err)
		}
		if plan.Optimization.TimeLimitReached {
			b.Fatalf("the time limit ended the search after %d schedules", plan.Optimization.Schedules)
		}
		schedules = plan.Optimization.Schedules
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(schedules), "schedules")
}
