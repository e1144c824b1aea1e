package main

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/roadmap-as-code/roadmap/internal/safetext"
)

// guardPayload is text a pull request can put in any string: workflow
// commands in both forms, a line break before one, and bidirectional
// controls. The CLI's stream guard must neutralise them without making
// machine output unreadable (review qa17 A3: "##[" became "##\[", no
// JSON escape, so every JSON and SARIF document on stdout was invalid).
const guardPayload = "##[error]x ::error::y\n::set-output name=a::b \u202erlo\u2066 ###[z] ##["

const guardRoadmap = `locals {
  p = "##[error]x ::error::y\n::set-output name=a::b \u202erlo\u2066 ###[z] ##["
}

variable "cap" {
  type    = number
  default = 4
  validation {
    condition     = var.cap < 100
    error_message = "##[error]x ::error::y\n::set-output name=a::b \u202erlo\u2066 ###[z] ##["
  }
}

roadmap {
  name    = local.p
  start   = "2027-Q1"
  horizon = 8
}

team "t" {
  title        = local.p
  capacity     = var.cap
  cost_per_fte = 1000
}

budget "capex" {
  title  = local.p
  amount = 100000
  per    = "year"
}

system "s" {
  title          = local.p
  vendor         = local.p
  provides       = ["c"]
  end_of_support = "2027-Q3"
  run_cost {
    per_year = 1000
  }
}

project "p" {
  title    = local.p
  duration = 1
  effort   = { t = 1 }
  provides = ["c"]
  replaces = [system.s]
  cost {
    one_time = 1000
  }
  benefit {
    per_year = 5000
  }
}

project "q" {
  title    = local.p
  duration = 2
  effort   = { t = 1 }
  cost {
    one_time = 2000
  }
  benefit {
    per_year = 3000
  }
}

scenario "more" {
  description = "##[error]x ::error::y\n::set-output name=a::b \u202erlo\u2066 ###[z] ##["
  variables = {
    cap = 6
  }
}

check "c" {
  condition     = false
  error_message = local.p
}
`

// TestJSONOutputsSurviveStreamGuard runs every command that prints JSON
// (or SARIF) on a roadmap whose strings hold the payload, through the
// CLI's guarded stdout: the document must parse and carry the payload
// exactly, and the stream must stay inert.
func TestJSONOutputsSurviveStreamGuard(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": guardRoadmap})
	base := filepath.Join(t.TempDir(), "base.json")
	runCLI(t, "plan", "--format", "json", "--out", base, dir).wantExit(t, 1) // the check fails
	// JSON outputs keep the data exact; diagnostics and CI reports show
	// it as the terminal would, with controls written out (safetext.Escape).
	exact, shown := guardPayload, safetext.Escape(guardPayload)
	runs := []struct {
		args []string
		want string
	}{
		{[]string{"plan", "--format", "json", dir}, exact},
		{[]string{"plan", "--format", "sarif", dir}, shown},
		{[]string{"plan", "--compare", base, "--format", "json", dir}, exact},
		{[]string{"show", "--format", "json", base}, exact},
		{[]string{"audit", "--format", "json", dir}, exact},
		{[]string{"simulate", "--runs", "5", "--format", "json", dir}, exact},
		{[]string{"compare", "--format", "json", dir}, exact},
		{[]string{"frontier", "--budget", "capex", "--steps", "2", "--format", "json", dir}, exact},
		{[]string{"validate", "--var", "cap=200", "--json", dir}, exact},
		{[]string{"validate", "--var", "cap=200", "--format", "sarif", dir}, shown},
	}
	for _, r := range runs {
		args := r.args
		name := strings.Join(slices.DeleteFunc(slices.Clone(args), func(a string) bool { return a == base || a == dir }), " ")
		t.Run(name, func(t *testing.T) {
			res := runCLI(t, args...)
			if res.Code != 0 && res.Code != 1 {
				t.Fatalf("exit status %d\nstderr:\n%s", res.Code, res.Stderr)
			}
			checkInertStream(t, "stdout", res.Stdout, false, false)
			var doc any
			if err := json.Unmarshal([]byte(res.Stdout), &doc); err != nil {
				t.Fatalf("stdout is not JSON: %v\n%.600s", err, res.Stdout)
			}
			if !holdsString(doc, r.want) {
				t.Errorf("no string of the document holds the payload %q exactly\n%.600s", r.want, res.Stdout)
			}
		})
	}
	// JUnit XML: the same, through an XML decoder.
	for _, args := range [][]string{{"plan", "--format", "junit", dir}, {"validate", "--var", "cap=200", "--format", "junit", dir}} {
		t.Run(strings.Join(args[:len(args)-1], " "), func(t *testing.T) {
			res := runCLI(t, args...)
			if res.Code != 1 {
				t.Fatalf("exit status %d\nstderr:\n%s", res.Code, res.Stderr)
			}
			checkInertStream(t, "stdout", res.Stdout, false, false)
			dec := xml.NewDecoder(strings.NewReader(res.Stdout))
			found := false
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("stdout is not XML: %v", err)
				}
				switch tok := tok.(type) {
				case xml.CharData:
					found = found || strings.Contains(string(tok), shown)
				case xml.StartElement:
					for _, a := range tok.Attr {
						found = found || strings.Contains(a.Value, shown)
					}
				}
			}
			if !found {
				t.Errorf("no text of the XML holds the payload %q exactly\n%.800s", shown, res.Stdout)
			}
		})
	}
	// The console prints HCL: the payload must read back as the same string.
	t.Run("console", func(t *testing.T) {
		res := cliRun{Args: []string{"console", dir}, Stdin: "local.p\n"}.run(t)
		res.wantExit(t, 0)
		checkInertStream(t, "stdout", res.Stdout, false, false)
		expr, diags := hclsyntax.ParseExpression([]byte(res.Stdout), "out", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("console output is not HCL: %s\n%s", diags.Error(), res.Stdout)
		}
		v, diags := expr.Value(nil)
		if diags.HasErrors() || !v.Type().Equals(cty.String) || v.AsString() != guardPayload {
			t.Errorf("console output %s reads back as %#v, want the payload", res.Stdout, v)
		}
	})
}

// holdsString reports whether v, decoded JSON, has a string containing s.
func holdsString(v any, s string) bool {
	switch v := v.(type) {
	case string:
		return strings.Contains(v, s)
	case []any:
		for _, e := range v {
			if holdsString(e, s) {
				return true
			}
		}
	case map[string]any:
		for k, e := range v {
			if strings.Contains(k, s) || holdsString(e, s) {
				return true
			}
		}
	}
	return false
}
