package evaluate

import (
	"math"

	"github.com/roadmap-as-code/roadmap/finance"
)

// groupValue is a together group judged as one investment: its members
// run all or none, so a pilot with no benefit of its own is judged with
// the rollout it runs with (by the hurdle and the "destroys value"
// warning). Each member's flows count from its earliest start within the
// group: after the members it depends on have finished.
type groupValue struct {
	members         []*projectEval
	rnpv            float64
	irr, payback    *float64
	returnsComputed bool
	// free is set when the summed flows are never negative and add up
	// to more than 0: nothing is invested, an unbounded rate (min_irr).
	free bool
}

// togetherValue is pe's group, nil when pe runs with no partner.
func (e *evaluation) togetherValue(pe *projectEval) *groupValue {
	if e.groupValues == nil {
		e.groupValues = map[*projectEval]*groupValue{}
		for _, members := range e.groups() {
			g := &groupValue{members: members}
			if len(g.members) < 2 {
				continue
			}
			for _, m := range g.members {
				e.groupValues[m] = g
			}
			e.sumGroup(g)
		}
	}
	return e.groupValues[pe]
}

// sumGroup sets g's risk-adjusted NPV, and its IRR and payback when the
// plan needs returns, from its members' flows at their offsets.
func (e *evaluation) sumGroup(g *groupValue) {
	in := make(map[string]*projectEval, len(g.members))
	for _, m := range g.members {
		in[m.cfg.ID] = m
	}
	offset := make(map[*projectEval]int, len(g.members))
	var at func(m *projectEval, depth int) int
	at = func(m *projectEval, depth int) int {
		if o, ok := offset[m]; ok {
			return o
		}
		o := 0
		if depth < len(g.members) { // the loader rejects cycles; stay bounded
			for _, d := range m.cfg.DependsOn {
				if q := in[d]; q != nil && q != m {
					o = max(o, at(q, depth+1)+max(q.cfg.Duration, 1))
				}
			}
		}
		o = min(o, e.horizon)
		offset[m] = o
		return o
	}
	n := 0
	for _, m := range g.members {
		o := at(m, 0)
		n = max(n, o+len(m.fin.Flows))
		g.rnpv += m.fin.RiskAdjustedNPV / math.Pow(1+m.fin.PeriodRate, float64(o))
	}
	if !e.needReturns() {
		return
	}
	g.returnsComputed = true
	flows := make([]float64, n)
	for _, m := range g.members {
		o := offset[m]
		for k, x := range m.fin.Flows {
			flows[o+k] += x
		}
	}
	if r, ok := finance.IRR(flows); ok {
		if annual := math.Pow(1+r, float64(e.ppy)) - 1; finance.Finite(annual) {
			g.irr = &annual
		}
	}
	if pb, ok := finance.Payback(flows); ok {
		g.payback = &pb
	}
	total := 0.0
	for _, x := range flows {
		total += x
	}
	g.free = total > 0 && noOutlay(flows)
}

// hasMandatory reports whether a member of g is mandatory: the group then
// runs whatever its value.
func (g *groupValue) hasMandatory() bool {
	for _, m := range g.members {
		if m.cfg.Mandatory {
			return true
		}
	}
	return false
}

// others names g's members other than pe.
func (g *groupValue) others(pe *projectEval) string {
	ids := make([]string, 0, len(g.members)-1)
	for _, m := range g.members {
		if m != pe {
			ids = append(ids, m.cfg.ID)
		}
	}
	return namesText(ids, 0)
}
