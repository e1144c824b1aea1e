roadmap {
  name     = "Shortfall"
  currency = "EUR"
  start    = "2027-Q1"
  horizon  = 6
}

goal "g" {
  weight = 1
}

department "d" {}

team "apps" {
  capacity     = 3
  cost_per_fte = 10000
}

team "data" {
  capacity     = 2
  cost_per_fte = 12000
}

budget "capex" {
  amount = 300000
}

# Ranked first: holds all of apps in 2027-Q1..Q2.
# Promised for 2027-Q2: crm cannot go ahead of it.
project "portal" {
  goals       = { g = 1 }
  endorsed_by = [department.d]
  duration    = 2
  deadline    = "2027-Q2"
  effort      = { apps = 3 }
  funding     = budget.capex
  cost { one_time = 40000 }
  benefit { per_year = 400000 }
}

# Needs apps by 2027-Q2: deferred, its deadline missed. More apps FTE
# in 2027-Q1..Q2, or a later deadline, gets it in.
project "crm" {
  goals       = { g = 0.9 }
  endorsed_by = [department.d]
  duration    = 2
  effort      = { apps = 2 }
  deadline    = "2027-Q2"
  funding     = budget.capex
  cost { one_time = 20000 }
  benefit { per_year = 300000 }
}

# Fits the teams but not capex's money in 2027 once portal and warehouse
# have theirs.
project "warehouse" {
  goals       = { g = 0.8 }
  endorsed_by = [department.d]
  duration    = 2
  effort      = { data = 1 }
  funding     = budget.capex
  cost { one_time = 150000 }
  benefit { per_year = 250000 }
}

project "dwh" {
  goals          = { g = 0.7 }
  endorsed_by    = [department.d]
  duration       = 4
  effort         = { data = 1 }
  funding        = budget.capex
  earliest_start = "2027-Q1"
  deadline       = "2027-Q4"
  cost { one_time = 200000 }
  benefit { per_year = 250000 }
}

# Depends on crm: no change of its own gets it in while crm is deferred.
project "crm_reports" {
  goals       = { g = 0.5 }
  endorsed_by = [department.d]
  duration    = 1
  effort      = { data = 1 }
  depends_on  = [project.crm]
  cost { one_time = 10000 }
  benefit { per_year = 50000 }
}

# Needs all of data for two quarters from 2027-Q3, where the projects
# ranked above hold some of it.
project "ml" {
  goals          = { g = 0.55 }
  endorsed_by    = [department.d]
  duration       = 2
  effort         = { data = 2 }
  earliest_start = "2027-Q3"
  cost { one_time = 10000 }
  benefit { per_year = 60000 }
}
