package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

func TestRunSkipsWithoutData(t *testing.T) {
	var out, errs bytes.Buffer
	code := run([]string{"-dir", t.TempDir()}, &out, &errs)
	if code != 0 || !strings.Contains(out.String(), "skipped: no PSPLIB data") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0 and a skip message", code, out.String(), errs.String())
	}
}

// testdata holds one hand-made instance as j30 (optimum 7) and as j120
// (critical path 5).
func TestRunReportsDeviations(t *testing.T) {
	var out, errs bytes.Buffer
	code := run([]string{"-dir", "testdata", "-sets", "j30,j120", "-schedules", "200"}, &out, &errs)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	rows := map[string]*regexp.Regexp{
		"j30":  regexp.MustCompile(`j30\s+1\s+optimum\s+0\.00\s+0\.00\s+1\s`),
		"j120": regexp.MustCompile(`j120\s+1\s+critical path LB\s+40\.00\s+40\.00\s+0\s`),
	}
	for set, re := range rows {
		if !re.MatchString(out.String()) {
			t.Errorf("no %s row matching %s in:\n%s", set, re, out.String())
		}
	}
}

func TestRunBadFlag(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-nope"}, &out, &errs); code != 2 {
		t.Errorf("exit %d for an unknown flag, want 2", code)
	}
}
