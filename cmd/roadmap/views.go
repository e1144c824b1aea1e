package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/views"
	"github.com/roadmap-as-code/roadmap/internal/atomicfile"
	"github.com/roadmap-as-code/roadmap/internal/symlink"
	"github.com/roadmap-as-code/roadmap/report"
)

// addViewFlags registers --department, --goal and --team: a stakeholder
// view of the plan.
func addViewFlags(cmd *cobra.Command, sel *views.Selector) {
	f := cmd.Flags()
	stringArrayFlag(f, &sel.Departments, "department", "show only the projects that concern department `ID` (endorsed, opposed, needed by it, replacing its systems), with their totals (repeatable)")
	stringArrayFlag(f, &sel.Goals, "goal", "show only the projects that contribute to goal `ID`, with their totals (repeatable)")
	stringArrayFlag(f, &sel.Teams, "team", "show only the projects team `ID` staffs, with their totals and that team's load (repeatable)")
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
// index linking them, each written atomically. A file already there is
// replaced only when roadmap wrote it (its generator tag says so) or with
// force: DIR may be a directory of the user's own pages. Pages of
// departments the roadmap no longer has, written by roadmap, are removed.
func writeSplitHTML(g *globalOptions, s *Streams, p *evaluate.Plan, dir string, force bool) error {
	ids := views.Departments(p)
	if len(ids) == 0 {
		return fmt.Errorf("--split writes a page per department, and the roadmap declares none")
	}
	pages := map[string][]byte{}
	names := []string{"index.html"}
	var entries []report.SplitEntry
	for _, id := range ids {
		view := views.Narrow(p, views.Selector{Departments: []string{id}})
		var buf bytes.Buffer
		if err := report.RenderPlan(&buf, view, "html", g.outOptions(s)); err != nil {
			return err
		}
		file := "department-" + id + ".html"
		pages[file] = buf.Bytes()
		names = append(names, file)
		entries = append(entries, report.SplitEntry{File: file, Plan: view})
	}
	var index bytes.Buffer
	if err := report.RenderSplitIndex(&index, p, entries); err != nil {
		return err
	}
	pages["index.html"] = index.Bytes()
	// Check every target before writing any, so a refusal writes nothing:
	// first that no link on DIR's path leads elsewhere (MkdirAll and the
	// removal of stale pages would follow it).
	if _, err := symlink.ResolvePath(dir); err != nil {
		return fmt.Errorf("--split %s: %w", dir, err)
	}
	for _, name := range names {
		path := filepath.Join(dir, name)
		if _, err := os.Lstat(path); err == nil && !force && !writtenByRoadmap(path) {
			return fmt.Errorf("%s exists and roadmap did not write it: --split never replaces a file it did not write; move it, choose another DIR, or give --force", path)
		}
	}
	var stale []string
	if old, err := filepath.Glob(filepath.Join(dir, "department-*.html")); err == nil {
		for _, path := range old {
			if _, ok := pages[filepath.Base(path)]; !ok && writtenByRoadmap(path) {
				stale = append(stale, path)
			}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, name := range names {
		if err := atomicfile.WriteFile(filepath.Join(dir, name), pages[name], 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
	}
	fmt.Fprintf(s.Out, "Wrote %s and %d department pages (%s) to %s.\n", "index.html", len(entries), strings.Join(ids, ", "), dir)
	for _, path := range stale {
		if err := os.Remove(path); err != nil {
			return err
		}
		fmt.Fprintf(s.Out, "Removed %s: the roadmap has no department %q any more.\n", path, strings.TrimSuffix(strings.TrimPrefix(filepath.Base(path), "department-"), ".html"))
	}
	return nil
}

// generatorTag marks the HTML pages roadmap writes.
const generatorTag = `<meta name="generator" content="roadmap">`

// writtenByRoadmap reports whether path is a regular file that roadmap
// wrote: an HTML page whose head carries roadmap's generator tag.
func writtenByRoadmap(path string) bool {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	return bytes.HasPrefix(head[:n], []byte("<!DOCTYPE html>")) && bytes.Contains(head[:n], []byte(generatorTag))
}
