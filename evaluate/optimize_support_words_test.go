package evaluate

import (
	"strings"
	"testing"
)

// When every project runs in rank order, the optimiser's moves may keep a
// system in support (policy replace_before_end_of_support) rather than
// finish earlier: the changes say so (qa17 U4: "looked for an earlier
// finish" while the finish stayed and the move closed a gap).
func TestOptimiserSaysItKeptASystemInSupport(t *testing.T) {
	cfg := loadSource(t, `roadmap {
  start   = "2027-Q1"
  horizon = 8
  policy {
    replace_before_end_of_support = true
  }
}
goal "g" { weight = 1 }
team "t" { capacity = 1 }
system "s" {
  end_of_support = "2027-Q2"
  run_cost {
    per_year = 10000
  }
}
project "f" {
  goals    = { g = 0.9 }
  duration = 4
  effort   = { t = 1 }
}
project "r" {
  goals    = { g = 0.3 }
  duration = 1
  effort   = { t = 1 }
  replaces = [system.s]
}
`)
	plan := evaluateWith(t, cfg, Options{Optimize: true, Seed: 1})
	got := strings.Join(plan.Optimization.Changes, "\n")
	for _, want := range []string{
		"the optimiser kept more systems in support (policy replace_before_end_of_support), then looked for an earlier finish, with the same projects.",
		`Start "r" in 2027-Q1 instead of 2028-Q1 (4 periods earlier, so system "s" stays in support: policy replace_before_end_of_support).`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("changes lack %q:\n%s", want, got)
		}
	}
}
