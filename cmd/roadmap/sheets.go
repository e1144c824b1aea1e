package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/internal/atomicfile"
	"github.com/roadmap-as-code/roadmap/report"
)

// addTableFlag registers --table, the table --format csv prints.
func addTableFlag(cmd *cobra.Command, table *string) {
	tables := report.SheetTables()
	if cmd.Name() == "plan" {
		tables = append(tables, report.ProjectsTable)
	}
	usage := "with --format csv: the table to print, one of " + strings.Join(tables, ", ") + " (default ranked)"
	if cmd.Name() == "plan" {
		usage += "; of a diff (--base, --compare), one of " + strings.Join(report.DiffSheetTables(), ", ") + " (default projects)"
	}
	cmd.Flags().StringVar(table, "table", "", usage)
	_ = cmd.RegisterFlagCompletionFunc("table", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return tables, cobra.ShellCompDirectiveNoFileComp
	})
}

// validateSheetFlags checks --table and --out against the spreadsheet
// formats before anything is evaluated. With --format xlsx, --out names
// the workbook, so it must end in .xlsx: a script that saves the JSON plan
// with --out must not get a workbook under a .json name.
func validateSheetFlags(format, table, out string, diff, sources bool) error {
	if table != "" {
		if format != "csv" {
			return fmt.Errorf("--table chooses the table of --format csv (xlsx holds every table, one per sheet)")
		}
		if diff {
			if !slices.Contains(report.DiffSheetTables(), table) {
				return fmt.Errorf("unknown --table %q for a plan diff: use one of %s", table, strings.Join(report.DiffSheetTables(), ", "))
			}
		} else if table == report.ProjectsTable && !sources {
			return fmt.Errorf("--table projects lists the roadmap's projects as written in its files: run it with plan on the roadmap's directory")
		} else if table != report.ProjectsTable && !slices.Contains(report.SheetTables(), table) {
			return fmt.Errorf("unknown --table %q: use one of %s", table, strings.Join(report.SheetTables(), ", "))
		}
	}
	if report.BinaryFormat(format) && out != "" && !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		return fmt.Errorf("with --format xlsx, --out names the workbook: give it the .xlsx extension (got %q)", out)
	}
	return nil
}

// writeBinaryPlan writes a binary rendering of p (an xlsx workbook) to
// out atomically, or to stdout when it is not a terminal.
func writeBinaryPlan(ctx context.Context, g *globalOptions, s *Streams, p *evaluate.Plan, format, out, command string) error {
	if out == "" && s.OutIsTerminal {
		return fmt.Errorf("--format %s writes a binary file: name it with --out FILE.%s or redirect standard output", format, format)
	}
	var buf bytes.Buffer
	if err := untilDone(ctx, command, func() error { return report.RenderPlan(&buf, p, format, g.outOptions(s)) }); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s interrupted: %w", command, err)
	}
	if out == "" {
		_, err := s.exactOut().Write(buf.Bytes()) // a workbook: bytes, not text
		return err
	}
	if err := atomicfile.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing the workbook: %w", err)
	}
	return nil
}
