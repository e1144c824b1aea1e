# DESIGN.md's example, split the way a team would.
roadmap {
  name          = "IT 2027"
  currency      = "EUR"
  start         = "2027-01"
  period        = "quarter"
  horizon       = 8
  discount_rate = 0.08
  strategy      = "value"
  risk_appetite = 0.6
  max_parallel  = 3
  stack         = ["vm", "sso", "postgres"]
}

variable "capex" {
  type        = number
  default     = 1200000
  description = "Capital budget per year"
}

locals {
  fte_quarter = 32000
}

goal "cut_costs" {
  title  = "Cut operating costs"
  weight = 3
  term   = "short"
}

goal "grow_revenue" {
  title  = "Grow revenue"
  weight = 2
}

department "finance" {
  title = "Finance"
  head  = "CFO office"
  needs = ["faster close"]
}

department "sales" {
  title = "Sales"
}

team "platform" {
  capacity           = 6
  capacity_by_period = { "2027-Q3" = 4 }
  cost_per_fte       = local.fte_quarter
}

team "data" {
  capacity     = 3
  cost_per_fte = local.fte_quarter
}

budget "capex" {
  amount = var.capex
  per    = "year"
}

check "capex_headroom" {
  condition     = plan.totals.cost <= var.capex * 2 * 0.9
  error_message = "Keep 10% of capex unallocated."
  severity      = "error"
}
