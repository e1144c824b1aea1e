//go:build linux || darwin || freebsd || openbsd || dragonfly

package cputime

import (
	"time"

	"golang.org/x/sys/unix"
)

// newThreadClock reads clock_gettime(CLOCK_THREAD_CPUTIME_ID).
func newThreadClock() func() (time.Duration, bool) {
	return func() (time.Duration, bool) {
		var ts unix.Timespec
		if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
			return 0, false
		}
		return time.Duration(ts.Nano()), true
	}
}
