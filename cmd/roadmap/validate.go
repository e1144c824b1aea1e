package main

import "github.com/spf13/cobra"

func newValidateCmd(g *globalOptions, s *Streams) *cobra.Command {
	return &cobra.Command{Use: "validate", Short: "TODO", Hidden: true}
}
