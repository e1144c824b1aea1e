// Command roadmap evaluates roadmap-as-code directories.
package main

import (
	"os"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	tuneGC(os.Getenv)
	os.Exit(Execute(version, os.Args[1:], defaultStreams()))
}

// tuneGC sets the garbage collector for what roadmap is: a short batch
// job whose heap only grows while it loads. Collecting at twice the live
// heap rather than at once saves a tenth of a large plan's time; the soft
// memory limit keeps a 10,000-project plan (about 200 MiB live) under
// 400 MiB. GOGC and GOMEMLIMIT, when set, are left to the runtime.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(384 << 20)
	}
}
