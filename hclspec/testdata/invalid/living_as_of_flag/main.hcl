# --as-of (options.txt) names a date after the horizon.
roadmap {
  start   = "2027-Q1"
  horizon = 4
  as_of   = "2027-Q2"
}
