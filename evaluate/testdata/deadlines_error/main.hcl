# policy { deadlines = "error" } makes every missed deadline an error:
# "launch" cannot finish by 2027-Q2 (it takes three quarters), so
# policy.deadlines fails with severity error and `roadmap plan` exits
# with status 1. "site" meets its deadline by going ahead of "backend".
roadmap {
  name     = "Deadlines as errors"
  currency = "EUR"
  start    = "2027-Q1"
  horizon  = 6

  policy {
    deadlines = "error"
  }
}

goal "g" {
  weight = 1
}

team "web" {
  capacity = 1
}

project "backend" {
  goals    = { g = 1 }
  duration = 2
  effort   = { web = 1 }
  benefit {
    per_year = 900000
  }
}

project "site" {
  goals    = { g = 1 }
  duration = 1
  effort   = { web = 1 }
  deadline = "2027-Q1"
  benefit {
    per_year = 500000
  }
}

project "launch" {
  goals    = { g = 1 }
  duration = 3
  deadline = "2027-Q2"
  benefit {
    per_year = 400000
  }
}
