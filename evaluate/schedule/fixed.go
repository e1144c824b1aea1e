package schedule

// Fixed is load placed before any task is decided, whatever the room:
// work already in flight at a status date (it keeps its place), or spend
// to date in periods that are history. Every schedule generation starts
// from a State holding it (NewState, reset), so rank order, the
// optimiser and Explain all schedule tasks in the room it leaves; Verify
// counts it and tolerates an overload that fixed load alone causes (a
// late, over-budget project may already have spent a window's budget),
// never one a task adds to.
//
// Other kinds of pre-placed load (a constraint that reserves capacity)
// can be added here the same way: a Fixed names itself, so explanations
// and reports can say who holds the room.
type Fixed struct {
	ID string
	// Start is the first period of the load; Duration, Demand, Budget,
	// Shares and Spend read as a Task's (Spend has Duration entries).
	// Periods outside the horizon are left out.
	Start    int
	Duration int
	Demand   []Demand
	Budget   int // -1 when unfunded or split
	Shares   []BudgetShare
	Spend    []float64
	// Run and RunShares read as a Task's: spend from Start + Duration on.
	Run       []float64
	RunShares []BudgetShare
	RunYear   float64
	// Slot says whether it takes a slot under MaxParallel: work in flight
	// does, spend to date (history) does not.
	Slot bool
}

// apply adds the fixed load to the totals: resource use, budget spend,
// tasks in flight and, for resources with a MaxParallel (a non-nil row
// of running), the tasks using them.
func (f *Fixed) apply(p *Problem, used [][]float64, spent [][]float64, inFlight []int, running [][]int) {
	for k := 0; k < f.Duration; k++ {
		t := f.Start + k
		if t < 0 || t >= p.Horizon {
			continue
		}
		for _, d := range f.Demand {
			used[d.Resource][t] += d.Amount
			if f.Slot && running != nil && running[d.Resource] != nil && d.Amount > 0 {
				running[d.Resource][t]++
			}
		}
		if f.Slot {
			inFlight[t]++
		}
		if k >= len(f.Spend) {
			continue
		}
		if f.Budget >= 0 {
			spent[f.Budget][p.Budgets[f.Budget].Window[t]] += f.Spend[k]
		}
		for _, sh := range f.Shares {
			spent[sh.Budget][p.Budgets[sh.Budget].Window[t]] += sh.Share * f.Spend[k]
		}
	}
	addRun(p, spent, f.Run, f.RunShares, f.Start+f.Duration, 1)
	addSteady(p, spent, f.RunYear, f.RunShares, 1)
}

// placeFixed puts every fixed load into an empty state.
func (s *State) placeFixed() {
	for i := range s.p.Fixed {
		f := &s.p.Fixed[i]
		f.apply(s.p, s.used, s.spent, s.inFlight, s.running)
		if s.dated != nil {
			addDated(s.dated, f.Start, f.Duration, f.Spend, f.Budget, f.Shares, f.Run, f.RunShares, 1)
		}
	}
}

// fixedLoad is the load of the fixed entries alone: per resource and
// period, per budget and window, slots per period and, for each resource
// with a MaxParallel, the tasks using it per period (nil rows for the
// others).
func (p *Problem) fixedLoad() (used [][]float64, spent [][]float64, inFlight []int, running [][]int) {
	used = make([][]float64, len(p.Resources))
	for r := range used {
		used[r] = make([]float64, p.Horizon)
	}
	spent = make([][]float64, len(p.Budgets))
	for b := range spent {
		spent[b] = make([]float64, p.Budgets[b].slots())
	}
	inFlight = make([]int, p.Horizon)
	running = make([][]int, len(p.Resources))
	for r := range running {
		if p.Resources[r].MaxParallel > 0 {
			running[r] = make([]int, p.Horizon)
		}
	}
	for i := range p.Fixed {
		p.Fixed[i].apply(p, used, spent, inFlight, running)
	}
	return used, spent, inFlight, running
}
