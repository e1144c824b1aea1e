package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/internal/cputime"
)

// The value objective has no RCPSP benchmark, but with one period it is
// the 0-1 multidimensional knapsack problem, which OR-Library benchmarks
// (Beasley 1990; Chu and Beasley 1998): items are tasks of duration 1
// weighted by profit, constraints are resources with one period of
// capacity.

type knapsack struct {
	name   string
	profit []float64
	use    [][]float64 // constraint x item
	cap    []float64
	ref    float64 // optimum or best known
}

// readMKnap reads mknap1.txt / mknapcb*.txt: K, then per problem n, m,
// opt, n profits, m rows of n coefficients, m capacities.
func readMKnap(path, prefix string) ([]knapsack, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fields := strings.Fields(string(data))
	pos := 0
	next := func() (float64, error) {
		if pos >= len(fields) {
			return 0, fmt.Errorf("%s: ends early", path)
		}
		v, err := strconv.ParseFloat(fields[pos], 64)
		pos++
		if err != nil {
			return 0, fmt.Errorf("%s: %w", path, err)
		}
		return v, nil
	}
	k, err := next()
	if err != nil {
		return nil, err
	}
	var out []knapsack
	for p := 0; p < int(k); p++ {
		var head [3]float64
		for i := range head {
			if head[i], err = next(); err != nil {
				return nil, err
			}
		}
		n, m := int(head[0]), int(head[1])
		ks := knapsack{name: fmt.Sprintf("%s-%02d", prefix, p), ref: head[2], profit: make([]float64, n), use: make([][]float64, m), cap: make([]float64, m)}
		for j := range ks.profit {
			if ks.profit[j], err = next(); err != nil {
				return nil, err
			}
		}
		for i := range ks.use {
			ks.use[i] = make([]float64, n)
			for j := range ks.use[i] {
				if ks.use[i][j], err = next(); err != nil {
					return nil, err
				}
			}
		}
		for i := range ks.cap {
			if ks.cap[i], err = next(); err != nil {
				return nil, err
			}
		}
		out = append(out, ks)
	}
	return out, nil
}

// readBestKnown reads the first table of mkcbres.txt: "m.n-kk value".
func readBestKnown(path string) (map[string]float64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]float64{}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, "LP optimal") {
			break
		}
		f := strings.Fields(line)
		if len(f) != 2 || !strings.Contains(f[0], "-") {
			continue
		}
		if v, err := strconv.ParseFloat(f[1], 64); err == nil {
			out[f[0]] = v
		}
	}
	return out, nil
}

func (ks *knapsack) problem() *schedule.Problem {
	p := &schedule.Problem{Horizon: 1}
	for i, c := range ks.cap {
		p.Resources = append(p.Resources, schedule.Resource{ID: fmt.Sprintf("c%d", i+1), Capacity: []float64{c}})
	}
	for j, pr := range ks.profit {
		tk := schedule.Task{ID: fmt.Sprintf("item%d", j+1), Duration: 1, Budget: -1, Weight: pr}
		for i := range ks.use {
			if ks.use[i][j] > 0 {
				tk.Demand = append(tk.Demand, schedule.Demand{Resource: i, Amount: ks.use[i][j]})
			}
		}
		p.Tasks = append(p.Tasks, tk)
	}
	return p
}

// runKnapsacks runs a knapsack file; set is "mknap1" or "mknapcbN".
func runKnapsacks(c config, dir, set string, stdout io.Writer) (summary, error) {
	var problems []knapsack
	var err error
	sum := summary{reference: "optimum"}
	if set == "mknap1" {
		problems, err = readMKnap(filepath.Join(dir, "mknap1.txt"), set)
	} else {
		problems, err = readMKnap(filepath.Join(dir, set+".txt"), set)
		if err == nil {
			var best map[string]float64
			best, err = readBestKnown(filepath.Join(dir, "mkcbres.txt"))
			for k := range problems {
				ks := &problems[k]
				name := fmt.Sprintf("%d.%d-%02d", len(ks.cap), len(ks.profit), k)
				ref, ok := best[name]
				if !ok && err == nil {
					err = fmt.Errorf("no best-known value for %s in mkcbres.txt", name)
				}
				ks.ref = ref
			}
			sum.reference = "best known"
		}
	}
	if err != nil {
		return summary{}, err
	}
	if c.limit > 0 && c.limit < len(problems) {
		problems = problems[:c.limit]
	}
	for _, ks := range problems {
		p := ks.problem()
		cpu0, ok0 := processCPU()
		t0 := time.Now()
		res := schedule.Optimize(context.Background(), p, schedule.OptimizeInput{Objective: schedule.ObjectiveValue, Seed: c.seed,
			MaxSchedules: c.budgetFor(len(p.Tasks)), TimeLimit: c.timeLimit, Clock: cputime.ThreadClock()})
		elapsed := time.Since(t0)
		if cpu1, ok1 := processCPU(); ok0 && ok1 {
			sum.cpuSum += cpu1 - cpu0
			sum.cpuMax = max(sum.cpuMax, cpu1-cpu0)
			sum.cpuKnown = true
		}
		if err := schedule.Verify(p, res.Schedule.Start); err != nil {
			return summary{}, fmt.Errorf("%s: optimiser returned an invalid schedule: %w", ks.name, err)
		}
		if err := ks.check(res.Schedule.Start, res.Best); err != nil {
			return summary{}, fmt.Errorf("%s: %w", ks.name, err)
		}
		if res.Stopped == schedule.StopDeadline {
			sum.timeLimited++
		}
		// Deviation below the reference, as a fraction of it.
		dev := (ks.ref - res.Best) / ks.ref
		if c.verbose {
			fmt.Fprintf(stdout, "%s best %.1f ref %.1f bound %.1f dev %.2f%% schedules %d %v\n", ks.name, res.Best, ks.ref, deref(res.Bound), 100*dev, res.Schedules, elapsed.Round(time.Millisecond))
		}
		sum.count++
		sum.devSum += dev
		sum.devMax = max(sum.devMax, dev)
		if dev <= 1e-9 {
			sum.atRef++
		}
		sum.schedSum += res.Schedules
		sum.schedMax = max(sum.schedMax, res.Schedules)
		sum.timeSum += elapsed
		sum.timeMax = max(sum.timeMax, elapsed)
	}
	return sum, nil
}

// check checks a schedule against the knapsack itself: the items placed
// fit every constraint and their profit is the optimiser's best.
func (ks *knapsack) check(start []int, best float64) error {
	profit := 0.0
	for i := range ks.use {
		used := 0.0
		for j, s := range start {
			if s >= 0 {
				used += ks.use[i][j]
			}
		}
		if used > ks.cap[i]+1e-9 {
			return fmt.Errorf("constraint %d: %g used of %g", i+1, used, ks.cap[i])
		}
	}
	for j, s := range start {
		if s > 0 {
			return fmt.Errorf("item %d starts in period %d of a one-period problem", j+1, s)
		}
		if s == 0 {
			profit += ks.profit[j]
		}
	}
	if math.Abs(profit-best) > 1e-6*(1+math.Abs(best)) {
		return fmt.Errorf("the items chosen are worth %g, the optimiser says %g", profit, best)
	}
	return nil
}

func deref(x *float64) float64 {
	if x == nil {
		return 0
	}
	return *x
}
