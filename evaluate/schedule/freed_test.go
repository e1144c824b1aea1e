package schedule

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// opexProblem is one team of capacity c and an opex budget of limit a
// year (4 periods) over horizon periods, with a steady window of limit
// too; tasks are added with runTask.
func opexProblem(horizon int, c, limit float64) *Problem {
	p := lineProblem(horizon, c)
	bg := Budget{ID: "opex", HasSteady: true, Steady: limit}
	for t := range horizon {
		bg.Window = append(bg.Window, t/4)
	}
	for w := 0; w <= (horizon-1)/4; w++ {
		bg.Limit = append(bg.Limit, limit)
		bg.Labels = append(bg.Labels, fmt.Sprintf("y%d", w))
	}
	p.Budgets = []Budget{bg}
	return p
}

// runTask adds a task of duration d using amount of the team whose run
// spend in the opex budget is perYear a year (below 0: a credit) from its
// go-live.
func (p *Problem) runTask(d int, amount, perYear float64, preds ...int) *Problem {
	p.task(d, amount, -1, preds...)
	tk := &p.Tasks[len(p.Tasks)-1]
	tk.RunYear, tk.RunShares = perYear, []BudgetShare{{Budget: 0, Share: 1}}
	tk.Spend = make([]float64, d)
	tk.Run = make([]float64, max(p.Horizon-d, 0))
	for j := range tk.Run {
		tk.Run[j] = perYear / 4
	}
	return p
}

// A task ranked below the ones it makes room for retires a system: its
// credit is there only from its own turn on, so the first pass defers
// them; the second pass places them against the whole schedule, by rank,
// and says whose credit made the room (issue 15, review finding Q2).
func TestSecondPassUsesRoomFreedByCredits(t *testing.T) {
	// opex 100 a year (and once live): a, b, c run 60 a year each; new
	// frees 200 a year from its go-live (2 periods).
	three := opexProblem(8, 4, 100).runTask(1, 1, 60).runTask(1, 1, 60).runTask(1, 1, 60).runTask(2, 1, -200)
	// Only one more fits, even with the credit: c stays out.
	small := opexProblem(8, 4, 100).runTask(1, 1, 60).runTask(1, 1, 60).runTask(1, 1, 60).runTask(2, 1, -60)
	// dep needs b and spends nothing: it waited for b.
	dep := opexProblem(8, 4, 100).runTask(1, 1, 60).runTask(1, 1, 60).runTask(2, 1, -200)
	dep.task(1, 1, -1, 1)
	// A credit ranked above: the first pass has it at b's turn already.
	above := opexProblem(8, 4, 100).runTask(2, 1, -10).runTask(1, 1, 60).runTask(1, 1, 60)
	// No credit at all: nothing changes, whatever is out.
	none := opexProblem(8, 4, 100).runTask(1, 1, 60).runTask(1, 1, 60)
	// The team is full after a: the credit frees opex, not the team.
	team := opexProblem(8, 1, 100).runTask(8, 1, 60).runTask(1, 1, 60).runTask(2, 0, -200)
	// b runs together with c, which spends nothing: both wait.
	group := opexProblem(8, 4, 100).runTask(1, 1, 60).runTask(1, 1, 60).runTask(1, 1, 0).runTask(2, 1, -200)
	group.Together = [][]int{{1, 2}}
	// b and c are options of one choice: the better one runs.
	choice := opexProblem(8, 4, 100).runTask(1, 1, 60).runTask(1, 1, 60).runTask(1, 1, 60).runTask(2, 1, -200)
	choice.Choices = [][]int{{1, 2}}
	// Two credits of 15 a year: b needs both (120 - 30 = 90), neither
	// alone decides it.
	both := opexProblem(8, 4, 100).runTask(1, 1, 60).runTask(1, 1, 60).runTask(2, 1, -15).runTask(2, 1, -15)
	for _, tc := range []struct {
		name  string
		p     *Problem
		start []int
		freed []Freed
	}{
		{"two credits together", both, []int{0, 0, 0, 0}, []Freed{{Task: 1, Budget: 0, By: []int{2, 3}, After: -1}}},
		{"a together pair", group, []int{0, 0, 0, 0},
			[]Freed{{Task: 1, Budget: 0, By: []int{3}, After: -1}, {Task: 2, Budget: -1, After: 1}}},
		{"options of a choice", choice, []int{0, 0, -1, 0}, []Freed{{Task: 1, Budget: 0, By: []int{3}, After: -1}}},
		{"three wait for the credit", three, []int{0, 0, 0, 0},
			[]Freed{{Task: 1, Budget: 0, By: []int{3}, After: -1}, {Task: 2, Budget: 0, By: []int{3}, After: -1}}},
		{"room for one more", small, []int{0, 0, -1, 0}, []Freed{{Task: 1, Budget: 0, By: []int{3}, After: -1}}},
		{"a dependent follows", dep, []int{0, 0, 0, 1},
			[]Freed{{Task: 1, Budget: 0, By: []int{2}, After: -1}, {Task: 3, Budget: -1, After: 1}}},
		{"credit ranked above", above, []int{0, 0, -1}, nil},
		{"no credit", none, []int{0, -1}, nil},
		{"the team is full", team, []int{0, -1, 0}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sch, err := RankOrder(context.Background(), tc.p, DeadlineWork(len(tc.p.Tasks)))
			if err != nil {
				t.Fatal(err)
			}
			if err := Verify(tc.p, sch.Start); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(sch.Start, tc.start) {
				t.Errorf("starts %v, want %v", sch.Start, tc.start)
			}
			if diff := cmp.Diff(tc.freed, sch.Freed, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("freed (-want +got):\n%s", diff)
			}
			if ref := rankOrderByHeap(tc.p); !slices.Equal(ref.Start, sch.Start) {
				t.Errorf("the reference starts %v", ref.Start)
			}
			checkNothingFitsAtTheEnd(t, tc.p, sch)
		})
	}
}

// rankOrderByHeap is the tests' reference for rank order without
// deadlines: the heap pass, then, while a placed task carries a credit
// and a task is out, a heap pass with every placed task pinned where it
// is, until one places nothing with a credit.
func rankOrderByHeap(p *Problem) *Schedule {
	sch, _ := rankPassByHeap(p, nil)
	for range maxFreedPasses {
		credit := false
		var pins []pin
		for _, i := range sch.Order {
			if sch.Start[i] >= 0 {
				pins = append(pins, pin{i, sch.Start[i]})
				credit = credit || p.Tasks[i].hasCredit()
			}
		}
		if !credit || len(pins) == len(p.Tasks) {
			break
		}
		next, _ := rankPassByHeap(p, pins)
		more := false
		for i, s := range next.Start {
			more = more || s >= 0 && sch.Start[i] < 0 && p.Tasks[i].hasCredit()
		}
		sch = next
		if !more {
			break
		}
	}
	return sch
}

// checkNothingFitsAtTheEnd checks that no task sch leaves out fits
// anywhere on top of the whole schedule without breaking a constraint
// (Verify): every task out but those in a together group (the group
// must fit whole) and those the second pass's limit left (there is
// none in these problems).
func checkNothingFitsAtTheEnd(t *testing.T, p *Problem, sch *Schedule) (grouped int) {
	t.Helper()
	start := slices.Clone(sch.Start)
	for i, s := range sch.Start {
		if s >= 0 {
			continue
		}
		if slices.ContainsFunc(p.Together, func(g []int) bool { return slices.Contains(g, i) }) {
			grouped++
			continue
		}
		for s := range p.Horizon {
			start[i] = s
			if Verify(p, start) == nil {
				t.Errorf("task %d is out, yet fits at %d on top of the schedule %v", i, s, sch.Start)
				break
			}
		}
		start[i] = -1
	}
	return grouped
}

// creditPortfolio is a random portfolio with an opex budget whose tasks
// mostly add run costs, some of them ranked low retiring systems (a
// credit), on a team or two, with dependencies, sometimes choices,
// together groups, a limit on tasks in flight and deadlines.
func creditPortfolio(rng *rand.Rand, deadlines bool) *Problem {
	horizon := 6 + rng.IntN(10)
	p := opexProblem(horizon, float64(2+rng.IntN(4)), float64(50+10*rng.IntN(10)))
	if rng.IntN(3) == 0 {
		c := make([]float64, horizon)
		for t := range c {
			c[t] = float64(1 + rng.IntN(3))
		}
		p.Resources = append(p.Resources, Resource{ID: "ops", Capacity: c})
	}
	if rng.IntN(5) == 0 {
		p.MaxParallel = 2 + rng.IntN(4)
	}
	n := 4 + rng.IntN(12)
	for i := range n {
		perYear := float64(10 * (1 + rng.IntN(6)))
		if i >= n/2 && rng.IntN(3) == 0 {
			perYear = -float64(20 * (1 + rng.IntN(8))) // retires a system
		}
		var preds []int
		if i > 0 && rng.IntN(4) == 0 {
			preds = []int{rng.IntN(i)}
		}
		p.runTask(1+rng.IntN(3), float64(rng.IntN(3)), perYear, preds...)
		tk := &p.Tasks[i]
		if len(p.Resources) > 1 && rng.IntN(2) == 0 {
			tk.Demand = append(tk.Demand, Demand{Resource: 1, Amount: 1})
		}
		if rng.IntN(3) == 0 {
			tk.Budget = 0
			for k := range tk.Spend {
				tk.Spend[k] = float64(5 * rng.IntN(4))
			}
		}
		if deadlines && rng.IntN(5) == 0 {
			tk.HasDeadline = true
			tk.Latest = min(horizon-1, tk.Duration-1+rng.IntN(horizon))
		}
	}
	free := rng.Perm(n)
	if rng.IntN(3) == 0 && len(free) >= 2 {
		c := slices.Clone(free[:2])
		slices.Sort(c)
		p.Choices, free = append(p.Choices, c), free[2:]
	}
	if rng.IntN(4) == 0 && len(free) >= 2 {
		g := slices.Clone(free[:2])
		slices.Sort(g)
		p.Together = append(p.Together, g)
	}
	return p
}

// Over many random credit portfolios, rank order never leaves out a task
// that would fit at the end of the plan without breaking anything (bar
// together groups, which must fit whole); every schedule passes Verify;
// without deadlines it agrees with the reference (heap passes), and the
// packed pass agrees with the queue. The portfolios must make the second
// pass place many tasks.
func TestSecondPassLeavesNothingThatFits(t *testing.T) {
	placed, grouped := 0, 0
	const runs = 1500
	for seed := uint64(1); seed <= runs; seed++ {
		rng := rand.New(rand.NewPCG(seed, 23))
		deadlines := rng.IntN(2) == 0
		p := creditPortfolio(rng, deadlines)
		sch, err := RankOrder(context.Background(), p, DeadlineWork(len(p.Tasks)))
		if err != nil {
			t.Fatal(err)
		}
		if err := Verify(p, sch.Start); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		grouped += checkNothingFitsAtTheEnd(t, p, sch)
		placed += len(sch.Freed)
		for _, f := range sch.Freed {
			if sch.Start[f.Task] < 0 || f.Budget < 0 && f.After < 0 || f.Budget >= 0 && len(f.By) == 0 {
				t.Errorf("seed %d: freed %+v", seed, f)
			}
		}
		if !deadlines {
			if ref := rankOrderByHeap(p); !slices.Equal(ref.Start, sch.Start) {
				t.Errorf("seed %d: starts %v, the reference %v", seed, sch.Start, ref.Start)
			}
		}
		queued := newRankPass(p)
		queued.queued = true
		want, err := rankOrder(context.Background(), queued, DeadlineWork(len(p.Tasks)))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, sch, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("seed %d: (-queue +in order):\n%s", seed, diff)
		}
		if t.Failed() {
			t.Fatalf("seed %d: problem %+v", seed, p.Tasks)
		}
	}
	if placed < 200 {
		t.Errorf("the second pass placed only %d tasks over %d portfolios", placed, runs)
	}
	t.Logf("the second pass placed %d tasks; %d tasks of together groups left out", placed, grouped)
}

// A lead task (mandatory, committed, forced in) left out by the second
// pass takes the room of optional tasks ranked below it that carry no
// credit (review qa18 Q1: an optional task ranked 3 took the team in the
// periods a credit ranked 2 opened for the mandatory task ranked 1).
func TestLeadDisplacesOptionalWorkRankedBelow(t *testing.T) {
	// Team of 2; opex 80 a year. m (lead, 2 FTE, 3 periods, run 160 a
	// year) fits only once kill (2 FTE, 2 periods) retires a system
	// worth 240 a year; other (2 FTE, 3 periods, no run cost) ranks
	// below both.
	p := opexProblem(6, 2, 80).runTask(3, 2, 160).runTask(2, 2, -240).runTask(3, 2, 0)
	p.Tasks[0].Lead = true
	sch, err := RankOrder(context.Background(), p, DeadlineWork(len(p.Tasks)))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int{2, 0, -1}, sch.Start); diff != "" {
		t.Errorf("starts (-want +got):\n%s", diff)
	}
	if err := Verify(p, sch.Start); err != nil {
		t.Error(err)
	}
	// Not a lead task: rank order keeps the first come.
	p.Tasks[0].Lead = false
	if sch, _ = RankOrder(context.Background(), p, DeadlineWork(len(p.Tasks))); !slices.Equal(sch.Start, []int{-1, 0, 2}) {
		t.Errorf("optional: starts %v, want [-1 0 2]", sch.Start)
	}
}

// Over random credit portfolios with lead tasks: every schedule passes
// Verify, the queue and the packed pass agree, and a lead task left out
// (with every task ranked above it placed, no dependency, no group) does
// not fit on top of the tasks that must stay: those ranked above it,
// lead tasks, credits, deadline moves and what they need or run with.
func TestLeadsDisplaceOnRandomPortfolios(t *testing.T) {
	displaced := 0
	const runs = 1500
	for seed := uint64(1); seed <= runs; seed++ {
		rng := rand.New(rand.NewPCG(seed, 41))
		p := creditPortfolio(rng, rng.IntN(2) == 0)
		for i := range p.Tasks {
			p.Tasks[i].Lead = rng.IntN(4) == 0
		}
		r := newRankPass(p)
		sch, err := rankOrder(context.Background(), r, DeadlineWork(len(p.Tasks)))
		if err != nil {
			t.Fatal(err)
		}
		displaced += r.displaced
		if err := Verify(p, sch.Start); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		queued := newRankPass(p)
		queued.queued = true
		want, err := rankOrder(context.Background(), queued, DeadlineWork(len(p.Tasks)))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, sch, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("seed %d: (-queue +in order):\n%s", seed, diff)
		}
		moved := make([]bool, len(p.Tasks))
		for _, mv := range sch.Moves {
			moved[mv.Task] = true
			for _, a := range mv.With {
				moved[a] = true
			}
		}
		for m, tk := range p.Tasks {
			if !tk.Lead || sch.Start[m] >= 0 || len(tk.Preds) > 0 || !sch.Retried ||
				slices.ContainsFunc(sch.Start[:m], func(s int) bool { return s < 0 }) ||
				slices.ContainsFunc(p.Together, func(g []int) bool { return slices.Contains(g, m) }) {
				continue
			}
			start := slices.Clone(sch.Start)
			for i, s := range start {
				if s < 0 || i < m || p.Tasks[i].Lead || p.Tasks[i].hasCredit() || moved[i] {
					continue
				}
				start[i] = -1
			}
			// Keep what the tasks that stay need or run with.
			for changed := true; changed; {
				changed = false
				for i, s := range start {
					if s < 0 {
						continue
					}
					need := slices.Clone(p.Tasks[i].Preds)
					for _, g := range p.Together {
						if slices.Contains(g, i) {
							need = append(need, g...)
						}
					}
					for _, q := range need {
						if start[q] < 0 && sch.Start[q] >= 0 {
							start[q], changed = sch.Start[q], true
						}
					}
				}
			}
			for s := range p.Horizon {
				start[m] = s
				if Verify(p, start) == nil {
					t.Errorf("seed %d: lead task %d is out, yet fits at %d on top of %v (schedule %v)", seed, m, s, start, sch.Start)
					break
				}
			}
		}
	}
	if displaced < 20 {
		t.Errorf("lead tasks displaced optional work in only %d passes over %d portfolios", displaced, runs)
	}
	t.Logf("lead tasks displaced optional work in %d passes", displaced)
}
