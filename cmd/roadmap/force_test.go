package main

import (
	"encoding/csv"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// portfolioDir is the small roadmap with a choice, a together group, an
// excluded project and a team limit.
var portfolioDir = filepath.Join("..", "..", "evaluate", "testdata", "portfolio")

// TestForceFlagErrors: every command with --force-in and --force-out
// refuses the same bad flags with the same diagnostics: an unknown id
// (with a suggestion), a project forced both ways, two options of one
// choice forced in (pointing at the choice), a forced-in project whose
// together partner is forced out.
func TestForceFlagErrors(t *testing.T) {
	commands := [][]string{
		{"plan"}, {"simulate", "--runs", "10"}, {"compare"}, {"frontier", "--team", "apps", "--steps", "1", "--time-limit", "5s"}, {"audit"},
	}
	cases := []struct {
		name   string
		flags  []string
		stderr []string
	}{
		{"unknown", []string{"--force-in", "risky_a"}, []string{"Error: Unknown project to force in", `There is no project "risky_a" to force in. Did you mean "risky_ai"?`}},
		{"unknown out", []string{"--force-out", "portl"}, []string{"Error: Unknown project to force out", `There is no project "portl" to force out. Did you mean "portal"?`}},
		{"both ways", []string{"--force-in", "portal", "--force-out", "portal"}, []string{"Error: Project forced in and out", `Project "portal" is forced both in and out; force it one way.`}},
		{"two options", []string{"--force-in", "build_crm,buy_crm"}, []string{"Error: Two options of one choice forced in", `main.hcl line 57, column 13, in choice "crm"`,
			`"build_crm" is forced in and "buy_crm" is forced in, but they are options of choice "crm", of which at most one runs. Force in one option only.`}},
		{"together apart", []string{"--force-in", "pilot", "--force-out", "rollout"}, []string{"Error: Forced-in project needs a project forced out",
			`Project "pilot" is forced in, but it cannot run without "rollout" (through depends_on or together), which is forced out.`}},
	}
	withScenario := portfolioWithScenario(t) // compare needs a scenario
	for _, command := range commands {
		for _, c := range cases {
			t.Run(command[0]+"/"+c.name, func(t *testing.T) {
				dir := portfolioDir
				if command[0] == "compare" {
					dir = withScenario
				}
				args := append(append(slices.Clone(command), c.flags...), dir)
				res := runCLI(t, args...)
				res.wantExit(t, 1)
				for _, want := range c.stderr {
					if !strings.Contains(res.Stderr, want) {
						t.Errorf("stderr lacks %q:\n%s", want, res.Stderr)
					}
				}
				if strings.Count(res.Stderr, "Error: ") != 1 {
					t.Errorf("want one error:\n%s", res.Stderr)
				}
			})
		}
	}
}

// TestSimulateForced: simulate --force-in/--force-out plans and runs with
// the projects forced (the choice goes to the forced option in every
// run), and the result says what was forced.
func TestSimulateForced(t *testing.T) {
	res := runCLI(t, "simulate", "--runs", "20", "--format", "json", "--force-in", "buy_crm,risky_ai", "--force-out", "portal", portfolioDir)
	res.wantExit(t, 0)
	var got struct {
		Simulation struct {
			ForceIn  []string `json:"force_in"`
			ForceOut []string `json:"force_out"`
		} `json:"simulation"`
		Projects []struct {
			ID   string `json:"id"`
			Plan struct {
				Status string `json:"status"`
			} `json:"plan"`
			Scheduled float64 `json:"chance_scheduled"`
		} `json:"projects"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &got); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Simulation.ForceIn, []string{"buy_crm", "risky_ai"}) || !slices.Equal(got.Simulation.ForceOut, []string{"portal"}) {
		t.Errorf("settings: %+v", got.Simulation)
	}
	want := map[string]string{"buy_crm": "scheduled", "risky_ai": "scheduled", "build_crm": "dropped", "portal": "dropped"}
	for _, p := range got.Projects {
		w, ok := want[p.ID]
		if !ok {
			continue
		}
		delete(want, p.ID)
		share := 0.0
		if w == "scheduled" {
			share = 1
		}
		if p.Plan.Status != w || p.Scheduled != share {
			t.Errorf("%s: plan %s, scheduled in %v of the runs; want %s", p.ID, p.Plan.Status, p.Scheduled, w)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing projects %v", want)
	}
	res = runCLI(t, "simulate", "--runs", "20", "--force-in", "buy_crm", "--force-out", "portal", portfolioDir)
	res.wantExit(t, 0)
	if !strings.Contains(res.Stdout, "  Forced     in buy_crm; out portal\n") {
		t.Errorf("the summary does not say what was forced:\n%s", res.Stdout)
	}
	res = runCLI(t, "simulate", "--runs", "20", "--format", "csv", "--force-in", "buy_crm", "--force-out", "portal", portfolioDir)
	res.wantExit(t, 0)
	if got := csvForced(t, res.Stdout, "id"); !maps.Equal(got, map[string]string{"buy_crm": "in", "portal": "out"}) {
		t.Errorf("the CSV's forced column says %v:\n%s", got, res.Stdout)
	}
}

// csvForced maps the ids (in column idColumn) of a CSV table's rows
// that its "forced" column marks to the mark.
func csvForced(t *testing.T, text, idColumn string) map[string]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("CSV: %v\n%s", err, text)
	}
	id, forced := slices.Index(rows[0], idColumn), slices.Index(rows[0], "forced")
	if id < 0 || forced < 0 {
		t.Fatalf("CSV header %v lacks %q or forced", rows[0], idColumn)
	}
	got := map[string]string{}
	for _, r := range rows[1:] {
		if r[forced] != "" {
			got[r[id]] = r[forced]
		}
	}
	return got
}

// TestFrontierForced: frontier --force-in keeps the project in the
// portfolio at every level (here one the risk gate drops otherwise), and
// the footnote's command line reproduces a point.
func TestFrontierForced(t *testing.T) {
	args := []string{"frontier", "--team", "apps", "--from", "2", "--to", "6", "--steps", "2", "--time-limit", "10s", "--force-in", "risky_ai", "--force-out", "portal"}
	res := runCLI(t, append(append(slices.Clone(args), "--format", "json"), portfolioDir)...)
	res.wantExit(t, 0)
	var got struct {
		ForceIn  []string `json:"force_in"`
		ForceOut []string `json:"force_out"`
		Points   []struct {
			Level    float64 `json:"level"`
			Projects []struct {
				ID string `json:"id"`
			} `json:"projects"`
		} `json:"points"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &got); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.ForceIn, []string{"risky_ai"}) || !slices.Equal(got.ForceOut, []string{"portal"}) || len(got.Points) < 3 {
		t.Fatalf("frontier: in %v out %v, %d points", got.ForceIn, got.ForceOut, len(got.Points))
	}
	for _, p := range got.Points {
		var ids []string
		for _, pp := range p.Projects {
			ids = append(ids, pp.ID)
		}
		if !slices.Contains(ids, "risky_ai") || slices.Contains(ids, "portal") {
			t.Errorf("level %v: portfolio %v", p.Level, ids)
		}
	}
	res = runCLI(t, append(args, portfolioDir)...)
	res.wantExit(t, 0)
	if !strings.Contains(strings.Join(strings.Fields(res.Stdout), " "), "roadmap plan --optimize --seed 1 --force-in risky_ai --force-out portal with the amount changed") {
		t.Errorf("the footnote does not give the forced command:\n%s", res.Stdout)
	}
	res = runCLI(t, append(args, "--format", "csv", "--table", "projects", portfolioDir)...)
	res.wantExit(t, 0)
	if got := csvForced(t, res.Stdout, "project"); !maps.Equal(got, map[string]string{"risky_ai": "in"}) {
		t.Errorf("the CSV's forced column says %v:\n%s", got, res.Stdout)
	}
}

// TestAuditForced: roadmap audit --force-in/--force-out says the plan
// behind the audit was forced, in every format (JSON force_in and
// force_out, in rank order), and says nothing of it when unforced.
func TestAuditForced(t *testing.T) {
	dir := filepath.Join("..", "..", "examples", "it-department")
	force := []string{"--force-in", "e_crm_replacement", "--force-out", "itsm_replacement"}
	const said = "The plan behind it forces e_crm_replacement in; itsm_replacement out (--force-in, --force-out)."
	for _, format := range []string{"table", "markdown", "html"} {
		res := runCLI(t, append(append([]string{"audit", "--format", format}, force...), dir)...)
		if res.Code > 1 {
			t.Fatalf("%s: exit %d: %s", format, res.Code, res.Stderr)
		}
		out := strings.Join(strings.Fields(strings.ReplaceAll(res.Stdout, `\_`, "_")), " ") // Markdown escapes _
		if !strings.Contains(out, said) {
			t.Errorf("%s: the audit does not say it was forced:\n%s", format, res.Stdout)
		}
		plain := runCLI(t, "audit", "--format", format, dir)
		if strings.Contains(plain.Stdout, "forces ") {
			t.Errorf("%s: an unforced audit says it was forced", format)
		}
	}
	res := runCLI(t, append(append([]string{"audit", "--format", "json"}, force...), dir)...)
	var got struct {
		ForceIn  []string `json:"force_in"`
		ForceOut []string `json:"force_out"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &got); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.ForceIn, []string{"e_crm_replacement"}) || !slices.Equal(got.ForceOut, []string{"itsm_replacement"}) {
		t.Errorf("json: force_in %v, force_out %v", got.ForceIn, got.ForceOut)
	}
	res = runCLI(t, "audit", "--force-in", "risky_ai", portfolioDir)
	if !strings.Contains(strings.Join(strings.Fields(res.Stdout), " "), "The roadmap declares no systems. Declare the installed base with system blocks "+
		"and name what retires each with a project's replaces = [system.ID] (see docs/language.md#system). "+
		"The plan behind it forces risky_ai in (--force-in).") {
		t.Errorf("no systems: the audit does not say it was forced:\n%s", res.Stdout)
	}
}

// portfolioWithScenario copies the portfolio roadmap into a temporary
// directory with a scenario, so compare has a column to compare.
func portfolioWithScenario(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	main, err := os.ReadFile(filepath.Join(portfolioDir, "main.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	scenario := "\nvariable \"capex\" {\n  default = 1000000\n}\n\nscenario \"cut\" {\n  variables = {\n    capex = 500000\n  }\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), append(main, scenario...), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestCompareForced: compare --force-in/--force-out says every column was
// forced, in every format (a sentence, the project marked in the Projects
// table, JSON force_in/force_out and projects[].forced, CSV columns, the
// xlsx summary), and says nothing of it when unforced.
func TestCompareForced(t *testing.T) {
	dir := portfolioWithScenario(t)
	force := []string{"--force-in", "buy_crm", "--force-out", "portal"}
	const said = "Every column forces buy_crm in; portal out (--force-in, --force-out)."
	for _, c := range []struct {
		format string
		want   []string
	}{
		{"table", []string{said, "buy_crm (forced in)", "portal (forced out)"}},
		{"markdown", []string{said, "`buy_crm` (forced in)", "`portal` (forced out)"}},
		{"html", []string{"every column forces buy_crm in; portal out (--force-in, --force-out)",
			`<code>buy_crm</code><br><span class="sub-cell">forced in</span>`, `<code>portal</code><br><span class="sub-cell">forced out</span>`}},
	} {
		res := runCLI(t, append(append([]string{"compare", "--format", c.format}, force...), dir)...)
		res.wantExit(t, 0)
		out := strings.Join(strings.Fields(strings.ReplaceAll(res.Stdout, `\_`, "_")), " ") // Markdown escapes _
		for _, want := range c.want {
			if !strings.Contains(out, want) {
				t.Errorf("%s: the comparison lacks %q:\n%s", c.format, want, res.Stdout)
			}
		}
		plain := runCLI(t, "compare", "--format", c.format, dir)
		plain.wantExit(t, 0)
		if strings.Contains(plain.Stdout, "forces ") || strings.Contains(plain.Stdout, "forced") {
			t.Errorf("%s: an unforced comparison says it was forced:\n%s", c.format, plain.Stdout)
		}
	}

	res := runCLI(t, append(append([]string{"compare", "--format", "json"}, force...), dir)...)
	res.wantExit(t, 0)
	var got struct {
		ForceIn  []string `json:"force_in"`
		ForceOut []string `json:"force_out"`
		Projects []struct {
			ID     string `json:"id"`
			Forced string `json:"forced"`
		} `json:"projects"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &got); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.ForceIn, []string{"buy_crm"}) || !slices.Equal(got.ForceOut, []string{"portal"}) {
		t.Errorf("json: force_in %v, force_out %v", got.ForceIn, got.ForceOut)
	}
	forced := map[string]string{}
	for _, p := range got.Projects {
		if p.Forced != "" {
			forced[p.ID] = p.Forced
		}
	}
	if want := map[string]string{"buy_crm": "in", "portal": "out"}; !maps.Equal(forced, want) {
		t.Errorf("json: projects forced %v, want %v", forced, want)
	}
	res = runCLI(t, "compare", "--format", "json", dir)
	if !strings.Contains(res.Stdout, "\"force_in\": [],\n  \"force_out\": []\n") {
		t.Errorf("unforced json does not give empty force_in and force_out:\n%s", res.Stdout)
	}

	res = runCLI(t, append(append([]string{"compare", "--format", "csv"}, force...), dir)...)
	lines := strings.Split(strings.TrimSpace(strings.ReplaceAll(res.Stdout, "\r\n", "\n")), "\n")
	if !strings.HasSuffix(lines[0], ",force_in,force_out") || !strings.HasSuffix(lines[1], ",buy_crm,portal") || !strings.HasSuffix(lines[2], ",buy_crm,portal") {
		t.Errorf("csv scenarios:\n%s", res.Stdout)
	}
	res = runCLI(t, append(append([]string{"compare", "--format", "csv", "--table", "projects"}, force...), dir)...)
	if !strings.Contains(res.Stdout, ",forced,") || !strings.Contains(res.Stdout, ",buy_crm,") {
		t.Errorf("csv projects:\n%s", res.Stdout)
	}
	for _, line := range strings.Split(strings.ReplaceAll(res.Stdout, "\r\n", "\n"), "\n")[1:] {
		id, wantForced := "", ""
		if f := strings.Split(line, ","); len(f) > 4 {
			id, wantForced = f[1], map[string]string{"buy_crm": "in", "portal": "out"}[f[1]]
			if f[4] != wantForced {
				t.Errorf("csv projects: %s forced %q, want %q", id, f[4], wantForced)
			}
		}
	}

	res = runCLI(t, append(append([]string{"compare", "--format", "xlsx"}, force...), dir)...)
	res.wantExit(t, 0)
	book, err := excelize.OpenReader(strings.NewReader(res.Stdout))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := book.GetRows("Summary")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		found = found || len(r) > 1 && r[0] == "Forced" && r[1] == "every column forces buy_crm in; portal out (--force-in, --force-out)"
	}
	if !found {
		t.Errorf("xlsx summary lacks the forced row: %q", rows)
	}
}

// TestForceFlagSpellings: --force-in and --force-out take ids as people
// type them: with spaces after the commas of a list, and in the
// reference form project.ID copied from the HCL files. Each command
// forces the same projects as with the plain ids.
func TestForceFlagSpellings(t *testing.T) {
	for _, command := range [][]string{{"plan"}, {"audit"}} {
		t.Run(command[0], func(t *testing.T) {
			for _, flags := range [][]string{
				{"--force-in", "buy_crm, risky_ai", "--force-out", " portal"},
				{"--force-in", "project.buy_crm,project.risky_ai", "--force-out", "project.portal"},
				{"--force-in", "project.buy_crm", "--force-in", " project.risky_ai ", "--force-out", "portal"},
			} {
				args := append(append(append(slices.Clone(command), "--format", "json"), flags...), portfolioDir)
				res := runCLI(t, args...)
				if strings.Contains(res.Stderr, "Error") {
					t.Fatalf("%v: %s", flags, res.Stderr)
				}
				var got struct {
					ForceIn  []string `json:"force_in"`
					ForceOut []string `json:"force_out"`
				}
				if err := json.Unmarshal([]byte(res.Stdout), &got); err != nil {
					t.Fatalf("%v: %v\n%s", flags, err, res.Stdout)
				}
				if !slices.Equal(got.ForceIn, []string{"buy_crm", "risky_ai"}) || !slices.Equal(got.ForceOut, []string{"portal"}) {
					t.Errorf("%v: forced in %q, out %q", flags, got.ForceIn, got.ForceOut)
				}
			}
		})
	}
	// An id that is still unknown once cleaned is named without the spaces.
	res := runCLI(t, "plan", "--force-out", "portal, risky_a", portfolioDir)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, `There is no project "risky_a" to force out. Did you mean "risky_ai"?`) {
		t.Errorf("stderr:\n%s", res.Stderr)
	}
}
