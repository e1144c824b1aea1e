package sheetimport

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseNumber(t *testing.T) {
	cases := map[string]string{
		"1400000": "1400000", "1,400,000": "1400000", "€1,200,000": "1200000", "15%": "0.15", "1.2M": "1200000",
		"120k": "120000", "0.25": "0.25", "pert(1,2, 4)": "pert(1, 2, 4)", "uniform(10k, 20k)": "uniform(10000, 20000)",
	}
	for in, want := range cases {
		got, msg := parseNumber(in)
		if msg != "" || got != want {
			t.Errorf("parseNumber(%q) = %q, %q; want %q", in, got, msg, want)
		}
	}
	for in, want := range map[string]string{
		"1,500": "or 1.5 if the comma is a decimal comma", "lots": `"lots" is not a number`,
		"pert(1, x, 3)": "every argument of pert must be a number", "Inf": "not a number", "NaN": "not a number",
	} {
		if _, msg := parseNumber(in); !strings.Contains(msg, want) {
			t.Errorf("parseNumber(%q) says %q, want %q", in, msg, want)
		}
	}
}

func TestSlugAndLists(t *testing.T) {
	for in, want := range map[string]string{
		"CRM: Replace the tool": "crm_replace_the_tool", "IT-101": "it_101", "2027 refresh": "p_2027_refresh", "!!!": "",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	if diff := cmp.Diff([]string{"a", "pert(1, 2, 3)", "b c"}, splitList("a; pert(1, 2, 3) | b c,")); diff != "" {
		t.Errorf("splitList (-want +got):\n%s", diff)
	}
	if got := columnLetter(27); got != "AB" {
		t.Errorf("columnLetter(27) = %s", got)
	}
}

// TestReadMapsColumns: known headers, repeated Jira columns merging into
// one attribute, --map overriding and ignoring, unknown columns listed.
func TestReadMapsColumns(t *testing.T) {
	sh := Sheet{Name: "s.csv", Rows: [][]string{
		{"Summary", "Labels", "Labels", "Size", "Owner", "Notes"},
		{"Do a thing", "cut_costs", "growth", "2", "ana", "x"},
	}}
	res, diags := Read(sh, Options{Map: []string{"Size=duration", "Notes=-"}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if diff := cmp.Diff([]string{"Owner"}, res.Ignored); diff != "" {
		t.Errorf("ignored (-want +got):\n%s", diff)
	}
	p := res.Projects[0]
	if p.ID != "do_a_thing" || p.Row != 2 {
		t.Errorf("project %+v", p)
	}
	if diff := cmp.Diff(map[string]string{"cut_costs": "1", "growth": "1"}, p.Attrs["goals"]); diff != "" {
		t.Errorf("goals (-want +got):\n%s", diff)
	}
	if got := p.Attrs["duration"]; got != 2.0 {
		t.Errorf("duration %v", got)
	}
}
