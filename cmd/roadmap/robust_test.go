package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/synth"
)

// fileState is what must not change when a command leaves a file alone:
// the same inode (a rename would make a new one), content and mtime.
type fileState struct {
	info    os.FileInfo
	content string
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fileState{info: fi, content: readFile(t, path)}
}

func (before fileState) assertUntouched(t *testing.T, path string) {
	t.Helper()
	after := stateOf(t, path)
	if !os.SameFile(before.info, after.info) {
		t.Errorf("%s was replaced", filepath.Base(path))
	}
	if !after.info.ModTime().Equal(before.info.ModTime()) {
		t.Errorf("%s mtime changed", filepath.Base(path))
	}
	if after.content != before.content {
		t.Errorf("%s content changed to %q", filepath.Base(path), after.content)
	}
}

// assertOnly fails when dir holds anything but names: a temporary file
// left behind by an interrupted or failed write.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

// TestFmtNeverWritesWhatItMustNot: fmt leaves alone (same inode, mtime
// and bytes) a file that does not parse, one already formatted, one whose
// formatting would change a token, and one over the nesting limit; it
// replaces only the unformatted file, by rename, keeping its mode.
func TestFmtNeverWritesWhatItMustNot(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a_syntax.hcl":    "goal \"g\" {\nweight =\n}\n",
		"b_formatted.hcl": "goal \"g\" {\n  weight = 1\n}\n",
		"c_meaning.hcl":   "risk {\nsecurity = -0 .1\n}\n",
		"d_deep.hcl":      "x = " + strings.Repeat("(", 200) + "1" + strings.Repeat(")", 200) + "\n",
		"e_messy.hcl":     "goal \"g\" {\nweight = 1\n}\n",
		// Formatted, with a byte order mark and CRLF: fmt used to drop the
		// mark and so rewrite the file.
		"f_bom_crlf.hcl": "\xef\xbb\xbfgoal \"g\" {\r\n  weight = 1\r\n}\r\n",
	}
	writeFiles(t, dir, files)
	if err := os.Chmod(filepath.Join(dir, "e_messy.hcl"), 0o640); err != nil {
		t.Fatal(err)
	}
	// Old enough that a rewrite would show in the mtime.
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	for name := range files {
		if err := os.Chtimes(filepath.Join(dir, name), old, old); err != nil {
			t.Fatal(err)
		}
	}
	before := map[string]fileState{}
	for name := range files {
		before[name] = stateOf(t, filepath.Join(dir, name))
	}
	res := runCLI(t, "fmt", dir)
	res.wantExit(t, 1)
	for _, name := range []string{"a_syntax.hcl", "b_formatted.hcl", "c_meaning.hcl", "d_deep.hcl", "f_bom_crlf.hcl"} {
		before[name].assertUntouched(t, filepath.Join(dir, name))
	}
	for _, summary := range []string{"Error: Invalid expression", "Error: Cannot format safely", "Error: Nesting too deep"} {
		if !strings.Contains(res.Stderr, summary) {
			t.Errorf("stderr lacks %q:\n%s", summary, res.Stderr)
		}
	}
	messy := filepath.Join(dir, "e_messy.hcl")
	after := stateOf(t, messy)
	if after.content != "goal \"g\" {\n  weight = 1\n}\n" {
		t.Errorf("e_messy.hcl = %q, not formatted", after.content)
	}
	if os.SameFile(before["e_messy.hcl"].info, after.info) {
		t.Errorf("e_messy.hcl was rewritten in place, not replaced by a rename")
	}
	if after.info.Mode().Perm() != 0o640 {
		t.Errorf("e_messy.hcl mode %v, want 0640 kept", after.info.Mode().Perm())
	}
	assertOnly(t, dir, "a_syntax.hcl", "b_formatted.hcl", "c_meaning.hcl", "d_deep.hcl", "e_messy.hcl", "f_bom_crlf.hcl")
}

// TestFmtReadOnlyDirectory: when the directory cannot be written, fmt
// fails and the file stays as it was. Root ignores directory permissions,
// so the case cannot be simulated as root; internal/atomicfile's tests
// simulate the failure between write and rename instead, which works as
// root too.
func TestFmtReadOnlyDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which may write into a read-only directory; see internal/atomicfile for the simulated rename failure")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "goals.hcl")
	writeFiles(t, dir, map[string]string{"goals.hcl": "goal \"g\" {\nweight = 1\n}\n"})
	before := stateOf(t, path)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	res := runCLI(t, "fmt", dir)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, "permission denied") {
		t.Errorf("stderr does not say why: %s", res.Stderr)
	}
	before.assertUntouched(t, path)
	assertOnly(t, dir, "goals.hcl")
}

// synthDir writes a generated roadmap of n projects into a new directory.
func synthDir(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range synth.Generate(synth.Sized(n, 7)) {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestPlanOptimizeRespectsTimeLimit: with a time limit far too short for
// the search's own budget, the optimiser stops on the clock, having
// evaluated only a small part of the schedules it would otherwise try.
func TestPlanOptimizeRespectsTimeLimit(t *testing.T) {
	dir := synthDir(t, 300)
	res := runCLI(t, "plan", "--optimize", "--time-limit", "1ms", "--format", "json", dir)
	if res.Code != 0 && res.Code != 1 { // 1: a generated check may fail
		t.Fatalf("exit %d\n%s", res.Code, res.Stderr)
	}
	var plan struct {
		Optimization *struct {
			Schedules int `json:"schedules"`
		} `json:"optimization"`
	}
	if err := json.Unmarshal([]byte(res.Stdout), &plan); err != nil || plan.Optimization == nil {
		t.Fatalf("no optimisation in the plan (%v):\n%.300s", err, res.Stdout)
	}
	// The search's own budget at 300 projects is 10,000 schedules.
	if plan.Optimization.Schedules >= 1000 {
		t.Errorf("the optimiser evaluated %d schedules in 1ms: it did not stop on the time limit", plan.Optimization.Schedules)
	}
}

// TestPlanInterruptedWritesNothing: a plan cancelled (Ctrl-C) before it
// finishes leaves the --out file as it was and no temporary file.
func TestPlanInterruptedWritesNothing(t *testing.T) {
	out := t.TempDir()
	saved := filepath.Join(out, "plan.json")
	writeFiles(t, out, map[string]string{"plan.json": "previous plan"})
	before := stateOf(t, saved)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	s := &Streams{In: strings.NewReader(""), Out: &stdout, Err: &stderr}
	err := runPlan(ctx, &globalOptions{}, s, &planOptions{dir: exampleDir, out: saved, format: "json", seed: 1, timeLimit: time.Second})
	if err == nil {
		t.Fatal("an interrupted plan succeeded")
	}
	if stdout.Len() != 0 {
		t.Errorf("an interrupted plan printed %d bytes", stdout.Len())
	}
	before.assertUntouched(t, saved)
	assertOnly(t, out, "plan.json")
}

// TestPlanInterruptedAfterEvaluation: Ctrl-C that arrives once the plan
// is evaluated, while a large plan is marshalled or rendered, still stops
// the command: no --out file, nothing on stdout. (It used to be noticed
// only before evaluation ended, so a late Ctrl-C saved and printed the
// whole plan and exited 0; graph printed its graph.)
func TestPlanInterruptedAfterEvaluation(t *testing.T) {
	cfg, diags := hclspec.NewLoader().LoadDir(exampleDir, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	plan, diags := evaluate.Evaluate(context.Background(), cfg, evaluate.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, format := range []string{"table", "json"} {
		out := t.TempDir()
		saved := filepath.Join(out, "plan.json")
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		var stdout, stderr bytes.Buffer
		s := &Streams{In: strings.NewReader(""), Out: &stdout, Err: &stderr}
		err := outputPlan(ctx, &globalOptions{}, s, &planOptions{dir: exampleDir, out: saved, format: format}, plan)
		if err == nil || !strings.Contains(err.Error(), "interrupted") {
			t.Errorf("%s: got error %v, want an interruption", format, err)
		}
		if stdout.Len() != 0 {
			t.Errorf("%s: an interrupted plan printed %d bytes", format, stdout.Len())
		}
		assertOnly(t, out)
	}

	// graph likewise; and with no interrupt, it prints the graph.
	for _, cancelled := range []bool{true, false} {
		ctx, cancel := context.WithCancel(context.Background())
		if cancelled {
			cancel()
		}
		var stdout bytes.Buffer
		s := &Streams{In: strings.NewReader(""), Out: &stdout, Err: &bytes.Buffer{}}
		err := outputGraph(ctx, s, &graphOptions{dir: exampleDir, format: "dot"}, plan)
		cancel()
		if cancelled && (err == nil || !strings.Contains(err.Error(), "graph interrupted") || stdout.Len() != 0) {
			t.Errorf("graph after Ctrl-C: error %v, %d bytes printed", err, stdout.Len())
		}
		if !cancelled && (err != nil || !strings.HasPrefix(stdout.String(), "digraph")) {
			t.Errorf("graph: error %v, output %.40q", err, stdout.String())
		}
	}
}

// TestPlanInterruptedWhileWriting: without --out the plan goes to stdout
// as it is rendered; Ctrl-C during the writing stops it at the next
// write with "plan interrupted", and what was written is a prefix of the
// whole plan. Not interrupted, the streamed plan is the bytes --out saves.
func TestPlanInterruptedWhileWriting(t *testing.T) {
	dir := synthDir(t, 300)
	cfg, diags := hclspec.NewLoader().LoadDir(dir, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	plan, diags := evaluate.Evaluate(context.Background(), cfg, evaluate.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, format := range []string{"json", "table"} {
		var whole bytes.Buffer
		s := &Streams{In: strings.NewReader(""), Out: &whole, Err: &bytes.Buffer{}}
		if err := outputPlan(context.Background(), &globalOptions{}, s, &planOptions{dir: dir, format: format}, plan); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if format == "json" {
			saved := filepath.Join(t.TempDir(), "plan.json")
			s := &Streams{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
			if err := outputPlan(context.Background(), &globalOptions{}, s, &planOptions{dir: dir, format: format, out: saved}, plan); err != nil {
				t.Fatal(err)
			}
			if data, err := os.ReadFile(saved); err != nil || !bytes.Equal(data, whole.Bytes()) {
				t.Errorf("the plan printed differs from the plan saved with --out (%v)", err)
			}
		}

		ctx, cancel := context.WithCancel(context.Background())
		out := &cancelOnWrite{cancel: cancel}
		s = &Streams{In: strings.NewReader(""), Out: out, Err: &bytes.Buffer{}}
		err := outputPlan(ctx, &globalOptions{}, s, &planOptions{dir: dir, format: format}, plan)
		cancel()
		if err == nil || err.Error() != "plan interrupted: context canceled" {
			t.Errorf("%s: error %v, want plan interrupted", format, err)
		}
		if out.writes != 1 || out.buf.Len() == 0 || out.buf.Len() >= whole.Len() || !bytes.HasPrefix(whole.Bytes(), out.buf.Bytes()) {
			t.Errorf("%s: %d writes, %d of %d bytes printed: want the first piece of the plan only", format, out.writes, out.buf.Len(), whole.Len())
		}
	}
}

// cancelOnWrite takes what is written and cancels at the first write, as
// Ctrl-C while the plan is printed would.
type cancelOnWrite struct {
	buf    bytes.Buffer
	writes int
	cancel func()
}

func (c *cancelOnWrite) Write(p []byte) (int, error) {
	c.writes++
	c.cancel()
	return c.buf.Write(p)
}

// TestPlanStopsOnSIGINT sends a real SIGINT to the test process while
// `roadmap plan --optimize --time-limit 10m --out FILE` runs: the command
// must stop promptly with exit status 1 and write no file. The test
// keeps its own handler for SIGINT so the signal never kills the test
// binary, and signals until the command returns, so one sent before the
// command installed its handler does not matter; it keeps the handler
// until the last signal has been delivered. Tests in this package
// do not run in parallel, so no other command sees the signal.
func TestPlanStopsOnSIGINT(t *testing.T) {
	dir := synthDir(t, 300)
	out := filepath.Join(t.TempDir(), "plan.json")
	guard := make(chan os.Signal, 16)
	signal.Notify(guard, os.Interrupt)
	defer func() {
		// A signal sent just before the command returned may still be
		// on its way: stopping the handler before it arrives let it kill
		// the test binary ("signal: interrupt", now and then). Wait until
		// none has come for a while.
		for quiet := time.After(300 * time.Millisecond); ; {
			select {
			case <-guard:
				quiet = time.After(300 * time.Millisecond)
				continue
			case <-quiet:
			}
			break
		}
		signal.Stop(guard)
	}()
	self, err := os.FindProcess(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan cliResult, 1)
	go func() {
		done <- cliRun{Args: []string{"plan", "--optimize", "--time-limit", "10m", "--out", out, dir}}.run(t)
	}()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(2 * time.Minute) // the optimiser alone would run far longer
	var res cliResult
wait:
	for {
		select {
		case res = <-done:
			break wait
		case <-tick.C:
			if err := self.Signal(os.Interrupt); err != nil {
				t.Skipf("cannot signal the test process: %v", err)
			}
		case <-deadline:
			t.Fatal("plan did not stop within two minutes of SIGINT")
		}
	}
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, "interrupted") && !strings.Contains(res.Stderr, "cancelled") {
		t.Errorf("stderr does not say the plan was interrupted:\n%s", res.Stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("--out file exists after an interrupted plan (%v)", err)
	}
	assertOnly(t, filepath.Dir(out))
}

// TestFmtStopsOnCancel: an interrupted fmt stops between files; what it
// has not reached is untouched and nothing is half-written.
func TestFmtStopsOnCancel(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.hcl": "x = 1\n", "b.hcl": "y  =  2\n"})
	before := stateOf(t, filepath.Join(dir, "b.hcl"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	s := &Streams{In: strings.NewReader(""), Out: &stdout, Err: &stderr}
	err := runFmt(ctx, &globalOptions{}, s, &fmtOptions{paths: []string{dir}, list: true, write: true})
	if err == nil || !strings.Contains(err.Error(), "fmt interrupted") {
		t.Fatalf("err = %v, want fmt interrupted", err)
	}
	before.assertUntouched(t, filepath.Join(dir, "b.hcl"))
	assertOnly(t, dir, "a.hcl", "b.hcl")
}

// TestFmtRefusesHugeFileUnread: a file over the size limit is refused
// from its size, before it is read, and left alone.
func TestFmtRefusesHugeFileUnread(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "huge.hcl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: no disk or memory is spent on it.
	if err := f.Truncate(hclspec.MaxFileBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	before := stateOf(t, path)
	res := runCLI(t, "fmt", path)
	res.wantExit(t, 1)
	if !strings.Contains(res.Stderr, fmt.Sprintf("a roadmap file may be at most %d MiB", hclspec.MaxFileBytes>>20)) {
		t.Errorf("stderr: %s", res.Stderr)
	}
	before.assertUntouched(t, path)
}

// TestLoadInterrupted: Ctrl-C during loading stops plan, graph and
// validate with the usual "interrupted" error, printing nothing else
// (loading used to run to the end, about a second at 10,000 projects).
func TestLoadInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	runs := map[string]func(s *Streams) error{
		"plan": func(s *Streams) error {
			return runPlan(ctx, &globalOptions{}, s, &planOptions{dir: exampleDir, format: "table", seed: 1})
		},
		"graph": func(s *Streams) error {
			return runGraph(ctx, &globalOptions{}, s, &graphOptions{dir: exampleDir, format: "dot"})
		},
		"validate": func(s *Streams) error {
			return runValidate(ctx, &globalOptions{}, s, &validateOptions{dir: exampleDir})
		},
	}
	for _, name := range []string{"graph", "plan", "validate"} {
		var stdout, stderr bytes.Buffer
		err := runs[name](&Streams{In: strings.NewReader(""), Out: &stdout, Err: &stderr})
		if want := name + " interrupted: context canceled"; err == nil || err.Error() != want {
			t.Errorf("%s: error %v, want %q", name, err, want)
		}
		if stdout.Len() != 0 || stderr.Len() != 0 {
			t.Errorf("%s: printed %q and %q", name, stdout.String(), stderr.String())
		}
	}
}
