//go:build !(linux || darwin || freebsd || openbsd || dragonfly || windows)

package cputime

import "time"

// newThreadClock: no thread clock here.
func newThreadClock() func() (time.Duration, bool) { return nil }
