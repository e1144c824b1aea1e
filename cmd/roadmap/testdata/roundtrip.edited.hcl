# The projects: kept by a round trip.

project "a" {
  title       = "Alpha two"
  goals       = { g = 1 }
  endorsed_by = [department.d]
  duration    = "6 months" # as written
  effort      = { apps = 1 }
  funding     = budget.capex
  run_funding = budget.opex
  status      = "in_progress"
  started     = "2027-01-15"
  together    = [project.b]
  cost {
    one_time = 80000
    per_year = 5000
  }
  progress {
    spent            = 100000 # actuals
    percent_complete = 0.5
    remaining_cost   = 20000
  }
}

project "b" {
  goals    = { g = 0.5 }
  duration = 1
  funding  = { capex = 0.7, opex = 0.3 }
  cost {
    one_time = var.pilot_cost
  }
}

project "c" {
  goals    = { g = 0.4 }
  duration = pert(1, 2, 4)
  replaces = [system.legacy]
  deadline = "2028-Q2"
  funding  = budget.capex
  benefit {
    per_year = 60000
  }
}

# pick one
choice "k" {
  options = [project.b, project.c]
}

project "e" {
  duration = 1
  funding  = budget.capex
  status   = "committed"
}
