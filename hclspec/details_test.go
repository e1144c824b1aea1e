package hclspec

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDiagnosticDetails checks the parts of details users rely on: cycles
// named in full, "did you mean", where a duplicate was first declared, and
// what was expected.
func TestDiagnosticDetails(t *testing.T) {
	tests := []struct {
		dir, summary, detail string
	}{
		{"dependency_cycle", "Dependency cycle", "project.a -> project.c -> project.b -> project.a"},
		{"dependency_cycle", "Dependency cycle", "project.x -> project.y -> project.x"},
		{"local_cycle", "Cycle in local values", "local.a -> local.b -> local.c -> local.a"},
		{"local_cycle", "Reference to undeclared local value", `Did you mean "e"?`},
		{"unresolved_department", "Reference to undeclared department", `Did you mean "sales"?`},
		{"unresolved_department", "Reference to undeclared department", "Declared: finance, sales."},
		{"unresolved_project", "Reference to undeclared project", `Did you mean "sso"?`},
		{"unresolved_vendor", "Reference to undeclared evaluation", `Did you mean "crm"?`},
		{"unresolved_budget", "Reference to undeclared budget", `Did you mean "capex"?`},
		{"unresolved_candidates", "Reference to undeclared vendor", `Did you mean "acme_crm"?`},
		{"unknown_goal_key", "Unknown goal", `Did you mean "cut_costs"?`},
		{"unknown_team_key", "Unknown team", `Did you mean "platform"?`},
		{"undeclared_reference", "Reference to undeclared input variable", `Did you mean "capex"?`},
		{"duplicate_ids_across_files", `Duplicate goal "growth"`, filepath.Join("duplicate_ids_across_files", "a.hcl") + ":6,1-14"},
		{"bad_period_key", "Invalid period label", "outside the roadmap's horizon, which runs from 2027-Q1 to 2028-Q4"},
		{"unknown_words", "Unknown period unit", `Did you mean "quarter"?`},
		{"roadmap_values", "Value out of range", "write 8% as 0.08"},
		{"bad_durations", "Invalid duration", `"9 fortnights": unknown unit "fortnights"`},
		{"var_validation", "Invalid value for variable", "The capex budget must exceed 1000."},
		{"bad_var_value", "Value for undeclared variable", `Did you mean "capex"?`},
		{"wrong_reference_kind", "Invalid reference", "Write budget.capex without quotes."},
		{"missing_variable", "No value for required variable", "ROADMAP_VAR_capex"},
		{"bad_ranges", "Invalid operand", "pert(100, 200, 300) is a ranged estimate, not a number"},
		{"bad_ranges", "Invalid range", "in quarters, likely (1) is below low (2)"},
		{"bad_ranges", "Invalid function argument", `Invalid value for "likely" parameter: likely (4) is above high (3).`},
		{"system_problems", "System replaced by two projects", "the optimiser's npv and risk_adjusted_npv objectives count its run cost as a saving once, credited to that project"},
		{"portfolio_constraints", "Project needs two options of one choice", `it needs both "build_crm" and "buy_crm" (through depends_on and together), but they are options of choice "crm"`},
		{"portfolio_constraints", "Project in two choices", `Project "buy_crm" is already an option of choice "crm" (` + filepath.Join("testdata", "invalid", "portfolio_constraints", "main.hcl") + ":47,33-48)"},
		{"portfolio_constraints", "Excluded project takes its together group out", "the projects that run together with it are out too: pilot."},
		{"portfolio_constraints", "Reference to undeclared project", `Did you mean "portal"?`},
		{"run_cost_overflow", "Run cost out of range", "The run costs a year of systems a, b add up past the largest number roadmap can hold (about 1.8e308)."},
		{"run_cost_overflow", "Run cost out of range", `System "c"'s run cost of 1e+308 a year is the saving of project "p", which replaces it, for its 5 years of benefit (benefit.years)`},
		{"run_cost_overflow", "Run cost out of range", `Project "q" replaces systems d, e: their run costs a year, its saving, over its 2 years of benefit (benefit.years) add up past`},
		{"mandatory_options", "Mandatory projects need two options of one choice", `"build_crm" is mandatory (` + filepath.Join("testdata", "invalid", "mandatory_options", "main.hcl") + `:8,15-19) and "buy_crm" is mandatory (`},
		{"mandatory_options", "Mandatory projects need two options of one choice", `"finance" is mandatory (` + filepath.Join("testdata", "invalid", "mandatory_options", "main.hcl") + `:26,16-20) and needs "build_erp" and "payroll" is mandatory (`},
		{"decided_options", "Two options of one choice must run", `"a" is in progress (` + filepath.Join("testdata", "invalid", "decided_options", "main.hcl") + `:11,14-27) and "b" is committed (`},
		{"decided_options", "Two options of one choice must run", `"d" is done (` + filepath.Join("testdata", "invalid", "decided_options", "main.hcl") + `:34,14-20) and "e" is mandatory (`},
		{"decided_options", "Mandatory project is excluded", `Project "m" is mandatory (`},
		{"decided_options", "Mandatory project needs an excluded project", `cannot run without "z" (through depends_on and together), which is excluded here`},
		{"whole_number_range", "Value out of range", `"max_parallel" must be at most 1,000,000,000 projects; got 1e+12.`},
		{"bad_ranges", "Negative effort", "uniform(-1, 2) for \"effort.platform\" goes down to -1"},
	}
	loaded := map[string]string{}
	for _, tt := range tests {
		got, ok := loaded[tt.dir]
		if !ok {
			dir := filepath.Join("testdata", "invalid", tt.dir)
			_, diags := NewLoader().LoadDir(dir, caseOptions(t, dir))
			var b strings.Builder
			for _, d := range diags {
				b.WriteString(d.Summary + ": " + d.Detail + "\n")
			}
			got = b.String()
			loaded[tt.dir] = got
		}
		found := false
		for _, line := range strings.Split(got, "\n") {
			if strings.HasPrefix(line, tt.summary+": ") && strings.Contains(line, tt.detail) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no %q diagnostic mentioning %q; got:\n%s", tt.dir, tt.summary, tt.detail, got)
		}
	}
}
