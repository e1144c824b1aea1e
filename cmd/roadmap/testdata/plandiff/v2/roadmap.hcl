# The second version of ../v1: one change of each kind a plan diff reports.
roadmap {
  name          = "Diff demo"
  currency      = "EUR"
  start         = "2027-Q1"
  period        = "quarter"
  horizon       = 6
  discount_rate = 0.08

  policy {
    require_goal = true
  }
}

goal "grow" {
  title  = "Grow revenue"
  weight = 3
}

goal "secure" {
  title  = "Be secure"
  weight = 2
}

department "sales" {
  title = "Sales"
}

department "finance" {
  title = "Finance"
}

team "platform" {
  capacity     = 3
  cost_per_fte = 30000
}

team "apps" {
  capacity     = 4
  cost_per_fte = 30000
}

budget "capex" {
  amount = 3000000
  per    = "total"
}

check "cost_ceiling" {
  condition     = plan.totals.cost <= 1400000
  error_message = "The scheduled projects cost more than 1.4 million."
  severity      = "error"
}

check "crm_live_2027" {
  condition     = plan.projects["crm_migration"].end_period <= 4
  error_message = "Sales needs the new CRM live by the end of 2027."
  severity      = "error"
}
