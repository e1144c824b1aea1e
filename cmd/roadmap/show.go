package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmap-as-code/roadmap/report"
)

// showOptions are the flags of `roadmap show`.
type showOptions struct {
	file   string // "-" reads standard input
	format string
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
  roadmap show --format markdown plan.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			if o.format != "" && !slices.Contains(report.PlanFormats(), o.format) {
				return fmt.Errorf("unknown --format %q: use one of %s", o.format, strings.Join(report.PlanFormats(), ", "))
			}
			return runShow(g, s, o)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "", "output format: "+strings.Join(report.PlanFormats(), ", ")+" (default table)")
	return cmd
}

func runShow(g *globalOptions, s *Streams, o *showOptions) error {
	name, data, err := "standard input", []byte(nil), error(nil)
	if o.file != "-" {
		name = o.file
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
	return renderPlan(g, s, plan, o.format)
}
