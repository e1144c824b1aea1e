package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/cobra"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/scenario"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/cputime"
	"github.com/roadmap-as-code/roadmap/report"
)

// compareOptions are the flags of `roadmap compare`.
type compareOptions struct {
	dir       string
	scenarios []string // --scenario, in order
	all       bool
	format    string // "" means table
	table     string // --table: the table of --format csv
	out       string
	vars      []string
	varFiles  []string
	asOf      string // --as-of: the status date
	optimize  bool
	seed      int64
	timeLimit time.Duration
	total     time.Duration // --total-time-limit: every column's search together
	forceIn   []string
	forceOut  []string
}

func newCompareCmd(g *globalOptions, s *Streams) *cobra.Command {
	return compareCommand(g, s, func(ctx context.Context, o *compareOptions) error {
		return runCompare(ctx, g, s, o)
	})
}

// compareCommand builds `roadmap compare` around runF, so tests can see
// the parsed options without evaluating anything.
func compareCommand(g *globalOptions, s *Streams, runF func(context.Context, *compareOptions) error) *cobra.Command {
	o := &compareOptions{}
	cmd := &cobra.Command{
		Use:   "compare [DIR]",
		Short: "Plan the roadmap under each of its scenarios and show the plans side by side",
		Long: `Plan the roadmap in DIR (default: the current directory) without a scenario
("base") and under each scenario asked for - every scenario block with --all,
the default - and show them side by side: per scenario the projects
scheduled, deferred and dropped, cost, NPV, risk-adjusted NPV, finish, each
team's peak utilisation, each budget's fullest window, the checks that fail
and what changes from base; per project its status and start in each,
changes marked.

Each column is exactly the plan that roadmap plan --scenario NAME prints
with the same --var, --var-file and optimiser flags: a scenario's variables
override every other value. Failed checks are shown per scenario and do not
change the exit status (plan --scenario NAME fails on them).`,
		Example: `  roadmap compare examples/it-department
  roadmap compare --scenario budget_cut --scenario two_hires .
  roadmap compare --format markdown . > scenarios.md
  roadmap compare --format csv --table projects . > scenarios.csv
  roadmap compare --out scenarios.json --var capex=2000000 .`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeDirs,
		RunE:              inDir(&o.dir, o.validate, func(ctx context.Context) error { return runF(ctx, o) }),
	}
	f := cmd.Flags()
	stringArrayFlag(f, &o.scenarios, "scenario", "compare scenario `NAME` (repeatable, in this order)")
	f.BoolVar(&o.all, "all", false, "compare every scenario of the roadmap, in declaration order (the default)")
	f.StringVar(&o.format, "format", "", "output format: "+strings.Join(report.ComparisonFormats(), ", ")+" (default table)")
	f.StringVar(&o.table, "table", "", "with --format csv: the table to print, one of "+strings.Join(report.ComparisonTables(), ", ")+" (default scenarios)")
	f.StringVar(&o.out, "out", "", "also save the comparison as JSON to `FILE`")
	addVarFlags(cmd, &o.vars, &o.varFiles)
	addAsOfFlag(cmd, &o.asOf)
	f.BoolVar(&o.optimize, "optimize", false, "optimise every scenario's schedule, as plan --optimize")
	f.Int64Var(&o.seed, "seed", 1, "random seed of the optimiser")
	f.DurationVar(&o.timeLimit, "time-limit", 5*time.Second, "CPU time the optimiser's search may take, per scenario")
	addTotalTimeLimitFlag(cmd, &o.total, "column")
	addForceFlags(cmd, &o.forceIn, &o.forceOut)
	cmd.MarkFlagsMutuallyExclusive("scenario", "all")
	_ = cmd.RegisterFlagCompletionFunc("scenario", completeScenarios)
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return report.ComparisonFormats(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// validate checks what flag parsing cannot.
func (o *compareOptions) validate() error {
	if o.format != "" && !slices.Contains(report.ComparisonFormats(), o.format) {
		return fmt.Errorf("unknown --format %q: use one of %s", o.format, strings.Join(report.ComparisonFormats(), ", "))
	}
	if o.table != "" && o.format != "csv" {
		return errors.New("--table chooses the table of --format csv (xlsx holds every table, one per sheet)")
	}
	if o.table != "" && !slices.Contains(report.ComparisonTables(), o.table) {
		return fmt.Errorf("unknown --table %q: use one of %s", o.table, strings.Join(report.ComparisonTables(), ", "))
	}
	for i, name := range o.scenarios {
		if slices.Contains(o.scenarios[:i], name) {
			return fmt.Errorf("--scenario %s is given twice", name)
		}
		if name == hclspec.BaseScenario {
			return fmt.Errorf("--scenario %s: base, the roadmap without a scenario, is always the first column", name)
		}
	}
	if o.timeLimit <= 0 {
		return fmt.Errorf("--time-limit must be positive, got %s", o.timeLimit)
	}
	if o.total <= 0 {
		return fmt.Errorf("--total-time-limit must be positive, got %s", o.total)
	}
	return checkOutName(o.out)
}

// runCompare loads the roadmap once per scenario, plans each and prints
// them side by side.
func runCompare(ctx context.Context, g *globalOptions, s *Streams, o *compareOptions) error {
	format := o.format
	if format == "" {
		format = "table"
	}
	if report.BinaryFormat(format) && s.OutIsTerminal {
		return fmt.Errorf("--format %s writes a binary file: redirect standard output to a .%s file", format, format)
	}
	configs, files, err := loadScenarios(ctx, g, s, o)
	if err != nil {
		return err
	}
	if err := checkOutIsNoInput(o.out, roadmapInputs(o.dir, o.varFiles, files)); err != nil {
		return err
	}
	budget := evaluate.NewSearchBudget(o.total, len(configs))
	cmp, diags := scenario.Compare(ctx, configs, evaluate.Options{Optimize: o.optimize, Seed: o.seed, TimeLimit: o.timeLimit, Clock: cputime.ThreadClock(),
		SearchBudget: budget, ForceIn: o.forceIn, ForceOut: o.forceOut})
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("compare interrupted: %w", err)
	}
	var all hcl.Diagnostics
	seen := map[string]bool{}
	for k, d := range diags {
		all = append(all, inScenario(d, configs[k], seen)...)
	}
	if cmp != nil {
		var names []string
		for _, c := range cmp.Scenarios {
			if c.Optimization != nil && c.Optimization.TimeLimitReached {
				names = append(names, c.Name)
			}
		}
		if len(names) > 0 {
			all = append(all, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Optimiser time limit reached",
				Detail: fmt.Sprintf("The time limit of %s ended the optimiser's search in %s, before its budget: the same seed may give another comparison on another machine; %s it reproducible.",
					timeLimitsText(o.timeLimit, budget), strings.Join(names, ", "), longerLimits(budget))})
		}
	}
	if err := g.writeDiagnostics(s, all, files); err != nil {
		return err
	}
	if all.HasErrors() || cmp == nil {
		return errFailed
	}

	return writeAnalysis(ctx, g, s, analysisOut{command: "compare", noun: "comparison", format: format, table: o.table, out: o.out},
		cmp, report.MarshalComparison, report.RenderComparison)
}

// loadScenarios loads o.dir without a scenario, then once with each
// scenario compared, and returns the configs (base first) and the files
// read, for snippets. Load diagnostics are printed once each.
func loadScenarios(ctx context.Context, g *globalOptions, s *Streams, o *compareOptions) ([]*hclspec.Config, map[string]*hcl.File, error) {
	loader := hclspec.NewLoader()
	base, diags := loader.LoadDir(o.dir, withAsOf(loadOptions(ctx, s, o.vars, o.varFiles, ""), o.asOf))
	if err := ctx.Err(); err != nil {
		return nil, nil, fmt.Errorf("compare interrupted: %w", err)
	}
	files := loader.Files()
	seen := map[string]bool{}
	all := inScenario(diags, base, seen)
	names := o.scenarios
	if !all.HasErrors() && len(names) == 0 {
		for _, sc := range base.Scenarios {
			names = append(names, sc.ID)
		}
		if len(names) == 0 {
			all = append(all, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "No scenarios to compare",
				Detail:   fmt.Sprintf("%s declares no scenario blocks. Add one, such as scenario \"budget_cut\" { variables = { capex = 1000000 } }, to compare it with the plan as it is.", o.dir),
			})
		}
	}
	if !all.HasErrors() {
		// Before any scenario is loaded: each is a load and a plan.
		all = append(all, scenario.CheckCount(base, names)...)
	}
	configs := []*hclspec.Config{base}
	if !all.HasErrors() {
		for _, name := range names {
			l := hclspec.NewLoader()
			cfg, d := l.LoadDir(o.dir, withAsOf(loadOptions(ctx, s, o.vars, o.varFiles, name), o.asOf))
			if err := ctx.Err(); err != nil {
				return nil, nil, fmt.Errorf("compare interrupted: %w", err)
			}
			all = append(all, inScenario(d, cfg, seen)...)
			configs = append(configs, cfg)
		}
	}
	if err := g.writeDiagnostics(s, all, files); err != nil {
		return nil, nil, err
	}
	if all.HasErrors() {
		return nil, nil, errFailed
	}
	return configs, files, nil
}

// inScenario returns the diagnostics of diags not seen before (the same
// warning from every scenario's load is printed once), those of a
// scenario's own load or plan saying which scenario they come from.
func inScenario(diags hcl.Diagnostics, cfg *hclspec.Config, seen map[string]bool) hcl.Diagnostics {
	var out hcl.Diagnostics
	for _, d := range diags {
		where := ""
		if d.Subject != nil {
			where = d.Subject.String()
		}
		key := fmt.Sprintf("%d|%s|%s|%s", d.Severity, d.Summary, d.Detail, where)
		if seen[key] {
			continue
		}
		seen[key] = true
		if cfg != nil && cfg.Scenario != nil {
			c := *d
			c.Detail = strings.TrimSpace(fmt.Sprintf("In scenario %q. %s", cfg.Scenario.ID, d.Detail))
			d = &c
		}
		out = append(out, d)
	}
	return out
}

// addTotalTimeLimitFlag adds --total-time-limit to compare and frontier,
// whose columns each run a search.
func addTotalTimeLimitFlag(cmd *cobra.Command, total *time.Duration, column string) {
	cmd.Flags().DurationVar(total, "total-time-limit", time.Minute,
		"CPU time the optimiser's searches of all "+column+"s may take together: each gets the smaller of --time-limit and an equal share of what is left")
}

// timeLimitsText names the limits that can end a column's search.
func timeLimitsText(perColumn time.Duration, b *evaluate.SearchBudget) string {
	if b.Shortened() {
		return fmt.Sprintf("%s per search (--time-limit), or its share of %s for every search together (--total-time-limit),", perColumn, b.Total())
	}
	return fmt.Sprintf("%s (CPU time of each search)", perColumn)
}

// longerLimits says which flags to raise.
func longerLimits(b *evaluate.SearchBudget) string {
	if b.Shortened() {
		return "a longer --time-limit and --total-time-limit make"
	}
	return "a longer --time-limit makes"
}
