package main

import (
	"os"
	"testing"
)

// /dev/null is a character device but not a terminal: output redirected
// there must not get colour or wrapping.
func TestDevNullIsNotATerminal(t *testing.T) {
	f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Errorf("isTerminal(%s) = true, want false", os.DevNull)
	}
	if w := terminalWidth(f); w != 0 {
		t.Errorf("terminalWidth(%s) = %d, want 0", os.DevNull, w)
	}
}

func TestRegularFileIsNotATerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Error("isTerminal(regular file) = true, want false")
	}
}
