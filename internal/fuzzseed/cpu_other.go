//go:build !unix

package fuzzseed

import "time"

// processCPU is not reported here: the watchdog counts wall time.
func processCPU() (time.Duration, bool) { return 0, false }
