package main

import "github.com/spf13/cobra"

func newGraphCmd(g *globalOptions, s *Streams) *cobra.Command {
	return &cobra.Command{Use: "graph", Short: "TODO", Hidden: true}
}
