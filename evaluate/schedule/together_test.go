package schedule

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"
)

// The independent review's cases (issue 15, F15): a member without
// predecessors placed first at its earliest fit took the room another
// member's long predecessor needs, and the group was left out though a
// placement exists.
func TestTogetherGroupFindsAnOrderThatFits(t *testing.T) {
	// u: m1 (1 FTE) together with m2 (1 FTE), which depends on base
	// (2 FTE x 3); team capacity 2, horizon 4. Only base first fits.
	u := lineProblem(4, 2)
	u.task(1, 1, -1)    // 0 m1
	u.task(1, 1, -1, 3) // 1 m2
	u.task(1, 1, -1)    // 2 other
	u.task(3, 2, -1)    // 3 base
	u.Together = [][]int{{0, 1}}
	// w3: two teams (t: 2, max 2 at once; u: 1), horizon 6. p5 (t 2 x 2)
	// ranks first; then p1 (0 FTE x 2, needs p0) together with p2 (t 1 +
	// u 1); p0 (u 1 x 3) last.
	w3 := &Problem{Horizon: 6, Resources: []Resource{
		{ID: "t", Capacity: []float64{2, 2, 2, 2, 2, 2}, MaxParallel: 2},
		{ID: "u", Capacity: []float64{1, 1, 1, 1, 1, 1}}}}
	w3.Tasks = []Task{
		{ID: "p5", Duration: 2, Budget: -1, Latest: 5, Demand: []Demand{{0, 2}}},
		{ID: "p2", Duration: 1, Budget: -1, Latest: 5, Demand: []Demand{{0, 1}, {1, 1}}},
		{ID: "p1", Duration: 2, Budget: -1, Latest: 5, Preds: []int{3}},
		{ID: "p0", Duration: 3, Budget: -1, Latest: 5, Demand: []Demand{{1, 1}}},
	}
	w3.Together = [][]int{{1, 2}}
	for _, tc := range []struct {
		name string
		p    *Problem
		want []int
	}{
		{"u", u, []int{3, 3, -1, 0}},
		{"w3", w3, []int{0, 3, 3, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sch, err := RankOrder(context.Background(), tc.p, DeadlineWork(len(tc.p.Tasks)))
			if err != nil {
				t.Fatal(err)
			}
			if err := Verify(tc.p, sch.Start); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(sch.Start, tc.want) {
				t.Errorf("rank order starts %v, want %v (apart: %+v)", sch.Start, tc.want, sch.Apart)
			}
			serial := SerialSGS(tc.p, identity(len(tc.p.Tasks)))
			if !slices.Equal(serial.Start, tc.want) {
				t.Errorf("serial SGS starts %v, want %v", serial.Start, tc.want)
			}
		})
	}
}

// A group keeps the turn of its best-ranked member even when that
// member depends on a partner ranked lower (a rollout that depends on
// its pilot): review qa15f F1 placed the group at the pilot's turn,
// after every project ranked between them.
func TestTogetherGroupKeepsItsBestMembersTurn(t *testing.T) {
	// rollout (rank 1) depends on pilot (rank 3), together; middle (rank
	// 2) runs 3 periods; one team of 1 FTE.
	line := lineProblem(6, 1)
	line.task(1, 1, -1, 2) // 0 rollout
	line.task(3, 1, -1)    // 1 middle
	line.task(1, 1, -1)    // 2 pilot
	line.Together = [][]int{{0, 2}}
	// The same with a prerequisite of the pilot ranked last: it comes
	// along at the group's turn.
	chain := lineProblem(8, 1)
	chain.task(1, 1, -1, 2) // 0 rollout
	chain.task(3, 1, -1)    // 1 middle
	chain.task(1, 1, -1, 3) // 2 pilot
	chain.task(1, 1, -1)    // 3 base
	chain.Together = [][]int{{2, 0}}
	for _, tc := range []struct {
		name string
		p    *Problem
		want []int
	}{
		{"line", line, []int{1, 2, 0}},
		{"chain", chain, []int{2, 3, 1, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sch, err := RankOrder(context.Background(), tc.p, DeadlineWork(len(tc.p.Tasks)))
			if err != nil {
				t.Fatal(err)
			}
			if err := Verify(tc.p, sch.Start); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(sch.Start, tc.want) {
				t.Errorf("rank order starts %v, want %v", sch.Start, tc.want)
			}
			serial := SerialSGS(tc.p, identity(len(tc.p.Tasks)))
			if !slices.Equal(serial.Start, tc.want) {
				t.Errorf("serial SGS starts %v, want %v", serial.Start, tc.want)
			}
		})
	}
}

// On random problems without budgets, with some tasks already decided
// (placed, or left out), a together group's closure (its members and the
// undecided predecessors they need, with those tasks' groups) is placed
// exactly when some placement of it fits beside what is placed: a brute
// force over every start of every closure task is the referee, and the
// placement the placer returns passes Verify. Closures of more than five
// tasks are skipped (the search's budget covers five).
func TestTogetherGroupPlacedWhenAPlacementExists(t *testing.T) {
	var fits, misses, searched int
	for seed := uint64(1); seed <= 3000; seed++ {
		rng := rand.New(rand.NewPCG(seed, 15))
		sp := problemSpec{tasks: 3 + rng.IntN(6), horizon: 3 + rng.IntN(5), resources: 1 + rng.IntN(2),
			windows: rng.IntN(2) == 0, teamParallel: rng.IntN(3) == 0, choices: rng.IntN(3) == 0, together: true}
		if rng.IntN(3) == 0 {
			sp.maxParallel = 1 + rng.IntN(3)
		}
		p := randomProblem(rng, sp)
		if len(p.Together) == 0 {
			continue
		}
		n := len(p.Tasks)
		gp := newGroupPlacer(p)
		st := NewState(p)
		start := make([]int, n)
		decided := make([]bool, n)
		for i := range start {
			start[i] = -1
		}
		// Decide some tasks outside groups, predecessors first (the
		// generator's predecessors have lower indices).
		for i := range p.Tasks {
			if gp.grouped(i) || rng.IntN(2) == 0 {
				continue
			}
			est, ok := 0, true
			for _, q := range p.Tasks[i].Preds {
				if !decided[q] {
					ok = false
					break
				}
				if start[q] >= 0 {
					est = max(est, start[q]+p.Tasks[q].Duration)
				}
			}
			if !ok {
				continue
			}
			decided[i] = true
			if rng.IntN(6) == 0 {
				continue // left out
			}
			var fit []int
			for s := est; s <= p.lastStart(i); s++ {
				if slices.ContainsFunc(p.Tasks[i].Preds, func(q int) bool { return start[q] < 0 }) {
					break
				}
				if s >= p.Tasks[i].Earliest && st.Fits(i, s) {
					fit = append(fit, s)
				}
			}
			if len(fit) > 0 {
				s := fit[rng.IntN(len(fit))]
				st.Place(i, s)
				start[i] = s
			}
		}
		// The group of the first undecided grouped task.
		i := -1
		for k := range decided {
			if !decided[k] && gp.grouped(k) {
				i = k
				break
			}
		}
		if i < 0 {
			continue
		}
		closure, blocked := closureOf(p, gp, decided, start, i)
		if len(closure) > 5 {
			continue
		}
		want := !blocked && bruteForceFits(p, st, start, closure, 0)
		before := slices.Clone(start)
		placed, miss, ok := gp.place(st, start, decided, i)
		if ok != want {
			t.Fatalf("seed %d: group of t%d placed %v, a placement exists %v (closure %v, miss %+v)", seed, i, ok, want, closure, miss)
		}
		if !ok {
			misses++
			if !slices.Equal(start, before) {
				t.Fatalf("seed %d: a failed group changed the starts: %v, was %v", seed, start, before)
			}
			continue
		}
		fits++
		if gp.tries > 0 {
			searched++
		}
		slices.Sort(placed)
		sorted := slices.Clone(closure)
		slices.Sort(sorted)
		if !slices.Equal(placed, sorted) {
			t.Fatalf("seed %d: placed %v, closure %v", seed, placed, sorted)
		}
		// Undecided tasks outside the closure stay out; so do their
		// groups and successors, which Verify accepts.
		full := slices.Clone(start)
		for k := range full {
			if !decided[k] && !slices.Contains(closure, k) {
				full[k] = -1
			}
		}
		if err := Verify(p, full); err != nil {
			t.Fatalf("seed %d: %v (starts %v)", seed, err, full)
		}
	}
	// The generator must exercise both outcomes and the search.
	if fits < 200 || misses < 100 || searched < 20 {
		t.Errorf("only %d groups placed (%d after a search) and %d left out", fits, searched, misses)
	}
	t.Logf("%d groups placed (%d after a search), %d left out", fits, searched, misses)
}

// closureOf is the tasks groupPlacer.place places with task i's group:
// its members and every undecided predecessor they need, with those
// tasks' groups. blocked reports a decided predecessor left out.
func closureOf(p *Problem, gp *groupPlacer, decided []bool, start []int, i int) (closure []int, blocked bool) {
	in := map[int]bool{}
	var add func(t int)
	add = func(t int) {
		if in[t] {
			return
		}
		in[t] = true
		closure = append(closure, t)
		if g := gp.groupOf[t]; g >= 0 {
			for _, m := range p.Together[g] {
				add(m)
			}
		}
		for _, q := range p.Tasks[t].Preds {
			switch {
			case !decided[q]:
				add(q)
			case start[q] < 0:
				blocked = true
			}
		}
	}
	add(i)
	return closure, blocked
}

// bruteForceFits reports whether the tasks closure[k:] can all be placed
// on st, at any starts, after their predecessors (closure tasks are
// placed in a topological order here: it tries each task whose
// predecessors in the closure are placed). st and start are restored.
func bruteForceFits(p *Problem, st *State, start []int, closure []int, k int) bool {
	if k == len(closure) {
		return true
	}
	for j := k; j < len(closure); j++ {
		t := closure[j]
		est, ready := 0, true
		for _, q := range p.Tasks[t].Preds {
			if start[q] < 0 {
				ready = false // a closure predecessor not placed yet
				break
			}
			est = max(est, start[q]+p.Tasks[q].Duration)
		}
		if !ready {
			continue
		}
		// Place t first among the rest, at every start that fits.
		closure[k], closure[j] = closure[j], closure[k]
		for s := max(est, p.Tasks[t].Earliest); s <= p.lastStart(t); s++ {
			if !st.Fits(t, s) {
				continue
			}
			st.Place(t, s)
			start[t] = s
			found := bruteForceFits(p, st, start, closure, k+1)
			st.Remove(t, s)
			start[t] = -1
			if found {
				closure[k], closure[j] = closure[j], closure[k]
				return true
			}
		}
		closure[k], closure[j] = closure[j], closure[k]
		// Any placement places some ready task first: trying t first
		// covers the placements whose first task (in a topological
		// order) is t; the loop tries every ready task.
	}
	return false
}
