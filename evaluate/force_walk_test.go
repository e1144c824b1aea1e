package evaluate

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// Forced-in projects share one walk of what they need (review qa15g
// F10: each walked its own, quadratic along a chain): a problem under a
// project two of them need is reported once, for the first, and a
// forced-in project is still checked itself when an earlier one needs it.
func TestForceContradictionsSharedWalk(t *testing.T) {
	build := func() *hclspec.Config {
		cfg := portfolioConfig(8)
		addWork(cfg, "base", 1, 1, 10000)
		a := addWork(cfg, "a", 1, 1, 10000)
		a.DependsOn = []string{"base"}
		b := addWork(cfg, "b", 1, 1, 10000)
		b.DependsOn = []string{"base"}
		c := addWork(cfg, "c", 1, 1, 10000)
		c.DependsOn = []string{"held"}
		h := addWork(cfg, "held", 1, 1, 10000)
		h.Status, h.Ranges["status"] = hclspec.Cancelled, rng(90)
		return cfg
	}
	for _, tt := range []struct {
		name string
		opts Options
		want []string
	}{
		{"two need one forced out", Options{ForceIn: []string{"a", "b"}, ForceOut: []string{"base"}}, []string{
			`Forced-in project needs a project forced out: Project "a" is forced in, but it cannot run without "base" (through depends_on or together), which is forced out. Force one of them the other way, or leave one out of the flags.`,
		}},
		{"needed and cancelled itself", Options{ForceIn: []string{"c", "held"}}, []string{
			`Forced-in project needs a cancelled project: Project "c" is forced in, but it cannot run without "held" (through depends_on or together), which is cancelled: forcing does not change a status. Leave "c" out of --force-in, or change "held"'s status.`,
			`Forced-in project is cancelled: Project "held" is forced in, but it is cancelled: forcing does not change a status. Leave it out of --force-in, or change its status.`,
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Evaluate(context.Background(), build(), tt.opts)
			var got []string
			for _, d := range diags {
				got = append(got, d.Summary+": "+d.Detail)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

// BenchmarkForceInChain forces in every fifth of 10,000 projects along
// one depends_on chain: the walks of what they need are linear in the
// chain (the whole command took 16 s of CPU when each walked its own).
func BenchmarkForceInChain(b *testing.B) {
	cfg := portfolioConfig(40)
	var force []string
	for k := range 10_000 {
		p := addWork(cfg, fmt.Sprintf("p%05d", k), 1, 0.01, 1000)
		if k > 0 {
			p.DependsOn = []string{fmt.Sprintf("p%05d", k-1)}
		}
		if k%5 == 4 {
			force = append(force, p.ID)
		}
	}
	for b.Loop() {
		if _, d := Evaluate(context.Background(), cfg, Options{ForceIn: force}); d.HasErrors() {
			b.Fatal(d)
		}
	}
}
