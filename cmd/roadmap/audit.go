package main

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/audit"
	"github.com/roadmap-as-code/roadmap/internal/cputime"
	"github.com/roadmap-as-code/roadmap/internal/safetext"
	"github.com/roadmap-as-code/roadmap/report"
)

// auditOptions are the flags of `roadmap audit`.
type auditOptions struct {
	dir      string
	format   string
	vars     []string
	varFiles []string
	scenario string
	asOf     string // --as-of: the status date
	forceIn  []string
	forceOut []string
}

func newAuditCmd(g *globalOptions, s *Streams) *cobra.Command {
	o := &auditOptions{}
	cmd := &cobra.Command{
		Use:   "audit [DIR]",
		Short: "Technology audit: each system's end of support, its replacement's go-live and the gap",
		Long: `Audit loads and plans the roadmap in DIR (default ".") like plan, then lists each
system of the installed base (system blocks): its owner, end of support, the
project that replaces it and when that goes live in the plan, the gap (periods
it runs out of support, or out of support with no replacement scheduled), its
run cost and its risk. With policy { replace_before_end_of_support = true } a
gap fails the audit (exit 1), as it fails roadmap plan.`,
		Example: `  roadmap audit examples/it-department
  roadmap audit --format markdown . >> "$GITHUB_STEP_SUMMARY"
  roadmap audit --as-of 2027-Q3 .
  roadmap audit --force-out erp_replacement .`,
		Args: cobra.MaximumNArgs(1),
		RunE: inDir(&o.dir, func() error {
			if !slices.Contains(report.AuditFormats(), o.format) {
				return fmt.Errorf("unknown --format %q: use one of %s", o.format, strings.Join(report.AuditFormats(), ", "))
			}
			return nil
		}, func(ctx context.Context) error { return runAudit(ctx, g, s, o) }),
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "table", "output format: "+strings.Join(report.AuditFormats(), ", "))
	addVarFlags(cmd, &o.vars, &o.varFiles)
	f.StringVar(&o.scenario, "scenario", "", "plan under scenario `NAME`, as plan --scenario")
	addAsOfFlag(cmd, &o.asOf)
	addForceFlags(cmd, &o.forceIn, &o.forceOut)
	return cmd
}

func runAudit(ctx context.Context, g *globalOptions, s *Streams, o *auditOptions) error {
	cfg, loader, err := loadRoadmapWith(ctx, g, s, "audit", o.dir, withAsOf(loadOptions(ctx, s, o.vars, o.varFiles, o.scenario), o.asOf))
	if err != nil {
		return err
	}
	rep, diags := audit.Run(ctx, cfg, evaluate.Options{ForceIn: o.forceIn, ForceOut: o.forceOut, Clock: cputime.ThreadClock()})
	if err := g.writeDiagnostics(s, diags, loader.Files()); err != nil {
		return err
	}
	if diags.HasErrors() || rep == nil {
		return errFailed
	}
	var buf bytes.Buffer
	if err := report.RenderAudit(&buf, rep.Plan, o.format, g.outOptions(s)); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("audit interrupted: %w", err)
	}
	if _, err := s.formatOut(o.format).Write(buf.Bytes()); err != nil {
		return err
	}
	if c := rep.Check; c != nil && !c.Passed {
		fmt.Fprintf(s.Err, "Error: check %q failed: %s\n", c.ID, safetext.Escape(c.Message))
		return errFailed
	}
	return nil
}
