package main

import "github.com/spf13/cobra"

func newFmtCmd(g *globalOptions, s *Streams) *cobra.Command {
	return &cobra.Command{Use: "fmt", Short: "TODO", Hidden: true}
}
