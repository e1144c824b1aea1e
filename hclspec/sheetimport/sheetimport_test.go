package sheetimport

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseNumber(t *testing.T) {
	type want struct {
		text      string
		converted bool
	}
	point := map[string]want{
		"1400000": {"1400000", false}, "0.25": {"0.25", false}, "-3": {"-3", false},
		"1,400,000": {"1400000", true}, "€1,200,000": {"1200000", true}, "15%": {"0.15", true}, "1.2M": {"1200000", true},
		"120k": {"120000", true}, "80,000": {"80000", true}, "1,5": {"1.5", true}, "1 400 000": {"1400000", true},
		"1\u00a0400": {"1400", true}, "-1,200": {"-1200", true}, "$5": {"5", true}, "1200€": {"1200", true},
		"pert(1,2, 4)": {"pert(1, 2, 4)", false}, "uniform(10k, 20k)": {"uniform(10000, 20000)", true},
	}
	comma := map[string]want{
		"1400000": {"1400000", false}, "1,5": {"1.5", true}, "80,000": {"80", true}, "1.500": {"1500", true},
		"1.400.000,50": {"1400000.5", true}, "12,5%": {"0.125", true}, "€1.200": {"1200", true},
		"pert(1,5; 2; 3,5)": {"pert(1.5, 2, 3.5)", true},
	}
	for decimalComma, cases := range map[bool]map[string]want{false: point, true: comma} {
		for in, w := range cases {
			got, msg, conv := parseNumber(in, decimalComma)
			if msg != "" || got != w.text || conv != w.converted {
				t.Errorf("parseNumber(%q, decimal comma %v) = %q, %q, converted %v; want %q, converted %v", in, decimalComma, got, msg, conv, w.text, w.converted)
			}
		}
	}
	for in, want := range map[string]string{
		"lots": `"lots" is not a number`, "pert(1, x, 3)": "every argument of pert must be a number",
		"Inf": "not a number", "NaN": "not a number", "1,2,3": "not a number",
	} {
		if _, msg, _ := parseNumber(in, false); !strings.Contains(msg, want) {
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
