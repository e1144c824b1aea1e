package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Fitting the garbage collector's soft memory limit to the roadmap that
// `plan` loads. With the default GOGC of 100 the heap may grow to twice
// its live data before a collection; a 10,000-project roadmap's live data
// peaks at about 110 MB while its plan is rendered, so the process used to
// reach about 260 MB. The roadmap's size is known before its files are
// read: the limit is a multiple of it, so a large roadmap collects a
// little more often near its peak and small ones never reach the limit.
const (
	// memoryPerInputByte is the soft limit per byte of roadmap source:
	// about twice the live heap per source byte at the peak of planning
	// the generated roadmaps (110 MB live for 5.3 MB of source).
	memoryPerInputByte = 40
	// minFittedLimit is the least limit a roadmap's size sets: far above
	// what a small roadmap's run holds, so only large ones are affected.
	minFittedLimit = 64 << 20
	// liveHeadroom: after a collection, a limit under this multiple of
	// the live heap is raised to twice the live heap (the default GOGC's
	// goal), so a roadmap holding more than its size suggests (several
	// plans at once, a long horizon) never makes the collector run
	// back to back near the limit.
	liveHeadroomNum, liveHeadroomDen = 8, 5
	// fittedPercent is GOGC once the limit is fitted: the limit bounds
	// the peak, so while the heap is small (loading, when it grows
	// fastest) it may grow to three times the live data before a
	// collection. The generated 10,000-project roadmap: 10 collections
	// marking 513 MB in all instead of 16 marking 669 MB, 204 MB peak
	// instead of 203 (GODEBUG=gctrace=1, docs/performance.md).
	fittedPercent = 200
)

// collector fits the soft memory limit; nil (the tests' Streams, or
// GOMEMLIMIT set by the user) leaves the runtime's settings alone.
type collector struct {
	mu      sync.Mutex
	limit   int64 // the limit set last; 0 before fitInput
	stopped bool  // stop was called: the watch ends at the next cycle
	// percent is the GOGC fitInput sets (fittedPercent for the process's
	// collector); 0 leaves GOGC alone.
	percent int
}

// newCollector returns the process's collector, or nil when the user set
// GOMEMLIMIT or GOGC themselves (their setting is kept as it is).
func newCollector(lookupEnv func(string) (string, bool)) *collector {
	if _, set := lookupEnv("GOMEMLIMIT"); set {
		return nil
	}
	if _, set := lookupEnv("GOGC"); set {
		return nil
	}
	return &collector{percent: fittedPercent}
}

// fittedLimit is the soft memory limit for a roadmap of inputBytes of
// source.
func fittedLimit(inputBytes int64) int64 {
	return max(minFittedLimit, memoryPerInputByte*inputBytes)
}

// fitInput sets the soft memory limit for a roadmap of inputBytes of
// source, and from then on keeps it at least liveHeadroom times the live
// heap after every collection. Called once per load; a second, larger
// roadmap in the same process (plan --base) only raises the limit.
func (c *collector) fitInput(inputBytes int64) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	limit := fittedLimit(inputBytes)
	if limit <= c.limit {
		return
	}
	first := c.limit == 0
	c.limit = limit
	debug.SetMemoryLimit(limit)
	if first {
		if c.percent > 0 {
			setGCPercent(c.percent)
		}
		c.watch()
	}
}

// watch runs afterCycle after the next garbage collection, and again
// after each one after it.
func (c *collector) watch() {
	sentinel := new([16]byte)
	runtime.AddCleanup(sentinel, func(c *collector) { c.afterCycle() }, c)
}

// afterCycle raises the limit when the live heap has come near it.
func (c *collector) afterCycle() {
	c.mu.Lock()
	stopped := c.stopped
	c.mu.Unlock()
	if stopped {
		return
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 {
		c.raiseForLive(int64(s[0].Value.Uint64()))
	}
	c.watch()
}

// stop ends the watch after the next collection and leaves the limit as
// it is (for tests, which share one process).
func (c *collector) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stopped = true
}

// raiseForLive raises the limit to twice live when live is over the
// limit divided by the headroom, and returns the limit.
func (c *collector) raiseForLive(live int64) int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if live*liveHeadroomNum > c.limit*liveHeadroomDen {
		c.limit = 2 * live
		debug.SetMemoryLimit(c.limit)
	}
	return c.limit
}
