package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/spf13/cobra"

	"github.com/roadmap-as-code/roadmap/internal/atomicfile"
	"github.com/roadmap-as-code/roadmap/report"
)

// analysisOut says how compare, simulate and frontier print and save
// their result.
type analysisOut struct {
	command string // "simulate", for "simulate interrupted"
	noun    string // "simulation", for "saving the simulation"
	format  string // never empty
	table   string // --table, for --format csv
	out     string // --out FILE: the JSON is saved there too
}

// writeAnalysis renders v in a.format to standard output and, with
// --out, saves its JSON atomically. Nothing is written if rendering fails
// or the command is interrupted first.
func writeAnalysis[T any](ctx context.Context, g *globalOptions, s *Streams, a analysisOut, v *T,
	marshal func(*T) ([]byte, error), render func(io.Writer, *T, string, report.Options) error) error {
	var saved []byte
	if a.out != "" {
		var err error
		if saved, err = marshal(v); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	ropts := g.outOptions(s)
	ropts.Table = a.table
	if err := untilDone(ctx, a.command, func() error { return render(&buf, v, a.format, ropts) }); err != nil {
		return err
	}
	if a.out != "" {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("%s interrupted: %w", a.command, err)
		}
		if err := atomicfile.WriteFile(a.out, saved, 0o644); err != nil {
			return fmt.Errorf("saving the %s: %w", a.noun, err)
		}
	}
	out := s.formatOut(a.format)
	if report.BinaryFormat(a.format) {
		out = s.exactOut() // a workbook is bytes, not text
	}
	_, err := out.Write(buf.Bytes())
	return err
}

// inDir is the RunE of a command on an optional DIR (default "."): it
// sets *dir, runs check (when not nil), then run with a context that
// Ctrl-C cancels.
func inDir(dir *string, check func() error, run func(context.Context) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		*dir = "."
		if len(args) == 1 {
			*dir = args[0]
		}
		if check != nil {
			if err := check(); err != nil {
				return err
			}
		}
		ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
		defer stop()
		return run(ctx)
	}
}
