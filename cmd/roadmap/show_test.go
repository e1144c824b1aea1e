package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/report"
)

// run executes the CLI with in-memory streams.
func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	s := &Streams{In: strings.NewReader(stdin), Out: &out, Err: &errOut}
	code = Execute("test", args, s)
	return code, out.String(), errOut.String()
}

const savedPlan = "testdata/plans/it2027.json"

// TestShowRendersSavedPlan: show prints exactly what the renderer prints
// for the saved plan, in every format, from a file or standard input.
func TestShowRendersSavedPlan(t *testing.T) {
	data, err := os.ReadFile(savedPlan)
	if err != nil {
		t.Fatal(err)
	}
	p, err := report.ReadPlan(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range report.PlanFormats() {
		var want bytes.Buffer
		if err := report.RenderPlan(&want, p, format, report.Options{Version: "test"}); err != nil {
			// Formats another helper has not finished yet.
			t.Logf("skipping %s: %v", format, err)
			continue
		}
		for _, args := range [][]string{
			{"show", "--format", format, savedPlan},
			{"show", "--format=" + format, "-"},
		} {
			code, stdout, stderr := run(t, string(data), args...)
			if code != 0 || stderr != "" {
				t.Fatalf("%v: exit %d, stderr %q", args, code, stderr)
			}
			if diff := cmp.Diff(want.String(), stdout); diff != "" {
				t.Errorf("%v (-want +got):\n%s", args, diff)
			}
		}
	}
}

// TestShowDefaultIsTable: without --format, show prints the table, with no
// colour when stdout is not a terminal.
func TestShowDefaultIsTable(t *testing.T) {
	code, stdout, stderr := run(t, "", "show", savedPlan)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.HasPrefix(stdout, "Roadmap: IT 2027\n") || !strings.Contains(stdout, "Ranked roadmap") {
		t.Errorf("not the table format:\n%s", stdout)
	}
	if strings.Contains(stdout, "\x1b[") {
		t.Errorf("colour written to a non-terminal")
	}
}

// TestShowColourOnTerminal: colour on a terminal, off with --no-color or
// NO_COLOR; wide terminals use their width.
func TestShowColourOnTerminal(t *testing.T) {
	cases := []struct {
		name      string
		args      []string
		env       []string
		wantColor bool
	}{
		{"terminal", nil, nil, true},
		{"--no-color", []string{"--no-color"}, nil, false},
		{"NO_COLOR", nil, []string{"NO_COLOR=1"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			s := &Streams{In: strings.NewReader(""), Out: &out, Err: &errOut, OutIsTerminal: true, Env: c.env, TerminalWidth: 100}
			code := Execute("test", append([]string{"show", savedPlan}, c.args...), s)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			if got := strings.Contains(out.String(), "\x1b["); got != c.wantColor {
				t.Errorf("colour = %v, want %v", got, c.wantColor)
			}
			for _, line := range strings.Split(out.String(), "\n") {
				if len([]rune(ansiEscapes.ReplaceAllString(line, ""))) > 100 {
					t.Errorf("line wider than the 100-column terminal: %q", line)
				}
			}
		})
	}
}

func TestShowErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	bad := write("bad.json", "{\n  \"format_version\": \"1\",\n  \"projects\": [}\n")
	old := write("old.json", `{"format_version": "0"}`)
	diffJSON := write("diff.json", `{"format_version": "1", "changed": false, "before": {}, "after": {}, "summary": {}}`)
	diags := write("diags.json", `{"format_version": "1", "valid": true, "diagnostics": []}`)
	cases := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"no file", []string{"show"}, "Error: accepts 1 arg(s), received 0\n"},
		{"two files", []string{"show", "a", "b"}, "Error: accepts 1 arg(s), received 2\n"},
		{"missing", []string{"show", filepath.Join(dir, "nope.json")}, "Error: open " + filepath.Join(dir, "nope.json") + ": no such file or directory\n"},
		{"malformed", []string{"show", bad}, "Error: " + bad + ": malformed plan JSON at line 3, column 16 (byte 42): invalid character '}' looking for beginning of value\n"},
		{"version", []string{"show", old}, "Error: " + old + `: unsupported plan format_version "0": this roadmap reads version "1"` + "\n"},
		{"diff", []string{"show", diffJSON}, "Error: " + diffJSON + " is a plan diff, not a plan: save a plan with plan --out\n"},
		{"diagnostics", []string{"show", diags}, "Error: " + diags + " is not a roadmap plan: it has no \"roadmap\"\n"},
		{"format", []string{"show", "--format", "pdf", savedPlan}, `Error: unknown --format "pdf": use one of csv, github, html, json, junit, markdown, mermaid, sarif, table, xlsx` + "\n"},
		{"flag", []string{"show", "--colour", savedPlan}, "Error: unknown flag: --colour\nRun 'roadmap show --help' for usage.\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := run(t, "", c.args...)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if diff := cmp.Diff(c.wantErr, stderr); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

// errWriter fails every write, like a closed pipe.
type errWriter struct{}

func (errWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

func TestShowWriteError(t *testing.T) {
	var errOut bytes.Buffer
	s := &Streams{In: strings.NewReader(""), Out: errWriter{}, Err: &errOut}
	if code := Execute("test", []string{"show", savedPlan}, s); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut.String(), "closed pipe") {
		t.Errorf("stderr = %q", errOut.String())
	}
}

// TestShowRefusesPlanTooLargeInMemory: 1.2 MB of empty projects would
// decode to 400,000 projects (about 600 MB): show and --compare refuse
// the file before decoding it, with the line and column where it passed
// report.MaxPlanMemory (227 MB of such JSON took 3.6 GB and crashed).
func TestShowRefusesPlanTooLargeInMemory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.json")
	data := "{\"format_version\": \"1\", \"roadmap\": {}, \"periods\": [], \"totals\": {},\n\"projects\": [" +
		strings.Repeat("{},", 399_999) + "{}]}\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"show", path}, {"show", "-"}, {"plan", "--compare", path, "../../examples/it-department"}} {
		stdin := ""
		if args[1] == "-" {
			stdin = data
		}
		code, stdout, stderr := run(t, stdin, args...)
		if code != 1 || stdout != "" {
			t.Errorf("%v: exit %d, stdout %q", args, code, stdout)
		}
		if !strings.Contains(stderr, ": plan too large at line 2, column ") || !strings.Contains(stderr, "MiB of memory once read") {
			t.Errorf("%v: stderr %q", args, stderr)
		}
	}
}
