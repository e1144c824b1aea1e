package schedule

import "fmt"

// Verify checks a schedule against every constraint of the problem from
// scratch, without State: starts inside each task's window and the
// horizon, predecessors placed and finished first, team capacity, budget
// windows, the limit on tasks in flight, each resource's limit on the
// tasks using it at once, at most one option of each choice and together
// groups whole or not at all. start[i] < 0 means task i is out. It is the
// referee for the optimiser's tests and benchmarks.
// The problem's Fixed load counts too: a resource, budget window or slot
// limit may be exceeded only where the fixed load alone exceeds it, and
// then no task may add to it.
func Verify(p *Problem, start []int) error {
	if len(start) != len(p.Tasks) {
		return fmt.Errorf("%d starts for %d tasks", len(start), len(p.Tasks))
	}
	fixedUsed, fixedSpent, fixedInFlight, fixedRunning := p.fixedLoad()
	used, spent, inFlight, running := p.fixedLoad()
	for c, opts := range p.Choices {
		placed := -1
		for _, i := range opts {
			if start[i] < 0 {
				continue
			}
			if placed >= 0 {
				return fmt.Errorf("choice %d: options %s and %s both placed", c, p.Tasks[placed].ID, p.Tasks[i].ID)
			}
			placed = i
		}
	}
	for g, members := range p.Together {
		for _, i := range members {
			if (start[i] < 0) != (start[members[0]] < 0) {
				return fmt.Errorf("together group %d: %s placed but %s out", g, p.Tasks[placedOf(start, members, true)].ID, p.Tasks[placedOf(start, members, false)].ID)
			}
		}
	}
	for i, s := range start {
		if s < 0 {
			continue
		}
		tk := &p.Tasks[i]
		if s < tk.Earliest || s+tk.Duration > p.Horizon || s+tk.Duration-1 > tk.Latest {
			return fmt.Errorf("task %s at %d..%d outside its window %d..%d (horizon %d)", tk.ID, s, s+tk.Duration-1, tk.Earliest, tk.Latest, p.Horizon)
		}
		for _, q := range tk.Preds {
			if start[q] < 0 {
				return fmt.Errorf("task %s placed without its predecessor %s", tk.ID, p.Tasks[q].ID)
			}
			if start[q]+p.Tasks[q].Duration > s {
				return fmt.Errorf("task %s starts at %d before its predecessor %s ends at %d", tk.ID, s, p.Tasks[q].ID, start[q]+p.Tasks[q].Duration)
			}
		}
		for k := range tk.Duration {
			for _, d := range tk.Demand {
				used[d.Resource][s+k] += d.Amount
				if running[d.Resource] != nil && d.Amount > 0 {
					running[d.Resource][s+k]++
				}
			}
			inFlight[s+k]++
			for b := range p.Budgets {
				if share := tk.ShareOf(b); share > 0 {
					spent[b][p.Budgets[b].Window[s+k]] += share * tk.Spend[k]
				}
			}
		}
		addRun(p, spent, tk.Run, tk.RunShares, s+tk.Duration, 1)
		addSteady(p, spent, tk.RunYear, tk.RunShares, 1)
	}
	for r := range used {
		for t, u := range used[r] {
			if u > max(p.Resources[r].Capacity[t], fixedUsed[r][t])+1e-6 {
				return fmt.Errorf("resource %s over capacity in period %d: %g > %g", p.Resources[r].ID, t, u, p.Resources[r].Capacity[t])
			}
		}
	}
	for b := range spent {
		for w, s := range spent[b] {
			if lim := max(p.Budgets[b].LimitOf(w), fixedSpent[b][w]); s > lim+1e-6*(1+lim) {
				return fmt.Errorf("budget %s over its limit in window %d: %g > %g", p.Budgets[b].ID, w, s, lim)
			}
		}
	}
	if err := p.verifyDatedStarts(start); err != nil {
		return err
	}
	for r := range running {
		for t, c := range running[r] {
			if c > max(p.Resources[r].MaxParallel, fixedRunning[r][t]) {
				return fmt.Errorf("resource %s runs %d tasks in period %d, limit %d", p.Resources[r].ID, c, t, p.Resources[r].MaxParallel)
			}
		}
	}
	if p.MaxParallel > 0 {
		for t, c := range inFlight {
			if c > max(p.MaxParallel, fixedInFlight[t]) {
				return fmt.Errorf("%d tasks in flight in period %d, limit %d", c, t, p.MaxParallel)
			}
		}
	}
	return nil
}

// placedOf is the first of members that is placed (placed true) or out.
func placedOf(start, members []int, placed bool) int {
	for _, i := range members {
		if (start[i] >= 0) == placed {
			return i
		}
	}
	return members[0]
}
