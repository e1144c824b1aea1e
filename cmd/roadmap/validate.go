package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/report"
)

// validateOptions are the flags of `roadmap validate`.
type validateOptions struct {
	dir      string
	vars     []string
	varFiles []string
	json     bool
	format   string // text | json | github | sarif | junit
}

// validateFormats are the values --format accepts: text (stderr, the
// default), json and the CI formats (stdout).
func validateFormats() []string {
	return append([]string{"text", "json"}, report.CIFormats()...)
}

func newValidateCmd(g *globalOptions, s *Streams) *cobra.Command {
	o := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate [DIR]",
		Short: "Check a roadmap's syntax, schema, references and cycles",
		Long: `Validate loads the roadmap in DIR (default ".") without evaluating it:
syntax, unknown or missing blocks and attributes, types, value ranges,
references between blocks, depends_on cycles and variable validations.

Every problem is reported with its file, line and column, on stderr. With
--json (or --format json) the diagnostics are printed to stdout as one JSON
document instead; --format github, sarif or junit print them for CI.
The exit status is 1 when there is any error.`,
		Example: `  roadmap validate examples/it-department
  roadmap validate --var capex=900000 --json .
  roadmap validate --format github .`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = "."
			if len(args) == 1 {
				o.dir = args[0]
			}
			if err := o.resolveFormat(); err != nil {
				return err
			}
			return runValidate(g, s, o)
		},
		ValidArgsFunction: completeDirs,
	}
	addVarFlags(cmd, &o.vars, &o.varFiles)
	cmd.Flags().BoolVar(&o.json, "json", false, "print the diagnostics as JSON to stdout (same as --format json)")
	cmd.Flags().StringVar(&o.format, "format", "text", "diagnostics format: "+strings.Join(validateFormats(), ", "))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(validateFormats(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// resolveFormat folds --json into --format and checks the format.
func (o *validateOptions) resolveFormat() error {
	if o.json {
		if o.format != "text" && o.format != "json" {
			return errors.New("--json and --format " + o.format + " cannot be combined")
		}
		o.format = "json"
	}
	if !slices.Contains(validateFormats(), o.format) {
		return fmt.Errorf("unknown format %q: use one of %s", o.format, strings.Join(validateFormats(), ", "))
	}
	return nil
}

func runValidate(g *globalOptions, s *Streams, o *validateOptions) error {
	loader := hclspec.NewLoader()
	_, diags := loader.LoadDir(o.dir, loadOptions(s, o.vars, o.varFiles))
	var err error
	switch o.format {
	case "text":
		err = g.writeDiagnostics(s, diags, loader.Files())
	case "json":
		err = report.RenderDiagnosticsJSON(s.Out, diags, loader.Files())
	default:
		err = report.RenderCI(s.Out, o.format, diags, nil, g.outOptions(s))
	}
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		return errFailed
	}
	if o.format != "text" {
		return nil
	}
	msg := "Success! The roadmap is valid."
	if len(diags) > 0 {
		msg = "Success! The roadmap is valid, but there were some validation warnings as shown above."
	}
	if g.color(s, s.OutIsTerminal) {
		msg = "\x1b[32;1m" + msg + "\x1b[0m"
	}
	_, err = fmt.Fprintln(s.Out, msg)
	return err
}
