package main

import (
	"bytes"
	"testing"
)

func TestGraphRejectsUnknownFormat(t *testing.T) {
	var out, errOut bytes.Buffer
	code := Execute("test", []string{"graph", "--format", "svg", "."}, &Streams{Out: &out, Err: &errOut})
	if code != 1 {
		t.Errorf("exit = %d, want 1", code)
	}
	if want := "Error: unknown graph format \"svg\": use one of [dot mermaid]\n"; errOut.String() != want {
		t.Errorf("stderr = %q, want %q", errOut.String(), want)
	}
	if out.Len() != 0 {
		t.Errorf("stdout = %q, want nothing", out.String())
	}
}

func TestGraphRejectsTwoDirectories(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := Execute("test", []string{"graph", "a", "b"}, &Streams{Out: &out, Err: &errOut}); code != 1 {
		t.Errorf("exit = %d, want 1", code)
	}
}
