package main

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/cobra"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/report"
)

// graphOptions are the flags of `roadmap graph`.
type graphOptions struct {
	dir      string
	format   string
	goals    bool
	vars     []string
	varFiles []string
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
ones dashed red. With --goals, goals are added as hexagons with dotted
arrows from each project to the goals it serves, labelled with its
contribution.`,
		Example: `  roadmap graph examples/it-department | dot -Tsvg > graph.svg
  roadmap graph --format mermaid --goals . > graph.mmd`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = "."
			if len(args) == 1 {
				o.dir = args[0]
			}
			return runGraph(cmd.Context(), g, s, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "dot", fmt.Sprintf("output format: one of %v", report.GraphFormats()))
	f.BoolVar(&o.goals, "goals", false, "add the goals and which projects serve them")
	f.StringArrayVar(&o.vars, "var", nil, "set a variable: name=value (repeatable)")
	f.StringArrayVar(&o.varFiles, "var-file", nil, "load variables from a .vars.hcl file (repeatable)")
	return cmd
}

func runGraph(ctx context.Context, g *globalOptions, s *Streams, o *graphOptions) error {
	if !slices.Contains(report.GraphFormats(), o.format) {
		return fmt.Errorf("unknown graph format %q: use one of %v", o.format, report.GraphFormats())
	}
	if ctx == nil {
		ctx = context.Background()
	}
	loader := hclspec.NewLoader()
	cfg, diags := loader.LoadDir(o.dir, hclspec.LoadOptions{Vars: o.vars, VarFiles: o.varFiles, Env: s.Env})
	if diags.HasErrors() {
		return graphDiagnostics(g, s, diags, loader.Files())
	}
	plan, evalDiags := evaluate.Evaluate(ctx, cfg, evaluate.Options{})
	diags = append(diags, evalDiags...)
	if diags.HasErrors() || plan == nil {
		return graphDiagnostics(g, s, diags, loader.Files())
	}
	if len(diags) > 0 {
		if err := writeGraphDiagnostics(g, s, diags, loader.Files()); err != nil {
			return err
		}
	}
	return report.RenderGraph(s.Out, plan, o.format, report.GraphOptions{Goals: o.goals})
}

// graphDiagnostics prints diags and fails the command.
func graphDiagnostics(g *globalOptions, s *Streams, diags hcl.Diagnostics, files map[string]*hcl.File) error {
	if err := writeGraphDiagnostics(g, s, diags, files); err != nil {
		return err
	}
	return &ExitError{Code: 1}
}

func writeGraphDiagnostics(g *globalOptions, s *Streams, diags hcl.Diagnostics, files map[string]*hcl.File) error {
	width := s.TerminalWidth
	if width <= 0 {
		width = 100
	}
	return hcl.NewDiagnosticTextWriter(s.Err, files, uint(width), g.color(s, s.ErrIsTerminal)).WriteDiagnostics(diags)
}
