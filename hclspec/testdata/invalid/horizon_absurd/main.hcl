roadmap {
  start   = "2027-01"
  period  = "week"
  horizon = 100000
}

project "fractional" {
  duration = 1
}
