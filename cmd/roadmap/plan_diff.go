package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/diff"
	"github.com/roadmap-as-code/roadmap/evaluate/views"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/atomicfile"
	"github.com/roadmap-as-code/roadmap/internal/cputime"
	"github.com/roadmap-as-code/roadmap/report"
)

// diffFormats are the formats of plan --base/--compare: the diff's own and
// the CI formats, which report the new plan's checks.
func diffFormats() []string {
	return append(report.DiffFormats(), report.CIFormats()...)
}

// runPlanDiff handles --base and --compare: it builds the other side's plan,
// diffs it against current and renders the diff. It returns the exit status:
// 1 when current fails an error-severity check, else 2 with
// --detailed-exitcode when the plans differ, else 0. Nothing is written to
// stdout, and save (which writes --out; nil for none) is not called,
// unless the whole diff could be made.
func runPlanDiff(ctx context.Context, g *globalOptions, s *Streams, o *planOptions, current *evaluate.Plan, save func() error) (int, error) {
	if o.base != "" && o.compare != "" {
		return 1, errors.New("--base and --compare cannot be used together")
	}
	format := o.format
	if format == "" {
		format = "table"
	}
	if report.BinaryFormat(format) && o.out == "" && s.OutIsTerminal {
		return 1, fmt.Errorf("--format %s writes a binary file: name it with --out FILE.%s or redirect standard output", format, format)
	}
	ci := report.IsCIFormat(format)
	if !contains(diffFormats(), format) {
		return 1, fmt.Errorf("unknown format %q for a plan diff: use one of %s", format, strings.Join(diffFormats(), ", "))
	}

	var before *evaluate.Plan
	var d *diff.PlanDiff
	switch {
	case o.compare != "":
		p, err := readSavedPlan(o.compare)
		if err != nil {
			return 1, err
		}
		before = p
		d = diff.Diff(viewOf(before, o.view), viewOf(current, o.view))
		d.Before.Source, d.After.Source = o.compare, o.dir
	default:
		p, err := planAtRevision(ctx, g, s, o)
		if err != nil {
			return 1, err
		}
		before = p
		d = diff.Diff(viewOf(before, o.view), viewOf(current, o.view))
		d.Before.Source, d.After.Source = o.base, "working tree"
	}

	opts := g.outOptions(s)
	opts.Root = o.dir
	opts.Table = o.table
	var out bytes.Buffer
	var err error
	if ci {
		// CI formats report the checks of the plan under review; the exit
		// status still says whether it differs from the base.
		err = report.RenderCI(&out, format, nil, current, opts)
	} else {
		err = report.RenderDiff(&out, d, format, opts)
	}
	if err != nil {
		return 1, err
	}
	switch {
	case report.BinaryFormat(format) && o.out != "":
		// --out names the workbook, as for plan --format xlsx.
		if err := atomicfile.WriteFile(o.out, out.Bytes(), 0o644); err != nil {
			return 1, fmt.Errorf("writing the workbook: %w", err)
		}
	case report.BinaryFormat(format):
		if _, err := s.exactOut().Write(out.Bytes()); err != nil { // a workbook: bytes, not text
			return 1, err
		}
	default:
		if save != nil {
			if err := save(); err != nil {
				return 1, err
			}
		}
		if _, err := s.formatOut(format).Write(out.Bytes()); err != nil {
			return 1, err
		}
	}
	// As without a diff: failed checks are reported on stderr, and a failed
	// error check is exit status 1 whatever changed.
	if checkFailures(s, current) != nil {
		return 1, nil
	}
	if o.detailedExitcode && d.Changed {
		return 2, nil
	}
	return 0, nil
}

// planAtRevision evaluates o.dir as it was at o.base with the same inputs
// (--var, --var-file, ROADMAP_VAR_*, optimiser settings) as the working
// tree. A directory absent at the revision is an empty plan, so the whole
// roadmap shows as added.
func planAtRevision(ctx context.Context, g *globalOptions, s *Streams, o *planOptions) (*evaluate.Plan, error) {
	at, err := readDirAtRevision(ctx, o.dir, o.base, hclspec.DefaultSourceLimits())
	var refused *sourceRefusal
	switch {
	case ctx.Err() != nil:
		return nil, fmt.Errorf("plan interrupted: %w", ctx.Err())
	case errors.As(err, &refused):
		if err := g.writeDiagnostics(s, refused.diags, nil); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%s at %s has errors; fix them there or compare with another revision", o.dir, o.base)
	case err != nil:
		return nil, err
	}
	if len(at.Sources) == 0 {
		fmt.Fprintf(s.Err, "Note: %s has no roadmap at %s; every project counts as added.\n", o.dir, o.base)
		return diff.Empty(), nil
	}

	// The files are named as the working tree's, so the plan's ranges and
	// its default name are the same as the working tree's would be.
	loader := hclspec.NewLoader()
	scenario := o.scenario
	cfg, diags := loader.LoadSources(o.dir, at.Sources, withAsOf(loadOptions(ctx, s, o.vars, o.varFiles, scenario), o.asOf))
	if scenario != "" && slices.ContainsFunc(diags, hclspec.IsUnknownScenario) {
		// The change under review adds the scenario: its base is the
		// roadmap as it was.
		fmt.Fprintf(s.Err, "Note: scenario %q is not declared at %s; the base is the roadmap there without a scenario.\n", o.scenario, o.base)
		scenario = ""
		loader = hclspec.NewLoader()
		cfg, diags = loader.LoadSources(o.dir, at.Sources, withAsOf(loadOptions(ctx, s, o.vars, o.varFiles, scenario), o.asOf))
	}
	if vars, names := withoutUndeclared(o.vars, diags); len(names) > 0 {
		// The change under review declares the variable: the base is the
		// roadmap as it was, without those values.
		fmt.Fprintf(s.Err, "Note: %s not declared at %s; the base is the roadmap there without %s.\n",
			variableNames(names), o.base, varFlags(names))
		loader = hclspec.NewLoader()
		cfg, diags = loader.LoadSources(o.dir, at.Sources, withAsOf(loadOptions(ctx, s, vars, o.varFiles, scenario), o.asOf))
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("plan interrupted: %w", err)
	}
	var plan *evaluate.Plan
	if !diags.HasErrors() && cfg != nil {
		var more hcl.Diagnostics
		// The revision is measured against the same baseline when it has
		// a status date too (before one, there is nothing to measure).
		var baseline *evaluate.Baseline
		if cfg.Roadmap != nil && cfg.Roadmap.AsOf != "" {
			if baseline, err = readBaseline(o.baseline); err != nil {
				return nil, err
			}
		}
		plan, more = evaluate.Evaluate(ctx, cfg, evaluate.Options{
			Optimize: o.optimize, Objective: o.objective, Seed: o.seed, TimeLimit: o.timeLimit, Clock: cputime.ThreadClock(), Baseline: baseline,
		})
		diags = append(diags, more...)
	}
	if diags.HasErrors() || plan == nil {
		// Name the revision's files the way git does, REV:path, so the
		// messages say which version is broken (a --var-file is the
		// working tree's, and keeps its name).
		rename := func(name string) string {
			if _, ok := at.Sources[name]; ok {
				return o.base + ":" + strings.TrimPrefix(at.Prefix+"/", "/") + filepath.Base(name)
			}
			return name
		}
		files := map[string]*hcl.File{}
		for name, f := range loader.Files() {
			files[rename(name)] = f
		}
		var errs hcl.Diagnostics
		for _, d := range diags {
			if d.Severity != hcl.DiagError {
				continue
			}
			c := *d
			c.Subject = renameRange(c.Subject, rename)
			c.Context = renameRange(c.Context, rename)
			errs = append(errs, &c)
		}
		if err := g.writeDiagnostics(s, errs, files); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%s at %s has errors; fix them there or compare with another revision", o.dir, o.base)
	}
	if w := timeLimitWarning(plan.Optimization, o.timeLimit); w != nil {
		w[0].Summary += " at " + o.base
		if err := g.writeDiagnostics(s, w, nil); err != nil {
			return nil, err
		}
	}
	return plan, nil
}

// withoutUndeclared is vars without the --var values diags says no
// variable block declares, and those variables' names, in order.
func withoutUndeclared(vars []string, diags hcl.Diagnostics) (kept, names []string) {
	for _, d := range diags {
		if name, ok := hclspec.UndeclaredVarName(d); ok && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return vars, nil
	}
	for _, v := range vars {
		name, _, _ := strings.Cut(v, "=")
		if !slices.Contains(names, strings.TrimSpace(name)) {
			kept = append(kept, v)
		}
	}
	return kept, names
}

// variableNames is `variable "a" is` or `variables "a" and "b" are`.
func variableNames(names []string) string {
	quoted := make([]string, len(names))
	for k, n := range names {
		quoted[k] = strconv.Quote(n)
	}
	if len(names) == 1 {
		return "variable " + quoted[0] + " is"
	}
	return "variables " + strings.Join(quoted[:len(quoted)-1], ", ") + " and " + quoted[len(quoted)-1] + " are"
}

// varFlags names the --var options left out: "--var capex".
func varFlags(names []string) string {
	return "--var " + strings.Join(names, ", --var ")
}

func renameRange(r *hcl.Range, rename func(string) string) *hcl.Range {
	if r == nil {
		return nil
	}
	c := *r
	c.Filename = rename(c.Filename)
	return &c
}

// readSavedPlan reads a JSON plan saved with `plan --out` for --compare. It
// refuses other JSON (a diff, a diagnostics list) and other format versions.
func readSavedPlan(name string) (*evaluate.Plan, error) {
	data, err := readSavedPlanFile(name)
	if err != nil {
		return nil, err
	}
	return decodeSavedPlan(name, data)
}

// decodeSavedPlan reads a plan saved by plan --out, refusing with a clear
// message what is JSON but not a plan: a plan diff, validate's diagnostics,
// a plan with fields missing. name is for messages.
func decodeSavedPlan(name string, data []byte) (*evaluate.Plan, error) {
	// Which top-level keys are there, without copying their values (a
	// map of json.RawMessage held a second copy of the whole plan).
	var head struct {
		FormatVersion versionKey `json:"format_version"`
		Summary       present    `json:"summary"`
		Before        present    `json:"before"`
		Simulation    present    `json:"simulation"`
		Roadmap       present    `json:"roadmap"`
		Projects      present    `json:"projects"`
		Periods       present    `json:"periods"`
		Totals        present    `json:"totals"`
	}
	if json.Unmarshal(data, &head) == nil {
		hasVersion := head.FormatVersion.present
		if hasVersion && bool(head.Summary) && bool(head.Before) {
			return nil, fmt.Errorf("%s is a plan diff, not a plan: save a plan with plan --out", name)
		}
		if hasVersion && bool(head.Simulation) {
			return nil, fmt.Errorf("%s is a saved simulation, not a plan: save a plan with plan --out (roadmap simulate --format prints a simulation in every format)", name)
		}
		// Another format_version is ReadPlan's to report.
		for _, key := range []struct {
			name string
			ok   present
		}{{"roadmap", head.Roadmap}, {"projects", head.Projects}, {"periods", head.Periods}, {"totals", head.Totals}} {
			if hasVersion && head.FormatVersion.value == evaluate.FormatVersion && !bool(key.ok) {
				return nil, fmt.Errorf("%s is not a roadmap plan: it has no %q", name, key.name)
			}
		}
	}
	p, err := report.DecodePlan(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return p, nil
}

// present records that a JSON key was there, whatever its value, without
// keeping the value.
type present bool

func (p *present) UnmarshalJSON([]byte) error {
	*p = true
	return nil
}

// versionKey records that format_version was there, and its value when a
// string.
type versionKey struct {
	present bool
	value   string
}

func (v *versionKey) UnmarshalJSON(data []byte) error {
	v.present = true
	_ = json.Unmarshal(data, &v.value)
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// viewOf narrows a plan of a diff to the stakeholder view, its systems
// and choices too: the other plan may lack the stakeholder (a department
// added since), which leaves it no projects rather than failing.
func viewOf(p *evaluate.Plan, sel views.Selector) *evaluate.Plan {
	if sel.Empty() {
		return p
	}
	return views.NarrowAudit(views.Narrow(p, sel), sel)
}
