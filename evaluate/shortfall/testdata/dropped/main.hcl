# Projects gates drop: some because the roadmap's teams or budgets are too
# small for them (a change of resources gets them in), the others for a
# reason no resource changes.
roadmap {
  name          = "Dropped"
  currency      = "EUR"
  start         = "2027-Q1"
  horizon       = 8
  risk_appetite = 0.5
}

goal "g" {
  weight = 1
}

team "apps" {
  capacity     = 3
  cost_per_fte = 10000
}

budget "capex" {
  amount = 300000
}

project "portal" {
  goals    = { g = 1 }
  duration = 2
  effort   = { apps = 2 }
  funding  = budget.capex
  cost { one_time = 100000 }
  benefit { per_year = 400000 }
}

# Needs 4 FTE of apps, which has 3: the resources gate drops it, with a
# deadline, so it also misses that.
project "big_apps" {
  goals    = { g = 0.9 }
  duration = 2
  effort   = { apps = 4 }
  deadline = "2027-Q4"
  benefit { per_year = 300000 }
}

# Spends 400,000 in one quarter; capex has 300,000 a year.
project "pricey" {
  goals    = { g = 0.8 }
  duration = 1
  effort   = { apps = 1 }
  funding  = budget.capex
  cost { one_time = 400000 }
  benefit { per_year = 250000 }
}

project "risky" {
  goals    = { g = 1 }
  duration = 1
  effort   = { apps = 1 }
  deadline = "2027-Q3"
  benefit { per_year = 100000 }
  risk {
    failure = 0.7
  }
}

project "no_goal" {
  goals    = { g = 0 }
  duration = 1
  effort   = { apps = 1 }
  benefit { per_year = 100000 }
}

project "parked" {
  goals    = { g = 0.5 }
  duration = 1
  effort   = { apps = 1 }
  excluded = true
  benefit { per_year = 90000 }
}

project "buy_crm" {
  goals    = { g = 1 }
  duration = 1
  effort   = { apps = 1 }
  benefit { per_year = 200000 }
}

project "build_crm" {
  goals    = { g = 0.6 }
  duration = 2
  effort   = { apps = 1 }
  benefit { per_year = 100000 }
}

choice "crm" {
  options = [project.buy_crm, project.build_crm]
}
