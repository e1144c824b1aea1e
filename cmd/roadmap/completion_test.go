package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/report"
)

// completions runs the shell completion of args and returns the
// candidates.
func completions(t *testing.T, args ...string) []string {
	t.Helper()
	res := runCLI(t, append([]string{cobra.ShellCompRequestCmd}, args...)...)
	res.wantExit(t, 0)
	lines := strings.Split(strings.TrimSpace(res.Stdout), "\n")
	return lines[:len(lines)-1] // the last line is the directive
}

func TestFlagValueCompletion(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"validate", "--format", ""}, []string{"github", "junit", "sarif"}},
		{[]string{"graph", "--format", ""}, []string{"dot", "mermaid"}},
		{[]string{"plan", exampleDir, "--team", ""}, []string{"apps", "platform", "workplace"}},
		{[]string{"plan", exampleDir, "--department", ""}, []string{"finance", "hr", "operations", "sales"}},
		{[]string{"show", "plan.json", "--goal", ""}, []string{}}, // no roadmap here
		{[]string{"plan", exampleDir, "--scenario", ""}, []string{
			"budget_cut\tFinance cuts capex by 30%", "two_hires\tTwo engineers hired into apps from 2027-Q1", "vendor_price_rise\tEvery vendor raises its prices by 15%"}},
		{[]string{"compare", exampleDir, "--table", ""}, report.ComparisonTables()},
		{[]string{"plan", exampleDir, "--objective", ""}, hclspec.Objectives()},
		{[]string{"simulate", exampleDir, "--table", ""}, report.SimulationTables()},
		{[]string{"--chdir", exampleDir, "plan", "--goal", ""}, []string{"cut_costs", "grow_online_sales", "modernise_core", "productive_staff", "secure_operations"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			if diff := cmp.Diff(tt.want, completions(t, tt.args...)); diff != "" {
				t.Errorf("completions (-want +got):\n%s", diff)
			}
		})
	}
	got := completions(t, "plan", "--format", "")
	for _, want := range []string{"table", "json", "markdown", "sarif", "csv"} {
		if !strings.Contains(strings.Join(got, " "), want) {
			t.Errorf("plan --format completes %q, without %q", got, want)
		}
	}
}

func TestBaseCompletesGitRefs(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	for _, args := range [][]string{
		{"init", "-q", "-b", "main"},
		{"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "one"},
		{"branch", "feature"},
		{"tag", "v1.0.0"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	got := completions(t, "plan", filepath.Join(repo, "."), "--base", "")
	if diff := cmp.Diff([]string{"HEAD", "feature", "main", "v1.0.0"}, got); diff != "" {
		t.Errorf("--base completions (-want +got):\n%s", diff)
	}
}

// TestChoiceFlagsComplete: every flag whose value is one of a known set
// (a format, a table, a block id, a git ref) completes it, in every
// command, including the ones added later.
func TestChoiceFlagsComplete(t *testing.T) {
	choice := map[string]bool{
		"format": true, "table": true, "base": true, "department": true, "goal": true,
		"team": true, "scenario": true, "objective": true, "force-in": true, "force-out": true,
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if !choice[f.Name] {
				return
			}
			if _, ok := c.GetFlagCompletionFunc(f.Name); !ok {
				t.Errorf("%s --%s has no value completion: register one (cmd/roadmap/completion.go)", c.CommandPath(), f.Name)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(docsRoot())
}
