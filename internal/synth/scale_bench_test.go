package synth_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/synth"
	"github.com/roadmap-as-code/roadmap/report"
)

// sizes are the portfolio sizes of the scale benchmarks.
func sizes() []int { return []int{100, 1000, 10000} }

// writeRoadmap generates the roadmap of n projects into a temporary dir.
func writeRoadmap(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	for _, f := range synth.Generate(synth.Sized(n, 1)) {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func load(tb testing.TB, dir string) *hclspec.Config {
	tb.Helper()
	cfg, diags := hclspec.NewLoader().LoadDir(dir, hclspec.LoadOptions{})
	if diags.HasErrors() {
		tb.Fatalf("load: %v", diags)
	}
	return cfg
}

func evaluatePlan(tb testing.TB, cfg *hclspec.Config) *evaluate.Plan {
	tb.Helper()
	plan, diags := evaluate.Evaluate(context.Background(), cfg, evaluate.Options{})
	if diags.HasErrors() || plan == nil {
		tb.Fatalf("evaluate: %v", diags)
	}
	return plan
}

// BenchmarkLoad is parsing, decoding and validating the directory.
func BenchmarkLoad(b *testing.B) {
	for _, n := range sizes() {
		dir := writeRoadmap(b, n)
		b.Run(fmt.Sprintf("projects=%d", n), func(b *testing.B) {
			for b.Loop() {
				load(b, dir)
			}
			perProject(b, n)
		})
	}
}

// BenchmarkEvaluate is the whole evaluation in rank order: vendors,
// finance, gates, scores, schedule, capacity and checks.
func BenchmarkEvaluate(b *testing.B) {
	for _, n := range sizes() {
		cfg := load(b, writeRoadmap(b, n))
		b.Run(fmt.Sprintf("projects=%d", n), func(b *testing.B) {
			for b.Loop() {
				evaluatePlan(b, cfg)
			}
			perProject(b, n)
		})
	}
}

// BenchmarkEvaluateRunCosts is BenchmarkEvaluate with run costs on an
// opex budget (synth.Config.RunFunding): each project's run spend, from
// go-live to the end of the horizon, is tested with every placement, as
// review qa15d D10 made it (docs/performance.md, "Run costs on an opex
// budget").
func BenchmarkEvaluateRunCosts(b *testing.B) {
	for _, n := range sizes()[1:] {
		b.Run(fmt.Sprintf("projects=%d", n), func(b *testing.B) {
			// Set up inside the sub-benchmark, so -bench selecting one
			// size does not generate the other.
			c := synth.Sized(n, 1)
			c.RunFunding = true
			dir := b.TempDir()
			for _, f := range synth.Generate(c) {
				if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
					b.Fatal(err)
				}
			}
			cfg := load(b, dir)
			var plan *evaluate.Plan
			for b.Loop() {
				plan = evaluatePlan(b, cfg)
			}
			perProject(b, n)
			b.ReportMetric(float64(plan.Totals.Scheduled), "scheduled")
		})
	}
}

// BenchmarkEvaluateOptimize is the evaluation with --optimize, its
// schedule budget sized to the roadmap (see evaluate.scheduleBudget).
func BenchmarkEvaluateOptimize(b *testing.B) {
	for _, n := range sizes()[:2] {
		cfg := load(b, writeRoadmap(b, n))
		b.Run(fmt.Sprintf("projects=%d", n), func(b *testing.B) {
			var plan *evaluate.Plan
			for b.Loop() {
				var diags hcl.Diagnostics
				plan, diags = evaluate.Evaluate(context.Background(), cfg, evaluate.Options{Optimize: true, Seed: 1, TimeLimit: time.Minute})
				if diags.HasErrors() {
					b.Fatal(diags)
				}
			}
			op := plan.Optimization
			b.ReportMetric(float64(op.Schedules), "schedules")
			b.ReportMetric(100*(op.Best-op.Baseline)/op.Baseline, "%gain")
		})
	}
}

// BenchmarkRender is each plan format.
func BenchmarkRender(b *testing.B) {
	for _, n := range sizes() {
		plan := evaluatePlan(b, load(b, writeRoadmap(b, n)))
		for _, format := range []string{"json", "table", "markdown", "html"} {
			b.Run(fmt.Sprintf("projects=%d/%s", n, format), func(b *testing.B) {
				for b.Loop() {
					if err := report.RenderPlan(io.Discard, plan, format, report.Options{}); err != nil {
						b.Fatal(err)
					}
				}
				perProject(b, n)
			})
		}
	}
}

func perProject(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/project")
}
