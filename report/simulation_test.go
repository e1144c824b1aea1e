package report

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/evaluate/simulate"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/golden"
)

// exampleSimulation simulates examples/it-department-ranges with a fixed
// seed and few runs, so the goldens stay small and stable.
func exampleSimulation(t *testing.T) *simulate.Result {
	t.Helper()
	cfg, diags := hclspec.NewLoader().LoadDir(filepath.Join("..", "examples", "it-department-ranges"), hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	res, diags := simulate.Simulate(context.Background(), cfg, simulate.Options{Runs: 500, Seed: 1, Workers: 2})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return res
}

func TestSimulationGolden(t *testing.T) {
	res := exampleSimulation(t)
	for _, tt := range []struct {
		format, file string
		o            Options
	}{
		{"table", "simulation.txt", Options{Width: 100}},
		{"table", "simulation_narrow.txt", Options{Width: 60}},
		{"json", "simulation.json", Options{}},
		{"markdown", "simulation.md", Options{}},
		{"html", "simulation.html", Options{}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			var buf bytes.Buffer
			if err := RenderSimulation(&buf, res, tt.format, tt.o); err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, filepath.Join("testdata", tt.file), buf.Bytes())
			if tt.format == "table" {
				for i, line := range strings.Split(buf.String(), "\n") {
					if w := displayWidth(line); w > max(tt.o.Width, minWidth) {
						t.Errorf("line %d is %d columns wide, more than %d: %q", i+1, w, tt.o.Width, line)
					}
				}
			}
		})
	}
}
