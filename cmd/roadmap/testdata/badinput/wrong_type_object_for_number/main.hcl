roadmap {
  name  = "Bad input"
  start = "2027-01"
}
budget "capex" {
  amount = { q1 = 1 }
}
