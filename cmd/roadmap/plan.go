package main

import "github.com/spf13/cobra"

func newPlanCmd(g *globalOptions, s *Streams) *cobra.Command {
	return &cobra.Command{Use: "plan", Short: "TODO", Hidden: true}
}
