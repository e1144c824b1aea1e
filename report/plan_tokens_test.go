package report

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSavedPlanTokens: a saved plan is hostile (review qa15g F1): a
// status, label or currency holding anything but a word or a period
// label is refused before a renderer prints it raw (Markdown headings,
// HTML, links in a pull-request comment); every plan roadmap writes
// reads back.
func TestSavedPlanTokens(t *testing.T) {
	p := examplePlan(t)
	saved, err := MarshalPlan(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := DecodePlan(saved); err != nil {
		t.Fatalf("the example's own plan is refused: %v", err)
	}
	hostile := "</details><img src=x onerror=alert(1)>\n# H"
	for _, tc := range []struct{ name, from, to, want string }{
		{"status", `"status": "scheduled"`, `"status": "` + hostile + `"`, "projects[0].status is"},
		{"start", `"start": "2027-Q1"`, `"start": "[x](https://evil.example)"`, "roadmap.start is"},
		{"currency", `"currency": "`, `"currency": "` + strings.Repeat("U", 40), `roadmap.currency is "UUU`},
		{"label", `"label": "2027-Q1"`, `"label": "2027-Q1|x|"`, "periods[0].label is"},
		{"link", `"label": "2027-Q1"`, `"label": "www.evil.example"`, "periods[0].label is"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := string(saved)
			if !strings.Contains(data, tc.from) {
				t.Fatalf("the plan has no %s", tc.from)
			}
			data = strings.Replace(data, tc.from, jsonEscapeIn(tc.to), 1)
			_, err := DecodePlan([]byte(data))
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("DecodePlan error %v, want one naming %s with the value quoted", err, tc.want)
			}
		})
	}
}

// jsonEscapeIn keeps a replacement's quotes but escapes what JSON needs
// inside them (the newline).
func jsonEscapeIn(s string) string {
	b, _ := json.Marshal(s)
	return strings.ReplaceAll(string(b[1:len(b)-1]), `\"`, `"`)
}
