// Package cputime reads the CPU time of the calling OS thread: what
// `--time-limit` counts, so that a search stopped by it does not stop
// sooner because the machine is busy with other work.
//
// A goroutine moves between threads unless it is locked to one, so a
// caller measuring a stretch of work must hold its goroutine on one
// thread (runtime.LockOSThread) from the first reading to the last; the
// optimiser does (schedule.OptimizeInput.Clock).
package cputime

import "time"

// ThreadClock returns a function that reads the CPU time the calling
// thread has used, or nil where the system offers no such clock (the
// caller then falls back to wall-clock time).
func ThreadClock() func() time.Duration {
	read := newThreadClock()
	if read == nil {
		return nil
	}
	if _, ok := read(); !ok {
		return nil
	}
	return func() time.Duration {
		d, _ := read()
		return d
	}
}
