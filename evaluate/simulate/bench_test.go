package simulate

import (
	"context"
	"fmt"
	"testing"

	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/synth"
)

// BenchmarkSimulateExample is 10,000 runs of the example roadmaps (the
// target: under 1 s on the 2-core development machine), with 1 and with
// every core.
func BenchmarkSimulateExample(b *testing.B) {
	for _, dir := range []string{"it-department", "it-department-ranges"} {
		cfg, diags := hclspec.NewLoader().LoadDir("../../examples/"+dir, hclspec.LoadOptions{})
		if diags.HasErrors() {
			b.Fatal(diags)
		}
		for _, workers := range []int{1, 0} {
			b.Run(fmt.Sprintf("%s/workers=%d", dir, workers), func(b *testing.B) {
				for b.Loop() {
					if _, diags := Simulate(context.Background(), cfg, Options{Runs: 10000, Seed: 1, Workers: workers}); diags.HasErrors() {
						b.Fatal(diags)
					}
				}
				b.ReportMetric(float64(10000*b.N)/b.Elapsed().Seconds(), "runs/s")
			})
		}
	}
}

// BenchmarkSimulateSynth is 1,000 runs of generated roadmaps whose every
// project has four ranged estimates (the target at 1,000 projects: under
// 10 s and 500 MB on the 2-core development machine).
func BenchmarkSimulateSynth(b *testing.B) {
	for _, n := range []int{100, 1000} {
		cfg := synthConfig(b, n)
		for _, workers := range []int{1, 0} {
			b.Run(fmt.Sprintf("projects=%d/workers=%d", n, workers), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, diags := Simulate(context.Background(), cfg, Options{Runs: 1000, Seed: 1, Workers: workers}); diags.HasErrors() {
						b.Fatal(diags)
					}
				}
				b.ReportMetric(float64(1000*b.N)/b.Elapsed().Seconds(), "runs/s")
			})
		}
	}
}

func synthConfig(tb testing.TB, n int) *hclspec.Config {
	tb.Helper()
	c := synth.Sized(n, 1)
	c.Ranges = true
	sources := map[string][]byte{}
	for _, f := range synth.Generate(c) {
		sources["synth/"+f.Name] = f.Content
	}
	cfg, diags := hclspec.NewLoader().LoadSources("synth", sources, hclspec.LoadOptions{})
	if diags.HasErrors() {
		tb.Fatal(diags)
	}
	return cfg
}
