roadmap {
  name  = "Bad input"
  start = "2027-01"
}
budget "capex" {
  amount = 1e-400
}
