package schedule

import (
	"context"
	"fmt"
	"runtime"
	"testing"
)

// comb is a resource with max_parallel 1 held in every other period of
// horizon h by one-period tasks, and late tasks of two periods that never
// fit: each waits on h/2 runs of periods.
func comb(h, late int) *Problem {
	capacity := make([]float64, h)
	for t := range capacity {
		capacity[t] = 1000
	}
	p := &Problem{Horizon: h, Resources: []Resource{{ID: "r", Capacity: capacity, MaxParallel: 1}}}
	for t := 0; t < h; t += 2 {
		p.Tasks = append(p.Tasks, Task{ID: fmt.Sprint("hold", t), Duration: 1, Budget: -1, Earliest: t, Latest: t,
			Demand: []Demand{{Resource: 0, Amount: 1}}})
	}
	for k := range late {
		p.Tasks = append(p.Tasks, Task{ID: fmt.Sprint("late", k), Duration: 2, Budget: -1, Latest: h - 1,
			Demand: []Demand{{Resource: 0, Amount: 1}}})
	}
	return p
}

// A wait's explanation lists at most MaxListed runs of periods and
// counts the rest, and builds no more than it lists (review qa15g F13:
// every run of every waited period was built for every late task, then
// cut to 100; 10,000 projects took 1.6 GB).
func TestWaitExplanationsBuildOnlyWhatTheyList(t *testing.T) {
	const h, late = 4000, 20
	p := comb(h, late)
	sch, err := RankOrder(context.Background(), p, 0)
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	exps, err := Explain(context.Background(), p, sch)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	for k := range late {
		i := h/2 + k
		if sch.Start[i] >= 0 {
			t.Fatalf("late%d placed at %d", k, sch.Start[i])
		}
		var o *Obstacle
		for j := range exps[i].Obstacles {
			if exps[i].Obstacles[j].Kind == ObstacleTeamParallel {
				o = &exps[i].Obstacles[j]
			}
		}
		if o == nil {
			t.Fatalf("late%d: no team_parallel obstacle in %+v", k, exps[i].Obstacles)
		}
		if len(o.Periods) != MaxListed || o.MorePeriods != h/2-MaxListed || o.Periods[1] != (Span{2, 2}) {
			t.Errorf("late%d: %d runs listed (second %v), %d more; want %d and %d", k, len(o.Periods), o.Periods[1], o.MorePeriods, MaxListed, h/2-MaxListed)
		}
		if len(o.Holders) != MaxListed || o.MoreHolders != h/2-MaxListed {
			t.Errorf("late%d: %d holders, %d more", k, len(o.Holders), o.MoreHolders)
		}
	}
	// Per late task (the holders' explanations counted in): its
	// obstacle (100 runs, 100 holders) and the period flags of one pass
	// over its starts, about 60 KB; not a slice of every run (2,000 of
	// 16 bytes) and counts per obstacle (4,000 of 8): 270 KB before.
	perTask := (after.TotalAlloc - before.TotalAlloc) / late
	if perTask > 100_000 {
		t.Errorf("explaining a late task allocated %d bytes, want under 100,000", perTask)
	}
}

func BenchmarkExplainWaits(b *testing.B) {
	p := comb(4000, 200)
	sch, err := RankOrder(context.Background(), p, 0)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Explain(context.Background(), p, sch); err != nil {
			b.Fatal(err)
		}
	}
}
