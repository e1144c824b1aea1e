package evaluate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// Findings quote user strings clipped, as diagnostics do (hclspec.Quote),
// and a whole message is at most maxFindingBytes long (review qa15g: a
// 64 KB capability name quoted in full in every project's reason made
// 130 MB of JSON from a 320 KB roadmap).
func TestFindingsClipUserStrings(t *testing.T) {
	long := strings.Repeat("abcd", 2500) // 10,000 bytes
	clipped := hclspec.Quote(long)
	longID := func(k int) string { return fmt.Sprintf("s%d_%s", k, strings.Repeat("x", 200)) }
	tests := []struct {
		name string
		// build returns the roadmap and the project whose finding is
		// checked.
		build func() (*hclspec.Config, string)
		// want is a part of the message; a long quoted string must
		// appear clipped.
		want string
	}{
		{"capability missing", func() (*hclspec.Config, string) {
			cfg := quarterly(8)
			p := addProject(cfg, newProject("p", 1))
			p.Requires = []string{long}
			return cfg, "p"
		}, "requires capability " + clipped + ", which is not in the stack"},
		{"capability on an ageing system", func() (*hclspec.Config, string) {
			cfg := quarterly(8)
			cfg.Roadmap.RiskAppetite = 0.9
			cfg.Systems = []*hclspec.System{{ID: "legacy", Provides: []string{long}, EndOfSupport: 3, EndOfSupportSet: true,
				Risk: hclspec.Risk{Disruption: 0.3}, Ranges: hclspec.Ranges{}}}
			p := addProject(cfg, newProject("p", 1))
			p.Requires = []string{long}
			return cfg, "p"
		}, "requires capability " + clipped + `, which only system "legacy" provides, out of support`},
		{"capability gone with its systems, many long ids", func() (*hclspec.Config, string) {
			// 50 systems with 200-byte ids provide the capability and a
			// project retires them all before p starts: the message
			// lists every system, so only the total bound holds it.
			cfg := quarterly(8)
			r := addProject(cfg, newProject("r", 1))
			for k := range 50 {
				cfg.Systems = append(cfg.Systems, &hclspec.System{ID: longID(k), Provides: []string{long}, Ranges: hclspec.Ranges{}})
				r.Replaces = append(r.Replaces, longID(k))
			}
			p := addProject(cfg, newProject("p", 1))
			p.Requires = []string{long}
			p.DependsOn = []string{"r"}
			return cfg, "p"
		}, "requires capability " + clipped + ", which only systems " + fmt.Sprintf("%q", longID(0))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, id := tt.build()
			p := projectByID(t, mustEvaluate(t, cfg), id)
			found := false
			for _, f := range p.Findings {
				if len(f.Message) > maxFindingBytes+len("...") {
					t.Errorf("finding of %d bytes, more than %d: %.300s", len(f.Message), maxFindingBytes, f.Message)
				}
				found = found || strings.Contains(f.Message, tt.want)
			}
			for _, r := range p.Reasons {
				if len(r) > maxFindingBytes+len("...") {
					t.Errorf("reason of %d bytes: %.300s", len(r), r)
				}
			}
			if !found {
				var got []string
				for _, f := range p.Findings {
					got = append(got, fmt.Sprintf("%.400s", f.Message))
				}
				t.Errorf("no finding contains %.300q\ngot %q", tt.want, got)
			}
		})
	}
}
