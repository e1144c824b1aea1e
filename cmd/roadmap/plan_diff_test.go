package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// The plan diff tests build real git repositories from the roadmaps under
// testdata/plandiff: v1, and v2 which changes one thing of each kind a diff
// reports (a project added, one removed, one re-prioritised, one delayed by
// its dependency, one deferred by a capacity cut, one dropped by a new
// opposition, a vendor evaluation whose winner flips, a check that starts
// failing); broken has errors and a warning.

// roadmapFiles returns testdata/plandiff/version's files as repository
// paths under roadmap/.
func roadmapFiles(t *testing.T, version string) map[string]string {
	t.Helper()
	dir := filepath.Join("testdata", "plandiff", version)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files["roadmap/"+e.Name()] = string(data)
	}
	return files
}

// replaceRoadmap turns the working tree's roadmap/ into version.
func (r *testRepo) replaceRoadmap(files map[string]string) {
	r.t.Helper()
	if err := os.RemoveAll(filepath.Join(r.dir, "roadmap")); err != nil {
		r.t.Fatal(err)
	}
	r.write(files)
}

// planDiffGolden is where the plan diff goldens live, as an absolute path:
// the tests change into their repository.
func planDiffGolden(t *testing.T, name string) string {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("testdata", "plandiff", "golden", name))
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// v1v2Repo commits v1 then v2 and changes into the repository: HEAD~1 is
// v1, HEAD and the working tree are v2.
func v1v2Repo(t *testing.T) *testRepo {
	t.Helper()
	v1, v2 := roadmapFiles(t, "v1"), roadmapFiles(t, "v2")
	r := newTestRepo(t)
	r.commit("v1", v1)
	r.replaceRoadmap(v2)
	r.git("add", "-A")
	r.git("commit", "-q", "-m", "v2")
	t.Chdir(r.dir)
	return r
}

func TestPlanBaseGolden(t *testing.T) {
	golden := map[string]string{}
	for _, f := range []string{"table", "markdown", "json", "github", "sarif", "junit"} {
		golden[f] = planDiffGolden(t, "base."+f)
	}
	v1v2Repo(t)
	for format, path := range golden {
		t.Run(format, func(t *testing.T) {
			res := runCLI(t, "plan", "--base", "HEAD~1", "--format", format, "--detailed-exitcode", "roadmap")
			// v2 fails the error check crm_live_2027: 1 wins over 2.
			res.wantExit(t, 1)
			assertGolden(t, path, res.Stdout)
			want := "Error: check \"crm_live_2027\" failed: Sales needs the new CRM live by the end of 2027.\n" +
				"Warning: check \"policy.deadlines\" failed: \"wiki\" misses its deadline 2027-Q1: deferred, " +
				"team \"platform\" has no room for 2 FTE in 2027-Q1 (held by \"sso\" and \"backups\")\n"
			if res.Stderr != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", res.Stderr, want)
			}
		})
	}
}

// The diff names the real cause of a change, from the plans' schedule
// notes and the inputs they echo: "portal" leaves the schedule because the
// capex budget was cut (not because of the team, as busy as before);
// "reports" starts later because "urgent" was added ahead of it.
func TestPlanBaseNamesTheCause(t *testing.T) {
	golden := map[string]string{}
	for _, f := range []string{"table", "markdown", "json"} {
		golden[f] = planDiffGolden(t, "cause."+f)
	}
	r := newTestRepo(t)
	r.commit("v1", roadmapFiles(t, "cause-v1"))
	r.replaceRoadmap(roadmapFiles(t, "cause-v2"))
	r.git("add", "-A")
	r.git("commit", "-q", "-m", "v2")
	t.Chdir(r.dir)
	for format, path := range golden {
		t.Run(format, func(t *testing.T) {
			res := runCLI(t, "plan", "--base", "HEAD~1", "--format", format, "--detailed-exitcode", "roadmap")
			res.wantExit(t, 2)
			assertGolden(t, path, res.Stdout)
		})
	}
	res := runCLI(t, "plan", "--base", "HEAD~1", "roadmap")
	for _, want := range []string{
		`        cause:             budget "capex" was cut from EUR 500,000 to EUR 300,000 a year: no room in 2027; "urgent" (added) now spends there` + "\n",
		`        cause:             team "apps" has no room for 2 FTE in 2027-Q1: "urgent" (added) now holds it` + "\n",
	} {
		if !strings.Contains(res.Stdout, want) {
			t.Errorf("the diff lacks %q:\n%s", want, res.Stdout)
		}
	}
	if strings.Contains(res.Stdout, `cause:             team "platform"`) {
		t.Errorf("the diff blames the platform team, as busy as before:\n%s", res.Stdout)
	}
}

func TestPlanBaseTextCoversEveryChange(t *testing.T) {
	v1v2Repo(t)
	res := runCLI(t, "plan", "--base", "HEAD~1", "roadmap")
	res.wantExit(t, 1)
	for _, want := range []string{
		"  + mobile_app \"Field service app\" (added)\n",
		"  - fax_gateway \"Fax gateway refresh\" (removed; was scheduled, rank 7, 2027-Q1)\n",
		"  ~ erp_upgrade \"Upgrade the ERP\"\n        rank:              5 → 2\n",
		"  ~ crm_migration \"Move sales to a hosted CRM\"\n        start:             2027-Q3 → 2027-Q4\n",
		"        cause:             starts after sso, which now ends 2027-Q3 instead of 2027-Q2\n",
		"        cause:             team \"platform\" was cut from 6 to 3 FTE: no room for 2 FTE in 2027-Q1\n",
		"  - wiki \"Company wiki\"\n        status:            scheduled → deferred\n",
		"  - self_service \"Self-service portal\"\n        status:            scheduled → dropped\n        gate:              (none) → departments\n",
		"  ~ crm: acme_crm → other_crm\n",
		"  - crm_live_2027 (error): passing → failing: Sales needs the new CRM live by the end of 2027.\n",
		"Plan: 1 to schedule, 1 to defer, 2 to reschedule, 1 dropped, 1 removed, 1 changed. 2 checks start failing.\n",
	} {
		if !strings.Contains(res.Stdout, want) {
			t.Errorf("the diff lacks %q", want)
		}
	}
}

func TestPlanBaseWithoutCommits(t *testing.T) {
	r := newTestRepo(t)
	r.write(roadmapFiles(t, "v1"))
	t.Chdir(r.dir)
	res := runCLI(t, "plan", "--base", "HEAD", "roadmap")
	res.wantExit(t, 1)
	want := "Error: unknown revision \"HEAD\": the repository has no commits yet\n"
	if res.Stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", res.Stderr, want)
	}
}

func TestPlanBaseExitCodes(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		edit     bool // change backups' cost in the working tree
		want     int
		stdout   string // exact, when not ""
		contains string
	}{
		{"no change", []string{"--base", "HEAD", "--detailed-exitcode"}, false, 0,
			"No changes. The roadmap plan is up to date.\n", ""},
		{"no change, markdown", []string{"--base", "HEAD", "--detailed-exitcode", "--format", "markdown"}, false, 0,
			"**No changes. The roadmap plan is up to date.**\n\nRoadmap \"Diff demo\": `HEAD` → `working tree`.\n\n<!-- roadmap-plan-diff -->\n", ""},
		{"changes", []string{"--base", "HEAD", "--detailed-exitcode"}, true, 2, "",
			"Plan: 0 to schedule, 0 to defer, 0 to reschedule, 0 dropped, 1 changed.\n"},
		{"changes without --detailed-exitcode", []string{"--base", "HEAD"}, true, 0, "",
			"        cost:              70,000 → 100,000 (+30,000)\n"},
		{"changes as JSON", []string{"--base", "HEAD", "--detailed-exitcode", "--format", "json"}, true, 2, "",
			`"changed": true`},
		// "text" is the diff's name for the table format; the error message offers it.
		{"changes as text", []string{"--base", "HEAD", "--format", "text"}, true, 0, "",
			"        cost:              70,000 → 100,000 (+30,000)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newTestRepo(t)
			r.commit("v1", roadmapFiles(t, "v1"))
			if tt.edit {
				path := filepath.Join(r.dir, "roadmap", "projects.hcl")
				data := gitTestReadFile(t, path)
				edited := strings.Replace(data, "one_time = 40000", "one_time = 70000", 1)
				if edited == data {
					t.Fatal("the edit did not apply")
				}
				r.write(map[string]string{"roadmap/projects.hcl": edited})
			}
			t.Chdir(r.dir)
			res := runCLI(t, append([]string{"plan"}, append(tt.args, "roadmap")...)...)
			res.wantExit(t, tt.want)
			if tt.stdout != "" && res.Stdout != tt.stdout {
				t.Errorf("stdout:\n%s\nwant:\n%s", res.Stdout, tt.stdout)
			}
			if !strings.Contains(res.Stdout, tt.contains) {
				t.Errorf("stdout lacks %q:\n%s", tt.contains, res.Stdout)
			}
			if res.Stderr != "" {
				t.Errorf("stderr: %s", res.Stderr)
			}
		})
	}
}

func TestPlanBaseErrors(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(t *testing.T, r *testRepo)
		args   []string
		stderr string
	}{
		{
			name:   "unknown revision",
			args:   []string{"--base", "no-such-branch", "roadmap"},
			stderr: "Error: unknown revision \"no-such-branch\": git cannot find a commit by that name\n",
		},
		{
			name:   "revision that looks like an option",
			args:   []string{"--base=--output=x", "roadmap"},
			stderr: "Error: invalid revision \"--output=x\": a revision cannot start with \"-\"\n",
		},
		{
			name:   "base and compare together",
			args:   []string{"--base", "HEAD", "--compare", "plan.json", "roadmap"},
			stderr: "Error: if any flags in the group [base compare] are set none of the others can be; [base compare] were all set\n",
		},
		{
			name:   "a format a diff does not have",
			args:   []string{"--base", "HEAD", "--format", "html", "roadmap"},
			stderr: "Error: unknown format \"html\" for a plan diff: use one of csv, json, markdown, table, text, xlsx, github, junit, sarif\n",
		},
		{
			// Refused before anything is loaded or evaluated.
			name:   "a format a diff does not have, before loading",
			args:   []string{"--compare", "plan.json", "--format", "mermaid", "no-such-dir"},
			stderr: "Error: unknown format \"mermaid\" for a plan diff: use one of csv, json, markdown, table, text, xlsx, github, junit, sarif\n",
		},
		{
			name: "compare with a file that is not a plan",
			setup: func(t *testing.T, r *testRepo) {
				r.write(map[string]string{"diag.json": `{"format_version": "1", "diagnostics": []}`})
			},
			args:   []string{"--compare", "diag.json", "roadmap"},
			stderr: "Error: diag.json is not a roadmap plan: it has no \"roadmap\"\n",
		},
		{
			name: "compare with another format version",
			setup: func(t *testing.T, r *testRepo) {
				r.write(map[string]string{"old.json": `{"format_version": "0", "roadmap": {}, "projects": [], "periods": [], "totals": {}}`})
			},
			args:   []string{"--compare", "old.json", "roadmap"},
			stderr: "Error: old.json: unsupported plan format_version \"0\": this roadmap reads version \"1\"\n",
		},
		{
			// A newer plan may have other fields: the version is what to report.
			name: "compare with a newer format version",
			setup: func(t *testing.T, r *testRepo) {
				r.write(map[string]string{"new.json": `{"format_version": "2", "scenario": {}}`})
			},
			args:   []string{"--compare", "new.json", "roadmap"},
			stderr: "Error: new.json: unsupported plan format_version \"2\": this roadmap reads version \"1\"\n",
		},
		{
			name:   "compare with a file that is not JSON",
			args:   []string{"--compare", "roadmap/roadmap.hcl", "roadmap"},
			stderr: "Error: roadmap/roadmap.hcl: malformed plan JSON at line 1, column 1 (byte 0): invalid character '#' looking for beginning of value\n",
		},
		{
			name:   "compare with a missing file",
			args:   []string{"--compare", "missing.json", "roadmap"},
			stderr: "Error: open missing.json: no such file or directory\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newTestRepo(t)
			r.commit("v1", roadmapFiles(t, "v1"))
			if tt.setup != nil {
				tt.setup(t, r)
			}
			t.Chdir(r.dir)
			res := runCLI(t, append([]string{"plan"}, tt.args...)...)
			res.wantExit(t, 1)
			if res.Stdout != "" {
				t.Errorf("stdout is not empty:\n%s", res.Stdout)
			}
			if diff := cmp.Diff(tt.stderr, res.Stderr); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPlanBaseNotInRepository(t *testing.T) {
	if _, err := os.Stat("/"); err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	for name, content := range roadmapFiles(t, "v1") {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	newTestRepo(t) // skips without git
	t.Chdir(dir)
	res := runCLI(t, "plan", "--base", "HEAD", "roadmap")
	res.wantExit(t, 1)
	if res.Stdout != "" {
		t.Errorf("stdout is not empty:\n%s", res.Stdout)
	}
	want := "Error: roadmap is not inside a git repository (--base reads the roadmap at a git revision)\n"
	if diff := cmp.Diff(want, res.Stderr); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
}

func TestPlanBaseDirAbsentAtRevision(t *testing.T) {
	r := newTestRepo(t)
	r.commit("readme", map[string]string{"README.md": "A roadmap is coming.\n"})
	r.commit("v1", roadmapFiles(t, "v1"))
	t.Chdir(r.dir)
	res := runCLI(t, "plan", "--base", "HEAD~1", "--format", "json", "--detailed-exitcode", "roadmap")
	res.wantExit(t, 2)
	if want := "Note: roadmap has no roadmap at HEAD~1; every project counts as added.\n"; res.Stderr != want {
		t.Errorf("stderr = %q, want %q", res.Stderr, want)
	}
	var d struct {
		Summary struct {
			Added      int `json:"added"`
			ToSchedule int `json:"to_schedule"`
		} `json:"summary"`
		Projects []struct{ Kind string } `json:"projects"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Projects) != 7 || d.Summary.Added != 7 || d.Summary.ToSchedule != 7 {
		t.Errorf("%d projects listed, summary %+v; want all 7 added and scheduled", len(d.Projects), d.Summary)
	}
	for _, p := range d.Projects {
		if p.Kind != "added" {
			t.Errorf("a project is %q, want added", p.Kind)
		}
	}
}

func TestPlanBaseBrokenAtRevision(t *testing.T) {
	golden := planDiffGolden(t, "base_broken.stderr")
	r := newTestRepo(t)
	r.commit("broken", roadmapFiles(t, "broken"))
	r.replaceRoadmap(roadmapFiles(t, "v2"))
	t.Chdir(r.dir)
	res := runCLI(t, "plan", "--base", "HEAD", "roadmap")
	res.wantExit(t, 1)
	if res.Stdout != "" {
		t.Errorf("stdout is not empty:\n%s", res.Stdout)
	}
	assertGolden(t, golden, res.Stderr)
	if !strings.Contains(res.Stderr, "HEAD:roadmap/projects.hcl") {
		t.Errorf("the base revision's errors do not name HEAD:roadmap/projects.hcl")
	}
}

func TestPlanBaseFromInsideTheRoadmap(t *testing.T) {
	r := v1v2Repo(t)
	want := runCLI(t, "plan", "--base", "HEAD~1", "--format", "markdown", "roadmap")
	t.Chdir(filepath.Join(r.dir, "roadmap"))
	got := runCLI(t, "plan", "--base", "HEAD~1", "--format", "markdown")
	got.wantExit(t, 1)
	if diff := cmp.Diff(want.Stdout, got.Stdout); diff != "" {
		t.Errorf("run inside roadmap/ (-from the top +inside):\n%s", diff)
	}
}

func TestPlanBaseLeavesTheWorkingTreeAlone(t *testing.T) {
	r := v1v2Repo(t)
	r.write(map[string]string{"roadmap/notes.txt": "untracked\n"})
	before := r.git("status", "--porcelain", "--untracked-files=all")
	index := gitTestReadFile(t, filepath.Join(r.dir, ".git", "index"))
	runCLI(t, "plan", "--base", "HEAD~1", "roadmap").wantExit(t, 1)
	if after := r.git("status", "--porcelain", "--untracked-files=all"); after != before {
		t.Errorf("git status changed:\n%s\nwas:\n%s", after, before)
	}
	if gitTestReadFile(t, filepath.Join(r.dir, ".git", "index")) != index {
		t.Errorf("the index was rewritten")
	}
}

func TestPlanCompare(t *testing.T) {
	v2 := roadmapFiles(t, "v2")
	r := newTestRepo(t)
	r.commit("v1", roadmapFiles(t, "v1"))
	t.Chdir(r.dir)
	saved := runCLI(t, "plan", "--format", "json", "roadmap")
	saved.wantExit(t, 0)
	r.write(map[string]string{"plan.json": saved.Stdout})

	runCLI(t, "plan", "--compare", "plan.json", "--detailed-exitcode", "roadmap").wantExit(t, 0)

	r.replaceRoadmap(v2)
	viaCompare := runCLI(t, "plan", "--compare", "plan.json", "--format", "json", "roadmap")
	viaBase := runCLI(t, "plan", "--base", "HEAD", "--format", "json", "roadmap")
	viaCompare.wantExit(t, 1)
	viaBase.wantExit(t, 1)
	// The same diff whichever way the old plan came, but for its source.
	want := strings.Replace(viaBase.Stdout, `"source": "HEAD"`, `"source": "plan.json"`, 1)
	want = strings.Replace(want, `"source": "working tree"`, `"source": "roadmap"`, 1)
	if diff := cmp.Diff(want, viaCompare.Stdout); diff != "" {
		t.Errorf("--compare differs from --base (-base +compare):\n%s", diff)
	}

	// A saved diff is not a plan.
	r.write(map[string]string{"diff.json": viaCompare.Stdout})
	res := runCLI(t, "plan", "--compare", "diff.json", "roadmap")
	res.wantExit(t, 1)
	if want := "Error: diff.json is a plan diff, not a plan: save a plan with plan --out\n"; res.Stderr != want {
		t.Errorf("stderr = %q, want %q", res.Stderr, want)
	}
}

func TestPlanBaseColour(t *testing.T) {
	v1v2Repo(t)
	tests := []struct {
		name      string
		run       cliRun
		wantColor bool
	}{
		{"terminal", cliRun{OutIsTerminal: true}, true},
		{"not a terminal", cliRun{}, false},
		{"NO_COLOR", cliRun{OutIsTerminal: true, Env: []string{"NO_COLOR=1"}}, false},
		{"--no-color", cliRun{OutIsTerminal: true, Args: []string{"--no-color"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.run.Args = append(append([]string{"plan", "--base", "HEAD~1"}, tt.run.Args...), "roadmap")
			res := tt.run.run(t)
			res.wantExit(t, 1)
			if got := strings.Contains(res.Stdout, "\x1b["); got != tt.wantColor {
				t.Errorf("colour = %v, want %v", got, tt.wantColor)
			}
		})
	}
}

func TestValidateCIFormatsGolden(t *testing.T) {
	golden := map[string]string{}
	for _, f := range []string{"github", "sarif", "junit"} {
		golden[f] = planDiffGolden(t, "validate_broken."+f)
	}
	files := roadmapFiles(t, "broken")
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	for format, path := range golden {
		t.Run(format, func(t *testing.T) {
			res := runCLI(t, "validate", "--format", format, "roadmap")
			res.wantExit(t, 1)
			assertGolden(t, path, res.Stdout)
			if !strings.Contains(res.Stderr, "Error: Reference to undeclared department") {
				t.Errorf("stderr lacks the human diagnostics:\n%s", res.Stderr)
			}
		})
	}
	res := runCLI(t, "validate", "--format", "checkstyle", "roadmap")
	res.wantExit(t, 1)
	if want := "Error: unknown format \"checkstyle\": use one of [github junit sarif]\n"; res.Stderr != want {
		t.Errorf("stderr = %q, want %q", res.Stderr, want)
	}
}

// Both sides get the same --var, --var-file and ROADMAP_VAR_* values: a
// variable that changes the plan changes both, so nothing differs.
func TestPlanBaseAppliesVariablesToBothSides(t *testing.T) {
	files := roadmapFiles(t, "v1")
	main := files["roadmap/roadmap.hcl"]
	withVar := strings.Replace(main, "capacity     = 6", "capacity     = var.platform_capacity", 1)
	if withVar == main {
		t.Fatal("the edit did not apply")
	}
	files["roadmap/roadmap.hcl"] = withVar + `
variable "platform_capacity" {
  type    = number
  default = 6
}
`
	r := newTestRepo(t)
	r.commit("v1 with a variable", files)
	r.write(map[string]string{"tight.vars.hcl": "platform_capacity = 4\n"})
	t.Chdir(r.dir)

	// The variable does change the plan...
	plain := runCLI(t, "plan", "--format", "json", "roadmap")
	tight := runCLI(t, "plan", "--format", "json", "--var", "platform_capacity=4", "roadmap")
	if plain.Stdout == tight.Stdout {
		t.Fatal("platform_capacity does not change the plan; the test proves nothing")
	}
	// ...but not the diff, however it is given.
	for name, run := range map[string]cliRun{
		"--var":         {Args: []string{"plan", "--base", "HEAD", "--detailed-exitcode", "--var", "platform_capacity=4", "roadmap"}},
		"--var-file":    {Args: []string{"plan", "--base", "HEAD", "--detailed-exitcode", "--var-file", "tight.vars.hcl", "roadmap"}},
		"ROADMAP_VAR_*": {Args: []string{"plan", "--base", "HEAD", "--detailed-exitcode", "roadmap"}, Env: []string{"ROADMAP_VAR_platform_capacity=4"}},
	} {
		t.Run(name, func(t *testing.T) {
			res := run.run(t)
			res.wantExit(t, 0)
			if res.Stdout != "No changes. The roadmap plan is up to date.\n" {
				t.Errorf("stdout:\n%s", res.Stdout)
			}
		})
	}
}

// In a git hook, git exports paths relative to the repository's top, such as
// GIT_INDEX_FILE=.git/index, and may export GIT_DIR: --base must still find
// the repository from DIR.
func TestPlanBaseInAGitHook(t *testing.T) {
	v1v2Repo(t)
	want := runCLI(t, "plan", "--base", "HEAD~1", "--format", "json", "roadmap")
	for name, env := range map[string][]string{
		"index file":         {"GIT_INDEX_FILE=.git/index"},
		"git dir":            {"GIT_DIR=.git"},
		"git dir, work tree": {"GIT_DIR=.git", "GIT_WORK_TREE=."},
	} {
		t.Run(name, func(t *testing.T) {
			for _, kv := range env {
				k, v, _ := strings.Cut(kv, "=")
				t.Setenv(k, v)
			}
			got := runCLI(t, "plan", "--base", "HEAD~1", "--format", "json", "roadmap")
			got.wantExit(t, 1)
			if diff := cmp.Diff(want.Stdout, got.Stdout); diff != "" {
				t.Errorf("with %v (-without +with):\n%s", env, diff)
			}
		})
	}
}

// TestPlanBaseTooManyFilesAtRevision: a revision whose roadmap directory
// holds more files than a load takes is refused from git's listing, with
// the working tree's diagnostic naming the file at REV:path. The tree is
// built with git mktree: 10,001 entries of one empty blob.
func TestPlanBaseTooManyFilesAtRevision(t *testing.T) {
	r := newTestRepo(t)
	r.commit("v2", roadmapFiles(t, "v2"))
	blob := strings.TrimSpace(r.git("hash-object", "-w", "--stdin"))
	var listing strings.Builder
	for i := range hclspec.MaxFiles + 1 {
		fmt.Fprintf(&listing, "100644 blob %s\tf%05d.hcl\n", blob, i)
	}
	gitIn := func(stdin string, args ...string) string {
		cmd := exec.Command("git", append([]string{"-C", r.dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
		cmd.Stdin = strings.NewReader(stdin)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("git %s: %v", strings.Join(args, " "), err)
		}
		return strings.TrimSpace(string(out))
	}
	sub := gitIn(listing.String(), "mktree")
	root := gitIn("040000 tree "+sub+"\troadmap\n", "mktree")
	commit := gitIn("", "commit-tree", root, "-m", "many files")
	r.git("branch", "many", commit)
	t.Chdir(r.dir)
	res := runCLI(t, "plan", "--base", "many", "roadmap")
	res.wantExit(t, 1)
	if res.Stdout != "" {
		t.Errorf("stdout is not empty:\n%s", res.Stdout)
	}
	want := "Error: Too many files\n\n  on many:roadmap/f10000.hcl line 1, column 1:\n" +
		"\nmany:roadmap holds more than 10000 .hcl files, the most roadmap loads from one directory. Put projects together in fewer files.\n\n" +
		"Error: roadmap at many has errors; fix them there or compare with another revision\n"
	if diff := cmp.Diff(want, res.Stderr); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
}

// TestPlanBaseAtRepositoryRoot: a roadmap at the root of its repository,
// without a name, has the same default name (the directory's) at the
// revision as in the working tree. It used to be named after a
// temporary directory, a random change in every diff.
func TestPlanBaseAtRepositoryRoot(t *testing.T) {
	r := newTestRepo(t)
	r.commit("first", map[string]string{"main.hcl": "roadmap {\n  start = \"2027-01\"\n}\n\nproject \"a\" {\n  duration = \"3 months\"\n}\n"})
	t.Chdir(r.dir)
	res := runCLI(t, "plan", "--base", "HEAD", "--detailed-exitcode", "--format", "json", ".")
	res.wantExit(t, 0)
	var d struct {
		Before struct{ Name string } `json:"before"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &d); err != nil {
		t.Fatal(err)
	}
	if want := filepath.Base(r.dir); d.Before.Name != want {
		t.Errorf("the revision's roadmap is named %q, want %q", d.Before.Name, want)
	}
}
