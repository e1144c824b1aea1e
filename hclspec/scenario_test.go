package hclspec

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

const scenarioRoadmap = `
roadmap {
  start = "2027-01"
}

variable "capex" {
  type    = number
  default = 1000
}

variable "hires" {
  type    = map(number)
  default = { apps = 0, platform = 0 }
}

variable "label" {
  type = string
}

scenario "cut" {
  description = "A third less"
  variables = {
    capex = var.capex * 2 / 3
  }
}

scenario "flat" {
  variables = {
    capex = 500
    hires = merge(var.hires, { apps = 2 })
    label = "flat"
  }
}
`

// TestScenarioValues: a scenario's values override every other source;
// an expression of var.x builds on the value the variable has without
// the scenario (default, environment, files, --var).
func TestScenarioValues(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.hcl"), scenarioRoadmap)
	writeFile(t, filepath.Join(dir, "big.vars.hcl"), "capex = 3000\n")
	tests := []struct {
		name      string
		opts      LoadOptions
		wantCapex int64
		wantText  string // the scenario's capex as an HCL literal
		wantWarn  string // a warning summary, or ""
	}{
		{"default", LoadOptions{Scenario: "cut", Vars: []string{"label=x"}}, 667, "666.6666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666667", ""},
		{"var file", LoadOptions{Scenario: "cut", Vars: []string{"label=x"}, VarFiles: []string{filepath.Join(dir, "big.vars.hcl")}}, 2000, "2000", ""},
		{"env", LoadOptions{Scenario: "cut", Vars: []string{"label=x"}, Env: []string{"ROADMAP_VAR_capex=600"}}, 400, "400", ""},
		{"--var", LoadOptions{Scenario: "cut", Vars: []string{"label=x", "capex=300"}}, 200, "200", ""},
		{"constant over --var", LoadOptions{Scenario: "flat", Vars: []string{"capex=300"}}, 500, "500", "Value replaced by the scenario"},
		{"no scenario", LoadOptions{Vars: []string{"label=x", "capex=300"}}, 300, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, diags := NewLoader().LoadDir(dir, tc.opts)
			if diags.HasErrors() {
				t.Fatalf("load: %s", diags.Error())
			}
			var warns []string
			for _, d := range diags {
				warns = append(warns, d.Summary)
			}
			if tc.wantWarn == "" && len(warns) > 0 || tc.wantWarn != "" && (len(warns) != 1 || warns[0] != tc.wantWarn) {
				t.Errorf("warnings %q, want %q", warns, tc.wantWarn)
			}
			capex, _ := cfg.VariableValues["capex"].AsBigFloat().Float64()
			if got := int64(capex + 0.5); got != tc.wantCapex {
				t.Errorf("var.capex = %v, want %d", capex, tc.wantCapex)
			}
			if tc.opts.Scenario == "" {
				if cfg.Scenario != nil {
					t.Errorf("Scenario = %q, want none", cfg.Scenario.ID)
				}
				return
			}
			if cfg.Scenario == nil || cfg.Scenario.ID != tc.opts.Scenario {
				t.Fatalf("Scenario = %v, want %q", cfg.Scenario, tc.opts.Scenario)
			}
			if got := cfg.Scenario.Variables[0].Text; got != tc.wantText {
				t.Errorf("capex text %q, want %q", got, tc.wantText)
			}
		})
	}
}

// TestScenarioProvidesRequired: a required variable the scenario sets
// needs no other value; every scenario's values are worked out on every
// load, in source order.
func TestScenarioProvidesRequired(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.hcl"), scenarioRoadmap)
	cfg, diags := NewLoader().LoadDir(dir, LoadOptions{Scenario: "flat"})
	if diags.HasErrors() {
		t.Fatalf("load: %s", diags.Error())
	}
	if got := cfg.VariableValues["label"]; !got.RawEquals(cty.StringVal("flat")) {
		t.Errorf("var.label = %#v", got)
	}
	hires := cfg.VariableValues["hires"]
	if want := cty.MapVal(map[string]cty.Value{"apps": cty.NumberIntVal(2), "platform": cty.NumberIntVal(0)}); !hires.Equals(want).True() {
		t.Errorf("var.hires = %#v", hires)
	}
	var got [][2]string
	for _, sc := range cfg.Scenarios {
		for _, sv := range sc.Variables {
			got = append(got, [2]string{sc.ID + "." + sv.Name, sv.Text})
		}
	}
	// "cut" is read against var.capex's default; label is missing there,
	// which the unselected scenario does not mind.
	want := [][2]string{
		{"cut.capex", cfg.Scenarios[0].Variables[0].Text},
		{"flat.capex", "500"},
		{"flat.hires", "{\n  apps     = 2\n  platform = 0\n}"},
		{"flat.label", `"flat"`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("scenario values (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(want[0][1], "666.666") {
		t.Errorf("cut.capex = %s, want 666.666...", want[0][1])
	}

	// Without the scenario the required variable is missing again.
	_, diags = NewLoader().LoadDir(dir, LoadOptions{})
	if !diags.HasErrors() || diags[0].Summary != "No value for required variable" {
		t.Errorf("without a scenario: %v", diags)
	}
}

// TestUnknownScenario: the error lists the scenarios, suggests the
// nearest and is recognisable (plan --base falls back on it).
func TestUnknownScenario(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.hcl"), scenarioRoadmap)
	for _, tc := range []struct{ name, detail string }{
		{"cutt", `No scenario block is named "cutt". Did you mean "cut"? Scenarios: cut, flat.`},
		{"base", `"base" is the roadmap without a scenario: leave out --scenario.`},
	} {
		_, diags := NewLoader().LoadDir(dir, LoadOptions{Scenario: tc.name, Vars: []string{"label=x"}})
		var found *hcl.Diagnostic
		for _, d := range diags {
			if IsUnknownScenario(d) {
				found = d
			}
		}
		if found == nil || found.Detail != tc.detail || found.Severity != hcl.DiagError {
			t.Errorf("%s: %v", tc.name, diags)
		}
	}
}
