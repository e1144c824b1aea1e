roadmap {
  name     = "Portal programme"
  start    = "2027-Q1"
  horizon  = 8
  currency = "EUR"
  as_of    = "2027-Q3"
}

team "platform" {
  capacity     = 4
  cost_per_fte = 10000
}

project "portal" {
  duration = 4
  effort   = { platform = 2 }
  status   = "in_progress"
  started  = "2027-Q1"
  cost {
    one_time = 100000
  }
  benefit {
    per_year = 200000
  }
  progress {
    spent            = 120000
    percent_complete = 0.4
  }
}

project "crm" {
  duration = 2
  effort   = { platform = 1 }
  status   = "done"
  started  = "2027-Q2"
  finished = "2027-Q2"
  cost {
    one_time = 50000
  }
  benefit {
    per_year = 100000
  }
  progress {
    spent = 50000
  }
}

project "infra" {
  duration       = 2
  earliest_start = "2028-Q1"
  cost {
    one_time = 20000
  }
  benefit {
    per_year = 50000
  }
}

project "analytics" {
  duration = 1
  cost {
    one_time = 10000
  }
  benefit {
    per_year = 30000
  }
}

check "portal_cost_performance" {
  severity      = "warning"
  condition     = plan.projects.portal.cpi == null || plan.projects.portal.cpi >= 0.9
  error_message = "portal earns ${plan.projects.portal.cpi} of value per unit spent (CPI); the portfolio's CPI is ${plan.earned_value.cpi}"
}
