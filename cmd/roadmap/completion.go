package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/report"
)

// completionFunc completes a flag's value.
type completionFunc = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective)

// completeWords completes one of words.
func completeWords(words ...string) completionFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return words, cobra.ShellCompDirectiveNoFileComp
	}
}

// flagCompletions says how to complete the values of flags by name, for
// every command that has them and registered nothing itself: the ids of
// the roadmap's blocks for the stakeholder and scenario flags, git refs
// for --base.
func flagCompletions() map[string]completionFunc {
	return map[string]completionFunc{
		"base":       completeGitRefs,
		"department": completeBlockIDs("department"),
		"goal":       completeBlockIDs("goal"),
		"team":       completeBlockIDs("team"),
		"scenario":   completeBlockIDs("scenario"),
		"force-in":   completeBlockIDs("project"),
		"force-out":  completeBlockIDs("project"),
		"objective":  completeWords(hclspec.Objectives()...),
	}
}

// formatsOf lists the --format values of the commands that do not
// register their own completion.
func formatsOf(cmd *cobra.Command) []string {
	switch cmd.CommandPath() {
	case "roadmap plan":
		return sortedUnion(report.PlanFormats(), report.DiffFormats())
	case "roadmap show":
		return report.PlanFormats()
	case "roadmap validate":
		return report.CIFormats()
	case "roadmap graph":
		return report.GraphFormats()
	case "roadmap audit":
		return report.AuditFormats()
	}
	return nil
}

func sortedUnion(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// registerCompletions adds the value completions of flagCompletions and
// formatsOf to every command of the tree.
func registerCompletions(cmd *cobra.Command) {
	byName := flagCompletions()
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if _, ok := cmd.GetFlagCompletionFunc(f.Name); ok {
			return
		}
		if f.Name == "format" {
			if formats := formatsOf(cmd); formats != nil {
				_ = cmd.RegisterFlagCompletionFunc("format", completeWords(formats...))
			}
			return
		}
		if f.Name == "table" {
			switch cmd.CommandPath() {
			case "roadmap simulate":
				_ = cmd.RegisterFlagCompletionFunc("table", completeWords(report.SimulationTables()...))
			case "roadmap compare":
				_ = cmd.RegisterFlagCompletionFunc("table", completeWords(report.ComparisonTables()...))
			case "roadmap frontier":
				_ = cmd.RegisterFlagCompletionFunc("table", completeWords(report.FrontierTables()...))
			}
			return
		}
		if complete, ok := byName[f.Name]; ok {
			_ = cmd.RegisterFlagCompletionFunc(f.Name, complete)
		}
	})
	for _, sub := range cmd.Commands() {
		registerCompletions(sub)
	}
}

// roadmapDirOf is the roadmap directory a command line being completed
// names: its first argument, else the current directory, below --chdir.
func roadmapDirOf(cmd *cobra.Command, args []string) string {
	dir := "."
	if len(args) > 0 && !strings.HasSuffix(args[0], ".json") {
		dir = args[0]
	}
	if chdir, err := cmd.Flags().GetString("chdir"); err == nil && chdir != "" && !filepath.IsAbs(dir) {
		dir = filepath.Join(chdir, dir)
	}
	return dir
}

// completeBlockIDs completes the labels of the roadmap's blocks of one
// type, read from its files without evaluating them.
func completeBlockIDs(blockType string) completionFunc {
	return func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		files, err := hclspec.RoadmapFiles(roadmapDirOf(cmd, args))
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var ids []string
		for _, path := range files {
			if hclspec.CheckSourceFile(path) != nil {
				continue
			}
			src, err := os.ReadFile(path)
			if err != nil || len(src) > hclspec.MaxFileBytes {
				continue
			}
			f, _ := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
			body, ok := f.Body.(*hclsyntax.Body)
			if !ok {
				continue
			}
			for _, b := range body.Blocks {
				if b.Type == blockType && len(b.Labels) > 0 {
					ids = append(ids, b.Labels[0])
				}
			}
		}
		slices.Sort(ids)
		return slices.Compact(ids), cobra.ShellCompDirectiveNoFileComp
	}
}

// completeGitRefs completes --base with the branches, remote branches and
// tags of the repository holding the roadmap.
func completeGitRefs(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	out, err := git(ctx, roadmapDirOf(cmd, args), "for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/remotes", "refs/tags")
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	refs := []string{"HEAD"}
	for _, line := range strings.Split(out, "\n") {
		if line != "" && !strings.HasSuffix(line, "/HEAD") {
			refs = append(refs, line)
		}
	}
	return refs, cobra.ShellCompDirectiveNoFileComp
}
