package main

import (
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
	"github.com/roadmap-as-code/roadmap/evaluate/frontier"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/cputime"
	"github.com/roadmap-as-code/roadmap/report"
)

// frontierOptions are the flags of `roadmap frontier`.
type frontierOptions struct {
	dir       string
	budget    string
	team      string
	from, to  float64
	steps     int
	format    string
	table     string // --table: the table of --format csv
	out       string
	vars      []string
	varFiles  []string
	scenario  string
	asOf      string // --as-of: the status date
	seed      int64
	timeLimit time.Duration
	total     time.Duration // --total-time-limit: every level's search together
	objective string
	fromSet   bool
	toSet     bool
	forceIn   []string // --force-in ID: project ids tried in at every level
	forceOut  []string // --force-out ID: project ids tried out at every level
}

func newFrontierCmd(g *globalOptions, s *Streams) *cobra.Command {
	return frontierCommand(g, s, func(ctx context.Context, o *frontierOptions) error {
		return runFrontier(ctx, g, s, o)
	})
}

// frontierCommand builds `roadmap frontier` around runF, so tests can see
// the parsed options without evaluating anything.
func frontierCommand(g *globalOptions, s *Streams, runF func(context.Context, *frontierOptions) error) *cobra.Command {
	o := &frontierOptions{}
	cmd := &cobra.Command{
		Use:   "frontier [DIR] (--budget ID | --team ID)",
		Short: "Show the best portfolio at each level of a budget or a team's capacity",
		Long: `Draw the efficient frontier of the roadmap in DIR (default: the current
directory) for one resource: a budget's amount (--budget, per its window)
or a team's capacity in FTE (--team). For each of --steps equal steps from
--from to --to (and today's level) the optimiser plans the roadmap with the
resource at that level; the frontier shows the best portfolio's value on
the roadmap's objective (or --objective: total score by default), its NPV and risk-adjusted NPV, the
objective and NPV each step bought, and the projects that enter or leave.

More of the resource never plans worse: when the optimiser finds less at a
level than at the one below, the frontier keeps the lower level's
portfolio (it still fits) and says so. Every level keeps today's value
scale, so scores compare; a team's capacity_by_period entries keep their
difference from its capacity. Each point is the plan roadmap plan
--optimize --seed SEED makes with the amount changed, and the same seed
gives the same frontier.

--from defaults to 0 (on a living roadmap, what the budget's windows
have already spent by the status date) and --to to twice today's level.`,
		Example: `  roadmap frontier --budget capex examples/it-department
  roadmap frontier --budget capex --from 0 --to 2000000 --steps 20 .
  roadmap frontier --team apps --from 2 --to 10 --steps 8 .
  roadmap frontier --budget capex --format html . > frontier.html
  roadmap frontier --budget capex --format csv --table projects . > portfolios.csv
  roadmap frontier --team apps --format xlsx . > frontier.xlsx
  roadmap frontier --budget capex --force-in buy_crm .`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeDirs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = "."
			if len(args) == 1 {
				o.dir = args[0]
			}
			o.fromSet = cmd.Flags().Changed("from")
			o.toSet = cmd.Flags().Changed("to")
			if err := o.validate(); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			return runF(ctx, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.budget, "budget", "", "vary the amount of budget `ID`")
	f.StringVar(&o.team, "team", "", "vary the capacity (FTE) of team `ID`")
	f.Float64Var(&o.from, "from", 0, "the lowest `level`")
	f.Float64Var(&o.to, "to", 0, "the highest `level` (default twice today's)")
	f.IntVar(&o.steps, "steps", 10, fmt.Sprintf("equal steps from --from to --to (1 to %d; one optimised plan per level)", frontier.MaxSteps))
	f.StringVar(&o.format, "format", "", "output format: "+strings.Join(report.FrontierFormats(), ", ")+" (default table)")
	f.StringVar(&o.table, "table", "", "with --format csv: the table to print, one of "+strings.Join(report.FrontierTables(), ", ")+" (default levels)")
	f.StringVar(&o.out, "out", "", "also save the frontier as JSON to `FILE`")
	addVarFlags(cmd, &o.vars, &o.varFiles)
	addAsOfFlag(cmd, &o.asOf)
	f.StringVar(&o.scenario, "scenario", "", "draw the frontier of scenario `NAME`")
	f.Int64Var(&o.seed, "seed", 1, "random seed of the optimiser")
	f.DurationVar(&o.timeLimit, "time-limit", evaluate.DefaultTimeLimit, "CPU time the optimiser's search may take, per level")
	addTotalTimeLimitFlag(cmd, &o.total, "level")
	f.StringVar(&o.objective, "objective", "", "what the optimiser maximises: "+strings.Join(hclspec.Objectives(), ", ")+" (default: the roadmap's objective, else score)")
	addForceFlags(cmd, &o.forceIn, &o.forceOut)
	cmd.MarkFlagsMutuallyExclusive("budget", "team")
	cmd.MarkFlagsOneRequired("budget", "team")
	_ = cmd.RegisterFlagCompletionFunc("scenario", completeScenarios)
	_ = cmd.RegisterFlagCompletionFunc("budget", completeIDs(func(c *hclspec.Config) []string {
		var ids []string
		for _, b := range c.Budgets {
			ids = append(ids, b.ID)
		}
		return ids
	}))
	_ = cmd.RegisterFlagCompletionFunc("team", completeIDs(func(c *hclspec.Config) []string {
		var ids []string
		for _, t := range c.Teams {
			ids = append(ids, t.ID)
		}
		return ids
	}))
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return report.FrontierFormats(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// completeIDs completes a flag with the ids ids lists from the roadmap in
// the command's DIR.
func completeIDs(ids func(*hclspec.Config) []string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		dir := "."
		if len(args) > 0 {
			dir = args[0]
		}
		cfg, _ := hclspec.NewLoader().LoadDir(dir, hclspec.LoadOptions{})
		if cfg == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return ids(cfg), cobra.ShellCompDirectiveNoFileComp
	}
}

// validate checks what flag parsing cannot.
func (o *frontierOptions) validate() error {
	if o.format != "" && !slices.Contains(report.FrontierFormats(), o.format) {
		return fmt.Errorf("unknown --format %q: use one of %s", o.format, strings.Join(report.FrontierFormats(), ", "))
	}
	if o.table != "" && o.format != "csv" {
		return errors.New("--table chooses the table of --format csv (xlsx holds every table, one per sheet)")
	}
	if o.table != "" && !slices.Contains(report.FrontierTables(), o.table) {
		return fmt.Errorf("unknown --table %q: use one of %s", o.table, strings.Join(report.FrontierTables(), ", "))
	}
	if o.timeLimit <= 0 {
		return fmt.Errorf("--time-limit must be positive, got %s", o.timeLimit)
	}
	if o.total <= 0 {
		return fmt.Errorf("--total-time-limit must be positive, got %s", o.total)
	}
	if o.objective != "" && !slices.Contains(hclspec.Objectives(), o.objective) {
		return fmt.Errorf("unknown --objective %q: use one of %s", o.objective, strings.Join(hclspec.Objectives(), ", "))
	}
	return checkOutName(o.out)
}

// request is the frontier asked for, with --from and --to defaulted from
// today's level.
func (o *frontierOptions) request(cfg *hclspec.Config) (frontier.Request, error) {
	r := frontier.Request{Kind: frontier.KindBudget, ID: o.budget, From: o.from, To: o.to, Steps: o.steps}
	if o.team != "" {
		r.Kind, r.ID = frontier.KindTeam, o.team
	}
	if frontier.Check(cfg, frontier.Request{Kind: r.Kind, ID: r.ID, From: 0, To: 1, Steps: 1}).HasErrors() {
		r.From, r.To = 0, 1
		return r, nil // Check says what is wrong
	}
	current := frontier.Current(cfg, r.Kind, r.ID)
	if !o.fromSet {
		r.From, r.FromSpent = 0, true
	}
	if !o.toSet {
		r.To = current * 2
		if current == 0 {
			return r, fmt.Errorf("%s %s is 0 today: give --to (and --from) to say which levels to try", r.Kind, r.ID)
		}
	}
	return r, nil
}

func runFrontier(ctx context.Context, g *globalOptions, s *Streams, o *frontierOptions) error {
	format := o.format
	if format == "" {
		format = "table"
	}
	if report.BinaryFormat(format) && s.OutIsTerminal {
		return fmt.Errorf("--format %s writes a binary file: redirect standard output to a .%s file", format, format)
	}
	loader := hclspec.NewLoader()
	cfg, diags := loader.LoadDir(o.dir, withAsOf(loadOptions(ctx, s, o.vars, o.varFiles, o.scenario), o.asOf))
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("frontier interrupted: %w", err)
	}
	files := loader.Files()
	if diags.HasErrors() {
		if err := g.writeDiagnostics(s, diags, files); err != nil {
			return err
		}
		return errFailed
	}
	if err := checkOutIsNoInput(o.out, roadmapInputs(o.dir, o.varFiles, files)); err != nil {
		return err
	}
	r, err := o.request(cfg)
	if err != nil {
		return err
	}
	if d := frontier.Check(cfg, r); d.HasErrors() {
		if err := g.writeDiagnostics(s, append(diags, d...), files); err != nil {
			return err
		}
		return errFailed
	}
	budget := evaluate.NewSearchBudget(o.total, r.Steps+1) // frontier.Compute sets the levels' count
	f, d := frontier.Compute(ctx, cfg, r, evaluate.Options{Seed: o.seed, TimeLimit: o.timeLimit, Clock: cputime.ThreadClock(), Objective: o.objective,
		SearchBudget: budget, ForceIn: o.forceIn, ForceOut: o.forceOut})
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("frontier interrupted: %w", err)
	}
	diags = append(diags, d...)
	if err := g.writeDiagnostics(s, diags, files); err != nil {
		return err
	}
	if diags.HasErrors() || f == nil {
		return errFailed
	}
	if timeLimited(f) {
		w := hcl.Diagnostics{{Severity: hcl.DiagWarning, Summary: "Optimiser time limit reached",
			Detail: fmt.Sprintf("The time limit of %s ended the optimiser's search at some levels (marked \"time limit\"): the same seed may give another frontier on another machine; %s it reproducible.", timeLimitsText(o.timeLimit, budget), longerLimits(budget))}}
		if err := g.writeDiagnostics(s, w, files); err != nil {
			return err
		}
	}

	return writeAnalysis(ctx, g, s, analysisOut{command: "frontier", noun: "frontier", format: format, table: o.table, out: o.out},
		f, report.MarshalFrontier, report.RenderFrontier)
}

func timeLimited(f *frontier.Frontier) bool {
	return slices.ContainsFunc(f.Points, func(p frontier.Point) bool { return p.TimeLimitReached })
}
