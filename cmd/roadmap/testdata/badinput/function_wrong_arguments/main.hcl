roadmap {
  name  = "Bad input"
  start = "2027-01"
}
budget "b" {
  amount = max()
}
