package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/cobra"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/atomicfile"
	"github.com/roadmap-as-code/roadmap/report"
)

// planOptions are the flags of `roadmap plan`.
type planOptions struct {
	dir              string
	format           string // "" means table on a terminal, else table too
	out              string
	vars             []string
	varFiles         []string
	base             string // git revision to diff against
	compare          string // saved JSON plan to diff against
	detailedExitcode bool
	optimize         bool
	seed             int64
	timeLimit        time.Duration
}

func newPlanCmd(g *globalOptions, s *Streams) *cobra.Command {
	return planCommand(g, s, func(ctx context.Context, o *planOptions) error {
		return runPlan(ctx, g, s, o)
	})
}

// planCommand builds `roadmap plan` around runF, so tests can see the
// parsed options without evaluating anything.
func planCommand(g *globalOptions, s *Streams, runF func(context.Context, *planOptions) error) *cobra.Command {
	o := &planOptions{}
	cmd := &cobra.Command{
		Use:   "plan [DIR]",
		Short: "Evaluate a roadmap and print the ranked roadmap, cost-benefit, capacity plan, vendors and checks",
		Long: `Evaluate the roadmap in DIR (default: the current directory) and print the plan:
a summary, the ranked roadmap with the reason for every deferred or dropped
project, the cost-benefit table, the capacity plan, vendor evaluations and checks.

A failed check of severity "error" makes plan exit with status 1 after printing
the plan; warnings are printed and do not fail. With --base or --compare, plan
prints the difference from the other plan instead.`,
		Example: `  roadmap plan examples/it-department
  roadmap plan --format markdown --out plan.json .
  roadmap plan --var capex=1500000 --var-file prod.vars.hcl
  roadmap plan --compare last-quarter.json --detailed-exitcode`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = "."
			if len(args) == 1 {
				o.dir = args[0]
			}
			if err := o.validate(); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			return runF(ctx, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "", "output format: "+strings.Join(report.PlanFormats(), ", ")+" (default table)")
	f.StringVar(&o.out, "out", "", "also save the JSON plan to `FILE` (for show and --compare)")
	f.StringArrayVar(&o.vars, "var", nil, "set a variable, `NAME=VALUE` (repeatable)")
	f.StringArrayVar(&o.varFiles, "var-file", nil, "load variables from a .vars.hcl `FILE` (repeatable)")
	f.StringVar(&o.base, "base", "", "diff against the same directory at git revision `REV`")
	f.StringVar(&o.compare, "compare", "", "diff against a saved JSON plan `FILE`")
	f.BoolVar(&o.detailedExitcode, "detailed-exitcode", false, "with --base or --compare: exit 0 when nothing changed, 2 when the plan changed, 1 on error")
	f.BoolVar(&o.optimize, "optimize", false, "search for a better schedule than rank order")
	f.Int64Var(&o.seed, "seed", 1, "random seed of the optimiser")
	f.DurationVar(&o.timeLimit, "time-limit", 5*time.Second, "time budget of the optimiser")
	cmd.MarkFlagsMutuallyExclusive("base", "compare")
	return cmd
}

// validate checks what flag parsing cannot.
func (o *planOptions) validate() error {
	if o.format != "" && !slices.Contains(report.PlanFormats(), o.format) {
		return fmt.Errorf("unknown --format %q: use one of %s", o.format, strings.Join(report.PlanFormats(), ", "))
	}
	if o.timeLimit <= 0 {
		return fmt.Errorf("--time-limit must be positive, got %s", o.timeLimit)
	}
	if o.detailedExitcode && o.base == "" && o.compare == "" {
		return errors.New("--detailed-exitcode needs --base or --compare")
	}
	return nil
}

// runPlan loads, evaluates and prints the plan of o.dir.
func runPlan(ctx context.Context, g *globalOptions, s *Streams, o *planOptions) error {
	loader := hclspec.NewLoader()
	cfg, diags := loader.LoadDir(o.dir, hclspec.LoadOptions{Vars: o.vars, VarFiles: o.varFiles, Env: s.Env})
	if err := printDiagnostics(g, s, loader.Files(), diags); err != nil {
		return err
	}
	if diags.HasErrors() || cfg == nil {
		return &ExitError{Code: 1}
	}

	plan, diags := evaluate.Evaluate(ctx, cfg, evaluate.Options{
		Optimize:  o.optimize,
		Seed:      o.seed,
		TimeLimit: o.timeLimit,
	})
	if err := printDiagnostics(g, s, loader.Files(), diags); err != nil {
		return err
	}
	if diags.HasErrors() || plan == nil {
		return &ExitError{Code: 1}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("plan interrupted: %w", err)
	}

	if o.out != "" {
		data, err := report.MarshalPlan(plan)
		if err != nil {
			return err
		}
		if err := atomicfile.WriteFile(o.out, data, 0o644); err != nil {
			return fmt.Errorf("saving the plan: %w", err)
		}
	}

	if o.base != "" || o.compare != "" {
		code, err := runPlanDiff(g, s, o, plan)
		if err != nil {
			return err
		}
		if code != 0 {
			return &ExitError{Code: code}
		}
		return nil
	}

	if err := renderPlan(g, s, plan, o.format); err != nil {
		return err
	}
	return checkFailures(s, plan)
}

// renderPlan prints p in format ("" is table) to s.Out. It renders into
// memory first so a failure prints nothing half-done.
func renderPlan(g *globalOptions, s *Streams, p *evaluate.Plan, format string) error {
	if format == "" {
		format = "table"
	}
	var buf bytes.Buffer
	opts := report.Options{Color: g.color(s, s.OutIsTerminal), Version: g.version}
	if s.OutIsTerminal && s.TerminalWidth > 0 {
		opts.Width = s.TerminalWidth
	}
	if err := report.RenderPlan(&buf, p, format, opts); err != nil {
		return err
	}
	_, err := s.Out.Write(buf.Bytes())
	return err
}

// checkFailures reports failed checks on stderr; a failed error check
// fails the command.
func checkFailures(s *Streams, p *evaluate.Plan) error {
	failed := 0
	for _, c := range p.Checks {
		if c.Passed {
			continue
		}
		label := "Warning"
		if c.Severity != "warning" {
			label = "Error"
			failed++
		}
		fmt.Fprintf(s.Err, "%s: check %q failed: %s\n", label, c.ID, c.Message)
	}
	if failed > 0 {
		return &ExitError{Code: 1}
	}
	return nil
}

// printDiagnostics writes diags to stderr with source snippets.
func printDiagnostics(g *globalOptions, s *Streams, files map[string]*hcl.File, diags hcl.Diagnostics) error {
	if len(diags) == 0 {
		return nil
	}
	width := uint(0)
	if s.ErrIsTerminal && s.TerminalWidth > 0 {
		width = uint(s.TerminalWidth)
	}
	w := hcl.NewDiagnosticTextWriter(s.Err, files, width, g.color(s, s.ErrIsTerminal))
	return w.WriteDiagnostics(diags)
}
