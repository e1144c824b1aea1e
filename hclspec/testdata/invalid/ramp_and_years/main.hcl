roadmap {
  name  = "Test"
  start = "2027-01"
}

project "p" {
  duration = 1
  benefit {
    per_year     = 100
    ramp_periods = 1.5
    years        = 0
  }
}

project "q" {
  duration = 1
  benefit {
    ramp_periods = -1
    years        = -2
  }
}
