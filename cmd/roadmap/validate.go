package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/safetext"
	"github.com/roadmap-as-code/roadmap/report"
)

// validateOptions are the flags of `roadmap validate`.
type validateOptions struct {
	scenario string // --scenario: the scenario block to apply
	dir      string
	vars     []string
	varFiles []string
	asOf     string // --as-of: the status date
	json     bool
	format   string // a CI format (validate_ci.go)
}

func newValidateCmd(g *globalOptions, s *Streams) *cobra.Command {
	o := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate [DIR]",
		Short: "Check a roadmap's syntax, schema, references and cycles",
		Long: `Validate loads the roadmap in DIR (default ".") without evaluating it:
syntax, unknown or missing blocks and attributes, types, value ranges,
references between blocks, depends_on cycles and variable validations.

Every problem is reported with its file, line and column. With --json the
diagnostics are printed to stdout as one JSON document instead.
The exit status is 1 when there is any error.`,
		Example: `  roadmap validate examples/it-department
  roadmap validate --var capex=900000 --json .`,
		Args:              cobra.MaximumNArgs(1),
		RunE:              inDir(&o.dir, nil, func(ctx context.Context) error { return runValidate(ctx, g, s, o) }),
		ValidArgsFunction: completeDirs,
	}
	addVarFlags(cmd, &o.vars, &o.varFiles)
	addScenarioFlag(cmd, &o.scenario)
	addAsOfFlag(cmd, &o.asOf)
	cmd.Flags().BoolVar(&o.json, "json", false, "print the diagnostics as JSON to stdout")
	cmd.Flags().StringVar(&o.format, "format", "", "also print the diagnostics to stdout for CI: github, sarif or junit")
	cmd.MarkFlagsMutuallyExclusive("json", "format")
	return cmd
}

func runValidate(ctx context.Context, g *globalOptions, s *Streams, o *validateOptions) error {
	loader := hclspec.NewLoader()
	cfg, diags := loader.LoadDir(o.dir, withAsOf(loadOptions(ctx, s, o.vars, o.varFiles, o.scenario), o.asOf))
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("validate interrupted: %w", err)
	}
	if !diags.HasErrors() {
		// A check naming a project no block declares stops roadmap plan.
		diags = append(diags, evaluate.CheckReferences(cfg)...)
	}
	if o.format != "" {
		return runValidateCI(g, s, o, diags, loader.Files())
	}
	if o.json {
		if err := report.RenderDiagnosticsJSON(s.Out, diags, loader.Files()); err != nil {
			return err
		}
	} else {
		if err := g.writeDiagnostics(s, diags, loader.Files()); err != nil {
			return err
		}
	}
	if diags.HasErrors() {
		return errFailed
	}
	if o.json {
		return nil
	}
	msg := "Success! The roadmap is valid."
	if len(diags) > 0 {
		msg = "Success! The roadmap is valid, but there were some validation warnings as shown above."
	}
	if g.color(s, s.OutIsTerminal) {
		msg = safetext.BoldGreen + msg + safetext.Reset
	}
	_, err := fmt.Fprintln(s.formatOut("table"), msg) // coloured like the table
	return err
}
