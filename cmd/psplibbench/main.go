// Command psplibbench measures the optimiser on the PSPLIB single-mode
// RCPSP instances (Kolisch and Sprecher 1996): j30 against the proven
// optima, j120 against the critical-path lower bound, with the same
// schedule.Optimize the CLI runs for `roadmap plan --optimize`: by default
// with the CLI's schedule budget for the instance's size
// (schedule.BudgetFor) and its default time limit. Every schedule is
// checked twice: by schedule.Verify, and against the instance file's own
// jobs, precedences and capacities (checkPSPLIB), independently of the
// scheduler's data structures.
//
// The data lives in <dir>/psplib, where dir is -dir, else
// $ROADMAP_BENCHMARKS_DIR, else ../shared/benchmarks next to the module
// root. When it is absent the command says so and exits 0.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/internal/cputime"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type config struct {
	dir       string
	sets      []string
	schedules int // 0: schedule.BudgetFor the instance's size
	timeLimit time.Duration
	seed      int64
	limit     int
	stride    int
	workers   int
	only      map[string]bool // instance names to run; nil: all
	verbose   bool
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("psplibbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	var sets string
	fs.StringVar(&c.dir, "dir", "", "benchmarks folder holding psplib/ (default $ROADMAP_BENCHMARKS_DIR or <module root>/../shared/benchmarks)")
	fs.StringVar(&sets, "sets", "j30,j120", "comma-separated instance sets")
	fs.IntVar(&c.schedules, "schedules", 0, "schedule budget per instance (0: the CLI's budget for the instance's size)")
	fs.DurationVar(&c.timeLimit, "time-limit", evaluate.DefaultTimeLimit, "CPU time limit per instance, as the CLI's --time-limit (0: none)")
	fs.Int64Var(&c.seed, "seed", 1, "optimiser seed")
	fs.IntVar(&c.limit, "limit", 0, "only the first N instances of each set (0: all)")
	fs.IntVar(&c.stride, "stride", 1, "only every Nth instance of each set, for quick runs")
	fs.IntVar(&c.workers, "workers", 1, "instances solved at once (each on one goroutine)")
	fs.BoolVar(&c.verbose, "v", false, "print every instance")
	only := fs.String("only", "", "comma-separated instance names to run (j309_3,j3013_1), for quick runs")
	emit := fs.String("emit-hcl", "", "write each selected PSPLIB instance as a roadmap, DIR/<instance>/roadmap.hcl, and solve nothing")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	c.sets = strings.Split(sets, ",")
	if *only != "" {
		c.only = map[string]bool{}
		for _, name := range strings.Split(*only, ",") {
			c.only[strings.TrimSpace(name)] = true
		}
	}
	if c.dir == "" {
		c.dir = os.Getenv("ROADMAP_BENCHMARKS_DIR")
	}
	if c.dir == "" {
		root, err := moduleRoot()
		if err != nil {
			fmt.Fprintln(stderr, "psplibbench:", err)
			return 1
		}
		c.dir = filepath.Join(root, "..", "shared", "benchmarks")
	}
	data := filepath.Join(c.dir, "psplib")
	if _, err := os.Stat(data); err != nil {
		fmt.Fprintf(stdout, "psplibbench: skipped: no PSPLIB data at %s (set ROADMAP_BENCHMARKS_DIR or -dir)\n", data)
		return 0
	}
	if *emit != "" {
		for _, set := range c.sets {
			if strings.HasPrefix(set, "mknap") {
				continue
			}
			if err := emitSet(c, data, set, *emit, stdout); err != nil {
				fmt.Fprintln(stderr, "psplibbench:", err)
				return 1
			}
		}
		return 0
	}
	budget := fmt.Sprintf("the CLI's schedule budget per instance (30 jobs: %d; 120 jobs: %d)", schedule.BudgetFor(30), schedule.BudgetFor(120))
	if c.schedules > 0 {
		budget = fmt.Sprintf("%d schedules per instance", c.schedules)
	}
	limit := "no time limit"
	if c.timeLimit > 0 {
		limit = fmt.Sprintf("time limit %s", c.timeLimit)
	}
	fmt.Fprintf(stdout, "PSPLIB single-mode RCPSP, %s, %s, seed %d, %d worker(s)\n\n", budget, limit, c.seed, c.workers)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "set\tinstances\treference\tavg dev %\tmax dev %\tat reference\tavg schedules\tmax schedules\ttime limit hit\tavg ms/inst\tmax ms/inst\tavg CPU ms\tmax CPU ms\t")
	for _, set := range c.sets {
		var sum summary
		var err error
		if strings.HasPrefix(set, "mknap") {
			sum, err = runKnapsacks(c, filepath.Join(c.dir, "mknap"), set, stdout)
		} else {
			sum, err = runSet(c, data, set, stdout)
		}
		if err != nil {
			fmt.Fprintln(stderr, "psplibbench:", err)
			return 1
		}
		cpuAvg, cpuMax := "-", "-"
		if sum.cpuKnown {
			cpuAvg = fmt.Sprintf("%.1f", sum.cpuSum.Seconds()*1000/float64(sum.count))
			cpuMax = fmt.Sprintf("%.1f", sum.cpuMax.Seconds()*1000)
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%.3f\t%.2f\t%d\t%.0f\t%d\t%d\t%.1f\t%.1f\t%s\t%s\t\n", set, sum.count, sum.reference,
			100*sum.devSum/float64(sum.count), 100*sum.devMax, sum.atRef,
			float64(sum.schedSum)/float64(sum.count), sum.schedMax, sum.timeLimited,
			sum.timeSum.Seconds()*1000/float64(sum.count), sum.timeMax.Seconds()*1000, cpuAvg, cpuMax)
	}
	fmt.Fprintln(stdout)
	tw.Flush()
	return 0
}

// budgetFor is the schedule budget for a problem of n tasks.
func (c config) budgetFor(n int) int {
	if c.schedules > 0 {
		return c.schedules
	}
	return schedule.BudgetFor(n)
}

type summary struct {
	reference        string
	count, atRef     int
	devSum, devMax   float64
	schedSum         int
	schedMax         int
	timeLimited      int // searches the time limit ended
	timeSum, timeMax time.Duration
	// CPU time per instance, known only with one worker (process-wide
	// usage, so garbage collection counts too).
	cpuSum, cpuMax time.Duration
	cpuKnown       bool
}

type result struct {
	name      string
	makespan  int
	ref       int
	schedules int
	bestAt    int
	stopped   schedule.StopReason
	elapsed   time.Duration
	cpu       time.Duration
	cpuKnown  bool
	err       error
}

// instanceFiles lists the set's instances that -only, -stride and -limit
// select, in parameter then instance order.
func instanceFiles(c config, data, set string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(data, set, "*.sm"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no instances in %s", filepath.Join(data, set))
	}
	sortInstances(files)
	if c.only != nil {
		var picked []string
		for _, f := range files {
			if c.only[strings.TrimSuffix(filepath.Base(f), ".sm")] {
				picked = append(picked, f)
			}
		}
		if len(picked) == 0 {
			return nil, fmt.Errorf("none of the -only instances is in %s", filepath.Join(data, set))
		}
		files = picked
	}
	if c.stride > 1 {
		var picked []string
		for k := 0; k < len(files); k += c.stride {
			picked = append(picked, files[k])
		}
		files = picked
	}
	if c.limit > 0 && c.limit < len(files) {
		files = files[:c.limit]
	}
	return files, nil
}

func readInstance(file string) (*schedule.PSPLIBInstance, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return schedule.ReadPSPLIB(f, file)
}

func runSet(c config, data, set string, stdout io.Writer) (summary, error) {
	files, err := instanceFiles(c, data, set)
	if err != nil {
		return summary{}, err
	}
	var refs map[string]int
	sum := summary{reference: "critical path LB"}
	if set == "j30" {
		f, err := os.Open(filepath.Join(data, "j30opt.sm"))
		if err != nil {
			return summary{}, err
		}
		refs, err = schedule.ReadPSPLIBReference(f)
		f.Close()
		if err != nil {
			return summary{}, err
		}
		sum.reference = "optimum"
	}
	results := make([]result, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(c.workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				results[k] = solve(c, files[k], set, refs)
			}
		}()
	}
	for k := range files {
		next <- k
	}
	close(next)
	wg.Wait()
	for _, r := range results {
		if r.err != nil {
			return summary{}, r.err
		}
		dev := float64(r.makespan-r.ref) / float64(r.ref)
		if c.verbose {
			fmt.Fprintf(stdout, "%s %d ref %d dev %.2f%% schedules %d best at %d stopped %s %v\n", r.name, r.makespan, r.ref, 100*dev, r.schedules, r.bestAt, r.stopped, r.elapsed.Round(time.Millisecond))
		}
		if r.stopped == schedule.StopDeadline {
			sum.timeLimited++
		}
		sum.count++
		sum.devSum += dev
		sum.devMax = max(sum.devMax, dev)
		if r.makespan <= r.ref {
			sum.atRef++
		}
		sum.schedSum += r.schedules
		sum.schedMax = max(sum.schedMax, r.schedules)
		sum.timeSum += r.elapsed
		sum.timeMax = max(sum.timeMax, r.elapsed)
		sum.cpuSum += r.cpu
		sum.cpuMax = max(sum.cpuMax, r.cpu)
		sum.cpuKnown = r.cpuKnown
	}
	return sum, nil
}

func solve(c config, file, set string, refs map[string]int) result {
	name := strings.TrimSuffix(filepath.Base(file), ".sm")
	r := result{name: name}
	inst, err := readInstance(file)
	if err != nil {
		r.err = err
		return r
	}
	p := inst.Problem()
	if refs != nil {
		key := strings.TrimPrefix(name, set)
		ref, ok := refs[key]
		if !ok {
			r.err = fmt.Errorf("%s: no reference makespan for %s", file, key)
			return r
		}
		r.ref = ref
	} else {
		r.ref = schedule.CriticalPathLength(p)
	}
	cpu0, ok0 := processCPU()
	t0 := time.Now()
	res := schedule.Optimize(context.Background(), p, schedule.OptimizeInput{
		Objective: schedule.ObjectiveFinish, Seed: c.seed, MaxSchedules: c.budgetFor(len(p.Tasks)), TimeLimit: c.timeLimit, Clock: cputime.ThreadClock()})
	r.elapsed = time.Since(t0)
	if cpu1, ok1 := processCPU(); ok0 && ok1 && c.workers <= 1 {
		r.cpu, r.cpuKnown = cpu1-cpu0, true
	}
	if err := schedule.Verify(p, res.Schedule.Start); err != nil {
		r.err = fmt.Errorf("%s: optimiser returned an invalid schedule: %w", file, err)
		return r
	}
	for i, s := range res.Schedule.Start {
		if s < 0 {
			r.err = fmt.Errorf("%s: task %s left out", file, p.Tasks[i].ID)
			return r
		}
	}
	r.makespan = res.Schedule.Makespan(p)
	if err := checkPSPLIB(inst, res.Schedule.Start, r.makespan); err != nil {
		r.err = fmt.Errorf("%s: %w", file, err)
		return r
	}
	r.schedules = res.Schedules
	r.bestAt = res.BestAt
	r.stopped = res.Stopped
	return r
}

// checkPSPLIB checks a schedule against the instance itself, not the
// scheduling problem made from it: start[k] is job k+1's start. Every job
// runs, after its predecessors end, within every capacity in every
// period, and the schedule ends at makespan.
func checkPSPLIB(inst *schedule.PSPLIBInstance, start []int, makespan int) error {
	n := len(inst.Jobs)
	if len(start) != n-2 {
		return fmt.Errorf("%d starts for %d jobs", len(start), n-2)
	}
	// Job starts with the dummies: the source at 0, the sink at the end.
	at := make([]int, n)
	end := 0
	for k := 1; k < n-1; k++ {
		at[k] = start[k-1]
		if at[k] < 0 {
			return fmt.Errorf("job %d does not run", k+1)
		}
		end = max(end, at[k]+inst.Jobs[k].Duration)
	}
	at[n-1] = end
	if end != makespan {
		return fmt.Errorf("the jobs end at %d, the optimiser says %d", end, makespan)
	}
	for j := range inst.Jobs {
		for _, s := range inst.Jobs[j].Successors {
			if at[s] < at[j]+inst.Jobs[j].Duration {
				return fmt.Errorf("job %d starts at %d, before its predecessor job %d ends at %d", s+1, at[s], j+1, at[j]+inst.Jobs[j].Duration)
			}
		}
	}
	use := make([]int, len(inst.Capacities))
	for t := 0; t < end; t++ {
		clear(use)
		for k := 1; k < n-1; k++ {
			if at[k] <= t && t < at[k]+inst.Jobs[k].Duration {
				for r, d := range inst.Jobs[k].Demand {
					use[r] += d
				}
			}
		}
		for r, u := range use {
			if u > inst.Capacities[r] {
				return fmt.Errorf("resource %d is used %d in period %d, over its capacity %d", r+1, u, t, inst.Capacities[r])
			}
		}
	}
	return nil
}

// sortInstances orders jXX<par>_<inst>.sm by parameter, then instance.
func sortInstances(files []string) {
	key := func(f string) (int, int) {
		b := strings.TrimSuffix(filepath.Base(f), ".sm")
		us := strings.LastIndexByte(b, '_')
		inst, _ := strconv.Atoi(b[us+1:])
		digits := b[:us]
		// "j30" or "j120" prefix, then the parameter number.
		for _, prefix := range []string{"j120", "j30", "j60", "j90"} {
			if strings.HasPrefix(digits, prefix) {
				digits = digits[len(prefix):]
				break
			}
		}
		par, _ := strconv.Atoi(digits)
		return par, inst
	}
	sort.SliceStable(files, func(a, b int) bool {
		pa, ia := key(files[a])
		pb, ib := key(files[b])
		if pa != pb {
			return pa < pb
		}
		return ia < ib
	})
}

// moduleRoot is the nearest directory above the working directory that
// holds go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory; use -dir")
		}
		dir = parent
	}
}
