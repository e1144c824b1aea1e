package hclspec

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/roadmap-as-code/roadmap/internal/fuzzseed"
)

// fuzzWatchdog is how long one fuzz input may run before it counts as a
// hang: generous, as the machine may be loaded and -race slows it.
const fuzzWatchdog = 20 * time.Second

// addRoadmapSeeds adds every example and testdata roadmap of the
// repository, its files joined with fuzzseed.FileSeparator, and each file
// on its own.
func addRoadmapSeeds(f *testing.F) {
	dirs := fuzzseed.RoadmapDirs(f)
	names := make([]string, 0, len(dirs))
	for d := range dirs {
		names = append(names, d)
	}
	sort.Strings(names)
	for _, d := range names {
		f.Add(fuzzseed.Join(dirs[d]))
		if len(dirs[d]) > 1 {
			for _, src := range dirs[d] {
				f.Add(src)
			}
		}
	}
}

// FuzzLoadDirFiles loads a directory of up to eight files cut out of the
// input at each fuzzseed.FileSeparator: duplicate blocks across files,
// references between them, any bytes in any of them. The loader must not
// panic, must always return a Config with a Roadmap, must put every
// diagnostic on a file of the directory (or none), and must give the same
// diagnostics when run twice.
func FuzzLoadDirFiles(f *testing.F) {
	addRoadmapSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzseed.Watchdog(fuzzWatchdog, data)()
		dir := fuzzseed.WriteDir(t, data, 8)
		cfg, diags := NewLoader().LoadDir(dir, LoadOptions{})
		if cfg == nil || cfg.Roadmap == nil {
			t.Fatal("LoadDir returned no Config or no Roadmap")
		}
		for _, d := range diags {
			if d.Subject != nil && filepath.Dir(d.Subject.Filename) != dir {
				t.Errorf("diagnostic %q is on %q, outside the roadmap", d.Summary, d.Subject.Filename)
			}
			if d.Summary == "" || d.Detail == "" {
				t.Errorf("diagnostic without summary or detail: %+v", d)
			}
		}
		_, again := NewLoader().LoadDir(dir, LoadOptions{})
		if diff := cmp.Diff(formatDiagnostics(dir, diags), formatDiagnostics(dir, again)); diff != "" {
			t.Errorf("a second load gave other diagnostics (-first +second):\n%s", diff)
		}
	})
}

// varsRoadmap declares one variable of each kind a --var or var file can
// set, and uses them, so values flow through validation and decoding.
const varsRoadmap = `
variable "capex" {
  type    = number
  default = 1000
  validation {
    condition     = var.capex > 0
    error_message = "capex must be positive."
  }
}
variable "name" {
  default = "Plan"
}
variable "label" {
  type    = string
  default = "x"
}
variable "go" {
  type    = bool
  default = true
}
variable "stack" {
  type    = list(string)
  default = []
}
variable "fte" {
  type    = map(number)
  default = { platform = 1 }
}
variable "settings" {
  type    = object({ horizon = number, period = string })
  default = { horizon = 4, period = "quarter" }
}
variable "anything" {
  type    = any
  default = null
}
roadmap {
  name    = var.name
  start   = "2027-01"
  period  = var.settings.period
  horizon = var.settings.horizon
  stack   = var.stack
}
team "platform" {
  capacity     = lookup(var.fte, "platform", 1)
  cost_per_fte = var.capex / 10
}
budget "capex" {
  amount = var.capex
}
project "p" {
  title     = var.label
  mandatory = var.go
  duration  = 1
  effort    = { platform = 1 }
}
`

// FuzzVariableValues sets the variables above from the command line (the
// first input, one name=value per fuzzseed.FileSeparator), from a
// variable file (the second, HCL, or JSON when it starts with "{") and
// from ROADMAP_VAR_capex (the third). Whatever the values, loading must
// not panic, and a load without errors must leave every variable known.
func FuzzVariableValues(f *testing.F) {
	f.Add("capex=100", []byte("capex = 100\nname = \"N\"\n"), "5")
	f.Add("settings={horizon=2, period=\"year\"}\x1estack=[\"vm\"]", []byte(`{"capex": 7, "fte": {"platform": 3}}`), "")
	f.Add("fte={platform=\"a\"}", []byte("go = \"maybe\"\n"), "-1")
	f.Add("name=${var.x}\x1elabel=\xff\xfe", []byte("anything = [1, \"a\", {b = true}]\n"), "1e400")
	f.Add("capex=", []byte("capex = 1 / 0\n"), "(((1)))")
	f.Add("=1\x1ecapex", []byte("unknown = 1\ncapex = var.capex\n"), "x")
	// Values that used to be wrong (issue 11): x % 0, stack traces from
	// log and pow, infinity, a lone carriage return.
	f.Add("capex=7 % 0\x1ename=\"x\"", []byte("capex = log(-1, 10)\n"), "pow(-8, 0.5)")
	f.Add("capex=1", []byte("capex = 1\rname = \"n\"\r"), "tonumber(\"Inf\")")
	for _, src := range fuzzseed.Read(f, fuzzseed.Files(f, ".vars.hcl")) {
		f.Add("capex=1", src, "")
	}
	f.Fuzz(func(t *testing.T, vars string, varFile []byte, env string) {
		defer fuzzseed.Watchdog(fuzzWatchdog, vars+"|"+string(varFile)+"|"+env)()
		dir := t.TempDir()
		write(t, filepath.Join(dir, "main.hcl"), []byte(varsRoadmap))
		name := filepath.Join(t.TempDir(), "in.vars.hcl")
		if bytes.HasPrefix(varFile, []byte("{")) {
			name = strings.TrimSuffix(name, ".hcl") + ".json"
		}
		write(t, name, varFile)
		opts := LoadOptions{VarFiles: []string{name}, Env: []string{"ROADMAP_VAR_capex=" + env}}
		if vars != "" {
			opts.Vars = strings.Split(vars, fuzzseed.FileSeparator)
		}
		cfg, diags := NewLoader().LoadDir(dir, opts)
		if cfg == nil || cfg.Roadmap == nil {
			t.Fatal("LoadDir returned no Config or no Roadmap")
		}
		if diags.HasErrors() {
			return
		}
		for _, v := range cfg.Variables {
			if val, ok := cfg.VariableValues[v.Name]; !ok || !val.IsWhollyKnown() {
				t.Errorf("var.%s is %#v after a load without errors", v.Name, val)
			}
		}
	})
}

// FuzzFormat checks Format: it never returns output for a file that does
// not parse; its output parses; formatting is idempotent; and it changes
// only layout, never a token.
func FuzzFormat(f *testing.F) {
	for _, src := range fuzzseed.Read(f, fuzzseed.Files(f, ".hcl")) {
		f.Add(src)
	}
	f.Add([]byte("a = 1 # c\r\nb = {\r\n x = 1\r\n}\r\n"))
	f.Add([]byte("\xef\xbb\xbfa = 1\n"))
	f.Add([]byte("a = 1\rb = 2\r"))
	f.Add([]byte("a = 1 # c\rb = 2\n"))
	f.Add([]byte("a = 7 % 0\nb = log(-1, 10)\n\"pаyroll\" = 1\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		defer fuzzseed.Watchdog(fuzzWatchdog, src)()
		formatted, file, diags := Format(src, "f.hcl")
		if diags.HasErrors() {
			if formatted != nil {
				t.Fatalf("Format returned %q for a file that does not parse", formatted)
			}
			if file == nil && len(src) <= MaxFileBytes {
				t.Fatal("Format returned no file for the diagnostics' snippets")
			}
			return
		}
		again, _, d := Format(formatted, "f.hcl")
		if d.HasErrors() {
			t.Fatalf("formatted output does not parse: %s\ninput:\n%q\noutput:\n%q", d.Error(), src, formatted)
		}
		if !bytes.Equal(again, formatted) {
			t.Fatalf("formatting is not idempotent:\ninput:\n%q\nonce:\n%q\ntwice:\n%q", src, formatted, again)
		}
		if diff := cmp.Diff(significantTokens(src), significantTokens(formatted)); diff != "" {
			t.Fatalf("formatting changed tokens (-input +formatted):\n%s", diff)
		}
	})
}

// significantTokens lists src's tokens without newlines and with comments
// trimmed of trailing white space: what formatting must keep.
func significantTokens(src []byte) []string {
	tokens, _ := hclsyntax.LexConfig(src, "f.hcl", hcl.InitialPos)
	var out []string
	for _, tok := range tokens {
		switch tok.Type {
		case hclsyntax.TokenNewline, hclsyntax.TokenEOF:
			continue
		case hclsyntax.TokenComment:
			out = append(out, strings.TrimRight(string(tok.Bytes), " \t\r\n"))
		default:
			out = append(out, string(tok.Bytes))
		}
	}
	return out
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
