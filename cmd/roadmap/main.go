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

func main() {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil
	}
	info := newBuildInfo(buildStamp{Version: version, Commit: commit, Date: date}, bi)
	os.Exit(executeBuild(info, os.Args[1:], defaultStreams()))
}
