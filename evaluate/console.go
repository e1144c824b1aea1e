package evaluate

import "github.com/zclconf/go-cty/cty"

// PlanValue is the whole plan as check conditions see it (plan.projects,
// plan.periods, plan.vendors, plan.roadmap, plan.totals, plan.run_rate,
// plan.systems, plan.choices), for `roadmap console`.
func PlanValue(p *Plan) cty.Value {
	return planValue(p, nil)
}
