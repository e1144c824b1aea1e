//go:build unix

package hclspec

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestVarFileFromPipe: a --var-file may be a pipe, as with the shell's
// --var-file <(vault read ...); it used to be refused as "Not a regular
// file", with a detail about roadmap files. A FIFO in the roadmap
// directory is still refused (TestBadInputCorpus/fifo), so that listing a
// directory can never wait on a pipe.
func TestVarFileFromPipe(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.hcl"), []byte("variable \"capex\" {\n  default = 1\n}\nroadmap {\n  start = \"2027-01\"\n}\n"))
	fifo := filepath.Join(t.TempDir(), "vars.hcl")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	go func() {
		// Opening for writing waits for the loader to open it for reading.
		if err := os.WriteFile(fifo, []byte("capex = 3\n"), 0o600); err != nil {
			t.Error(err)
		}
	}()
	cfg, diags := NewLoader().LoadDir(dir, LoadOptions{VarFiles: []string{fifo}})
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %s", diags.Error())
	}
	if got := cfg.VariableValues["capex"].AsBigFloat().String(); got != "3" {
		t.Errorf("capex = %s, want 3 from the pipe", got)
	}

	// A device is still refused, without reading it.
	_, diags = NewLoader().LoadDir(dir, LoadOptions{VarFiles: []string{os.DevNull}})
	if len(diags) != 1 || diags[0].Summary != "Not a regular file" {
		t.Errorf("--var-file %s: %v", os.DevNull, diags)
	}
}

// TestVarFilePipeTooLarge: a pipe over the limit is read only to one byte
// past it, so its size is unknown and must not be reported as a count of
// bytes ("is 33554433 bytes").
func TestVarFilePipeTooLarge(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.hcl"), []byte("roadmap {\n  start = \"2027-01\"\n}\n"))
	fifo := filepath.Join(t.TempDir(), "vars.hcl")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			t.Error(err)
			return
		}
		defer f.Close()
		chunk := make([]byte, 1<<20)
		for i := range chunk {
			chunk[i] = '#'
		}
		for range MaxFileBytes>>20 + 2 {
			if _, err := f.Write(chunk); err != nil {
				return // the loader stopped reading: expected
			}
		}
	}()
	_, diags := NewLoader().LoadDir(dir, LoadOptions{VarFiles: []string{fifo}})
	if len(diags) != 1 || diags[0].Summary != "File too large" {
		t.Fatalf("diagnostics: %v", diags)
	}
	want := fifo + " is more than 32 MiB; a roadmap file may be at most 32 MiB. Split it into several files."
	if diags[0].Detail != want {
		t.Errorf("detail %q, want %q", diags[0].Detail, want)
	}
}
