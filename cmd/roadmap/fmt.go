package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"

	"github.com/aymanbagabas/go-udiff"
	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/cobra"

	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/atomicfile"
)

// fmtOptions are the flags of `roadmap fmt`.
type fmtOptions struct {
	paths     []string
	list      bool
	write     bool
	check     bool
	diff      bool
	recursive bool
	// beforeWrite, when set, runs between reading a file and replacing
	// it: tests edit the file there as an editor would meanwhile.
	beforeWrite func(path string)
}

func newFmtCmd(g *globalOptions, s *Streams) *cobra.Command {
	o := &fmtOptions{}
	cmd := &cobra.Command{
		Use:   "fmt [DIR|FILE...]",
		Short: "Rewrite roadmap files in canonical format",
		Long: `Fmt rewrites the .hcl files of a roadmap (variable files included) in
the canonical HCL layout, keeping comments. A DIR formats the .hcl files
directly in it (and below it with --recursive); the default is ".". A single
"-" reads a file from stdin and writes the result to stdout.

Files are replaced atomically and only when they change. A file with a
syntax error is never touched: its diagnostics are printed and the exit
status is 1. With --check nothing is written and the exit status is 1 when
any file is not formatted.`,
		Example: `  roadmap fmt
  roadmap fmt --check --recursive examples
  roadmap fmt --diff projects.hcl
  cat goals.hcl | roadmap fmt -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			if len(o.paths) == 0 {
				o.paths = []string{"."}
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			return runFmt(ctx, g, s, o)
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"hcl"}, cobra.ShellCompDirectiveFilterFileExt
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.list, "list", "l", true, "print the names of files whose formatting changed")
	f.BoolVarP(&o.write, "write", "w", true, "write the result to the source file instead of stdout")
	f.BoolVar(&o.check, "check", false, "write nothing; exit 1 when any file is not formatted")
	f.BoolVarP(&o.diff, "diff", "d", false, "print a unified diff of the changes")
	f.BoolVarP(&o.recursive, "recursive", "r", false, "also format files in subdirectories")
	return cmd
}

// fmtRun is the state of one `roadmap fmt` run.
type fmtRun struct {
	g      *globalOptions
	s      *Streams
	o      *fmtOptions
	failed bool
	diags  hcl.Diagnostics
	files  map[string]*hcl.File // sources of files with syntax errors
}

func runFmt(ctx context.Context, g *globalOptions, s *Streams, o *fmtOptions) error {
	r := &fmtRun{g: g, s: s, o: o, files: map[string]*hcl.File{}}
	if len(o.paths) == 1 && o.paths[0] == "-" {
		if err := r.formatStdin(); err != nil {
			return err
		}
	} else {
		for _, p := range o.paths {
			if p == "-" {
				return errors.New(`"-" (stdin) cannot be combined with other paths`)
			}
		}
		files, err := r.collect()
		if err != nil {
			return err
		}
		for _, f := range files {
			if ctx.Err() != nil { // Ctrl-C: stop between files, none half-written
				return fmt.Errorf("fmt interrupted before %s: the files before it are formatted, it and the rest are untouched", f)
			}
			// A file that cannot be read or written does not stop the
			// others; it is reported and fails the run.
			if err := r.formatFile(f); err != nil {
				r.failed = true
				if _, werr := fmt.Fprintf(s.Err, "Error: %s\n", err); werr != nil {
					return werr
				}
			}
		}
	}
	if err := g.writeDiagnostics(s, r.diags, r.files); err != nil {
		return err
	}
	if r.failed {
		return errFailed
	}
	return nil
}

// collect expands the paths into the files to format, each once, in the
// order given and lexical order within a directory.
func (r *fmtRun) collect() ([]string, error) {
	var files []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, p := range r.o.paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("no file or directory at %s", p)
		}
		if !fi.IsDir() {
			if !hclspec.IsHCLName(p) {
				return nil, fmt.Errorf("only .hcl files can be formatted: %s", p)
			}
			add(p)
			continue
		}
		found, err := hclFilesIn(p, r.o.recursive)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 && !r.o.recursive {
			// Say so, or `fmt --check examples` in CI passes having checked nothing.
			if _, err := fmt.Fprintf(r.s.Err, "No .hcl files directly in %s; use --recursive to format its subdirectories.\n", p); err != nil {
				return nil, err
			}
		}
		for _, f := range found {
			add(f)
		}
	}
	return files, nil
}

// hclFilesIn lists the .hcl files of dir as the loader sees them
// (hclspec.HCLFiles: variable files too), and with recursive those of
// its subdirectories, skipping hidden directories such as .git. Links to
// directories are not followed.
func hclFilesIn(dir string, recursive bool) ([]string, error) {
	dirs := []string{dir}
	if recursive {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != dir {
				if strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				dirs = append(dirs, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	var files []string
	for _, d := range dirs {
		found, err := hclspec.HCLFiles(d)
		if err != nil {
			return nil, err
		}
		files = append(files, found...)
	}
	sort.Strings(files) // WalkDir is lexical per directory; keep it total.
	return files, nil
}

// formatFile formats one file: list, diff and write as the flags say.
func (r *fmtRun) formatFile(path string) error {
	// The loader's rule: a regular file, or a link to a .hcl file in the
	// same directory tree, so fmt reads and writes what validate loads.
	if d := hclspec.CheckSourceFile(path); d != nil {
		r.fail(path, nil, hcl.Diagnostics{d})
		return nil
	}
	src, info, err := readSourceFile(path)
	if err != nil {
		return err
	}
	formatted, file, diags := hclspec.Format(src, path)
	if diags.HasErrors() {
		r.fail(path, file, diags)
		return nil
	}
	if bytes.Equal(src, formatted) {
		return nil
	}
	if r.o.list {
		if _, err := fmt.Fprintln(r.s.Out, path); err != nil {
			return err
		}
	}
	if r.o.diff {
		if err := r.writeDiff(path, src, formatted); err != nil {
			return err
		}
	}
	if r.o.check {
		r.failed = true
		return nil
	}
	if r.o.write {
		if r.o.beforeWrite != nil {
			r.o.beforeWrite(path)
		}
		// Refused, writing nothing, when the file changed since it was
		// read (an editor saved it meanwhile): those edits are kept.
		if err := atomicfile.Replace(path, formatted, atomicfile.Remember(info, src)); err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err // the path is named below
			}
			return fmt.Errorf("writing %s: %w", path, err)
		}
		return nil
	}
	if !r.o.list && !r.o.diff {
		_, err := r.s.exactOut().Write(formatted)
		return err
	}
	return nil
}

func (r *fmtRun) formatStdin() error {
	const name = "<stdin>"
	src, err := io.ReadAll(r.s.In)
	if err != nil {
		return fmt.Errorf("reading stdin: %w", err)
	}
	formatted, file, diags := hclspec.Format(src, name)
	if diags.HasErrors() {
		r.fail(name, file, diags)
		return nil
	}
	if r.o.check && !bytes.Equal(src, formatted) {
		r.failed = true // with or without --diff, as for files
		// Listed as a file would be; without --check stdout carries the
		// formatted text or the diff alone.
		if r.o.list {
			if _, err := fmt.Fprintln(r.s.Out, name); err != nil {
				return err
			}
		}
	}
	switch {
	case r.o.diff:
		return r.writeDiff(name, src, formatted)
	case r.o.check:
		return nil
	default:
		_, err := r.s.exactOut().Write(formatted)
		return err
	}
}

func (r *fmtRun) writeDiff(path string, old, new []byte) error {
	// a/ and b/ prefixes as git writes them, so `patch -p1` applies it.
	name := strings.TrimPrefix(filepath.ToSlash(path), "/")
	diff, err := unifiedDiff("a/"+name, "b/"+name, old, new)
	if err != nil {
		return err
	}
	_, err = io.WriteString(r.s.Out, diff)
	return err
}

// unifiedDiff returns the line diff that turns old into new in the unified
// format of `diff -u` (three lines of context), or "" when they are equal.
func unifiedDiff(oldName, newName string, old, new []byte) (string, error) {
	edits := udiff.Lines(string(old), string(new))
	diff, err := udiff.ToUnified(oldName, newName, string(old), edits, udiff.DefaultContextLines)
	if err != nil {
		return "", fmt.Errorf("diff of %s: %w", newName, err)
	}
	return diff, nil
}

// fail records a file that does not parse: it is left as it is and its
// diagnostics are printed at the end.
func (r *fmtRun) fail(path string, file *hcl.File, diags hcl.Diagnostics) {
	r.failed = true
	if file != nil {
		r.files[path] = file
	}
	r.diags = append(r.diags, diags...)
}
