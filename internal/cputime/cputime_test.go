package cputime

import (
	"runtime"
	"testing"
	"time"
)

// TestThreadClockCountsWorkNotSleep: the clock advances while the thread
// computes and hardly at all while it sleeps, which a wall clock would
// count in full.
func TestThreadClockCountsWorkNotSleep(t *testing.T) {
	clock := ThreadClock()
	if clock == nil {
		t.Skipf("no thread CPU clock on %s", runtime.GOOS)
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	t0 := clock()
	time.Sleep(300 * time.Millisecond)
	slept := clock() - t0
	if slept > 100*time.Millisecond {
		t.Errorf("300ms of sleep counted %s of CPU time", slept)
	}
	// A fixed amount of work: it takes CPU time, and no more than the
	// wall-clock time that passed.
	t1, w1 := clock(), time.Now()
	x := 0
	for k := range 50_000_000 {
		x ^= k * k
	}
	worked, wall := clock()-t1, time.Since(w1)
	if worked <= 0 || worked > wall+time.Millisecond {
		t.Errorf("the busy loop counted %s of CPU time in %s (%d)", worked, wall, x)
	}
}
