roadmap {
  name  = "Test"
  start = "2027-01"
}

goal "growth" {
  weight = 1
}

goal "savings" {
  weight = 1
}

project "p" {
  duration = 1
  goals    = { growth = 2, savings = -0.5 }
}
