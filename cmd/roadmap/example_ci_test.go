package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/report"
)

// The example workflow must keep using what the CLI offers: the flags it
// passes and the marker it looks for in the comment.
func TestExampleGitHubWorkflow(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "ci", "github-actions.yml"))
	if err != nil {
		t.Fatal(err)
	}
	workflow := string(data)
	for _, want := range []string{
		"fetch-depth: 0",
		"actions/setup-go@",
		"go install \"github.com/roadmap-as-code/roadmap/cmd/roadmap@",
		"roadmap fmt --check \"$ROADMAP_DIR\"",
		"roadmap validate --format github \"$ROADMAP_DIR\"",
		"roadmap plan --base \"origin/${BASE_REF}\" --format markdown \\\n            --detailed-exitcode \"$ROADMAP_DIR\"",
		"actions/github-script@",
		"const marker = '" + report.DiffCommentMarker + "';",
		"BASE_REF: ${{ github.base_ref }}",
	} {
		if !strings.Contains(workflow, want) {
			t.Errorf("the example workflow lacks %q", want)
		}
	}
	if strings.Contains(workflow, "\t") {
		t.Errorf("the example workflow has tabs, which YAML refuses")
	}
}
