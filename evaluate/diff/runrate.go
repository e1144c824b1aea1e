package diff

import "github.com/roadmap-as-code/roadmap/evaluate"

// RunRateDiff is the run rate of both plans (the plan's run_rate): the
// run costs a year the projects add, the systems they retire and the net,
// once everything is live; Changes lists those that differ
// (added_per_year, retired_per_year, net_per_year, in this order) and
// Years the budget years of the horizon whose run cost differs.
type RunRateDiff struct {
	Before  RunRateTotals       `json:"before"`
	After   RunRateTotals       `json:"after"`
	Changes []Change            `json:"changes"`
	Years   []RunRateYearChange `json:"years"`
}

// RunRateTotals are a plan's run costs a year once everything is live.
type RunRateTotals struct {
	AddedPerYear   float64 `json:"added_per_year"`
	RetiredPerYear float64 `json:"retired_per_year"`
	NetPerYear     float64 `json:"net_per_year"`
}

// RunRateYearChange is a budget year whose run cost differs: what the
// projects live in it add, what the systems they retire save, the net.
// Before or After is null when the year is not in that plan's horizon.
type RunRateYearChange struct {
	Year   string       `json:"year"`
	Before *RunRateYear `json:"before"`
	After  *RunRateYear `json:"after"`
}

// RunRateYear is the run cost one budget year pays.
type RunRateYear struct {
	Added   float64 `json:"added"`
	Retired float64 `json:"retired"`
	Net     float64 `json:"net"`
}

// Changed reports whether the run rate differs.
func (r RunRateDiff) Changed() bool { return len(r.Changes)+len(r.Years) > 0 }

// NetChange is the change of the net run cost a year once everything is
// live.
func (r RunRateDiff) NetChange() float64 { return r.After.NetPerYear - r.Before.NetPerYear }

// diffRunRate compares the two plans' run rates. Years are in the after
// plan's order, then those of the before plan only; a year on one side
// only that pays nothing is no change. A plan saved before the run rate
// existed has none: every year with run costs shows as added.
func diffRunRate(before, after *evaluate.Plan) RunRateDiff {
	b, a := before.RunRate, after.RunRate
	d := RunRateDiff{
		Before: RunRateTotals{b.AddedPerYear, b.RetiredPerYear, b.NetPerYear},
		After:  RunRateTotals{a.AddedPerYear, a.RetiredPerYear, a.NetPerYear},
		Years:  []RunRateYearChange{},
	}
	var cs changes
	cs.num("added_per_year", b.AddedPerYear, a.AddedPerYear)
	cs.num("retired_per_year", b.RetiredPerYear, a.RetiredPerYear)
	cs.num("net_per_year", b.NetPerYear, a.NetPerYear)
	d.Changes = cs.list()

	bm := make(map[string]*evaluate.RunRateYear, len(b.Years))
	for i := range b.Years {
		bm[b.Years[i].Year] = &b.Years[i]
	}
	inAfter := make(map[string]bool, len(a.Years))
	for i := range a.Years {
		ay := &a.Years[i]
		inAfter[ay.Year] = true
		by := bm[ay.Year]
		switch {
		case by == nil && idleYear(ay):
		case by == nil:
			d.Years = append(d.Years, RunRateYearChange{Year: ay.Year, After: yearCost(ay)})
		case !sameNum(by.Added, ay.Added) || !sameNum(by.Retired, ay.Retired):
			d.Years = append(d.Years, RunRateYearChange{Year: ay.Year, Before: yearCost(by), After: yearCost(ay)})
		}
	}
	for i := range b.Years {
		if by := &b.Years[i]; !inAfter[by.Year] && !idleYear(by) {
			d.Years = append(d.Years, RunRateYearChange{Year: by.Year, Before: yearCost(by)})
		}
	}
	return d
}

func idleYear(y *evaluate.RunRateYear) bool { return y.Added == 0 && y.Retired == 0 }

func yearCost(y *evaluate.RunRateYear) *RunRateYear {
	return &RunRateYear{Added: y.Added, Retired: y.Retired, Net: y.Net}
}
