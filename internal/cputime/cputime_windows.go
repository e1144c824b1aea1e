//go:build windows

package cputime

import (
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// newThreadClock reads GetThreadTimes of the current thread: kernel plus
// user time, in units of 100 ns.
func newThreadClock() func() (time.Duration, bool) {
	proc := windows.NewLazySystemDLL("kernel32.dll").NewProc("GetThreadTimes")
	if proc.Find() != nil {
		return nil
	}
	ticks := func(f windows.Filetime) int64 { return int64(f.HighDateTime)<<32 | int64(f.LowDateTime) }
	return func() (time.Duration, bool) {
		var creation, exit, kernel, user windows.Filetime
		r, _, _ := proc.Call(uintptr(windows.CurrentThread()),
			uintptr(unsafe.Pointer(&creation)), uintptr(unsafe.Pointer(&exit)),
			uintptr(unsafe.Pointer(&kernel)), uintptr(unsafe.Pointer(&user)))
		if r == 0 {
			return 0, false
		}
		return time.Duration(ticks(kernel)+ticks(user)) * 100, true
	}
}
