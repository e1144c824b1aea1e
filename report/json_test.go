package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// TestJSONRoundTrip: a saved plan reads back into the same plan and writes
// the same bytes, so show prints what plan printed.
func TestJSONRoundTrip(t *testing.T) {
	for _, name := range fixturePlans {
		t.Run(name, func(t *testing.T) {
			p := loadFixture(t, name)
			first, err := MarshalPlan(p)
			if err != nil {
				t.Fatal(err)
			}
			q, err := ReadPlan(bytes.NewReader(first))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(p, q); diff != "" {
				t.Errorf("plan changed in a round trip (-want +got):\n%s", diff)
			}
			second, err := MarshalPlan(q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(first), string(second)); diff != "" {
				t.Errorf("JSON changed in a round trip (-want +got):\n%s", diff)
			}
			if !bytes.HasSuffix(first, []byte("}\n")) {
				t.Errorf("JSON does not end in a newline")
			}
		})
	}
}

// TestMarshalPlanEmptyLists: nil lists and maps encode as [] and {}, and
// normalising does not write into the caller's plan.
func TestMarshalPlanEmptyLists(t *testing.T) {
	p := &evaluate.Plan{
		FormatVersion: evaluate.FormatVersion,
		Projects:      []evaluate.ProjectPlan{{ID: "a"}},
		Periods:       []evaluate.PeriodPlan{{Label: "2027"}},
		Vendors:       []evaluate.VendorResult{{Evaluation: "crm", Candidates: []evaluate.VendorCandidate{{Vendor: "v"}}}},
		Optimization:  &evaluate.Optimization{},
	}
	data, err := MarshalPlan(p)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("null,")) && bytes.Contains(data, []byte(`"reasons": null`)) {
		t.Errorf("nil list encoded as null:\n%s", data)
	}
	for _, want := range []string{
		`"reasons": []`, `"findings": []`, `"depends_on": []`, `"goals": {}`, `"effort": {}`, `"cash_flows": []`,
		`"active": []`, `"teams": {}`, `"budgets": {}`, `"criteria": {}`, `"scores": {}`, `"checks": []`,
		`"changes": []`, `"goals": []`, `"teams": []`, `"budgets": []`,
		`"start_period": null`, `"irr": null`, `"winner": null`, `"bound": null`,
	} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("JSON lacks %s", want)
		}
	}
	if p.Projects[0].Reasons != nil || p.Periods[0].Teams != nil || p.Checks != nil {
		t.Errorf("MarshalPlan wrote into the caller's plan")
	}
	if _, err := MarshalPlan(nil); err == nil {
		t.Errorf("MarshalPlan(nil) returned no error")
	}
}

func TestReadPlanErrors(t *testing.T) {
	cases := []struct {
		name, input, want string
	}{
		{"empty", "", "not a roadmap plan: the input is empty"},
		{"blank", " \n\t", "not a roadmap plan: the input is empty"},
		{"no version", `{"projects": []}`, `not a roadmap plan: it has no "format_version"`},
		{"other version", `{"format_version": "2"}`, `unsupported plan format_version "2": this roadmap reads version "1"`},
		{"version not a string", `{"format_version": 1}`, `malformed plan JSON at line 1, column 21 (byte 20): format_version should be a string, not a number`},
		{"not an object", `[1, 2]`, `malformed plan JSON at line 1, column 2 (byte 1): the plan should be an object, not an array`},
		{"truncated", "{\n  \"format_version\": \"1\",\n  \"projects\": [", "malformed plan JSON at line 3, column 16 (byte 42): unexpected end of JSON input"},
		{"bad syntax", "{\n  \"format_version\": \"1\",\n  \"projects\": [}\n}", "malformed plan JSON at line 3, column 16 (byte 42): invalid character '}' looking for beginning of value"},
		{"wrong type", "{\n  \"format_version\": \"1\",\n  \"projects\": [{\"rank\": \"first\"}]\n}", "malformed plan JSON at line 3, column 32 (byte 58): projects.rank should be a whole number, not a string"},
		{"fraction for int", `{"format_version": "1", "totals": {"scheduled": 1.5}}`, "totals.scheduled should be a whole number, not the number 1.5"},
		{"trailing garbage", `{"format_version": "1"} x`, "malformed plan JSON at line 1, column 25 (byte 24): invalid character 'x' after top-level value"},
		// Review qa17 A10: the HTML charts drew a column per period up to these.
		{"huge horizon", `{"format_version": "1", "roadmap": {"horizon": 2000000000}}`, "not a plan roadmap wrote: roadmap.horizon is 2000000000, where roadmap plans 0 to 1000 periods"},
		{"negative horizon", `{"format_version": "1", "roadmap": {"horizon": -1}}`, "roadmap.horizon is -1"},
		{"huge end period", `{"format_version": "1", "roadmap": {"horizon": 8}, "projects": [{"id": "a", "start_period": 4, "end_period": 2000000000}]}`, "not a plan roadmap wrote: projects[0].end_period is 2000000000, far outside any horizon (at most 11000 periods)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := ReadPlan(strings.NewReader(c.input))
			if err == nil {
				t.Fatalf("ReadPlan succeeded: %+v", p)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %q\nwant it to contain %q", err, c.want)
			}
		})
	}
}

func TestLineColumn(t *testing.T) {
	data := []byte("ab\ncd\n\nef")
	cases := []struct {
		offset    int64
		line, col int
	}{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 3}, {6, 3, 1}, {7, 4, 1}, {9, 4, 3}, {99, 4, 3}, {-1, 1, 1},
	}
	for _, c := range cases {
		line, col := lineColumn(data, c.offset)
		if line != c.line || col != c.col {
			t.Errorf("lineColumn(%d) = %d:%d, want %d:%d", c.offset, line, col, c.line, c.col)
		}
	}
}

// FuzzReadPlan: no input makes ReadPlan or a renderer panic, and whatever
// ReadPlan accepts renders in every format this package owns.
func FuzzReadPlan(f *testing.F) {
	for _, name := range fixturePlans {
		data, err := MarshalPlan(loadFixtureF(f, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"format_version":"1","periods":[{"index":-5}],"totals":{"finish_period":99,"scheduled":1}}`))
	f.Add([]byte(`{"format_version":"1","projects":[{"id":"x|y","start":"a","end":null,"reasons":null}],"roadmap":{"horizon":-1}}`))
	f.Add([]byte(`{"format_version":"1","projects":[{"id":"a\u001b[2J","title":"\u009b\u202e"}],"roadmap":{"name":"\u001b]8;;x\u0007"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ReadPlan(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, format := range []string{"table", "json", "markdown"} {
			for _, width := range []int{0, 1, 70} {
				var buf bytes.Buffer
				// NaN cannot come from JSON, so every accepted plan renders.
				if err := RenderPlan(&buf, p, format, Options{Width: width, Color: width == 70}); err != nil {
					t.Errorf("%s: %v", format, err)
				}
				out := buf.String()
				for _, style := range []string{ansiReset, ansiBold, ansiRed, ansiGreen, ansiYellow} {
					out = strings.ReplaceAll(out, style, "")
				}
				if i := firstControl(out); i >= 0 {
					t.Errorf("%s: a terminal control at byte %d", format, i)
				}
			}
		}
	})
}
