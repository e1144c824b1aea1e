package hclspec

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/roadmap-as-code/roadmap/internal/synth"
)

// synthSources is a generated roadmap of n projects as LoadSources takes it.
func synthSources(n int) map[string][]byte {
	sources := map[string][]byte{}
	for _, f := range synth.Generate(synth.Sized(n, 7)) {
		sources[filepath.Join("r", f.Name)] = f.Content
	}
	return sources
}

// edit replaces the first old in the named source by new.
func edit(t *testing.T, sources map[string][]byte, name, old, new string) {
	t.Helper()
	name = filepath.Join("r", name)
	if !bytes.Contains(sources[name], []byte(old)) {
		t.Fatalf("%s holds no %q", name, old)
	}
	sources[name] = bytes.Replace(sources[name], []byte(old), []byte(new), 1)
}

// projectsFile is the name of the generated roadmap's first projects file.
func projectsFile(t *testing.T, sources map[string][]byte) string {
	t.Helper()
	for name := range sources {
		if strings.HasPrefix(filepath.Base(name), "30_projects") {
			return filepath.Base(name)
		}
	}
	t.Fatal("no projects file")
	return ""
}

// fullDiagnostics renders diagnostics with everything a user sees of them.
func fullDiagnostics(diags hcl.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "%d %s: %s | %s | %v | %v\n", d.Severity, rangeText(d.Subject), d.Summary, d.Detail, rangeText(d.Context), d.Expression != nil)
	}
	return b.String()
}

func rangeText(r *hcl.Range) string {
	if r == nil {
		return "-"
	}
	return r.String()
}

// TestDecodingWhileParsingChangesNothing loads roadmaps whose later files
// hold no variable, scenario, locals or roadmap block (so their blocks
// are decoded as each file is parsed) both ways, and requires the same
// configuration and the same diagnostics in the same order.
func TestDecodingWhileParsingChangesNothing(t *testing.T) {
	type variant struct {
		name    string
		edit    func(t *testing.T, sources map[string][]byte)
		streams bool // the later files are decoded as they are parsed
	}
	variants := []variant{
		{name: "valid", streams: true},
		{name: "errors in later files", streams: true, edit: func(t *testing.T, s map[string][]byte) {
			p := projectsFile(t, s)
			edit(t, s, p, `project "p010"`, `project "p005"`)
			edit(t, s, p, "department.", "department.nope_")
			edit(t, s, p, "  duration", "  duration = var.nope\n  x")
			edit(t, s, p, "one_time = ", "one_time = local.fte_cost / 0 + ")
			edit(t, s, p, `project "p020" {`, "project \"p0O20\" {\n  title = \"Look-alike, on the roadmap\"\n}\n\nproject \"p020\" {")
			edit(t, s, "10_organisation.hcl", "goal ", "goal \"x\" {\n}\n\ngoal \"x\" {\n}\n\ngoal ")
			s[filepath.Join("r", "40_checks.hcl")] = append(s[filepath.Join("r", "40_checks.hcl")],
				"\nproject \"late\" {\n  title      = \"Publish the roadmap\"\n  depends_on = [project.nope, project.late]\n}\n"...)
		}},
		{name: "syntax error in a later file", streams: true, edit: func(t *testing.T, s map[string][]byte) {
			edit(t, s, projectsFile(t, s), "  duration", "  duration = \n  x")
		}},
		{name: "refused later file", streams: true, edit: func(t *testing.T, s map[string][]byte) {
			s[filepath.Join("r", "40_checks.hcl")] = append(s[filepath.Join("r", "40_checks.hcl")],
				"\nlocal_deep = "+strings.Repeat("[", 150)+strings.Repeat("]", 150)+"\n"...)
		}},
		{name: "locals in the last file", streams: false, edit: func(t *testing.T, s map[string][]byte) {
			s[filepath.Join("r", "40_checks.hcl")] = append(s[filepath.Join("r", "40_checks.hcl")], "\nlocals {\n  late = 1\n}\n"...)
		}},
		{name: "roadmap block in a heredoc", streams: false, edit: func(t *testing.T, s map[string][]byte) {
			s[filepath.Join("r", "40_checks.hcl")] = append(s[filepath.Join("r", "40_checks.hcl")],
				"\nproject \"doc\" {\n  title = <<EOT\nroadmap {\nEOT\n}\n"...)
		}},
	}
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			sources := synthSources(120)
			if v.edit != nil {
				v.edit(t, sources)
			}
			streaming := NewLoader()
			gotCfg, gotDiags := streaming.LoadSources("r", sources, LoadOptions{})
			if streaming.decodedWhileParsing != v.streams {
				t.Fatalf("decoded while parsing: %v, want %v", streaming.decodedWhileParsing, v.streams)
			}
			whole := NewLoader()
			whole.parseAllFirst = true
			wantCfg, wantDiags := whole.LoadSources("r", sources, LoadOptions{})
			if whole.decodedWhileParsing {
				t.Fatal("parseAllFirst decoded while parsing")
			}
			if diff := cmp.Diff(fullDiagnostics(wantDiags), fullDiagnostics(gotDiags)); diff != "" {
				t.Errorf("diagnostics (-parse all first +decode while parsing):\n%s", diff)
			}
			if v.name != "valid" && !gotDiags.HasErrors() && v.streams {
				t.Error("no error in a roadmap with errors")
			}
			if refused := refusedAny(gotDiags); refused != strings.HasPrefix(v.name, "refused") {
				t.Errorf("refused: %v", refused)
			}
			opts := cmp.Options{
				cmpopts.IgnoreFields(Config{}, "Files"),
				cmp.Comparer(func(a, b cty.Value) bool { return a.RawEquals(b) }),
				cmp.Comparer(func(a, b cty.Type) bool { return a.Equals(b) }),
				// Expressions kept for evaluation later (a check's condition)
				// are the same when they come from the same source range.
				cmp.Comparer(func(a, b hcl.Expression) bool {
					return (a == nil) == (b == nil) && (a == nil || a.Range() == b.Range())
				}),
				cmpopts.EquateEmpty(),
			}
			if diff := cmp.Diff(wantCfg, gotCfg, opts); diff != "" {
				t.Errorf("config (-parse all first +decode while parsing):\n%s", diff)
			}
			if len(gotCfg.Files) != len(wantCfg.Files) {
				t.Errorf("%d files for snippets, want %d", len(gotCfg.Files), len(wantCfg.Files))
			}
			for name, f := range wantCfg.Files {
				if g := gotCfg.Files[name]; g == nil || !bytes.Equal(g.Bytes, f.Bytes) {
					t.Errorf("file %s not kept for snippets", name)
				}
			}
		})
	}
}

func TestMayHoldPrelude(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"project \"a\" {\n}\n", false},
		{"roadmap {\n}\n", true},
		{"  variable \"x\" {}\n", true},
		{"\tlocals {\n}\n", true},
		{"scenario \"s\" {\n}\n", true},
		{"/* note */ roadmap {\n}\n", true},
		{"\uFEFFroadmap {\n}\n", true},
		{"project \"a\" {\n  title = \"Publish the roadmap\"\n}\n", false},
		{"# the roadmap\n", false},
		{"roadmaps = 1\n", false},
		{"variables_x {\n}\n", false},
		{"project \"a\" {\n  title = <<EOT\nvariable\nEOT\n}\n", true}, // a heredoc line: may say yes wrongly
		{"x = var.variable\n", false},
		{"", false},
		{"roadmap", true},
	}
	for _, tt := range tests {
		if got := mayHoldPrelude([]byte(tt.src)); got != tt.want {
			t.Errorf("mayHoldPrelude(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}
