package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/simulate"
	"github.com/roadmap-as-code/roadmap/report"
)

// simulateOptions are the flags of `roadmap simulate`.
type simulateOptions struct {
	scenario string // --scenario: the scenario block to apply
	asOf     string // --as-of: the status date
	dir      string
	format   string // "" means table
	table    string // --table: the table of --format csv
	out      string
	vars     []string
	varFiles []string
	runs     int
	seed     int64
	forceIn  []string // --force-in ID: project ids tried in
	forceOut []string // --force-out ID: project ids tried out
}

func newSimulateCmd(g *globalOptions, s *Streams) *cobra.Command {
	return simulateCommand(g, s, func(ctx context.Context, o *simulateOptions) error {
		return runSimulate(ctx, g, s, o)
	})
}

// simulateCommand builds `roadmap simulate` around runF, so tests can see
// the parsed options without simulating anything.
func simulateCommand(g *globalOptions, s *Streams, runF func(context.Context, *simulateOptions) error) *cobra.Command {
	o := &simulateOptions{}
	cmd := &cobra.Command{
		Use:   "simulate [DIR]",
		Short: "Monte Carlo simulation: sample every ranged estimate, re-plan each run, and report how likely each date and figure is",
		Long: `Simulate the roadmap in DIR (default: the current directory) --runs times.
Each run draws every ranged estimate (pert, triangular, uniform: durations,
effort, costs, benefits) independently and plans the roadmap again with the
same evaluation as roadmap plan, in rank order, so capacity, budgets,
deadlines and dependencies react. The report gives, per project, the chance
it is scheduled, its start and finish P10/P50/P80/P90, the chance it meets
its deadline and its NPV spread; for the portfolio, the finish and NPV
percentiles, the chance each budget window overruns and each team is
overloaded if the plan is followed as committed, and the estimates that
drive the finish and the NPV.

The same seed gives the same result on any machine and number of cores.
Checks run after the simulation and may read simulation.* (for instance
simulation.projects.crm.p80_end_period); a failed check of severity
"error" makes simulate exit with status 1 after printing the report.`,
		Example: `  roadmap simulate examples/it-department-ranges
  roadmap simulate --runs 2000 --seed 7 --format markdown .
  roadmap simulate --format html . > simulation.html
  roadmap simulate --out simulation.json --var capex=1500000 .
  roadmap simulate --force-in buy_crm --force-out build_crm .`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeDirs,
		RunE:              inDir(&o.dir, o.validate, func(ctx context.Context) error { return runF(ctx, o) }),
	}
	f := cmd.Flags()
	f.IntVar(&o.runs, "runs", simulate.DefaultRuns, "number of runs")
	f.Int64Var(&o.seed, "seed", 1, "random seed: the same seed gives the same result")
	f.StringVar(&o.format, "format", "", "output format: "+strings.Join(report.SimulationFormats(), ", ")+" (default table)")
	f.StringVar(&o.table, "table", "", "with --format csv: the table to print, one of "+strings.Join(report.SimulationTables(), ", ")+" (default projects)")
	f.StringVar(&o.out, "out", "", "also save the simulation as JSON to `FILE`")
	addVarFlags(cmd, &o.vars, &o.varFiles)
	addScenarioFlag(cmd, &o.scenario)
	addAsOfFlag(cmd, &o.asOf)
	addForceFlags(cmd, &o.forceIn, &o.forceOut)
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return report.SimulationFormats(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// validate checks what flag parsing cannot.
func (o *simulateOptions) validate() error {
	if o.format != "" && !slices.Contains(report.SimulationFormats(), o.format) {
		return fmt.Errorf("unknown --format %q: use one of %s", o.format, strings.Join(report.SimulationFormats(), ", "))
	}
	if o.table != "" && o.format != "csv" {
		return errors.New("--table chooses the table of --format csv (xlsx holds every table, one per sheet)")
	}
	if o.table != "" && !slices.Contains(report.SimulationTables(), o.table) {
		return fmt.Errorf("unknown --table %q: use one of %s", o.table, strings.Join(report.SimulationTables(), ", "))
	}
	if o.runs < 1 || o.runs > simulate.MaxRuns {
		return fmt.Errorf("--runs must be from 1 to %d, got %d", simulate.MaxRuns, o.runs)
	}
	return checkOutName(o.out)
}

// runSimulate loads, simulates and prints the roadmap in o.dir.
func runSimulate(ctx context.Context, g *globalOptions, s *Streams, o *simulateOptions) error {
	cfg, loader, err := loadRoadmapWith(ctx, g, s, "simulate", o.dir, withAsOf(loadOptions(ctx, s, o.vars, o.varFiles, o.scenario), o.asOf))
	if err != nil {
		return err
	}
	if err := checkOutIsNoInput(o.out, roadmapInputs(o.dir, o.varFiles, loader.Files())); err != nil {
		return err
	}
	opts := simulate.Options{Runs: o.runs, Seed: o.seed, ForceIn: o.forceIn, ForceOut: o.forceOut}
	var progress *progressLine
	if s.ErrIsTerminal {
		progress = newProgressLine(s.terminalErr())
		progress.label = fmt.Sprintf("Simulating %s runs...", groupDigits(o.runs))
		progress.update(0)
		opts.Progress = progress.update
	}
	res, diags := simulate.Simulate(ctx, cfg, opts)
	progress.clear()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("simulate interrupted: %w", err)
	}
	if err := g.writeDiagnostics(s, diags, loader.Files()); err != nil {
		return err
	}
	if diags.HasErrors() || res == nil {
		return errFailed
	}

	format := o.format
	if format == "" {
		format = "table"
	}
	if report.BinaryFormat(format) && s.OutIsTerminal {
		return fmt.Errorf("--format %s writes a binary file: redirect standard output to a .%s file", format, format)
	}
	if err := writeAnalysis(ctx, g, s, analysisOut{command: "simulate", noun: "simulation", format: format, table: o.table, out: o.out},
		res, report.MarshalSimulation, report.RenderSimulation); err != nil {
		return err
	}
	return checkFailures(s, &evaluate.Plan{Checks: res.Checks})
}

// groupDigits writes n with thousands separators: 10000 -> "10,000".
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
