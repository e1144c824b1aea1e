package hclspec

import "github.com/hashicorp/hcl/v2"

// The schemas below are the whole v1 language: body.Content reports any
// block or attribute they do not name as unsupported, with HCL's own
// "did you mean" suggestions.

var fileSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "roadmap"},
		{Type: "variable", LabelNames: []string{"name"}},
		{Type: "locals"},
		{Type: "goal", LabelNames: []string{"id"}},
		{Type: "department", LabelNames: []string{"id"}},
		{Type: "team", LabelNames: []string{"id"}},
		{Type: "budget", LabelNames: []string{"id"}},
		{Type: "vendor", LabelNames: []string{"id"}},
		{Type: "evaluation", LabelNames: []string{"id"}},
		{Type: "project", LabelNames: []string{"id"}},
		{Type: "choice", LabelNames: []string{"id"}},
		{Type: "system", LabelNames: []string{"id"}},
		{Type: "check", LabelNames: []string{"id"}},
		{Type: "scenario", LabelNames: []string{"name"}},
	},
}

var roadmapSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "name"},
		{Name: "currency"},
		{Name: "start", Required: true},
		{Name: "period"},
		{Name: "horizon"},
		{Name: "discount_rate"},
		{Name: "strategy"},
		{Name: "risk_appetite"},
		{Name: "max_parallel"},
		{Name: "stack"},
		{Name: "optimize"},
		{Name: "objective"},
		{Name: "flagship"},
		{Name: "estimate"},
		{Name: "as_of"},
	},
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "scoring"},
		{Type: "policy"},
		{Type: "hurdle"},
	},
}

var hurdleSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "min_risk_adjusted_npv"},
		{Name: "min_irr"},
		{Name: "max_payback"},
	},
}

var scoringSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "alignment"},
		{Name: "value"},
		{Name: "safety"},
		{Name: "value_scale"},
	},
}

var policySchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "max_team_utilization"},
		{Name: "require_goal"},
		{Name: "replace_before_end_of_support"},
		{Name: "max_budget_share"},
		{Name: "deadlines"},
	},
}

var variableSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "type"},
		{Name: "default"},
		{Name: "description"},
	},
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "validation"},
	},
}

var variableValidationSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "condition", Required: true},
		{Name: "error_message", Required: true},
	},
}

var goalSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "title"},
		{Name: "weight"},
		{Name: "term"},
	},
}

var departmentSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "title"},
		{Name: "head"},
		{Name: "needs"},
	},
}

var teamSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "title"},
		{Name: "capacity", Required: true},
		{Name: "capacity_by_period"},
		{Name: "cost_per_fte"},
		{Name: "max_parallel"},
	},
}

var budgetSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "title"},
		{Name: "amount", Required: true},
		{Name: "per"},
		{Name: "kind"},
	},
}

var vendorSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "title"},
		{Name: "category"},
		{Name: "one_time"},
		{Name: "annual"},
		{Name: "provides"},
		{Name: "scores"},
	},
}

var evaluationSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "title"},
		{Name: "category"},
		{Name: "candidates"},
		{Name: "criteria", Required: true},
		{Name: "minimum_score"},
		{Name: "years"},
		{Name: "cost_scale"},
	},
}

var projectSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "title"},
		{Name: "goals"},
		{Name: "endorsed_by"},
		{Name: "opposed_by"},
		{Name: "depends_on"},
		{Name: "requires"},
		{Name: "provides"},
		{Name: "vendor"},
		{Name: "duration", Required: true},
		{Name: "effort"},
		{Name: "funding"},
		{Name: "earliest_start"},
		{Name: "deadline"},
		{Name: "mandatory"},
		{Name: "excluded"},
		{Name: "together"},
		{Name: "replaces"},
		{Name: "run_funding"},
		{Name: "status"},
		{Name: "started"},
		{Name: "finished"},
	},
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "cost"},
		{Type: "benefit"},
		{Type: "risk"},
		{Type: "progress"},
	},
}

var progressSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "spent"},
		{Name: "percent_complete"},
		{Name: "remaining_duration"},
		{Name: "remaining_effort"},
		{Name: "remaining_cost"},
	},
}

var costSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "one_time"},
		{Name: "per_year"},
	},
}

var benefitSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "per_year"},
		{Name: "ramp_periods"},
		{Name: "years"},
	},
}

var riskSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "disruption"},
		{Name: "security"},
		{Name: "failure"},
		{Name: "disruption_cost"},
		{Name: "security_cost"},
	},
}

var choiceSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "title"},
		{Name: "options", Required: true},
	},
}

var checkSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "condition", Required: true},
		{Name: "error_message", Required: true},
		{Name: "severity"},
	},
}
