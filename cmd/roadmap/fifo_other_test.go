//go:build !unix

package main

import "errors"

// mkfifo makes a named pipe at path; this system has none.
func mkfifo(string) error { return errors.New("named pipes are not supported here") }
