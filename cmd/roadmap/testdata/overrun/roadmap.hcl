roadmap {
  name    = "silent overrun"
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-Q3"
}
goal "g" {
  weight = 1
}
budget "capex" {
  amount = 100000
  per    = "year"
}
project "late_work" {
  goals    = { g = 1 }
  status   = "in_progress"
  started  = "2027-Q1"
  duration = 2
  cost {
    one_time = 80000
  }
  benefit {
    per_year = 100000
  }
  progress {
    spent            = 90000
    percent_complete = 0.5
  }
}
