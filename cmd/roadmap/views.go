package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/views"
	"github.com/roadmap-as-code/roadmap/internal/atomicfile"
	"github.com/roadmap-as-code/roadmap/report"
)

// addViewFlags registers --department, --goal and --team: a stakeholder
// view of the plan.
func addViewFlags(cmd *cobra.Command, sel *views.Selector) {
	f := cmd.Flags()
	f.StringArrayVar(&sel.Departments, "department", nil, "show only the projects that concern department `ID` (endorsed, opposed, needed by it), with their totals (repeatable)")
	f.StringArrayVar(&sel.Goals, "goal", nil, "show only the projects that contribute to goal `ID`, with their totals (repeatable)")
	f.StringArrayVar(&sel.Teams, "team", nil, "show only the projects team `ID` staffs, with their totals and that team's load (repeatable)")
}

// narrowPlan applies a stakeholder view to p; unknown ids are errors
// with a "did you mean".
func narrowPlan(p *evaluate.Plan, sel views.Selector) (*evaluate.Plan, error) {
	if sel.Empty() {
		return p, nil
	}
	if errs := views.Check(p, sel); len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return views.Narrow(p, sel), nil
}

// writeSplitHTML writes an HTML page per department of p into dir, and an
// index linking them, each written atomically. Existing pages are
// replaced: the directory is the command's output.
func writeSplitHTML(g *globalOptions, s *Streams, p *evaluate.Plan, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	ids := views.Departments(p)
	if len(ids) == 0 {
		return fmt.Errorf("--split writes a page per department, and the roadmap declares none")
	}
	pages := map[string][]byte{}
	var entries []report.SplitEntry
	for _, id := range ids {
		view := views.Narrow(p, views.Selector{Departments: []string{id}})
		var buf bytes.Buffer
		if err := report.RenderPlan(&buf, view, "html", g.outOptions(s)); err != nil {
			return err
		}
		file := "department-" + id + ".html"
		pages[file] = buf.Bytes()
		entries = append(entries, report.SplitEntry{File: file, Plan: view})
	}
	var index bytes.Buffer
	if err := report.RenderSplitIndex(&index, p, entries); err != nil {
		return err
	}
	pages["index.html"] = index.Bytes()
	for _, name := range append([]string{"index.html"}, func() []string {
		var n []string
		for _, e := range entries {
			n = append(n, e.File)
		}
		return n
	}()...) {
		if err := atomicfile.WriteFile(filepath.Join(dir, name), pages[name], 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
	}
	fmt.Fprintf(s.Out, "Wrote %s and %d department pages (%s) to %s.\n", "index.html", len(entries), strings.Join(ids, ", "), dir)
	return nil
}
