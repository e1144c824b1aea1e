package main

import (
	"bytes"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestFittedLimit(t *testing.T) {
	for _, tc := range []struct {
		inputBytes, want int64
	}{
		{0, minFittedLimit},
		{50 << 10, minFittedLimit},                            // a 100-project roadmap
		{minFittedLimit / memoryPerInputByte, minFittedLimit}, // where the floor ends
		{5_300_000, 212_000_000},                              // the generated 10,000 projects
		{27_000_000, 1_080_000_000},                           // 50,000 projects: above the 896 MiB of other commands
	} {
		if got := fittedLimit(tc.inputBytes); got != tc.want {
			t.Errorf("fittedLimit(%d) = %d, want %d", tc.inputBytes, got, tc.want)
		}
	}
}

func TestNewCollectorKeepsTheUsersSettings(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{}, true},
		{map[string]string{"GOMEMLIMIT": "1GiB"}, false},
		{map[string]string{"GOGC": "200"}, false},
		{map[string]string{"GOGC": "off", "GOMEMLIMIT": "300MiB"}, false},
	} {
		lookup := func(name string) (string, bool) { v, ok := tc.env[name]; return v, ok }
		if got := newCollector(lookup) != nil; got != tc.want {
			t.Errorf("newCollector with %v: collector %v, want %v", tc.env, got, tc.want)
		}
	}
	var none *collector
	none.fitInput(1 << 30) // a nil collector changes nothing (and does not panic)
}

// restoreMemoryLimit puts the test process's soft memory limit back.
func restoreMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
}

func TestCollectorRaisesForLive(t *testing.T) {
	restoreMemoryLimit(t)
	c := &collector{}
	c.fitInput(10_000_000)
	if got := debug.SetMemoryLimit(-1); got != 400_000_000 {
		t.Fatalf("limit after fitInput(10 MB) = %d, want 400,000,000", got)
	}
	c.fitInput(1_000_000) // a smaller roadmap later never lowers it
	if got := debug.SetMemoryLimit(-1); got != 400_000_000 {
		t.Fatalf("limit after a smaller fitInput = %d, want 400,000,000", got)
	}
	for _, tc := range []struct{ live, want int64 }{
		{100_000_000, 400_000_000}, // far below: unchanged
		{250_000_000, 400_000_000}, // exactly limit / 1.6: unchanged
		{250_000_008, 500_000_016}, // just above: twice the live heap
		{260_000_000, 500_000_016}, // under the new limit / 1.6
		{400_000_000, 800_000_000},
	} {
		if got := c.raiseForLive(tc.live); got != tc.want {
			t.Errorf("raiseForLive(%d) = %d, want %d", tc.live, got, tc.want)
		}
		if got := debug.SetMemoryLimit(-1); got != tc.want {
			t.Errorf("after raiseForLive(%d) the runtime's limit is %d, want %d", tc.live, got, tc.want)
		}
	}
}

// TestCollectorWatchesEveryCycle: a live heap over the limit's headroom
// raises the limit after a collection, not only after the first one.
func TestCollectorWatchesEveryCycle(t *testing.T) {
	restoreMemoryLimit(t)
	c := &collector{}
	t.Cleanup(c.stop)
	c.fitInput(0)
	runtime.GC() // the first cycle: nothing to raise, the watch goes on
	live := make([]byte, 48<<20)
	deadline := time.Now().Add(20 * time.Second)
	for debug.SetMemoryLimit(-1) == minFittedLimit {
		if time.Now().After(deadline) {
			t.Fatalf("limit still %d with %d MiB live", debug.SetMemoryLimit(-1), len(live)>>20)
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	if got := debug.SetMemoryLimit(-1); got < 2*int64(len(live)) {
		t.Errorf("limit raised to %d, want at least twice the %d live bytes", got, len(live))
	}
	runtime.KeepAlive(live)
}

// TestPlanFitsTheCollector: plan fits the collector to the roadmap it
// loads, and its output is the same with the collector as without.
func TestPlanFitsTheCollector(t *testing.T) {
	restoreMemoryLimit(t)
	dir := filepath.Join("..", "..", "examples", "starter")
	run := func(c *collector) (int, string) {
		var out, errs bytes.Buffer
		code := Execute("test", []string{"plan", "--format", "json", dir}, &Streams{Out: &out, Err: &errs, collector: c})
		return code, out.String() + errs.String()
	}
	wantCode, want := run(nil)
	c := &collector{}
	t.Cleanup(c.stop)
	code, got := run(c)
	if code != wantCode || got != want {
		t.Errorf("with the collector: exit %d and output of %d bytes, want %d and the %d bytes without it", code, len(got), wantCode, len(want))
	}
	if c.limit != minFittedLimit {
		t.Errorf("collector limit after planning the starter example = %d, want %d", c.limit, minFittedLimit)
	}
}
