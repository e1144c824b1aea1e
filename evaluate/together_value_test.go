package evaluate

import (
	"fmt"
	"strings"
	"testing"
)

// A together group runs all or none, so the hurdle and the "destroys
// value" warning judge it as one investment (review qa18 Q18-11: a pilot
// with no benefit of its own was dropped by the hurdle and took its
// rollout, the best project, with it).
func TestTogetherGroupJudgedAsOneInvestment(t *testing.T) {
	const head = `
roadmap {
  start = "2027-Q1"
  %s
}

goal "g" {
  weight = 1
}

budget "capex" {
  amount = 1000000
}

project "pilot" {
  goals      = { g = 0.5 }
  together   = [project.rollout]
  duration   = 1
  cost {
    one_time = 30000
  }
}

project "rollout" {
  goals      = { g = 1 }
  depends_on = [project.pilot]
  duration   = 3
  cost {
    one_time = 180000
  }
  benefit {
    per_year = %s
    years    = 1
  }
}
`
	cases := []struct {
		name, hurdle, benefit string
		want                  string // status of both
		reason                string // in pilot's findings
	}{
		// 4 quarters of 75,000 after a build of 210,000: +90,000.
		{"group pays", "hurdle {\n    min_risk_adjusted_npv = 0\n  }", "300000", StatusScheduled, ""},
		// 150,000 - 210,000 = -60,000: both fail, saying so.
		{"group does not pay", "hurdle {\n    min_risk_adjusted_npv = 0\n  }", "150000", StatusDropped,
			`with its together group ("rollout"), risk-adjusted NPV of USD -60,000 is below the hurdle of USD 0`},
		// The pilot pays back only with the rollout: 210,000 out over
		// quarters 0..3, 75,000 a quarter in 4..7: paid back at 6.8.
		{"payback of the group", "hurdle {\n    max_payback = 7\n  }", "300000", StatusScheduled, ""},
		{"payback missed", "hurdle {\n    max_payback = 6\n  }", "300000", StatusDropped,
			`with its together group ("rollout"), pays back after 6.8 quarters, later than the hurdle of 6 quarters`},
		// No hurdle: no "destroys value" on a pilot whose group pays.
		{"no warning", "", "300000", StatusScheduled, ""},
		{"warning", "", "150000", StatusScheduled,
			`destroys value: with its together group ("rollout"), risk-adjusted NPV of USD -60,000 (USD -30,000 on its own)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			plan := choicePlan(t, fmt.Sprintf(head, c.hurdle, c.benefit), Options{})
			for _, id := range []string{"pilot", "rollout"} {
				if p := projectOf(t, plan, id); p.Status != c.want {
					t.Errorf("%s is %s (%v), want %s", id, p.Status, p.Reasons, c.want)
				}
			}
			var msgs []string
			for _, f := range projectOf(t, plan, "pilot").Findings {
				msgs = append(msgs, f.Message)
			}
			all := strings.Join(msgs, "\n")
			if c.reason != "" && !strings.Contains(all, c.reason) {
				t.Errorf("pilot's findings:\n%s\nwant %q", all, c.reason)
			}
			if c.reason == "" && strings.Contains(all, "value") {
				t.Errorf("pilot's findings name value:\n%s", all)
			}
		})
	}
}
