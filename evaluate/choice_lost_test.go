package evaluate

import (
	"context"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

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

// An option ranked above the one its choice took, left out because it
// did not fit when tried first, stays deferred with that trial for its
// reason after rank order's second pass (review qa17 D11: it read
// "dropped: option "p3" chosen" and the choice called p3 the best-ranked
// option).
func TestSecondPassKeepsAChoiceLostForRoom(t *testing.T) {
	const src = `
roadmap {
  start   = "2027-Q1"
  horizon = 4
}

goal "g" {
  weight = 1
}

budget "capex" {
  amount = 80000
  per    = "year"
}

budget "opex" {
  kind   = "opex"
  amount = 10000
  per    = "period"
}

system "s1" {
  run_cost {
    per_year = 160000
  }
}

project "p1" {
  goals    = { g = 0.1 }
  duration = 1
  funding  = budget.capex
  cost {
    one_time = 50000
    per_year = 20000
  }
}

project "p3" {
  goals    = { g = 0.09 }
  duration = 1
  funding  = budget.opex
  replaces = [system.s1]
  cost {
    per_year = 40000
  }
  benefit {
    per_year = 100000
  }
}

project "p7" {
  goals      = { g = 0.45 }
  duration   = 2
  funding    = budget.opex
  replaces   = [system.s1]
  depends_on = [project.p1]
  cost {
    one_time = 20000
    per_year = 40000
  }
  benefit {
    per_year = 100000
  }
}

choice "c0" {
  options = [project.p7, project.p3]
}
`
	cfg, diags := hclspec.NewLoader().LoadSources("d11", map[string][]byte{"main.hcl": []byte(src)}, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	plan, diags := Evaluate(context.Background(), cfg, Options{})
	if plan == nil || diags.HasErrors() {
		t.Fatal(diags)
	}
	p7 := projectOf(t, plan, "p7")
	if p7.Status != StatusDeferred || !strings.Contains(strings.Join(p7.Reasons, "\n"), `tried before option "p3"`) {
		t.Errorf("p7 is %s with reasons %q; want deferred, tried before p3", p7.Status, p7.Reasons)
	}
	// The trial says why p7 did not fit when it was tried (before p3
	// took the choice), not the choice it lost afterwards.
	why := strings.Join(p7.Reasons, "\n")
	if !strings.Contains(why, `does not fit: budget "opex" has no room to date`) || strings.Contains(why, `option "p3" chosen`) {
		t.Errorf("p7's reasons %q; want the opex budget that had no room when it was tried", p7.Reasons)
	}
}

// An option ranked above the one its choice took, left out at its own
// turn for room (not tried early), keeps that reason after the second
// pass too (review qa17 D11, random r0109: it read "option "p0" chosen").
func TestSecondPassKeepsAChoiceLostAtItsTurn(t *testing.T) {
	const src = `
roadmap {
  start   = "2027-Q1"
  horizon = 4
}

goal "g" {
  weight = 1
}

budget "capex" {
  amount = 80000
  per    = "year"
}

budget "opex" {
  kind   = "opex"
  amount = 200000
  per    = "year"
}

system "s1" {
  run_cost {
    per_year = 100000
  }
}

project "big" {
  goals    = { g = 0.9 }
  duration = 1
  funding  = budget.capex
  cost {
    one_time = 75000
  }
  benefit {
    per_year = 200000
  }
}

project "p1" {
  goals    = { g = 0.5 }
  duration = 1
  funding  = budget.capex
  replaces = [system.s1]
  cost {
    one_time = 75000
  }
  benefit {
    per_year = 200000
  }
}

project "p0" {
  goals    = { g = 0.2 }
  duration = 1
  funding  = budget.opex
  replaces = [system.s1]
  cost {
    one_time = 20000
  }
  benefit {
    per_year = 100000
  }
}

choice "c0" {
  options = [project.p1, project.p0]
}
`
	cfg, diags := hclspec.NewLoader().LoadSources("d11", map[string][]byte{"main.hcl": []byte(src)}, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	plan, diags := Evaluate(context.Background(), cfg, Options{})
	if plan == nil || diags.HasErrors() {
		t.Fatal(diags)
	}
	p1 := projectOf(t, plan, "p1")
	why := strings.Join(p1.Reasons, "\n")
	if p1.Status != StatusDeferred || !strings.Contains(why, `budget "capex" has no room`) || strings.Contains(why, `option "p0" chosen`) {
		t.Errorf("p1 is %s with reasons %q; want deferred, for the capex budget it found full at its turn", p1.Status, p1.Reasons)
	}
}
