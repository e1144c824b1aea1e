package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"
)

// versionLine is what `roadmap version` and `roadmap --version` print.
func versionLine(version string) string {
	return fmt.Sprintf("roadmap %s (%s, %s/%s)", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func newVersionCmd(version string, s *Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the roadmap version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintln(s.Out, versionLine(version))
			return err
		},
	}
}
