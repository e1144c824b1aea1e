//go:build !unix

package main

import "os"

// terminalWidth is unknown off Unix; COLUMNS or the default width apply.
func terminalWidth(f *os.File) int { return 0 }
