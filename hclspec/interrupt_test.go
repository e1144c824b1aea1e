package hclspec

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// doneAfter is a context whose Err turns to Canceled after n calls, to
// stop a load at a chosen point without timing.
type doneAfter struct {
	context.Context
	n int
}

func (c *doneAfter) Err() error {
	if c.n <= 0 {
		return context.Canceled
	}
	c.n--
	return nil
}

// TestLoadInterrupted: a done Context stops the load between files and
// between blocks, with one "Interrupted" error and none of the follow-ups
// of a half-read roadmap (such as a missing roadmap block).
func TestLoadInterrupted(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.hcl"), []byte("roadmap {\n  start = \"2027-01\"\n}\nteam \"t\" {\n  capacity = 1\n}\n"))
	for i := range 5 {
		write(t, filepath.Join(dir, fmt.Sprintf("p%d.hcl", i)), fmt.Appendf(nil, "project \"p%d\" {\n  duration = 1\n  effort = { t = 1 }\n}\n", i))
	}
	for _, n := range []int{0, 1, 3, 6, 7, 9} { // 6 files, the check after parsing, then blocks
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			ctx := &doneAfter{Context: context.Background(), n: n}
			_, diags := NewLoader().LoadDir(dir, LoadOptions{Context: ctx})
			var got []string
			for _, d := range diags {
				got = append(got, d.Summary)
			}
			if diff := cmp.Diff([]string{"Interrupted"}, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
	cfg, diags := NewLoader().LoadDir(dir, LoadOptions{Context: context.Background()})
	if len(diags) != 0 || len(cfg.Projects) != 5 {
		t.Errorf("uninterrupted: %d projects, diagnostics %v", len(cfg.Projects), diags)
	}
}

// TestExpressionInterrupted: an interrupt stops the evaluation of one
// expression, not only the load between locals and blocks: three nested
// for expressions (a billion steps, refused only after the whole budget)
// stop at the meter's next check after the interrupt, with the one
// "Interrupted" error.
func TestExpressionInterrupted(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.hcl"), []byte("roadmap {\n  start = \"2027-01\"\n}\nlocals {\n"+
		"  x = length([for a in range(1024) : [for b in range(1024) : [for c in range(1024) : a]]])\n}\n"))
	l := NewLoader()
	// Done from the meter's third check on (the load itself checks twice
	// before evaluating locals).
	_, diags := l.LoadDir(dir, LoadOptions{Context: &doneAfter{Context: context.Background(), n: 4}})
	if len(diags) != 1 || diags[0].Summary != "Interrupted" {
		t.Fatalf("diagnostics: %s", diags.Error())
	}
	if l.meter.charges > 5*ctxEvery || l.meter.used >= MaxEvalWork/10 {
		t.Errorf("evaluation went on for %d charges, %d units, after the interrupt", l.meter.charges, l.meter.used)
	}
}
