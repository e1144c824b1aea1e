package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestShortfallNamesTheProjectAheadThatTakesPartOfTheMoney: "b" costs
// 100,000 and the budget has no room; with 100,000 more "a", deferred and
// ranked ahead, takes 50,000 of it first, so b's fix asks 150,000 (the
// amount 250,000) and says
// why (qa17 U7).
func TestShortfallNamesTheProjectAheadThatTakesPartOfTheMoney(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": `
roadmap {
  start    = "2027-Q1"
  horizon  = 4
  currency = "EUR"
}
goal "g" { weight = 1 }
budget "capex" { amount = 100000 }
project "big" {
  goals    = { g = 1 }
  duration = 1
  funding  = budget.capex
  cost { one_time = 100000 }
  benefit { per_year = 900000 }
}
project "a" {
  goals    = { g = 1 }
  duration = 1
  funding  = budget.capex
  cost { one_time = 50000 }
  benefit { per_year = 400000 }
}
project "b" {
  goals    = { g = 1 }
  duration = 1
  funding  = budget.capex
  cost { one_time = 100000 }
  benefit { per_year = 200000 }
}
`})
	res := runCLI(t, "plan", "--shortfall", "--format", "json", dir)
	res.wantExit(t, 0)
	var plan struct {
		Projects []struct {
			ID        string `json:"id"`
			Rank      int    `json:"rank"`
			Shortfall *struct {
				Fixes []struct {
					Message string `json:"message"`
				} `json:"fixes"`
			} `json:"shortfall"`
		} `json:"projects"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &plan); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range plan.Projects {
		if p.Shortfall != nil {
			var msgs []string
			for _, f := range p.Shortfall.Fixes {
				msgs = append(msgs, f.Message)
			}
			got[p.ID] = strings.Join(msgs, " | ")
		}
	}
	if !strings.Contains(got["b"], `fits if budget "capex" amount is raised from EUR 100,000 to EUR 250,000 a year (2027 lacks EUR 150,000), starting 2027-Q1 (part of it goes to "a", which ranks ahead and then fits too)`) ||
		strings.Contains(got["a"], "part of it") {
		t.Errorf("shortfall messages: %q", got)
	}
}
