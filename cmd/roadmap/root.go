package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/safetext"
	"github.com/roadmap-as-code/roadmap/report"
)

// Streams are a command's standard streams and environment, so commands
// run in tests without a process.
type Streams struct {
	In            io.Reader
	Out, Err      io.Writer
	InIsTerminal  bool // the console edits lines only on a terminal
	OutIsTerminal bool
	ErrIsTerminal bool
	Env           []string // os.Environ()-style
	TerminalWidth int      // 0 when unknown
	// collector fits the garbage collector to the roadmap a command
	// loads (main sets it; nil leaves the runtime's settings alone).
	collector *collector

	// Execute replaces Out and Err with guards (see guardStreams) and
	// keeps the streams they write to here, for the few writes that must
	// be byte for byte.
	rawOut, rawErr     io.Writer
	outGuard, errGuard *safetext.Writer
	outColor           bool // colour is on for stdout
}

// guardStreams returns a copy of s whose Out and Err neutralise terminal
// control sequences and GitHub Actions workflow commands in everything
// written to them: whatever a roadmap, a variable, a file name or a saved
// plan holds, no line of output can run a command in a CI runner or send
// a sequence to a terminal. Flush them with flushGuards.
func guardStreams(s *Streams) *Streams {
	g := *s
	g.rawOut, g.rawErr = s.Out, s.Err
	g.outGuard, g.errGuard = safetext.NewWriter(s.Out), safetext.NewWriter(s.Err)
	g.Out, g.Err = g.outGuard, g.errGuard
	return &g
}

// flushGuards writes what the guards still hold.
func (s *Streams) flushGuards() {
	for _, w := range []*safetext.Writer{s.outGuard, s.errGuard} {
		if w != nil {
			// Nothing more can be reported when the stream itself fails.
			_ = w.Flush()
		}
	}
}

// setColor records whether colour is on for each stream, once the flags
// are parsed. Diagnostics on stderr are coloured; stdout lets colours
// through only for the formats that use them (see formatOut).
func (s *Streams) setColor(out, err bool) {
	s.outColor = out
	if s.errGuard != nil {
		s.errGuard.AllowStyles(err)
	}
}

// formatOut is stdout for output in format. Only the formats that colour
// text ("table", and "text" for a diff) get roadmap's colours through the
// guard; for "github", whose lines are workflow commands on purpose, it
// lets annotation commands through (the renderer escapes line breaks in
// the text they carry).
func (s *Streams) formatOut(format string) io.Writer {
	if s.outGuard != nil {
		s.outGuard.AllowAnnotations(format == report.FormatGitHub)
		s.outGuard.AllowStyles(s.outColor && (format == "table" || format == "text"))
	}
	return s.Out
}

// exactOut is stdout unguarded, for output that is a file's content and
// must stay byte for byte what it is (fmt printing a formatted file).
func (s *Streams) exactOut() io.Writer {
	if s.rawOut != nil {
		return s.rawOut
	}
	return s.Out
}

// terminalErr is stderr unguarded, for roadmap's own cursor movements on a
// terminal (the progress line); never for text from the input.
func (s *Streams) terminalErr() io.Writer {
	if s.rawErr != nil {
		return s.rawErr
	}
	return s.Err
}

// Getenv returns the value of the environment variable key in s.Env, and
// whether it is set at all.
func (s *Streams) Getenv(key string) (string, bool) {
	prefix := key + "="
	// Later entries win, as with os.Environ and exec.Cmd.
	for i := len(s.Env) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(s.Env[i], prefix); ok {
			return v, true
		}
	}
	return "", false
}

// ExitError carries an exit status without printing anything more: the
// command has already said what went wrong (diagnostics, a list of files).
// Every exit status other than 0 and 1 is decided through it.
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("exit status %d", e.Code) }

// errFailed is returned by commands that have already reported their
// failure, e.g. by printing diagnostics.
var errFailed = &ExitError{Code: 1}

// globalOptions are the flags every command shares.
type globalOptions struct {
	noColor bool
	chdir   string // --chdir: the working directory to switch to first
	version string // roadmap's version, for formats that name their tool
}

// color reports whether output to a stream may use colour: only on a
// terminal, never with --no-color, a non-empty NO_COLOR (no-color.org) or
// TERM=dumb.
func (g *globalOptions) color(s *Streams, terminal bool) bool {
	if g.noColor || !terminal {
		return false
	}
	if v, ok := s.Getenv("NO_COLOR"); ok && v != "" {
		return false
	}
	if v, _ := s.Getenv("TERM"); v == "dumb" {
		return false
	}
	return true
}

// width is the column count to wrap text for a stream at: the terminal's
// width when known, else COLUMNS, else 78; 0 (no wrapping) off a terminal.
func (g *globalOptions) width(s *Streams, terminal bool) int {
	if !terminal {
		return 0
	}
	if s.TerminalWidth > 0 {
		return s.TerminalWidth
	}
	if v, ok := s.Getenv("COLUMNS"); ok {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			return n
		}
	}
	return 78
}

// errOptions are the renderer options for output to stderr.
func (g *globalOptions) errOptions(s *Streams) report.Options {
	return report.Options{Color: g.color(s, s.ErrIsTerminal), Width: g.width(s, s.ErrIsTerminal)}
}

// outOptions are the renderer options for output to stdout.
func (g *globalOptions) outOptions(s *Streams) report.Options {
	return report.Options{Color: g.color(s, s.OutIsTerminal), Width: g.width(s, s.OutIsTerminal), Version: g.version}
}

// writeDiagnostics prints diags to stderr the way HCL prints them, with
// source snippets taken from files.
func (g *globalOptions) writeDiagnostics(s *Streams, diags hcl.Diagnostics, files map[string]*hcl.File) error {
	if len(diags) == 0 {
		return nil
	}
	return report.RenderDiagnosticsText(s.Err, diags, files, g.errOptions(s))
}

// addVarFlags registers --var and --var-file on cmd, storing into vars and
// varFiles. StringArray keeps commas inside values intact.
func addVarFlags(cmd *cobra.Command, vars, varFiles *[]string) {
	fs := cmd.Flags()
	stringArrayFlag(fs, vars, "var", "set a variable: `name=value` (repeatable)")
	stringArrayFlag(fs, varFiles, "var-file", "load variable values from a .vars.hcl `file` (repeatable)")
	// Completion only: the error is for unknown flag names, and the flag was
	// just added.
	_ = cmd.RegisterFlagCompletionFunc("var-file", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"hcl", "json"}, cobra.ShellCompDirectiveFilterFileExt
	})
}

// addScenarioFlag registers --scenario on cmd, storing into scenario; Tab
// completes the scenario names of the roadmap directory argument.
func addScenarioFlag(cmd *cobra.Command, scenario *string) {
	cmd.Flags().StringVar(scenario, "scenario", "", "apply the variables of scenario `NAME` (a scenario block) over every other value")
	_ = cmd.RegisterFlagCompletionFunc("scenario", completeScenarios)
}

// completeScenarios completes a scenario name of the roadmap in the
// command's directory argument (default: the current directory), with
// its description.
func completeScenarios(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	dir := "."
	if len(args) > 0 {
		dir = args[0]
	}
	cfg, _ := hclspec.NewLoader().LoadDir(dir, hclspec.LoadOptions{})
	var names []string
	if cfg != nil {
		for _, sc := range cfg.Scenarios {
			names = append(names, cobra.CompletionWithDesc(sc.ID, sc.Description))
		}
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// completeDirs completes a roadmap directory argument.
func completeDirs(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveFilterDirs
}

// loadOptions builds the loader's inputs from flags and the environment;
// ctx (Ctrl-C) stops the load.
func loadOptions(ctx context.Context, s *Streams, vars, varFiles []string, scenario string) hclspec.LoadOptions {
	env := make([]string, 0, len(s.Env))
	for _, kv := range s.Env {
		if strings.HasPrefix(kv, "ROADMAP_VAR_") {
			env = append(env, kv)
		}
	}
	return hclspec.LoadOptions{
		Vars:     append([]string(nil), vars...),
		VarFiles: append([]string(nil), varFiles...),
		Env:      env,
		Scenario: scenario,
		Context:  ctx,
	}
}

// newRootCmd builds the command tree; args is the command line it will
// parse, for hints about flag errors (nil when only the tree is wanted).
func newRootCmd(info buildInfo, s *Streams, args []string) *cobra.Command {
	g := &globalOptions{version: info.Version}
	root := &cobra.Command{
		Use:   "roadmap",
		Short: "Declarative roadmap-as-code: plan projects, capacity, budgets and vendors from HCL",
		Long: `roadmap evaluates a directory of HCL files describing goals, departments,
teams, budgets, vendors and candidate projects into a ranked roadmap, a
cost-benefit table, a parallel-capacity plan and vendor evaluations.

Exit status: 0 success, 1 error or failed check, 2 changes (plan
--detailed-exitcode only).`,
		Version:       info.Version,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetIn(s.In)
	root.SetVersionTemplate(info.line() + "\n")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return fmt.Errorf("%w%s\nRun '%s --help' for usage.", err, singleDashHint(cmd, args, err), cmd.CommandPath())
	})
	root.PersistentFlags().BoolVar(&g.noColor, "no-color", false, "disable colour in output (also NO_COLOR)")
	root.PersistentFlags().StringVar(&g.chdir, "chdir", "", "switch to `DIR` before running the command, as Terraform's -chdir")
	_ = root.MarkPersistentFlagDirname("chdir")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		s.setColor(g.color(s, s.OutIsTerminal), g.color(s, s.ErrIsTerminal))
		if g.chdir == "" {
			return nil
		}
		// As Terraform does: every relative path (DIR, --var-file, --out,
		// ...) is then relative to DIR, and so are the file names printed.
		if err := os.Chdir(g.chdir); err != nil {
			return fmt.Errorf("--chdir: %w", err)
		}
		return nil
	}
	root.AddCommand(
		newVersionCmd(info, s),
		newValidateCmd(g, s),
		newFmtCmd(g, s),
		newPlanCmd(g, s),
		newSimulateCmd(g, s),
		newCompareCmd(g, s),
		newFrontierCmd(g, s),
		newShowCmd(g, s),
		newGraphCmd(g, s),
		newAuditCmd(g, s),
		newImportCmd(g, s),
		newConsoleCmd(g, s),
		newInitCmd(g, s),
	)
	registerCompletions(root)
	// cobra's completion command prints its help and exits 0 for a shell it
	// does not know ("roadmap completion bsh"); make that an error.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Args = cobra.NoArgs
			c.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
		}
	}
	return root
}

// Execute runs the CLI and returns the process exit status. It is the one
// place exit statuses are decided: nil is 0, an *ExitError its Code, any
// other error is printed and gives 1.
func Execute(version string, args []string, s *Streams) int {
	return executeBuild(infoForVersion(version), args, s)
}

// executeBuild is Execute with the whole build information (commit, time)
// that `roadmap version` prints.
func executeBuild(info buildInfo, args []string, s *Streams) int {
	s = guardStreams(s)
	defer s.flushGuards()
	root := newRootCmd(info, s, args)
	root.SetArgs(args)
	// --chdir changes the process's working directory; put it back, so a
	// caller that runs several commands (the tests) finds it as it was.
	if wd, err := os.Getwd(); err == nil {
		defer func() {
			if now, err := os.Getwd(); err == nil && now != wd {
				_ = os.Chdir(wd)
			}
		}()
	}
	err := root.Execute()
	if err == nil {
		return 0
	}
	var exit *ExitError
	if errors.As(err, &exit) {
		return exit.Code
	}
	fmt.Fprintf(s.Err, "Error: %s\n", safetext.Escape(err.Error()))
	return 1
}

func defaultStreams() *Streams {
	return &Streams{
		In:            os.Stdin,
		InIsTerminal:  isTerminal(os.Stdin),
		Out:           os.Stdout,
		Err:           os.Stderr,
		OutIsTerminal: isTerminal(os.Stdout),
		ErrIsTerminal: isTerminal(os.Stderr),
		Env:           os.Environ(),
		TerminalWidth: terminalWidth(os.Stdout),
	}
}

// isTerminal reports whether f is a terminal. A character device such as
// /dev/null is not one: the check asks the terminal driver, as isatty does.
func isTerminal(f *os.File) bool {
	return term.IsTerminal(int(f.Fd()))
}

// terminalWidth returns the column count of the terminal f is attached
// to, or 0 when f is not a terminal or its size is unknown.
func terminalWidth(f *os.File) int {
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil || width <= 0 {
		return 0
	}
	return width
}

// loadRoadmap loads dir for a command that goes on to evaluate it: the
// diagnostics go to stderr, and any error (or an interruption, named after
// verb) stops the command. The loader is returned for later snippets.
func loadRoadmap(ctx context.Context, g *globalOptions, s *Streams, verb, dir string, vars, varFiles []string, scenario string) (*hclspec.Config, *hclspec.Loader, error) {
	return loadRoadmapWith(ctx, g, s, verb, dir, loadOptions(ctx, s, vars, varFiles, scenario))
}

// loadRoadmapWith is loadRoadmap with the loader's options given whole.
func loadRoadmapWith(ctx context.Context, g *globalOptions, s *Streams, verb, dir string, opts hclspec.LoadOptions) (*hclspec.Config, *hclspec.Loader, error) {
	loader := hclspec.NewLoader()
	cfg, diags := loader.LoadDir(dir, opts)
	if err := ctx.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s interrupted: %w", verb, err)
	}
	if err := g.writeDiagnostics(s, diags, loader.Files()); err != nil {
		return nil, nil, err
	}
	if diags.HasErrors() || cfg == nil {
		return nil, nil, errFailed
	}
	return cfg, loader, nil
}

// singleDashHint explains a flag error caused by a Terraform habit: a long
// flag written with one dash ("-var", "-no-color", "-chdir=DIR") reads as
// a run of one-letter flags. It looks through args (the command line) for
// such a flag of cmd, and returns "" when there is none or err is another
// kind of error.
func singleDashHint(cmd *cobra.Command, args []string, err error) string {
	if !strings.Contains(err.Error(), "shorthand flag") {
		return ""
	}
	for _, arg := range args {
		if arg == "--" {
			break
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(arg, "-"), "=")
		if !strings.HasPrefix(arg, "-") || strings.HasPrefix(arg, "--") || len(name) < 2 {
			continue
		}
		if cmd.Flags().Lookup(name) != nil || cmd.Root().PersistentFlags().Lookup(name) != nil {
			return fmt.Sprintf("\nDid you mean --%s? Long flags take two dashes: -%s reads as one-letter flags.", name, name)
		}
	}
	return ""
}

// addAsOfFlag registers --as-of: the status date in place of the
// roadmap's as_of.
func addAsOfFlag(cmd *cobra.Command, asOf *string) {
	cmd.Flags().StringVar(asOf, "as-of", "", "plan from the status date `DATE` (such as 2027-Q3), in place of the roadmap's as_of")
}

// withAsOf is opts with the status date of --as-of ("" keeps the file's).
func withAsOf(opts hclspec.LoadOptions, asOf string) hclspec.LoadOptions {
	opts.AsOf = asOf
	return opts
}
