package main

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/internal/cputime"
	"github.com/roadmap-as-code/roadmap/report"
)

// graphOptions are the flags of `roadmap graph`.
type graphOptions struct {
	dir      string
	format   string
	goals    bool
	vars     []string
	varFiles []string
	forceIn  []string // --force-in ID
	forceOut []string // --force-out ID
}

func newGraphCmd(g *globalOptions, s *Streams) *cobra.Command {
	o := &graphOptions{}
	cmd := &cobra.Command{
		Use:   "graph [DIR]",
		Short: "Print the project dependency graph as DOT or Mermaid",
		Long: `Graph loads and evaluates the roadmap in DIR (default ".") like plan, then
prints its projects and their depends_on edges: as Graphviz DOT (default) or
as a Mermaid flowchart. An arrow runs from a project to a project that needs
it. Scheduled projects are filled blue, deferred ones dashed amber, dropped
ones dashed red. Each choice is a diamond linked to its options (the one
chosen by a bold arrow), the members of a together group are joined by
bold green lines, and each system a project replaces is a cylinder with a
red "replaces" edge from the project. With --goals, goals are added as
hexagons with dotted arrows from each project to the goals it serves,
labelled with its contribution.`,
		Example: `  roadmap graph examples/it-department | dot -Tsvg > graph.svg
  roadmap graph --format mermaid --goals . > graph.mmd`,
		Args: cobra.MaximumNArgs(1),
		RunE: inDir(&o.dir, nil, func(ctx context.Context) error { return runGraph(ctx, g, s, o) }),
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "dot", "output format: "+strings.Join(report.GraphFormats(), " or "))
	f.BoolVar(&o.goals, "goals", false, "add the goals and which projects serve them")
	addVarFlags(cmd, &o.vars, &o.varFiles)
	addForceFlags(cmd, &o.forceIn, &o.forceOut)
	return cmd
}

func runGraph(ctx context.Context, g *globalOptions, s *Streams, o *graphOptions) error {
	if !slices.Contains(report.GraphFormats(), o.format) {
		return fmt.Errorf("unknown graph format %q: use one of %s", o.format, strings.Join(report.GraphFormats(), ", "))
	}
	cfg, loader, err := loadRoadmap(ctx, g, s, "graph", o.dir, o.vars, o.varFiles, "")
	if err != nil {
		return err
	}
	plan, diags := evaluate.Evaluate(ctx, cfg, evaluate.Options{ForceIn: o.forceIn, ForceOut: o.forceOut, Clock: cputime.ThreadClock()})
	if err := g.writeDiagnostics(s, diags, loader.Files()); err != nil {
		return err
	}
	if diags.HasErrors() || plan == nil {
		return errFailed
	}
	return outputGraph(ctx, s, o, plan)
}

// outputGraph renders the graph in memory and prints it, unless Ctrl-C
// comes first (during evaluation or rendering).
func outputGraph(ctx context.Context, s *Streams, o *graphOptions, plan *evaluate.Plan) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("graph interrupted: %w", err)
	}
	var buf bytes.Buffer
	err := untilDone(ctx, "graph", func() error {
		return report.RenderGraph(&buf, plan, o.format, report.GraphOptions{Goals: o.goals})
	})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("graph interrupted: %w", err)
	}
	_, err = s.formatOut(o.format).Write(buf.Bytes())
	return err
}
