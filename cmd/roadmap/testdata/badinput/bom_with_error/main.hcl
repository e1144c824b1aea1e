roadmap {
  start = "2027-01"
  horizn = 4
}
