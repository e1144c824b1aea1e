package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmap-as-code/roadmap/evaluate/views"
	"github.com/roadmap-as-code/roadmap/internal/atomicfile"
	"github.com/roadmap-as-code/roadmap/report"
)

// showOptions are the flags of `roadmap show`.
type showOptions struct {
	file   string // "-" reads standard input
	format string
	table  string // --table: the table of --format csv
	out    string // --out: write the output there instead of stdout
	view   views.Selector
}

func newShowCmd(g *globalOptions, s *Streams) *cobra.Command {
	o := &showOptions{}
	cmd := &cobra.Command{
		Use:   "show FILE",
		Short: "Render a saved JSON plan without its sources",
		Long: `Render a plan saved with "roadmap plan --out FILE" in any format, without the
roadmap's sources. The output is the same as plan printed for that format.
FILE "-" reads the plan from standard input.`,
		Example: `  roadmap plan --out plan.json examples/it-department
  roadmap show plan.json
  roadmap show --format markdown plan.json
  roadmap show --format csv --table capacity plan.json
  roadmap show --format xlsx --out plan.xlsx plan.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			if o.format != "" && !slices.Contains(report.PlanFormats(), o.format) {
				return fmt.Errorf("unknown --format %q: use one of %s", o.format, strings.Join(report.PlanFormats(), ", "))
			}
			if err := validateSheetFlags(o.format, o.table, o.out, false, false); err != nil {
				return err
			}
			if err := checkOutName(o.out); err != nil {
				return err
			}
			return runShow(g, s, o)
		},
	}
	addTableFlag(cmd, &o.table)
	addViewFlags(cmd, &o.view)
	cmd.Flags().StringVar(&o.out, "out", "", "write the output to `FILE` (atomically) instead of standard output")
	cmd.Flags().StringVar(&o.format, "format", "", "output format: "+strings.Join(report.PlanFormats(), ", ")+" (default table)")
	return cmd
}

func runShow(g *globalOptions, s *Streams, o *showOptions) error {
	name, data, err := "standard input", []byte(nil), error(nil)
	if o.file != "-" {
		name = o.file
		// The rendering must never replace the plan it renders.
		if err := checkOutIsNoInput(o.out, []string{o.file}); err != nil {
			return err
		}
		data, err = readSavedPlanFile(o.file) // bounded, like --compare
	} else {
		data, err = io.ReadAll(io.LimitReader(s.In, report.MaxPlanBytes+1))
		if err == nil && len(data) > report.MaxPlanBytes {
			err = fmt.Errorf("%s is over %d MiB, far more than a saved plan; is it the right input?", name, report.MaxPlanBytes>>20)
		}
	}
	if err != nil {
		return err
	}
	plan, err := decodeSavedPlan(name, data)
	if err != nil {
		return err
	}
	if plan, err = narrowPlan(plan, o.view); err != nil {
		return err
	}
	if report.BinaryFormat(o.format) {
		return writeBinaryPlan(context.Background(), g, s, plan, o.format, o.out, "show")
	}
	format := o.format
	if format == "" {
		format = "table"
	}
	ropts := g.outOptions(s)
	ropts.Table = o.table
	rendered, err := report.RenderPlanBytes(plan, format, ropts)
	if err != nil {
		return err
	}
	if o.out != "" {
		return atomicfile.WriteFile(o.out, rendered, 0o644)
	}
	_, err = s.formatOut(format).Write(rendered)
	return err
}
