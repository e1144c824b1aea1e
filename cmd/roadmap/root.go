package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// Streams are a command's standard streams and environment, so commands
// run in tests without a process.
type Streams struct {
	In            io.Reader
	Out, Err      io.Writer
	OutIsTerminal bool
	ErrIsTerminal bool
	Env           []string // os.Environ()-style
	TerminalWidth int      // 0 when unknown
}

// ExitError carries an exit status without printing anything more.
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("exit status %d", e.Code) }

// globalOptions are the flags every command shares.
type globalOptions struct {
	noColor bool
}

// color reports whether output to a stream may use colour.
func (g *globalOptions) color(s *Streams, terminal bool) bool {
	if g.noColor || !terminal {
		return false
	}
	for _, kv := range s.Env {
		if len(kv) > len("NO_COLOR=") && kv[:len("NO_COLOR=")] == "NO_COLOR=" {
			return false
		}
	}
	return true
}

func newRootCmd(version string, s *Streams) *cobra.Command {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:           "roadmap",
		Short:         "Declarative roadmap-as-code: plan projects, capacity, budgets and vendors from HCL",
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetIn(s.In)
	root.PersistentFlags().BoolVar(&g.noColor, "no-color", false, "disable colour in output (also NO_COLOR)")
	root.AddCommand(
		newVersionCmd(version, s),
		newValidateCmd(g, s),
		newFmtCmd(g, s),
		newPlanCmd(g, s),
		newShowCmd(g, s),
		newGraphCmd(g, s),
	)
	return root
}

// Execute runs the CLI and returns the process exit status.
func Execute(version string, args []string, s *Streams) int {
	root := newRootCmd(version, s)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return 0
	}
	var exit *ExitError
	if errors.As(err, &exit) {
		return exit.Code
	}
	fmt.Fprintf(s.Err, "Error: %s\n", err)
	return 1
}

func defaultStreams() *Streams {
	return &Streams{
		In:            os.Stdin,
		Out:           os.Stdout,
		Err:           os.Stderr,
		OutIsTerminal: isTerminal(os.Stdout),
		ErrIsTerminal: isTerminal(os.Stderr),
		Env:           os.Environ(),
	}
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
