# Monthly periods, variables, locals that depend on each other in any
# order, functions, and durations written as strings.
roadmap {
  name          = upper(local.short_name)
  start         = "2027-03-15"
  period        = "month"
  horizon       = var.months
  discount_rate = local.rate
  strategy      = "calculated_risk"
  optimize      = true

  scoring {
    alignment = 0.6
    value     = 0.2
    safety    = 0.2
  }

  policy {
    max_team_utilization = 0.9
    require_goal         = true
    max_budget_share     = 0.95
  }
}

variable "months" {
  type    = number
  default = 12

  validation {
    condition     = var.months >= 1 && var.months <= 36
    error_message = "Plan between 1 and 36 months."
  }
}

variable "teams" {
  type    = map(number)
  default = { apps = 4, ops = 2 }
}

variable "owner" {
  type    = string
  default = "IT"
}

locals {
  # Declared before what it uses: locals are evaluated in dependency order.
  monthly_cost = local.yearly_cost / 12
  yearly_cost  = 120000
  short_name   = "${var.owner} plan"
  rate         = max(0.05, 0.04)
  value_now    = floor(npv(0.1, [100, 100]))
}

team "apps" {
  title        = "Application team"
  capacity     = var.teams["apps"]
  cost_per_fte = local.monthly_cost
  capacity_by_period = {
    "2027-08" = 2
    "2028-02" = 0
  }
}

team "ops" {
  capacity = lookup(var.teams, "ops", 1)
}

budget "run" {
  title  = "Run budget"
  amount = local.value_now * 1000
  per    = "total"
}

vendor "b_saas" {
  category = "itsm"
  annual   = 1000
}

vendor "a_saas" {
  category = "itsm"
  one_time = 500
}

evaluation "itsm" {
  title    = "Service desk"
  category = "itsm"
  criteria = { cost = 1 }
}

project "desk" {
  duration       = "10 weeks"
  vendor         = evaluation.itsm
  effort         = { apps = 1 }
  earliest_start = "2027-Q2"
  deadline       = "2027-12"
  cost {
    one_time = sum([1000, 2000])
  }
}

project "patching" {
  duration  = "1 quarter"
  mandatory = true
  effort    = merge({ ops = 1 }, { apps = 0.5 })
}
