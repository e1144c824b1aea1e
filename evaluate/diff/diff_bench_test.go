package diff

import (
	"fmt"
	"testing"

	"github.com/roadmap-as-code/roadmap/evaluate/diff/difftest"
)

// BenchmarkDiff compares two 2,000-project plans where every tenth project
// moved in rank and every seventh in time.
func BenchmarkDiff(b *testing.B) {
	before, after := difftest.Spec{Name: "big", Horizon: 12, Budget: 1e9, Teams: map[string]float64{"t": 1e6}},
		difftest.Spec{Name: "big", Horizon: 12, Budget: 1e9, Teams: map[string]float64{"t": 1e6}}
	const n = 2000
	for i := range n {
		p := difftest.Project{
			ID: fmt.Sprintf("p%04d", i), Status: "scheduled", Start: i % 6, Dur: 3,
			Cost: float64(1000 + i), NPV: 10, RNP: 5, Effort: map[string]float64{"t": 1},
		}
		before.Projects = append(before.Projects, p)
		if i%7 == 0 {
			p.Start++
		}
		after.Projects = append(after.Projects, p)
	}
	for i := 0; i+10 < n; i += 10 {
		after.Projects[i], after.Projects[i+10] = after.Projects[i+10], after.Projects[i]
	}
	bp, ap := difftest.Build(before), difftest.Build(after)
	b.ResetTimer()
	for range b.N {
		d := Diff(bp, ap)
		if d.Summary.Changed == 0 {
			b.Fatal("no changes found")
		}
	}
}
