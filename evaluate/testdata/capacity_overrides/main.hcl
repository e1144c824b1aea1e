# capacity_by_period: nobody in 2027-Q2 (holidays), twice the team in
# 2027-Q4 (contractors).
roadmap {
  name     = "Capacity overrides"
  currency = "EUR"
  start    = "2027-Q1"
  horizon  = 6
}

goal "g" {
  weight = 1
}

team "apps" {
  capacity           = 3
  capacity_by_period = { "2027-Q2" = 0, "2027-Q4" = 6 }
  cost_per_fte       = 25000
}

# Two quarters of 2 FTE: 2027-Q2 is empty, so the first slot is 2027-Q3.
project "upgrade" {
  goals    = { g = 1 }
  duration = 2
  effort   = { apps = 2 }
  benefit {
    per_year = 400000
  }
}

# 4 FTE, more than the usual 3: only 2027-Q4 has them.
project "burst" {
  goals    = { g = 1 }
  duration = 1
  effort   = { apps = 4 }
  benefit {
    per_year = 300000
  }
}

# 1 FTE for a quarter fits 2027-Q1.
project "quick_win" {
  goals    = { g = 1 }
  duration = 1
  effort   = { apps = 1 }
  benefit {
    per_year = 100000
  }
}
