package schedule

import (
	"container/heap"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// problemSpec says which constraints randomProblem uses.
type problemSpec struct {
	tasks, horizon int
	resources      int
	budgets        bool
	maxParallel    int
	windows        bool
	mandatory      float64 // share of mandatory tasks
	zeroDurations  bool
	// teamParallel caps some resources' tasks at once; choices and
	// together add up to two of each, over distinct tasks.
	teamParallel, choices, together bool
}

// randomProblem builds a problem with every kind of constraint the
// scheduler knows, from a seeded generator.
func randomProblem(rng *rand.Rand, sp problemSpec) *Problem {
	p := &Problem{Horizon: sp.horizon, MaxParallel: sp.maxParallel}
	for r := range sp.resources {
		c := make([]float64, sp.horizon)
		base := float64(2 + rng.IntN(3))
		if rng.IntN(10) == 0 {
			base = 0 // a team with nobody in it
		}
		for t := range c {
			c[t] = base
			if rng.IntN(4) == 0 {
				c[t] = float64(rng.IntN(int(base) + 1)) // a dip, sometimes to zero
			}
		}
		p.Resources = append(p.Resources, Resource{ID: fmt.Sprintf("r%d", r), Capacity: c})
	}
	if sp.budgets {
		b := Budget{ID: "capex"}
		for t := range sp.horizon {
			b.Window = append(b.Window, t/2)
		}
		for w := 0; w <= (sp.horizon-1)/2; w++ {
			b.Limit = append(b.Limit, float64(rng.IntN(8))) // sometimes nothing
			b.Labels = append(b.Labels, fmt.Sprintf("w%d", w))
		}
		p.Budgets = append(p.Budgets, b)
	}
	for i := range sp.tasks {
		tk := Task{ID: fmt.Sprintf("t%d", i), Duration: 1 + rng.IntN(3), Budget: -1, Latest: sp.horizon - 1,
			Weight: float64(1+rng.IntN(9)) / 4}
		if sp.zeroDurations && rng.IntN(8) == 0 {
			tk.Duration = 0
		}
		for r := range sp.resources {
			if rng.IntN(3) > 0 {
				tk.Demand = append(tk.Demand, Demand{Resource: r, Amount: float64(1 + rng.IntN(3))})
			}
		}
		for q := range i {
			if rng.IntN(4*max(1, i/3)) == 0 {
				tk.Preds = append(tk.Preds, q)
			}
		}
		if sp.windows && rng.IntN(3) == 0 {
			tk.Earliest = rng.IntN(3)
			tk.Latest = tk.Earliest + tk.Duration + rng.IntN(sp.horizon)
			tk.Latest = min(tk.Latest, sp.horizon-1)
		}
		if sp.budgets && rng.IntN(2) == 0 {
			tk.Budget = 0
			for range tk.Duration {
				tk.Spend = append(tk.Spend, float64(rng.IntN(3)))
			}
		}
		tk.Mandatory = rng.Float64() < sp.mandatory
		p.Tasks = append(p.Tasks, tk)
	}
	if sp.teamParallel {
		for r := range p.Resources {
			if rng.IntN(2) == 0 {
				p.Resources[r].MaxParallel = 1 + rng.IntN(2)
			}
		}
	}
	if !sp.choices && !sp.together {
		return p
	}
	free := rng.Perm(sp.tasks) // tasks not yet in a choice or group
	take := func(k int) []int {
		if len(free) < k {
			return nil
		}
		out := slices.Clone(free[:k])
		free = free[k:]
		slices.Sort(out)
		return out
	}
	if sp.choices {
		for range 1 + rng.IntN(2) {
			if c := take(2 + rng.IntN(2)); c != nil {
				p.Choices = append(p.Choices, c)
			}
		}
	}
	if sp.together {
		for range 1 + rng.IntN(2) {
			g := take(2)
			if g == nil {
				break
			}
			if len(p.Choices) > 0 && rng.IntN(2) == 0 {
				// An option of a choice joins the group too.
				opts := p.Choices[rng.IntN(len(p.Choices))]
				if o := opts[rng.IntN(len(opts))]; !slices.ContainsFunc(p.Together, func(m []int) bool { return slices.Contains(m, o) }) {
					g = append(g, o)
					slices.Sort(g)
				}
			}
			p.Together = append(p.Together, g)
		}
	}
	return p
}

// bruteForce tries every assignment of a start (or none) to every task
// and returns the best feasible one under the objective, judged by Verify
// alone. Mandatory tasks may be left out (as a last resort), as in
// Optimize's own ordering.
func bruteForce(p *Problem, obj Objective) fitness {
	n := len(p.Tasks)
	start := make([]int, n)
	s := &search{e: &engine{p: p, n: n}, obj: obj}
	var best fitness
	found := false
	var rec func(i int)
	rec = func(i int) {
		if i == n {
			if Verify(p, start) != nil {
				return
			}
			f := s.e.fitnessOf(start)
			if !found || s.better(f, best) {
				best, found = f, true
			}
			return
		}
		for st := -1; st < p.Horizon; st++ {
			start[i] = st
			// Cheap pruning: a placed task needs its predecessors placed
			// and finished.
			ok := true
			if st >= 0 {
				for _, q := range p.Tasks[i].Preds {
					if start[q] < 0 || start[q]+p.Tasks[q].Duration > st {
						ok = false
						break
					}
				}
			}
			if ok {
				rec(i + 1)
			}
		}
	}
	rec(0)
	return best
}

func TestOptimizeFindsExhaustiveOptimum(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for c := range 40 {
		sp := problemSpec{tasks: 5, horizon: 6, resources: 1 + c%2, maxParallel: []int{0, 2}[c%2], windows: c%3 == 0, mandatory: 0.3}
		p := randomProblem(rng, sp)
		for _, obj := range []Objective{ObjectiveValue, ObjectiveFinish} {
			want := bruteForce(p, obj)
			for _, listLimit := range []int{exhaustiveLimit, 0} {
				t.Run(fmt.Sprintf("case%d/%s/lists%d", c, obj, listLimit), func(t *testing.T) {
					res := optimize(context.Background(), p, OptimizeInput{Objective: obj, Seed: 1, MaxSchedules: 3000}, listLimit)
					if err := Verify(p, res.Schedule.Start); err != nil {
						t.Fatalf("invalid schedule: %v", err)
					}
					got := (&engine{p: p, n: len(p.Tasks)}).fitnessOf(res.Schedule.Start)
					// Value is the total weight; the finish only breaks
					// ties, best effort.
					if obj == ObjectiveValue {
						got.makespan, want.makespan = 0, 0
						got.placed, want.placed = 0, 0
					}
					s := &search{obj: obj}
					if s.compare(got, want) != 0 {
						t.Errorf("optimiser found %+v, exhaustive search %+v (method %s)", got, want, res.Method)
					}
					if listLimit > 0 && !res.Optimal {
						t.Errorf("exhaustive search over %d tasks not reported optimal (stopped: %s)", len(p.Tasks), res.Stopped)
					}
				})
			}
		}
	}
}

// With budgets the serial SGS no longer reaches every optimum, so the
// optimiser must only never claim more than the true optimum.
func TestOptimizeWithBudgetsNeverBeatsExhaustive(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	for c := range 20 {
		p := randomProblem(rng, problemSpec{tasks: 5, horizon: 6, resources: 1, budgets: true, mandatory: 0.2})
		want := bruteForce(p, ObjectiveValue)
		res := Optimize(context.Background(), p, OptimizeInput{Objective: ObjectiveValue, Seed: 3, MaxSchedules: 2000})
		if err := Verify(p, res.Schedule.Start); err != nil {
			t.Fatalf("case %d: invalid schedule: %v", c, err)
		}
		got := (&engine{p: p, n: len(p.Tasks)}).fitnessOf(res.Schedule.Start)
		if (&search{obj: ObjectiveValue}).better(got, want) {
			t.Errorf("case %d: optimiser claims %+v, better than the optimum %+v", c, got, want)
		}
	}
}

func TestOptimizedSchedulesAreFeasible(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	for c := range 60 {
		sp := problemSpec{tasks: 8 + rng.IntN(30), horizon: 6 + rng.IntN(12), resources: 1 + rng.IntN(3),
			budgets: c%2 == 0, maxParallel: []int{0, 0, 3}[c%3], windows: c%4 < 2, mandatory: []float64{0, 0.2, 1}[c%3],
			zeroDurations: c%5 == 0}
		p := randomProblem(rng, sp)
		for _, obj := range []Objective{"", ObjectiveValue, ObjectiveFinish} {
			res := Optimize(context.Background(), p, OptimizeInput{Objective: obj, Seed: int64(c), MaxSchedules: 600})
			name := fmt.Sprintf("case %d objective %q", c, obj)
			for _, sch := range []*Schedule{res.Schedule, res.BaselineSchedule} {
				if err := Verify(p, sch.Start); err != nil {
					t.Fatalf("%s: invalid schedule: %v", name, err)
				}
			}
			if res.Schedules > 600 {
				t.Errorf("%s: %d schedules over a budget of 600", name, res.Schedules)
			}
			e := &engine{p: p, n: len(p.Tasks)}
			s := &search{obj: res.Objective}
			best, base := e.fitnessOf(res.Schedule.Start), e.fitnessOf(res.BaselineSchedule.Start)
			if s.better(base, best) {
				t.Errorf("%s: optimised %+v worse than rank order %+v", name, best, base)
			}
			if got := s.objectiveValue(best); got != res.Best {
				t.Errorf("%s: reported best %v, schedule has %v", name, res.Best, got)
			}
			if res.Improved != s.better(best, base) {
				t.Errorf("%s: Improved = %v for %+v vs %+v", name, res.Improved, best, base)
			}
			if res.Bound != nil && (math.IsNaN(*res.Bound) || math.IsInf(*res.Bound, 0)) {
				t.Errorf("%s: bound %v", name, *res.Bound)
			}
			if res.Bound != nil {
				switch res.Objective {
				case ObjectiveValue:
					if best.mandatory == best.mandatoryTotal && res.Best > *res.Bound+1e-9 {
						t.Errorf("%s: best %v above the bound %v", name, res.Best, *res.Bound)
					}
				case ObjectiveFinish:
					if best.placed == len(p.Tasks) && res.Best < *res.Bound {
						t.Errorf("%s: makespan %v below the lower bound %v", name, res.Best, *res.Bound)
					}
				}
			}
			// Blockers name a reason for every task left out.
			for i, st := range res.Schedule.Start {
				if st < 0 && res.Schedule.Blocked[i].Kind == "" {
					t.Errorf("%s: task %d left out without a reason", name, i)
				}
			}
			if len(res.Schedule.Order) != len(p.Tasks) {
				t.Errorf("%s: order lists %d of %d tasks", name, len(res.Schedule.Order), len(p.Tasks))
			}
		}
	}
}

func TestOptimizeIsDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 10))
	p := randomProblem(rng, problemSpec{tasks: 40, horizon: 16, resources: 3, budgets: true, windows: true, mandatory: 0.1})
	run := func(seed int64) OptimizeResult {
		return Optimize(context.Background(), p, OptimizeInput{Seed: seed, MaxSchedules: 2000})
	}
	a, b := run(42), run(42)
	strip := func(r OptimizeResult) any {
		return []any{r.Method, r.Objective, r.Baseline, r.Best, r.Bound, r.Schedules, r.Stopped, r.Schedule.Start, r.Schedule.Order, r.Schedule.Blocked}
	}
	if diff := cmp.Diff(strip(a), strip(b)); diff != "" {
		t.Errorf("same seed, different results (-first +second):\n%s", diff)
	}
	if a.Stopped != StopBudget && a.Stopped != StopBound {
		t.Errorf("stopped by %q, want the budget or the bound", a.Stopped)
	}
}

func TestOptimizeHonoursContext(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 11))
	p := randomProblem(rng, problemSpec{tasks: 60, horizon: 20, resources: 2, mandatory: 1})

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := Optimize(ctx, p, OptimizeInput{Seed: 1, MaxSchedules: 1_000_000})
	if res.Stopped != StopDeadline {
		t.Errorf("cancelled before the start: stopped by %q, want deadline", res.Stopped)
	}
	if err := Verify(p, res.Schedule.Start); err != nil {
		t.Errorf("invalid schedule: %v", err)
	}

	// Cancel from the progress callback once the search is under way.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	res = Optimize(ctx, p, OptimizeInput{Seed: 1, MaxSchedules: 1_000_000, Progress: func(pr Progress) {
		calls++
		if pr.MaxSchedules != 1_000_000 {
			t.Errorf("progress reports a budget of %d", pr.MaxSchedules)
		}
		if pr.Schedules >= 1000 {
			cancel()
		}
	}})
	if res.Stopped != StopDeadline && res.Stopped != StopBound {
		t.Errorf("stopped by %q, want deadline", res.Stopped)
	}
	if res.Stopped == StopDeadline && res.Schedules > 1300 {
		t.Errorf("ran %d schedules after being cancelled at 1000", res.Schedules)
	}
	if calls == 0 && res.Stopped != StopBound {
		t.Error("progress never called")
	}
	if err := Verify(p, res.Schedule.Start); err != nil {
		t.Errorf("invalid schedule: %v", err)
	}
}

func TestObjectiveChoice(t *testing.T) {
	// Two tasks that both fit: finish. A third that cannot: value.
	p := &Problem{Horizon: 4, Resources: []Resource{{ID: "r", Capacity: []float64{1, 1, 1, 1}}}}
	for i := range 2 {
		p.Tasks = append(p.Tasks, Task{ID: fmt.Sprint(i), Duration: 2, Budget: -1, Latest: 3, Weight: 1,
			Demand: []Demand{{Resource: 0, Amount: 1}}})
	}
	if got := Optimize(context.Background(), p, OptimizeInput{}).Objective; got != ObjectiveFinish {
		t.Errorf("everything fits: objective %q, want finish", got)
	}
	p.Tasks = append(p.Tasks, Task{ID: "big", Duration: 3, Budget: -1, Latest: 3, Weight: 5,
		Demand: []Demand{{Resource: 0, Amount: 1}}})
	res := Optimize(context.Background(), p, OptimizeInput{})
	if res.Objective != ObjectiveValue {
		t.Errorf("not everything fits: objective %q, want value", res.Objective)
	}
	// Rank order places tasks 0 and 1 (weight 2); the optimum is "big"
	// (weight 5) alone, since nothing else fits beside it.
	if res.Baseline != 2 || res.Best != 5 || !res.Improved || !res.Optimal {
		t.Errorf("baseline %v best %v improved %v optimal %v; want 2, 5, true, true", res.Baseline, res.Best, res.Improved, res.Optimal)
	}
	if diff := cmp.Diff([]int{-1, -1, 0}, res.Schedule.Start); diff != "" {
		t.Errorf("starts (-want +got):\n%s", diff)
	}
	if res.Schedule.Blocked[0].Kind != BlockResource {
		t.Errorf("task 0 left out for %q, want resource", res.Schedule.Blocked[0].Kind)
	}
}

func TestBounds(t *testing.T) {
	// Three tasks of 2 periods on a team of 1, chain 0 -> 1: the critical
	// path is 4, the resource bound 6.
	p := &Problem{Horizon: 10, Resources: []Resource{{ID: "r", Capacity: make([]float64, 10)}}}
	for t := range 10 {
		p.Resources[0].Capacity[t] = 1
	}
	for i := range 3 {
		p.Tasks = append(p.Tasks, Task{ID: fmt.Sprint(i), Duration: 2, Budget: -1, Latest: 9, Weight: float64(i + 1),
			Demand: []Demand{{Resource: 0, Amount: 1}}, Mandatory: true})
	}
	p.Tasks[1].Preds = []int{0}
	if got := CriticalPathLength(p); got != 4 {
		t.Errorf("critical path %d, want 4", got)
	}
	succs := successors(p)
	tm := computeTiming(p, succs, topoOrder(p, succs, nil))
	if lb, ok := finishBound(p, tm); !ok || lb != 6 {
		t.Errorf("finish bound %d %v, want 6 true", lb, ok)
	}
	// Value: capacity 10 FTE-periods, each task uses 2: everything fits.
	if got := valueBound(p, tm); got != 6 {
		t.Errorf("value bound %v, want 6", got)
	}
	// Capacity 3 FTE-periods: task 1 cannot finish after task 0 inside 3
	// periods, so task 2 (weight 3, use 2) then half of task 0 (weight
	// 1): 3.5.
	p.Horizon = 3
	p.Resources[0].Capacity = p.Resources[0].Capacity[:3]
	for i := range p.Tasks {
		p.Tasks[i].Latest = 2
	}
	tm = computeTiming(p, succs, topoOrder(p, succs, nil))
	if got := valueBound(p, tm); got != 3.5 {
		t.Errorf("value bound %v, want 3.5", got)
	}
	if _, ok := finishBound(p, tm); ok {
		t.Error("finish bound claimed for work that cannot fit the horizon")
	}
	// A second team with no capacity at all: task 0 needs it, so it and
	// its successor 1 are out; task 2 alone remains. The bound must stay a
	// number.
	p.Resources = append(p.Resources, Resource{ID: "empty", Capacity: make([]float64, p.Horizon)})
	p.Tasks[0].Demand = append(p.Tasks[0].Demand, Demand{Resource: 1, Amount: 1})
	if got := valueBound(p, tm); got != 3 {
		t.Errorf("value bound with an empty team %v, want 3", got)
	}
}

func TestJustifyNeverLengthens(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 12))
	for c := range 100 {
		p := randomProblem(rng, problemSpec{tasks: 20, horizon: 30, resources: 2, maxParallel: []int{0, 3}[c%2], windows: c%3 == 0, budgets: c%4 == 0})
		e := newEngine(p)
		list := e.sampleList(rng, make([]float64, e.n), nil, nil)
		e.forward(list)
		before := e.fitnessOf(e.start)
		e.justify(list)
		after := e.fitnessOf(e.start)
		if err := Verify(p, e.start); err != nil {
			t.Fatalf("case %d: justified schedule invalid: %v", c, err)
		}
		if after.placed < before.placed || (after.placed == before.placed && after.makespan > before.makespan) {
			t.Errorf("case %d: justification went from %+v to %+v", c, before, after)
		}
		// Nothing placed (or only zero-length tasks): nothing to justify.
		want := 3
		if before.makespan == 0 {
			want = 1
		}
		if e.schedules != want {
			t.Errorf("case %d: %d schedules counted, want %d", c, e.schedules, want)
		}
	}
}

// The optimiser's skip-ahead checks agree with State.Fits, the check rank
// order uses, and their skips never jump over a start that fits.
func TestClashChecksAgreeWithFits(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 13))
	for c := range 200 {
		p := randomProblem(rng, problemSpec{tasks: 12, horizon: 10 + c%7, resources: 2, budgets: c%2 == 0, maxParallel: []int{0, 2}[c%2], zeroDurations: c%3 == 0,
			teamParallel: c%5 == 0})
		st := NewState(p)
		for i := range p.Tasks {
			if s := st.earliestStart(i, 0); s >= 0 && rng.IntN(2) == 0 {
				st.Place(i, s)
			}
		}
		for i := range p.Tasks {
			for s := 0; s <= p.lastStart(i); s++ {
				fits := st.Fits(i, s)
				if got := st.lastClash(i, s) < 0; got != fits {
					t.Fatalf("case %d task %d start %d: lastClash says fits=%v, Fits says %v", c, i, s, got, fits)
				}
				if got := st.firstClash(i, s) < 0; got != fits {
					t.Fatalf("case %d task %d start %d: firstClash says fits=%v, Fits says %v", c, i, s, got, fits)
				}
			}
			// earliestStart and latestStart find the first and last start
			// that fits, as a scan over every start does.
			first, last := -1, -1
			for s := max(p.Tasks[i].Earliest, 0); s <= p.lastStart(i); s++ {
				if st.Fits(i, s) {
					if first < 0 {
						first = s
					}
					last = s
				}
			}
			if got := st.earliestStart(i, 0); got != first {
				t.Errorf("case %d task %d: earliestStart %d, scan %d", c, i, got, first)
			}
			for from := 1; from <= p.Horizon; from++ {
				want := -1
				for s := max(p.Tasks[i].Earliest, from); s <= p.lastStart(i); s++ {
					if st.Fits(i, s) {
						want = s
						break
					}
				}
				if got := st.earliestStart(i, from); got != want {
					t.Errorf("case %d task %d: earliestStart from %d is %d, scan %d", c, i, from, got, want)
				}
			}
			if got := st.latestStart(i, p.Horizon); got != last {
				t.Errorf("case %d task %d: latestStart %d, scan %d", c, i, got, last)
			}
		}
	}
}

// TestClosedWindowSkipsAgreeWithFits: over budgets of long windows, some
// nearly spent, the starts earliestStart and latestStart skip as closed
// windows (closedWindow) fit nowhere: their answers are a scan's.
func TestClosedWindowSkipsAgreeWithFits(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 21))
	closed := 0
	for c := range 200 {
		p := randomProblem(rng, problemSpec{tasks: 12, horizon: 16 + c%9, resources: 2, budgets: true, windows: c%2 == 0})
		b := &p.Budgets[0]
		size := 3 + c%4 // periods per window
		b.Window, b.Limit, b.Labels = b.Window[:0], b.Limit[:0], b.Labels[:0]
		for t := range p.Horizon {
			b.Window = append(b.Window, t/size)
		}
		for w := 0; w <= (p.Horizon-1)/size; w++ {
			b.Limit = append(b.Limit, float64(rng.IntN(12)))
			b.Labels = append(b.Labels, fmt.Sprintf("w%d", w))
		}
		for i := range p.Tasks {
			tk := &p.Tasks[i]
			tk.Demand = tk.Demand[:min(len(tk.Demand), rng.IntN(2))] // mostly budget-bound
			if tk.Budget < 0 {
				continue
			}
			for k := range tk.Spend {
				tk.Spend[k] = float64(1+rng.IntN(3)) / []float64{1, 3}[c%2] // thirds: rounding
			}
			if c%5 == 0 && len(tk.Spend) > 0 {
				tk.Spend[0] = 0 // a period without spend
			}
		}
		st := NewState(p)
		for i := range p.Tasks {
			if s := st.earliestStart(i, 0); s >= 0 && rng.IntN(3) > 0 {
				st.Place(i, s)
			}
		}
		for i := range p.Tasks {
			tk := &p.Tasks[i]
			for s := 0; s <= p.lastStart(i); s++ {
				if b, t, ok := st.budgetRoom(i, s); !ok {
					if _, _, ok := st.closedWindow(tk, b, t); ok {
						closed++
					}
				}
			}
			first, last := -1, -1
			for s := max(tk.Earliest, 0); s <= p.lastStart(i); s++ {
				if st.Fits(i, s) {
					if first < 0 {
						first = s
					}
					last = s
				}
			}
			for from := 0; from <= p.Horizon; from++ {
				want := -1
				for s := max(tk.Earliest, from); s <= p.lastStart(i); s++ {
					if st.Fits(i, s) {
						want = s
						break
					}
				}
				if got := st.earliestStart(i, from); got != want {
					t.Errorf("case %d task %d: earliestStart from %d is %d, scan %d", c, i, from, got, want)
				}
			}
			if got := st.latestStart(i, p.Horizon); got != last {
				t.Errorf("case %d task %d: latestStart %d, scan %d (first %d)", c, i, got, last, first)
			}
			for to := 0; to < p.Horizon; to++ {
				want := -1
				for s := min(to, p.lastStart(i)); s >= max(tk.Earliest, 0); s-- {
					if st.Fits(i, s) {
						want = s
						break
					}
				}
				if got := st.latestStart(i, to); got != want {
					t.Errorf("case %d task %d: latestStart to %d is %d, scan %d", c, i, to, got, want)
				}
			}
		}
	}
	if closed < 100 {
		t.Errorf("only %d starts in closed windows: the cases do not test the skips", closed)
	}
}

// TestOptimizeExhaustiveCutShort: exhaustive search stopped by the time
// limit did not search every list, so it must not be reported as plain
// "exhaustive search".
// TestOptimizeTimeLimitCountsItsClock: the time limit counts what Clock
// measures (the CLI's is the search's CPU time), read every checkEvery
// schedules; a clock that stands still never ends a search however long
// it takes, and one that has passed the limit ends it at the first check,
// having reported it to Progress.
func TestOptimizeTimeLimitCountsItsClock(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 12))
	p := randomProblem(rng, problemSpec{tasks: 40, horizon: 16, resources: 3, budgets: true, mandatory: 0.1})
	free := Optimize(context.Background(), p, OptimizeInput{Seed: 1, MaxSchedules: 3000})
	still := Optimize(context.Background(), p, OptimizeInput{Seed: 1, MaxSchedules: 3000, TimeLimit: time.Nanosecond,
		Clock: func() time.Duration { return time.Hour }})
	if still.Stopped != free.Stopped || still.Schedules != free.Schedules || !slices.Equal(still.Schedule.Start, free.Schedule.Start) {
		t.Errorf("a clock that stands still: stopped by %q after %d schedules, want %q after %d as without a limit",
			still.Stopped, still.Schedules, free.Stopped, free.Schedules)
	}
	if free.Stopped != StopBudget {
		t.Fatalf("the search stopped by %q, want its budget", free.Stopped)
	}

	var now time.Duration
	var reported []Progress
	res := Optimize(context.Background(), p, OptimizeInput{Seed: 1, MaxSchedules: 3000, TimeLimit: time.Second,
		Clock: func() time.Duration {
			now += 300 * time.Millisecond // every reading: 0.3s more
			return now
		},
		Progress: func(pr Progress) { reported = append(reported, pr) }})
	if res.Stopped != StopDeadline {
		t.Fatalf("stopped by %q, want the time limit", res.Stopped)
	}
	// Readings: the start, then 0.3s, 0.6s, 0.9s, 1.2s at each check.
	if want := 3 * checkEvery(len(p.Tasks)); res.Schedules < want || res.Schedules > want+3 {
		t.Errorf("stopped after %d schedules, want about %d (the fourth check)", res.Schedules, want)
	}
	if len(reported) != 4 || reported[3].Spent != 1200*time.Millisecond || reported[3].TimeLimit != time.Second {
		t.Errorf("progress reports %+v, want four, the last 1.2s of 1s", reported)
	}
	if err := Verify(p, res.Schedule.Start); err != nil {
		t.Errorf("invalid schedule: %v", err)
	}
}

func TestOptimizeExhaustiveCutShort(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	checked := 0
	for c := range 40 {
		p := randomProblem(rng, problemSpec{tasks: 5, horizon: 6, resources: 1, budgets: c%2 == 1, mandatory: 0.3})
		full := Optimize(context.Background(), p, OptimizeInput{Objective: ObjectiveValue, Seed: 1, MaxSchedules: 3000})
		if !strings.HasPrefix(full.Method, "exhaustive search") || full.Schedules < 2 {
			continue // at the bound already: no search ran
		}
		checked++
		if strings.Contains(full.Method, "stopped") {
			t.Errorf("case %d: a complete search named %q", c, full.Method)
		}
		cut := Optimize(cancelled, p, OptimizeInput{Objective: ObjectiveValue, Seed: 1, MaxSchedules: 3000})
		if cut.Stopped != StopDeadline {
			t.Fatalf("case %d: stopped by %q, want deadline", c, cut.Stopped)
		}
		if want := "exhaustive search over activity lists (stopped by the time limit)"; cut.Method != want {
			t.Errorf("case %d: method %q, want %q", c, cut.Method, want)
		}
	}
	if checked == 0 {
		t.Fatal("no case ran exhaustive search")
	}
}

// sortByPeriod orders tasks as sorting by period*(n+1)+topo does, on
// subsets of every size and spans of periods narrow and wide.
func TestSortByPeriodMatchesComparisonSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := range 300 {
		n := 1 + rng.IntN(60)
		p := &Problem{Horizon: 10}
		for i := range n {
			tk := Task{ID: fmt.Sprint(i), Duration: 1, Latest: 9, Budget: -1}
			if i > 0 && rng.IntN(3) == 0 {
				tk.Preds = []int{rng.IntN(i)}
			}
			p.Tasks = append(p.Tasks, tk)
		}
		e := newEngine(p)
		// A shuffled topological order, as genetic sets it.
		for k, i := range topoOrder(p, e.succs, rng.Perm(n)) {
			e.topo[i] = k
		}
		span := 1 + rng.IntN([]int{3, 50, 1000}[trial%3])
		period := make([]int, n)
		for i := range period {
			period[i] = rng.IntN(span)
		}
		var xs []int
		for _, i := range rng.Perm(n) {
			if rng.IntN(4) > 0 {
				xs = append(xs, i)
			}
		}
		want := slices.Clone(xs)
		keys := make([]int, n)
		for _, i := range want {
			keys[i] = period[i]*(n+1) + e.topo[i]
		}
		sortByKeyAsc(want, keys)
		got := slices.Clone(xs)
		e.sortByPeriod(got, period)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: sortByPeriod %v, want %v", trial, got, want)
		}
	}
}

// With a budget large enough to restart its population, the search is
// still the same for the same seed whatever the number of cores, its
// schedule is feasible, and BestAt lies within the schedules generated.
func TestOptimizeWithRestartsIsDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	p := randomProblem(rng, problemSpec{tasks: 30, horizon: 60, resources: 3, mandatory: 1})
	run := func(procs int) OptimizeResult {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		return Optimize(context.Background(), p, OptimizeInput{Objective: ObjectiveFinish, Seed: 5, MaxSchedules: 12000})
	}
	a, b, c := run(1), run(2), run(4)
	strip := func(r OptimizeResult) any {
		return []any{r.Method, r.Best, r.Schedules, r.BestAt, r.Stopped, r.Schedule.Start}
	}
	if diff := cmp.Diff(strip(a), strip(b)); diff != "" {
		t.Errorf("one core and two gave different results (-one +two):\n%s", diff)
	}
	if diff := cmp.Diff(strip(a), strip(c)); diff != "" {
		t.Errorf("one core and four gave different results (-one +four):\n%s", diff)
	}
	// The budget, not the bound, ended the search: the genetic algorithm
	// restarted and then handed its last quarter to the hill climb.
	if want := "genetic algorithm over activity lists with double justification, then a hill climb from the best"; a.Stopped != StopBudget || a.Method != want {
		t.Errorf("stopped by %q with method %q, want the budget and %q: the test no longer covers the climb", a.Stopped, a.Method, want)
	}
	if err := Verify(p, a.Schedule.Start); err != nil {
		t.Error(err)
	}
	if a.BestAt < 1 || a.BestAt > a.Schedules {
		t.Errorf("best at schedule %d of %d", a.BestAt, a.Schedules)
	}
	for _, c := range []struct {
		budget, tasks int
		obj           Objective
		want          int
	}{
		{12000, 30, ObjectiveFinish, 5000},
		{12000, 30, ObjectiveValue, 5000},
		{9999, 30, ObjectiveFinish, 0},
		{50000, 120, ObjectiveFinish, 12000},
		{50000, 120, ObjectiveValue, 6000},
		{28000, 200, ObjectiveFinish, 20000},
	} {
		if got := restartAfter(c.budget, c.tasks, c.obj); got != c.want {
			t.Errorf("restartAfter(%d, %d, %s) = %d, want %d", c.budget, c.tasks, c.obj, got, c.want)
		}
	}
	for _, c := range []struct {
		budget int
		obj    Objective
		want   int
	}{
		{1500, ObjectiveFinish, 20},
		{10000, ObjectiveFinish, 40},
		{10000, ObjectiveValue, 40},
		{10001, ObjectiveFinish, 100},
		{50000, ObjectiveFinish, 100},
		{50000, ObjectiveValue, 60},
	} {
		if got := popSize(c.budget, c.obj); got != c.want {
			t.Errorf("popSize(%d, %s) = %d, want %d", c.budget, c.obj, got, c.want)
		}
	}
	for _, c := range []struct {
		budget, stall int
		obj           Objective
		want          int
	}{
		{50000, 12000, ObjectiveFinish, 37500},
		{10001, 5000, ObjectiveFinish, 7501},
		{50000, 6000, ObjectiveValue, math.MaxInt},
		{9999, 0, ObjectiveFinish, math.MaxInt},
	} {
		if got := climbAt(c.budget, c.stall, c.obj); got != c.want {
			t.Errorf("climbAt(%d, %d, %s) = %d, want %d", c.budget, c.stall, c.obj, got, c.want)
		}
	}
}

// insertionMove keeps a list precedence-feasible and moves at most one
// task: the list without that task is unchanged.
func TestInsertionMoveKeepsListsFeasible(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	moved := 0
	for c := range 200 {
		p := randomProblem(rng, problemSpec{tasks: 2 + rng.IntN(40), horizon: 30, resources: 2})
		e := newEngine(p)
		s := &search{e: e, rng: rand.New(rand.NewPCG(uint64(c), 1))}
		list := topoOrder(p, e.succs, nil)
		for range 20 {
			before := slices.Clone(list)
			s.insertionMove(list)
			if !isTopological(p, list) {
				t.Fatalf("case %d: %v -> %v breaks a dependency", c, before, list)
			}
			if slices.Equal(before, list) {
				continue
			}
			moved++
			if !movedOne(before, list) {
				t.Fatalf("case %d: %v -> %v is not one task moved", c, before, list)
			}
		}
	}
	if moved == 0 {
		t.Fatal("no move changed a list")
	}
}

// isTopological reports whether list has every task once, after its
// predecessors.
func isTopological(p *Problem, list []int) bool {
	pos := make([]int, len(p.Tasks))
	for i := range pos {
		pos[i] = -1
	}
	for k, i := range list {
		if pos[i] >= 0 {
			return false
		}
		pos[i] = k
	}
	for i := range p.Tasks {
		if pos[i] < 0 {
			return false
		}
		for _, q := range p.Tasks[i].Preds {
			if pos[q] > pos[i] {
				return false
			}
		}
	}
	return true
}

// movedOne reports whether after is before with one task moved.
func movedOne(before, after []int) bool {
	for k := range before {
		if before[k] == after[k] {
			continue
		}
		// Either before[k] moved right or after[k] moved left.
		for _, t := range []int{before[k], after[k]} {
			drop := func(l []int) []int { return slices.DeleteFunc(slices.Clone(l), func(x int) bool { return x == t }) }
			if slices.Equal(drop(before), drop(after)) {
				return true
			}
		}
		return false
	}
	return false
}

// topoOrder's typed heap gives exactly container/heap's order, ties in
// prio included, on random problems.
func TestTopoOrderMatchesContainerHeap(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 13))
	for c := range 30 {
		p := randomProblem(rng, problemSpec{tasks: 5 + rng.IntN(300), horizon: 20, resources: 2})
		n := len(p.Tasks)
		succs := successors(p)
		prio := make([]int, n)
		for i := range prio {
			prio[i] = rng.IntN(max(1, n/(1+c%3))) // duplicates when c%3 > 0
		}
		waiting := make([]int, n)
		h := &posHeap{pos: prio}
		for i := range p.Tasks {
			if waiting[i] = len(p.Tasks[i].Preds); waiting[i] == 0 {
				h.items = append(h.items, i)
			}
		}
		heap.Init(h)
		var want []int
		for h.Len() > 0 {
			i := heap.Pop(h).(int)
			want = append(want, i)
			for _, j := range succs[i] {
				if waiting[j]--; waiting[j] == 0 {
					heap.Push(h, j)
				}
			}
		}
		if diff := cmp.Diff(want, topoOrder(p, succs, prio)); diff != "" {
			t.Fatalf("case %d (%d tasks): topoOrder differs from container/heap's (-want +got):\n%s", c, n, diff)
		}
	}
}

// BudgetFor gives the literature's 50,000 schedules up to 120 tasks,
// never grows with the tasks, keeps below about six million placements,
// and is unchanged (two million placements, at least 200) from 920 tasks.
func TestBudgetFor(t *testing.T) {
	for _, c := range []struct{ tasks, want int }{
		{0, 50000}, {1, 50000}, {30, 50000}, {120, 50000}, {121, 49545}, {200, 28000},
		{500, 8200}, {919, 2181}, {920, 2173}, {1000, 2000}, {7500, 266}, {10000, 200}, {100000, 200},
	} {
		if got := BudgetFor(c.tasks); got != c.want {
			t.Errorf("BudgetFor(%d) = %d, want %d", c.tasks, got, c.want)
		}
	}
	prev := BudgetFor(1)
	for n := 2; n <= 20000; n++ {
		b := BudgetFor(n)
		if b > prev {
			t.Fatalf("BudgetFor(%d) = %d > BudgetFor(%d) = %d", n, b, n-1, prev)
		}
		if n*b > 6_000_000 && b > 200 {
			t.Fatalf("BudgetFor(%d) = %d: %d placements", n, b, n*b)
		}
		if n >= 920 && b != max(200, 2_000_000/n) {
			t.Fatalf("BudgetFor(%d) = %d, want two million placements", n, b)
		}
		prev = b
	}
}

// The peak crossover keeps the mother's most loaded stretch of periods:
// the tasks she starts in it, in her order, after the father's tasks she
// starts before it; the rest follow in the father's order. The child
// lists every task once, after its predecessors.
func TestPeakCrossover(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for c := range 200 {
		p := randomProblem(rng, problemSpec{tasks: 25, horizon: 60, resources: 3, windows: c%3 == 0})
		e := newEngine(p)
		s := &search{e: e, obj: ObjectiveFinish, rng: rand.New(rand.NewPCG(uint64(c), 1))}
		var mother indiv
		mother.list = e.sampleList(rng, make([]float64, e.n), nil, nil)
		s.evaluate(&mother)
		father := e.sampleList(rng, make([]float64, e.n), nil, nil)
		var load []float64
		from, width := s.peakWindow(&mother, &load)
		ms := mother.fit.makespan
		if ms >= 2 && (width < max(1, ms/10) || width > max(1, ms/2) || from < 0 || from+width > ms) {
			t.Fatalf("case %d: window [%d, %d) for makespan %d", c, from, from+width, ms)
		}
		// No stretch of that width is more loaded (counted afresh).
		loadOf := func(a int) float64 {
			sum := 0.0
			for i, st := range mother.start {
				for _, d := range p.Tasks[i].Demand {
					for u := max(st, a); st >= 0 && u < min(st+p.Tasks[i].Duration, a+width); u++ {
						if cp := p.Resources[d.Resource].Capacity[u]; cp > 0 {
							sum += d.Amount / cp
						}
					}
				}
			}
			return sum
		}
		for a := 0; width > 0 && a+width <= ms; a++ {
			if loadOf(a) > loadOf(from)+1e-6 {
				t.Fatalf("case %d: [%d, %d) carries more load than the peak [%d, %d)", c, a, a+width, from, from+width)
			}
		}
		child := peakChild(&mother, father, from, width, make([]int, e.n), 1)
		var want []int
		for _, i := range father {
			if mother.start[i] >= 0 && mother.start[i] < from {
				want = append(want, i)
			}
		}
		for _, i := range mother.list {
			if mother.start[i] >= from && mother.start[i] < from+width {
				want = append(want, i)
			}
		}
		for _, i := range father {
			if !slices.Contains(want, i) {
				want = append(want, i)
			}
		}
		if diff := cmp.Diff(want, child); diff != "" {
			t.Fatalf("case %d: child (-want +got):\n%s", c, diff)
		}
		pos := make([]int, e.n)
		for k, i := range child {
			pos[i] = k
		}
		for i := range p.Tasks {
			for _, q := range p.Tasks[i].Preds {
				if pos[q] > pos[i] {
					t.Fatalf("case %d: task %d before its predecessor %d in %v", c, i, q, child)
				}
			}
		}
	}
}

// sharedLoss: of each shared set, every placed task but the first to end
// (the first listed on a tie) loses its part; unplaced tasks lose nothing.
func TestSharedLoss(t *testing.T) {
	p := &Problem{Tasks: []Task{{Duration: 2}, {Duration: 1}, {Duration: 3}, {Duration: 1}},
		Shared: []Shared{{Tasks: []int{0, 1, 2}, Value: []float64{10, 20, 40}}}}
	for _, c := range []struct {
		name  string
		start []int
		want  float64
	}{
		{"none placed", []int{-1, -1, -1, 0}, 0},
		{"one placed", []int{-1, 0, -1, 0}, 0},
		{"the second ends first", []int{0, 0, 0, 0}, 10 + 40},
		{"a tie goes to the first listed", []int{0, 1, -1, 0}, 20},
		{"the third ends first", []int{2, 3, 0, 0}, 10 + 20},
	} {
		if got := sharedLoss(p, c.start); got != c.want {
			t.Errorf("%s: loss %v, want %v", c.name, got, c.want)
		}
	}
}
