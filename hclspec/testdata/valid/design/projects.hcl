project "sso" {
  title    = "Single sign-on everywhere"
  goals    = { cut_costs = 0.3 }
  duration = "6 months"
  effort   = { platform = 2 }
  cost { one_time = 50000 }
}

project "crm_migration" {
  title       = "Move sales to a hosted CRM"
  goals       = { grow_revenue = 1.0, cut_costs = 0.4 }
  endorsed_by = [department.sales]
  opposed_by  = []
  depends_on  = [project.sso]
  requires    = ["sso", "crm"]
  provides    = ["customer_360"]
  vendor      = evaluation.crm
  duration    = 3
  effort      = { platform = 2, data = 1 }
  funding     = budget.capex
  cost {
    one_time = 150000
    per_year = 20000
  }
  benefit {
    per_year     = 400000
    ramp_periods = 2
    years        = 5
  }
  risk {
    disruption = 0.2
    security   = 0.1
    failure    = 0.25
  }
  earliest_start = "2027-Q2"
  deadline       = "2028-Q2"
  mandatory      = false
}
