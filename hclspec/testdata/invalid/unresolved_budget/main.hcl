roadmap {
  name  = "Test"
  start = "2027-01"
}

budget "capex" {
  amount = 100
}

budget "opex" {
  amount = 100
}

project "p" {
  duration = 1
  funding  = budget.capx
}
