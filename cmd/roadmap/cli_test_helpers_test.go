package main

// Helpers for testing the CLI through Execute with in-memory streams.
// Every command's tests may use them.

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/internal/golden"
)

// cliResult is what one run of the CLI produced.
type cliResult struct {
	Code   int
	Stdout string
	Stderr string
}

// cliRun describes one run of the CLI. The zero value runs with empty
// stdin, no environment and neither stream a terminal.
type cliRun struct {
	Args          []string
	Stdin         string
	Env           []string
	OutIsTerminal bool
	ErrIsTerminal bool
	TerminalWidth int
}

// run executes the CLI in-process and returns its exit status and output.
func (r cliRun) run(t *testing.T) cliResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	s := &Streams{
		In:            strings.NewReader(r.Stdin),
		Out:           &stdout,
		Err:           &stderr,
		OutIsTerminal: r.OutIsTerminal,
		ErrIsTerminal: r.ErrIsTerminal,
		Env:           r.Env,
		TerminalWidth: r.TerminalWidth,
	}
	code := Execute("test", r.Args, s)
	return cliResult{Code: code, Stdout: stdout.String(), Stderr: stderr.String()}
}

// runCLI runs `roadmap args...` with the defaults of cliRun.
func runCLI(t *testing.T, args ...string) cliResult {
	t.Helper()
	return cliRun{Args: args}.run(t)
}

// wantExit fails the test when the run did not exit with code, showing
// its output.
func (res cliResult) wantExit(t *testing.T, code int) {
	t.Helper()
	if res.Code != code {
		t.Fatalf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", res.Code, code, res.Stdout, res.Stderr)
	}
}

// assertGolden compares got with the file testdata/<name> (or name itself
// when absolute), or rewrites that file when -update is given.
func assertGolden(t *testing.T, name, got string) {
	t.Helper()
	path := name
	if !filepath.IsAbs(name) {
		path = filepath.Join("testdata", name)
	}
	golden.Assert(t, path, []byte(got))
}

// writeFiles creates files (name -> content) under dir, making
// directories as needed.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readFile returns the content of path, failing the test on error.
func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
