package hclspec

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// TestLookAlikeLocals: local names get the same checks as block ids.
func TestLookAlikeLocals(t *testing.T) {
	dir := t.TempDir()
	src := "roadmap {\n  start = \"2027-01\"\n}\n\nlocals {\n  payroll = 1\n  pаyroll = 2\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, diags := NewLoader().LoadDir(dir, LoadOptions{})
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%d:%d %s", d.Subject.Start.Line, d.Subject.Start.Column, d.Summary))
	}
	want := []string{"7:3 Id mixes scripts", "7:3 Look-alike ids"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// TestLookAlikeIds: ids that a reviewer cannot tell apart from another
// are an error (decomposed accents) or a warning (mixed scripts, look-
// alikes); ordinary ids in any one script, and CJK with Latin, are not.
func TestLookAlikeIds(t *testing.T) {
	cases := []struct {
		name string
		ids  []string // project ids, declared in this order
		want []string // "line:col severity: summary"
	}{
		{name: "ascii", ids: []string{"payroll", "pay_roll", "payroll2"}},
		{name: "one script", ids: []string{"café", "Zürich", "зарплата", "δίκτυο", "給与"}},
		{name: "cjk with latin", ids: []string{"erp_東京", "移行_phase2"}},
		{name: "cyrillic a in a latin id", ids: []string{"payroll", "pаyroll"}, want: []string{
			"5:9 warning: Id mixes scripts",
			"5:9 warning: Look-alike ids",
		}},
		{name: "whole word in cyrillic", ids: []string{"сrm", "crm"}, want: []string{
			"1:9 warning: Id mixes scripts",
			"5:9 warning: Look-alike ids",
		}},
		{name: "decomposed accent", ids: []string{"café", "cafe\u0301"}, want: []string{
			"5:9 error: Id not in composed form",
		}},
		{name: "greek omicron", ids: []string{"oracle", "οracle"}, want: []string{
			"5:9 warning: Id mixes scripts",
			"5:9 warning: Look-alike ids",
		}},
		{name: "fullwidth letters", ids: []string{"erp", "ｅｒｐ"}, want: []string{
			"5:9 warning: Look-alike ids",
		}},
		// Review qa17 A12: the joiners print as nothing.
		{name: "zero width joiners", ids: []string{"crm", "c\u200drm", "c\u200crm"}, want: []string{
			"5:9 warning: Look-alike ids",
			"9:9 warning: Look-alike ids",
		}},
		// Review qa18 B7: the other default-ignorables print as nothing
		// too: a combining grapheme joiner, variation selectors, Hangul
		// fillers.
		{name: "default ignorables", ids: []string{"crm", "c\u034frm", "crm\ufe0f", "c\ufe00rm", "crm\u3164", "c\u115frm"}, want: []string{
			"5:9 warning: Look-alike ids",
			"9:9 warning: Look-alike ids",
			"13:9 warning: Look-alike ids",
			"17:9 warning: Look-alike ids",
			"21:9 warning: Look-alike ids",
		}},
		{name: "joiner in persian", ids: []string{"می\u200cخواهم", "میخواهم"}, want: []string{
			"5:9 warning: Look-alike ids",
		}},
		{name: "digit and letter", ids: []string{"phase_1", "phase_l", "OO7", "O07"}, want: []string{
			"5:9 warning: Look-alike ids",
			"13:9 warning: Look-alike ids",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			var src strings.Builder
			for _, id := range c.ids {
				src.WriteString("project \"" + id + "\" {\n  duration = 1\n}\n\n")
			}
			src.WriteString("roadmap {\n  start = \"2027-01\"\n}\n")
			if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			_, diags := NewLoader().LoadDir(dir, LoadOptions{})
			var got []string
			for _, d := range diags {
				sev := "error"
				if d.Severity == hcl.DiagWarning {
					sev = "warning"
				}
				got = append(got, fmt.Sprintf("%d:%d %s: %s", d.Subject.Start.Line, d.Subject.Start.Column, sev, d.Summary))
				if strings.Contains(d.Summary, "Look-alike") && !strings.Contains(d.Detail, "declared at") {
					t.Errorf("look-alike detail does not say where the other is: %s", d.Detail)
				}
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s\n%s", diff, diags.Error())
			}
		})
	}
}
