package main

import (
	"time"

	"github.com/spf13/cobra"
)

// planOptions are the flags of `roadmap plan`.
type planOptions struct {
	dir              string
	format           string // "" means table on a terminal, else table too
	out              string
	vars             []string
	varFiles         []string
	base             string // git revision to diff against
	compare          string // saved JSON plan to diff against
	detailedExitcode bool
	optimize         bool
	seed             int64
	timeLimit        time.Duration
}

func newPlanCmd(g *globalOptions, s *Streams) *cobra.Command {
	return &cobra.Command{Use: "plan", Short: "TODO", Hidden: true}
}
