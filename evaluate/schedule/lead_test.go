package schedule

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// A lead task (a mandatory or forced-in project) takes its turn at its
// own rank, with the predecessors it needs that rank below it, all or
// nothing: rank order, the serial SGS and the tests' heap pass agree.
// Before, it waited for them, a task ranked between took the room, and
// the lead task no longer fitted (the independent review's case m3,
// issue 15 N6).
func TestLeadTaskTakesItsPredecessorsAlong(t *testing.T) {
	// m3: capacity 3, horizon 5. must (lead, 3 periods, no demand) needs
	// dep (2 FTE x 1), ranked last; big (2 FTE x 2) ranks between.
	m3 := func(lead bool) *Problem {
		p := lineProblem(5, 3)
		p.task(3, 0, -1, 2) // 0 must
		p.task(2, 2, -1)    // 1 big
		p.task(1, 2, -1)    // 2 dep
		p.Tasks[0].Lead = lead
		return p
	}
	// chain: a lead task needs b, which needs c, both ranked below it;
	// x between takes the whole team for 2 periods.
	chain := lineProblem(5, 2)
	chain.task(1, 1, -1, 2) // 0 lead
	chain.task(2, 2, -1)    // 1 x
	chain.task(1, 1, -1, 3) // 2 b
	chain.task(1, 1, -1)    // 3 c
	chain.Tasks[0].Lead = true
	// No room for the lead task with its predecessor ahead of x (the
	// horizon is too short either way): nothing is placed ahead, the
	// predecessor keeps its own turn, the lead task waits for it.
	tooLong := lineProblem(3, 2)
	tooLong.task(3, 0, -1, 2) // 0 lead: 3 periods after dep cannot fit
	tooLong.task(1, 2, -1)    // 1 x
	tooLong.task(1, 1, -1)    // 2 dep
	tooLong.Tasks[0].Lead = true
	for _, tc := range []struct {
		name   string
		p      *Problem
		want   []int
		pulled []Pull
	}{
		{"m3 without lead: must waits for dep", m3(false), []int{-1, 0, 2}, nil},
		{"m3: dep goes with must", m3(true), []int{1, 1, 0}, []Pull{{Task: 2, Turn: 0, For: 0, Group: -1}}},
		{"chain of predecessors", chain, []int{2, 3, 1, 0},
			[]Pull{{Task: 3, Turn: 0, For: 0, Group: -1}, {Task: 2, Turn: 0, For: 0, Group: -1}}},
		{"does not fit: nothing placed ahead", tooLong, []int{-1, 0, 1}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) { checkLeadPasses(t, tc.p, tc.want, tc.pulled) })
	}
}

// A Kept task (the flagship, held to its rank-order start) ranks below
// the mandatory tasks in the optimiser's order: a schedule that places
// more mandatory tasks wins even when it starts the Kept task later or
// leaves it out; among schedules with as many mandatory tasks, one that
// keeps it at its start wins whatever the objective says. (Held by a
// hard deadline and counted as mandatory, the flagship tied with a
// mandatory task and the heavier one won: the review's m5 with
// --optimize.)
func TestKeptTaskRanksBelowMandatory(t *testing.T) {
	// Capacity 2: must (2 FTE x 2, mandatory), flag (2 FTE x p, Kept at
	// 0, weight 10), other (2 FTE x 1, weight 20); rank order: flag, must,
	// other.
	problem := func(horizon, flagPeriods int, withOther bool) *Problem {
		p := lineProblem(horizon, 2)
		p.task(2, 2, -1)           // 0 must
		p.task(flagPeriods, 2, -1) // 1 flag
		p.Tasks[0].Mandatory, p.Tasks[0].Weight = true, 1
		p.Tasks[1].Kept, p.Tasks[1].KeepStart, p.Tasks[1].Weight = true, 0, 10
		if withOther {
			p.task(1, 2, -1) // 2 other
			p.Tasks[2].Weight = 20
		}
		return p
	}
	for _, tc := range []struct {
		name string
		p    *Problem
		want []int
	}{
		// Only one of must and flag fits: the mandatory one.
		{"room for one", problem(2, 1, false), []int{0, -1}},
		// Both fit, flag at its start.
		{"room for both", problem(3, 1, false), []int{1, 0}},
		// Both fit, but flag at its start leaves must, due by period 1,
		// no room: must first, flag later.
		{"flag starts later", mustBy(problem(3, 1, false), 1), []int{0, 2}},
		// must in either way: flag keeps its start, though other, left
		// out, is worth more.
		{"kept before the objective", problem(3, 1, true), []int{1, 0, -1}},
	} {
		for _, obj := range []Objective{ObjectiveValue, ObjectiveFinish} {
			t.Run(tc.name+", "+string(obj), func(t *testing.T) {
				order := []int{1, 0}
				if len(tc.p.Tasks) > 2 {
					order = append(order, 2)
				}
				base := SerialSGS(tc.p, order)
				res := Optimize(context.Background(), tc.p, OptimizeInput{Objective: obj, BaselineSchedule: base, Seed: 1, MaxSchedules: 200})
				if err := Verify(tc.p, res.Schedule.Start); err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(res.Schedule.Start, tc.want) {
					t.Errorf("starts %v, want %v (rank order %v)", res.Schedule.Start, tc.want, base.Start)
				}
			})
		}
	}
}

// mustBy gives task 0 of p the deadline last.
func mustBy(p *Problem, last int) *Problem {
	p.Tasks[0].Latest, p.Tasks[0].HasDeadline = last, true
	return p
}

func TestForcedTaskRanksBetweenMandatoryAndKept(t *testing.T) {
	// Capacity 2, every task 2 FTE: must (x2, mandatory), forced (x2,
	// forced in), flag (x1, Kept at 0, weight 10), other (x1, weight 50);
	// rank order: flag, forced, must, other.
	problem := func(horizon int) *Problem {
		p := lineProblem(horizon, 2).task(2, 2, -1).task(2, 2, -1).task(1, 2, -1).task(1, 2, -1)
		p.Tasks[0].Mandatory, p.Tasks[0].Weight = true, 1
		p.Tasks[1].Forced, p.Tasks[1].Weight = true, 1
		p.Tasks[2].Kept, p.Tasks[2].KeepStart, p.Tasks[2].Weight = true, 0, 10
		p.Tasks[3].Weight = 50
		return p
	}
	for _, tc := range []struct {
		name    string
		horizon int
		placed  []bool // must, forced, flag, other
	}{
		// Room for one: the mandatory task, not the forced one.
		{"room for one", 2, []bool{true, false, false, false}},
		// Room for two: must and forced, not the flagship nor other,
		// which is worth more.
		{"forced before kept and the objective", 4, []bool{true, true, false, false}},
		// Room for three: the flagship at its start too.
		{"then kept", 5, []bool{true, true, true, false}},
	} {
		for _, obj := range []Objective{ObjectiveValue, ObjectiveFinish} {
			t.Run(tc.name+", "+string(obj), func(t *testing.T) {
				p := problem(tc.horizon)
				base := SerialSGS(p, []int{2, 1, 0, 3})
				res := Optimize(context.Background(), p, OptimizeInput{Objective: obj, BaselineSchedule: base, Seed: 1, MaxSchedules: 300})
				if err := Verify(p, res.Schedule.Start); err != nil {
					t.Fatal(err)
				}
				placed := make([]bool, len(res.Schedule.Start))
				for i, s := range res.Schedule.Start {
					placed[i] = s >= 0
				}
				if !slices.Equal(placed, tc.placed) {
					t.Errorf("starts %v, want placed %v (rank order %v)", res.Schedule.Start, tc.placed, base.Start)
				}
				if tc.placed[2] && res.Schedule.Start[2] != 0 {
					t.Errorf("flag starts %d, want 0", res.Schedule.Start[2])
				}
			})
		}
	}
}

// A preferred option (Task.Preferred: evaluate's end-of-support and
// deadline trials) goes first at any turn of its choice, also when a
// lead task ranked above takes the other option along as a
// predecessor: the preferred option is placed, the needed one is out
// and the lead task with it, so the trial sees what the preference
// costs. Without a preference the lead takes the option it needs.
// Before, the lead placed its option first and the trial never placed
// the preferred one (issue 15, qa15e E5 with c15m's alternatives).
func TestLeadTaskLetsThePreferredOptionGoFirst(t *testing.T) {
	// capacity 1, horizon 4: 0 lead needs 1 (option a, 2 periods);
	// 2 (option b, 1 period) is a's rival; 3 fills the team later.
	p := func(preferB bool) *Problem {
		p := lineProblem(4, 1)
		p.task(1, 0, -1, 1) // 0 lead
		p.task(2, 1, -1)    // 1 a
		p.task(1, 1, -1)    // 2 b
		p.task(1, 1, -1)    // 3 other
		p.Tasks[0].Lead = true
		p.Tasks[2].Preferred = preferB
		p.Choices = [][]int{{1, 2}}
		return p
	}
	for _, tc := range []struct {
		name   string
		p      *Problem
		want   []int
		pulled []Pull
	}{
		{"no preference: the lead takes a along", p(false), []int{2, 0, -1, 2}, []Pull{{Task: 1, Turn: 0, For: 0, Group: -1}}},
		{"b preferred: b first, a out, the lead out", p(true), []int{-1, -1, 0, 1}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) { checkLeadPasses(t, tc.p, tc.want, tc.pulled) })
	}
}

// checkLeadPasses runs rank order, the serial SGS and the reference heap
// pass (with rank order's second pass, rankOrderByHeap) on p: each must
// start the tasks at want, and rank order must report the tasks it
// pulled ahead.
func checkLeadPasses(t *testing.T, p *Problem, want []int, pulled []Pull) {
	t.Helper()
	sch, err := RankOrder(context.Background(), p, DeadlineWork(len(p.Tasks)))
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(p, sch.Start); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sch.Start, want) {
		t.Errorf("rank order starts %v, want %v", sch.Start, want)
	}
	if diff := cmp.Diff(pulled, sch.Pulled, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("pulled (-want +got):\n%s", diff)
	}
	if serial := SerialSGS(p, identity(len(p.Tasks))); !slices.Equal(serial.Start, want) {
		t.Errorf("serial SGS starts %v, want %v", serial.Start, want)
	}
	if ref := rankOrderByHeap(p); !slices.Equal(ref.Start, want) {
		t.Errorf("heap pass starts %v, want %v", ref.Start, want)
	}
}
