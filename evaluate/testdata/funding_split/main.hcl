# Two budgets, so every project that spends names which one pays; a
# project may split its build spend between them. Quarterly, 2027.
#
#   capex  400,000 a year;  opex  100,000 a year
#
#   crm       one_time 300,000 in 2027-Q1: 70% capex (210,000), 30% opex
#             (90,000)
#   portal    one_time 150,000: capex alone, 210,000 + 150,000 fits capex
#   intranet  one_time 50,000, half and half: capex would have room
#             (360,000 + 25,000), but opex has only 10,000 left in 2027,
#             so it waits for 2028
#   training  no build spend: needs no funding
roadmap {
  name     = "Funding split"
  currency = "EUR"
  start    = "2027-Q1"
  horizon  = 8
}

goal "grow" {
  weight = 1
}

budget "capex" {
  amount = 400000
  per    = "year"
}

budget "opex" {
  amount = 100000
  per    = "year"
}

project "crm" {
  goals    = { grow = 1 }
  duration = 1
  funding  = { capex = 0.7, opex = 0.3 }
  cost {
    one_time = 300000
  }
  benefit {
    per_year = 400000
  }
}

project "portal" {
  goals    = { grow = 0.8 }
  duration = 1
  funding  = budget.capex
  cost {
    one_time = 150000
  }
  benefit {
    per_year = 200000
  }
}

project "intranet" {
  goals    = { grow = 0.5 }
  duration = 1
  funding  = { capex = 0.5, opex = 0.5 }
  cost {
    one_time = 50000
  }
  benefit {
    per_year = 40000
  }
}

project "training" {
  goals    = { grow = 0.2 }
  duration = 1
  benefit {
    per_year = 10000
  }
}
