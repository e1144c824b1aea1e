package schedule

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// Choices and a team's limit on tasks at once keep exhaustive search
// exact: the optimiser finds the optimum brute force finds by Verify.
func TestOptimizeChoicesAndTeamParallelExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 21))
	withChoice := 0
	for c := range 40 {
		sp := problemSpec{tasks: 5, horizon: 6, resources: 1 + c%2, windows: c%3 == 0, mandatory: 0.2,
			teamParallel: true, choices: c%4 != 3}
		p := randomProblem(rng, sp)
		if len(p.Choices) > 0 {
			withChoice++
		}
		for _, obj := range []Objective{ObjectiveValue, ObjectiveFinish} {
			want := bruteForce(p, obj)
			for _, listLimit := range []int{exhaustiveLimit, 0} {
				t.Run(fmt.Sprintf("case%d/%s/lists%d", c, obj, listLimit), func(t *testing.T) {
					res := optimize(context.Background(), p, OptimizeInput{Objective: obj, Seed: 1, MaxSchedules: 3000}, listLimit)
					if err := Verify(p, res.Schedule.Start); err != nil {
						t.Fatalf("invalid schedule: %v", err)
					}
					got := (&engine{p: p, n: len(p.Tasks)}).fitnessOf(res.Schedule.Start)
					if obj == ObjectiveValue {
						got.makespan, want.makespan = 0, 0
						got.placed, want.placed = 0, 0
					}
					if (&search{obj: obj}).compare(got, want) != 0 {
						t.Errorf("optimiser found %+v, brute force %+v (method %s)", got, want, res.Method)
					}
					if listLimit > 0 && !res.Optimal {
						t.Errorf("exhaustive search not reported optimal (stopped: %s)", res.Stopped)
					}
				})
			}
		}
	}
	if withChoice < 20 {
		t.Errorf("only %d of 40 problems have a choice", withChoice)
	}
}

// With together groups the serial SGS does not reach every schedule: the
// optimiser never claims more than brute force finds, never does worse
// than rank order, and every schedule it gives passes Verify.
func TestOptimizeTogetherNeverBeatsBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(22, 22))
	reached := 0
	for c := range 30 {
		p := randomProblem(rng, problemSpec{tasks: 5, horizon: 6, resources: 1, mandatory: 0.2,
			teamParallel: c%2 == 0, choices: c%3 != 0, together: true})
		for _, obj := range []Objective{ObjectiveValue, ObjectiveFinish} {
			want := bruteForce(p, obj)
			res := Optimize(context.Background(), p, OptimizeInput{Objective: obj, Seed: 3, MaxSchedules: 2000})
			for _, sch := range []*Schedule{res.Schedule, res.BaselineSchedule} {
				if err := Verify(p, sch.Start); err != nil {
					t.Fatalf("case %d %s: invalid schedule: %v", c, obj, err)
				}
			}
			e := &engine{p: p, n: len(p.Tasks)}
			s := &search{obj: obj}
			got := e.fitnessOf(res.Schedule.Start)
			if s.better(got, want) {
				t.Errorf("case %d %s: optimiser claims %+v, better than the optimum %+v", c, obj, got, want)
			}
			if s.better(e.fitnessOf(res.BaselineSchedule.Start), got) {
				t.Errorf("case %d %s: optimised worse than rank order", c, obj)
			}
			if s.compare(got, want) == 0 {
				reached++
			}
		}
	}
	// Not a guarantee, but a search that rarely reaches the optimum on
	// five tasks is broken.
	if reached < 50 {
		t.Errorf("optimum reached in %d of 60 runs", reached)
	}
	t.Logf("optimum reached in %d of 60 runs", reached)
}

// Every scheduler respects every constraint on larger random problems,
// and names a reason for every task left out.
func TestSchedulersRespectPortfolioConstraints(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 23))
	trials, pulls := 0, 0
	for c := range 60 {
		sp := problemSpec{tasks: 8 + rng.IntN(30), horizon: 6 + rng.IntN(12), resources: 1 + rng.IntN(3),
			budgets: c%2 == 0, maxParallel: []int{0, 0, 3}[c%3], windows: c%4 < 2, mandatory: []float64{0, 0.2}[c%2],
			zeroDurations: c%5 == 0, teamParallel: c%3 != 1, choices: c%4 != 1, together: c%5 != 2}
		p := randomProblem(rng, sp)
		prio := rng.Perm(len(p.Tasks))
		check := func(p *Problem, what string, sch *Schedule) {
			t.Helper()
			if err := Verify(p, sch.Start); err != nil {
				t.Fatalf("case %d %s: %v", c, what, err)
			}
			for i, st := range sch.Start {
				if st < 0 && sch.Blocked[i].Kind == "" {
					t.Errorf("case %d %s: task %d out without a reason", c, what, i)
				}
			}
			for _, m := range sch.Apart {
				if !inGroupClosure(p, m.Group, m.Task) {
					t.Errorf("case %d %s: group %d missed on unrelated task %d", c, what, m.Group, m.Task)
				}
			}
			exps, err := Explain(context.Background(), p, sch)
			if err != nil {
				t.Fatal(err)
			}
			for i, ex := range exps {
				if sch.Start[i] < 0 && len(ex.Obstacles) == 0 && (ex.Trial == nil || len(ex.Trial.Why.Obstacles) == 0) {
					t.Errorf("case %d %s: task %d out, nothing explains it", c, what, i)
				}
			}
			trials += len(sch.Trials)
			pulls += len(sch.Pulled)
		}
		check(p, "serial SGS", SerialSGS(p, prio))
		for k, q := range []*Problem{p, shuffled(rng, p)} {
			ro, err := RankOrder(context.Background(), q, DeadlineWork(len(q.Tasks)))
			if err != nil {
				t.Fatal(err)
			}
			if k == 1 {
				check(q, "rank order (shuffled)", ro)
				continue
			}
			check(p, "rank order", ro)
			for _, obj := range []Objective{ObjectiveValue, ObjectiveFinish} {
				res := Optimize(context.Background(), p, OptimizeInput{Objective: obj, Seed: int64(c), MaxSchedules: 600, BaselineSchedule: ro})
				check(p, "optimised "+string(obj), res.Schedule)
			}
		}
	}
	// The shuffled problems and random priorities rank predecessors below
	// their successors: options are tried ahead of their turn.
	if trials < 10 || pulls < 10 {
		t.Errorf("%d option trials failed and %d tasks were pulled ahead: too few to test them", trials, pulls)
	}
}

// inGroupClosure reports whether task x is among what placing group g
// takes along: its members, their predecessors, and the groups of those,
// transitively.
func inGroupClosure(p *Problem, g, x int) bool {
	seen := map[int]bool{}
	var visit func(i int)
	visit = func(i int) {
		if seen[i] {
			return
		}
		seen[i] = true
		for _, members := range p.Together {
			if slices.Contains(members, i) {
				for _, m := range members {
					visit(m)
				}
			}
		}
		for _, q := range p.Tasks[i].Preds {
			visit(q)
		}
	}
	for _, m := range p.Together[g] {
		visit(m)
	}
	return seen[x]
}

// A small case by hand: the first option that fits wins in rank order,
// the group goes whole or not at all, the team's limit delays a task.
func TestPortfolioConstraintsByHand(t *testing.T) {
	p := &Problem{Horizon: 6,
		Resources: []Resource{{ID: "team", Capacity: []float64{4, 4, 4, 4, 4, 4}, MaxParallel: 1}, {ID: "other", Capacity: []float64{1, 1, 1, 1, 1, 1}}},
		Tasks: []Task{
			{ID: "buy", Duration: 2, Budget: -1, Latest: 5, Demand: []Demand{{Resource: 0, Amount: 1}}, Weight: 1},
			{ID: "build", Duration: 2, Budget: -1, Latest: 5, Demand: []Demand{{Resource: 0, Amount: 1}}, Weight: 2},
			{ID: "pilot", Duration: 3, Budget: -1, Latest: 5, Demand: []Demand{{Resource: 1, Amount: 1}}, Weight: 1},
			{ID: "rollout", Duration: 4, Budget: -1, Latest: 5, Demand: []Demand{{Resource: 1, Amount: 1}}, Weight: 1},
			{ID: "training", Duration: 1, Budget: -1, Latest: 5, Demand: []Demand{{Resource: 0, Amount: 1}}, Weight: 1},
		},
		Choices:  [][]int{{0, 1}},
		Together: [][]int{{2, 3}},
	}
	sch := SerialSGS(p, []int{0, 1, 2, 3, 4})
	if err := Verify(p, sch.Start); err != nil {
		t.Fatal(err)
	}
	// buy first; build blocked by the choice; pilot fits, rollout not
	// after it (3+4 > 6) nor beside it (other holds 1): the group is out;
	// training waits for buy (team runs one task at a time).
	want := []int{0, -1, -1, -1, 2}
	if !slices.Equal(sch.Start, want) {
		t.Fatalf("starts %v, want %v", sch.Start, want)
	}
	if b := sch.Blocked[1]; b.Kind != BlockChoice || b.Index != 0 {
		t.Errorf("build blocked by %+v, want the choice of buy", b)
	}
	if b := sch.Blocked[2]; b.Kind != BlockTogether || b.Index != 0 {
		t.Errorf("pilot blocked by %+v, want together group 0", b)
	}
	if len(sch.Apart) != 1 || sch.Apart[0].Task != 3 || sch.Apart[0].Cause.Kind != BlockResource {
		t.Errorf("apart %+v, want rollout short of the resource", sch.Apart)
	}
	exps, err := Explain(context.Background(), p, sch)
	if err != nil {
		t.Fatal(err)
	}
	kinds := func(i int) []ObstacleKind {
		var out []ObstacleKind
		for _, o := range exps[i].Obstacles {
			out = append(out, o.Kind)
		}
		return out
	}
	for i, want := range map[int][]ObstacleKind{1: {ObstacleChoice}, 2: {ObstacleTogether}, 3: {ObstacleTogether}, 4: {ObstacleTeamParallel}} {
		if got := kinds(i); !slices.Equal(got, want) {
			t.Errorf("task %s explained by %v, want %v", p.Tasks[i].ID, got, want)
		}
	}
	// The optimiser picks build (more weight) and keeps the team's limit.
	res := Optimize(context.Background(), p, OptimizeInput{Objective: ObjectiveValue, Seed: 1})
	if err := Verify(p, res.Schedule.Start); err != nil {
		t.Fatal(err)
	}
	if res.Schedule.Start[1] < 0 || res.Schedule.Start[0] >= 0 {
		t.Errorf("optimised starts %v, want build rather than buy", res.Schedule.Start)
	}
}

// The best option of a choice is decided first even when it waits for a
// predecessor ranked below the other option; an option its better option
// depends on is not held back (they cannot both run).
func TestChoiceBestOptionFirst(t *testing.T) {
	task := func(id string, preds ...int) Task {
		return Task{ID: id, Duration: 1, Budget: -1, Latest: 3, Demand: []Demand{{Resource: 0, Amount: 1}}, Preds: preds}
	}
	p := &Problem{Horizon: 4, Resources: []Resource{{ID: "r", Capacity: []float64{2, 2, 2, 2}}},
		Tasks:   []Task{task("build", 2), task("buy"), task("lake")},
		Choices: [][]int{{0, 1}}}
	for _, sch := range []*Schedule{SerialSGS(p, []int{0, 1, 2}), mustRankOrder(t, p)} {
		if err := Verify(p, sch.Start); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(sch.Start, []int{1, -1, 0}) {
			t.Errorf("starts %v, want build after lake and buy out", sch.Start)
		}
	}
	p.Tasks[0].Preds = []int{1} // build needs buy: no chain, and no deadlock
	sch := SerialSGS(p, []int{0, 1, 2})
	if err := Verify(p, sch.Start); err != nil {
		t.Fatal(err)
	}
	if len(sch.Order) != 3 || sch.Start[1] != 0 || sch.Start[0] != -1 {
		t.Errorf("starts %v order %v", sch.Start, sch.Order)
	}
}

func mustRankOrder(t *testing.T, p *Problem) *Schedule {
	t.Helper()
	sch, err := RankOrder(context.Background(), p, DeadlineWork(len(p.Tasks)))
	if err != nil {
		t.Fatal(err)
	}
	return sch
}
