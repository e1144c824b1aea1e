package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/fuzzseed"
	"github.com/roadmap-as-code/roadmap/report"
)

// FuzzPlanCompare is `roadmap plan --compare FILE` with arbitrary bytes
// in FILE, against the example's plan (evaluated once), in every diff and
// CI format: readSavedPlan, the diff and its renderers. The run must end
// with status 0, 1 or 2, and print nothing to stdout when it fails.
func FuzzPlanCompare(f *testing.F) {
	cfg, diags := hclspec.NewLoader().LoadDir(exampleDir, hclspec.LoadOptions{})
	if diags.HasErrors() {
		f.Fatal(diags.Error())
	}
	current, diags := evaluate.Evaluate(context.Background(), cfg, evaluate.Options{})
	if diags.HasErrors() {
		f.Fatal(diags.Error())
	}
	saved, err := report.MarshalPlan(current)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(saved)
	for _, data := range fuzzseed.Read(f, fuzzseed.Files(f, ".json")) {
		f.Add(data)
	}
	formats := append(report.DiffFormats(), report.CIFormats()...)
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzseed.Watchdog(20*time.Second, data)()
		file := filepath.Join(t.TempDir(), "before.json")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, format := range formats {
			var stdout, stderr bytes.Buffer
			s := &Streams{In: strings.NewReader(""), Out: &stdout, Err: &stderr}
			o := &planOptions{dir: exampleDir, compare: file, format: format, detailedExitcode: true}
			code, err := runPlanDiff(context.Background(), &globalOptions{}, s, o, current, nil)
			if code < 0 || code > 2 {
				t.Fatalf("%s: exit status %d", format, code)
			}
			if err != nil {
				if stdout.Len() != 0 {
					t.Fatalf("%s: failed (%v) after printing %d bytes", format, err, stdout.Len())
				}
				return // the file is refused whatever the format
			}
		}
	})
}
