package hclspec

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestBodyContentMatchesContent: bodyContent gives what hclsyntax's
// Content gives, content and diagnostics, for bodies that fit the schema
// and bodies that do not.
func TestBodyContentMatchesContent(t *testing.T) {
	cases := []struct {
		name string
		src  string
	}{
		{"every kind", `
title       = "A"
goals       = { a = 0.5 }
endorsed_by = [department.x]
duration    = 2
effort      = { t = 1 }
cost {
  one_time = 1
}
benefit {
  per_year = 2
}
risk {
  failure = 0.1
}
progress {
  spent = 3
}
`},
		{"required only", `duration = 1`},
		{"two blocks of a type", "duration = 1\ncost {\n}\ncost {\n}\n"},
		{"empty", ``},
		{"missing required", `title = "A"`},
		{"unknown attribute", "duration = 1\ntitel = \"A\"\n"},
		{"attribute named as a block", "duration = 1\ncost = 1\n"},
		{"unknown block", "duration = 1\ncosts {\n}\n"},
		{"block named as an attribute", "duration = 1\ntitle {\n}\n"},
		{"extra label", "duration = 1\ncost \"x\" {\n}\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want, wantDiags := parseBody(t, tc.src).Content(projectSchema)
			got, gotDiags := bodyContent(parseBody(t, tc.src), projectSchema)
			// Each side parses its own copy: compare expressions by range.
			opts := cmp.Options{
				cmp.Comparer(func(a, b hcl.Expression) bool { return a.Range() == b.Range() }),
				cmp.Comparer(func(a, b hcl.Body) bool { return a.MissingItemRange() == b.MissingItemRange() }),
			}
			if d := cmp.Diff(want, got, opts); d != "" {
				t.Errorf("content differs (-Content +bodyContent):\n%s", d)
			}
			if d := cmp.Diff(diagStrings(wantDiags), diagStrings(gotDiags)); d != "" {
				t.Errorf("diagnostics differ (-Content +bodyContent):\n%s", d)
			}
		})
	}
}

// TestBodyContentSavesAllocations: a body that fits its schema takes the
// fast path (fewer allocations than Content).
func TestBodyContentSavesAllocations(t *testing.T) {
	body := parseBody(t, "title = \"A\"\nduration = 2\neffort = { t = 1 }\ncost {\n  one_time = 1\n}\nrisk {\n  failure = 0.1\n}\n")
	slow := testing.AllocsPerRun(20, func() { body.Content(projectSchema) })
	fast := testing.AllocsPerRun(20, func() { bodyContent(body, projectSchema) })
	if fast >= slow/2 {
		t.Errorf("bodyContent: %.0f allocations, Content %.0f: want under half (the fast path)", fast, slow)
	}
}

func parseBody(t *testing.T, src string) *hclsyntax.Body {
	t.Helper()
	f, diags := hclsyntax.ParseConfig([]byte(src), "project.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return f.Body.(*hclsyntax.Body)
}

func diagStrings(diags hcl.Diagnostics) []string {
	var out []string
	for _, d := range diags {
		out = append(out, d.Error())
	}
	slices.Sort(out)
	return out
}
