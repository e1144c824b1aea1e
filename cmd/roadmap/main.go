// Command roadmap evaluates roadmap-as-code directories.
package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"
)

// Release builds may set these with -ldflags "-X main.version=v1.2.3
// -X main.commit=... -X main.date=..."; left empty, they come from the
// module and VCS information Go records in the binary (go install
// ...@v1.2.3, go build in a git checkout).
var (
	version string
	commit  string
	date    string
)

// softMemoryLimit is the Go runtime's soft memory limit unless GOMEMLIMIT
// sets one: the garbage collector works harder as the heap nears it.
// Without it a command whose live data is 400 MB (show of a plan at the
// planner's limits) let the heap grow to twice that before collecting.
// It never refuses memory; the limits in docs/security.md bound the live
// data.
const softMemoryLimit = 896 << 20

// firstCollectionPercent is the garbage collector's GOGC until its first
// cycle, unless GOGC is set: the heap may reach 8 MB (the runtime's 4 MB
// minimum, doubled) before it. A small roadmap's whole run allocates less,
// so it never collects: planning a 30-project roadmap collected twice, a
// quarter of the instructions the process ran. From the first cycle on
// the default applies, so a large roadmap's memory is as before.
const firstCollectionPercent = 200

// collectLater raises GOGC until the first garbage collection (see
// firstCollectionPercent), unless the environment sets GOGC.
func collectLater() {
	if _, set := os.LookupEnv("GOGC"); set {
		return
	}
	previous := debug.SetGCPercent(firstCollectionPercent)
	afterFirst.Lock()
	afterFirst.percent, afterFirst.pending = previous, true
	afterFirst.Unlock()
	// The first cycle finds sentinel unreachable and runs the cleanup.
	sentinel := new([64]byte)
	runtime.AddCleanup(sentinel, func(struct{}) {
		afterFirst.Lock()
		defer afterFirst.Unlock()
		afterFirst.pending = false
		debug.SetGCPercent(afterFirst.percent)
	}, struct{}{})
}

// afterFirst is the GOGC collectLater's first collection sets: the one
// before it, unless setGCPercent changed it meanwhile.
var afterFirst struct {
	sync.Mutex
	percent int
	pending bool // collectLater raised GOGC and no collection has run
}

// setGCPercent sets GOGC; before collectLater's first collection, it
// sets the GOGC that collection restores.
func setGCPercent(percent int) {
	afterFirst.Lock()
	defer afterFirst.Unlock()
	if afterFirst.pending {
		afterFirst.percent = percent
		return
	}
	debug.SetGCPercent(percent)
}

func main() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	collectLater()
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil
	}
	info := newBuildInfo(buildStamp{Version: version, Commit: commit, Date: date}, bi)
	s := defaultStreams()
	s.collector = newCollector(os.LookupEnv)
	os.Exit(executeBuild(info, os.Args[1:], s))
}
