package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// systemsDiffDir copies testdata/plandiff/systems-v1 and systems-v2 into
// a temporary directory as v1 and v2, saves v1's plan there as base.json
// and changes into it, so the diff names its sides "base.json" and "v2".
func systemsDiffDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, v := range []string{"v1", "v2"} {
		if err := os.Mkdir(filepath.Join(dir, v), 0o755); err != nil {
			t.Fatal(err)
		}
		copyDir(t, filepath.Join("testdata", "plandiff", "systems-"+v), filepath.Join(dir, v))
	}
	t.Chdir(dir)
	runCLI(t, "plan", "v1", "--out", "base.json").wantExit(t, 0)
	return dir
}

// The plan diff shows the technology audit and the choices: v2 shortens
// the ERP's support (a gap opens though no project moves), flips choice
// crm from buy to build (its system's replacement and go-live move) and
// adds a system nothing replaces.
func TestPlanDiffSystemsAndChoices(t *testing.T) {
	golden := map[string]string{}
	for _, f := range []string{"table", "markdown", "json"} {
		golden[f] = planDiffGolden(t, "systems."+f)
	}
	for _, f := range []string{"systems", "choices"} {
		golden["csv "+f] = planDiffGolden(t, "systems."+f+".csv")
	}
	systemsDiffDir(t)
	for name, path := range golden {
		t.Run(name, func(t *testing.T) {
			format, table, _ := strings.Cut(name, " ")
			args := []string{"plan", "v2", "--compare", "base.json", "--format", format, "--detailed-exitcode"}
			if table != "" {
				args = append(args, "--table", table)
			}
			res := runCLI(t, args...)
			res.wantExit(t, 2)
			assertGolden(t, path, res.Stdout)
		})
	}
}

// A change to a system alone (its end of support two quarters earlier)
// is a change of the plan: exit 2 with --detailed-exitcode, and the
// summary line says a gap opens. Before the audit was part of the diff,
// it read "No changes" and exited 0.
func TestPlanDiffEndOfSupportAloneIsAChange(t *testing.T) {
	dir := systemsDiffDir(t)
	src, err := os.ReadFile(filepath.Join(dir, "v1", "roadmap.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	moved := strings.Replace(string(src), `end_of_support = "2027-Q3"`, `end_of_support = "2027-Q1"`, 1)
	if moved == string(src) {
		t.Fatal("systems-v1 no longer has the end of support this test moves")
	}
	writeFiles(t, dir, map[string]string{"eos/roadmap.hcl": moved})

	res := runCLI(t, "plan", "eos", "--compare", "base.json", "--detailed-exitcode")
	res.wantExit(t, 2)
	want := "Plan: 0 to schedule, 0 to defer, 0 to reschedule, 0 dropped. 1 system gains a support gap. No project changes; systems changed.\n"
	if !strings.HasSuffix(res.Stdout, want) {
		t.Errorf("stdout ends:\n%s\nwant:\n%s", lastLine(res.Stdout), want)
	}
	if !strings.Contains(res.Stdout, "end of support:    2027-Q3 → 2027-Q1") {
		t.Errorf("the end of support change is not shown:\n%s", res.Stdout)
	}

	// The same roadmap against its own plan: no change, exit 0.
	runCLI(t, "plan", "v1", "--compare", "base.json", "--detailed-exitcode").wantExit(t, 0)
}

func lastLine(s string) string {
	s = strings.TrimSuffix(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:] + "\n"
}
