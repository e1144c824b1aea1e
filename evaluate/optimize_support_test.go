package evaluate

import "testing"

// The policy replace_before_end_of_support is a tier of the optimiser
// (systems kept in support, below mandatory and forced-in projects), not
// a deadline on the project rank order happened to replace a system with
// (review qa15e E10, found by brute force). Two replacers of one system:
// the optimiser may let the other keep it. A forced-in project ranks
// above the system's support, so the optimiser trades the support for it.
func TestOptimiserKeepsSystemsNotProjects(t *testing.T) {
	const header = `roadmap {
  start   = "2027-Q1"
  horizon = 5
  policy {
    replace_before_end_of_support = true
  }
}
goal "g" { weight = 1 }
team "t" { capacity = 1 }
system "s0" {
  end_of_support = "2027-Q3"
  run_cost {
    per_year = 10000
  }
}
`
	for _, tt := range []struct {
		name, src string
		forceIn   []string
		want      map[string]string // project -> start, "" when out
		gaps      int               // systems with a gap
	}{
		// s1 is supported through 2027-Q1: only p2 in 2027-Q1 keeps it;
		// then p0 (not p1, which rank order put live in time) keeps s0,
		// and mandatory p1 still runs, last.
		{"another replacer keeps the system", header + `
system "s1" {
  end_of_support = "2027-Q1"
  run_cost {
    per_year = 10000
  }
}
project "p0" {
  goals    = { g = 0.58 }
  duration = 2
  effort   = { t = 1 }
  replaces = [system.s0]
}
project "p1" {
  goals     = { g = 0.6 }
  duration  = 2
  effort    = { t = 1 }
  mandatory = true
  replaces  = [system.s0]
}
project "p2" {
  goals    = { g = 0.47 }
  duration = 1
  effort   = { t = 1 }
  replaces = [system.s1]
}
`, nil, map[string]string{"p2": "2027-Q1", "p0": "2027-Q2", "p1": "2027-Q4"}, 0},
		// Both forced-in projects run (p1 after p0) although mandatory p2
		// then replaces s0 after its support ends.
		{"forced-in projects above a system's support", header + `
system "s1" {
  end_of_support = "2027-Q3"
  run_cost {
    per_year = 10000
  }
}
project "p0" {
  goals    = { g = 0.68 }
  duration = 2
  effort   = { t = 1 }
}
project "p1" {
  goals      = { g = 0.21 }
  duration   = 2
  effort     = { t = 0 }
  depends_on = [project.p0]
  replaces   = [system.s1]
}
project "p2" {
  goals     = { g = 0.16 }
  duration  = 3
  effort    = { t = 1 }
  mandatory = true
  replaces  = [system.s0]
}
project "p3" {
  goals    = { g = 0.54 }
  duration = 2
  effort   = { t = 0 }
  replaces = [system.s1]
}
`, []string{"p0", "p1"}, map[string]string{"p0": "2027-Q1", "p1": "2027-Q3", "p2": "2027-Q3", "p3": "2027-Q1"}, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			plan := evaluateWith(t, loadSource(t, tt.src), Options{Objective: "score", Seed: 1, ForceIn: tt.forceIn})
			for id, want := range tt.want {
				p := projectOf(t, plan, id)
				got := ""
				if p.Start != nil {
					got = *p.Start
				}
				if got != want {
					t.Errorf("%s starts %q, want %q (%s)", id, got, want, p.Status)
				}
			}
			gaps := 0
			for _, s := range plan.Systems {
				if s.Gap != GapNone {
					gaps++
				}
			}
			if gaps != tt.gaps {
				t.Errorf("%d systems with a gap, want %d", gaps, tt.gaps)
			}
		})
	}
}
