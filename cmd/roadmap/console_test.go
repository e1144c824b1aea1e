package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"
)

// TestConsolePipe: one expression per line, each value on its own line;
// an error is a diagnostic and the console goes on; exit 1 at the end
// when a line failed, 0 otherwise; "exit" stops early.
func TestConsolePipe(t *testing.T) {
	input := strings.Join([]string{
		"var.capex",
		"plan.projects.sso_rollout.status",
		"",
		"plan.totals.cost <= var.capex * 3",
		`[for p in plan.projects : p.id if p.status == "dropped"]`,
		"plan.projects.nope.npv",
		"1 +",
		"max(local.fte_quarter.apps, 1) / 2",
		"help",
		"exit",
		"var.never_reached",
	}, "\n")
	res := cliRun{Args: []string{"console", exampleDir}, Stdin: input}.run(t)
	res.wantExit(t, 1)
	assertGolden(t, "console/pipe.out", res.Stdout)
	assertGolden(t, "console/pipe.err", res.Stderr)

	ok := cliRun{Args: []string{"console", "--var", "capex=2000000", exampleDir}, Stdin: "var.capex\nplan.roadmap.currency\n"}.run(t)
	ok.wantExit(t, 0)
	if diff := cmp.Diff("2000000\n\"EUR\"\n", ok.Stdout); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// End of input without a newline, and with nothing at all.
	cliRun{Args: []string{"console", exampleDir}, Stdin: "1 + 1"}.run(t).wantExit(t, 0)
	cliRun{Args: []string{"console", exampleDir}}.run(t).wantExit(t, 0)
}

// TestConsoleBadRoadmap: a roadmap that does not load is reported and the
// console does not start.
func TestConsoleBadRoadmap(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": "roadmap {\n"})
	res := cliRun{Args: []string{"console", dir}, Stdin: "1\n"}.run(t)
	res.wantExit(t, 1)
	if res.Stdout != "" || !strings.Contains(res.Stderr, "Unclosed configuration block") {
		t.Errorf("stdout %q stderr %q", res.Stdout, res.Stderr)
	}
}

// TestConsoleCompletion: names complete from the scope, map keys and
// functions.
func TestConsoleCompletion(t *testing.T) {
	scope := map[string]cty.Value{
		"var": cty.ObjectVal(map[string]cty.Value{"capex": cty.NumberIntVal(1), "cap": cty.NumberIntVal(2)}),
		"plan": cty.ObjectVal(map[string]cty.Value{
			"projects": cty.MapVal(map[string]cty.Value{
				"sso":      cty.ObjectVal(map[string]cty.Value{"npv": cty.NumberIntVal(1), "status": cty.StringVal("x")}),
				"security": cty.ObjectVal(map[string]cty.Value{"npv": cty.NumberIntVal(1), "status": cty.StringVal("x")}),
			}),
		}),
	}
	funcs := []string{"max", "min", "npv"}
	cases := []struct {
		before string
		want   []string
		length int
	}{
		{"var.ca", []string{"p", "pex"}, 2},
		{"1 + plan.projects.s", []string{"ecurity", "so"}, 1},
		{"plan.projects.sso.", []string{"npv", "status"}, 0},
		{"m", []string{"ax", "in"}, 1},
		{"plan.nothing.", nil, 0},
	}
	for _, c := range cases {
		got, n := completeConsole(c.before, scope, funcs)
		var gotS []string
		for _, r := range got {
			gotS = append(gotS, string(r))
		}
		if diff := cmp.Diff(c.want, gotS); diff != "" || n != c.length {
			t.Errorf("%q: length %d (want %d) (-want +got):\n%s", c.before, n, c.length, diff)
		}
	}
}
