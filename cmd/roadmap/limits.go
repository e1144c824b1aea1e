package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/report"
)

// readSourceFile reads a file for fmt, refusing one over the loader's
// size limit before reading it: fmt would refuse it anyway, and a huge
// file named by mistake must not be read into memory. It also returns
// the file's Stat from before the read, so that a change made while fmt
// works can be detected before writing.
func readSourceFile(path string) ([]byte, os.FileInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if fi.Mode().IsRegular() && fi.Size() > hclspec.MaxFileBytes {
		return nil, nil, fmt.Errorf("%s is %d bytes; a roadmap file may be at most %d MiB", path, fi.Size(), hclspec.MaxFileBytes>>20)
	}
	src, err := io.ReadAll(io.LimitReader(f, hclspec.MaxFileBytes+1))
	if err != nil {
		return nil, nil, err
	}
	if len(src) > hclspec.MaxFileBytes {
		return nil, nil, fmt.Errorf("%s is over %d MiB, the most a roadmap file may hold", path, hclspec.MaxFileBytes>>20)
	}
	return src, fi, nil
}

// readSavedPlanFile reads a saved plan for --compare, refusing one over
// report.MaxPlanBytes from its size before reading it.
func readSavedPlanFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		if fi.Size() > report.MaxPlanBytes {
			return nil, fmt.Errorf("%s is %d bytes, far more than a saved plan (at most %d MiB); is it the right file?", name, fi.Size(), report.MaxPlanBytes>>20)
		}
		// Read into a buffer of the file's size (ReadAll's doubling
		// would hold up to twice it).
		buf.Grow(int(fi.Size()) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(f, report.MaxPlanBytes+1)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if len(data) > report.MaxPlanBytes {
		return nil, fmt.Errorf("%s is over %d MiB, far more than a saved plan; is it the right file?", name, report.MaxPlanBytes>>20)
	}
	return data, nil
}
