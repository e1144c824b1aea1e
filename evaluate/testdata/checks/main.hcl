# Check blocks see the plan; built-in policies are switched on in the
# roadmap block. max_team_utilization is planned within: "mail" waits
# until "erp" leaves it room under 90% of platform, so "mail_by_mid_2027"
# fails, and so does "capacity".
roadmap {
  name     = "Checks"
  currency = "EUR"
  start    = "2027-Q1"
  horizon  = 4

  policy {
    max_team_utilization = 0.9
    require_goal         = true
    max_budget_share     = 0.95
  }
}

variable "capex" {
  type    = number
  default = 400000
}

locals {
  min_scheduled = 3
}

goal "g" {
  weight = 1
}

team "platform" {
  capacity     = 2
  cost_per_fte = 20000
}

budget "capex" {
  amount = var.capex
  per    = "year"
}

project "erp" {
  goals    = { g = 1 }
  duration = 2
  effort   = { platform = 1.5 }
  cost {
    one_time = 100000
  }
  benefit {
    per_year = 300000
  }
}

project "mail" {
  goals    = { g = 0.5 }
  duration = 1
  effort   = { platform = 0.5 }
  cost {
    one_time = 20000
  }
  benefit {
    per_year = 50000
  }
}

check "capex_headroom" {
  condition     = plan.totals.cost <= var.capex * 2 * 0.9
  error_message = "Keep 10% of capex unallocated."
}

check "capacity" {
  condition     = plan.totals.scheduled >= local.min_scheduled
  error_message = "Only ${plan.totals.scheduled} projects scheduled; want ${local.min_scheduled}."
  severity      = "warning"
}

check "erp_first" {
  condition     = plan.projects["erp"].rank == 1 && plan.projects.erp.start == "2027-Q1"
  error_message = "ERP must start first."
}

check "mail_by_mid_2027" {
  condition     = plan.projects.mail.end_period != null && plan.projects.mail.end_period <= 2
  error_message = "Mail must finish by mid-2027."
}
