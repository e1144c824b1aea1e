package main

import (
	"context"
	"regexp"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var ansiEscapes = regexp.MustCompile("\x1b\\[[0-9;]*m")

// TestPlanFlags: flags parse into planOptions.
func TestPlanFlags(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want planOptions
	}{
		{"defaults", nil, planOptions{dir: ".", seed: 1, timeLimit: 5 * time.Second}},
		{"everything", []string{"--format", "json", "--out", "p.json", "--var", "a=1,2", "--var", "b=x",
			"--var-file", "one.vars.hcl", "--var-file=two.vars.hcl", "--optimize", "--seed", "7", "--time-limit", "250ms", "roadmaps/it"},
			planOptions{dir: "roadmaps/it", format: "json", out: "p.json", vars: []string{"a=1,2", "b=x"},
				varFiles: []string{"one.vars.hcl", "two.vars.hcl"}, optimize: true, seed: 7, timeLimit: 250 * time.Millisecond}},
		{"compare", []string{"--compare", "old.json", "--detailed-exitcode", "--format=markdown"},
			planOptions{dir: ".", format: "markdown", compare: "old.json", detailedExitcode: true, seed: 1, timeLimit: 5 * time.Second}},
		{"base", []string{"--base", "main", "dir"},
			planOptions{dir: "dir", base: "main", seed: 1, timeLimit: 5 * time.Second}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got *planOptions
			cmd := planCommand(&globalOptions{}, &Streams{}, func(_ context.Context, o *planOptions) error {
				got = o
				return nil
			})
			cmd.SetArgs(c.args)
			if err := cmd.Execute(); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&c.want, got, cmp.AllowUnexported(planOptions{})); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPlanFlagErrors(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"format", []string{"plan", "--format", "pdf"}, `Error: unknown --format "pdf": use one of github, html, json, junit, markdown, mermaid, sarif, table` + "\n"},
		{"time limit", []string{"plan", "--time-limit", "0s"}, "Error: --time-limit must be positive, got 0s\n"},
		{"time limit syntax", []string{"plan", "--time-limit", "soon"}, `Error: invalid argument "soon" for "--time-limit" flag: time: invalid duration "soon"` + "\nRun 'roadmap plan --help' for usage.\n"},
		{"seed", []string{"plan", "--seed", "x"}, `Error: invalid argument "x" for "--seed" flag: strconv.ParseInt: parsing "x": invalid syntax` + "\nRun 'roadmap plan --help' for usage.\n"},
		{"detailed exit code alone", []string{"plan", "--detailed-exitcode"}, "Error: --detailed-exitcode needs --base or --compare\n"},
		{"base and compare", []string{"plan", "--base", "HEAD", "--compare", "p.json"}, "Error: if any flags in the group [base compare] are set none of the others can be; [base compare] were all set\n"},
		{"two dirs", []string{"plan", "a", "b"}, "Error: accepts at most 1 arg(s), received 2\n"},
		{"unknown flag", []string{"plan", "--ouput", "p.json"}, "Error: unknown flag: --ouput\nRun 'roadmap plan --help' for usage.\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := run(t, "", c.args...)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if diff := cmp.Diff(c.wantErr, stderr); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}
