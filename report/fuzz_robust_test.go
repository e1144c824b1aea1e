package report

import (
	"bytes"
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/diff"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/fuzzseed"
	"github.com/roadmap-as-code/roadmap/internal/safetext"
)

// fuzzEvalOptions keep one evaluation short: a roadmap may ask for the
// optimiser, which then runs for its time limit.
var fuzzEvalOptions = evaluate.Options{Seed: 1, TimeLimit: 20 * time.Millisecond}

// evaluateDir loads and evaluates dir as `roadmap plan` does, returning
// nil when the CLI would stop with diagnostics.
func evaluateDir(t testing.TB, dir string) *evaluate.Plan {
	t.Helper()
	cfg, diags := hclspec.NewLoader().LoadDir(dir, hclspec.LoadOptions{})
	if diags.HasErrors() {
		return nil
	}
	plan, diags := evaluate.Evaluate(context.Background(), cfg, fuzzEvalOptions)
	if diags.HasErrors() {
		// Evaluate may return a partial plan with errors (a check that
		// cannot be evaluated); the CLI then stops, as here. Every error
		// must say where it is.
		for _, d := range diags {
			if d.Severity == hcl.DiagError && d.Subject == nil {
				t.Errorf("evaluation error %q has no source range", d.Summary)
			}
		}
		return nil
	}
	if plan == nil {
		t.Fatal("Evaluate returned neither a plan nor an error")
	}
	return plan
}

// timeLimitReached reports whether the time limit ended plan's
// optimisation.
func timeLimitReached(plan *evaluate.Plan) bool {
	return plan != nil && plan.Optimization != nil && plan.Optimization.TimeLimitReached
}

// sortedRoadmapSeeds returns every example and testdata roadmap, joined
// with fuzzseed.FileSeparator, in a stable order.
func sortedRoadmapSeeds(f *testing.F) [][]byte {
	dirs := fuzzseed.RoadmapDirs(f)
	names := make([]string, 0, len(dirs))
	for d := range dirs {
		names = append(names, d)
	}
	sort.Strings(names)
	out := make([][]byte, 0, len(names))
	for _, d := range names {
		out = append(out, fuzzseed.Join(dirs[d]))
	}
	return out
}

// FuzzEvaluate runs a roadmap of up to eight files end to end: load,
// evaluate, render in every plan format, save as JSON and read back. A
// roadmap that loads without errors must evaluate to a plan or to
// diagnostics, never a panic; every format must render it; its JSON must
// round-trip; and a second evaluation must give the same bytes.
func FuzzEvaluate(f *testing.F) {
	for _, seed := range sortedRoadmapSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzseed.Watchdog(20*time.Second, data)()
		dir := fuzzseed.WriteDir(t, data, 8)
		plan := evaluateDir(t, dir)
		if plan == nil {
			return
		}
		for _, format := range PlanFormats() {
			var buf bytes.Buffer
			if err := RenderPlan(&buf, plan, format, Options{Width: 80, Version: "fuzz"}); err != nil {
				t.Errorf("%s: %v", format, err)
			}
		}
		first, err := MarshalPlan(plan)
		if err != nil {
			t.Fatalf("MarshalPlan: %v", err)
		}
		back, err := ReadPlan(bytes.NewReader(first))
		if err != nil {
			t.Fatalf("ReadPlan of a saved plan: %v", err)
		}
		if again, err := MarshalPlan(back); err != nil || !bytes.Equal(first, again) {
			t.Fatalf("saved plan does not round-trip (err %v):\n%s", err, cmp.Diff(string(first), string(again)))
		}
		secondPlan := evaluateDir(t, dir)
		second, err := MarshalPlan(secondPlan)
		if err != nil {
			t.Fatalf("MarshalPlan of the second evaluation: %v", err)
		}
		// The optimiser is deterministic when its schedule budget or a
		// bound ends the search. Under load the short time limit can end
		// it instead, at a point that varies from run to run: only then
		// may the two plans differ.
		if timeLimitReached(plan) || timeLimitReached(secondPlan) {
			return
		}
		if diff := cmp.Diff(string(first), string(second)); diff != "" {
			t.Fatalf("two evaluations differ (-first +second):\n%s", diff)
		}
	})
}

// addPlanSeeds adds every saved plan under testdata and the plan of every
// example and testdata roadmap that evaluates.
func addPlanSeeds(f *testing.F, add func(plan []byte)) {
	for _, data := range fuzzseed.Read(f, fuzzseed.Files(f, ".json")) {
		if bytes.Contains(data, []byte(`"format_version"`)) {
			add(data)
		}
	}
	for _, seed := range sortedRoadmapSeeds(f) {
		plan := evaluateDir(f, fuzzseed.WriteDir(f, seed, 8))
		if plan == nil {
			continue
		}
		data, err := MarshalPlan(plan)
		if err != nil {
			f.Fatal(err)
		}
		add(data)
	}
}

// FuzzComparePlans is `plan --compare` and `show` on two saved plans:
// ReadPlan either refuses each or accepts it; two accepted plans diff and
// render in every diff format; a plan compared with itself has no
// changes.
func FuzzComparePlans(f *testing.F) {
	var plans [][]byte
	addPlanSeeds(f, func(p []byte) { plans = append(plans, p) })
	for i, p := range plans {
		f.Add(p, plans[(i+1)%len(plans)])
		f.Add(p, []byte(`{"format_version":"1"}`))
	}
	f.Fuzz(func(t *testing.T, before, after []byte) {
		defer fuzzseed.Watchdog(20*time.Second, string(before)+"|"+string(after))()
		b, errB := ReadPlan(bytes.NewReader(before))
		a, errA := ReadPlan(bytes.NewReader(after))
		if errB != nil || errA != nil {
			return
		}
		for _, pair := range [][2]*evaluate.Plan{{b, a}, {diff.Empty(), a}, {b, diff.Empty()}} {
			d := diff.Diff(pair[0], pair[1])
			for _, format := range DiffFormats() {
				var buf bytes.Buffer
				if err := RenderDiff(&buf, d, format, Options{Width: 80}); err != nil {
					t.Errorf("%s: %v", format, err)
				}
				if i := firstControl(buf.String()); i >= 0 && !BinaryFormat(format) {
					t.Errorf("%s: a terminal control at byte %d", format, i)
				}
				if format == "markdown" && buf.Len() > diffCommentLimit {
					t.Errorf("the comment is %d bytes, over %d", buf.Len(), diffCommentLimit)
				}
			}
		}
		if d := diff.Diff(a, a); d.Changed {
			t.Errorf("a plan compared with itself has changes: %s", d.SummaryLine())
		}
	})
}

// firstControl is the offset of the first terminal control in s (a CRLF
// aside), or -1.
func firstControl(s string) int {
	for i, r := range s {
		if safetext.Unsafe(r) && !(r == '\r' && strings.HasPrefix(s[i:], "\r\n")) {
			return i
		}
	}
	return -1
}
