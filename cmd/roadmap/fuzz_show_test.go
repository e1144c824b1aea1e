package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/roadmap-as-code/roadmap/internal/fuzzseed"
	"github.com/roadmap-as-code/roadmap/report"
)

// FuzzShow runs `roadmap show -` on arbitrary input in every format. It
// must exit 0 with output or 1 with a message and nothing on stdout,
// never panic.
func FuzzShow(f *testing.F) {
	for _, data := range fuzzseed.Read(f, fuzzseed.Files(f, ".json")) {
		if bytes.Contains(data, []byte(`"format_version"`)) {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"format_version":"1","projects":[{"id":"a","rank":-1,"start_period":-3,"end_period":2}]}`))
	formats := report.PlanFormats()
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzseed.Watchdog(20*time.Second, data)()
		for _, format := range formats {
			res := cliRun{Args: []string{"show", "--format", format, "-"}, Stdin: string(data)}.run(t)
			switch res.Code {
			case 0:
				if res.Stdout == "" && format != "github" { // annotations may be none
					t.Errorf("%s: exit 0 with no output", format)
				}
			case 1:
				if res.Stdout != "" || res.Stderr == "" {
					t.Errorf("%s: exit 1 with stdout %q and stderr %q", format, res.Stdout, res.Stderr)
				}
				return // the input is refused whatever the format
			default:
				t.Fatalf("%s: exit %d\n%s", format, res.Code, res.Stderr)
			}
		}
	})
}
