# An opex budget pays a year of run costs once everything is live, after
# the horizon: a's 40,000 a year leaves 10,000 of opex's 50,000, and b
# needs 30,000. A later go-live does not help; 20,000 more a year does.
roadmap {
  start    = "2027-Q1"
  horizon  = 8
  currency = "EUR"
}

goal "g" {
  weight = 1
}

budget "capex" {
  amount = 1000000
  per    = "year"
}

budget "opex" {
  kind   = "opex"
  amount = 50000
  per    = "year"
}

project "a" {
  goals    = { g = 0.9 }
  duration = 1
  funding  = budget.capex
  cost {
    one_time = 10000
    per_year = 40000
  }
  benefit {
    per_year = 300000
  }
}

project "b" {
  goals    = { g = 0.9 }
  duration = 1
  funding  = budget.capex
  cost {
    one_time = 10000
    per_year = 30000
  }
  benefit {
    per_year = 150000
  }
}
