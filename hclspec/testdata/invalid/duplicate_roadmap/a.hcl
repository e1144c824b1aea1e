roadmap {
  name  = "Test"
  start = "2027-01"
}
