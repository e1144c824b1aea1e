# A yearly budget counted from the roadmap's start (2027-Q3): the windows
# are 2027-Q3..2028-Q2 and 2028-Q3..2029-Q2. Each project spends 80,000 in
# its one quarter: one fits a year.
roadmap {
  name     = "Budget per year"
  currency = "EUR"
  start    = "2027-Q3"
  horizon  = 8
}

goal "g" {
  weight = 1
}

budget "capex" {
  amount = 100000
  per    = "year"
}

project "first" {
  goals    = { g = 1 }
  duration = 1
  cost {
    one_time = 80000
  }
  benefit {
    per_year = 300000
  }
}

project "second" {
  goals    = { g = 1 }
  duration = 1
  cost {
    one_time = 80000
  }
  benefit {
    per_year = 200000
  }
}

project "third" {
  goals    = { g = 1 }
  duration = 1
  cost {
    one_time = 80000
  }
  benefit {
    per_year = 100000
  }
}

# 15,000 a quarter for two quarters: each year has only 20,000 left, so it
# straddles the turn of the budget year (2028-Q2..2028-Q3).
project "small" {
  goals    = { g = 1 }
  duration = 2
  cost {
    one_time = 30000
  }
  benefit {
    per_year = 10000
  }
}
