roadmap {
  start   = "2027-01"
  horizon = 0
}
