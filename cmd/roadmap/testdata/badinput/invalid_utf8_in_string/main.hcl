roadmap {
  name  = "café"
  start = "2027-01"
}
