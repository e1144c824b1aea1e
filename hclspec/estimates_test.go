package hclspec

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/estimate"
)

const rangesRoadmap = `
roadmap {
  start    = "2027-01"
  estimate = %q
}

team "platform" {
  capacity = 4
}

team "data" {
  capacity = 4
}

locals {
  effort = { platform = triangular(1, 2, 4) }
}

project "crm" {
  duration = pert("6 months", "9 months", "18 months")
  effort   = merge(local.effort, { data = 1 })
  cost {
    one_time = pert(100, 200, 600)
    per_year = 10
  }
  benefit {
    per_year = uniform(300, 500)
  }
}

project "plain" {
  duration = 2
  effort   = { platform = 1, data = uniform(0.5, 1.5) }
  cost {
    per_year = triangular(0, 0, 30)
  }
}
`

func loadRanges(t *testing.T, point string) *Config {
	t.Helper()
	src := []byte(fmt.Sprintf(rangesRoadmap, point))
	cfg, diags := NewLoader().LoadSources("ranges", map[string][]byte{"ranges/main.hcl": src}, LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return cfg
}

func TestRangedEstimates(t *testing.T) {
	cfg := loadRanges(t, "likely")
	crm, plain := cfg.Projects[0], cfg.Projects[1]
	want := []Estimate{
		{Attr: "benefit.per_year", Dist: estimate.NewUniform(300, 500)},
		{Attr: "cost.one_time", Dist: estimate.Dist{Kind: estimate.PERT, Low: 100, Likely: 200, High: 600}},
		// Months converted to quarters, fractions kept.
		{Attr: "duration", Dist: estimate.Dist{Kind: estimate.PERT, Low: 2, Likely: 3, High: 6}},
		{Attr: "effort.platform", Dist: estimate.Dist{Kind: estimate.Triangular, Low: 1, Likely: 2, High: 4}},
	}
	ignoreRange := cmpopts.IgnoreFields(Estimate{}, "Range")
	if diff := cmp.Diff(want, crm.Estimates, ignoreRange); diff != "" {
		t.Errorf("crm estimates (-want +got):\n%s", diff)
	}
	if crm.Duration != 3 || crm.Effort["platform"] != 2 || crm.Effort["data"] != 1 || crm.Cost.OneTime != 200 || crm.Cost.PerYear != 10 || crm.Benefit.PerYear != 400 {
		t.Errorf("crm's plain numbers are not the likely values: %+v %+v %+v %v", crm.Effort, crm.Cost, crm.Benefit, crm.Duration)
	}
	if got := []string{plain.Estimates[0].Attr, plain.Estimates[1].Attr}; !cmp.Equal(got, []string{"cost.per_year", "effort.data"}) {
		t.Errorf("plain estimates = %v", got)
	}
	if plain.Effort["data"] != 1 || plain.Cost.PerYear != 0 {
		t.Errorf("plain = %+v %+v", plain.Effort, plain.Cost)
	}
	for _, e := range crm.Estimates {
		if e.Range.Filename == "" {
			t.Errorf("%s has no source range", e.Attr)
		}
	}
	if rng := crm.Estimates[1].Range; rng.Start.Line != 23 {
		t.Errorf("cost.one_time range starts on line %d, want 23", rng.Start.Line)
	}
}

// TestEstimatePoint: mean and p80 change the numbers a plan uses; a
// duration's point is rounded to the nearest whole period.
func TestEstimatePoint(t *testing.T) {
	mean := loadRanges(t, "mean")
	crm := mean.Projects[0]
	// PERT(2, 3, 6) quarters: mean (2 + 12 + 6)/6 = 3.33 -> 3 quarters.
	if crm.Duration != 3 {
		t.Errorf("mean duration = %d, want 3", crm.Duration)
	}
	if got, want := crm.Cost.OneTime, (100+4*200+600)/6.0; got != want {
		t.Errorf("mean one_time = %v, want %v", got, want)
	}
	if got, want := crm.Effort["platform"], 7.0/3; got != want {
		t.Errorf("mean effort = %v, want %v", got, want)
	}
	p80 := loadRanges(t, "p80")
	// p80 is prudent: a benefit at its P20, uniform(300, 500) -> 340.
	if got, want := p80.Projects[0].Benefit.PerYear, 340.0; got != want {
		t.Errorf("p80 benefit = %v, want %v", got, want)
	}
	if p80.Roadmap.Estimate != estimate.P80 {
		t.Errorf("roadmap estimate = %q", p80.Roadmap.Estimate)
	}
}

func TestWholePeriods(t *testing.T) {
	for _, tt := range []struct {
		x    float64
		want int
	}{{0.2, 1}, {1, 1}, {1.49, 1}, {1.5, 2}, {1.5 - 1e-12, 2}, {2.51, 3}, {3.2, 3}, {0, 1}} {
		if got := WholePeriods(tt.x); got != tt.want {
			t.Errorf("WholePeriods(%v) = %d, want %d", tt.x, got, tt.want)
		}
	}
}

// TestRangeInPlainAttribute: a range where only a number is allowed says
// so, on the attribute.
func TestRangeInPlainAttribute(t *testing.T) {
	src := []byte(`
roadmap { start = "2027-01" }
team "platform" { capacity = pert(1, 2, 3) }
`)
	_, diags := NewLoader().LoadSources("r", map[string][]byte{"r/main.hcl": src}, LoadOptions{})
	if len(diags) != 1 || diags[0].Severity != hcl.DiagError || diags[0].Subject.Start.Line != 3 {
		t.Fatalf("want one error on line 3, got %v", diags)
	}
	if want := `Inappropriate value for attribute "capacity": pert(1, 2, 3) is a ranged estimate, not a number`; !strings.HasPrefix(diags[0].Detail, want) {
		t.Errorf("detail = %q", diags[0].Detail)
	}
}

// TestProjectRangesAreTheirOwn: each project's ranges name its own
// attributes, keys and sub-block attributes only, though every project
// is decoded in the same scratch space.
func TestProjectRangesAreTheirOwn(t *testing.T) {
	cfg := loadRanges(t, "likely")
	crm, plain := cfg.Projects[0], cfg.Projects[1]
	keys := func(p *Project) []string { return slices.Sorted(maps.Keys(p.Ranges)) }
	wantCRM := []string{"benefit.per_year", "cost.one_time", "cost.per_year", "duration", "effort", "effort.data", "effort.platform"}
	wantPlain := []string{"cost.per_year", "duration", "effort", "effort.data", "effort.platform"}
	if diff := cmp.Diff(wantCRM, keys(crm)); diff != "" {
		t.Errorf("crm's ranges (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantPlain, keys(plain)); diff != "" {
		t.Errorf("plain's ranges (-want +got):\n%s", diff)
	}
	if r := plain.Ranges["cost.per_year"]; r.Start.Line <= crm.Ranges["cost.per_year"].Start.Line {
		t.Errorf("plain's cost.per_year at line %d, not after crm's (line %d)", r.Start.Line, crm.Ranges["cost.per_year"].Start.Line)
	}
}
