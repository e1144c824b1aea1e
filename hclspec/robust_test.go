package hclspec

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestNoFunctionReadsOutside: roadmap expressions cannot read files, the
// environment, the clock or the network. Every such Terraform function is
// an unknown function with a detail saying why, and none is in
// Functions().
func TestNoFunctionReadsOutside(t *testing.T) {
	calls := map[string]string{
		"file": `file("/etc/passwd")`, "fileexists": `fileexists("x")`, "fileset": `fileset(".", "*")`,
		"filebase64": `filebase64("x")`, "filemd5": `filemd5("x")`, "filesha256": `filesha256("x")`,
		"templatefile": `templatefile("x", {})`, "abspath": `abspath(".")`, "pathexpand": `pathexpand("~")`,
		"env": `env("HOME")`, "getenv": `getenv("HOME")`, "timestamp": `timestamp()`,
		"plantimestamp": `plantimestamp()`, "uuid": `uuid()`, "bcrypt": `bcrypt("x")`, "http": `http("http://example.com")`,
	}
	funcs := Functions()
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			if _, ok := funcs[name]; ok {
				t.Fatalf("%s is available to roadmap expressions", name)
			}
			if !readsOutside(name) {
				t.Errorf("readsOutside(%q) = false", name)
			}
			dir := t.TempDir()
			write(t, filepath.Join(dir, "main.hcl"), []byte("roadmap {\n  start = \"2027-01\"\n}\ngoal \"g\" {\n  title = "+call+"\n}\n"))
			_, diags := NewLoader().LoadDir(dir, LoadOptions{})
			if len(diags) != 1 || diags[0].Summary != "Call to unknown function" {
				t.Fatalf("diagnostics = %s, want one \"Call to unknown function\"", diags.Error())
			}
			if !strings.Contains(diags[0].Detail, "cannot read files, the environment, the clock or the network") {
				t.Errorf("detail does not say why: %s", diags[0].Detail)
			}
			if got := diags[0].Subject.Start; got.Line != 5 || got.Column != 11 {
				t.Errorf("diagnostic at %d:%d, want 5:11", got.Line, got.Column)
			}
		})
	}
	for name := range funcs {
		if readsOutside(name) {
			t.Errorf("Functions() has %s, which reads outside the roadmap", name)
		}
	}
}

// TestUnknownFunctionSuggestionIsStable: HCL picks a suggestion by map
// order; ours is the same on every run.
func TestUnknownFunctionSuggestionIsStable(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.hcl"), []byte("roadmap {\n  start = \"2027-01\"\n}\nbudget \"b\" {\n  amount = mx(1, 2)\n}\n"))
	var first string
	for i := range 20 {
		_, diags := NewLoader().LoadDir(dir, LoadOptions{})
		if len(diags) != 1 {
			t.Fatalf("diagnostics: %s", diags.Error())
		}
		if i == 0 {
			first = diags[0].Detail
			if !strings.Contains(first, `Did you mean "max"?`) {
				t.Errorf("detail = %q, want a suggestion of max", first)
			}
		} else if diags[0].Detail != first {
			t.Fatalf("run %d: detail %q, first run %q", i, diags[0].Detail, first)
		}
	}
}

// TestSymlinkInsideRoadmapLoads: a link to a .hcl file inside the
// directory is followed; every other link is refused before the file
// behind it is read, so none of its lines reach a diagnostic.
func TestSymlinkInsideRoadmapLoads(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "rm")
	const secret = "TOKEN=hunter2"
	goal := []byte("goal \"g\" {\n  weight = 2\n}\n")
	for name, content := range map[string][]byte{
		"rm/main.hcl":         []byte("roadmap {\n  start = \"2027-01\"\n}\n"),
		"rm/shared/goals.hcl": goal,
		"rm/shared/goals.txt": goal,
		"rm/.hidden.hcl":      goal,
		"rm/.env":             []byte(secret + "\n"),
		"rm/.git/config":      []byte("[remote]\n  url = " + secret + "\n"),
		"outside.hcl":         []byte(secret + "\n"),
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(root, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(root, name), content)
	}
	cases := []struct {
		name, to string
		summary  string // "" when the link loads
	}{
		{name: "into a subdirectory", to: filepath.Join("shared", "goals.hcl")},
		{name: "absolute, inside", to: filepath.Join(dir, "shared", "goals.hcl")},
		{name: "to a .env file", to: ".env", summary: "Symbolic link to a hidden file"},
		{name: "to git's configuration", to: filepath.Join(".git", "config"), summary: "Symbolic link to a hidden file"},
		{name: "to a hidden .hcl file", to: ".hidden.hcl", summary: "Symbolic link to a hidden file"},
		{name: "to a file that is not .hcl", to: filepath.Join("shared", "goals.txt"), summary: "Symbolic link to a file that is not .hcl"},
		{name: "outside", to: filepath.Join("..", "outside.hcl"), summary: "Symbolic link outside the roadmap"},
		{name: "to a directory", to: "shared", summary: "Symbolic link to a file that is not .hcl"},
		{name: "dangling", to: "gone.hcl", summary: "Broken symbolic link"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			link := filepath.Join(dir, "linked.hcl")
			os.Remove(link)
			if err := os.Symlink(c.to, link); err != nil {
				t.Skipf("cannot create symbolic links: %v", err)
			}
			cfg, diags := NewLoader().LoadDir(dir, LoadOptions{})
			if c.summary == "" {
				if len(diags) != 0 {
					t.Fatalf("diagnostics: %s", diags.Error())
				}
				if len(cfg.Goals) != 1 || cfg.Goals[0].Weight != 2 {
					t.Errorf("goals = %+v, want the linked goal", cfg.Goals)
				}
				return
			}
			if len(diags) != 1 || diags[0].Summary != c.summary {
				t.Fatalf("diagnostics = %s, want one %q", diags.Error(), c.summary)
			}
			if got := diags[0].Subject; got == nil || got.Filename != link || got.Start.Line != 1 {
				t.Errorf("subject = %v, want the start of %s", got, link)
			}
			if _, read := cfg.Files[link]; read || len(cfg.Goals) != 0 {
				t.Errorf("the file behind the link was parsed")
			}
			if strings.Contains(diags.Error(), secret) {
				t.Errorf("a line of the file behind the link reached the diagnostic: %s", diags.Error())
			}
		})
	}
}

// TestVarFileReadOnlyWhereNamed: a --var-file is opened at exactly the
// path given (relative to the working directory), never looked up in the
// roadmap directory; *.vars.hcl beside the roadmap are not loaded unasked.
func TestVarFileReadOnlyWhereNamed(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.hcl"), []byte("variable \"capex\" {\n  default = 1\n}\nroadmap {\n  start = \"2027-01\"\n}\n"))
	write(t, filepath.Join(dir, "prod.vars.hcl"), []byte("capex = 2\n"))
	cfg, diags := NewLoader().LoadDir(dir, LoadOptions{})
	if len(diags) != 0 || cfg.VariableValues["capex"].AsBigFloat().String() != "1" {
		t.Fatalf("without --var-file: capex = %#v, %s", cfg.VariableValues["capex"], diags.Error())
	}
	_, diags = NewLoader().LoadDir(dir, LoadOptions{VarFiles: []string{"prod.vars.hcl"}})
	if len(diags) != 1 || diags[0].Summary != "Cannot read file" {
		t.Fatalf("a bare name found a file in the roadmap directory: %s", diags.Error())
	}
	cfg, diags = NewLoader().LoadDir(dir, LoadOptions{VarFiles: []string{filepath.Join(dir, "prod.vars.hcl")}})
	if len(diags) != 0 || cfg.VariableValues["capex"].AsBigFloat().String() != "2" {
		t.Fatalf("with the full path: capex = %#v, %s", cfg.VariableValues["capex"], diags.Error())
	}
}

// TestBOMAndCRLFLoad: a UTF-8 byte order mark and Windows line endings
// are accepted (editors on Windows write both) and give the same roadmap
// as plain LF; diagnostics still point at the right line and column.
func TestBOMAndCRLFLoad(t *testing.T) {
	src := "roadmap {\n  name  = \"R\"\n  start = \"2027-01\"\n}\ngoal \"g\" {\n  weight = 2\n}\n"
	variants := map[string]string{
		"lf":       src,
		"crlf":     strings.ReplaceAll(src, "\n", "\r\n"),
		"bom":      "\xef\xbb\xbf" + src,
		"bom_crlf": "\xef\xbb\xbf" + strings.ReplaceAll(src, "\n", "\r\n"),
	}
	for name, content := range variants {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "main.hcl"), []byte(content))
			cfg, diags := NewLoader().LoadDir(dir, LoadOptions{})
			if len(diags) != 0 {
				t.Fatalf("diagnostics: %s", diags.Error())
			}
			if cfg.Roadmap.Name != "R" || len(cfg.Goals) != 1 || cfg.Goals[0].Weight != 2 {
				t.Errorf("roadmap %q, goals %+v", cfg.Roadmap.Name, cfg.Goals)
			}
			write(t, filepath.Join(dir, "main.hcl"), []byte(strings.Replace(content, "weight = 2", "weight = -2", 1)))
			_, diags = NewLoader().LoadDir(dir, LoadOptions{})
			if len(diags) != 1 || diags[0].Subject.Start.Line != 6 || diags[0].Subject.Start.Column != 12 {
				t.Errorf("diagnostics = %s, want one at 6:12", diags.Error())
			}
		})
	}
}

// TestNestingLimitBoundary: MaxNesting levels parse; one more is refused
// before the parser sees it.
func TestNestingLimitBoundary(t *testing.T) {
	cases := map[string]func(n int) string{
		"parentheses": func(n int) string { return strings.Repeat("(", n) + "1" + strings.Repeat(")", n) },
		"lists":       func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) },
		"negation":    func(n int) string { return strings.Repeat("-", n) + "1" },
	}
	for name, expr := range cases {
		t.Run(name, func(t *testing.T) {
			// The attribute value sits inside the locals block: one level.
			ok := "locals {\n  x = " + expr(MaxNesting-1) + "\n}\n"
			if _, diags := ParseConfigWithinLimits([]byte(ok), "ok.hcl"); diags.HasErrors() {
				t.Errorf("%d levels refused: %s", MaxNesting, diags.Error())
			}
			deep := "locals {\n  x = " + expr(MaxNesting) + "\n}\n"
			f, diags := ParseConfigWithinLimits([]byte(deep), "deep.hcl")
			if len(diags) != 1 || diags[0].Summary != "Nesting too deep" {
				t.Fatalf("%d levels: %s", MaxNesting+1, diags.Error())
			}
			if _, parsed := f.Body.(*hclsyntax.Body); parsed {
				t.Errorf("the file was parsed after all")
			}
		})
	}
}

// TestExpressionDepthLimit: a chain of operators the parser builds
// without recursion still may not be deeper than MaxExprDepth.
func TestExpressionDepthLimit(t *testing.T) {
	chain := func(n int) string { return "x = " + strings.Repeat("1 + ", n) + "1\n" }
	if _, diags := ParseConfigWithinLimits([]byte(chain(MaxExprDepth)), "ok.hcl"); diags.HasErrors() {
		t.Errorf("a chain of %d: %s", MaxExprDepth, diags.Error())
	}
	_, diags := ParseConfigWithinLimits([]byte(chain(MaxExprDepth+1)), "deep.hcl")
	if len(diags) != 1 || diags[0].Summary != "Expression too deep" {
		t.Errorf("a chain of %d: %s", MaxExprDepth+1, diags.Error())
	}
}

// TestFormatRefusesChangeOfMeaning is the regression test for the first
// FuzzFormat failure: hclwrite joined "0 .1" into the number "0.1".
func TestFormatRefusesChangeOfMeaning(t *testing.T) {
	src := []byte("risk {\n  security = -0 .1\n}\n")
	formatted, _, diags := Format(src, "f.hcl")
	if formatted != nil {
		t.Fatalf("Format returned %q", formatted)
	}
	want := []string{"f.hcl:2:15: Cannot format safely"}
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%s:%d:%d: %s", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column, d.Summary))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if ok, _, diags := Format([]byte("risk {\nsecurity = -0.1\n}\n"), "f.hcl"); diags.HasErrors() || string(ok) != "risk {\n  security = -0.1\n}\n" {
		t.Errorf("ordinary formatting: %q, %s", ok, diags.Error())
	}
}

// TestUTF16Detection: UTF-16 files, with or without a byte order mark,
// are named as such; stray NUL bytes in a short UTF-8 file are not
// (FuzzFormat found "#\x1d \x00" taken for UTF-16).
func TestUTF16Detection(t *testing.T) {
	utf16le := func(s string) []byte {
		var b []byte
		for _, c := range []byte(s) {
			b = append(b, c, 0)
		}
		return b
	}
	cases := []struct {
		name string
		src  []byte
		want bool
	}{
		{"bom le", append([]byte{0xff, 0xfe}, utf16le("x = 1\n")...), true},
		{"bom be", []byte{0xfe, 0xff, 0, 'x'}, true},
		{"no bom", utf16le("roadmap {\n}\n"), true},
		{"nul in short file", []byte("#\x1d \x00"), false},
		{"nuls in comment", []byte("# \x00\x00\x00\x00 nul\nx = 1\n"), false},
		{"utf-8", []byte("x = \"caf\xc3\xa9\"\n"), false},
	}
	for _, c := range cases {
		if got := checkUTF16(c.src, "f.hcl") != nil; got != c.want {
			t.Errorf("%s: UTF-16 = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestCapacityPlanLimit: a horizon of MaxHorizon with teams enough for
// MaxCapacityCells loads; one team more is "Plan too large". Under the
// earlier limit of 10,000,000 cells, 900 teams over 10,000 weeks loaded,
// and planning them took 3.9 GB and 24 s for the JSON alone.
func TestCapacityPlanLimit(t *testing.T) {
	for _, teams := range []int{MaxCapacityCells / MaxHorizon, MaxCapacityCells/MaxHorizon + 1, 100, 900} {
		var b strings.Builder
		fmt.Fprintf(&b, "roadmap {\n  start   = \"2027-01\"\n  period  = \"week\"\n  horizon = %d\n}\n", MaxHorizon)
		for i := range teams {
			fmt.Fprintf(&b, "team \"t%d\" {\n  capacity = 1\n}\n", i)
		}
		dir := t.TempDir()
		write(t, filepath.Join(dir, "main.hcl"), []byte(b.String()))
		_, diags := NewLoader().LoadDir(dir, LoadOptions{})
		tooLarge := len(diags) == 1 && diags[0].Summary == "Plan too large" && diags[0].Subject.Start.Line == 4
		if want := teams*MaxHorizon > MaxCapacityCells; tooLarge != want || (!want && len(diags) != 0) {
			t.Errorf("%d teams over %d periods: diagnostics %v, want plan too large: %v", teams, MaxHorizon, diags, want)
		}
		// The detail gives the figure and the limit (review qa17 A8: 100
		// teams over 10,000 months, then within the limit, took 11.5 s
		// and 1.05 GB to print as HTML).
		if teams == 900 {
			if want := "The capacity plan would track 900 teams and budgets over 1000 periods, 900,000 entries, more than the 500,000 a plan may hold."; !tooLarge || !strings.HasPrefix(diags[0].Detail, want) {
				t.Errorf("900 teams: diagnostics %v, want %q", diags, want)
			}
		}
	}
}

func TestGroupDigits(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 500_000: "500,000", 1_000_000: "1,000,000", -1234: "-1,234", -123: "-123"} {
		if got := groupDigits(n); got != want {
			t.Errorf("groupDigits(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestLifecycleChartLimit: systems times the horizon is bounded like the
// capacity plan (review qa15d D15: 300 systems over 10,000 months made
// 207 MB of HTML).
func TestLifecycleChartLimit(t *testing.T) {
	for _, systems := range []int{MaxCapacityCells / MaxHorizon, MaxCapacityCells/MaxHorizon + 1, 300} {
		var b strings.Builder
		fmt.Fprintf(&b, "roadmap {\n  start   = \"2027-01\"\n  period  = \"week\"\n  horizon = %d\n}\n", MaxHorizon)
		for i := range systems {
			fmt.Fprintf(&b, "system \"s%d\" {\n  end_of_support = \"2030-01\"\n}\n", i)
		}
		dir := t.TempDir()
		write(t, filepath.Join(dir, "main.hcl"), []byte(b.String()))
		_, diags := NewLoader().LoadDir(dir, LoadOptions{})
		tooLarge := len(diags) == 1 && diags[0].Summary == "Plan too large" && diags[0].Subject.Start.Line == 4 && strings.Contains(diags[0].Detail, "technology audit")
		if want := systems*MaxHorizon > MaxCapacityCells; tooLarge != want || (!want && len(diags) != 0) {
			t.Errorf("%d systems over %d periods: diagnostics %v, want plan too large: %v", systems, MaxHorizon, diags, want)
		}
	}
}

// TestFlightBytesLimit: the plan repeats each id in every period its
// project runs, so ids x durations are bounded (review qa18 B8: 100
// projects with 250-byte ids over 9,000 months made 247 MB of JSON).
func TestFlightBytesLimit(t *testing.T) {
	for _, tc := range []struct {
		projects int
		tooLarge bool
	}{{80, false}, {100, true}} { // 900 x 253 bytes a project: 18.2 MB, 22.8 MB
		var b strings.Builder
		b.WriteString("roadmap {\n  start   = \"2027-01\"\n  period  = \"month\"\n  horizon = 1000\n}\n")
		for i := range tc.projects {
			fmt.Fprintf(&b, "project \"%s\" {\n  duration = 900\n}\n", fmt.Sprintf("p%03d", i)+strings.Repeat("x", 246))
		}
		dir := t.TempDir()
		write(t, filepath.Join(dir, "main.hcl"), []byte(b.String()))
		_, diags := NewLoader().LoadDir(dir, LoadOptions{})
		got := diags.HasErrors() && diags[0].Summary == "Plan too large" && strings.Contains(diags[0].Detail, "bytes of ids")
		if got != tc.tooLarge || (!tc.tooLarge && diags.HasErrors()) {
			t.Errorf("%d projects: %v, want too large: %v", tc.projects, diags, tc.tooLarge)
		}
	}
}
