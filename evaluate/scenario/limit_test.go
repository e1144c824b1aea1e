package scenario

import (
	"fmt"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// The scenarios a comparison may hold count the plan's size, not only
// its projects (review qa18 B2: 99 scenarios of 60 projects with 830
// years of monthly cash flows took over 20 s and 923 MB).
func TestLimitCountsPlanCells(t *testing.T) {
	load := func(years int) *hclspec.Config {
		var b strings.Builder
		b.WriteString("roadmap {\n  start = \"2027-01\"\n  period = \"month\"\n  horizon = 1000\n}\n")
		for i := range 60 {
			fmt.Fprintf(&b, "project \"p%d\" {\n  duration = 1\n  benefit {\n    per_year = 1\n    years = %d\n  }\n}\n", i, years)
		}
		cfg, diags := hclspec.NewLoader().LoadSources("t", map[string][]byte{"t/main.hcl": []byte(b.String())}, hclspec.LoadOptions{})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		return cfg
	}
	// 60 x (1 + 9,960) = 597,660 cells: 33 plans fit 20,000,000.
	if got := LimitFor(load(830)); got != 33 {
		t.Errorf("830 years: %d scenarios, want 33", got)
	}
	// 60 x (1 + 12) cells: the 100 of a small roadmap.
	if got := LimitFor(load(1)); got != MaxScenarios {
		t.Errorf("1 year: %d scenarios, want %d", got, MaxScenarios)
	}
	names := make([]string, 34)
	for i := range names {
		names[i] = fmt.Sprintf("s%d", i)
	}
	if d := CheckCount(load(830), names); !d.HasErrors() || d[0].Summary != "Too many scenarios to compare" {
		t.Errorf("34 scenarios: %v", d)
	}
}
