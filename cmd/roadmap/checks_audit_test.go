package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Checks read the technology audit, the choices and the project fields
// of issue 15 (plan.systems, plan.choices, saving, forced, ...), as the
// JSON plan names them. Before, each was "Unsupported attribute".
func TestChecksReadTheAuditAndChoices(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, installedBaseDir, dir)
	writeFiles(t, dir, map[string]string{"checks.hcl": `check "no_gap" {
  condition     = length([for s in plan.systems : s.id if s.gap != "none"]) == 0
  error_message = "Out of support: ${join(", ", [for s in plan.systems : "${s.id} (${s.gap}, ${s.gap_periods})" if s.gap != "none"])}."
}

check "crm_bought" {
  condition     = plan.choices.crm.chosen == "buy_crm" && plan.choices.crm.decided_by == "strategy"
  error_message = "Choice crm takes ${coalesce(plan.choices.crm.chosen, "no option")} (${plan.choices.crm.decided_by})."
  severity      = "warning"
}

check "build_not_forced" {
  condition     = plan.projects.build_crm.forced == ""
  error_message = "build_crm is forced ${plan.projects.build_crm.forced}."
  severity      = "warning"
}
`})
	res := runCLI(t, "plan", "--format", "json", dir)
	res.wantExit(t, 1)
	want := "Error: check \"no_gap\" failed: Out of support: fax (no_replacement, 3).\n"
	if diff := cmp.Diff(want, res.Stderr); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}

	// Forcing the other option in flips the choice: both warnings fire.
	forced := runCLI(t, "plan", "--force-in", "build_crm", "--format", "json", dir)
	forced.wantExit(t, 1)
	for _, w := range []string{
		`Warning: check "crm_bought" failed: Choice crm takes build_crm (forced).`,
		`Warning: check "build_not_forced" failed: build_crm is forced in.`,
	} {
		if !strings.Contains(forced.Stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, forced.Stderr)
		}
	}

	// Without the system nothing replaces, the plan passes.
	src := readFile(t, filepath.Join(dir, "roadmap.hcl"))
	i := strings.Index(src, `system "fax"`)
	j := strings.Index(src, `project "erp_upgrade"`)
	if i < 0 || j < i {
		t.Fatal("installed-base no longer declares system fax before erp_upgrade")
	}
	if err := os.WriteFile(filepath.Join(dir, "roadmap.hcl"), []byte(src[:i]+src[j:]), 0o644); err != nil {
		t.Fatal(err)
	}
	runCLI(t, "plan", "--format", "json", dir).wantExit(t, 0)
}

// The console sees the same plan object.
func TestConsoleReadsTheAuditAndChoices(t *testing.T) {
	input := strings.Join([]string{
		"plan.systems.erp_legacy.gap",
		"plan.systems.fax.gap_periods",
		"plan.systems.erp_legacy.replacement",
		"plan.choices.crm.chosen",
		"plan.choices.crm.options",
		"plan.projects.erp_upgrade.saving", // 120,000 a year over benefit.years (5)
		"plan.projects.buy_crm.shared_saving",
		"plan.projects.build_crm.choice",
		"plan.projects.data_pilot.together",
		"plan.projects.buy_crm.replaces",
		"plan.projects.buy_crm.excluded",
		"plan.projects.buy_crm.forced",
	}, "\n")
	res := cliRun{Args: []string{"console", installedBaseDir}, Stdin: input}.run(t)
	res.wantExit(t, 0)
	want := strings.Join([]string{
		`"none"`, "3", `"erp_upgrade"`, `"buy_crm"`, `["build_crm", "buy_crm"]`,
		"600000", "0", `"crm"`, `["data_rollout"]`, `["crm_legacy"]`, "false", `""`,
	}, "\n") + "\n"
	if diff := cmp.Diff(want, res.Stdout); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
