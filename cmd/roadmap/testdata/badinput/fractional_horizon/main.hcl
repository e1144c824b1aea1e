roadmap {
  start   = "2027-01"
  horizon = 2.5
}
