package schedule

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadPSPLIB(t *testing.T) {
	f, err := os.Open("testdata/tiny.sm")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	inst, err := ReadPSPLIB(f, "tiny.sm")
	if err != nil {
		t.Fatal(err)
	}
	want := &PSPLIBInstance{Horizon: 10, Capacities: []int{3, 2}, Jobs: []PSPLIBJob{
		{Duration: 0, Demand: []int{0, 0}, Successors: []int{1, 2, 3}},
		{Duration: 2, Demand: []int{2, 0}, Successors: []int{4}},
		{Duration: 3, Demand: []int{1, 1}, Successors: []int{5}},
		{Duration: 2, Demand: []int{2, 1}, Successors: []int{5}},
		{Duration: 3, Demand: []int{0, 2}, Successors: []int{5}},
		{Duration: 0, Demand: []int{0, 0}},
	}}
	if diff := cmp.Diff(want, inst); diff != "" {
		t.Fatalf("instance (-want +got):\n%s", diff)
	}
	p := inst.Problem()
	if len(p.Tasks) != 4 || p.Horizon != 10 || len(p.Resources) != 2 {
		t.Fatalf("problem has %d tasks, horizon %d, %d resources; want 4, 10, 2", len(p.Tasks), p.Horizon, len(p.Resources))
	}
	if diff := cmp.Diff([]int{0}, p.Tasks[3].Preds); diff != "" {
		t.Errorf("job 5's predecessors (-want +got):\n%s", diff)
	}
	// Job 4 can overlap neither job 2 (R1: 2+2 > 3) nor job 5 (R2: 1+2 >
	// 2), and 2 -> 5 is a chain of 5 periods, so job 4 runs before or
	// after it: the optimum is 7 though the critical path is 5.
	res := Optimize(context.Background(), p, OptimizeInput{Objective: ObjectiveFinish, Seed: 1, MaxSchedules: 1000})
	if err := Verify(p, res.Schedule.Start); err != nil {
		t.Fatal(err)
	}
	if CriticalPathLength(p) != 5 || res.Best != 7 || !res.Optimal {
		t.Errorf("critical path %d, best %v, optimal %v; want 5, 7, true", CriticalPathLength(p), res.Best, res.Optimal)
	}
}

func TestReadPSPLIBErrors(t *testing.T) {
	good, err := os.ReadFile("testdata/tiny.sm")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new, want string
	}{
		{"bad successor", "   2        1          1           5", "   2        1          1           9", "successor 9 out of range"},
		{"short successor list", "   2        1          1           5", "   2        1          2           5", "expected job 2"},
		{"not a number", "  3      1     3       1    1", "  3      1     x       1    1", `"x" is not an integer`},
		{"capacities", "    3    2", "    3", "expected 2 capacities"},
		{"no jobs line", "jobs (incl. supersource/sink ):  6", "", "no \"jobs (incl. supersource/sink )\" line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Replace(string(good), tt.old, tt.new, 1)
			_, err := ReadPSPLIB(strings.NewReader(text), "x.sm")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// benchmarksDir is $ROADMAP_BENCHMARKS_DIR, else ../shared/benchmarks
// beside the module root; "" when it does not exist.
func benchmarksDir(t testing.TB) string {
	dir := os.Getenv("ROADMAP_BENCHMARKS_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "benchmarks")
	}
	if _, err := os.Stat(filepath.Join(dir, "psplib")); err != nil {
		t.Skipf("no PSPLIB data at %s (set ROADMAP_BENCHMARKS_DIR)", filepath.Join(dir, "psplib"))
	}
	return dir
}

func readInstance(t testing.TB, path string) *Problem {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	inst, err := ReadPSPLIB(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return inst.Problem()
}

// TestPSPLIBSample solves a few j30 instances and checks each against its
// proven optimum: feasible, never below it, and on average close.
func TestPSPLIBSample(t *testing.T) {
	dir := benchmarksDir(t)
	f, err := os.Open(filepath.Join(dir, "psplib", "j30opt.sm"))
	if err != nil {
		t.Fatal(err)
	}
	opt, err := ReadPSPLIBReference(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(opt) != 480 {
		t.Fatalf("%d optima in j30opt.sm, want 480", len(opt))
	}
	devSum := 0.0
	names := []string{"1_1", "5_3", "9_7", "13_2", "25_4", "29_9", "41_5", "45_10"}
	for _, name := range names {
		p := readInstance(t, filepath.Join(dir, "psplib", "j30", "j30"+name+".sm"))
		res := Optimize(context.Background(), p, OptimizeInput{Objective: ObjectiveFinish, Seed: 1, MaxSchedules: 5000})
		if err := Verify(p, res.Schedule.Start); err != nil {
			t.Fatalf("j30%s: %v", name, err)
		}
		got := res.Schedule.Makespan(p)
		if got < opt[name] {
			t.Fatalf("j30%s: makespan %d below the proven optimum %d", name, got, opt[name])
		}
		devSum += float64(got-opt[name]) / float64(opt[name])
	}
	if avg := devSum / float64(len(names)); avg > 0.01 {
		t.Errorf("average deviation from the optimum %.2f%% over %d instances, want at most 1%%", 100*avg, len(names))
	}
}

// BenchmarkPSPLIB times one instance of each set at the literature's
// budget of 5,000 schedules; `make bench-psplib` runs the whole sets.
func BenchmarkPSPLIB(b *testing.B) {
	dir := benchmarksDir(b)
	for _, name := range []string{"j30/j3013_1.sm", "j120/j12013_1.sm"} {
		p := readInstance(b, filepath.Join(dir, "psplib", name))
		b.Run(strings.TrimSuffix(filepath.Base(name), ".sm"), func(b *testing.B) {
			var res OptimizeResult
			for b.Loop() {
				res = Optimize(context.Background(), p, OptimizeInput{Objective: ObjectiveFinish, Seed: 1, MaxSchedules: 5000})
			}
			b.ReportMetric(float64(res.Schedules), "schedules/op")
			b.ReportMetric(res.Best, "makespan")
		})
	}
}
