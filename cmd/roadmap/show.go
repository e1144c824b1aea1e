package main

import "github.com/spf13/cobra"

func newShowCmd(g *globalOptions, s *Streams) *cobra.Command {
	return &cobra.Command{Use: "show", Short: "TODO", Hidden: true}
}
