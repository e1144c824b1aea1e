// Package fuzzseed finds the repository's examples and test fixtures, so
// fuzz targets in any package can seed their corpora from all of them.
// It is for tests only.
package fuzzseed

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// maxSeedBytes skips fixtures too large to be useful seeds.
const maxSeedBytes = 256 << 10

// Root returns the repository root: the nearest directory above the
// working directory holding go.mod.
func Root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Files returns every file ending in suffix under examples/ and under any
// testdata/ directory of the repository (fuzz corpora excluded), sorted.
func Files(tb testing.TB, suffix string) []string {
	tb.Helper()
	root := Root(tb)
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			name := d.Name()
			if path != root && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "bin" || rel == filepath.Join("testdata", "fuzz") || strings.HasSuffix(rel, string(filepath.Separator)+filepath.Join("testdata", "fuzz"))) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !strings.HasSuffix(path, suffix) {
			return nil
		}
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if parts[0] != "examples" && !slices.Contains(parts, "testdata") {
			return nil
		}
		if fi, err := d.Info(); err == nil && fi.Size() <= maxSeedBytes {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	slices.Sort(files)
	return files
}

// Read returns the contents of files, failing the test on error.
func Read(tb testing.TB, files []string) [][]byte {
	tb.Helper()
	out := make([][]byte, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// RoadmapDirs returns every directory under examples/ and testdata/
// holding .hcl files, each with its files' contents (variable files
// excluded) in lexical order.
func RoadmapDirs(tb testing.TB) map[string][][]byte {
	tb.Helper()
	dirs := map[string][][]byte{}
	for _, f := range Files(tb, ".hcl") {
		if strings.HasSuffix(f, ".vars.hcl") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		dirs[filepath.Dir(f)] = append(dirs[filepath.Dir(f)], data)
	}
	return dirs
}

// FileSeparator splits one fuzz input into several files: the ASCII
// record separator, a single byte the fuzzer easily inserts or removes.
const FileSeparator = "\x1e"

// Join turns files into one fuzz input.
func Join(files [][]byte) []byte {
	var b []byte
	for i, f := range files {
		if i > 0 {
			b = append(b, FileSeparator...)
		}
		b = append(b, f...)
	}
	return b
}

// WriteDir splits data on FileSeparator into at most maxFiles files named
// a.hcl, b.hcl, ... in a new temporary directory and returns it.
func WriteDir(tb testing.TB, data []byte, maxFiles int) string {
	tb.Helper()
	dir := tb.TempDir()
	parts := strings.SplitN(string(data), FileSeparator, maxFiles)
	for i, p := range parts {
		name := filepath.Join(dir, string(rune('a'+i))+".hcl")
		if err := os.WriteFile(name, []byte(p), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// Watchdog crashes the test binary when the calling fuzz input runs
// longer than d. `go test -fuzz` does not report inputs that hang; a
// crash makes it save the input as a failure. Call the returned stop
// when the input is done.
//
// d is CPU time where the platform reports it: on a loaded machine an
// input that needs half a second of CPU can take 20 s of wall time, and
// crashing then reported the load, not the input. An input blocked
// without using CPU is still caught after 5 x d of wall time.
func Watchdog(d time.Duration, input any) (stop func() bool) {
	start := time.Now()
	startCPU, measured := processCPU()
	var timer *time.Timer
	var mu sync.Mutex
	stopped := false
	var check func()
	check = func() {
		mu.Lock()
		defer mu.Unlock()
		if stopped {
			return
		}
		wall := time.Since(start)
		cpu := wall
		if now, ok := processCPU(); ok && measured {
			cpu = now - startCPU
		}
		if cpu < d && wall < 5*d {
			timer = time.AfterFunc(d/4, check)
			return
		}
		panic(fmt.Sprintf("fuzz input still running after %s (%s of CPU; started %s): %q", wall.Round(time.Second), cpu.Round(time.Millisecond), start.Format(time.TimeOnly), input))
	}
	timer = time.AfterFunc(d, check)
	return func() bool {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		return timer.Stop()
	}
}
