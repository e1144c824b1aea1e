package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/cobra"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/shortfall"
	"github.com/roadmap-as-code/roadmap/evaluate/views"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/atomicfile"
	"github.com/roadmap-as-code/roadmap/internal/cputime"
	"github.com/roadmap-as-code/roadmap/internal/safetext"
	"github.com/roadmap-as-code/roadmap/report"
)

// planOptions are the flags of `roadmap plan`.
type planOptions struct {
	scenario         string // --scenario: the scenario block to apply
	dir              string
	format           string // "" means table on a terminal, else table too
	table            string // --table: the table of --format csv
	out              string
	vars             []string
	varFiles         []string
	asOf             string // --as-of: the status date
	base             string // git revision to diff against
	compare          string // saved JSON plan to diff against
	baseline         string // --baseline: saved JSON plan to measure earned value against
	detailedExitcode bool
	optimize         bool
	objective        string // --objective: implies --optimize
	seed             int64
	timeLimit        time.Duration
	view             views.Selector // --department, --goal, --team
	split            string         // --split DIR: an HTML page per department
	force            bool           // --force: --split may replace files roadmap did not write
	shortfall        bool           // --shortfall: what each deferred project would take
	forceIn          []string       // --force-in ID: project ids tried in
	forceOut         []string       // --force-out ID: project ids tried out
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
  roadmap plan --format csv --table cost-benefit > cost-benefit.csv
  roadmap plan --format xlsx --out plan.xlsx
  roadmap plan --compare last-quarter.json --detailed-exitcode
  roadmap plan --as-of 2027-Q3 --baseline plan-of-record.json
  roadmap plan --force-in buy_crm --force-out build_crm --compare plan.json`,
		Args: cobra.MaximumNArgs(1),
		RunE: inDir(&o.dir, o.validate, func(ctx context.Context) error { return runF(ctx, o) }),
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "", "output format: "+strings.Join(report.PlanFormats(), ", ")+" (default table)")
	f.StringVar(&o.out, "out", "", "also save the JSON plan to `FILE` (for show and --compare); with --format xlsx, the workbook")
	addTableFlag(cmd, &o.table)
	addViewFlags(cmd, &o.view)
	f.StringVar(&o.split, "split", "", "with --format html: write an HTML page per department, and an index, into `DIR`")
	f.BoolVar(&o.force, "force", false, "with --split: replace files in DIR that roadmap did not write")
	addVarFlags(cmd, &o.vars, &o.varFiles)
	addScenarioFlag(cmd, &o.scenario)
	addAsOfFlag(cmd, &o.asOf)
	f.StringVar(&o.base, "base", "", "diff against the same directory at git revision `REV`")
	f.StringVar(&o.compare, "compare", "", "diff against a saved JSON plan `FILE`")
	f.StringVar(&o.baseline, "baseline", "", "measure earned value (PV, EV, AC, CPI, SPI, EAC, forecast finish) at the status date against a saved JSON plan `FILE`")
	f.BoolVar(&o.detailedExitcode, "detailed-exitcode", false, "with --base or --compare: exit 0 when nothing changed, 2 when the plan changed, 1 on error")
	f.BoolVar(&o.optimize, "optimize", false, "search for a better schedule than rank order")
	f.BoolVar(&o.shortfall, "shortfall", false, "say for each deferred or dropped project what would get it scheduled: extra FTE of a team, a budget's amount raised, one more max_parallel slot of a team or the roadmap, a later deadline (each verified by planning again), or which gate keeps it out")
	f.StringVar(&o.objective, "objective", "", "what --optimize maximises: "+strings.Join(hclspec.Objectives(), ", ")+" (default: the roadmap's objective, else score); implies --optimize")
	f.Int64Var(&o.seed, "seed", 1, "random seed of the optimiser")
	f.DurationVar(&o.timeLimit, "time-limit", 5*time.Second, "CPU time the optimiser's search may take, a safety net: its budget of schedules normally ends it first")
	addForceFlags(cmd, &o.forceIn, &o.forceOut)
	cmd.MarkFlagsMutuallyExclusive("base", "compare")
	return cmd
}

// validate checks what flag parsing cannot.
func (o *planOptions) validate() error {
	if o.shortfall && (o.optimize || o.objective != "") {
		return errors.New("--shortfall works on the rank-order plan (what a deferred project needs to fit where it ranks): leave out --optimize and --objective")
	}
	if o.base != "" || o.compare != "" {
		// Checked before anything is evaluated, so a wrong format fails at once.
		if o.format != "" && !slices.Contains(diffFormats(), o.format) {
			return fmt.Errorf("unknown format %q for a plan diff: use one of %s", o.format, strings.Join(diffFormats(), ", "))
		}
	} else if o.format != "" && !slices.Contains(report.PlanFormats(), o.format) {
		return fmt.Errorf("unknown --format %q: use one of %s", o.format, strings.Join(report.PlanFormats(), ", "))
	}
	if err := validateSheetFlags(o.format, o.table, o.out, o.base != "" || o.compare != "", true); err != nil {
		return err
	}
	if o.split != "" && (o.format != "html" || o.base != "" || o.compare != "" || !o.view.Empty()) {
		return errors.New("--split needs --format html, and writes every department's view itself (no --department, --goal, --team, --base or --compare)")
	}
	if o.objective != "" && !slices.Contains(hclspec.Objectives(), o.objective) {
		return fmt.Errorf("unknown --objective %q: use one of %s", o.objective, strings.Join(hclspec.Objectives(), ", "))
	}
	if o.timeLimit <= 0 {
		return fmt.Errorf("--time-limit must be positive, got %s", o.timeLimit)
	}
	if o.detailedExitcode && o.base == "" && o.compare == "" {
		return errors.New("--detailed-exitcode needs --base or --compare")
	}
	return checkOutName(o.out)
}

// runPlan loads, evaluates and prints the plan of o.dir.
func runPlan(ctx context.Context, g *globalOptions, s *Streams, o *planOptions) error {
	load := withAsOf(loadOptions(ctx, s, o.vars, o.varFiles, o.scenario), o.asOf)
	load.Sized = s.collector.fitInput
	cfg, loader, err := loadRoadmapWith(ctx, g, s, "plan", o.dir, load)
	if err != nil {
		return err
	}
	// Before any work: the plan must never replace its own sources.
	if err := checkOutIsNoInput(o.out, roadmapInputs(o.dir, o.varFiles, loader.Files())); err != nil {
		return err
	}
	// A mistyped --department, --goal or --team fails before the roadmap
	// is evaluated (which may take seconds on a large one).
	if errs := views.CheckConfig(cfg, o.view); len(errs) > 0 {
		return errors.Join(errs...)
	}
	asWritten := o.table == report.ProjectsTable && o.base == "" && o.compare == ""
	if asWritten {
		// The projects as written, for `roadmap import`, come from the
		// files; the roadmap is still planned below so that the exit
		// status is the plan's (a failed error check: 1), as for every
		// other table.
		var buf bytes.Buffer
		if err := report.RenderProjectsCSV(&buf, cfg); err != nil {
			return err
		}
		if _, err := s.formatOut("csv").Write(buf.Bytes()); err != nil {
			return err
		}
	}

	baseline, err := readBaseline(o.baseline)
	if err != nil {
		return err
	}
	opts := evaluate.Options{
		Optimize:  o.optimize,
		Objective: o.objective,
		Seed:      o.seed,
		TimeLimit: o.timeLimit,
		Clock:     cputime.ThreadClock(),
		ForceIn:   o.forceIn,
		ForceOut:  o.forceOut,
		Baseline:  baseline,
	}
	var progress *progressLine
	if s.ErrIsTerminal {
		progress = newProgressLine(s.terminalErr())
		opts.Progress = progress.update
	}
	plan, diags := evaluate.Evaluate(ctx, cfg, opts)
	progress.clear()
	if plan != nil {
		diags = append(diags, timeLimitWarning(plan.Optimization, o.timeLimit)...)
	}
	if err := g.writeDiagnostics(s, diags, loader.Files()); err != nil {
		return err
	}
	if diags.HasErrors() || plan == nil {
		return errFailed
	}
	if asWritten {
		return checkFailures(s, plan)
	}
	plan.RoadmapVersion = g.version
	// Named on the plan, so a stakeholder view of it still says so.
	plan.ForceIn, plan.ForceOut = report.ForcedProjects(plan)
	if o.shortfall {
		if plan.Optimization != nil {
			w := hcl.Diagnostics{{Severity: hcl.DiagWarning, Summary: "No shortfall for an optimised plan",
				Detail: "The roadmap sets optimize = true: --shortfall says what a deferred project needs to fit where it ranks, in rank order. Run roadmap plan --shortfall on a copy without optimize, or drop --shortfall."}}
			if err := g.writeDiagnostics(s, w, loader.Files()); err != nil {
				return err
			}
		} else {
			w, err := shortfall.Annotate(ctx, cfg, plan, shortfall.Options{ForceIn: o.forceIn, ForceOut: o.forceOut})
			if err != nil {
				if ctx.Err() != nil {
					return fmt.Errorf("plan interrupted: %w", err)
				}
				return err
			}
			if err := g.writeDiagnostics(s, w, loader.Files()); err != nil {
				return err
			}
		}
	}
	return outputPlan(ctx, g, s, o, plan)
}

// outputPlan saves (--out) and prints an evaluated plan. Without --out the
// plan is written to stdout as it is rendered, and Ctrl-C stops it at the
// next write of about 64 KiB. With --out everything is built in memory
// first and ctx is checked before each write, so Ctrl-C while a large
// plan is being marshalled or rendered stops at once and leaves neither
// an --out file nor half a plan on stdout. The --out file
// is written only once everything that can fail has succeeded (with
// --base or --compare: the other plan and the diff too); a failed error
// check is the plan's verdict, not a failure to make it, so the plan is
// still saved as evidence.
func outputPlan(ctx context.Context, g *globalOptions, s *Streams, o *planOptions, plan *evaluate.Plan) error {
	interrupted := func(err error) error { return fmt.Errorf("plan interrupted: %w", err) }
	if err := ctx.Err(); err != nil {
		return interrupted(err)
	}
	// The JSON plan saved with --out is the whole plan; a stakeholder
	// view only narrows what is shown.
	shown, err := narrowPlan(plan, o.view)
	if err != nil {
		return err
	}
	if o.split != "" {
		if err := writeSplitHTML(g, s, plan, o.split, o.force); err != nil {
			return err
		}
		return checkFailures(s, plan)
	}
	diffing := o.base != "" || o.compare != ""
	if report.BinaryFormat(o.format) && !diffing {
		if err := writeBinaryPlan(ctx, g, s, shown, o.format, o.out, "plan"); err != nil {
			return err
		}
		return checkFailures(s, plan)
	}
	var saved []byte
	if o.out != "" && !report.BinaryFormat(o.format) {
		err := untilDone(ctx, "plan", func() (err error) {
			saved, err = report.MarshalPlan(plan)
			return err
		})
		if err != nil {
			return err
		}
	}
	if o.base != "" || o.compare != "" {
		code, err := runPlanDiff(ctx, g, s, o, plan, func() error { return savePlan(ctx, o.out, saved) })
		if err != nil {
			return err
		}
		if code != 0 {
			return &ExitError{Code: code}
		}
		return nil
	}

	format := o.format
	if format == "" {
		format = "table"
	}
	opts := g.outOptions(s)
	opts.Root = o.dir
	opts.Table = o.table
	if o.out == "" {
		// Nothing to save: the plan goes straight to stdout as it is
		// rendered (a 10,000-project plan's JSON is 56 MB, never held
		// whole). Ctrl-C stops it at the next write.
		if err := ctx.Err(); err != nil {
			return interrupted(err)
		}
		out := bufio.NewWriterSize(interruptible{ctx: ctx, w: s.formatOut(format), what: "plan"}, 64<<10)
		if err := report.RenderPlan(out, shown, format, opts); err != nil {
			return err
		}
		if err := out.Flush(); err != nil {
			return err
		}
		return checkFailures(s, plan)
	}
	rendered := saved // the JSON of the whole plan is what --out saves
	if format != "json" || shown != plan {
		err := untilDone(ctx, "plan", func() (err error) {
			rendered, err = report.RenderPlanBytes(shown, format, opts)
			return err
		})
		if err != nil {
			return err
		}
	}
	if err := savePlan(ctx, o.out, saved); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return interrupted(err)
	}
	if _, err := s.formatOut(format).Write(rendered); err != nil {
		return err
	}
	return checkFailures(s, plan)
}

// readBaseline reads the saved plan of --baseline ("" is none) with the
// reader of --compare and show.
func readBaseline(name string) (*evaluate.Baseline, error) {
	if name == "" {
		return nil, nil
	}
	p, err := readSavedPlan(name)
	if err != nil {
		return nil, fmt.Errorf("--baseline: %w", err)
	}
	return &evaluate.Baseline{Plan: p, Source: name}, nil
}

// savePlan writes the marshalled plan to path ("" saves nothing) unless
// ctx is done.
func savePlan(ctx context.Context, path string, data []byte) error {
	if path == "" {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("plan interrupted: %w", err)
	}
	if err := atomicfile.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("saving the plan: %w", err)
	}
	return nil
}

// untilDone runs f, returning early with "<command> interrupted" when
// ctx is done first: f then finishes in the background and its result is
// dropped (the process is about to exit).
func untilDone(ctx context.Context, command string, f func() error) error {
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("%s interrupted: %w", command, ctx.Err())
	}
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
		fmt.Fprintf(s.Err, "%s: check %q failed: %s\n", label, c.ID, safetext.Escape(c.Message))
	}
	if failed > 0 {
		return errFailed
	}
	return nil
}

// timeLimitWarning says on stderr that --time-limit, not the schedule
// budget, ended the optimiser's search: the plan (which says so too) may
// then differ on another machine. None when it did not.
func timeLimitWarning(op *evaluate.Optimization, limit time.Duration) hcl.Diagnostics {
	if op == nil || !op.TimeLimitReached {
		return nil
	}
	noun := "schedules"
	if op.Schedules == 1 {
		noun = "schedule"
	}
	return hcl.Diagnostics{{Severity: hcl.DiagWarning, Summary: "Optimiser time limit reached",
		Detail: fmt.Sprintf("The time limit of %s (CPU time of the search) ended the optimiser's search after %s %s, before its budget: the same seed may give another plan on another machine; a longer --time-limit makes it reproducible.",
			limit, groupDigits(op.Schedules), noun)}}
}

// progressDelay is how long the optimiser runs before a progress line
// appears: shorter runs show none, so they do not flicker.
const progressDelay = time.Second

// progressLine shows the optimiser's progress on a terminal's stderr as
// one line rewritten in place, and clears it when the search ends. The
// share done is what the search reports: the larger of the schedules
// evaluated out of its budget and the time it spent out of --time-limit
// (as the limit counts it, CPU time), since whichever runs out first ends
// the search; a ticker redraws it, so the line appears once the first
// second has passed even between two reports.
type progressLine struct {
	mu    sync.Mutex
	w     io.Writer
	label string // what is in progress; "" is "Optimising the schedule..."
	now   func() time.Time
	tick  time.Duration // redraw period; 0 draws only on update (tests)
	start time.Time     // first update: when the search began
	done  float64       // share of the schedule budget evaluated
	last  int           // percent last shown; -1 before the first
	shown bool
	ended bool // cleared: draw nothing more
	quit  chan struct{}
}

func newProgressLine(w io.Writer) *progressLine {
	return &progressLine{w: w, now: time.Now, tick: 200 * time.Millisecond, last: -1}
}

// update records the share of the schedule budget done; the first call
// marks the start of the search.
func (p *progressLine) update(done float64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.start.IsZero() {
		p.start = p.now()
		if p.tick > 0 {
			p.quit = make(chan struct{})
			go p.redrawEvery(p.tick, p.quit)
		}
	}
	p.done = max(p.done, done)
	p.draw()
}

func (p *progressLine) redrawEvery(d time.Duration, quit chan struct{}) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-quit:
			return
		case <-t.C:
			p.mu.Lock()
			p.draw()
			p.mu.Unlock()
		}
	}
}

// draw shows the line once the search has run progressDelay; p.mu is held.
func (p *progressLine) draw() {
	if p.start.IsZero() || p.ended {
		return
	}
	elapsed := p.now().Sub(p.start)
	if elapsed < progressDelay {
		return
	}
	pct := int(min(max(p.done, 0), 1) * 100)
	if pct == p.last {
		return
	}
	p.last, p.shown = pct, true
	label := p.label
	if label == "" {
		label = "Optimising the schedule..."
	}
	fmt.Fprintf(p.w, "\r%s %3d%%", label, pct)
}

// clear stops the redrawing and erases the line if it was shown.
func (p *progressLine) clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ended = true
	if p.quit != nil {
		close(p.quit)
		p.quit = nil
	}
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// addForceFlags adds --force-in and --force-out: project ids to try in or
// out of this run without editing the files (the base plan of --base is
// not forced).
func addForceFlags(cmd *cobra.Command, in, out *[]string) {
	f := cmd.Flags()
	projectIDsFlag(f, in, "force-in", "try project `ID` in: it passes the soft gates like a mandatory project (repeatable, or IDs separated by commas)")
	projectIDsFlag(f, out, "force-out", "try project `ID` out: it is dropped (repeatable, or IDs separated by commas)")
}

// interruptible passes writes on to w until ctx is done, then fails them
// with "<what> interrupted", so output written as it is made stops at
// Ctrl-C.
type interruptible struct {
	ctx  context.Context
	w    io.Writer
	what string
}

func (i interruptible) Write(p []byte) (int, error) {
	if err := i.ctx.Err(); err != nil {
		return 0, fmt.Errorf("%s interrupted: %w", i.what, err)
	}
	return i.w.Write(p)
}
