package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// bigPlan is a synthetic plan of n projects over periods weeks and five
// teams, for measuring the renderers at scale.
func bigPlan(n, periods int) *evaluate.Plan {
	p := &evaluate.Plan{
		FormatVersion: evaluate.FormatVersion,
		Roadmap:       evaluate.RoadmapInfo{Name: "Big", Currency: "USD", Period: "week", Horizon: periods, Strategy: "value"},
	}
	teams := []string{"platform", "apps", "data", "security", "workplace"}
	for _, id := range teams {
		p.Teams = append(p.Teams, evaluate.TeamInfo{ID: id, Capacity: 40})
	}
	p.Budgets = []evaluate.BudgetInfo{{ID: "capex", Amount: 5e7, Per: "year"}, {ID: "opex", Amount: 2e5, Per: "period"}}
	for i := range periods {
		pe := evaluate.PeriodPlan{Index: i, Label: fmt.Sprintf("2027-W%02d", i%52+1),
			Teams: map[string]evaluate.TeamLoad{}, Budgets: map[string]evaluate.BudgetSpend{}}
		for _, id := range teams {
			pe.Teams[id] = evaluate.TeamLoad{Capacity: 40}
		}
		pe.Budgets["capex"] = evaluate.BudgetSpend{Limit: 5e7, Window: "2027"}
		pe.Budgets["opex"] = evaluate.BudgetSpend{Limit: 2e5, Window: pe.Label}
		p.Periods = append(p.Periods, pe)
	}
	for i := range n {
		start, dur := (i*7)%(periods-10), 4+i%6
		end := start + dur
		sl, el := p.Periods[start].Label, p.Periods[end-1].Label
		pr := evaluate.ProjectPlan{
			ID: fmt.Sprintf("project_%04d", i), Title: fmt.Sprintf("Project number %d", i), Rank: i + 1,
			Status: evaluate.StatusScheduled, Score: 1 - float64(i)/float64(n), StartPeriod: &start, EndPeriod: &end,
			Start: &sl, End: &el, Cost: float64(100000 + i*1000), Benefit: float64(150000 + i*900),
			Effort: map[string]float64{teams[i%5]: 1}, DependsOn: []string{},
		}
		if i%4 == 3 {
			pr.Status, pr.StartPeriod, pr.EndPeriod, pr.Start, pr.End = evaluate.StatusDeferred, nil, nil, nil, nil
			pr.Reasons = []string{"platform is full 2027-W01..2027-W52 and capex has no room left in 2027 for its build cost"}
		} else {
			for k := start; k < end; k++ {
				p.Periods[k].Active = append(p.Periods[k].Active, pr.ID)
				t := p.Periods[k].Teams[teams[i%5]]
				t.Used++
				p.Periods[k].Teams[teams[i%5]] = t
			}
		}
		p.Projects = append(p.Projects, pr)
	}
	return p
}

// BenchmarkRenderPlan renders a 500-project, 104-week plan.
func BenchmarkRenderPlan(b *testing.B) {
	p := bigPlan(500, 104)
	for _, format := range []string{"table", "json", "markdown"} {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if err := RenderPlan(io.Discard, p, format, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
