package main

import (
	"strings"
	"testing"
)

// TestPlanBaseVarTheChangeDeclares: plan --base REV --var NAME=V where the
// change under review declares variable NAME diffs against the roadmap at
// REV without that --var, with a note, as --scenario does; it failed with
// "at REV has errors" (qa17 U12). A --var the working tree lacks too is
// still an error.
func TestPlanBaseVarTheChangeDeclares(t *testing.T) {
	files := roadmapFiles(t, "v1")
	r := newTestRepo(t)
	r.commit("v1", files)
	main := files["roadmap/roadmap.hcl"]
	withVar := strings.Replace(main, "capacity     = 6", "capacity     = var.platform_capacity", 1)
	if withVar == main {
		t.Fatal("the edit did not apply")
	}
	r.write(map[string]string{"roadmap/roadmap.hcl": withVar + `
variable "platform_capacity" {
  type    = number
  default = 6
}
`})
	t.Chdir(r.dir)

	res := runCLI(t, "plan", "--base", "HEAD", "--var", "platform_capacity=6", "--detailed-exitcode", "roadmap")
	res.wantExit(t, 0)
	want := "Note: variable \"platform_capacity\" is not declared at HEAD; the base is the roadmap there without --var platform_capacity.\n"
	if res.Stderr != want || res.Stdout != "No changes. The roadmap plan is up to date.\n" {
		t.Errorf("stdout %s\nstderr %s\nwant stderr %s", res.Stdout, res.Stderr, want)
	}
	res = runCLI(t, "plan", "--base", "HEAD", "--var", "platform_capacity=5", "--detailed-exitcode", "roadmap")
	res.wantExit(t, 2)
	if !strings.Contains(res.Stdout, "platform") {
		t.Errorf("less capacity changes nothing on the platform team:\n%s", res.Stdout)
	}
	res = runCLI(t, "plan", "--base", "HEAD", "--var", "platfrom_capacity=3", "roadmap")
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, `Did you mean "platform_capacity"?`) || strings.Contains(res.Stderr, "Note:") {
		t.Errorf("a misspelt --var: %s", res.Stderr)
	}
}
