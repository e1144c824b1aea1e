package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// gcPercent reads the collector's GOGC without changing it.
func gcPercent() int {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return int(s[0].Value.Uint64())
}

// TestCollectLater: GOGC is raised until the first collection, then back
// to what it was; a GOGC from the environment is left alone.
func TestCollectLater(t *testing.T) {
	if _, set := os.LookupEnv("GOGC"); set {
		t.Skip("GOGC is set in the environment")
	}
	before := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(before) })

	collectLater()
	if got := gcPercent(); got != firstCollectionPercent {
		t.Fatalf("GOGC before the first collection = %d, want %d", got, firstCollectionPercent)
	}
	runtime.GC()
	deadline := time.Now().Add(10 * time.Second)
	for gcPercent() != 100 {
		if time.Now().After(deadline) {
			t.Fatalf("GOGC after a collection = %d, want 100", gcPercent())
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}

	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	collectLater()
	if got := gcPercent(); got != 50 {
		t.Errorf("GOGC=50 in the environment: GOGC = %d, want 50", got)
	}
}

// TestSetGCPercent: before collectLater's first collection, setGCPercent
// sets the GOGC that collection restores; after it, GOGC itself. The
// process's collector sets fittedPercent when it fits the limit.
func TestSetGCPercent(t *testing.T) {
	if _, set := os.LookupEnv("GOGC"); set {
		t.Skip("GOGC is set in the environment")
	}
	restoreMemoryLimit(t)
	before := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(before) })

	collectLater()
	setGCPercent(150)
	if got := gcPercent(); got != firstCollectionPercent {
		t.Fatalf("GOGC before the first collection = %d, want %d", got, firstCollectionPercent)
	}
	deadline := time.Now().Add(10 * time.Second)
	for gcPercent() != 150 {
		if time.Now().After(deadline) {
			t.Fatalf("GOGC after a collection = %d, want 150", gcPercent())
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	setGCPercent(120)
	if got := gcPercent(); got != 120 {
		t.Errorf("GOGC after setGCPercent(120) = %d, want 120", got)
	}

	c := &collector{percent: 130}
	t.Cleanup(c.stop)
	c.fitInput(1 << 20)
	if got := gcPercent(); got != 130 {
		t.Errorf("GOGC after fitInput = %d, want 130", got)
	}
	if got := newCollector(func(string) (string, bool) { return "", false }).percent; got != fittedPercent {
		t.Errorf("the process's collector sets GOGC %d, want %d", got, fittedPercent)
	}
}
