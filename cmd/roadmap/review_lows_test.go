package main

// Tests of the low-severity findings of the new-user review (qa15f
// L2-L7, L9, L10, L14, L22, L23, L26; qa15e L4): wording and what the
// outputs say, through the commands.

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// auditRoadmap copies testdata/low16/audit.hcl (policy
// replace_before_end_of_support; old_crm replaced a quarter late, fax
// with no replacement, tape replaced after the horizon, mail supported
// past it) into a temporary directory, with edit applied to the text.
func auditRoadmap(t *testing.T, edit func(string) string) string {
	t.Helper()
	dir := t.TempDir()
	text := readFile(t, filepath.Join("testdata", "low16", "audit.hcl"))
	if edit != nil {
		text = edit(text)
	}
	writeFiles(t, dir, map[string]string{"main.hcl": text})
	return dir
}

// TestAuditSaysThePolicyFailed: roadmap audit's table, Markdown and HTML
// say under the summary that the policy failed and for how many systems
// (a job summary written from it says why the job failed); the check's
// message on stderr is short (each system with its gap, no sentences)
// and says what may close a gap; the summary counts the run cost a
// replacement retires after the horizon apart.
func TestAuditSaysThePolicyFailed(t *testing.T) {
	dir := auditRoadmap(t, nil)
	const stderr = `Error: check "policy.replace_before_end_of_support" failed: 2 systems run out of support before a replacement goes live: ` +
		`old_crm (1 quarter unsupported) and fax (no replacement: 2 quarters); see the technology audit. ` +
		`To close a gap, try --optimize, which weighs systems' support before its objective; or add a project with replaces = [system.fax].` + "\n"
	for _, c := range []struct{ format, want string }{
		{"table", "\nPolicy replace_before_end_of_support: FAILED (2 systems with a gap)\n"},
		{"markdown", "\n**Policy replace\\_before\\_end\\_of\\_support: FAILED (2 systems with a gap)**\n"},
		{"html", `<p><span class="badge fail-error">Policy replace_before_end_of_support: FAILED (2 systems with a gap)</span></p>`},
	} {
		res := runCLI(t, "audit", "--format", c.format, dir)
		res.wantExit(t, 1)
		if !strings.Contains(res.Stdout, c.want) {
			t.Errorf("%s: no %q:\n%s", c.format, c.want, res.Stdout)
		}
		if res.Stderr != stderr {
			t.Errorf("%s: stderr\n%s\nwant\n%s", c.format, res.Stderr, stderr)
		}
		if c.format != "html" {
			assertGolden(t, "low16/audit."+map[string]string{"table": "txt", "markdown": "md"}[c.format], res.Stdout)
		}
	}
	// The plan's Checks table carries the same short message.
	res := runCLI(t, "plan", "--format", "json", dir)
	res.wantExit(t, 1)
	var plan struct {
		Checks []struct{ ID, Message string } `json:"checks"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &plan); err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(plan.Checks, func(c struct{ ID, Message string }) bool {
		return c.ID == "policy.replace_before_end_of_support"
	})
	if i < 0 || "Error: check \"policy.replace_before_end_of_support\" failed: "+plan.Checks[i].Message+"\n" != stderr {
		t.Errorf("plan's checks: %+v", plan.Checks)
	}
	// Optimised, the plan does not advise --optimize.
	res = runCLI(t, "plan", "--optimize", dir)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, "old_crm (1 quarter unsupported) and fax (no replacement: 2 quarters); see the technology audit. "+
		"To close a gap, add a project with replaces = [system.fax].\n") {
		t.Errorf("optimised: %s", res.Stderr)
	}

	// Every system replaced in time: the policy passed.
	ok := auditRoadmap(t, func(s string) string {
		s = strings.Replace(s, `end_of_support = "2027-Q1"`, `end_of_support = "2027-Q2"`, 1)
		return strings.Replace(s, `system "fax" {`+"\n"+`  end_of_support = "2027-Q2"`, `system "fax" {`+"\n"+`  end_of_support = "2031-Q2"`, 1)
	})
	res = runCLI(t, "audit", ok)
	res.wantExit(t, 0)
	if !strings.Contains(res.Stdout, "\nPolicy replace_before_end_of_support: passed (no system with a gap)\n") {
		t.Errorf("passed:\n%s", res.Stdout)
	}
	// Without the policy, no policy line.
	off := auditRoadmap(t, func(s string) string {
		return strings.Replace(s, "replace_before_end_of_support = true", "replace_before_end_of_support = false", 1)
	})
	res = runCLI(t, "audit", off)
	res.wantExit(t, 0)
	if strings.Contains(res.Stdout, "Policy") {
		t.Errorf("no policy:\n%s", res.Stdout)
	}
}

// TestAuditAsOf: roadmap audit takes --as-of as plan does: the audit is
// of the plan from that status date, and says so in every format.
func TestAuditAsOf(t *testing.T) {
	dir := auditRoadmap(t, nil)
	res := runCLI(t, "audit", "--as-of", "2027-Q2", dir)
	res.wantExit(t, 1)
	if !strings.HasPrefix(res.Stdout, "Roadmap: Audit wording\n  Status    as of 2027-Q2\n") {
		t.Errorf("table:\n%s", res.Stdout)
	}
	// Nothing new starts before the status date: crm goes live a quarter later.
	if !strings.Contains(res.Stdout, `old_crm: unsupported for 2 quarters (2027-Q2..2027-Q3) until "crm" goes live in 2027-Q4`) {
		t.Errorf("the audit is not of the plan from the status date:\n%s", res.Stdout)
	}
	res = runCLI(t, "audit", "--as-of", "2027-Q2", "--format", "markdown", dir)
	if !strings.Contains(res.Stdout, "\n- **Status:** as of 2027-Q2\n") {
		t.Errorf("markdown:\n%s", res.Stdout)
	}
	res = runCLI(t, "audit", "--as-of", "2027-Q2", "--format", "html", dir)
	if !strings.Contains(res.Stdout, `<p class="sub"><strong>Status</strong> as of 2027-Q2</p>`) {
		t.Errorf("html lacks the status date")
	}
	for _, c := range []struct {
		args []string
		want any
	}{{[]string{"--as-of", "2027-Q2"}, "2027-Q2"}, {nil, nil}} {
		res = runCLI(t, append(append([]string{"audit", "--format", "json"}, c.args...), dir)...)
		var got map[string]any
		if err := json.Unmarshal([]byte(res.Stdout), &got); err != nil {
			t.Fatal(err)
		}
		if v, ok := got["as_of"]; !ok || v != c.want {
			t.Errorf("%v: as_of %v (present %v), want %v", c.args, v, ok, c.want)
		}
	}
	res = runCLI(t, "audit", "--as-of", "someday", dir)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, "someday") {
		t.Errorf("a bad --as-of is not reported:\n%s", res.Stderr)
	}
}

// TestPlanWording: max_parallel and the run rate in words a reader
// parses at once.
func TestPlanWording(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": `roadmap {
  start   = "2027-Q1"
  horizon = 6
}

goal "g" {}

team "t" {
  capacity     = 2
  max_parallel = 1
}

project "first" {
  goals    = { g = 0.9 }
  duration = 2
  effort   = { t = 1 }
  cost { per_year = 10000 }
}

project "second" {
  goals    = { g = 0.5 }
  duration = 1
  effort   = { t = 1 }
}
`})
	res := runCLI(t, "plan", "--format", "markdown", dir)
	res.wantExit(t, 0)
	out := strings.ReplaceAll(strings.Join(strings.Fields(res.Stdout), " "), `\_`, "_")
	for _, want := range []string{
		`team "t" runs its max_parallel of 1 project in 2027-Q1..2027-Q2 (held by "first")`,
		"Run costs added USD 10,000 a year (10,000 paid by no opex budget)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q:\n%s", want, res.Stdout)
		}
	}
}

// TestPlanDiffMarkdownLifecycle: a project whose declared status changed
// shows it in both cells of the Markdown diff ("proposed" before; no
// empty part, no "done; done"), as the JSON diff's change has it.
func TestPlanDiffMarkdownLifecycle(t *testing.T) {
	v1 := auditRoadmap(t, nil)
	base := filepath.Join(t.TempDir(), "v1.json")
	res := runCLI(t, "plan", "--out", base, v1)
	res.wantExit(t, 1) // the policy fails; the plan is saved
	v2 := auditRoadmap(t, func(s string) string {
		s = strings.Replace(s, `project "crm" {`, `project "crm" {`+"\n"+`  status  = "in_progress"`+"\n"+`  started = "2027-01-01"`, 1)
		return strings.Replace(s, `project "backup" {`, `project "backup" {`+"\n"+`  status = "cancelled"`, 1)
	})
	res = runCLI(t, "plan", "--as-of", "2027-Q2", "--compare", base, "--format", "markdown", v2)
	for _, want := range []string{
		"| ~ | `crm` | lifecycle | \\#&#8203;1 scheduled, 2027-Q1..2027-Q2; proposed | \\#&#8203;1 scheduled, 2027-Q1..2027-Q2; in progress |",
		// A cancelled project's NPV is what it spent (nothing here).
		"| - | `backup` | cancelled | \\#&#8203;2 scheduled, 2027-Q3..2027-Q4; npv 75,000; risk-adjusted npv 75,000; proposed | \\#&#8203;2 cancelled; npv 0; risk-adjusted npv 0 |",
	} {
		if !strings.Contains(res.Stdout, want) {
			t.Errorf("no %q:\n%s", want, res.Stdout)
		}
	}
	for _, m := range regexp.MustCompile(`(\w+); (\w+) \|`).FindAllStringSubmatch(res.Stdout, -1) {
		if m[1] == m[2] {
			t.Errorf("a cell repeats %q:\n%s", m[1], res.Stdout)
		}
	}
	if regexp.MustCompile(`; *\|`).MatchString(res.Stdout) {
		t.Errorf("a cell ends with an empty part:\n%s", res.Stdout)
	}
}

// TestHTMLNavFollowsSections: the HTML plan's navigation lists its
// sections in the order the page has them.
func TestHTMLNavFollowsSections(t *testing.T) {
	dir := auditRoadmap(t, nil) // systems and run costs: audit and run rate sections
	res := runCLI(t, "plan", "--format", "html", dir)
	page := res.Stdout
	nav := page[strings.Index(page, `<nav aria-label="Sections">`):]
	nav = nav[:strings.Index(nav, "</nav>")]
	var links []string
	for _, m := range regexp.MustCompile(`href="#([a-z-]+)"`).FindAllStringSubmatch(nav, -1) {
		links = append(links, m[1])
	}
	var sections []string
	for _, m := range regexp.MustCompile(`<section id="([a-z-]+)"`).FindAllStringSubmatch(page, -1) {
		if slices.Contains(links, m[1]) {
			sections = append(sections, m[1])
		}
	}
	if !slices.Contains(links, "audit") || !slices.Contains(links, "run-rate") || !slices.Equal(links, sections) {
		t.Errorf("nav %v, sections %v", links, sections)
	}
}

// TestProjectsSheetExitStatus: --format csv --table projects (the files
// as written) exits as every other table of the same plan: 1 when an
// error check fails, with the same message on stderr.
func TestProjectsSheetExitStatus(t *testing.T) {
	dir := auditRoadmap(t, nil)
	ranked := runCLI(t, "plan", "--format", "csv", "--table", "ranked", dir)
	projects := runCLI(t, "plan", "--format", "csv", "--table", "projects", dir)
	projects.wantExit(t, ranked.Code)
	if ranked.Code != 1 || projects.Stderr != ranked.Stderr {
		t.Errorf("ranked exits %d:\n%s\nprojects:\n%s", ranked.Code, ranked.Stderr, projects.Stderr)
	}
	if !strings.HasPrefix(projects.Stdout, "id,") || !strings.Contains(projects.Stdout, "\ncrm,") {
		t.Errorf("the sheet:\n%s", projects.Stdout)
	}
	// A roadmap whose checks pass exits 0.
	ok := auditRoadmap(t, func(s string) string {
		return strings.Replace(s, "replace_before_end_of_support = true", "replace_before_end_of_support = false", 1)
	})
	runCLI(t, "plan", "--format", "csv", "--table", "projects", ok).wantExit(t, 0)
}

// TestForceOutWorkUnderWay: --force-out keeps work under way (a
// warning), and the warning says what to do to plan without it.
func TestForceOutWorkUnderWay(t *testing.T) {
	dir := auditRoadmap(t, func(s string) string {
		return strings.Replace(s, `project "crm" {`, `project "crm" {`+"\n"+`  status  = "in_progress"`+"\n"+`  started = "2027-01-01"`, 1)
	})
	res := runCLI(t, "plan", "--as-of", "2027-Q2", "--force-out", "crm", "--format", "json", dir)
	var plan struct {
		Projects []struct {
			ID, Status string
			Findings   []struct{ Severity, Message string }
		}
	}
	if err := json.Unmarshal([]byte(res.Stdout), &plan); err != nil {
		t.Fatal(err, res.Stderr)
	}
	const want = `would fail the excluded gate today (kept: in progress): forced out; --force-out does not stop work committed or under way: ` +
		`set status = "cancelled" or "on_hold" to plan without it`
	found := false
	for _, p := range plan.Projects {
		found = found || p.ID == "crm"
		if p.ID == "crm" && (p.Status != "scheduled" || len(p.Findings) != 1 || p.Findings[0].Severity != "warning" || p.Findings[0].Message != want) {
			t.Errorf("crm: %s, findings %+v", p.Status, p.Findings)
		}
	}
	if !found {
		t.Errorf("no crm in the plan:\n%s", res.Stdout)
	}
}
