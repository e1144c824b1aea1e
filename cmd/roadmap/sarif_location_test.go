package main

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSARIFResultsAlwaysHaveALocation covers the problems that have no
// source range: GitHub code scanning refuses a SARIF result without a
// location, so these point at the roadmap directory.
func TestSARIFResultsAlwaysHaveALocation(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantURI string
	}{
		{"empty directory", []string{"validate", "--format", "sarif", "empty"}, "empty/"},
		{"current directory", []string{"validate", "--format", "sarif"}, "./"},
		{"missing var file", []string{"validate", "--format", "sarif", "--var-file", "nope.hcl", "rm"}, "rm/"},
		{"undeclared --var", []string{"validate", "--format", "sarif", "--var", "nosuch=1", "rm"}, "rm/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{
				"empty/.keep":    "",
				"rm/roadmap.hcl": "roadmap {\n  name  = \"Mini\"\n  start = \"2027-Q1\"\n}\n",
			})
			t.Chdir(dir)
			res := runCLI(t, tt.args...)
			res.wantExit(t, 1)
			var log struct {
				Runs []struct {
					Results []struct {
						RuleID    string `json:"ruleId"`
						Locations []struct {
							PhysicalLocation struct {
								ArtifactLocation struct {
									URI       string `json:"uri"`
									URIBaseID string `json:"uriBaseId"`
								} `json:"artifactLocation"`
							} `json:"physicalLocation"`
						} `json:"locations"`
					} `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal([]byte(res.Stdout), &log); err != nil {
				t.Fatalf("%v\n%s", err, res.Stdout)
			}
			if len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 {
				t.Fatalf("want one run with results:\n%s", res.Stdout)
			}
			for _, r := range log.Runs[0].Results {
				if len(r.Locations) != 1 {
					t.Fatalf("%s: %d locations, want 1", r.RuleID, len(r.Locations))
				}
				got := r.Locations[0].PhysicalLocation.ArtifactLocation
				if diff := cmp.Diff(tt.wantURI, got.URI); diff != "" {
					t.Errorf("%s: uri (-want +got):\n%s", r.RuleID, diff)
				}
				if got.URIBaseID != "%SRCROOT%" {
					t.Errorf("%s: uriBaseId %q, want %%SRCROOT%%", r.RuleID, got.URIBaseID)
				}
			}
		})
	}
}
