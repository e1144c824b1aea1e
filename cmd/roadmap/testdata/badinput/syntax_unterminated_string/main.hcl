roadmap {
  name  = "Bad
  start = "2027-01"
}
