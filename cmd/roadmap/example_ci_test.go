package main

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestExampleWorkflowIsInitsOwn keeps examples/ci/github-actions.yml the
// workflow `init --ci` writes for a roadmap in roadmap/ (the Action's own
// tests check the inputs it passes).
func TestExampleWorkflowIsInitsOwn(t *testing.T) {
	got := readFile(t, filepath.Join("..", "..", "examples", "ci", "github-actions.yml"))
	if diff := cmp.Diff(workflowYAML("roadmap", ""), got); diff != "" {
		t.Errorf("examples/ci/github-actions.yml (-init's +file):\n%s", diff)
	}
}
