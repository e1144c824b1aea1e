// Package golden compares test output with golden files and rewrites them
// when tests run with -update (or UPDATE_GOLDEN=1), as in
// `go test ./report -update`. Only tests import it.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// update is the -update flag of every test binary that imports golden; a
// flag must be registered at package level to be parsed by `go test`.
var update = flag.Bool("update", false, "rewrite golden files under testdata/ instead of comparing with them")

// Update reports whether golden files are being rewritten.
func Update() bool {
	return *update || os.Getenv("UPDATE_GOLDEN") == "1"
}

// Assert compares got with the file at path, reported as (-want +got); with
// -update it writes got there instead, creating directories as needed.
func Assert(t testing.TB, path string, got []byte) {
	t.Helper()
	if Update() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}
