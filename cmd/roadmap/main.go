// Command roadmap evaluates roadmap-as-code directories.
package main

import (
	"os"
	"runtime/debug"
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

func main() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil
	}
	info := newBuildInfo(buildStamp{Version: version, Commit: commit, Date: date}, bi)
	os.Exit(executeBuild(info, os.Args[1:], defaultStreams()))
}
