package evaluate

import "testing"

// An option whose choice runs another option is dropped by the choice,
// also when something else (here its dependency ending in the last
// quarter) would have kept it out first: it was "deferred" at gate
// schedule, counted as waiting for room (review qa17 D13).
func TestOptionLostToItsChoiceIsDropped(t *testing.T) {
	const src = `
roadmap {
  start   = "2027-Q1"
  horizon = 4
}

goal "g" {
  weight = 1
}

project "a" {
  goals    = { g = 0.9 }
  duration = 1
}

project "x" {
  goals    = { g = 0.7 }
  duration = 4
}

project "b" {
  goals      = { g = 0.5 }
  duration   = 1
  depends_on = [project.x]
}

choice "c" {
  options = [project.a, project.b]
}
`
	for _, objective := range []string{"", "score"} {
		plan := choicePlan(t, src, Options{Objective: objective})
		b := projectOf(t, plan, "b")
		if b.Status != StatusDropped || b.Gate != GateChoice {
			t.Errorf("%q: b is %s at gate %s, want dropped at gate choice", objective, b.Status, b.Gate)
		}
		if plan.Totals.Deferred != 0 {
			t.Errorf("%q: %d deferred, want 0", objective, plan.Totals.Deferred)
		}
	}
}
