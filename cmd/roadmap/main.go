// Command roadmap evaluates roadmap-as-code directories.
package main

import "os"

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	os.Exit(Execute(version, os.Args[1:], defaultStreams()))
}
