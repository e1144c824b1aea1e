package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A level too small for the mandatory project "nis2" plans a portfolio
// without it, whose NPV may look better: the table, Markdown and HTML
// mark that level "misses mandatory nis2", as the JSON's
// mandatory_missed lists it (qa17 U2).
func TestFrontierMarksLevelsMissingAMandatoryProject(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": `
roadmap {
  start    = "2027-Q1"
  horizon  = 4
  currency = "EUR"
}
goal "g" { weight = 1 }
budget "capex" { amount = 100000 }
project "nis2" {
  mandatory = true
  goals     = { g = 1 }
  duration  = 1
  funding   = budget.capex
  cost { one_time = 80000 }
}
project "shop" {
  goals    = { g = 1 }
  duration = 1
  funding  = budget.capex
  cost { one_time = 20000 }
  benefit { per_year = 50000 }
}
`})
	args := []string{"frontier", "--budget", "capex", "--from", "50000", "--to", "100000", "--steps", "1"}
	res := runCLI(t, append(append([]string{}, append(args, "--format", "json")...), dir)...)
	res.wantExit(t, 0)
	var f struct {
		Points []struct {
			Level           float64  `json:"level"`
			MandatoryMissed []string `json:"mandatory_missed"`
		} `json:"points"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &f); err != nil {
		t.Fatal(err)
	}
	missed := map[float64][]string{}
	for _, p := range f.Points {
		missed[p.Level] = p.MandatoryMissed
	}
	if diff := cmp.Diff(map[float64][]string{50000: {"nis2"}, 100000: {}}, missed); diff != "" {
		t.Errorf("mandatory_missed by level (-want +got):\n%s", diff)
	}
	for _, format := range []string{"table", "markdown", "html"} {
		res := runCLI(t, append(append([]string{}, append(args, "--format", format)...), dir)...)
		res.wantExit(t, 0)
		var marked []string
		for _, line := range strings.Split(res.Stdout, "\n") {
			if strings.Contains(line, "misses mandatory nis2") {
				marked = append(marked, line)
			}
		}
		// The row of 50,000 only, and the footnote explains the mark.
		text := strings.Join(strings.Fields(res.Stdout), " ")
		if len(marked) != 1 || !strings.Contains(marked[0], "50,000") || strings.Contains(marked[0], "100,000") || !strings.Contains(text, "policy.mandatory fails there") {
			t.Errorf("%s: lines marked %q in\n%s", format, marked, res.Stdout)
		}
	}
}
