package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/chzyer/readline"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/spf13/cobra"
	"github.com/zclconf/go-cty/cty"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/cputime"
)

// consoleOptions are the flags of `roadmap console`.
type consoleOptions struct {
	scenario string // --scenario: the scenario block to apply
	dir      string
	vars     []string
	varFiles []string
}

func newConsoleCmd(g *globalOptions, s *Streams) *cobra.Command {
	o := &consoleOptions{}
	cmd := &cobra.Command{
		Use:   "console [DIR]",
		Short: "Evaluate expressions against a roadmap and its plan, as check conditions see them",
		Long: `Evaluate expressions interactively against the roadmap in DIR (default: the
current directory) and its plan: var.*, local.*, plan.projects.ID.npv,
plan.totals.cost, plan.periods[0].teams, and every function roadmap files
may call. It is the place to write a check's condition before putting it
in a file.

On a terminal the console has line editing, history (up and down arrows)
and completion (Tab) of names. From a pipe it reads one expression per
line and prints each result on its own line; errors are printed as
diagnostics and it goes on with the next line, exiting 1 at the end if any
line failed. "exit" or end of input (Ctrl-D) leaves.`,
		Example: `  roadmap console examples/it-department
  echo 'plan.totals.cost <= var.capex' | roadmap console examples/it-department`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeDirs,
		RunE:              inDir(&o.dir, nil, func(ctx context.Context) error { return runConsole(ctx, g, s, o) }),
	}
	addVarFlags(cmd, &o.vars, &o.varFiles)
	addScenarioFlag(cmd, &o.scenario)
	return cmd
}

// consoleSession evaluates console lines against a roadmap.
type consoleSession struct {
	g     *globalOptions
	s     *Streams
	ctx   *hcl.EvalContext
	scope map[string]cty.Value // the root names, for completion
	funcs []string
	line  int
}

func runConsole(ctx context.Context, g *globalOptions, s *Streams, o *consoleOptions) error {
	cfg, loader, err := loadRoadmap(ctx, g, s, "console", o.dir, o.vars, o.varFiles, o.scenario)
	if err != nil {
		return err
	}
	extra := map[string]cty.Value{}
	plan, diags := evaluate.Evaluate(ctx, cfg, evaluate.Options{Clock: cputime.ThreadClock()})
	if err := g.writeDiagnostics(s, diags, loader.Files()); err != nil {
		return err
	}
	if plan != nil && !diags.HasErrors() {
		extra["plan"] = evaluate.PlanValue(plan)
	} else {
		fmt.Fprintln(s.Err, "The plan could not be evaluated: var.* and local.* work, plan.* does not.")
	}
	cs := &consoleSession{g: g, s: s, ctx: cfg.EvalContext(extra)}
	cs.scope = map[string]cty.Value{}
	for k, v := range cs.ctx.Variables {
		cs.scope[k] = v
	}
	cs.funcs = slices.Sorted(maps.Keys(hclspec.Functions()))
	if s.InIsTerminal && s.OutIsTerminal {
		return cs.interactive()
	}
	return cs.lines(s.In)
}

// lines reads one expression per line until the end of input.
func (cs *consoleSession) lines(in io.Reader) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), hclspec.MaxStringBytes+1)
	failed := false
	for sc.Scan() {
		switch cs.handle(sc.Text()) {
		case lineExit:
			return exitStatus(failed)
		case lineFailed:
			failed = true
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return exitStatus(failed)
}

func exitStatus(failed bool) error {
	if failed {
		return errFailed
	}
	return nil
}

// interactive runs a line editor with history and completion.
func (cs *consoleSession) interactive() error {
	rl, err := readline.NewEx(&readline.Config{
		Prompt:       "> ",
		AutoComplete: cs,
		Stdin:        io.NopCloser(cs.s.In),
		// The line editor draws with cursor movements: its own output goes
		// unguarded; values and diagnostics still go through the guards.
		Stdout:          cs.s.exactOut(),
		Stderr:          cs.s.terminalErr(),
		InterruptPrompt: "^C",
		EOFPrompt:       "exit",
	})
	if err != nil {
		return err
	}
	defer rl.Close()
	for {
		line, err := rl.Readline()
		if errors.Is(err, readline.ErrInterrupt) {
			continue // Ctrl-C clears the line, as in a shell
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if cs.handle(line) == lineExit {
			return nil
		}
	}
}

type lineResult int

const (
	lineOK lineResult = iota
	lineFailed
	lineExit
)

const consoleHelp = `Type an expression to see its value: var.capex, local.fte_quarter,
plan.projects.sso_rollout.npv, plan.totals.cost <= var.capex * 0.9,
[for p in plan.projects : p.id if p.status == "deferred"], max(1, 2).
"exit" (or Ctrl-D) leaves.
`

// handle evaluates one line and prints its value or its diagnostics.
func (cs *consoleSession) handle(line string) lineResult {
	cs.line++
	text := strings.TrimSpace(line)
	switch text {
	case "":
		return lineOK
	case "exit", "quit":
		return lineExit
	case "help":
		fmt.Fprint(cs.s.Out, consoleHelp)
		return lineOK
	}
	name := fmt.Sprintf("<console line %d>", cs.line)
	src := []byte(line)
	files := map[string]*hcl.File{name: {Bytes: src}}
	expr, diags := hclspec.ParseExpressionWithinLimits(src, name)
	if !diags.HasErrors() {
		var v cty.Value
		var d hcl.Diagnostics
		v, d = expr.Value(cs.ctx)
		diags = append(diags, d...)
		if !diags.HasErrors() {
			fmt.Fprintln(cs.s.Out, formatConsoleValue(v))
		}
	}
	if err := cs.g.writeDiagnostics(cs.s, diags, files); err != nil {
		return lineFailed
	}
	if diags.HasErrors() {
		return lineFailed
	}
	return lineOK
}

// formatConsoleValue prints a value as HCL would write it: strings quoted,
// lists and objects over several lines.
func formatConsoleValue(v cty.Value) string {
	if !v.IsWhollyKnown() {
		return "(known after apply)"
	}
	if v.IsNull() {
		return "null"
	}
	if v.Type() == cty.String {
		return consoleGuard(string(hclwrite.TokensForValue(v).Bytes()))
	}
	return consoleGuard(strings.TrimSpace(string(hclwrite.Format(hclwrite.TokensForValue(v).Bytes()))))
}

// consoleGuard writes the '[' of "##[" as \u005b, the same string in HCL:
// the stream guard would break the runner's legacy command prefix up as
// "##\[", which HCL cannot read. "##" only occurs inside quoted strings
// of a value's HCL.
func consoleGuard(s string) string {
	return strings.ReplaceAll(s, "##[", `##\u005b`)
}

// Do completes the name before the cursor: var., local., plan. and their
// attributes, map keys (project ids) and function names. It implements
// readline.AutoCompleter.
func (cs *consoleSession) Do(line []rune, pos int) ([][]rune, int) {
	return completeConsole(string(line[:pos]), cs.scope, cs.funcs)
}

// completeConsole returns the endings of the names that complete the
// traversal at the end of before, and the length of what they replace.
func completeConsole(before string, scope map[string]cty.Value, funcs []string) ([][]rune, int) {
	start := len(before)
	for start > 0 && isTraversalByte(before[start-1]) {
		start--
	}
	word := before[start:]
	parts := strings.Split(word, ".")
	last := parts[len(parts)-1]
	var candidates []string
	if len(parts) == 1 {
		candidates = append(slices.Sorted(maps.Keys(scope)), funcs...)
	} else {
		v, ok := scope[parts[0]]
		for _, p := range parts[1 : len(parts)-1] {
			if !ok {
				break
			}
			v, ok = attribute(v, p)
		}
		if ok {
			candidates = attributeNames(v)
		}
	}
	var out [][]rune
	for _, c := range candidates {
		if strings.HasPrefix(c, last) && (c != last || len(parts) > 1) {
			out = append(out, []rune(c[len(last):]))
		}
	}
	return out, len([]rune(last))
}

func isTraversalByte(b byte) bool {
	return b == '.' || b == '_' || b == '-' || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
}

func attribute(v cty.Value, name string) (cty.Value, bool) {
	if !v.IsKnown() || v.IsNull() {
		return cty.NilVal, false
	}
	ty := v.Type()
	switch {
	case ty.IsObjectType():
		if ty.HasAttribute(name) {
			return v.GetAttr(name), true
		}
	case ty.IsMapType():
		k := cty.StringVal(name)
		if v.HasIndex(k).True() {
			return v.Index(k), true
		}
	}
	return cty.NilVal, false
}

func attributeNames(v cty.Value) []string {
	if !v.IsKnown() || v.IsNull() {
		return nil
	}
	ty := v.Type()
	switch {
	case ty.IsObjectType():
		return slices.Sorted(maps.Keys(ty.AttributeTypes()))
	case ty.IsMapType():
		var names []string
		for it := v.ElementIterator(); it.Next(); {
			k, _ := it.Element()
			if hclsyntax.ValidIdentifier(k.AsString()) {
				names = append(names, k.AsString())
			}
		}
		slices.Sort(names)
		return names
	}
	return nil
}
